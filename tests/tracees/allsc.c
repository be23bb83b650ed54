// SPDX-License-Identifier: MIT
/*
 * Every x86_64 system call once, all with the same out-of-range arguments,
 * for tests/integration/t_decode_allargs.sh to compare renacer's lines with
 * strace 6.1's. The argument set is argv[1]:
 *   0  all six registers 0
 *   1  all six -1 (flags print as 0xffffffff or as 64 bits, lengths signed or
 *      not, modes as 16 bits: each argument as wide as its C type)
 *   2  -1, 1, 0, 0, 0, 0
 * The calls that would block, end or replace the process, signal it, or
 * change the machine are left out (skip[] says why). Each call fails or does
 * nothing lasting, but msgget(IPC_PRIVATE) in set 0, whose queue is removed.
 */
#include <stdlib.h>
#include <sys/msg.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LAST_NR		460	/* up to lsm_get_self_attr (459) */

/* Numbers not called, sorted */
static const int skip[] = {
	7,		/* poll: waits */
	15,		/* rt_sigreturn: would jump anywhere */
	23,		/* select: waits */
	34,		/* pause */
	56, 57, 58, 59, 60, 61, 62,	/* clone fork vfork execve exit wait4 kill */
	65,		/* semop: can wait */
	69, 70,		/* msgsnd, msgrcv: wait */
	101,		/* ptrace */
	128, 130,	/* rt_sigtimedwait, rt_sigsuspend: wait */
	153,		/* vhangup */
	169, 170, 171,	/* reboot, sethostname, setdomainname */
	200,		/* tkill */
	202,		/* futex: waits */
	219,		/* restart_syscall */
	220, 221,	/* semtimedop: waits; fadvise64 */
	231, 232, 234,	/* exit_group, epoll_wait, tgkill */
	240, 241, 243, 244,	/* mq_timedsend/receive, mq_notify, mq_getsetattr */
	246, 247,	/* kexec_load, waitid */
	270, 271,	/* pselect6, ppoll: wait */
	281,		/* epoll_pwait */
	298, 299,	/* perf_event_open, recvmmsg */
	313,		/* finit_module */
	317,		/* seccomp */
	320, 322,	/* kexec_file_load, execveat */
	426,		/* io_uring_enter */
	435,		/* clone3 */
	441,		/* epoll_pwait2 */
};

static int skipped(long nr, long set)
{
	if (nr >= 335 && nr < 424)	/* no syscalls there on x86_64 */
		return 1;
	if (nr == 0)			/* read(0, ...): only with a bad fd */
		return set == 0;
	for (unsigned k = 0; k < sizeof(skip) / sizeof(skip[0]); k++)
		if (skip[k] == nr)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	long set = argc > 1 ? atol(argv[1]) : 0;
	long a0 = set ? -1 : 0, a1 = set == 1 ? -1 : set == 2, rest = set == 1 ? -1 : 0;

	for (long nr = 0; nr < LAST_NR; nr++) {
		long r;

		if (skipped(nr, set))
			continue;
		r = syscall(nr, a0, a1, rest, rest, rest, rest);
		if (nr == __NR_msgget && r >= 0)
			msgctl((int)r, IPC_RMID, NULL);
	}
	return 0;
}
