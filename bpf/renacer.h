/* SPDX-License-Identifier: MIT */
/*
 * What bpf/renacer.bpf.c and backends/ebpf/ share besides backends/event.h:
 * the tracing modes and the value of the traced-process map.
 */
#ifndef RN_BPF_RENACER_H
#define RN_BPF_RENACER_H

#ifndef __bpf__
#include <linux/types.h>
#endif

/* Who is traced (rodata rn_mode). */
enum rn_bpf_mode {
	RN_MODE_PIDS = 0,	/* the tgids in the "traced" map */
	RN_MODE_ALL = 1,	/* every process but renacer itself */
	RN_MODE_CGROUP = 2,	/* tasks in (or below) the cgroup in "cgroup" */
	RN_MODE_UID = 3,	/* tasks whose real uid is rn_uid */
};

/* Value of the "traced" map, keyed by tgid. */
struct rn_target {
	__u32 only_tid;		/* nonzero: trace only this thread (no -f) */
};

/* Largest argv pointer array captured for execve (entries, NULL included). */
#define RN_ARGV_MAX 256
/* Longest sockaddr captured (sizeof(struct sockaddr_storage)). */
#define RN_SOCKADDR_MAX 128

/* -c: slots of the per-CPU histogram cache in front of the hist map, and
 * the slot of a key (nr << 16 | bucket); 16 bytes each, 16 KiB per CPU. */
#define RN_HCACHE_SLOTS 1024

static inline __u32 rn_hcache_slot(__u32 key)
{
	return (key * 2654435761u) >> 22 & (RN_HCACHE_SLOTS - 1);
}

struct rn_hslot {
	__u32 key1;		/* key + 1, 0 = free */
	__u32 _pad;
	__u64 count;
};

/* The value of the one-element per-CPU "hcache" map. */
struct rn_hcache {
	struct rn_hslot slot[RN_HCACHE_SLOTS];
};

#endif /* RN_BPF_RENACER_H */
