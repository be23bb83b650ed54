// SPDX-License-Identifier: MIT
/*
 * The process-series workload: fork N children that run at the same time,
 * each making K getppid() calls (default 100), then wait for all of them.
 * Under -f every child is a new tracee, so this measures what following
 * processes costs a tracer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long nproc = argc > 1 ? atol(argv[1]) : 10;
	long calls = argc > 2 ? atol(argv[2]) : 100;
	int status, failed = 0;

	for (long i = 0; i < nproc; i++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("forkn: fork");
			return 1;
		}
		if (pid == 0) {
			for (long j = 0; j < calls; j++)
				syscall(SYS_getppid);
			_exit(0);
		}
	}
	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed = 1;
	return failed;
}
