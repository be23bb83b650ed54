// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * renacer's kernel half: pairs sys_enter/sys_exit per thread, decides in the
 * kernel who and what is traced, copies the argument memory the capture table
 * asks for and sends one completed struct rn_event per call through a ring
 * buffer (or, for -c, only aggregates). Signals and exits come from the
 * signal_* and sched_process_* tracepoints.
 *
 * Everything here is CO-RE: vmlinux.h types carry preserve_access_index, so
 * field offsets are relocated by libbpf against the running kernel's BTF.
 *
 * This file holds the programs (the entry points); what they use is split by
 * concern: common.bpf.h (rodata, maps, emit), task.bpf.h (who is traced,
 * task lifecycle), capture.bpf.h (argument memory), chain.bpf.h (memory behind
 * pointers in it, by call), aggregate.bpf.h (-c),
 * signal.bpf.h. Constants shared with user space are in backends/event.h and
 * bpf/renacer.h.
 */
#include "bpf/common.bpf.h"
#include "bpf/task.bpf.h"
#include "bpf/capture.bpf.h"
#include "bpf/aggregate.bpf.h"
#include "bpf/signal.bpf.h"
#include "bpf/fdpath.bpf.h"
#include "bpf/stack.bpf.h"
#include "bpf/sample.bpf.h"
#include "bpf/inflight.bpf.h"
#include "bpf/sockmsg.bpf.h"
#include "bpf/chain.bpf.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

SEC("tp_btf/sys_enter")
int BPF_PROG(rn_sys_enter, struct pt_regs *regs, long id)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct task_struct *task;
	struct rn_pend *p;

	/* execve is looked at even when filtered out: it opens the gate of
	 * a spawned command (current_traced()). */
	if (!syscall_wanted(id) && !is_exec(id))
		return 0;
	/*
	 * A task already found traced in a pid mode stays traced until it
	 * exits (its tgid leaves the map only when the whole group is gone),
	 * so its own storage answers without the hash lookup. In the cgroup
	 * and uid modes the answer can change (a move, a setuid): ask again.
	 */
	task = bpf_get_current_task_btf();
	p = bpf_task_storage_get(&pending, task, 0, 0);
	if (!p || !p->traced) {
		if (!current_traced(pid_tgid, id, true))
			return 0;
		p = bpf_task_storage_get(&pending, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (!p)
			return 0;
		/* --comm: a name can change (exec, PR_SET_NAME) */
		p->traced = (rn_mode == RN_MODE_PIDS || rn_mode == RN_MODE_ALL) && !rn_ncomm;
	}
	if (!syscall_wanted(id))
		return 0;
	p->ts = rn_no_time ? 0 : bpf_ktime_get_ns();
	p->nr = id;
	p->live = 1;
	p->captured = 0;
	if (!rn_summary) {
		fill_args(p, regs);
		/* its "argument" is the signal frame at the stack pointer,
		 * where the restored mask is read (RN_F_SP_ARG0) */
		if (id == RN_NR_RT_SIGRETURN)
			p->args[0] = regs->sp;
		save_entry_inputs(p, id);
		bpf_attr_enter(p, id);
		fdpath_enter(p, id);
	}
	/* without the bprm hook, capture now: pages not yet touched (a path
	 * literal in the program's rodata) read as faults */
	if (is_exec(id) && !rn_summary && !rn_exec_hook) {
		exec_entry(pid_tgid, p);
		p->captured = 1;
	}
	return 0;
}

/* An exit without its entry: tracing began mid-call (-p), or a fork child
 * returning from clone (never shown, as with ptrace). */
