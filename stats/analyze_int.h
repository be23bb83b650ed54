/* SPDX-License-Identifier: MIT */
/* Internals shared by stats/analyze.c and stats/analyze_report.c. */
#ifndef RN_ANALYZE_INT_H
#define RN_ANALYZE_INT_H

#include "analyze.h"

#define AN_IDS 1024		/* syscall numbers, then names the table lacks */

/* One syscall's figures in one window. */
struct an_ent {
	__u16 id;
	__u32 calls;
	double time_us;
};

/* The last anomaly_window latencies of one syscall: in arrival order (v, a
 * ring) and sorted (s), for the median and the MAD. */
struct an_ring {
	double *v, *s;
	unsigned n, pos;
};

/* A slow call: z = (dur_us - median_us) / scale_us. */
struct an_anomaly {
	double ts, dur_us, z, median_us, scale_us;
	__u32 tid;
	unsigned id;
};

struct rn_analyze {
	struct rn_analyze_opts o;
	/* the window being filled */
	__u32 cur_calls[AN_IDS];
	double cur_time[AN_IDS];
	__u16 touched[AN_IDS];
	unsigned ntouched;
	size_t cur_n;
	long long cur_win;		/* index of the current time window */
	double t0;
	bool have_t0;
	/* closed windows: window w holds ents[win_start[w] .. win_start[w + 1]) */
	struct an_ent *ents;
	size_t nents, cap_ents;
	size_t *win_start;
	size_t nwin, cap_win;
	/* events lost (tracer's {"type":"lost"} records): in all, in the window
	 * being filled, and per closed window (win_lost[w]) */
	__u64 lost, cur_lost;
	__u64 *win_lost;
	/* totals per id */
	__u64 calls[AN_IDS];
	double time[AN_IDS];
	char *names[AN_IDS];		/* ids from RN_NR_MAX up */
	unsigned nextra;
	/* anomalies */
	struct an_ring *ring[AN_IDS];
	__u64 anomalies[AN_IDS];
	__u64 total_anomalies;
	struct an_anomaly *list;	/* in call order; by z after an_anomalies_rank() */
	size_t nlist, cap_list;
	/* the whole input */
	__u64 total_calls;
	double first_ts, last_ts;
	__u64 lines, malformed, other, first_bad;
};

const char *an_name(const struct rn_analyze *a, unsigned id, char *buf, size_t len);
int an_win_close(struct rn_analyze *a);
/* The id of a record: its number when known, else its name (numbers from
 * RN_NR_MAX up are handed out to names the table does not know). -EINVAL
 * (no usable syscall, or too many names), -ENOMEM. */
int an_id(struct rn_analyze *a, const struct rn_analyze_rec *r);
/* The figures behind a report (analyze_report.c). */
#define CLUSTER_TRAITS 3	/* features named per cluster */

struct report {
	struct rn_analyze *a;
	size_t rows, cols;
	unsigned nsc;			/* syscalls used: cols = 2 * nsc */
	unsigned ids[AN_IDS];
	double *X, *R, *Z, *centers, *zmean, *zsd;
	__u32 *labels;
	struct rn_kmeans_result km;
	int km_err;
	unsigned k;
};

struct trait {
	unsigned f;
	double dev;	/* cluster mean minus overall mean, in standard deviations */
};

struct pair {
	unsigned i, j;
	double r;
};

/* Close the last window as the report does, then rank the anomalies; call once. */
int an_report_prepare(struct rn_analyze *a);
/* Feature matrix, correlation and k-means; an_report_free() after, even on error. */
int an_report_compute(struct report *rp);
void an_report_free(struct report *rp);
/* Feature f's name ("calls:read", "time:read") in buf. */
const char *an_feat_name(const struct report *rp, size_t f, char *buf, size_t len);
/* Pairs of features of different syscalls, strongest |r| first (*out: free()). */
size_t an_report_pairs(const struct report *rp, struct pair **out);
/* The features that set cluster c apart (t: rp->cols entries), how many. */
unsigned an_cluster_traits(const struct report *rp, unsigned c, struct trait *t, unsigned max,
			   size_t *members);

/* The share of the trace that is missing: lost events over all events. */
double an_lost_share(const struct rn_analyze *a);

/* Score r against the window of its syscall, then add it there (analyze_anomaly.c). */
int an_anomaly(struct rn_analyze *a, unsigned id, const struct rn_analyze_rec *r);
/* Sort the anomalies, highest z first (ties: earliest first). */
void an_anomalies_rank(struct rn_analyze *a);

#endif /* RN_ANALYZE_INT_H */
