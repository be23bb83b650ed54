// SPDX-License-Identifier: MIT
/*
 * --readers=N: the session on several reader threads. Each reader of the
 * backend filters, decodes and formats its own records into chunks of lines
 * (one chunk being filled per reader, no lock); after each drain it hands
 * its chunks over with a mark, a time up to which its stream is complete.
 * The session's thread (merge, from the backend's poll) sorts the lines it
 * was handed by the time their records end and writes those at or before
 * the smallest mark: each task's lines stay in order (its next record
 * cannot end before a mark its previous one was missing from), and the
 * whole trace is in order but for a call that ended long before its record
 * was read. STAGE_WINDOW bounds the lines held back.
 *
 * Only sessions whose one sink is the line sink with nothing carried from
 * record to record qualify (rn_trace_stage_setup); the others keep the one
 * stream through rn_trace_on_events().
 */
#include "trace.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "filter.h"

#define STAGE_CHUNK_LINES 1024	/* a reader hands over a chunk this full */
#define STAGE_WINDOW 65536	/* lines held back at most: past it the oldest go */
#define STAGE_DEFAULT_MAX 8	/* readers by default at most */
/* Lines a reader may have handed over and the merger not taken yet: past
 * it the reader stops draining (reader_full), so a slow output costs
 * records counted lost, not memory. */
#define STAGE_READER_HELD 32768

struct stage_chunk {
	struct stage_chunk *next;
	struct rn_strbuf text;
	struct stage_line *lines;
	size_t n, cap;
	size_t refs;		/* lines of it not written yet (merger) */
	unsigned reader;
};

/* One formatted record. */
struct stage_line {
	__u64 key;		/* rn_event_end_ns() */
	__u64 seq;		/* its place in its reader's stream */
	struct stage_chunk *chunk;
	__u32 off, len;		/* in chunk->text */
};

struct stage_reader {
	/* the reader thread's own */
	struct stage_chunk *cur;
	struct rn_decoded dec;
	__u64 seq;
	__u64 max_key;		/* of the records it drained: a mark too */
	/* shared with the merger, under lock */
	pthread_mutex_t lock;
	struct stage_chunk *done, **done_tail;
	__u64 mark;
	size_t held;		/* lines in done (atomic reads by reader_full) */
};

struct trace_stage {
	struct rn_stage base;	/* first: the backend holds &base */
	struct rn_trace *t;
	struct rn_fmt_ctx ctx;
	enum rn_pid_prefix pfx;
	unsigned n;		/* readers made (base.nreaders may be lowered) */
	struct stage_reader *r;
	/* the merger's */
	struct stage_line *pend, *tmp;	/* pend: sorted but for what collect adds */
	size_t npend, cap;
	struct rn_strbuf outbuf;
};

static struct trace_stage *stage_of(struct rn_stage *s)
{
	return (struct trace_stage *)s;
}

/* Nothing is read from a live task: only what the backend captured. */
static long stage_no_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	(void)ctx, (void)tid, (void)addr, (void)buf, (void)len;
	return -EFAULT;
}

static const struct rn_memsrc stage_mem = { .read = stage_no_read };

static void chunk_free(struct stage_chunk *c)
{
	if (!c)
		return;
	rn_sb_release(&c->text);
	free(c->lines);
	free(c);
}

/* Hand the reader's chunk over; mark_ns 0 keeps the mark it had. */
static void stage_handover(struct stage_reader *r, __u64 mark_ns)
{
	struct stage_chunk *c = r->cur && r->cur->n ? r->cur : NULL;

	if (mark_ns < r->max_key)
		mark_ns = r->max_key;
	pthread_mutex_lock(&r->lock);
	if (c) {
		*r->done_tail = c;
		r->done_tail = &c->next;
		__atomic_store_n(&r->held, r->held + c->n, __ATOMIC_RELAXED);
	}
	if (mark_ns > r->mark)
		r->mark = mark_ns;
	pthread_mutex_unlock(&r->lock);
	if (c)
		r->cur = NULL;
}

