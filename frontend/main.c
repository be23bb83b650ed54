// SPDX-License-Identifier: MIT
/* renacer: a system-call tracer with a ptrace and an eBPF backend. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <limits.h>

#include "../backends/backend.h"
#include "../backends/spawn.h"
#include "../backends/wake.h"
#include "../stats/analyze.h"
#include "../stats/stats.h"
#include "cgroup.h"
#include "export.h"
#include "filter.h"
#include "options.h"
#include "privs.h"
#include "record.h"
#include "select.h"
#include "sink.h"
#include "trace.h"
#include "sample.h"

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
	/* The dumps are lines of the text trace; the other formats have no
	 * place for them, and a flag must never be accepted for nothing. */
	if (o->format != RN_FMT_TEXT && (f->read_fds.n || f->read_fds.inv || f->write_fds.n ||
					 f->write_fds.inv))
		die("-e read= and -e write= dump data in the text trace only (not with --format)",
		    1);
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
	bool metrics_only = rn_opts_metrics(o) && !o->summary_and_trace;

	return (o->summary || metrics_only) && !o->summary_interval && !o->analyze &&
	       !o->function_time && !o->inflight_ms &&
	       !f->npaths && !(f->given & (RN_QUAL_STATUS | RN_QUAL_TRACE_FDS)) && !o->summary_by;
}

/* Does anything read the calls' timestamps or durations? */
static bool needs_time(const struct rn_opts *o)
{
	return (rn_format_get(o->format)->flags & RN_FORMAT_TIMED) ||
	       o->tsmode != RN_TS_NONE || o->show_time || o->relative ||
	       o->summary || o->summary_and_trace || o->summary_interval || o->analyze ||
	       rn_opts_metrics(o) ||
	       o->function_time || o->inflight_ms > 0;
}

/* --cgroup PATH or container id to the directory traced (kept to exit). */
static const char *resolve_cgroup(const char *arg)
{
	static char *dir;
	char msg[PATH_MAX + 200];

	free(dir);
	dir = rn_cgroup_resolve(arg, msg, sizeof(msg));
	if (!dir)
		die(msg, 1);
	return dir;
}

static void build_config(const struct rn_opts *o, const struct rn_filter *f,
			 struct rn_trace_config *cfg)
{
	char err[300];

