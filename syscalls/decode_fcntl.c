// SPDX-License-Identifier: MIT
/*
 * fcntl(fd, cmd, arg) as strace 6.1 prints it: each command's argument in
 * its own form (lock structures, owners, signals, lease types, dnotify and
 * seal flags) and the annotation of the values the F_GET* commands return
 * ("= 29 (SIGIO)", "= 0x6 (seals F_SEAL_SHRINK|F_SEAL_GROW)"). Commands
 * newer than strace 6.1 (F_GET_RW_HINT ...) print as it prints unknown ones.
 * Checked line by line against strace (tests/tracees/fcntlprctl.c,
 * tests/integration/t_decode_fcntl_prctl.sh).
 */
#include "decode_int.h"

#include <fcntl.h>

#include "gen/decoders.h"

#ifndef F_CANCELLK
#define F_CANCELLK	1029
#endif

/* How a command's third argument prints; FA_NONE: there is none. */
enum fcntl_arg {
	FA_HEX = 0,	/* unknown commands, F_CANCELLK */
	FA_NONE,
	FA_LONG,	/* F_DUPFD's minimum, F_SETPIPE_SZ's size */
	FA_INT,		/* F_SETOWN's pid (negative: a process group) */
	FA_FD_FLAGS,
	FA_OPEN_FLAGS,
	FA_SIGNAL,
	FA_LEASE,
	FA_NOTIFY,
	FA_SEALS,
	FA_FLOCK_IN,	/* the lock to set */
	FA_FLOCK_OUT,	/* the lock asked about, then the conflicting one */
	FA_OWNER_IN,
	FA_OWNER_OUT,
};

struct fcntl_cmd {
	int cmd;
	enum fcntl_arg arg;
	decode_fn ret;		/* annotates what an F_GET* command returned */
};

static const struct rn_xlat fc_owner_types[] = {
	XLAT(F_OWNER_TID), XLAT(F_OWNER_PID), XLAT(F_OWNER_PGRP), XLAT_END,
};

/* dnotify: DN_MULTISHOT is the sign bit */
static const struct rn_xlat fc_dnotify[] = {
	XLAT(DN_ACCESS), XLAT(DN_MODIFY), XLAT(DN_CREATE), XLAT(DN_DELETE), XLAT(DN_RENAME),
	XLAT(DN_ATTRIB), XLAT_PAIR(0x80000000u, "DN_MULTISHOT"), XLAT_END,
};

static const struct rn_xlat fc_seals[] = {
	XLAT(F_SEAL_SEAL), XLAT(F_SEAL_SHRINK), XLAT(F_SEAL_GROW), XLAT(F_SEAL_WRITE),
	XLAT(F_SEAL_FUTURE_WRITE), XLAT_END,
};

