// SPDX-License-Identifier: MIT
/* Option parsing. Flags follow strace's where renacer offers the same thing. */
#include "options.h"
#include "format.h"
#include "sample.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum {
	OPT_BACKEND = 256,
	OPT_FORMAT,
	OPT_BUFSIZE,
	OPT_READERS,
	OPT_ALL,
	OPT_CGROUP,
	OPT_COMM,
	OPT_STATS_EXT,
	OPT_DEBUG,
	OPT_HELP,
	OPT_VERSION,
	OPT_SOURCE,
	OPT_FTIME,
	OPT_SUMMARY_ONLY,
	OPT_SUMMARY_BY,
	OPT_SUMMARY_INTERVAL,
	OPT_INFLIGHT,
	OPT_HISTOGRAM,
	OPT_ANALYZE,
	OPT_CLUSTERS,
	OPT_SEED,
	OPT_ANOM_THRESHOLD,
	OPT_ANOM_WINDOW,
	OPT_ANOM_REALTIME,
	OPT_WINDOW,
	OPT_WINDOW_CALLS,
	OPT_TOP,
	OPT_HTML,
	OPT_TRACE_FDS,
	OPT_SECCOMP,
	OPT_NO_SECCOMP,
	OPT_METRICS,
	OPT_STACK_FORMAT,
	OPT_METRICS_FILE,
	OPT_DECODE_PIDS,
	OPT_SAMPLE,
	OPT_RATE_LIMIT,
};

static const struct option long_opts[] = {
	{ "backend", required_argument, NULL, OPT_BACKEND },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "buffer-size", required_argument, NULL, OPT_BUFSIZE },
	{ "readers", required_argument, NULL, OPT_READERS },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "cgroup", required_argument, NULL, OPT_CGROUP },
	{ "comm", required_argument, NULL, OPT_COMM },
	{ "stats-extended", no_argument, NULL, OPT_STATS_EXT },
	{ "debug", no_argument, NULL, OPT_DEBUG },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "source", optional_argument, NULL, OPT_SOURCE },
	{ "function-time", no_argument, NULL, OPT_FTIME },
	{ "summary-only", no_argument, NULL, OPT_SUMMARY_ONLY },
	{ "summary-by", required_argument, NULL, OPT_SUMMARY_BY },
	{ "summary-interval", required_argument, NULL, OPT_SUMMARY_INTERVAL },
	{ "inflight", required_argument, NULL, OPT_INFLIGHT },
	{ "metrics", required_argument, NULL, OPT_METRICS },
	{ "stack-format", required_argument, NULL, OPT_STACK_FORMAT },
	{ "metrics-file", required_argument, NULL, OPT_METRICS_FILE },
	{ "histogram", optional_argument, NULL, OPT_HISTOGRAM },
	{ "analyze", no_argument, NULL, OPT_ANALYZE },
	{ "clusters", required_argument, NULL, OPT_CLUSTERS },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "anomaly-threshold", required_argument, NULL, OPT_ANOM_THRESHOLD },
	{ "anomaly-window", required_argument, NULL, OPT_ANOM_WINDOW },
	{ "anomaly-realtime", no_argument, NULL, OPT_ANOM_REALTIME },
	{ "window", required_argument, NULL, OPT_WINDOW },
	{ "window-calls", required_argument, NULL, OPT_WINDOW_CALLS },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "html", required_argument, NULL, OPT_HTML },
	{ "trace-fds", required_argument, NULL, OPT_TRACE_FDS },
	{ "seccomp-bpf", no_argument, NULL, OPT_SECCOMP },
	{ "no-seccomp-bpf", no_argument, NULL, OPT_NO_SECCOMP },
	{ "output", required_argument, NULL, 'o' },
	{ "summary", no_argument, NULL, 'c' },
	{ "summary-with-output", no_argument, NULL, 'C' },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "attach", required_argument, NULL, 'p' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "syscall-times", no_argument, NULL, 'T' },
	{ "relative-timestamps", no_argument, NULL, 'r' },
	{ "decode-pids", required_argument, NULL, OPT_DECODE_PIDS },
	{ "sample", required_argument, NULL, OPT_SAMPLE },
	{ "rate-limit", required_argument, NULL, OPT_RATE_LIMIT },
	{ "summary-sort-by", required_argument, NULL, 'S' },
	{ "user", required_argument, NULL, 'u' },
	{ "expr", required_argument, NULL, 'e' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "decode-fds", no_argument, NULL, 'y' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "stack-traces", no_argument, NULL, 'k' },
	{ NULL, 0, NULL, 0 },
};

