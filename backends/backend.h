/* SPDX-License-Identifier: MIT */
/*
 * The backend ops table: what the frontend asks of ptrace and eBPF alike.
 *
 * A backend turns a trace configuration into a stream of struct rn_event
 * (backends/event.h). It never prints to stdout and never exits; functions
 * return 0 (or a count) on success and -errno on failure, and a backend may
 * leave a one-line reason in its error buffer (rn_backend_error()).
 */
#ifndef RN_BACKEND_H
#define RN_BACKEND_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "event.h"

struct rn_frame;		/* backends/stack.h */
struct rn_inject;		/* backends/inject.h */

/*
 * Read access to a live task's memory and file table, for decoding what the
 * backend did not capture in the event payload. A backend without live access
 * (eBPF after the task exited) returns -ESRCH or -EFAULT.
 */
struct rn_memsrc {
	/* Copy up to len bytes at addr of task tid into buf. Returns bytes
	 * copied (short at an unmapped page) or -errno. */
	long (*read)(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len);
	/* Write the path of file descriptor fd of task tid (NUL-terminated)
	 * into buf. Returns its length or -errno. */
	long (*fdpath)(void *ctx, __u32 tgid, int fd, char *buf, size_t len);
	void *ctx;
	/* Unwind and symbolize the call stack of the stopped task tid of
	 * process tgid into frames[0..max), innermost first, as much of it as
	 * how (enum rn_stack_how, backends/stack.h) asks. Returns the frame
	 * count or -errno. NULL when the backend cannot unwind (eBPF; ptrace
	 * built without libdwarf/libunwind). */
	long (*stack)(void *ctx, __u32 tid, __u32 tgid, struct rn_frame *frames, size_t max,
		      int how);
	/* The same from the stack the backend captured with the record ev
	 * (eBPF: RN_REG_STACK regions), when the task is no longer where the
	 * record left it. Preferred over stack when set. */
	long (*stack_rec)(void *ctx, const struct rn_event *ev, struct rn_frame *frames,
			  size_t max, int how);
	/* -yy: the details of descriptor fd of process tgid, whose path is
	 * path: what a socket is connected to ("TCP:[127.0.0.1:5000->...]"),
	 * a device's numbers ("/dev/null<char 1:3>"), escaped, in buf.
	 * Returns its length, 0 when there is nothing to add to the path, or
	 * -errno. NULL where the backend has no live descriptors to ask about
	 * (backends/sockdiag.h). */
	long (*fddetail)(void *ctx, __u32 tgid, int fd, const char *path, char *buf, size_t len);
};

/*
 * Called by a backend with a batch of events. For the ptrace backend the
 * tasks named in the batch are stopped while it runs, so live reads through
 * mem see the memory as it was at syscall exit. Return 0 to continue or
 * -errno to stop tracing (for example when the output cannot be written).
 */
typedef int (*rn_event_fn)(void *ctx, const struct rn_event *evs, size_t n,
			   const struct rn_memsrc *mem);

/*
 * Several consumers (--readers): a backend that drains its events on several
 * reader threads hands each reader's records to a stage (the frontend's
 * frontend/trace_stage.c) instead of the rn_event_fn, and the stage merges
 * what the readers made back into one stream, in the order of the records'
 * ends (rn_event_end_ns). Set in rn_trace_config.stage; a backend with one
 * event stream (ptrace) ignores it.
 */
struct rn_stage {
	/* Reader threads asked for; the backend's open() lowers it to the
	 * number it runs (reader indexes are 0..nreaders-1). */
	unsigned nreaders;
	/* On reader idx's thread, each of its records in the order the reader
	 * drains them; ev (size bytes of it are the record) lives only during
	 * the call. 0, or -errno to stop the trace. */
	int (*reader_event)(struct rn_stage *s, unsigned idx, const struct rn_event *ev,
			    size_t size);
	/* On reader idx's thread, after each drain: hand over what it made so
	 * far. mark_ns (0 = no news) is a time such that no record the reader
	 * has not handed over yet could belong to a task whose later record
	 * ends at or before it (the reader found its ring empty at mark_ns). */
	void (*reader_mark)(struct rn_stage *s, unsigned idx, __u64 mark_ns);
	/* On the session's thread (from poll()): write what every reader has
	 * marked; final (after the readers stopped): everything. 0 or -errno. */
	int (*merge)(struct rn_stage *s, bool final);
	/* Optional: reader idx's output waits on the session's thread beyond
	 * what the stage holds (a slow output): the reader stops draining for
	 * a while, its ring fills and the kernel counts what it cannot take,
	 * as with one reader blocked in a write. */
	bool (*reader_full)(struct rn_stage *s, unsigned idx);
	/* Optional, for a writer of raw records (renacer record): when set, a
	 * reader hands each raw record here (data, size bytes, valid during the
	 * call) and reader_event is not called. 0 or -errno. */
	int (*reader_raw)(struct rn_stage *s, unsigned idx, const void *data, size_t size);
};

