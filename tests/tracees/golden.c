// SPDX-License-Identifier: MIT
/*
 * Golden lines, strace's own test method: each call is made, then the exact
 * line a tracer must print for it is recorded. At the end every expected line
 * is written to fd 100 with ONE write (which the test drops), so the
 * expectations do not disturb the trace.
 *
 *   golden EXPECTFILE
 *
 * Calls go through syscall(2) so that libc choices (open vs openat, ...) do
 * not change the trace.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static char expect[16384];
static size_t used;

static void want(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	used += (size_t)vsnprintf(expect + used, sizeof(expect) - used, fmt, ap);
	va_end(ap);
	expect[used++] = '\n';
}

static void files(void)
{
	long fd, r;
	int p[2];

	fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR | O_CLOEXEC);
	want("openat(AT_FDCWD, \"/dev/null\", O_RDWR|O_CLOEXEC) = %ld", fd);
	r = syscall(SYS_write, fd, "hello\n\t\"x\"\033", 11);
	want("write(%ld, \"hello\\n\\t\\\"x\\\"\\33\", 11) = %ld", fd, r);
	r = syscall(SYS_read, fd, expect + sizeof(expect) - 64, 16);
	want("read(%ld, \"\", 16) = %ld", fd, r);
	r = syscall(SYS_lseek, fd, 0, SEEK_END);
	want("lseek(%ld, 0, SEEK_END) = %ld", fd, r);
	r = syscall(SYS_fcntl, fd, F_GETFD);
	want("fcntl(%ld, F_GETFD) = %#lx (flags FD_CLOEXEC)", fd, r);
	r = syscall(SYS_dup2, fd, 42);
	want("dup2(%ld, 42) = %ld", fd, r);
	r = syscall(SYS_close, 42);
	want("close(42) = %ld", r);
	r = syscall(SYS_close, fd);
	want("close(%ld) = %ld", fd, r);
	r = syscall(SYS_openat, AT_FDCWD, "/nonexistent/golden", O_RDONLY);
	want("openat(AT_FDCWD, \"/nonexistent/golden\", O_RDONLY) = %ld ENOENT "
	     "(No such file or directory)", r);
	r = syscall(SYS_access, "/etc/passwd", R_OK | W_OK);
	want("access(\"/etc/passwd\", R_OK|W_OK) = %ld", r);
	r = syscall(SYS_unlink, "/nonexistent/golden");
	want("unlink(\"/nonexistent/golden\") = %ld ENOENT (No such file or directory)", r);
	r = syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK);
	want("pipe2([%d, %d], O_NONBLOCK|O_CLOEXEC) = %ld", p[0], p[1], r);
	r = syscall(SYS_read, p[0], expect + sizeof(expect) - 64, 8);
	want("read(%d, %#lx, 8) = %ld EAGAIN (Resource temporarily unavailable)", p[0],
	     (unsigned long)(expect + sizeof(expect) - 64), r);
	r = syscall(SYS_chdir, "/");
	want("chdir(\"/\") = %ld", r);
}

static void sockets(void)
{
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(1) };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	long s, r;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = syscall(SYS_socket, AF_INET, SOCK_STREAM, IPPROTO_IP);
	want("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = %ld", s);
	r = syscall(SYS_connect, s, &in, sizeof(in));
	want("connect(%ld, {sa_family=AF_INET, sin_port=htons(1), sin_addr=inet_addr(\"127.0.0.1\")}, "
	     "16) = %ld ECONNREFUSED (Connection refused)", s, r);
	syscall(SYS_close, s);
	want("close(%ld) = 0", s);
	s = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	want("socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0) = %ld", s);
	strcpy(un.sun_path, "/nonexistent/sock");
	r = syscall(SYS_connect, s, &un, sizeof(un));
	want("connect(%ld, {sa_family=AF_UNIX, sun_path=\"/nonexistent/sock\"}, 110) = %ld ENOENT "
	     "(No such file or directory)", s, r);
}

static void process(void)
{
	struct timespec ts = { .tv_sec = 0, .tv_nsec = 1000 };
	sigset_t set;
	long r;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	r = syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	want("rt_sigprocmask(SIG_BLOCK, [USR1], NULL, 8) = %ld", r);
	r = syscall(SYS_kill, getpid(), 0);
	want("kill(%d, 0) = %ld", getpid(), r);
	r = syscall(SYS_nanosleep, &ts, NULL);
	want("nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = %ld", r);
	r = syscall(SYS_prctl, PR_SET_NAME, "golden", 0, 0, 0);
	want("prctl(PR_SET_NAME, \"golden\") = %ld", r);
	r = syscall(SYS_getppid);
	want("getppid() = %ld", r);
}

int main(int argc, char **argv)
{
	int out;

	if (argc != 2)
		return 2;
	out = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out < 0 || dup2(out, 100) < 0)
		return 1;
	close(out);
	files();
	sockets();
	process();
	return write(100, expect, used) == (ssize_t)used ? 0 : 1;
}
