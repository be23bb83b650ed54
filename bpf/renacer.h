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

/* --comm names the kernel filter holds, at most. */
#define RN_COMM_FILTER_MAX 8

/* Map sizes. The ring buffer is resized before the load (--buffer-size);
 * RN_RING_DEFAULT is what user space asks for by default and the program's
 * own default. */
#define RN_RING_DEFAULT	  (8u << 20)
#define RN_RINGS_MAX	  64		/* "rings": one ring buffer per reader */
#define RN_TRACED_MAX	  16384		/* "traced": tgids in the pid modes */
#define RN_FATAL_SIG_MAX  1024		/* "fatal_sig": processes being killed */
#define RN_HIST_KEYS_MAX  32768		/* "hist": (syscall, bucket) keys */
#define RN_ERRNO_KEYS_MAX 4096		/* "errs": (syscall, errno) keys */

/* RN_CAP_STR strings (paths) are cut where the decoders cut them: PATH_MAX - 1. */
#define RN_PATH_CAP 4095

/*
 * Kernel ABI values the BPF side cannot take from vmlinux.h (they are macros
 * there); backends/ebpf/ebpf.c checks them against the C library's headers.
 */
#define RN_NR_RT_SIGRETURN	15
#define RN_NR_CLONE		56
#define RN_NR_FORK		57
#define RN_NR_VFORK		58
#define RN_NR_EXECVE		59
#define RN_NR_EXECVEAT		322
#define RN_NR_CLONE3		435
#define RN_NR_GETDENTS64	217
#define RN_NR_SENDTO		44
#define RN_NR_RECVFROM		45
#define RN_NR_SENDMSG		46
#define RN_NR_RECVMSG		47
#define RN_NR_BPF		321
/* union bpf_attr as the decoder reads it (syscalls.def's size bpf_attr) */
#define RN_BPF_ATTR_LEN		144
#define RN_CLONE_PARENT_SETTID	0x00100000
#define RN_SIGKILL		9
#define RN_EINTR		4

/* getdents64 records counted in the kernel, at most (a 32 KiB buffer of
 * the shortest, 24-byte, records holds 1365). */
#define RN_DIRENT_MAX 4096

/* Largest argv pointer array captured for execve (entries, NULL included). */
#define RN_ARGV_MAX 256
/* Longest sockaddr captured (sizeof(struct sockaddr_storage)). */
#define RN_SOCKADDR_MAX 128

/* -c: per-syscall totals, the value of the per-CPU "agg" map (RN_NR_MAX
 * entries); laid out as struct rn_syscall_agg (backends/backend.h), which
 * backends/ebpf/ebpf_poll.c reads it as and checks. */
struct rn_agg {
	__u64 count;
	__u64 errors;
	__u64 total_ns;
	__u64 min_ns;
	__u64 max_ns;
};

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

/* --inflight: what the task iterator (bpf/inflight.bpf.h) writes for each
 * call still waiting for its exit. */
struct rn_inflight_rec {
	__u64 ts;		/* entry, CLOCK_MONOTONIC ns */
	__u64 args[6];		/* RN_MAX_ARGS */
	__s32 nr;
	__u32 tid;
	__u32 tgid;
	char comm[16];
	__u32 flags;		/* RN_INFLIGHT_* */
};

/* rn_inflight_rec.flags: the call was entered before tracing began (-p):
 * read from the task's registers, its entry time unknown (ts 0) */
#define RN_INFLIGHT_BEFORE 1u

#endif /* RN_BPF_RENACER_H */
