// SPDX-License-Identifier: MIT
/*
 * -e inject= / -e fault= on the ptrace backend (rules: backends/inject.h).
 *
 * A call whose rule says error= or retval= is skipped at its entry stop by
 * setting its number (orig_rax) to -1; the kernel then runs nothing and
 * stops at the exit, where rax is set to -error or retval. That costs the
 * two stops of any traced call. A signal is handed to the task as it resumes
 * from the entry stop (the kernel raises it, si_code SI_KERNEL, as strace's
 * does); at a seccomp stop the kernel drops a signal given on resume, so
 * there it waits for the exit stop. Delays sleep in the tracer.
 *
 * Beyond strace: a rule that fails EVERY call with an errno, on a call that
 * is not printed, needs no stop at all. When the seccomp pre-filter is in
 * use (a command started with -f), such calls get SECCOMP_RET_ERRNO in the
 * filter (seccomp_prog.c) and the kernel fails them itself.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "../../syscalls/syscalls.h"
#include "../inject.h"
#include "pt.h"

static bool inj_selected(const struct pt_backend *b, long nr)
{
	return b->cfg.syscalls[nr / 64] >> (nr % 64) & 1;
}

int pt_inject_init(struct pt_backend *b)
{
	const struct rn_inject *inj = b->cfg.inject;

	memcpy(b->stops, b->cfg.syscalls, sizeof(b->stops));
	if (!inj)
		return 0;
	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		const struct rn_inject_rule *r = rn_inject_rule_of(inj, nr);

		if (!r)
			continue;
		if (rn_inject_always_errno(r) && !inj_selected(b, nr)) {
			if (!b->inj_errno && !(b->inj_errno = calloc(RN_NR_MAX, sizeof(__u16))))
				return -ENOMEM;
			b->inj_errno[nr] = (__u16)r->error;
		} else {
			b->stops[nr / 64] |= 1ull << (nr % 64);
		}
	}
	return 0;
}

void pt_inject_explain(const struct pt_backend *b)
{
	const char *names = NULL;
	int n = 0;

	if (!b->cfg.inject || !b->cfg.verbose)
		return;
	for (long nr = 0; b->inj_errno && nr < RN_NR_MAX; nr++)
		if (b->inj_errno[nr] && !n++)
			names = rn_syscall(nr) ? rn_syscall(nr)->name : NULL;
	if (n && b->seccomp)
		fprintf(stderr, "renacer: inject: %d call%s (%s%s) failed by the seccomp filter "
			"(SECCOMP_RET_ERRNO): they never stop the tracee\n", n, n > 1 ? "s" : "",
			names ? names : "?", n > 1 ? ", ..." : "");
	else if (n)
		fprintf(stderr, "renacer: inject: by ptrace stops (the seccomp filter needs "
			"a command started with -f)\n");
	else
		fprintf(stderr, "renacer: inject: by ptrace stops (the injected calls are "
			"traced, or the rules need more than an errno on every call)\n");
}

static void inj_sleep(__u32 us)
{
	struct timespec ts = { .tv_sec = us / 1000000, .tv_nsec = (long)(us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* The per-thread count of calls nr, this one included (0: no room). */
static __u32 inj_count(struct pt_task *t, long nr)
{
	if (!t->inj_count && !(t->inj_count = calloc(RN_NR_MAX, sizeof(__u32))))
		return 0;
	if (t->inj_count[nr] < 0xffffffffu)
		t->inj_count[nr]++;
	return t->inj_count[nr];
}

void pt_inject_entry(struct pt_backend *b, struct pt_task *t, long nr, bool by_seccomp)
{
	const struct rn_inject_rule *r = rn_inject_rule_of(b->cfg.inject, nr);

	t->inj = 0;
	t->inj_rule = NULL;
	if (!r || (t->flags & PT_HIDDEN) || !rn_inject_when(r, inj_count(t, nr)))
		return;
	t->inj_rule = r;
	if (r->flags & (RN_INJ_ERROR | RN_INJ_RETVAL)) {
		/* -1: no such call; the kernel skips to the exit stop */
		if (ptrace(PTRACE_POKEUSER, t->tid, (long)offsetof(struct user_regs_struct, orig_rax),
			   -1L) == 0)
			t->inj |= PT_INJ_RESULT;
	}
	if (r->flags & RN_INJ_SIGNAL) {
		if (by_seccomp)
			t->inj |= PT_INJ_SIG_EXIT;
		else
			t->inj_sig = r->signo;
	}
	if (r->flags & RN_INJ_DELAY_ENTER) {
		inj_sleep(r->delay_enter_us);
		t->inj |= PT_INJ_DELAY;
	}
}

__s64 pt_inject_exit(struct pt_backend *b, struct pt_task *t, __s64 rval)
{
	const struct rn_inject_rule *r = t->inj_rule;

	(void)b;
	if (!r)
		return rval;
	if (t->inj & PT_INJ_RESULT) {
		__s64 v = r->flags & RN_INJ_ERROR ? -(__s64)r->error : r->retval;

		if (ptrace(PTRACE_POKEUSER, t->tid, (long)offsetof(struct user_regs_struct, rax),
			   (long)v) == 0) {
			rval = v;
			t->ev.flags |= RN_F_INJECTED;
			if (r->flags & RN_INJ_RETVAL)
				t->ev.flags |= RN_F_INJ_RETVAL;
		}
	}
	if (t->inj & PT_INJ_SIG_EXIT)
		t->inj_sig = r->signo;
	if (r->flags & RN_INJ_DELAY_EXIT) {
		inj_sleep(r->delay_exit_us);
		t->inj |= PT_INJ_DELAY;
	}
	if (t->inj & PT_INJ_DELAY)
		t->ev.flags |= RN_F_DELAYED;
	t->inj = 0;
	t->inj_rule = NULL;
	return rval;
}
