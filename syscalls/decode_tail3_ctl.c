// SPDX-License-Identifier: MIT
/*
 * The multiplexed calls of the long tail's system end, printed as strace
 * 6.1 prints them: ptrace, quotactl/quotactl_fd and seccomp (keyctl is in
 * decode_tail3_key.c). Each
 * shows the arguments its request or command reads, and only those.
 * Checked against strace (tests/tracees/tail3.c, t_decode_tail3.sh).
 */
#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* --- ptrace(request, pid, addr, data) */

static const struct rn_xlat t3_ptrace_reqs[] = {
	XLAT_PAIR(0, "PTRACE_TRACEME"), XLAT_PAIR(1, "PTRACE_PEEKTEXT"),
	XLAT_PAIR(2, "PTRACE_PEEKDATA"), XLAT_PAIR(3, "PTRACE_PEEKUSER"),
	XLAT_PAIR(4, "PTRACE_POKETEXT"), XLAT_PAIR(5, "PTRACE_POKEDATA"),
	XLAT_PAIR(6, "PTRACE_POKEUSER"), XLAT_PAIR(7, "PTRACE_CONT"), XLAT_PAIR(8, "PTRACE_KILL"),
	XLAT_PAIR(9, "PTRACE_SINGLESTEP"), XLAT_PAIR(12, "PTRACE_GETREGS"),
	XLAT_PAIR(13, "PTRACE_SETREGS"), XLAT_PAIR(14, "PTRACE_GETFPREGS"),
	XLAT_PAIR(15, "PTRACE_SETFPREGS"), XLAT_PAIR(16, "PTRACE_ATTACH"),
	XLAT_PAIR(17, "PTRACE_DETACH"), XLAT_PAIR(18, "PTRACE_GETFPXREGS"),
	XLAT_PAIR(19, "PTRACE_SETFPXREGS"), XLAT_PAIR(21, "PTRACE_OLDSETOPTIONS"),
	XLAT_PAIR(24, "PTRACE_SYSCALL"),
	XLAT_PAIR(25, "PTRACE_GET_THREAD_AREA"), XLAT_PAIR(26, "PTRACE_SET_THREAD_AREA"),
	XLAT_PAIR(30, "PTRACE_ARCH_PRCTL"), XLAT_PAIR(31, "PTRACE_SYSEMU"),
	XLAT_PAIR(32, "PTRACE_SYSEMU_SINGLESTEP"), XLAT_PAIR(33, "PTRACE_SINGLEBLOCK"),
	XLAT_PAIR(0x4200, "PTRACE_SETOPTIONS"), XLAT_PAIR(0x4201, "PTRACE_GETEVENTMSG"),
	XLAT_PAIR(0x4202, "PTRACE_GETSIGINFO"), XLAT_PAIR(0x4203, "PTRACE_SETSIGINFO"),
	XLAT_PAIR(0x4204, "PTRACE_GETREGSET"), XLAT_PAIR(0x4205, "PTRACE_SETREGSET"),
	XLAT_PAIR(0x4206, "PTRACE_SEIZE"), XLAT_PAIR(0x4207, "PTRACE_INTERRUPT"),
	XLAT_PAIR(0x4208, "PTRACE_LISTEN"), XLAT_PAIR(0x4209, "PTRACE_PEEKSIGINFO"),
	XLAT_PAIR(0x420a, "PTRACE_GETSIGMASK"), XLAT_PAIR(0x420b, "PTRACE_SETSIGMASK"),
	XLAT_PAIR(0x420c, "PTRACE_SECCOMP_GET_FILTER"),
	XLAT_PAIR(0x420d, "PTRACE_SECCOMP_GET_METADATA"),
	XLAT_PAIR(0x420e, "PTRACE_GET_SYSCALL_INFO"),
	XLAT_PAIR(0x420f, "PTRACE_GET_RSEQ_CONFIGURATION"), XLAT_END,
};

static const struct rn_xlat t3_ptrace_opts[] = {
	XLAT_PAIR(0x1, "PTRACE_O_TRACESYSGOOD"), XLAT_PAIR(0x2, "PTRACE_O_TRACEFORK"),
	XLAT_PAIR(0x4, "PTRACE_O_TRACEVFORK"), XLAT_PAIR(0x8, "PTRACE_O_TRACECLONE"),
	XLAT_PAIR(0x10, "PTRACE_O_TRACEEXEC"), XLAT_PAIR(0x20, "PTRACE_O_TRACEVFORKDONE"),
	XLAT_PAIR(0x40, "PTRACE_O_TRACEEXIT"), XLAT_PAIR(0x80, "PTRACE_O_TRACESECCOMP"),
	XLAT_PAIR(0x100000, "PTRACE_O_EXITKILL"), XLAT_PAIR(0x200000, "PTRACE_O_SUSPEND_SECCOMP"),
	XLAT_END,
};

static const struct rn_xlat t3_nt_types[] = {
	XLAT_PAIR(1, "NT_PRSTATUS"), XLAT_PAIR(2, "NT_FPREGSET"), XLAT_PAIR(3, "NT_PRPSINFO"),
	XLAT_PAIR(4, "NT_PRXREG"), XLAT_PAIR(5, "NT_PLATFORM"), XLAT_PAIR(6, "NT_AUXV"),
	XLAT_PAIR(0x200, "NT_386_TLS"), XLAT_PAIR(0x201, "NT_386_IOPERM"),
	XLAT_PAIR(0x202, "NT_X86_XSTATE"), XLAT_PAIR(0x46e62b7f, "NT_PRXFPREG"), XLAT_END,
};

/* struct user_regs_struct's fields, in order: PEEKUSER offsets 8*NAME */
static const char *const t3_user_regs[] = {
	"r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx",
	"rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base",
	"gs_base", "ds", "es", "fs", "gs",
};

