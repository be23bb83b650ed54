// SPDX-License-Identifier: MIT
/*
 * --readers=N: N threads, each draining its own ring buffer (ebpf_rings.c)
 * and handing the records to the frontend's stage (struct rn_stage,
 * backends/backend.h), which decodes and formats them on that thread; the
 * session's thread merges the readers' output in poll() (ebpf_readers_step).
 *
 * Each reader sleeps on its ring's epoll descriptor for at most
 * READER_SLICE_MS (the programs wake it only past a backlog), drains the
 * ring, and tells the stage when it found the ring empty (the stage's mark:
 * what it handed over is complete up to then).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <time.h>

#include <bpf/libbpf.h>

#include "ebpf.h"

#define READER_SLICE_MS 10
/* Records one drain takes at most: then the reader looks whether its
 * output is taken (rn_stage.reader_full) before the next. */
#define READER_DRAIN_BUDGET 8192
/*
 * The readers' nice value. A storm of CPU-bound traced threads would
 * otherwise get the CPUs in turn with the readers (fair shares: one
 * reader in twenty runnable threads) and fill the rings faster than the
 * readers are scheduled to drain them; at -10 a runnable reader weighs as
 * much as nine threads at 0. A reader only runs while records wait, so what
 * it takes from the traced programs is the cost of their own records.
 * RENACER_READER_NICE=N overrides it (0: the traced programs' priority);
 * without CAP_SYS_NICE the readers stay at renacer's own. With one reader
 * the session's thread drains the ring: it takes the same value once the
 * command is spawned (which must not inherit it).
 */
#define READER_NICE (-10)

struct ebpf_reader {
	struct ebpf_backend *b;
	unsigned idx;
	struct ring_buffer *rb;	/* libbpf's consumer of ring idx */
	pthread_t thread;
	bool running;
	int err;		/* the stage's error, which stopped this reader */
	unsigned drained;	/* records in this drain */
	bool budget_hit;
	__u64 records, paused;
	__u64 cpu_ns, wakeups;	/* for --debug */
	struct rn_event ev;	/* the record being handed over, copied whole */
};

struct ebpf_readers {
	unsigned n;
	int stop;		/* atomic: drain once more and end */
	struct ebpf_reader r[];
};

void ebpf_reader_nice(struct ebpf_backend *b)
{
	const char *nice = getenv("RENACER_READER_NICE");
	int v = nice && *nice ? atoi(nice) : READER_NICE;

	if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), v) < 0 && b->verbose)
		fprintf(stderr, "renacer: cannot set a reader's nice value to %d: %s\n", v,
			strerror(errno));
}

static __u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000000000ull + (__u64)ts.tv_nsec;
}

/*
 * The one place a reader's raw records go: to the stage's reader_raw when it
 * has one (a writer of raw records: renacer record), else copied into a whole
 * struct rn_event (the decoders may look past a short record's end) and
 * handed to reader_event to be decoded and formatted on this thread.
 */
static int reader_publish(struct ebpf_reader *r, const void *data, size_t size)
{
	struct rn_stage *s = r->b->stage;

	r->records++;
	if (s->reader_raw)
		return s->reader_raw(s, r->idx, data, size);
	if (size > sizeof(r->ev))
		size = sizeof(r->ev);
	memcpy(&r->ev, data, size);
	return s->reader_event(s, r->idx, &r->ev, size);
}

static int reader_sample(void *ctx, void *data, size_t size)
{
	struct ebpf_reader *r = ctx;
	int err = reader_publish(r, data, size);

	if (err < 0) {
		r->err = err;
		return err;
	}
	/* libbpf has moved past this record when the drain stops here */
	if (++r->drained >= READER_DRAIN_BUDGET) {
		r->budget_hit = true;
		return -EAGAIN;
	}
	return 0;
}

