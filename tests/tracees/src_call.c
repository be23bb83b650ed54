// SPDX-License-Identifier: MIT
/*
 * Tracee for --source and -k: each system call is made from a known line,
 * marked with a SYSCALL-SITE comment that tests/integration/t_source_*.sh
 * reads to learn the expected line. Built in several variants (PIE or not,
 * -O0 or -O2, DWARF 4 or 5, with or without frame pointers, and with the
 * calls in a shared library: SRC_CALL_LIB), see the Makefile.
 *
 * The calls use their results so that the compiler cannot turn them into
 * tail calls (which would drop the caller's frame), and f1..f3 and once()
 * are noinline so the chain main -> once -> f1 -> f2 -> f3 exists at -O2.
 * With -DSRC_CALL_BUILD_LIB this file is the shared library holding f1..f3;
 * with -DSRC_CALL_LIB the program calls them there.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define NOINLINE __attribute__((noinline))

volatile long src_sink;

long f1(int depth);

#ifndef SRC_CALL_LIB	/* the program itself, or the library (SRC_CALL_BUILD_LIB) */
NOINLINE long f3(int depth)
{
	long r = syscall(SYS_getpid); /* SYSCALL-SITE: getpid */

	src_sink += r + depth;
	return r;
}

NOINLINE long f2(int depth)
{
	long r = f3(depth + 1); /* CALL-SITE: f2 */

	src_sink += r;
	return r;
}

NOINLINE long f1(int depth)
{
	long r = f2(depth + 1); /* CALL-SITE: f1 */

	src_sink += r;
	return r;
}
#endif

#ifndef SRC_CALL_BUILD_LIB
NOINLINE static void once(void)
{
	src_sink += getppid(); /* SYSCALL-SITE: getppid */
	src_sink += f1(0); /* CALL-SITE: main */
}

/*
 * src_call [N]          N rounds (default 1)
 * src_call fork         one round in a child, then one in the parent
 * src_call exec PROG    one round, then execv(PROG, {PROG, "1"})
 */
int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;

	if (argc > 1 && !strcmp(argv[1], "fork")) {
		pid_t pid = fork();

		if (pid == 0) {
			once();
			_exit(0);
		}
		waitpid(pid, NULL, 0);
		n = 1;
	} else if (argc > 2 && !strcmp(argv[1], "exec")) {
		char *args[] = { argv[2], "1", NULL };

		once();
		execv(argv[2], args);
		return 127;
	}
	for (int i = 0; i < n; i++)
		once();
	src_sink += (long)getuid(); /* SYSCALL-SITE: getuid */
	return 0;
}
#endif
