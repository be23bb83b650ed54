/* SPDX-License-Identifier: MIT */
/*
 * Sinks: everything that consumes the trace. The text, JSON Lines and CSV
 * traces, the -c/-C summary (with --summary-interval), --function-time and
 * --analyze are each one sink; a session runs a list of them (-C is the
 * trace sink plus the summary sink).
 *
 * A sink is begun once before the backend starts, handed every batch of
 * records that passed the filter (in the backend's order, a whole batch per
 * call), ticked whenever the session wakes up, ended once after the trace
 * (where it writes its report, or closes a wrapper it opened in begin) and
 * released. It keeps whatever it needs between calls in state.
 *
 * Adding an output format: one sink_NAME.c defining a struct rn_format_desc
 * (a line formatter, or a sink of its own for formats that are not one line
 * per record), one row in the table of format.c, and its RN_FMT_ value.
 */
#ifndef RN_SINK_H
#define RN_SINK_H

#include <stdbool.h>
#include <stddef.h>

#include "../backends/backend.h"
#include "../backends/stack.h"
#include "../syscalls/decode.h"
#include "format.h"
#include "options.h"
#include "output.h"

/* What a sink asks the session to prepare for each record (rn_sink.wants). */
enum {
	RN_SINK_DECODED = 1 << 0,	/* the decoded text of shown syscall records */
	RN_SINK_STACK = 1 << 1,		/* the call stack of syscall records */
};

/*
 * One record of a batch as the sinks see it. Pointers are valid only during
 * the on_events() call that hands them over.
 */
struct rn_sink_rec {
	const struct rn_event *ev;	/* the raw record from the backend */
	/* Syscall records that are shown, when a sink asked for
	 * RN_SINK_DECODED: the arguments and return value as text. Else NULL. */
	const struct rn_decoded *dec;
	/* Syscall records when a sink asked for RN_SINK_STACK (and the
	 * backend could unwind): innermost first. Else NULL and 0. */
	const struct rn_frame *frames;
	int nframes;
	enum rn_pid_prefix pfx;		/* strace's pid prefix for a text line */
	/* -Y: the task's command name when the record happened, or NULL */
	const char *comm;
	/* Printed in a trace: false for records -e quiet= (or -q) silences,
	 * which the sinks still see (an exit still ends its task). */
	bool show;
};

/* Records that passed the filter, in order. Consecutive records of one
 * backend batch have consecutive ev pointers (so a sink can hand runs of
 * events to an engine that wants an array). */
struct rn_sink_batch {
	const struct rn_sink_rec *recs;
	size_t n;
	const struct rn_memsrc *mem;	/* the tasks' live memory, or NULL */
};

/* What every sink of a session may read; owned by the session. */
struct rn_sink_env {
	const struct rn_opts *opts;
	const struct rn_trace_config *cfg;
	const struct rn_format_desc *format;	/* --format's row */
	struct rn_output *out;
	/* The backend, set once it is open (NULL in begin): its name, and its
	 * in-kernel -c totals at the end. */
	struct rn_backend *backend;
	/* A text trace prints each call as it starts (RN_EV_ENTRY records
	 * come), as strace does. */
	bool entries;
};

struct rn_sink {
	const char *name;
	unsigned wants;		/* RN_SINK_* */
	/* Each optional; each returns 0 or -errno. */
	int (*begin)(struct rn_sink *s);
	int (*on_events)(struct rn_sink *s, const struct rn_sink_batch *batch);
	/* Called each time the session wakes up (an event batch, a signal, a
	 * timer): for periodic output such as --summary-interval. */
	int (*tick)(struct rn_sink *s);
	int (*end)(struct rn_sink *s);
	/* Free state (never NULL) and the sink itself. */
	void (*release)(struct rn_sink *s);
	const struct rn_sink_env *env;
	void *state;
	/* Why begin() failed, as one line (no "renacer: "), or "". */
	char why[256];
};

#define RN_SINKS_MAX 8

struct rn_sinks {
	struct rn_sink *v[RN_SINKS_MAX];
	size_t n;
	unsigned wants;		/* union of the sinks' wants */
};

void rn_sinks_init(struct rn_sinks *l);
/* Append s (the list owns it from now on, even on failure). 0 or -ENOSPC. */
int rn_sinks_add(struct rn_sinks *l, struct rn_sink *s);
/* Begin each sink in order; stops at the first failure and returns it. */
int rn_sinks_begin(struct rn_sinks *l);
/* Hand the batch to every sink in order, even after one failed; returns the
 * first error. */
int rn_sinks_on_events(struct rn_sinks *l, const struct rn_sink_batch *batch);
int rn_sinks_tick(struct rn_sinks *l);
/* End every sink in order; returns the first error. */
int rn_sinks_end(struct rn_sinks *l);
/* Release every sink (in reverse order) and empty the list. */
void rn_sinks_release(struct rn_sinks *l);

