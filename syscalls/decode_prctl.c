// SPDX-License-Identifier: MIT
/*
 * prctl(option, ...) as strace 6.1 prints it: per option, how many of the
 * four arguments show and in which form (a signal, a capability, a
 * sub-command, flags, a value the call wrote back), and the annotation of
 * what the PR_GET_* options return ("= 0x2 (PR_SPEC_ENABLE)"). Options
 * newer than strace 6.1 print as it prints unknown ones: four hex numbers.
 * The widths follow strace's too: some values are read as 32-bit (the
 * option, PR_SET_MM's sub-command, PR_SET_TSC's mode), most as 64-bit.
 * Checked line by line against strace (tests/tracees/fcntlprctl.c,
 * tests/integration/t_decode_fcntl_prctl.sh), also for the return values
 * only -e inject= can produce on x86_64.
 */
#include "decode_int.h"

#include <string.h>
#include <sys/prctl.h>

#include "gen/decoders.h"

#define PR_SME_SET_VL_	63
#define PR_SME_GET_VL_	64
#define PR_PAC_SET_KEYS	60
#define PR_PAC_GET_KEYS	61
#define PR_SCHED_CORE_	62
#define PR_SET_VMA_	0x53564d41
#define PR_SET_SYSCALL_USER_DISPATCH_ 59

/* An option's printer: prints arguments 1.. and sets nargs. */
typedef void (*prctl_fn)(struct dctx *c);

struct prctl_opt {
	int op;
	prctl_fn args;
	decode_fn ret;		/* annotates the value returned, NULL: none */
	enum ret_kind rv;
};

