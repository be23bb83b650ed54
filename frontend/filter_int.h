/* SPDX-License-Identifier: MIT */
/* Internals shared by frontend/filter.c and frontend/filter_path.c. */
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

/* Free the -P paths and the fd tracking (part of rn_filter_release()). */
void filter_paths_release(struct rn_filter *f);

#endif /* RN_FILTER_INT_H */
