/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * -c in the kernel: per-syscall totals (struct rn_agg, bpf/renacer.h) and
 * the log-linear latency histogram (backends/hist.h), with a per-CPU slot
 * cache in front of the histogram's hash map. Nothing goes through the ring.
 */
#ifndef RN_BPF_AGGREGATE_H
#define RN_BPF_AGGREGATE_H

#include "bpf/common.bpf.h"
#include "backends/hist.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, RN_NR_MAX);
	__type(key, __u32);
	__type(value, struct rn_agg);
} agg SEC(".maps");

/* Not preallocated: creating 32768 (RN_HIST_KEYS_MAX) per-CPU elements up front costs tens of
 * milliseconds, and a summary fills only a few hundred. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, RN_HIST_KEYS_MAX);
	__type(key, __u32);		/* nr << 16 | bucket */
	__type(value, __u64);
} hist SEC(".maps");

/* Failed calls by (syscall, errno), for --metrics' errno label: only the
 * error path pays for it. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, RN_ERRNO_KEYS_MAX);
	__type(key, __u32);		/* nr << 16 | errno */
	__type(value, __u64);
} errs SEC(".maps");

static __always_inline void errno_add(__u32 nr, __s64 ret)
{
	__u32 key = nr << 16 | (__u32)-ret;
	__u64 one = 1, *cnt = bpf_map_lookup_elem(&errs, &key);

	if (cnt) {
		(*cnt)++;
		return;
	}
	if (bpf_map_update_elem(&errs, &key, &one, BPF_NOEXIST) == 0)
		return;
	/* another CPU created it just now (a full map loses the label only:
	 * the total in agg still counts the call) */
	cnt = bpf_map_lookup_elem(&errs, &key);
	if (cnt)
		(*cnt)++;
}

/*
 * In front of hist: a direct-mapped per-CPU table of (key, count) slots. A
 * hash update is the largest part of a -c call after the clock reads; a
 * slot is an array index. A key whose slot another key holds goes to hist,
 * so every count lands somewhere exactly; user space adds both up.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rn_hcache);
} hcache SEC(".maps");

static __always_inline void hist_add(__u32 key)
{
	__u32 zero = 0;
	struct rn_hcache *c = bpf_map_lookup_elem(&hcache, &zero);
	struct rn_hslot *sl;
	__u64 one = 1, *cnt;

	if (c) {
		sl = &c->slot[rn_hcache_slot(key)];
		if (sl->key1 == key + 1) {
			sl->count++;
			return;
		}
		if (!sl->key1) {
			sl->key1 = key + 1;
			sl->count = 1;
			return;
		}
	}
	cnt = bpf_map_lookup_elem(&hist, &key);
	if (!cnt && bpf_map_update_elem(&hist, &key, &one, BPF_NOEXIST) == 0)
		return;
	/* the bucket existed, or another CPU created it just now */
	if (!cnt)
		cnt = bpf_map_lookup_elem(&hist, &key);
	if (cnt)
		(*cnt)++;
}

/*
 * Plain read-modify-writes on per-CPU data: a raw tracepoint program runs
 * with preemption off, and never nests in itself on one CPU (the kernel
 * skips a program already active there), so nothing else writes these
 * slots meanwhile.
 */
static __always_inline void aggregate(__u32 nr, __s64 ret, __u64 dur)
{
	struct rn_agg *a = bpf_map_lookup_elem(&agg, &nr);

	if (!a)
		return;
	if (!a->count || dur < a->min_ns)
		a->min_ns = dur;
	if (dur > a->max_ns)
		a->max_ns = dur;
	a->count++;
	a->total_ns += dur;
	if (ret < 0 && ret >= -4095) {
		a->errors++;
		errno_add(nr, ret);
	}
	hist_add(nr << 16 | rn_hist_bucket(dur));
}

#endif /* RN_BPF_AGGREGATE_H */
