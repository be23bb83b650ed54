/* SPDX-License-Identifier: MIT */
/*
 * The log-linear latency histogram shared by the statistics engine and the
 * BPF programs (which aggregate -c summaries in the kernel).
 *
 * Values below 2^RN_HIST_SUB_BITS are their own bucket (exact). Above, each
 * power of two is split into 2^RN_HIST_SUB_BITS equal sub-buckets, so a
 * bucket's width is at most 1/128 of its lower bound: any percentile read
 * back as the bucket midpoint is within 0.4% of a sample in that bucket
 * (documented as "at most 1%").
 *
 * Pure integer code with no loops and no library calls: the BPF verifier
 * accepts it as is.
 */
#ifndef RN_HIST_H
#define RN_HIST_H

#ifndef __bpf__
#include <linux/types.h>
#endif

#define RN_HIST_SUB_BITS 7
#define RN_HIST_SUB	 (1u << RN_HIST_SUB_BITS)
/* Highest bucket: exponent 63 -> (63 - 7 + 1) * 128 + 127. */
#define RN_HIST_BUCKETS	 ((64 - RN_HIST_SUB_BITS + 1) * RN_HIST_SUB)

/* floor(log2(v)) for v > 0, by halving the search range six times. */
static inline __u32 rn_hist_log2(__u64 v)
{
	__u32 r = 0;

	if (v >> 32) { v >>= 32; r += 32; }
	if (v >> 16) { v >>= 16; r += 16; }
	if (v >> 8) { v >>= 8; r += 8; }
	if (v >> 4) { v >>= 4; r += 4; }
	if (v >> 2) { v >>= 2; r += 2; }
	if (v >> 1) { r += 1; }
	return r;
}

static inline __u32 rn_hist_bucket(__u64 v)
{
	__u32 e;

	if (v < RN_HIST_SUB)
		return (__u32)v;
	e = rn_hist_log2(v);
	return (e - RN_HIST_SUB_BITS + 1) * RN_HIST_SUB +
	       (__u32)((v >> (e - RN_HIST_SUB_BITS)) & (RN_HIST_SUB - 1));
}

/* Smallest value that falls in bucket b. */
static inline __u64 rn_hist_lower(__u32 b)
{
	__u32 e;

	if (b < RN_HIST_SUB)
		return b;
	e = b / RN_HIST_SUB + RN_HIST_SUB_BITS - 1;
	return ((__u64)1 << e) | ((__u64)(b % RN_HIST_SUB) << (e - RN_HIST_SUB_BITS));
}

/* One past the largest value in bucket b (saturates at ~0). */
static inline __u64 rn_hist_upper(__u32 b)
{
	__u32 e;

	if (b < RN_HIST_SUB)
		return (__u64)b + 1;
	e = b / RN_HIST_SUB + RN_HIST_SUB_BITS - 1;
	if (b == RN_HIST_BUCKETS - 1)
		return ~(__u64)0;
	return rn_hist_lower(b) + ((__u64)1 << (e - RN_HIST_SUB_BITS));
}

#endif /* RN_HIST_H */
