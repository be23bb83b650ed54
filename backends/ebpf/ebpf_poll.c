// SPDX-License-Identifier: MIT
/*
 * The user half of the event path: drain the ring buffer into batches,
 * report lost records, notice the end of the traced command, and read the
 * in-kernel -c aggregates.
 */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "../wake.h"
#include "ebpf.h"
#include "ebpf_stack.h"
#include "../capture.h"
#include "../procfs.h"
#include "bpf/renacer.h"
#include "bpf/renacer.skel.h"

/* The kernel programs poll with NO_WAKEUP below a backlog threshold, so
 * never sleep longer than this before looking. */
#define POLL_SLICE_MS 20

/* Only captured payload is available: nothing is read from the live task. */
static long ebpf_mem_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	(void)ctx, (void)tid, (void)addr, (void)buf, (void)len;
	return -EFAULT;
}

static const struct rn_memsrc ebpf_memsrc = {
	.read = ebpf_mem_read,
	/* No fdpath: by the time a record is decoded the task's fd table has
	 * moved on, and a wrong path is worse than none (-y picks ptrace; -P
	 * resolves descriptors from the opens it saw). */
	.fdpath = NULL,
};

/* The memsrc of b's records (with the stack symbolizer under -k). */
static const struct rn_memsrc *ebpf_mem(struct ebpf_backend *b)
{
	if (!b->mem.read) {
		b->mem = ebpf_memsrc;
		ebpf_stack_memsrc(b, &b->mem);
	}
	return &b->mem;
}

/* Records one poll hands on before it returns to the frontend's loop. */
#define EBPF_POLL_BUDGET 65536

static int poll_flush(struct ebpf_backend *b)
{
	size_t n = b->nbatch;
	int ret;

	if (!n)
		return 0;
	b->nbatch = 0;
	ebpf_stack_batch_seen(b, b->batch, n);	/* -k: mappings first */
	ret = b->fn(b->fn_ctx, b->batch, n, ebpf_mem(b));
	ebpf_stack_batch_done(b, b->batch, n);	/* -k: processes gone */
	return ret;
}

int ebpf_sample(void *ctx, void *data, size_t size)
{
	struct ebpf_backend *b = ctx;

	if (size > sizeof(struct rn_event))
		size = sizeof(struct rn_event);
	memcpy(&b->batch[b->nbatch++], data, size);
	if (b->nbatch >= EBPF_BATCH || ebpf_stack_batch_ends(b, &b->batch[b->nbatch - 1])) {
		b->fn_err = poll_flush(b);
		if (b->fn_err < 0)
			return b->fn_err;
	}
	/* libbpf has already moved past this record when we stop here. */
	if (++b->consumed >= EBPF_POLL_BUDGET) {
		b->budget_hit = true;
		return -EAGAIN;
	}
	return 0;
}

/* Sum of the per-CPU counters of records the kernel could not reserve. */
static __u64 poll_lost_total(struct ebpf_backend *b)
{
	__u64 vals[b->ncpus], sum = 0;
	__u32 zero = 0;
	int i;

	if (bpf_map__lookup_elem(b->skel->maps.lost, &zero, sizeof(zero), vals,
				 sizeof(vals), 0) < 0)
		return b->lost_seen;
	for (i = 0; i < b->ncpus; i++)
		sum += vals[i];
	return sum;
}

/*
 * The kernel skips a program run that would nest inside a run of the same
 * program on one CPU, and only counts it (recursion_misses). A skipped
 * sys_exit loses a call; say so rather than let it pass silently. The count
 * covers every process on the machine, so it is an upper bound for ours.
 */
static void poll_check_misses(struct ebpf_backend *b)
{
	struct bpf_prog_info info;
	struct bpf_program *prog;
	__u32 len;
	__u64 misses = 0;

	bpf_object__for_each_program(prog, b->skel->obj) {
		if (bpf_program__fd(prog) < 0)
			continue;
		memset(&info, 0, sizeof(info));
		len = sizeof(info);
		if (bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len) == 0)
			misses += info.recursion_misses;
	}
	if (misses)
		fprintf(stderr, "renacer: the kernel skipped %llu runs of renacer's eBPF programs "
			"(nested on one CPU): up to that many records may be missing\n",
			(unsigned long long)misses);
}