/* The time a record ends, the key the stage merges by: a syscall's exit
 * (entry + duration), any other record's time. */
static inline __u64 rn_event_end_ns(const struct rn_event *ev)
{
	return ev->type == RN_EV_SYSCALL ? ev->ts_ns + ev->dur_ns : ev->ts_ns;
}

/* Everything a backend needs to know about what to trace. */
struct rn_trace_config {
	char *const *argv;	/* command to spawn, or NULL when attaching */
	const pid_t *pids;	/* -p targets */
	size_t npids;
	bool follow_forks;	/* -f */
	bool summary_only;	/* -c without per-call output: may aggregate early */
	bool attach_all;	/* --all (eBPF) */
	const char *cgroup;	/* --cgroup PATH (eBPF) */
	long uid;		/* -u USER for the spawned command, or -1 */
	const char *const *comms; /* --comm NAMEs (eBPF filters in the kernel) */
	size_t ncomms;
	long gid;
	unsigned strsize;	/* -s: bytes of strings and buffers to capture */
	size_t buffer_size;	/* --buffer-size (eBPF ring buffer bytes), 0 = default */
	/* --readers: several reader threads feeding this stage, or NULL for
	 * one stream handed to the poll() callback */
	struct rn_stage *stage;
	int verbose;		/* --debug level */
	/* -y: record, at entry, the path of a descriptor the call closes
	 * (close): by its exit the path can no longer be looked up */
	bool fd_paths;
	bool capture_env;	/* -v: copy execve environments, not just count them */
	/* ptrace: never use the seccomp pre-filter (--no-seccomp-bpf); by
	 * default it is used for a spawned command under -f tracing a partial
	 * syscall set. */
	bool no_seccomp;
	/* -z / -Z pushed down: drop successful (RN_DROP_OK) or failed
	 * (RN_DROP_FAILED) calls as early as the backend can (eBPF: in
	 * sys_exit, before any copy). The frontend filters again anyway. */
	unsigned status_drop;
	/* Nothing reads the calls' times (plain text without -t, -T, -c, -C):
	 * a backend may skip its clock reads and leave ts_ns and dur_ns of
	 * syscall records 0. */
	bool no_timing;
	/* A text trace shows each call as it starts: hand over an RN_EV_ENTRY
	 * record at each reported call's entry, before its completed record.
	 * Off for -c, JSON, CSV: they want completed calls only. */
	bool entry_notices;
	/* --inflight: calls in flight this long are wanted (as RN_EV_ENTRY
	 * records; the eBPF backend finds them with RN_F_LATE), 0 = off */
	__u64 inflight_ns;
	/* renacer report TRACE.rnb: CLOCK_REALTIME - CLOCK_MONOTONIC as it was
	 * on the recording machine, for the times printed (have_realtime_off). */
	__s64 realtime_off_ns;
	bool have_realtime_off;
	/* -k, --source, --stack-format=folded: the eBPF backend takes the
	 * caller's user stack with each call it records */
	bool stacks;
	/* -e inject= / -e fault= (backends/inject.h), or NULL: ptrace only.
	 * Injected calls stop the task even when not reported. */
	const struct rn_inject *inject;
	/* --sample=N: record one call in N per syscall (0 or 1: all);
	 * --rate-limit=R: at most R records per second per CPU (0: off). What
	 * is left out is reported as RN_EV_SAMPLED records. */
	unsigned sample_every;
	unsigned rate_limit;
	/* Aggregate every call in the backend as for summary_only, beside the
	 * per-call records (a sampled trace's -C totals stay exact):
	 * aggregates() answers. */
	bool kernel_totals;
	/* -e signal=none: no signal records wanted (the backend may skip
	 * watching signals at all) */
	bool no_signals;
	/* Which syscalls to report: bit nr of word nr / 64. All ones = all. */
	__u64 syscalls[RN_BITMAP_WORDS];
};

struct rn_backend_ops;

/*
 * The base of every backend instance (git's ref_store pattern): each backend
 * embeds it FIRST in its private struct (struct pt_backend, struct
 * ebpf_backend) and converts the pointer back in its ops. Callers hold a
 * struct rn_backend * and go through the rn_backend_*() calls below, so they
 * never need to remember which table made the instance.
 */
struct rn_backend {
	const struct rn_backend_ops *ops;	/* set by ops->open() */
};

/* Per-syscall totals aggregated by a backend itself (eBPF -c: in the kernel). */
struct rn_syscall_agg {
	__u64 count;
	__u64 errors;
	__u64 total_ns;
	__u64 min_ns;
	__u64 max_ns;
};

