// SPDX-License-Identifier: MIT
/* renacer: a system-call tracer with a ptrace and an eBPF backend. */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "../backends/backend.h"
#include "options.h"
#include "select.h"
#include "trace.h"

#define RENACER_VERSION "0.1.0"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

/* No SA_RESTART: a blocked wait must return EINTR so the loop can detach. */
static void install_signal_handlers(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

static void die(const char *msg, int code)
{
	fprintf(stderr, "renacer: %s\n", msg);
	exit(code);
}

static void build_config(const struct rn_opts *o, struct rn_trace_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->argv = o->argv;
	cfg->pids = o->pids;
	cfg->npids = o->npids;
	cfg->follow_forks = o->follow > 0;
	cfg->summary_only = o->summary;
	cfg->attach_all = o->all;
	cfg->cgroup = o->cgroup;
	cfg->uid = -1;
	cfg->gid = -1;
	cfg->strsize = o->dec.strsize;
	cfg->buffer_size = o->buffer_size;
	cfg->verbose = o->verbose;
	memset(cfg->syscalls, 0xff, sizeof(cfg->syscalls));
	if (o->user) {
		struct passwd *pw = getpwnam(o->user);

		if (!pw) {
			char msg[300];

			snprintf(msg, sizeof(msg), "cannot find user '%s'", o->user);
			die(msg, 1);
		}
		cfg->uid = pw->pw_uid;
		cfg->gid = pw->pw_gid;
	}
}

/* Exit codes of a shell that could not run a command. */
static int exec_failure_code(int err)
{
	return err == -ENOENT ? 127 : 126;
}

static int trace_loop(const struct rn_backend_ops *ops, struct rn_backend *b, struct rn_trace *t)
{
	int ret;

	for (;;) {
		if (interrupted) {
			ops->detach(b);
			interrupted = 0;
		}
		ret = ops->poll(b, -1, rn_trace_on_events, t);
		if (ret == -EINTR)
			continue;
		if (ret <= 0)
			return ret;
	}
}

/* strace's convention: exit with the command's code, or die of its signal. */
static int finish(const struct rn_backend_ops *ops, struct rn_backend *b)
{
	int status = ops->exit_status(b);
	struct rlimit no_core = { 0, 0 };

	if (status == -1)
		return 0;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		sigset_t set;

		setrlimit(RLIMIT_CORE, &no_core);
		signal(sig, SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
		return 128 + sig;
	}
	return 1;
}

static int run(const struct rn_opts *o)
{
	struct rn_trace_config cfg;
	const struct rn_backend_ops *ops;
	struct rn_backend *b;
	struct rn_trace t;
	char why[512], err[512];
	int ret, code;

	build_config(o, &cfg);
	ops = rn_select_backend(o, &cfg, why, sizeof(why), err, sizeof(err));
	if (!ops)
		die(err, 1);
	if (o->verbose)
		fprintf(stderr, "renacer: backend %s\n", why);
	if (rn_trace_init(&t, o, err, sizeof(err)))
		die(err, 1);
	b = ops->open(&cfg);
	if (!b) {
		snprintf(err, sizeof(err), "cannot start the %s backend: %s", ops->name,
			 strerror(errno));
		die(err, 1);
	}
	install_signal_handlers();
	ret = ops->start(b);
	if (ret) {
		snprintf(err, sizeof(err), "%s", ops->error(b));
		ops->close(b);
		die(err, o->argv ? exec_failure_code(ret) : 1);
	}
	ret = trace_loop(ops, b, &t);
	if (ret < 0 && ret != -EINTR) {
		fprintf(stderr, "renacer: %s\n", *ops->error(b) ? ops->error(b) : strerror(-ret));
		ops->detach(b);
	}
	if (rn_trace_flush(&t))
		fprintf(stderr, "renacer: cannot write to %s: %s\n", t.out_name,
			strerror(t.write_errno));
	if (t.lost)
		fprintf(stderr, "renacer: %llu events lost\n", (unsigned long long)t.lost);
	rn_trace_release(&t);
	code = finish(ops, b);
	ops->close(b);
	return ret < 0 ? 1 : code;
}

int main(int argc, char **argv)
{
	struct rn_opts o;
	char err[512];
	int code;

	if (rn_opts_parse(&o, argc, argv, err, sizeof(err)))
		die(err, 1);
	if (o.help) {
		rn_opts_usage(stdout);
		return 0;
	}
	if (o.version) {
		printf("renacer %s\n", RENACER_VERSION);
		return 0;
	}
	code = run(&o);
	rn_opts_release(&o);
	return code;
}
