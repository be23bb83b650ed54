// SPDX-License-Identifier: MIT
/*
 * fork (or vfork with argv[1] == "vfork") N children (argv[2], default 1);
 * each child calls getppid() and exits with 7; the parent waits for each and
 * prints "forker: N children, all exited 7" when they did.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int use_vfork = argc > 1 && !strcmp(argv[1], "vfork");
	volatile int n = argc > 2 ? atoi(argv[2]) : 1, ok = 0;

	for (volatile int i = 0; i < n; i++) {
		pid_t pid = use_vfork ? vfork() : fork();
		int status;

		if (pid < 0)
			return 1;
		if (pid == 0) {
			syscall(SYS_getppid);
			_exit(7);
		}
		if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 7)
			ok++;
	}
	printf("forker: %d children, %s\n", n, ok == n ? "all exited 7" : "FAILED");
	return ok == n ? 0 : 1;
}
