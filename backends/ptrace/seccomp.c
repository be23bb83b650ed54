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

static bool seccomp_all_selected(const struct rn_backend *b)
{
	for (int i = 0; i < RN_BITMAP_WORDS; i++)
		if (b->cfg.syscalls[i] != ~0ull)
			return false;
	return true;
}

bool pt_seccomp_wanted(const struct rn_backend *b)
{
	const char *off = getenv("RENACER_NO_SECCOMP");

	return b->cfg.argv && b->cfg.follow_forks && !seccomp_all_selected(b) &&
	       !(off && *off && *off != '0');
}

static bool seccomp_selected(const struct rn_backend *b, unsigned nr)
{
	return (b->cfg.syscalls[nr / 64] >> (nr % 64)) & 1;
}

/*
 * Build the program into b->filter: other architectures and numbers beyond
 * the table are traced (the backend decides what to show), then one
 * two-instruction test per number of the smaller of the two sets.
 */
int pt_seccomp_build(struct rn_backend *b)
{
	size_t n = 0, nsel = 0;
	struct sock_filter *f;
	__u32 hit, miss;
	bool want_sel;
	unsigned nr;

	for (nr = 0; nr < RN_NR_MAX; nr++)
		nsel += seccomp_selected(b, nr);
	want_sel = nsel <= RN_NR_MAX / 2;
	hit = want_sel ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
	miss = want_sel ? SECCOMP_RET_ALLOW : SECCOMP_RET_TRACE;
	f = calloc(8 + 2 * RN_NR_MAX, sizeof(*f));
	if (!f)
		return -ENOMEM;
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, arch));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, nr));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, RN_NR_MAX, 0, 1);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	for (nr = 0; nr < RN_NR_MAX; nr++) {
		if (seccomp_selected(b, nr) != want_sel)
			continue;
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 1);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, hit);
	}
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, miss);
	b->filter = f;
	b->filter_len = (unsigned short)n;
	return 0;
}

/* In the child, once seized. Without CAP_SYS_ADMIN (after -u) the kernel
 * wants no_new_privs first. */
int pt_seccomp_install(const struct rn_backend *b)
{
	struct sock_fprog prog = { .len = b->filter_len, .filter = b->filter };

	if (geteuid() != 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		return -errno;
	return 0;
}