/* the named fields of struct user past the registers */
static const struct rn_xlat t3_user_fields[] = {
	XLAT_PAIR(216, "u_fpvalid"), XLAT_PAIR(224, "i387"), XLAT_PAIR(736, "u_tsize"),
	XLAT_PAIR(744, "u_dsize"), XLAT_PAIR(752, "u_ssize"), XLAT_PAIR(760, "start_code"),
	XLAT_PAIR(768, "start_stack"), XLAT_PAIR(776, "signal"), XLAT_PAIR(784, "reserved"),
	XLAT_PAIR(792, "u_ar0"), XLAT_PAIR(800, "u_fpstate"), XLAT_PAIR(808, "magic"),
	XLAT_PAIR(816, "u_comm"), XLAT_PAIR(848, "u_debugreg"), XLAT_END,
};

/* A struct user offset: 8*RIP, 8*SS+48, offsetof(struct user, i387)+6 */
static void pr_user_offset(struct rn_strbuf *sb, __u64 off)
{
	const struct rn_xlat *f = NULL;

	if (off == 912) {
		rn_sb_puts(sb, "sizeof(struct user)");
		return;
	}
	if (off > 912) {
		rn_sb_put_hex(sb, off);
		return;
	}
	for (const struct rn_xlat *x = t3_user_fields; x->str && x->val <= off; x++)
		f = x;
	if (f) {
		rn_sb_printf(sb, "offsetof(struct user, %s)", f->str);
		off -= f->val;
	} else {
		__u64 r = off / 8 > 20 ? 20 : off / 8;	/* strace names the registers to SS */

		rn_sb_puts(sb, "8*");
		for (const char *p = t3_user_regs[r]; *p; p++)
			rn_sb_putc(sb, (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p));
		off -= r * 8;
	}
	if (off)
		rn_sb_printf(sb, "+%llu", (unsigned long long)off);
}

/* struct user_regs_struct, the registers that fit in len bytes (a partial
 * regset), ", ..." after them when len is longer than the structure */
static void pr_user_regs(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out)
{
	__u64 r[27];
	size_t n = len < sizeof(r) ? (size_t)len : sizeof(r);

	if (!addr || dc_read(c, addr, r, n, out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '{');
	for (size_t k = 0; k < n / 8; k++) {
		rn_sb_printf(sb, "%s%s=", k ? ", " : "", t3_user_regs[k]);
		rn_sb_put_hex(sb, r[k]);
	}
	if (len > sizeof(r))
		rn_sb_puts(sb, ", ...");
	rn_sb_putc(sb, '}');
}

static void pr_user_regs_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	pr_user_regs(c, sb, addr, 27 * 8, out);
}

/* struct user_fpregs_struct, field by field: offset, element size, count
 * (0: a single value) */
static const struct t3_fpreg_field {
	const char *name;
	unsigned short off, size, count;
} t3_fpregs[] = {
	{ "cwd", 0, 2, 0 }, { "swd", 2, 2, 0 }, { "ftw", 4, 2, 0 }, { "fop", 6, 2, 0 },
	{ "rip", 8, 8, 0 }, { "rdp", 16, 8, 0 }, { "mxcsr", 24, 4, 0 },
	{ "mxcr_mask", 28, 4, 0 }, { "st_space", 32, 4, 32 }, { "xmm_space", 160, 4, 64 },
	{ "padding", 416, 4, 24 },
};
#define T3_FPREGS_SIZE 512

static __u64 t3_field_val(const __u8 *p, unsigned size)
{
	__u64 v = 0;

	memcpy(&v, p, size);	/* little-endian: the low bytes */
	return v;
}

/* The fields (and array elements) that fit in len bytes, as strace shows a
 * partial regset; arrays cut at -s elements unless -v */
static void pr_user_fpregs(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out)
{
	size_t n = len < T3_FPREGS_SIZE ? (size_t)len : T3_FPREGS_SIZE;
	__u8 b[T3_FPREGS_SIZE];
	bool first = true;

	if (!addr || dc_read(c, addr, b, n, out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '{');
	for (size_t f = 0; f < sizeof(t3_fpregs) / sizeof(t3_fpregs[0]); f++) {
		const struct t3_fpreg_field *d = &t3_fpregs[f];
		unsigned cnt = d->count ? d->count : 1;

		if (d->off + d->size > n)
			break;
		rn_sb_printf(sb, "%s%s=%s", first ? "" : ", ", d->name, d->count ? "[" : "");
		first = false;
		for (unsigned k = 0; k < cnt && d->off + (k + 1u) * d->size <= n; k++) {
			if (d->count && dc_array_cut(c, k)) {
				rn_sb_puts(sb, k ? ", ..." : "...");
				break;
			}
			rn_sb_puts(sb, k ? ", " : "");
			rn_sb_put_hex(sb, t3_field_val(b + d->off + k * d->size, d->size));
		}
		rn_sb_puts(sb, d->count ? "]" : "");
	}
	if (len > T3_FPREGS_SIZE)
		rn_sb_puts(sb, ", ...");
	rn_sb_putc(sb, '}');
}

/* A regset's iov_base: the registers NT_PRSTATUS and NT_FPREGSET hold, for
 * a length the kernel can take (a non-zero multiple of 8), else the address */
static void pr_regset_data(struct dctx *c, struct rn_strbuf *sb, __u64 type, __u64 addr,
			   __u64 len, bool out)
{
	if (!len || len % 8 || (type != 1 && type != 2))
		pr_ptr(sb, addr);
	else if (type == 1)
		pr_user_regs(c, sb, addr, len, out);
	else
		pr_user_fpregs(c, sb, addr, len, out);
}

/* GETREGSET's and SETREGSET's iovec: GETREGSET's registers once it
 * succeeded, at the length it set, SETREGSET's at the length given; then
 * the length, and the one the kernel set ("1024 => 512") */
static void pr_regset_iov(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool get)
{
	__u64 v[2], after[2];

	if (!addr || dc_read(c, addr, v, sizeof(v), false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	if (!c->ok || dc_read(c, addr, after, sizeof(after), true) < 0)
		memcpy(after, v, sizeof(v));
	rn_sb_puts(sb, "{iov_base=");
	if (get && !c->ok)
		pr_ptr(sb, v[0]);
	else
		pr_regset_data(c, sb, RAW(c, 2), v[0], get ? after[1] : v[1], get);
	rn_sb_printf(sb, ", iov_len=%llu", (unsigned long long)v[1]);
	if (after[1] != v[1])
		rn_sb_printf(sb, " => %llu", (unsigned long long)after[1]);
	rn_sb_putc(sb, '}');
}

/* data of PEEK (a word) and GETEVENTMSG (a number), filled at exit */
static void pr_peek_data(struct dctx *c, const char *fmt)
{
	__u64 v;

	if (c->ok && RAW(c, 3) && dc_read(c, RAW(c, 3), &v, sizeof(v), true) == 0)
		rn_sb_printf(ARG(c, 3), fmt, (unsigned long long)v);
	else
		dc_ptr(c, 3);
}

static void pr_siginfo_at(struct dctx *c, int i, bool out)
{
	__u8 si[128];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), si, sizeof(si), out) < 0)
		dc_ptr(c, i);
	else
		pr_siginfo_raw(ARG(c, i), si);
}

