// SPDX-License-Identifier: MIT
/*
 * A syscall storm for the eBPF tests: makes exactly N getppid() calls and
 * prints N (the count the tests compare delivered + lost records against).
 *
 *   storm N              N calls, print N
 *   storm -w N           wait for a line on stdin first (for -p / --cgroup)
 *   storm -f K N         fork K children, each (and the parent) making N calls
 *   storm -t K N         K threads, each (and the main thread) making N calls
 *   storm -c ...         close(STORM_FD0 + i) for i = 0..N-1 instead of getppid:
 *                        each thread's calls carry an increasing counter (the
 *                        descriptors are past any limit: EBADF at once), so a
 *                        test can check that a thread's calls stay in order
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define STORM_FD0 1000000

static long storm_n;
static int storm_counted;

static void storm_run(long n)
{
	long i;

	if (storm_counted) {
		for (i = 0; i < n; i++)
			syscall(SYS_close, STORM_FD0 + i);
		return;
	}
	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
}

static void *storm_thread(void *arg)
{
	(void)arg;
	storm_run(storm_n);
	return NULL;
}

int main(int argc, char **argv)
{
	int opt, kids = 0, threads = 0, wait_line = 0, i;
	pthread_t tid[64];
	char line[16];

	while ((opt = getopt(argc, argv, "cwf:t:")) != -1) {
		switch (opt) {
		case 'c':
			storm_counted = 1;
			break;
		case 'w':
			wait_line = 1;
			break;
		case 'f':
			kids = atoi(optarg);
			break;
		case 't':
			threads = atoi(optarg);
			break;
		default:
			return 2;
		}
	}
	if (optind >= argc || kids > 64 || threads > 64)
		return 2;
	storm_n = atol(argv[optind]);
	if (wait_line && !fgets(line, sizeof(line), stdin))
		return 3;
	for (i = 0; i < kids; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			storm_run(storm_n);
			_exit(0);
		}
	}
	for (i = 0; i < threads; i++)
		pthread_create(&tid[i], NULL, storm_thread, NULL);
	storm_run(storm_n);
	for (i = 0; i < threads; i++)
		pthread_join(tid[i], NULL);
	for (i = 0; i < kids; i++)
		wait(NULL);
	printf("%ld\n", storm_n * (1 + kids + threads));
	return 0;
}