static const struct rn_xlat pr_unalign[] = {
	XLAT(PR_UNALIGN_NOPRINT), XLAT(PR_UNALIGN_SIGBUS), XLAT_END,
};
static const struct rn_xlat pr_seccomp_modes[] = {
	XLAT_PAIR(0, "SECCOMP_MODE_DISABLED"), XLAT_PAIR(1, "SECCOMP_MODE_STRICT"),
	XLAT_PAIR(2, "SECCOMP_MODE_FILTER"), XLAT_END,
};
static const struct rn_xlat pr_tsc[] = { XLAT(PR_TSC_ENABLE), XLAT(PR_TSC_SIGSEGV), XLAT_END };
static const struct rn_xlat pr_secbits[] = {
	XLAT_PAIR(0x01, "SECBIT_NOROOT"), XLAT_PAIR(0x02, "SECBIT_NOROOT_LOCKED"),
	XLAT_PAIR(0x04, "SECBIT_NO_SETUID_FIXUP"), XLAT_PAIR(0x08, "SECBIT_NO_SETUID_FIXUP_LOCKED"),
	XLAT_PAIR(0x10, "SECBIT_KEEP_CAPS"), XLAT_PAIR(0x20, "SECBIT_KEEP_CAPS_LOCKED"),
	XLAT_PAIR(0x40, "SECBIT_NO_CAP_AMBIENT_RAISE"),
	XLAT_PAIR(0x80, "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED"), XLAT_END,
};
static const struct rn_xlat pr_mce_kill[] = {
	XLAT(PR_MCE_KILL_CLEAR), XLAT(PR_MCE_KILL_SET), XLAT_END,
};
static const struct rn_xlat pr_mce_policy[] = {
	XLAT(PR_MCE_KILL_LATE), XLAT(PR_MCE_KILL_EARLY), XLAT(PR_MCE_KILL_DEFAULT), XLAT_END,
};
static const struct rn_xlat pr_set_mm[] = {
	XLAT(PR_SET_MM_START_CODE), XLAT(PR_SET_MM_END_CODE), XLAT(PR_SET_MM_START_DATA),
	XLAT(PR_SET_MM_END_DATA), XLAT(PR_SET_MM_START_STACK), XLAT(PR_SET_MM_START_BRK),
	XLAT(PR_SET_MM_BRK), XLAT(PR_SET_MM_ARG_START), XLAT(PR_SET_MM_ARG_END),
	XLAT(PR_SET_MM_ENV_START), XLAT(PR_SET_MM_ENV_END), XLAT(PR_SET_MM_AUXV),
	XLAT(PR_SET_MM_EXE_FILE), XLAT(PR_SET_MM_MAP), XLAT(PR_SET_MM_MAP_SIZE), XLAT_END,
};
static const struct rn_xlat pr_fp_modes[] = {
	XLAT(PR_FP_MODE_FR), XLAT(PR_FP_MODE_FRE), XLAT_END,
};
static const struct rn_xlat pr_cap_ambient[] = {
	XLAT(PR_CAP_AMBIENT_IS_SET), XLAT(PR_CAP_AMBIENT_RAISE), XLAT(PR_CAP_AMBIENT_LOWER),
	XLAT(PR_CAP_AMBIENT_CLEAR_ALL), XLAT_END,
};
/* the flags above the vector length (PR_SVE_VL_LEN_MASK) */
static const struct rn_xlat pr_sve_flags[] = {
	XLAT_PAIR(1 << 18, "PR_SVE_SET_VL_ONEXEC"), XLAT_PAIR(1 << 17, "PR_SVE_VL_INHERIT"),
	XLAT_END,
};
static const struct rn_xlat pr_sme_flags[] = {
	XLAT_PAIR(1 << 18, "PR_SME_SET_VL_ONEXEC"), XLAT_PAIR(1 << 17, "PR_SME_VL_INHERIT"),
	XLAT_END,
};
static const struct rn_xlat pr_spec_which[] = {
	XLAT_PAIR(0, "PR_SPEC_STORE_BYPASS"), XLAT_PAIR(1, "PR_SPEC_INDIRECT_BRANCH"),
	XLAT_PAIR(2, "PR_SPEC_L1D_FLUSH"), XLAT_END,
};
/* what PR_SET_SPECULATION_CTRL asks for: one of them */
static const struct rn_xlat pr_spec_set[] = {
	XLAT_PAIR(1 << 1, "PR_SPEC_ENABLE"), XLAT_PAIR(1 << 2, "PR_SPEC_DISABLE"),
	XLAT_PAIR(1 << 3, "PR_SPEC_FORCE_DISABLE"), XLAT_PAIR(1 << 4, "PR_SPEC_DISABLE_NOEXEC"),
	XLAT_END,
};
/* what PR_GET_SPECULATION_CTRL answers: flags */
static const struct rn_xlat pr_spec_get[] = {
	XLAT_PAIR(1 << 0, "PR_SPEC_PRCTL"), XLAT_PAIR(1 << 1, "PR_SPEC_ENABLE"),
	XLAT_PAIR(1 << 2, "PR_SPEC_DISABLE"), XLAT_PAIR(1 << 3, "PR_SPEC_FORCE_DISABLE"),
	XLAT_PAIR(1 << 4, "PR_SPEC_DISABLE_NOEXEC"), XLAT_END,
};
/* the keys PR_PAC_RESET_KEYS resets; the generic key cannot be disabled,
 * so PR_PAC_{SET,GET}_ENABLED_KEYS name only the first four */
