// SPDX-License-Identifier: MIT
/*
 * The x86_64 syscall table and the per-syscall capture descriptors.
 *
 * Names, argument counts and classes come from scripts/syscalls.tbl through
 * scripts/gen-syscalls.py (syscalls/syscalls_tbl.h, committed). The capture
 * descriptors below are written by hand: they say which argument points at
 * memory the decoders will want, so the eBPF backend can copy it in the kernel
 * and the ptrace backend can copy what would be gone by syscall exit.
 */
#include "syscalls.h"

#include <asm/unistd_64.h>
#include <string.h>

#include "syscalls_tbl.h"

#define NTBL (sizeof(syscall_tbl) / sizeof(syscall_tbl[0]))
#define NBYNAME (sizeof(syscall_by_name) / sizeof(syscall_by_name[0]))

_Static_assert(NTBL <= RN_NR_MAX, "syscall numbers fit RN_NR_MAX");

const struct rn_syscall_info *rn_syscall(long nr)
{
	if (nr < 0 || (unsigned long)nr >= NTBL || !syscall_tbl[nr].name)
		return NULL;
	return &syscall_tbl[nr];
}

long rn_syscall_by_name(const char *name)
{
	size_t lo = 0, hi = NBYNAME;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, syscall_tbl[syscall_by_name[mid]].name);

		if (!c)
			return syscall_by_name[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Sizes of the x86_64 kernel structures copied (checked in test_syscalls). */
#define SZ_STAT		144	/* struct stat */
#define SZ_STATX	256	/* struct statx */
#define SZ_STATFS	120	/* struct statfs */
#define SZ_TIMESPEC	16	/* struct __kernel_timespec, also timeval */
#define SZ_ITIMERVAL	32	/* struct itimerval / itimerspec */
#define SZ_UTSNAME	390	/* struct new_utsname */
#define SZ_RLIMIT	16	/* struct rlimit64 */
#define SZ_KSIGACTION	32	/* kernel struct sigaction: handler, flags, restorer, mask */
#define SZ_SIGSET	8	/* kernel sigset_t */
#define SZ_SIGINFO	128	/* siginfo_t */
#define SZ_RUSAGE	144	/* struct rusage */
#define SZ_POLLFD	8	/* struct pollfd */
#define SZ_EPOLL_EVENT	12	/* struct epoll_event, packed on x86_64 */
#define SZ_FDSET	128	/* fd_set for FD_SETSIZE 1024 */
#define SZ_MSGHDR	56	/* struct msghdr */
#define SZ_IOVEC	16	/* struct iovec */
#define SZ_OPEN_HOW	24	/* struct open_how */
#define SZ_CLONE_ARGS	88	/* struct clone_args, version 2 */
#define SZ_RSEQ		32	/* struct rseq, the part strace shows */
#define SZ_STACK	24	/* stack_t */
#define SZ_SYSINFO	112	/* struct sysinfo */
#define SZ_TMS		32	/* struct tms */
#define SZ_UC_SIGMASK_END 304	/* struct ucontext through uc_sigmask */

#define STR		{ .kind = RN_CAP_STR }
#define BUF_ARG(n)	{ .kind = RN_CAP_BUF_ARG, .len_arg = (n) }
#define BUF_RET		{ .kind = RN_CAP_BUF_RET, .at_exit = 1 }
#define IN(sz)		{ .kind = RN_CAP_FIXED, .size = (sz) }
#define OUT(sz)		{ .kind = RN_CAP_FIXED, .at_exit = 1, .size = (sz) }
#define SA_ARG(n)	{ .kind = RN_CAP_SOCKADDR_ARG, .len_arg = (n) }
#define SA_PTR(n)	{ .kind = RN_CAP_SOCKADDR_PTR, .at_exit = 1, .len_arg = (n) }
#define ARGV		{ .kind = RN_CAP_ARGV }
#define ARRAY(sz, n)	{ .kind = RN_CAP_FIXED_ARGN, .size = (sz), .len_arg = (n) }
#define ARRAY_OUT(sz, n) { .kind = RN_CAP_FIXED_ARGN, .at_exit = 1, .size = (sz), .len_arg = (n) }
#define CAP(...)	{ .arg = { __VA_ARGS__ } }

static const struct rn_cap_desc cap_tbl[RN_NR_MAX] = {
	/* I/O: buffers written at entry, read at exit */
	[__NR_read] = CAP([1] = BUF_RET),
	[__NR_write] = CAP([1] = BUF_ARG(2)),
	[__NR_pread64] = CAP([1] = BUF_RET),
	[__NR_pwrite64] = CAP([1] = BUF_ARG(2)),
	[__NR_readv] = CAP([1] = ARRAY(SZ_IOVEC, 2)),
	[__NR_writev] = CAP([1] = ARRAY(SZ_IOVEC, 2)),
	[__NR_preadv] = CAP([1] = ARRAY(SZ_IOVEC, 2)),
	[__NR_pwritev] = CAP([1] = ARRAY(SZ_IOVEC, 2)),
	[__NR_preadv2] = CAP([1] = ARRAY(SZ_IOVEC, 2)),
	[__NR_pwritev2] = CAP([1] = ARRAY(SZ_IOVEC, 2)),
	[__NR_getrandom] = CAP([0] = BUF_RET),
	[__NR_getdents64] = CAP([1] = BUF_RET),
	[__NR_getdents] = CAP([1] = BUF_RET),
	[__NR_getcwd] = CAP([0] = BUF_RET),

	/* opening and path names */
	[__NR_open] = CAP([0] = STR),
	[__NR_creat] = CAP([0] = STR),
	[__NR_openat] = CAP([1] = STR),
	[__NR_openat2] = CAP([1] = STR, [2] = IN(SZ_OPEN_HOW)),
	[__NR_access] = CAP([0] = STR),
	[__NR_faccessat] = CAP([1] = STR),
	[__NR_faccessat2] = CAP([1] = STR),
	[__NR_truncate] = CAP([0] = STR),
	[__NR_chdir] = CAP([0] = STR),
	[__NR_chroot] = CAP([0] = STR),
	[__NR_rename] = CAP([0] = STR, [1] = STR),
	[__NR_renameat] = CAP([1] = STR, [3] = STR),
	[__NR_renameat2] = CAP([1] = STR, [3] = STR),
	[__NR_mkdir] = CAP([0] = STR),
	[__NR_mkdirat] = CAP([1] = STR),
	[__NR_rmdir] = CAP([0] = STR),
	[__NR_link] = CAP([0] = STR, [1] = STR),
	[__NR_linkat] = CAP([1] = STR, [3] = STR),
	[__NR_unlink] = CAP([0] = STR),
	[__NR_unlinkat] = CAP([1] = STR),
	[__NR_symlink] = CAP([0] = STR, [1] = STR),
	[__NR_symlinkat] = CAP([0] = STR, [2] = STR),
	[__NR_readlink] = CAP([0] = STR, [1] = BUF_RET),
	[__NR_readlinkat] = CAP([1] = STR, [2] = BUF_RET),
	[__NR_chmod] = CAP([0] = STR),
	[__NR_fchmodat] = CAP([1] = STR),
	[452] = CAP([1] = STR),			/* fchmodat2 */
	[__NR_chown] = CAP([0] = STR),
	[__NR_lchown] = CAP([0] = STR),
	[__NR_fchownat] = CAP([1] = STR),
	[__NR_utime] = CAP([0] = STR),
	[__NR_utimes] = CAP([0] = STR),
	[__NR_futimesat] = CAP([1] = STR),
	[__NR_utimensat] = CAP([1] = STR, [2] = IN(2 * SZ_TIMESPEC)),
	[__NR_mknod] = CAP([0] = STR),
	[__NR_mknodat] = CAP([1] = STR),
	[__NR_uselib] = CAP([0] = STR),
	[__NR_pivot_root] = CAP([0] = STR, [1] = STR),
	[__NR_acct] = CAP([0] = STR),
	[__NR_mount] = CAP([0] = STR, [1] = STR, [2] = STR),
	[__NR_umount2] = CAP([0] = STR),
	[__NR_swapon] = CAP([0] = STR),
	[__NR_swapoff] = CAP([0] = STR),
	[__NR_inotify_add_watch] = CAP([1] = STR),
	[__NR_fanotify_mark] = CAP([4] = STR),
	[__NR_name_to_handle_at] = CAP([1] = STR),
	[__NR_memfd_create] = CAP([0] = STR),
	[__NR_mq_open] = CAP([0] = STR),
	[__NR_mq_unlink] = CAP([0] = STR),
	[__NR_open_tree] = CAP([1] = STR),
	[__NR_move_mount] = CAP([1] = STR, [3] = STR),
	[__NR_fsopen] = CAP([0] = STR),
	[__NR_fspick] = CAP([1] = STR),
	[__NR_mount_setattr] = CAP([1] = STR),
	[__NR_delete_module] = CAP([0] = STR),
	[__NR_init_module] = CAP([2] = STR),
	[__NR_finit_module] = CAP([1] = STR),
	[__NR_sethostname] = CAP([0] = BUF_ARG(1)),
	[__NR_setdomainname] = CAP([0] = BUF_ARG(1)),
	[__NR_setxattr] = CAP([0] = STR, [1] = STR, [2] = BUF_ARG(3)),
	[__NR_lsetxattr] = CAP([0] = STR, [1] = STR, [2] = BUF_ARG(3)),
	[__NR_fsetxattr] = CAP([1] = STR, [2] = BUF_ARG(3)),
	[__NR_getxattr] = CAP([0] = STR, [1] = STR, [2] = BUF_RET),
	[__NR_lgetxattr] = CAP([0] = STR, [1] = STR, [2] = BUF_RET),
	[__NR_fgetxattr] = CAP([1] = STR, [2] = BUF_RET),
	[__NR_listxattr] = CAP([0] = STR, [1] = BUF_RET),
	[__NR_llistxattr] = CAP([0] = STR, [1] = BUF_RET),
	[__NR_flistxattr] = CAP([1] = BUF_RET),
	[__NR_removexattr] = CAP([0] = STR, [1] = STR),
	[__NR_lremovexattr] = CAP([0] = STR, [1] = STR),
	[__NR_fremovexattr] = CAP([1] = STR),
	[463] = CAP([1] = STR, [3] = STR),	/* setxattrat */
	[464] = CAP([1] = STR, [3] = STR),	/* getxattrat */
	[465] = CAP([1] = STR),			/* listxattrat */
	[466] = CAP([1] = STR, [3] = STR),	/* removexattrat */
	[467] = CAP([1] = STR),			/* open_tree_attr */
	[468] = CAP([1] = STR),			/* file_getattr */
	[469] = CAP([1] = STR),			/* file_setattr */

	/* the stat family */
	[__NR_stat] = CAP([0] = STR, [1] = OUT(SZ_STAT)),
	[__NR_lstat] = CAP([0] = STR, [1] = OUT(SZ_STAT)),
	[__NR_fstat] = CAP([1] = OUT(SZ_STAT)),
	[__NR_newfstatat] = CAP([1] = STR, [2] = OUT(SZ_STAT)),
	[__NR_statx] = CAP([1] = STR, [4] = OUT(SZ_STATX)),
	[__NR_statfs] = CAP([0] = STR, [1] = OUT(SZ_STATFS)),
	[__NR_fstatfs] = CAP([1] = OUT(SZ_STATFS)),

	/* processes */
	[__NR_execve] = CAP([0] = STR, [1] = ARGV, [2] = ARGV),
	[__NR_execveat] = CAP([1] = STR, [2] = ARGV, [3] = ARGV),
	[__NR_clone3] = CAP([0] = IN(SZ_CLONE_ARGS)),
	[__NR_wait4] = CAP([1] = OUT(4), [3] = OUT(SZ_RUSAGE)),
	[__NR_waitid] = CAP([2] = OUT(SZ_SIGINFO), [4] = OUT(SZ_RUSAGE)),
	[__NR_getrusage] = CAP([1] = OUT(SZ_RUSAGE)),
	[__NR_prlimit64] = CAP([2] = IN(SZ_RLIMIT), [3] = OUT(SZ_RLIMIT)),
	[__NR_getrlimit] = CAP([1] = OUT(SZ_RLIMIT)),
	[__NR_setrlimit] = CAP([1] = IN(SZ_RLIMIT)),
	[__NR_uname] = CAP([0] = OUT(SZ_UTSNAME)),
	[__NR_sysinfo] = CAP([0] = OUT(SZ_SYSINFO)),
	[__NR_times] = CAP([0] = OUT(SZ_TMS)),
	[__NR_rseq] = CAP([0] = IN(SZ_RSEQ)),
	[__NR_set_robust_list] = CAP(),
	[__NR_arch_prctl] = CAP(),
	/* PR_SET_NAME's name; for other options the capture simply faults */
	[__NR_prctl] = CAP([1] = STR),

	/* signals */
	[__NR_rt_sigaction] = CAP([1] = IN(SZ_KSIGACTION), [2] = OUT(SZ_KSIGACTION)),
	[__NR_rt_sigprocmask] = CAP([1] = IN(SZ_SIGSET), [2] = OUT(SZ_SIGSET)),
	[__NR_rt_sigpending] = CAP([0] = OUT(SZ_SIGSET)),
	[__NR_rt_sigsuspend] = CAP([0] = IN(SZ_SIGSET)),
	[__NR_rt_sigtimedwait] = CAP([0] = IN(SZ_SIGSET), [1] = OUT(SZ_SIGINFO),
				     [2] = IN(SZ_TIMESPEC)),
	[__NR_rt_sigqueueinfo] = CAP([2] = IN(SZ_SIGINFO)),
	[__NR_rt_tgsigqueueinfo] = CAP([3] = IN(SZ_SIGINFO)),
	[__NR_sigaltstack] = CAP([0] = IN(SZ_STACK), [1] = OUT(SZ_STACK)),
	/* with RN_F_SP_ARG0: the frame's ucontext up to and with uc_sigmask */
	[__NR_rt_sigreturn] = CAP([0] = IN(SZ_UC_SIGMASK_END)),
	[__NR_signalfd4] = CAP([1] = IN(SZ_SIGSET)),
	[__NR_signalfd] = CAP([1] = IN(SZ_SIGSET)),

	/* descriptors */
	[__NR_pipe] = CAP([0] = OUT(8)),
	[__NR_pipe2] = CAP([0] = OUT(8)),
	[__NR_socketpair] = CAP([3] = OUT(8)),
	[__NR_poll] = CAP([0] = ARRAY_OUT(SZ_POLLFD, 1)),
	[__NR_ppoll] = CAP([0] = ARRAY_OUT(SZ_POLLFD, 1), [2] = IN(SZ_TIMESPEC),
			   [3] = IN(SZ_SIGSET)),
	[__NR_select] = CAP([1] = IN(SZ_FDSET), [2] = IN(SZ_FDSET), [3] = IN(SZ_FDSET),
			    [4] = IN(SZ_TIMESPEC)),
	[__NR_pselect6] = CAP([1] = IN(SZ_FDSET), [2] = IN(SZ_FDSET), [3] = IN(SZ_FDSET),
			      [4] = IN(SZ_TIMESPEC)),
	[__NR_epoll_ctl] = CAP([3] = IN(SZ_EPOLL_EVENT)),
	[__NR_epoll_wait] = CAP([1] = ARRAY_OUT(SZ_EPOLL_EVENT, 2)),
	[__NR_epoll_pwait] = CAP([1] = ARRAY_OUT(SZ_EPOLL_EVENT, 2), [4] = IN(SZ_SIGSET)),
	[__NR_epoll_pwait2] = CAP([1] = ARRAY_OUT(SZ_EPOLL_EVENT, 2), [3] = IN(SZ_TIMESPEC),
				  [4] = IN(SZ_SIGSET)),

	/* network */
	[__NR_connect] = CAP([1] = SA_ARG(2)),
	[__NR_bind] = CAP([1] = SA_ARG(2)),
	[__NR_accept] = CAP([1] = SA_PTR(2), [2] = IN(4)),
	[__NR_accept4] = CAP([1] = SA_PTR(2), [2] = IN(4)),
	[__NR_getsockname] = CAP([1] = SA_PTR(2), [2] = IN(4)),
	[__NR_getpeername] = CAP([1] = SA_PTR(2), [2] = IN(4)),
	[__NR_sendto] = CAP([1] = BUF_ARG(2), [4] = SA_ARG(5)),
	[__NR_recvfrom] = CAP([1] = BUF_RET, [4] = SA_PTR(5), [5] = IN(4)),
	[__NR_sendmsg] = CAP([1] = IN(SZ_MSGHDR)),
	[__NR_recvmsg] = CAP([1] = IN(SZ_MSGHDR)),
	[__NR_setsockopt] = CAP([3] = BUF_ARG(4)),
	[__NR_getsockopt] = CAP([3] = SA_PTR(4), [4] = IN(4)),

	/* time */
	[__NR_nanosleep] = CAP([0] = IN(SZ_TIMESPEC), [1] = OUT(SZ_TIMESPEC)),
	[__NR_clock_nanosleep] = CAP([2] = IN(SZ_TIMESPEC), [3] = OUT(SZ_TIMESPEC)),
	[__NR_clock_gettime] = CAP([1] = OUT(SZ_TIMESPEC)),
	[__NR_clock_getres] = CAP([1] = OUT(SZ_TIMESPEC)),
	[__NR_clock_settime] = CAP([1] = IN(SZ_TIMESPEC)),
	[__NR_gettimeofday] = CAP([0] = OUT(SZ_TIMESPEC)),
	[__NR_settimeofday] = CAP([0] = IN(SZ_TIMESPEC)),
	[__NR_time] = CAP([0] = OUT(8)),
	[__NR_getitimer] = CAP([1] = OUT(SZ_ITIMERVAL)),
	[__NR_setitimer] = CAP([1] = IN(SZ_ITIMERVAL), [2] = OUT(SZ_ITIMERVAL)),
	[__NR_timerfd_settime] = CAP([2] = IN(SZ_ITIMERVAL), [3] = OUT(SZ_ITIMERVAL)),
	[__NR_timerfd_gettime] = CAP([1] = OUT(SZ_ITIMERVAL)),
	[__NR_futex] = CAP([3] = IN(SZ_TIMESPEC)),
};

const struct rn_cap_desc *rn_syscall_capture(long nr)
{
	static const struct rn_cap_desc none;

	if (nr < 0 || nr >= RN_NR_MAX)
		return &none;
	return &cap_tbl[nr];
}
