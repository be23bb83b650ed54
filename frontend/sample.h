/* SPDX-License-Identifier: MIT */
/*
 * --sample=N and --rate-limit=R on the frontend's side: the options, what
 * they cannot be combined with, and the tally of calls left out that the
 * trace reports at its end (the eBPF backend sends RN_EV_SAMPLED records).
 */
#ifndef RN_SAMPLE_H
#define RN_SAMPLE_H

#include <stdbool.h>
#include <stdio.h>

#include "../backends/backend.h"
#include "options.h"

struct rn_filter;

/* Calls left out of the trace, as the backend reported them. */
struct rn_sample_tally {
	__u64 sampled;		/* by --sample */
	__u64 limited;		/* by --rate-limit */
};

/* Parse the value of --sample (rate false) or --rate-limit (rate true) into
 * o. 0, or -EINVAL with a one-line message in err. */
int rn_sample_opt(struct rn_opts *o, bool rate, const char *arg, char *err, size_t errlen);

/* Is the trace to be a sample (either option given)? */
static inline bool rn_sampling(const struct rn_opts *o)
{
	return o->sample_every > 1 || o->rate_limit;
}

/* Options a sampled trace cannot honour (a summary that needs every call's
 * record). 0, or -EINVAL with a one-line message in err. */
int rn_sample_check(const struct rn_opts *o, const struct rn_filter *f, char *err,
		    size_t errlen);

/* Fill cfg's sample_every, rate_limit and kernel_totals (after its
 * summary_only is set). */
void rn_sample_config(const struct rn_opts *o, struct rn_trace_config *cfg);

/* Does the filter drop every signal record (-e signal=none)? Then the
 * backend need not watch signals (a shorter eBPF start-up). */
bool rn_filter_no_signals(const struct rn_filter *f);

/* Add an RN_EV_SAMPLED record to the tally. */
void rn_sample_note(struct rn_sample_tally *t, const struct rn_event *ev);

/* The footer on out: how many calls the trace leaves out and why. Nothing
 * when the trace is not sampled or when no per-call records were made. */
void rn_sample_footer(const struct rn_sample_tally *t, const struct rn_opts *o,
		      const struct rn_trace_config *cfg, FILE *out);

#endif /* RN_SAMPLE_H */
