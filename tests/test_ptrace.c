// SPDX-License-Identifier: MIT
/*
 * The ptrace backend driven directly through its ops table: real tracees
 * (build/tracees, built by make), events counted and checked.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "backends/backend.h"
#include "backends/ptrace/pt.h"	/* pt_handle(), for the reordering test */

#define MAXT 64

struct seen {
	int sys[RN_NR_MAX];		/* completed calls per number */
	int sys_ret[RN_NR_MAX];		/* ... that returned ret_want */
	long ret_want;
	int unfinished[RN_NR_MAX];
	int entry_missed;
	int first_nr;			/* number of the first syscall event */
	char first_path[256];		/* its captured string argument 0 */
	int first_strs;			/* string regions captured with it */
	char first_argv1[64];		/* the second of them (argv[1]) */
	int sig[65];			/* deliveries per signal */
	int sig_si_user;		/* ... with si_code SI_USER from the tracee */
	int stopped;			/* group-stop records */
	int exits, thread_exits, exit_code_sum, last_exit_code, last_exit_sig;
	int superseded, superseded_by;	/* leader replaced by a thread's execve */
	int attach, detach;
	int tgids[MAXT], ntgids;
	int leader_execve;		/* execve = 0 reported under a tgid leader */
	int total;
	char written[64];		/* captured buffer of the last write(1, ...) */
	int fdpath_ok;			/* reads whose fd resolved to /dev/zero */
	int window_ok;			/* cached live reads equal to direct ones */
};

static void seen_tgid(struct seen *s, int tgid)
{
	for (int i = 0; i < s->ntgids; i++)
		if (s->tgids[i] == tgid)
			return;
	if (s->ntgids < MAXT)
		s->tgids[s->ntgids++] = tgid;
}

static void first_call(struct seen *s, const struct rn_event *ev)
{
	const struct rn_region *r = (const void *)ev->payload;
	__u32 off = 0;

	s->first_nr = ev->sc.nr;
	if (ev->sc.payload_len >= sizeof(*r) && r->addr == ev->sc.args[0] &&
	    (r->flags & RN_REG_STR) && r->len < sizeof(s->first_path))
		memcpy(s->first_path, r + 1, r->len);
	/* Walk the regions: path, argv pointers, argv strings, envp pointers. */
	while (off + sizeof(*r) <= ev->sc.payload_len) {
		r = (const void *)(ev->payload + off);
		if ((r->flags & RN_REG_STR) && r->arg == 1 && ++s->first_strs == 2 &&
		    r->len < sizeof(s->first_argv1))
			memcpy(s->first_argv1, r + 1, r->len);
		off += (__u32)sizeof(*r) + RN_REGION_ALIGN(r->len);
	}
}

static void on_write(struct seen *s, const struct rn_event *ev)
{
	const struct rn_region *r = (const void *)ev->payload;

	if (ev->sc.args[0] != 1 || ev->sc.payload_len < sizeof(*r) || r->addr != ev->sc.args[1] ||
	    r->len >= sizeof(s->written))
		return;
	memcpy(s->written, r + 1, r->len);
	s->written[r->len] = '\0';
}

static void on_read(struct seen *s, const struct rn_event *ev, const struct rn_memsrc *mem)
{
	char path[64], byte = 1;

	if (ev->sc.ret != 1 || !mem)
		return;
	/* Live access at the exit stop: the fd's path and the byte just read. */
	if (mem->fdpath(mem->ctx, ev->tgid, (int)ev->sc.args[0], path, sizeof(path)) > 0 &&
	    !strcmp(path, "/dev/zero") &&
	    mem->read(mem->ctx, ev->tid, ev->sc.args[1], &byte, 1) == 1 && byte == 0)
		s->fdpath_ok++;
	/* Later reads of the same stop come from a window: same bytes as a
	 * direct read, wherever they fall in it. */
	for (int i = 0; i < 3; i++) {
		__u64 addr = (ev->sc.args[1] & ~7ull) - 64 + (__u64)i * 40;
		char a[48], d[48];

		if (mem->read(mem->ctx, ev->tid, addr, a, sizeof(a)) == sizeof(a) &&
		    pt_mem_read((pid_t)ev->tid, addr, d, sizeof(d)) == sizeof(d) &&
		    !memcmp(a, d, sizeof(a)))
			s->window_ok++;
	}
}

