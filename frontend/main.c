// SPDX-License-Identifier: MIT
/* renacer: a system-call tracer with a ptrace and an eBPF backend. */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <time.h>

#include "../backends/backend.h"
#include "../backends/spawn.h"
#include "../stats/analyze.h"
#include "../stats/stats.h"
#include "filter.h"
#include "ftime.h"
#include "options.h"
#include "privs.h"
#include "select.h"
#include "trace.h"

#define RENACER_VERSION "0.1.0"

static volatile sig_atomic_t interrupted;
static int fatal_signal;	/* the last SIGINT/SIGTERM/... renacer received */

static void on_signal(int sig)
{
	interrupted = sig;
}

/*
 * No SA_RESTART: a blocked wait must return EINTR so the loop can detach.
 * A signal ignored when renacer started (nohup, trap '' INT, a shell's
 * background job) stays ignored, by renacer and by the command, as strace.
 */
static void install_signal_handlers(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (!rn_spawn_signal_ignored(sigs[i]))
			sigaction(sigs[i], &sa, NULL);
}

static void die(const char *msg, int code)
{
	fprintf(stderr, "renacer: %s\n", msg);
	exit(code);
}

/* Both -z and -Z given (as strace, say that the last one wins). */
static bool z_and_Z(const struct rn_opts *o)
{
	bool z = false, Z = false;

	for (size_t i = 0; i < o->nfilters; i++) {
		z |= !strcmp(o->filters[i], "status=successful");
		Z |= !strcmp(o->filters[i], "status=failed");
	}
	return z && Z;
}

static void build_filter(const struct rn_opts *o, struct rn_filter *f)
{
	char err[512];

	rn_filter_init(f);
	for (size_t i = 0; i < o->nfilters; i++)
		if (rn_filter_apply(f, o->filters[i], err, sizeof(err)))
			die(err, 1);
	if (o->quiet && (f->given & RN_QUAL_QUIET))
		die("-q and -e quiet= cannot be used together", 1);
	if (o->quiet)
		rn_filter_quiet_level(f, o->quiet);
	if (z_and_Z(o))
		fprintf(stderr, "renacer: only the last of -z and -Z takes effect; "
			"-e status=SET combines them\n");
	for (size_t i = 0; i < f->npaths; i++)
		if (f->paths[i].resolved && !rn_filter_quiet(f, RN_QUIET_PATH_RESOLUTION))
			fprintf(stderr, "renacer: Requested path \"%s\" resolved into \"%s\"\n",
				f->paths[i].path, f->paths[i].resolved);
}

/* Can the backend aggregate -c by itself, without per-call records? Only
 * when nothing needs the individual calls. */
static bool summary_only(const struct rn_opts *o, const struct rn_filter *f)
{
	return o->summary && !o->summary_interval && !o->analyze && !o->function_time &&
	       !f->npaths && !(f->given & (RN_QUAL_STATUS | RN_QUAL_TRACE_FDS)) && !o->summary_by;
}

/* Does anything read the calls' timestamps or durations? */
static bool needs_time(const struct rn_opts *o)
{
	return o->format != RN_FMT_TEXT || o->tsmode != RN_TS_NONE || o->show_time ||
	       o->summary || o->summary_and_trace || o->summary_interval || o->analyze ||
	       o->function_time;
}

static void build_config(const struct rn_opts *o, const struct rn_filter *f,
			 struct rn_trace_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->argv = o->argv;
	cfg->pids = o->pids;
	cfg->npids = o->npids;
	cfg->follow_forks = o->follow > 0;
	cfg->summary_only = summary_only(o, f);
	cfg->attach_all = o->all;
	cfg->cgroup = o->cgroup;
	cfg->uid = -1;
	cfg->gid = -1;
	cfg->strsize = o->dec.strsize;
	cfg->buffer_size = o->buffer_size;
	cfg->fd_paths = o->dec.show_paths;
	cfg->verbose = o->verbose;
	cfg->capture_env = o->dec.verbose;
	cfg->no_seccomp = o->seccomp == 0;
	cfg->no_timing = !needs_time(o);
	if (o->seccomp == 1 && !(o->argv && o->follow))
		fprintf(stderr, "renacer: --seccomp-bpf applies only to a command started "
			"with -f; tracing without it\n");
	rn_filter_backend_syscalls(f, cfg->syscalls);
	/* -P and --trace-fds follow descriptors through calls of any outcome:
	 * only without them may the backend drop calls by status. */
	if (!f->npaths && !(f->given & RN_QUAL_TRACE_FDS)) {
		if (!(f->status & RN_STATUS_SUCCESSFUL))
			cfg->status_drop |= RN_DROP_OK;
		if (!(f->status & RN_STATUS_FAILED))
			cfg->status_drop |= RN_DROP_FAILED;
	}
	if (o->user) {
		char msg[300];

		if (rn_privs_user(o->user, &cfg->uid, &cfg->gid, msg, sizeof(msg)))
			die(msg, 1);
	}
}

