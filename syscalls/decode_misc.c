// SPDX-License-Identifier: MIT
/* Decoders for waiting and time: poll, select, epoll, futex, sleeps, clocks. */
#include "decode_int.h"

#include <errno.h>
#include <linux/futex.h>
#include <string.h>
#include <time.h>

#include "gen/decoders.h"

#define MAX_FDS 1024	/* fd_set bits shown */
#define MAX_POLLFDS (1u << 20)	/* more than any RLIMIT_NOFILE: not walked */

/* [{fd=6, events=POLLIN}, ...] at most -s elements unless -v */
static void pr_pollfds(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n, bool out)
{
	__u64 i;
	int shown = 0;

	rn_sb_putc(sb, '[');
	for (i = 0; i < n; i++) {
		struct { __s32 fd; __s16 events, revents; } p;

		if (dc_read(c, addr + i * 8, &p, sizeof(p), out) < 0)
			break;
		if (out && !p.revents)
			continue;
		if (shown++)
			rn_sb_puts(sb, ", ");
		if (dc_array_cut(c, shown - 1)) {
			rn_sb_puts(sb, "...");
			break;
		}
		if (!out && p.fd < 0) {
			/* ignored by the kernel: strace shows the fd alone */
			rn_sb_printf(sb, "{fd=%d}", p.fd);
			continue;
		}
		/* -y names the descriptors going in, not those coming back */
		rn_sb_puts(sb, "{fd=");
		if (out)
			rn_sb_put_dec(sb, p.fd);
		else
			pr_fd(c, sb, p.fd);
		rn_sb_printf(sb, ", %s=", out ? "revents" : "events");
		rn_xlat_flags(sb, rn_xl_poll_events, (__u16)(out ? p.revents : p.events));
		rn_sb_putc(sb, '}');
	}
	rn_sb_putc(sb, ']');
}

static void poll_ret(struct dctx *c)
{
	struct rn_strbuf *sb = &c->d->ret;
	bool ppoll = c->d->nargs == 5;

	if (!c->sc->ret) {
		rn_sb_puts(sb, " (Timeout)");
		return;
	}
	/* Outside -e verbose= strace shows no revents: "= 1" alone. */
	if (RAW(c, 1) > MAX_POLLFDS || c->o->terse)
		return;
	rn_sb_puts(sb, " (");
	pr_pollfds(c, sb, RAW(c, 0), RAW(c, 1), true);
	if (ppoll && RAW(c, 2)) {
		__s64 ts[2];

		if (rn_mem_read_out(&c->mem, RAW(c, 2), ts, sizeof(ts)) == 0)
			rn_sb_printf(sb, ", left {tv_sec=%lld, tv_nsec=%lld}", (long long)ts[0],
				     (long long)ts[1]);
	}
	rn_sb_putc(sb, ')');
}

static void pollfd_arg(struct dctx *c)
{
	__u64 first;

	if (!RAW(c, 0) || RAW(c, 1) > MAX_POLLFDS ||
	    dc_read(c, RAW(c, 0), &first, RAW(c, 1) ? sizeof(first) : 0, false) < 0)
		dc_ptr(c, 0);
	else
		pr_pollfds(c, ARG(c, 0), RAW(c, 0), RAW(c, 1), false);
	dc_uint(c, 1);
	if (c->ok)
		c->ret_extra = poll_ret;
}

void dec_poll(struct dctx *c)
{
	pollfd_arg(c);
	dc_int(c, 2);
}

void dec_ppoll(struct dctx *c)
{
	pollfd_arg(c);
	pr_timespec_at(c, ARG(c, 2), RAW(c, 2), false);
	pr_sigset_at(c, ARG(c, 3), RAW(c, 3), RAW(c, 4), false);
	dc_ulong(c, 4);
}

/* "[3 4]" for the fds below nfds set in the fd_set at addr. The sets select
 * returns (out) are shown even outside -e verbose=, as strace does. */
