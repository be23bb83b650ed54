/* SPDX-License-Identifier: MIT */
/*
 * Call stacks of traced tasks, symbolized: what -k, --source and
 * --function-time print. A backend that can unwind a stopped task fills an
 * array of these through rn_memsrc.stack (backends/backend.h).
 */
#ifndef RN_STACK_H
#define RN_STACK_H

#include <linux/types.h>

#define RN_STACK_MAX 64		/* frames unwound per call at most */

/* What rn_memsrc.stack is asked for. */
enum rn_stack_how {
	RN_STACK_FULL,		/* -k: every frame, each symbolized */
	RN_STACK_OWN,		/* --source: stop at the first frame of the program's
				 * own code; only that one (or, when there is none,
				 * the innermost) is symbolized */
	RN_STACK_INNERMOST,	/* --source=innermost: the pc only */
};

/* rn_frame.flags */
#define RN_FRAME_SYSTEM	(1u << 0) /* libc, ld.so, vDSO, a library under /lib or
				   * /usr/lib, or an object without line info:
				   * not the traced program's own code */

/*
 * One frame. The strings belong to the backend's symbol cache and stay valid
 * until the next stack() call of the same backend; NULL when unknown.
 */
struct rn_frame {
	__u64 ip;		/* pc of the innermost frame, return address above */
	__u64 offset;		/* ip - start of function (or of object when no function) */
	const char *object;	/* path of the mapped file (or "[vdso]") */
	const char *function;
	const char *file;	/* source file of ip's call site */
	__u32 line;		/* 0 = unknown */
	__u32 flags;		/* RN_FRAME_* */
};

/* Index of the frame --source reports: the first one not RN_FRAME_SYSTEM,
 * or the innermost (0) when innermost is true or every frame is system code.
 * -1 when n == 0. */
static inline int rn_stack_source_frame(const struct rn_frame *f, int n, int innermost)
{
	if (n <= 0)
		return -1;
	if (innermost)
		return 0;
	for (int i = 0; i < n; i++)
		if (!(f[i].flags & RN_FRAME_SYSTEM))
			return i;
	return 0;
}

#endif /* RN_STACK_H */
