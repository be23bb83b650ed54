// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_fcntl_prctl.sh: every fcntl command and every prctl
 * option strace 6.1 decodes, each once with ordinary and once with odd
 * arguments (a NULL or unmapped pointer, an unknown value), so that their
 * lines can be compared with strace's. Calls go through syscall() with all
 * their arguments so no register is left to chance (glibc's prctl passes
 * whatever its varargs hold).
 *
 * Nothing here may stop the tracer or the tracee: the process stays
 * dumpable, rdtsc stays allowed (the vDSO clocks use it), syscall user
 * dispatch is switched on only with a selector that allows every call, PR_SET_MM
 * only gets values it refuses (PR_SET_MM_MAP_SIZE only reports a size),
 * and the seccomp filter (allow everything) comes last. Descriptor numbers
 * are never assumed: the runner may hold more descriptors than a shell does.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#define PR(o, a, b, c, d) \
	syscall(SYS_prctl, (long)(o), (long)(a), (long)(b), (long)(c), (long)(d))
#define FC(fd, cmd, arg)	syscall(SYS_fcntl, (long)(fd), (long)(cmd), (long)(arg))

#define BAD	((void *)1)	/* never mapped */
#define H	0x100000000L	/* a bit above 32: which values strace reads as int */
#ifndef F_CANCELLK
#define F_CANCELLK	1029
#endif

static struct flock lk;
static struct f_owner_ex own;
static int ival;
static unsigned long lval;
static char name[32];
static __u64 cookie;

static void set_lock(short type, short whence, off_t start, off_t len)
{
	lk.l_type = type;
	lk.l_whence = whence;
	lk.l_start = start;
	lk.l_len = len;
	lk.l_pid = 0;
}

static void fcntl_fd_flags(int fd)
{
	FC(fd, F_DUPFD, 0);
	FC(fd, F_DUPFD, -1);
	FC(fd, F_DUPFD_CLOEXEC, 100);
	FC(-1, F_DUPFD_CLOEXEC, 0);
	FC(fd, F_GETFD, 0);
	FC(fd, F_SETFD, FD_CLOEXEC);
	FC(fd, F_GETFD, 0);
	FC(fd, F_SETFD, 0x6);
	FC(fd, F_SETFD, FD_CLOEXEC | 2);
	FC(fd, F_SETFD, H | FD_CLOEXEC);
	FC(fd, F_SETFD, 0);
	FC(fd, F_GETFL, 0);
	FC(fd, F_SETFL, O_NONBLOCK | O_APPEND);
	FC(fd, F_GETFL, 0);
	FC(fd, F_SETFL, 0xffffffffUL);
	FC(fd, F_SETFL, O_ASYNC | O_DIRECT);
	FC(fd, F_SETFL, H | O_APPEND);
	FC(fd, F_SETFL, 0);
	FC(-1, F_GETFL, 0);
	FC(fd, F_DUPFD, H | 5);
	FC(H | fd, H | F_GETFD, 0);
}

static void fcntl_locks(int fd)
{
	set_lock(F_WRLCK, SEEK_SET, 0, 0);
	FC(fd, F_GETLK, &lk);
	set_lock(F_RDLCK, SEEK_CUR, 10, 100);
	FC(fd, F_SETLK, &lk);
	set_lock(F_UNLCK, SEEK_END, -5, 5);
	FC(fd, F_SETLKW, &lk);
	set_lock(99, 7, -1, -1);
	FC(fd, F_SETLK, &lk);
	FC(fd, F_GETLK, &lk);
	FC(fd, F_SETLKW, NULL);
	FC(fd, F_GETLK, BAD);
	set_lock(F_EXLCK, SEEK_DATA, 0, 1);
	FC(fd, F_SETLK, &lk);
	set_lock(-1, -1, 0, 1);
	FC(fd, F_SETLKW, &lk);
	set_lock(F_WRLCK, SEEK_SET, 0, 10);
	FC(fd, F_OFD_GETLK, &lk);
	FC(fd, F_OFD_SETLK, &lk);
	set_lock(F_UNLCK, SEEK_SET, 0, 10);
	FC(fd, F_OFD_SETLKW, &lk);
	lk.l_pid = 1;
	FC(fd, F_OFD_SETLK, &lk);
	FC(fd, F_OFD_GETLK, NULL);
	FC(fd, F_OFD_SETLKW, BAD);
	FC(fd, F_CANCELLK, 0);
	FC(fd, F_CANCELLK, 7);
}