static void on_syscall(struct seen *s, const struct rn_event *ev, const struct rn_memsrc *mem)
{
	int nr = ev->sc.nr;

	if (!s->total++)
		first_call(s, ev);
	if (nr < 0 || nr >= RN_NR_MAX)
		return;
	if (ev->flags & RN_F_ENTRY_MISSED)
		s->entry_missed++;
	if (ev->flags & RN_F_UNFINISHED) {
		s->unfinished[nr]++;
		return;
	}
	s->sys[nr]++;
	if (nr == SYS_write)
		on_write(s, ev);
	if (nr == SYS_read)
		on_read(s, ev, mem);
	if (ev->sc.ret == s->ret_want)
		s->sys_ret[nr]++;
	if (nr == SYS_execve && ev->sc.ret == 0 && ev->tid == ev->tgid)
		s->leader_execve++;
}

static int on_events(void *ctx, const struct rn_event *evs, size_t n, const struct rn_memsrc *mem)
{
	struct seen *s = ctx;

	for (size_t i = 0; i < n; i++) {
		const struct rn_event *ev = &evs[i];

		seen_tgid(s, (int)ev->tgid);
		switch (ev->type) {
		case RN_EV_SYSCALL:
			on_syscall(s, ev, mem);
			break;
		case RN_EV_SIGNAL:
			if (ev->flags & RN_F_STOPPED) {
				s->stopped++;
			} else if (ev->sig.signo > 0 && ev->sig.signo < 65) {
				s->sig[ev->sig.signo]++;
				if (ev->sig.code == SI_USER && (__u32)ev->sig.pid == ev->tgid)
					s->sig_si_user++;
			}
			break;
		case RN_EV_EXIT:
			if (ev->flags & RN_F_THREAD_EXIT) {
				s->thread_exits++;
				break;
			}
			if (ev->flags & RN_F_SUPERSEDED) {
				s->superseded++;
				s->superseded_by = ev->exit.code;
				break;
			}
			s->exits++;
			s->exit_code_sum += ev->exit.code;
			s->last_exit_code = ev->exit.code;
			s->last_exit_sig = ev->exit.signo;
			break;
		case RN_EV_ATTACH:
			if (ev->flags & RN_F_DETACHED)
				s->detach++;
			else
				s->attach++;
			break;
		}
	}
	return 0;
}

static char tracee_dir[4200];

static const char *tracee(const char *name)
{
	static char path[8][4400];
	static int slot;
	char *p = path[slot++ % 8];

	snprintf(p, 4400, "%s/%s", tracee_dir, name);
	return p;
}

static void config(struct rn_trace_config *cfg, char **argv, bool follow)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->argv = argv;
	cfg->follow_forks = follow;
	cfg->uid = cfg->gid = -1;
	cfg->strsize = 32;
	memset(cfg->syscalls, 0xff, sizeof(cfg->syscalls));
}

/* Trace argv to the end; returns the command's wait status. */
static int run_traced(char **argv, bool follow, struct seen *s)
{
	const struct rn_backend_ops *ops = &rn_ptrace_backend;
	struct rn_trace_config cfg;
	struct rn_backend *b;
	int rc, status;

	config(&cfg, argv, follow);
	b = ops->open(&cfg);
	assert_non_null(b);
	rc = ops->start(b);
	assert_int_equal(rc, 0);
	while ((rc = ops->poll(b, -1, on_events, s)) > 0)
		;
	assert_int_equal(rc, 0);
	status = ops->exit_status(b);
	ops->close(b);
	return status;
}