static __always_inline void exit_missed(__u64 pid_tgid, struct pt_regs *regs, long ret)
{
	long nr = regs->orig_ax;
	struct rn_scratch *s;
	struct rn_pend p = {};
	__u32 i;

	if (rn_summary || !syscall_wanted(nr))
		return;
	if (ret == 0 && (nr == RN_NR_CLONE || nr == RN_NR_FORK || nr == RN_NR_VFORK ||
			 nr == RN_NR_CLONE3))
		return;
	if (!current_traced(pid_tgid, nr, false))
		return;
	s = scratch_get();
	if (!s)
		return;
	fill_args(&p, regs);
	sc_header(s, pid_tgid, bpf_ktime_get_ns());
	s->ev.flags = RN_F_ENTRY_MISSED;
	ident_put_current(&s->ev);
	s->ev.sc.nr = nr;
	s->ev.sc.ret = ret;
	for (i = 0; i < RN_MAX_ARGS; i++)
		s->ev.sc.args[i] = p.args[i];
	emit(s, false);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(rn_sys_exit, struct pt_regs *regs, long ret)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid(), now;
	__u32 tid = (__u32)pid_tgid, i, nr, chain;
	struct rn_scratch *s;
	struct rn_pend *p;

	p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
	if (!p || !p->live) {
		exit_missed(pid_tgid, regs, ret);
		if (p)
			flush_ignored(p, pid_tgid);
		return 0;
	}
	/* Read the clock only for a traced call: every exit of every process
	 * on the machine runs this program. */
	now = rn_no_time ? 0 : bpf_ktime_get_ns();
	if ((ret == -RN_EINTR || (ret >= -ERESTART_MAX && ret <= -ERESTART_MIN)) && dying()) {
		/* killed in the call: sched_process_exit reports it unfinished,
		 * as ptrace does ("= ?"), instead of with a restart code */
		return 0;
	}
	p->live = 0;
	nr = p->nr;
	if ((rn_summary || rn_kagg) && nr < RN_NR_MAX)
		aggregate(nr, ret, now - p->ts);
	if (rn_summary)
		return 0;
	/* -z / -Z: a call the status filter drops costs no copy at all */
	if (rn_status_drop &&
	    (rn_status_drop & (ret < 0 && ret >= -4095 ? RN_DROP_FAILED : RN_DROP_OK)))
		return 0;
	if (sample_drop(nr)) {	/* --sample, --rate-limit */
		flush_ignored(p, pid_tgid);
		return 0;
	}
	s = is_exec(nr) && p->captured ?
		bpf_task_storage_get(&execcap, bpf_get_current_task_btf(), 0, 0) : NULL;
	if (s) {
		/* argv and path were captured at entry */
		s->ev.tid = tid;
		s->ev.tgid = pid_tgid >> 32;
		s->ev.sc.ret = ret;
		s->ev.dur_ns = now - p->ts;
		ident_put(&s->ev, &p->ident);
		emit(s, true);
		bpf_task_storage_delete(&execcap, bpf_get_current_task_btf());
		flush_ignored(p, pid_tgid);
		return 0;
	}
	s = scratch_get();
	if (!s)
		return 0;
	sc_header(s, pid_tgid, p->ts);
	ident_put(&s->ev, &p->ident);
	if (nr == RN_NR_RT_SIGRETURN)
		s->ev.flags |= RN_F_SP_ARG0;
	s->ev.dur_ns = now - p->ts;
	s->ev.sc.nr = nr;
	s->ev.sc.ret = ret;
	for (i = 0; i < RN_MAX_ARGS; i++)
		s->ev.sc.args[i] = p->args[i];
	if (rn_stack)
		capture_stack(s, regs);	/* -k, --source: first, in an empty payload */
	/* an exec that failed before the bprm hook still has its memory */
	if (!is_exec(nr) || ret < 0) {
		put_entry_inputs(s, p);
		if (nr == RN_NR_BPF)
			put_bpf_attr(s, p);
		capture_all(s, nr, 0);
		/* one load for the calls without a chain (read, openat) */
		chain = rn_caps[nr & (RN_NR_MAX - 1)].chain;
		if (chain)
			rn_capture_chain(s, nr, chain);
	}
	fdpath_exit(s, nr);
	emit(s, false);
	flush_ignored(p, pid_tgid);
	return 0;
}

/*
 * execve's arguments are captured here, not at sys_enter: at exec's point of
 * no return the kernel has copied argv, envp and the path (faulting their
 * pages in) and the old memory is still mapped. A probe read at sys_enter
 * fails on a page never touched, like a path literal in read-only data.
 * (Linux 6.10+; older kernels capture at sys_enter.)
 */