static void fcntl_owner(int fd)
{
	FC(fd, F_GETOWN, 0);
	FC(fd, F_SETOWN, getpid());
	FC(fd, F_GETOWN, 0);
	FC(fd, F_SETOWN, -getpgrp());
	FC(fd, F_SETOWN, 0);
	FC(fd, F_GETOWN_EX, &own);
	own.type = F_OWNER_PGRP;
	own.pid = getpgrp();
	FC(fd, F_SETOWN_EX, &own);
	FC(fd, F_GETOWN_EX, &own);
	own.type = 99;
	FC(fd, F_SETOWN_EX, &own);
	FC(fd, F_GETOWN_EX, NULL);
	FC(fd, F_SETOWN_EX, BAD);
	FC(fd, F_GETSIG, 0);
	FC(fd, F_SETSIG, SIGIO);
	FC(fd, F_GETSIG, 0);
	FC(fd, F_SETSIG, SIGRTMIN + 2);
	FC(fd, F_GETSIG, 0);
	FC(fd, F_SETSIG, 99);
	FC(fd, F_SETSIG, 64);
	FC(fd, F_SETSIG, -1);
	FC(fd, F_SETSIG, H | SIGHUP);
	FC(fd, F_SETSIG, 0);
	FC(fd, F_SETOWN, H | 0);
}

/* A file nobody else has open: a read lease needs no writer. */
static void fcntl_lease(const char *path)
{
	int fd;

	close(open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600));
	fd = open(path, O_RDONLY);

	FC(fd, F_GETLEASE, 0);
	FC(fd, F_SETLEASE, F_RDLCK);
	FC(fd, F_GETLEASE, 0);
	FC(fd, F_SETLEASE, F_UNLCK);
	FC(fd, F_GETLEASE, 0);
	FC(fd, F_SETLEASE, 99);
	FC(fd, F_SETLEASE, F_EXLCK);
	FC(fd, F_SETLEASE, H | F_WRLCK);
	FC(-1, F_GETLEASE, 0);
	close(fd);
	unlink(path);
}

/* A directory of its own: a change in a shared one would raise SIGIO. */
static void fcntl_notify(const char *dir)
{
	int fd;

	mkdir(dir, 0700);
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	FC(fd, F_NOTIFY, DN_MODIFY | DN_CREATE | DN_MULTISHOT);
	FC(fd, F_NOTIFY, 0);
	FC(fd, F_NOTIFY, 0x7fff0040);
	FC(fd, F_NOTIFY, H | DN_ACCESS);
	FC(fd, F_NOTIFY, 0);
	close(fd);
	rmdir(dir);
}

