// SPDX-License-Identifier: MIT
#include "procfs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

long rn_proc_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	char link[64];
	ssize_t n;

	(void)ctx;
	if (!len)
		return -EINVAL;
	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%u/cwd", tgid);
	else
		snprintf(link, sizeof(link), "/proc/%u/fd/%d", tgid, fd);
	n = readlink(link, buf, len - 1);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return n;
}

int rn_proc_tgid(int tid)
{
	char path[64], line[128];
	int tgid = -ESRCH;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (!f)
		return -ESRCH;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid > 0 ? tgid : -ESRCH;
}

#define RN_PF_KTHREAD 0x00200000u	/* include/linux/sched.h */

int rn_proc_is_kthread(int tid)
{
	char path[64], buf[1024], *p;
	unsigned long flags;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -ESRCH;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -ESRCH;
	buf[n] = 0;
	/* the name in (...) may hold anything: the fields start after the
	 * last ')'; flags is the 9th field, the 7th after it */
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %lu", &flags) != 1)
		return -EINVAL;
	return (flags & RN_PF_KTHREAD) != 0;
}