	memset(cfg, 0, sizeof(*cfg));
	cfg->argv = o->argv;
	cfg->pids = o->pids;
	cfg->npids = o->npids;
	cfg->follow_forks = o->follow > 0;
	cfg->summary_only = summary_only(o, f);
	cfg->attach_all = o->all;
	cfg->cgroup = o->cgroup ? resolve_cgroup(o->cgroup) : NULL;
	cfg->comms = o->comms;
	cfg->ncomms = o->ncomms;
	cfg->uid = -1;
	cfg->gid = -1;
	cfg->strsize = o->dec.strsize;
	cfg->buffer_size = o->buffer_size;
	cfg->fd_paths = o->dec.show_paths;
	cfg->stacks = o->stack || o->source || o->function_time;
	cfg->verbose = o->verbose;
	cfg->capture_env = o->dec.verbose;
	cfg->no_seccomp = o->seccomp == 0;
	cfg->no_timing = !needs_time(o);
	/* the calls' entries: for the text trace, or for --inflight */
	cfg->entry_notices = rn_trace_shows_entries(o, f) || o->inflight_ms > 0;
	cfg->inflight_ns = (__u64)(o->inflight_ms * 1e6);
	if (o->seccomp == 1 && !(o->argv && o->follow))
		fprintf(stderr, "renacer: --seccomp-bpf applies only to a command started "
			"with -f; tracing without it\n");
	rn_filter_backend_syscalls(f, cfg->syscalls);
	cfg->inject = f->inject;
	rn_sample_config(o, cfg);
	cfg->no_signals = rn_filter_no_signals(f);
	if (rn_sample_check(o, f, err, sizeof(err)))
		die(err, 1);
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

static int trace_loop(struct rn_backend *b, struct rn_trace *t)
{
	int ret;

	for (;;) {
		if (interrupted) {
			fatal_signal = interrupted;
			rn_backend_detach(b, fatal_signal);
			interrupted = 0;
		}
		rn_trace_tick(t);
		ret = rn_backend_poll(b, -1, rn_trace_on_events, t);
		if (ret == -EINTR)
			continue;
		if (ret <= 0)
			break;
	}
	if (ret < 0 && rn_trace_output_gone(t)) {
		/* renacer ... | head: end the trace as on SIGPIPE (the command
		 * gets it, -p targets are let go), then die of it, as strace. */
		fatal_signal = SIGPIPE;
		rn_backend_detach(b, SIGPIPE);
		interrupted = 0;
	} else if (ret < 0 && ret != -EINTR) {
		/* A write error is reported once, with the file name, at the end. */
		if (!rn_trace_write_error(t))
			fprintf(stderr, "renacer: %s\n",
				*rn_backend_error(b) ? rn_backend_error(b) : strerror(-ret));
		rn_backend_detach(b, 0);	/* an output error: leave the command running */
	}
	return ret;
}

/* renacer analyze TRACE.jsonl */
static int analyze_file(const struct rn_opts *o)
{
	struct rn_analyze_opts ao;
	FILE *in = strcmp(o->analyze_file, "-") ? fopen(o->analyze_file, "r") : stdin;
	char msg[600];
	int ret;

	rn_sink_analyze_opts(o, &ao);
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
	     o->summary_interval) && !o->summary && !o->summary_and_trace &&
	    !(rn_opts_metrics(o) && !o->sort_by && !o->stats_extended && !o->histogram &&
	      !o->summary_interval))
		die("-S, --stats-extended, --summary-by, --summary-interval and --histogram "
		    "need -c or -C (--summary-by: or --metrics)", 1);
	if (o->histogram_set) {
		rn_filter_init(&hf);
		if (rn_filter_parse_qual(&hf, "trace", o->histogram_set, err, sizeof(err)))
			die(err, 1);
		rn_filter_release(&hf);
	}
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
static int finish(const struct rn_opts *o, const struct rn_backend *b)
{
	int status = rn_backend_exit_status(b);

	if (status == -1)
		return o->argv && fatal_signal ? die_of_signal(fatal_signal) : 0;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return die_of_signal(WTERMSIG(status));
	return 1;
}

/* --backend: the choice, said with --debug. */
static const struct rn_backend_ops *select_backend(const struct rn_opts *o,
						   const struct rn_trace_config *cfg)
{
	const struct rn_backend_ops *ops;
	char why[512], err[512];

	ops = rn_select_backend(o, cfg, why, sizeof(why), err, sizeof(err));
	if (!ops)
		die(err, 1);
	if (o->verbose)
		fprintf(stderr, "renacer: backend %s\n", why);
	return ops;
}

static void start_backend(const struct rn_opts *o, struct rn_backend *b)
{
	char err[512];
	int ret = rn_backend_start(b);

	if (!ret)
		return;
	if (*rn_backend_error(b))
		snprintf(err, sizeof(err), "%s", rn_backend_error(b));
	else
		snprintf(err, sizeof(err), "cannot start tracing: %s", strerror(-ret));
	rn_backend_close(b);	/* frees the reason: err holds the copy */
	die(err, exec_failure_code(o, ret, err));
}

static int record_loop(struct rn_backend *b, struct rn_record *rec)
{
	int ret;

	for (;;) {
		if (interrupted) {
			fatal_signal = interrupted;
			rn_backend_detach(b, fatal_signal);
			interrupted = 0;
		}
		ret = rn_backend_poll(b, -1, rn_record_on_events, rec);
		if (ret == -EINTR)
			continue;
		if (ret <= 0)
			break;
	}
	if (ret < 0) {
		fprintf(stderr, "renacer: %s\n",
			*rn_backend_error(b) ? rn_backend_error(b) : strerror(-ret));
		rn_backend_detach(b, 0);	/* an output error: leave the command running */
	}
	return ret;
}

/* renacer record -o TRACE.rnb: every record the options select, undecoded,
 * with times (the report may ask for -T, -t or -c). */
