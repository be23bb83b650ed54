// SPDX-License-Identifier: MIT
/*
 * Counts SIGUSR1. With argv[1] = N it sends itself N SIGUSR1 (kill) and
 * exits; without, it prints its pid and waits in pause() until SIGTERM.
 * Either way it prints "sigrecv: usr1=COUNT" and exits 0.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile sig_atomic_t usr1, term;

static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static void on_term(int sig)
{
	(void)sig;
	term = 1;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_usr1 };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	if (argc > 1) {
		int n = atoi(argv[1]);

		for (int i = 0; i < n; i++)
			kill(getpid(), SIGUSR1);
	} else {
		printf("%d\n", (int)getpid());
		fflush(stdout);
		while (!term)
			pause();
	}
	printf("sigrecv: usr1=%d\n", (int)usr1);
	return 0;
}