/* No flags, no annotation; F_GETFL's always has one: its access mode. */
static void ret_getfd(struct dctx *c)
{
	if (!c->sc->ret)
		return;
	rn_sb_puts(&c->d->ret, " (flags ");
	rn_xlat_flags(&c->d->ret, rn_xl_fd_flags, c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

static void ret_getfl(struct dctx *c)
{
	rn_sb_puts(&c->d->ret, " (flags ");
	pr_open_flags(&c->d->ret, c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

/* the signal's name, none for 0 (no signal set) or a number no signal has */
static void ret_getsig(struct dctx *c)
{
	const char *s = rn_signal_name((int)c->sc->ret);

	if (c->sc->ret > 0 && c->sc->ret <= 64 && s[0] == 'S')
		rn_sb_printf(&c->d->ret, " (%s)", s);
}

static void ret_getlease(struct dctx *c)
{
	const char *s = rn_xlat_name(rn_xl_lock_types, c->sc->ret);

	if (s)
		rn_sb_printf(&c->d->ret, " (%s)", s);
}

static void ret_getseals(struct dctx *c)
{
	if (!c->sc->ret)
		return;
	rn_sb_puts(&c->d->ret, " (seals ");
	rn_xlat_flags(&c->d->ret, fc_seals, c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

static const struct fcntl_cmd fcntl_cmds[] = {
	{ F_DUPFD, FA_LONG, NULL },		{ F_DUPFD_CLOEXEC, FA_LONG, NULL },
	{ F_GETFD, FA_NONE, ret_getfd },	{ F_SETFD, FA_FD_FLAGS, NULL },
	{ F_GETFL, FA_NONE, ret_getfl },	{ F_SETFL, FA_OPEN_FLAGS, NULL },
	{ F_GETLK, FA_FLOCK_OUT, NULL },	{ F_SETLK, FA_FLOCK_IN, NULL },
	{ F_SETLKW, FA_FLOCK_IN, NULL },	{ F_OFD_GETLK, FA_FLOCK_OUT, NULL },
	{ F_OFD_SETLK, FA_FLOCK_IN, NULL },	{ F_OFD_SETLKW, FA_FLOCK_IN, NULL },
	{ F_GETOWN, FA_NONE, NULL },		{ F_SETOWN, FA_INT, NULL },
	{ F_GETOWN_EX, FA_OWNER_OUT, NULL },	{ F_SETOWN_EX, FA_OWNER_IN, NULL },
	{ F_GETSIG, FA_NONE, ret_getsig },	{ F_SETSIG, FA_SIGNAL, NULL },
	{ F_GETLEASE, FA_NONE, ret_getlease },	{ F_SETLEASE, FA_LEASE, NULL },
	{ F_NOTIFY, FA_NOTIFY, NULL },		{ F_CANCELLK, FA_HEX, NULL },
	{ F_GETPIPE_SZ, FA_NONE, NULL },	{ F_SETPIPE_SZ, FA_LONG, NULL },
	{ F_GET_SEALS, FA_NONE, ret_getseals },	{ F_ADD_SEALS, FA_SEALS, NULL },
};

static const struct fcntl_cmd *fcntl_cmd(int cmd)
{
	for (size_t i = 0; i < sizeof(fcntl_cmds) / sizeof(fcntl_cmds[0]); i++)
		if (fcntl_cmds[i].cmd == cmd)
			return &fcntl_cmds[i];
	return NULL;
}

/* struct flock: l_pid only in what the kernel wrote back (F_GETLK) */
static void pr_flock(struct dctx *c, int i, bool out)
{
	struct flock fl;
	struct rn_strbuf *sb = ARG(c, i);

	if (!RAW(c, i) || dc_read(c, RAW(c, i), &fl, sizeof(fl), out) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_puts(sb, "{l_type=");
	rn_xlat_enum_unk(sb, rn_xl_lock_types, (__u16)fl.l_type, "F_");
	rn_sb_puts(sb, ", l_whence=");
	rn_xlat_enum_unk(sb, rn_xl_seek, (__u16)fl.l_whence, "SEEK_");
	rn_sb_printf(sb, ", l_start=%lld, l_len=%lld", (long long)fl.l_start,
		     (long long)fl.l_len);
	if (out)
		rn_sb_printf(sb, ", l_pid=%d", fl.l_pid);
	rn_sb_putc(sb, '}');
}

static void pr_owner(struct dctx *c, int i, bool out)
{
	struct f_owner_ex o;
	struct rn_strbuf *sb = ARG(c, i);

	if (!RAW(c, i) || dc_read(c, RAW(c, i), &o, sizeof(o), out) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_puts(sb, "{type=");
	rn_xlat_enum_unk(sb, fc_owner_types, (__u32)o.type, "F_OWNER_");
	rn_sb_printf(sb, ", pid=%d}", o.pid);
}

/* Argument 2 as kind a says; false: stop here, the call is unfinished. */
static bool fcntl_arg(struct dctx *c, enum fcntl_arg a)
{
	switch (a) {
	case FA_NONE:
		c->d->nargs = 2;
		break;
	case FA_LONG:
		dc_long(c, 2);
		break;
	case FA_INT:
		dc_int(c, 2);
		break;
	case FA_FD_FLAGS:
		pr_flags_unk(ARG(c, 2), rn_xl_fd_flags, (__u32)RAW(c, 2), "FD_");
		break;
	case FA_OPEN_FLAGS:
		pr_open_flags(ARG(c, 2), (__u32)RAW(c, 2));
		break;
	case FA_SIGNAL:
		dc_signal(c, 2);
		break;
	case FA_LEASE:
		rn_xlat_enum_unk(ARG(c, 2), rn_xl_lock_types, RAW(c, 2), "F_");
		break;
	case FA_NOTIFY:
		dc_lflags_unk(c, 2, fc_dnotify, "DN_");
		break;
	case FA_SEALS:
		dc_lflags_unk(c, 2, fc_seals, "F_SEAL_");
		break;
	case FA_FLOCK_IN:
	case FA_OWNER_IN:
		(a == FA_FLOCK_IN ? pr_flock : pr_owner)(c, 2, false);
		break;
	case FA_FLOCK_OUT:
	case FA_OWNER_OUT:
		/* the kernel's answer: at exit, and only when it gave one */
		if (dc_stop_unfinished(c, 2))
			return false;
		if (c->ok)
			(a == FA_FLOCK_OUT ? pr_flock : pr_owner)(c, 2, true);
		else
			dc_ptr(c, 2);
		break;
	default:
		dc_hex(c, 2);
	}
	return true;
}

void dec_fcntl(struct dctx *c)
{
	int cmd = (int)RAW(c, 1);
	const struct fcntl_cmd *fc = fcntl_cmd(cmd);

	dc_fd(c, 0);
	rn_xlat_enum_unk(ARG(c, 1), rn_xl_fcntl_cmds, (__u32)cmd, "F_");
	c->d->nargs = 3;
	if (!fcntl_arg(c, fc ? fc->arg : FA_HEX) || !fc)
		return;
	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		c->rv = RV_FD;
	if (!fc->ret)
		return;
	c->ret_extra = fc->ret;
	if (fc->ret != ret_getsig)
		c->rv = RV_HEX;
}
