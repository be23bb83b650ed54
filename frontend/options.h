/* SPDX-License-Identifier: MIT */
/* Command-line options: strace's flags where renacer offers the same thing. */
#ifndef RN_OPTIONS_H
#define RN_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "../syscalls/decode.h"

enum rn_backend_choice { RN_BACKEND_AUTO, RN_BACKEND_PTRACE, RN_BACKEND_EBPF };
enum rn_format { RN_FMT_TEXT, RN_FMT_JSON, RN_FMT_CSV, RN_FMT_PERFETTO };
enum rn_tsmode { RN_TS_NONE, RN_TS_SEC, RN_TS_USEC, RN_TS_EPOCH }; /* -t -tt -ttt */

struct rn_opts {
	enum rn_backend_choice backend;
	enum rn_format format;
	enum rn_tsmode tsmode;
	int follow;		/* -f: 1, -ff: 2 */
	bool show_time;		/* -T */
	bool relative;		/* -r: time since the previous line */
	bool decode_pids_comm;	/* -Y, --decode-pids=comm: 1234<cat> */
	bool stack;		/* -k */
	bool stack_folded;	/* --stack-format=folded */
	int source;		/* --source: 1 own code, 2 =innermost, 0 off */
	bool function_time;	/* --function-time */
	bool summary;		/* -c */
	bool summary_and_trace;	/* -C */
	const char *sort_by;	/* -S */
	bool stats_extended;
	const char *summary_by;	/* --summary-by=syscall|thread|process */
	double summary_interval; /* --summary-interval=SECONDS, 0 = off */
	double inflight_ms;	/* --inflight=MS: report calls in flight this long, 0 = off */
	const char *metrics;	/* --metrics=[ADDR:]PORT: serve Prometheus metrics */
	const char *metrics_file; /* --metrics-file=PATH: write them there */
	bool histogram;		/* --histogram[=SET] */
	const char *histogram_set;
	bool analyze;		/* --analyze: correlation, clusters, anomalies */
	unsigned clusters;	/* --clusters K */
	unsigned long long seed; /* --seed N */
	double anomaly_threshold;
	unsigned anomaly_window;
	bool anomaly_realtime;
	double window_sec;	/* --window=SECONDS (analysis) */
	unsigned window_calls;	/* --window-calls=N (analysis) */
	unsigned top;		/* --top=N: anomalies listed (analysis, default 20) */
	int seccomp;		/* --seccomp-bpf 1, --no-seccomp-bpf 0, default -1 */
	int quiet;		/* -q: 1, -qq: 2 */
	int verbose;		/* --debug / -d count */
	int xflag;		/* -x 1, -xx 2: strings in hex */
	bool all;		/* --all */
	const char *cgroup;	/* --cgroup */
	const char *comms[8];	/* --comm NAME (RN_COMM_FILTER_MAX), in order */
	size_t ncomms;
	const char *user;	/* -u */
	const char *outfile;	/* -o */
	size_t buffer_size;	/* --buffer-size */
	unsigned sample_every;	/* --sample=N: one call in N recorded (eBPF) */
	unsigned rate_limit;	/* --rate-limit=R: records per second per CPU (eBPF) */
	unsigned readers;	/* --readers=N, 0 = the default */
	bool ptrace_only;	/* a ptrace-only feature was asked for */
	const char *ptrace_only_why;
	/* an option both backends serve but --backend=auto gives to ptrace
	 * (-k, --source, --stack-format=folded: eBPF stacks need frame pointers) */
	bool ptrace_preferred;
	const char *ptrace_preferred_why;
	struct rn_decode_opts dec;
	pid_t *pids;		/* -p, owned */
	size_t npids;
	char **argv;		/* the command, or NULL */
	const char *analyze_file; /* renacer analyze FILE */
	const char *report_file; /* renacer report FILE */
	const char *html_out;	/* renacer report --html=OUT */
	bool record;		/* renacer record -o TRACE.rnb: raw records to a file */
	const char *rnb_in;	/* renacer report TRACE.rnb: replay a recording */
	/* Filter words in command-line order, for the filter parser: "-e"
	 * expressions, with -z, -Z, -P PATH turned into their -e forms. */
	char **filters;
	size_t nfilters;
	bool help, version;
	bool help_analyze;	/* renacer analyze --help */
};

/*
 * Parse argv into o. Returns 0 on success, or -EINVAL with a one-line message
 * (without the "renacer: " prefix) in err. o is zeroed and defaulted first.
 */
int rn_opts_parse(struct rn_opts *o, int argc, char **argv, char *err, size_t errlen);
void rn_opts_release(struct rn_opts *o);
/* --comm NAME: 0, or -EINVAL with a message (more than 8, empty). */
int rn_opts_add_comm(struct rn_opts *o, const char *name, char *err, size_t errlen);
void rn_opts_usage(FILE *out);
/* renacer analyze --help: the options the analysis of a file takes. */
void rn_opts_usage_analyze(FILE *out);

/* --metrics or --metrics-file. */
static inline bool rn_opts_metrics(const struct rn_opts *o)
{
	return o->metrics || o->metrics_file;
}

#endif /* RN_OPTIONS_H */