/* Hand newly lost records to the sinks as one RN_EV_LOST record. */
/* A record made in user space (lost, attach): header only, time now. */
static struct rn_event *poll_record(struct ebpf_backend *b, __u32 type)
{
	struct rn_event *ev = &b->batch[0];
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	memset(ev, 0, RN_EVENT_HDR_SIZE);
	ev->type = type;
	ev->ts_ns = (__u64)ts.tv_sec * 1000000000ull + ts.tv_nsec;
	return ev;
}

static int poll_report_lost(struct ebpf_backend *b)
{
	__u64 total = poll_lost_total(b);
	struct rn_event *ev;

	if (total <= b->lost_reported)
		return 0;
	ev = poll_record(b, RN_EV_LOST);
	ev->lost.count = total - b->lost_reported;
	b->lost_reported = b->lost_seen = total;
	return b->fn(b->fn_ctx, ev, 1, ebpf_mem(b));
}

/*
 * -p: "Process N attached" once tracing runs, and "Process N detached" for
 * each target still alive when renacer lets go (as strace and the ptrace
 * backend print them; a target that exited reports its exit instead).
 */
static int poll_announce(struct ebpf_backend *b, bool detached)
{
	struct rn_event *ev;
	size_t i;
	int err = 0, tgid;

	for (i = 0; i < b->npids && !err; i++) {
		if (detached && kill(b->pids[i], 0) < 0 && errno == ESRCH)
			continue;
		ev = poll_record(b, RN_EV_ATTACH);
		ev->flags = detached ? RN_F_DETACHED : 0;
		ev->tid = b->pids[i];
		tgid = rn_proc_tgid(b->pids[i]);
		ev->tgid = tgid > 0 ? (__u32)tgid : ev->tid;
		err = b->fn(b->fn_ctx, ev, 1, ebpf_mem(b));
	}
	return err;
}

/* Anything left in the traced map (children under -f, -p targets)? */
static bool poll_targets_left(struct ebpf_backend *b)
{
	__u32 key;

	return bpf_map__get_next_key(b->skel->maps.traced, NULL, &key, sizeof(key)) == 0;
}

/* Is tracing over? The spawned command (and with -f every descendant) is
 * gone, or every -p target is. --all and --cgroup without a command run
 * until the frontend detaches. */
static bool poll_finished(struct ebpf_backend *b)
{
	if (!b->attached)
		return true;
	if (b->child) {
		if (!b->reaped) {
			if (waitpid(b->child, &b->status, WNOHANG) != b->child)
				return false;
			b->reaped = true;
		}
		return !b->follow_forks || !poll_targets_left(b);
	}
	if (b->npids)
		return !poll_targets_left(b);
	return false;
}

/* Sleep until records, a watched exit, or the timeout. Returns 1 when a
 * watched process exited, 0, or -errno. */
static int poll_wait(struct ebpf_backend *b, int timeout_ms)
{
	struct epoll_event evs[4];
	int n, i, exited = 0;

	n = epoll_pwait(b->epfd, evs, 4, timeout_ms, rn_wake_wait_mask());
	if (n < 0)
		return -errno;
	for (i = 0; i < n; i++)
		exited |= evs[i].data.u32 == 1;
	return exited;
}

static int poll_consume(struct ebpf_backend *b)
{
	int n;

	b->consumed = 0;
	b->budget_hit = false;
	n = ring_buffer__consume(b->rb);
	if (n < 0 && b->budget_hit && !b->fn_err)
		n = 0;	/* stopped on purpose: the rest waits for the next poll */
	if (n < 0 && b->fn_err < 0)
		return b->fn_err;
	if (n < 0)
		return n;
	return poll_flush(b);
}

