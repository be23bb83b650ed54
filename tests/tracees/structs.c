// SPDX-License-Identifier: MIT
/*
 * Calls whose arguments point at structures, arrays and integers, each with
 * inputs that print the same on every run (no times of day, no pids), for
 * the -e verbose= and -e raw= tests: strace prints such a pointer as an
 * address for a call outside the verbose set, and every argument plus the
 * return value in hex for a call in the raw set.
 *
 * Calls go through syscall(2) so that libc choices do not change the trace.
 */
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_usr2(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN, .sa_flags = SA_RESTART };
	struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = "/nonexistent-renacer" };
	struct timespec ts = { .tv_sec = 0, .tv_nsec = 1000 }, zero = { 0, 0 };
	char b1[4] = "abc", b2[3] = "de";
	struct iovec iov[2] = { { b1, 3 }, { b2, 2 } };
	struct rlimit rl;
	struct stat st;
	struct pollfd pfd;
	sigset_t set;
	int fd, p[2], one = 1, s;
	long kset = 0;
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 7 };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET };
	struct sockaddr_un got;
	struct timeval tv = { 0, 0 };
	struct winsize ws;
	unsigned gl, sp[2];
	char rd[8], cwd[256];
	uid_t r, e, su;
	fd_set rfds;
	cpu_set_t cpus;
	socklen_t sl = sizeof(got);
	stack_t ss;
	int ep;

	fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, "/nonexistent-renacer", &st, 0);
	syscall(SYS_rt_sigaction, SIGUSR1, &sa, NULL, 8);
	syscall(SYS_rt_sigaction, SIGUSR1, NULL, &sa, 8);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &kset, 8);
	syscall(SYS_pipe2, p, O_CLOEXEC);
	syscall(SYS_writev, fd, iov, 2);
	syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl);
	syscall(SYS_getrlimit, RLIMIT_CORE, &rl);
	syscall(SYS_nanosleep, &ts, NULL);
	pfd = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	syscall(SYS_poll, &pfd, 1, 0);
	pfd.events = POLLPRI;
	syscall(SYS_poll, &pfd, 1, 0);		/* (Timeout) */
	s = (int)syscall(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	syscall(SYS_setsockopt, s, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	syscall(SYS_connect, s, &sun, sizeof(sun));
	syscall(SYS_close, s);
	syscall(SYS_write, p[1], "xy", 2);
	FD_ZERO(&rfds);
	FD_SET(p[0], &rfds);
	syscall(SYS_select, p[0] + 1, &rfds, NULL, NULL, &tv);
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	syscall(SYS_ppoll, &pfd, 1, &zero, NULL, 8);
	iov[0].iov_len = 1;
	iov[1].iov_len = 1;
	syscall(SYS_readv, p[0], iov, 2);
	ep = (int)syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
	syscall(SYS_epoll_wait, ep, &ev, 1, 0);
	syscall(SYS_close, ep);
	syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sp);
	syscall(SYS_sendmsg, sp[0], &mh, 0);
	syscall(SYS_recvmsg, sp[1], &mh, 0);
	syscall(SYS_getsockname, sp[0], &got, &sl);
	syscall(SYS_close, sp[0]);
	syscall(SYS_close, sp[1]);
	syscall(SYS_fcntl, fd, F_GETFD);
	syscall(SYS_fcntl, p[0], F_GETLK, &fl);
	syscall(SYS_ioctl, fd, TIOCGWINSZ, &ws);
	syscall(SYS_getresuid, &r, &e, &su);
	syscall(SYS_sched_getaffinity, 0, sizeof(cpus), &cpus);
	syscall(SYS_getgroups, 0, NULL);
	syscall(SYS_sigaltstack, NULL, &ss);
	syscall(SYS_wait4, -1, NULL, WNOHANG, NULL);
	syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	syscall(SYS_getcpu, &gl, NULL, NULL);
	syscall(SYS_getcwd, cwd, sizeof(cwd));
	syscall(SYS_read, fd, rd, sizeof(rd));
	s = (int)syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY | O_DIRECTORY);
	syscall(SYS_getdents64, s, cwd, sizeof(cwd));
	syscall(SYS_close, s);
	signal(SIGUSR2, on_usr2);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGUSR2);			/* rt_sigreturn({mask=...}) */
	syscall(SYS_close, p[0]);
	syscall(SYS_close, p[1]);
	syscall(SYS_close, fd);
	return 0;
}