/* A shell's codes when the command itself could not run (127 not found,
 * 126 not executable); 1 for any other failure to start tracing. */
static int exec_failure_code(const struct rn_opts *o, int err, const char *why)
{
	if (!o->argv || !why || strncmp(why, "cannot execute", 14))
		return 1;
	return err == -ENOENT ? 127 : 126;
}

static __u64 now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000 + (__u64)ts.tv_nsec / 1000000;
}

static FILE *summary_file(const struct rn_trace *t)
{
	return t->out ? t->out : stderr;
}

static void print_summary(const struct rn_opts *o, const struct rn_trace *t, const char *backend,
			  const char *title)
{
	struct rn_stats_print_opts po = {
		.extended = o->stats_extended,
		.histogram = o->histogram,
		.backend = backend,
		.title = title,
	};
	__u64 set[RN_BITMAP_WORDS];
	struct rn_filter hf;
	char err[256];

	if (o->sort_by)
		rn_stats_sort_parse(o->sort_by, &po.sort);	/* checked by check_summary_opts() */
	if (o->histogram_set) {
		rn_filter_init(&hf);
		if (rn_filter_parse_qual(&hf, "trace", o->histogram_set, err, sizeof(err)))
			die(err, 1);
		memcpy(set, hf.syscalls, sizeof(set));
		po.histogram_set = set;
		rn_filter_release(&hf);
	}
	if (o->format == RN_FMT_JSON)
		rn_stats_print_json(t->stats, summary_file(t), &po);
	else
		rn_stats_print(t->stats, summary_file(t), &po);
	fflush(summary_file(t));
}

/* --summary-interval: print the summary so far, then start over. */
static void interval_tick(const struct rn_opts *o, struct rn_trace *t, const char *backend,
			  __u64 *next)
{
	char title[64];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(title, sizeof(title), "--- summary at %H:%M:%S ---", &tm);
	print_summary(o, t, backend, title);
	rn_stats_reset(t->stats);
	*next += (__u64)(o->summary_interval * 1000);
}

static void on_alarm(int sig)
{
	(void)sig;	/* only there to interrupt the backend's wait */
}

/*
 * --summary-interval: a periodic SIGALRM (without SA_RESTART) interrupts the
 * backend's blocking wait, so the tracee never waits for a polling loop.
 */
static void start_interval_timer(double seconds)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it;
	long usec = (long)(seconds * 1e6);

	if (usec < 1000)
		usec = 1000;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	it.it_interval.tv_sec = usec / 1000000;
	it.it_interval.tv_usec = usec % 1000000;
	it.it_value = it.it_interval;
	setitimer(ITIMER_REAL, &it, NULL);
}

static int trace_loop(const struct rn_opts *o, const struct rn_backend_ops *ops,
		      struct rn_backend *b, struct rn_trace *t)
{
	__u64 next = now_ms() + (__u64)(o->summary_interval * 1000);
	int ret;

	if (o->summary_interval && t->stats)
		start_interval_timer(o->summary_interval);
	for (;;) {
		if (interrupted) {
			fatal_signal = interrupted;
			ops->detach(b, fatal_signal);
			interrupted = 0;
		}
		if (o->summary_interval && t->stats && now_ms() >= next)
			interval_tick(o, t, ops->name, &next);
		ret = ops->poll(b, -1, rn_trace_on_events, t);
		if (ret == -EINTR)
			continue;
		if (ret <= 0)
			return ret;
	}
}

/* -c: the backend's own aggregates when it made them, else what the events
 * fed in along the way. */
static void finish_summary(const struct rn_opts *o, const struct rn_trace_config *cfg,
			   const struct rn_backend_ops *ops, struct rn_backend *b,
			   struct rn_trace *t)
{
	if (!t->stats)
		return;
	if (cfg->summary_only && ops->aggregates) {
		int ret = ops->aggregates(b, rn_stats_add_agg, t->stats);

		if (ret && ret != -ENOTSUP)
			fprintf(stderr, "renacer: cannot read the kernel's totals: %s\n",
				strerror(-ret));
	}
	print_summary(o, t, ops->name, NULL);
}

