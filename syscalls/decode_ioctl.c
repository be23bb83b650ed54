// SPDX-License-Identifier: MIT
/*
 * ioctl(fd, request, arg): the request by name (else as _IOC(...)), the
 * argument as strace 6.1 prints it for the requests its decoders know. This
 * file: the dispatch, the printers the groups share, and the terminal
 * requests (TCGETS, TIOCGWINSZ, FIONBIO, ...).
 */
#include "ioctl_int.h"

#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <linux/hdreg.h>
#include <linux/kd.h>
#include <linux/rtc.h>
#include <scsi/sg.h>

#include "gen/decoders.h"

/* termios2 requests: <asm/termbits.h>'s struct termios2 clashes with glibc */
#define RN_TCGETS2	0x802c542aU
#define RN_TCSETS2	0x402c542bU
#define RN_TCSETSW2	0x402c542cU
#define RN_TCSETSF2	0x402c542dU
#define RN_BOTHER	0x1000
#define RN_IBSHIFT	16

/* --- shared printers */

int ioc_get(struct ioc *k, void *buf, size_t len, bool out)
{
	if (out && !k->c->exiting)
		return IOC_EXIT;
	if (!k->arg || (out && !k->c->ok) || dc_read(k->c, k->arg, buf, len, out) < 0) {
		pr_ptr(k->sb, k->arg);
		return IOC_DONE;
	}
	return IOC_READ;
}

int ioc_num(struct ioc *k, unsigned size, bool sign, bool out)
{
	__u8 b[8];
	__u64 u = 0;
	__s64 s = 0;
	int r = ioc_get(k, b, size, out);

	if (r != IOC_READ)
		return r;
	switch (size) {
	case 2: { __u16 v; memcpy(&v, b, 2); u = v; s = (__s16)v; break; }
	case 4: { __u32 v; memcpy(&v, b, 4); u = v; s = (__s32)v; break; }
	default: memcpy(&u, b, 8); s = (__s64)u;
	}
	if (sign)
		rn_sb_printf(k->sb, "[%lld]", (long long)s);
	else
		rn_sb_printf(k->sb, "[%llu]", (unsigned long long)u);
	return IOC_DONE;
}

void ioc_pr_flags(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 v, const char *note)
{
	__u64 named = 0;
	const struct rn_xlat *e;

	rn_xlat_flags(sb, x, v);
	for (e = x; e->str; e++)
		if ((v & e->val) == e->val)
			named |= e->val;
	if (v && !(v & named) && note)
		rn_sb_printf(sb, " /* %s */", note);
}

int ioc_flags(struct ioc *k, const struct rn_xlat *x, const char *note, bool out)
{
	__u32 v;
	int r = ioc_get(k, &v, sizeof(v), out);

	if (r != IOC_READ)
		return r;
	rn_sb_putc(k->sb, '[');
	ioc_pr_flags(k->sb, x, v, note);
	rn_sb_putc(k->sb, ']');
	return IOC_DONE;
}

int ioc_int(struct ioc *k)
{
	rn_sb_put_dec(k->sb, (int)k->arg);
	return IOC_DONE;
}

int ioc_ulong(struct ioc *k)
{
	rn_sb_put_udec(k->sb, k->arg);
	return IOC_DONE;
}

int ioc_fd(struct ioc *k)
{
	pr_fd(k->c, k->sb, (int)k->arg);
	return IOC_DONE;
}

void ioc_pr_cstr(struct rn_strbuf *sb, const void *p, size_t size)
{
	size_t n = strnlen(p, size);

	if (n == size)
		pr_quoted(sb, p, size - 1, true);
	else
		pr_quoted(sb, p, n, false);
}

/* --- terminals */