/* The sinks o asks for, in the order their reports appear: the trace (none
 * with plain -c), the summary, --function-time, --analyze. 0 or -errno. */
int rn_sinks_setup(struct rn_sinks *l, const struct rn_sink_env *env);

/* From record i on, the longest run whose events lie one after another in
 * memory (for engines that take arrays): its first event in *first, its
 * length returned; 0 past the end. */
size_t rn_sink_run(const struct rn_sink_batch *batch, size_t i, const struct rn_event **first);

/* A new sink: a copy of tmpl (name, wants, hooks) with env and state; a
 * NULL release frees the sink alone. NULL + errno. */
struct rn_sink *rn_sink_new(const struct rn_sink *tmpl, const struct rn_sink_env *env,
			    void *state);

/*
 * The entry part of a call a text trace printed when the call started
 * (RN_EV_ENTRY), kept per task by the line sink until the call's end.
 */
struct rn_entry_part {
	struct rn_strbuf args;	/* the arguments as printed, with the ", " before
				 * the first output argument when one follows */
	size_t col;		/* length of the printed part of the line */
	int nargs;		/* input arguments printed */
	bool partial;		/* the decoder stopped at an output argument */
	/* Another line came in between: the end is a line of its own,
	 * "<... name resumed>out-args) = ret", as strace prints it. */
	bool cut;
};

/*
 * One --format value. A format that prints a line per record gives line()
 * (and header() for the first line of every file); the line sink does the
 * rest. A format that needs more (a wrapper around the records, state
 * between them) gives new_sink() instead.
 */
struct rn_format_desc {
	const char *name;		/* the --format=NAME */
	const char *alias;		/* another NAME for it, or NULL */
	unsigned flags;			/* RN_FORMAT_* */
	void (*line)(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		     const struct rn_event *ev, const struct rn_decoded *d,
		     const struct rn_frame *frames, int nframes, struct rn_strbuf *out);
	void (*header)(const struct rn_fmt_ctx *c, struct rn_strbuf *out);
	struct rn_sink *(*new_sink)(const struct rn_sink_env *env);
	/* A format that shows a call as it starts (text) gives both: entry()
	 * appends the first part of the line of an RN_EV_ENTRY record to out
	 * and fills p; finish() appends the rest of the line at the call's end
	 * (after p's part, or as a "resumed" line of its own when p->cut). */
	void (*entry)(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		      const struct rn_event *ev, const struct rn_decoded *d,
		      struct rn_entry_part *p, struct rn_strbuf *out);
	void (*finish)(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		       const struct rn_event *ev, const struct rn_decoded *d,
		       const struct rn_entry_part *p, const struct rn_frame *frames, int nframes,
		       struct rn_strbuf *out);
};

enum {
	RN_FORMAT_TIMED = 1 << 0,	/* prints every call's time: the backend must read clocks */
	RN_FORMAT_NO_STACK = 1 << 1,	/* carries no -k/--source frames: do not unwind */
	RN_FORMAT_JSON = 1 << 2,	/* summaries and reports as JSON lines too */
};

/* The row of format f (never NULL for a valid enum rn_format). */
const struct rn_format_desc *rn_format_get(enum rn_format f);

/* The sinks, each NULL + errno on failure. */
struct rn_sink *rn_sink_line_new(const struct rn_sink_env *env);	/* sink_line.c */
struct rn_sink *rn_sink_stats_new(const struct rn_sink_env *env);	/* sink_stats.c */
struct rn_sink *rn_sink_ftime_new(const struct rn_sink_env *env);	/* sink_ftime.c */
struct rn_sink *rn_sink_analyze_new(const struct rn_sink_env *env);	/* sink_analyze.c */
struct rn_sink *rn_sink_metrics_new(const struct rn_sink_env *env);	/* sink_metrics.c */
struct rn_sink *rn_sink_folded_new(const struct rn_sink_env *env);	/* sink_folded.c */
struct rn_sink *rn_sink_inflight_new(const struct rn_sink_env *env);	/* sink_inflight.c */

/*
 * Make the session wake up (and tick its sinks) at least every seconds: a
 * periodic SIGALRM interrupts the backend's blocking wait (and only that:
 * backends/wake.h), so the tracee never waits for a polling loop. Several
 * sinks may ask; the shortest period wins.
 */
void rn_sink_wake_every(double seconds);

/* The sinks begun so far, after rn_sinks_begin() failed: why, or "". */
const char *rn_sinks_why(const struct rn_sinks *l);

struct rn_analyze_opts;
/* --analyze's options from o (also for `renacer analyze FILE`). */
void rn_sink_analyze_opts(const struct rn_opts *o, struct rn_analyze_opts *a);
/* renacer report TRACE.jsonl --html OUT.html (report.c): the exit code; errors
 * said on stderr. */
int rn_report_run(const struct rn_opts *o);

#endif /* RN_SINK_H */
