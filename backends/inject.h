/* SPDX-License-Identifier: MIT */
/*
 * Fault injection (-e inject=, -e fault=): what to do to which system call,
 * parsed by the frontend (frontend/filter_inject.c) and carried out by the
 * ptrace backend (backends/ptrace/inject.c), which skips the call and sets
 * its result, raises a signal, or delays it.
 *
 * One rule per syscall number: a later -e inject= naming the same call
 * replaces the earlier rule, as strace does. "when" counts the calls of that
 * number made by each thread, from 1.
 */
#ifndef RN_INJECT_H
#define RN_INJECT_H

#include <stdbool.h>

#include "event.h"

/* rn_inject_rule.flags: what the rule does (at least one) */
#define RN_INJ_ERROR	   (1u << 0)	/* fail with -error, the call skipped */
#define RN_INJ_RETVAL	   (1u << 1)	/* return retval, the call skipped */
#define RN_INJ_SIGNAL	   (1u << 2)	/* raise signo as the call starts */
#define RN_INJ_DELAY_ENTER (1u << 3)	/* wait delay_enter_us before the call */
#define RN_INJ_DELAY_EXIT  (1u << 4)	/* wait delay_exit_us after it */

#define RN_INJ_WHEN_MAX	  65535u	/* strace's bound on first, last, step */
#define RN_INJ_LAST_INF	  0xffffffffu	/* no last call */

struct rn_inject_rule {
	__s64 retval;		/* RN_INJ_RETVAL */
	__u32 flags;		/* RN_INJ_*; 0: no rule for this number */
	__u32 first;		/* the first call injected, from 1 */
	__u32 last;		/* the last one, or RN_INJ_LAST_INF */
	__u32 step;		/* then every step-th; 0: first only */
	__s32 error;		/* RN_INJ_ERROR: 1..4095 */
	__s32 signo;		/* RN_INJ_SIGNAL */
	__u32 delay_enter_us;
	__u32 delay_exit_us;
};

struct rn_inject {
	struct rn_inject_rule rule[RN_NR_MAX];	/* by syscall number */
	__u64 any[RN_BITMAP_WORDS];		/* numbers with a rule */
};

/* Does the n-th call (from 1) of a number fall under r's "when"? */
static inline bool rn_inject_when(const struct rn_inject_rule *r, __u32 n)
{
	if (!r->flags || n < r->first)
		return false;
	if (r->last != RN_INJ_LAST_INF && n > r->last)
		return false;
	if (!r->step)
		return n == r->first;
	return (n - r->first) % r->step == 0;
}

/* An error on every call and nothing else: what a seccomp SECCOMP_RET_ERRNO
 * rule can do by itself, without stopping the task. */
static inline bool rn_inject_always_errno(const struct rn_inject_rule *r)
{
	return r->flags == RN_INJ_ERROR && r->first == 1 && r->step == 1 &&
	       r->last == RN_INJ_LAST_INF;
}

/* The rule of nr, or NULL when none (inj may be NULL). */
static inline const struct rn_inject_rule *rn_inject_rule_of(const struct rn_inject *inj, long nr)
{
	if (!inj || nr < 0 || nr >= RN_NR_MAX || !inj->rule[nr].flags)
		return NULL;
	return &inj->rule[nr];
}

#endif /* RN_INJECT_H */
