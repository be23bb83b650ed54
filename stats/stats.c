// SPDX-License-Identifier: MIT
/*
 * Streaming per-syscall summaries: exact counts and sums, min/max, a merged
 * sum of squared deviations for the standard deviation and a chunked log-linear
 * histogram for percentiles. Durations are staged per syscall and folded in
 * by the batch kernels (stats/kernels.h) 64 at a time.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../backends/hist.h"
#include "../syscalls/syscalls.h"
#include "kernels.h"
#include "stats.h"
#include "stats_int.h"

#define GROUP_CAP0 16
#define SAMPLES_BLOCK 1024	/* durations per kernel call in rn_stats_add_samples */

static struct stats_sc *sc_new(void)
{
	return calloc(1, sizeof(struct stats_sc));
}

static void sc_free(struct stats_sc *sc)
{
	unsigned c;

	if (!sc)
		return;
	for (c = 0; c < STATS_NCHUNK; c++)
		free(sc->chunk[c]);
	free(sc);
}

static void sc_reset(struct stats_sc *sc)
{
	unsigned c;

	for (c = 0; c < STATS_NCHUNK; c++)
		if (sc->chunk[c])
			memset(sc->chunk[c], 0, RN_HIST_SUB * sizeof(__u64));
	memset(&sc->acc, 0, sizeof(sc->acc));
	sc->errors = sc->stage_errors = sc->hist_n = 0;
	sc->nstage = 0;
	sc->m2 = 0.0;
	sc->sq_unknown = false;
}

/* Make sure the chunk of bucket b exists: 0 or -ENOMEM. */
static int sc_chunk(struct stats_sc *sc, __u32 b)
{
	__u32 c = b / RN_HIST_SUB;

	if (sc->chunk[c])
		return 0;
	sc->chunk[c] = calloc(RN_HIST_SUB, sizeof(__u64));
	return sc->chunk[c] ? 0 : -ENOMEM;
}

/*
 * Fold n durations into the totals. The batch kernel sums squares about the
 * running mean (the first duration for the first batch), which keeps the
 * batch's M2 (sum of squared deviations) free of cancellation; batches are
 * then merged with the parallel-variance update (Chan et al.), so an early
 * outlier cannot spoil the precision of everything after it.
 */
static void sc_fold(struct stats *s, struct stats_sc *sc, const __u64 *d, size_t n)
{
	struct rn_acc b = { .n = 0 };
	double na = (double)sc->acc.n, nb = (double)n, shift, dev, m2b, delta;

	if (n == 0)
		return;
	shift = sc->acc.n ? (double)sc->acc.sum / na : (double)d[0];
	s->k->acc(d, n, shift, &b);
	dev = (double)b.sum - nb * shift;
	m2b = fmax(0.0, b.sq - dev * dev / nb);
	if (sc->acc.n) {
		delta = (double)b.sum / nb - (double)sc->acc.sum / na;
		sc->m2 += m2b + delta * delta * na * nb / (na + nb);
	} else {
		sc->m2 = m2b;
	}
	if (sc->acc.n == 0 || b.min < sc->acc.min)
		sc->acc.min = b.min;
	if (sc->acc.n == 0 || b.max > sc->acc.max)
		sc->acc.max = b.max;
	sc->acc.n += b.n;
	sc->acc.sum += b.sum;
}

/* Fold the staged durations into the totals and the histogram. */
static int sc_flush(struct stats *s, struct stats_sc *sc)
{
	__u32 b[STATS_STAGE];
	unsigned i, n = sc->nstage;

	if (n == 0)
		return 0;
	s->k->buckets(sc->stage, n, b);
	for (i = 0; i < n; i++) {
		if (sc_chunk(sc, b[i]) < 0) {
			s->dropped += n;
			sc->nstage = 0;
			sc->stage_errors = 0;
			return -ENOMEM;
		}
	}
	sc_fold(s, sc, sc->stage, n);
	for (i = 0; i < n; i++)
		sc->chunk[b[i] / RN_HIST_SUB][b[i] % RN_HIST_SUB]++;
	sc->hist_n += n;
	sc->errors += sc->stage_errors;
	sc->stage_errors = 0;
	sc->nstage = 0;
	return 0;
}

