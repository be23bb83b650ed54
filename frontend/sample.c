// SPDX-License-Identifier: MIT
/* --sample and --rate-limit: options, checks and the footer (sample.h). */
#include "sample.h"

#include "filter.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLE_MAX 1000000000ull

static int sample_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int sample_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

int rn_sample_opt(struct rn_opts *o, bool rate, const char *arg, char *err, size_t errlen)
{
	unsigned long long v = 0;
	const char *p;

	/* digits only: no sign, no space, no suffix; 1 .. 10^9 */
	for (p = arg; p && *p >= '0' && *p <= '9' && v <= SAMPLE_MAX; p++)
		v = v * 10 + (*p - '0');
	if (!arg || !*arg || *p || v < 1 || v > SAMPLE_MAX) {
		if (rate)
			return sample_fail(err, errlen, "invalid --rate-limit '%s': records per "
					   "second per CPU, a whole number from 1 to 1000000000",
					   arg ? arg : "");
		return sample_fail(err, errlen, "invalid --sample '%s': record one call in N, "
				   "N a whole number from 1 to 1000000000", arg ? arg : "");
	}
	if (rate)
		o->rate_limit = (unsigned)v;
	else
		o->sample_every = (unsigned)v;
	return 0;
}

/* The name of the option that makes the trace a sample, for messages. */
static const char *sample_name(const struct rn_opts *o)
{
	return o->sample_every > 1 ? "--sample" : "--rate-limit";
}

int rn_sample_check(const struct rn_opts *o, const struct rn_filter *f, char *err,
		    size_t errlen)
{
	const char *other = NULL;
	bool summary = o->summary || o->summary_and_trace || rn_opts_metrics(o);

	if (!rn_sampling(o))
		return 0;
	/* The kernel's totals stand in for the calls left out; they are per
	 * syscall, over every call the syscall set lets through. */
	if (o->summary_by)
		other = "--summary-by";
	else if (o->summary_interval)
		other = "--summary-interval";
	else if (o->analyze)
		other = "--analyze";
	else if (summary && f->npaths)
		other = "-P with a summary";
	else if (summary && (f->given & (RN_QUAL_STATUS | RN_QUAL_TRACE_FDS)))
		other = "a status or descriptor filter with a summary";
	if (other)
		return sample_fail(err, errlen, "%s and %s cannot be used together: the "
				   "sampled trace lacks the calls they need", sample_name(o),
				   other);
	return 0;
}

void rn_sample_config(const struct rn_opts *o, struct rn_trace_config *cfg)
{
	cfg->sample_every = o->sample_every;
	cfg->rate_limit = o->rate_limit;
	cfg->kernel_totals = rn_sampling(o) && !cfg->summary_only &&
			     (o->summary_and_trace || rn_opts_metrics(o));
}

bool rn_filter_no_signals(const struct rn_filter *f)
{
	if (f->signals_rest)
		return false;
	for (size_t i = 0; i < RN_SIG_WORDS; i++)
		if (f->signals[i])
			return false;
	return true;
}

void rn_sample_note(struct rn_sample_tally *t, const struct rn_event *ev)
{
	t->sampled += ev->sampled.sampled;
	t->limited += ev->sampled.limited;
}

void rn_sample_footer(const struct rn_sample_tally *t, const struct rn_opts *o,
		      const struct rn_trace_config *cfg, FILE *out)
{
	if (!rn_sampling(o) || (cfg && cfg->summary_only))
		return;
	if (o->sample_every > 1)
		fprintf(out, "renacer: sampled: %llu calls not recorded (--sample=%u)\n",
			(unsigned long long)t->sampled, o->sample_every);
	if (o->rate_limit)
		fprintf(out, "renacer: rate-limited: %llu calls not recorded "
			"(--rate-limit=%u per second per CPU)\n",
			(unsigned long long)t->limited, o->rate_limit);
}
