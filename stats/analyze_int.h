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

/* The last anomaly_window latencies of one syscall, about shift. */
struct an_ring {
	double *v;
	unsigned n, pos;
	double shift, sum, sumsq;
};

struct an_anomaly {
	double ts, dur_us, z, mean_us, sd_us;
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
	struct an_anomaly *top;		/* largest |z| first */
	unsigned ntop;
	/* the whole input */
	__u64 total_calls;
	double first_ts, last_ts;
	__u64 lines, malformed, other, first_bad;
};

const char *an_name(const struct rn_analyze *a, unsigned id, char *buf, size_t len);
int an_win_close(struct rn_analyze *a);

#endif /* RN_ANALYZE_INT_H */
