/* SPDX-License-Identifier: MIT */
/* Internals shared by the files of the eBPF backend (not a public header). */
#ifndef RN_EBPF_INTERNAL_H
#define RN_EBPF_INTERNAL_H

#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

#include "../backend.h"

#define EBPF_BATCH 64

struct renacer_bpf;
/* ebpf_ident.c: identity rodata (--comm names, RENACER_NO_IDENT) */
void ebpf_ident_rodata(struct renacer_bpf *skel, const struct rn_trace_config *cfg);

struct renacer_bpf;
struct ring_buffer;
struct ebpf_stack;

/* The eBPF backend's instance: the base first (backends/backend.h). */
struct ebpf_backend {
	struct rn_backend base;
	struct renacer_bpf *skel;
	struct ring_buffer *rb;
	/* the ring's consumer and producer pages, mapped read-only for
	 * ebpf_ring_fill() (NULL where that failed), and its size */
	const volatile __u64 *ring_cons, *ring_prod;
	size_t ring_bytes;
	char *const *argv;
	pid_t *pids;		/* -p targets (thread ids as given) */
	size_t npids;
	bool follow_forks;
	bool summary_only;
	int verbose;
	long uid, gid;		/* -u for the spawned command, or -1 */
	char *cgroup;		/* --cgroup PATH (copy) */
	int cgroup_fd;
	int ncpus;
	int epfd;		/* the ring buffer, and pidfds of what ends the trace */
	int *pidfds;
	size_t npidfds;

	pid_t child;		/* spawned command, or 0 */
	int status;		/* its wait status, once reaped */
	bool reaped;
	bool attached;
	bool detached;		/* renacer let go (ebpf_detach), not the targets */
	bool announced;		/* -p attach lines sent */
	bool done;

	__u64 lost_seen;	/* per-CPU lost counters' sum last read */
	__u64 lost_reported;

	/* the batch being filled by the ring buffer callback */
	struct rn_event *batch;
	size_t nbatch;
	rn_event_fn fn;
	void *fn_ctx;
	int fn_err;
	/* Records taken in this poll: consumption stops at EBPF_POLL_BUDGET so
	 * that a busy ring cannot keep renacer from seeing Ctrl-C. */
	unsigned consumed;
	bool budget_hit;

	char err[256];

	/* what the sinks read records with (ebpf_poll.c), and -k's state */
	struct rn_memsrc mem;
	struct ebpf_stack *stk;

	/* --debug: where start-up and shutdown time goes (ebpf_phase) */
	struct timespec t_mark;
	char timing[320];
	size_t timing_len;
};

static inline struct ebpf_backend *ebpf_of(struct rn_backend *b)
{
	return (struct ebpf_backend *)b;
}

static inline const struct ebpf_backend *ebpf_of_const(const struct rn_backend *b)
{
	return (const struct ebpf_backend *)b;
}

/* backends/ebpf/ebpf_spawn.c: fork the command, gate it until the programs
 * are attached and its pid is traced, then let it exec. 0 or -errno. */
int ebpf_spawn(struct ebpf_backend *b);

/* backends/ebpf/ebpf_poll.c; ebpf_sample is the ring buffer callback */
int ebpf_sample(void *ctx, void *data, size_t size);
int ebpf_poll(struct rn_backend *b, int timeout_ms, rn_event_fn fn, void *ctx);
int ebpf_aggregates(struct rn_backend *b, rn_agg_fn fn, void *ctx);
int ebpf_errnos(struct rn_backend *b, rn_errno_fn fn, void *ctx);
int ebpf_ring_fill(const struct rn_backend *b, __u64 *used, __u64 *size);

/* Wake poll() when process pid (a child or a -p target) exits. 0 or -errno;
 * without pidfd support the poll slice still notices, only later. */
int ebpf_watch_pid(struct ebpf_backend *b, pid_t pid);

/* Add tgid to the traced map (only_tid 0 = all threads). 0 or -errno. */
int ebpf_trace_tgid(struct ebpf_backend *b, __u32 tgid, __u32 only_tid);

/* While on, renacer's children are ignored until one calls execve (which
 * turns it off). */
void ebpf_gate(struct ebpf_backend *b, bool on);

/* Record the time since the previous mark under name (--debug prints the
 * list when the backend closes). */
void ebpf_phase(struct ebpf_backend *b, const char *name);

__attribute__((format(printf, 2, 3)))
void ebpf_set_error(struct ebpf_backend *b, const char *fmt, ...);

#endif /* RN_EBPF_INTERNAL_H */