static const struct rn_xlat pr_pac_keys[] = {
	XLAT_PAIR(1 << 0, "PR_PAC_APIAKEY"), XLAT_PAIR(1 << 1, "PR_PAC_APIBKEY"),
	XLAT_PAIR(1 << 2, "PR_PAC_APDAKEY"), XLAT_PAIR(1 << 3, "PR_PAC_APDBKEY"),
	XLAT_PAIR(1 << 4, "PR_PAC_APGAKEY"), XLAT_END,
};
static const struct rn_xlat pr_pac_enabled[] = {
	XLAT_PAIR(1 << 0, "PR_PAC_APIAKEY"), XLAT_PAIR(1 << 1, "PR_PAC_APIBKEY"),
	XLAT_PAIR(1 << 2, "PR_PAC_APDAKEY"), XLAT_PAIR(1 << 3, "PR_PAC_APDBKEY"), XLAT_END,
};
static const struct rn_xlat pr_sys_dispatch[] = {
	XLAT_PAIR(0, "PR_SYS_DISPATCH_OFF"), XLAT_PAIR(1, "PR_SYS_DISPATCH_ON"), XLAT_END,
};
static const struct rn_xlat pr_sched_core[] = {
	XLAT_PAIR(0, "PR_SCHED_CORE_GET"), XLAT_PAIR(1, "PR_SCHED_CORE_CREATE"),
	XLAT_PAIR(2, "PR_SCHED_CORE_SHARE_TO"), XLAT_PAIR(3, "PR_SCHED_CORE_SHARE_FROM"), XLAT_END,
};
static const struct rn_xlat pr_pidtypes[] = {
	XLAT_PAIR(0, "PIDTYPE_PID"), XLAT_PAIR(1, "PIDTYPE_TGID"), XLAT_PAIR(2, "PIDTYPE_PGID"),
	XLAT_PAIR(3, "PIDTYPE_SID"), XLAT_END,
};
static const struct rn_xlat pr_vma[] = { XLAT_PAIR(0, "PR_SET_VMA_ANON_NAME"), XLAT_END };
/* PR_MTE_TCF_MASK's values: the tag check fault mode */
static const struct rn_xlat pr_mte_tcf[] = {
	XLAT_PAIR(0, "PR_MTE_TCF_NONE"), XLAT_PAIR(1 << 1, "PR_MTE_TCF_SYNC"),
	XLAT_PAIR(1 << 2, "PR_MTE_TCF_ASYNC"), XLAT_PAIR(3 << 1, "PR_MTE_TCF_MASK"), XLAT_END,
};

/* --- argument forms */

static void args_none(struct dctx *c)
{
	c->d->nargs = 1;
}

/* the rest of the five as the generic printer shows them */
static void rest_hex(struct dctx *c, int from)
{
	c->d->nargs = 5;
	dc_generic(c, from);
}

static void args_hex4(struct dctx *c)
{
	rest_hex(c, 1);
}

static void args_ulong(struct dctx *c)
{
	dc_ulong(c, 1);
}

static void args_long(struct dctx *c)
{
	dc_long(c, 1);
}

/* a number, then three unused arguments (PR_SET_NO_NEW_PRIVS ...) */
static void args_ulong_hex3(struct dctx *c)
{
	dc_ulong(c, 1);
	rest_hex(c, 2);
}

/* a signal number as an unsigned long: SIGTERM, 0, 99 */
static void args_signal(struct dctx *c)
{
	__u64 v = RAW(c, 1);

	if (v && v <= 64)
		dc_signal(c, 1);
	else
		dc_ulong(c, 1);
}

static void args_dumpable(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 1), rn_xl_dumpable, RAW(c, 1), "SUID_DUMP_");
}

static void args_unalign(struct dctx *c)
{
	pr_flags_unk(ARG(c, 1), pr_unalign, (__u32)RAW(c, 1), "PR_UNALIGN_");
}

static void args_name(struct dctx *c)
{
	pr_str_at(c, ARG(c, 1), RAW(c, 1), c->o->strsize < 15 ? c->o->strsize : 15);
}

static void args_cap(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 1), rn_xl_capabilities, RAW(c, 1), "CAP_");
}

static void args_tsc(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 1), pr_tsc, (__u32)RAW(c, 1), "PR_TSC_");
}

static void args_secbits(struct dctx *c)
{
	dc_lflags_unk(c, 1, pr_secbits, "SECBIT_");
}

static void args_fp_mode(struct dctx *c)
{
	pr_flags_unk(ARG(c, 1), pr_fp_modes, (__u32)RAW(c, 1), "PR_FP_MODE_");
}

static void args_ptracer(struct dctx *c)
{
	if ((int)RAW(c, 1) == -1)
		rn_sb_puts(ARG(c, 1), "PR_SET_PTRACER_ANY");
	else
		dc_int(c, 1);
}

/* SECCOMP_MODE_STRICT alone, FILTER with its program, anything else with
 * all four arguments */
static void args_seccomp(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 1), pr_seccomp_modes, RAW(c, 1), "SECCOMP_MODE_");
	if (RAW(c, 1) == 1) {
		c->d->nargs = 2;
	} else if (RAW(c, 1) == 2) {
		c->d->nargs = 3;
		pr_sock_fprog(c, 2);
	} else {
		rest_hex(c, 2);
	}
}

