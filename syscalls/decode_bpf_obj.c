// SPDX-License-Identifier: MIT
/*
 * What bpf(2)'s attr points at, as strace 6.1 prints it: eBPF instructions
 * (under -v), the bpf_prog_info and bpf_map_info that
 * BPF_OBJ_GET_INFO_BY_FD fills (under -v, for a program or map descriptor,
 * each count the caller gave and the kernel changed as "0 => 7"), and the
 * part of BPF_LINK_CREATE's attr its attach type reads.
 */
#include <string.h>
#include <time.h>
#include <sys/sysmacros.h>

#include "bpf_int.h"

#define BPF_ARRAY_MAX	4096

/* [a, b, ...]: n elements of size bytes at addr, cut at -s of them unless
 * -v and at BPF_ARRAY_MAX always (strace 6.1 cuts instructions there,
 * BPF_MAXINSNS, and no other count the kernel takes comes near it). The
 * address alone when the first is unreadable, or for an output of a call
 * that failed; "... /\* addr *\/" where a later one is unreadable. */
void pr_bpf_array(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n, size_t size,
		  bpf_elem_fn fn, bool out)
{
	__u8 e[8];

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (n && ((out && !c->ok) || dc_read(c, addr, e, size, out) < 0)) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 i = 0; i < n; i++) {
		if (i && (dc_array_cut(c, i) || i >= BPF_ARRAY_MAX)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (i && dc_read(c, addr + i * size, e, size, out) < 0) {
			rn_sb_printf(sb, ", ... /* %#llx */",
				     (unsigned long long)(addr + i * size));
			break;
		}
		if (i)
			rn_sb_puts(sb, ", ");
		fn(c, sb, e);
	}
	rn_sb_putc(sb, ']');
}

/* --- eBPF instructions: {code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=..., ...} */

static const char *const bpf_classes[8] = {
	"BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX", "BPF_ALU", "BPF_JMP", "BPF_JMP32", "BPF_ALU64",
};

static const char *const bpf_sizes[4] = { "BPF_W", "BPF_H", "BPF_B", "BPF_DW" };

static const struct rn_xlat bpf_modes[] = {
	XLAT_PAIR(0x00, "BPF_IMM"), XLAT_PAIR(0x20, "BPF_ABS"), XLAT_PAIR(0x40, "BPF_IND"),
	XLAT_PAIR(0x60, "BPF_MEM"), XLAT_PAIR(0xc0, "BPF_XADD"), XLAT_END,
};

static const struct rn_xlat bpf_alu_ops[] = {
	XLAT_PAIR(0x00, "BPF_ADD"), XLAT_PAIR(0x10, "BPF_SUB"), XLAT_PAIR(0x20, "BPF_MUL"),
	XLAT_PAIR(0x30, "BPF_DIV"), XLAT_PAIR(0x40, "BPF_OR"), XLAT_PAIR(0x50, "BPF_AND"),
	XLAT_PAIR(0x60, "BPF_LSH"), XLAT_PAIR(0x70, "BPF_RSH"), XLAT_PAIR(0x80, "BPF_NEG"),
	XLAT_PAIR(0x90, "BPF_MOD"), XLAT_PAIR(0xa0, "BPF_XOR"), XLAT_PAIR(0xb0, "BPF_MOV"),
	XLAT_PAIR(0xc0, "BPF_ARSH"), XLAT_PAIR(0xd0, "BPF_END"), XLAT_END,
};

static const struct rn_xlat bpf_jmp_ops[] = {
	XLAT_PAIR(0x00, "BPF_JA"), XLAT_PAIR(0x10, "BPF_JEQ"), XLAT_PAIR(0x20, "BPF_JGT"),
	XLAT_PAIR(0x30, "BPF_JGE"), XLAT_PAIR(0x40, "BPF_JSET"), XLAT_PAIR(0x50, "BPF_JNE"),
	XLAT_PAIR(0x60, "BPF_JSGT"), XLAT_PAIR(0x70, "BPF_JSGE"), XLAT_PAIR(0x80, "BPF_CALL"),
	XLAT_PAIR(0x90, "BPF_EXIT"), XLAT_PAIR(0xa0, "BPF_JLT"), XLAT_PAIR(0xb0, "BPF_JLE"),
	XLAT_PAIR(0xc0, "BPF_JSLT"), XLAT_PAIR(0xd0, "BPF_JSLE"), XLAT_END,
};

