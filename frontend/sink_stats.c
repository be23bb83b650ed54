// SPDX-License-Identifier: MIT
/*
 * The summary sink: -c, -C, -S, --stats-extended, --summary-by, --histogram
 * and --summary-interval, over the statistics engine (stats/).
 */
#include "sink.h"

#include "../stats/stats.h"
#include "filter.h"
#include "ident.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

struct stats_sink {
	struct rn_stats *stats;
	bool ticking;		/* --summary-interval timer started */
	__u64 next_ms;		/* when the next interval summary is due */
	double since;		/* Unix time the current interval began */
};

static __u64 now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000 + (__u64)ts.tv_nsec / 1000000;
}

static double unix_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_summary(const struct rn_sink *s, const char *title)
{
	const struct rn_opts *o = s->env->opts;
	struct stats_sink *ss = s->state;
	FILE *out = rn_output_summary(s->env->out);
	struct rn_stats_print_opts po = {
		.extended = o->stats_extended,
		.histogram = o->histogram,
		.backend = s->env->backend ? rn_backend_name(s->env->backend) : NULL,
		.title = title,
		/* --summary-interval: each summary's interval in JSON, the last too */
		.ts = o->summary_interval ? unix_now() : 0,
		.interval_start = ss->since,
	};
	__u64 set[RN_BITMAP_WORDS] = { 0 };
	struct rn_filter hf;
	char err[256];

	po.interval_end = po.ts;
	if (o->sort_by)
		rn_stats_sort_parse(o->sort_by, &po.sort);	/* checked before the trace */
	if (o->histogram_set) {
		rn_filter_init(&hf);
		if (rn_filter_parse_qual(&hf, "trace", o->histogram_set, err, sizeof(err)) == 0)
			memcpy(set, hf.syscalls, sizeof(set));	/* checked before too */
		po.histogram_set = set;
		rn_filter_release(&hf);
	}
	if (s->env->format->flags & RN_FORMAT_JSON)
		rn_stats_print_json(ss->stats, out, &po);
	else
		rn_stats_print(ss->stats, out, &po);
	fflush(out);
}

/* Runs of consecutive events go to the engine as arrays (its batch path). */
static int stats_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct stats_sink *ss = s->state;
	const struct rn_event *first;
	size_t run;

	if (s->env->cfg->kernel_totals)
		return 0;	/* a sample: the backend counts every call (stats_end) */
	/* Out of memory loses summary data but must not stop the trace;
	 * rn_stats_dropped() tells the user at the end. */
	for (size_t i = 0; (run = rn_sink_run(batch, i, &first)); i += run)
		rn_stats_add_batch(ss->stats, first, run);
	return 0;
}

/* --summary-interval: print the summary so far, then start over. The first
 * tick (as the trace loop starts) only sets the clock going. */
static int stats_tick(struct rn_sink *s)
{
	double interval = s->env->opts->summary_interval;
	struct stats_sink *ss = s->state;
	char title[64];
	time_t now;
	struct tm tm;

	if (!ss->ticking) {
		ss->ticking = true;
		ss->since = unix_now();
		ss->next_ms = now_ms() + (__u64)(interval * 1000);
		rn_sink_wake_every(interval);
	}
	if (now_ms() < ss->next_ms)
		return 0;
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(title, sizeof(title), "--- summary at %H:%M:%S ---", &tm);
	print_summary(s, title);
	ss->since = unix_now();
	rn_stats_reset(ss->stats);
	ss->next_ms += (__u64)(interval * 1000);
	return 0;
}

/* -c: the backend's own aggregates when it made them, else what the events
 * fed in along the way. */
static int stats_end(struct rn_sink *s)
{
	struct stats_sink *ss = s->state;

	if (s->env->backend && (s->env->cfg->summary_only || s->env->cfg->kernel_totals)) {
		int ret = rn_backend_aggregates(s->env->backend, rn_stats_add_agg, ss->stats);

		if (ret && ret != -ENOTSUP)
			fprintf(stderr, "renacer: cannot read the kernel's totals: %s\n",
				strerror(-ret));
	}
	print_summary(s, NULL);
	if (rn_stats_dropped(ss->stats))
		fprintf(stderr, "renacer: %llu calls left out of the summary (out of memory)\n",
			(unsigned long long)rn_stats_dropped(ss->stats));
	return 0;
}

static void stats_release(struct rn_sink *s)
{
	struct stats_sink *ss = s->state;

	rn_stats_free(ss->stats);
	free(ss);
	free(s);
}

static const struct rn_sink stats_tmpl = {
	.name = "summary",
	.on_events = stats_on_events,
	.tick = stats_tick,	/* --summary-interval only */
	.end = stats_end,
	.release = stats_release,
};

struct rn_sink *rn_sink_stats_new(const struct rn_sink_env *env)
{
	enum rn_stats_key key = RN_STATS_BY_SYSCALL;
	struct stats_sink *ss = calloc(1, sizeof(*ss));
	struct rn_sink *s = ss ? rn_sink_new(&stats_tmpl, env, ss) : NULL;

	if (env->opts->summary_by)
		rn_stats_key_parse(env->opts->summary_by, &key);
	if (s)
		ss->stats = rn_stats_new(key);
	if (s && ss->stats)
		rn_ident_stats_namer(ss->stats);
	if (!s || !ss->stats) {
		free(ss);
		free(s);
		return NULL;
	}
	if (!env->opts->summary_interval)
		s->tick = NULL;
	return s;
}