static int record(const struct rn_opts *o)
{
	const char *why = rn_record_refused(o);
	struct rn_trace_config cfg;
	struct rn_opts ro;
	struct rn_filter filter;
	struct rn_record rec;
	struct rn_backend *b;
	char err[512];
	int ret, wret;

	if (why)
		die(why, 1);
	check_summary_opts(o);
	build_filter(o, &filter);
	build_config(o, &filter, &cfg);
	cfg.summary_only = false;
	cfg.no_timing = false;
	/* a recording is for bursts no formatter keeps up with: a deeper ring
	 * rides out the moments the reader is off the CPU */
	if (!cfg.buffer_size)
		cfg.buffer_size = RN_RECORD_RING;
	/* stacks are recorded raw by the eBPF backend alone: auto picks it */
	ro = *o;
	ro.ptrace_preferred = ro.ptrace_preferred && !cfg.stacks;
	b = rn_select_open(o, &cfg, select_backend(&ro, &cfg), err, sizeof(err));
	if (!b)
		die(err, 1);
	if ((cfg.stacks && rn_record_stacks(&rec, b, err, sizeof(err))) ||
	    rn_record_init(&rec, o, &filter, rn_backend_name(b), cfg.entry_notices, err,
			   sizeof(err))) {
		rn_backend_close(b);
		die(err, 1);
	}
	install_signal_handlers();
	start_backend(o, b);
	/* the command runs at its own priority; the reader drains ahead of it */
	if (setpriority(PRIO_PROCESS, 0, -10) && o->verbose)
		fprintf(stderr, "renacer: cannot raise the reader's priority: %s\n",
			strerror(errno));
	ret = record_loop(b, &rec);
	rn_wake_stop();
	wret = rn_record_finish(&rec, rn_backend_exit_status(b));
	rn_filter_release(&filter);
	if (ret < 0 || wret) {
		rn_backend_close(b);
		return 1;
	}
	ret = finish(o, b);
	rn_backend_close(b);
	return ret;
}

static int run(const struct rn_opts *o)
{
	struct rn_trace_config cfg;
	const struct rn_backend_ops *ops;
	struct rn_filter filter;
	struct rn_backend *b;
	struct rn_trace t;
	char err[512] = "";
	int ret, code;
	bool gone;

	check_summary_opts(o);
	build_filter(o, &filter);
	build_config(o, &filter, &cfg);
	/* renacer report TRACE.rnb: the file is the backend */
	b = o->rnb_in ? rn_report_open(o, &cfg, err, sizeof(err)) : NULL;
	if (o->rnb_in && !b)
		die(err, 1);
	ops = b ? NULL : select_backend(o, &cfg);
	if (rn_trace_init(&t, o, &filter, &cfg, err, sizeof(err)) ||
	    rn_trace_stage_setup(&t, &cfg, ops ? ops->name : "file"))
		die(*err ? err : "out of memory", 1);
	if (!b)
		b = rn_select_open(o, &cfg, ops, err, sizeof(err));
	if (!b)
		die(err, 1);
	rn_trace_set_backend(&t, b);
	if (o->rnb_in)	/* -Y: the recorded names, not this machine's */
		rn_comm_offline(&t.comm, rn_report_comm, b);
	install_signal_handlers();
	start_backend(o, b);
	ret = trace_loop(b, &t);
	rn_wake_stop();	/* no tick may cut the final reports short */
	ret = rn_trace_finish(&t, ret);
	if (o->verbose)
		rn_say_cpu();
	gone = rn_trace_output_gone(&t);
	code = finish(o, b);
	/* the backend first: its reader threads (--readers) use the session */
	rn_backend_close(b);
	rn_trace_release(&t);
	rn_filter_release(&filter);
	if (gone)
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
	/* renacer export: a subcommand with options of its own */
	if (argc > 1 && !strcmp(argv[1], "export")) {
		if (rn_export_main(argc - 1, argv + 1, err, sizeof(err)))
			die(err, 1);
		return 0;
	}
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
	code = o.analyze_file ? analyze_file(&o) : o.report_file ? rn_report_run(&o) :
	       o.record ? record(&o) : run(&o);
	rn_opts_release(&o);
	return code;
}