static void test_readloop(void **state)
{
	char *argv[] = { (char *)tracee("readloop"), "100", NULL };
	struct seen s = { .ret_want = 1 };
	int status;

	(void)state;
	status = run_traced(argv, false, &s);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(s.sys[SYS_read] >= 100, 1);
	/* The dynamic loader reads too (832-byte ELF headers); exactly 100
	 * one-byte reads come from the loop. */
	assert_int_equal(s.sys_ret[SYS_read], 100);
	assert_int_equal(s.first_nr, SYS_execve);
	assert_string_equal(s.first_path, argv[0]);
	assert_int_equal(s.first_strs, 2);
	assert_string_equal(s.first_argv1, "100");
	assert_int_equal(s.unfinished[SYS_exit_group], 1);
	assert_int_equal(s.exits, 1);
	assert_int_equal(s.last_exit_code, 0);
	assert_int_equal(s.entry_missed, 0);
	assert_int_equal(s.fdpath_ok, 100);
	assert_int_equal(s.window_ok, 300);
}

/* The same through PTRACE_GETREGS, as on kernels without
 * PTRACE_GET_SYSCALL_INFO. */
static void test_getregs(void **state)
{
	char *argv[] = { (char *)tracee("readloop"), "50", NULL };
	char *fargv[] = { (char *)tracee("forker"), "fork", "2", NULL };
	struct seen s = { .ret_want = 1 }, f = { 0 };

	(void)state;
	setenv("RENACER_PTRACE_GETREGS", "1", 1);
	assert_int_equal(run_traced(argv, false, &s), 0);
	assert_int_equal(s.sys_ret[SYS_read], 50);
	assert_int_equal(s.first_nr, SYS_execve);
	assert_string_equal(s.first_argv1, "50");
	assert_int_equal(s.unfinished[SYS_exit_group], 1);
	assert_int_equal(run_traced(fargv, true, &f), 0);
	assert_int_equal(f.sys[SYS_getppid], 2);
	assert_int_equal(f.exit_code_sum, 14);
	unsetenv("RENACER_PTRACE_GETREGS");
}

/* -u: the command runs as that user. */
static void test_user(void **state)
{
	char *argv[] = { "id", "-u", NULL };
	struct rn_trace_config cfg;
	struct rn_backend *b;
	struct seen s = { 0 };
	char file[] = "/tmp/rn-out-XXXXXX", out[64];
	int fd = mkstemp(file), saved = dup(1), rc;
	ssize_t n;

	(void)state;
	if (geteuid() != 0) {
		close(fd);
		unlink(file);
		skip();
	}
	config(&cfg, argv, false);
	cfg.uid = 65534;
	cfg.gid = 65534;
	fflush(stdout);
	dup2(fd, 1);
	b = rn_ptrace_backend.open(&cfg);
	rc = rn_ptrace_backend.start(b);
	while (rc == 0 && rn_ptrace_backend.poll(b, -1, on_events, &s) > 0)
		;
	dup2(saved, 1);
	close(saved);
	assert_int_equal(rc, 0);
	assert_int_equal(rn_ptrace_backend.exit_status(b), 0);
	rn_ptrace_backend.close(b);
	n = pread(fd, out, sizeof(out) - 1, 0);
	out[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(file);
	assert_string_equal(out, "65534\n");
	assert_int_equal(s.first_nr, SYS_execve);
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/* A signal to the tracer interrupts a blocking poll with -EINTR. */
static void test_eintr(void **state)
{
	char *argv[] = { "sleep", "5", NULL };
	struct sigaction sa = { .sa_handler = on_alarm }, old;
	struct rn_trace_config cfg;
	struct rn_backend *b;
	struct seen s = { 0 };
	int rc;

	(void)state;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &old);	/* no SA_RESTART */
	config(&cfg, argv, false);
	b = rn_ptrace_backend.open(&cfg);
	assert_int_equal(rn_ptrace_backend.start(b), 0);
	alarm(1);
	while ((rc = rn_ptrace_backend.poll(b, -1, on_events, &s)) > 0)
		;
	assert_int_equal(rc, -EINTR);
	assert_int_equal(alarms, 1);
	/* The command was sleeping: detach ends its call as detached. */
	rn_ptrace_backend.detach(b, SIGTERM);
	assert_int_equal(rn_ptrace_backend.poll(b, -1, on_events, &s), 0);
	assert_int_equal(s.unfinished[SYS_clock_nanosleep], 1);
	assert_int_equal(s.detach, 1);
	rn_ptrace_backend.close(b);
	sigaction(SIGALRM, &old, NULL);
}

static void test_exit_code(void **state)
{
	char *argv[] = { (char *)tracee("exitcode"), "3", NULL };
	struct seen s = { 0 };
	int status;

	(void)state;
	status = run_traced(argv, false, &s);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);
	assert_int_equal(s.last_exit_code, 3);
}

