/* SPDX-License-Identifier: MIT */
/*
 * Formatting of records into lines: strace-style text, JSON Lines and CSV
 * (one sink_NAME.c per format, found through the table in format.c).
 * Pure functions of their inputs (no I/O), so tests can check every byte.
 */
#ifndef RN_FORMAT_H
#define RN_FORMAT_H

#include <stdbool.h>

#include "../syscalls/decode.h"
#include "options.h"
#include "../syscalls/strbuf.h"

struct rn_fmt_ctx {
	enum rn_format format;
	enum rn_tsmode tsmode;
	bool show_time;		/* -T */
	/* -r: the entry time of the previous line, updated by each line
	 * (0 before the first); NULL without -r */
	__u64 *rel_prev_ns;
	/* -Y: the command name of the record's task, set per record by the
	 * line sink ("[pid 1234<cat>] "), or NULL */
	const char *comm;
	/* Offset added to CLOCK_MONOTONIC ns to get CLOCK_REALTIME ns. */
	__s64 realtime_offset_ns;
	bool stack;		/* -k: every frame */
	int source;		/* --source: 1 own code, 2 innermost, 0 off */
	/* CSV: who made each call (comm, ppid, uid, gid, cgroup, container
	 * columns), for traces of many processes (-f, --all, --cgroup) */
	bool ident_cols;
};

struct rn_frame;

/* Line prefix styles for text output, as strace chooses them. */
enum rn_pid_prefix {
	RN_PFX_NONE,		/* one process, or -ff */
	RN_PFX_BRACKET,		/* "[pid  1234] " several tracees on stderr */
	RN_PFX_COLUMN,		/* "1234  " -f with -o FILE */
};

/* Append one whole line (with '\n') for ev to out. d is the decoded syscall
 * (NULL for other record types). */
void rn_format_event(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		     const struct rn_event *ev, const struct rn_decoded *d,
		     struct rn_strbuf *out);

/*
 * rn_format_event with the call stack of a syscall record, innermost first
 * (frames may be NULL, n 0 when unknown). Text: --source appends
 * " [file.c:42 function]" (or " [??]") to the call's line, -k adds one line
 * per frame, " > /path/obj(function+0x1a) [0x7f...] file.c:42". JSON:
 * "source":{...} and "stack":[{...}]. CSV carries neither.
 */
void rn_format_event_stack(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
			   const struct rn_event *ev, const struct rn_decoded *d,
			   const struct rn_frame *frames, int n, struct rn_strbuf *out);

/* --format NAME to its value: 0, or -EINVAL. */
int rn_format_parse(const char *name, enum rn_format *f);
/* The --format names for a message, as "text, json, csv or perfetto". */
void rn_format_names(char *buf, size_t len);

/* The CSV header line (with '\n'), or nothing for other formats. */
void rn_format_header(const struct rn_fmt_ctx *c, struct rn_strbuf *out);

/*
 * Append s[0..n) as a JSON string body (no quotes), RFC 8259: '"' '\\' and
 * control bytes escaped, valid UTF-8 passed through, and every byte of an
 * invalid UTF-8 sequence written as \u00XX (its value as a code point), so
 * the line always parses.
 */
void rn_json_escape(struct rn_strbuf *out, const char *s, size_t n);

/* Append s as one CSV field, quoted when it holds , " CR or LF. */
void rn_csv_field(struct rn_strbuf *out, const char *s);

#endif /* RN_FORMAT_H */