static const struct rn_xlat t3_peeksiginfo_flags[] = {
	XLAT_PAIR(1, "PTRACE_PEEKSIGINFO_SHARED"), XLAT_END,
};

/* PEEKSIGINFO's addr: struct ptrace_peeksiginfo_args {off, flags, nr} */
static void pr_peeksiginfo_args(struct dctx *c, int i)
{
	struct rn_strbuf *sb = ARG(c, i);
	__u64 off;
	__u32 w[2];
	__u8 a[16];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), a, sizeof(a), false) < 0) {
		dc_ptr(c, i);
		return;
	}
	memcpy(&off, a, sizeof(off));
	memcpy(w, a + 8, sizeof(w));
	rn_sb_printf(sb, "{off=%llu, flags=", (unsigned long long)off);
	pr_flags_unk(sb, t3_peeksiginfo_flags, w[0], "PTRACE_PEEKSIGINFO_");
	rn_sb_printf(sb, ", nr=%u}", w[1]);
}

/* PEEKSIGINFO's data: the n siginfos the call copied, -s of them unless -v;
 * one that cannot be read ends the list with its address */
#define T3_PEEK_MAX 4096	/* siginfos shown at most, as strace stops its arrays */
static void pr_siginfo_array(struct dctx *c, int i, __u64 n)
{
	struct rn_strbuf *sb = ARG(c, i);
	__u64 addr = RAW(c, i);
	__u8 si[128];

	if (!addr || (n && dc_read(c, addr, si, sizeof(si), true) < 0)) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 k = 0; k < n; k++) {
		__u64 at = addr + k * sizeof(si);

		/* as strace: an element is read before -s may cut there */
		if (k && dc_read(c, at, si, sizeof(si), true) < 0) {
			rn_sb_printf(sb, ", ... /* %#llx */", (unsigned long long)at);
			break;
		}
		if (dc_array_cut(c, k) || k >= T3_PEEK_MAX) {
			rn_sb_puts(sb, k ? ", ..." : "...");
			break;
		}
		rn_sb_puts(sb, k ? ", " : "");
		pr_siginfo_raw(sb, si);
	}
	rn_sb_putc(sb, ']');
}

static const struct rn_xlat t3_syscall_info_ops[] = {
	XLAT_PAIR(0, "PTRACE_SYSCALL_INFO_NONE"), XLAT_PAIR(1, "PTRACE_SYSCALL_INFO_ENTRY"),
	XLAT_PAIR(2, "PTRACE_SYSCALL_INFO_EXIT"), XLAT_PAIR(3, "PTRACE_SYSCALL_INFO_SECCOMP"),
	XLAT_END,
};

static const struct rn_xlat t3_audit_arches[] = {
	XLAT_PAIR(0xc000003e, "AUDIT_ARCH_X86_64"), XLAT_PAIR(0x40000003, "AUDIT_ARCH_I386"),
	XLAT_END,
};

/* struct ptrace_syscall_info as 64-bit words: op and arch, ip, sp, then
 * entry/seccomp {nr, args[6], ret_data} or exit {rval, is_error} */
#define T3_SCI_SIZE 88

/* entry={nr=__NR_openat, args=[...]} or seccomp={..., ret_data=N}: the
 * words that fit in n bytes */
static void pr_sci_call(struct dctx *c, struct rn_strbuf *sb, const __u8 *b, size_t n,
			__u32 arch, bool seccomp)
{
	const struct rn_syscall_info *si;
	__u64 nr, a;
	__u32 rd;

	memcpy(&nr, b + 24, sizeof(nr));
	si = arch == 0xc000003e ? rn_syscall((long)nr) : NULL;
	rn_sb_puts(sb, seccomp ? ", seccomp={nr=" : ", entry={nr=");
	if (si && si->name)
		rn_sb_printf(sb, "__NR_%s", si->name);
	else
		rn_sb_printf(sb, "%llu", (unsigned long long)nr);
	for (size_t k = 0; k < 6 && 40 + k * 8 <= n; k++) {
		if (dc_array_cut(c, k)) {	/* -s 0 cuts before the first */
			rn_sb_puts(sb, k ? ", ...]" : ", args=[...]");
			break;
		}
		memcpy(&a, b + 32 + k * 8, sizeof(a));
		rn_sb_puts(sb, k ? ", " : ", args=[");
		rn_sb_put_hex(sb, a);
		if (k == 5 || 48 + k * 8 > n)
			rn_sb_putc(sb, ']');
	}
	if (seccomp && n >= 84) {
		memcpy(&rd, b + 80, sizeof(rd));
		rn_sb_printf(sb, ", ret_data=%u", rd);
	}
	rn_sb_putc(sb, '}');
}

/* exit={rval=-ENOENT, is_error=1}: the error by name once is_error says so */
static void pr_sci_exit(struct rn_strbuf *sb, const __u8 *b, size_t n)
{
	const char *e = NULL;
	__s64 rval;

	memcpy(&rval, b + 24, sizeof(rval));
	if (n >= 33 && b[32] && rval < 0 && rval >= -4095)
		e = rn_errno_name((int)-rval);
	if (e)
		rn_sb_printf(sb, ", exit={rval=-%s", e);
	else
		rn_sb_printf(sb, ", exit={rval=%lld", (long long)rval);
	if (n >= 33)
		rn_sb_printf(sb, ", is_error=%u", b[32]);
	rn_sb_putc(sb, '}');
}

