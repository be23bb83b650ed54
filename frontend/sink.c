// SPDX-License-Identifier: MIT
/* The list of sinks a session feeds, and which sinks the options ask for. */
#include "sink.h"

#include "../backends/wake.h"

#include <errno.h>
#include <stdlib.h>

void rn_sinks_init(struct rn_sinks *l)
{
	l->n = 0;
	l->wants = 0;
}

int rn_sinks_add(struct rn_sinks *l, struct rn_sink *s)
{
	if (l->n == RN_SINKS_MAX) {
		s->release(s);
		return -ENOSPC;
	}
	l->v[l->n++] = s;
	l->wants |= s->wants;
	return 0;
}

int rn_sinks_begin(struct rn_sinks *l)
{
	for (size_t i = 0; i < l->n; i++) {
		int ret = l->v[i]->begin ? l->v[i]->begin(l->v[i]) : 0;

		if (ret)
			return ret;
	}
	return 0;
}

const char *rn_sinks_why(const struct rn_sinks *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->why[0])
			return l->v[i]->why;
	return "";
}

void rn_sink_wake_every(double seconds)
{
	rn_wake_every(seconds);
}

/* Every sink sees every batch: one that cannot write must not starve the
 * others (the summary still counts the calls of a trace that failed). */
int rn_sinks_on_events(struct rn_sinks *l, const struct rn_sink_batch *batch)
{
	int first = 0;

	for (size_t i = 0; i < l->n; i++) {
		int ret = l->v[i]->on_events ? l->v[i]->on_events(l->v[i], batch) : 0;

		if (ret && !first)
			first = ret;
	}
	return first;
}

int rn_sinks_tick(struct rn_sinks *l)
{
	int first = 0;

	for (size_t i = 0; i < l->n; i++) {
		int ret = l->v[i]->tick ? l->v[i]->tick(l->v[i]) : 0;

		if (ret && !first)
			first = ret;
	}
	return first;
}

int rn_sinks_end(struct rn_sinks *l)
{
	int first = 0;

	for (size_t i = 0; i < l->n; i++) {
		int ret = l->v[i]->end ? l->v[i]->end(l->v[i]) : 0;

		if (ret && !first)
			first = ret;
	}
	return first;
}

void rn_sinks_release(struct rn_sinks *l)
{
	while (l->n) {
		struct rn_sink *s = l->v[--l->n];

		s->release(s);
	}
	l->wants = 0;
}

size_t rn_sink_run(const struct rn_sink_batch *batch, size_t i, const struct rn_event **first)
{
	size_t run = 1;

	if (i >= batch->n)
		return 0;
	*first = batch->recs[i].ev;
	while (i + run < batch->n && batch->recs[i + run].ev == *first + run)
		run++;
	return run;
}

static void sink_free(struct rn_sink *s)
{
	free(s);
}

struct rn_sink *rn_sink_new(const struct rn_sink *tmpl, const struct rn_sink_env *env,
			    void *state)
{
	struct rn_sink *s = malloc(sizeof(*s));

	if (!s)
		return NULL;
	*s = *tmpl;
	s->env = env;
	s->state = state;
	if (!s->release)
		s->release = sink_free;
	return s;
}

static int add_new(struct rn_sinks *l, struct rn_sink *(*make)(const struct rn_sink_env *),
		   const struct rn_sink_env *env)
{
	struct rn_sink *s = make(env);

	return s ? rn_sinks_add(l, s) : -errno;
}

int rn_sinks_setup(struct rn_sinks *l, const struct rn_sink_env *env)
{
	const struct rn_opts *o = env->opts;
	const struct rn_format_desc *fmt = env->format;
	int ret = 0;

	rn_sinks_init(l);
	/* plain -c prints no trace, nor do --metrics* without -C */
	if (!o->summary && !o->stack_folded && (!rn_opts_metrics(o) || o->summary_and_trace))
		ret = add_new(l, fmt->new_sink ? fmt->new_sink : rn_sink_line_new, env);
	if (!ret && (o->summary || o->summary_and_trace))
		ret = add_new(l, rn_sink_stats_new, env);
	if (!ret && o->function_time)
		ret = add_new(l, rn_sink_ftime_new, env);
	if (!ret && o->analyze)
		ret = add_new(l, rn_sink_analyze_new, env);
	if (!ret && rn_opts_metrics(o))
		ret = add_new(l, rn_sink_metrics_new, env);
	if (!ret && o->stack_folded)
		ret = add_new(l, rn_sink_folded_new, env);
	if (!ret && o->inflight_ms > 0)
		ret = add_new(l, rn_sink_inflight_new, env);
	return ret;
}
