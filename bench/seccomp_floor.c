// SPDX-License-Identifier: MIT
/*
 * What a seccomp filter alone costs one system call on this machine, without
 * any tracer: the floor under `renacer -f -e trace=...` with the pre-filter.
 *
 *	seccomp_floor [READS [ROUNDS]]
 *
 * Each round forks one child per variant; the child installs its filter (or
 * none), then times READS one-byte reads of /dev/zero (the loop of
 * tests/tracees/readloop.c) and reports ns per read. Variants run interleaved,
 * the table gives the median and the minimum over the rounds, and the added
 * ns per call against the run without a filter.
 *
 *	none		no filter
 *	allow		`ret ALLOW`: constant per number, so the kernel's action
 *			cache answers every call and the filter never runs
 *	allow+spec	the same with SECCOMP_FILTER_FLAG_SPEC_ALLOW
 *	allow-nocache	loads instruction_pointer first: the cache cannot
 *			prove anything and the filter runs on every call
 *	renacer		renacer's program for -e trace=openat (the generator
 *			of the ptrace backend, rn_seccomp_prog_bitmap)
 *	renacer+spec	the same with SECCOMP_FILTER_FLAG_SPEC_ALLOW
 *
 * The renacer program returns SECCOMP_RET_TRACE for openat; untraced, that
 * would fail the call with ENOSYS, and the loop makes none.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "../backends/ptrace/seccomp_prog.h"

#define MAX_ROUNDS 64

enum variant { V_NONE, V_ALLOW, V_ALLOW_SPEC, V_NOCACHE, V_RENACER, V_RENACER_SPEC, V_N };

static const char *const names[V_N] = {
	[V_NONE] = "none",
	[V_ALLOW] = "allow",
	[V_ALLOW_SPEC] = "allow+spec",
	[V_NOCACHE] = "allow-nocache",
	[V_RENACER] = "renacer",
	[V_RENACER_SPEC] = "renacer+spec",
};

static int install(enum variant v)
{
	static struct sock_filter allow[] = {
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	static struct sock_filter nocache[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, instruction_pointer)),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = 1, .filter = allow };
	unsigned flags = 0;
	struct sock_filter *p;
	size_t len;

	switch (v) {
	case V_NONE:
		return 0;
	case V_ALLOW_SPEC:
		flags = SECCOMP_FILTER_FLAG_SPEC_ALLOW;
		break;
	case V_NOCACHE:
		prog.filter = nocache;
		prog.len = 2;
		break;
	case V_RENACER_SPEC:
		flags = SECCOMP_FILTER_FLAG_SPEC_ALLOW;
		/* fall through */
	case V_RENACER: {
		__u64 bits[RN_BITMAP_WORDS] = { 0 };

		bits[SYS_openat / 64] |= 1ull << (SYS_openat % 64);
		if (rn_seccomp_prog_bitmap(bits, &p, &len))
			return -1;
		prog.filter = p;
		prog.len = (unsigned short)len;
		break;
	}
	default:
		break;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
}

static double child_run(enum variant v, long reads)
{
	int fd = open("/dev/zero", O_RDONLY);
	struct timespec a, b;
	char c;

	if (fd < 0 || install(v) < 0) {
		fprintf(stderr, "seccomp_floor: %s: %s\n", names[v], strerror(errno));
		_exit(1);
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < reads; i++)
		if (read(fd, &c, 1) != 1)
			_exit(1);
	clock_gettime(CLOCK_MONOTONIC, &b);
	return ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / (double)reads;
}

static double run(enum variant v, long reads)
{
	int pfd[2];
	double ns = -1;
	pid_t pid;

	if (pipe(pfd) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		ns = child_run(v, reads);
		if (write(pfd[1], &ns, sizeof(ns)) != sizeof(ns))
			_exit(1);
		_exit(0);
	}
	close(pfd[1]);
	if (pid < 0 || read(pfd[0], &ns, sizeof(ns)) != sizeof(ns))
		ns = -1;
	close(pfd[0]);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return ns;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long reads = argc > 1 ? atol(argv[1]) : 1000000;
	int rounds = argc > 2 ? atoi(argv[2]) : 7;
	static double t[V_N][MAX_ROUNDS];
	double base;

	if (rounds < 1 || rounds > MAX_ROUNDS || reads < 1) {
		fprintf(stderr, "usage: seccomp_floor [READS [ROUNDS<=%d]]\n", MAX_ROUNDS);
		return 2;
	}
	for (int r = 0; r < rounds; r++)
		for (int i = 0; i < V_N; i++) {
			int v = (i + r) % V_N;	/* rotate the order each round */

			t[v][r] = run(v, reads);
			if (t[v][r] < 0)
				return 1;
		}
	for (int v = 0; v < V_N; v++)
		qsort(t[v], rounds, sizeof(double), cmp);
	base = t[V_NONE][rounds / 2];
	printf("%-14s %10s %10s %12s %8s\n", "filter", "median ns", "min ns", "added ns", "ratio");
	for (int v = 0; v < V_N; v++)
		printf("%-14s %10.1f %10.1f %+12.1f %8.3f\n", names[v], t[v][rounds / 2], t[v][0],
		       t[v][rounds / 2] - base, t[v][rounds / 2] / base);
	printf("(%ld reads of /dev/zero per run, median of %d interleaved rounds)\n", reads,
	       rounds);
	return 0;
}
