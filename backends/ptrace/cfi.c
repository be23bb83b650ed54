// SPDX-License-Identifier: MIT
/*
 * The --source fast path's one question to .eh_frame: at this address, is
 * the frame's CFA "rsp + k" or "rbp + k", with the return address at CFA - 8
 * and rbp either untouched or saved at CFA + j? That covers libc's
 * system-call wrappers, the dynamic loader, and code with or without frame
 * pointers, and lets --source step from the system-call instruction to the
 * program's own frame with a read or two per frame. Any CFI this small
 * interpreter does not follow answers "no" and libunwind does the unwinding
 * instead. Answers are cached per object.
 */
#ifdef RN_HAVE_DWARF

#include <string.h>

#include "unwind.h"

/* The image bytes at link-time address vaddr, len of them, or NULL. */
static const unsigned char *cfi_ptr(const struct pt_obj *o, __u64 vaddr, size_t len)
{
	for (int i = 0; i < o->nloads; i++) {
		const struct pt_load *l = &o->loads[i];

		if (vaddr >= l->vaddr && vaddr + len <= l->vaddr + l->filesz &&
		    l->off + (vaddr - l->vaddr) + len <= o->size)
			return o->image + l->off + (vaddr - l->vaddr);
	}
	return NULL;
}

/* A cursor over CFI bytes, in link-time addresses; ok goes false on any
 * read past end. */
struct cfi_cur {
	const struct pt_obj *o;
	__u64 at, end;
	bool ok;
};

static __u64 cfi_u(struct cfi_cur *c, unsigned n)
{
	const unsigned char *p = cfi_ptr(c->o, c->at, n);
	__u64 v = 0;

	if (!p || c->at + n > c->end) {
		c->ok = false;
		return 0;
	}
	for (unsigned i = 0; i < n; i++)
		v |= (__u64)p[i] << (8 * i);
	c->at += n;
	return v;
}

