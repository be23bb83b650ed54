// SPDX-License-Identifier: MIT
/*
 * --inflight on the eBPF backend. The kernel keeps each traced call's
 * entry (number, arguments, time) in the task's storage until its exit;
 * the task iterator of bpf/inflight.bpf.h lists the ones still waiting.
 * It runs from the poll loop every MS / 2 (at most every 100 ms, as the
 * frontend's watcher ticks), never on the syscall path: a call that has
 * been in flight MS or longer becomes an RN_EV_ENTRY record with RN_F_LATE
 * (once per call), which the --inflight sink reports and the trace's lines
 * leave alone. When the trace ends every call still in flight is handed
 * over, for the sink's closing list. A -p target's call entered before
 * tracing began is timed from when a scan first saw it (as ptrace counts
 * from its attach).
 *
 * The records are handed over before the ring is drained in the same
 * poll, so a call's completed record always comes after its late entry.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "ebpf.h"
#include "../capture.h"
#include "bpf/renacer.h"
#include "bpf/renacer.skel.h"

#define INFLIGHT_SCAN_MAX_NS 100000000ull	/* 100 ms */

/* A call seen in flight: its thread, entry time (0: entered before
 * tracing began) and number; when it was first seen, and whether its late
 * entry went out. */
struct inflight_key {
	__u32 tid;
	__s32 nr;
	__u64 ts;
	__u64 first;
	bool handed;
};

struct ebpf_inflight {
	__u64 limit_ns;
	__u64 every_ns;
	__u64 next_ns;
	struct inflight_key *seen;	/* the last scan's, sorted */
	size_t nseen;
};

static __u64 mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000000000ull + (__u64)ts.tv_nsec;
}

static int key_cmp(const void *a, const void *b)
{
	const struct inflight_key *x = a, *y = b;

	if (x->tid != y->tid)
		return x->tid < y->tid ? -1 : 1;
	if (x->nr != y->nr)
		return x->nr < y->nr ? -1 : 1;
	return x->ts < y->ts ? -1 : x->ts > y->ts;
}

/* Loaded for --inflight, and for -p: what renacer lets go of in the middle
 * of a call ends as an unfinished record, as on ptrace. */
void ebpf_inflight_setup(struct ebpf_backend *b, const struct rn_trace_config *cfg)
{
	/* the iterator needs bpf_task_pt_regs (Linux 5.15): -p without
	 * --inflight does without it on an older kernel rather than fail */
	bool want = cfg->inflight_ns > 0 ||
		    (cfg->npids && !cfg->summary_only && ebpf_kernel_at_least(5, 15, false));

	bpf_program__set_autoload(b->skel->progs.rn_inflight, want);
	if (!want)
		return;
	b->inflight = calloc(1, sizeof(*b->inflight));
	if (!b->inflight)
		return;
	b->inflight->limit_ns = cfg->inflight_ns;
	b->inflight->every_ns = cfg->inflight_ns / 2 < INFLIGHT_SCAN_MAX_NS ?
		cfg->inflight_ns / 2 : INFLIGHT_SCAN_MAX_NS;
}

/* All the iterator writes, as records; *n their count. NULL on error. */
static struct rn_inflight_rec *inflight_read(struct ebpf_backend *b, size_t *n)
{
	struct bpf_link *link = b->skel->links.rn_inflight;
	size_t cap = 64, len = 0;
	char *buf = malloc(cap * sizeof(struct rn_inflight_rec)), *p;
	ssize_t got;
	int fd;

