// SPDX-License-Identifier: MIT
/*
 * siginfo as strace prints it, for signal records ("--- SIGCHLD {...} ---")
 * and for structures the tracee passed (waitid).
 */
#include "decode_int.h"

#include <signal.h>
#include <string.h>

#include "gen/decoders.h"

struct si_view {
	int signo, code, err, pid, uid, status;
	__u64 addr;
	long long utime, stime;
	bool have_value;
	int sival_int;
	__u64 sival_ptr;
};

static bool is_fault(int signo)
{
	return signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE ||
	       signo == SIGTRAP;
}

/* clock_t ticks, with strace's seconds comment for non-zero values. */
static void pr_ticks(struct rn_strbuf *sb, const char *name, long long t)
{
	rn_sb_printf(sb, ", %s=%lld", name, t);
	if (t)
		rn_sb_printf(sb, " /* %lld.%02lld s */", t / 100, t % 100);
}

static void pr_chld(struct rn_strbuf *sb, const struct si_view *v)
{
	rn_sb_printf(sb, ", si_pid=%d, si_uid=%d, si_status=", v->pid, v->uid);
	if (v->code == CLD_EXITED)
		rn_sb_printf(sb, "%d", v->status);
	else
		pr_signal(sb, v->status);
	pr_ticks(sb, "si_utime", v->utime);
	pr_ticks(sb, "si_stime", v->stime);
}

static void pr_si(struct rn_strbuf *sb, const struct si_view *v)
{
	rn_sb_printf(sb, "{si_signo=%s, si_code=%s", rn_signal_name(v->signo),
		     rn_sicode_name(v->signo, v->code));
	if (v->err) {
		const char *e = rn_errno_name(v->err);

		if (e)
			rn_sb_printf(sb, ", si_errno=%s", e);
		else
			rn_sb_printf(sb, ", si_errno=%d", v->err);
	}
	if (v->code == SI_TIMER) {
		/* si_timerid and si_overrun share si_pid's and si_uid's place */
		rn_sb_printf(sb, ", si_timerid=%d, si_overrun=%d", v->pid, v->uid);
		/* a backend that could not read si_value leaves it 0 */
		if (v->sival_ptr) {
			rn_sb_printf(sb, ", si_int=%d, si_ptr=", v->sival_int);
			pr_ptr(sb, v->sival_ptr);
		}
	} else if (v->code <= 0) {
		rn_sb_printf(sb, ", si_pid=%d, si_uid=%d", v->pid, v->uid);
		/* strace leaves a zero si_value out */
		if (v->have_value && v->sival_ptr && (v->code == SI_QUEUE || v->code == SI_MESGQ)) {
			rn_sb_printf(sb, ", si_int=%d, si_ptr=", v->sival_int);
			pr_ptr(sb, v->sival_ptr);
		}
	} else if (v->signo == SIGCHLD && v->code > 0 && v->code != SI_KERNEL) {
		pr_chld(sb, v);
	} else if (is_fault(v->signo) && (v->code > 0)) {
		rn_sb_puts(sb, ", si_addr=");
		pr_ptr(sb, v->addr);
	}
	rn_sb_putc(sb, '}');
}

/* A raw x86_64 siginfo_t (128 bytes) read from the tracee. */
void pr_siginfo_raw(struct rn_strbuf *sb, const __u8 *si)
{
	struct si_view v = { .have_value = true };
	__s64 l;
	__s32 i;

	memcpy(&v.signo, si, 4);
	memcpy(&v.err, si + 4, 4);
	memcpy(&v.code, si + 8, 4);
	memcpy(&v.pid, si + 16, 4);
	memcpy(&v.uid, si + 20, 4);
	memcpy(&v.status, si + 24, 4);
	memcpy(&v.addr, si + 16, 8);
	memcpy(&l, si + 32, 8);
	v.utime = l;
	memcpy(&l, si + 40, 8);
	v.stime = l;
	memcpy(&i, si + 24, 4);
	v.sival_int = i;
	memcpy(&v.sival_ptr, si + 24, 8);
	pr_si(sb, &v);
}

void rn_decode_siginfo(const struct rn_event *ev, struct rn_strbuf *out)
{
	const struct rn_signal_rec *s = &ev->sig;
	struct si_view v = {
		.signo = s->signo, .code = s->code, .err = s->err, .pid = s->pid,
		.uid = s->uid, .status = s->status, .addr = s->addr,
	};

	if (s->signo == SIGCHLD && s->code > 0) {
		v.utime = s->utime;
		v.stime = s->stime;
	}
	if (s->code == SI_TIMER) {	/* the ptrace backend put si_value in addr */
		v.sival_int = (int)s->addr;
		v.sival_ptr = s->addr;
	}

	pr_si(out, &v);
}
