/* SPDX-License-Identifier: MIT */
/*
 * The classic BPF program of the ptrace backend's seccomp pre-filter, built
 * from a syscall bitmap (RN_BITMAP_WORDS words, bit nr of word nr / 64, as
 * rn_trace_config.syscalls). Self-contained: the filter module's tests and
 * bench/seccomp_floor include it without the rest of the backend.
 */
#ifndef RN_SECCOMP_PROG_H
#define RN_SECCOMP_PROG_H

#include <stddef.h>
#include <linux/filter.h>

#include "../event.h"

/*
 * SECCOMP_RET_TRACE for traced syscalls (and for anything that is not plain
 * x86_64: other audit arches, x32 numbers, numbers >= RN_NR_MAX),
 * SECCOMP_RET_ALLOW for the rest. *prog is malloc'ed (free() it). Only nr and
 * arch are read and every result is a constant per number, so the kernel's
 * seccomp action cache skips the program for every excluded call (see
 * seccomp_prog.c). At most 4 + 3 * (RN_NR_MAX + 1) instructions. Returns 0
 * or -ENOMEM.
 */
int rn_seccomp_prog_bitmap(const __u64 *syscalls, struct sock_filter **prog, size_t *len);

/*
 * The same with, for each number whose errnos[nr] is not 0 (RN_NR_MAX
 * entries; errnos may be NULL), SECCOMP_RET_ERRNO | errnos[nr]: the kernel
 * fails the call with that errno itself and the tracer never sees it
 * (-e inject=SET:error=E for calls that are not traced). Still a constant
 * per number, so still answered by the action cache. Same returns.
 */
int rn_seccomp_prog_errno(const __u64 *syscalls, const __u16 *errnos, struct sock_filter **prog,
			  size_t *len);

#endif /* RN_SECCOMP_PROG_H */
