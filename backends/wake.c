// SPDX-License-Identifier: MIT
/* The session's wake-up timer: see wake.h. */
#include "wake.h"

#include <pthread.h>
#include <string.h>
#include <sys/time.h>

static bool armed;
static sigset_t wait_mask;	/* the thread's mask with SIGALRM let through */
static sigset_t alrm;

static void on_alarm(int sig)
{
	(void)sig;	/* only there to interrupt the backend's wait */
}

void rn_wake_every(double seconds)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it, cur;
	long usec = (long)(seconds * 1e6);

	if (usec < 1000)
		usec = 1000;
	getitimer(ITIMER_REAL, &cur);
	if (armed && cur.it_interval.tv_sec * 1000000L + cur.it_interval.tv_usec <= usec)
		return;	/* already at least as often */
	if (!armed) {
		sigemptyset(&alrm);
		sigaddset(&alrm, SIGALRM);
		pthread_sigmask(SIG_BLOCK, &alrm, &wait_mask);
		sigdelset(&wait_mask, SIGALRM);
		armed = true;
	}
	/* no SA_RESTART: the wait must return EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	it.it_interval.tv_sec = usec / 1000000;
	it.it_interval.tv_usec = usec % 1000000;
	it.it_value = it.it_interval;
	setitimer(ITIMER_REAL, &it, NULL);
}

void rn_wake_stop(void)
{
	struct itimerval off;

	if (!armed)
		return;
	memset(&off, 0, sizeof(off));
	setitimer(ITIMER_REAL, &off, NULL);
	armed = false;
	/* a tick pending from before is dropped with the handler still set */
	pthread_sigmask(SIG_UNBLOCK, &alrm, NULL);
}

const sigset_t *rn_wake_wait_mask(void)
{
	return armed ? &wait_mask : NULL;
}

void rn_wake_wait_begin(void)
{
	if (armed)
		pthread_sigmask(SIG_UNBLOCK, &alrm, NULL);
}

void rn_wake_wait_end(void)
{
	if (armed)
		pthread_sigmask(SIG_BLOCK, &alrm, NULL);
}
