// SPDX-License-Identifier: MIT
/* -o FILE and -ff's FILE.PID: see outfile.h for the rules. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define OUT_FLAGS (O_WRONLY | O_CLOEXEC | O_NOCTTY)

/* Is the directory holding name world-writable and sticky (/tmp)? */
static bool in_sticky_dir(const char *name)
{
	char dir[PATH_MAX];
	struct stat st;

	if (snprintf(dir, sizeof(dir), "%s", name) >= (int)sizeof(dir))
		return true;	/* cannot tell: be careful */
	if (stat(dirname(dir), &st) < 0)
		return true;
	return (st.st_mode & S_ISVTX) && (st.st_mode & S_IWOTH);
}

/*
 * An existing FILE.PID: empty it only when it is our own regular file with
 * no other name. O_NONBLOCK: a FIFO planted there must not hang the open
 * (it is refused after the fstat); a hard link to another of our files must
 * not be emptied through it.
 */
static int reuse_own(const char *name)
{
	struct stat st;
	int fd = open(name, OUT_FLAGS | O_NOFOLLOW | O_NONBLOCK);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    st.st_nlink != 1 || fcntl(fd, F_SETFL, 0) < 0 || ftruncate(fd, 0) < 0) {
		close(fd);
		errno = EEXIST;
		return -1;
	}
	return fd;
}

/*
 * -o FILE in a world-writable sticky directory: a regular file that another
 * user put there (before us, with protected_regular off) is not emptied nor
 * written: the trace may hold secrets. Never through a link either.
 */
static int open_sticky(const char *name, int flags)
{
	struct stat st;
	int fd = open(name, flags, 0600);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	if (S_ISREG(st.st_mode) && st.st_uid != geteuid()) {
		close(fd);
		errno = EEXIST;
		return -1;
	}
	if (S_ISREG(st.st_mode) && ftruncate(fd, 0) < 0) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

static int open_fd(const char *name, enum rn_outfile_mode mode)
{
	int flags = OUT_FLAGS | O_CREAT | O_NOFOLLOW, fd;

	if (mode == RN_OUT_FRESH) {
		fd = open(name, flags | O_EXCL, 0600);
		if (fd < 0 && errno == EEXIST)
			fd = reuse_own(name);
		return fd;
	}
	if (mode == RN_OUT_TRUNCATE && in_sticky_dir(name))
		return open_sticky(name, flags);
	flags |= mode == RN_OUT_APPEND ? O_APPEND : O_TRUNC;
	fd = open(name, flags, 0600);
	if (fd >= 0 || errno != ELOOP || mode != RN_OUT_TRUNCATE)
		return fd;
	/* The last component is a symbolic link: follow it unless anyone
	 * could have planted it. */
	if (in_sticky_dir(name)) {
		errno = ELOOP;
		return -1;
	}
	return open(name, flags & ~O_NOFOLLOW, 0600);
}

FILE *rn_outfile_open(const char *name, enum rn_outfile_mode mode, char *err, size_t errlen)
{
	struct stat st;
	FILE *f;
	int fd, saved;

	fd = open_fd(name, mode);
	saved = errno;
	if (fd < 0) {
		if (saved == ELOOP && lstat(name, &st) == 0 && S_ISLNK(st.st_mode))
			snprintf(err, errlen, "refusing to follow the symbolic link '%s'%s", name,
				 in_sticky_dir(name) ? " in a world-writable sticky directory" : "");
		else if (saved == EEXIST)
			snprintf(err, errlen, "refusing to write to '%s': it exists and is not "
				 "a regular file of renacer's user", name);
		else
			snprintf(err, errlen, "cannot open '%s': %s", name, strerror(saved));
		errno = saved;
		return NULL;
	}
	f = fdopen(fd, mode == RN_OUT_APPEND ? "a" : "w");
	if (!f) {
		saved = errno;
		close(fd);
		snprintf(err, errlen, "cannot open '%s': %s", name, strerror(saved));
		errno = saved;
	}
	return f;
}
