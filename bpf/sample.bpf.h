/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * Back-pressure chosen by the user: --sample=N records one call in N per
 * syscall, --rate-limit=R at most R records per second per CPU (a token
 * bucket holding one second of tokens). Both decide in sys_exit, after the
 * -C totals have counted the call (rn_kagg) and before anything is copied,
 * and count what they leave out so that the trace can say it is a sample.
 *
 * State is per CPU (struct rn_samp, bpf/sample.h): a raw tracepoint program
 * runs with preemption off and never nests in itself on one CPU, so plain
 * read-modify-writes are safe and no CPU writes another's cache lines.
 */
#ifndef RN_BPF_SAMPLE_BPF_H
#define RN_BPF_SAMPLE_BPF_H

#include "bpf/common.bpf.h"
#include "bpf/sample.h"

const volatile __u32 rn_sample_every;	/* --sample=N; 0 or 1: every call */
const volatile __u64 rn_rate_cost_ns;	/* --rate-limit: ns of credit per record; 0: off */
const volatile __u64 rn_rate_burst_ns;	/* the bucket's size, in ns of credit */
/* aggregate every call as -c does, beside the per-call records: the -C
 * summary and the metrics of a sampled trace stay exact */
const volatile bool rn_kagg;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rn_samp);
} samp SEC(".maps");

/* --rate-limit: take one record's credit from this CPU's bucket, refilled
 * by the time since it was last looked at. False: the bucket is empty. */
static __always_inline bool rate_take(struct rn_samp *st)
{
	__u64 now = bpf_ktime_get_ns(), credit;

	/* the first call finds last_ns 0: a full bucket */
	credit = st->credit_ns + (now - st->last_ns);
	if (credit > rn_rate_burst_ns || now < st->last_ns)
		credit = rn_rate_burst_ns;
	st->last_ns = now;
	if (credit < rn_rate_cost_ns) {
		st->credit_ns = credit;
		return false;
	}
	st->credit_ns = credit - rn_rate_cost_ns;
	return true;
}

/*
 * Is this call (which the filters kept) to be left out of the trace? execve
 * never is: the names of the programs in a trace come from it.
 */
static __always_inline bool sample_drop(__u32 nr)
{
	struct rn_samp *st;
	__u32 zero = 0, *skip;

	if ((rn_sample_every <= 1 && !rn_rate_cost_ns) || is_exec(nr))
		return false;
	st = bpf_map_lookup_elem(&samp, &zero);
	if (!st)
		return false;
	if (rn_sample_every > 1) {
		skip = &st->skip[nr & (RN_NR_MAX - 1)];
		if (*skip) {
			(*skip)--;
			st->sampled++;
			return true;
		}
		*skip = rn_sample_every - 1;
	}
	if (rn_rate_cost_ns && !rate_take(st)) {
		st->limited++;
		return true;
	}
	return false;
}

#endif /* RN_BPF_SAMPLE_BPF_H */
