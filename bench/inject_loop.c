// SPDX-License-Identifier: MIT
/*
 * The workload of bench/inject_bench.sh: N openat calls of a file that does
 * not exist (default 1,000,000), so each fails with ENOENT untraced too and
 * an injected ENOENT changes nothing the program sees. Prints how many
 * failed with ENOENT, which the bench checks.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000000, enoent = 0;

	for (long i = 0; i < n; i++) {
		/* the raw call: no libc path of its own in between */
		long fd = syscall(SYS_openat, AT_FDCWD, "/nonexistent/renacer-inject", O_RDONLY);

		if (fd >= 0)
			close((int)fd);
		else if (errno == ENOENT)
			enoent++;
	}
	printf("%ld\n", enoent);
	return 0;
}
