/* SPDX-License-Identifier: MIT */
/*
 * The one event record every backend produces and every sink consumes.
 *
 * This header is included both by user space and by the BPF programs in bpf/,
 * so it uses only fixed-width kernel types, orders fields widest first and
 * asserts every size: the two sides must agree byte for byte.
 */
#ifndef RN_EVENT_H
#define RN_EVENT_H

#ifdef __bpf__
/* vmlinux.h (or the BPF-side shim) already defines __u64 and friends. */
#else
#include <linux/types.h>
#include <stddef.h>
#endif

#define RN_MAX_ARGS 6

/*
 * Syscall numbers (x86_64) are below RN_NR_MAX: per-syscall tables, the BPF
 * program's maps and rodata and every syscall bitmap (bit nr of word nr / 64,
 * RN_BITMAP_WORDS words) are this size on both sides.
 */
#define RN_NR_MAX 512
#define RN_BITMAP_WORDS (RN_NR_MAX / 64)

/*
 * Bytes of captured tracee memory one syscall record may carry. Strings,
 * buffers, sockaddrs and structures are stored as regions (see below); a
 * region that does not fit is truncated and flagged, never dropped silently.
 */
#define RN_PAYLOAD_MAX 4096

enum rn_event_type {
	RN_EV_SYSCALL = 1,	/* a completed (or unfinished) system call */
	RN_EV_SIGNAL = 2,	/* a signal delivered to a task */
	RN_EV_EXIT = 3,		/* a process (or thread) exited */
	RN_EV_LOST = 4,		/* records the backend could not deliver */
	RN_EV_ATTACH = 5,	/* a task was attached (-p) or detached */
	/* A call has started (sc.nr, sc.args and the entry-time payload; no
	 * ret, no dur_ns): a notice only, made when rn_trace_config asks for
	 * entry_notices. The completed RN_EV_SYSCALL record of the call still
	 * follows (or one flagged RN_F_UNFINISHED). */
	RN_EV_ENTRY = 6,
	/* Calls the backend chose not to record (--sample, --rate-limit)
	 * since the previous such record: the trace is a sample, and says so.
	 * The -c/-C totals still count every call. */
	RN_EV_SAMPLED = 7,
};

/* rn_event.flags */
#define RN_F_UNFINISHED	 (1u << 0) /* the task exited before the call returned */
#define RN_F_ENTRY_MISSED (1u << 1) /* only the exit was seen: args unknown */
#define RN_F_TRUNCATED	 (1u << 2) /* payload ran out of room */
#define RN_F_DETACHED	 (1u << 3) /* renacer detached during the call */
#define RN_F_SECCOMP	 (1u << 4) /* entry reported through seccomp */
#define RN_F_THREAD_EXIT (1u << 5) /* RN_EV_EXIT of a non-leader thread */
#define RN_F_STOPPED	 (1u << 6) /* RN_EV_SIGNAL: the task entered group-stop
				    * ("--- stopped by SIGSTOP ---"), not a delivery */
#define RN_F_SILENT	 (1u << 8) /* RN_EV_ATTACH of the command renacer started:
				    * a task to count, not to announce */
#define RN_F_SUPERSEDED	 (1u << 9) /* RN_EV_EXIT of a thread group leader that
				    * another thread's execve replaced (exit.code:
				    * that thread's former tid); the tid lives on */
#define RN_F_PREV_NR	 (1u << 10) /* restart_syscall: args[0] is the number of
				    * the call it resumes */
#define RN_F_IDENT	 (1u << 11) /* cgroup_id, ppid, uid, gid and comm are set */
#define RN_F_LATE	 (1u << 12) /* RN_EV_ENTRY made after the fact (eBPF --inflight:
				    * a call found in flight): for watchers, not
				    * the trace's lines */
#define RN_F_INJECTED	 (1u << 16) /* -e inject=: the call was skipped and its
				    * result set by renacer ("(INJECTED)") */
#define RN_F_DELAYED	 (1u << 23) /* -e inject=...:delay_enter/exit ("(DELAYED)") */
#define RN_F_INJ_RETVAL	 (1u << 24) /* with RN_F_INJECTED: a retval=, printed as a
				    * number even when it looks like -errno */
#define RN_F_SP_ARG0	 (1u << 7) /* rt_sigreturn: args[0] is the user stack pointer
				    * at entry (the signal frame), for "{mask=[...]}" */

/* rn_trace_config.status_drop (-z / -Z pushed into a backend; BPF reads it). */
#define RN_DROP_OK	(1u << 0)	/* drop calls that succeeded */
#define RN_DROP_FAILED	(1u << 1)	/* drop calls that failed (-4095..-1) */

struct rn_syscall_rec {
	__u64 args[RN_MAX_ARGS];	/* raw register values at entry */
	__s64 ret;			/* raw return value (-errno on failure) */
	__s32 nr;			/* x86_64 syscall number */
	__u32 payload_len;		/* bytes used in rn_event.payload */
};