/* the class, then size and mode (loads, stores) or source and operation;
 * strace 6.1 takes BPF_JMP32 apart no further */
static void pr_bpf_code(struct rn_strbuf *sb, unsigned code)
{
	unsigned cls = code & 7;

	rn_sb_puts(sb, bpf_classes[cls]);
	if (cls == 6) {
		if (code & ~7u)
			rn_sb_printf(sb, "|%#x /* BPF_??? */", code & ~7u);
		return;
	}
	rn_sb_putc(sb, '|');
	if (cls < 4) {
		rn_sb_printf(sb, "%s|", bpf_sizes[(code >> 3) & 3]);
		rn_xlat_enum_unk(sb, bpf_modes, code & 0xe0, "BPF_");
		return;
	}
	rn_sb_puts(sb, code & 8 ? "BPF_X|" : "BPF_K|");
	rn_xlat_enum_unk(sb, cls == 5 ? bpf_jmp_ops : bpf_alu_ops, code & 0xf0, "BPF_");
}

static void pr_bpf_reg(struct rn_strbuf *sb, unsigned r)
{
	if (r <= 10)
		rn_sb_printf(sb, "BPF_REG_%u", r);
	else
		rn_sb_printf(sb, "%#x /* BPF_REG_??? */", r);
}

static void pr_bpf_insn(struct dctx *c, struct rn_strbuf *sb, const __u8 *in)
{
	__s16 off;
	__u32 imm;

	(void)c;
	memcpy(&off, in + 2, sizeof(off));
	memcpy(&imm, in + 4, sizeof(imm));
	rn_sb_puts(sb, "{code=");
	pr_bpf_code(sb, in[0]);
	rn_sb_puts(sb, ", dst_reg=");
	pr_bpf_reg(sb, in[1] & 0xf);
	rn_sb_puts(sb, ", src_reg=");
	pr_bpf_reg(sb, in[1] >> 4);
	rn_sb_printf(sb, ", off=%d, imm=%#x}", off, imm);
}

void pr_bpf_insns(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n, bool out)
{
	if (!c->o->verbose)
		pr_ptr(sb, addr);
	else
		pr_bpf_array(c, sb, addr, n, 8, pr_bpf_insn, out);
}

/* --- BPF_OBJ_GET_INFO_BY_FD */

/* the part of the info structures strace 6.1 reads */
#define BPF_INFO_LEN	RN_BPF_INFO_MAX