static struct rn_analyze_opts analyze_opts(const struct rn_opts *o)
{
	struct rn_analyze_opts a = {
		.window_sec = o->window_sec,
		.window_calls = o->window_calls ? o->window_calls : 100,
		.features = 8,
		.clusters = o->clusters ? o->clusters : 3,
		.seed = o->seed ? o->seed : 1,
		.anomaly_threshold = o->anomaly_threshold > 0 ? o->anomaly_threshold : 3.0,
		.anomaly_window = o->anomaly_window ? o->anomaly_window : 100,
		.anomaly_realtime = o->anomaly_realtime,
		.realtime_out = stderr,
		.top_pairs = 10,
		.top_anomalies = 20,
		.json = o->format == RN_FMT_JSON,
	};

	return a;
}

/* renacer analyze TRACE.jsonl */
static int analyze_file(const struct rn_opts *o)
{
	struct rn_analyze_opts ao = analyze_opts(o);
	FILE *in = strcmp(o->analyze_file, "-") ? fopen(o->analyze_file, "r") : stdin;
	char msg[600];
	int ret;

	if (!in) {
		snprintf(msg, sizeof(msg), "cannot open '%s': %s", o->analyze_file,
			 strerror(errno));
		die(msg, 1);
	}
	ret = rn_analyze_file(in, stdout, &ao);
	if (in != stdin)
		fclose(in);
	if (ret < 0) {
		snprintf(msg, sizeof(msg), "cannot analyze '%s': %s", o->analyze_file,
			 strerror(-ret));
		die(msg, 1);
	}
	return 0;
}

/* Summary options are checked before anything runs, not after the trace. */
static void check_summary_opts(const struct rn_opts *o)
{
	enum rn_stats_sort sort;
	struct rn_filter hf;
	char err[512];

	if (o->sort_by && rn_stats_sort_parse(o->sort_by, &sort))
		die("invalid -S: use time, calls, errors, name, avg, min, max, p99 or none", 1);
	if ((o->sort_by || o->stats_extended || o->summary_by || o->histogram ||
	     o->summary_interval) && !o->summary && !o->summary_and_trace)
		die("-S, --stats-extended, --summary-by, --summary-interval and --histogram "
		    "need -c or -C", 1);
	if (o->histogram_set) {
		rn_filter_init(&hf);
		if (rn_filter_parse_qual(&hf, "trace", o->histogram_set, err, sizeof(err)))
			die(err, 1);
		rn_filter_release(&hf);
	}
}

static void setup_sinks(const struct rn_opts *o, struct rn_trace *t)
{
	enum rn_stats_key key = RN_STATS_BY_SYSCALL;

	if (o->summary || o->summary_and_trace) {
		if (o->summary_by)
			rn_stats_key_parse(o->summary_by, &key);
		t->stats = rn_stats_new(key);
		if (!t->stats)
			die("out of memory", 1);
	}
	if (o->analyze) {
		struct rn_analyze_opts ao = analyze_opts(o);

		t->analyze = rn_analyze_new(&ao);
		if (!t->analyze)
			die("out of memory", 1);
	}
}

static void release_sinks(struct rn_trace *t)
{
	if (t->stats)
		rn_stats_free(t->stats);
	if (t->analyze)
		rn_analyze_free(t->analyze);
}

/* The trace went to a pipe whose reader is gone, and SIGPIPE was not
 * ignored when renacer started (then EPIPE is a plain write error). */
static bool output_gone(const struct rn_trace *t)
{
	return t->write_errno == EPIPE && !rn_spawn_signal_ignored(SIGPIPE);
}

/* Die of sig as the command did (no core file of our own), as strace does. */
static int die_of_signal(int sig)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t set;

	fflush(NULL);
	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	return 128 + sig;
}

/* strace's convention: exit with the command's code, or die of its signal;
 * a spawned command cut short by our own SIGINT/SIGTERM/SIGHUP: die of that. */
static int finish(const struct rn_opts *o, const struct rn_backend_ops *ops,
		  struct rn_backend *b)
{
	int status = ops->exit_status(b);

	if (status == -1)
		return o->argv && fatal_signal ? die_of_signal(fatal_signal) : 0;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return die_of_signal(WTERMSIG(status));
	return 1;
}

