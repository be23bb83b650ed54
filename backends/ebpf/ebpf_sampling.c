// SPDX-License-Identifier: MIT
/*
 * --sample and --rate-limit, the user half (the kernel half is
 * bpf/sample.bpf.h): fix the programs' choices before the load, and read
 * the per-CPU counters of calls left out into RN_EV_SAMPLED records, so a
 * reader of the trace knows it is a sample and of how much.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <bpf/libbpf.h>

#include "ebpf.h"
#include "../capture.h"
#include "bpf/renacer.h"
#include "bpf/sample.h"
#include "bpf/renacer.skel.h"

#define NSEC 1000000000ull

void ebpf_sampling_setup(struct ebpf_backend *b, const struct rn_trace_config *cfg)
{
	struct renacer_bpf__rodata *ro = b->skel->rodata;
	__u64 cost;

	b->sample_every = cfg->sample_every > 1 && !cfg->summary_only ? cfg->sample_every : 0;
	b->rate_limit = !cfg->summary_only ? cfg->rate_limit : 0;
	b->kernel_totals = cfg->kernel_totals && !cfg->summary_only;
	ro->rn_sample_every = b->sample_every;
	ro->rn_kagg = b->kernel_totals;
	if (b->rate_limit) {
		/* rounded up: never more than R records a second */
		cost = (NSEC + b->rate_limit - 1) / b->rate_limit;
		ro->rn_rate_cost_ns = cost;
		/* the bucket holds one second of records (R) */
		ro->rn_rate_burst_ns = cost * b->rate_limit;
	}
}

/* The per-CPU counters, summed. */
static int sampling_read(struct ebpf_backend *b, __u64 *sampled, __u64 *limited)
{
	struct rn_samp *v = calloc(b->ncpus, sizeof(*v));
	__u32 zero = 0;
	int i, err;

	if (!v)
		return -ENOMEM;
	err = bpf_map__lookup_elem(b->skel->maps.samp, &zero, sizeof(zero), v,
				   b->ncpus * sizeof(*v), 0);
	*sampled = *limited = 0;
	for (i = 0; !err && i < b->ncpus; i++) {
		*sampled += v[i].sampled;
		*limited += v[i].limited;
	}
	free(v);
	return err;
}

static bool sampling_due(struct ebpf_backend *b, bool final)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!final && (now.tv_sec < b->sample_next.tv_sec ||
		       (now.tv_sec == b->sample_next.tv_sec &&
			now.tv_nsec < b->sample_next.tv_nsec)))
		return false;
	b->sample_next = now;
	b->sample_next.tv_sec++;
	return true;
}

int ebpf_sampling_report(struct ebpf_backend *b, bool final)
{
	static const struct rn_memsrc nomem = { 0 };
	struct rn_event *ev = &b->batch[0];	/* free: the batch was flushed */
	__u64 sampled, limited;
	struct timespec ts;

	if ((!b->sample_every && !b->rate_limit) || !sampling_due(b, final))
		return 0;
	if (sampling_read(b, &sampled, &limited) < 0)
		return 0;	/* the next report says it */
	if (sampled == b->sampled_reported && limited == b->limited_reported && !final)
		return 0;
	if (sampled == b->sampled_reported && limited == b->limited_reported &&
	    b->sampled_reported + b->limited_reported)
		return 0;	/* nothing new at the end, and a record was sent */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	memset(ev, 0, RN_EVENT_HDR_SIZE);
	ev->type = RN_EV_SAMPLED;
	ev->ts_ns = (__u64)ts.tv_sec * NSEC + ts.tv_nsec;
	ev->sampled.sampled = sampled - b->sampled_reported;
	ev->sampled.limited = limited - b->limited_reported;
	ev->sampled.every = b->sample_every;
	ev->sampled.rate = b->rate_limit;
	b->sampled_reported = sampled;
	b->limited_reported = limited;
	return b->fn(b->fn_ctx, ev, 1, &nomem);
}
