// SPDX-License-Identifier: MIT
/*
 * The generic decoder: a syscall whose row in syscalls.def lists argument
 * kinds (args=fd,path,flags(at_flags)) needs no function of its own; each
 * argument prints as its kind says, in order.
 */
#include "decode_int.h"

/* copy_file_range's offsets: the value the call starts from, as strace shows it. */
static void pr_loff_at(struct dctx *c, int i)
{
	__s64 v;

	if (RAW(c, i) && dc_read(c, RAW(c, i), &v, sizeof(v), false) == 0)
		rn_sb_printf(ARG(c, i), "[%lld]", (long long)v);
	else
		dc_ptr(c, i);
}

/*
 * A flag set or enum is an int in C unless its row says lflags/lenum: the
 * kernel reads the low 32 bits, and strace prints those (0xffffffff for -1).
 */
static __u64 xlat_value(struct dctx *c, int i, const struct rn_arg_desc *a)
{
	return a->wide ? RAW(c, i) : (__u32)RAW(c, i);
}

void dc_arg(struct dctx *c, int i, const struct rn_arg_desc *a)
{
	switch (a->kind) {
	case RN_AK_INT:
		dc_int(c, i);
		break;
	case RN_AK_UINT:
		dc_uint(c, i);
		break;
	case RN_AK_LONG:
		dc_long(c, i);
		break;
	case RN_AK_ULONG:
		dc_ulong(c, i);
		break;
	case RN_AK_PTR:
		dc_ptr(c, i);
		break;
	case RN_AK_MODE:
		dc_mode(c, i);
		break;
	case RN_AK_FD:
		dc_fd(c, i);
		break;
	case RN_AK_DIRFD:
		dc_dirfd(c, i);
		break;
	case RN_AK_PATH:
		dc_path(c, i);
		break;
	case RN_AK_STR:
		dc_str(c, i);
		break;
	case RN_AK_BUF:
		pr_buf_at(c, ARG(c, i), RAW(c, i), RAW(c, i + 1), false);
		break;
	case RN_AK_OUTBUF:
		dc_outbuf(c, i, false);
		break;
	case RN_AK_SIGNAL:
		dc_signal(c, i);
		break;
	case RN_AK_TIMESPEC:
		pr_timespec_at(c, ARG(c, i), RAW(c, i), false);
		break;
	case RN_AK_LOFFP:
		pr_loff_at(c, i);
		break;
	case RN_AK_FLAGS:
		if (a->fmt)
			pr_flags_unk(ARG(c, i), a->xl, xlat_value(c, i, a), a->fmt);
		else
			rn_xlat_flags(ARG(c, i), a->xl, xlat_value(c, i, a));
		break;
	case RN_AK_ENUM:
		rn_xlat_enum(ARG(c, i), a->xl, xlat_value(c, i, a), a->fmt);
		break;
	case RN_AK_XINT:
		rn_sb_put_hex(ARG(c, i), (__u32)RAW(c, i));
		break;
	case RN_AK_PID:
		pr_pid(c, ARG(c, i), (int)RAW(c, i));
		break;
	default:	/* RN_AK_HEX, and a kind this file does not know yet */
		dc_hex(c, i);
	}
}

/* An output argument is only known at exit: an unfinished call stops there. */
static bool kind_at_exit(unsigned char kind)
{
	return kind == RN_AK_OUTBUF;
}

void dec_args(struct dctx *c)
{
	const struct rn_arg_desc *a = c->si->args;
	int i;

	for (i = 0; i < c->d->nargs && a[i].kind != RN_AK_NONE; i++) {
		if (kind_at_exit(a[i].kind) && dc_stop_unfinished(c, i))
			return;
		dc_arg(c, i, &a[i]);
	}
}
