// SPDX-License-Identifier: MIT
/* --function-time: calls and time per (function, syscall), over ftime.c. */
#include "sink.h"

#include "ftime.h"

#include <errno.h>
#include <stdlib.h>

static int ftime_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct rn_ftime *ft = s->state;
	bool innermost = s->env->opts->source == 2;

	for (size_t i = 0; i < batch->n; i++) {
		const struct rn_sink_rec *r = &batch->recs[i];
		const struct rn_event *ev = r->ev;
		int f;
		bool failed;

		if (ev->type != RN_EV_SYSCALL)
			continue;
		f = rn_stack_source_frame(r->frames, r->nframes, innermost);
		failed = !(ev->flags & RN_F_UNFINISHED) && ev->sc.ret < 0 && ev->sc.ret >= -4095;
		if (rn_ftime_add(ft, f >= 0 ? r->frames[f].function : NULL, ev->sc.nr, ev->dur_ns,
				 failed) < 0)
			return -ENOMEM;	/* the table would be wrong: stop */
	}
	return 0;
}

static int ftime_end(struct rn_sink *s)
{
	rn_ftime_print(s->state, s->env->format->flags & RN_FORMAT_JSON,
		       rn_output_summary(s->env->out));
	return 0;
}

static void ftime_release(struct rn_sink *s)
{
	rn_ftime_free(s->state);
	free(s);
}

static const struct rn_sink ftime_tmpl = {
	.name = "function-time",
	.wants = RN_SINK_STACK,
	.on_events = ftime_on_events,
	.end = ftime_end,
	.release = ftime_release,
};

struct rn_sink *rn_sink_ftime_new(const struct rn_sink_env *env)
{
	struct rn_ftime *ft = rn_ftime_new();
	struct rn_sink *s = ft ? rn_sink_new(&ftime_tmpl, env, ft) : NULL;

	if (!s) {
		rn_ftime_free(ft);
		return NULL;
	}
	return s;
}
