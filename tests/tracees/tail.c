// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_tail.sh: the long tail of system calls whose
 * decoding renacer checks line by line against strace: POSIX timers and
 * their sigevent, timerfd times, NUMA memory policies, epoll_ctl's DEL,
 * times, rt_sigtimedwait and the sigqueueinfo calls, the utime family,
 * mount/swapon/mq_open failures, sethostname in a new UTS namespace,
 * preadv2/pwritev2, name_to_handle_at, the old getdents. Run as root (the
 * namespace); each call's result does not matter, only its line.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <linux/mempolicy.h>

static void timers(void)
{
	struct sigevent sev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
	struct itimerspec its = { .it_interval = { 0, 500000000 }, .it_value = { 1, 0 } }, old;
	int tid = -1, tid2 = -1;

	sev.sigev_value.sival_ptr = (void *)0x1234;
	syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid);
	syscall(SYS_timer_create, CLOCK_REALTIME, NULL, &tid2);
	sev.sigev_notify = SIGEV_NONE;
	syscall(SYS_timer_create, CLOCK_BOOTTIME, &sev, &tid2);
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev._sigev_un._tid = (int)syscall(SYS_gettid);
	syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid2);
	syscall(SYS_timer_settime, tid, 0, &its, NULL);
	syscall(SYS_timer_settime, tid, TIMER_ABSTIME, &its, &old);
	syscall(SYS_timer_gettime, tid, &old);
	syscall(SYS_timer_getoverrun, tid);
	syscall(SYS_timer_delete, tid);
	syscall(SYS_timer_delete, 12345);
}

static void timerfds(void)
{
	struct itimerspec its = { .it_interval = { 2, 0 }, .it_value = { 3, 5 } }, old;
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);

	timerfd_settime(fd, 0, &its, NULL);
	timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, &old);
	timerfd_gettime(fd, &old);
	close(fd);
}

static void numa(void)
{
	unsigned long mask[2] = { 1, 0 }, got[2] = { 0 };
	int mode = -1;
	void *p = malloc(8192);

	syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, got, 128, NULL, 0);
	syscall(SYS_get_mempolicy, NULL, NULL, 0, p, MPOL_F_ADDR);
	syscall(SYS_set_mempolicy, MPOL_PREFERRED, mask, 64);
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	syscall(SYS_mbind, (unsigned long)p & ~4095ul, 4096, MPOL_BIND, mask, 64, MPOL_MF_STRICT);
	free(p);
}

static void epolls(void)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 7 };
	int ep = epoll_create1(EPOLL_CLOEXEC), fds[2];

	if (pipe(fds))
		return;
	epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
	epoll_ctl(ep, EPOLL_CTL_DEL, fds[0], &ev);
	epoll_ctl(ep, EPOLL_CTL_DEL, fds[1], NULL);
	close(fds[0]);
	close(fds[1]);
	close(ep);
}

static void signals(void)
{
	sigset_t set;
	siginfo_t si;
	struct timespec ts = { 0, 1000 };

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR2;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = 42;
	syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR2, &si);
	syscall(SYS_rt_sigtimedwait, &set, &si, NULL, 8);
	si.si_code = SI_QUEUE;
	syscall(SYS_rt_tgsigqueueinfo, getpid(), (int)syscall(SYS_gettid), SIGUSR2, &si);
	syscall(SYS_rt_sigtimedwait, &set, NULL, &ts, 8);
	/* si_signo 0 prints as {}; a zero si_value is not shown */
	memset(&si, 0, sizeof(si));
	si.si_code = -60;
	syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR2, &si);
	syscall(SYS_rt_sigtimedwait, &set, &si, NULL, 8);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR2;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR2, &si);
	syscall(SYS_rt_sigtimedwait, &set, &si, NULL, 8);
	/* strace 6.1 has no rseq decoder: every argument in hex */
	syscall(SYS_rseq, NULL, 0x20, 1, 0);
}

static void files(void)
{
	struct utimbuf ub = { 100, 200 };
	struct timeval tv[2] = { { 1, 2 }, { 3, 4 } };
	struct tms t;
	char a[8] = "abc", b[8];
	struct iovec iov[2] = { { a, 3 }, { b, 4 } };
	int fd = open("/tmp", O_RDONLY | O_DIRECTORY);
	int mq;
	char dents[512];

	times(&t);
	syscall(SYS_utime, "/nonexistent/x", &ub);
	syscall(SYS_utime, "/nonexistent/x", NULL);
	syscall(SYS_utimes, "/nonexistent/x", tv);
	syscall(SYS_futimesat, AT_FDCWD, "/nonexistent/x", tv);
	syscall(SYS_futimesat, fd, "nonexistent/x", NULL);
	syscall(SYS_getdents, fd, dents, 0);
	syscall(SYS_getdents, -1, dents, sizeof(dents));
	close(fd);
	syscall(SYS_mount, "none", "/nonexistent/x", "tmpfs", MS_NOSUID | MS_RDONLY, "size=1m");
	syscall(SYS_swapon, "/nonexistent/x", 0);
	mq = (int)syscall(SYS_mq_open, "rn-nonexistent", O_RDONLY, 0, NULL);
	(void)mq;
	tv[0].tv_usec = 2000000;
	syscall(SYS_settimeofday, &tv[0], NULL);
	fd = open("/dev/null", O_RDWR);
	syscall(SYS_pwritev2, fd, iov, 1, -1, 0, 0);
	syscall(SYS_preadv2, fd, &iov[1], 1, 0, 0, RWF_NOWAIT);
	close(fd);
	if (unshare(CLONE_NEWUTS) == 0) {
		syscall(SYS_sethostname, "renacer-test", 12);
		syscall(SYS_setdomainname, "example", 7);
	}
}

int main(void)
{
	signal(SIGUSR1, SIG_IGN);
	timers();
	timerfds();
	numa();
	epolls();
	signals();
	files();
	return 0;
}
