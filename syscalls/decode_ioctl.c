// SPDX-License-Identifier: MIT
/* ioctl: common tty and fs requests by name, the rest as _IOC(...). */
#include "decode_int.h"

#include <sys/ioctl.h>
#include <termios.h>

#include "gen/decoders.h"

static void pr_ioc(struct rn_strbuf *sb, __u32 req)
{
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};

	rn_sb_printf(sb, "_IOC(%s, %#x, %#x, %#x)", dirs[(req >> 30) & 3], (req >> 8) & 0xff,
		     req & 0xff, (req >> 16) & 0x3fff);
}

static const struct rn_xlat baud_rates[] = {
	XLAT(B0), XLAT(B50), XLAT(B75), XLAT(B110), XLAT(B134), XLAT(B150), XLAT(B200),
	XLAT(B300), XLAT(B600), XLAT(B1200), XLAT(B1800), XLAT(B2400), XLAT(B4800),
	XLAT(B9600), XLAT(B19200), XLAT(B38400), XLAT(B57600), XLAT(B115200), XLAT(B230400),
	XLAT(B460800), XLAT(B500000), XLAT(B576000), XLAT(B921600), XLAT(B1000000),
	XLAT(B1152000), XLAT(B1500000), XLAT(B2000000), XLAT(B2500000), XLAT(B3000000),
	XLAT(B3500000), XLAT(B4000000), XLAT_END,
};

/* The kernel's struct termios (TCGETS), not glibc's larger one. */
struct k_termios {
	__u32 iflag, oflag, cflag, lflag;
	__u8 line;
	__u8 cc[19];
};

static const struct rn_xlat iflags[] = {
	XLAT(IGNBRK), XLAT(BRKINT), XLAT(IGNPAR), XLAT(PARMRK), XLAT(INPCK), XLAT(ISTRIP),
	XLAT(INLCR), XLAT(IGNCR), XLAT(ICRNL), XLAT(IUCLC), XLAT(IXON), XLAT(IXANY),
	XLAT(IXOFF), XLAT(IMAXBEL), XLAT(IUTF8), XLAT_END,
};

static const struct rn_xlat oflags[] = {
	XLAT(OPOST), XLAT(OLCUC), XLAT(ONLCR), XLAT(OCRNL), XLAT(ONOCR), XLAT(ONLRET),
	XLAT(OFILL), XLAT(OFDEL), XLAT_END,
};

static const struct rn_xlat cflags[] = {
	XLAT(CSTOPB), XLAT(CREAD), XLAT(PARENB), XLAT(PARODD), XLAT(HUPCL), XLAT(CLOCAL),
	XLAT(CMSPAR), XLAT(CRTSCTS), XLAT_END,
};

static const struct rn_xlat lflags[] = {
	XLAT(ISIG), XLAT(ICANON), XLAT(XCASE), XLAT(ECHO), XLAT(ECHOE), XLAT(ECHOK),
	XLAT(ECHONL), XLAT(NOFLSH), XLAT(IEXTEN), XLAT(ECHOCTL), XLAT(ECHOPRT), XLAT(ECHOKE),
	XLAT(FLUSHO), XLAT(PENDIN), XLAT(TOSTOP), XLAT(EXTPROC), XLAT_END,
};

static const char *const cc_names[] = {
	"VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART",
	"VSTOP", "VSUSP", "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
};

/* Flag sets where 0 prints as nothing at all, as strace shows c_iflag=. */
static void tflags(struct rn_strbuf *sb, const struct rn_xlat *x, __u32 v)
{
	if (v)
		rn_xlat_flags(sb, x, v);
}

/* NL0|CR0|TAB0|BS0|VT0|FF0, then the output flags */
static void pr_oflag(struct rn_strbuf *sb, __u32 o)
{
	static const char *const tab[] = { "TAB0", "TAB1", "TAB2", "TAB3" };

	rn_sb_printf(sb, "NL%u|CR%u|%s|BS%u|VT%u|FF%u", !!(o & NLDLY), (o & CRDLY) >> 9,
		     tab[(o & TABDLY) >> 11], !!(o & BSDLY), !!(o & VTDLY), !!(o & FFDLY));
	o &= ~(__u32)(NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY);
	if (o) {
		rn_sb_putc(sb, '|');
		rn_xlat_flags(sb, oflags, o);
	}
}