	if (!link) {
		/* the skeleton's attach leaves iterators alone; the link goes
		 * with the skeleton */
		link = bpf_program__attach_iter(b->skel->progs.rn_inflight, NULL);
		if (!link)
			goto fail;
		b->skel->links.rn_inflight = link;
	}
	if (!buf)
		goto fail;
	fd = bpf_iter_create(bpf_link__fd(link));
	if (fd < 0)
		goto fail;
	for (;;) {
		if (len == cap * sizeof(struct rn_inflight_rec)) {
			p = realloc(buf, 2 * len);
			if (!p)
				break;
			buf = p;
			cap *= 2;
		}
		got = read(fd, buf + len, cap * sizeof(struct rn_inflight_rec) - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		len += (size_t)got;
	}
	close(fd);
	*n = len / sizeof(struct rn_inflight_rec);
	return (struct rn_inflight_rec *)buf;
fail:
	free(buf);
	return NULL;
}

/* The late entry of one call, or (detached) the record of a call renacer
 * let go of, to the sinks. */
static int inflight_hand(struct ebpf_backend *b, const struct rn_inflight_rec *r, __u64 ts,
			 bool detached, const struct rn_memsrc *mem)
{
	struct rn_event *ev = &b->batch[0];

	memset(ev, 0, RN_EVENT_HDR_SIZE);
	ev->type = detached ? RN_EV_SYSCALL : RN_EV_ENTRY;
	ev->flags = detached ? RN_F_UNFINISHED | RN_F_DETACHED : RN_F_LATE;
	ev->ts_ns = ts;
	ev->dur_ns = detached ? mono_ns() - ts : 0;
	ev->tid = r->tid;
	ev->tgid = r->tgid;
	memcpy(ev->comm, r->comm, sizeof(ev->comm));
	ev->sc.nr = r->nr;
	memcpy(ev->sc.args, r->args, sizeof(ev->sc.args));
	return b->fn(b->fn_ctx, ev, 1, mem);
}

/* One call of this scan: when it entered (or was first seen), and its late
 * entry to the sinks once it is due. */
static int inflight_one(struct ebpf_backend *b, const struct rn_inflight_rec *r,
			struct inflight_key *k, __u64 now, bool final, const struct rn_memsrc *mem)
{
	struct ebpf_inflight *in = b->inflight;
	const struct inflight_key *old;
	int err = 0;

	*k = (struct inflight_key){ .tid = r->tid, .nr = r->nr, .ts = r->ts,
				    .first = r->ts ? r->ts : now };
	old = in->nseen ? bsearch(k, in->seen, in->nseen, sizeof(*k), key_cmp) : NULL;
	if (old) {
		k->first = old->first;
		k->handed = old->handed;
	}
	if (!k->handed && in->limit_ns && (final || now - k->first >= in->limit_ns)) {
		k->handed = true;
		err = inflight_hand(b, r, k->first, false, mem);
	}
	/* -p, renacer let go: the call ends unfinished, as ptrace's */
	if (!err && final && b->detached && b->npids)
		err = inflight_hand(b, r, k->first, true, mem);
	return err;
}

/* Every MS / 2: the calls in flight MS or longer not yet handed over; at
 * the end (final), every call still in flight. 0 or -errno. */
int ebpf_inflight_scan(struct ebpf_backend *b, bool final, const struct rn_memsrc *mem)
{
	struct ebpf_inflight *in = b->inflight;
	struct rn_inflight_rec *recs;
	struct inflight_key *seen;
	size_t n = 0, i;
	__u64 now = mono_ns();
	int err = 0;

	/* without --inflight (-p alone) one scan at the start notes the
	 * calls already in flight, for their times at the end */
	if (!in || (!final && in->next_ns && (!in->limit_ns || now < in->next_ns)))
		return 0;
	in->next_ns = now + in->every_ns;
	recs = inflight_read(b, &n);
	if (!recs)
		return 0;	/* tried again at the next tick */
	seen = calloc(n ? n : 1, sizeof(*seen));
	for (i = 0; seen && i < n && !err; i++)
		err = inflight_one(b, &recs[i], &seen[i], now, final, mem);
	free(recs);
	if (seen) {
		/* what is no longer in flight is forgotten */
		qsort(seen, i, sizeof(*seen), key_cmp);
		free(in->seen);
		in->seen = seen;
		in->nseen = i;
	}
	return err;
}

void ebpf_inflight_free(struct ebpf_backend *b)
{
	if (!b->inflight)
		return;
	free(b->inflight->seen);
	free(b->inflight);
	b->inflight = NULL;
}
