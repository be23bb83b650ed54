// SPDX-License-Identifier: MIT
/*
 * Runs for argv[2] seconds (default forever), one system call every 10 ms:
 * writes its tick count into the file argv[1] (pwrite at offset 0) so a test
 * can see that it keeps running. argv[3] more threads (default 0) sleep 10 ms
 * at a time alongside. For -p attach/detach and stop/cont tests.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void *sleeper(void *arg)
{
	struct timespec ts = { .tv_nsec = 10000000 };

	(void)arg;
	for (;;)
		nanosleep(&ts, NULL);
	return NULL;
}

int main(int argc, char **argv)
{
	long limit = argc > 2 ? atol(argv[2]) * 100 : -1;
	int nthreads = argc > 3 ? atoi(argv[3]) : 0;
	struct timespec ts = { .tv_nsec = 10000000 };
	int fd = argc > 1 ? open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
	char buf[32];
	pthread_t th;

	for (int i = 0; i < nthreads; i++)
		if (pthread_create(&th, NULL, sleeper, NULL))
			return 1;
	for (long tick = 0; limit < 0 || tick < limit; tick++) {
		int n = snprintf(buf, sizeof(buf), "%-20ld\n", tick);

		if (fd >= 0 && pwrite(fd, buf, (size_t)n, 0) < 0)
			return 1;
		nanosleep(&ts, NULL);
	}
	return 0;
}
