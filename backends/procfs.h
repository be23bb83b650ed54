/* SPDX-License-Identifier: MIT */
/* What both backends read from /proc about a live task. */
#ifndef RN_PROCFS_H
#define RN_PROCFS_H

#include <stddef.h>
#include <linux/types.h>

/*
 * The path behind descriptor fd of process tgid, NUL-terminated in buf (the
 * rn_memsrc.fdpath signature; ctx unused). AT_FDCWD names the current
 * directory. Returns the length, or -errno (-ESRCH-like errors once the task
 * is gone).
 */
long rn_proc_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len);

/* The thread group (process) id of thread tid, from /proc; -ESRCH. */
int rn_proc_tgid(int tid);

#endif /* RN_PROCFS_H */