/* bpf_prog_info; the lengths and counts go in and come back changed */
static const struct bpf_field f_prog_info[] = {
	{ .name = "type", .off = 0, .len = 4, .kind = BK_ENUM, .x = bpf_prog_types,
	  .pfx = "BPF_PROG_TYPE_" },
	{ .name = "id", .off = 4, .len = 4, .kind = BK_U },
	{ .name = "tag", .off = 8, .len = 8, .kind = BK_TAG },
	{ .name = "jited_prog_len", .off = 16, .len = 4, .kind = BK_INOUT },
	{ .name = "jited_prog_insns", .off = 24, .len = 8, .kind = BK_HEXBUF, .aux = 16 },
	{ .name = "xlated_prog_len", .off = 20, .len = 4, .kind = BK_INOUT },
	{ .name = "xlated_prog_insns", .off = 32, .len = 8, .kind = BK_XLATED, .aux = 20 },
	{ .name = "load_time", .off = 40, .len = 8, .kind = BK_TIME, .after = 40 },
	{ .name = "created_by_uid", .off = 48, .len = 4, .kind = BK_U, .after = 40 },
	{ .name = "nr_map_ids", .off = 52, .len = 4, .kind = BK_INOUT, .after = 40 },
	{ .name = "map_ids", .off = 56, .len = 8, .kind = BK_IDS, .after = 40, .aux = 52 },
	{ .name = "name", .off = 64, .len = 16, .kind = BK_NAME, .after = 40 },
	{ .name = "ifindex", .off = 80, .len = 4, .kind = BK_U, .after = 80 },
	{ .name = "gpl_compatible", .off = 84, .len = 4, .kind = BK_GPL, .after = 80 },
	{ .name = "netns_dev", .off = 88, .len = 8, .kind = BK_DEV, .after = 80 },
	{ .name = "netns_ino", .off = 96, .len = 8, .kind = BK_U, .after = 80 },
	{ .name = "nr_jited_ksyms", .off = 104, .len = 4, .kind = BK_INOUT, .after = 104 },
	{ .name = "nr_jited_func_lens", .off = 108, .len = 4, .kind = BK_INOUT, .after = 104 },
	{ .name = "jited_ksyms", .off = 112, .len = 8, .kind = BK_PTR, .after = 104 },
	{ .name = "jited_func_lens", .off = 120, .len = 8, .kind = BK_PTR, .after = 104 },
	{ .name = "btf_id", .off = 128, .len = 4, .kind = BK_U, .after = 128 },
	{ .name = "func_info_rec_size", .off = 132, .len = 4, .kind = BK_INOUT, .after = 128 },
	{ .name = "func_info", .off = 136, .len = 8, .kind = BK_PTR, .after = 128 },
	{ .name = "nr_func_info", .off = 144, .len = 4, .kind = BK_INOUT, .after = 128 },
	{ .name = "nr_line_info", .off = 148, .len = 4, .kind = BK_INOUT, .after = 128 },
	{ .name = "line_info", .off = 152, .len = 8, .kind = BK_PTR, .after = 128 },
	{ .name = "jited_line_info", .off = 160, .len = 8, .kind = BK_PTR, .after = 128 },
	{ .name = "nr_jited_line_info", .off = 168, .len = 4, .kind = BK_INOUT, .after = 128 },
	{ .name = "line_info_rec_size", .off = 172, .len = 4, .kind = BK_INOUT, .after = 128 },
	{ .name = "jited_line_info_rec_size", .off = 176, .len = 4, .kind = BK_INOUT,
	  .after = 128 },
	{ .name = "nr_prog_tags", .off = 180, .len = 4, .kind = BK_INOUT, .after = 128 },
	{ .name = "prog_tags", .off = 184, .len = 8, .kind = BK_PTR, .after = 128 },
	{ .name = "run_time_ns", .off = 192, .len = 8, .kind = BK_U, .after = 192 },
	{ .name = "run_cnt", .off = 200, .len = 8, .kind = BK_U, .after = 192 },
	{ .name = "recursion_misses", .off = 208, .len = 8, .kind = BK_U, .after = 208 },
	{ .name = "verified_insns", .off = 216, .len = 4, .kind = BK_U, .after = 216 },
};

static const struct bpf_field f_map_info[] = {
	{ .name = "type", .off = 0, .len = 4, .kind = BK_ENUM, .x = bpf_map_types,
	  .pfx = "BPF_MAP_TYPE_" },
	{ .name = "id", .off = 4, .len = 4, .kind = BK_U },
	{ .name = "key_size", .off = 8, .len = 4, .kind = BK_U },
	{ .name = "value_size", .off = 12, .len = 4, .kind = BK_U },
	{ .name = "max_entries", .off = 16, .len = 4, .kind = BK_U },
	{ .name = "map_flags", .off = 20, .len = 4, .kind = BK_FLAGS, .x = bpf_map_flags,
	  .pfx = "BPF_F_" },
	{ .name = "name", .off = 24, .len = 16, .kind = BK_NAME, .after = 24 },
	{ .name = "ifindex", .off = 40, .len = 4, .kind = BK_U, .after = 40 },
	{ .name = "btf_vmlinux_value_type_id", .off = 44, .len = 4, .kind = BK_U, .after = 40 },
	{ .name = "netns_dev", .off = 48, .len = 8, .kind = BK_DEV, .after = 40 },
	{ .name = "netns_ino", .off = 56, .len = 8, .kind = BK_U, .after = 40 },
	{ .name = "btf_id", .off = 64, .len = 4, .kind = BK_U, .after = 64 },
	{ .name = "btf_key_type_id", .off = 68, .len = 4, .kind = BK_U, .after = 64 },
	{ .name = "btf_value_type_id", .off = 72, .len = 4, .kind = BK_U, .after = 64 },
};