static void *reader_main(void *arg)
{
	struct ebpf_reader *r = arg;
	struct ebpf_backend *b = r->b;
	const struct ebpf_ring *ring = &b->rings[r->idx];
	struct rn_stage *s = b->stage;
	int epfd = ring_buffer__epoll_fd(r->rb);
	struct epoll_event e;
	struct timespec cpu;
	bool stop;

	ebpf_reader_nice(b);
	for (;;) {
		__u64 mark = 0, t;

		stop = __atomic_load_n(&b->readers->stop, __ATOMIC_ACQUIRE);
		if (!stop && s->reader_full && s->reader_full(s, r->idx)) {
			/* the output is behind: leave the records in the ring */
			r->paused++;
			usleep(1000);
			continue;
		}
		if (!stop && !r->budget_hit)
			epoll_wait(epfd, &e, 1, READER_SLICE_MS);
		r->wakeups++;
		r->drained = 0;
		r->budget_hit = false;
		if (ring_buffer__consume(r->rb) < 0 && r->err)
			break;
		/* Empty at t: every record reserved before t was handed over,
		 * and any later one ends after t (and so does the next record
		 * of its task). */
		t = now_ns();
		if (ring->cons && ebpf_ring_used(ring) == 0)
			mark = t;
		s->reader_mark(s, r->idx, mark);
		if (stop && (mark || !ring->cons))
			break;
	}
	s->reader_mark(s, r->idx, 0);
	if (!clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu))
		r->cpu_ns = (__u64)cpu.tv_sec * 1000000000ull + (__u64)cpu.tv_nsec;
	return NULL;
}

int ebpf_readers_create(struct ebpf_backend *b)
{
	unsigned n = b->nrings;
	struct ebpf_readers *rs = calloc(1, sizeof(*rs) + n * sizeof(rs->r[0]));

	if (!rs)
		return -ENOMEM;
	b->readers = rs;
	rs->n = n;
	if (b->verbose)
		fprintf(stderr, "renacer: %u readers\n", n);
	for (unsigned i = 0; i < n; i++) {
		struct ebpf_reader *r = &rs->r[i];

		r->b = b;
		r->idx = i;
		r->rb = ring_buffer__new(b->rings[i].fd, reader_sample, r, NULL);
		if (!r->rb)
			return -errno;
	}
	return 0;
}

int ebpf_readers_start(struct ebpf_backend *b)
{
	struct ebpf_readers *rs = b->readers;
	sigset_t all, old;
	int err = 0;

	/* signals are the session thread's (Ctrl-C, the wake-up timer) */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (unsigned i = 0; i < rs->n && !err; i++) {
		err = -pthread_create(&rs->r[i].thread, NULL, reader_main, &rs->r[i]);
		rs->r[i].running = !err;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err)
		ebpf_set_error(b, "cannot start the reader threads: %s", strerror(-err));
	return err;
}

static void readers_stop(struct ebpf_backend *b)
{
	struct ebpf_readers *rs = b->readers;

	__atomic_store_n(&rs->stop, 1, __ATOMIC_RELEASE);
	for (unsigned i = 0; i < rs->n; i++) {
		if (!rs->r[i].running)
			continue;
		pthread_join(rs->r[i].thread, NULL);
		rs->r[i].running = false;
		if (b->verbose)
			fprintf(stderr, "renacer: reader %u: %llu records, %llu drains, "
				"%.3f s CPU, %llu pauses for the output\n", i,
				(unsigned long long)rs->r[i].records,
				(unsigned long long)rs->r[i].wakeups, rs->r[i].cpu_ns / 1e9,
				(unsigned long long)rs->r[i].paused);
	}
}

int ebpf_readers_step(struct ebpf_backend *b, bool finished)
{
	struct ebpf_readers *rs = b->readers;
	int err;

	if (finished)
		readers_stop(b);
	err = b->stage->merge(b->stage, finished);
	for (unsigned i = 0; i < rs->n && !err; i++)
		err = rs->r[i].err;
	return err;
}

void ebpf_readers_free(struct ebpf_backend *b)
{
	struct ebpf_readers *rs = b->readers;

	if (!rs)
		return;
	readers_stop(b);
	for (unsigned i = 0; i < rs->n; i++)
		ring_buffer__free(rs->r[i].rb);
	free(rs);
	b->readers = NULL;
}
