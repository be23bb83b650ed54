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

/* Is tid a kernel thread (PF_KTHREAD in /proc/TID/stat)? 1, 0, or -errno.
 * ptrace refuses them (EPERM); the eBPF backend refuses them the same way. */
int rn_proc_is_kthread(int tid);

#endif /* RN_PROCFS_H */