/* Called once per syscall seen, then once per non-empty histogram bucket
 * (backends/hist.h numbering) of that syscall with agg == NULL. */
typedef int (*rn_agg_fn)(void *ctx, int nr, const struct rn_syscall_agg *agg,
			 __u32 bucket, __u64 bucket_count);

/* Failed calls of nr that returned -err, count times (in-kernel totals). */
typedef int (*rn_errno_fn)(void *ctx, int nr, int err, __u64 count);

struct rn_backend_ops {
	const char *name;
	/* Can this backend run here with cfg? 0 if yes; otherwise -errno and a
	 * one-line reason in why (e.g. "needs CAP_BPF and CAP_PERFMON"). */
	int (*probe)(const struct rn_trace_config *cfg, char *why, size_t whylen);
	/* Allocate and prepare (load programs, ...); the instance's base ops
	 * point back at this table. Returns NULL + errno. */
	struct rn_backend *(*open)(const struct rn_trace_config *cfg);
	/* Spawn the command or attach to the pids. */
	int (*start)(struct rn_backend *b);
	/* Wait up to timeout_ms (-1 = forever) and hand events to fn. Returns
	 * 1 while tracees remain, 0 once every tracee is gone, -errno on error
	 * (-EINTR when a signal arrived: the caller checks its flags and calls
	 * again). */
	int (*poll)(struct rn_backend *b, int timeout_ms, rn_event_fn fn, void *ctx);
	/* Stop tracing at once: detach attached tasks (they keep running,
	 * un-stopped). A spawned command gets SIGCONT and sig, as strace sends
	 * the signal it received; sig 0 leaves it running (an output error
	 * must not kill a production command). */
	void (*detach)(struct rn_backend *b, int sig);
	/* Wait status (as from waitpid) of the spawned command, or -1. */
	int (*exit_status)(const struct rn_backend *b);
	/* Events the backend lost and already reported. */
	__u64 (*lost)(const struct rn_backend *b);
	/* When cfg.summary_only or cfg.kernel_totals and the backend
	 * aggregated by itself: hand the
	 * totals to fn and return 0; NULL or -ENOTSUP when it did not (the
	 * frontend then summarises the events it was given). */
	int (*aggregates)(struct rn_backend *b, rn_agg_fn fn, void *ctx);
	/* With aggregates: the failed calls by errno, once per (nr, errno)
	 * seen; -ENOTSUP like aggregates. Optional. */
	int (*errnos)(struct rn_backend *b, rn_errno_fn fn, void *ctx);
	/* Bytes waiting in the event buffer now, and its size; -ENOTSUP where
	 * there is no such buffer. Optional. */
	int (*ring_fill)(const struct rn_backend *b, __u64 *used, __u64 *size);
	/* The last error as one line, or "". With b == NULL: why the last
	 * open() failed (open has only errno to say it), or "". */
	const char *(*error)(const struct rn_backend *b);
	void (*close)(struct rn_backend *b);
};

/* Calls through the instance's own table. */
static inline const char *rn_backend_name(const struct rn_backend *b)
{
	return b->ops->name;
}

static inline int rn_backend_start(struct rn_backend *b)
{
	return b->ops->start(b);
}

static inline int rn_backend_poll(struct rn_backend *b, int timeout_ms, rn_event_fn fn, void *ctx)
{
	return b->ops->poll(b, timeout_ms, fn, ctx);
}

static inline void rn_backend_detach(struct rn_backend *b, int sig)
{
	b->ops->detach(b, sig);
}

static inline int rn_backend_exit_status(const struct rn_backend *b)
{
	return b->ops->exit_status(b);
}

/* -ENOTSUP when the backend never aggregates by itself. */
static inline int rn_backend_aggregates(struct rn_backend *b, rn_agg_fn fn, void *ctx)
{
	return b->ops->aggregates ? b->ops->aggregates(b, fn, ctx) : -ENOTSUP;
}

/* -ENOTSUP when the backend keeps no in-kernel errno counts. */
static inline int rn_backend_errnos(struct rn_backend *b, rn_errno_fn fn, void *ctx)
{
	return b->ops->errnos ? b->ops->errnos(b, fn, ctx) : -ENOTSUP;
}

/* The last error of b as one line, or "" (never NULL). */
static inline const char *rn_backend_error(const struct rn_backend *b)
{
	const char *e = b->ops->error ? b->ops->error(b) : NULL;

	return e ? e : "";
}

static inline void rn_backend_close(struct rn_backend *b)
{
	if (b)
		b->ops->close(b);
}

extern const struct rn_backend_ops rn_ptrace_backend;
/* Defined by backends/ebpf when built with clang and bpftool; otherwise a
 * stub whose probe says renacer was built without eBPF. */
extern const struct rn_backend_ops rn_ebpf_backend;

#endif /* RN_BACKEND_H */