static void args_mce_kill(struct dctx *c)
{
	bool set = RAW(c, 1) == PR_MCE_KILL_SET;

	rn_xlat_enum_unk(ARG(c, 1), pr_mce_kill, RAW(c, 1), "PR_MCE_KILL_");
	if (set)
		rn_xlat_enum_unk(ARG(c, 2), pr_mce_policy, RAW(c, 2), "PR_MCE_KILL_");
	rest_hex(c, set ? 3 : 2);
}

static void args_set_mm(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 1), pr_set_mm, (__u32)RAW(c, 1), "PR_SET_MM_");
	rest_hex(c, 2);
}

static void args_cap_ambient(struct dctx *c)
{
	__u64 sub = RAW(c, 1);
	bool cap = sub >= PR_CAP_AMBIENT_IS_SET && sub <= PR_CAP_AMBIENT_LOWER;

	rn_xlat_enum_unk(ARG(c, 1), pr_cap_ambient, sub, "PR_CAP_AMBIENT_");
	if (cap)
		rn_xlat_enum_unk(ARG(c, 2), rn_xl_capabilities, RAW(c, 2), "CAP_");
	rest_hex(c, cap ? 3 : 2);
}

/* PR_SVE_VL_INHERIT|0x10: flags above the 16-bit length, then the length;
 * the length alone when no flag bit is set */
static void pr_vl(struct rn_strbuf *sb, const struct rn_xlat *flags, __u64 v)
{
	if (v >> 16) {
		rn_xlat_flags(sb, flags, v & ~(__u64)0xffff);
		rn_sb_putc(sb, '|');
	}
	rn_sb_put_hex(sb, v & 0xffff);
}

static void args_sve_vl(struct dctx *c)
{
	pr_vl(ARG(c, 1), pr_sve_flags, RAW(c, 1));
}

static void args_sme_vl(struct dctx *c)
{
	pr_vl(ARG(c, 1), pr_sme_flags, RAW(c, 1));
}

static void args_spec_get(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 1), pr_spec_which, RAW(c, 1), "PR_SPEC_");
}

/* the value only names a mode for a known speculation feature */
static void args_spec_set(struct dctx *c)
{
	c->d->nargs = 3;
	args_spec_get(c);
	if (rn_xlat_name(pr_spec_which, RAW(c, 1)))
		rn_xlat_enum_unk(ARG(c, 2), pr_spec_set, RAW(c, 2), "PR_SPEC_");
	else
		dc_hex(c, 2);
}

static void args_pac_reset(struct dctx *c)
{
	dc_lflags_unk(c, 1, pr_pac_keys, "PR_PAC_");
	rest_hex(c, 2);
}

/* the keys to change, then which of them to enable */
static void args_pac_set(struct dctx *c)
{
	dc_lflags_unk(c, 1, pr_pac_enabled, "PR_PAC_");
	dc_lflags_unk(c, 2, pr_pac_enabled, "PR_PAC_");
	rest_hex(c, 3);
}

/*
 * PR_TAGGED_ADDR_ENABLE (or !PR_TAGGED_ADDR_ENABLE when clear), the tag check
 * fault mode, the tag mask as 0x..<<PR_MTE_TAG_SHIFT, then bits no field has.
 */
static void pr_tagged(struct rn_strbuf *sb, __u64 v)
{
	__u64 tags = (v >> 3) & 0xffff, rest = v & ~(__u64)0x7ffff;

	rn_sb_puts(sb, v & 1 ? "PR_TAGGED_ADDR_ENABLE|" : "!PR_TAGGED_ADDR_ENABLE|");
	rn_sb_puts(sb, rn_xlat_name(pr_mte_tcf, v & 6));
	if (tags)
		rn_sb_printf(sb, "|%#llx<<PR_MTE_TAG_SHIFT", (unsigned long long)tags);
	if (rest)
		rn_sb_printf(sb, "|%#llx", (unsigned long long)rest);
}

static void args_tagged(struct dctx *c)
{
	pr_tagged(ARG(c, 1), RAW(c, 1));
	rest_hex(c, 2);
}

static void args_dispatch(struct dctx *c)
{
	c->d->nargs = 5;
	rn_xlat_enum_unk(ARG(c, 1), pr_sys_dispatch, RAW(c, 1), "PR_SYS_DISPATCH_");
	dc_hex(c, 2);
	dc_hex(c, 3);
	dc_ptr(c, 4);		/* the selector byte's address */
}

