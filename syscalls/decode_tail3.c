// SPDX-License-Identifier: MIT
/*
 * The system-administration end of the long tail, printed as strace 6.1
 * prints it: personality, reboot, kexec_load/kexec_file_load, the LDT and
 * TLS descriptors, adjtimex/clock_adjtime, ustat, sched_setattr/getattr,
 * the NUMA calls (migrate_pages, move_pages), remap_file_pages and
 * process_madvise. ptrace, quotactl and seccomp are in decode_tail3_ctl.c,
 * keyctl in decode_tail3_key.c. Each line was checked against strace's for
 * the same call (tests/tracees/tail3.c, tests/integration/t_decode_tail3.sh).
 */
#include <string.h>
#include <sys/sysmacros.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* An output argument i: true when its value can be shown, else its address
 * is printed (nothing for an unfinished call). */
bool dc_out_ok(struct dctx *c, int i)
{
	if (!c->exiting)
		return false;
	if (!c->ok || !RAW(c, i)) {
		dc_ptr(c, i);
		return false;
	}
	return true;
}

/* The text a call wrote into a buffer of len bytes (of which it says ret
 * were used): as strace shows it, the first min(ret, len) bytes cut at -s,
 * NULs inside escaped; a NUL as the last byte shown is left out, and then
 * no "..." follows, however long the buffer. */
