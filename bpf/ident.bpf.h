/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * Who made each call: the identity part of every record (cgroup id, parent,
 * uid, gid, comm, RN_F_IDENT) and the --comm filter.
 *
 * The per-call cost matters (every traced call pays it), so the slow parts
 * are read once per task and kept in the task's rn_pend: the cgroup id, the
 * parent's tgid and the uid/gid are refreshed only when the task's css_set,
 * real_parent or real_cred pointer differs from the one they were read under
 * (a cgroup move, a reparenting and a setuid each install a new one). The
 * name is two 8-byte loads from task->comm, as cheap as a copy from a cache,
 * so it is read every time and is never stale (exec, PR_SET_NAME, a write to
 * /proc/PID/comm).
 *
 * Included by bpf/common.bpf.h, before struct rn_pend, which embeds the
 * cache.
 */
#ifndef RN_BPF_IDENT_H
#define RN_BPF_IDENT_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "backends/event.h"
#include "bpf/renacer.h"

/* Set by user space before the load (backends/ebpf/ebpf_ident.c). */
const volatile bool rn_ident = true;	/* fill identity (off only to measure it) */
const volatile __u32 rn_ncomm;		/* --comm names given */
/* the names as the kernel stores them: 15 bytes at most, NUL-padded to 16 */
const volatile __u64 rn_comm_words[RN_COMM_FILTER_MAX][2];

/* The slow identity fields and the task pointers they were read under. */
struct rn_ident_cache {
	__u64 cred;		/* task->real_cred */
	__u64 css;		/* task->cgroups */
	__u64 parent;		/* task->real_parent */
	__u64 cgroup_id;
	__u32 ppid;
	__u32 uid;
	__u32 gid;
	__u32 _pad;
};

static __always_inline void ident_comm_put(struct rn_event *ev, struct task_struct *t)
{
	/* a trusted task pointer: plain loads, no probe-read helper calls */
	const __u64 *w = (const __u64 *)t->comm;

	*(__u64 *)&ev->comm[0] = w[0];
	*(__u64 *)&ev->comm[8] = w[1];
}

/* Read the slow fields again (rare: the first call, or after a change). */
static __always_inline void ident_refresh(struct rn_ident_cache *c, struct task_struct *t,
					  __u64 cred, __u64 css, __u64 parent)
{
	__u64 ugid = bpf_get_current_uid_gid();

	c->cgroup_id = bpf_get_current_cgroup_id();
	c->ppid = BPF_CORE_READ(t, real_parent, tgid);
	c->uid = (__u32)ugid;
	c->gid = ugid >> 32;
	c->cred = cred;
	c->css = css;
	c->parent = parent;
}

/* Identity of the current task into ev, through the task's cache. */
static __always_inline void ident_put(struct rn_event *ev, struct rn_ident_cache *c)
{
	struct task_struct *t;
	__u64 cred, css, parent;

	if (!rn_ident)
		return;
	t = bpf_get_current_task_btf();
	/* the pointers' values only: compared, never followed */
	cred = (__u64)t->real_cred;
	css = (__u64)t->cgroups;
	parent = (__u64)t->real_parent;
	if (cred != c->cred || css != c->css || parent != c->parent)
		ident_refresh(c, t, cred, css, parent);
	ev->cgroup_id = c->cgroup_id;
	ev->ppid = c->ppid;
	ev->uid = c->uid;
	ev->gid = c->gid;
	ident_comm_put(ev, t);
	ev->flags |= RN_F_IDENT;
}

/* The same without a cache, for the rare records (exits, signals, calls
 * seen only at their exit). */
static __always_inline void ident_put_current(struct rn_event *ev)
{
	struct rn_ident_cache c = {};

	if (!rn_ident)
		return;
	ident_refresh(&c, bpf_get_current_task_btf(), 0, 0, 0);
	ev->cgroup_id = c.cgroup_id;
	ev->ppid = c.ppid;
	ev->uid = c.uid;
	ev->gid = c.gid;
	ident_comm_put(ev, bpf_get_current_task_btf());
	ev->flags |= RN_F_IDENT;
}

static __always_inline bool ident_comm_match(__u64 a, __u64 b)
{
	__u32 i;

	for (i = 0; i < RN_COMM_FILTER_MAX; i++) {
		if (i >= rn_ncomm)
			break;
		if (a == rn_comm_words[i][0] && b == rn_comm_words[i][1])
			return true;
	}
	return false;
}

/* --comm: is the current task one of the names asked for? */
static __always_inline bool ident_comm_ok(void)
{
	const __u64 *w;

	if (!rn_ncomm)
		return true;
	w = (const __u64 *)bpf_get_current_task_btf()->comm;
	return ident_comm_match(w[0], w[1]);
}

/* The same for another task (signal generation). */
static __always_inline bool ident_comm_ok_task(struct task_struct *t)
{
	__u64 w[2] = {};

	if (!rn_ncomm)
		return true;
	BPF_CORE_READ_INTO(&w, t, comm);
	return ident_comm_match(w[0], w[1]);
}

#endif /* RN_BPF_IDENT_H */
