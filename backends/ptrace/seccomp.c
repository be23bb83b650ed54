// SPDX-License-Identifier: MIT
/*
 * The seccomp pre-filter: when only some system calls are traced (-e trace=),
 * the spawned command runs under a classic BPF filter that returns
 * SECCOMP_RET_TRACE for the selected numbers and SECCOMP_RET_ALLOW for the
 * rest. The tracer then resumes with PTRACE_CONT outside system calls, so an
 * unselected call costs no stop at all; a selected one stops at the seccomp
 * event (entry) and, resumed with PTRACE_SYSCALL, at its exit.
 *
 * Used only for a spawned command traced with -f: the filter is inherited by
 * every child, and a SECCOMP_RET_TRACE call in a task nobody traces fails
 * with ENOSYS, so every descendant must be traced. For the same reason the
 * command is not left running untraced after a detach (see spawn.c).
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "pt.h"
#include "seccomp_prog.h"

static bool seccomp_all_selected(const struct pt_backend *b)
{
	for (int i = 0; i < RN_BITMAP_WORDS; i++)
		if (b->stops[i] != ~0ull)
			return false;
	return true;
}

bool pt_seccomp_wanted(const struct pt_backend *b)
{
	const char *off = getenv("RENACER_NO_SECCOMP");

	if (b->cfg.no_seccomp || (off && *off && *off != '0'))
		return false;
	/* The filter needs PR_SET_NO_NEW_PRIVS, which would stop setuid
	 * programs run under -u from gaining their privileges. */
	if (b->cfg.uid >= 0)
		return false;
	/* -e inject= errors the filter returns by itself (inj_errno) leave
	 * those numbers out of stops: never all selected then */
	return b->cfg.argv && b->cfg.follow_forks && !seccomp_all_selected(b);
}

/*
 * Build the program into b->filter. The generator (seccomp_prog.c, tested
 * instruction by instruction against the bitmap through the filter module)
 * is a balanced tree of jumps over the runs of traced and untraced numbers,
 * shaped so that the kernel's action cache answers every untraced call.
 */
int pt_seccomp_build(struct pt_backend *b)
{
	struct sock_filter *prog;
	size_t len;
	int ret = rn_seccomp_prog_errno(b->stops, b->inj_errno, &prog, &len);

	if (ret)
		return ret;
	b->filter = prog;
	b->filter_len = (unsigned short)len;
	return 0;
}

/* In the child, once seized. Without CAP_SYS_ADMIN (after -u) the kernel
 * wants no_new_privs first. */
int pt_seccomp_install(const struct pt_backend *b)
{
	struct sock_fprog prog = { .len = b->filter_len, .filter = b->filter };

	if (geteuid() != 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		return -errno;
	return 0;
}