static const struct rn_xlat baud_rates[] = {
	XLAT(B0), XLAT(B50), XLAT(B75), XLAT(B110), XLAT(B134), XLAT(B150), XLAT(B200),
	XLAT(B300), XLAT(B600), XLAT(B1200), XLAT(B1800), XLAT(B2400), XLAT(B4800),
	XLAT(B9600), XLAT(B19200), XLAT(B38400), XLAT_PAIR(RN_BOTHER, "BOTHER"), XLAT(B57600),
	XLAT(B115200),
	XLAT(B230400), XLAT(B460800), XLAT(B500000), XLAT(B576000), XLAT(B921600),
	XLAT(B1000000), XLAT(B1152000), XLAT(B1500000), XLAT(B2000000), XLAT(B2500000),
	XLAT(B3000000), XLAT(B3500000), XLAT(B4000000), XLAT_END,
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

/* Line disciplines, by number (N_TTY ...): the ones strace 6.1 knows. */
static const char *const disciplines[] = {
	"N_TTY", "N_SLIP", "N_MOUSE", "N_PPP", "N_STRIP", "N_AX25", "N_X25", "N_6PACK",
	"N_MASC", "N_R3964", "N_PROFIBUS_FDL", "N_IRDA", "N_SMSBLOCK", "N_HDLC", "N_SYNC_PPP",
	"N_HCI", "N_GIGASET_M101", "N_SLCAN", "N_PPS", "N_V253", "N_CAIF", "N_GSM0710",
	"N_TI_WL", "N_TRACESINK", "N_TRACEROUTER", "N_NCI", "N_SPEAKUP", "N_NULL",
};

static const char *const cc_names[] = {
	"VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART",
	"VSTOP", "VSUSP", "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
};

/* struct termio, termios (the kernel's) and termios2, in one shape. */
struct tty_attr {
	__u32 iflag, oflag, cflag, lflag;
	__u8 line;
	__u8 cc[19];
	__u32 ispeed, ospeed;
	unsigned ncc;		/* 8 for a termio, 19 for the others */
	bool speeds;		/* a termios2: c_ispeed and c_ospeed follow */
};

/* NL0|CR0|TAB0|BS0|VT0|FF0|, then the other bits: the '|' comes even when
 * there are none, as strace prints it */
static void pr_oflag(struct rn_strbuf *sb, __u32 o)
{
	static const char *const tab[] = { "TAB0", "TAB1", "TAB2", "TAB3" };

	rn_sb_printf(sb, "NL%u|CR%u|%s|BS%u|VT%u|FF%u|", !!(o & NLDLY), (o & CRDLY) >> 9,
		     tab[(o & TABDLY) >> 11], !!(o & BSDLY), !!(o & VTDLY), !!(o & FFDLY));
	o &= ~(__u32)(NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY);
	if (o)
		rn_xlat_flags(sb, oflags, o);
}

/* B38400|B2400<<IBSHIFT|CS8|CREAD: the output and input speeds, the
 * character size, then the other bits */
static void pr_cflag(struct rn_strbuf *sb, __u32 cf)
{
	rn_xlat_enum(sb, baud_rates, cf & CBAUD, "%#llx");
	if (cf & CIBAUD) {
		rn_sb_putc(sb, '|');
		rn_xlat_enum(sb, baud_rates, (cf & CIBAUD) >> RN_IBSHIFT, "%#llx");
		rn_sb_puts(sb, "<<IBSHIFT");
	}
	rn_sb_printf(sb, "|CS%u|", 5 + ((cf & CSIZE) >> 4));
	cf &= ~(__u32)(CBAUD | CIBAUD | CSIZE);
	if (cf)
		rn_xlat_flags(sb, cflags, cf);
}

/* A flag set where 0 prints as nothing at all, as strace shows c_iflag=. */
static void tflags(struct rn_strbuf *sb, const struct rn_xlat *x, __u32 v)
{
	if (v)
		rn_xlat_flags(sb, x, v);
}

static void pr_tty_verbose(struct rn_strbuf *sb, const struct tty_attr *t)
{
	unsigned i;

	rn_sb_puts(sb, ", c_line=");
	if (t->line < sizeof(disciplines) / sizeof(disciplines[0]))
		rn_sb_puts(sb, disciplines[t->line]);
	else
		rn_sb_printf(sb, "%#x /* N_??? */", t->line);
	rn_sb_puts(sb, ", c_cc=[");
	for (i = 0; i < t->ncc; i++) {
		if (i < sizeof(cc_names) / sizeof(cc_names[0]))
			rn_sb_printf(sb, "%s[%s]=%#x", i ? ", " : "", cc_names[i], t->cc[i]);
		else
			rn_sb_printf(sb, ", [%u]=%#x", i, t->cc[i]);
	}
	rn_sb_putc(sb, ']');
	if (t->speeds)
		rn_sb_printf(sb, ", c_ispeed=%u, c_ospeed=%u", t->ispeed, t->ospeed);
}

static void pr_tty_attr(struct dctx *c, struct rn_strbuf *sb, const struct tty_attr *t)
{
	rn_sb_puts(sb, "{c_iflag=");
	tflags(sb, iflags, t->iflag);
	rn_sb_puts(sb, ", c_oflag=");
	pr_oflag(sb, t->oflag);
	rn_sb_puts(sb, ", c_cflag=");
	pr_cflag(sb, t->cflag);
	rn_sb_puts(sb, ", c_lflag=");
	tflags(sb, lflags, t->lflag);
	if (c->o->verbose)
		pr_tty_verbose(sb, t);
	else
		rn_sb_puts(sb, ", ...");
	rn_sb_putc(sb, '}');
}

/* TCGETA/TCSETA*: the old struct termio, 16-bit flag words, 8 c_cc */
static int tty_termio(struct ioc *k, bool out)
{
	struct { __u16 iflag, oflag, cflag, lflag; __u8 line, cc[8]; } __attribute__((packed)) o;
	struct tty_attr t = { .ncc = 8 };
	int r = ioc_get(k, &o, sizeof(o), out);

	if (r != IOC_READ)
		return r;
	t.iflag = o.iflag;
	t.oflag = o.oflag;
	t.cflag = o.cflag;
	t.lflag = o.lflag;
	t.line = o.line;
	memcpy(t.cc, o.cc, sizeof(o.cc));
	pr_tty_attr(k->c, k->sb, &t);
	return IOC_DONE;
}

/* The kernel's struct termios (TCGETS), or a termios2 (TCGETS2): 4 flag
 * words, c_line, c_cc[19], then the speeds */
static int tty_termios(struct ioc *k, bool out, bool two)
{
	struct { __u32 fl[4]; __u8 line, cc[19]; __u32 ispeed, ospeed; } o;
	struct tty_attr t = { .ncc = 19, .speeds = two };
	int r = ioc_get(k, &o, two ? 44 : 36, out);

	if (r != IOC_READ)
		return r;
	t.iflag = o.fl[0];
	t.oflag = o.fl[1];
	t.cflag = o.fl[2];
	t.lflag = o.fl[3];
	t.line = o.line;
	memcpy(t.cc, o.cc, sizeof(o.cc));
	t.ispeed = two ? o.ispeed : 0;
	t.ospeed = two ? o.ospeed : 0;
	pr_tty_attr(k->c, k->sb, &t);
	return IOC_DONE;
}

static int tty_winsize(struct ioc *k, bool out)
{
	struct winsize ws;
	int r = ioc_get(k, &ws, sizeof(ws), out);

	if (r != IOC_READ)
		return r;
	rn_sb_printf(k->sb, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}", ws.ws_row,
		     ws.ws_col, ws.ws_xpixel, ws.ws_ypixel);
	return IOC_DONE;
}