void pr_out_text_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len)
{
	__u64 n = (__u64)c->sc->ret < len ? (__u64)c->sc->ret : len;
	size_t k = n < c->o->strsize ? (size_t)n : c->o->strsize;
	char *buf = dc_scratch(k + 1);

	if (dc_read_data(c, addr, buf, k, true) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	if (k && !buf[k - 1])
		pr_quoted(sb, buf, k - 1, false);
	else
		pr_quoted(sb, buf, k, n > k);
}

/* --- personality(persona): the persona byte, then the flag bits */

static const struct rn_xlat t3_personas[] = {
	XLAT_PAIR(0, "PER_LINUX"), XLAT_PAIR(6, "PER_BSD"), XLAT_PAIR(8, "PER_LINUX32"),
	XLAT_PAIR(0xc, "PER_RISCOS"), XLAT_PAIR(0xf, "PER_OSF4"), XLAT_PAIR(0x10, "PER_HPUX"),
	XLAT_END,
};

static const struct rn_xlat t3_persona_flags[] = {
	XLAT_PAIR(0x0020000, "UNAME26"), XLAT_PAIR(0x0040000, "ADDR_NO_RANDOMIZE"),
	XLAT_PAIR(0x0080000, "FDPIC_FUNCPTRS"), XLAT_PAIR(0x0100000, "MMAP_PAGE_ZERO"),
	XLAT_PAIR(0x0200000, "ADDR_COMPAT_LAYOUT"), XLAT_PAIR(0x0400000, "READ_IMPLIES_EXEC"),
	XLAT_PAIR(0x0800000, "ADDR_LIMIT_32BIT"), XLAT_PAIR(0x1000000, "SHORT_INODE"),
	XLAT_PAIR(0x2000000, "WHOLE_SECONDS"), XLAT_PAIR(0x4000000, "STICKY_TIMEOUTS"),
	XLAT_PAIR(0x8000000, "ADDR_LIMIT_3GB"), XLAT_END,
};

static void pr_persona(struct rn_strbuf *sb, __u32 v)
{
	rn_xlat_enum_unk(sb, t3_personas, v & 0xff, "PER_");
	if (v & ~0xffu) {
		rn_sb_putc(sb, '|');
		rn_xlat_flags(sb, t3_persona_flags, v & ~0xffu);
	}
}

static void persona_ret(struct dctx *c)
{
	rn_sb_puts(&c->d->ret, " (");
	pr_persona(&c->d->ret, (__u32)c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

void dec_personality(struct dctx *c)
{
	if ((__u32)RAW(c, 0) == 0xffffffff)	/* a query */
		rn_sb_puts(ARG(c, 0), "0xffffffff");
	else
		pr_persona(ARG(c, 0), (__u32)RAW(c, 0));
	if (c->ok) {
		c->rv = RV_HEX;
		c->ret_extra = persona_ret;
	}
}

/* ustat(dev, ubuf) */
void dec_ustat(struct dctx *c)
{
	__u32 dev = (__u32)RAW(c, 0);

	rn_sb_printf(ARG(c, 0), "makedev(%#x, %#x)", major(dev), minor(dev));
	dc_ptr(c, 1);
}

/* --- reboot(magic1, magic2, cmd, arg): arg only for RESTART2 */

static const struct rn_xlat t3_reboot_magic1[] = {
	XLAT_PAIR(0xfee1dead, "LINUX_REBOOT_MAGIC1"), XLAT_END,
};

static const struct rn_xlat t3_reboot_magic2[] = {
	XLAT_PAIR(672274793, "LINUX_REBOOT_MAGIC2"), XLAT_PAIR(85072278, "LINUX_REBOOT_MAGIC2A"),
	XLAT_PAIR(369367448, "LINUX_REBOOT_MAGIC2B"), XLAT_PAIR(537993216, "LINUX_REBOOT_MAGIC2C"),
	XLAT_END,
};

static const struct rn_xlat t3_reboot_cmds[] = {
	XLAT_PAIR(0x01234567, "LINUX_REBOOT_CMD_RESTART"),
	XLAT_PAIR(0xcdef0123, "LINUX_REBOOT_CMD_HALT"),
	XLAT_PAIR(0x89abcdef, "LINUX_REBOOT_CMD_CAD_ON"),
	XLAT_PAIR(0, "LINUX_REBOOT_CMD_CAD_OFF"),
	XLAT_PAIR(0x4321fedc, "LINUX_REBOOT_CMD_POWER_OFF"),
	XLAT_PAIR(0xa1b2c3d4, "LINUX_REBOOT_CMD_RESTART2"),
	XLAT_PAIR(0xd000fce2, "LINUX_REBOOT_CMD_SW_SUSPEND"),
	XLAT_PAIR(0x45584543, "LINUX_REBOOT_CMD_KEXEC"), XLAT_END,
};

void dec_reboot(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 0), t3_reboot_magic1, (__u32)RAW(c, 0), "LINUX_REBOOT_MAGIC_");
	rn_xlat_enum_unk(ARG(c, 1), t3_reboot_magic2, (__u32)RAW(c, 1), "LINUX_REBOOT_MAGIC_");
	rn_xlat_enum_unk(ARG(c, 2), t3_reboot_cmds, (__u32)RAW(c, 2), "LINUX_REBOOT_CMD_");
	if ((__u32)RAW(c, 2) == 0xa1b2c3d4)
		dc_str(c, 3);
	else
		c->d->nargs = 3;
}

/* --- kexec_load(entry, nr_segments, segments, flags) */

static const struct rn_xlat t3_kexec_arch[] = {
	XLAT_PAIR(0, "KEXEC_ARCH_DEFAULT"), XLAT_PAIR(3 << 16, "KEXEC_ARCH_386"),
	XLAT_PAIR(4 << 16, "KEXEC_ARCH_68K"), XLAT_PAIR(8 << 16, "KEXEC_ARCH_MIPS"),
	XLAT_PAIR(10 << 16, "KEXEC_ARCH_MIPS_LE"), XLAT_PAIR(15 << 16, "KEXEC_ARCH_PARISC"),
	XLAT_PAIR(20 << 16, "KEXEC_ARCH_PPC"), XLAT_PAIR(21 << 16, "KEXEC_ARCH_PPC64"),
	XLAT_PAIR(22 << 16, "KEXEC_ARCH_S390"), XLAT_PAIR(40 << 16, "KEXEC_ARCH_ARM"),
	XLAT_PAIR(42 << 16, "KEXEC_ARCH_SH"), XLAT_PAIR(50 << 16, "KEXEC_ARCH_IA_64"),
	XLAT_PAIR(62 << 16, "KEXEC_ARCH_X86_64"), XLAT_PAIR(183 << 16, "KEXEC_ARCH_AARCH64"),
	XLAT_PAIR(243 << 16, "KEXEC_ARCH_RISCV"), XLAT_PAIR(258 << 16, "KEXEC_ARCH_LOONGARCH"),
	XLAT_END,
};

static const struct rn_xlat t3_kexec_flags[] = {
	XLAT_PAIR(1, "KEXEC_ON_CRASH"), XLAT_PAIR(2, "KEXEC_PRESERVE_CONTEXT"), XLAT_END,
};

#define T3_KEXEC_SEGMENT_MAX 16	/* the kernel takes no more; strace shows no more */

static void pr_kexec_segments(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n)
{
	__u64 s[4];

	if (!addr || n > T3_KEXEC_SEGMENT_MAX || (n && dc_read(c, addr, s, sizeof(s), false) < 0)) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 i = 0; i < n; i++) {
		if (i && (dc_array_cut(c, i) || dc_read(c, addr + i * 32, s, sizeof(s), false) < 0)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		rn_sb_puts(sb, i ? ", {buf=" : "{buf=");
		pr_ptr(sb, s[0]);
		rn_sb_printf(sb, ", bufsz=%llu, mem=", (unsigned long long)s[1]);
		pr_ptr(sb, s[2]);
		rn_sb_printf(sb, ", memsz=%llu}", (unsigned long long)s[3]);
	}
	rn_sb_putc(sb, ']');
}

void dec_kexec_load(struct dctx *c)
{
	__u64 fl = RAW(c, 3);

	dc_ptr(c, 0);
	dc_ulong(c, 1);
	pr_kexec_segments(c, ARG(c, 2), RAW(c, 2), RAW(c, 1));
	rn_xlat_enum_unk(ARG(c, 3), t3_kexec_arch, fl & 0xffff0000u, "KEXEC_ARCH_");
	if (fl & 0xffff) {
		rn_sb_putc(ARG(c, 3), '|');
		pr_flags_unk(ARG(c, 3), t3_kexec_flags, fl & 0xffff, "KEXEC_");
	}
}

static const struct rn_xlat t3_kexec_file_flags[] = {
	XLAT_PAIR(1, "KEXEC_FILE_UNLOAD"), XLAT_PAIR(2, "KEXEC_FILE_ON_CRASH"),
	XLAT_PAIR(4, "KEXEC_FILE_NO_INITRAMFS"), XLAT_END,
};

/* kexec_file_load(kernel_fd, initrd_fd, cmdline_len, cmdline, flags) */
void dec_kexec_file_load(struct dctx *c)
{
	dc_fd(c, 0);
	dc_fd(c, 1);
	dc_ulong(c, 2);
	pr_buf_at(c, ARG(c, 3), RAW(c, 3), RAW(c, 2), false);
	dc_lflags_unk(c, 4, t3_kexec_file_flags, "KEXEC_FILE_");
}

/* --- struct user_desc: modify_ldt, get/set_thread_area */

static void pr_user_desc(struct rn_strbuf *sb, const __u32 *u)
{
	__u32 b = u[3];

	rn_sb_printf(sb, "{entry_number=%d, base_addr=%#08x, limit=%#08x, seg_32bit=%u, "
		     "contents=%u, read_exec_only=%u, limit_in_pages=%u, seg_not_present=%u, "
		     "useable=%u, lm=%u}", (int)u[0], u[1], u[2], b & 1, (b >> 1) & 3,
		     (b >> 3) & 1, (b >> 4) & 1, (b >> 5) & 1, (b >> 6) & 1, (b >> 7) & 1);
}

static void pr_user_desc_at(struct dctx *c, int i)
{
	__u32 u[4];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), u, sizeof(u), false) < 0)
		dc_ptr(c, i);
	else
		pr_user_desc(ARG(c, i), u);
}

