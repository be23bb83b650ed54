/* SPDX-License-Identifier: MIT */
/*
 * A trace session: the frontend's side of the event stream. It decodes each
 * record once and hands it to the sinks (trace output, statistics).
 */
#ifndef RN_TRACE_H
#define RN_TRACE_H

#include <stdio.h>

#include "../syscalls/decode.h"
#include "format.h"
#include "options.h"
#include "../syscalls/strbuf.h"
#include "tidmap.h"

#include "../backends/stack.h"

struct rn_stats;
struct rn_ftime;
struct rn_analyze;
struct rn_filter;

struct rn_trace {
	const struct rn_opts *opts;
	struct rn_fmt_ctx fmt;
	bool print_trace;	/* per-call output wanted (not plain -c) */
	FILE *out;		/* the trace (stderr or -o), NULL with -ff */
	const char *out_name;	/* for error messages */
	struct rn_tidmap files;	/* -ff: tid -> FILE * */
	struct rn_tidmap opened; /* -ff: tids whose file exists (a reused tid appends) */
	struct rn_tidmap live;	/* tids seen and not exited, for "[pid N]" */
	struct rn_decoded dec;
	struct rn_strbuf line;
	struct rn_filter *filter; /* -e, -P, -z ...: never NULL once running */
	struct rn_stats *stats;	/* -c / -C, or NULL */
	struct rn_analyze *analyze; /* --analyze, or NULL */
	struct rn_ftime *ftime;	/* --function-time, or NULL */
	bool want_stack;	/* -k, --source or --function-time */
	int stack_how;		/* enum rn_stack_how */
	int nframes;		/* frames of the current call */
	struct rn_frame frames[RN_STACK_MAX];
	__u64 lost;		/* events the backend reported lost */
	int write_errno;	/* first output error, 0 if none */
	char open_err[4200];	/* why -ff's FILE.PID could not be opened, when that was it */
};

/* Open outputs per opts. Returns 0 or -errno with a message in err. */
int rn_trace_init(struct rn_trace *t, const struct rn_opts *o, char *err, size_t errlen);
/* The rn_event_fn handed to the backend (ctx is the struct rn_trace). */
int rn_trace_on_events(void *ctx, const struct rn_event *evs, size_t n,
		       const struct rn_memsrc *mem);
/* Flush outputs; returns 0 or -errno of the first write error. */
int rn_trace_flush(struct rn_trace *t);
void rn_trace_release(struct rn_trace *t);

#endif /* RN_TRACE_H */