struct rn_signal_rec {
	__u64 addr;		/* si_addr for faults; si_value for SI_TIMER */
	__s32 signo;
	__s32 code;		/* si_code */
	__s32 err;		/* si_errno */
	__s32 pid;		/* si_pid */
	__s32 uid;		/* si_uid */
	__s32 status;		/* si_status (SIGCHLD) */
	__s64 utime;		/* si_utime, si_stime (SIGCHLD), clock ticks */
	__s64 stime;
	__u32 _pad[4];
};

struct rn_exit_rec {
	__s32 code;		/* exit status when signo == 0 */
	__s32 signo;		/* terminating signal, or 0 */
	__u32 core_dumped;
	__u32 _pad[13];
};

struct rn_lost_rec {
	__u64 count;		/* records lost since the previous report */
	__u64 _pad[7];
};

struct rn_sampled_rec {
	__u64 sampled;		/* left out by --sample since the previous report */
	__u64 limited;		/* left out by --rate-limit since the previous report */
	__u64 every;		/* --sample=N (0: off) */
	__u64 rate;		/* --rate-limit=R, records per second per CPU (0: off) */
	__u64 _pad[4];
};

struct rn_event {
	__u64 ts_ns;		/* CLOCK_MONOTONIC ns: syscall entry, or event time */
	__u64 dur_ns;		/* syscall: exit time - entry time */
	__u32 type;		/* enum rn_event_type */
	__u32 flags;		/* RN_F_* */
	__u32 tid;		/* thread id (strace's "pid") */
	__u32 tgid;		/* process id */
	/* Who made the call, valid when flags has RN_F_IDENT: taken by the
	 * backend at the time of the event (the eBPF backend in the kernel). */
	__u64 cgroup_id;	/* cgroup v2 id (the inode of its directory) */
	__u32 ppid;		/* parent's process id */
	__u32 uid;		/* real user id */
	__u32 gid;		/* real group id */
	__u32 _ident_rsv;
	char comm[16];		/* task name, NUL-padded */
	union {
		struct rn_syscall_rec sc;
		struct rn_signal_rec sig;
		struct rn_exit_rec exit;
		struct rn_lost_rec lost;
		struct rn_sampled_rec sampled;
	};
	/* Captured memory: a sequence of struct rn_region, each followed by its
	 * bytes padded to 8. Only syscall records use it. */
	__u8 payload[RN_PAYLOAD_MAX];
};

/* Bytes of a record before its payload; a record on the wire is this many
 * bytes plus sc.payload_len. */
#define RN_EVENT_HDR_SIZE 136

/* One captured piece of tracee memory: the bytes at [addr, addr + len). */
struct rn_region {
	__u64 addr;
	__u32 len;		/* bytes that follow (may be less than asked) */
	__u16 flags;		/* RN_REG_* */
	__u16 arg;		/* which argument it belongs to (informational) */
};

#define RN_REG_STR	(1u << 0) /* a C string; NUL not included in len */
#define RN_REG_TRUNC	(1u << 1) /* the object continues past len */
#define RN_REG_FAULT	(1u << 2) /* the address could not be read */
#define RN_REG_EXIT	(1u << 3) /* captured at syscall exit (output) */
#define RN_REG_FDPATH	(1u << 4) /* not memory: addr is a file descriptor, the
				   * bytes its path (-y: ptrace for a call that
				   * closes it, at entry; eBPF for every fd) */

#define RN_REG_COUNT	(1u << 7) /* not memory: a __u32 count of the records in
				   * the buffer at addr (getdents64 under eBPF) */
#define RN_REG_STACK	(1u << 8) /* not memory: the caller's user stack as the
				   * kernel saw it (eBPF -k/--source), laid out
				   * as backends/ustack.h says; arg tells which part */

#define RN_REG_PATHCUT	(1u << 9) /* with RN_REG_FDPATH, no bytes: the fd's path
				   * was longer than the eBPF backend's cap and
				   * is left out (the bare fd prints) */
#define RN_REG_NLPROTO	(1u << 10) /* not memory: addr is a socket descriptor, the
				   * __u32 its netlink protocol (eBPF: the kernel
				   * knows it; the decoders need it for the bodies) */

#define RN_REGION_ALIGN(n) (((n) + 7u) & ~7u)

_Static_assert(sizeof(struct rn_syscall_rec) == 64, "rn_syscall_rec size");
_Static_assert(sizeof(struct rn_signal_rec) == 64, "rn_signal_rec size");
_Static_assert(sizeof(struct rn_exit_rec) == 64, "rn_exit_rec size");
_Static_assert(sizeof(struct rn_lost_rec) == 64, "rn_lost_rec size");
_Static_assert(sizeof(struct rn_sampled_rec) == 64, "rn_sampled_rec size");
_Static_assert(sizeof(struct rn_region) == 16, "rn_region size");
_Static_assert(sizeof(struct rn_event) == RN_EVENT_HDR_SIZE + RN_PAYLOAD_MAX, "rn_event size");

#endif /* RN_EVENT_H */
