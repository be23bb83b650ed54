// SPDX-License-Identifier: MIT
/*
 * One descriptor of each kind -y names, each used by a read, write or fstat
 * and then closed, for t_ebpf_fdpaths.sh (eBPF -y against ptrace -y):
 *   fdkinds DIR [MNTDIR]
 * a regular file, a directory, a file DIR/deep/... whose path is longer
 * than the eBPF backend's cap (511 bytes), a file deleted while open, a
 * pipe, a socket pair, a TCP connection over loopback, an eventfd, a memfd, a dup2 and fcntl copy, the cwd
 * after fchdir, and a file under MNTDIR (a tmpfs the test mounted).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static void touch(int fd)
{
	struct stat st;
	char c = 'x';

	if (write(fd, &c, 1) < 0 || fstat(fd, &st) < 0)
		perror("touch");
}

/* DIR/deep/<12 levels of 48-byte names>/f: about 600 bytes */
static int deep_file(const char *dir)
{
	char name[49];
	int d, n, i;

	memset(name, 'd', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	d = open(dir, O_RDONLY | O_DIRECTORY);
	for (i = 0; i < 12 && d >= 0; i++) {
		mkdirat(d, name, 0755);
		n = openat(d, name, O_RDONLY | O_DIRECTORY);
		close(d);
		d = n;
	}
	if (d < 0)
		return -1;
	n = openat(d, "f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	close(d);
	return n;
}

/* listen on 127.0.0.1, connect to it, accept */
static void tcp(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int l, c, s;

	l = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 1) < 0 ||
	    getsockname(l, (struct sockaddr *)&a, &len) < 0)
		return;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&a, sizeof(a)) == 0) {
		s = accept(l, NULL, NULL);
		touch(c);
		close(s);
	}
	close(c);
	close(l);
}

int main(int argc, char **argv)
{
	char path[4096], buf[8];
	int fd, p[2], sv[2];
	__uint64_t one = 1;

	if (argc < 2) {
		fprintf(stderr, "usage: fdkinds DIR [MNTDIR]\n");
		return 2;
	}
	fd = open("/etc/hostname", O_RDONLY);
	if (read(fd, buf, 1) < 0)
		perror("read");
	close(fd);

	fd = open(argv[1], O_RDONLY | O_DIRECTORY);
	if (fchdir(fd) < 0)
		perror("fchdir");
	close(fd);
	fd = openat(AT_FDCWD, "plain", O_RDWR | O_CREAT | O_TRUNC, 0644);
	touch(fd);
	if (dup2(fd, 10) < 0 || fcntl(fd, F_DUPFD, 20) < 0)
		perror("dup");
	close(10);
	close(20);
	close(fd);

	fd = deep_file(argv[1]);
	touch(fd);
	close(fd);

	snprintf(path, sizeof(path), "%s/gone", argv[1]);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	unlink(path);
	touch(fd);
	close(fd);

	if (pipe2(p, O_CLOEXEC) == 0) {
		touch(p[1]);
		if (read(p[0], buf, 1) < 0)
			perror("read");
		close(p[0]);
		close(p[1]);
	}
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0) {
		touch(sv[0]);
		close(sv[0]);
		close(sv[1]);
	}
	tcp();
	fd = eventfd(0, 0);
	if (write(fd, &one, sizeof(one)) < 0)
		perror("eventfd");
	close(fd);
	fd = memfd_create("rn-memfd", 0);
	touch(fd);
	close(fd);

	if (argc > 2) {
		snprintf(path, sizeof(path), "%s/onmount", argv[2]);
		fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
		touch(fd);
		close(fd);
	}
	return 0;
}