static struct stats_group *group_new(__u32 id)
{
	struct stats_group *g = calloc(1, sizeof(*g));

	if (g)
		g->id = id;
	return g;
}

static void group_free(struct stats_group *g)
{
	int nr;

	if (!g)
		return;
	for (nr = 0; nr < RN_NR_MAX; nr++)
		sc_free(g->sc[nr]);
	free(g);
}

static size_t group_slot(const struct stats *s, __u32 id)
{
	size_t i = (size_t)(id * 2654435761u) & (s->cap - 1);

	while (s->groups[i] && s->groups[i]->id != id)
		i = (i + 1) & (s->cap - 1);
	return i;
}

static int groups_grow(struct stats *s)
{
	struct stats_group **old = s->groups;
	size_t oldcap = s->cap, i;

	s->groups = calloc(oldcap * 2, sizeof(*s->groups));
	if (!s->groups) {
		s->groups = old;
		return -ENOMEM;
	}
	s->cap = oldcap * 2;
	for (i = 0; i < oldcap; i++)
		if (old[i])
			s->groups[group_slot(s, old[i]->id)] = old[i];
	free(old);
	return 0;
}

/* The group of id, created on first use; NULL when out of memory. */
static struct stats_group *group_get(struct stats *s, __u32 id)
{
	size_t i;

	if (s->last && s->last->id == id)
		return s->last;
	if ((s->ngroups + 1) * 2 > s->cap && groups_grow(s) < 0)
		return NULL;
	i = group_slot(s, id);
	if (!s->groups[i]) {
		s->groups[i] = group_new(id);
		if (!s->groups[i])
			return NULL;
		s->ngroups++;
	}
	s->last = s->groups[i];
	return s->last;
}

static struct stats_sc *sc_get(struct stats_group *g, int nr)
{
	if (!g->sc[nr])
		g->sc[nr] = sc_new();
	return g->sc[nr];
}

struct rn_stats *rn_stats_new(enum rn_stats_key key)
{
	struct stats *s;

	if (key != RN_STATS_BY_SYSCALL && key != RN_STATS_BY_THREAD &&
	    key != RN_STATS_BY_PROCESS && key != RN_STATS_BY_CGROUP &&
	    key != RN_STATS_BY_CONTAINER) {
		errno = EINVAL;
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->key = key;
	s->k = rn_kernels();
	s->cap = GROUP_CAP0;
	s->groups = calloc(s->cap, sizeof(*s->groups));
	if (!s->groups) {
		free(s);
		return NULL;
	}
	return (struct rn_stats *)s;
}

void rn_stats_free(struct rn_stats *rs)
{
	struct stats *s = (struct stats *)rs;
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->cap; i++)
		group_free(s->groups[i]);
	free(s->groups);
	free(s);
}

void rn_stats_set_namer(struct rn_stats *rs, const struct rn_stats_namer *n)
{
	((struct stats *)rs)->namer = *n;
}

/* A container name to its group id (index + 1), "other" past the cap. */
static __u32 container_group(struct stats *s, const char *name)
{
	size_t i;

	if (!name)
		name = "-";
	for (i = 0; i < s->nnames; i++)
		if (!strcmp(s->names[i], name))
			return (__u32)i + 1;
	if (s->nnames == RN_STATS_CGROUPS_MAX)
		return RN_STATS_CGROUPS_MAX + 1;
	s->names[s->nnames++] = name;
	return (__u32)s->nnames;
}

/* A cgroup id to its group id: the index + 1 of the cgroup (cgroup key) or
 * of its container (container key). Seen cgroups are few: a linear search
 * from the last one found. */
