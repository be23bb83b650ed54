/* SPDX-License-Identifier: MIT */
/*
 * -Y / --decode-pids=comm: the command name of each task, for "1234<cat>".
 * Read from /proc/TID/comm the first time a tid is seen, then cached: a
 * task's name changes only at execve (and PR_SET_NAME), which the session
 * reports through rn_comm_set() / rn_comm_forget(), and the eBPF backend
 * decodes after the task may be gone.
 */
#ifndef RN_COMM_H
#define RN_COMM_H

#include <stdbool.h>
#include <stddef.h>

#include "tidmap.h"

/* Longest name as stored: 15 bytes of comm, each possibly \xHH. */
#define RN_COMM_MAX 64

struct rn_comm {
	struct rn_tidmap map;	/* tid -> char[RN_COMM_MAX], "" when unknown */
	/* renacer report: names come from the recording, never from this
	 * machine's /proc (NULL: live) */
	const char *(*lookup)(void *ctx, __u32 tid);
	void *lookup_ctx;
};

void rn_comm_init(struct rn_comm *c);
void rn_comm_release(struct rn_comm *c);
/* The name of tid (printable: other bytes as \xHH), or NULL when it cannot
 * be had (the task is gone and was never seen alive, out of memory). */
const char *rn_comm_get(struct rn_comm *c, __u32 tid);
/* renacer report: take names from fn (the recorded ones, 15 bytes at most)
 * instead of /proc, and never ask /proc for a parent. */
void rn_comm_offline(struct rn_comm *c, const char *(*fn)(void *ctx, __u32 tid), void *ctx);
/* Whether tid has a cache entry (known or known to be unknown). */
bool rn_comm_cached(struct rn_comm *c, __u32 tid);
struct rn_event;
/* The parent the record names (RN_F_IDENT); else, live, as
 * /proc/TID/status says; else 0. */
__u32 rn_comm_ppid(const struct rn_comm *c, const struct rn_event *ev);
/* The task now has this name (n bytes, as the kernel stores it). */
void rn_comm_set(struct rn_comm *c, __u32 tid, const char *name, size_t n);
/* Forget tid: its next rn_comm_get() reads /proc again. */
void rn_comm_forget(struct rn_comm *c, __u32 tid);

#endif /* RN_COMM_H */
