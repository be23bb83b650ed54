/* SPDX-License-Identifier: MIT */
/*
 * --sample and --rate-limit: the per-CPU state bpf/sample.bpf.h keeps and
 * backends/ebpf/ebpf_sampling.c reads (the counters of calls left out).
 */
#ifndef RN_BPF_SAMPLE_H
#define RN_BPF_SAMPLE_H

#ifndef __bpf__
#include <linux/types.h>
#endif

#include "backends/event.h"

/*
 * The one value of the per-CPU "samp" map. Everything a decision touches is
 * this CPU's own: no atomics, no cache line another CPU writes.
 */
struct rn_samp {
	__u64 credit_ns;	/* --rate-limit: the bucket's tokens, in ns of time */
	__u64 last_ns;		/* when the bucket was last filled */
	__u64 sampled;		/* calls left out by --sample, ever */
	__u64 limited;		/* calls left out by --rate-limit, ever */
	/* --sample=N: per syscall, calls to leave out before the next one
	 * recorded (the first call on a CPU is recorded, then one in N) */
	__u32 skip[RN_NR_MAX];
};

#endif /* RN_BPF_SAMPLE_H */
