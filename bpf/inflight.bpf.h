/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * --inflight on the eBPF backend: the calls traced tasks are in, read when
 * user space asks (a task iterator, run every MS / 2 at most every 100 ms),
 * never on the syscall path. sys_enter already leaves each traced call's
 * number, arguments and entry time in the task's rn_pend until its exit;
 * the iterator walks every task and writes one struct rn_inflight_rec per
 * call still waiting for its exit. Loaded only with --inflight.
 *
 * A call entered before tracing began (-p on a process already blocked)
 * left no entry: for the -p targets' sleeping threads the call is read from
 * their saved user registers (orig_ax and the argument registers), marked
 * RN_INFLIGHT_BEFORE, its time unknown (0): user space counts from when it
 * first saw it, as ptrace counts from its attach.
 */
#ifndef RN_BPF_INFLIGHT_BPF_H
#define RN_BPF_INFLIGHT_BPF_H

#include "bpf/common.bpf.h"
#include "bpf/task.bpf.h"

/* before 5.14 the field was "state" */
struct task_struct___pre514 {
	long state;
} __attribute__((preserve_access_index));

static __always_inline __u32 inflight_task_state(struct task_struct *t)
{
	if (bpf_core_field_exists(t->__state))
		return BPF_CORE_READ(t, __state);
	return (__u32)BPF_CORE_READ((struct task_struct___pre514 *)t, state);
}

/* A -p target's thread asleep in a call it entered before tracing began:
 * the call from its registers into r. */
static __always_inline bool inflight_before(struct task_struct *task, struct rn_inflight_rec *r)
{
	struct pt_regs *regs;
	__u32 st = inflight_task_state(task);

	/* TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE only: not running, not
	 * stopped; no kernel thread */
	if (rn_mode != RN_MODE_PIDS || !(st & 3) || (st & ~3u & 0xff) ||
	    (BPF_CORE_READ(task, flags) & 0x00200000 /* PF_KTHREAD */) || !task_traced(task))
		return false;
	regs = (struct pt_regs *)bpf_task_pt_regs(task);
	if (!regs)
		return false;
	r->nr = (__s32)BPF_CORE_READ(regs, orig_ax);
	if (r->nr < 0 || r->nr >= RN_NR_MAX || !syscall_wanted(r->nr))
		return false;
	r->args[0] = BPF_CORE_READ(regs, di);
	r->args[1] = BPF_CORE_READ(regs, si);
	r->args[2] = BPF_CORE_READ(regs, dx);
	r->args[3] = BPF_CORE_READ(regs, r10);
	r->args[4] = BPF_CORE_READ(regs, r8);
	r->args[5] = BPF_CORE_READ(regs, r9);
	r->flags = RN_INFLIGHT_BEFORE;
	return true;
}

SEC("iter/task")
int rn_inflight(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;
	struct rn_inflight_rec r = {};
	struct rn_pend *p;
	__u32 i;

	if (!task)
		return 0;
	p = bpf_task_storage_get(&pending, task, 0, 0);
	if (p && p->live) {
		r.ts = p->ts;
		r.nr = p->nr;
		for (i = 0; i < RN_MAX_ARGS; i++)
			r.args[i] = p->args[i];
	} else if (p || !inflight_before(task, &r)) {
		return 0;	/* a task seen at a call has left none waiting */
	}
	r.tid = BPF_CORE_READ(task, pid);
	r.tgid = BPF_CORE_READ(task, tgid);
	BPF_CORE_READ_INTO(&r.comm, task, comm);
	bpf_seq_write(ctx->meta->seq, &r, sizeof(r));
	return 0;
}

#endif /* RN_BPF_INFLIGHT_BPF_H */
