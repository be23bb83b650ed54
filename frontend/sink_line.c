// SPDX-License-Identifier: MIT
/*
 * The line sink: a trace format that prints one line per record (text, JSON
 * Lines, CSV) through its row's line(), to stderr, -o FILE or -ff files.
 */
#include "sink.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

/* How often a buffered trace file is flushed while calls are shown as they
 * start: a blocked call's line must reach the file soon, not when 64 KiB
 * have piled up (strace writes every part at once, a write per part). */
#define LINE_FLUSH_MS 20

/* A call of one task whose entry part was printed. */
struct line_part {
	struct rn_entry_part p;
	bool active;		/* its end is still to come */
};

struct line_sink {
	const struct rn_format_desc *fmt;
	struct rn_fmt_ctx ctx;
	struct rn_output *out;
	struct rn_strbuf line;
	__u64 rel_prev_ns;	/* -r */
	/* Calls shown as they start (the format's entry() and finish()): */
	bool entries;
	bool per_task;		/* -ff: each task has a file, the others never cut in */
	struct rn_tidmap parts;	/* tid -> struct line_part */
	__u32 open;		/* whose entry part ends the shared trace, or 0 */
	bool ticking;		/* the flush timer runs */
	bool dirty;		/* written since the last flush */
	__u64 flushed_ms;
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

static __u64 now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000 + (__u64)ts.tv_nsec / 1000000;
}

static struct line_part *part_of(struct line_sink *ls, __u32 tid, bool make)
{
	struct line_part **slot;
	int is_new;

	if (!make && !ls->parts.len)
		return NULL;
	slot = (struct line_part **)rn_tidmap_get(&ls->parts, tid, &is_new);
	if (slot && !*slot && make) {
		*slot = calloc(1, sizeof(**slot));
		if (*slot)
			rn_sb_init(&(*slot)->p.args);
	}
	return slot ? *slot : NULL;
}

static void part_free(struct line_part *lp)
{
	if (lp) {
		rn_sb_release(&lp->p.args);
		free(lp);
	}
}

/* A line of tid is about to be written: an entry part it would follow on
 * the same file ends now with " <unfinished ...>" (its call's end becomes
 * a "resumed" line), unless it is tid's own call ending (own). */
static void cut_open(struct line_sink *ls, __u32 tid, bool own)
{
	__u32 victim = ls->per_task ? tid : ls->open;
	struct line_part *lp = victim ? part_of(ls, victim, false) : NULL;
	static const char cut[] = " <unfinished ...>\n";

	if (!lp || !lp->active || lp->p.cut || (own && victim == tid))
		return;
	rn_output_write(ls->out, victim, cut, sizeof(cut) - 1);
	lp->p.cut = true;
	if (ls->open == victim)
		ls->open = 0;
}

/* Format r into ls->line, and say whose call it ends (or starts), if any. */
static struct line_part *line_format(struct line_sink *ls, const struct rn_sink_rec *r)
{
	const struct rn_event *ev = r->ev;
	struct line_part *lp = NULL;

	rn_sb_reset(&ls->line);
	ls->ctx.comm = r->comm;		/* -Y */
	if (ls->entries && ev->type == RN_EV_ENTRY && !(ev->flags & RN_F_LATE)) {
		lp = part_of(ls, ev->tid, true);
		if (lp)
			ls->fmt->entry(&ls->ctx, r->pfx, ev, r->dec, &lp->p, &ls->line);
		return lp;
	}
	if (ev->type == RN_EV_ENTRY)
		return NULL;
	if (ls->entries && ev->type == RN_EV_SYSCALL)
		lp = part_of(ls, ev->tid, false);
	if (lp && lp->active) {
		ls->fmt->finish(&ls->ctx, r->pfx, ev, r->dec, &lp->p, r->frames, r->nframes,
				&ls->line);
		return lp;
	}
	ls->fmt->line(&ls->ctx, r->pfx, ev, r->dec, r->frames, r->nframes, &ls->line);
	return NULL;
}

static void line_show(struct line_sink *ls, const struct rn_sink_rec *r)
{
	const struct rn_event *ev = r->ev;
	struct line_part *lp = line_format(ls, r);

	if (ls->line.len) {
		cut_open(ls, ev->tid, lp && ev->type == RN_EV_SYSCALL);
		rn_output_write(ls->out, ev->tid, ls->line.buf, ls->line.len);
		ls->dirty = true;
	}
	if (!lp)
		return;
	lp->active = ev->type == RN_EV_ENTRY;
	if (lp->active)
		ls->open = ev->tid;
	else if (ls->open == ev->tid)
		ls->open = 0;
}

static int line_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct line_sink *ls = s->state;

	for (size_t i = 0; i < batch->n; i++) {
		const struct rn_sink_rec *r = &batch->recs[i];

		if (r->show)
			line_show(ls, r);
		/* a superseded leader's tid lives on in the thread that exec'd */
		if (r->ev->type == RN_EV_EXIT && !(r->ev->flags & RN_F_SUPERSEDED)) {
			rn_output_task_gone(ls->out, r->ev->tid);
			if (ls->parts.len)
				part_free(rn_tidmap_remove(&ls->parts, r->ev->tid));
			if (ls->open == r->ev->tid)
				ls->open = 0;
		}
	}
	return ls->out->write_errno ? -ls->out->write_errno : 0;
}

/* A trace file (not stderr, which is unbuffered) gets what was written at
 * least every LINE_FLUSH_MS, so a call that blocks shows within that. */
static int line_tick(struct rn_sink *s)
{
	struct line_sink *ls = s->state;
	__u64 now;

	if (!ls->ticking) {	/* the trace loop starts: set the clock going */
		ls->ticking = true;
		rn_sink_wake_every(LINE_FLUSH_MS / 1000.0);
	}
	if (!ls->dirty)
		return 0;
	now = now_ms();
	if (now - ls->flushed_ms < LINE_FLUSH_MS)
		return 0;
	ls->dirty = false;
	ls->flushed_ms = now;
	return rn_output_flush(ls->out);
}

static void line_release(struct rn_sink *s)
{
	struct line_sink *ls = s->state;

	if (ls->out->header_ctx == ls)
		ls->out->header = NULL;
	for (size_t i = 0; i < ls->parts.cap; i++)
		if (ls->parts.keys[i])
			part_free(ls->parts.vals[i]);
	rn_tidmap_release(&ls->parts);
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
		.realtime_offset_ns = s->env->cfg->have_realtime_off ? s->env->cfg->realtime_off_ns :
				      realtime_offset(),
		.stack = o->stack,
		.source = o->source,
		.ident_cols = o->follow || o->all || o->cgroup,
	};
	rn_sb_init(&ls->line);
	rn_tidmap_init(&ls->parts);
	ls->entries = env->entries && ls->fmt->entry && ls->fmt->finish;
	ls->per_task = o->follow == 2;
	/* stderr is unbuffered: only a trace file needs flushing */
	if (ls->entries && (o->outfile || ls->per_task))
		s->tick = line_tick;
	s->name = ls->fmt->name;
	/* -k and --source unwind only for a format that prints the frames. */
	if ((o->stack || o->source) && !(ls->fmt->flags & RN_FORMAT_NO_STACK))
		s->wants |= RN_SINK_STACK;
	return s;
}
