// SPDX-License-Identifier: MIT
/*
 * The ptrace backend: every traced thread is PTRACE_SEIZEd and stops at each
 * system-call entry and exit (PTRACE_SYSCALL with TRACESYSGOOD). A call is
 * recorded at entry (PTRACE_GET_SYSCALL_INFO: number, arguments, plus the
 * entry-time memory the capture table asks for) and handed to the frontend
 * as ONE completed event at its exit stop, while the task is still stopped so
 * the decoders can read its output buffers live. A call the task never
 * returns from (exit_group, a thread killed by another's exit, an execve
 * that replaced the thread) is handed over flagged RN_F_UNFINISHED: a pending
 * call is never dropped.
 *
 * Per stop the hot path is: waitpid, one clock_gettime (vDSO), one
 * PTRACE_GET_SYSCALL_INFO, the callback, one PTRACE_SYSCALL. No allocation,
 * no /proc access.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <linux/sched.h>
#include <asm/unistd_64.h>

#include "../wake.h"
#include "pt.h"
#include "unwind.h"

__u64 pt_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000000000ull + (__u64)ts.tv_nsec;
}

static bool pt_selected(const struct pt_backend *b, long nr)
{
	if (nr < 0 || nr >= RN_NR_MAX) {
		/* Not in the table: shown only when everything is traced. */
		return b->cfg.syscalls[0] == ~0ull && b->cfg.syscalls[RN_BITMAP_WORDS - 1] == ~0ull;
	}
	return (b->cfg.syscalls[nr / 64] >> (nr % 64)) & 1;
}

void pt_queue(struct pt_backend *b, const struct rn_event *ev)
{
	if (b->nqueue == b->qcap) {
		size_t cap = b->qcap ? b->qcap * 2 : 8;
		struct rn_event *q = realloc(b->queue, cap * sizeof(*q));

		if (!q)
			return;	/* out of memory while detaching: the record is lost */
		b->queue = q;
		b->qcap = cap;
	}
	memcpy(&b->queue[b->nqueue], ev, RN_EVENT_HDR_SIZE +
	       (ev->type == RN_EV_SYSCALL || ev->type == RN_EV_ENTRY ? ev->sc.payload_len : 0));
	b->nqueue++;
}

/* Hand ev to the callback now, or queue it when there is none (start(),
 * detach()). */
static int pt_emit(struct pt_backend *b, const struct rn_event *ev, rn_event_fn fn, void *ctx)
{
	int rc;

	pt_ident_fill(b, (struct rn_event *)ev);	/* callers' records are writable */
	if (!fn) {
		pt_queue(b, ev);
		return 0;
	}
	rc = fn(ctx, ev, 1, &b->mem);
	pt_mem_forget(b);
	if (rc < 0 && !b->cb_err)
		b->cb_err = rc;
	return rc;
}

/* Under the seccomp filter, stops at system calls come from the filter:
 * only a task inside a selected call needs PTRACE_SYSCALL (for its exit). */
static void pt_resume(const struct pt_backend *b, const struct pt_task *t, int sig)
{
	int req = !b->seccomp || (t->flags & PT_IN_SYSCALL) ? PTRACE_SYSCALL : PTRACE_CONT;

	/* ESRCH: the task was killed meanwhile; its exit will be reported. */
	ptrace(req, t->tid, 0L, (long)sig);
}

/* The pending call of t ends without a return value. */
static void pt_end_pending(struct pt_backend *b, struct pt_task *t, __u32 flags,
			   rn_event_fn fn, void *ctx)
{
	if (!(t->flags & PT_IN_SYSCALL))
		return;
	t->flags &= ~PT_IN_SYSCALL;
	if (!(t->flags & PT_REPORT) || (t->flags & PT_HIDDEN))
		return;
	t->ev.flags |= RN_F_UNFINISHED | flags;
	t->ev.sc.ret = 0;
	t->ev.dur_ns = pt_now() - t->ev.ts_ns;
	pt_emit(b, &t->ev, fn, ctx);
}

void pt_simple_event(struct pt_backend *b, const struct pt_task *t, __u32 type)
{
	struct rn_event *ev = &b->scratch;

	memset(ev, 0, RN_EVENT_HDR_SIZE);
	ev->ts_ns = pt_now();
	ev->type = type;
	ev->tid = (__u32)t->tid;
	ev->tgid = (__u32)t->tgid;
}