/* GET_SYSCALL_INFO's data: the fields that fit in what the call copied
 * (the smaller of addr, the size given, and its result) */
static void pr_syscall_info(struct dctx *c, int i)
{
	__u64 n = RAW(c, 2) < (__u64)c->sc->ret ? RAW(c, 2) : (__u64)c->sc->ret;
	struct rn_strbuf *sb = ARG(c, i);
	__u8 b[T3_SCI_SIZE];
	__u32 arch;
	__u64 v;

	if (n > sizeof(b))
		n = sizeof(b);
	if (!c->ok || !n || !RAW(c, i) || dc_read(c, RAW(c, i), b, n, true) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_puts(sb, "{op=");
	rn_xlat_enum_unk(sb, t3_syscall_info_ops, b[0], "PTRACE_SYSCALL_INFO_");
	memcpy(&arch, b + 4, sizeof(arch));
	if (n >= 8) {
		rn_sb_puts(sb, ", arch=");
		rn_xlat_enum_unk(sb, t3_audit_arches, arch, "AUDIT_ARCH_");
	}
	for (size_t k = 0; k < 2 && 16 + k * 8 <= n; k++) {
		memcpy(&v, b + 8 + k * 8, sizeof(v));
		rn_sb_puts(sb, k ? ", stack_pointer=" : ", instruction_pointer=");
		rn_sb_put_hex(sb, v);
	}
	if (n >= 32 && (b[0] == 1 || b[0] == 3))
		pr_sci_call(c, sb, b, n, arch, b[0] == 3);
	else if (n >= 32 && b[0] == 2)
		pr_sci_exit(sb, b, n);
	rn_sb_putc(sb, '}');
}

/* SECCOMP_GET_FILTER's and SECCOMP_GET_METADATA's data (after the seccomp
 * tables, further down) */
static void ptrace_seccomp_data(struct dctx *c, __u32 req);

/* the requests that take only a pid, or (GETREGS and friends) no addr */
static bool ptrace_short(struct dctx *c, __u32 req)
{
	switch (req) {
	case 0:
		c->d->nargs = 1;
		return true;
	case 8: case 16: case 0x4207: case 0x4208:
		c->d->nargs = 2;
		return true;
	case 12:	/* GETREGS: the registers at exit */
		if (dc_stop_unfinished(c, 2))
			return true;
		rn_sb_reset(ARG(c, 2));
		if (c->ok)
			pr_user_regs_at(c, ARG(c, 2), RAW(c, 3), true);
		else
			pr_ptr(ARG(c, 2), RAW(c, 3));
		c->d->nargs = 3;
		return true;
	case 14:	/* GETFPREGS: the registers at exit */
		if (dc_stop_unfinished(c, 2))
			return true;
		rn_sb_reset(ARG(c, 2));
		if (c->ok)
			pr_user_fpregs(c, ARG(c, 2), RAW(c, 3), T3_FPREGS_SIZE, true);
		else
			pr_ptr(ARG(c, 2), RAW(c, 3));
		c->d->nargs = 3;
		return true;
	case 15:
		rn_sb_reset(ARG(c, 2));
		pr_user_fpregs(c, ARG(c, 2), RAW(c, 3), T3_FPREGS_SIZE, false);
		c->d->nargs = 3;
		return true;
	case 13:
		rn_sb_reset(ARG(c, 2));
		pr_user_regs_at(c, ARG(c, 2), RAW(c, 3), false);
		c->d->nargs = 3;
		return true;
	}
	return false;
}

static void ptrace_addr(struct dctx *c, __u32 req)
{
	switch (req) {
	case 3: case 6:
		pr_user_offset(ARG(c, 2), RAW(c, 2));
		break;
	case 0x4204: case 0x4205:
		rn_xlat_enum_unk(ARG(c, 2), t3_nt_types, (__u32)RAW(c, 2), "NT_");
		break;
	case 0x4209:
		pr_peeksiginfo_args(c, 2);
		break;
	case 0x420a: case 0x420b: case 0x420c: case 0x420d: case 0x420e:
		dc_ulong(c, 2);
		break;
	default:
		dc_ptr(c, 2);
	}
}

/* the requests whose data the call fills (SETREGSET: the length it sets),
 * shown at exit */
static bool ptrace_data_out(__u32 req)
{
	switch (req) {
	case 1: case 2: case 3: case 0x4201: case 0x4202: case 0x4204: case 0x4205: case 0x4209:
	case 0x420a: case 0x420c: case 0x420d: case 0x420e:
		return true;
	}
	return false;
}

static void ptrace_data(struct dctx *c, __u32 req)
{
	if (ptrace_data_out(req) && dc_stop_unfinished(c, 3))
		return;
	switch (req) {
	case 1: case 2: case 3:
		pr_peek_data(c, "[%#llx]");
		break;
	case 0x4201:
		pr_peek_data(c, "[%llu]");
		break;
	case 0x420a: case 0x420b:	/* GET/SETSIGMASK(pid, size, set) */
		if (req == 0x420a && !c->ok)
			dc_ptr(c, 3);
		else
			pr_sigset_at(c, ARG(c, 3), RAW(c, 3), (unsigned)RAW(c, 2), req == 0x420a);
		break;
	case 4: case 5:
		dc_hex(c, 3);
		break;
	case 7: case 9: case 17: case 24: case 31: case 32: case 33:
		pr_signal(ARG(c, 3), (int)RAW(c, 3));
		break;
	case 21: case 0x4200: case 0x4206:
		dc_lflags_unk(c, 3, t3_ptrace_opts, "PTRACE_O_");
		break;
	case 0x4202:
		if (c->ok)
			pr_siginfo_at(c, 3, true);
		else
			dc_ptr(c, 3);
		break;
	case 0x4203:
		pr_siginfo_at(c, 3, false);
		break;
	case 0x4204: case 0x4205:
		pr_regset_iov(c, ARG(c, 3), RAW(c, 3), req == 0x4204);
		break;
	case 0x4209:
		if (c->ok)
			pr_siginfo_array(c, 3, (__u64)c->sc->ret);
		else
			dc_ptr(c, 3);
		break;
	case 0x420c: case 0x420d:
		ptrace_seccomp_data(c, req);
		break;
	case 0x420e:
		pr_syscall_info(c, 3);
		break;
	default:
		dc_ptr(c, 3);
	}
}

void dec_ptrace(struct dctx *c)
{
	__u32 req = (__u32)RAW(c, 0);

	rn_xlat_enum_unk(ARG(c, 0), t3_ptrace_reqs, req, "PTRACE_");
	pr_pid(c, ARG(c, 1), (int)RAW(c, 1));
	if (ptrace_short(c, req))
		return;
	ptrace_addr(c, req);
	ptrace_data(c, req);
}

/* --- quotactl(cmd, special, id, addr), quotactl_fd(fd, cmd, id, addr) */

enum {
	Q_SYNC = 0x800001, Q_QUOTAON, Q_QUOTAOFF, Q_GETFMT, Q_GETINFO, Q_SETINFO, Q_GETQUOTA,
	Q_SETQUOTA, Q_GETNEXTQUOTA,
	Q_XQUOTAON = 0x5801, Q_XQUOTAOFF, Q_XGETQUOTA, Q_XSETQLIM, Q_XGETQSTAT, Q_XQUOTARM,
	Q_XQUOTASYNC, Q_XGETQSTATV, Q_XGETNEXTQUOTA,
};

static const struct rn_xlat t3_quota_cmds[] = {
	XLAT_PAIR(Q_SYNC, "Q_SYNC"), XLAT_PAIR(Q_QUOTAON, "Q_QUOTAON"),
	XLAT_PAIR(Q_QUOTAOFF, "Q_QUOTAOFF"), XLAT_PAIR(Q_GETFMT, "Q_GETFMT"),
	XLAT_PAIR(Q_GETINFO, "Q_GETINFO"), XLAT_PAIR(Q_SETINFO, "Q_SETINFO"),
	XLAT_PAIR(Q_GETQUOTA, "Q_GETQUOTA"), XLAT_PAIR(Q_SETQUOTA, "Q_SETQUOTA"),
	XLAT_PAIR(Q_GETNEXTQUOTA, "Q_GETNEXTQUOTA"), XLAT_PAIR(Q_XQUOTAON, "Q_XQUOTAON"),
	XLAT_PAIR(Q_XQUOTAOFF, "Q_XQUOTAOFF"), XLAT_PAIR(Q_XGETQUOTA, "Q_XGETQUOTA"),
	XLAT_PAIR(Q_XSETQLIM, "Q_XSETQLIM"), XLAT_PAIR(Q_XGETQSTAT, "Q_XGETQSTAT"),
	XLAT_PAIR(Q_XQUOTARM, "Q_XQUOTARM"), XLAT_PAIR(Q_XQUOTASYNC, "Q_XQUOTASYNC"),
	XLAT_PAIR(Q_XGETQSTATV, "Q_XGETQSTATV"), XLAT_PAIR(Q_XGETNEXTQUOTA, "Q_XGETNEXTQUOTA"),
	XLAT_END,
};

static const struct rn_xlat t3_quota_types[] = {
	XLAT_PAIR(0, "USRQUOTA"), XLAT_PAIR(1, "GRPQUOTA"), XLAT_PAIR(2, "PRJQUOTA"), XLAT_END,
};

static const struct rn_xlat t3_quota_fmts[] = {
	XLAT_PAIR(1, "QFMT_VFS_OLD"), XLAT_PAIR(2, "QFMT_VFS_V0"), XLAT_PAIR(3, "QFMT_OCFS2"),
	XLAT_PAIR(4, "QFMT_VFS_V1"), XLAT_END,
};

static const struct rn_xlat t3_xfs_quota_flags[] = {
	XLAT_PAIR(1, "FS_QUOTA_UDQ_ACCT"), XLAT_PAIR(2, "FS_QUOTA_UDQ_ENFD"),
	XLAT_PAIR(4, "FS_QUOTA_GDQ_ACCT"), XLAT_PAIR(8, "FS_QUOTA_GDQ_ENFD"),
	XLAT_PAIR(0x10, "FS_QUOTA_PDQ_ACCT"), XLAT_PAIR(0x20, "FS_QUOTA_PDQ_ENFD"), XLAT_END,
};

static const struct rn_xlat t3_dqi_flags[] = {
	XLAT_PAIR(1, "DQF_ROOT_SQUASH"), XLAT_PAIR(0x10000, "DQF_SYS_FILE"), XLAT_END,
};

static const struct rn_xlat t3_dqi_valid[] = {
	XLAT_PAIR(1, "IIF_BGRACE"), XLAT_PAIR(2, "IIF_IGRACE"), XLAT_PAIR(4, "IIF_FLAGS"), XLAT_END,
};

static const struct rn_xlat t3_dqb_valid[] = {
	XLAT_PAIR(1, "QIF_BLIMITS"), XLAT_PAIR(2, "QIF_SPACE"), XLAT_PAIR(4, "QIF_ILIMITS"),
	XLAT_PAIR(8, "QIF_INODES"), XLAT_PAIR(16, "QIF_BTIME"), XLAT_PAIR(32, "QIF_ITIME"),
	XLAT_END,
};

/* struct if_dqblk: the limits and usage; the times and valid mask under -v */
static void pr_dqblk(struct dctx *c, int i, bool out)
{
	struct rn_strbuf *sb = ARG(c, i);
	__u64 q[9];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), q, sizeof(q), out) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_printf(sb, "{dqb_bhardlimit=%llu, dqb_bsoftlimit=%llu, dqb_curspace=%llu, "
		     "dqb_ihardlimit=%llu, dqb_isoftlimit=%llu, dqb_curinodes=%llu",
		     (unsigned long long)q[0], (unsigned long long)q[1], (unsigned long long)q[2],
		     (unsigned long long)q[3], (unsigned long long)q[4], (unsigned long long)q[5]);
	if (!c->o->verbose) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	rn_sb_printf(sb, ", dqb_btime=%llu, dqb_itime=%llu, dqb_valid=",
		     (unsigned long long)q[6], (unsigned long long)q[7]);
	pr_flags_unk(sb, t3_dqb_valid, (__u32)q[8], "QIF_");
	rn_sb_putc(sb, '}');
}