static __u64 cfi_uleb(struct cfi_cur *c)
{
	__u64 v = 0;

	for (unsigned shift = 0; c->ok && shift < 64; shift += 7) {
		__u64 b = cfi_u(c, 1);

		v |= (b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
	}
	c->ok = false;
	return 0;
}

static __s64 cfi_sleb(struct cfi_cur *c)
{
	__u64 v = 0, b = 0x80;
	unsigned shift = 0;

	while (c->ok && (b & 0x80) && shift < 64) {
		b = cfi_u(c, 1);
		v |= (b & 0x7f) << shift;
		shift += 7;
	}
	if (shift < 64 && (b & 0x40))
		v |= ~0ull << shift;
	return (__s64)v;
}

/* A pointer in DW_EH_PE encoding enc: absolute or pc-relative only. */
static __u64 cfi_ptr_enc(struct cfi_cur *c, unsigned enc)
{
	__u64 field = c->at, v;

	switch (enc & 0x0f) {
	case 0x00: v = cfi_u(c, 8); break;
	case 0x02: v = cfi_u(c, 2); break;
	case 0x03: v = cfi_u(c, 4); break;
	case 0x04: v = cfi_u(c, 8); break;
	case 0x0a: v = (__u64)(__s64)(__s16)cfi_u(c, 2); break;
	case 0x0b: v = (__u64)(__s64)(__s32)cfi_u(c, 4); break;
	case 0x0c: v = cfi_u(c, 8); break;
	default: c->ok = false; return 0;
	}
	if ((enc & 0x70) == 0x10)
		v += field;
	else if (enc & 0x70)
		c->ok = false;	/* datarel, textrel, funcrel, indirect: not here */
	return v;
}

/* The CFA and return-address rules we track. */
struct cfi_state {
	int cfa_reg;
	__s64 cfa_off;
	__s64 ra_off;		/* RA saved at CFA + ra_off; 1 = other rule,
				 * 2 = undefined (the outermost frame) */
	__s64 bp_off;		/* rbp saved at CFA + bp_off; 0 = unchanged,
				 * 1 = other rule */
};

struct cfi_cie {
	__u64 insns, end;
	__u64 code_align;
	__s64 data_align;
	unsigned ra_reg, fde_enc;
	bool aug_z;
};

/* factor * data_align with two's-complement wrap-around: hostile CFI must not
 * make signed overflow (undefined behaviour; a fuzz_elf finding). */
static __s64 cfi_scale(__u64 factor, __s64 align)
{
	return (__s64)(factor * (__u64)align);
}

static bool cfi_parse_cie(const struct pt_obj *o, __u64 at, struct cfi_cie *cie)
{
	struct cfi_cur c = { .o = o, .at = at, .end = ~0ull, .ok = true };
	char aug[8];
	unsigned n = 0, version;
	__u64 len = cfi_u(&c, 4);

	if (len == 0 || len >= 0xfffffff0u || cfi_u(&c, 4) != 0)
		return false;
	c.end = at + 4 + len;
	version = (unsigned)cfi_u(&c, 1);
	while (c.ok && n < sizeof(aug) && (aug[n] = (char)cfi_u(&c, 1)))
		n++;
	if (!c.ok || n == sizeof(aug) || (version != 1 && version != 3))
		return false;
	cie->code_align = cfi_uleb(&c);
	cie->data_align = cfi_sleb(&c);
	cie->ra_reg = version == 1 ? (unsigned)cfi_u(&c, 1) : (unsigned)cfi_uleb(&c);
	cie->fde_enc = 0;
	cie->aug_z = n && aug[0] == 'z';
	if (cie->aug_z) {
		__u64 alen = cfi_uleb(&c), aend = c.at + alen;

		for (unsigned i = 1; i < n && c.ok; i++) {
			if (aug[i] == 'R')
				cie->fde_enc = (unsigned)cfi_u(&c, 1);
			else if (aug[i] == 'L')
				cfi_u(&c, 1);
			else if (aug[i] == 'P')
				cfi_ptr_enc(&c, (unsigned)cfi_u(&c, 1) & 0x7f);
			else
				return false;	/* 'S' signal frames and the unknown */
		}
		c.at = aend;
	} else if (n) {
		return false;
	}
	cie->insns = c.at;
	cie->end = c.end;
	return c.ok && cie->ra_reg == 16;
}

/* Register reg saved at CFA + off. */
static void cfi_saved(struct cfi_state *s, __u64 reg, __s64 off)
{
	if (reg == 16)
		s->ra_off = off;
	else if (reg == 6)
		s->bp_off = off ? off : 1;
}

static void cfi_restore(struct cfi_state *s, const struct cfi_state *initial, __u64 reg)
{
	if (reg == 16)
		s->ra_off = initial->ra_off;
	else if (reg == 6)
		s->bp_off = initial->bp_off;
}

/* A rule we do not follow for reg. */
static void cfi_other(struct cfi_state *s, __u64 reg)
{
	if (reg == 16)
		s->ra_off = 1;
	else if (reg == 6)
		s->bp_off = 1;
}

/* One CFA instruction that sets a register rule or the CFA (not the location,
 * not the state stack). False for one we do not follow. */
static bool cfi_rule(struct cfi_cur *c, const struct cfi_cie *cie, struct cfi_state *s,
		     const struct cfi_state *initial, unsigned op)
{
	__u64 reg;

	switch (op) {
	case 0x00:		/* nop */
		break;
	case 0x05:		/* offset_extended */
		reg = cfi_uleb(c);
		cfi_saved(s, reg, cfi_scale((__u64)cfi_uleb(c), cie->data_align));
		break;
	case 0x06:		/* restore_extended */
		cfi_restore(s, initial, cfi_uleb(c));
		break;
	case 0x07: case 0x08:	/* undefined, same_value */
		reg = cfi_uleb(c);
		if (reg == 16)
			s->ra_off = op == 0x07 ? 2 : 1;
		else if (reg == 6)
			s->bp_off = op == 0x08 ? 0 : 1;
		break;
	case 0x09:		/* register */
		cfi_other(s, cfi_uleb(c));
		cfi_uleb(c);
		break;
	case 0x0c:		/* def_cfa */
		s->cfa_reg = (int)cfi_uleb(c);
		s->cfa_off = (__s64)cfi_uleb(c);
		break;
	case 0x0d:		/* def_cfa_register */
		s->cfa_reg = (int)cfi_uleb(c);
		break;
	case 0x0e:		/* def_cfa_offset */
		s->cfa_off = (__s64)cfi_uleb(c);
		break;
	case 0x11:		/* offset_extended_sf */
		reg = cfi_uleb(c);
		cfi_saved(s, reg, cfi_scale((__u64)cfi_sleb(c), cie->data_align));
		break;
	case 0x12:		/* def_cfa_sf */
		s->cfa_reg = (int)cfi_uleb(c);
		s->cfa_off = cfi_scale((__u64)cfi_sleb(c), cie->data_align);
		break;
	case 0x13:		/* def_cfa_offset_sf */
		s->cfa_off = cfi_scale((__u64)cfi_sleb(c), cie->data_align);
		break;
	case 0x10: case 0x16:	/* expression, val_expression */
		cfi_other(s, cfi_uleb(c));
		c->at += cfi_uleb(c);
		break;
	case 0x2e:		/* GNU_args_size */
		cfi_uleb(c);
		break;
	default:		/* def_cfa_expression and the rest */
		return false;
	}
	return true;
}

/* Run CFA instructions [c.at, c.end) while loc <= pc (pc < 0: all of them). */
static bool cfi_run(struct cfi_cur *c, const struct cfi_cie *cie, struct cfi_state *s,
		    const struct cfi_state *initial, __u64 loc, __u64 pc, bool all)
{
	struct cfi_state stack[4];
	int depth = 0;

	while (c->ok && c->at < c->end) {
		unsigned op = (unsigned)cfi_u(c, 1), low = op & 0x3f;

		switch (op & 0xc0) {
		case 0x40:		/* advance_loc */
			loc += low * cie->code_align;
			if (!all && loc > pc)
				return true;
			continue;
		case 0x80:		/* offset */
			cfi_saved(s, low, cfi_scale((__u64)cfi_uleb(c), cie->data_align));
			continue;
		case 0xc0:		/* restore */
			cfi_restore(s, initial, low);
			continue;
		}
		switch (op) {
		case 0x02: case 0x03: case 0x04: /* advance_loc1/2/4 */
			loc += cfi_u(c, op == 0x02 ? 1 : op == 0x03 ? 2 : 4) * cie->code_align;
			if (!all && loc > pc)
				return true;
			break;
		case 0x0a:		/* remember_state */
			if (depth == 4)
				return false;
			stack[depth++] = *s;
			break;
		case 0x0b:		/* restore_state */
			if (!depth)
				return false;
			*s = stack[--depth];
			break;
		default:
			if (!cfi_rule(c, cie, s, initial, op))
				return false;
		}
	}
	return c->ok;
}

/* The FDE for vaddr through .eh_frame_hdr's sorted table, or 0. */
static __u64 cfi_find_fde(const struct pt_obj *o, __u64 vaddr)
{
	__u64 hdr = o->ehdr_vaddr, table = hdr + 12;
	size_t lo = 0, hi = o->fde_count;
	const unsigned char *e;
	__s32 v[2];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		e = cfi_ptr(o, table + mid * 8, 8);
		if (!e)
			return 0;
		memcpy(v, e, 8);
		if (hdr + (__u64)(__s64)v[0] <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || !(e = cfi_ptr(o, table + (lo - 1) * 8, 8)))
		return 0;
	memcpy(v, e, 8);
	return hdr + (__u64)(__s64)v[1];
}

static int cfi_compute(const struct pt_obj *o, __u64 vaddr, struct pt_cfa_hit *r)
{
	struct cfi_cur c = { .o = o, .ok = true };
	struct cfi_state s = { .cfa_reg = -1, .ra_off = 1 }, initial;
	struct cfi_cie cie;
	__u64 fde = cfi_find_fde(o, vaddr), len, cie_at, pc_begin, pc_range;

	/* No FDE for the address (the dynamic loader's _start, hand-written
	 * entry code): taken as the outermost frame. */
	if (!fde)
		return -1;
	c.at = fde;
	c.end = ~0ull;
	len = cfi_u(&c, 4);
	if (!c.ok || len == 0 || len >= 0xfffffff0u)
		return 0;
	c.end = fde + 4 + len;
	cie_at = c.at;
	cie_at -= cfi_u(&c, 4);
	if (!c.ok || !cfi_parse_cie(o, cie_at, &cie))
		return 0;
	pc_begin = cfi_ptr_enc(&c, cie.fde_enc);
	pc_range = cfi_ptr_enc(&c, cie.fde_enc & 0x0f);
	if (!c.ok)
		return 0;
	if (vaddr < pc_begin || vaddr >= pc_begin + pc_range)
		return -1;
	if (cie.aug_z)
		c.at += cfi_uleb(&c);
	{
		struct cfi_cur ci = { .o = o, .at = cie.insns, .end = cie.end, .ok = true };

		if (!cfi_run(&ci, &cie, &s, &s, 0, 0, true))
			return 0;
	}
	initial = s;
	if (!cfi_run(&c, &cie, &s, &initial, pc_begin, vaddr, false))
		return 0;
	if (s.ra_off == 2)
		return -1;
	if ((s.cfa_reg != 7 && s.cfa_reg != 6) || s.ra_off != -8 || s.cfa_off < 8 ||
	    s.cfa_off > (1 << 20) || s.bp_off > 0 || s.bp_off < -4096)
		return 0;
	r->cfa_reg = (__u8)s.cfa_reg;
	r->cfa_off = (__s32)s.cfa_off;
	r->bp_off = (__s32)s.bp_off;
	return 1;
}

int pt_cfi_rule(struct pt_obj *o, __u64 vaddr, struct pt_cfa_hit *rule)
{
	struct pt_cfa_hit *h = &o->cfa_cache[(vaddr ^ (vaddr >> 7)) % PT_OBJ_CACHE];

	if (!o->ehdr_vaddr)
		return 0;
	if (h->vaddr != vaddr + 1) {
		*h = (struct pt_cfa_hit){ .vaddr = vaddr + 1 };
		h->rc = (__s8)cfi_compute(o, vaddr, h);
	}
	*rule = *h;
	return h->rc;
}

#endif /* RN_HAVE_DWARF */