static int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* A whole non-negative decimal number that fits in max, or -1. */
static long long parse_num(const char *s, long long max)
{
	char *end;
	long long v;

	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	return v;
}

/* A finite number greater than zero, or -1. */
static double parse_positive(const char *s)
{
	char *end;
	double v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || !(v > 0) || v > 1e9)
		return -1;
	return v;
}

static int add_pid(struct rn_opts *o, pid_t pid)
{
	pid_t *p;

	/* -p X -p X (or -p X,X): one process, attached once */
	for (size_t i = 0; i < o->npids; i++)
		if (o->pids[i] == pid)
			return 0;
	p = realloc(o->pids, (o->npids + 1) * sizeof(*p));
	if (!p)
		return -ENOMEM;
	o->pids = p;
	o->pids[o->npids++] = pid;
	return 0;
}

/* -p PID[,PID...]: commas or blanks between ids; an empty one ("1,,2",
 * "1,") is an error. */
static int add_pids(struct rn_opts *o, const char *arg, char *err, size_t errlen)
{
	const char *p = arg;
	char tok[32];

	for (;;) {
		size_t n;
		long long pid;

		p += strspn(p, " \t");
		n = strcspn(p, ", \t");
		if (!n)
			return fail(err, errlen, "invalid process id list: '%s'", arg);
		snprintf(tok, sizeof(tok), "%.*s", (int)(n < sizeof(tok) ? n : sizeof(tok) - 1), p);
		pid = n < sizeof(tok) ? parse_num(tok, INT_MAX) : -1;
		if (pid <= 0)
			return fail(err, errlen, "invalid process id: '%.*s'", (int)n, p);
		if (add_pid(o, (pid_t)pid))
			return -ENOMEM;
		p += n;
		p += strspn(p, " \t");
		if (!*p)
			return 0;
		if (*p == ',')
			p++;
	}
}

/* Keep filter words in order; the filter parser sees them as -e would. */
static int add_filter(struct rn_opts *o, const char *prefix, const char *arg)
{
	size_t n = strlen(prefix) + strlen(arg) + 1;
	char **f = realloc(o->filters, (o->nfilters + 1) * sizeof(*f));

	if (!f)
		return -ENOMEM;
	o->filters = f;
	f[o->nfilters] = malloc(n);
	if (!f[o->nfilters])
		return -ENOMEM;
	snprintf(f[o->nfilters++], n, "%s%s", prefix, arg);
	return 0;
}

static void set_ptrace_only(struct rn_opts *o, const char *why)
{
	o->ptrace_only = true;
	if (!o->ptrace_only_why)
		o->ptrace_only_why = why;
}

/* Both backends can, but auto picks ptrace: its unwinder needs no frame
 * pointers (the eBPF backend's does beyond the stack it copies). */
static void set_ptrace_preferred(struct rn_opts *o, const char *why)
{
	o->ptrace_preferred = true;
	if (!o->ptrace_preferred_why)
		o->ptrace_preferred_why = why;
}

/* -k, --source and --function-time need the unwinder (backends/ptrace/unwind.c). */
static int need_unwinder(char *err, size_t errlen, const char *opt)
{
#ifdef RN_HAVE_DWARF
	(void)err, (void)errlen, (void)opt;
	return 0;
#else
	return fail(err, errlen, "%s: renacer was built without libdwarf/libunwind", opt);
#endif
}

