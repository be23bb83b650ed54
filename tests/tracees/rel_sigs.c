// SPDX-License-Identifier: MIT
/*
 * Signals from another process, counted exactly.
 *
 *   rel_sigs recv MODE   print our pid, then count SIGRTMIN signals until the
 *                        end marker (SIGRTMIN+1 carrying the number sent)
 *                        arrives; print "rel_sigs: received=R expected=E
 *                        inorder=0|1" and exit 0 when R == E (for "ignore",
 *                        when R == 0).
 *   rel_sigs send PID N  sigqueue N SIGRTMIN to PID (value = sequence number),
 *                        retrying on EAGAIN (queue full), then the end marker;
 *                        print "rel_sigs: sent=N".
 *
 * MODE is "handle" (an SA_SIGINFO handler), "block" (SIGRTMIN blocked for the
 * whole run and taken with sigwaitinfo) or "ignore" (SIG_IGN: none counted).
 *
 * Realtime signals queue, one per sigqueue, so no two sends coalesce: every
 * sigqueue that returned 0 is one delivery. The marker has a higher number
 * than SIGRTMIN and Linux delivers the lowest pending signal first, so when
 * the marker is taken no earlier SIGRTMIN is still pending.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t received, expected = -1, inorder = 1;

static void on_sig(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	if (si->si_value.sival_int != received)
		inorder = 0;
	received++;
}

static void on_end(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	expected = si->si_value.sival_int;
}

static int recv_loop(const char *mode)
{
	struct sigaction sa = { .sa_sigaction = on_end, .sa_flags = SA_SIGINFO };
	sigset_t rt, none;

	sigemptyset(&none);
	sigemptyset(&rt);
	sigaddset(&rt, SIGRTMIN);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGRTMIN + 1, &sa, NULL);
	if (!strcmp(mode, "ignore")) {
		sa.sa_handler = SIG_IGN;
		sa.sa_flags = 0;
	} else {
		sa.sa_sigaction = on_sig;
	}
	sigaction(SIGRTMIN, &sa, NULL);
	if (!strcmp(mode, "block"))
		sigprocmask(SIG_BLOCK, &rt, NULL);
	printf("%d\n", (int)getpid());
	fflush(stdout);
	if (!strcmp(mode, "block")) {
		siginfo_t si;

		while (expected < 0 || received < expected) {
			struct timespec ts = { .tv_nsec = 10000000 };

			if (sigtimedwait(&rt, &si, &ts) == SIGRTMIN)
				on_sig(SIGRTMIN, &si, NULL);
		}
	} else {
		sigset_t end;

		/* The marker stays blocked outside sigsuspend: no lost wake-up. */
		sigemptyset(&end);
		sigaddset(&end, SIGRTMIN + 1);
		sigprocmask(SIG_BLOCK, &end, NULL);
		while (expected < 0)
			sigsuspend(&none);
	}
	printf("rel_sigs: received=%d expected=%d inorder=%d\n", (int)received, (int)expected,
	       (int)inorder);
	if (!strcmp(mode, "ignore"))
		return received == 0 ? 0 : 1;
	return received == expected && inorder ? 0 : 1;
}

static int queue_one(pid_t pid, int sig, int val)
{
	union sigval v = { .sival_int = val };

	for (;;) {
		struct timespec ts = { .tv_nsec = 100000 };

		if (sigqueue(pid, sig, v) == 0)
			return 0;
		if (errno != EAGAIN)
			return -1;
		nanosleep(&ts, NULL);	/* the receiver's queue is full */
	}
}

static int send_all(pid_t pid, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (queue_one(pid, SIGRTMIN, i) < 0)
			break;
	if (queue_one(pid, SIGRTMIN + 1, i) < 0 && i == n)
		perror("rel_sigs: end marker");
	printf("rel_sigs: sent=%d\n", i);
	return i == n ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "recv"))
		return recv_loop(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "send"))
		return send_all((pid_t)atoi(argv[2]), atoi(argv[3]));
	fprintf(stderr, "usage: rel_sigs recv handle|block|ignore | send PID N\n");
	return 2;
}