/* A text trace shows the call now (it may block for long): the pending
 * record itself goes out as RN_EV_ENTRY, the task still stopped so its input
 * arguments can be read live. */
static void pt_entry_notice(struct pt_backend *b, struct pt_task *t, rn_event_fn fn, void *ctx)
{
	t->ev.type = RN_EV_ENTRY;
	pt_emit(b, &t->ev, fn, ctx);
	t->ev.type = RN_EV_SYSCALL;
}

static void pt_syscall_entry(struct pt_backend *b, struct pt_task *t, __u64 nr,
			     const void *args, __u64 sp, __u64 now, __u32 flags,
			     rn_event_fn fn, void *ctx)
{
	struct rn_event *ev = &t->ev;

	/* An entry while a call is pending means its exit was never seen. */
	pt_end_pending(b, t, 0, fn, ctx);
	ev->ts_ns = now;
	ev->dur_ns = 0;
	ev->type = RN_EV_SYSCALL;
	ev->flags = flags;
	ev->tid = (__u32)t->tid;
	ev->tgid = (__u32)t->tgid;
	memcpy(ev->sc.args, args, sizeof(ev->sc.args));
	if (nr == __NR_rt_sigreturn) {
		/* Its "argument" is the signal frame on the stack: the decoder
		 * prints the mask restored from it. */
		ev->sc.args[0] = sp;
		ev->flags |= RN_F_SP_ARG0;
	} else if (nr == __NR_restart_syscall && t->restart_nr) {
		/* It has no arguments: say which call it resumes, as strace */
		ev->sc.args[0] = (__u64)(t->restart_nr - 1);
		ev->flags |= RN_F_PREV_NR;
	}
	ev->sc.ret = 0;
	ev->sc.nr = (__s32)nr;
	ev->sc.payload_len = 0;
	t->flags |= PT_IN_SYSCALL;
	if (pt_selected(b, (long)nr)) {
		t->flags |= PT_REPORT;
		pt_capture_entry(b, t);
		if (b->cfg.entry_notices && !(t->flags & PT_HIDDEN))
			pt_entry_notice(b, t, fn, ctx);
	} else {
		t->flags &= ~PT_REPORT;
	}
	if (b->cfg.inject)
		pt_inject_entry(b, t, (long)nr, flags & RN_F_SECCOMP);
}

static void pt_syscall_exit(struct pt_backend *b, struct pt_task *t, __s64 rval, __u64 now,
			    rn_event_fn fn, void *ctx)
{
	struct rn_event *ev = &t->ev;

	if (!(t->flags & PT_IN_SYSCALL)) {
		/* The entry happened before we attached: number and result only. */
		long nr = ptrace(PTRACE_PEEKUSER, t->tid,
				 (long)offsetof(struct user_regs_struct, orig_rax), 0L);

		if ((t->flags & PT_HIDDEN) || !pt_selected(b, nr))
			return;
		memset(ev, 0, RN_EVENT_HDR_SIZE);
		ev->ts_ns = now;
		ev->type = RN_EV_SYSCALL;
		ev->flags = RN_F_ENTRY_MISSED;
		ev->tid = (__u32)t->tid;
		ev->tgid = (__u32)t->tgid;
		ev->sc.nr = (__s32)nr;
		ev->sc.ret = rval;
		pt_emit(b, ev, fn, ctx);
		return;
	}
	t->flags &= ~PT_IN_SYSCALL;
	if (t->inj_rule)
		rval = pt_inject_exit(b, t, rval);
	pt_ident_call_done(t, ev->sc.nr, ev->sc.args[0], rval);
	if (rval == -516)	/* ERESTART_RESTARTBLOCK: restart_syscall follows */
		t->restart_nr = ev->sc.nr + 1;
	if (!(t->flags & PT_REPORT) || (t->flags & PT_HIDDEN))
		return;
	ev->sc.ret = rval;
	ev->dur_ns = now - ev->ts_ns;
	pt_emit(b, ev, fn, ctx);
}

/* Without PTRACE_GET_SYSCALL_INFO (kernels before 5.3): the registers, with
 * entry and exit told apart by our own state and rax == -ENOSYS at entry. */
