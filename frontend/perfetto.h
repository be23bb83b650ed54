/* SPDX-License-Identifier: MIT */
/*
 * The Chrome trace-event JSON ("JSON Object Format") that ui.perfetto.dev and
 * chrome://tracing open: --format=perfetto and `renacer export`. One track per
 * thread, named "comm (tid)" and grouped by process; each call a complete
 * ("X") event, signals, exits and attaches instant ("i") events, lost records
 * a global instant event.
 *
 * Written one event at a time (never the whole trace in memory): the caller
 * appends rn_pf_open(), then each record through rn_pf_record(), then
 * rn_pf_close(). Records arrive as struct rn_pf_rec, made from a live event
 * (sink_perfetto.c) or from a JSON Lines line (export.c), so both paths print
 * the same bytes. The writer's memory grows with the live threads and
 * processes, not with the records.
 */
#ifndef RN_PERFETTO_H
#define RN_PERFETTO_H

#include <stdbool.h>
#include <stddef.h>

#include "../backends/event.h"
#include "../syscalls/strbuf.h"
#include "tidmap.h"

enum rn_pf_kind {
	RN_PF_SYSCALL,
	RN_PF_SIGNAL,
	RN_PF_EXIT,
	RN_PF_LOST,
	RN_PF_ATTACH,
	RN_PF_DETACH,
};

/* Bytes that may hold anything (NUL included); escaped when written. */
struct rn_pf_text {
	const char *s;
	size_t len;
};

/* One record; strings are borrowed for the rn_pf_record() call. */
struct rn_pf_rec {
	enum rn_pf_kind kind;
	__u32 tid;
	__u32 tgid;
	__u64 ts_ns;		/* printed in microseconds with three decimals */
	__u64 dur_ns;		/* syscall */
	const char *name;	/* syscall: its name; signal: the signal's name */
	const char *comm;	/* the thread's name in the record, or NULL (then
				 * /proc, or the parent's, names its track) */
	int nargs;		/* syscall: the decoded arguments as text */
	struct rn_pf_text arg[RN_MAX_ARGS];
	long long ret;
	const char *err;	/* "ENOENT", or NULL when the call succeeded */
	bool unfinished;	/* no return value */
	bool entry_missed;
	struct rn_pf_text siginfo;	/* signal: "{si_signo=...}" */
	bool stopped;		/* signal: a group-stop, not a delivery */
	int exit_code;		/* exit: status, or the superseding thread's former tid */
	const char *exit_signal; /* exit: the killing signal, or NULL */
	bool core_dumped;
	bool superseded;
	__u64 count;		/* lost */
	/* syscall under -k: its call stack, innermost first, one text per
	 * frame ("c (stack_fp.c:22)"); written as args.stack */
	const struct rn_pf_text *frames;
	int nframes;
};

/*
 * A task's comm ("cat"), NUL-terminated into buf: 0, or -errno when it cannot
 * be read (the task is gone). Live tracing passes rn_pf_proc_comm; export has
 * no tasks to ask and passes NULL.
 */
typedef int (*rn_pf_comm_fn)(__u32 tgid, __u32 tid, char *buf, size_t len);

struct rn_pf {
	struct rn_tidmap threads;	/* tids begun (non-NULL: thread_name written) */
	struct rn_tidmap procs;		/* tgid -> its name and whether it is written */
	struct rn_tidmap born;		/* clone child tid -> the name it inherits */
	bool per_thread;		/* -ff: every file names its process */
	rn_pf_comm_fn comm;
};

/* /proc/TGID/task/TID/comm. */
int rn_pf_proc_comm(__u32 tgid, __u32 tid, char *buf, size_t len);

/* per_thread: one file per thread (-ff); comm may be NULL. */
void rn_pf_init(struct rn_pf *p, bool per_thread, rn_pf_comm_fn comm);
void rn_pf_release(struct rn_pf *p);

/* The opening and the closing of the document. */
void rn_pf_open(struct rn_strbuf *out);
void rn_pf_close(struct rn_strbuf *out);

/* Has tid's thread any item in the document (is its -ff file begun)? */
bool rn_pf_known(const struct rn_pf *p, __u32 tid);

/*
 * Append r to out, preceded by its thread's and process's metadata when the
 * thread is new (or a successful execve renamed it). Every item is preceded
 * by ",\n" except the first of a document: *first says that one is next, and
 * is cleared. Aborts on out of memory (as the string buffers do).
 */
void rn_pf_record(struct rn_pf *p, const struct rn_pf_rec *r, bool *first,
		  struct rn_strbuf *out);

/* One frame of a -k stack as args.stack shows it: "c (file.c:22)" (the
 * file's base name), "write (libc.so.6)", "libfoo.so+0x1234", "0x7f...".
 * Any of function, file and object may be NULL; line 0 = unknown. */
void rn_pf_frame_text(struct rn_strbuf *out, const char *function, const char *file,
		      unsigned line, const char *object, __u64 offset, __u64 ip);

/* r's task exited: forget its thread (a later task with its id is named
 * anew) and, for a leader, its process. */
void rn_pf_forget(struct rn_pf *p, __u32 tid, __u32 tgid);

#endif /* RN_PERFETTO_H */