static void test_killed(void **state)
{
	char *argv[] = { (char *)tracee("exitcode"), "sig:15", NULL };
	struct seen s = { 0 };
	int status;

	(void)state;
	status = run_traced(argv, false, &s);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGTERM);
	assert_int_equal(s.sig[SIGTERM], 1);
	assert_int_equal(s.last_exit_sig, SIGTERM);
}

static void expect_exec_error(const char *cmd, int err, const char *msg)
{
	char *argv[] = { (char *)cmd, NULL };
	struct rn_trace_config cfg;
	struct rn_backend *b;

	config(&cfg, argv, false);
	b = rn_ptrace_backend.open(&cfg);
	assert_non_null(b);
	assert_int_equal(rn_ptrace_backend.start(b), -err);
	assert_string_equal(rn_ptrace_backend.error(b), msg);
	rn_ptrace_backend.close(b);
}

static void test_exec_errors(void **state)
{
	(void)state;
	expect_exec_error("/nonexistent", ENOENT,
			  "cannot execute '/nonexistent': No such file or directory");
	expect_exec_error("/etc/passwd", EACCES,
			  "cannot execute '/etc/passwd': Permission denied");
	expect_exec_error("no-such-command-here", ENOENT,
			  "cannot execute 'no-such-command-here': No such file or directory");
	/* Found by PATH lookup: start succeeds and is reported. */
	{
		char *argv[] = { "true", NULL };
		struct seen s = { 0 };

		assert_int_equal(run_traced(argv, false, &s), 0);
		assert_int_equal(s.first_nr, SYS_execve);
		assert_non_null(strstr(s.first_path, "/true"));
	}
}

/* Run argv traced with its stdout in buf. */
static int run_captured(char **argv, bool follow, struct seen *s, char *buf, size_t len)
{
	char file[] = "/tmp/rn-out-XXXXXX";
	int fd = mkstemp(file), saved = dup(1), status;
	ssize_t n;

	assert_true(fd >= 0 && saved >= 0);
	fflush(stdout);
	dup2(fd, 1);
	status = run_traced(argv, follow, s);
	dup2(saved, 1);
	close(saved);
	n = pread(fd, buf, len - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(file);
	return status;
}

static void test_signals(void **state)
{
	char *argv[] = { (char *)tracee("sigrecv"), "5", NULL };
	struct seen s = { 0 };
	char out[256];
	int status;

	(void)state;
	status = run_captured(argv, false, &s, out, sizeof(out));
	assert_int_equal(status, 0);
	/* Delivered unchanged: the handler ran five times. */
	assert_string_equal(out, "sigrecv: usr1=5\n");
	/* Its write was captured at entry. */
	assert_string_equal(s.written, "sigrecv: usr1=5\n");
	assert_int_equal(s.sig[SIGUSR1], 5);
	assert_int_equal(s.sig_si_user, 5);
	assert_int_equal(s.sys[SYS_kill], 5);
}

static void test_fork(void **state)
{
	char *argv[] = { (char *)tracee("forker"), "fork", "3", NULL };
	char *vargv[] = { (char *)tracee("forker"), "vfork", "2", NULL };
	struct seen s = { 0 }, v = { 0 };

	(void)state;
	assert_int_equal(run_traced(argv, true, &s), 0);
	assert_int_equal(s.ntgids, 4);
	assert_int_equal(s.sys[SYS_getppid], 3);
	assert_int_equal(s.exits, 4);
	assert_int_equal(s.exit_code_sum, 21);
	assert_int_equal(s.sig[SIGCHLD], 3);
	assert_int_equal(s.entry_missed, 0);

	assert_int_equal(run_traced(vargv, true, &v), 0);
	assert_int_equal(v.ntgids, 3);
	assert_int_equal(v.sys[SYS_getppid], 2);
	assert_int_equal(v.sys[SYS_vfork], 2);
	assert_int_equal(v.exit_code_sum, 14);

	/* Without -f the children are not traced. */
	memset(&s, 0, sizeof(s));
	assert_int_equal(run_traced(argv, false, &s), 0);
	assert_int_equal(s.ntgids, 1);
	assert_int_equal(s.sys[SYS_getppid], 0);
}

static void test_threads(void **state)
{
	char *argv[] = { (char *)tracee("threads"), "4", "10", NULL };
	struct seen s = { 0 };

	(void)state;
	assert_int_equal(run_traced(argv, true, &s), 0);
	assert_int_equal(s.ntgids, 1);
	assert_int_equal(s.sys[SYS_getppid], 40);
	assert_int_equal(s.thread_exits, 4);
	assert_int_equal(s.exits, 1);
}

static void test_unfinished(void **state)
{
	char *argv[] = { (char *)tracee("exitcode"), "thread:5", NULL };
	struct seen s = { 0 };
	int status;

	(void)state;
	status = run_traced(argv, true, &s);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 5);
	/* The main thread's read never returns; the other's exit_group neither. */
	assert_int_equal(s.unfinished[SYS_read], 1);
	assert_int_equal(s.unfinished[SYS_exit_group], 1);
	assert_int_equal(s.last_exit_code, 5);
}

