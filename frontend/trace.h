/* SPDX-License-Identifier: MIT */
/*
 * A trace session: the frontend's side of the event stream. It filters each
 * batch from the backend, decodes and unwinds each record once (as far as a
 * sink asked for it) and hands the batch to the list of sinks (frontend/sink.h).
 */
#ifndef RN_TRACE_H
#define RN_TRACE_H

#include <stdio.h>

#include "../backends/stack.h"
#include "../syscalls/decode.h"
#include "options.h"
#include "output.h"
#include "sink.h"
#include "comm.h"
#include "tidmap.h"
#include "sample.h"

struct rn_filter;

/* Records handed to the sinks per call at most (a bigger backend batch is
 * handed over in pieces). */
#define RN_TRACE_BATCH 64

struct rn_trace {
	const struct rn_opts *opts;
	struct rn_filter *filter; /* -e, -P, -z ...: never NULL once running */
	struct rn_output out;	/* stderr, -o FILE or -ff FILE.PID */
	struct rn_sink_env env;
	struct rn_sinks sinks;
	struct rn_tidmap live;	/* tids seen and not exited, for "[pid N]" */
	int stack_how;		/* enum rn_stack_how */
	/* the batch being prepared: a record, a decoded call and (when a sink
	 * wants stacks) RN_STACK_MAX frames per slot */
	struct rn_sink_rec recs[RN_TRACE_BATCH];
	struct rn_decoded decs[RN_TRACE_BATCH];
	struct rn_frame *frames;
	size_t nrecs;
	__u64 lost;		/* events the backend reported lost */
	struct rn_sample_tally sampled;	/* calls --sample/--rate-limit left out */
	struct rn_comm comm;	/* -Y: names by tid, and each record's copy */
	char comms[RN_TRACE_BATCH][RN_COMM_MAX];
	struct trace_stage *stage; /* --readers: frontend/trace_stage.c, or NULL */
};

/* Does the text trace print each call as it starts, as strace does? Not
 * when the call's result decides whether it is shown at all (-z, -Z, -e
 * status=; -P and --trace-fds follow descriptors a call returns), nor for a
 * format other than text. */
bool rn_trace_shows_entries(const struct rn_opts *o, const struct rn_filter *f);
/* Open the outputs and the sinks o asks for, and begin the sinks (the CSV
 * header is written here). filter and cfg must outlive the session.
 * Returns 0 or -errno with a message in err. */
int rn_trace_init(struct rn_trace *t, const struct rn_opts *o, struct rn_filter *filter,
		  const struct rn_trace_config *cfg, char *err, size_t errlen);
/* The backend now open: the sinks may ask it for its name and totals. */
void rn_trace_set_backend(struct rn_trace *t, struct rn_backend *b);
/* The rn_event_fn handed to the backend (ctx is the struct rn_trace). */
int rn_trace_on_events(void *ctx, const struct rn_event *evs, size_t n,
		       const struct rn_memsrc *mem);
/* The session woke up (after each poll): periodic sink output. */
void rn_trace_tick(struct rn_trace *t);
/* The trace went to a pipe whose reader is gone, and SIGPIPE was not
 * ignored when renacer started (then EPIPE is a plain write error). */
bool rn_trace_output_gone(const struct rn_trace *t);
/* End the sinks (their reports), flush, and say what went wrong: a write
 * error, lost events. Returns ret (the trace loop's result), or -errno of a
 * write error. */
int rn_trace_finish(struct rn_trace *t, int ret);
/* The first write error (errno), or 0. */
static inline int rn_trace_write_error(const struct rn_trace *t)
{
	return t->out.write_errno;
}
void rn_trace_release(struct rn_trace *t);

/* Decode ev as the session does (-e abbrev=, verbose=, raw=) into d. Safe on
 * any thread when o->decode_pids_comm is off. */
const struct rn_decoded *rn_trace_decode(struct rn_trace *t, const struct rn_event *ev,
					 const struct rn_memsrc *mem, struct rn_decoded *d);
/* Is the record printed (-e quiet=, signal=)? Reads f only. */
bool rn_trace_shown(const struct rn_filter *f, const struct rn_event *ev);

/* frontend/trace_stage.c: --readers=N. When the session can run on several
 * readers (a line format alone, no state carried from record to record: no
 * -ff, -r, -Y, -k, -P, --trace-fds) and the backend is eBPF, make the stage
 * and point cfg->stage at it (the backend then takes times, and the text
 * trace prints each call whole at its end). 0 or -errno. */
int rn_trace_stage_setup(struct rn_trace *t, struct rn_trace_config *cfg, const char *backend);
void rn_trace_stage_free(struct rn_trace *t);

#endif /* RN_TRACE_H */
