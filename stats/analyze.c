// SPDX-License-Identifier: MIT
/*
 * The analysis driver: windows of calls into feature vectors, the anomaly
 * detector, the report, and the JSON Lines reader behind `renacer analyze`.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../syscalls/syscalls.h"
#include "analyze.h"
#include "analyze_int.h"

/* Empty time windows inserted for one idle gap, at most: an idle stretch is
 * one cluster however long it lasts, and a trace with hour-long pauses must
 * not turn into millions of rows (a fuzzing finding). */
#define AN_MAX_GAP 256

static const struct rn_analyze_opts an_defaults = {
	.window_calls = 100,
	.features = 8,
	.clusters = 3,
	.seed = 1,
	.anomaly_threshold = 3.0,
	.anomaly_window = 100,
	.top_pairs = 10,
	.top_anomalies = 20,
};

static void an_opts(struct rn_analyze_opts *d, const struct rn_analyze_opts *o)
{
	*d = an_defaults;
	if (!o)
		return;
	d->window_sec = o->window_sec > 0 ? o->window_sec : 0;
	if (o->window_calls)
		d->window_calls = o->window_calls;
	if (o->features)
		d->features = o->features;
	if (o->clusters)
		d->clusters = o->clusters;
	if (o->seed)
		d->seed = o->seed;
	if (o->anomaly_threshold > 0)
		d->anomaly_threshold = o->anomaly_threshold;
	if (o->anomaly_window)
		d->anomaly_window = o->anomaly_window;
	if (o->top_pairs)
		d->top_pairs = o->top_pairs;
	if (o->top_anomalies)
		d->top_anomalies = o->top_anomalies;
	d->anomaly_realtime = o->anomaly_realtime;
	d->realtime_out = o->realtime_out;
	d->json = o->json;
}

struct rn_analyze *rn_analyze_new(const struct rn_analyze_opts *o)
{
	struct rn_analyze *a = calloc(1, sizeof(*a));

	if (!a)
		return NULL;
	an_opts(&a->o, o);
	return a;
}

void rn_analyze_free(struct rn_analyze *a)
{
	unsigned i;

	if (!a)
		return;
	for (i = 0; i < AN_IDS; i++) {
		free(a->names[i]);
		if (a->ring[i]) {
			free(a->ring[i]->v);
			free(a->ring[i]->s);
		}
		free(a->ring[i]);
	}
	free(a->ents);
	free(a->win_start);
	free(a->win_lost);
	free(a->list);
	free(a);
}

const char *an_name(const struct rn_analyze *a, unsigned id, char *buf, size_t len)
{
	const struct rn_syscall_info *info;

	if (id >= RN_NR_MAX)
		return a->names[id] ? a->names[id] : "?";
	info = rn_syscall(id);
	if (info && info->name)
		return info->name;
	snprintf(buf, len, "syscall_%u", id);
	return buf;
}