static bool pr_fdset_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, int nfds, bool out)
{
	__u64 set[MAX_FDS / 64];
	int fd, n = 0;
	size_t bytes;

	if (nfds > MAX_FDS)
		nfds = MAX_FDS;
	bytes = (size_t)((nfds + 63) / 64) * 8;
	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return false;
	}
	if (nfds < 0 || (out ? dc_read_data : dc_read)(c, addr, set, bytes, out) < 0) {
		pr_ptr(sb, addr);
		return false;
	}
	rn_sb_putc(sb, '[');
	for (fd = 0; fd < nfds; fd++) {
		if (!((set[fd / 64] >> (fd % 64)) & 1))
			continue;
		if (n++)
			rn_sb_putc(sb, ' ');
		rn_sb_printf(sb, "%d", fd);
	}
	rn_sb_putc(sb, ']');
	return n > 0;
}

static void select_ret(struct dctx *c)
{
	static const char *const names[] = { "in", "out", "except" };
	struct rn_strbuf *sb = &c->d->ret;
	bool pselect = c->d->nargs == 6;
	int i, shown = 0;

	if (!c->sc->ret) {
		rn_sb_puts(sb, " (Timeout)");
		return;
	}
	rn_sb_puts(sb, " (");
	for (i = 1; i <= 3; i++) {
		size_t mark = sb->len;

		if (!RAW(c, i))
			continue;
		rn_sb_printf(sb, "%s%s ", shown ? ", " : "", names[i - 1]);
		if (pr_fdset_at(c, sb, RAW(c, i), (int)RAW(c, 0), true))
			shown++;
		else
			sb->len = mark, sb->buf[mark] = '\0';
	}
	if (RAW(c, 4) && c->o->terse) {
		rn_sb_printf(sb, "%sleft %#llx", shown ? ", " : "", (unsigned long long)RAW(c, 4));
	} else if (RAW(c, 4)) {
		__s64 t[2];

		if (rn_mem_read_out(&c->mem, RAW(c, 4), t, sizeof(t)) == 0)
			rn_sb_printf(sb, "%sleft {tv_sec=%lld, %s=%lld}", shown ? ", " : "",
				     (long long)t[0], pselect ? "tv_nsec" : "tv_usec",
				     (long long)t[1]);
	}
	rn_sb_putc(sb, ')');
}

static void select_common(struct dctx *c)
{
	int i;

	dc_int(c, 0);
	for (i = 1; i <= 3; i++)
		pr_fdset_at(c, ARG(c, i), RAW(c, i), (int)RAW(c, 0), false);
	if (c->ok)
		c->ret_extra = select_ret;
}

void dec_select(struct dctx *c)
{
	select_common(c);
	pr_timeval_at(c, ARG(c, 4), RAW(c, 4), false);
}

void dec_pselect6(struct dctx *c)
{
	__u64 sm[2];

	select_common(c);
	pr_timespec_at(c, ARG(c, 4), RAW(c, 4), false);
	if (!RAW(c, 5)) {
		rn_sb_puts(ARG(c, 5), "NULL");
	} else if (dc_read(c, RAW(c, 5), sm, sizeof(sm), false) < 0) {
		dc_ptr(c, 5);
	} else {
		rn_sb_puts(ARG(c, 5), "{sigmask=");
		pr_sigset_at(c, ARG(c, 5), sm[0], sm[1], false);
		rn_sb_printf(ARG(c, 5), ", sigsetsize=%llu}", (unsigned long long)sm[1]);
	}
}

static void pr_epoll_event(struct rn_strbuf *sb, const __u8 *p)
{
	__u32 ev;
	__u64 data;

	memcpy(&ev, p, 4);
	memcpy(&data, p + 4, 8);
	rn_sb_puts(sb, "{events=");
	rn_xlat_flags(sb, rn_xl_epoll_events, ev);
	rn_sb_printf(sb, ", data={u32=%u, u64=%llu}}", (__u32)data, (unsigned long long)data);
}

void dec_epoll_ctl(struct dctx *c)
{
	__u8 ev[12];

	dc_fd(c, 0);
	dc_enum(c, 1, rn_xl_epoll_ctl_ops, "%#llx /* EPOLL_CTL_??? */");
	dc_fd(c, 2);
	if (!RAW(c, 3))
		rn_sb_puts(ARG(c, 3), "NULL");
	else if (RAW(c, 1) == 2)	/* EPOLL_CTL_DEL ignores it: strace shows the address */
		dc_ptr(c, 3);
	else if (dc_read(c, RAW(c, 3), ev, sizeof(ev), false) < 0)
		dc_ptr(c, 3);
	else
		pr_epoll_event(ARG(c, 3), ev);
}

