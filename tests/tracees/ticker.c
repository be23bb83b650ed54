// SPDX-License-Identifier: MIT
/*
 * Runs forever (or argv[2] seconds), one system call every 10 ms: writes its
 * tick count into the file argv[1] (pwrite at offset 0) so a test can see
 * that it keeps running. For -p attach/detach tests.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long limit = argc > 2 ? atol(argv[2]) * 100 : -1;
	struct timespec ts = { .tv_nsec = 10000000 };
	int fd = argc > 1 ? open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
	char buf[32];

	for (long tick = 0; limit < 0 || tick < limit; tick++) {
		int n = snprintf(buf, sizeof(buf), "%-20ld\n", tick);

		if (fd >= 0 && pwrite(fd, buf, (size_t)n, 0) < 0)
			return 1;
		nanosleep(&ts, NULL);
	}
	return 0;
}
