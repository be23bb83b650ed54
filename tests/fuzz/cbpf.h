/* SPDX-License-Identifier: MIT */
/*
 * A small classic-BPF interpreter for seccomp programs, for the tests and the
 * fuzzer: it runs a program against one struct seccomp_data and returns the
 * action, or CBPF_BAD when the program does something the kernel's checker
 * would refuse (a jump out of range, an unknown opcode, reading scratch
 * memory never written, falling off the end).
 */
#ifndef RN_TEST_CBPF_H
#define RN_TEST_CBPF_H

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CBPF_BAD 0xdeadbeefu

/* The condition of a conditional jump with a constant operand. */
static inline int cbpf_cond(const struct sock_filter *i, uint32_t a)
{
	switch (BPF_OP(i->code)) {
	case BPF_JEQ:
		return a == i->k;
	case BPF_JGE:
		return a >= i->k;
	case BPF_JGT:
		return a > i->k;
	default:
		return (a & i->k) != 0;
	}
}

static inline uint32_t cbpf_run(const struct sock_filter *p, size_t n,
				const struct seccomp_data *d)
{
	uint32_t a = 0, x = 0, mem[BPF_MEMWORDS];
	unsigned written = 0;

	if (n == 0 || n > BPF_MAXINSNS)
		return CBPF_BAD;
	for (size_t pc = 0; pc < n; pc++) {
		const struct sock_filter *i = &p[pc];
		uint32_t src = BPF_SRC(i->code) == BPF_X ? x : i->k;
		size_t target;

		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (i->k % 4 || i->k + 4 > sizeof(*d))
				return CBPF_BAD;
			memcpy(&a, (const char *)d + i->k, 4);
			break;
		case BPF_LD | BPF_IMM:
			a = i->k;
			break;
		case BPF_LD | BPF_MEM:
		case BPF_LDX | BPF_MEM:
			if (i->k >= BPF_MEMWORDS || !(written >> i->k & 1))
				return CBPF_BAD;
			*(BPF_CLASS(i->code) == BPF_LD ? &a : &x) = mem[i->k];
			break;
		case BPF_ST:
		case BPF_STX:
			if (i->k >= BPF_MEMWORDS)
				return CBPF_BAD;
			mem[i->k] = i->code == BPF_ST ? a : x;
			written |= 1u << i->k;
			break;
		case BPF_MISC | BPF_TAX:
			x = a;
			break;
		case BPF_MISC | BPF_TXA:
			a = x;
			break;
		case BPF_ALU | BPF_AND | BPF_K:
		case BPF_ALU | BPF_AND | BPF_X:
			a &= src;
			break;
		case BPF_ALU | BPF_RSH | BPF_K:
		case BPF_ALU | BPF_RSH | BPF_X:
			if (src >= 32)
				return CBPF_BAD;	/* undefined: never rely on it */
			a >>= src;
			break;
		case BPF_JMP | BPF_JA:
			if (pc + 1 + i->k >= n)
				return CBPF_BAD;
			pc += i->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
		case BPF_JMP | BPF_JGE | BPF_K:
		case BPF_JMP | BPF_JGT | BPF_K:
		case BPF_JMP | BPF_JSET | BPF_K: {
			int cond = cbpf_cond(i, a);

			target = pc + 1 + (cond ? i->jt : i->jf);
			if (pc + 1 + i->jt >= n || pc + 1 + i->jf >= n)
				return CBPF_BAD;
			pc = target - 1;
			break;
		}
		case BPF_RET | BPF_K:
			return i->k;
		default:
			return CBPF_BAD;
		}
	}
	return CBPF_BAD;
}

/*
 * Whether the kernel's seccomp action cache (kernel 5.11+) can answer
 * (arch, nr) without running the program: it emulates the program knowing
 * only nr and arch, and caches the number when that emulation reaches a
 * constant SECCOMP_RET_ALLOW. The emulation gives up (not cacheable) on a
 * load of anything else (arguments, instruction_pointer) and on any
 * instruction other than ld nr/arch, ret k, ja, jeq/jge/jgt/jset k and
 * "and k" - no X register, no scratch memory, no shifts. The same rules,
 * written from the kernel's documentation of the feature.
 */
static inline int cbpf_cacheable_allow(const struct sock_filter *p, size_t n,
				       uint32_t arch, uint32_t nr)
{
	uint32_t a = 0;

	for (size_t pc = 0; pc < n; pc++) {
		const struct sock_filter *i = &p[pc];

		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (i->k == offsetof(struct seccomp_data, nr))
				a = nr;
			else if (i->k == offsetof(struct seccomp_data, arch))
				a = arch;
			else
				return 0;
			break;
		case BPF_RET | BPF_K:
			return i->k == SECCOMP_RET_ALLOW;
		case BPF_JMP | BPF_JA:
			pc += i->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
		case BPF_JMP | BPF_JGE | BPF_K:
		case BPF_JMP | BPF_JGT | BPF_K:
		case BPF_JMP | BPF_JSET | BPF_K: {
			int cond = cbpf_cond(i, a);

			pc += cond ? i->jt : i->jf;
			break;
		}
		case BPF_ALU | BPF_AND | BPF_K:
			a &= i->k;
			break;
		default:
			return 0;
		}
	}
	return 0;
}

#endif /* RN_TEST_CBPF_H */