/* --inflight, --stack-format, --metrics, --metrics-file: outputs beside the trace. */
static int parse_output_opt(struct rn_opts *o, int c, char *err, size_t errlen)
{
	double d;

	switch (c) {
	case OPT_INFLIGHT:
		d = parse_positive(optarg);
		if (d < 0)
			return fail(err, errlen, "invalid --inflight '%s': a number of "
				    "milliseconds greater than 0", optarg);
		o->inflight_ms = d;
		return 0;
	case OPT_STACK_FORMAT:
		if (!strcmp(optarg, "text")) {
			o->stack_folded = false;
			return 0;
		}
		if (strcmp(optarg, "folded"))
			return fail(err, errlen, "invalid --stack-format '%s': use text or folded",
				    optarg);
		/* the stacks of -k, counted instead of printed under each call */
		set_ptrace_preferred(o, "--stack-format=folded");
		o->stack = true;
		o->stack_folded = true;
		return need_unwinder(err, errlen, "--stack-format=folded");
	case OPT_METRICS:
		o->metrics = optarg;	/* parsed when the server starts */
		return 0;
	case OPT_METRICS_FILE:
		if (!*optarg)
			return fail(err, errlen, "--metrics-file needs a file name");
		o->metrics_file = optarg;
		return 0;
	}
	return 1;	/* not one of these */
}

static int parse_stats_opt(struct rn_opts *o, int c, char *err, size_t errlen)
{
	double d;
	long long v;
	int ret;

	ret = parse_output_opt(o, c, err, errlen);
	if (ret <= 0)
		return ret;
	switch (c) {
	case OPT_SUMMARY_BY:
		if (strcmp(optarg, "syscall") && strcmp(optarg, "thread") &&
		    strcmp(optarg, "process") && strcmp(optarg, "cgroup") &&
		    strcmp(optarg, "container"))
			return fail(err, errlen, "invalid --summary-by '%s': use syscall, thread, "
				    "process, cgroup or container", optarg);
		o->summary_by = optarg;
		return 0;
	case OPT_SUMMARY_INTERVAL:
		d = parse_positive(optarg);
		if (d < 0)
			return fail(err, errlen, "invalid --summary-interval '%s': a number of "
				    "seconds greater than 0", optarg);
		o->summary_interval = d;
		return 0;
	case OPT_HISTOGRAM:
		o->histogram = true;
		o->histogram_set = optarg;
		return 0;
	case OPT_ANALYZE:
		o->analyze = true;
		return 0;
	case OPT_ANOM_REALTIME:
		o->anomaly_realtime = true;
		return 0;
	case OPT_ANOM_THRESHOLD:
	case OPT_WINDOW:
		d = parse_positive(optarg);
		if (d < 0)
			return fail(err, errlen, "invalid --%s '%s': a number greater than 0",
				    c == OPT_WINDOW ? "window" : "anomaly-threshold", optarg);
		if (c == OPT_WINDOW)
			o->window_sec = d;
		else
			o->anomaly_threshold = d;
		return 0;
	case OPT_SEED:
		v = parse_num(optarg, LLONG_MAX);
		if (v < 0)
			return fail(err, errlen, "invalid --seed '%s': a whole number", optarg);
		o->seed = (unsigned long long)v;
		return 0;
	case OPT_HTML:
		o->html_out = optarg;
		return 0;
	case OPT_CLUSTERS:
	case OPT_ANOM_WINDOW:
	case OPT_WINDOW_CALLS:
	case OPT_TOP:
		v = parse_num(optarg, 1000000);
		if (v < 1 || (c == OPT_CLUSTERS && v > 64))
			return fail(err, errlen, "invalid value '%s' for %s", optarg,
				    c == OPT_CLUSTERS ? "--clusters (1 to 64)" :
				    c == OPT_ANOM_WINDOW ? "--anomaly-window" :
				    c == OPT_TOP ? "--top" : "--window-calls");
		if (c == OPT_CLUSTERS)
			o->clusters = (unsigned)v;
		else if (c == OPT_ANOM_WINDOW)
			o->anomaly_window = (unsigned)v;
		else if (c == OPT_TOP)
			o->top = (unsigned)v;
		else
			o->window_calls = (unsigned)v;
		return 0;
	}
	return fail(err, errlen, "unknown option");
}

