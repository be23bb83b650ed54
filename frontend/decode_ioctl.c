// SPDX-License-Identifier: MIT
/* ioctl: common tty and fs requests by name, the rest as _IOC(...). */
#include "decode_int.h"

#include <sys/ioctl.h>
#include <termios.h>

#include "decode_fns.h"

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

/* strace's short form: "{B38400 opost isig icanon echo ...}" */
static void pr_termios(struct rn_strbuf *sb, const struct termios *t)
{
	rn_sb_putc(sb, '{');
	rn_xlat_enum(sb, baud_rates, t->c_cflag & CBAUD, "%#llx");
	rn_sb_printf(sb, " %sopost %sisig %sicanon %secho ...}", t->c_oflag & OPOST ? "" : "-",
		     t->c_lflag & ISIG ? "" : "-", t->c_lflag & ICANON ? "" : "-",
		     t->c_lflag & ECHO ? "" : "-");
}

static void ioctl_arg(struct dctx *c, __u32 req)
{
	struct rn_strbuf *sb = ARG(c, 2);
	__u64 addr = RAW(c, 2);
	struct termios t;
	struct winsize ws;

	switch (req) {
	case TCGETS:
		if (c->ok && dc_read(c, addr, &t, sizeof(t), true) == 0)
			return pr_termios(sb, &t);
		break;
	case TCSETS: case TCSETSW: case TCSETSF:
		if (dc_read(c, addr, &t, sizeof(t), false) == 0)
			return pr_termios(sb, &t);
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
