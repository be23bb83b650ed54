// SPDX-License-Identifier: MIT
/*
 * Tracee for eBPF -k / --source (t_ebpf_stack.sh): main -> a -> b -> c, and
 * c makes the calls, each from a line marked SYSCALL-SITE that the test
 * reads. Built with -fno-omit-frame-pointer -O1 -g (the Makefile's per-tracee
 * flags). With an argument N, the calls are repeated N times (bench/); with
 * a second argument "deep", main -> big -> c instead, where big keeps no
 * frame pointer and more stack than the eBPF backend copies: the stack is
 * cut short there (the frames above big cannot be found).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#define NOINLINE __attribute__((noinline))

volatile long sink;

NOINLINE long c(long n)
{
	long r = 0;

	for (long i = 0; i < n; i++)
		r += getppid(); /* SYSCALL-SITE: getppid */
	r += syscall(SYS_getpid); /* SYSCALL-SITE: getpid */
	sink += r;
	return r;
}

NOINLINE long b(long n)
{
	long r = c(n);

	sink += r;
	return r;
}

NOINLINE long a(long n)
{
	long r = b(n);

	sink += r;
	return r;
}

__attribute__((optimize("omit-frame-pointer"))) NOINLINE long big(long n)
{
	volatile char pad[8192];
	long r;

	pad[0] = (char)n;
	pad[sizeof(pad) - 1] = (char)n;
	r = c(n) + pad[0] + pad[sizeof(pad) - 1];
	sink += r;
	return r;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1;

	if (argc > 2 && !strcmp(argv[2], "deep"))
		sink += big(n);
	else
		sink += a(n);
	return 0;
}