/* The kernel returns modify_ldt's result as an unsigned int: an error is a
 * large positive number, which strace prints with the error's name. */
static void ldt_ret(struct dctx *c)
{
	__u64 r = (__u64)c->sc->ret;
	const char *n;

	if (r >> 32 || (__u32)r < (__u32)-4095)
		return;
	n = rn_errno_name((int)-(__s32)r);
	if (!n)
		return;
	c->d->err = n;
	rn_sb_printf(&c->d->ret, " %s (%s)", n, rn_errno_text((int)-(__s32)r));
}

void dec_modify_ldt(struct dctx *c)
{
	dc_int(c, 0);
	if (RAW(c, 2) != 16)	/* not one struct user_desc */
		dc_ptr(c, 1);
	else
		pr_user_desc_at(c, 1);
	dc_ulong(c, 2);
	c->ret_extra = ldt_ret;
}

void dec_set_thread_area(struct dctx *c)
{
	pr_user_desc_at(c, 0);
}

/* get_thread_area(u_info): the slot asked for at entry, the rest at exit */
void dec_get_thread_area(struct dctx *c)
{
	__u32 u[4];

	if (!RAW(c, 0)) {
		dc_ptr(c, 0);
	} else if (c->ok && dc_read(c, RAW(c, 0), u, sizeof(u), true) == 0) {
		pr_user_desc(ARG(c, 0), u);
	} else if (dc_read(c, RAW(c, 0), u, 4, false) == 0) {
		rn_sb_printf(ARG(c, 0), "{entry_number=%d, ...}", (int)u[0]);
	} else {
		dc_ptr(c, 0);
	}
}

