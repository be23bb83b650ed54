// SPDX-License-Identifier: MIT
/*
 * Decoders for processes and signals: clone, execve, wait, exit, kill,
 * rt_sigaction, arch_prctl, resource limits, and the siginfo of signal records
 * (prctl: decode_prctl.c).
 */
#include "decode_int.h"

#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "gen/decoders.h"

#define MAX_ARGV 100000		/* elements, for unterminated arrays */

/* "CLONE_VM|...|SIGCHLD": the low byte is the exit signal. */
static void pr_clone_flags(struct rn_strbuf *sb, __u64 flags)
{
	unsigned sig = flags & 0xff;

	flags &= ~(__u64)0xff;
	if (flags)
		rn_xlat_flags(sb, rn_xl_clone_flags, flags);
	if (sig) {
		if (flags)
			rn_sb_putc(sb, '|');
		pr_signal(sb, sig);
	} else if (!flags) {
		rn_sb_putc(sb, '0');
	}
}

void dec_clone(struct dctx *c)
{
	__u64 flags = RAW(c, 0);
	int n = 0;

	rn_sb_puts(ARG(c, n), "child_stack=");
	pr_ptr(ARG(c, n++), RAW(c, 1));
	rn_sb_puts(ARG(c, n), "flags=");
	pr_clone_flags(ARG(c, n++), flags);
	if (flags & CLONE_PARENT_SETTID) {
		rn_sb_puts(ARG(c, n), "parent_tid=");
		if (c->ok)
			pr_int_at(c, ARG(c, n++), RAW(c, 2), true);
		else
			pr_ptr(ARG(c, n++), RAW(c, 2));
	}
	if (flags & CLONE_SETTLS) {
		rn_sb_puts(ARG(c, n), "tls=");
		pr_ptr(ARG(c, n++), RAW(c, 4));
	}
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		rn_sb_puts(ARG(c, n), "child_tidptr=");
		pr_ptr(ARG(c, n++), RAW(c, 3));
	}
	c->d->nargs = n;
}

struct clone_args_v2 {
	__u64 flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls,
	      set_tid, set_tid_size, cgroup;
};

