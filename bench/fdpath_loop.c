// SPDX-License-Identifier: MIT
/*
 * Workloads for bench/fdpath_bench.sh: loops of the calls ls, cat and tar
 * make, on files under DIR, so that -y has a path to resolve for almost
 * every call.
 *   fdpath_loop ls|cat|tar|read|deep N DIR
 * ls: open DIR, getdents64 until empty, close; cat: open DIR/f, fstat,
 * read until EOF, close; tar: as cat plus a write of each block to
 * /dev/null; read: N one-byte reads of DIR/f; deep: N one-byte reads of a
 * file 20 directories below DIR (a path of about 200 bytes).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

int main(int argc, char **argv)
{
	char path[4096];
	long n, i;
	int fd, out;
	char c;

	if (argc != 4)
		return fprintf(stderr, "usage: fdpath_loop ls|cat|tar|read|deep N DIR\n"), 2;
	n = atol(argv[2]);
	make_file(argv[3], !strcmp(argv[1], "deep") ? 20 : 0, path, sizeof(path));
	out = open("/dev/null", O_WRONLY);
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
	return 0;
}