/* -Y, --decode-pids=comm */
static int parse_pids_opt(struct rn_opts *o, int c, char *err, size_t errlen)
{
	if (c != 'Y' && c != OPT_DECODE_PIDS)
		return parse_stats_opt(o, c, err, errlen);
	/* strace's other value, pidns, translates pids between namespaces:
	 * not offered, so refused rather than ignored */
	if (c == OPT_DECODE_PIDS && strcmp(optarg, "comm"))
		return fail(err, errlen, "invalid --decode-pids '%s': renacer offers comm", optarg);
	o->decode_pids_comm = true;
	return 0;
}

static int opt_backend(struct rn_opts *o, const char *arg, char *err, size_t errlen)
{
	if (!strcmp(arg, "ptrace"))
		o->backend = RN_BACKEND_PTRACE;
	else if (!strcmp(arg, "ebpf"))
		o->backend = RN_BACKEND_EBPF;
	else if (!strcmp(arg, "auto"))
		o->backend = RN_BACKEND_AUTO;
	else
		return fail(err, errlen, "invalid --backend '%s': use ptrace, ebpf or auto", arg);
	return 0;
}

static int opt_readers(struct rn_opts *o, const char *arg, char *err, size_t errlen)
{
	long long v = parse_num(arg, 64);

	if (v < 1)
		return fail(err, errlen, "invalid --readers '%s': a number from 1 to 64", arg);
	o->readers = (unsigned)v;
	return 0;
}

static void opt_y(struct rn_opts *o)
{
	/* -yy: sockets described through sock_diag, from the live fd */
	if (o->dec.show_paths) {
		o->dec.sock_details = true;
		set_ptrace_only(o, "-yy");
	}
	/* -y: both backends; the eBPF one resolves the paths in the kernel at
	 * the call (bpf/fdpath.bpf.h) */
	o->dec.show_paths = true;
}

static int opt_e(struct rn_opts *o, const char *arg)
{
	/* the eBPF program only watches calls: it cannot change them */
	if (!strncmp(arg, "inject=", 7) || !strncmp(arg, "fault=", 6))
		set_ptrace_only(o, !strncmp(arg, "fault=", 6) ? "-e fault=" : "-e inject=");
	return add_filter(o, "", arg);
}

static int parse_long_opt(struct rn_opts *o, int c, char *err, size_t errlen)
{
	long long v;

	switch (c) {
	case OPT_BACKEND:
		return opt_backend(o, optarg, err, errlen);
	case OPT_FORMAT:
		if (rn_format_parse(optarg, &o->format)) {
			char names[128];

			rn_format_names(names, sizeof(names));
			return fail(err, errlen, "invalid --format '%s': use %s", optarg, names);
		}
		return 0;
	case OPT_BUFSIZE:
		v = parse_num(optarg, 1LL << 32);
		if (v < 4096)
			return fail(err, errlen, "invalid --buffer-size '%s': a number of bytes "
				    "from 4096 to 4294967296", optarg);
		o->buffer_size = (size_t)v;
		return 0;
	case OPT_SAMPLE:
	case OPT_RATE_LIMIT:
		return rn_sample_opt(o, c == OPT_RATE_LIMIT, optarg, err, errlen);
	case OPT_READERS:
		return opt_readers(o, optarg, err, errlen);
	case OPT_ALL:
		o->all = true;
		return 0;
	case OPT_CGROUP:
		o->cgroup = optarg;
		return 0;
	case OPT_COMM:
		return rn_opts_add_comm(o, optarg, err, errlen);	/* ident_opts.c */
	case OPT_STATS_EXT:
		o->stats_extended = true;
		return 0;
	case OPT_DEBUG:
		o->verbose++;
		return 0;
	case OPT_HELP:
		o->help = true;
		return 0;
	case OPT_VERSION:
		o->version = true;
		return 0;
	case OPT_SOURCE:
		set_ptrace_preferred(o, "--source");
		if (optarg && strcmp(optarg, "innermost"))
			return fail(err, errlen, "--source: unknown mode '%s' (try --source or "
				    "--source=innermost)", optarg);
		o->source = optarg ? 2 : 1;
		return need_unwinder(err, errlen, "--source");
	case OPT_FTIME:
		set_ptrace_preferred(o, "--function-time");
		o->function_time = true;
		return need_unwinder(err, errlen, "--function-time");
	case OPT_SUMMARY_ONLY:
		o->summary = true;
		return 0;
	case OPT_TRACE_FDS:
		return add_filter(o, "trace-fds=", optarg);
	case OPT_SECCOMP:
		o->seccomp = 1;
		return 0;
	case OPT_NO_SECCOMP:
		o->seccomp = 0;
		return 0;
	}
	return parse_pids_opt(o, c, err, errlen);
}

