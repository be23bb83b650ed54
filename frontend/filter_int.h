/* SPDX-License-Identifier: MIT */
/* Internals shared by frontend/filter.c and its neighbours filter_*.c. */
#ifndef RN_FILTER_INT_H
#define RN_FILTER_INT_H

#include "../syscalls/syscalls.h"
#include "filter.h"

static inline const char *sys_name(long nr)
{
	const struct rn_syscall_info *s = rn_syscall(nr);

	return s ? s->name : NULL;
}

static inline unsigned sys_flags(long nr)
{
	const struct rn_syscall_info *s = rn_syscall(nr);

	return s ? s->flags : 0;
}

/* filter_regex.c: why a /regex would cost regcomp() too much ("too many
 * repetitions"), or NULL when it may be compiled */
const char *filter_regex_too_costly(const char *re);

/* Free the -P paths and the fd tracking (part of rn_filter_release()). */
void filter_paths_release(struct rn_filter *f);

/* filter.c's parsers, for filter_inject.c: a syscall set (0 or -errno with
 * err), a signal name or number (or -1). */
int filter_sysset_parse(struct rn_sysset *out, const char *str, char *err, size_t errlen);
int filter_signal_lookup(const char *tok);
/* filter_inject.c: -e inject= and -e fault= */
int filter_qual_inject(struct rn_filter *f, const char *set, char *err, size_t errlen);
int filter_qual_fault(struct rn_filter *f, const char *set, char *err, size_t errlen);

#endif /* RN_FILTER_INT_H */
