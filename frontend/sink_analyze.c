// SPDX-License-Identifier: MIT
/* --analyze: correlations, clusters and anomalies, over stats/analyze.c. */
#include "sink.h"

#include "../stats/analyze.h"

#include <errno.h>
#include <stdlib.h>

void rn_sink_analyze_opts(const struct rn_opts *o, struct rn_analyze_opts *a)
{
	*a = (struct rn_analyze_opts){
		.window_sec = o->window_sec,
		.window_calls = o->window_calls ? o->window_calls : 100,
		.features = 8,
		.clusters = o->clusters ? o->clusters : 3,
		.seed = o->seed ? o->seed : 1,
		.anomaly_threshold = o->anomaly_threshold > 0 ? o->anomaly_threshold : 3.0,
		.anomaly_window = o->anomaly_window ? o->anomaly_window : 100,
		.anomaly_realtime = o->anomaly_realtime,
		.realtime_out = stderr,
		.top_pairs = 10,
		.top_anomalies = o->top ? o->top : 20,
		.json = rn_format_get(o->format)->flags & RN_FORMAT_JSON,
	};
}

/* Runs of consecutive events go to the engine as arrays, as in the summary. */
static int analyze_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	const struct rn_event *first;
	size_t run;

	/* like the summary: losing analysis data must not stop the trace */
	for (size_t i = 0; (run = rn_sink_run(batch, i, &first)); i += run)
		rn_analyze_add_batch(s->state, first, run);
	return 0;
}

static int analyze_end(struct rn_sink *s)
{
	int ret = rn_analyze_report(s->state, rn_output_summary(s->env->out));

	/* a write error is the output's to report, with the file's name */
	return ret == -EIO ? 0 : ret;
}

static void analyze_release(struct rn_sink *s)
{
	rn_analyze_free(s->state);
	free(s);
}

static const struct rn_sink analyze_tmpl = {
	.name = "analyze",
	.on_events = analyze_on_events,
	.end = analyze_end,
	.release = analyze_release,
};

struct rn_sink *rn_sink_analyze_new(const struct rn_sink_env *env)
{
	struct rn_analyze_opts ao;
	struct rn_analyze *a;
	struct rn_sink *s;

	rn_sink_analyze_opts(env->opts, &ao);
	a = rn_analyze_new(&ao);
	s = a ? rn_sink_new(&analyze_tmpl, env, a) : NULL;
	if (!s) {
		rn_analyze_free(a);
		return NULL;
	}
	return s;
}