static int pt_regs_info(struct pt_task *t, struct __ptrace_syscall_info *info)
{
	struct user_regs_struct r;

	if (ptrace(PTRACE_GETREGS, t->tid, 0L, &r) < 0)
		return -errno;
	if (!(t->flags & PT_IN_SYSCALL) && (long long)r.rax == -ENOSYS) {
		info->op = PTRACE_SYSCALL_INFO_ENTRY;
		info->entry.nr = r.orig_rax;
		info->entry.args[0] = r.rdi;
		info->entry.args[1] = r.rsi;
		info->entry.args[2] = r.rdx;
		info->entry.args[3] = r.r10;
		info->entry.args[4] = r.r8;
		info->entry.args[5] = r.r9;
		info->stack_pointer = r.rsp;
	} else {
		info->op = PTRACE_SYSCALL_INFO_EXIT;
		info->exit.rval = (__s64)r.rax;
	}
	return 0;
}

static void pt_syscall_stop(struct pt_backend *b, struct pt_task *t, rn_event_fn fn, void *ctx)
{
	struct __ptrace_syscall_info info = { 0 };	/* the kernel fills only what op needs */
	__u64 now = pt_now();

	if (!b->no_sysinfo) {
		long n = ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (long)sizeof(info), &info);

		if (n < 0 && errno == ESRCH)
			return;	/* killed while stopped: its exit follows */
		if (n <= 0)
			b->no_sysinfo = true;
	}
	if (b->no_sysinfo && pt_regs_info(t, &info) < 0)
		info.op = PTRACE_SYSCALL_INFO_NONE;	/* still resumed below */
	t->pc = b->no_sysinfo ? 0 : info.instruction_pointer;
	t->sp = b->no_sysinfo ? 0 : info.stack_pointer;
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		pt_syscall_entry(b, t, info.entry.nr, info.entry.args, info.stack_pointer, now, 0,
				 fn, ctx);
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		/* Already entered through a syscall-entry stop: same call. */
		if ((t->flags & PT_IN_SYSCALL) && !(t->ev.flags & RN_F_SECCOMP) &&
		    t->ev.sc.nr == (__s32)info.seccomp.nr)
			break;
		pt_syscall_entry(b, t, info.seccomp.nr, info.seccomp.args, info.stack_pointer,
				 now, RN_F_SECCOMP, fn, ctx);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		pt_syscall_exit(b, t, info.exit.rval, now, fn, ctx);
		break;
	default:
		break;
	}
	/* a signal -e inject= raises as the call starts (or ends) */
	pt_resume(b, t, t->inj_sig);
	t->inj_sig = 0;
}

/* PTRACE_EVENT_FORK/VFORK/CLONE in the parent: start tracking the child now
 * so that its first stop is expected. Its thread group comes from the clone
 * flags of the parent's pending call; /proc only when they are not known. */
static void pt_new_child(struct pt_backend *b, struct pt_task *parent, int event)
{
	unsigned long msg = 0;
	__u64 flags = 0;
	pid_t child, tgid;
	struct pt_task *t;

	if (ptrace(PTRACE_GETEVENTMSG, parent->tid, 0L, &msg) < 0 || !msg)
		return;
	child = (pid_t)msg;
	if (pt_task_find(b, child))
		return;		/* its first stop came first */
	tgid = child;
	if (event == PTRACE_EVENT_CLONE) {
		const struct rn_syscall_rec *sc = &parent->ev.sc;

		if (!(parent->flags & PT_IN_SYSCALL))
			tgid = pt_proc_tgid(child);
		else if (sc->nr == __NR_clone)
			flags = sc->args[0];
		else if (sc->nr != __NR_clone3 ||
			 pt_mem_read(parent->tid, sc->args[0], &flags, sizeof(flags)) != 8)
			tgid = pt_proc_tgid(child);
		if (flags & CLONE_THREAD)
			tgid = parent->tgid;
	}
	t = pt_task_add(b, child, tgid);
	if (t)
		t->flags |= parent->flags & PT_HIDDEN;
}

/*
 * PTRACE_EVENT_EXEC. When a non-leader thread execs, the kernel gives it the
 * leader's tid (the former tid is in the event message): the leader's own
 * pending call ends unfinished (it already passed its PTRACE_EVENT_EXIT) and
 * the exec'ing thread's state, pending execve included, moves to that tid.
 */
