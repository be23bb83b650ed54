// SPDX-License-Identifier: MIT
/*
 * The long tail: calls ordinary programs make now and then (POSIX timers,
 * NUMA policies, the old time-setting calls, mount, mq_open, the sigqueue
 * calls, preadv2/pwritev2), printed as strace 6.1 prints them. Each was
 * checked against strace's line for the same call (tests/tracees/tail.c,
 * tests/integration/t_decode_tail.sh).
 */
#include <unistd.h>
#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* --- POSIX timers and timerfd */

static const struct rn_xlat tl_sigev_notify[] = {
	XLAT_PAIR(0, "SIGEV_SIGNAL"), XLAT_PAIR(1, "SIGEV_NONE"), XLAT_PAIR(2, "SIGEV_THREAD"),
	XLAT_PAIR(4, "SIGEV_THREAD_ID"), XLAT_END,
};

/* struct sigevent (x86_64): value 8, signo 4, notify 4, then the tid or the
 * thread function and attributes */
void pr_sigevent_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr)
{
	__u8 s[32];
	__u64 val, fn, attr;
	__s32 signo, notify, tid;

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (dc_read(c, addr, s, sizeof(s), false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	memcpy(&val, s, 8);
	memcpy(&signo, s + 8, 4);
	memcpy(&notify, s + 12, 4);
	memcpy(&tid, s + 16, 4);
	memcpy(&fn, s + 16, 8);
	memcpy(&attr, s + 24, 8);
	/* strace leaves a zero value out */
	rn_sb_putc(sb, '{');
	if (val) {
		rn_sb_printf(sb, "sigev_value={sival_int=%d, sival_ptr=", (__s32)val);
		pr_ptr(sb, val);
		rn_sb_puts(sb, "}, ");
	}
	rn_sb_puts(sb, "sigev_signo=");
	if (notify == 0 || notify == 4)
		pr_signal(sb, signo);
	else
		rn_sb_printf(sb, "%d", signo);
	rn_sb_puts(sb, ", sigev_notify=");
	rn_xlat_enum(sb, tl_sigev_notify, (__u32)notify, "%#x /* SIGEV_??? */");
	if (notify == 4) {
		rn_sb_printf(sb, ", sigev_notify_thread_id=%d", tid);
	} else if (notify == 2) {
		rn_sb_puts(sb, ", sigev_notify_function=");
		pr_ptr(sb, fn);
		rn_sb_puts(sb, ", sigev_notify_attributes=");
		pr_ptr(sb, attr);
	}
	rn_sb_putc(sb, '}');
}

static void pr_itimerspec_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	__s64 v[4];

	if (!addr)
		rn_sb_puts(sb, "NULL");
	else if (dc_read(c, addr, v, sizeof(v), out) < 0)
		pr_ptr(sb, addr);
	else
		rn_sb_printf(sb, "{it_interval={tv_sec=%lld, tv_nsec=%lld}, it_value={tv_sec=%lld, "
			     "tv_nsec=%lld}}", (long long)v[0], (long long)v[1], (long long)v[2],
			     (long long)v[3]);
}

/* An output argument i: its value once the call succeeded, else the address. */
static bool tl_out_begin(struct dctx *c, int i)
{
	if (dc_stop_unfinished(c, i))
		return false;
	if (!c->ok || !RAW(c, i)) {
		dc_ptr(c, i);
		return false;
	}
	return true;
}

void dec_timer_create(struct dctx *c)
{
	dc_enum(c, 0, rn_xl_clocks, "%#llx /* CLOCK_??? */");
	pr_sigevent_at(c, ARG(c, 1), RAW(c, 1));
	if (tl_out_begin(c, 2))
		pr_int_at(c, ARG(c, 2), RAW(c, 2), true);
}

/* timer_settime(id, flags, new, old) and timerfd_settime(fd, ...) */
void dec_timer_settime(struct dctx *c)
{
	bool tfd = c->sc->nr == 286;

	if (tfd)
		dc_fd(c, 0);
	else
		dc_int(c, 0);
	if (tfd)	/* strace names timerfd_create's flags here too */
		dc_flags_unk(c, 1, rn_xl_tfd_flags, "TFD_");
	else
		dc_flags(c, 1, rn_xl_timer_flags);
	pr_itimerspec_at(c, ARG(c, 2), RAW(c, 2), false);
	if (tl_out_begin(c, 3))
		pr_itimerspec_at(c, ARG(c, 3), RAW(c, 3), true);
}

void dec_timer_gettime(struct dctx *c)
{
	if (c->sc->nr == 287)
		dc_fd(c, 0);
	else
		dc_int(c, 0);
	if (tl_out_begin(c, 1))
		pr_itimerspec_at(c, ARG(c, 1), RAW(c, 1), true);
}

/* --- NUMA memory policies */

static const struct rn_xlat tl_mpol_modes[] = {
	XLAT_PAIR(0, "MPOL_DEFAULT"), XLAT_PAIR(1, "MPOL_PREFERRED"), XLAT_PAIR(2, "MPOL_BIND"),
	XLAT_PAIR(3, "MPOL_INTERLEAVE"), XLAT_PAIR(4, "MPOL_LOCAL"),
	XLAT_PAIR(5, "MPOL_PREFERRED_MANY"), XLAT_PAIR(6, "MPOL_WEIGHTED_INTERLEAVE"), XLAT_END,
};

static const struct rn_xlat tl_mpol_mode_flags[] = {
	XLAT_PAIR(1u << 15, "MPOL_F_STATIC_NODES"), XLAT_PAIR(1u << 14, "MPOL_F_RELATIVE_NODES"),
	XLAT_PAIR(1u << 13, "MPOL_F_NUMA_BALANCING"), XLAT_END,
};

static const struct rn_xlat tl_mpol_get_flags[] = {
	XLAT_PAIR(1, "MPOL_F_NODE"), XLAT_PAIR(2, "MPOL_F_ADDR"),
	XLAT_PAIR(4, "MPOL_F_MEMS_ALLOWED"), XLAT_END,
};

static const struct rn_xlat tl_mbind_flags[] = {
	XLAT_PAIR(1, "MPOL_MF_STRICT"), XLAT_PAIR(2, "MPOL_MF_MOVE"),
	XLAT_PAIR(4, "MPOL_MF_MOVE_ALL"), XLAT_END,
};

/* "MPOL_BIND|MPOL_F_STATIC_NODES"; an unknown mode is no name of its own:
 * "MPOL_F_STATIC_NODES|0x9", or "0x9 /\* MPOL_??? *\/" without flags (strace) */
static void pr_mpol_mode(struct rn_strbuf *sb, __u64 mode)
{
	__u64 flags = mode & (7u << 13);

	if (!rn_xlat_name(tl_mpol_modes, mode & ~(__u64)(7u << 13))) {
		pr_flags_unk(sb, tl_mpol_mode_flags, mode, "MPOL_");
		return;
	}
	rn_xlat_enum(sb, tl_mpol_modes, mode & ~(__u64)(7u << 13), "%#llx /* MPOL_??? */");
	if (flags) {
		rn_sb_putc(sb, '|');
		rn_xlat_flags(sb, tl_mpol_mode_flags, flags);
	}
}

/* A node mask of maxnode bits: its words in hex, as strace ("%#016lx") */
static void pr_nodemask_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 maxnode,
			   bool out)
{
	/* the kernel reads maxnode - 1 bits */
	__u64 bits = maxnode ? maxnode - 1 : 0, words = bits / 64 + (bits % 64 != 0), w;

	if (!addr) {
		pr_ptr(sb, addr);
		return;
	}
	if (!words) {
		rn_sb_puts(sb, "[]");
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 i = 0; i < words; i++) {
		/* -v shows them all, up to the kernel's 1024 words */
		if (i && (dc_array_cut(c, i) || i >= 1024)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (dc_read(c, addr + i * 8, &w, sizeof(w), out) < 0) {
			if (!i) {
				sb->len--;
				sb->buf[sb->len] = '\0';
				pr_ptr(sb, addr);
				return;
			}
			rn_sb_printf(sb, ", ... /* %#llx */", (unsigned long long)(addr + i * 8));
			break;
		}
		rn_sb_printf(sb, "%s%#016llx", i ? ", " : "", (unsigned long long)w);
	}
	rn_sb_putc(sb, ']');
}

void dec_get_mempolicy(struct dctx *c)
{
	int mode;

	if (dc_stop_unfinished(c, 0))
		return;
	if (c->ok && RAW(c, 0) && dc_read(c, RAW(c, 0), &mode, sizeof(mode), true) == 0) {
		rn_sb_putc(ARG(c, 0), '[');
		if (RAW(c, 4) & 1)	/* MPOL_F_NODE: a node number */
			rn_sb_printf(ARG(c, 0), "%d", mode);
		else
			pr_mpol_mode(ARG(c, 0), (__u32)mode);
		rn_sb_putc(ARG(c, 0), ']');
	} else {
		dc_ptr(c, 0);
	}
	/* an empty mask shows as [] even when the call failed */
	if (c->ok || (RAW(c, 1) && RAW(c, 2) <= 1))
		pr_nodemask_at(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), true);
	else
		dc_ptr(c, 1);
	dc_ulong(c, 2);
	dc_ptr(c, 3);
	dc_lflags(c, 4, tl_mpol_get_flags);
}

