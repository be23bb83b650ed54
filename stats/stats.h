/* SPDX-License-Identifier: MIT */
/*
 * The summary engine behind -c, -C, -S, --stats-extended, --summary-by,
 * --summary-interval, --histogram and the JSON summary.
 *
 * What "time" is: the wall-clock time spent inside each system call, as
 * measured by the backend (CLOCK_MONOTONIC nanoseconds, rn_event.dur_ns):
 *   ptrace: from the syscall-entry stop to the syscall-exit stop of the task
 *           (it includes the tracer's own stop/resume latency, like strace -w);
 *   eBPF:   in the kernel, from the raw_syscalls:sys_enter tracepoint to
 *           sys_exit (the closest to the kernel's own view).
 * strace -c without -w reports system CPU time instead; renacer always reports
 * wall time and says so (rn_stats_time_basis()).
 *
 * Counting follows strace -c: a call counts when it returned (records flagged
 * RN_F_UNFINISHED, such as exit_group or a call cut short by the task's death,
 * are not counted); it is an error when its return value is in [-4095, -1].
 *
 * Memory is bounded: per (group, syscall) a fixed record plus at most 58 lazily
 * allocated 1 KiB histogram chunks (backends/hist.h buckets, one chunk per
 * power of two that occurred). It never grows with the number of calls.
 *
 * Percentiles (nearest rank: the smallest sample with at least p% of the
 * samples at or below it) are read from the log-linear histogram as the
 * midpoint of the bucket holding that rank, clamped to [min, max]: exact below
 * 128 ns, otherwise within 1/256 (0.39%) of the true sample -- documented as
 * "at most 1%". Standard deviation is the population one (divide by n), exact
 * up to floating-point rounding (batches of durations are merged with the
 * parallel-variance update, so an early outlier costs no precision); after
 * eBPF in-kernel aggregation (which carries no sum of squares) it is
 * estimated from the histogram midpoints.
 *
 * Not thread-safe: one struct rn_stats per consumer thread.
 */
#ifndef RN_STATS_H
#define RN_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../backends/backend.h"
#include "../backends/event.h"

enum rn_stats_key {
	RN_STATS_BY_SYSCALL = 0,	/* one table (default) */
	RN_STATS_BY_THREAD,		/* --summary-by=thread: a table per tid */
	RN_STATS_BY_PROCESS,		/* --summary-by=process: a table per tgid */
	RN_STATS_BY_CGROUP,		/* --summary-by=cgroup: a table per cgroup */
	RN_STATS_BY_CONTAINER,		/* --summary-by=container: per container */
};

/* The "schema" of the summary's JSON object: the same number as the trace
 * records' (RN_JSON_SCHEMA, frontend/ident.h; docs/json-schema.md). */
#define RN_STATS_JSON_SCHEMA 1

/* Distinct cgroups (and containers) given a table each; the rest share one
 * named "other", so a machine-wide trace keeps bounded memory. */
#define RN_STATS_CGROUPS_MAX 1024

/*
 * How the tables are named from records' identity (RN_F_IDENT): cgroup ids
 * to a path or a container id, which only the caller can look up. name()
 * returns the cgroup's path (container false) or its container (true), or
 * NULL when unknown / none; the string must stay valid for the run.
 */
struct rn_stats_namer {
	const char *(*name)(void *ctx, __u64 cgroup_id, bool container);
	void *ctx;
};



/* -S: time, calls and errors, avg, min, max and p99 sort descending, name
 * ascending, none by syscall number; ties are broken by syscall number. */
enum rn_stats_sort {
	RN_SORT_TIME = 0,
	RN_SORT_CALLS,
	RN_SORT_ERRORS,
	RN_SORT_NAME,
	RN_SORT_AVG,
	RN_SORT_MIN,
	RN_SORT_MAX,
	RN_SORT_P99,
	RN_SORT_NONE,
};

struct rn_stats_print_opts {
	enum rn_stats_sort sort;
	bool extended;			/* --stats-extended: min p50 p90 p99 max stddev */
	bool histogram;			/* --histogram: a log2 histogram per syscall */
	/* --histogram=SET: syscall bitmap (RN_BITMAP_WORDS words, bit nr);
	 * NULL draws every syscall in the table */
	const __u64 *histogram_set;
	/* "ptrace" or "ebpf": print one line stating what time is before the
	 * table (and put it in the JSON); NULL prints strace's table alone */
	const char *backend;
	/* printed on a line of its own before everything, e.g. an interval
	 * header for --summary-interval; NULL for none */
	const char *title;
	/* --summary-interval in JSON: the Unix times of the summary ("ts") and
	 * of the interval it covers; 0 leaves the three fields out */
	double ts, interval_start, interval_end;
};