static struct pt_task *pt_exec(struct pt_backend *b, struct pt_task *t, rn_event_fn fn,
			       void *ctx)
{
	unsigned long former = 0;
	struct pt_task *old;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0L, &former) == 0 && former &&
	    (pid_t)former != t->tid && (old = pt_task_find(b, (pid_t)former))) {
		pid_t tid = t->tid;

		pt_end_pending(b, t, 0, fn, ctx);
		/* strace: "+++ superseded by execve in pid FORMER +++" */
		if (!(t->flags & PT_HIDDEN)) {
			pt_simple_event(b, t, RN_EV_EXIT);
			b->scratch.flags = RN_F_SUPERSEDED;
			b->scratch.exit.code = (__s32)former;
			pt_emit(b, &b->scratch, fn, ctx);
		}
		pt_task_del(b, t);
		pt_task_rename(b, old, tid);
		old->ev.tid = (__u32)tid;
		t = old;
	}
	t->flags &= ~PT_HIDDEN;
	pt_unwind_forget(b, t->tgid);	/* a new address space */
	return t;
}

static bool pt_is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/*
 * PTRACE_EVENT_STOP: a group-stop when the signal is a stop signal, else the
 * trap of PTRACE_INTERRUPT, of a new auto-attached task, or of the end of a
 * group-stop under PTRACE_LISTEN. A group-stop is reported and left in place
 * with PTRACE_LISTEN, so the task stays stopped until SIGCONT as it would
 * untraced, yet still reports to us.
 */
static void pt_event_stop(struct pt_backend *b, struct pt_task *t, int sig, rn_event_fn fn,
			  void *ctx)
{
	if (pt_is_stop_signal(sig) && !(t->flags & PT_HIDDEN)) {
		pt_simple_event(b, t, RN_EV_SIGNAL);
		b->scratch.flags = RN_F_STOPPED;
		b->scratch.sig.signo = sig;
		pt_emit(b, &b->scratch, fn, ctx);
		t->flags |= PT_LISTENING;
		if (ptrace(PTRACE_LISTEN, t->tid, 0L, 0L) == 0)
			return;
	}
	t->flags &= ~PT_LISTENING;
	pt_resume(b, t, 0);
}

static void pt_signal_stop(struct pt_backend *b, struct pt_task *t, int sig, rn_event_fn fn,
			   void *ctx)
{
	siginfo_t si;

	if ((t->flags & PT_HIDDEN) && sig == SIGSTOP && b->seccomp) {
		/* The command could not install the filter and says so with a
		 * SIGSTOP of its own (spawn.c): trace every stop instead. */
		b->seccomp = false;
		pt_resume(b, t, 0);
		return;
	}
	if (!(t->flags & PT_HIDDEN)) {
		struct rn_signal_rec *s = &b->scratch.sig;

		pt_simple_event(b, t, RN_EV_SIGNAL);
		s->signo = sig;
		if (ptrace(PTRACE_GETSIGINFO, t->tid, 0L, &si) == 0) {
			s->code = si.si_code;
			s->err = si.si_errno;
			s->pid = si.si_pid;
			s->uid = (__s32)si.si_uid;
			if (sig == SIGCHLD) {
				s->status = si.si_status;
				s->utime = si.si_utime;
				s->stime = si.si_stime;
			}
			if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
			    sig == SIGTRAP)
				s->addr = (__u64)(unsigned long)si.si_addr;
			else if (si.si_code == SI_TIMER)	/* POSIX timer: its si_value */
				s->addr = (__u64)(unsigned long)si.si_value.sival_ptr;
		}
		pt_emit(b, &b->scratch, fn, ctx);
	}
	/* Delivered unchanged. */
	pt_resume(b, t, sig);
}

