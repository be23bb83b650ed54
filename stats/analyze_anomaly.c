// SPDX-License-Identifier: MIT
/*
 * The anomaly detector: each call's latency against the median and the
 * median absolute deviation (MAD) of the previous calls of the same syscall.
 *
 * Why robust figures: the mean and standard deviation of a window are pulled
 * by the very outliers we look for, and a near-constant syscall has a
 * standard deviation of a few nanoseconds, so that every small jitter became
 * an "anomaly" with a z-score in the hundreds (1.6% of all calls of a real
 * trace). The scale is the larger of two estimates of the standard deviation
 * that outliers hardly move: 1.4826 x the MAD, and (p95 - median) / 1.645
 * (both equal the standard deviation for normally distributed data). The
 * second stops a slow mode that is part of a call's normal behaviour (a read
 * that blocks one time in ten) from being flagged every time, while the MAD
 * alone would be 0 there: slow calls are anomalies while they are rare, under
 * 5% of the window. The scale also has a floor (AN_SCALE_FLOOR_*), so a call
 * must be slower than usual by a margin that means something.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze_int.h"

#define AN_MAD_TO_SD 1.4826		/* the MAD of a normal distribution is 0.6745 sd */
#define AN_P95_TO_SD (1 / 1.6449)	/* its p95 is 1.6449 sd above the median */
#define AN_SCALE_FLOOR_REL 0.05		/* scale >= 5% of the median ... */
#define AN_SCALE_FLOOR_US 1.0		/* ... and >= 1 us: timer and scheduling noise */
#define AN_MAX_LISTED (1u << 20)	/* anomalies kept for the report (40 MiB) */