static void fcntl_pipe_seals(void)
{
	int p[2], m;

	if (pipe(p) == 0) {
		FC(p[0], F_GETPIPE_SZ, 0);
		FC(p[0], F_SETPIPE_SZ, 8192);
		FC(p[0], F_GETPIPE_SZ, 0);
		FC(p[0], F_SETPIPE_SZ, -1);
		FC(p[0], F_SETPIPE_SZ, H);
		close(p[0]);
		close(p[1]);
	}
	m = syscall(SYS_memfd_create, "seals", MFD_ALLOW_SEALING);
	FC(m, F_GET_SEALS, 0);
	FC(m, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
	FC(m, F_GET_SEALS, 0);
	FC(m, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE);
	FC(m, F_GET_SEALS, 0);
	FC(m, F_ADD_SEALS, 0x100);
	FC(m, F_ADD_SEALS, H | F_SEAL_SEAL);
	FC(m, F_ADD_SEALS, 0);
	close(m);
	m = syscall(SYS_memfd_create, "noseals", 0);
	FC(m, F_GET_SEALS, 0);
	close(m);
}

/* Commands newer than strace 6.1 or none at all */
static void fcntl_unknown(int fd)
{
	static __u64 hint = 2;

	FC(fd, 1035, &hint);	/* F_GET_RW_HINT */
	FC(fd, 1036, &hint);	/* F_SET_RW_HINT */
	FC(fd, 1037, &hint);	/* F_GET_FILE_RW_HINT */
	FC(fd, 1038, &hint);	/* F_SET_FILE_RW_HINT */
	FC(fd, 1027, 0);	/* F_DUPFD_QUERY */
	FC(fd, 1028, 0);	/* F_CREATED_QUERY */
	FC(fd, 0x7777, 0x1234);
	FC(fd, -1, 0);
	FC(fd, 0x80000000L, -1L);
}

static void prctl_process(void)
{
	PR(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
	PR(PR_GET_PDEATHSIG, &ival, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, 0, 0, 0, 0);
	PR(PR_GET_PDEATHSIG, &ival, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, 99, 1, 2, 3);
	PR(PR_GET_PDEATHSIG, NULL, 1, 2, 3);
	PR(PR_GET_PDEATHSIG, BAD, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, 32, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, SIGRTMIN + 1, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, 64, 0, 0, 0);
	PR(PR_GET_PDEATHSIG, &ival, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, 65, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, H | SIGHUP, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, -1L, 0, 0, 0);
	PR(PR_SET_PDEATHSIG, 0, 0, 0, 0);
	PR(PR_GET_DUMPABLE, 0, 0, 0, 0);
	PR(PR_SET_DUMPABLE, 1, 0, 0, 0);
	PR(PR_SET_DUMPABLE, 7, 1, 2, 3);
	PR(PR_SET_DUMPABLE, 2, 0, 0, 0);	/* SUID_DUMP_ROOT: refused */
	PR(PR_SET_DUMPABLE, H | 1, 0, 0, 0);
	PR(PR_GET_DUMPABLE, 1, 2, 3, 4);
	PR(PR_GET_KEEPCAPS, 0, 0, 0, 0);
	PR(PR_SET_KEEPCAPS, 1, 0, 0, 0);
	PR(PR_GET_KEEPCAPS, 0, 0, 0, 0);
	PR(PR_SET_KEEPCAPS, 0, 0, 0, 0);
	PR(PR_SET_KEEPCAPS, 5, 1, 2, 3);
	PR(PR_SET_KEEPCAPS, H | 1, 0, 0, 0);
	strcpy(name, "fcntlprctl");
	PR(PR_SET_NAME, name, 0, 0, 0);
	PR(PR_GET_NAME, name, 0, 0, 0);
	strcpy(name, "a-much-longer-name-than-15");
	PR(PR_SET_NAME, name, 0, 0, 0);
	PR(PR_GET_NAME, name, 0, 0, 0);
	PR(PR_SET_NAME, BAD, 0, 0, 0);
	PR(PR_GET_NAME, NULL, 0, 0, 0);
	strcpy(name, "fcntlprctl");
	PR(PR_SET_NAME, name, 0, 0, 0);
	PR(PR_GET_SECCOMP, 0, 0, 0, 0);
	PR(PR_SET_SECCOMP, 99, 0, 0, 0);
	PR(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL, 0, 0);
	PR(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, BAD, 0, 0);
	PR(PR_SET_SECCOMP, SECCOMP_MODE_DISABLED, 1, 2, 3);
	PR(PR_SET_SECCOMP, H | SECCOMP_MODE_STRICT, 0, 0, 0);
	PR(PR_SET_SECCOMP, H | SECCOMP_MODE_FILTER, 0, 0, 0);
	PR(PR_GET_SECUREBITS, 0, 0, 0, 0);
	PR(PR_SET_SECUREBITS, 0, 0, 0, 0);
	PR(PR_SET_SECUREBITS, 0xff00, 0, 0, 0);
	PR(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS, 0, 0, 0);
	PR(PR_GET_SECUREBITS, 0, 0, 0, 0);
	PR(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS | 0x1000, 0, 0, 0);
	PR(PR_SET_SECUREBITS, H | SECBIT_KEEP_CAPS, 0, 0, 0);
	PR(PR_SET_SECUREBITS, 0, 0, 0, 0);
	PR(PR_GET_TIMERSLACK, 0, 0, 0, 0);
	PR(PR_SET_TIMERSLACK, 100000, 0, 0, 0);
	PR(PR_GET_TIMERSLACK, 0, 0, 0, 0);
	PR(PR_SET_TIMERSLACK, 0, 0, 0, 0);
	PR(PR_SET_TIMERSLACK, -1L, 0, 0, 0);
	PR(PR_SET_TIMERSLACK, H | 5, 0, 0, 0);
	PR(PR_SET_TIMERSLACK, 0, 0, 0, 0);
	PR(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	PR(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	PR(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	PR(PR_SET_NO_NEW_PRIVS, 2, 1, 0, 0);
	PR(PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0);
	PR(PR_SET_NO_NEW_PRIVS, H | 1, 0, 0, 0);
	PR(PR_SET_NO_NEW_PRIVS, -1L, 0, 0, 0);
	PR(PR_GET_CHILD_SUBREAPER, &ival, 0, 0, 0);
	PR(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	PR(PR_GET_CHILD_SUBREAPER, &ival, 0, 0, 0);
	PR(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
	PR(PR_SET_CHILD_SUBREAPER, 0xdeadbeef, 1, 2, 3);
	PR(PR_GET_CHILD_SUBREAPER, BAD, 0, 0, 0);
	PR(PR_SET_CHILD_SUBREAPER, -1L, 0, 0, 0);
	PR(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
	PR(PR_GET_THP_DISABLE, 0, 0, 0, 0);
	PR(PR_SET_THP_DISABLE, 1, 0, 0, 0);
	PR(PR_GET_THP_DISABLE, 0, 0, 0, 0);
	PR(PR_SET_THP_DISABLE, 0, 0, 0, 0);
	PR(PR_SET_THP_DISABLE, 3, 1, 2, 3);
	PR(PR_GET_THP_DISABLE, 1, 0, 0, 0);
	PR(PR_SET_THP_DISABLE, -1L, 0, 0, 0);
	PR(PR_SET_THP_DISABLE, 0, 0, 0, 0);
	PR(PR_GET_TID_ADDRESS, &lval, 0, 0, 0);
	PR(PR_GET_TID_ADDRESS, NULL, 0, 0, 0);
	PR(PR_GET_TID_ADDRESS, BAD, 0, 0, 0);
}

static void prctl_arch(void)
{
	PR(PR_GET_FP_MODE, 0, 0, 0, 0);
	PR(PR_SET_FP_MODE, PR_FP_MODE_FR | PR_FP_MODE_FRE, 0, 0, 0);
	PR(PR_SET_FP_MODE, 0xf0, 0, 0, 0);
	PR(PR_SET_FP_MODE, 0, 0, 0, 0);
	PR(PR_SET_FP_MODE, 7, 0, 0, 0);
	PR(PR_SET_FP_MODE, H | PR_FP_MODE_FR, 0, 0, 0);
	PR(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0);
	PR(PR_GET_SPECULATION_CTRL, PR_SPEC_INDIRECT_BRANCH, 0, 0, 0);
	PR(PR_GET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, 0, 0, 0);
	PR(PR_GET_SPECULATION_CTRL, 99, 1, 2, 3);
	PR(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, PR_SPEC_ENABLE, 0, 0);
	PR(PR_SET_SPECULATION_CTRL, PR_SPEC_INDIRECT_BRANCH, PR_SPEC_FORCE_DISABLE, 0, 0);
	PR(PR_SET_SPECULATION_CTRL, 99, 0x40, 1, 2);
	PR(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, PR_SPEC_ENABLE | PR_SPEC_DISABLE, 0, 0);
	PR(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0);
	PR(PR_SET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, PR_SPEC_PRCTL, 0, 0);
	PR(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, H | PR_SPEC_ENABLE, 0, 0);
	PR(PR_SET_SPECULATION_CTRL, H, 0, 0, 0);
	PR(PR_GET_SPECULATION_CTRL, H | 1, 0, 0, 0);
	PR(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0);
	PR(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE, 0, 0, 0);
	PR(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_SYNC | (0xffffUL << 3),
	   0, 0, 0);
	PR(PR_GET_TAGGED_ADDR_CTRL, 1, 2, 3, 4);
	PR(PR_SET_TAGGED_ADDR_CTRL, 0, 0, 0, 0);
	PR(PR_SET_TAGGED_ADDR_CTRL, PR_MTE_TCF_ASYNC, 0, 0, 0);
	PR(PR_SET_TAGGED_ADDR_CTRL, PR_MTE_TCF_SYNC | PR_MTE_TCF_ASYNC | (1 << 20), 0, 0, 0);
	PR(PR_SET_TAGGED_ADDR_CTRL, H | (5 << 3) | (1 << 20) | 1, 0, 0, 0);
	PR(PR_GET_IO_FLUSHER, 0, 0, 0, 0);
	PR(PR_SET_IO_FLUSHER, 0, 0, 0, 0);
	PR(PR_SET_IO_FLUSHER, 5, 1, 2, 3);
	PR(PR_GET_TSC, &ival, 0, 0, 0);
	PR(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
	PR(PR_SET_TSC, 99, 0, 0, 0);
	PR(PR_SET_TSC, 0, 0, 0, 0);
	PR(PR_SET_TSC, H | PR_TSC_ENABLE, 0, 0, 0);
	PR(PR_GET_TSC, NULL, 0, 0, 0);
	PR(PR_GET_ENDIAN, &ival, 0, 0, 0);
	PR(PR_SET_ENDIAN, PR_ENDIAN_LITTLE, 0, 0, 0);
	PR(PR_SET_ENDIAN, 99, 0, 0, 0);
	PR(PR_SET_ENDIAN, -1L, 0, 0, 0);
	PR(PR_GET_FPEMU, &ival, 0, 0, 0);
	PR(PR_SET_FPEMU, PR_FPEMU_NOPRINT, 0, 0, 0);
	PR(PR_SET_FPEMU, 99, 0, 0, 0);
	PR(PR_GET_FPEXC, &ival, 0, 0, 0);
	PR(PR_SET_FPEXC, PR_FP_EXC_SW_ENABLE | PR_FP_EXC_DIV | PR_FP_EXC_PRECISE, 0, 0, 0);
	PR(PR_SET_FPEXC, 0x7fff0000, 0, 0, 0);
	PR(PR_GET_UNALIGN, &ival, 0, 0, 0);
	PR(PR_SET_UNALIGN, PR_UNALIGN_NOPRINT | PR_UNALIGN_SIGBUS, 0, 0, 0);
	PR(PR_SET_UNALIGN, 0xf0, 0, 0, 0);
	PR(PR_SET_UNALIGN, 0, 0, 0, 0);
	PR(PR_SET_UNALIGN, 5, 0, 0, 0);
	PR(PR_SET_UNALIGN, H | PR_UNALIGN_NOPRINT, 0, 0, 0);
	PR(PR_GET_TIMING, 0, 0, 0, 0);
	PR(PR_SET_TIMING, PR_TIMING_STATISTICAL, 0, 0, 0);
	PR(PR_SET_TIMING, PR_TIMING_TIMESTAMP, 0, 0, 0);
	PR(PR_SET_TIMING, 99, 0, 0, 0);
	PR(PR_SET_TIMING, -1L, 0, 0, 0);
	PR(PR_SVE_GET_VL, 0, 0, 0, 0);
	PR(PR_SVE_SET_VL, 16 | PR_SVE_SET_VL_ONEXEC | PR_SVE_VL_INHERIT, 0, 0, 0);
	PR(PR_SVE_SET_VL, 0xff0000, 0, 0, 0);
	PR(PR_SVE_SET_VL, 16, 0, 0, 0);
	PR(PR_SVE_SET_VL, 0, 0, 0, 0);
	PR(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC, 1, 2, 3);
	PR(PR_SVE_SET_VL, H | PR_SVE_VL_INHERIT | 16, 0, 0, 0);
	PR(63, 0, 0, 0, 0);
	PR(63, (1 << 18) | 5, 0, 0, 0);
	PR(63, 0xff0000, 0, 0, 0);
	PR(63, 16 | (1 << 17), 0, 0, 0);	/* PR_SME_SET_VL | PR_SME_VL_INHERIT */
	PR(64, 0, 0, 0, 0);			/* PR_SME_GET_VL */
	PR(PR_PAC_RESET_KEYS, PR_PAC_APIAKEY | PR_PAC_APDBKEY, 0, 0, 0);
	PR(PR_PAC_RESET_KEYS, 0x100, 1, 0, 0);
	PR(PR_PAC_RESET_KEYS, 0, 0, 0, 0);
	PR(PR_PAC_RESET_KEYS, 0x3f, 0, 0, 0);
	PR(PR_PAC_RESET_KEYS, H | PR_PAC_APIAKEY, 0, 0, 0);
	PR(60, PR_PAC_APIAKEY, 0, 0, 0);	/* PR_PAC_SET_ENABLED_KEYS */
	PR(60, 0x1f, 0x3, 0, 0);
	PR(60, 0x100, 0x200, 1, 1);
	PR(60, H | 1, H | 1, 0, 0);
	PR(61, 0, 0, 0, 0);			/* PR_PAC_GET_ENABLED_KEYS */
	PR(PR_MPX_ENABLE_MANAGEMENT, 0, 0, 0, 0);
	PR(PR_MPX_DISABLE_MANAGEMENT, 1, 2, 3, 4);
	PR(PR_TASK_PERF_EVENTS_DISABLE, 0, 0, 0, 0);
	PR(PR_TASK_PERF_EVENTS_ENABLE, 1, 2, 3, 4);
}

static void prctl_caps(void)
{
	PR(PR_CAPBSET_READ, CAP_NET_RAW, 0, 0, 0);
	PR(PR_CAPBSET_READ, 99, 0, 0, 0);
	PR(PR_CAPBSET_DROP, CAP_MKNOD, 0, 0, 0);
	PR(PR_CAPBSET_DROP, 99, 1, 2, 3);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_SYS_ADMIN, 0, 0);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_CHOWN, 0, 0);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 99, 1, 2);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 1, 2, 3);
	PR(PR_CAP_AMBIENT, 99, 1, 2, 3);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0);
	PR(PR_CAP_AMBIENT, H | PR_CAP_AMBIENT_IS_SET, H | 1, 0, 0);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, H | 1, 0, 0);
	PR(PR_CAPBSET_READ, H | 1, 0, 0, 0);
	PR(PR_MCE_KILL_GET, 0, 0, 0, 0);
	PR(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0);
	PR(PR_MCE_KILL_GET, 0, 0, 0, 0);
	PR(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_DEFAULT, 0, 0);
	PR(PR_MCE_KILL, PR_MCE_KILL_CLEAR, 0, 0, 0);
	PR(PR_MCE_KILL, PR_MCE_KILL_SET, 99, 0, 0);
	PR(PR_MCE_KILL, 99, 1, 2, 3);
	PR(PR_MCE_KILL_GET, 1, 2, 3, 4);
	PR(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_LATE, 0, 0);
	PR(PR_MCE_KILL_GET, 0, 0, 0, 0);
	PR(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_DEFAULT, 1, 2);
	PR(PR_MCE_KILL, PR_MCE_KILL_CLEAR, 1, 0, 0);
	PR(PR_MCE_KILL, H | 1, H | 1, 0, 0);
	PR(PR_MCE_KILL, PR_MCE_KILL_SET, H | 1, 0, 0);
	PR(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
	PR(PR_SET_PTRACER, 0, 0, 0, 0);
	PR(PR_SET_PTRACER, getpid(), 0, 0, 0);
	PR(PR_SET_PTRACER, H | 5, 0, 0, 0);
	PR(PR_SET_PTRACER, 0xffffffffL, 0, 0, 0);
	PR(PR_SET_PTRACER, -5, 1, 2, 3);
}

static void prctl_mm(void)
{
	static const int subs[] = {
		PR_SET_MM_START_CODE, PR_SET_MM_END_CODE, PR_SET_MM_START_DATA,
		PR_SET_MM_END_DATA, PR_SET_MM_START_STACK, PR_SET_MM_START_BRK, PR_SET_MM_BRK,
		PR_SET_MM_ARG_START, PR_SET_MM_ARG_END, PR_SET_MM_ENV_START, PR_SET_MM_ENV_END,
	};
	unsigned i;

	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		PR(PR_SET_MM, subs[i], 1, 0, 0);	/* below mmap_min_addr: EINVAL */
	PR(PR_SET_MM, PR_SET_MM_AUXV, name, 100000, 0);
	PR(PR_SET_MM, PR_SET_MM_AUXV, NULL, 0x7fffffff, 1);
	PR(PR_SET_MM, PR_SET_MM_EXE_FILE, -1, 0, 0);
	PR(PR_SET_MM, PR_SET_MM_MAP_SIZE, &ival, 0, 0);
	PR(PR_SET_MM, PR_SET_MM_MAP_SIZE, NULL, 0, 0);
	PR(PR_SET_MM, PR_SET_MM_MAP, NULL, 10, 0);
	PR(PR_SET_MM, PR_SET_MM_MAP, BAD, 104, 0);
	PR(PR_SET_MM, 99, 1, 2, 3);
	PR(PR_SET_MM, H | PR_SET_MM_START_CODE, 0, 0, 0);
}

static void prctl_newer(void)
{
	void *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static __u64 cookie_u;
	static char allow;	/* SYSCALL_DISPATCH_FILTER_ALLOW: every call runs */

	PR(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
	PR(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 1, 2, 3);
	PR(PR_SET_SYSCALL_USER_DISPATCH, 99, 0, 0, 0);
	PR(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 1, -1L, &allow);
	PR(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0x1000, 0x10, &allow);
	PR(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
	PR(PR_SET_SYSCALL_USER_DISPATCH, H | 1, 0, 0, 0);
	PR(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, PR_SCHED_CORE_SCOPE_THREAD, &cookie);
	PR(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, getpid(), PR_SCHED_CORE_SCOPE_THREAD_GROUP, 0);
	PR(PR_SCHED_CORE, PR_SCHED_CORE_SHARE_TO, 0, PR_SCHED_CORE_SCOPE_PROCESS_GROUP, 0);
	PR(PR_SCHED_CORE, PR_SCHED_CORE_SHARE_FROM, 0, 99, 0);
	PR(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0, NULL);
	PR(PR_SCHED_CORE, 99, 1, 2, &cookie_u);
	PR(PR_SCHED_CORE, PR_SCHED_CORE_GET, -1, 4, 0);
	PR(PR_SCHED_CORE, H | 1, -1, H | 2, 0);	/* pid < 0: refused */
	PR(PR_SET_VMA, PR_SET_VMA_ANON_NAME, p, 8192, "renacer");
	PR(PR_SET_VMA, PR_SET_VMA_ANON_NAME, p, 8192, NULL);
	PR(PR_SET_VMA, PR_SET_VMA_ANON_NAME, NULL, 0, "x");
	PR(PR_SET_VMA, PR_SET_VMA_ANON_NAME, p, 4096, BAD);
	PR(PR_SET_VMA, 99, 1, 2, 3);
	PR(PR_SET_VMA, PR_SET_VMA_ANON_NAME, p, 4096, "0123456789012345678901234567890123456789");
	PR(PR_SET_VMA, H, 0, -1L, 0);
	PR(PR_SET_VMA, PR_SET_VMA_ANON_NAME, NULL, -1L, NULL);
	PR(66, 0, 0, 0, 0);		/* PR_GET_MDWE */
	PR(65, 0, 0, 0, 0);		/* PR_SET_MDWE */
	PR(65, 0xf0, 1, 2, 3);
	PR(67, 1, 0, 0, 0);		/* PR_SET_MEMORY_MERGE: newer than strace 6.1 */
	PR(68, 0, 0, 0, 0);
	PR(0x7777, 1, 2, 3, 4);
	PR(-1, 0, 0, 0, 0);
	PR(0x80000000L, 1, 0, 0, 0);
	PR(H | PR_SET_PDEATHSIG, 0, 0, 0, 0);	/* the option is an int */
	munmap(p, 8192);
}

/* The last calls: a filter that allows everything; strict mode is then
 * refused (EBUSY, or EINVAL without CONFIG_SECCOMP_FILTER). */
static void prctl_seccomp(void)
{
	struct sock_filter insn[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 4),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xc000003e, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = 4, .filter = insn };

	PR(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
	PR(PR_GET_SECCOMP, 0, 0, 0, 0);
	PR(PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0, 0, 0);
}

/*
 * Run under -e inject=fcntl,prctl:retval=N: the kernel never sees these
 * calls, so they show how each F_GET* and PR_GET_* value prints (most
 * cannot be had on x86_64) and what the outputs hold (prefilled here).
 * Should the injection fail, each call is still harmless: strict seccomp,
 * the last, leaves exit() allowed.
 */
static void inject_calls(void)
{
	static struct flock glk = { F_EXLCK, SEEK_HOLE, 1, 2, 42 };
	static struct f_owner_ex gown = { F_OWNER_TID, 7 };
	static int sig = SIGQUIT, neg = -1, three = 3, two = 2, zero;
	static unsigned long tid = 0x1234, nul;
	static char nm[16] = "injected";
	static __u64 ck = 0xc00c1e;

	FC(0, F_GETFD, 0);
	FC(0, F_GETFL, 0);
	FC(0, F_GETSIG, 0);
	FC(0, F_GETLEASE, 0);
	FC(0, F_GET_SEALS, 0);
	FC(0, F_GETOWN, 0);
	FC(0, F_GETPIPE_SZ, 0);
	FC(0, F_DUPFD, 0);
	FC(0, F_GETLK, &glk);
	FC(0, F_OFD_GETLK, &glk);
	FC(0, F_GETOWN_EX, &gown);
	FC(0, F_GETOWN_EX, NULL);
	FC(0, 1035, &ck);
	PR(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0);
	PR(PR_GET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, 0, 0, 0);
	PR(PR_GET_SPECULATION_CTRL, 99, 0, 0, 0);
	PR(PR_GET_FP_MODE, 0, 0, 0, 0);
	PR(PR_GET_UNALIGN, &three, 0, 0, 0);
	PR(PR_GET_UNALIGN, &zero, 0, 0, 0);
	PR(PR_GET_UNALIGN, &neg, 0, 0, 0);
	PR(PR_GET_ENDIAN, &neg, 0, 0, 0);
	PR(PR_GET_FPEMU, &three, 0, 0, 0);
	PR(PR_GET_FPEXC, &neg, 0, 0, 0);
	PR(PR_GET_TSC, &two, 0, 0, 0);
	PR(PR_GET_TSC, &zero, 0, 0, 0);
	PR(PR_GET_TSC, &neg, 0, 0, 0);
	PR(PR_GET_PDEATHSIG, &sig, 0, 0, 0);
	PR(PR_GET_PDEATHSIG, &neg, 0, 0, 0);
	PR(PR_GET_CHILD_SUBREAPER, &neg, 0, 0, 0);
	PR(PR_GET_TID_ADDRESS, &tid, 0, 0, 0);
	PR(PR_GET_TID_ADDRESS, &nul, 0, 0, 0);
	PR(PR_GET_NAME, nm, 0, 0, 0);
	PR(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0, &ck);
	PR(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 0, 0, &ck);
	PR(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0);
	PR(PR_GET_IO_FLUSHER, 0, 0, 0, 0);
	PR(PR_SVE_GET_VL, 0, 0, 0, 0);
	PR(64, 0, 0, 0, 0);
	PR(61, 0, 0, 0, 0);
	PR(PR_GET_SECUREBITS, 0, 0, 0, 0);
	PR(PR_MCE_KILL_GET, 0, 0, 0, 0);
	PR(PR_GET_DUMPABLE, 0, 0, 0, 0);
	PR(PR_GET_KEEPCAPS, 0, 0, 0, 0);
	PR(PR_GET_TIMING, 0, 0, 0, 0);
	PR(PR_GET_SECCOMP, 0, 0, 0, 0);
	PR(PR_GET_THP_DISABLE, 0, 0, 0, 0);
	PR(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	PR(PR_GET_TIMERSLACK, 0, 0, 0, 0);
	PR(PR_CAPBSET_READ, CAP_CHOWN, 0, 0, 0);
	PR(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0);
	PR(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
	PR(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
	PR(PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0, 0, 0);
	syscall(SYS_exit, 0);
}

int main(int argc, char **argv)
{
	char path[64];
	int fd;

	/* the first line compared; the test masks the pid in the paths */
	snprintf(path, sizeof(path), "/tmp/renacer-fcntlprctl.%d", (int)getpid());
	if (argc > 1 && !strcmp(argv[1], "inject"))
		inject_calls();
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return 1;
	fcntl_fd_flags(fd);
	unlink(path);
	fcntl_locks(fd);
	fcntl_owner(fd);
	strcat(path, "-lease");
	fcntl_lease(path);
	strcat(path, "-dir");
	fcntl_notify(path);
	fcntl_pipe_seals();
	fcntl_unknown(fd);
	close(fd);
	prctl_process();
	prctl_arch();
	prctl_caps();
	prctl_mm();
	prctl_newer();
	prctl_seccomp();
	return 0;
}