static __u32 cgroup_group(struct stats *s, __u64 cgid)
{
	const char *name;
	size_t i;

	for (i = 0; i < s->ncg; i++)
		if (s->cgids[i] == cgid)
			return s->key == RN_STATS_BY_CGROUP ? (__u32)i + 1 : s->cg_group[i];
	if (s->ncg == RN_STATS_CGROUPS_MAX)
		return RN_STATS_CGROUPS_MAX + 1;
	s->cgids[s->ncg] = cgid;
	if (s->key == RN_STATS_BY_CONTAINER) {
		name = s->namer.name ? s->namer.name(s->namer.ctx, cgid, true) : NULL;
		s->cg_group[s->ncg] = container_group(s, name);
	}
	s->ncg++;
	return s->key == RN_STATS_BY_CGROUP ? (__u32)s->ncg : s->cg_group[s->ncg - 1];
}

static __u32 stats_event_id(struct stats *s, const struct rn_event *ev)
{
	switch (s->key) {
	case RN_STATS_BY_THREAD:
		return ev->tid;
	case RN_STATS_BY_PROCESS:
		return ev->tgid;
	case RN_STATS_BY_CGROUP:
	case RN_STATS_BY_CONTAINER:
		return cgroup_group(s, ev->flags & RN_F_IDENT ? ev->cgroup_id : 0);
	default:
		return 0;
	}
}

__u32 rn_stats_group_of(struct rn_stats *rs, const struct rn_event *ev)
{
	return stats_event_id((struct stats *)rs, ev);
}

static int stats_add_one(struct stats *s, const struct rn_event *ev)
{
	struct stats_group *g;
	struct stats_sc *sc;
	int nr = ev->sc.nr;

	if (ev->type != RN_EV_SYSCALL || (ev->flags & RN_F_UNFINISHED))
		return 0;
	if (nr < 0 || nr >= RN_NR_MAX)
		return 0;
	g = group_get(s, stats_event_id(s, ev));
	if (g && (ev->flags & RN_F_IDENT) && s->key != RN_STATS_BY_SYSCALL) {
		memcpy(g->comm, ev->comm, sizeof(g->comm));
		g->cgroup_id = ev->cgroup_id;
	}
	sc = g ? sc_get(g, nr) : NULL;
	if (!sc) {
		s->dropped++;
		return -ENOMEM;
	}
	if (ev->sc.ret < 0 && ev->sc.ret >= -4095)
		sc->stage_errors++;
	sc->stage[sc->nstage++] = ev->dur_ns;
	if (sc->nstage == STATS_STAGE)
		return sc_flush(s, sc);
	return 0;
}

int rn_stats_add_batch(struct rn_stats *rs, const struct rn_event *evs, size_t n)
{
	struct stats *s = (struct stats *)rs;
	int err = 0, r;
	size_t i;

	for (i = 0; i < n; i++) {
		r = stats_add_one(s, &evs[i]);
		if (r < 0)
			err = r;
	}
	return err;
}

int rn_stats_add_agg(void *ctx, int nr, const struct rn_syscall_agg *agg, __u32 bucket,
		     __u64 bucket_count)
{
	struct stats *s = ctx;
	struct stats_group *g;
	struct stats_sc *sc;

	if (s->key != RN_STATS_BY_SYSCALL)
		return -EOPNOTSUPP;
	if (nr < 0 || nr >= RN_NR_MAX || (!agg && bucket >= RN_HIST_BUCKETS))
		return -EINVAL;
	g = group_get(s, 0);
	sc = g ? sc_get(g, nr) : NULL;
	if (!sc)
		return -ENOMEM;
	if (!agg) {
		if (sc_chunk(sc, bucket) < 0)
			return -ENOMEM;
		sc->chunk[bucket / RN_HIST_SUB][bucket % RN_HIST_SUB] += bucket_count;
		sc->hist_n += bucket_count;
		return 0;
	}
	if (agg->count == 0)
		return 0;
	if (sc_flush(s, sc) < 0)
		return -ENOMEM;
	if (sc->acc.n == 0 || agg->min_ns < sc->acc.min)
		sc->acc.min = agg->min_ns;
	if (sc->acc.n == 0 || agg->max_ns > sc->acc.max)
		sc->acc.max = agg->max_ns;
	sc->acc.n += agg->count;
	sc->acc.sum += agg->total_ns;
	sc->errors += agg->errors;
	sc->sq_unknown = true;
	return 0;
}