static void pt_task_exited(struct pt_backend *b, struct pt_task *t, int status,
			   rn_event_fn fn, void *ctx)
{
	struct rn_exit_rec *x = &b->scratch.exit;

	pt_end_pending(b, t, 0, fn, ctx);
	if (t->tid == b->child)
		b->child_status = status;
	if (!(t->flags & PT_HIDDEN)) {
		pt_simple_event(b, t, RN_EV_EXIT);
		if (t->tid != t->tgid)
			b->scratch.flags = RN_F_THREAD_EXIT;
		if (WIFEXITED(status)) {
			x->code = WEXITSTATUS(status);
		} else {
			x->signo = WTERMSIG(status);
			x->core_dumped = WCOREDUMP(status) ? 1 : 0;
		}
		pt_emit(b, &b->scratch, fn, ctx);
	}
	if (t->tid == t->tgid)
		pt_unwind_forget(b, t->tgid);
	pt_task_del(b, t);
}

static void pt_event(struct pt_backend *b, struct pt_task *t, int event, int sig,
		     rn_event_fn fn, void *ctx)
{
	switch (event) {
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		pt_new_child(b, t, event);
		break;
	case PTRACE_EVENT_EXEC:
		t = pt_exec(b, t, fn, ctx);
		break;
	case PTRACE_EVENT_EXIT:
		/* Still stopped and readable: end the pending call here. */
		pt_end_pending(b, t, 0, fn, ctx);
		break;
	case PTRACE_EVENT_STOP:
		pt_event_stop(b, t, sig, fn, ctx);
		return;
	case PTRACE_EVENT_SECCOMP:
		pt_syscall_stop(b, t, fn, ctx);
		return;
	default:
		break;
	}
	pt_resume(b, t, 0);
}

int pt_handle(struct pt_backend *b, pid_t tid, int status, rn_event_fn fn, void *ctx)
{
	struct pt_task *t = pt_task_find(b, tid);
	int sig, event;

	b->cb_err = 0;
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		if (t)
			pt_task_exited(b, t, status, fn, ctx);
		return b->cb_err;
	}
	if (!WIFSTOPPED(status))
		return 0;
	if (!t) {
		/* A new auto-attached task stopped before its parent's
		 * PTRACE_EVENT_FORK/CLONE arrived. */
		t = pt_task_add(b, tid, pt_proc_tgid(tid));
		if (!t) {
			/* Under the seccomp filter PTRACE_SYSCALL would leave
			 * the task stopping at every call. */
			ptrace(b->seccomp ? PTRACE_CONT : PTRACE_SYSCALL, tid, 0L, 0L);
			return -ENOMEM;
		}
	}
	if (t->flags & PT_ANNOUNCE) {
		t->flags &= ~PT_ANNOUNCE;
		pt_simple_event(b, t, RN_EV_ATTACH);
		pt_emit(b, &b->scratch, fn, ctx);
	}
	sig = WSTOPSIG(status);
	event = (unsigned)status >> 16;
	if (sig == (SIGTRAP | 0x80))
		pt_syscall_stop(b, t, fn, ctx);
	else if (event)
		pt_event(b, t, event, sig, fn, ctx);
	else
		pt_signal_stop(b, t, sig, fn, ctx);
	return b->cb_err;
}

/* ---- the ops ---- */

static int pt_probe(const struct rn_trace_config *cfg, char *why, size_t whylen)
{
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "re");
	int scope = 0;

	(void)cfg;
	if (f) {
		if (fscanf(f, "%d", &scope) != 1)
			scope = 0;
		fclose(f);
	}
	if (scope >= 3) {
		snprintf(why, whylen, "ptrace is disabled (kernel.yama.ptrace_scope = 3)");
		return -EPERM;
	}
	return 0;
}

static struct rn_backend *pt_open(const struct rn_trace_config *cfg)
{
	struct pt_backend *b = calloc(1, sizeof(*b));

	if (!b)
		return NULL;
	b->base.ops = &rn_ptrace_backend;
	b->cfg = *cfg;
	b->child_status = -1;
	/* For tests: the register fallback of kernels before 5.3. */
	b->no_sysinfo = getenv("RENACER_PTRACE_GETREGS") != NULL;
	b->opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
	if (cfg->follow_forks)
		b->opts |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	pt_mem_init(b);
	pt_unwind_init(b);
	if (pt_inject_init(b) < 0) {
		free(b);
		errno = ENOMEM;
		return NULL;
	}
	return &b->base;
}