static int parse_short_opt(struct rn_opts *o, int c, char *err, size_t errlen)
{
	long long v;

	switch (c) {
	case 'f':
		o->follow++;
		return 0;
	case 'o':
		o->outfile = optarg;
		return 0;
	case 'p':
		return add_pids(o, optarg, err, errlen);
	case 's':
		v = parse_num(optarg, 1 << 20);
		if (v < 0)
			return fail(err, errlen, "invalid -s '%s': a string size from 0 to 1048576",
				    optarg);
		o->dec.strsize = (unsigned)v;
		return 0;
	case 'v':
		o->dec.verbose = true;
		return 0;
	case 'x':
		o->xflag++;
		return 0;
	case 'y':
		opt_y(o);
		return 0;
	case 'T':
		o->show_time = true;
		return 0;
	case 'r':
		o->relative = true;
		return 0;
	case 't':
		if (o->tsmode < RN_TS_EPOCH)
			o->tsmode++;
		return 0;
	case 'c':
		o->summary = true;
		return 0;
	case 'C':
		o->summary_and_trace = true;
		return 0;
	case 'S':
		o->sort_by = optarg;
		return 0;
	case 'q':
		o->quiet++;
		return 0;
	case 'u':
		o->user = optarg;
		return 0;
	case 'e':
		return opt_e(o, optarg);
	case 'z':
		return add_filter(o, "", "status=successful");
	case 'Z':
		return add_filter(o, "", "status=failed");
	case 'P':
		return add_filter(o, "-P ", optarg);
	case 'k':
		set_ptrace_preferred(o, "-k");
		o->stack = true;
		return need_unwinder(err, errlen, "-k");
	case 'h':
		o->help = true;
		return 0;
	case 'V':
		o->version = true;
		return 0;
	case 'd':
		o->verbose++;
		return 0;
	}
	return parse_long_opt(o, c, err, errlen);
}

/* renacer report FILE: a recording (.rnb) rather than a JSON trace? */
static bool is_rnb(const char *path)
{
	size_t n = strlen(path);
	char magic[8];
	bool yes = false;
	FILE *f;

	if (n > 4 && !strcmp(path + n - 4, ".rnb"))
		return true;
	f = fopen(path, "re");
	if (f) {
		yes = fread(magic, 1, 8, f) == 8 && !memcmp(magic, "\x89RNB\r\n\x1a\n", 8);
		fclose(f);
	}
	return yes;
}

static void opts_defaults(struct rn_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->backend = RN_BACKEND_AUTO;
	o->format = RN_FMT_TEXT;
	o->dec.strsize = 32;
	o->seccomp = -1;
}