static const struct rn_xlat tcxonc_actions[] = {
	XLAT(TCOOFF), XLAT(TCOON), XLAT(TCIOFF), XLAT(TCION), XLAT_END,
};

static const struct rn_xlat tcflsh_queues[] = {
	XLAT(TCIFLUSH), XLAT(TCOFLUSH), XLAT(TCIOFLUSH), XLAT_END,
};

static const struct rn_xlat modem_bits[] = {
	XLAT(TIOCM_LE), XLAT(TIOCM_DTR), XLAT(TIOCM_RTS), XLAT(TIOCM_ST), XLAT(TIOCM_SR),
	XLAT(TIOCM_CTS), XLAT(TIOCM_CAR), XLAT(TIOCM_RNG), XLAT(TIOCM_DSR),
	XLAT_PAIR(0x2000, "TIOCM_OUT1"),
	XLAT_PAIR(0x4000, "TIOCM_OUT2"), XLAT_PAIR(0x8000, "TIOCM_LOOP"), XLAT_END,
};

/* TIOCSTI: the one byte pushed into the input queue */
static int tty_sti(struct ioc *k)
{
	pr_buf_at(k->c, k->sb, k->arg, 1, false);
	return IOC_DONE;
}

/* The requests whose argument is an int (in or out) or none at all. */
static int tty_simple(struct ioc *k)
{
	switch (k->req) {
	case TIOCGPGRP: case TIOCGSID: case TIOCGETD: case TIOCGPTN: case TIOCGDEV:
	case TIOCGEXCL: case TIOCOUTQ: case FIONREAD: case TIOCGSOFTCAR:
		return ioc_num(k, 4, true, true);
	case TIOCSPGRP: case TIOCSETD: case TIOCSPTLCK: case TIOCPKT: case TIOCSSOFTCAR:
	case FIONBIO: case FIOASYNC:
		return ioc_num(k, 4, true, false);
	case TCSBRK: case TCSBRKP: case TIOCSCTTY:
		return ioc_int(k);
	/* TIOCSSERIAL too: strace 6.1 shows none for it */
	case TIOCEXCL: case TIOCNXCL: case TIOCNOTTY: case TIOCSBRK: case TIOCCBRK:
	case TIOCCONS: case TIOCVHANGUP: case TIOCSSERIAL: case FIOCLEX: case FIONCLEX:
		return IOC_NOARG;
	}
	return IOC_HEX;
}

