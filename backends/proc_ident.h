/* SPDX-License-Identifier: MIT */
/*
 * Who a live task is, from /proc: what the eBPF backend reads in the kernel
 * (struct rn_event's identity fields), for the ptrace backend.
 */
#ifndef RN_PROC_IDENT_H
#define RN_PROC_IDENT_H

#include <stdbool.h>
#include <linux/types.h>

struct rn_proc_ident {
	__u64 cgroup_id;	/* inode of its cgroup v2 directory, 0 unknown */
	__u32 ppid, uid, gid;	/* real ids */
	char comm[16];		/* NUL-padded, as the kernel keeps it */
};

/* Where cgroup v2 is mounted (the first cgroup2 line of
 * /proc/self/mountinfo), or NULL. Looked up once. */
const char *rn_proc_cgroup2_mount(void);

/* Fill id for thread tid: 0, or -errno (-ESRCH once it is gone). */
int rn_proc_ident(int tid, struct rn_proc_ident *id);

#endif /* RN_PROC_IDENT_H */
