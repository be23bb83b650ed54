/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * Task lifecycle: who is traced (the traced map in the pid modes, the
 * cgroup, the uid, the gate while renacer spawns the command), a task dying
 * in a call, a call left unfinished at exit, a thread superseded by another
 * thread's execve.
 */
#ifndef RN_BPF_TASK_H
#define RN_BPF_TASK_H

#include "bpf/common.bpf.h"
#include "bpf/stack.bpf.h"	/* capture_stack: an unfinished call's stack */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);	/* usually a handful: cheap to create */
	__uint(max_entries, RN_TRACED_MAX);
	__type(key, __u32);
	__type(value, struct rn_target);
} traced SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} cgroup SEC(".maps");

/*
 * Set (through the skeleton's bss) while renacer spawns the command: until
 * its execve, what renacer's child does (wait for the go signal, drop
 * privileges) is renacer's business, not the command's, in every mode.
 */
__u32 rn_gate_active;

static __always_inline bool spawn_gated(struct task_struct *task)
{
	/* a probe read, not a BTF pointer walk: the verifier's check of a
	 * walked pointer's trust scans the kernel's BTF by name (~0.1 ms per
	 * program path, ~40% of all verification time) */
	return rn_gate_active && BPF_CORE_READ(task, real_parent, tgid) == rn_self_tgid;
}

/* Is the current task traced? At a syscall entry nr is the call. */
static __always_inline bool current_traced(__u64 pid_tgid, long nr, bool entry)
{
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid;
	struct rn_target *t;

	if (tgid == rn_self_tgid)
		return false;
	if (spawn_gated(bpf_get_current_task_btf())) {
		if (!entry || !is_exec(nr))
			return false;
		rn_gate_active = 0;
	}
	if (!ident_comm_ok())
		return false;
	switch (rn_mode) {
	case RN_MODE_ALL:
		return true;
	case RN_MODE_CGROUP:
		return bpf_current_task_under_cgroup(&cgroup, 0) == 1;
	case RN_MODE_UID:
		return (__u32)bpf_get_current_uid_gid() == rn_uid;
	}
	t = bpf_map_lookup_elem(&traced, &tgid);
	if (!t)
		return false;
	return !t->only_tid || t->only_tid == tid;
}

/* The same question for a task that is not current (signal generation). */
static __always_inline bool task_traced(struct task_struct *task)
{
	__u32 tgid = BPF_CORE_READ(task, tgid), tid = BPF_CORE_READ(task, pid);
	struct rn_target *t;

	if (tgid == rn_self_tgid || spawn_gated(task) || !ident_comm_ok_task(task))
		return false;
	switch (rn_mode) {
	case RN_MODE_ALL:
		return true;
	case RN_MODE_UID:
		return BPF_CORE_READ(task, real_cred, uid.val) == rn_uid;
	case RN_MODE_CGROUP:
		/* another task's cgroup is not checked here: its ignored and
		 * fatal signals go unreported in this mode */
		return false;
	}
	t = bpf_map_lookup_elem(&traced, &tgid);
	return t && (!t->only_tid || t->only_tid == tid);
}

#define ERESTART_MIN 512	/* ERESTARTSYS */
#define ERESTART_MAX 516	/* ERESTART_RESTARTBLOCK */

/* SIGKILL queued to the current thread: a group exit or kill -9 is taking it
 * down on its way back to user space. */
static __always_inline bool dying(void)
{
	struct task_struct *task = bpf_get_current_task_btf();

	return task->pending.signal.sig[0] & (1ul << (RN_SIGKILL - 1));
}

/* A call that never returned (exit_group, or killed while blocked). */
static __always_inline void emit_unfinished(__u64 pid_tgid, __u64 now)
{
	__u32 i;
	struct rn_pend *p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
	struct rn_scratch *s;

	if (!p || !p->live)
		return;
	p->live = 0;
	s = rn_summary ? NULL : scratch_get();
	if (s) {
		sc_header(s, pid_tgid, p->ts);
		s->ev.flags = RN_F_UNFINISHED;
		ident_put(&s->ev, &p->ident);
		s->ev.dur_ns = rn_no_time ? 0 : now - p->ts;
		s->ev.sc.nr = p->nr;
		s->ev.sc.ret = 0;
		for (i = 0; i < RN_MAX_ARGS; i++)
			s->ev.sc.args[i] = p->args[i];
		/* exit_group never returns: its stack is taken here, where the
		 * user registers are still those of the call */
		if (rn_stack)
			capture_stack(s, (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf()));
		emit(s, false);
	}
	bpf_task_storage_delete(&execcap, bpf_get_current_task_btf());
}

/* A thread killed because another thread of its process called execve:
 * ptrace shows no exit for it (the exec takes its place). */
static __always_inline bool replaced_by_exec(struct task_struct *task)
{
	struct task_struct *execer;

	if (!bpf_core_field_exists(task->signal->group_exec_task))
		return false;
	execer = BPF_CORE_READ(task, signal, group_exec_task);
	return execer && execer != task;
}

#endif /* RN_BPF_TASK_H */
