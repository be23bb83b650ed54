// SPDX-License-Identifier: MIT
/*
 * The tracee of bench/scale_bench.sh: T threads, released together, each
 * making N getppid() calls; prints what the calls cost from inside:
 *
 *   scale_storm T N
 *   threads=T calls=T*N wall_ns=... cpu_ns=...
 *
 * wall_ns runs from the release to the last thread's end; cpu_ns is the
 * process's user + system time over the same stretch. The eBPF programs run
 * in the calling thread, so what tracing adds to each call shows up in
 * cpu_ns whatever the number of cores; wall_ns is bounded by the cores.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long calls_each;
static pthread_barrier_t go;

static void *worker(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&go);
	for (long i = 0; i < calls_each; i++)
		syscall(SYS_getppid);
	return NULL;
}

static long long cpu_ns(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
}

static long long mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	int threads = argc > 2 ? atoi(argv[1]) : 0;
	long long w0, c0;
	pthread_t *tid;

	calls_each = argc > 2 ? atol(argv[2]) : 0;
	if (threads < 1 || threads > 1024 || calls_each < 1) {
		fprintf(stderr, "usage: scale_storm THREADS CALLS_PER_THREAD\n");
		return 2;
	}
	tid = calloc(threads, sizeof(*tid));
	if (!tid || pthread_barrier_init(&go, NULL, threads + 1))
		return 1;
	for (int i = 0; i < threads; i++)
		if (pthread_create(&tid[i], NULL, worker, NULL))
			return 1;
	/* the threads exist (their creation is not what is measured) */
	c0 = cpu_ns();
	w0 = mono_ns();
	pthread_barrier_wait(&go);
	for (int i = 0; i < threads; i++)
		pthread_join(tid[i], NULL);
	printf("threads=%d calls=%lld wall_ns=%lld cpu_ns=%lld\n", threads,
	       (long long)threads * calls_each, mono_ns() - w0, cpu_ns() - c0);
	free(tid);
	return 0;
}
