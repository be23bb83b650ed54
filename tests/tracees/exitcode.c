// SPDX-License-Identifier: MIT
/*
 * Ends the way argv[1] says: a number exits with that code, "sig:N" kills
 * itself with signal N (core dumps disabled), "thread:N" exits with N from a
 * second thread through exit_group while the main thread sleeps in a read.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int code;

static void *exiter(void *arg)
{
	(void)arg;
	usleep(20000);
	exit(code);
}

int main(int argc, char **argv)
{
	const char *how = argc > 1 ? argv[1] : "0";

	if (!strncmp(how, "sig:", 4)) {
		struct rlimit none = { 0, 0 };
		int sig = atoi(how + 4);

		setrlimit(RLIMIT_CORE, &none);
		signal(sig, SIG_DFL);
		kill(getpid(), sig);
		return 100;
	}
	if (!strncmp(how, "thread:", 7)) {
		int fds[2];
		pthread_t th;
		char c;

		code = atoi(how + 7);
		if (pipe(fds) < 0 || pthread_create(&th, NULL, exiter, NULL))
			return 101;
		/* Never returns: the other thread's exit_group ends it. */
		if (read(fds[0], &c, 1) < 0)
			return 102;
		return 103;
	}
	return atoi(how);
}