/* epoll_wait, epoll_pwait, epoll_pwait2 */
void dec_epoll_wait(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 1);
	__s64 i;

	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (!c->ok) {
		dc_ptr(c, 1);
	} else {
		rn_sb_putc(sb, '[');
		for (i = 0; i < c->sc->ret; i++) {
			__u8 ev[12];

			if (i)
				rn_sb_puts(sb, ", ");
			if (dc_array_cut(c, i)) {
				rn_sb_puts(sb, "...");
				break;
			}
			if (dc_read(c, RAW(c, 1) + i * 12, ev, sizeof(ev), true) < 0) {
				rn_sb_puts(sb, "...");
				break;
			}
			pr_epoll_event(sb, ev);
		}
		rn_sb_putc(sb, ']');
	}
	dc_int(c, 2);
	if (c->sc->nr == 441)	/* epoll_pwait2: a timespec */
		pr_timespec_at(c, ARG(c, 3), RAW(c, 3), false);
	else
		dc_int(c, 3);
	if (c->d->nargs > 4) {
		pr_sigset_at(c, ARG(c, 4), RAW(c, 4), RAW(c, 5), false);
		dc_ulong(c, 5);
	}
}

static void futex_op_name(struct rn_strbuf *sb, int op)
{
	int cmd = op & FUTEX_CMD_MASK;

	rn_xlat_enum(sb, rn_xl_futex_ops, cmd, "%#llx");
	if (op & FUTEX_PRIVATE_FLAG)
		rn_sb_puts(sb, "_PRIVATE");
	if (op & FUTEX_CLOCK_REALTIME)
		rn_sb_puts(sb, "|FUTEX_CLOCK_REALTIME");
}

static void futex_bitset(struct dctx *c, int i, __u32 v)
{
	if (v == FUTEX_BITSET_MATCH_ANY)
		rn_sb_puts(ARG(c, i), "FUTEX_BITSET_MATCH_ANY");
	else
		rn_sb_printf(ARG(c, i), "%#x", v);
}

void dec_futex(struct dctx *c)
{
	int op = (int)RAW(c, 1);
	struct rn_strbuf *t = ARG(c, 3);

	dc_ptr(c, 0);
	futex_op_name(ARG(c, 1), op);
	rn_sb_printf(ARG(c, 2), "%u", (__u32)RAW(c, 2));
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
		c->d->nargs = 4;
		pr_timespec_at(c, t, RAW(c, 3), false);
		break;
	case FUTEX_WAIT_BITSET:
		c->d->nargs = 5;
		pr_timespec_at(c, t, RAW(c, 3), false);
		futex_bitset(c, 4, RAW(c, 5));
		break;
	case FUTEX_WAKE_BITSET:
		c->d->nargs = 4;
		futex_bitset(c, 3, RAW(c, 5));
		break;
	case FUTEX_WAKE: case FUTEX_FD:
		c->d->nargs = 3;
		break;
	case FUTEX_REQUEUE:
		c->d->nargs = 5;
		rn_sb_printf(t, "%u", (__u32)RAW(c, 3));
		dc_ptr(c, 4);
		break;
	case FUTEX_CMP_REQUEUE: case FUTEX_CMP_REQUEUE_PI: case FUTEX_WAKE_OP:
		c->d->nargs = 6;
		rn_sb_printf(t, "%u", (__u32)RAW(c, 3));
		dc_ptr(c, 4);
		rn_sb_printf(ARG(c, 5), "%#x", (__u32)RAW(c, 5));
		break;
	case FUTEX_LOCK_PI: case 13:	/* FUTEX_LOCK_PI2 */
		c->d->nargs = 3;
		rn_sb_reset(ARG(c, 2));
		pr_timespec_at(c, ARG(c, 2), RAW(c, 3), false);
		break;
	case FUTEX_UNLOCK_PI: case FUTEX_TRYLOCK_PI:
		c->d->nargs = 2;
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		c->d->nargs = 5;
		pr_timespec_at(c, t, RAW(c, 3), false);
		dc_ptr(c, 4);
		break;
	default:
		dc_generic(c, 3);
	}
}

/* The remaining time is written only when the sleep was interrupted. */
static void sleep_rem(struct dctx *c, int i)
{
	__s64 err = -c->sc->ret;

	if (dc_stop_unfinished(c, i))
		return;
	if (c->failed && RAW(c, i) && (err == EINTR || err == 516))
		pr_timespec_at(c, ARG(c, i), RAW(c, i), true);
	else
		dc_ptr(c, i);
}