static int run(const struct rn_opts *o)
{
	struct rn_trace_config cfg;
	struct rn_filter filter;
	const struct rn_backend_ops *ops;
	struct rn_backend *b;
	struct rn_trace t;
	char why[512], err[512];
	int ret, code;

	check_summary_opts(o);
	build_filter(o, &filter);
	build_config(o, &filter, &cfg);
	ops = rn_select_backend(o, &cfg, why, sizeof(why), err, sizeof(err));
	if (!ops)
		die(err, 1);
	if (o->verbose)
		fprintf(stderr, "renacer: backend %s\n", why);
	if (rn_trace_init(&t, o, err, sizeof(err)))
		die(err, 1);
	t.filter = &filter;
	setup_sinks(o, &t);
	b = ops->open(&cfg);
	if (!b && o->backend == RN_BACKEND_AUTO && ops == &rn_ebpf_backend && !o->all &&
	    !o->cgroup) {
		/* The probe said yes but loading failed (verifier, memlock, ...):
		 * auto still owes the user a trace. */
		if (o->verbose)
			fprintf(stderr, "renacer: eBPF failed to load (%s): using ptrace\n",
				*ops->error(NULL) ? ops->error(NULL) : strerror(errno));
		ops = &rn_ptrace_backend;
		b = ops->open(&cfg);
	}
	if (!b) {
		int saved = errno;
		const char *reason = ops->error ? ops->error(NULL) : "";

		snprintf(err, sizeof(err), "cannot start the %s backend: %s", ops->name,
			 *reason ? reason : strerror(saved));
		die(err, 1);
	}
	install_signal_handlers();
	ret = ops->start(b);
	if (ret) {
		const char *reason = ops->error(b);

		if (reason && *reason)
			snprintf(err, sizeof(err), "%s", reason);
		else
			snprintf(err, sizeof(err), "cannot start tracing: %s", strerror(-ret));
		ops->close(b);	/* frees reason: err holds the copy */
		die(err, exec_failure_code(o, ret, err));
	}
	ret = trace_loop(o, ops, b, &t);
	if (ret < 0 && output_gone(&t)) {
		/* renacer ... | head: end the trace as on SIGPIPE (the command
		 * gets it, -p targets are let go), then die of it, as strace. */
		fatal_signal = SIGPIPE;
		ops->detach(b, SIGPIPE);
		interrupted = 0;
	} else if (ret < 0 && ret != -EINTR) {
		/* A write error is reported once, with the file name, below. */
		if (!t.write_errno)
			fprintf(stderr, "renacer: %s\n",
				*ops->error(b) ? ops->error(b) : strerror(-ret));
		ops->detach(b, 0);	/* an output error: leave the command running */
	}
	finish_summary(o, &cfg, ops, b, &t);
	if (t.ftime)
		rn_ftime_print(t.ftime, o->format == RN_FMT_JSON, summary_file(&t));
	if (t.analyze)
		rn_analyze_report(t.analyze, summary_file(&t));
	if (rn_trace_flush(&t) && !output_gone(&t)) {
		if (t.open_err[0])
			fprintf(stderr, "renacer: %s\n", t.open_err);
		else
			fprintf(stderr, "renacer: cannot write to %s: %s\n", t.out_name,
				strerror(t.write_errno));
		ret = -t.write_errno;	/* the trace is incomplete: exit 1 */
	}
	if (t.lost)
		fprintf(stderr, "renacer: %llu events lost\n", (unsigned long long)t.lost);
	if (t.stats && rn_stats_dropped(t.stats))
		fprintf(stderr, "renacer: %llu calls left out of the summary (out of memory)\n",
			(unsigned long long)rn_stats_dropped(t.stats));
	rn_trace_release(&t);
	release_sinks(&t);
	rn_filter_release(&filter);
	code = finish(o, ops, b);
	ops->close(b);
	if (output_gone(&t))
		return die_of_signal(SIGPIPE);
	return ret < 0 ? 1 : code;
}

int main(int argc, char **argv)
{
	struct rn_opts o;
	char err[512];
	int code;

	rn_spawn_save_signals();
	if (rn_privs_drop() < 0)
		die("cannot drop the privileges of a setuid install", 1);
	if (rn_opts_parse(&o, argc, argv, err, sizeof(err)))
		die(err, 1);
	if (o.help) {
		if (o.help_analyze)
			rn_opts_usage_analyze(stdout);
		else
			rn_opts_usage(stdout);
		return 0;
	}
	if (o.version) {
		printf("renacer %s\n", RENACER_VERSION);
		return 0;
	}
	rn_escape_set_hex(o.xflag);
	code = o.analyze_file ? analyze_file(&o) : run(&o);
	rn_opts_release(&o);
	return code;
}