static int check_combination(struct rn_opts *o, char *err, size_t errlen)
{
	if (o->analyze_file || o->report_file || o->help || o->version)
		return 0;
	if (!o->argv && !o->npids && !o->all && !o->cgroup && !o->rnb_in)
		return fail(err, errlen, "must have PROG [ARGS] or -p PID\n"
			    "Try 'renacer -h' for more information.");
	if (o->argv && o->npids)
		return fail(err, errlen, "-p PID and a command cannot be used together");
	/* with --all, -u USER selects the processes of USER (in the kernel) */
	if (o->user && !o->argv && (!o->all || o->npids || o->cgroup))
		return fail(err, errlen, "-u USER applies to a command renacer starts, or selects "
			    "the processes of USER with --all: not with -p or --cgroup");
	if (o->follow == 2 && !o->outfile)
		return fail(err, errlen, "-ff needs -o FILE (one file per process)");
	if (o->summary && o->summary_and_trace)
		return fail(err, errlen, "-c and -C cannot be used together");
	/* JSON and CSV carry absolute times and pids of their own */
	if (o->format != RN_FMT_TEXT && o->relative)
		return fail(err, errlen, "-r applies to the text trace (not with --format)");
	if (o->format != RN_FMT_TEXT && o->decode_pids_comm)
		return fail(err, errlen, "-Y/--decode-pids=comm applies to the text trace "
			    "(not with --format)");
	return 0;
}

int rn_opts_parse(struct rn_opts *o, int argc, char **argv, char *err, size_t errlen)
{
	static const char shorts[] = "+fo:p:s:vxyTrYtcCS:qu:e:zZP:khVd";
	int c, ret;
	bool report = argc > 1 && !strcmp(argv[1], "report");
	bool analyze = report || (argc > 1 && !strcmp(argv[1], "analyze"));
	bool record = argc > 1 && !strcmp(argv[1], "record");

	opts_defaults(o);
	o->record = record;
	/* renacer analyze|report [OPTIONS] TRACE.jsonl: the word stands in for argv[0]. */
	if (analyze || record) {
		argc--;
		argv++;
	}
	optind = 0;	/* glibc: 0 re-initialises getopt (tests parse many times) */
	opterr = 0;
	/* '+': stop at the first non-option, the command. A report has no
	 * command: `renacer report TRACE.jsonl --html OUT.html` reads well. */
	while ((c = getopt_long(argc, argv, shorts + report, long_opts, NULL)) != -1) {
		if (c == '?') {
			if (optopt && optopt < 256)
				return fail(err, errlen, "invalid option -- '%c'\n"
					    "Try 'renacer -h' for more information.", optopt);
			return fail(err, errlen, "unrecognized option '%s'\n"
				    "Try 'renacer -h' for more information.", argv[optind - 1]);
		}
		ret = parse_short_opt(o, c, err, errlen);
		if (ret == -ENOMEM)
			return fail(err, errlen, "out of memory"), -ENOMEM;
		if (ret)
			return ret;
	}
	if (analyze && o->help) {
		o->help_analyze = true;
		return 0;
	}
	if (report && optind == argc - 1 && !o->html_out && is_rnb(argv[optind])) {
		o->rnb_in = argv[optind];
		return check_combination(o, err, errlen);
	}
	if (report) {
		if (optind != argc - 1 || !o->html_out)
			return fail(err, errlen, "usage: renacer report [OPTIONS] TRACE.jsonl "
				    "--html OUT.html");
		o->report_file = argv[optind];
		return 0;
	}
	if (analyze) {
		if (optind != argc - 1)
			return fail(err, errlen, "usage: renacer analyze [OPTIONS] TRACE.jsonl");
		o->analyze_file = argv[optind];
		return 0;
	}
	if (o->html_out)
		return fail(err, errlen, "--html goes with renacer report TRACE.jsonl");
	if (optind < argc)
		o->argv = &argv[optind];
	if (record && !o->outfile)
		return fail(err, errlen, "usage: renacer record -o TRACE.rnb [OPTIONS] -- COMMAND");
	return check_combination(o, err, errlen);
}

void rn_opts_release(struct rn_opts *o)
{
	for (size_t i = 0; i < o->nfilters; i++)
		free(o->filters[i]);
	free(o->filters);
	free(o->pids);
	o->filters = NULL;
	o->pids = NULL;
}