/* struct if_dqinfo */
static void pr_dqinfo(struct dctx *c, int i, bool out)
{
	struct rn_strbuf *sb = ARG(c, i);
	__u64 q[3];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), q, sizeof(q), out) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_printf(sb, "{dqi_bgrace=%llu, dqi_igrace=%llu, dqi_flags=",
		     (unsigned long long)q[0], (unsigned long long)q[1]);
	pr_flags_unk(sb, t3_dqi_flags, (__u32)q[2], "DQF_");
	rn_sb_puts(sb, ", dqi_valid=");
	pr_flags_unk(sb, t3_dqi_valid, (__u32)(q[2] >> 32), "IIF_");
	rn_sb_putc(sb, '}');
}

/* "[value]" of a u32 at argument i, as a flag set or an enum */
static void pr_u32_xlat(struct dctx *c, int i, const struct rn_xlat *x, bool flags, bool out)
{
	__u32 v;

	if (!RAW(c, i) || dc_read(c, RAW(c, i), &v, sizeof(v), out) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_putc(ARG(c, i), '[');
	if (flags)
		rn_xlat_flags(ARG(c, i), x, v);
	else
		rn_xlat_enum_unk(ARG(c, i), x, v, "QFMT_VFS_");
	rn_sb_putc(ARG(c, i), ']');
}

/* Output structures show once the call succeeded: the address before. */
static bool quota_out(struct dctx *c, int i)
{
	if (dc_stop_unfinished(c, i))
		return false;
	if (!c->ok)
		dc_ptr(c, i);
	return c->ok;
}

/* The arguments after cmd and special: which of id and addr cmd reads. */
static void quota_rest(struct dctx *c, __u32 cmd)
{
	int n = 4;

	switch (cmd) {
	case Q_SYNC: case Q_QUOTAOFF: case Q_XQUOTASYNC:
		n = 2;
		break;
	case Q_QUOTAON:
		rn_xlat_enum_unk(ARG(c, 2), t3_quota_fmts, (__u32)RAW(c, 2), "QFMT_VFS_");
		dc_path(c, 3);
		break;
	case Q_GETQUOTA: case Q_GETNEXTQUOTA:
		dc_uint(c, 2);
		if (quota_out(c, 3))
			pr_dqblk(c, 3, true);
		break;
	case Q_SETQUOTA:
		dc_uint(c, 2);
		pr_dqblk(c, 3, false);
		break;
	case Q_XGETQUOTA: case Q_XGETNEXTQUOTA: case Q_XSETQLIM:
		dc_uint(c, 2);
		dc_ptr(c, 3);
		break;
	case Q_GETFMT:
		if (quota_out(c, 3))
			pr_u32_xlat(c, 3, t3_quota_fmts, false, true);
		break;
	case Q_GETINFO:
		if (quota_out(c, 3))
			pr_dqinfo(c, 3, true);
		break;
	case Q_SETINFO:
		pr_dqinfo(c, 3, false);
		break;
	case Q_XQUOTAON: case Q_XQUOTAOFF:
		pr_u32_xlat(c, 3, t3_xfs_quota_flags, true, false);
		break;
	case Q_XGETQSTAT: case Q_XGETQSTATV: case Q_XQUOTARM:
		dc_ptr(c, 3);
		break;
	default:	/* an unknown command: the id as the int it is to strace */
		dc_int(c, 2);
		dc_ptr(c, 3);
		return;
	}
	if (n == 2 || (c->d->partial && !ARG(c, 2)->len)) {
		c->d->nargs = 2;
	} else if (!ARG(c, 2)->len && !c->d->partial) {	/* no id: addr takes its place */
		struct rn_strbuf t = *ARG(c, 2);

		*ARG(c, 2) = *ARG(c, 3);
		*ARG(c, 3) = t;
		c->d->nargs = 3;
	}
}

static void pr_qcmd(struct rn_strbuf *sb, __u32 cmd)
{
	rn_sb_puts(sb, "QCMD(");
	rn_xlat_enum_unk(sb, t3_quota_cmds, cmd >> 8, "Q_");
	rn_sb_puts(sb, ", ");
	if (rn_xlat_name(t3_quota_types, cmd & 0xff))
		rn_sb_puts(sb, rn_xlat_name(t3_quota_types, cmd & 0xff));
	else
		rn_sb_printf(sb, "%#x /* ???QUOTA */", cmd & 0xff);
	rn_sb_putc(sb, ')');
}

void dec_quotactl(struct dctx *c)
{
	__u32 cmd = (__u32)RAW(c, 0);

	pr_qcmd(ARG(c, 0), cmd);
	dc_path(c, 1);
	quota_rest(c, cmd >> 8);
}

/* quotactl_fd(fd, cmd, id, addr): id and addr as quotactl's */
void dec_quotactl_fd(struct dctx *c)
{
	dc_fd(c, 0);
	pr_qcmd(ARG(c, 1), (__u32)RAW(c, 1));
	quota_rest(c, (__u32)RAW(c, 1) >> 8);
}

/* --- seccomp(operation, flags, args) */

static const struct rn_xlat t3_seccomp_ops[] = {
	XLAT_PAIR(0, "SECCOMP_SET_MODE_STRICT"), XLAT_PAIR(1, "SECCOMP_SET_MODE_FILTER"),
	XLAT_PAIR(2, "SECCOMP_GET_ACTION_AVAIL"), XLAT_PAIR(3, "SECCOMP_GET_NOTIF_SIZES"),
	XLAT_END,
};

static const struct rn_xlat t3_seccomp_filter_flags[] = {
	XLAT_PAIR(1, "SECCOMP_FILTER_FLAG_TSYNC"), XLAT_PAIR(2, "SECCOMP_FILTER_FLAG_LOG"),
	XLAT_PAIR(4, "SECCOMP_FILTER_FLAG_SPEC_ALLOW"),
	XLAT_PAIR(8, "SECCOMP_FILTER_FLAG_NEW_LISTENER"),
	XLAT_PAIR(0x10, "SECCOMP_FILTER_FLAG_TSYNC_ESRCH"),
	XLAT_PAIR(0x20, "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"), XLAT_END,
};

static const struct rn_xlat t3_seccomp_rets[] = {
	XLAT_PAIR(0x80000000, "SECCOMP_RET_KILL_PROCESS"), XLAT_PAIR(0, "SECCOMP_RET_KILL_THREAD"),
	XLAT_PAIR(0x00030000, "SECCOMP_RET_TRAP"), XLAT_PAIR(0x00050000, "SECCOMP_RET_ERRNO"),
	XLAT_PAIR(0x7fc00000, "SECCOMP_RET_USER_NOTIF"), XLAT_PAIR(0x7ff00000, "SECCOMP_RET_TRACE"),
	XLAT_PAIR(0x7ffc0000, "SECCOMP_RET_LOG"), XLAT_PAIR(0x7fff0000, "SECCOMP_RET_ALLOW"),
	XLAT_END,
};

/* classic BPF: the parts of an instruction's code, by class (seccomp and socket filters) */
const char *const rn_cbpf_class[8] = {
	"BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX", "BPF_ALU", "BPF_JMP", "BPF_RET", "BPF_MISC",
};
const struct rn_xlat rn_cbpf_size[] = {
	XLAT_PAIR(0, "BPF_W"), XLAT_PAIR(0x08, "BPF_H"), XLAT_PAIR(0x10, "BPF_B"),
	XLAT_PAIR(0x18, "BPF_DW"), XLAT_END,
};
const struct rn_xlat rn_cbpf_mode[] = {
	XLAT_PAIR(0, "BPF_IMM"), XLAT_PAIR(0x20, "BPF_ABS"), XLAT_PAIR(0x40, "BPF_IND"),
	XLAT_PAIR(0x60, "BPF_MEM"), XLAT_PAIR(0x80, "BPF_LEN"), XLAT_PAIR(0xa0, "BPF_MSH"),
	XLAT_PAIR(0xc0, "BPF_XADD"), XLAT_END,
};
const struct rn_xlat rn_cbpf_src[] = {
	XLAT_PAIR(0, "BPF_K"), XLAT_PAIR(0x08, "BPF_X"), XLAT_END,
};
const struct rn_xlat rn_cbpf_alu[] = {
	XLAT_PAIR(0, "BPF_ADD"), XLAT_PAIR(0x10, "BPF_SUB"), XLAT_PAIR(0x20, "BPF_MUL"),
	XLAT_PAIR(0x30, "BPF_DIV"), XLAT_PAIR(0x40, "BPF_OR"), XLAT_PAIR(0x50, "BPF_AND"),
	XLAT_PAIR(0x60, "BPF_LSH"), XLAT_PAIR(0x70, "BPF_RSH"), XLAT_PAIR(0x80, "BPF_NEG"),
	XLAT_PAIR(0x90, "BPF_MOD"), XLAT_PAIR(0xa0, "BPF_XOR"), XLAT_PAIR(0xb0, "BPF_MOV"),
	XLAT_PAIR(0xc0, "BPF_ARSH"), XLAT_PAIR(0xd0, "BPF_END"), XLAT_END,
};
const struct rn_xlat rn_cbpf_jmp[] = {
	XLAT_PAIR(0, "BPF_JA"), XLAT_PAIR(0x10, "BPF_JEQ"), XLAT_PAIR(0x20, "BPF_JGT"),
	XLAT_PAIR(0x30, "BPF_JGE"), XLAT_PAIR(0x40, "BPF_JSET"), XLAT_PAIR(0x50, "BPF_JNE"),
	XLAT_PAIR(0x60, "BPF_JSGT"), XLAT_PAIR(0x70, "BPF_JSGE"), XLAT_PAIR(0x80, "BPF_CALL"),
	XLAT_PAIR(0x90, "BPF_EXIT"), XLAT_PAIR(0xa0, "BPF_JLT"), XLAT_PAIR(0xb0, "BPF_JLE"),
	XLAT_PAIR(0xc0, "BPF_JSLT"), XLAT_PAIR(0xd0, "BPF_JSLE"), XLAT_END,
};
const struct rn_xlat rn_cbpf_rval[] = {
	XLAT_PAIR(0, "BPF_K"), XLAT_PAIR(0x08, "BPF_X"), XLAT_PAIR(0x10, "BPF_A"), XLAT_END,
};
const struct rn_xlat rn_cbpf_misc[] = {
	XLAT_PAIR(0, "BPF_TAX"), XLAT_PAIR(0x80, "BPF_TXA"), XLAT_END,
};

static void pr_bpf_part(struct rn_strbuf *sb, const struct rn_xlat *x, unsigned v)
{
	rn_sb_putc(sb, '|');
	rn_xlat_enum_unk(sb, x, v, "BPF_");
}

/* BPF_LD|BPF_W|BPF_ABS: the class, then its fields; bits no field names last */
static void pr_bpf_code(struct rn_strbuf *sb, unsigned code)
{
	unsigned cls = code & 7, rest = 0;

	rn_sb_puts(sb, rn_cbpf_class[cls]);
	if (cls == 2 || cls == 3) {	/* BPF_ST, BPF_STX: nothing more to name */
		if (code & ~7u)
			rn_sb_printf(sb, "|%#x /* BPF_??? */", code & ~7u);
		return;
	}
	/* strace reads only the low byte of loads, ALU and jumps */
	if (cls <= 1) {
		pr_bpf_part(sb, rn_cbpf_size, code & 0x18);
		pr_bpf_part(sb, rn_cbpf_mode, code & 0xe0);
	} else if (cls == 4 || cls == 5) {
		pr_bpf_part(sb, rn_cbpf_src, code & 0x08);
		pr_bpf_part(sb, cls == 4 ? rn_cbpf_alu : rn_cbpf_jmp, code & 0xf0);
	} else if (cls == 6) {
		pr_bpf_part(sb, rn_cbpf_rval, code & 0x18);
		rest = code & ~0x1fu;
	} else {
		pr_bpf_part(sb, rn_cbpf_misc, code & 0xf8);
		rest = code & 0xff00;
	}
	if (rest)
		rn_sb_printf(sb, "|%#x /* BPF_??? */", rest);
}

/* SECCOMP_RET_ERRNO|0x1: a filter's return value */
static void pr_seccomp_ret(struct rn_strbuf *sb, __u32 k)
{
	rn_xlat_enum_unk(sb, t3_seccomp_rets, k & 0xffff0000u, "SECCOMP_RET_");
	if (k & 0xffff)
		rn_sb_printf(sb, "|%#x", k & 0xffff);
}

/* BPF_STMT(code, k), or BPF_JUMP(code, k, jt, jf) when it jumps */
static void pr_bpf_insn(struct rn_strbuf *sb, const __u8 *in)
{
	__u16 code;
	__u32 k;

	memcpy(&code, in, 2);
	memcpy(&k, in + 4, 4);
	rn_sb_puts(sb, in[2] || in[3] ? "BPF_JUMP(" : "BPF_STMT(");
	pr_bpf_code(sb, code);
	rn_sb_puts(sb, ", ");
	if ((code & 7) == 6 && !in[2] && !in[3])
		pr_seccomp_ret(sb, k);
	else
		rn_sb_put_hex(sb, k);
	if (in[2] || in[3])
		rn_sb_printf(sb, ", %#x, %#x", in[2], in[3]);
	rn_sb_putc(sb, ')');
}

/* The instructions, read one by one (at most 65535: len is 16 bits) */
static void pr_bpf_prog(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned len, bool out)
{
	__u8 in[8];

	if (!addr || (len && dc_read(c, addr, in, sizeof(in), out) < 0)) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '[');
	for (unsigned n = 0; n < len; n++) {
		if (n && dc_read(c, addr + 8ull * n, in, sizeof(in), out) < 0) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (n)
			rn_sb_puts(sb, ", ");
		pr_bpf_insn(sb, in);
	}
	rn_sb_putc(sb, ']');
}

