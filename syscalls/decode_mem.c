// SPDX-License-Identifier: MIT
/* Decoders for memory management: mmap, mprotect, mremap, brk, madvise, ... */
#include "decode_int.h"

#include <sys/mman.h>

#include "decode_fns.h"

static void pr_prot(struct dctx *c, int i)
{
	dc_flags(c, i, rn_xl_mmap_prot);
}

/* MAP_PRIVATE|MAP_ANONYMOUS, with the huge page size as strace shows it. */
static void pr_mmap_flags(struct rn_strbuf *sb, __u64 flags)
{
	unsigned huge = (flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;

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

/* addr, len[, prot] */
void dec_mprotect(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
	if (c->d->nargs > 2)
		pr_prot(c, 2);
	if (c->d->nargs > 3)
		dc_int(c, 3);	/* pkey_mprotect */
}

void dec_munmap(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
}

void dec_mremap(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
	dc_ulong(c, 2);
	dc_flags(c, 3, rn_xl_mremap_flags);
	if (RAW(c, 3) & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		dc_ptr(c, 4);
	else
		c->d->nargs = 4;
	c->rv = RV_HEX;
}

void dec_brk(struct dctx *c)
{
	dc_ptr(c, 0);
	c->rv = RV_HEX;
}

void dec_madvise(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
	dc_enum(c, 2, rn_xl_madvise, "%#llx /* MADV_??? */");
}

void dec_msync(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
	dc_flags(c, 2, rn_xl_msync_flags);
}

void dec_mlockall(struct dctx *c)
{
	dc_flags(c, 0, rn_xl_mlockall);
}
