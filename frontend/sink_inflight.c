// SPDX-License-Identifier: MIT
/*
 * --inflight=MS: a call that has been in flight longer than MS is reported
 * once on stderr, with its input arguments as decoded at entry
 * ("renacer: pid 42 in read(0, ...) for 5.0 s"), and the calls still in
 * flight when the trace ends are listed. It reads the backend's RN_EV_ENTRY
 * notices: ptrace's at each entry, eBPF's (RN_F_LATE) only for the calls
 * found in flight MS or longer, once each. The completed record of a call
 * (its entry time at or after the watched one's) ends its watch.
 */
#include "sink.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

/* How often the calls are looked at, at most (and at least every MS / 2). */
#define INFLIGHT_CHECK_MS 100.0

/* The call one task is in, as far as the trace knows. */
struct inflight_call {
	struct rn_strbuf text;	/* "read(0, ...)" */
	__u64 ts_ns;		/* its entry */
	__u64 done_ts;		/* entry of the last call seen complete */
	bool active;		/* entered, not yet ended */
	bool reported;
};

struct inflight_sink {
	struct rn_tidmap calls;	/* tid -> struct inflight_call */
	__u64 limit_ns;
	bool ticking;
};

static __u64 mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000000000ull + (__u64)ts.tv_nsec;
}

/* "name(in-args, ...)": the output arguments are not known yet. */
static void call_text(const struct rn_decoded *d, struct rn_strbuf *out)
{
	rn_sb_reset(out);
	rn_sb_puts(out, d->name);
	rn_sb_putc(out, '(');
	for (int i = 0; i < d->nargs; i++) {
		if (i)
			rn_sb_puts(out, ", ");
		rn_sb_put(out, d->arg[i].buf, d->arg[i].len);
	}
	if (d->partial)
		rn_sb_puts(out, d->nargs ? ", ..." : "...");
	rn_sb_putc(out, ')');
}

static void call_entered(struct inflight_sink *is, const struct rn_sink_rec *r)
{
	struct inflight_call **slot;
	int is_new;

	slot = (struct inflight_call **)rn_tidmap_get(&is->calls, r->ev->tid, &is_new);
	if (!slot)
		return;
	/* a late entry told again, or of a call whose end was seen already */
	if (*slot && (r->ev->flags & RN_F_LATE) &&
	    ((*slot)->active ? (*slot)->ts_ns == r->ev->ts_ns : (*slot)->done_ts >= r->ev->ts_ns))
		return;
	if (!*slot) {
		*slot = calloc(1, sizeof(**slot));
		if (!*slot)
			return;
		rn_sb_init(&(*slot)->text);
	}
	call_text(r->dec, &(*slot)->text);
	(*slot)->ts_ns = r->ev->ts_ns;
	(*slot)->active = true;
	(*slot)->reported = false;
}

static void call_free(struct inflight_call *ic)
{
	if (ic) {
		rn_sb_release(&ic->text);
		free(ic);
	}
}

static int inflight_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct inflight_sink *is = s->state;

	for (size_t i = 0; i < batch->n; i++) {
		const struct rn_sink_rec *r = &batch->recs[i];
		const struct rn_event *ev = r->ev;
		struct inflight_call **slot;
		int is_new;

		if (ev->type == RN_EV_ENTRY && r->dec) {
			call_entered(is, r);
		} else if (ev->type == RN_EV_SYSCALL && is->calls.len) {
			/* a call renacer let go of is still in flight */
			slot = (struct inflight_call **)rn_tidmap_get(&is->calls, ev->tid,
								       &is_new);
			if (slot && *slot && !(ev->flags & RN_F_DETACHED) &&
			    ev->ts_ns >= (*slot)->ts_ns) {
				(*slot)->active = false;
				(*slot)->done_ts = ev->ts_ns;
			}
		} else if (ev->type == RN_EV_EXIT && !(ev->flags & RN_F_SUPERSEDED)) {
			call_free(rn_tidmap_remove(&is->calls, ev->tid));
		}
	}
	return 0;
}

static void report(__u32 tid, const struct inflight_call *ic, __u64 now, const char *how)
{
	fprintf(stderr, "renacer: pid %u %s %s for %.1f s\n", tid, how, ic->text.buf,
		(double)(now - ic->ts_ns) / 1e9);
}

static int inflight_tick(struct rn_sink *s)
{
	struct inflight_sink *is = s->state;
	__u64 now;

	if (!is->ticking) {
		double ms = (double)is->limit_ns / 2e6;

		is->ticking = true;
		rn_sink_wake_every((ms < INFLIGHT_CHECK_MS ? ms : INFLIGHT_CHECK_MS) / 1000.0);
	}
	if (!is->calls.len)
		return 0;
	now = mono_ns();
	for (size_t i = 0; i < is->calls.cap; i++) {
		struct inflight_call *ic = is->calls.vals[i];

		if (!is->calls.keys[i] || !ic || !ic->active || ic->reported ||
		    now - ic->ts_ns < is->limit_ns)
			continue;
		ic->reported = true;
		report(is->calls.keys[i], ic, now, "in");
	}
	return 0;
}

/* The calls still in flight as the trace ends (renacer detached, or was
 * stopped while they blocked). */
static int inflight_end(struct rn_sink *s)
{
	struct inflight_sink *is = s->state;
	__u64 now = mono_ns();

	for (size_t i = 0; i < is->calls.cap; i++) {
		struct inflight_call *ic = is->calls.vals[i];

		if (is->calls.keys[i] && ic && ic->active)
			report(is->calls.keys[i], ic, now, "still in");
	}
	return 0;
}

static void inflight_release(struct rn_sink *s)
{
	struct inflight_sink *is = s->state;

	for (size_t i = 0; i < is->calls.cap; i++)
		if (is->calls.keys[i])
			call_free(is->calls.vals[i]);
	rn_tidmap_release(&is->calls);
	free(is);
	free(s);
}

static const struct rn_sink inflight_tmpl = {
	.name = "inflight",
	.wants = RN_SINK_DECODED,
	.on_events = inflight_on_events,
	.tick = inflight_tick,
	.end = inflight_end,
	.release = inflight_release,
};

struct rn_sink *rn_sink_inflight_new(const struct rn_sink_env *env)
{
	struct inflight_sink *is = calloc(1, sizeof(*is));
	struct rn_sink *s = is ? rn_sink_new(&inflight_tmpl, env, is) : NULL;

	if (!s) {
		free(is);
		return NULL;
	}
	rn_tidmap_init(&is->calls);
	is->limit_ns = (__u64)(env->opts->inflight_ms * 1e6);
	return s;
}