int ebpf_poll(struct rn_backend *rb, int timeout_ms, rn_event_fn fn, void *ctx)
{
	struct ebpf_backend *b = ebpf_of(rb);
	int err, slice = timeout_ms < 0 || timeout_ms > POLL_SLICE_MS ? POLL_SLICE_MS : timeout_ms;
	bool finished;

	if (b->done)
		return 0;
	b->fn = fn;
	b->fn_ctx = ctx;
	b->fn_err = 0;
	if (!b->announced) {
		b->announced = true;
		err = poll_announce(b, false);
		if (err < 0)
			return err;
	}
	/* decide before draining: records of a finished command are all in
	 * the ring already (sched_process_exit runs before it can be reaped) */
	finished = poll_finished(b);
	if (!finished) {
		/* --inflight's scan also before the wait: the sinks' timers
		 * interrupt it (-EINTR returns from here) as often as it lasts */
		err = ebpf_inflight_scan(b, false, ebpf_mem(b));
		if (!err)
			err = poll_wait(b, slice);
		if (err < 0)
			return err;
		if (err)
			finished = poll_finished(b);
	}
	/* late entries before the records that may complete them */
	err = ebpf_inflight_scan(b, finished, ebpf_mem(b));
	if (!err)
		err = b->stage ? ebpf_readers_step(b, finished) : poll_consume(b);
	if (!err)
		err = poll_report_lost(b);
	if (!err)
		err = ebpf_sampling_report(b, finished && !b->budget_hit);
	if (err < 0)
		return err;
	if (!finished || b->budget_hit)
		return 1;	/* more to drain before the end can be declared */
	if (b->detached && (err = poll_announce(b, true)) < 0)
		return err;
	poll_check_misses(b);
	b->done = true;
	return 0;
}

struct agg_hist {
	__u32 key;
	__u64 count;
};

static int agg_hist_cmp(const void *a, const void *b)
{
	const struct agg_hist *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

/*
 * Read every element of a per-CPU map keyed by __u32 in as few bpf() calls
 * as the kernel allows (one per batch; element by element where batches are
 * not supported). keys gets up to max keys, vals max * ncpus values of vsz
 * bytes each. Returns the number read or -errno.
 */
static long map_read_all(struct ebpf_backend *b, struct bpf_map *map, __u32 *keys, void *vals,
			 __u32 max, size_t vsz)
{
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	int fd = bpf_map__fd(map);
	size_t row = vsz * b->ncpus;
	__u32 n = 0, count, token;
	void *in = NULL, *prev = NULL;
	int err;

	while (n < max) {
		count = max - n;
		err = bpf_map_lookup_batch(fd, in, &token, keys + n, (char *)vals + n * row,
					   &count, &opts);
		n += count;
		if (err < 0 && errno == ENOENT)
			return n;	/* the last batch */
		if (err < 0 && n == 0 && (errno == EINVAL || errno == ENOTSUP ||
					  errno == EOPNOTSUPP))
			break;
		if (err < 0)
			return -errno;
		in = &token;
	}
	if (n)
		return n;
	/* no batch operations (Linux < 5.6): walk the keys */
	while (n < max && bpf_map_get_next_key(fd, prev, &keys[n]) == 0) {
		prev = &keys[n];
		if (bpf_map_lookup_elem(fd, &keys[n], (char *)vals + n * row) == 0)
			n++;
	}
	return n;
}

/* Read the per-CPU latency histogram (the per-CPU slot cache and the hash
 * behind it), summed, sorted by (nr, bucket), one entry per key. */
static struct agg_hist *agg_read_hist(struct ebpf_backend *b, size_t *np)
{
	struct bpf_map *map = b->skel->maps.hist;
	size_t max = bpf_map__max_entries(map), room = max + (size_t)b->ncpus * RN_HCACHE_SLOTS;
	__u32 *keys = calloc(max, sizeof(*keys)), zero = 0;
	__u64 *vals = calloc(max * b->ncpus, sizeof(*vals));
	struct rn_hcache *cache = calloc(b->ncpus, sizeof(*cache));
	struct agg_hist *h = calloc(room, sizeof(*h));
	long n, i, j;
	int c;

	n = keys && vals && h && cache ? map_read_all(b, map, keys, vals, max, sizeof(*vals))
				       : -ENOMEM;
	for (i = 0; i < n; i++) {
		h[i] = (struct agg_hist){ .key = keys[i] };
		for (c = 0; c < b->ncpus; c++)
			h[i].count += vals[i * b->ncpus + c];
	}
	if (n >= 0 && bpf_map__lookup_elem(b->skel->maps.hcache, &zero, sizeof(zero), cache,
					   b->ncpus * sizeof(*cache), 0) == 0)
		for (c = 0; c < b->ncpus; c++)
			for (i = 0; i < RN_HCACHE_SLOTS; i++)
				if (cache[c].slot[i].key1)
					h[n++] = (struct agg_hist){
						.key = cache[c].slot[i].key1 - 1,
						.count = cache[c].slot[i].count,
					};
	free(keys);
	free(vals);
	free(cache);
	if (n < 0) {
		free(h);
		*np = 1;	/* tells the caller it failed */
		return NULL;
	}
	if (n)
		qsort(h, n, sizeof(*h), agg_hist_cmp);
	/* a key may be in several CPUs' slots and in the hash: add up */
	for (i = 0, j = 0; i < n; i++) {
		if (j && h[j - 1].key == h[i].key)
			h[j - 1].count += h[i].count;
		else
			h[j++] = h[i];
	}
	*np = j;
	return h;
}

/* The "agg" map's values (struct rn_agg, bpf/renacer.h) are read as the
 * backend interface's totals: the same fields at the same offsets. */
_Static_assert(sizeof(struct rn_agg) == sizeof(struct rn_syscall_agg) &&
	       offsetof(struct rn_agg, count) == offsetof(struct rn_syscall_agg, count) &&
	       offsetof(struct rn_agg, errors) == offsetof(struct rn_syscall_agg, errors) &&
	       offsetof(struct rn_agg, total_ns) == offsetof(struct rn_syscall_agg, total_ns) &&
	       offsetof(struct rn_agg, min_ns) == offsetof(struct rn_syscall_agg, min_ns) &&
	       offsetof(struct rn_agg, max_ns) == offsetof(struct rn_syscall_agg, max_ns),
	       "struct rn_agg (bpf/renacer.h) against struct rn_syscall_agg");

/* One syscall's per-CPU totals folded into one. */
static void agg_sum(const struct rn_syscall_agg *v, int ncpus, struct rn_syscall_agg *out)
{
	int i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < ncpus; i++) {
		if (!v[i].count)
			continue;
		if (!out->count || v[i].min_ns < out->min_ns)
			out->min_ns = v[i].min_ns;
		if (v[i].max_ns > out->max_ns)
			out->max_ns = v[i].max_ns;
		out->count += v[i].count;
		out->errors += v[i].errors;
		out->total_ns += v[i].total_ns;
	}
}