SEC("tp_btf/sched_prepare_exec")
int BPF_PROG(rn_prepare_exec, struct task_struct *task, struct linux_binprm *bprm)
{
	struct rn_pend *p;

	if (rn_summary)
		return 0;
	p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
	if (!p || !p->live || !is_exec(p->nr) || p->captured)
		return 0;
	exec_entry(bpf_get_current_pid_tgid(), p);
	p->captured = 1;
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(rn_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = BPF_CORE_READ(parent, tgid), cpid = BPF_CORE_READ(child, pid);
	struct rn_target t = {};

	if (!rn_follow_forks || rn_mode != RN_MODE_PIDS)
		return 0;
	if (BPF_CORE_READ(child, tgid) != cpid)
		return 0;	/* a thread: its tgid is already traced */
	if (!bpf_map_lookup_elem(&traced, &ptgid))
		return 0;
	bpf_map_update_elem(&traced, &cpid, &t, BPF_ANY);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(rn_exit, struct task_struct *task)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid(), now = bpf_ktime_get_ns();
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid, code;
	bool group_dead = BPF_CORE_READ(task, signal, live.counter) == 0, execer;
	struct rn_scratch *s;
	struct rn_pend *p;

	if (current_traced(pid_tgid, -1, false)) {
		emit_unfinished(pid_tgid, now);
		p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
		if (p)
			flush_ignored(p, pid_tgid);
		execer = replaced_by_exec(task);
		/* a thread killed by another's execve has no exit of its own
		 * (as with ptrace); the leader is "superseded" by the execer */
		s = !execer || tid == tgid ? scratch_get() : NULL;
		if (s) {
			__builtin_memset(&s->ev, 0, RN_EVENT_HDR_SIZE);
			s->ev.ts_ns = now;
			s->ev.type = RN_EV_EXIT;
			s->ev.tid = tid;
			s->ev.tgid = tgid;
			ident_put_current(&s->ev);
		}
		if (s && execer) {
			s->ev.flags |= RN_F_SUPERSEDED;
			s->ev.exit.code = BPF_CORE_READ(task, signal, group_exec_task, pid);
			emit(s, true);
		} else if (s) {
			code = BPF_CORE_READ(task, exit_code);
			s->ev.flags |= tid != tgid ? RN_F_THREAD_EXIT : 0;
			s->ev.exit.signo = code & 0x7f;
			s->ev.exit.code = code & 0x7f ? 0 : (code >> 8) & 0xff;
			s->ev.exit.core_dumped = !!(code & 0x80);
			emit(s, true);
		}
	}
	if (group_dead) {
		bpf_map_delete_elem(&fatal_sig, &tgid);
		if (rn_mode == RN_MODE_PIDS)
			bpf_map_delete_elem(&traced, &tgid);
	}
	return 0;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(rn_signal_deliver, int sig, struct kernel_siginfo *info)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;
	struct rn_signal_rec r, *fatal;

	if (rn_summary || !current_traced(pid_tgid, -1, false))
		return 0;
	/* ptrace never reports SIGKILL itself; but a fatal signal is turned
	 * into a group exit when sent and arrives here as SIGKILL: report the
	 * signal that was sent, saved by rn_signal_generate */
	if (sig == RN_SIGKILL) {
		fatal = bpf_map_lookup_elem(&fatal_sig, &tgid);
		if (fatal) {
			signal_emit((__u32)pid_tgid, tgid, fatal);
			bpf_map_delete_elem(&fatal_sig, &tgid);
		}
		return 0;
	}
	siginfo_fill(&r, sig, info);
	signal_emit((__u32)pid_tgid, tgid, &r);
	return 0;
}

/*
 * Two signals never reach signal_deliver as themselves, though a ptraced
 * task reports them: one whose action is to ignore it is dropped when sent
 * (strace shows "--- SIGCHLD"), and one that kills the process is turned
 * into a group exit at once. Save them here, at generation, and report them
 * where ptrace would: the ignored one when its target next leaves a syscall
 * (or exits), the fatal one at its SIGKILL delivery.
 */
SEC("tp_btf/signal_generate")
int BPF_PROG(rn_signal_generate, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	struct rn_signal_rec r;
	struct rn_pend *p;
	bool fatal;
	__u32 tgid;

	if (rn_summary || sig == RN_SIGKILL)
		return 0;
	fatal = result == TRACE_SIGNAL_DELIVERED &&
		(BPF_CORE_READ(task, signal, flags) & SIGNAL_GROUP_EXIT) &&
		BPF_CORE_READ(task, signal, group_exit_code) == sig;
	if ((result != TRACE_SIGNAL_IGNORED && !fatal) || !task_traced(task))
		return 0;
	if (fatal) {
		tgid = BPF_CORE_READ(task, tgid);
		siginfo_fill(&r, sig, info);
		bpf_map_update_elem(&fatal_sig, &tgid, &r, BPF_ANY);
		return 0;
	}
	p = bpf_task_storage_get(&pending, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (p)
		siginfo_fill(&p->sig, sig, info);
	return 0;
}