/* The first index of s[0..n) holding a value >= x. */
static unsigned lower_bound(const double *s, unsigned n, double x)
{
	unsigned lo = 0, hi = n;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;

		if (s[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

double rn_analyze_median_sorted(const double *s, unsigned n)
{
	if (n == 0)
		return NAN;
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/* The deviations |s[i] - m| below m and above it are two sorted runs (walking
 * away from m); their median is found by merging the runs up to the middle. */
double rn_analyze_mad_sorted(const double *s, unsigned n, double m)
{
	unsigned t, lo = (n - 1) / 2, hi = n / 2;
	long i;
	unsigned j;
	double d = 0, dlo = 0;

	if (n == 0)
		return NAN;
	j = lower_bound(s, n, m);
	i = (long)j - 1;
	for (t = 0; t <= hi; t++) {
		if (i >= 0 && (j >= n || m - s[i] <= s[j] - m))
			d = m - s[i--];
		else
			d = s[j++] - m;
		if (t == lo)
			dlo = d;
	}
	return (dlo + d) / 2;
}

/* x joins the window of g; the oldest value leaves it when it is full. */
static void ring_push(struct an_ring *g, unsigned w, double x)
{
	unsigned k;

	if (g->n == w) {
		/* the sorted copy holds the same values: drop one equal to the
		 * oldest (any of equal values will do) */
		k = lower_bound(g->s, g->n, g->v[g->pos]);
		memmove(g->s + k, g->s + k + 1, (g->n - k - 1) * sizeof(*g->s));
		g->n--;
	}
	k = lower_bound(g->s, g->n, x);
	memmove(g->s + k + 1, g->s + k, (g->n - k) * sizeof(*g->s));
	g->s[k] = x;
	g->n++;
	g->v[g->pos] = x;
	g->pos = (g->pos + 1) % w;
}

static int an_list_add(struct rn_analyze *a, const struct an_anomaly *an)
{
	if (a->nlist == a->cap_list) {
		size_t cap = a->cap_list ? 2 * a->cap_list : 64;
		struct an_anomaly *l;

		if (a->nlist >= AN_MAX_LISTED)
			return 0;	/* counted, not listed: said in the report */
		l = realloc(a->list, cap * sizeof(*l));
		if (!l)
			return -ENOMEM;
		a->list = l;
		a->cap_list = cap;
	}
	a->list[a->nlist++] = *an;
	return 0;
}

static void an_realtime(struct rn_analyze *a, const struct an_anomaly *an)
{
	FILE *out = a->o.realtime_out ? a->o.realtime_out : stderr;
	char buf[32];
	const char *name = an_name(a, an->id, buf, sizeof(buf));

	if (a->o.json)
		fprintf(out, "{\"type\":\"anomaly\",\"ts\":%.6f,\"t\":%.6f,\"tid\":%u,"
			"\"syscall\":\"%s\",\"dur_us\":%.3f,\"z\":%.2f,\"median_us\":%.3f,"
			"\"scale_us\":%.3f}\n", an->ts, an->ts - a->first_ts, an->tid, name,
			an->dur_us, an->z, an->median_us, an->scale_us);
	else
		fprintf(out, "renacer: anomaly: %s took %.3f us at +%.6f s (tid %u): z %+.2f "
			"(last %u calls: median %.3f us, scale %.3f us)\n", name, an->dur_us,
			an->ts - a->first_ts, an->tid, an->z, a->ring[an->id]->n, an->median_us,
			an->scale_us);
	fflush(out);
}

/* Score x against the window of g (already holding enough calls). */
static int an_score(struct rn_analyze *a, struct an_ring *g, unsigned id,
		    const struct rn_analyze_rec *r)
{
	double med = rn_analyze_median_sorted(g->s, g->n), x = r->dur_us;
	double floor = fmax(AN_SCALE_FLOOR_REL * fabs(med), AN_SCALE_FLOOR_US), scale;
	struct an_anomaly an;

	/* The scale is never below the floor: most calls are cleared here
	 * without the MAD. Only slow calls count: a latency has a floor, and
	 * a call faster than usual (a cache hit) is no trouble. */
	if (!(x - med > a->o.anomaly_threshold * floor))
		return 0;
	scale = fmax(AN_MAD_TO_SD * rn_analyze_mad_sorted(g->s, g->n, med), floor);
	/* nearest rank: the smallest value with 95% of the window at or below */
	scale = fmax(AN_P95_TO_SD * (g->s[(19 * g->n + 19) / 20 - 1] - med), scale);
	if (!((x - med) / scale > a->o.anomaly_threshold))
		return 0;
	an = (struct an_anomaly){ .ts = r->ts, .dur_us = x, .tid = r->tid, .id = id,
				  .z = (x - med) / scale, .median_us = med, .scale_us = scale };
	a->anomalies[id]++;
	a->total_anomalies++;
	if (a->o.anomaly_realtime)
		an_realtime(a, &an);
	return an_list_add(a, &an);
}

int an_anomaly(struct rn_analyze *a, unsigned id, const struct rn_analyze_rec *r)
{
	unsigned w = a->o.anomaly_window, need = w < 20 ? w : 20;
	struct an_ring *g = a->ring[id];
	int err = 0;

	if (!g) {
		g = a->ring[id] = calloc(1, sizeof(*g));
		if (g) {
			g->v = malloc(w * sizeof(*g->v));
			g->s = malloc(w * sizeof(*g->s));
		}
		if (!g || !g->v || !g->s)
			return -ENOMEM;
	}
	if (isnan(r->dur_us))
		return 0;
	if (g->n >= need)
		err = an_score(a, g, id, r);
	ring_push(g, w, r->dur_us);
	return err;
}

static int an_cmp(const void *pa, const void *pb)
{
	const struct an_anomaly *x = pa, *y = pb;

	if (x->z != y->z)
		return x->z < y->z ? 1 : -1;
	return (x->ts > y->ts) - (x->ts < y->ts);
}

void an_anomalies_rank(struct rn_analyze *a)
{
	if (a->nlist > 1)	/* qsort(NULL, 0, ...) is undefined */
		qsort(a->list, a->nlist, sizeof(*a->list), an_cmp);
}
