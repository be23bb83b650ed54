/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * The event rings: an array of ring buffers, one per reader, made by user
 * space before the programs run (backends/ebpf/ebpf_rings.c). A CPU writes
 * to ring cpu % rn_nrings, so CPUs never share a ring's lock across groups
 * and each reader thread drains its own ring. With one reader there is one
 * ring, as before, and every CPU writes to it (the single reader then sees
 * each thread's records in order, whatever CPU they came from).
 * Included by bpf/common.bpf.h only.
 */
#ifndef RN_BPF_RINGS_H
#define RN_BPF_RINGS_H

const volatile __u32 rn_nrings = 1;

/* The template of the inner maps: only the type counts (a ring buffer's
 * size may differ from its template's), so it is one small page. */
struct rn_ring_inner {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, RN_RINGS_MAX);
	__type(key, __u32);
	__array(values, struct rn_ring_inner);
} rings SEC(".maps");

/* The ring this CPU writes to, or NULL when user space made none there. */
static __always_inline void *ring_pick(void)
{
	__u32 idx = 0;

	if (rn_nrings > 1)
		idx = bpf_get_smp_processor_id() % rn_nrings;
	return bpf_map_lookup_elem(&rings, &idx);
}

#endif /* RN_BPF_RINGS_H */
