/* SPDX-License-Identifier: MIT */
/* The x86_64 syscall table: names, argument counts, classes, capture. */
#ifndef RN_SYSCALLS_H
#define RN_SYSCALLS_H

#include "../backends/backend.h"
#include "../backends/capture.h"

/* Class flags, as used by -e trace=%file and friends. */
#define RN_TF	 (1u << 0)	/* %file: takes a file name */
#define RN_TD	 (1u << 1)	/* %desc: takes or returns a file descriptor */
#define RN_TN	 (1u << 2)	/* %network */
#define RN_TP	 (1u << 3)	/* %process */
#define RN_TM	 (1u << 4)	/* %memory */
#define RN_TS	 (1u << 5)	/* %signal */
#define RN_TI	 (1u << 6)	/* %ipc */
#define RN_TC	 (1u << 7)	/* %creds */
#define RN_TCL	 (1u << 8)	/* %clock */
#define RN_TST	 (1u << 9)	/* %stat */
#define RN_TLST	 (1u << 10)	/* %lstat */
#define RN_TFST	 (1u << 11)	/* %fstat */
#define RN_TSTA	 (1u << 12)	/* %%stat: any stat variant */
#define RN_TSF	 (1u << 13)	/* %statfs */
#define RN_TFSF	 (1u << 14)	/* %fstatfs */
#define RN_TSFA	 (1u << 15)	/* %%statfs */
#define RN_TPU	 (1u << 16)	/* %pure: no arguments, always succeeds */

struct rn_syscall_info {
	const char *name;	/* NULL for a hole in the table */
	unsigned nargs;
	unsigned flags;		/* RN_T* */
};

/* Table entry for nr, or NULL when nr is not a known syscall. */
const struct rn_syscall_info *rn_syscall(long nr);
/* Syscall number for name, or -1. */
long rn_syscall_by_name(const char *name);
/* Capture descriptor for nr (all RN_CAP_NONE for unknown numbers). */
const struct rn_cap_desc *rn_syscall_capture(long nr);

#endif /* RN_SYSCALLS_H */
