// SPDX-License-Identifier: MIT
/*
 * --format=perfetto (or chrome): the Chrome trace-event JSON of perfetto.c,
 * streamed. begin opens the document, each record is written as it comes,
 * end closes it; with -ff every FILE.TID is a document of its own, opened
 * by the output's header hook and closed by its footer hook when the thread
 * exits (or at end).
 */
#include "perfetto.h"
#include "sink.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct pf_sink {
	struct rn_pf pf;
	struct rn_output *out;
	struct rn_strbuf buf;
	struct rn_strbuf info;	/* a signal's siginfo text */
	struct rn_strbuf frames;	/* -k: the frames' texts, back to back */
	struct rn_pf_text ftext[RN_STACK_MAX];
	bool ff;		/* -ff: one document per thread */
	bool first;		/* one document: nothing in it yet */
	char comm[17];		/* the current record's comm, NUL-terminated */
};

static void pf_open_hook(void *ctx, struct rn_strbuf *out)
{
	(void)ctx;
	rn_pf_open(out);
}

static void pf_close_hook(void *ctx, struct rn_strbuf *out)
{
	(void)ctx;
	rn_pf_close(out);
}

static int pf_begin(struct rn_sink *s)
{
	struct pf_sink *ps = s->state;

	ps->out->header = pf_open_hook;
	ps->out->footer = pf_close_hook;
	ps->out->header_ctx = ps;
	ps->out->summary_stderr = true;	/* -C: the document stays valid */
	if (!ps->ff) {
		rn_sb_reset(&ps->buf);
		rn_pf_open(&ps->buf);
		rn_output_write(ps->out, 0, ps->buf.buf, ps->buf.len);
	}
	return ps->out->write_errno ? -ps->out->write_errno : 0;
}

/* -k: each frame as one line of text, "c (stack_fp.c:22)", "write
 * (libc.so.6)" or "libfoo.so+0x1234"; the texts point into ps->frames. */
static void frame_texts(struct pf_sink *ps, const struct rn_sink_rec *sr, struct rn_pf_rec *r)
{
	size_t starts[RN_STACK_MAX];
	int n = sr->nframes < RN_STACK_MAX ? sr->nframes : RN_STACK_MAX;

	rn_sb_reset(&ps->frames);
	for (int i = 0; i < n; i++) {
		const struct rn_frame *f = &sr->frames[i];

		starts[i] = ps->frames.len;
		rn_pf_frame_text(&ps->frames, f->function, f->file, f->line, f->object, f->offset,
				 f->ip);
	}
	/* the buffer may have moved while it grew: point into it at the end */
	for (int i = 0; i < n; i++)
		ps->ftext[i] = (struct rn_pf_text){
			ps->frames.buf + starts[i],
			(i + 1 < n ? starts[i + 1] : ps->frames.len) - starts[i] };
	r->frames = ps->ftext;
	r->nframes = n;
}

/* The writer's view of a live record (NULL when it prints nothing). */
static const struct rn_pf_rec *to_rec(struct pf_sink *ps, const struct rn_sink_rec *sr,
				      struct rn_pf_rec *r)
{
	const struct rn_event *ev = sr->ev;
	const struct rn_decoded *d = sr->dec;

	*r = (struct rn_pf_rec){ .tid = ev->tid, .tgid = ev->tgid, .ts_ns = ev->ts_ns };
	if (ev->flags & RN_F_IDENT && ev->comm[0]) {
		/* the name the kernel had at the call: a process gone before
		 * /proc is read is still named */
		memcpy(ps->comm, ev->comm, sizeof(ev->comm));
		ps->comm[sizeof(ev->comm)] = '\0';
		r->comm = ps->comm;
	}
	switch (ev->type) {
	case RN_EV_SYSCALL:
		if (!d)
			return NULL;
		r->kind = RN_PF_SYSCALL;
		r->dur_ns = ev->dur_ns;
		r->name = d->name;
		r->nargs = d->nargs;
		for (int i = 0; i < d->nargs; i++)
			r->arg[i] = (struct rn_pf_text){ d->arg[i].buf, d->arg[i].len };
		r->ret = d->retval;
		r->err = d->err;
		r->unfinished = d->unfinished;
		r->entry_missed = ev->flags & RN_F_ENTRY_MISSED;
		if (sr->frames && sr->nframes > 0)
			frame_texts(ps, sr, r);
		return r;
	case RN_EV_SIGNAL:
		r->kind = RN_PF_SIGNAL;
		r->name = rn_signal_name(ev->sig.signo);
		r->stopped = ev->flags & RN_F_STOPPED;
		rn_sb_reset(&ps->info);
		if (!r->stopped)
			rn_decode_siginfo(ev, &ps->info);
		r->siginfo = (struct rn_pf_text){ ps->info.buf, ps->info.len };
		return r;
	case RN_EV_EXIT:
		r->kind = RN_PF_EXIT;
		r->superseded = ev->flags & RN_F_SUPERSEDED;
		r->exit_code = ev->exit.code;
		r->exit_signal = !r->superseded && ev->exit.signo ?
				 rn_signal_name(ev->exit.signo) : NULL;
		r->core_dumped = ev->exit.core_dumped;
		return r;
	case RN_EV_LOST:
		r->kind = RN_PF_LOST;
		r->count = ev->lost.count;
		return r;
	case RN_EV_ATTACH:
		r->kind = ev->flags & RN_F_DETACHED ? RN_PF_DETACH : RN_PF_ATTACH;
		return r;
	}
	return NULL;
}