/* struct sock_fprog: the program's length and address; its instructions
 * under -v, as strace (also prctl's PR_SET_SECCOMP, decode_prctl.c) */
void pr_sock_fprog(struct dctx *c, int i)
{
	__u64 p[2];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), p, sizeof(p), false) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_printf(ARG(c, i), "{len=%u, filter=", (unsigned)(__u16)p[0]);
	if (c->o->verbose)
		pr_bpf_prog(c, ARG(c, i), p[1], (__u16)p[0], false);
	else
		pr_ptr(ARG(c, i), p[1]);
	rn_sb_putc(ARG(c, i), '}');
}

/* ptrace's SECCOMP_GET_FILTER: the instructions the call copied, under -v;
 * SECCOMP_GET_METADATA(size, {filter_off, flags}): the flags once the call
 * copied them, "???" for a size that cuts them */
static void ptrace_seccomp_data(struct dctx *c, __u32 req)
{
	struct rn_strbuf *sb = ARG(c, 3);
	__u64 off, flags;

	if (req == 0x420c) {
		/* the count the call returned; never above BPF_MAXINSNS */
		if (c->ok && c->o->verbose)
			pr_bpf_prog(c, sb, RAW(c, 3),
				    (__u64)c->sc->ret > 4096 ? 4096 : (unsigned)c->sc->ret, true);
		else
			dc_ptr(c, 3);
		return;
	}
	if (RAW(c, 2) < sizeof(off) || !RAW(c, 3) ||
	    dc_read(c, RAW(c, 3), &off, sizeof(off), false) < 0) {
		dc_ptr(c, 3);
		return;
	}
	rn_sb_printf(sb, "{filter_off=%llu", (unsigned long long)off);
	if (c->ok && (__u64)c->sc->ret >= 16 &&
	    dc_read(c, RAW(c, 3) + 8, &flags, sizeof(flags), true) == 0) {
		rn_sb_puts(sb, ", flags=");
		pr_flags_unk(sb, t3_seccomp_filter_flags, flags, "SECCOMP_FILTER_FLAG_");
	} else if (c->ok && (__u64)c->sc->ret > 8) {
		rn_sb_puts(sb, ", ???");
	}
	rn_sb_putc(sb, '}');
}

