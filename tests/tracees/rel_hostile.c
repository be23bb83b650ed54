// SPDX-License-Identifier: MIT
/*
 * More hostile input for the tracer (hostile.c has the basics):
 *
 *   rel_hostile big      a 1 MiB write of every byte value; a 4095-byte path
 *                        of bytes 1..255; a string that runs into an unmapped
 *                        page; a struct and a sockaddr there; a buffer that
 *                        is half unmapped; a readlink into unmapped memory
 *   rel_hostile exec N   execve /bin/true with N arguments (and N hostile
 *                        environment strings)
 *   rel_hostile flip N   N opens of a path that a second thread rewrites all
 *                        the time (escapes, invalid UTF-8, moving NUL), so
 *                        entry and exit may see different bytes
 *
 * Prints "rel_hostile: MODE ok" and exits 0 when each call failed or
 * succeeded as the kernel must make it (the tracer must not change that).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int check(int cond, const char *what)
{
	if (!cond)
		fprintf(stderr, "rel_hostile: unexpected result: %s (errno %d)\n", what, errno);
	return cond ? 0 : 1;
}

static int big(void)
{
	size_t len = 1 << 20, pg = (size_t)sysconf(_SC_PAGESIZE);
	unsigned char *buf = malloc(len), *two;
	char path[4096];
	int fd = open("/dev/null", O_WRONLY), bad = 0;

	if (!buf || fd < 0)
		return 1;
	for (size_t i = 0; i < len; i++)
		buf[i] = (unsigned char)i;
	bad |= check(write(fd, buf, len) == (ssize_t)len, "1 MiB write");
	for (size_t i = 0; i < sizeof(path) - 1; i++)
		path[i] = (char)(1 + i % 255);
	path[sizeof(path) - 1] = 0;
	bad |= check(open(path, O_RDONLY) < 0, "open of a 4095-byte path");
	/* Two pages, the second unmapped: a string without NUL up to the hole. */
	two = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (two == MAP_FAILED)
		return 1;
	munmap(two + pg, pg);
	memset(two, 0x1b, pg);
	bad |= check(open((char *)two + pg - 100, O_RDONLY) < 0 && errno == EFAULT, "string into a hole");
	bad |= check(syscall(SYS_nanosleep, two + pg, NULL) < 0 && errno == EFAULT,
		     "timespec in a hole");
	bad |= check(syscall(SYS_nanosleep, two + pg - 8, NULL) < 0 && errno == EFAULT,
		     "timespec across a hole");
	bad |= check(write(fd, two + pg - 100, 200) != 0,
		     "write across a hole");
	bad |= check(connect(fd, (struct sockaddr *)(two + pg - 4), 16) < 0, "sockaddr in a hole");
	bad |= check(syscall(SYS_readlink, "/proc/self/exe", two + pg, 64) < 0 && errno == EFAULT,
		     "readlink into a hole");
	bad |= check(syscall(SYS_execve, two + pg, NULL, NULL) < 0 && errno == EFAULT,
		     "execve of a path in a hole");
	free(buf);
	return bad;
}

static int exec_many(long n)
{
	char **argv = calloc((size_t)n + 2, sizeof(*argv));
	char *envp[] = { "A=\033]0;title\007", "B=\xff\xfe", "C=\r\n", NULL };

	if (!argv)
		return 1;
	argv[0] = "/bin/true";
	for (long i = 1; i <= n; i++)
		argv[i] = i % 2 ? "\033[31m" : "\xc3(";
	execve(argv[0], argv, envp);
	perror("rel_hostile: execve");
	return 1;
}

static char flip_path[64] = "/nonexistent/rel-hostile";
static volatile int flip_stop;

static void *flipper(void *arg)
{
	static const char *forms[] = { "/nonexistent/rel-hostile", "/nonexistent/\033[2J\033[H\r\n",
				       "/nonexistent/\xff\xfe\xc3(\x80", "\x07\x08\x7f" };
	unsigned i = 0;

	(void)arg;
	while (!flip_stop) {
		const char *f = forms[i++ % 4];

		memcpy(flip_path, f, strlen(f) + 1);
		flip_path[i % 40] = (char)(i & 0xff);	/* the NUL moves too */
		flip_path[sizeof(flip_path) - 1] = 0;
	}
	return NULL;
}

static int flip(long n)
{
	pthread_t th;
	int bad = 0;

	if (pthread_create(&th, NULL, flipper, NULL))
		return 1;
	for (long i = 0; i < n; i++)
		bad |= check(open(flip_path, O_RDONLY) < 0, "open of a flipping path");
	flip_stop = 1;
	pthread_join(th, NULL);
	return bad;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "big";
	long n = argc > 2 ? atol(argv[2]) : 1000;
	int bad;

	if (!strcmp(mode, "exec"))
		return exec_many(n);
	bad = !strcmp(mode, "flip") ? flip(n) : big();
	printf("rel_hostile: %s %s\n", mode, bad ? "FAILED" : "ok");
	return bad;
}