/* --- values the call wrote back (at exit, when it succeeded) */

/* Argument 1 (or i) as the call left it: false when it cannot be shown
 * (the address, or NULL, is printed) or the call has not returned. */
static bool out_arg(struct dctx *c, int i, void *v, size_t len)
{
	if (dc_stop_unfinished(c, i) || !dc_out_ok(c, i))
		return false;
	if (dc_read(c, RAW(c, i), v, len, true) == 0)
		return true;
	dc_ptr(c, i);
	return false;
}

static void args_get_signal(struct dctx *c)
{
	int v;

	if (!out_arg(c, 1, &v, sizeof(v)))
		return;
	rn_sb_putc(ARG(c, 1), '[');
	pr_signal(ARG(c, 1), v);
	rn_sb_putc(ARG(c, 1), ']');
}

static void args_get_uint(struct dctx *c)
{
	unsigned v;

	if (out_arg(c, 1, &v, sizeof(v)))
		rn_sb_printf(ARG(c, 1), "[%u]", v);
}

static void args_get_unalign(struct dctx *c)
{
	unsigned v;

	if (!out_arg(c, 1, &v, sizeof(v)))
		return;
	rn_sb_putc(ARG(c, 1), '[');
	pr_flags_unk(ARG(c, 1), pr_unalign, v, "PR_UNALIGN_");
	rn_sb_putc(ARG(c, 1), ']');
}

static void args_get_tsc(struct dctx *c)
{
	unsigned v;

	if (!out_arg(c, 1, &v, sizeof(v)))
		return;
	rn_sb_putc(ARG(c, 1), '[');
	rn_xlat_enum_unk(ARG(c, 1), pr_tsc, v, "PR_TSC_");
	rn_sb_putc(ARG(c, 1), ']');
}

static void args_get_tid_address(struct dctx *c)
{
	__u64 v;

	if (!out_arg(c, 1, &v, sizeof(v)))
		return;
	rn_sb_putc(ARG(c, 1), '[');
	pr_ptr(ARG(c, 1), v);
	rn_sb_putc(ARG(c, 1), ']');
}

static void args_get_name(struct dctx *c)
{
	if (dc_stop_unfinished(c, 1) || !dc_out_ok(c, 1))
		return;
	pr_str_out_at(c, ARG(c, 1), RAW(c, 1), c->o->strsize < 15 ? c->o->strsize : 15);
}

/* PR_SCHED_CORE_GET writes the cookie through the last argument */
static void args_sched_core(struct dctx *c)
{
	unsigned sub = (unsigned)RAW(c, 1), type = (unsigned)RAW(c, 3);
	const char *t = rn_xlat_name(pr_pidtypes, type);
	__u64 cookie;

	c->d->nargs = 5;
	rn_xlat_enum_unk(ARG(c, 1), pr_sched_core, sub, "PR_SCHED_CORE_");
	dc_int(c, 2);
	rn_sb_printf(ARG(c, 3), "%#x /* %s */", type, t ? t : "PIDTYPE_???");
	if (sub != 0)
		dc_ptr(c, 4);
	else if (out_arg(c, 4, &cookie, sizeof(cookie)))
		rn_sb_printf(ARG(c, 4), "[%#llx]", (unsigned long long)cookie);
}

/* PR_SET_VMA_ANON_NAME: the range and its new name */
static void args_vma(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 1), pr_vma, RAW(c, 1), "PR_SET_VMA_");
	if (RAW(c, 1) != 0) {
		rest_hex(c, 2);
		return;
	}
	c->d->nargs = 5;
	dc_ptr(c, 2);
	dc_ulong(c, 3);
	dc_str(c, 4);
}

/* --- return values */

static void ret_enum(struct dctx *c, const struct rn_xlat *x)
{
	const char *s = rn_xlat_name(x, c->sc->ret);

	if (s)
		rn_sb_printf(&c->d->ret, " (%s)", s);
}

