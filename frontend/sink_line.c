// SPDX-License-Identifier: MIT
/*
 * The line sink: a trace format that prints one line per record (text, JSON
 * Lines, CSV) through its row's line(), to stderr, -o FILE or -ff files.
 */
#include "sink.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

struct line_sink {
	const struct rn_format_desc *fmt;
	struct rn_fmt_ctx ctx;
	struct rn_output *out;
	struct rn_strbuf line;
	__u64 rel_prev_ns;	/* -r */
};

static __s64 realtime_offset(void)
{
	struct timespec mono, real;

	clock_gettime(CLOCK_MONOTONIC, &mono);
	clock_gettime(CLOCK_REALTIME, &real);
	return ((__s64)real.tv_sec - mono.tv_sec) * 1000000000 + (real.tv_nsec - mono.tv_nsec);
}

static void line_header(void *ctx, struct rn_strbuf *out)
{
	struct line_sink *ls = ctx;

	ls->fmt->header(&ls->ctx, out);
}

/* The header opens the trace file now; -ff files get it as they are made. */
static int line_begin(struct rn_sink *s)
{
	struct line_sink *ls = s->state;

	if (!ls->fmt->header)
		return 0;
	ls->out->header = line_header;
	ls->out->header_ctx = ls;
	if (ls->out->file) {
		rn_sb_reset(&ls->line);
		ls->fmt->header(&ls->ctx, &ls->line);
		fwrite(ls->line.buf, 1, ls->line.len, ls->out->file);
	}
	return 0;
}

static int line_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct line_sink *ls = s->state;

	for (size_t i = 0; i < batch->n; i++) {
		const struct rn_sink_rec *r = &batch->recs[i];

		if (r->show) {
			rn_sb_reset(&ls->line);
			ls->ctx.comm = r->comm;
			ls->fmt->line(&ls->ctx, r->pfx, r->ev, r->dec, r->frames, r->nframes,
				      &ls->line);
			if (ls->line.len)
				rn_output_write(ls->out, r->ev->tid, ls->line.buf, ls->line.len);
		}
		/* a superseded leader's tid lives on in the thread that exec'd */
		if (r->ev->type == RN_EV_EXIT && !(r->ev->flags & RN_F_SUPERSEDED))
			rn_output_task_gone(ls->out, r->ev->tid);
	}
	return ls->out->write_errno ? -ls->out->write_errno : 0;
}

static void line_release(struct rn_sink *s)
{
	struct line_sink *ls = s->state;

	if (ls->out->header_ctx == ls)
		ls->out->header = NULL;
	rn_sb_release(&ls->line);
	free(ls);
	free(s);
}

static const struct rn_sink line_tmpl = {
	.name = "line",
	.wants = RN_SINK_DECODED,
	.begin = line_begin,
	.on_events = line_on_events,
	.release = line_release,
};

struct rn_sink *rn_sink_line_new(const struct rn_sink_env *env)
{
	const struct rn_opts *o = env->opts;
	struct line_sink *ls = calloc(1, sizeof(*ls));
	struct rn_sink *s = ls ? rn_sink_new(&line_tmpl, env, ls) : NULL;

	if (!s) {
		free(ls);
		return NULL;
	}
	ls->fmt = env->format;
	ls->out = env->out;
	ls->ctx = (struct rn_fmt_ctx){
		.format = o->format,
		.tsmode = o->tsmode,
		.show_time = o->show_time,
		.rel_prev_ns = o->relative ? &ls->rel_prev_ns : NULL,
		.realtime_offset_ns = realtime_offset(),
		.stack = o->stack,
		.source = o->source,
	};
	rn_sb_init(&ls->line);
	s->name = ls->fmt->name;
	/* -k and --source unwind only for a format that prints the frames. */
	if ((o->stack || o->source) && !(ls->fmt->flags & RN_FORMAT_NO_STACK))
		s->wants |= RN_SINK_STACK;
	return s;
}