int ebpf_aggregates(struct rn_backend *rb, rn_agg_fn fn, void *ctx)
{
	struct ebpf_backend *b = ebpf_of(rb);
	struct rn_syscall_agg *vals, sum;
	struct agg_hist *h;
	__u32 keys[RN_NR_MAX];
	size_t nh = 0, j = 0;
	long n, i;
	int err = 0;

	if (!b->summary_only && !b->kernel_totals)
		return -ENOTSUP;
	h = agg_read_hist(b, &nh);
	if (!h && nh)
		return -ENOMEM;
	vals = calloc((size_t)RN_NR_MAX * b->ncpus, sizeof(*vals));
	n = vals ? map_read_all(b, b->skel->maps.agg, keys, vals, RN_NR_MAX, sizeof(*vals))
		 : -ENOMEM;
	if (n < 0)
		err = n;
	/* an array map's batches come in key order */
	for (i = 0; i < n && !err; i++) {
		agg_sum(&vals[i * b->ncpus], b->ncpus, &sum);
		while (j < nh && h[j].key >> 16 < keys[i])
			j++;
		if (!sum.count)
			continue;
		err = fn(ctx, keys[i], &sum, 0, 0);
		for (; j < nh && h[j].key >> 16 == keys[i] && !err; j++)
			err = fn(ctx, keys[i], NULL, h[j].key & 0xffff, h[j].count);
	}
	free(vals);
	free(h);
	return err;
}

int ebpf_errnos(struct rn_backend *rb, rn_errno_fn fn, void *ctx)
{
	struct ebpf_backend *b = ebpf_of(rb);
	__u32 *keys;
	__u64 *vals;
	long n, i;
	int c, err = 0;

	if (!b->summary_only && !b->kernel_totals)
		return -ENOTSUP;
	keys = calloc(RN_ERRNO_KEYS_MAX, sizeof(*keys));
	vals = calloc((size_t)RN_ERRNO_KEYS_MAX * b->ncpus, sizeof(*vals));
	n = keys && vals ? map_read_all(b, b->skel->maps.errs, keys, vals, RN_ERRNO_KEYS_MAX,
					sizeof(*vals))
			 : -ENOMEM;
	if (n < 0)
		err = (int)n;
	for (i = 0; i < n && !err; i++) {
		__u64 sum = 0;

		for (c = 0; c < b->ncpus; c++)
			sum += vals[i * b->ncpus + c];
		if (sum)
			err = fn(ctx, (int)(keys[i] >> 16), (int)(keys[i] & 0xffff), sum);
	}
	free(keys);
	free(vals);
	return err;
}