/* (A|B|0x40) when at least one bit has a name */
static void ret_flags(struct dctx *c, const struct rn_xlat *x)
{
	__u64 v = c->sc->ret;
	const struct rn_xlat *e;

	for (e = x; e->str && !(v & e->val); e++)
		;
	if (!e->str)
		return;
	rn_sb_puts(&c->d->ret, " (");
	rn_xlat_flags(&c->d->ret, x, v);
	rn_sb_putc(&c->d->ret, ')');
}

static void ret_dumpable(struct dctx *c)
{
	ret_enum(c, rn_xl_dumpable);
}

static void ret_mce_kill(struct dctx *c)
{
	ret_enum(c, pr_mce_policy);
}

static void ret_secbits(struct dctx *c)
{
	ret_flags(c, pr_secbits);
}

static void ret_fp_mode(struct dctx *c)
{
	ret_flags(c, pr_fp_modes);
}

static void ret_pac_keys(struct dctx *c)
{
	ret_flags(c, pr_pac_enabled);
}

/* 0 says the CPU is not affected; in hex only for a feature it knows */
static void ret_spec(struct dctx *c)
{
	if (!c->sc->ret)
		rn_sb_puts(&c->d->ret, " (PR_SPEC_NOT_AFFECTED)");
	else
		ret_flags(c, pr_spec_get);
}