int rn_stats_add_samples(struct rn_stats *rs, __u32 id, int nr, const __u64 *d, size_t n,
			 __u64 errors)
{
	struct stats *s = (struct stats *)rs;
	__u32 b[SAMPLES_BLOCK];
	struct stats_group *g;
	struct stats_sc *sc;
	size_t i, j, m;

	if (nr < 0 || nr >= RN_NR_MAX || errors > n)
		return -EINVAL;
	g = group_get(s, s->key == RN_STATS_BY_SYSCALL ? 0 : id);
	sc = g ? sc_get(g, nr) : NULL;
	if (!sc || sc_flush(s, sc) < 0)
		return -ENOMEM;
	for (i = 0; i < n; i += m) {
		m = n - i < SAMPLES_BLOCK ? n - i : SAMPLES_BLOCK;
		s->k->buckets(d + i, m, b);
		for (j = 0; j < m; j++) {
			__u64 *ch = sc->chunk[b[j] / RN_HIST_SUB];

			if (__builtin_expect(!ch, 0)) {
				if (sc_chunk(sc, b[j]) < 0) {
					sc->hist_n += j;	/* counted so far */
					return -ENOMEM;
				}
				ch = sc->chunk[b[j] / RN_HIST_SUB];
			}
			ch[b[j] % RN_HIST_SUB]++;
		}
		sc_fold(s, sc, d + i, m);
		sc->hist_n += m;
	}
	sc->errors += errors;
	return 0;
}

void stats_flush_all(struct stats *s)
{
	size_t i;
	int nr;

	for (i = 0; i < s->cap; i++) {
		if (!s->groups[i])
			continue;
		for (nr = 0; nr < RN_NR_MAX; nr++)
			if (s->groups[i]->sc[nr])
				sc_flush(s, s->groups[i]->sc[nr]);
	}
}

void rn_stats_reset(struct rn_stats *rs)
{
	struct stats *s = (struct stats *)rs;
	size_t i;
	int nr;

	if (s->key != RN_STATS_BY_SYSCALL) {
		/* threads and processes come and go: start the table afresh so
		 * a long --summary-interval run keeps only the live ones */
		for (i = 0; i < s->cap; i++) {
			group_free(s->groups[i]);
			s->groups[i] = NULL;
		}
		s->ngroups = 0;
		s->last = NULL;
		return;
	}
	for (i = 0; i < s->cap; i++) {
		if (!s->groups[i])
			continue;
		for (nr = 0; nr < RN_NR_MAX; nr++)
			if (s->groups[i]->sc[nr])
				sc_reset(s->groups[i]->sc[nr]);
	}
}

/* Value reported for bucket b: its midpoint, clamped to what was seen. */
static double bucket_value(const struct stats_sc *sc, __u32 b)
{
	double lo = (double)rn_hist_lower(b);
	double v = lo + (double)(rn_hist_upper(b) - 1 - rn_hist_lower(b)) / 2.0;

	if (v < (double)sc->acc.min)
		v = (double)sc->acc.min;
	if (v > (double)sc->acc.max)
		v = (double)sc->acc.max;
	return v;
}

double stats_sc_percentile(const struct stats *s, const struct stats_sc *sc, double p)
{
	__u64 rank, cum = 0;
	unsigned c;
	size_t i;

	if (sc->hist_n == 0)
		return -1.0;
	rank = (__u64)ceil(p / 100.0 * (double)sc->hist_n);
	if (rank < 1)
		rank = 1;
	if (rank > sc->hist_n)
		rank = sc->hist_n;
	for (c = 0; c < STATS_NCHUNK; c++) {
		if (!sc->chunk[c])
			continue;
		i = s->k->rank_find(sc->chunk[c], RN_HIST_SUB, rank, &cum);
		if (i < RN_HIST_SUB)
			return bucket_value(sc, c * RN_HIST_SUB + (__u32)i);
	}
	return (double)sc->acc.max;
}