void dec_set_mempolicy(struct dctx *c)
{
	pr_mpol_mode(ARG(c, 0), (__u32)RAW(c, 0));	/* an int; mbind's is a long */
	pr_nodemask_at(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), false);
	dc_ulong(c, 2);
}

void dec_mbind(struct dctx *c)
{
	dc_ptr(c, 0);
	dc_ulong(c, 1);
	pr_mpol_mode(ARG(c, 2), RAW(c, 2));
	pr_nodemask_at(c, ARG(c, 3), RAW(c, 3), RAW(c, 4), false);
	dc_ulong(c, 4);
	dc_flags(c, 5, tl_mbind_flags);
}

/* --- signals queued with a siginfo */

static void pr_siginfo_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	__u8 si[128];

	if (!addr)
		rn_sb_puts(sb, "NULL");
	else if (dc_read(c, addr, si, sizeof(si), out) < 0)
		pr_ptr(sb, addr);
	else
		pr_siginfo_raw(sb, si);
}

static void sigtimedwait_ret(struct dctx *c)
{
	rn_sb_printf(&c->d->ret, " (%s)", rn_signal_name((int)c->sc->ret));
}

void dec_rt_sigtimedwait(struct dctx *c)
{
	if (!pr_sigset_at(c, ARG(c, 0), RAW(c, 0), (unsigned)RAW(c, 3), false))
		dc_ptr(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		pr_siginfo_at(c, ARG(c, 1), RAW(c, 1), true);
	else
		dc_ptr(c, 1);
	pr_timespec_at(c, ARG(c, 2), RAW(c, 2), false);
	dc_ulong(c, 3);
	if (c->ok && c->sc->ret > 0)
		c->ret_extra = sigtimedwait_ret;
}

/* rt_sigqueueinfo(pid, sig, info), rt_tgsigqueueinfo(tgid, tid, sig, info) */
void dec_rt_sigqueueinfo(struct dctx *c)
{
	int s = c->sc->nr == 297 ? 2 : 1;

	for (int i = 0; i < s; i++)
		pr_pid(c, ARG(c, i), (int)RAW(c, i));
	dc_signal(c, s);
	pr_siginfo_at(c, ARG(c, s + 1), RAW(c, s + 1), false);
}

/* --- times and dates */

/* A clock_t as strace prints it: the ticks, and when not 0 the seconds they
 * make at this system's tick rate ("16 /\* 0.16 s *\/"). */
static void tl_clock_t(struct rn_strbuf *sb, const char *name, long long v)
{
	long long hz = sysconf(_SC_CLK_TCK);
	int width = 0;

	rn_sb_printf(sb, "%s=%lld", name, v);
	if (v == 0 || hz <= 0)
		return;
	for (long long h = hz - 1; h > 0; h /= 10)
		width++;
	if (v > 0)
		rn_sb_printf(sb, " /* %lld.%0*lld s */", v / hz, width, v % hz);
}

void dec_times(struct dctx *c)
{
	static const char *const names[4] = { "tms_utime", "tms_stime", "tms_cutime",
					      "tms_cstime" };
	__s64 t[4];

	if (!tl_out_begin(c, 0))
		return;
	if (dc_read(c, RAW(c, 0), t, sizeof(t), true) < 0) {
		dc_ptr(c, 0);
		return;
	}
	rn_sb_puts(ARG(c, 0), "{");
	for (int i = 0; i < 4; i++) {
		if (i)
			rn_sb_puts(ARG(c, 0), ", ");
		tl_clock_t(ARG(c, 0), names[i], (long long)t[i]);
	}
	rn_sb_puts(ARG(c, 0), "}");
}

/* " /\* 1970-01-01T00:00:01.000002+0000 *\/": strace's comment at microseconds */
static void tl_usec_comment(struct rn_strbuf *sb, long long sec, long long usec)
{
	struct rn_strbuf tmp;
	const char *dot;

	rn_sb_init(&tmp);
	pr_time_comment(&tmp, sec, usec > 0 && usec < 1000000 ? (unsigned long)usec * 1000 : 0);
	dot = tmp.buf ? strchr(tmp.buf, '.') : NULL;
	if (dot && strlen(dot) > 7) {
		/* drop the last three of the nine digits */
		rn_sb_put(sb, tmp.buf, (size_t)(dot - tmp.buf) + 7);
		rn_sb_puts(sb, dot + 10);
	} else if (tmp.buf) {
		rn_sb_puts(sb, tmp.buf);
	}
	rn_sb_release(&tmp);
}

void dec_utime(struct dctx *c)
{
	__s64 t[2];

	dc_path(c, 0);
	if (!RAW(c, 1)) {
		rn_sb_puts(ARG(c, 1), "NULL");
	} else if (dc_read(c, RAW(c, 1), t, sizeof(t), false) < 0) {
		dc_ptr(c, 1);
	} else {
		rn_sb_printf(ARG(c, 1), "{actime=%lld", (long long)t[0]);
		pr_time_comment(ARG(c, 1), t[0], 0);
		rn_sb_printf(ARG(c, 1), ", modtime=%lld", (long long)t[1]);
		pr_time_comment(ARG(c, 1), t[1], 0);
		rn_sb_putc(ARG(c, 1), '}');
	}
}

static void pr_timeval_pair_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr)
{
	__s64 tv[4];

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (dc_read(c, addr, tv, sizeof(tv), false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	for (int i = 0; i < 2; i++) {
		rn_sb_printf(sb, "%s{tv_sec=%lld, tv_usec=%lld}", i ? ", " : "[",
			     (long long)tv[2 * i], (long long)tv[2 * i + 1]);
		tl_usec_comment(sb, tv[2 * i], tv[2 * i + 1]);
	}
	rn_sb_putc(sb, ']');
}

/* utimes(path, tv[2]) and futimesat(dirfd, path, tv[2]) */
void dec_utimes(struct dctx *c)
{
	int p = c->sc->nr == 261 ? 1 : 0;

	if (p)
		dc_dirfd(c, 0);
	dc_path(c, p);
	pr_timeval_pair_at(c, ARG(c, p + 1), RAW(c, p + 1));
}

void dec_settimeofday(struct dctx *c)
{
	__s32 tz[2];

	pr_timeval_at(c, ARG(c, 0), RAW(c, 0), false);
	if (RAW(c, 1) && dc_read(c, RAW(c, 1), tz, sizeof(tz), false) == 0)
		rn_sb_printf(ARG(c, 1), "{tz_minuteswest=%d, tz_dsttime=%d}", tz[0], tz[1]);
	else
		dc_ptr(c, 1);
}

/* --- mount, swapon, mq_open, sethostname */

static const struct rn_xlat tl_mount_flags[] = {
	XLAT_PAIR(1, "MS_RDONLY"), XLAT_PAIR(2, "MS_NOSUID"), XLAT_PAIR(4, "MS_NODEV"),
	XLAT_PAIR(8, "MS_NOEXEC"), XLAT_PAIR(16, "MS_SYNCHRONOUS"), XLAT_PAIR(32, "MS_REMOUNT"),
	XLAT_PAIR(64, "MS_MANDLOCK"), XLAT_PAIR(128, "MS_DIRSYNC"),
	XLAT_PAIR(256, "MS_NOSYMFOLLOW"), XLAT_PAIR(1024, "MS_NOATIME"),
	XLAT_PAIR(2048, "MS_NODIRATIME"), XLAT_PAIR(4096, "MS_BIND"), XLAT_PAIR(8192, "MS_MOVE"),
	XLAT_PAIR(16384, "MS_REC"), XLAT_PAIR(32768, "MS_SILENT"),
	XLAT_PAIR(1u << 16, "MS_POSIXACL"), XLAT_PAIR(1u << 17, "MS_UNBINDABLE"),
	XLAT_PAIR(1u << 18, "MS_PRIVATE"), XLAT_PAIR(1u << 19, "MS_SLAVE"),
	XLAT_PAIR(1u << 20, "MS_SHARED"), XLAT_PAIR(1u << 21, "MS_RELATIME"),
	XLAT_PAIR(1u << 22, "MS_KERNMOUNT"), XLAT_PAIR(1u << 23, "MS_I_VERSION"),
	XLAT_PAIR(1u << 24, "MS_STRICTATIME"), XLAT_PAIR(1u << 25, "MS_LAZYTIME"),
	/* the kernel's internal flags, which strace names too */
	XLAT_PAIR(1u << 26, "MS_SUBMOUNT"), XLAT_PAIR(1u << 27, "MS_NOREMOTELOCK"),
	XLAT_PAIR(1u << 28, "MS_NOSEC"), XLAT_PAIR(1u << 29, "MS_BORN"),
	XLAT_PAIR(1u << 30, "MS_ACTIVE"), XLAT_PAIR(1u << 31, "MS_NOUSER"), XLAT_END,
};

static void tl_str_or_null(struct dctx *c, int i)
{
	if (RAW(c, i))
		dc_str(c, i);
	else
		rn_sb_puts(ARG(c, i), "NULL");
}

void dec_mount(struct dctx *c)
{
	__u64 flags = RAW(c, 3);

	tl_str_or_null(c, 0);
	dc_path(c, 1);
	tl_str_or_null(c, 2);
	/* the old magic in the upper half, as strace names it */
	if ((flags & 0xffff0000u) == 0xc0ed0000u) {
		rn_sb_puts(ARG(c, 3), "MS_MGC_VAL");
		flags &= 0xffff;
		if (flags)
			rn_sb_putc(ARG(c, 3), '|');
		if (flags)
			rn_xlat_flags(ARG(c, 3), tl_mount_flags, flags);
	} else {
		rn_xlat_flags(ARG(c, 3), tl_mount_flags, flags);
	}
	tl_str_or_null(c, 4);
}

void dec_swapon(struct dctx *c)
{
	static const struct rn_xlat fl[] = {
		XLAT_PAIR(0x8000, "SWAP_FLAG_PREFER"), XLAT_PAIR(0x10000, "SWAP_FLAG_DISCARD"),
		XLAT_PAIR(0x20000, "SWAP_FLAG_DISCARD_ONCE"),
		XLAT_PAIR(0x40000, "SWAP_FLAG_DISCARD_PAGES"), XLAT_END,
	};
	__u32 v = (__u32)RAW(c, 1);

	/* the flags, then the priority bits in decimal: "SWAP_FLAG_DISCARD|5", "1" */
	dc_path(c, 0);
	if (!(v & ~0x7fffu)) {
		rn_sb_printf(ARG(c, 1), "%u", v);
		return;
	}
	rn_xlat_flags(ARG(c, 1), fl, v & ~0x7fffu);
	if (v & 0x7fff)
		rn_sb_printf(ARG(c, 1), "|%u", v & 0x7fff);
}

void dec_mq_open(struct dctx *c)
{
	__s64 attr[4];

	dc_path(c, 0);	/* strace does not cut the name at -s */
	pr_open_flags(ARG(c, 1), RAW(c, 1));
	c->rv = RV_FD;
	if (!(RAW(c, 1) & 0100)) {	/* O_CREAT: then mode and attributes */
		c->d->nargs = 2;
		return;
	}
	dc_mode(c, 2);
	if (RAW(c, 3) && dc_read(c, RAW(c, 3), attr, sizeof(attr), false) == 0)
		rn_sb_printf(ARG(c, 3), "{mq_flags=%lld, mq_maxmsg=%lld, mq_msgsize=%lld, "
			     "mq_curmsgs=%lld}", (long long)attr[0], (long long)attr[1],
			     (long long)attr[2], (long long)attr[3]);
	else
		dc_ptr(c, 3);
}

/* sethostname, setdomainname: (name, len) */
void dec_sethostname(struct dctx *c)
{
	pr_buf_at(c, ARG(c, 0), RAW(c, 0), RAW(c, 1), false);
	dc_ulong(c, 1);
}

/* --- preadv2, pwritev2: fd, iov, iovcnt, offset, flags (the high half of
 * the offset, argument 4, is not shown) */

static const struct rn_xlat tl_rwf[] = {
	XLAT_PAIR(1, "RWF_HIPRI"), XLAT_PAIR(2, "RWF_DSYNC"), XLAT_PAIR(4, "RWF_SYNC"),
	XLAT_PAIR(8, "RWF_NOWAIT"), XLAT_PAIR(0x10, "RWF_APPEND"),
	/* RWF_NOAPPEND (0x20) and later: newer than strace 6.1 */
	XLAT_END,
};

void dec_preadv2(struct dctx *c)
{
	c->d->nargs = 4;
	if (c->sc->nr == 327)
		dec_readv(c);
	else
		dec_writev(c);
	if (c->d->partial)
		return;	/* stopped before the output arguments */
	c->d->nargs = 5;
	rn_xlat_flags(ARG(c, 4), tl_rwf, (__u32)RAW(c, 5));	/* an int */
}