void dec_nanosleep(struct dctx *c)
{
	pr_timespec_at(c, ARG(c, 0), RAW(c, 0), false);
	sleep_rem(c, 1);
}

/* restart_syscall has no arguments: strace names the call it resumes. */
void dec_restart_syscall(struct dctx *c)
{
	const struct rn_syscall_info *prev = NULL;

	if (c->mem.ev->flags & RN_F_PREV_NR)
		prev = rn_syscall((long)c->sc->args[0]);
	c->d->nargs = 1;
	rn_sb_printf(ARG(c, 0), "<... resuming interrupted %s ...>",
		     prev ? prev->name : "system call");
}

void dec_clock_nanosleep(struct dctx *c)
{
	dc_enum(c, 0, rn_xl_clocks, "%#llx /* CLOCK_??? */");
	dc_flags(c, 1, rn_xl_timer_flags);
	pr_timespec_at(c, ARG(c, 2), RAW(c, 2), false);
	sleep_rem(c, 3);
}

/* clock_gettime, clock_getres: the clock and an output timespec */
void dec_clock_gettime(struct dctx *c)
{
	dc_enum(c, 0, rn_xl_clocks, "%#llx /* CLOCK_??? */");
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		pr_timespec_at(c, ARG(c, 1), RAW(c, 1), true);
	else
		dc_ptr(c, 1);
}

void dec_gettimeofday(struct dctx *c)
{
	__s32 tz[2];

	if (dc_stop_unfinished(c, 0))
		return;
	if (c->ok)
		pr_timeval_at(c, ARG(c, 0), RAW(c, 0), true);
	else
		dc_ptr(c, 0);
	if (c->ok && RAW(c, 1) && dc_read(c, RAW(c, 1), tz, sizeof(tz), true) == 0)
		rn_sb_printf(ARG(c, 1), "{tz_minuteswest=%d, tz_dsttime=%d}", tz[0], tz[1]);
	else
		dc_ptr(c, 1);
}

/* time's result as a local date after it, as strace:
 * "= 1700000000 (2023-11-14T22:13:20+0000)" */
static void time_ret_date(struct dctx *c)
{
	time_t t = (time_t)c->sc->ret;
	char date[64];
	struct tm tm;

	if (!c->ok || !localtime_r(&t, &tm) || !strftime(date, sizeof(date), "%FT%T%z", &tm))
		return;
	rn_sb_printf(&c->d->ret, " (%s)", date);
}

void dec_time(struct dctx *c)
{
	__s64 t;

	if (dc_stop_unfinished(c, 0))
		return;
	if (c->ok && RAW(c, 0) && dc_read(c, RAW(c, 0), &t, sizeof(t), true) == 0)
		rn_sb_printf(ARG(c, 0), "[%lld]", (long long)t);
	else
		dc_ptr(c, 0);
	c->ret_extra = time_ret_date;
}

static void pr_itimerval_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	__s64 v[4];

	if (!addr)
		rn_sb_puts(sb, "NULL");
	else if (dc_read(c, addr, v, sizeof(v), out) < 0)
		pr_ptr(sb, addr);
	else
		rn_sb_printf(sb, "{it_interval={tv_sec=%lld, tv_usec=%lld}, it_value={tv_sec=%lld, "
			     "tv_usec=%lld}}", (long long)v[0], (long long)v[1], (long long)v[2],
			     (long long)v[3]);
}

void dec_getitimer(struct dctx *c)
{
	dc_enum(c, 0, rn_xl_itimer_which, "%#llx /* ITIMER_??? */");
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		pr_itimerval_at(c, ARG(c, 1), RAW(c, 1), true);
	else
		dc_ptr(c, 1);
}

void dec_setitimer(struct dctx *c)
{
	dc_enum(c, 0, rn_xl_itimer_which, "%#llx /* ITIMER_??? */");
	pr_itimerval_at(c, ARG(c, 1), RAW(c, 1), false);
	if (dc_stop_unfinished(c, 2))
		return;
	if (c->ok && RAW(c, 2))
		pr_itimerval_at(c, ARG(c, 2), RAW(c, 2), true);
	else
		dc_ptr(c, 2);
}