int an_id(struct rn_analyze *a, const struct rn_analyze_rec *r)
{
	long nr;
	unsigned i;
	char *p;

	if (r->nr >= 0 && r->nr < RN_NR_MAX)
		return r->nr;
	if (!r->name || !r->name[0])
		return -EINVAL;
	nr = rn_syscall_by_name(r->name);
	if (nr >= 0 && nr < RN_NR_MAX)
		return (int)nr;
	for (i = RN_NR_MAX; i < RN_NR_MAX + a->nextra; i++)
		if (strcmp(a->names[i], r->name) == 0)
			return (int)i;
	if (RN_NR_MAX + a->nextra >= AN_IDS)
		return -EINVAL;
	a->names[i] = strdup(r->name);
	if (!a->names[i])
		return -ENOMEM;
	/* the trace file chose this name: keep it to identifier characters
	 * so it prints safely in text and JSON alike */
	for (p = a->names[i]; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			*p = '?';
	a->nextra++;
	return (int)i;
}

int an_win_close(struct rn_analyze *a)
{
	unsigned i;
	__u64 *lost;

	if (a->nwin == a->cap_win) {
		size_t cap = a->cap_win ? 2 * a->cap_win : 256;
		size_t *n = realloc(a->win_start, (cap + 1) * sizeof(*n));

		if (!n)
			return -ENOMEM;
		a->win_start = n;
		lost = realloc(a->win_lost, cap * sizeof(*lost));
		if (!lost)
			return -ENOMEM;
		a->win_lost = lost;
		a->cap_win = cap;
	}
	if (a->nents + a->ntouched > a->cap_ents) {
		size_t cap = a->cap_ents ? 2 * a->cap_ents : 4096;
		struct an_ent *e;

		while (cap < a->nents + a->ntouched)
			cap *= 2;
		e = realloc(a->ents, cap * sizeof(*e));
		if (!e)
			return -ENOMEM;
		a->ents = e;
		a->cap_ents = cap;
	}
	a->win_lost[a->nwin] = a->cur_lost;
	a->cur_lost = 0;
	a->win_start[a->nwin++] = a->nents;
	for (i = 0; i < a->ntouched; i++) {
		unsigned id = a->touched[i];

		a->ents[a->nents++] = (struct an_ent){ .id = (__u16)id, .calls = a->cur_calls[id],
						       .time_us = a->cur_time[id] };
		a->cur_calls[id] = 0;
		a->cur_time[id] = 0.0;
	}
	a->win_start[a->nwin] = a->nents;
	a->ntouched = 0;
	a->cur_n = 0;
	return 0;
}

/* Move the current time window forward to the one holding ts. */
static int an_win_time(struct rn_analyze *a, double ts)
{
	long long idx, gap;
	double q;
	int err;

	if (!a->have_t0) {
		/* windows start at whole multiples of their length */
		a->t0 = floor(ts / a->o.window_sec) * a->o.window_sec;
		a->have_t0 = true;
	}
	q = floor((ts - a->t0) / a->o.window_sec);
	/* A wild timestamp: keep the index, and the gap arithmetic below, in range
	 * (the cast of a larger double, or of NaN, is undefined). */
	if (!(q > -0x1p53))
		q = -0x1p53;
	else if (q > 0x1p53)
		q = 0x1p53;
	idx = (long long)q;
	if (idx <= a->cur_win)
		return 0;	/* same window, or slightly out of order */
	err = an_win_close(a);
	gap = idx - a->cur_win - 1;
	if (gap > AN_MAX_GAP)
		gap = AN_MAX_GAP;
	for (; !err && gap > 0; gap--)
		err = an_win_close(a);
	a->cur_win = idx;
	return err;
}

int rn_analyze_add(struct rn_analyze *a, const struct rn_analyze_rec *r)
{
	int id = an_id(a, r), err;

	if (id < 0)
		return id;
	if (a->o.window_sec > 0) {
		err = an_win_time(a, r->ts);
		if (err)
			return err;
	}
	if (a->total_calls == 0 || r->ts < a->first_ts)
		a->first_ts = r->ts;
	if (a->total_calls == 0 || r->ts > a->last_ts)
		a->last_ts = r->ts;
	a->total_calls++;
	a->calls[id]++;
	a->time[id] += r->dur_us;
	if (a->cur_calls[id]++ == 0)
		a->touched[a->ntouched++] = (__u16)id;
	a->cur_time[id] += r->dur_us;
	a->cur_n++;
	err = an_anomaly(a, (unsigned)id, r);
	if (err)
		return err;
	if (a->o.window_sec <= 0 && a->cur_n == a->o.window_calls)
		return an_win_close(a);
	return 0;
}

int rn_analyze_add_lost(struct rn_analyze *a, __u64 count, double ts)
{
	int err;

	if (a->o.window_sec > 0 && !isnan(ts) && (a->have_t0 || a->total_calls)) {
		err = an_win_time(a, ts);
		if (err)
			return err;
	}
	a->lost += count;
	a->cur_lost += count;
	return 0;
}

int rn_analyze_add_batch(struct rn_analyze *a, const struct rn_event *evs, size_t n)
{
	int err = 0, r;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct rn_event *ev = &evs[i];
		struct rn_analyze_rec rec;

		if (ev->type == RN_EV_LOST) {
			r = rn_analyze_add_lost(a, ev->lost.count,
						ev->ts_ns ? (double)ev->ts_ns / 1e9 : NAN);
			if (r && !err)
				err = r;
			continue;
		}
		if (ev->type != RN_EV_SYSCALL || (ev->flags & RN_F_UNFINISHED))
			continue;
		rec = (struct rn_analyze_rec){
			.ts = (double)ev->ts_ns / 1e9,
			.dur_us = (double)ev->dur_ns / 1e3,
			.ret = ev->sc.ret,
			.tid = ev->tid,
			.tgid = ev->tgid,
			.nr = ev->sc.nr,
		};
		r = rn_analyze_add(a, &rec);
		if (r < 0 && r != -EINVAL)
			err = r;
	}
	return err;
}

int rn_analyze_file(FILE *in, FILE *out, const struct rn_analyze_opts *o)
{
	struct rn_analyze *a = rn_analyze_new(o);
	struct rn_analyze_rec r;
	char *line = NULL, name[64];
	size_t cap = 0;
	ssize_t len;
	int rc, err = 0;

	if (!a)
		return -ENOMEM;
	while ((len = getline(&line, &cap, in)) >= 0) {
		a->lines++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (strspn(line, " \t") >= (size_t)len)
			continue;
		rc = rn_analyze_parse_line(line, (size_t)len, &r, name, sizeof(name));
		if (rc == 0 && r.lost)
			rc = rn_analyze_add_lost(a, r.lost, r.ts);
		if (rc == 0) {
			a->other++;
			continue;
		}
		if (rc == 1)
			rc = rn_analyze_add(a, &r);
		if (rc == -ENOMEM) {
			err = rc;
			break;
		}
		if (rc < 0 && a->malformed++ == 0)
			a->first_bad = a->lines;
	}
	free(line);
	if (!err && a->total_calls == 0) {
		fprintf(out, "renacer: analyze: no syscall records (%llu lines, %llu malformed)\n",
			(unsigned long long)a->lines, (unsigned long long)a->malformed);
		err = -ENODATA;
	}
	if (!err)
		err = rn_analyze_report(a, out);
	rn_analyze_free(a);
	return err;
}
