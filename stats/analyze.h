/* SPDX-License-Identifier: MIT */
/*
 * Syscall behaviour analysis: `renacer analyze TRACE.jsonl` and --analyze.
 *
 * The trace is cut into windows (by time or by call count). Each window is a
 * feature vector: calls and time (microseconds) of each of the N syscalls
 * with the most calls overall, so 2N features (N = 8 by default: 16). Over
 * the windows the analysis reports
 *   - the Pearson correlation matrix of the features, and the most strongly
 *     correlated pairs between different syscalls;
 *   - k-means clustering of the windows on standardised features (each
 *     feature z-scored; k-means++ start from a seeded splitmix64 generator,
 *     then Lloyd iterations until no label changes; deterministic for a given
 *     seed), and what sets each cluster apart (the features whose cluster
 *     mean is furthest from the overall mean, in standard deviations);
 *   - anomalies: a call slower than the median of the previous `window`
 *     calls of the same syscall by more than threshold times a robust scale
 *     (sliding window, at least min(window, 20) calls seen). The scale is
 *     1.4826 x the median absolute deviation (MAD) of the window, at least
 *     5% of the median and at least 1 us, so that the jitter of a very
 *     steady syscall is not flagged; z = (latency - median) / scale. Counted
 *     per syscall, ranked by z (the top `top_anomalies` in the text report,
 *     every one in JSON), times relative to the first call of the trace and,
 *     with realtime set, printed as they happen.
 *
 * Memory: the anomaly detector keeps two arrays of `window` latencies per
 * syscall, and the anomalies found (at most 2^20 listed); the feature
 * vectors grow with the number of windows (one sparse vector per window,
 * about 16 bytes per distinct syscall in it), never with the number of calls
 * inside a window.
 *
 * Library rules: nothing printed to stdout unless it is the out/realtime
 * stream given; errors returned as -errno or NULL + errno.
 */
#ifndef RN_ANALYZE_H
#define RN_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../backends/backend.h"
#include "../backends/event.h"

/* Zero means "default" for every field. */
struct rn_analyze_opts {
	double window_sec;		/* window length in seconds; 0: by count */
	size_t window_calls;		/* calls per window (default 100) */
	unsigned features;		/* N syscalls -> 2N features (default 8) */
	unsigned clusters;		/* --clusters K (default 3) */
	unsigned long long seed;	/* --seed N (default 1) */
	double anomaly_threshold;	/* --anomaly-threshold (default 3.0) */
	unsigned anomaly_window;	/* --anomaly-window (default 100) */
	bool anomaly_realtime;		/* --anomaly-realtime: print each as it happens */
	FILE *realtime_out;		/* where (default stderr) */
	unsigned top_pairs;		/* correlated pairs listed (default 10) */
	unsigned top_anomalies;		/* --top N: anomalies in the text report (default 20) */
	bool json;			/* report as one {"type":"analysis",...} line */
};

/* One call, as read from a JSON trace or converted from an event. */
struct rn_analyze_rec {
	double ts;		/* seconds (any origin) */
	double dur_us;		/* latency in microseconds */
	__s64 ret;
	__u32 tid;
	__u32 tgid;
	int nr;			/* syscall number, or -1 when only name is known */
	const char *name;	/* may be NULL when nr is known */
	__u64 lost;		/* a {"type":"lost"} record: its count (else 0) */
	char errname[16];	/* JSON "errno" ("ENOENT"), empty when none or unknown */
};

struct rn_analyze;

/* A new analysis; o may be NULL. Returns NULL + errno. */
struct rn_analyze *rn_analyze_new(const struct rn_analyze_opts *o);
void rn_analyze_free(struct rn_analyze *a);
/* Add one call. 0, -EINVAL (no usable syscall), -ENOMEM. */
int rn_analyze_add(struct rn_analyze *a, const struct rn_analyze_rec *r);
/* Add the completed RN_EV_SYSCALL records of a batch (others ignored). */
/* count events the tracer lost at about ts (seconds, the records' clock;
 * NaN when unknown): said first in the report, and the window marked. */
int rn_analyze_add_lost(struct rn_analyze *a, __u64 count, double ts);
int rn_analyze_add_batch(struct rn_analyze *a, const struct rn_event *evs, size_t n);
/* Print the report (text, or one JSON line with o->json). 0, -ENOMEM, -EIO. */
int rn_analyze_report(struct rn_analyze *a, FILE *out);

/* `renacer analyze`: read JSON Lines from in (records with "type":"syscall";
 * other types skipped, malformed lines counted and reported, never fatal)
 * and print the report on out. 0, -ENOMEM, -EIO, or -ENODATA when no line
 * held a syscall. */
int rn_analyze_file(FILE *in, FILE *out, const struct rn_analyze_opts *o);

/* Parse one JSON line. Returns 1 for a syscall record (r filled; r->name
 * points into namebuf), 0 for another valid record type or a call marked
 * "unfinished":true (for a {"type":"lost","count":N} record, r->lost = N), -EINVAL when the line is malformed or a syscall record
 * lacks a syscall name and number. */
int rn_analyze_parse_line(const char *line, size_t len, struct rn_analyze_rec *r,
			  char *namebuf, size_t namelen);

/* --- the numerical core, public for the tests and benchmarks --- */

/* Pearson correlation matrix R (cols x cols, full) of X (rows x cols,
 * row-major). A constant column correlates as NaN. 0 or -ENOMEM/-EINVAL. */
int rn_analyze_corr(const double *X, size_t rows, size_t cols, double *R);

/* Standardise X in place (each column to mean 0, sd 1; constant columns to 0).
 * mean and sd (cols each) receive the figures; either may be NULL. */
int rn_analyze_standardize(double *X, size_t rows, size_t cols, double *mean, double *sd);

/* k-means++ seeding only: k rows of X chosen with the seeded generator into
 * centers (k x cols). 0, -EINVAL (rows < k), -ENOMEM. */
int rn_analyze_kmeans_init(const double *X, size_t rows, size_t cols, unsigned k,
			   unsigned long long seed, double *centers);

struct rn_kmeans_result {
	double inertia;		/* sum of squared distances to the centres */
	unsigned iterations;
	bool converged;		/* no label changed in the last iteration */
};

/* Lloyd iterations from the given centres (k x cols, updated in place) until
 * no label changes or max_iter (0 = 300). labels: rows entries. An emptied
 * cluster takes the point furthest from its centre. 0 or -errno. */
int rn_analyze_kmeans_run(const double *X, size_t rows, size_t cols, unsigned k,
			  unsigned max_iter, double *centers, __u32 *labels,
			  struct rn_kmeans_result *res);

/* Both: init with seed, then run. */
int rn_analyze_kmeans(const double *X, size_t rows, size_t cols, unsigned k,
		      unsigned long long seed, double *centers, __u32 *labels,
		      struct rn_kmeans_result *res);

/* The median of the sorted s[0..n) (the mean of the two middle values when n
 * is even, as numpy.median), and the median of |s[i] - m| (the MAD about m,
 * unscaled). NaN when n is 0. */
double rn_analyze_median_sorted(const double *s, unsigned n);
double rn_analyze_mad_sorted(const double *s, unsigned n, double m);

#endif /* RN_ANALYZE_H */
