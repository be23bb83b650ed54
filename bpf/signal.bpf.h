/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * Signal records: siginfo as ptrace would report it, and the signals saved
 * at generation (ignored ones, fatal ones) to be reported where a ptraced
 * task would have stopped.
 */
#ifndef RN_BPF_SIGNAL_H
#define RN_BPF_SIGNAL_H

#include "bpf/common.bpf.h"

#define SIGNAL_GROUP_EXIT 0x4	/* signal_struct.flags (kernel-internal) */

/* A fatal signal sent to a traced process, by tgid, until its delivery. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, RN_FATAL_SIG_MAX);
	__type(key, __u32);
	__type(value, struct rn_signal_rec);
} fatal_sig SEC(".maps");

static __always_inline void siginfo_fill(struct rn_signal_rec *r, int sig,
					 struct kernel_siginfo *info)
{
	__builtin_memset(r, 0, sizeof(*r));
	r->signo = sig;
	/* SEND_SIG_NOINFO (0) and SEND_SIG_PRIV (1) are not pointers */
	if ((unsigned long)info == 0) {
		r->code = 0;	/* SI_USER, from the current task */
		r->pid = bpf_get_current_pid_tgid() >> 32;
		r->uid = (__u32)bpf_get_current_uid_gid();
		return;
	}
	if ((unsigned long)info == 1) {
		r->code = 0x80;	/* SI_KERNEL */
		return;
	}
	r->code = BPF_CORE_READ(info, si_code);
	r->err = BPF_CORE_READ(info, si_errno);
	r->pid = BPF_CORE_READ(info, _sifields._kill._pid);
	r->uid = BPF_CORE_READ(info, _sifields._kill._uid);
	r->status = BPF_CORE_READ(info, _sifields._sigchld._status);
	r->utime = BPF_CORE_READ(info, _sifields._sigchld._utime);
	r->stime = BPF_CORE_READ(info, _sifields._sigchld._stime);
	r->addr = (__u64)BPF_CORE_READ(info, _sifields._sigfault._addr);
}

static __always_inline void signal_emit(__u32 tid, __u32 tgid, const struct rn_signal_rec *r)
{
	struct rn_scratch *s = scratch_get();

	if (!s)
		return;
	__builtin_memset(&s->ev, 0, RN_EVENT_HDR_SIZE);
	s->ev.ts_ns = bpf_ktime_get_ns();
	s->ev.type = RN_EV_SIGNAL;
	s->ev.tid = tid;
	s->ev.tgid = tgid;
	__builtin_memcpy(&s->ev.sig, r, sizeof(*r));
	ident_put_current(&s->ev);
	emit(s, false);
}

/* An ignored signal saved at generation, reported once the task leaves the
 * kernel, where ptrace's signal-delivery stop would be. */
static __always_inline void flush_ignored(struct rn_pend *p, __u64 pid_tgid)
{
	if (!p->sig.signo)
		return;
	signal_emit((__u32)pid_tgid, pid_tgid >> 32, &p->sig);
	p->sig.signo = 0;
}

#endif /* RN_BPF_SIGNAL_H */
