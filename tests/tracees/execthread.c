// SPDX-License-Identifier: MIT
/*
 * execve from a non-leader thread: a second thread execs argv[1..] (default
 * /bin/true) while the main thread waits in pthread_join (a futex call that
 * never returns).
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static char **cmd;

static void *execer(void *arg)
{
	static char *def[] = { "/bin/true", NULL };

	(void)arg;
	usleep(10000);
	execv(cmd[0] ? cmd[0] : def[0], cmd[0] ? cmd : def);
	perror("execthread: execv");
	_exit(126);
}

int main(int argc, char **argv)
{
	pthread_t th;

	(void)argc;
	cmd = argv + 1;
	if (pthread_create(&th, NULL, execer, NULL))
		return 1;
	pthread_join(th, NULL);
	return 2;
}