/* -ff: a loss concerns every thread; each open document says so. */
static void lost_everywhere(struct pf_sink *ps, const struct rn_pf_rec *r)
{
	const struct rn_tidmap *m = &ps->pf.threads;

	for (size_t i = 0; i < m->cap; i++) {
		bool first = false;

		if (!m->keys[i])
			continue;
		rn_sb_reset(&ps->buf);
		rn_pf_record(&ps->pf, r, &first, &ps->buf);
		rn_output_write(ps->out, m->keys[i], ps->buf.buf, ps->buf.len);
	}
}

static void pf_write(struct pf_sink *ps, const struct rn_pf_rec *r)
{
	bool first;

	if (ps->ff && r->kind == RN_PF_LOST) {
		lost_everywhere(ps, r);
		return;
	}
	rn_sb_reset(&ps->buf);
	if (ps->ff) {
		first = !rn_pf_known(&ps->pf, r->tid);
		rn_pf_record(&ps->pf, r, &first, &ps->buf);
	} else {
		rn_pf_record(&ps->pf, r, &ps->first, &ps->buf);
	}
	rn_output_write(ps->out, r->tid, ps->buf.buf, ps->buf.len);
}

static int pf_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct pf_sink *ps = s->state;

	for (size_t i = 0; i < batch->n; i++) {
		const struct rn_sink_rec *sr = &batch->recs[i];
		const struct rn_event *ev = sr->ev;
		struct rn_pf_rec r;

		if (sr->show && to_rec(ps, sr, &r))
			pf_write(ps, &r);
		/* a superseded leader's tid lives on in the thread that exec'd */
		if (ev->type == RN_EV_EXIT && !(ev->flags & RN_F_SUPERSEDED)) {
			rn_pf_forget(&ps->pf, ev->tid, ev->tgid);
			rn_output_task_gone(ps->out, ev->tid);	/* -ff: the footer */
		}
	}
	return ps->out->write_errno ? -ps->out->write_errno : 0;
}

static int pf_end(struct rn_sink *s)
{
	struct pf_sink *ps = s->state;
	struct rn_tidmap *m = &ps->pf.threads;

	if (!ps->ff) {
		rn_sb_reset(&ps->buf);
		rn_pf_close(&ps->buf);
		rn_output_write(ps->out, 0, ps->buf.buf, ps->buf.len);
	}
	/* -ff: the threads still running when the trace stopped */
	for (size_t i = 0; ps->ff && i < m->cap; i++)
		if (m->keys[i])
			rn_output_task_gone(ps->out, m->keys[i]);
	return ps->out->write_errno ? -ps->out->write_errno : 0;
}

static void pf_release(struct rn_sink *s)
{
	struct pf_sink *ps = s->state;

	if (ps->out->header_ctx == ps) {
		ps->out->header = NULL;
		ps->out->footer = NULL;
	}
	rn_pf_release(&ps->pf);
	rn_sb_release(&ps->buf);
	rn_sb_release(&ps->info);
	rn_sb_release(&ps->frames);
	free(ps);
	free(s);
}

static const struct rn_sink pf_tmpl = {
	.name = "perfetto",
	.wants = RN_SINK_DECODED,
	.begin = pf_begin,
	.on_events = pf_on_events,
	.end = pf_end,
	.release = pf_release,
};

static struct rn_sink *pf_new(const struct rn_sink_env *env)
{
	struct pf_sink *ps = calloc(1, sizeof(*ps));
	struct rn_sink *s = ps ? rn_sink_new(&pf_tmpl, env, ps) : NULL;

	if (!s) {
		free(ps);
		return NULL;
	}
	ps->out = env->out;
	ps->ff = env->opts->follow == 2;
	ps->first = true;
	rn_pf_init(&ps->pf, ps->ff, rn_pf_proc_comm);
	rn_sb_init(&ps->buf);
	rn_sb_init(&ps->info);
	rn_sb_init(&ps->frames);
	/* -k: each call's stack in its args (--source alone has no frames
	 * to show here) */
	if (env->opts->stack)
		s->wants |= RN_SINK_STACK;
	return s;
}

const struct rn_format_desc rn_format_perfetto = {
	.name = "perfetto",
	.alias = "chrome",
	.flags = RN_FORMAT_TIMED | RN_FORMAT_NO_STACK,
	.new_sink = pf_new,
};