/* --- adjtimex(buf), clock_adjtime(clock, buf): struct timex at exit */

static const struct rn_xlat t3_adj_modes[] = {
	XLAT_PAIR(0xa001, "ADJ_OFFSET_SS_READ"), XLAT_PAIR(0x8001, "ADJ_OFFSET_SINGLESHOT"),
	XLAT_PAIR(0x0001, "ADJ_OFFSET"), XLAT_PAIR(0x0002, "ADJ_FREQUENCY"),
	XLAT_PAIR(0x0004, "ADJ_MAXERROR"), XLAT_PAIR(0x0008, "ADJ_ESTERROR"),
	XLAT_PAIR(0x0010, "ADJ_STATUS"), XLAT_PAIR(0x0020, "ADJ_TIMECONST"),
	XLAT_PAIR(0x0080, "ADJ_TAI"), XLAT_PAIR(0x0100, "ADJ_SETOFFSET"),
	XLAT_PAIR(0x1000, "ADJ_MICRO"), XLAT_PAIR(0x2000, "ADJ_NANO"),
	XLAT_PAIR(0x4000, "ADJ_TICK"), XLAT_END,
};

static const struct rn_xlat t3_adj_status[] = {
	XLAT_PAIR(0x0001, "STA_PLL"), XLAT_PAIR(0x0002, "STA_PPSFREQ"),
	XLAT_PAIR(0x0004, "STA_PPSTIME"), XLAT_PAIR(0x0008, "STA_FLL"),
	XLAT_PAIR(0x0010, "STA_INS"), XLAT_PAIR(0x0020, "STA_DEL"),
	XLAT_PAIR(0x0040, "STA_UNSYNC"), XLAT_PAIR(0x0080, "STA_FREQHOLD"),
	XLAT_PAIR(0x0100, "STA_PPSSIGNAL"), XLAT_PAIR(0x0200, "STA_PPSJITTER"),
	XLAT_PAIR(0x0400, "STA_PPSWANDER"), XLAT_PAIR(0x0800, "STA_PPSERROR"),
	XLAT_PAIR(0x1000, "STA_CLOCKERR"), XLAT_PAIR(0x2000, "STA_NANO"),
	XLAT_PAIR(0x4000, "STA_MODE"), XLAT_PAIR(0x8000, "STA_CLK"), XLAT_END,
};

static const struct rn_xlat t3_time_states[] = {
	XLAT_PAIR(0, "TIME_OK"), XLAT_PAIR(1, "TIME_INS"), XLAT_PAIR(2, "TIME_DEL"),
	XLAT_PAIR(3, "TIME_OOP"), XLAT_PAIR(4, "TIME_WAIT"), XLAT_PAIR(5, "TIME_ERROR"),
	XLAT_END,
};

/* struct timex on x86_64: 208 bytes, longs at 8-byte offsets */
static void pr_timex(struct rn_strbuf *sb, const __u8 *t)
{
	static const char *const tail[] = { "tick", "ppsfreq", "jitter", "shift", "stabil",
					    "jitcnt", "calcnt", "errcnt", "stbcnt", "tai" };
	__s64 l[21];
	__s32 i;

	memcpy(l, t, sizeof(l));
	memcpy(&i, t, 4);
	rn_sb_puts(sb, "{modes=");
	rn_xlat_flags(sb, t3_adj_modes, (__u32)i);
	rn_sb_printf(sb, ", offset=%lld, freq=%lld, maxerror=%lld, esterror=%lld, status=",
		     (long long)l[1], (long long)l[2], (long long)l[3], (long long)l[4]);
	memcpy(&i, t + 40, 4);
	rn_xlat_flags(sb, t3_adj_status, (__u32)i);
	rn_sb_printf(sb, ", constant=%lld, precision=%lld, tolerance=%lld, time={tv_sec=%lld, "
		     "tv_usec=%lld}", (long long)l[6], (long long)l[7], (long long)l[8],
		     (long long)l[9], (long long)l[10]);
	for (int k = 0; k < 10; k++) {
		/* shift and tai are ints */
		if (k == 3 || k == 9) {
			memcpy(&i, t + 88 + 8 * k, 4);
			rn_sb_printf(sb, ", %s=%d", tail[k], i);
		} else {
			rn_sb_printf(sb, ", %s=%lld", tail[k], (long long)l[11 + k]);
		}
	}
	rn_sb_putc(sb, '}');
}

