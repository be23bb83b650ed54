// SPDX-License-Identifier: MIT
/*
 * The x86_64 syscall table: one row per syscall, generated from
 * syscalls/syscalls.def by scripts/gen-syscalls.py into build/gen/. A row
 * holds the name, classes, -P roles, how the arguments and the result print
 * (a kind list for the generic decoder, or a decoder function) and the
 * capture descriptor: which argument points at memory the decoders will want,
 * so the eBPF backend can copy it in the kernel and the ptrace backend can copy
 * what would be gone by syscall exit.
 */
#include "syscalls.h"

#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"
#include "gen/syscalls_tbl.h"

#define NTBL (sizeof(syscall_tbl) / sizeof(syscall_tbl[0]))
#define NBYNAME (sizeof(syscall_by_name) / sizeof(syscall_by_name[0]))

_Static_assert(NTBL <= RN_NR_MAX, "syscall numbers fit RN_NR_MAX");

const struct rn_syscall_info *rn_syscall(long nr)
{
	if (nr < 0 || (unsigned long)nr >= NTBL || !syscall_tbl[nr].name)
		return NULL;
	return &syscall_tbl[nr];
}

long rn_syscall_by_name(const char *name)
{
	size_t lo = 0, hi = NBYNAME;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, syscall_tbl[syscall_by_name[mid]].name);

		if (!c)
			return syscall_by_name[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const struct rn_cap_desc *rn_syscall_capture(long nr)
{
	static const struct rn_cap_desc none;

	if (nr < 0 || (unsigned long)nr >= NTBL)
		return &none;
	return &syscall_tbl[nr].cap;
}
