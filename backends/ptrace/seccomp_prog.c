// SPDX-License-Identifier: MIT
/*
 * The seccomp pre-filter's program (seccomp.c installs it): from a syscall
 * bitmap, a classic BPF program that returns SECCOMP_RET_TRACE for the traced
 * numbers and SECCOMP_RET_ALLOW for the rest (and, for -e inject= errors
 * on every call, SECCOMP_RET_ERRNO: the call fails without stopping). Pure: no ptrace state, so the
 * filter module's tests and fuzzer and bench/seccomp_floor use it as is.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <linux/audit.h>
#include <linux/seccomp.h>

#include "seccomp_prog.h"

/*
 * The program is shaped for the kernel's seccomp action cache (since 5.11):
 * when a filter is installed the kernel emulates it for every syscall number
 * of each arch, and a number for which it can prove a constant
 * SECCOMP_RET_ALLOW never runs the filter again; that call then costs only
 * the seccomp entry path (measured by bench/seccomp_floor: about 9 ns here,
 * against 23 ns when the filter runs). The emulator follows only loads of
 * nr and arch, constant returns, ja, jeq/jge/jgt/jset with a constant and
 * "and" with a constant; any other instruction (tax, a shift, scratch
 * memory, a load of an argument or of the instruction pointer) makes every
 * number uncacheable, so the program uses nothing else:
 *
 *	ld [arch]; jeq AUDIT_ARCH_X86_64 ? +1 : 0; ret TRACE
 *	ld [nr]
 *	a balanced tree of "jge START" over the runs of equal numbers,
 *	with [RN_NR_MAX, 2^32) as one more traced run (x32, garbage),
 *	leaves "ret TRACE" or "ret ALLOW"
 *
 * A jump offset is 8 bits: a node whose smaller side is longer than 255
 * instructions jumps over it with "ja" (32 bits). Excluded calls never run
 * the program; a traced call walks at most log2(runs) + 1 nodes.
 */
#define RN_SECCOMP_RUNS (RN_NR_MAX + 1)
/* prologue 4, at most 2 instructions per node and 1 per leaf */
#define RN_SECCOMP_MAX (4 + 3 * RN_SECCOMP_RUNS)

static struct sock_filter bpf_insn(__u16 code, __u8 jt, __u8 jf, __u32 k)
{
	return (struct sock_filter){ .code = code, .jt = jt, .jf = jf, .k = k };
}

/* Runs: run i covers [start[i], start[i + 1]) and returns act[i]. */
struct seccomp_runs {
	__u32 start[RN_SECCOMP_RUNS];
	__u32 act[RN_SECCOMP_RUNS];
};

static size_t seccomp_tree_len(const struct seccomp_runs *r, size_t lo, size_t hi)
{
	size_t mid = (lo + hi + 1) / 2, left;

	if (lo == hi)
		return 1;
	left = seccomp_tree_len(r, lo, mid - 1);
	return (left > 255 ? 2 : 1) + left + seccomp_tree_len(r, mid, hi);
}

/* The tree for runs lo..hi (inclusive) at p; returns its length. */
static size_t seccomp_tree(const struct seccomp_runs *r, size_t lo, size_t hi,
			   struct sock_filter *p)
{
	size_t mid = (lo + hi + 1) / 2, left, n = 0;

	if (lo == hi) {
		p[0] = bpf_insn(BPF_RET | BPF_K, 0, 0, r->act[lo]);
		return 1;
	}
	left = seccomp_tree_len(r, lo, mid - 1);
	if (left <= 255) {
		p[n++] = bpf_insn(BPF_JMP | BPF_JGE | BPF_K, (__u8)left, 0, r->start[mid]);
	} else {
		p[n++] = bpf_insn(BPF_JMP | BPF_JGE | BPF_K, 0, 1, r->start[mid]);
		p[n++] = bpf_insn(BPF_JMP | BPF_JA, 0, 0, (__u32)left);
	}
	n += seccomp_tree(r, lo, mid - 1, p + n);
	n += seccomp_tree(r, mid, hi, p + n);
	return n;
}

int rn_seccomp_prog_bitmap(const __u64 *syscalls, struct sock_filter **prog, size_t *len)
{
	return rn_seccomp_prog_errno(syscalls, NULL, prog, len);
}

/* A number's action: its errno when it has one, then traced or allowed. */
static __u32 seccomp_act(const __u64 *syscalls, const __u16 *errnos, __u32 nr)
{
	if (nr == RN_NR_MAX)
		return SECCOMP_RET_TRACE;
	if (errnos && errnos[nr])
		return SECCOMP_RET_ERRNO | errnos[nr];
	return syscalls[nr / 64] >> (nr % 64) & 1 ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
}

int rn_seccomp_prog_errno(const __u64 *syscalls, const __u16 *errnos, struct sock_filter **prog,
			  size_t *len)
{
	struct seccomp_runs *r = malloc(sizeof(*r));
	struct sock_filter *p = malloc(RN_SECCOMP_MAX * sizeof(*p));
	size_t n = 0, nruns = 0;

	if (!r || !p) {
		free(r);
		free(p);
		return -ENOMEM;
	}
	for (__u32 nr = 0; nr <= RN_NR_MAX; nr++) {
		__u32 act = seccomp_act(syscalls, errnos, nr);

		if (nruns && r->act[nruns - 1] == act)
			continue;
		r->start[nruns] = nr;
		r->act[nruns++] = act;
	}
	p[n++] = bpf_insn(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, arch));
	p[n++] = bpf_insn(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, AUDIT_ARCH_X86_64);
	p[n++] = bpf_insn(BPF_RET | BPF_K, 0, 0, SECCOMP_RET_TRACE);
	p[n++] = bpf_insn(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr));
	n += seccomp_tree(r, 0, nruns - 1, p + n);
	free(r);
	*prog = p;
	*len = n;
	return 0;
}