/* --help, first part: the command lines, the backends and what is traced */
static void usage_tracing(FILE *out)
{
	fputs("Usage: renacer [OPTIONS] -- COMMAND [ARGS]...\n"
	      "       renacer [OPTIONS] -p PID[,PID...]\n"
	      "       renacer analyze TRACE.jsonl\n"
	      "       renacer export --format=perfetto TRACE.jsonl [-o OUT]\n"
	      "       renacer report TRACE.jsonl --html OUT.html\n"
	      "       renacer record -o TRACE.rnb [OPTIONS] -- COMMAND [ARGS]...\n"
	      "       renacer report TRACE.rnb [OPTIONS]   (-c, -e, --format=..., -o FILE, -Y,\n"
	      "                          -k, --stack-format: of a recording made with -k)\n"
	      "\n"
	      "Backends:\n"
	      "  --backend=auto|ptrace|ebpf  auto (default): eBPF when allowed, else ptrace\n"
	      "  --buffer-size=BYTES     eBPF ring buffer size (all readers' rings together)\n"
	      "  --readers=N             (eBPF) N threads read, decode and format the events\n"
	      "                          (default: the CPUs available, at most 8; text: 1)\n"
	      "  --all                   (eBPF) trace every process on the machine\n"
	      "  --cgroup=PATH|ID        (eBPF) trace the processes of one cgroup (a path,\n"
	      "                          or a container id: docker, containerd, CRI-O, podman)\n"
	      "  --comm=NAME             only processes named NAME (repeatable, 8 at most; eBPF:\n"
	      "                          filtered in the kernel)\n"
	      "  --sample=N              (eBPF) record one call in N per syscall (-C counts all)\n"
	      "  --rate-limit=R          (eBPF) record at most R calls a second per CPU\n"
	      "Tracing:\n"
	      "  -f                      follow forks, vforks, clones and threads\n"
	      "  -ff                     with -o FILE: one file per process, FILE.PID\n"
	      "  -p PID                  attach to PID (repeatable, or comma-separated)\n"
	      "  -u USER                 run the command as USER (with --all: trace USER's)\n"
	      "  -e EXPR                 trace=, status=, signal=, quiet=, abbrev=, verbose=,\n"
	      "                          raw=, trace-fds=, read=FDS, write=FDS (data dumps),\n"
	      "                          inject=SET:error=E|retval=N[:when=W][:signal=S]\n"
	      "                          [:delay_enter=US][:delay_exit=US], fault=SET[:error=E]\n"
	      "                          (ptrace: change the calls)\n"
	      "  -z / -Z                 only successful / only failed calls\n"
	      "  -P PATH                 only calls that touch PATH\n"
	      "  --trace-fds=SET         only calls on these descriptors\n"
	      "  --seccomp-bpf, --no-seccomp-bpf  (ptrace) the seccomp pre-filter on or off\n",
	      out);
}