struct bpf_info_fmt {
	const char *anon;	/* the descriptor's anon_inode name */
	const struct bpf_field *f;
	size_t nf, end;
};

static const struct bpf_info_fmt bpf_infos[] = {
	{ "anon_inode:bpf-prog", f_prog_info, sizeof(f_prog_info) / sizeof(f_prog_info[0]), 220 },
	/* map_extra (80) is in strace 6.1's structure, not in its output */
	{ "anon_inode:bpf-map", f_map_info, sizeof(f_map_info) / sizeof(f_map_info[0]), 88 },
};

/* which info fd has, by what its link in /proc says: strace 6.1 knows
 * programs and maps only */
static const struct bpf_info_fmt *bpf_info_of(struct dctx *c, int fd)
{
	const struct rn_memsrc *live = c->mem.live;
	char path[64];
	long n;

	if (fd < 0 || !live || !live->fdpath)
		return NULL;
	n = live->fdpath(live->ctx, c->mem.ev->tgid, fd, path, sizeof(path));
	if (n <= 0 || (size_t)n >= sizeof(path))
		return NULL;
	path[n] = '\0';
	for (size_t i = 0; i < sizeof(bpf_infos) / sizeof(bpf_infos[0]); i++)
		if (!strcmp(path, bpf_infos[i].anon))
			return &bpf_infos[i];
	return NULL;
}

/* info={...} under -v once the kernel filled it, failed or not; else its
 * address */
void pr_bpf_info(struct bpf_view *v)
{
	struct dctx *c = v->c;
	__u64 addr = bpf_get(v->in, 8, 8);
	__u32 len_in = (__u32)bpf_get(v->in, 4, 4), len = (__u32)bpf_get(v->out, 4, 4);
	size_t nin = len_in < BPF_INFO_LEN ? len_in : BPF_INFO_LEN;
	size_t nout = len < BPF_INFO_LEN ? len : BPF_INFO_LEN;
	__u8 in[BPF_INFO_LEN] = { 0 }, out[BPF_INFO_LEN] = { 0 };
	struct bpf_view iv = { .c = c, .sb = v->sb, .in = in, .out = out, .size = len,
			       .late = true, .whole_names = true };
	const struct bpf_info_fmt *fmt;

	if (!c->o->verbose || !addr || !len || !(fmt = bpf_info_of(c, (int)bpf_get(v->in, 0, 4))) ||
	    dc_read(c, addr, out, nout, true) < 0) {
		pr_ptr(v->sb, addr);
		return;
	}
	/* the counts as they went in: without a copy from then, as they came */
	if (dc_read(c, addr, in, nin, false) < 0)
		memcpy(in, out, sizeof(in));
	rn_sb_putc(v->sb, '{');
	bpf_fields(&iv, fmt->f, fmt->nf);
	pr_bpf_tail(c, v->sb, out, fmt->end, nout, addr, len, true);
	rn_sb_putc(v->sb, '}');
}

/* load_time: ns since boot, and when that was */
static void pr_bpf_load_time(struct rn_strbuf *sb, __u64 ns)
{
	struct timespec real, boot;
	long long sec;

	rn_sb_printf(sb, "%llu", (unsigned long long)ns);
	if (clock_gettime(CLOCK_REALTIME, &real) || clock_gettime(CLOCK_BOOTTIME, &boot))
		return;
	sec = (long long)real.tv_sec - boot.tv_sec + (long long)(ns / 1000000000ull);
	if (real.tv_nsec - boot.tv_nsec + (long long)(ns % 1000000000ull) >= 1000000000)
		sec++;
	else if (real.tv_nsec - boot.tv_nsec + (long long)(ns % 1000000000ull) < 0)
		sec--;
	pr_time_comment(sb, sec, 0);
}