static void pr_notif_sizes(struct dctx *c, int i)
{
	__u16 s[3];

	if (dc_stop_unfinished(c, i) || !dc_out_ok(c, i))
		return;
	if (dc_read(c, RAW(c, i), s, sizeof(s), true) < 0)
		dc_ptr(c, i);
	else
		rn_sb_printf(ARG(c, i), "{seccomp_notif=%u, seccomp_notif_resp=%u, seccomp_data=%u}",
			     s[0], s[1], s[2]);
}

void dec_seccomp(struct dctx *c)
{
	__u32 op = (__u32)RAW(c, 0), v;

	rn_xlat_enum_unk(ARG(c, 0), t3_seccomp_ops, op, "SECCOMP_SET_MODE_");
	if (op == 1)
		dc_lflags_unk(c, 1, t3_seccomp_filter_flags, "SECCOMP_FILTER_FLAG_");
	else
		rn_sb_put_hex(ARG(c, 1), (__u32)RAW(c, 1));
	if (op == 1) {
		pr_sock_fprog(c, 2);
	} else if (op == 2 && RAW(c, 2) && dc_read(c, RAW(c, 2), &v, sizeof(v), false) == 0) {
		rn_sb_putc(ARG(c, 2), '[');
		rn_xlat_enum_unk(ARG(c, 2), t3_seccomp_rets, v, "SECCOMP_RET_");
		rn_sb_putc(ARG(c, 2), ']');
	} else if (op == 3) {
		pr_notif_sizes(c, 2);
	} else {
		dc_ptr(c, 2);
	}
}