static void test_exec_thread(void **state)
{
	char *argv[] = { (char *)tracee("execthread"), (char *)tracee("exitcode"), "4", NULL };
	struct seen s = { 0 };
	int status;

	(void)state;
	status = run_traced(argv, true, &s);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 4);
	/* The first execve and the thread's, now under the leader's tid. */
	assert_int_equal(s.sys[SYS_execve], 2);
	assert_int_equal(s.leader_execve, 2);
	/* The leader's pthread_join futex never returned. */
	assert_true(s.unfinished[SYS_futex] >= 1);
	/* "+++ superseded by execve in pid T +++", T the thread's own tid */
	assert_int_equal(s.superseded, 1);
	assert_true(s.superseded_by > 0);
	assert_int_equal(s.exits, 1);
	assert_int_equal(s.last_exit_code, 4);
}

static int run_filtered(char **argv, const int *nrs, int n, struct seen *s)
{
	const struct rn_backend_ops *ops = &rn_ptrace_backend;
	struct rn_trace_config cfg;
	struct rn_backend *b;
	int rc, status;

	config(&cfg, argv, true);
	memset(cfg.syscalls, 0, sizeof(cfg.syscalls));
	for (int i = 0; i < n; i++)
		cfg.syscalls[nrs[i] / 64] |= 1ull << (nrs[i] % 64);
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), 0);
	while ((rc = ops->poll(b, -1, on_events, s)) > 0)
		;
	assert_int_equal(rc, 0);
	status = ops->exit_status(b);
	ops->close(b);
	return status;
}

/* -e trace=getppid,kill: only those, with or without the seccomp filter. */
static void test_filtered(void **state)
{
	char *fargv[] = { (char *)tracee("forker"), "fork", "3", NULL };
	char *sargv[] = { (char *)tracee("sigrecv"), "4", NULL };
	const int nrs[] = { SYS_getppid, SYS_kill };

	(void)state;
	for (int pass = 0; pass < 2; pass++) {
		struct seen s = { 0 }, g = { 0 };
		char out[128];

		setenv("RENACER_NO_SECCOMP", pass ? "1" : "0", 1);
		assert_int_equal(run_filtered(fargv, nrs, 2, &s), 0);
		assert_int_equal(s.sys[SYS_getppid], 3);
		assert_int_equal(s.total, 3);
		assert_int_equal(s.exits, 4);
		assert_int_equal(s.sig[SIGCHLD], 3);

		fflush(stdout);
		{
			char file[] = "/tmp/rn-out-XXXXXX";
			int fd = mkstemp(file), saved = dup(1);
			ssize_t n;

			dup2(fd, 1);
			assert_int_equal(run_filtered(sargv, nrs, 2, &g), 0);
			dup2(saved, 1);
			close(saved);
			n = pread(fd, out, sizeof(out) - 1, 0);
			out[n > 0 ? n : 0] = '\0';
			close(fd);
			unlink(file);
		}
		assert_string_equal(out, "sigrecv: usr1=4\n");
		assert_int_equal(g.sys[SYS_kill], 4);
		assert_int_equal(g.total, 4);
		assert_int_equal(g.sig[SIGUSR1], 4);
	}
	unsetenv("RENACER_NO_SECCOMP");
}