static void timex_ret(struct dctx *c)
{
	const char *n = rn_xlat_name(t3_time_states, c->sc->ret);

	if (n)
		rn_sb_printf(&c->d->ret, " (%s)", n);
}

static void pr_timex_arg(struct dctx *c, int i)
{
	__u8 t[208];

	if (dc_stop_unfinished(c, i) || !dc_out_ok(c, i))
		return;
	if (dc_read(c, RAW(c, i), t, sizeof(t), true) < 0)
		dc_ptr(c, i);
	else
		pr_timex(ARG(c, i), t);
	c->ret_extra = timex_ret;
}

void dec_adjtimex(struct dctx *c)
{
	pr_timex_arg(c, 0);
}

void dec_clock_adjtime(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 0), rn_xl_clocks, (__u32)RAW(c, 0), "CLOCK_");
	pr_timex_arg(c, 1);
}

/* --- sched_setattr(pid, attr, flags), sched_getattr(pid, attr, size, flags) */

static const struct rn_xlat t3_sched_flags[] = {
	XLAT_PAIR(0x01, "SCHED_FLAG_RESET_ON_FORK"), XLAT_PAIR(0x02, "SCHED_FLAG_RECLAIM"),
	XLAT_PAIR(0x04, "SCHED_FLAG_DL_OVERRUN"), XLAT_PAIR(0x08, "SCHED_FLAG_KEEP_POLICY"),
	XLAT_PAIR(0x10, "SCHED_FLAG_KEEP_PARAMS"), XLAT_PAIR(0x20, "SCHED_FLAG_UTIL_CLAMP_MIN"),
	XLAT_PAIR(0x40, "SCHED_FLAG_UTIL_CLAMP_MAX"), XLAT_END,
};

struct t3_sched_attr {
	__u32 size, policy;
	__u64 flags;
	__s32 nice;
	__u32 prio;
	__u64 runtime, deadline, period;
	__u32 util_min, util_max;
};

/* The policy shows unless a KEEP flag is set, the parameters unless
 * KEEP_PARAMS, the clamps from the second version (56 bytes) on. */
static void pr_sched_attr(struct rn_strbuf *sb, const struct t3_sched_attr *a)
{
	rn_sb_printf(sb, "{size=%u", a->size);
	if (!(a->flags & 0x18)) {
		rn_sb_puts(sb, ", sched_policy=");
		rn_xlat_enum_unk(sb, rn_xl_sched_policies, a->policy, "SCHED_");
	}
	rn_sb_puts(sb, ", sched_flags=");
	pr_flags_unk(sb, t3_sched_flags, a->flags, "SCHED_FLAG_");
	if (!(a->flags & 0x10))
		rn_sb_printf(sb, ", sched_nice=%d, sched_priority=%u, sched_runtime=%llu, "
			     "sched_deadline=%llu, sched_period=%llu", a->nice, a->prio,
			     (unsigned long long)a->runtime, (unsigned long long)a->deadline,
			     (unsigned long long)a->period);
	if (a->size >= 56)
		rn_sb_printf(sb, ", sched_util_min=%u, sched_util_max=%u", a->util_min,
			     a->util_max);
	if (a->size > 56)
		rn_sb_puts(sb, ", ...");
	rn_sb_putc(sb, '}');
}

static void pr_sched_attr_at(struct dctx *c, int i, bool out)
{
	struct t3_sched_attr a = { 0 };
	size_t n;

	if (!RAW(c, i) || dc_read(c, RAW(c, i), &a, 4, out) < 0) {
		dc_ptr(c, i);
		return;
	}
	n = a.size > sizeof(a) || !a.size ? sizeof(a) : a.size;
	if (n < 48 || dc_read(c, RAW(c, i), &a, n, out) < 0) {
		dc_ptr(c, i);
		return;
	}
	pr_sched_attr(ARG(c, i), &a);
}

void dec_sched_setattr(struct dctx *c)
{
	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	pr_sched_attr_at(c, 1, false);
	dc_uint(c, 2);
}

void dec_sched_getattr(struct dctx *c)
{
	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	if (dc_stop_unfinished(c, 1))
		return;
	if (dc_out_ok(c, 1))
		pr_sched_attr_at(c, 1, true);
	dc_uint(c, 2);
	dc_uint(c, 3);
}

