// SPDX-License-Identifier: MIT
/* Decoders for memory management: mmap, mprotect, mremap, brk, madvise, ... */
#include "decode_int.h"

#include <sys/mman.h>

#include "gen/decoders.h"

static void pr_prot(struct dctx *c, int i)
{
	dc_lflags(c, i, rn_xl_mmap_prot);
}

/* MAP_PRIVATE|MAP_ANONYMOUS, with the huge page size as strace shows it; only
 * the low 32 bits, as strace prints them (the kernel ignores no bit, but no
 * flag lives above bit 31). */
void pr_mmap_flags(struct rn_strbuf *sb, __u64 flags)
{
	unsigned huge;

	flags = (__u32)flags;
	huge = (flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;

	rn_xlat_enum(sb, rn_xl_mmap_type, flags & MAP_TYPE, "%#llx /* MAP_??? */");
	flags &= ~((__u64)MAP_TYPE | ((__u64)MAP_HUGE_MASK << MAP_HUGE_SHIFT));
	if (flags) {
		rn_sb_putc(sb, '|');
		rn_xlat_flags(sb, rn_xl_mmap_flags, flags);
	}
	if (huge)
		rn_sb_printf(sb, "|%u<<MAP_HUGE_SHIFT", huge);
}

void dec_mmap(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
	pr_prot(c, 2);
	pr_mmap_flags(ARG(c, 3), RAW(c, 3));
	dc_fd(c, 4);
	dc_hex(c, 5);
	c->rv = RV_HEX;
}

void dec_mremap(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
	dc_ulong(c, 2);
	dc_lflags(c, 3, rn_xl_mremap_flags);
	if (RAW(c, 3) & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		dc_ptr(c, 4);
	else
		c->d->nargs = 4;
	c->rv = RV_HEX;
}

