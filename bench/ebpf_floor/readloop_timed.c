// SPDX-License-Identifier: MIT
/* tests/tracees/readloop with a stopwatch: N one-byte reads of /dev/zero,
 * then "loop_ns T C" on stderr: T the wall time of the read loop alone
 * (what a tracer's per-call cost adds to, without its start-up and
 * shut-down), C the CPU time this thread spent in it (user + kernel, BPF
 * programs included: not inflated by other work on a busy machine). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000000;
	int fd = open("/dev/zero", O_RDONLY);
	long long t, cpu;
	char c;

	if (fd < 0) {
		perror("readloop_timed: /dev/zero");
		return 1;
	}
	t = now_ns(CLOCK_MONOTONIC);
	cpu = now_ns(CLOCK_THREAD_CPUTIME_ID);
	for (long i = 0; i < n; i++) {
		if (read(fd, &c, 1) != 1) {
			perror("readloop_timed: read");
			return 1;
		}
	}
	cpu = now_ns(CLOCK_THREAD_CPUTIME_ID) - cpu;
	t = now_ns(CLOCK_MONOTONIC) - t;
	close(fd);
	fprintf(stderr, "loop_ns %lld %lld\n", t, cpu);
	return 0;
}
