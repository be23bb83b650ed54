// SPDX-License-Identifier: MIT
/*
 * N threads (argv[1], default 4) each make M getppid() calls (argv[2],
 * default 10) and then exit; the main thread joins them and exits 0. With
 * argv[3], each worker first names itself so (prctl PR_SET_NAME): a name
 * only the records know once the thread is gone.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static int calls = 10;
static const char *name;

static void *worker(void *arg)
{
	(void)arg;
	if (name)
		prctl(PR_SET_NAME, name, 0, 0, 0);
	for (int i = 0; i < calls; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 4;
	pthread_t th[64];

	if (argc > 2)
		calls = atoi(argv[2]);
	if (argc > 3)
		name = argv[3];
	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++)
		if (pthread_create(&th[i], NULL, worker, NULL))
			return 1;
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	return 0;
}
