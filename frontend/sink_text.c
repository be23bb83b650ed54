// SPDX-License-Identifier: MIT
/* --format=text: strace's lines. */
#include "sink.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define RN_RET_COLUMN 40	/* strace aligns "= ret" at this column */

static const char hexdig[] = "0123456789abcdef";

static void put_pid_prefix(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx, __u32 tid,
			   struct rn_strbuf *out)
{
	char pid[96];

	if (c->comm) {	/* -Y: "[pid  1234<cat>] ", "1234<cat> " */
		snprintf(pid, sizeof(pid), pfx == RN_PFX_BRACKET ? "%5u<%s>" : "%u<%s>", tid,
			 c->comm);
		if (pfx == RN_PFX_BRACKET)
			rn_sb_printf(out, "[pid %s] ", pid);
		else if (pfx == RN_PFX_COLUMN)
			rn_sb_printf(out, "%-5s ", pid);
		return;
	}
	if (pfx == RN_PFX_BRACKET)
		rn_sb_printf(out, "[pid %5u] ", tid);
	else if (pfx == RN_PFX_COLUMN)
		rn_sb_printf(out, "%-5u ", tid);
}

static void put_timestamp(const struct rn_fmt_ctx *c, __u64 mono_ns, struct rn_strbuf *out)
{
	__s64 ns = (__s64)mono_ns + c->realtime_offset_ns;
	time_t sec = (time_t)(ns / 1000000000);
	long usec = (long)(ns % 1000000000) / 1000;
	struct tm tm;

	if (c->tsmode == RN_TS_EPOCH) {
		rn_sb_printf(out, "%lld.%06ld ", (long long)sec, usec);
		return;
	}
	localtime_r(&sec, &tm);
	rn_sb_printf(out, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (c->tsmode == RN_TS_USEC)
		rn_sb_printf(out, ".%06ld", usec);
	rn_sb_putc(out, ' ');
}

/* -r: "     0.000123 " since the previous line, or "(+     0.000123) " after
 * -t. A line older than the one before it (eBPF hands calls over at exit,
 * stamped at entry) shows its negative distance, never a made-up 0. */
static void put_relative(const struct rn_fmt_ctx *c, __u64 ns, struct rn_strbuf *out)
{
	__u64 prev = *c->rel_prev_ns ? *c->rel_prev_ns : ns;
	__u64 d = ns >= prev ? ns - prev : prev - ns;
	char num[40];

	*c->rel_prev_ns = ns;
	snprintf(num, sizeof(num), "%s%llu.%06llu", ns >= prev ? "" : "-",
		 (unsigned long long)(d / 1000000000), (unsigned long long)(d % 1000000000 / 1000));
	rn_sb_printf(out, c->tsmode != RN_TS_NONE ? "(+%13s) " : "%13s ", num);
}

/* Bytes from the traced program's files (paths, symbol and file names):
 * printable ASCII as is, anything else as \xHH. */
static void put_plain(struct rn_strbuf *out, const char *s)
{
	while (*s) {
		const char *run = s;
		unsigned char ch;

		/* the common case, a run of plain bytes, in one copy (-k prints
		 * a few names per frame for every call) */
		while ((ch = (unsigned char)*s) >= 0x20 && ch < 0x7f && ch != '\\')
			s++;
		if (s > run)
			rn_sb_put(out, run, (size_t)(s - run));
		if (!*s)
			return;
		s++;
		rn_sb_puts(out, "\\x");
		rn_sb_putc(out, hexdig[ch >> 4]);
		rn_sb_putc(out, hexdig[ch & 15]);
	}
}

/* "0x1f", and "0x0" (rn_sb_put_hex writes a bare 0) */
static void put_hex(struct rn_strbuf *out, unsigned long long v)
{
	if (v)
		rn_sb_put_hex(out, v);
	else
		rn_sb_puts(out, "0x0");
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* " [file.c:42 function]", " [?? function]" or " [??]". */
static void text_source(const struct rn_frame *f, struct rn_strbuf *out)
{
	rn_sb_puts(out, " [");
	if (f && f->file && f->line) {
		put_plain(out, base_name(f->file));
		rn_sb_printf(out, ":%u", f->line);
	} else {
		rn_sb_puts(out, "??");
	}
	if (f && f->function) {
		rn_sb_putc(out, ' ');
		put_plain(out, f->function);
	}
	rn_sb_putc(out, ']');
}

/* One -k line: " > /path/obj(function+0x1a) [0x7f...] file.c:42". */
static void text_frame(const struct rn_frame *f, struct rn_strbuf *out)
{
	rn_sb_puts(out, " > ");
	if (!f->object) {
		rn_sb_printf(out, "?? [0x%llx]\n", (unsigned long long)f->ip);
		return;
	}
	put_plain(out, f->object);
	rn_sb_putc(out, '(');
	if (f->function)
		put_plain(out, f->function);
	rn_sb_putc(out, '+');
	put_hex(out, f->offset);
	rn_sb_puts(out, ") [");
	put_hex(out, f->ip);
	rn_sb_putc(out, ']');
	if (f->file && f->line) {
		rn_sb_putc(out, ' ');
		put_plain(out, base_name(f->file));
		rn_sb_putc(out, ':');
		rn_sb_put_udec(out, f->line);
	}
	rn_sb_putc(out, '\n');
}

/* The arguments from..nargs of d, joined by ", ". */
static void text_args(const struct rn_decoded *d, int from, struct rn_strbuf *out)
{
	for (int i = from; i < d->nargs; i++) {
		if (i > from)
			rn_sb_puts(out, ", ");
		rn_sb_put(out, d->arg[i].buf, d->arg[i].len);
	}
}

/* The end of a call's line from ") ", which falls at column col: "= ret"
 * aligned, -T, --source, the newline and -k's frames. */
static void text_result(const struct rn_fmt_ctx *c, const struct rn_event *ev,
			const struct rn_decoded *d, size_t col, const struct rn_frame *frames,
			int nframes, struct rn_strbuf *out)
{
	rn_sb_puts(out, ") ");
	col += 2;
	if (col < RN_RET_COLUMN)
		rn_sb_pad(out, RN_RET_COLUMN - col);
	rn_sb_puts(out, "= ");
	rn_sb_put(out, d->ret.buf, d->ret.len);
	if (c->show_time && !d->unfinished) {
		rn_sb_puts(out, " <");
		rn_sb_put_udec(out, ev->dur_ns / 1000000000);
		rn_sb_putc(out, '.');
		rn_sb_put_udec_pad(out, ev->dur_ns % 1000000000 / 1000, 6);
		rn_sb_putc(out, '>');
	}
	if (c->source) {
		int i = rn_stack_source_frame(frames, nframes, c->source == 2);

		text_source(i >= 0 ? &frames[i] : NULL, out);
	}
	rn_sb_putc(out, '\n');
	rn_sb_put(out, d->dump.buf, d->dump.len);	/* -e read=/write=, as strace: before -k */
	for (int i = 0; c->stack && i < nframes; i++)
		text_frame(&frames[i], out);
}

static void text_syscall(const struct rn_fmt_ctx *c, const struct rn_event *ev,
			 const struct rn_decoded *d, size_t line_start,
			 const struct rn_frame *frames, int nframes, struct rn_strbuf *out)
{
	rn_sb_puts(out, d->name);
	rn_sb_putc(out, '(');
	text_args(d, 0, out);
	if (ev->flags & RN_F_DETACHED) {
		/* a call let go of, never shown at its entry (eBPF): strace's
		 * entry part, then its end */
		if (d->partial && d->nargs)
			rn_sb_puts(out, ", ");
		rn_sb_puts(out, " <detached ...>\n");
		return;
	}
	text_result(c, ev, d, out->len - line_start, frames, nframes, out);
}

static void text_signal(const struct rn_event *ev, struct rn_strbuf *out)
{
	if (ev->flags & RN_F_STOPPED) {	/* a group-stop, not a delivery */
		rn_sb_printf(out, "--- stopped by %s ---\n", rn_signal_name(ev->sig.signo));
		return;
	}
	rn_sb_printf(out, "--- %s ", rn_signal_name(ev->sig.signo));
	rn_decode_siginfo(ev, out);
	rn_sb_puts(out, " ---\n");
}

static void text_exit(const struct rn_event *ev, struct rn_strbuf *out)
{
	if (ev->flags & RN_F_SUPERSEDED)
		rn_sb_printf(out, "+++ superseded by execve in pid %d +++\n", ev->exit.code);
	else if (ev->exit.signo)
		rn_sb_printf(out, "+++ killed by %s%s +++\n", rn_signal_name(ev->exit.signo),
			     ev->exit.core_dumped ? " (core dumped)" : "");
	else
		rn_sb_printf(out, "+++ exited with %d +++\n", ev->exit.code);
}

/* What starts every line: the pid prefix, the time stamp. */
static void text_head(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx, __u32 tid,
		      __u64 ts_ns, struct rn_strbuf *out)
{
	put_pid_prefix(c, pfx, tid, out);
	if (c->tsmode != RN_TS_NONE)
		put_timestamp(c, ts_ns, out);
	if (c->rel_prev_ns)
		put_relative(c, ts_ns, out);
}

static void text_line(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		      const struct rn_event *ev, const struct rn_decoded *d,
		      const struct rn_frame *frames, int nframes, struct rn_strbuf *out)
{
	size_t start = out->len;

	if (ev->type == RN_EV_ATTACH)
		return;		/* said on stderr by the frontend, as strace does */
	if (ev->type == RN_EV_SAMPLED) {	/* the trace is a sample: say so in it too */
		rn_sb_printf(out, "--- not recorded: %llu sampled out, %llu rate-limited ---\n",
			     (unsigned long long)ev->sampled.sampled,
			     (unsigned long long)ev->sampled.limited);
		return;
	}
	text_head(c, pfx, ev->tid, ev->ts_ns, out);
	switch (ev->type) {
	case RN_EV_SYSCALL:
		text_syscall(c, ev, d, start, frames, nframes, out);
		break;
	case RN_EV_SIGNAL:
		text_signal(ev, out);
		break;
	case RN_EV_EXIT:
		text_exit(ev, out);
		break;
	case RN_EV_LOST:
		rn_sb_printf(out, "--- lost %llu events ---\n",
			     (unsigned long long)ev->lost.count);
		break;
	default:
		out->len = start;
		out->buf[start] = '\0';
	}
}

/* strace's first part of a call's line, printed as the call starts:
 * "read(3, " (the input arguments, then ", " when output ones follow). */
static void text_entry(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		       const struct rn_event *ev, const struct rn_decoded *d,
		       struct rn_entry_part *p, struct rn_strbuf *out)
{
	size_t start = out->len;

	text_head(c, pfx, ev->tid, ev->ts_ns, out);
	rn_sb_puts(out, d->name);
	rn_sb_putc(out, '(');
	rn_sb_reset(&p->args);
	text_args(d, 0, &p->args);
	if (d->partial && d->nargs)
		rn_sb_puts(&p->args, ", ");
	rn_sb_put(out, p->args.buf, p->args.len);
	p->col = out->len - start;
	p->nargs = d->nargs;
	p->partial = d->partial;
	p->cut = false;
}

/*
 * The arguments of the ended call d past those p printed at entry. The
 * input arguments as decoded at exit normally begin with p's text; when
 * they do not (the memory changed during the call) the line keeps what was
 * shown at entry, as strace's does. A call that never returned leaves its
 * output arguments unknown: " <unfinished ...>", as strace.
 */
static void text_rest(const struct rn_decoded *d, const struct rn_entry_part *p,
		      struct rn_strbuf *out)
{
	size_t start = out->len;

	if (d->unfinished) {
		if (p->partial)
			rn_sb_puts(out, " <unfinished ...>");
		return;
	}
	text_args(d, 0, out);
	if (out->len - start >= p->args.len &&
	    !memcmp(out->buf + start, p->args.buf, p->args.len)) {
		memmove(out->buf + start, out->buf + start + p->args.len,
			out->len - start - p->args.len);
		out->len -= p->args.len;
		out->buf[out->len] = '\0';
		return;
	}
	out->len = start;
	out->buf[start] = '\0';
	if (p->nargs < d->nargs && p->nargs && !p->partial)
		rn_sb_puts(out, ", ");
	text_args(d, p->nargs, out);
}

static void text_finish(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
			const struct rn_event *ev, const struct rn_decoded *d,
			const struct rn_entry_part *p, const struct rn_frame *frames, int nframes,
			struct rn_strbuf *out)
{
	size_t start = out->len;

	if (ev->flags & RN_F_DETACHED) {
		/* strace ends the open line of a call it lets go of and says
		 * no more of one another line cut */
		if (!p->cut)
			rn_sb_puts(out, " <detached ...>\n");
		return;
	}
	if (!p->cut) {
		text_rest(d, p, out);
		text_result(c, ev, d, p->col + out->len - start, frames, nframes, out);
		return;
	}
	/* the time stamp of a resumed line is when the call returned */
	text_head(c, pfx, ev->tid, ev->ts_ns + ev->dur_ns, out);
	rn_sb_printf(out, "<... %s resumed>", d->name);
	text_rest(d, p, out);
	text_result(c, ev, d, out->len - start, frames, nframes, out);
}

const struct rn_format_desc rn_format_text = {
	.name = "text",
	.line = text_line,
	.entry = text_entry,
	.finish = text_finish,
};
