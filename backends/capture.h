/* SPDX-License-Identifier: MIT */
/*
 * Per-syscall capture descriptors: which argument points at memory worth
 * copying into the event payload, how long it is and when to copy it.
 *
 * One table (syscalls/syscalls.c, rn_syscall_capture()) serves both
 * backends: the ptrace backend copies "entry" regions at syscall entry (the
 * memory may be gone or changed at exit: execve, a racing thread) and lets the
 * decoder read the rest live at exit; the eBPF backend loads the table into a
 * map and copies every region in the kernel. Included by BPF code.
 */
#ifndef RN_CAPTURE_H
#define RN_CAPTURE_H

#include "event.h"

enum rn_cap_kind {
	RN_CAP_NONE = 0,
	RN_CAP_STR,		/* NUL-terminated string (path, name) */
	RN_CAP_BUF_ARG,		/* buffer, length in argument len_arg (write) */
	RN_CAP_BUF_RET,		/* buffer filled by the call, length = return (read) */
	RN_CAP_FIXED,		/* structure of size bytes (struct stat, timespec) */
	RN_CAP_SOCKADDR_ARG,	/* sockaddr, length in argument len_arg (connect) */
	RN_CAP_SOCKADDR_PTR,	/* sockaddr, length in *(int *)argument len_arg (accept) */
	RN_CAP_ARGV,		/* NULL-terminated array of strings (execve argv) */
	RN_CAP_FIXED_ARGN,	/* array: size bytes per element, count in argument len_arg */
};

struct rn_cap_arg {
	__u8 kind;		/* enum rn_cap_kind */
	__u8 at_exit;		/* 1: copy at syscall exit, only when it succeeded */
	__u8 len_arg;		/* argument index holding the length, where used */
	__u8 _pad;
	__u32 size;		/* RN_CAP_FIXED: bytes; elsewhere 0 */
};

struct rn_cap_desc {
	struct rn_cap_arg arg[RN_MAX_ARGS];
};

_Static_assert(sizeof(struct rn_cap_arg) == 8, "rn_cap_arg size");
_Static_assert(sizeof(struct rn_cap_desc) == 48, "rn_cap_desc size");

#endif /* RN_CAPTURE_H */
