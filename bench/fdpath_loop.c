// SPDX-License-Identifier: MIT
/*
 * Workloads for bench/fdpath_bench.sh: loops of the calls ls, cat and tar
 * make, on files under DIR, so that -y has a path to resolve for almost
 * every call.
 *   fdpath_loop ls|cat|tar|read|deep|sock N DIR
 * ls: open DIR, getdents64 until empty, close; cat: open DIR/f, fstat,
 * read until EOF, close; tar: as cat plus a write of each block to
 * /dev/null; read: N one-byte reads of DIR/f; deep: N one-byte reads of a
 * file 20 directories below DIR (a path of about 200 bytes); sock: N
 * one-byte writes into one end of a UNIX stream socket pair, each read
 * back from the other end (-y names them socket:[INODE]).
 * With FDPATH_LOOP_CPU=FILE, writes to FILE the CPU time (ns) the loop took
 * in this process (its system time holds the BPF programs) and in its
 * parent (renacer, decoding and printing), the setup left out.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>

static char buf[32768];

static void xfail(const char *what)
{
	perror(what);
	exit(1);
}

static void cat_once(const char *path, int out)
{
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0)
		xfail(path);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (out >= 0 && write(out, buf, n) != n)
			xfail("write");
	close(fd);
}

static void ls_once(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		xfail(dir);
	while (syscall(SYS_getdents64, fd, buf, sizeof(buf)) > 0)
		;
	close(fd);
}

/* DIR/f, or DIR/ddd.../f 20 levels down for deep */
static void make_file(const char *dir, int levels, char *path, size_t len)
{
	int i;

	snprintf(path, len, "%s", dir);
	for (i = 0; i < levels; i++) {
		strncat(path, "/dddddddd", len - strlen(path) - 1);
		mkdir(path, 0755);
	}
	strncat(path, "/f", len - strlen(path) - 1);
	cat_once("/etc/passwd", -1);
	i = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (i < 0 || write(i, "hello, world\n", 13) != 13)
		xfail(path);
	close(i);
}

static long long self_cpu_ns(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
}

/* utime + stime of the parent, from /proc (clock ticks) */
static long long parent_cpu_ns(void)
{
	char path[64], line[1024], *p;
	unsigned long long ut = 0, st = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)getppid());
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (!fgets(line, sizeof(line), f))
		line[0] = 0;
	fclose(f);
	p = strrchr(line, ')');
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut,
			 &st) != 2)
		return 0;
	return (long long)(ut + st) * (1000000000LL / sysconf(_SC_CLK_TCK));
}

int main(int argc, char **argv)
{
	const char *cpu_out = getenv("FDPATH_LOOP_CPU");
	long long s0, p0;
	FILE *f;
	char path[4096];
	long n, i;
	int fd, out;
	char c;

	if (argc != 4)
		return fprintf(stderr, "usage: fdpath_loop ls|cat|tar|read|deep|sock N DIR\n"), 2;
	n = atol(argv[2]);
	make_file(argv[3], !strcmp(argv[1], "deep") ? 20 : 0, path, sizeof(path));
	out = open("/dev/null", O_WRONLY);
	s0 = self_cpu_ns();
	p0 = parent_cpu_ns();
	for (i = 0; i < n; i++) {
		if (!strcmp(argv[1], "ls"))
			ls_once(argv[3]);
		else if (!strcmp(argv[1], "cat"))
			cat_once(path, -1);
		else if (!strcmp(argv[1], "tar"))
			cat_once(path, out);
		else
			break;
	}
	if (!strcmp(argv[1], "read") || !strcmp(argv[1], "deep")) {
		fd = open(path, O_RDONLY);
		for (i = 0; i < n; i++)
			if (pread(fd, &c, 1, 0) != 1)
				xfail("pread");
	}
	if (!strcmp(argv[1], "sock")) {
		int sv[2];

		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
			xfail("socketpair");
		for (i = 0; i < n; i++)
			if (write(sv[0], "x", 1) != 1 || read(sv[1], &c, 1) != 1)
				xfail("socket write/read");
	}
	if (cpu_out) {
		s0 = self_cpu_ns() - s0;
		/* let the tracer drain what the loop left in its buffer */
		nanosleep(&(struct timespec){ .tv_nsec = 300 * 1000000 }, NULL);
		f = fopen(cpu_out, "w");
		if (f) {
			fprintf(f, "%lld %lld\n", s0, parent_cpu_ns() - p0);
			fclose(f);
		}
	}
	return 0;
}
