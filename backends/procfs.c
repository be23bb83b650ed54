// SPDX-License-Identifier: MIT
#include "procfs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
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