static int stage_reader_event(struct rn_stage *s, unsigned idx, const struct rn_event *ev,
			      size_t size)
{
	struct trace_stage *st = stage_of(s);
	struct stage_reader *r = &st->r[idx];
	struct rn_trace *t = st->t;
	const struct rn_decoded *d = NULL;
	struct stage_chunk *c;
	size_t before;
	__u64 key = rn_event_end_ns(ev);

	(void)size;
	if (key > r->max_key)
		r->max_key = key;
	if (!rn_filter_match(t->filter, ev, &stage_mem) || !rn_trace_shown(t->filter, ev))
		return 0;
	if (ev->type != RN_EV_SYSCALL && ev->type != RN_EV_EXIT && ev->type != RN_EV_SIGNAL)
		return 0;	/* entries are not asked for; the rest comes by poll() */
	if (!r->cur) {
		r->cur = calloc(1, sizeof(*r->cur));
		if (!r->cur)
			return -ENOMEM;
		rn_sb_init(&r->cur->text);
		r->cur->reader = idx;
	}
	c = r->cur;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct stage_line *l = realloc(c->lines, cap * sizeof(*l));

		if (!l)
			return -ENOMEM;
		c->lines = l;
		c->cap = cap;
	}
	if (ev->type == RN_EV_SYSCALL)
		d = rn_trace_decode(t, ev, &stage_mem, &r->dec);
	before = c->text.len;
	t->env.format->line(&st->ctx, st->pfx, ev, d, NULL, 0, &c->text);
	if (c->text.len > before)
		c->lines[c->n++] = (struct stage_line){
			.key = key,
			.seq = r->seq++,
			.chunk = c,
			.off = (__u32)before,
			.len = (__u32)(c->text.len - before),
		};
	if (c->n >= STAGE_CHUNK_LINES)
		stage_handover(r, 0);
	return 0;
}

static void stage_reader_mark(struct rn_stage *s, unsigned idx, __u64 mark_ns)
{
	stage_handover(&stage_of(s)->r[idx], mark_ns);
}

static bool stage_reader_full(struct rn_stage *s, unsigned idx)
{
	return __atomic_load_n(&stage_of(s)->r[idx].held, __ATOMIC_RELAXED) >= STAGE_READER_HELD;
}

static int line_cmp(const void *a, const void *b)
{
	const struct stage_line *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->chunk->reader != y->chunk->reader)
		return x->chunk->reader < y->chunk->reader ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Take every reader's chunks into pend; the smallest mark. */
static int stage_collect(struct trace_stage *st, __u64 *min_mark)
{
	*min_mark = ~0ull;
	/* the backend may run fewer readers than were made */
	for (unsigned i = 0; i < st->base.nreaders && i < st->n; i++) {
		struct stage_reader *r = &st->r[i];
		struct stage_chunk *c, *next;

		pthread_mutex_lock(&r->lock);
		c = r->done;
		r->done = NULL;
		r->done_tail = &r->done;
		__atomic_store_n(&r->held, 0, __ATOMIC_RELAXED);
		if (r->mark < *min_mark)
			*min_mark = r->mark;
		pthread_mutex_unlock(&r->lock);
		for (; c; c = next) {
			next = c->next;
			if (st->npend + c->n > st->cap) {
				size_t cap = st->cap ? st->cap : 4096;
				struct stage_line *p;

				while (cap < st->npend + c->n)
					cap *= 2;
				p = realloc(st->pend, cap * sizeof(*p));
				if (!p)
					return -ENOMEM;
				st->pend = p;
				p = realloc(st->tmp, cap * sizeof(*p));
				if (!p)
					return -ENOMEM;
				st->tmp = p;
				st->cap = cap;
			}
			memcpy(st->pend + st->npend, c->lines, c->n * sizeof(*c->lines));
			st->npend += c->n;
			c->refs = c->n;
		}
	}
	return 0;
}

/* Sort what collect added after pend[0..held) and merge the two runs (the
 * lines held back stay sorted: only the new ones cost a sort). */
static void stage_sort(struct trace_stage *st, size_t held)
{
	struct stage_line *a = st->pend, *b = st->pend + held, *o = st->tmp;
	size_t na = held, nb = st->npend - held, i = 0, j = 0, k = 0;

	if (!nb)
		return;
	qsort(b, nb, sizeof(*b), line_cmp);
	if (!na)
		return;
	while (i < na && j < nb)
		o[k++] = line_cmp(&b[j], &a[i]) < 0 ? b[j++] : a[i++];
	memcpy(o + k, a + i, (na - i) * sizeof(*o));
	k += na - i;
	memcpy(o + k, b + j, (nb - j) * sizeof(*o));
	st->tmp = st->pend;
	st->pend = o;
}

static int stage_merge(struct rn_stage *s, bool final)
{
	struct trace_stage *st = stage_of(s);
	struct rn_output *out = &st->t->out;
	size_t i = 0, held = st->npend;	/* pend[0..held) is sorted */
	__u64 mark;
	int err = stage_collect(st, &mark);

	if (err)
		return err;
	if (final)
		mark = ~0ull;
	stage_sort(st, held);
	rn_sb_reset(&st->outbuf);
	for (; i < st->npend; i++) {
		struct stage_line *l = &st->pend[i];
		struct stage_chunk *c = l->chunk;

		if (l->key > mark && st->npend - i <= STAGE_WINDOW)
			break;
		rn_sb_put(&st->outbuf, c->text.buf + l->off, l->len);
		if (--c->refs == 0)
			chunk_free(c);
	}
	if (i) {
		memmove(st->pend, st->pend + i, (st->npend - i) * sizeof(*st->pend));
		st->npend -= i;
	}
	if (st->outbuf.len) {
		/* -ff is not staged: every line goes to the one trace file */
		rn_output_write(out, 0, st->outbuf.buf, st->outbuf.len);
		if (!out->write_errno && rn_output_flush(out) && !out->write_errno)
			out->write_errno = EIO;
	}
	return out->write_errno ? -out->write_errno : 0;
}