static void clone3_fields(struct rn_strbuf *sb, const struct clone_args_v2 *a)
{
	rn_sb_puts(sb, "{flags=");
	rn_xlat_flags(sb, rn_xl_clone_flags, a->flags);
	if (a->flags & CLONE_PIDFD)
		rn_sb_printf(sb, ", pidfd=%#llx", (unsigned long long)a->pidfd);
	if (a->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		rn_sb_printf(sb, ", child_tid=%#llx", (unsigned long long)a->child_tid);
	if (a->flags & CLONE_PARENT_SETTID)
		rn_sb_printf(sb, ", parent_tid=%#llx", (unsigned long long)a->parent_tid);
	rn_sb_puts(sb, ", exit_signal=");
	pr_signal(sb, (int)a->exit_signal);
	rn_sb_puts(sb, ", stack=");
	pr_ptr(sb, a->stack);
	rn_sb_printf(sb, ", stack_size=%#llx", (unsigned long long)a->stack_size);
	if (a->flags & CLONE_SETTLS)
		rn_sb_printf(sb, ", tls=%#llx", (unsigned long long)a->tls);
	if (a->set_tid_size)
		rn_sb_printf(sb, ", set_tid=%#llx, set_tid_size=%llu",
			     (unsigned long long)a->set_tid, (unsigned long long)a->set_tid_size);
	if (a->flags & 0x200000000ULL)
		rn_sb_printf(sb, ", cgroup=%llu", (unsigned long long)a->cgroup);
	rn_sb_putc(sb, '}');
}

void dec_clone3(struct dctx *c)
{
	struct clone_args_v2 a = { 0 };
	size_t size = RAW(c, 1) < sizeof(a) ? RAW(c, 1) : sizeof(a);
	int tid;

	if (size < 64 || dc_read(c, RAW(c, 0), &a, size, false) < 0) {
		dc_ptr(c, 0);
	} else {
		clone3_fields(ARG(c, 0), &a);
		if (c->ok && (a.flags & CLONE_PARENT_SETTID) &&
		    dc_read(c, a.parent_tid, &tid, sizeof(tid), true) == 0)
			rn_sb_printf(ARG(c, 0), " => {parent_tid=[%d]}", tid);
	}
	dc_ulong(c, 1);
}

/* Count the entries of a NULL-terminated pointer array; -1 if unreadable. */
static long argv_count(struct dctx *c, __u64 addr)
{
	long n;

	for (n = 0; n < MAX_ARGV; n++) {
		__u64 p;

		if (dc_read(c, addr + n * 8, &p, sizeof(p), false) < 0)
			return -1;
		if (!p)
			return n;
	}
	return n;
}

/* ["ls", "-la"], at most -s elements unless -v. */
static void pr_argv(struct dctx *c, struct rn_strbuf *sb, __u64 addr)
{
	unsigned n;

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	for (n = 0; n < MAX_ARGV; n++) {
		__u64 p;

		if (dc_read(c, addr + n * 8, &p, sizeof(p), false) < 0) {
			if (!n)
				pr_ptr(sb, addr);
			else
				rn_sb_printf(sb, ", ... /* %#llx */]",
					     (unsigned long long)(addr + n * 8));
			return;
		}
		if (!p)
			break;
		rn_sb_puts(sb, n ? ", " : "[");
		if (dc_array_cut(c, n)) {
			rn_sb_puts(sb, "...");
			break;
		}
		pr_str_at(c, sb, p, c->o->strsize);
	}
	if (!n)
		rn_sb_putc(sb, '[');
	rn_sb_putc(sb, ']');
}

/* envp: "0x7ffd... /\* 21 vars *\/" unless -v. */
static void pr_envp(struct dctx *c, int i)
{
	long n;

	if (c->o->verbose || !RAW(c, i)) {
		pr_argv(c, ARG(c, i), RAW(c, i));
		return;
	}
	n = argv_count(c, RAW(c, i));
	dc_ptr(c, i);
	if (n >= 0)
		rn_sb_printf(ARG(c, i), " /* %ld var%s */", n, n == 1 ? "" : "s");
}

void dec_execve(struct dctx *c)
{
	dc_path(c, 0);
	pr_argv(c, ARG(c, 1), RAW(c, 1));
	pr_envp(c, 2);
}

void dec_execveat(struct dctx *c)
{
	dc_dirfd(c, 0);
	dc_path(c, 1);
	pr_argv(c, ARG(c, 2), RAW(c, 2));
	pr_envp(c, 3);
	dc_flags(c, 4, rn_xl_at_flags);
}

static void pr_wait_status(struct rn_strbuf *sb, int s)
{
	rn_sb_puts(sb, "[{");
	if (WIFEXITED(s)) {
		rn_sb_printf(sb, "WIFEXITED(s) && WEXITSTATUS(s) == %d", WEXITSTATUS(s));
	} else if (WIFSIGNALED(s)) {
		rn_sb_printf(sb, "WIFSIGNALED(s) && WTERMSIG(s) == %s%s",
			     rn_signal_name(WTERMSIG(s)), WCOREDUMP(s) ? " && WCOREDUMP(s)" : "");
	} else if (WIFSTOPPED(s)) {
		rn_sb_printf(sb, "WIFSTOPPED(s) && WSTOPSIG(s) == %s", rn_signal_name(WSTOPSIG(s)));
	} else if (WIFCONTINUED(s)) {
		rn_sb_puts(sb, "WIFCONTINUED(s)");
	} else {
		rn_sb_printf(sb, "%#x", s);
	}
	rn_sb_putc(sb, '}');
	if (WIFSTOPPED(s) && (s >> 16))
		rn_sb_printf(sb, " | %#x << 16", s >> 16);
	rn_sb_putc(sb, ']');
}

static void pr_timeval_raw(struct rn_strbuf *sb, const char *name, const __s64 *tv)
{
	rn_sb_printf(sb, "%s={tv_sec=%lld, tv_usec=%lld}", name, (long long)tv[0],
		     (long long)tv[1]);
}

void pr_rusage_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr)
{
	static const char *const names[] = {
		"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
		"ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv",
		"ru_nsignals", "ru_nvcsw", "ru_nivcsw",
	};
	__s64 ru[18];
	int i;

	if (!c->ok || !addr || dc_read(c, addr, ru, sizeof(ru), true) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	pr_timeval_raw(sb, "{ru_utime", ru);
	pr_timeval_raw(sb, ", ru_stime", ru + 2);
	if (!c->o->verbose) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	for (i = 0; i < 14; i++)
		rn_sb_printf(sb, ", %s=%lld", names[i], (long long)ru[4 + i]);
	rn_sb_putc(sb, '}');
}

void dec_wait4(struct dctx *c)
{
	int s;

	dc_int(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (!RAW(c, 1))
		rn_sb_puts(ARG(c, 1), "NULL");
	else if (c->ok && c->sc->ret && dc_read(c, RAW(c, 1), &s, sizeof(s), true) == 0)
		pr_wait_status(ARG(c, 1), s);
	else
		dc_ptr(c, 1);
	dc_flags(c, 2, rn_xl_wait_options);
	pr_rusage_at(c, ARG(c, 3), RAW(c, 3));
}

void dec_waitid(struct dctx *c)
{
	__u8 si[128];

	dc_lenum(c, 0, rn_xl_idtypes, "%lld");
	dc_int(c, 1);
	if (dc_stop_unfinished(c, 2))
		return;
	if (c->ok && RAW(c, 2) && dc_read(c, RAW(c, 2), si, sizeof(si), true) == 0)
		pr_siginfo_raw(ARG(c, 2), si);
	else
		dc_ptr(c, 2);
	dc_flags(c, 3, rn_xl_wait_options);
	pr_rusage_at(c, ARG(c, 4), RAW(c, 4));
}

/* Kernel struct sigaction on x86_64: handler, flags, restorer, mask. */
static void pr_sigaction_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	__u64 sa[4];

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (dc_read(c, addr, sa, sizeof(sa), out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_puts(sb, "{sa_handler=");
	if (sa[0] == 0)
		rn_sb_puts(sb, "SIG_DFL");
	else if (sa[0] == 1)
		rn_sb_puts(sb, "SIG_IGN");
	else
		pr_ptr(sb, sa[0]);
	rn_sb_puts(sb, ", sa_mask=");
	pr_sigset(sb, &sa[3], 8);
	rn_sb_puts(sb, ", sa_flags=");
	rn_xlat_flags(sb, rn_xl_sa_flags, sa[1]);
	if (sa[1] & 0x04000000) {
		rn_sb_puts(sb, ", sa_restorer=");
		pr_ptr(sb, sa[2]);
	}
	rn_sb_putc(sb, '}');
}

void dec_rt_sigaction(struct dctx *c)
{
	dc_signal(c, 0);
	pr_sigaction_at(c, ARG(c, 1), RAW(c, 1), false);
	if (dc_stop_unfinished(c, 2))
		return;
	if (c->ok)
		pr_sigaction_at(c, ARG(c, 2), RAW(c, 2), true);
	else
		dc_ptr(c, 2);
	dc_ulong(c, 3);
}

void dec_rt_sigprocmask(struct dctx *c)
{
	dc_enum(c, 0, rn_xl_sigprocmask_how, "%#llx /* SIG_??? */");
	pr_sigset_at(c, ARG(c, 1), RAW(c, 1), RAW(c, 3), false);
	if (dc_stop_unfinished(c, 2))
		return;
	if (c->ok)
		pr_sigset_at(c, ARG(c, 2), RAW(c, 2), RAW(c, 3), true);
	else
		dc_ptr(c, 2);
	dc_ulong(c, 3);
}

/* rt_sigsuspend(mask, size), rt_sigpending(set, size) */
void dec_sigset_size(struct dctx *c)
{
	bool out = c->sc->nr == 127;	/* rt_sigpending fills it */

	if (out && dc_stop_unfinished(c, 0))
		return;
	if (out && !c->ok)
		dc_ptr(c, 0);
	else
		pr_sigset_at(c, ARG(c, 0), RAW(c, 0), RAW(c, 1), out);
	dc_ulong(c, 1);
}

void dec_arch_prctl(struct dctx *c)
{
	__u64 v;
	int code = (int)RAW(c, 0);

	rn_xlat_enum_unk(ARG(c, 0), rn_xl_arch_prctl_codes, (__u32)code, "ARCH_");
	if (code != 0x1003 && code != 0x1004) {	/* not ARCH_GET_FS/GS */
		dc_hex(c, 1);
		return;
	}
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok && dc_read(c, RAW(c, 1), &v, sizeof(v), true) == 0)
		rn_sb_printf(ARG(c, 1), "[%#llx]", (unsigned long long)v);
	else
		dc_ptr(c, 1);
}

static void pr_rlim_val(struct rn_strbuf *sb, __u64 v)
{
	if (v == ~(__u64)0)
		rn_sb_puts(sb, "RLIM64_INFINITY");
	else if (v && !(v % 1024))
		rn_sb_printf(sb, "%llu*1024", (unsigned long long)(v / 1024));
	else
		rn_sb_printf(sb, "%llu", (unsigned long long)v);
}

static void pr_rlimit_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	__u64 r[2];

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (dc_read(c, addr, r, sizeof(r), out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_puts(sb, "{rlim_cur=");
	pr_rlim_val(sb, r[0]);
	rn_sb_puts(sb, ", rlim_max=");
	pr_rlim_val(sb, r[1]);
	rn_sb_putc(sb, '}');
}

void dec_prlimit64(struct dctx *c)
{
	dc_int(c, 0);
	dc_enum(c, 1, rn_xl_rlimits, "%#llx /* RLIMIT_??? */");
	pr_rlimit_at(c, ARG(c, 2), RAW(c, 2), false);
	if (dc_stop_unfinished(c, 3))
		return;
	if (c->ok)
		pr_rlimit_at(c, ARG(c, 3), RAW(c, 3), true);
	else
		dc_ptr(c, 3);
}

void dec_getrlimit(struct dctx *c)
{
	dc_enum(c, 0, rn_xl_rlimits, "%#llx /* RLIMIT_??? */");
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		pr_rlimit_at(c, ARG(c, 1), RAW(c, 1), true);
	else
		dc_ptr(c, 1);
}

void dec_setrlimit(struct dctx *c)
{
	dc_enum(c, 0, rn_xl_rlimits, "%#llx /* RLIMIT_??? */");
	pr_rlimit_at(c, ARG(c, 1), RAW(c, 1), false);
}

void dec_getrandom(struct dctx *c)
{
	if (dc_stop_unfinished(c, 0))
		return;
	if (c->ok)
		pr_buf_hex_at(c, ARG(c, 0), RAW(c, 0), c->sc->ret, true);
	else
		dc_ptr(c, 0);
	dc_ulong(c, 1);
	dc_flags(c, 2, rn_xl_grnd_flags);
}

static void uts_field(struct rn_strbuf *sb, const char *name, const char *v, bool first)
{
	rn_sb_printf(sb, "%s%s=", first ? "{" : ", ", name);
	pr_quoted(sb, v, strnlen(v, 65), false);
}

void dec_uname(struct dctx *c)
{
	static const char *const names[] = {
		"sysname", "nodename", "release", "version", "machine", "domainname",
	};
	char u[6][65];
	struct rn_strbuf *sb = ARG(c, 0);
	int i;

	if (dc_stop_unfinished(c, 0))
		return;
	if (!c->ok || dc_read(c, RAW(c, 0), u, sizeof(u), true) < 0) {
		dc_ptr(c, 0);
		return;
	}
	for (i = 0; i < (c->o->verbose ? 6 : 2); i++)
		uts_field(sb, names[i], u[i], !i);
	rn_sb_puts(sb, c->o->verbose ? "}" : ", ...}");
}

void dec_sysinfo(struct dctx *c)
{
	struct {
		__s64 uptime;
		__u64 loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap;
		__u16 procs, pad;
		__u32 pad2;
		__u64 totalhigh, freehigh;
		__u32 mem_unit;
	} si;

	if (dc_stop_unfinished(c, 0))
		return;
	if (!c->ok || dc_read(c, RAW(c, 0), &si, sizeof(si), true) < 0) {
		dc_ptr(c, 0);
		return;
	}
	rn_sb_printf(ARG(c, 0), "{uptime=%lld, loads=[%llu, %llu, %llu], totalram=%llu, "
		     "freeram=%llu, sharedram=%llu, bufferram=%llu, totalswap=%llu, freeswap=%llu, "
		     "procs=%u, totalhigh=%llu, freehigh=%llu, mem_unit=%u}", (long long)si.uptime,
		     (unsigned long long)si.loads[0], (unsigned long long)si.loads[1],
		     (unsigned long long)si.loads[2], (unsigned long long)si.totalram,
		     (unsigned long long)si.freeram, (unsigned long long)si.sharedram,
		     (unsigned long long)si.bufferram, (unsigned long long)si.totalswap,
		     (unsigned long long)si.freeswap, si.procs, (unsigned long long)si.totalhigh,
		     (unsigned long long)si.freehigh, si.mem_unit);
}

/* getgroups(size, list), setgroups(size, list): "[0, 4, 27]" */
void dec_groups(struct dctx *c)
{
	bool out = c->sc->nr == 115;	/* getgroups fills the list */
	__u64 n = out ? (c->ok ? (__u64)c->sc->ret : 0) : RAW(c, 0);
	struct rn_strbuf *sb = ARG(c, 1);
	__u64 i;

	dc_int(c, 0);
	if (out && dc_stop_unfinished(c, 1))
		return;
	if (!RAW(c, 1) || (out && !c->ok) || n > 65536) {	/* NGROUPS_MAX */
		dc_ptr(c, 1);
		return;
	}
	rn_sb_putc(sb, '[');
	for (i = 0; i < n; i++) {
		__u32 g;

		if (dc_array_cut(c, i)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (dc_read(c, RAW(c, 1) + i * 4, &g, sizeof(g), out) < 0) {
			rn_sb_reset(sb);
			dc_ptr(c, 1);
			return;
		}
		rn_sb_printf(sb, "%s%u", i ? ", " : "", g);
	}
	rn_sb_putc(sb, ']');
}

/* sched_getaffinity(pid, size, [0 1]) / sched_setaffinity(pid, size, [...]) */
void dec_affinity(struct dctx *c)
{
	bool out = c->sc->nr == 204;
	__u64 bytes = out ? (__u64)c->sc->ret : RAW(c, 1);
	struct rn_strbuf *sb = ARG(c, 2);
	__u64 mask[16];
	unsigned cpu, shown = 0;

	dc_int(c, 0);
	dc_uint(c, 1);	/* an unsigned int */
	if (out && dc_stop_unfinished(c, 2))
		return;
	if (!RAW(c, 2)) {
		dc_ptr(c, 2);
		return;
	}
	if (bytes > sizeof(mask))
		bytes = sizeof(mask);
	if ((out && !c->ok) || dc_read(c, RAW(c, 2), mask, bytes, out) < 0) {
		dc_ptr(c, 2);
		return;
	}
	rn_sb_putc(sb, '[');
	for (cpu = 0; cpu < bytes * 8; cpu++)
		if ((mask[cpu / 64] >> (cpu % 64)) & 1)
			rn_sb_printf(sb, "%s%u", shown++ ? " " : "", cpu);
	rn_sb_putc(sb, ']');
}

void dec_getrusage(struct dctx *c)
{
	static const struct rn_xlat who[] = {
		XLAT_PAIR(0, "RUSAGE_SELF"), XLAT_PAIR((__u32)-1, "RUSAGE_CHILDREN"),
		XLAT_PAIR(1, "RUSAGE_THREAD"), XLAT_END,
	};

	rn_xlat_enum(ARG(c, 0), who, (__u32)RAW(c, 0), "%lld");
	if (dc_stop_unfinished(c, 1))
		return;
	pr_rusage_at(c, ARG(c, 1), RAW(c, 1));
}

/* stack_t: {ss_sp=0x..., ss_flags=SS_ONSTACK, ss_size=8192} */
static void pr_stack_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	static const struct rn_xlat ss_flags[] = {
		XLAT_PAIR(1, "SS_ONSTACK"), XLAT_PAIR(2, "SS_DISABLE"),
		XLAT_PAIR(1u << 31, "SS_AUTODISARM"), XLAT_END,
	};
	struct {
		__u64 sp;
		__s32 flags, pad;
		__u64 size;
	} ss;

	if (!addr || dc_read(c, addr, &ss, sizeof(ss), out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_puts(sb, "{ss_sp=");
	pr_ptr(sb, ss.sp);
	rn_sb_puts(sb, ", ss_flags=");
	rn_xlat_flags(sb, ss_flags, (__u32)ss.flags);
	rn_sb_printf(sb, ", ss_size=%llu}", (unsigned long long)ss.size);
}

void dec_sigaltstack(struct dctx *c)
{
	pr_stack_at(c, ARG(c, 0), RAW(c, 0), false);
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		pr_stack_at(c, ARG(c, 1), RAW(c, 1), true);
	else
		dc_ptr(c, 1);
}

/*
 * rt_sigreturn({mask=[...]}): the mask being restored sits in the signal
 * frame's ucontext at the stack pointer. Only backends that say args[0] is
 * that stack pointer (RN_F_SP_ARG0) get it; otherwise nothing is guessed.
 */
#define UC_SIGMASK_OFF 296	/* uc_flags, uc_link, uc_stack, uc_mcontext */

void dec_rt_sigreturn(struct dctx *c)
{
	__u64 mask;

	c->d->nargs = 0;
	if (!(c->mem.ev->flags & RN_F_SP_ARG0))
		return;
	if (c->o->terse) {
		/* outside -e verbose=: where the mask is, as strace shows it */
		c->d->nargs = 1;
		rn_sb_printf(ARG(c, 0), "{mask=%#llx}",
			     (unsigned long long)(RAW(c, 0) + UC_SIGMASK_OFF));
		return;
	}
	if (dc_read(c, RAW(c, 0) + UC_SIGMASK_OFF, &mask, sizeof(mask), false) < 0)
		return;
	c->d->nargs = 1;
	rn_sb_puts(ARG(c, 0), "{mask=");
	pr_sigset(ARG(c, 0), &mask, sizeof(mask));
	rn_sb_putc(ARG(c, 0), '}');
}
