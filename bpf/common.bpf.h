/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * What every part of renacer's BPF program shares: the rodata user space
 * sets before the load, the record under construction and what sys_enter
 * leaves for sys_exit, the per-task and per-CPU maps that hold them, the ring
 * buffer and emit(). Included by bpf/renacer.bpf.c (one object) only.
 */
#ifndef RN_BPF_COMMON_H
#define RN_BPF_COMMON_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "backends/event.h"
#include "backends/capture.h"
#include "bpf/renacer.h"
#include "bpf/ident.bpf.h"

/* Set by user space between open and load. */
const volatile __u32 rn_mode = RN_MODE_PIDS;
const volatile __u32 rn_self_tgid;
const volatile __u32 rn_uid;
const volatile bool rn_follow_forks;
const volatile bool rn_summary;
/* per-call records without times: nothing reads them (cfg.no_timing), and
 * the two clock reads are a third of the per-call cost */
const volatile bool rn_no_time;
const volatile bool rn_exec_hook;	/* rn_prepare_exec is loaded */
const volatile __u32 rn_strsize = 32;		/* buffers and argv strings */
const volatile __u32 rn_pathmax = RN_PATH_CAP;	/* RN_CAP_STR strings */
const volatile __u64 rn_wake_bytes = 256 * 1024; /* wake the reader past this backlog */
const volatile __u64 rn_ring_half = RN_RING_DEFAULT / 2; /* half the ring buffer */
const volatile __u32 rn_status_drop;	/* RN_DROP_OK | RN_DROP_FAILED */
const volatile bool rn_stack;		/* take user stacks (bpf/stack.bpf.h) */
const volatile __u64 rn_syscalls[RN_BITMAP_WORDS];
/* syscalls with a small (<= 8 bytes) fixed input: copied at entry as well */
const volatile __u64 rn_entry_in[RN_BITMAP_WORDS];
/* syscalls with any capture descriptor: the others skip the capture walk */
const volatile __u64 rn_has_cap[RN_BITMAP_WORDS];
const volatile struct rn_cap_desc rn_caps[RN_NR_MAX];

/* A record under construction. The slack lets the verifier see that any
 * masked offset plus any masked length stays inside the map value. */
struct rn_scratch {
	struct rn_event ev;
	__u8 slack[RN_PAYLOAD_MAX + 64];
};

/* What sys_enter leaves for sys_exit. */
struct rn_pend {
	__u64 ts;
	__u64 args[RN_MAX_ARGS];
	__s32 nr;
	__u16 live;		/* an entry is waiting for its exit */
	__u16 captured;		/* execve: argv and path are in execcap */
	struct rn_signal_rec sig; /* an ignored signal to report (signo != 0) */
	/* small inputs the call may overwrite (an addrlen), copied at entry:
	 * two of up to 8 bytes, or one of 16 in both (bpf/chain.bpf.h) */
	__u64 in_addr[2];
	__u64 in_val[2];
	__u8 in_len[2];
	__u8 in_arg[2];
	/* current_traced() said yes and its answer cannot change for this
	 * task (the pid modes): sys_enter skips the traced-map lookup */
	__u32 traced;
	struct rn_ident_cache ident;	/* bpf/ident.bpf.h */
};

#include "bpf/rings.bpf.h"	/* rings: the ring buffers, one per reader */

/* Task-local: cheaper than a hash keyed by tid, follows a thread through
 * exec's pid change, and is freed with the task. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct rn_pend);
} pending SEC(".maps");

/* execve's argv and path, captured at entry: after a successful exec the old
 * memory is gone. Task-local, since an exec from a non-leader thread changes
 * the thread's id; allocated only while an exec is in flight. io_submit
 * keeps its iocbs here between entry and exit too (bpf/chain.bpf.h). */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct rn_scratch);
} execcap SEC(".maps");

/* bpf(2)'s attr as the call found it: the kernel writes its outputs into
 * the same memory ("next_id=0 => 42"), which the capture table copies at
 * exit. Task-local, allocated by a thread's first bpf call. */
struct rn_bpf_in {
	__u64 addr;
	__u32 len;	/* 0: nothing copied */
	__u8 attr[RN_BPF_ATTR_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct rn_bpf_in);
} bpfin SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rn_scratch);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

static __always_inline bool is_exec(long nr)
{
	return nr == RN_NR_EXECVE || nr == RN_NR_EXECVEAT;
}

static __always_inline bool syscall_wanted(long nr)
{
	if (nr < 0 || nr >= RN_NR_MAX)
		return false;
	return (rn_syscalls[(nr >> 6) & (RN_BITMAP_WORDS - 1)] >> (nr & 63)) & 1;
}

static __always_inline void count_lost(void)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&lost, &zero);

	if (n)
		(*n)++;
}

static __always_inline struct rn_scratch *scratch_get(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&scratch, &zero);
}

static __always_inline void emit(struct rn_scratch *s, bool force)
{
	__u32 size = RN_EVENT_HDR_SIZE + (s->ev.sc.payload_len & (2 * RN_PAYLOAD_MAX - 1));
	__u64 flags = BPF_RB_NO_WAKEUP, avail;
	void *rb = ring_pick();

	if (size > sizeof(struct rn_event))
		size = sizeof(struct rn_event);
	/*
	 * Wake the reader when this record takes the backlog past the
	 * threshold; below it the reader's poll period picks records up. Past
	 * half the ring the reader is falling behind: wake it for every record
	 * then, which also slows the writer (an IPI each) instead of losing.
	 */
	if (!rb) {
		count_lost();
		return;
	}
	avail = bpf_ringbuf_query(rb, BPF_RB_AVAIL_DATA);
	if (force || avail >= rn_ring_half ||
	    (avail < rn_wake_bytes && avail + size + 8 >= rn_wake_bytes))
		flags = BPF_RB_FORCE_WAKEUP;
	if (bpf_ringbuf_output(rb, s, size, flags) < 0)
		count_lost();
}

static __always_inline void fill_args(struct rn_pend *p, struct pt_regs *regs)
{
	/* regs is a trusted BTF pointer here: plain (relocated) loads, no
	 * probe-read helper calls */
	p->args[0] = regs->di;
	p->args[1] = regs->si;
	p->args[2] = regs->dx;
	p->args[3] = regs->r10;
	p->args[4] = regs->r8;
	p->args[5] = regs->r9;
}

static __always_inline void sc_header(struct rn_scratch *s, __u64 pid_tgid, __u64 ts)
{
	s->ev.ts_ns = ts;
	s->ev.dur_ns = 0;
	s->ev.type = RN_EV_SYSCALL;
	s->ev.flags = 0;
	s->ev.tid = (__u32)pid_tgid;
	s->ev.tgid = pid_tgid >> 32;
	s->ev.sc.payload_len = 0;
}

#endif /* RN_BPF_COMMON_H */
