// SPDX-License-Identifier: MIT
/*
 * Tracee for --source and -k: each system call is made from a known line,
 * marked with a SYSCALL-SITE comment that tests/integration/t_source_*.sh
 * reads to learn the expected line. Built in several variants (PIE or not,
 * -O0 or -O2, DWARF 4 or 5, with or without frame pointers, and with the
 * calls in a shared library: SRC_CALL_LIB), see the Makefile.
 *
 * The calls use their results so that the compiler cannot turn them into
 * tail calls (which would drop the caller's frame), and f1..f3 are noinline
 * so the chain main -> f1 -> f2 -> f3 exists at -O2 too.
 */
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

#define NOINLINE __attribute__((noinline))

volatile long src_sink;

#ifdef SRC_CALL_LIB
long src_lib_f1(int depth);
#define f1 src_lib_f1
#else
NOINLINE static long f3(int depth)
{
	long r = syscall(SYS_getpid); /* SYSCALL-SITE: getpid */

	src_sink += r + depth;
	return r;
}

NOINLINE static long f2(int depth)
{
	long r = f3(depth + 1); /* CALL-SITE: f2 */

	src_sink += r;
	return r;
}

NOINLINE static long f1(int depth)
{
	long r = f2(depth + 1); /* CALL-SITE: f1 */

	src_sink += r;
	return r;
}
#endif

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;

	for (int i = 0; i < n; i++) {
		src_sink += getppid(); /* SYSCALL-SITE: getppid */
		src_sink += f1(0); /* CALL-SITE: main */
	}
	src_sink += (long)getuid(); /* SYSCALL-SITE: getuid */
	return 0;
}
