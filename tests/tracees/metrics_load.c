// SPDX-License-Identifier: MIT
/*
 * metrics_load N MS: N openat calls (every other one fails with ENOENT),
 * then MS milliseconds of sleep, so that a scraper sees the final counts
 * before the process exits. Prints nothing.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100;
	long ms = argc > 2 ? atol(argv[2]) : 1000;
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L };

	for (long i = 0; i < n; i++) {
		int fd = openat(AT_FDCWD, i % 2 ? "/nonexistent/renacer" : "/dev/null", O_RDONLY);

		if (fd >= 0)
			close(fd);
	}
	while (nanosleep(&ts, &ts))
		;
	return 0;
}