/* --- NUMA: node masks, page lists */

/* A node mask of maxnode bits: one hex word per long, as strace pads it */
static void pr_nodemask(struct dctx *c, int i, __u64 maxnode)
{
	struct rn_strbuf *sb = ARG(c, i);
	__u64 addr = RAW(c, i), n = (maxnode + 62) / 64, w;

	/* a count whose size overflows is not read, as strace: the address */
	if (!addr || maxnode == 1 || maxnode + 62 < maxnode ||
	    (n && dc_read(c, addr, &w, 8, false) < 0)) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 k = 0; k < n; k++) {
		if (k && (dc_array_cut(c, k) || k >= 1024)) {	/* 65536 nodes */
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (k && dc_read(c, addr + 8 * k, &w, 8, false) < 0) {
			rn_sb_printf(sb, ", ... /* %#llx */", (unsigned long long)(addr + 8 * k));
			break;
		}
		rn_sb_printf(sb, "%s%#016llx", k ? ", " : "", (unsigned long long)w);
	}
	rn_sb_putc(sb, ']');
}

void dec_migrate_pages(struct dctx *c)
{
	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	dc_ulong(c, 1);
	pr_nodemask(c, 2, RAW(c, 1));
	pr_nodemask(c, 3, RAW(c, 1));
}

enum t3_elem { T3_PTR, T3_INT, T3_STATUS };

/* n elements of move_pages' arrays: pages (pointers), nodes, status (a node
 * or -ERRNO) */
static void pr_page_array(struct dctx *c, int i, __u64 n, enum t3_elem kind, bool out)
{
	struct rn_strbuf *sb = ARG(c, i);
	size_t sz = kind == T3_PTR ? 8 : 4;
	__u64 addr = RAW(c, i), v = 0;

	if (!addr || (n && dc_read(c, addr, &v, sz, out) < 0)) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 k = 0; k < n; k++) {
		const char *e;
		int x;

		v = 0;
		if (k && (dc_array_cut(c, k) || k >= 4096)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (dc_read(c, addr + sz * k, &v, sz, out) < 0) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (k)
			rn_sb_puts(sb, ", ");
		x = (int)v;
		e = kind == T3_STATUS && x < 0 && x > -4096 ? rn_errno_name(-x) : NULL;
		if (kind == T3_PTR)
			pr_ptr(sb, v);
		else if (e)
			rn_sb_printf(sb, "-%s", e);
		else
			rn_sb_printf(sb, "%d", x);
	}
	rn_sb_putc(sb, ']');
}

/* move_pages takes no MPOL_MF_STRICT: strace leaves it to the hex rest */
static const struct rn_xlat t3_mpol_mf[] = {
	XLAT_PAIR(2, "MPOL_MF_MOVE"), XLAT_PAIR(4, "MPOL_MF_MOVE_ALL"), XLAT_END,
};

/* move_pages(pid, count, pages, nodes, status, flags): status at exit */
void dec_move_pages(struct dctx *c)
{
	__u64 n = RAW(c, 1);

	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	dc_ulong(c, 1);
	pr_page_array(c, 2, n, T3_PTR, false);
	pr_page_array(c, 3, n, T3_INT, false);
	if (dc_stop_unfinished(c, 4))
		return;
	if (c->ok)
		pr_page_array(c, 4, n, T3_STATUS, true);
	else
		dc_ptr(c, 4);
	dc_flags_unk(c, 5, t3_mpol_mf, "MPOL_");
}

/* remap_file_pages(addr, size, prot, pgoff, flags): mmap's flags, the
 * shared-or-private type 0 being MAP_FILE */
void dec_remap_file_pages(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
	dc_lflags(c, 2, rn_xl_mmap_prot);
	dc_ulong(c, 3);
	pr_mmap_flags(ARG(c, 4), RAW(c, 4));
}

/* process_madvise(pidfd, iovec, vlen, advice, flags): the other process's
 * ranges */
void dec_process_madvise(struct dctx *c)
{
	dc_fd(c, 0);
	pr_iov_addrs(c, ARG(c, 1), RAW(c, 1), RAW(c, 2));
	dc_ulong(c, 2);
	rn_xlat_enum_unk(ARG(c, 3), rn_xl_madvise, (__u32)RAW(c, 3), "MADV_");
	rn_sb_put_hex(ARG(c, 4), (__u32)RAW(c, 4));	/* flags: an unsigned int */
}