static double sc_stddev(const struct stats_sc *sc)
{
	double n = (double)sc->acc.n, mean, var = 0.0, d;
	__u32 b;

	if (sc->acc.n == 0)
		return 0.0;
	if (!sc->sq_unknown)
		return sqrt(sc->m2 / n);
	/* in-kernel aggregates: estimate from the histogram */
	if (sc->hist_n == 0)
		return 0.0;
	mean = (double)sc->acc.sum / n;
	for (b = 0; b < RN_HIST_BUCKETS; b++) {
		const __u64 *ch = sc->chunk[b / RN_HIST_SUB];

		if (!ch || !ch[b % RN_HIST_SUB])
			continue;
		d = bucket_value(sc, b) - mean;
		var += (double)ch[b % RN_HIST_SUB] * d * d;
	}
	return sqrt(var / (double)sc->hist_n);
}

void stats_sc_row(const struct stats *s, const struct stats_sc *sc, __u32 id, int nr,
		  struct rn_stats_row *row)
{
	memset(row, 0, sizeof(*row));
	row->id = id;
	row->nr = nr;
	row->calls = sc->acc.n;
	row->errors = sc->errors;
	row->total_ns = sc->acc.sum;
	if (sc->acc.n == 0)
		return;
	row->min_ns = sc->acc.min;
	row->max_ns = sc->acc.max;
	row->avg_ns = (double)sc->acc.sum / (double)sc->acc.n;
	/* NaN when no histogram came with the totals (printed as "-"/null) */
	row->p50_ns = sc->hist_n ? stats_sc_percentile(s, sc, 50.0) : NAN;
	row->p90_ns = sc->hist_n ? stats_sc_percentile(s, sc, 90.0) : NAN;
	row->p99_ns = sc->hist_n ? stats_sc_percentile(s, sc, 99.0) : NAN;
	row->stddev_ns = sc_stddev(sc);
}

static struct stats_sc *stats_find(struct stats *s, __u32 id, int nr)
{
	size_t i;

	if (nr < 0 || nr >= RN_NR_MAX)
		return NULL;
	if (s->key == RN_STATS_BY_SYSCALL)
		id = 0;
	i = group_slot(s, id);
	if (!s->groups[i])
		return NULL;
	return s->groups[i]->sc[nr];
}

int rn_stats_get(struct rn_stats *rs, __u32 id, int nr, struct rn_stats_row *row)
{
	struct stats *s = (struct stats *)rs;
	struct stats_sc *sc = stats_find(s, id, nr);

	if (!sc)
		return -ENOENT;
	sc_flush(s, sc);
	if (sc->acc.n == 0)
		return -ENOENT;
	stats_sc_row(s, sc, s->key == RN_STATS_BY_SYSCALL ? 0 : id, nr, row);
	return 0;
}

double rn_stats_percentile(struct rn_stats *rs, __u32 id, int nr, double p)
{
	struct stats *s = (struct stats *)rs;
	struct stats_sc *sc = stats_find(s, id, nr);

	if (!sc)
		return -1.0;
	sc_flush(s, sc);
	return stats_sc_percentile(s, sc, p);
}

int rn_stats_cumulative(struct rn_stats *rs, __u32 id, int nr, const __u64 *le_ns, size_t n,
			__u64 *out)
{
	struct stats *s = (struct stats *)rs;
	struct stats_sc *sc = stats_find(s, id, nr);
	size_t i = 0;
	__u64 cum = 0;

	if (!sc)
		return -ENOENT;
	sc_flush(s, sc);
	memset(out, 0, n * sizeof(*out));
	for (__u32 b = 0; b < RN_HIST_BUCKETS && i < n; b++) {
		const __u64 *ch = sc->chunk[b / RN_HIST_SUB];

		/* a whole empty chunk: skip to the next one */
		if (!ch) {
			b += RN_HIST_SUB - 1 - b % RN_HIST_SUB;
			continue;
		}
		while (i < n && rn_hist_upper(b) - 1 > le_ns[i])
			out[i++] = cum;
		cum += ch[b % RN_HIST_SUB];
	}
	while (i < n)
		out[i++] = cum;
	return 0;
}