static __s64 realtime_offset(void)
{
	struct timespec mono, real;

	clock_gettime(CLOCK_MONOTONIC, &mono);
	clock_gettime(CLOCK_REALTIME, &real);
	return ((__s64)real.tv_sec - mono.tv_sec) * 1000000000 + (real.tv_nsec - mono.tv_nsec);
}

/* The CPUs this process may run on, or 1. */
static unsigned cpus_available(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) < 0)
		return 1;
	return CPU_COUNT(&set) > 0 ? (unsigned)CPU_COUNT(&set) : 1;
}

/* Why the session cannot be staged, or NULL. */
static const char *stage_unfit(const struct rn_trace *t)
{
	const struct rn_opts *o = t->opts;
	const struct rn_filter *f = t->filter;

	/* the trace's line sink alone (rn_sinks_setup) */
	if (t->sinks.n != 1 || t->env.format->new_sink || !t->env.format->line ||
	    o->summary || o->stack_folded || rn_opts_metrics(o))
		return "the output is more than a line per record";
	if (o->follow == 2)
		return "-ff";
	if (o->relative)
		return "-r";
	if (o->decode_pids_comm)
		return "-Y";
	if (o->stack || o->source || (t->sinks.wants & RN_SINK_STACK))
		return "stacks";
	if (f->npaths || (f->given & RN_QUAL_TRACE_FDS))
		return "-P or --trace-fds";
	return NULL;
}

int rn_trace_stage_setup(struct rn_trace *t, struct rn_trace_config *cfg, const char *backend)
{
	const struct rn_opts *o = t->opts;
	unsigned n = o->readers;
	const char *why = strcmp(backend, "ebpf") ? "not the eBPF backend" : stage_unfit(t);
	struct trace_stage *st;

	if (!n) {
		/* The text trace shows calls as they start, interleaved as
		 * strace does: one stream. Machine formats take the CPUs. */
		n = o->format == RN_FMT_TEXT ? 1 : cpus_available();
		if (n > STAGE_DEFAULT_MAX)
			n = STAGE_DEFAULT_MAX;
	}
	if (n > 1 && why && o->verbose)
		fprintf(stderr, "renacer: one reader (%s)\n", why);
	if (n <= 1 || why)
		return 0;
	st = calloc(1, sizeof(*st));
	if (st)
		st->r = calloc(n, sizeof(*st->r));
	if (!st || !st->r) {
		free(st);
		return -ENOMEM;
	}
	st->t = t;
	st->n = n;
	st->base = (struct rn_stage){
		.nreaders = n,
		.reader_event = stage_reader_event,
		.reader_mark = stage_reader_mark,
		.reader_full = stage_reader_full,
		.merge = stage_merge,
	};
	st->ctx = (struct rn_fmt_ctx){
		.format = o->format,
		.tsmode = o->tsmode,
		.show_time = o->show_time,
		.realtime_offset_ns = realtime_offset(),
		.ident_cols = o->follow || o->all || o->cgroup,	/* as sink_line.c */
	};
	if (o->outfile)
		st->pfx = o->follow || o->npids > 1 ? RN_PFX_COLUMN : RN_PFX_NONE;
	else
		st->pfx = o->follow || o->npids > 1 ? RN_PFX_BRACKET : RN_PFX_NONE;
	for (unsigned i = 0; i < n; i++) {
		pthread_mutex_init(&st->r[i].lock, NULL);
		st->r[i].done_tail = &st->r[i].done;
		rn_decoded_init(&st->r[i].dec);
	}
	rn_sb_init(&st->outbuf);
	t->stage = st;
	cfg->stage = &st->base;
	/* merged by the calls' ends: the backend must read its clocks; a
	 * call's line is printed whole when it ends */
	cfg->no_timing = false;
	cfg->entry_notices = false;
	return 0;
}

void rn_trace_stage_free(struct rn_trace *t)
{
	struct trace_stage *st = t->stage;

	if (!st)
		return;
	/* lines never merged (an error stopped the trace) */
	for (size_t i = 0; i < st->npend; i++)
		if (--st->pend[i].chunk->refs == 0)
			chunk_free(st->pend[i].chunk);
	for (unsigned i = 0; i < st->n; i++) {
		struct stage_chunk *c = st->r[i].done, *next;

		for (; c; c = next) {
			next = c->next;
			chunk_free(c);
		}
		chunk_free(st->r[i].cur);
		rn_decoded_release(&st->r[i].dec);
		pthread_mutex_destroy(&st->r[i].lock);
	}
	rn_sb_release(&st->outbuf);
	free(st->pend);
	free(st->tmp);
	free(st->r);
	free(st);
	t->stage = NULL;
}