/*
 * The new child's first stop arriving before its parent's PTRACE_EVENT_FORK
 * or _CLONE (the kernel may report either first): forced here by holding the
 * parent's event back until the child has stopped, then handing both to the
 * backend's stop handler in that order.
 */
static void run_reordered(char **argv, struct seen *s, int *held)
{
	struct rn_trace_config cfg;
	struct rn_backend *b;
	int hstatus = 0, status;
	pid_t hpid = 0, pid;

	config(&cfg, argv, true);
	b = rn_ptrace_backend.open(&cfg);
	assert_non_null(b);
	assert_int_equal(rn_ptrace_backend.start(b), 0);
	while (pt_of(b)->ntasks) {
		pid = waitpid(-1, &status, __WALL);
		if (pid < 0)
			break;
		if (!hpid && WIFSTOPPED(status) &&
		    ((status >> 16) == PTRACE_EVENT_FORK || (status >> 16) == PTRACE_EVENT_CLONE)) {
			hpid = pid;	/* hold the parent's event back */
			hstatus = status;
			continue;
		}
		assert_int_equal(pt_handle(pt_of(b), pid, status, on_events, s), 0);
		if (hpid > 0 && pid != hpid) {
			assert_int_equal(pt_handle(pt_of(b), hpid, hstatus, on_events, s), 0);
			hpid = -1;
			(*held)++;
		}
	}
	rn_ptrace_backend.close(b);
}

static void test_child_first(void **state)
{
	char *fargv[] = { (char *)tracee("forker"), "fork", "1", NULL };
	char *targv[] = { (char *)tracee("threads"), "1", "3", NULL };
	struct seen f = { 0 }, t = { 0 };
	int held = 0;

	(void)state;
	run_reordered(fargv, &f, &held);
	assert_int_equal(held, 1);
	assert_int_equal(f.ntgids, 2);		/* the child is a process of its own */
	assert_int_equal(f.sys[SYS_getppid], 1);
	assert_int_equal(f.exit_code_sum, 7);
	assert_int_equal(f.exits, 2);
	run_reordered(targv, &t, &held);
	assert_int_equal(held, 2);
	assert_int_equal(t.ntgids, 1);		/* the thread belongs to the process */
	assert_int_equal(t.sys[SYS_getppid], 3);
	assert_int_equal(t.thread_exits, 1);
}

/* ---- -p and group-stops: a ticker that runs on its own ---- */

static pid_t start_ticker(const char *file)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		execl(tracee("ticker"), "ticker", file, "30", "2", (char *)NULL);
		_exit(127);
	}
	usleep(50000);
	return pid;
}

static long read_ticks(const char *file)
{
	char buf[64] = "";
	int fd = open(file, O_RDONLY);

	if (fd < 0)
		return -1;
	if (read(fd, buf, sizeof(buf) - 1) < 0)
		buf[0] = '\0';
	close(fd);
	return atol(buf);
}

static char proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return '?';
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return '?';
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] ? p[2] : '?';
}

static int tracer_of(pid_t pid)
{
	char path[64], line[128];
	int tracer = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "TracerPid: %d", &tracer) == 1)
			break;
	fclose(f);
	return tracer;
}

/* Poll for about ms milliseconds. */
static void poll_for(struct rn_backend *b, int ms, struct seen *s)
{
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if ((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 >= ms)
			return;
		assert_true(rn_ptrace_backend.poll(b, 10, on_events, s) >= 0);
	}
}

