// SPDX-License-Identifier: MIT
/*
 * P processes (argv[1], default 2: the first plus P - 1 forked children),
 * each running T threads (argv[2], default 3); every thread makes C chdir
 * calls (argv[3], default 20), the first F of which (argv[4], default 5)
 * fail with ENOENT. Totals: P * T * C chdir calls, P * T * F errors. Exits 0
 * when every call did what it should, 1 otherwise.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int calls = 20, fails = 5;

static void *worker(void *arg)
{
	long bad = 0;

	(void)arg;
	for (int i = 0; i < calls; i++) {
		int r = chdir(i < fails ? "/nonexistent-renacer-dir" : "/");

		if ((i < fails) != (r < 0 && errno == ENOENT))
			bad++;
	}
	return (void *)bad;
}

static int run_threads(int n)
{
	pthread_t th[64];
	int bad = 0;

	for (int i = 0; i < n; i++)
		if (pthread_create(&th[i], NULL, worker, NULL))
			return 1;
	for (int i = 0; i < n; i++) {
		void *r;

		pthread_join(th[i], &r);
		bad |= r != NULL;
	}
	return bad;
}

int main(int argc, char **argv)
{
	int procs = argc > 1 ? atoi(argv[1]) : 2, threads = argc > 2 ? atoi(argv[2]) : 3;
	int bad = 0, st;

	if (argc > 3)
		calls = atoi(argv[3]);
	if (argc > 4)
		fails = atoi(argv[4]);
	if (threads > 64)
		threads = 64;
	for (int p = 1; p < procs; p++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(run_threads(threads));
		if (pid < 0)
			return 1;
	}
	bad = run_threads(threads);
	while (wait(&st) > 0)
		bad |= !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	return bad;
}
