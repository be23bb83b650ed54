// SPDX-License-Identifier: MIT
/* A setuid-root renacer drops to the real user at once; -u USER. */
#include "privs.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

int rn_privs_drop(void)
{
	uid_t ruid = getuid(), euid = geteuid();
	gid_t rgid = getgid(), egid = getegid();

	if (ruid == euid && rgid == egid)
		return 0;
	/* group first: once the uid is dropped, the gid can no longer change */
	if (setresgid(rgid, rgid, rgid) < 0 || setresuid(ruid, ruid, ruid) < 0)
		return -errno;
	if (geteuid() != ruid || getegid() != rgid)
		return -EPERM;
	/* The setuid exec left us non-dumpable: the kernel would then refuse
	 * to let us trace our own child before its exec. Nothing privileged
	 * is in our memory: nothing was read before this point. */
	prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
	return 1;
}

/* A whole string of digits, as an id. */
static int parse_id(const char *s, size_t n, long *id)
{
	char buf[16], *end;
	long v;

	if (!n || n >= sizeof(buf) || strspn(s, "0123456789") < n)
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno || *end || v < 0 || v >= (long)UINT_MAX)
		return -1;
	*id = v;
	return 0;
}

int rn_privs_user(const char *spec, long *uid, long *gid, char *err, size_t errlen)
{
	const char *colon = strchr(spec, ':');
	struct passwd *pw = getpwnam(spec);

	if (pw) {
		*uid = pw->pw_uid;
		*gid = pw->pw_gid;
	} else if (colon) {
		if (parse_id(spec, (size_t)(colon - spec), uid) ||
		    parse_id(colon + 1, strlen(colon + 1), gid))
			goto unknown;
	} else {
		if (parse_id(spec, strlen(spec), uid))
			goto unknown;
		pw = getpwuid((uid_t)*uid);
		*gid = pw ? (long)pw->pw_gid : *uid;
	}
	if (geteuid() != 0 && ((uid_t)*uid != getuid() || (gid_t)*gid != getgid())) {
		snprintf(err, errlen, "-u %s needs root (renacer runs as uid %u)", spec,
			 (unsigned)getuid());
		return -EPERM;
	}
	return 0;
unknown:
	snprintf(err, errlen, "cannot find user '%s'", spec);
	return -EINVAL;
}
