// SPDX-License-Identifier: MIT
/*
 * A busy program for the soak test: runs for argv[1] seconds (default 60),
 * each round making a mix of calls (open/read/close, stat, getppid, a short
 * nanosleep), every 50th round starting a thread that makes a few calls and
 * exits, every 200th round forking a child that does the same: new thread
 * and process ids all the time, so per-task state must be freed as tasks go.
 * Prints "rel_busy: R rounds, T threads, P children" and exits 0.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void some_calls(void)
{
	struct stat st;
	char buf[64];
	int fd = open("/etc/hostname", O_RDONLY);

	if (fd >= 0) {
		if (read(fd, buf, sizeof(buf)) < 0)
			buf[0] = 0;
		close(fd);
	}
	stat("/", &st);
	syscall(SYS_getppid);
}

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5; i++)
		some_calls();
	return NULL;
}

int main(int argc, char **argv)
{
	long secs = argc > 1 ? atol(argv[1]) : 60, rounds = 0, threads = 0, kids = 0;
	struct timespec nap = { .tv_nsec = 200000 }, now, end;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += secs;
	do {
		some_calls();
		nanosleep(&nap, NULL);
		if (rounds % 50 == 0) {
			pthread_t th;

			if (pthread_create(&th, NULL, worker, NULL) == 0) {
				pthread_join(th, NULL);
				threads++;
			}
		}
		if (rounds % 200 == 0) {
			pid_t pid = fork();

			if (pid == 0) {
				worker(NULL);
				_exit(0);
			}
			if (pid > 0 && waitpid(pid, NULL, 0) == pid)
				kids++;
		}
		rounds++;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec < end.tv_sec || (now.tv_sec == end.tv_sec && now.tv_nsec < end.tv_nsec));
	printf("rel_busy: %ld rounds, %ld threads, %ld children\n", rounds, threads, kids);
	return 0;
}