void pr_bpf_obj_value(struct bpf_view *v, const struct bpf_field *f, const __u8 *a)
{
	struct dctx *c = v->c;
	struct rn_strbuf *sb = v->sb;
	__u64 val = bpf_get(a, f->off, f->len), aux = bpf_get(a, f->aux, 4);

	switch (f->kind) {
	case BK_TAG:
		rn_sb_putc(sb, '"');
		rn_escape_hex(sb, a + f->off, 8);
		rn_sb_putc(sb, '"');
		break;
	case BK_HEXBUF:
		pr_buf_hex_at(c, sb, val, aux, true);
		break;
	case BK_XLATED:
		pr_bpf_array(c, sb, val, aux / 8, 8, pr_bpf_insn, true);
		break;
	case BK_TIME:
		pr_bpf_load_time(sb, val);
		break;
	case BK_GPL:
		rn_sb_printf(sb, "%u", (unsigned)val & 1);
		break;
	case BK_DEV:
		rn_sb_printf(sb, "makedev(%#x, %#x)", major(val), minor(val));
		break;
	default:
		break;
	}
}

/* --- BPF_LINK_CREATE past flags */

static const struct rn_xlat bpf_kprobe_multi_flags[] = {
	XLAT_PAIR(1, "BPF_F_KPROBE_MULTI_RETURN"), XLAT_END,
};

static void pr_bpf_iter_map(struct dctx *c, struct rn_strbuf *sb, const __u8 *e)
{
	rn_sb_puts(sb, "{map={map_fd=");
	pr_fd(c, sb, (int)bpf_get(e, 0, 4));
	rn_sb_puts(sb, "}}");
}

static void pr_bpf_sym(struct dctx *c, struct rn_strbuf *sb, const __u8 *e)
{
	pr_str_at(c, sb, bpf_get(e, 0, 8), c->o->strsize);
}

static void pr_bpf_hex64(struct dctx *c, struct rn_strbuf *sb, const __u8 *e)
{
	(void)c;
	rn_sb_printf(sb, "%#llx", (unsigned long long)bpf_get(e, 0, 8));
}

size_t pr_bpf_link_target(struct bpf_view *v)
{
	struct dctx *c = v->c;
	struct rn_strbuf *sb = v->sb;
	const __u8 *a = v->in;
	__u32 cnt;

	switch (bpf_get(a, 8, 4)) {
	case 0:		/* BPF_CGROUP_INET_INGRESS: a BTF id, when one is given */
		if (bpf_get(a, 16, 4))
			rn_sb_printf(sb, ", target_btf_id=%u", (unsigned)bpf_get(a, 16, 4));
		return 20;
	case 28:	/* BPF_TRACE_ITER */
		rn_sb_puts(sb, ", iter_info=");
		pr_bpf_array(c, sb, bpf_get(a, 16, 8), bpf_get(a, 24, 4), 4, pr_bpf_iter_map,
			     false);
		rn_sb_printf(sb, ", iter_info_len=%u", (unsigned)bpf_get(a, 24, 4));
		return 28;
	case 41:	/* BPF_PERF_EVENT */
		rn_sb_printf(sb, ", perf_event={bpf_cookie=%#llx}",
			     (unsigned long long)bpf_get(a, 16, 8));
		return 24;
	case 42:	/* BPF_TRACE_KPROBE_MULTI */
		cnt = (__u32)bpf_get(a, 20, 4);
		rn_sb_puts(sb, ", kprobe_multi={flags=");
		pr_flags_unk(sb, bpf_kprobe_multi_flags, bpf_get(a, 16, 4), "BPF_F_");
		rn_sb_printf(sb, ", cnt=%u, syms=", cnt);
		pr_bpf_array(c, sb, bpf_get(a, 24, 8), cnt, 8, pr_bpf_sym, false);
		rn_sb_puts(sb, ", addrs=");
		pr_bpf_array(c, sb, bpf_get(a, 32, 8), cnt, 8, pr_bpf_hex64, false);
		rn_sb_puts(sb, ", cookies=");
		pr_bpf_array(c, sb, bpf_get(a, 40, 8), cnt, 8, pr_bpf_hex64, false);
		rn_sb_putc(sb, '}');
		return 48;
	}
	return 16;
}