int ioc_tty(struct ioc *k)
{
	switch (k->req) {
	case TCGETS: case TIOCGLCKTRMIOS:
		return tty_termios(k, true, false);
	case TCSETS: case TCSETSW: case TCSETSF: case TIOCSLCKTRMIOS:
		return tty_termios(k, false, false);
	case RN_TCGETS2:
		return tty_termios(k, true, true);
	case RN_TCSETS2: case RN_TCSETSW2: case RN_TCSETSF2:
		return tty_termios(k, false, true);
	case TCGETA:
		return tty_termio(k, true);
	case TCSETA: case TCSETAW: case TCSETAF:
		return tty_termio(k, false);
	case TIOCGWINSZ: case TIOCSWINSZ:
		return tty_winsize(k, k->req == TIOCGWINSZ);
	case TCXONC:
		rn_xlat_enum_unk(k->sb, tcxonc_actions, k->arg, "TC");
		return IOC_DONE;
	case TCFLSH:
		rn_xlat_enum_unk(k->sb, tcflsh_queues, k->arg, "TC");
		return IOC_DONE;
	case TIOCMGET: case TIOCMSET: case TIOCMBIS: case TIOCMBIC:
		return ioc_flags(k, modem_bits, "TIOCM_???", k->req == TIOCMGET);
	case TIOCSTI:
		return tty_sti(k);
	}
	return tty_simple(k);
}

/* --- the dispatch */

static void pr_ioc(struct rn_strbuf *sb, __u32 req)
{
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};

	rn_sb_printf(sb, "_IOC(%s, %#x, %#x, %#x)", dirs[(req >> 30) & 3], (req >> 8) & 0xff,
		     req & 0xff, (req >> 16) & 0x3fff);
}

static int ioc_group(struct ioc *k)
{
	switch (IOC_TYPE(k->req)) {
	case 'T':
		return ioc_tty(k);
	case 0x00: case 'f': case 'X': case 0x94:
		return ioc_file(k);
	case 0x12:
		return ioc_block(k);
	case 'L':
		return ioc_loop(k);
	case 'R': case '$': case 0xb7:
		return ioc_misc(k);
	case 0x89:
		return ioc_sock(k);
	}
	switch (k->req) {
	/* strace reads these structures (an address until they come back) */
	case KDGETMODE: case KDGKBTYPE: case KDGKBMODE: case HDIO_GETGEO: case RTC_RD_TIME:
	case RTC_SET_TIME: case SG_GET_VERSION_NUM: case SG_IO:
		pr_ptr(k->sb, k->arg);
		return IOC_DONE;
	}
	return IOC_HEX;
}

void dec_ioctl(struct dctx *c)
{
	struct ioc k = { .c = c, .sb = ARG(c, 2), .req = (__u32)RAW(c, 1), .arg = RAW(c, 2) };
	const char *name = rn_xlat_name(rn_xl_ioctls, k.req);

	dc_fd(c, 0);
	if (name)
		rn_sb_puts(ARG(c, 1), name);
	else
		pr_ioc(ARG(c, 1), k.req);
	switch (name ? ioc_group(&k) : IOC_HEX) {
	case IOC_NOARG:
		c->d->nargs = 2;
		return;
	case IOC_EXIT:
		rn_sb_reset(k.sb);
		dc_stop_unfinished(c, 2);
		return;
	case IOC_HEX:
		rn_sb_reset(k.sb);
		dc_hex(c, 2);
		return;
	}
}