static void test_attach_detach(void **state)
{
	char file[] = "/tmp/rn-ticker-XXXXXX";
	struct rn_trace_config cfg;
	struct rn_backend *b;
	struct seen s = { 0 };
	pid_t pid;
	long t1, t2;
	int fd = mkstemp(file), status;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	pid = start_ticker(file);
	config(&cfg, NULL, false);
	cfg.pids = &pid;
	cfg.npids = 1;
	b = rn_ptrace_backend.open(&cfg);
	assert_non_null(b);
	assert_int_equal(rn_ptrace_backend.start(b), 0);
	poll_for(b, 200, &s);
	assert_int_equal(s.attach, 3);	/* the ticker and its two threads */
	assert_true(s.sys[SYS_clock_nanosleep] + s.sys[SYS_nanosleep] >= 5);
	assert_true(s.sys[SYS_pwrite64] >= 5);
	rn_ptrace_backend.detach(b, SIGTERM);
	assert_int_equal(rn_ptrace_backend.poll(b, -1, on_events, &s), 0);
	assert_int_equal(s.detach, 3);
	assert_int_equal(rn_ptrace_backend.exit_status(b), -1);
	rn_ptrace_backend.close(b);

	/* Still running, not stopped, and no longer traced. */
	t1 = read_ticks(file);
	usleep(100000);
	t2 = read_ticks(file);
	assert_true(t2 > t1);
	assert_true(proc_state(pid) != 't' && proc_state(pid) != 'T');
	assert_int_equal(tracer_of(pid), 0);
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	unlink(file);
}

/* A signal that arrives while we are letting go is not lost. */
static void test_detach_signal(void **state)
{
	char file[] = "/tmp/rn-out-XXXXXX", out[64] = "";
	struct rn_trace_config cfg;
	struct rn_backend *b;
	struct seen s = { 0 };
	int fd = mkstemp(file), status;
	pid_t pid;

	(void)state;
	assert_true(fd >= 0);
	pid = fork();
	if (pid == 0) {
		dup2(fd, 1);
		execl(tracee("sigrecv"), "sigrecv", (char *)NULL);
		_exit(127);
	}
	usleep(50000);
	config(&cfg, NULL, false);
	cfg.pids = &pid;
	cfg.npids = 1;
	b = rn_ptrace_backend.open(&cfg);
	assert_int_equal(rn_ptrace_backend.start(b), 0);
	poll_for(b, 100, &s);
	assert_int_equal(s.attach, 1);
	/* Poll up to the end of the interrupted pause(): the next stop is the
	 * signal-delivery-stop, left unpolled so detach() meets it. */
	kill(pid, SIGUSR1);
	for (int i = 0; i < 100 && !s.sys[SYS_pause]; i++)
		assert_true(rn_ptrace_backend.poll(b, 10, on_events, &s) >= 0);
	assert_int_equal(s.sys[SYS_pause], 1);
	usleep(20000);
	rn_ptrace_backend.detach(b, SIGTERM);
	assert_int_equal(s.sig[SIGUSR1], 0);
	assert_int_equal(rn_ptrace_backend.poll(b, -1, on_events, &s), 0);
	rn_ptrace_backend.close(b);
	usleep(50000);
	kill(pid, SIGTERM);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(pread(fd, out, sizeof(out) - 1, 0) > 0);
	close(fd);
	unlink(file);
	assert_non_null(strstr(out, "sigrecv: usr1=1\n"));
}

static void test_attach_errors(void **state)
{
	struct rn_trace_config cfg;
	struct rn_backend *b;
	pid_t pid = 0x3ffffff0;	/* above pid_max */
	char msg[128];

	(void)state;
	config(&cfg, NULL, false);
	cfg.pids = &pid;
	cfg.npids = 1;
	b = rn_ptrace_backend.open(&cfg);
	assert_non_null(b);
	assert_int_equal(rn_ptrace_backend.start(b), -ESRCH);
	snprintf(msg, sizeof(msg), "cannot attach to pid %d: No such process", pid);
	assert_string_equal(rn_ptrace_backend.error(b), msg);
	rn_ptrace_backend.close(b);

	/* Already traced (by a first instance): EPERM, and the first one keeps
	 * tracing it undisturbed. */
	{
		char *argv[] = { (char *)tracee("ticker"), "/dev/null", "1", NULL };
		struct rn_trace_config c1;
		struct rn_backend *first;
		struct seen s = { 0 };
		int rc;

		config(&c1, argv, false);
		first = rn_ptrace_backend.open(&c1);
		assert_int_equal(rn_ptrace_backend.start(first), 0);
		poll_for(first, 50, &s);
		pid = (pid_t)s.tgids[0];
		b = rn_ptrace_backend.open(&cfg);
		assert_int_equal(rn_ptrace_backend.start(b), -EPERM);
		snprintf(msg, sizeof(msg), "cannot attach to pid %d: Operation not permitted", pid);
		assert_string_equal(rn_ptrace_backend.error(b), msg);
		rn_ptrace_backend.close(b);
		while ((rc = rn_ptrace_backend.poll(first, -1, on_events, &s)) > 0)
			;
		assert_int_equal(rc, 0);
		assert_int_equal(rn_ptrace_backend.exit_status(first), 0);
		assert_true(s.sys[SYS_pwrite64] >= 50);
		rn_ptrace_backend.close(first);
	}
}