static void pr_cflag(struct rn_strbuf *sb, __u32 cf)
{
	rn_xlat_enum(sb, baud_rates, cf & CBAUD, "%#llx");
	rn_sb_printf(sb, "|CS%u", 5 + ((cf & CSIZE) >> 4));
	cf &= ~(__u32)(CBAUD | CSIZE);
	if (cf) {
		rn_sb_putc(sb, '|');
		rn_xlat_flags(sb, cflags, cf);
	}
}

static void pr_termios(struct dctx *c, struct rn_strbuf *sb, const struct k_termios *t)
{
	unsigned i;

	rn_sb_puts(sb, "{c_iflag=");
	tflags(sb, iflags, t->iflag);
	rn_sb_puts(sb, ", c_oflag=");
	pr_oflag(sb, t->oflag);
	rn_sb_puts(sb, ", c_cflag=");
	pr_cflag(sb, t->cflag);
	rn_sb_puts(sb, ", c_lflag=");
	tflags(sb, lflags, t->lflag);
	if (!c->o->verbose) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	if (t->line)
		rn_sb_printf(sb, ", c_line=%u, c_cc=[", t->line);
	else
		rn_sb_puts(sb, ", c_line=N_TTY, c_cc=[");
	for (i = 0; i < sizeof(t->cc); i++) {
		if (i < sizeof(cc_names) / sizeof(cc_names[0]))
			rn_sb_printf(sb, "%s[%s]=%#x", i ? ", " : "", cc_names[i], t->cc[i]);
		else
			rn_sb_printf(sb, ", [%u]=%#x", i, t->cc[i]);
	}
	rn_sb_puts(sb, "]}");
}

static void ioctl_arg(struct dctx *c, __u32 req)
{
	struct rn_strbuf *sb = ARG(c, 2);
	__u64 addr = RAW(c, 2);
	struct k_termios t;
	struct winsize ws;

	switch (req) {
	case TCGETS:
		if (c->ok && dc_read(c, addr, &t, sizeof(t), true) == 0)
			return pr_termios(c, sb, &t);
		break;
	case TCSETS: case TCSETSW: case TCSETSF:
		if (dc_read(c, addr, &t, sizeof(t), false) == 0)
			return pr_termios(c, sb, &t);
		break;
	case TIOCGWINSZ: case TIOCSWINSZ:
		if ((req == TIOCSWINSZ || c->ok) &&
		    dc_read(c, addr, &ws, sizeof(ws), req == TIOCGWINSZ) == 0) {
			rn_sb_printf(sb, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
				     ws.ws_row, ws.ws_col, ws.ws_xpixel, ws.ws_ypixel);
			return;
		}
		break;
	case FIONREAD: case TIOCGPGRP: case TIOCOUTQ: case TIOCGPTN: case TIOCGSID:
		if (c->ok)
			return pr_int_at(c, sb, addr, true);
		break;
	case FIONBIO: case FIOASYNC: case TIOCSPGRP: case TIOCSPTLCK:
		return pr_int_at(c, sb, addr, false);
	case TIOCSCTTY: case 0x40049409: /* FICLONE: the source fd */
		return dc_int(c, 2);
	case FIOCLEX: case FIONCLEX: case TIOCNOTTY: case TIOCEXCL: case TIOCNXCL:
		c->d->nargs = 2;
		return;
	}
	dc_hex(c, 2);
}

void dec_ioctl(struct dctx *c)
{
	__u32 req = (__u32)RAW(c, 1);
	const char *name = rn_xlat_name(rn_xl_ioctls, req);

	dc_fd(c, 0);
	if (name)
		rn_sb_puts(ARG(c, 1), name);
	else
		pr_ioc(ARG(c, 1), req);
	if (dc_stop_unfinished(c, 2))
		return;
	ioctl_arg(c, req);
}
