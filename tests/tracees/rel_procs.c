// SPDX-License-Identifier: MIT
/*
 * A storm of short-lived processes: P children in all (argv[1], default 100),
 * at most C alive at once (argv[2], default 8); each makes K getppid() calls
 * (argv[3], default 10) and exits with 7. The parent reaps every child and
 * prints "rel_procs: P children, P*K calls, E exited 7"; it exits 0 only when
 * all P forks succeeded and all P children exited 7.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int reap_one(void)
{
	int status;

	if (wait(&status) < 0)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 7;
}

int main(int argc, char **argv)
{
	long procs = argc > 1 ? atol(argv[1]) : 100;
	long conc = argc > 2 ? atol(argv[2]) : 8;
	long calls = argc > 3 ? atol(argv[3]) : 10;
	long alive = 0, forked = 0, ok = 0;

	while (forked < procs) {
		pid_t pid;

		if (alive >= conc) {
			ok += reap_one() == 1;
			alive--;
		}
		pid = fork();
		if (pid < 0) {
			perror("rel_procs: fork");
			break;
		}
		if (pid == 0) {
			for (long i = 0; i < calls; i++)
				syscall(SYS_getppid);
			_exit(7);
		}
		forked++;
		alive++;
	}
	while (alive-- > 0)
		ok += reap_one() == 1;
	printf("rel_procs: %ld children, %ld calls, %ld exited 7\n", forked, forked * calls, ok);
	return forked == procs && ok == procs ? 0 : 1;
}
