// SPDX-License-Identifier: MIT
/*
 * Tracee for t_inject.sh: a fixed sequence of calls whose results it prints
 * (stdout), so the test sees what -e inject= made the program see as well
 * as what the trace says: 4 getppid, 4 opens of /etc/hostname, 2 unlinks of
 * a file that does not exist, with SIGUSR1 caught (an injected signal).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

static volatile sig_atomic_t usr1;

static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

/* "ok" for a plain success, the value when small (an injected retval),
 * the errno name's number when it failed */
static void show(const char *what, long r, int err)
{
	if (r < 0)
		printf("%s -%d\n", what, err);
	else if (r < 100 && strcmp(what, "open"))
		printf("%s %ld\n", what, r);
	else
		printf("%s ok\n", what);
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	long r;

	sigaction(SIGUSR1, &sa, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int i = 0; i < 4; i++) {
		r = syscall(SYS_getppid);
		show("getppid", r, errno);
	}
	for (int i = 0; i < 4; i++) {
		r = open("/etc/hostname", O_RDONLY);
		show("open", r, errno);
		if (r >= 0 && r < 100)
			close((int)r);
		else if (r >= 0)
			printf("open %ld\n", r);
	}
	for (int i = 0; i < 2; i++) {
		r = unlink("/nonexistent/renacer-inject");
		show("unlink", r, errno);
	}
	printf("usr1 %d\n", (int)usr1);
	return 0;
}