static void ret_tagged(struct dctx *c)
{
	rn_sb_puts(&c->d->ret, " (");
	pr_tagged(&c->d->ret, c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

/* the flags and the length, only when a flag bit is set */
static void ret_vl(struct dctx *c, const struct rn_xlat *flags)
{
	if (!((__u64)c->sc->ret >> 16))
		return;
	rn_sb_puts(&c->d->ret, " (");
	pr_vl(&c->d->ret, flags, c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

static void ret_sve_vl(struct dctx *c)
{
	ret_vl(c, pr_sve_flags);
}

static void ret_sme_vl(struct dctx *c)
{
	ret_vl(c, pr_sme_flags);
}

static const struct prctl_opt prctl_opts[] = {
	{ PR_SET_PDEATHSIG, args_signal, NULL, RV_DEC },
	{ PR_GET_PDEATHSIG, args_get_signal, NULL, RV_DEC },
	{ PR_GET_DUMPABLE, args_none, ret_dumpable, RV_DEC },
	{ PR_SET_DUMPABLE, args_dumpable, NULL, RV_DEC },
	{ PR_GET_UNALIGN, args_get_unalign, NULL, RV_DEC },
	{ PR_SET_UNALIGN, args_unalign, NULL, RV_DEC },
	{ PR_GET_KEEPCAPS, args_none, NULL, RV_DEC },
	{ PR_SET_KEEPCAPS, args_ulong, NULL, RV_DEC },
	{ PR_GET_FPEMU, args_get_uint, NULL, RV_DEC },
	{ PR_SET_FPEMU, args_ulong, NULL, RV_DEC },
	{ PR_GET_FPEXC, args_get_uint, NULL, RV_DEC },
	{ PR_SET_FPEXC, args_ulong, NULL, RV_DEC },
	{ PR_GET_TIMING, args_none, NULL, RV_DEC },
	{ PR_SET_TIMING, args_ulong, NULL, RV_DEC },
	{ PR_SET_NAME, args_name, NULL, RV_DEC },
	{ PR_GET_NAME, args_get_name, NULL, RV_DEC },
	{ PR_GET_ENDIAN, args_get_uint, NULL, RV_DEC },
	{ PR_SET_ENDIAN, args_ulong, NULL, RV_DEC },
	{ PR_GET_SECCOMP, args_none, NULL, RV_DEC },
	{ PR_SET_SECCOMP, args_seccomp, NULL, RV_DEC },
	{ PR_CAPBSET_READ, args_cap, NULL, RV_DEC },
	{ PR_CAPBSET_DROP, args_cap, NULL, RV_DEC },
	{ PR_GET_TSC, args_get_tsc, NULL, RV_DEC },
	{ PR_SET_TSC, args_tsc, NULL, RV_DEC },
	{ PR_GET_SECUREBITS, args_none, ret_secbits, RV_HEX },
	{ PR_SET_SECUREBITS, args_secbits, NULL, RV_DEC },
	{ PR_SET_TIMERSLACK, args_long, NULL, RV_DEC },
	{ PR_GET_TIMERSLACK, args_none, NULL, RV_DEC },
	{ PR_TASK_PERF_EVENTS_DISABLE, args_none, NULL, RV_DEC },
	{ PR_TASK_PERF_EVENTS_ENABLE, args_none, NULL, RV_DEC },
	{ PR_MCE_KILL, args_mce_kill, NULL, RV_DEC },
	{ PR_MCE_KILL_GET, args_hex4, ret_mce_kill, RV_DEC },
	{ PR_SET_MM, args_set_mm, NULL, RV_DEC },
	{ PR_SET_PTRACER, args_ptracer, NULL, RV_DEC },
	{ PR_SET_CHILD_SUBREAPER, args_ulong, NULL, RV_DEC },
	{ PR_GET_CHILD_SUBREAPER, args_get_uint, NULL, RV_DEC },
	{ PR_SET_NO_NEW_PRIVS, args_ulong_hex3, NULL, RV_DEC },
	{ PR_GET_NO_NEW_PRIVS, args_hex4, NULL, RV_DEC },
	{ PR_GET_TID_ADDRESS, args_get_tid_address, NULL, RV_DEC },
	{ PR_SET_THP_DISABLE, args_ulong_hex3, NULL, RV_DEC },
	{ PR_GET_THP_DISABLE, args_hex4, NULL, RV_DEC },
	{ PR_SET_FP_MODE, args_fp_mode, NULL, RV_DEC },
	{ PR_GET_FP_MODE, args_none, ret_fp_mode, RV_HEX },
	{ PR_CAP_AMBIENT, args_cap_ambient, NULL, RV_DEC },
	{ PR_SVE_SET_VL, args_sve_vl, NULL, RV_DEC },
	{ PR_SVE_GET_VL, args_none, ret_sve_vl, RV_HEX },
	{ PR_GET_SPECULATION_CTRL, args_spec_get, ret_spec, RV_HEX },
	{ PR_SET_SPECULATION_CTRL, args_spec_set, NULL, RV_DEC },
	{ PR_PAC_RESET_KEYS, args_pac_reset, NULL, RV_DEC },
	{ PR_SET_TAGGED_ADDR_CTRL, args_tagged, NULL, RV_DEC },
	{ PR_GET_TAGGED_ADDR_CTRL, args_hex4, ret_tagged, RV_HEX },
	{ PR_SET_IO_FLUSHER, args_ulong_hex3, NULL, RV_DEC },
	{ PR_GET_IO_FLUSHER, args_hex4, NULL, RV_DEC },
	{ PR_SET_SYSCALL_USER_DISPATCH_, args_dispatch, NULL, RV_DEC },
	{ PR_PAC_SET_KEYS, args_pac_set, NULL, RV_DEC },
	{ PR_PAC_GET_KEYS, args_hex4, ret_pac_keys, RV_HEX },
	{ PR_SCHED_CORE_, args_sched_core, NULL, RV_DEC },
	{ PR_SME_SET_VL_, args_sme_vl, NULL, RV_DEC },
	{ PR_SME_GET_VL_, args_none, ret_sme_vl, RV_HEX },
	{ PR_SET_VMA_, args_vma, NULL, RV_DEC },
};

static const struct prctl_opt *prctl_opt(int op)
{
	for (size_t i = 0; i < sizeof(prctl_opts) / sizeof(prctl_opts[0]); i++)
		if (prctl_opts[i].op == op)
			return &prctl_opts[i];
	return NULL;
}

void dec_prctl(struct dctx *c)
{
	int op = (int)RAW(c, 0);
	const struct prctl_opt *po = prctl_opt(op);

	rn_xlat_enum_unk(ARG(c, 0), rn_xl_prctl_opts, (__u32)op, "PR_");
	c->d->nargs = 2;
	if (!po) {
		args_hex4(c);
		return;
	}
	po->args(c);
	c->ret_extra = po->ret;
	c->rv = po->rv;
	/* strace prints the answer about a feature it does not know in decimal */
	if (op == PR_GET_SPECULATION_CTRL && !rn_xlat_name(pr_spec_which, RAW(c, 1)))
		c->rv = RV_DEC;
}
