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
struct ebpf_readers;

/* One ring buffer of the "rings" map (backends/ebpf/ebpf_rings.c). */
struct ebpf_ring {
	int fd;
	/* its consumer and producer pages, mapped read-only for the fill
	 * gauge and the readers' "drained" test (NULL where that failed) */
	const volatile __u64 *cons, *prod;
	size_t bytes;
};

/* The eBPF backend's instance: the base first (backends/backend.h). */
struct ebpf_backend {
	struct rn_backend base;
	struct renacer_bpf *skel;
	struct ring_buffer *rb;	/* one reader: ring 0, drained by poll() */
	struct ebpf_ring *rings;
	unsigned nrings;	/* one per reader */
	struct rn_stage *stage;	/* several readers: cfg.stage, else NULL */
	struct ebpf_readers *readers;
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

	/* --sample, --rate-limit (ebpf_sampling.c) */
	unsigned sample_every, rate_limit;
	bool kernel_totals;	/* the -c maps are filled beside the records */
	__u64 sampled_reported, limited_reported;
	struct timespec sample_next;	/* when the counters are read next */

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
	struct ebpf_inflight *inflight;	/* --inflight (ebpf_inflight.c) */

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

/* backends/ebpf/ebpf_inflight.c: --inflight. setup before the load; scan
 * from the poll loop (final: the trace ends); free with the backend. */
void ebpf_inflight_setup(struct ebpf_backend *b, const struct rn_trace_config *cfg);
int ebpf_inflight_scan(struct ebpf_backend *b, bool final, const struct rn_memsrc *mem);
void ebpf_inflight_free(struct ebpf_backend *b);

/* backends/ebpf/ebpf_poll.c; ebpf_sample is the ring buffer callback */
int ebpf_sample(void *ctx, void *data, size_t size);
int ebpf_poll(struct rn_backend *b, int timeout_ms, rn_event_fn fn, void *ctx);
int ebpf_aggregates(struct rn_backend *b, rn_agg_fn fn, void *ctx);
int ebpf_errnos(struct rn_backend *b, rn_errno_fn fn, void *ctx);
int ebpf_ring_fill(const struct rn_backend *b, __u64 *used, __u64 *size);

/* backends/ebpf/ebpf_sampling.c: --sample and --rate-limit. Set their
 * rodata and size their maps before the load. */
void ebpf_sampling_setup(struct ebpf_backend *b, const struct rn_trace_config *cfg);
/* backends/ebpf/ebpf_lazy.c: is execve or execveat in the traced set
 * (their argv hook is needed)? */
bool ebpf_traces_exec(const struct rn_trace_config *cfg);
/* Create only the maps this run's programs can reach (after the rodata and
 * ebpf_sampling_setup). 0 or -errno. */
int ebpf_lazy_maps(struct ebpf_backend *b, const struct rn_trace_config *cfg);
/* Hand the calls left out since the last report to fn as one RN_EV_SAMPLED
 * record: at most once a second, or now when final. 0 or fn's error. */
int ebpf_sampling_report(struct ebpf_backend *b, bool final);
/* The --buffer-size in effect, a power of two (all rings together). */
__u32 ebpf_ring_size(const struct rn_trace_config *cfg);

/* backends/ebpf/ebpf_rings.c. Before the load: how many rings (one per
 * reader), their sizes, the wake-up thresholds. */
int ebpf_rings_prepare(struct ebpf_backend *b, const struct rn_trace_config *cfg);
/* After the load: make the rings and put them in the "rings" map. */
int ebpf_rings_create(struct ebpf_backend *b, const struct rn_trace_config *cfg);
void ebpf_rings_free(struct ebpf_backend *b);
/* Bytes not yet consumed in ring i (0 where its pages are not mapped). */
__u64 ebpf_ring_used(const struct ebpf_ring *r);

/* backends/ebpf/ebpf_readers.c: the reader threads of --readers=N. */
int ebpf_readers_create(struct ebpf_backend *b);
int ebpf_readers_start(struct ebpf_backend *b);
/* From poll(): merge what the readers made; finished: stop them (each
 * drains its ring first) and merge the rest. 0 or -errno. */
int ebpf_readers_step(struct ebpf_backend *b, bool finished);
/* Give the calling thread the readers' priority (nice -10, or
 * $RENACER_READER_NICE) when allowed. */
void ebpf_reader_nice(struct ebpf_backend *b);
/* Stop and free the threads (each drains its ring first). */
void ebpf_readers_free(struct ebpf_backend *b);

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

/* backends/ebpf/ebpf_fdpath.c: -y's rodata (which registers are fds). */
void ebpf_fdpath_rodata(struct renacer_bpf *skel, const struct rn_trace_config *cfg);
bool ebpf_kernel_at_least(int major, int minor, bool unknown);

__attribute__((format(printf, 2, 3)))
void ebpf_set_error(struct ebpf_backend *b, const char *fmt, ...);

#endif /* RN_EBPF_INTERNAL_H */