void rn_stats_totals(struct rn_stats *rs, __u64 *calls, __u64 *errors, __u64 *total_ns)
{
	struct stats *s = (struct stats *)rs;
	__u64 c = 0, e = 0, t = 0;
	size_t i;
	int nr;

	stats_flush_all(s);
	for (i = 0; i < s->cap; i++) {
		if (!s->groups[i])
			continue;
		for (nr = 0; nr < RN_NR_MAX; nr++) {
			const struct stats_sc *sc = s->groups[i]->sc[nr];

			if (!sc)
				continue;
			c += sc->acc.n;
			e += sc->errors;
			t += sc->acc.sum;
		}
	}
	if (calls)
		*calls = c;
	if (errors)
		*errors = e;
	if (total_ns)
		*total_ns = t;
}

__u64 rn_stats_dropped(const struct rn_stats *rs)
{
	return ((const struct stats *)rs)->dropped;
}

static const struct {
	const char *name;
	enum rn_stats_sort sort;
} sort_names[] = {
	{ .name = "time", .sort = RN_SORT_TIME },
	{ .name = "total-time", .sort = RN_SORT_TIME },
	{ .name = "calls", .sort = RN_SORT_CALLS },
	{ .name = "count", .sort = RN_SORT_CALLS },
	{ .name = "errors", .sort = RN_SORT_ERRORS },
	{ .name = "error", .sort = RN_SORT_ERRORS },
	{ .name = "name", .sort = RN_SORT_NAME },
	{ .name = "syscall", .sort = RN_SORT_NAME },
	{ .name = "avg", .sort = RN_SORT_AVG },
	{ .name = "avg-time", .sort = RN_SORT_AVG },
	{ .name = "min", .sort = RN_SORT_MIN },
	{ .name = "min-time", .sort = RN_SORT_MIN },
	{ .name = "shortest", .sort = RN_SORT_MIN },
	{ .name = "max", .sort = RN_SORT_MAX },
	{ .name = "max-time", .sort = RN_SORT_MAX },
	{ .name = "longest", .sort = RN_SORT_MAX },
	{ .name = "p99", .sort = RN_SORT_P99 },
	{ .name = "none", .sort = RN_SORT_NONE },
	{ .name = "nothing", .sort = RN_SORT_NONE },
};

int rn_stats_sort_parse(const char *name, enum rn_stats_sort *out)
{
	size_t i;

	for (i = 0; i < sizeof(sort_names) / sizeof(sort_names[0]); i++) {
		if (strcmp(name, sort_names[i].name) == 0) {
			*out = sort_names[i].sort;
			return 0;
		}
	}
	return -EINVAL;
}

int rn_stats_key_parse(const char *name, enum rn_stats_key *out)
{
	if (strcmp(name, "syscall") == 0)
		*out = RN_STATS_BY_SYSCALL;
	else if (strcmp(name, "thread") == 0)
		*out = RN_STATS_BY_THREAD;
	else if (strcmp(name, "process") == 0)
		*out = RN_STATS_BY_PROCESS;
	else if (strcmp(name, "cgroup") == 0)
		*out = RN_STATS_BY_CGROUP;
	else if (strcmp(name, "container") == 0)
		*out = RN_STATS_BY_CONTAINER;
	else
		return -EINVAL;
	return 0;
}

const char *rn_stats_time_basis(const char *backend)
{
	if (backend && strcmp(backend, "ebpf") == 0)
		return "time is wall-clock time inside each call, measured in the kernel "
		       "from sys_enter to sys_exit (eBPF)";
	return "time is wall-clock time inside each call, measured by ptrace from the "
	       "syscall-entry stop to the syscall-exit stop";
}

const char *stats_name(int nr, char *buf, size_t len)
{
	const struct rn_syscall_info *info = rn_syscall(nr);

	if (info && info->name)
		return info->name;
	snprintf(buf, len, "syscall_%d", nr);
	return buf;
}