void rn_opts_usage(FILE *out)
{
	usage_tracing(out);
	fputs("Output:\n"
	      "  -o FILE                 write the trace to FILE (default: stderr)\n"
	      "  --format=FORMAT         text like strace (default), json (JSON Lines), csv,\n"
	      "                          perfetto (or chrome: Chrome trace-event JSON)\n"
	      "  -s N                    show at most N bytes of strings (default 32)\n"
	      "  -v                      unabbreviated structures and environments\n"
	      "  -x                      strings with non-printable bytes in hex (-xx: all)\n"
	      "  -y                      print paths next to file descriptors\n"
	      "  -yy                     (ptrace) and what sockets connect (TCP:[a:p->b:q])\n"
	      "  -t, -tt, -ttt           time of day, with microseconds, or epoch\n"
	      "  -r                      time since the previous line (relative timestamps)\n"
	      "  -T                      time spent in each call\n"
	      "  -Y, --decode-pids=comm  command names next to pids: 1234<cat>\n"
	      "  -k                      the call stack of each call (auto picks ptrace; on\n"
	      "                          --backend=ebpf frames need frame pointers: docs/stacks.md)\n"
	      "  --stack-format=folded   calls per distinct stack at the end, as\n"
	      "                          flame-graph tools read them (comm;frame;...;syscall N)\n"
	      "  --source[=innermost]    the program's file:line making each call (as -k)\n"
	      "  --function-time         calls and time per (function, syscall) (as -k)\n"
	      "  -q, -qq, -qqq           fewer messages about attaching and exits\n"
	      "Statistics:\n"
	      "  -c                      count calls, errors and time; print a summary\n"
	      "  -C                      like -c, and print the trace too\n"
	      "  -S SORTBY               sort the summary: time, calls, errors, name, ...\n"
	      "  --stats-extended        min, p50, p90, p99, max and stddev columns\n"
	      "  --summary-by=KEY        syscall (default), thread, process, cgroup or container\n"
	      "  --summary-interval=S    print (and restart) the summary every S seconds\n"
	      "  --histogram[=SET]       a latency histogram per syscall\n"
	      "Monitoring:\n"
	      "  --inflight=MS           report each call in flight longer than MS ms, and\n"
	      "                          those still in flight at the end\n"
	      "  --metrics=[ADDR:]PORT   serve Prometheus metrics on /metrics (ADDR 127.0.0.1)\n"
	      "  --metrics-file=PATH     write them to PATH every second (textfile collector)\n"
	      "Analysis (also: renacer analyze [OPTIONS] TRACE.jsonl):\n"
	      "  --analyze               correlation, k-means clusters and anomalies\n"
	      "  --window=S, --window-calls=N   analysis window by time or by calls\n"
	      "  --clusters=K --seed=N   k-means clusters (default 3), random seed\n"
	      "  --anomaly-threshold=Z   z-score that flags a call (default 3.0)\n"
	      "  --anomaly-window=N      calls in the sliding window (default 100)\n"
	      "  --anomaly-realtime      flag anomalies as they happen\n"
	      "  --top=N                 anomalies listed at the end (default 20)\n"
	      "Other:\n"
	      "  -d, --debug             say which backend was chosen and why\n"
	      "  -h, --help              this help\n"
	      "  -V, --version           print the version\n"
	      "Long forms, as strace names them: --output (-o), --summary-only and\n"
	      "--summary (-c; strace's --summary is -C), --summary-with-output (-C),\n"
	      "--follow-forks (-f), --attach (-p), --string-limit (-s), --syscall-times (-T),\n"
	      "--relative-timestamps (-r), --summary-sort-by (-S), --user (-u), --expr (-e),\n"
	      "--quiet (-q), --decode-fds (-y), --no-abbrev (-v), --stack-traces (-k)\n",
	      out);
}

void rn_opts_usage_analyze(FILE *out)
{
	fputs("Usage: renacer analyze [OPTIONS] TRACE.jsonl\n"
	      "Correlation, k-means clusters and latency anomalies of a trace written with\n"
	      "--format=json ('-' reads standard input). Lost events in the trace are said\n"
	      "first, with the windows they fell in.\n"
	      "\n"
	      "  --format=text|json      the report as text (default) or one JSON line\n"
	      "  --window=S              windows of S seconds\n"
	      "  --window-calls=N        windows of N calls (default 100)\n"
	      "  --clusters=K            k-means clusters (default 3)\n"
	      "  --seed=N                k-means random seed (default 1)\n"
	      "  --anomaly-threshold=Z   z-score that flags a call (default 3.0)\n"
	      "  --anomaly-window=N      calls in the sliding window (default 100)\n"
	      "  --top=N                 anomalies listed, highest z first (default 20;\n"
	      "                          --format=json lists them all)\n"
	      "\n"
	      "renacer report [OPTIONS] TRACE.jsonl --html OUT.html writes the same analysis,\n"
	      "with latency histograms, calls over time, processes and errors, as one HTML\n"
	      "page with no scripts and nothing fetched from the network.\n"
	      "  -h, --help              this help\n",
	      out);
}
