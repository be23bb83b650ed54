/* SPDX-License-Identifier: MIT */
/*
 * Where the trace goes: standard error, -o FILE, or one FILE.PID per task
 * with -ff. The text, JSON and CSV sinks write through it; the summaries
 * (-c, --function-time, --analyze) go to rn_output_summary().
 */
#ifndef RN_OUTPUT_H
#define RN_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "../syscalls/strbuf.h"
#include "options.h"
#include "tidmap.h"

/* Appends the first line(s) of every new trace file (CSV's header) to out;
 * also the last bytes of each -ff file before it is closed (a footer). */
typedef void (*rn_output_header_fn)(void *ctx, struct rn_strbuf *out);

struct rn_output {
	const struct rn_opts *opts;
	FILE *file;		/* the trace (stderr or -o), NULL with -ff */
	const char *name;	/* for error messages */
	struct rn_tidmap files;	/* -ff: tid -> FILE * */
	struct rn_tidmap opened; /* -ff: tids whose file exists (a reused tid appends) */
	rn_output_header_fn header; /* or NULL */
	rn_output_header_fn footer; /* or NULL; -ff files only (the sink ends the others) */
	void *header_ctx;	/* for both */
	/* The trace file is one document (perfetto): summaries go to stderr. */
	bool summary_stderr;
	int write_errno;	/* first output error, 0 if none */
	char open_err[4200];	/* why -ff's FILE.PID could not be opened, when that was it */
};

/* Open the trace's destination per o (-o, -ff). Returns 0, or -errno with a
 * message in err. */
int rn_output_open(struct rn_output *out, const struct rn_opts *o, char *err, size_t errlen);
/* Write len bytes of tid's trace; an error is kept in write_errno. */
void rn_output_write(struct rn_output *out, __u32 tid, const char *buf, size_t len);
/* Task tid exited: close its -ff file (a later task with its id appends). */
void rn_output_task_gone(struct rn_output *out, __u32 tid);
/* Where summaries go: the trace file, or stderr with -ff. */
FILE *rn_output_summary(const struct rn_output *out);
/* Flush every file; returns 0 or -errno of the first write error. */
int rn_output_flush(struct rn_output *out);
/* Flush and close every file (stderr stays open). */
void rn_output_close(struct rn_output *out);

#endif /* RN_OUTPUT_H */