/* Every figure of one (group, syscall); times in nanoseconds. */
struct rn_stats_row {
	__u32 id;		/* tid or tgid; 0 when keyed by syscall only */
	int nr;
	__u64 calls;
	__u64 errors;
	__u64 total_ns;
	__u64 min_ns;
	__u64 max_ns;
	double avg_ns;
	double p50_ns;		/* NaN when only totals were given (no histogram) */
	double p90_ns;
	double p99_ns;
	double stddev_ns;
};

struct rn_stats;

/* A new empty accumulator. Returns NULL + errno (ENOMEM, EINVAL). */
struct rn_stats *rn_stats_new(enum rn_stats_key key);
void rn_stats_free(struct rn_stats *s);
/* Set the namer (before the first event): without one, cgroup tables are
 * headed by cgroup id and every record is in container "-". */
void rn_stats_set_namer(struct rn_stats *s, const struct rn_stats_namer *n);
/* The group id ev's call counts under (the id rn_stats_get() takes): its
 * tid, tgid, or the cgroup's or container's index. */
__u32 rn_stats_group_of(struct rn_stats *s, const struct rn_event *ev);

/* Fold a batch of events in. Only RN_EV_SYSCALL records count; others are
 * ignored. Returns 0, or -ENOMEM (the events that did not fit are dropped and
 * counted in rn_stats_dropped()). */
int rn_stats_add_batch(struct rn_stats *s, const struct rn_event *evs, size_t n);

/* Fold n durations (ns) of syscall nr (for thread/process id), errors of
 * them failed, through the batch kernels without staging: for callers that
 * hold durations rather than events (and the benchmarks). 0, -EINVAL, -ENOMEM. */
int rn_stats_add_samples(struct rn_stats *s, __u32 id, int nr, const __u64 *d, size_t n,
			 __u64 errors);

/* rn_agg_fn (backends/backend.h) for the eBPF backend's in-kernel totals:
 * ctx is a struct rn_stats *. Backend aggregates carry no tid, so only a
 * RN_STATS_BY_SYSCALL accumulator accepts them (-EOPNOTSUPP otherwise);
 * -EINVAL for a bad nr or bucket, -ENOMEM. */
int rn_stats_add_agg(void *ctx, int nr, const struct rn_syscall_agg *agg, __u32 bucket,
		     __u64 bucket_count);

/* strace -c's table (plus the options above) on out. Returns 0 or -EIO. */
int rn_stats_print(struct rn_stats *s, FILE *out, const struct rn_stats_print_opts *o);
/* One line: {"type":"summary",...} with every figure per syscall, times as
 * JSON numbers in microseconds, then a newline. Returns 0 or -EIO. */
int rn_stats_print_json(struct rn_stats *s, FILE *out, const struct rn_stats_print_opts *o);

/* Forget every call (for --summary-interval). Keyed by syscall it keeps its
 * allocations; keyed by thread or process it drops the groups, so threads
 * that ended stop being listed. */
void rn_stats_reset(struct rn_stats *s);

/* Figures of one syscall (id is ignored when keyed by syscall). Returns 0,
 * or -ENOENT when it has no calls. */
int rn_stats_get(struct rn_stats *s, __u32 id, int nr, struct rn_stats_row *row);
/*
 * Cumulative histogram of syscall nr (group id): out[i] = calls that took at
 * most le_ns[i] nanoseconds, for n ascending bounds (a Prometheus histogram's
 * buckets). Read from the log-linear histogram: a bucket counts under the
 * first bound its largest value fits, so a sample up to 1/128 below a bound
 * (in a bucket that straddles it) may count under the next one. Returns 0, or -ENOENT when it has no calls.
 */
int rn_stats_cumulative(struct rn_stats *s, __u32 id, int nr, const __u64 *le_ns, size_t n,
			__u64 *out);
/* Totals over everything: calls, errors, total_ns (any may be NULL). */
void rn_stats_totals(struct rn_stats *s, __u64 *calls, __u64 *errors, __u64 *total_ns);
/* Events dropped for lack of memory. */
__u64 rn_stats_dropped(const struct rn_stats *s);

/* Percentile p (0 < p <= 100) of one syscall in ns; -1.0 when no calls. */
double rn_stats_percentile(struct rn_stats *s, __u32 id, int nr, double p);

/* -S argument ("time", "calls", "errors", "name", "avg", "min", "max", "p99",
 * "none"; strace's spellings "avg-time", "total-time", "min-time",
 * "max-time", "syscall", "count", "error", "nothing" too). 0 or -EINVAL. */
int rn_stats_sort_parse(const char *name, enum rn_stats_sort *out);

/* --summary-by argument: "syscall", "thread", "process", "cgroup",
 * "container". 0 or -EINVAL. */
int rn_stats_key_parse(const char *name, enum rn_stats_key *out);

/* One sentence saying what "time" means for this backend name. */
const char *rn_stats_time_basis(const char *backend);

#endif /* RN_STATS_H */