static void test_group_stop(void **state)
{
	char file[] = "/tmp/rn-ticker-XXXXXX";
	char *argv[] = { (char *)tracee("ticker"), file, "30", NULL };
	struct rn_trace_config cfg;
	struct rn_backend *b;
	struct seen s = { 0 };
	long t1, t2;
	int fd = mkstemp(file), rc;
	pid_t pid;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	config(&cfg, argv, false);
	b = rn_ptrace_backend.open(&cfg);
	assert_non_null(b);
	assert_int_equal(rn_ptrace_backend.start(b), 0);
	poll_for(b, 100, &s);
	pid = (pid_t)s.tgids[0];
	kill(pid, SIGSTOP);
	poll_for(b, 100, &s);
	assert_int_equal(s.sig[SIGSTOP], 1);
	assert_int_equal(s.stopped, 1);
	t1 = read_ticks(file);
	usleep(100000);
	t2 = read_ticks(file);
	assert_int_equal(t1, t2);	/* stopped, as it would be untraced */
	kill(pid, SIGCONT);
	poll_for(b, 100, &s);
	assert_int_equal(s.sig[SIGCONT], 1);
	assert_true(read_ticks(file) > t2);	/* running again */
	kill(pid, SIGKILL);
	while ((rc = rn_ptrace_backend.poll(b, -1, on_events, &s)) > 0)
		;
	assert_int_equal(rc, 0);
	assert_int_equal(s.last_exit_sig, SIGKILL);
	rc = rn_ptrace_backend.exit_status(b);
	assert_true(WIFSIGNALED(rc) && WTERMSIG(rc) == SIGKILL);
	rn_ptrace_backend.close(b);
	unlink(file);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readloop),
		cmocka_unit_test(test_getregs),
		cmocka_unit_test(test_user),
		cmocka_unit_test(test_eintr),
		cmocka_unit_test(test_exit_code),
		cmocka_unit_test(test_killed),
		cmocka_unit_test(test_exec_errors),
		cmocka_unit_test(test_signals),
		cmocka_unit_test(test_fork),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_unfinished),
		cmocka_unit_test(test_exec_thread),
		cmocka_unit_test(test_filtered),
		cmocka_unit_test(test_child_first),
		cmocka_unit_test(test_attach_detach),
		cmocka_unit_test(test_detach_signal),
		cmocka_unit_test(test_attach_errors),
		cmocka_unit_test(test_group_stop),
	};
	const char *b = getenv("B");
	char self[2048];
	ssize_t n;

	(void)argc;
	/* Tracees live next to this binary: B/tests/test_ptrace -> B/tracees. */
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		*strrchr(self, '/') = '\0';
		snprintf(tracee_dir, sizeof(tracee_dir), "%s/../tracees", self);
	} else {
		snprintf(tracee_dir, sizeof(tracee_dir), "%s/tracees", b ? b : "build");
	}
	if (access(tracee("readloop"), X_OK) || access(tracee("ticker"), X_OK)) {
		fprintf(stderr, "test_ptrace: SKIP: tracees not built in %s (make)\n", tracee_dir);
		return 0;
	}
	(void)argv;
	return cmocka_run_group_tests_name("ptrace", tests, NULL, NULL);
}