/* A command, processes to attach to, or both (as strace allows). */
static int pt_start(struct rn_backend *rb)
{
	struct pt_backend *b = pt_of(rb);
	bool cmd = b->cfg.argv && b->cfg.argv[0];
	int rc = 0;

	if (!cmd && !b->cfg.npids) {
		snprintf(b->err, sizeof(b->err), "nothing to trace");
		return -EINVAL;
	}
	if (cmd)
		rc = pt_spawn(b);
	if (!rc && b->cfg.npids)
		rc = pt_attach(b);
	return rc;
}

static int pt_flush_queue(struct pt_backend *b, rn_event_fn fn, void *ctx)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < b->nqueue && rc >= 0; i++) {
		rc = fn(ctx, &b->queue[i], 1, b->detached ? NULL : &b->mem);
		pt_mem_forget(b);
	}
	b->nqueue = 0;
	return rc < 0 ? rc : 0;
}

/* waitpid() with a timeout: blocking for -1, polling otherwise. */
static pid_t pt_wait(int timeout_ms, int *status)
{
	__u64 end = pt_now() + (__u64)(timeout_ms > 0 ? timeout_ms : 0) * 1000000ull;
	pid_t pid;

	for (;;) {
		struct timespec nap = { .tv_nsec = 1000000 };

		if (timeout_ms < 0)
			rn_wake_wait_begin();	/* only a blocking wait takes the tick */
		pid = waitpid(-1, status, __WALL | (timeout_ms >= 0 ? WNOHANG : 0));
		if (timeout_ms < 0)
			rn_wake_wait_end();
		if (pid != 0)
			return pid < 0 ? -errno : pid;
		if (pt_now() >= end)
			return 0;
		if (nanosleep(&nap, NULL) < 0)
			return -errno;
	}
}

static void pt_drop_all(struct pt_backend *b, rn_event_fn fn, void *ctx)
{
	unsigned h;

	for (h = 0; h < PT_HASH; h++) {
		while (b->hash[h]) {
			pt_end_pending(b, b->hash[h], 0, fn, ctx);
			pt_task_del(b, b->hash[h]);
		}
	}
}

static int pt_poll(struct rn_backend *rb, int timeout_ms, rn_event_fn fn, void *ctx)
{
	struct pt_backend *b = pt_of(rb);
	int status, rc;
	pid_t tid;

	if (b->nqueue) {
		rc = pt_flush_queue(b, fn, ctx);
		if (rc < 0)
			return rc;
	}
	if (!b->ntasks || b->detached)
		return 0;
	tid = pt_wait(timeout_ms, &status);
	if (tid == 0)
		return 1;
	if (tid == -ECHILD) {
		/* Every task is gone without a word (should not happen). */
		pt_drop_all(b, fn, ctx);
		return 0;
	}
	if (tid < 0)
		return tid;
	rc = pt_handle(b, tid, status, fn, ctx);
	if (rc < 0)
		return rc;
	return b->ntasks || b->nqueue ? 1 : 0;
}

static void pt_detach(struct rn_backend *rb, int sig)
{
	struct pt_backend *b = pt_of(rb);

	if (!b->detached)
		pt_detach_all(b, sig);
	b->detached = true;
}

static int pt_exit_status(const struct rn_backend *rb)
{
	const struct pt_backend *b = pt_of_const(rb);

	return b->child ? b->child_status : -1;
}

static __u64 pt_lost(const struct rn_backend *b)
{
	(void)b;
	return 0;
}

static const char *pt_error(const struct rn_backend *b)
{
	return b ? pt_of_const(b)->err : "";
}

static void pt_close(struct rn_backend *rb)
{
	struct pt_backend *b = pt_of(rb);

	if (!b)
		return;
	/* Never leave a task stopped behind us. */
	if (b->ntasks && !b->detached)
		pt_detach_all(b, SIGTERM);
	pt_drop_all(b, NULL, NULL);
	pt_unwind_free(b);
	free(b->filter);
	free(b->inj_errno);
	free(b->queue);
	free(b);
}

const struct rn_backend_ops rn_ptrace_backend = {
	.name = "ptrace",
	.probe = pt_probe,
	.open = pt_open,
	.start = pt_start,
	.poll = pt_poll,
	.detach = pt_detach,
	.exit_status = pt_exit_status,
	.lost = pt_lost,
	.aggregates = NULL,
	.error = pt_error,
	.close = pt_close,
};
