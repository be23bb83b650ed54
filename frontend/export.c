// SPDX-License-Identifier: MIT
/*
 * renacer export --format=perfetto TRACE.jsonl [-o OUT]: a JSON Lines trace
 * (--format=json) to the Chrome trace-event JSON of --format=perfetto, a line
 * at a time through the same writer (perfetto.c), so the two print the same
 * events. Memory: the longest line, and the writer's per-thread names.
 *
 * The reader is strict about the grammar (a line that is not one JSON object
 * is skipped and counted) and lossless about strings: "\u00XX" gives back the
 * byte the JSON writer escaped, so arguments are re-escaped byte for byte.
 * (stats/jsonl.c's reader keeps only what the analysis needs and folds other
 * escapes to '?'.)
 */
#include "export.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "perfetto.h"
#include "../backends/stack.h"

#define JL_MAX_DEPTH 64

struct jl {
	const char *p;
	const char *end;
};

/* What one line says, in the reader's reused buffers. */
struct jl_line {
	struct rn_strbuf key, type, name, err, signal, siginfo, comm;	/* in this order */
	struct rn_strbuf arg[RN_MAX_ARGS];
	int nargs;
	bool has_err, has_ret, has_signal, has_siginfo, has_super, has_tgid, has_comm;
	bool unfinished, entry_missed, stopped, core_dumped;
	__u64 ts_ns, dur_ns, count;
	long long pid, tgid, ret, code, super;
	/* "stack" (-k): each frame's args.stack text, back to back in frames */
	struct rn_strbuf frames, fn, file, obj;
	size_t fstart[RN_STACK_MAX + 1];
	int nframes;
	struct rn_pf_text ftext[RN_STACK_MAX];
};

static void jl_ws(struct jl *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
		j->p++;
}

static bool jl_lit(struct jl *j, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n))
		return false;
	j->p += n;
	return true;
}

static int jl_hex4(const char *s)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v |= (c | 0x20) - 'a' + 10;
		else
			return -1;
	}
	return v;
}

static void put_utf8(struct rn_strbuf *out, unsigned cp)
{
	if (cp < 0x800) {
		rn_sb_putc(out, (char)(0xc0 | cp >> 6));
	} else if (cp < 0x10000) {
		rn_sb_putc(out, (char)(0xe0 | cp >> 12));
		rn_sb_putc(out, (char)(0x80 | (cp >> 6 & 0x3f)));
	} else {
		rn_sb_putc(out, (char)(0xf0 | cp >> 18));
		rn_sb_putc(out, (char)(0x80 | (cp >> 12 & 0x3f)));
		rn_sb_putc(out, (char)(0x80 | (cp >> 6 & 0x3f)));
	}
	rn_sb_putc(out, (char)(0x80 | (cp & 0x3f)));
}

/* "\uXXXX" at j->p (after the backslash and 'u'): below U+0100 the byte
 * itself (renacer writes a byte of invalid UTF-8 so), else UTF-8; a lone
 * surrogate becomes U+FFFD. */
static int jl_uescape(struct jl *j, struct rn_strbuf *out)
{
	int cp, lo;

	if (j->end - j->p < 4 || (cp = jl_hex4(j->p)) < 0)
		return -EINVAL;
	j->p += 4;
	if (cp >= 0xd800 && cp <= 0xdbff && j->end - j->p >= 6 && j->p[0] == '\\' &&
	    j->p[1] == 'u' && (lo = jl_hex4(j->p + 2)) >= 0xdc00 && lo <= 0xdfff) {
		j->p += 6;
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	} else if (cp >= 0xd800 && cp <= 0xdfff) {
		cp = 0xfffd;
	}
	if (!out)
		return 0;
	if (cp < 0x100)
		rn_sb_putc(out, (char)cp);
	else
		put_utf8(out, (unsigned)cp);
	return 0;
}

/* A string at j->p, its bytes appended to out (when given). */
static int jl_string(struct jl *j, struct rn_strbuf *out)
{
	static const char esc_in[] = "\"\\/bfnrt", esc_out[] = "\"\\/\b\f\n\r\t";

	if (j->p >= j->end || *j->p != '"')
		return -EINVAL;
	for (j->p++; j->p < j->end;) {
		const char *run = j->p, *e;

		while (j->p < j->end && *j->p != '"' && *j->p != '\\' &&
		       (unsigned char)*j->p >= 0x20)
			j->p++;
		if (out)
			rn_sb_put(out, run, (size_t)(j->p - run));
		if (j->p >= j->end || (unsigned char)*j->p < 0x20)
			return -EINVAL;
		if (*j->p++ == '"')
			return 0;
		if (j->p >= j->end)
			return -EINVAL;
		if (*j->p == 'u') {
			j->p++;
			if (jl_uescape(j, out))
				return -EINVAL;
			continue;
		}
		e = memchr(esc_in, *j->p, sizeof(esc_in) - 1);
		if (!e)
			return -EINVAL;
		if (out)
			rn_sb_putc(out, esc_out[e - esc_in]);
		j->p++;
	}
	return -EINVAL;
}

static bool is_digit(const struct jl *j)
{
	return j->p < j->end && *j->p >= '0' && *j->p <= '9';
}

static void digits(struct jl *j)
{
	while (is_digit(j))
		j->p++;
}

/* A number, -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, as its text. */
static int jl_number(struct jl *j, const char **s, size_t *n)
{
	*s = j->p;
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (!is_digit(j))
		return -EINVAL;
	if (*j->p == '0')
		j->p++;
	else
		digits(j);
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!is_digit(j))
			return -EINVAL;
		digits(j);
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!is_digit(j))
			return -EINVAL;
		digits(j);
	}
	*n = (size_t)(j->p - *s);
	return 0;
}

static int jl_skip(struct jl *j, int depth);

/* The members of an object or the elements of an array, after its opener. */
static int jl_skip_items(struct jl *j, char close, int depth)
{
	jl_ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return 0;
	}
	for (;;) {
		jl_ws(j);
		if (close == '}') {
			if (jl_string(j, NULL))
				return -EINVAL;
			jl_ws(j);
			if (j->p >= j->end || *j->p++ != ':')
				return -EINVAL;
		}
		if (jl_skip(j, depth + 1))
			return -EINVAL;
		jl_ws(j);
		if (j->p >= j->end)
			return -EINVAL;
		if (*j->p++ == close)
			return 0;
		if (j->p[-1] != ',')
			return -EINVAL;
	}
}

static int jl_skip(struct jl *j, int depth)
{
	const char *s;
	size_t n;

	jl_ws(j);
	if (depth > JL_MAX_DEPTH || j->p >= j->end)
		return -EINVAL;
	switch (*j->p) {
	case '"':
		return jl_string(j, NULL);
	case '{':
	case '[':
		return jl_skip_items(j, *j->p++ == '{' ? '}' : ']', depth);
	case 't':
		return jl_lit(j, "true") ? 0 : -EINVAL;
	case 'f':
		return jl_lit(j, "false") ? 0 : -EINVAL;
	case 'n':
		return jl_lit(j, "null") ? 0 : -EINVAL;
	default:
		return jl_number(j, &s, &n);
	}
}

/* A decimal "S.fff" scaled by 10^digits into an integer (ts: 9 digits,
 * dur_us: 3), exactly; an exponent form goes through a double. Negative: 0. */
static __u64 scaled(const char *s, size_t n, int ndig)
{
	__u64 v = 0, scale = 1;
	size_t i = 0;
	int d;

	for (d = 0; d < ndig; d++)
		scale *= 10;
	if (memchr(s, 'e', n) || memchr(s, 'E', n)) {
		char buf[64];
		double x;

		snprintf(buf, sizeof(buf), "%.*s", (int)n, s);
		x = strtod(buf, NULL) * (double)scale;
		return x > 0 && x < 1.8e19 ? (__u64)x : 0;
	}
	if (n && s[0] == '-')
		return 0;
	for (; i < n && s[i] != '.'; i++)
		v = v * 10 + (__u64)(s[i] - '0');
	v *= scale;
	for (i++, d = 0; i < n && d < ndig; i++, d++) {
		scale /= 10;
		v += (__u64)(s[i] - '0') * scale;
	}
	return v;
}

static int jl_int(struct jl *j, long long *v)
{
	const char *s;
	size_t n;
	char buf[32];

	if (jl_number(j, &s, &n))
		return -EINVAL;
	snprintf(buf, sizeof(buf), "%.*s", (int)(n < 31 ? n : 31), s);
	*v = strtoll(buf, NULL, 10);
	return 0;
}

static int jl_bool(struct jl *j, bool *v)
{
	if (jl_lit(j, "true"))
		*v = true;
	else if (jl_lit(j, "false") || jl_lit(j, "null"))
		*v = false;
	else
		return -EINVAL;
	return 0;
}

/* A string, or null (*has false). */
static int jl_opt_string(struct jl *j, struct rn_strbuf *out, bool *has)
{
	*has = !jl_lit(j, "null");
	return *has ? jl_string(j, out) : 0;
}

/* "args": strings as their bytes, numbers as their text. */
static int jl_args(struct jl *j, struct jl_line *l)
{
	if (j->p >= j->end || *j->p++ != '[')
		return -EINVAL;
	jl_ws(j);
	if (j->p < j->end && *j->p == ']') {
		j->p++;
		return 0;
	}
	for (;;) {
		struct rn_strbuf *a = l->nargs < RN_MAX_ARGS ? &l->arg[l->nargs] : NULL;
		const char *s = (jl_ws(j), j->p);

		if (j->p < j->end && *j->p == '"') {
			if (jl_string(j, a))
				return -EINVAL;
		} else {
			if (jl_skip(j, 1))
				return -EINVAL;
			if (a)
				rn_sb_put(a, s, (size_t)(j->p - s));
		}
		if (a)
			l->nargs++;
		jl_ws(j);
		if (j->p >= j->end)
			return -EINVAL;
		if (*j->p++ == ']')
			return 0;
		if (j->p[-1] != ',')
			return -EINVAL;
	}
}

/* A number or null (0). */
static int jl_opt_int(struct jl *j, long long *v)
{
	*v = 0;
	return jl_lit(j, "null") ? 0 : jl_int(j, v);
}

/* One frame object of "stack", as its args.stack text. */
static int jl_frame(struct jl *j, struct jl_line *l)
{
	bool has_fn = false, has_file = false, has_obj = false;
	long long line = 0, offset = 0, ip = 0;
	int err;

	if (j->p >= j->end || *j->p++ != '{')
		return -EINVAL;
	rn_sb_reset(&l->fn);
	rn_sb_reset(&l->file);
	rn_sb_reset(&l->obj);
	jl_ws(j);
	if (j->p < j->end && *j->p == '}')
		j->p++;
	else
		for (;;) {
			jl_ws(j);
			rn_sb_reset(&l->key);
			if (jl_string(j, &l->key))
				return -EINVAL;
			jl_ws(j);
			if (j->p >= j->end || *j->p++ != ':')
				return -EINVAL;
			jl_ws(j);
			if (!strcmp(l->key.buf, "function"))
				err = jl_opt_string(j, &l->fn, &has_fn);
			else if (!strcmp(l->key.buf, "file"))
				err = jl_opt_string(j, &l->file, &has_file);
			else if (!strcmp(l->key.buf, "object"))
				err = jl_opt_string(j, &l->obj, &has_obj);
			else if (!strcmp(l->key.buf, "line"))
				err = jl_opt_int(j, &line);
			else if (!strcmp(l->key.buf, "offset"))
				err = jl_opt_int(j, &offset);
			else if (!strcmp(l->key.buf, "ip"))
				err = jl_opt_int(j, &ip);
			else
				err = jl_skip(j, 2);
			jl_ws(j);
			if (err || j->p >= j->end)
				return -EINVAL;
			if (*j->p++ == '}')
				break;
			if (j->p[-1] != ',')
				return -EINVAL;
		}
	if (l->nframes == RN_STACK_MAX)
		return 0;
	l->fstart[l->nframes++] = l->frames.len;
	rn_pf_frame_text(&l->frames, has_fn ? l->fn.buf : NULL, has_file ? l->file.buf : NULL,
			 line > 0 ? (unsigned)line : 0, has_obj ? l->obj.buf : NULL,
			 (__u64)offset, (__u64)ip);
	l->fstart[l->nframes] = l->frames.len;
	return 0;
}

/* "stack": [frame, ...] (or null). */
static int jl_stack(struct jl *j, struct jl_line *l)
{
	if (jl_lit(j, "null"))
		return 0;
	if (j->p >= j->end || *j->p++ != '[')
		return -EINVAL;
	jl_ws(j);
	if (j->p < j->end && *j->p == ']') {
		j->p++;
		return 0;
	}
	for (;;) {
		jl_ws(j);
		if (jl_frame(j, l))
			return -EINVAL;
		jl_ws(j);
		if (j->p >= j->end)
			return -EINVAL;
		if (*j->p++ == ']')
			return 0;
		if (j->p[-1] != ',')
			return -EINVAL;
	}
}

static int jl_field(struct jl *j, const char *key, struct jl_line *l)
{
	const char *s;
	size_t n;

	if (!strcmp(key, "type"))
		return jl_string(j, &l->type);
	if (!strcmp(key, "syscall"))
		return jl_string(j, &l->name);
	if (!strcmp(key, "args"))
		return jl_args(j, l);
	if (!strcmp(key, "errno"))
		return jl_opt_string(j, &l->err, &l->has_err);
	if (!strcmp(key, "signal"))
		return jl_opt_string(j, &l->signal, &l->has_signal);
	if (!strcmp(key, "siginfo"))
		return jl_opt_string(j, &l->siginfo, &l->has_siginfo);
	if (!strcmp(key, "comm"))
		return jl_opt_string(j, &l->comm, &l->has_comm);
	if (!strcmp(key, "ts") || !strcmp(key, "dur_us")) {
		if (jl_number(j, &s, &n))
			return -EINVAL;
		if (key[0] == 't')
			l->ts_ns = scaled(s, n, 9);
		else
			l->dur_ns = scaled(s, n, 3);
		return 0;
	}
	if (!strcmp(key, "ret"))
		return (l->has_ret = !jl_lit(j, "null")) ? jl_int(j, &l->ret) : 0;
	if (!strcmp(key, "pid"))
		return jl_int(j, &l->pid);
	if (!strcmp(key, "tgid"))
		return (l->has_tgid = true), jl_int(j, &l->tgid);
	if (!strcmp(key, "code"))
		return jl_int(j, &l->code);
	if (!strcmp(key, "superseded_by"))
		return (l->has_super = true), jl_int(j, &l->super);
	if (!strcmp(key, "count"))
		return jl_int(j, (long long *)&l->count);
	if (!strcmp(key, "unfinished"))
		return jl_bool(j, &l->unfinished);
	if (!strcmp(key, "entry_missed"))
		return jl_bool(j, &l->entry_missed);
	if (!strcmp(key, "stopped"))
		return jl_bool(j, &l->stopped);
	if (!strcmp(key, "core_dumped"))
		return jl_bool(j, &l->core_dumped);
	if (!strcmp(key, "stack"))
		return jl_stack(j, l);
	return jl_skip(j, 1);	/* nr, si_code, source, ... */
}

/* Empty l for the next line, keeping its buffers' memory. */
static void jl_line_reset(struct jl_line *l)
{
	struct jl_line keep = *l;

	memset(l, 0, sizeof(*l));
	l->key = keep.key;
	l->type = keep.type;
	l->name = keep.name;
	l->err = keep.err;
	l->signal = keep.signal;
	l->siginfo = keep.siginfo;
	l->comm = keep.comm;
	memcpy(l->arg, keep.arg, sizeof(l->arg));
	l->frames = keep.frames;
	l->fn = keep.fn;
	l->file = keep.file;
	l->obj = keep.obj;
	rn_sb_reset(&l->frames);
	for (struct rn_strbuf *b = &l->key; b <= &l->comm; b++)
		rn_sb_reset(b);
	for (int i = 0; i < RN_MAX_ARGS; i++)
		rn_sb_reset(&l->arg[i]);
}

/* One line into l: 0, or -EINVAL when it is not one JSON object. */
static int jl_parse(const char *line, size_t len, struct jl_line *l)
{
	struct jl j = { .p = line, .end = line + len };

	jl_line_reset(l);
	jl_ws(&j);
	if (j.p >= j.end || *j.p++ != '{')
		return -EINVAL;
	jl_ws(&j);
	if (j.p < j.end && *j.p == '}')
		j.p++;
	else
		for (;;) {
			jl_ws(&j);
			rn_sb_reset(&l->key);
			if (jl_string(&j, &l->key))
				return -EINVAL;
			jl_ws(&j);
			if (j.p >= j.end || *j.p++ != ':')
				return -EINVAL;
			jl_ws(&j);
			if (jl_field(&j, l->key.buf, l))
				return -EINVAL;
			jl_ws(&j);
			if (j.p >= j.end)
				return -EINVAL;
			if (*j.p++ == '}')
				break;
			if (j.p[-1] != ',')
				return -EINVAL;
		}
	jl_ws(&j);
	return j.p == j.end ? 0 : -EINVAL;
}

static const char *cstr(const struct rn_strbuf *b, bool has)
{
	return has ? b->buf : NULL;
}

/* The writer's record for l: 1, 0 for a line of another type (a summary),
 * -EINVAL for a record that lacks what its type needs. */
static int to_rec(struct jl_line *l, struct rn_pf_rec *r)
{
	const char *t = l->type.buf;

	*r = (struct rn_pf_rec){
		.tid = (__u32)l->pid,
		.tgid = (__u32)(l->has_tgid ? l->tgid : l->pid),
		.ts_ns = l->ts_ns,
		.comm = l->has_comm && l->comm.len ? l->comm.buf : NULL,
	};
	if (!strcmp(t, "syscall")) {
		if (!l->name.len)
			return -EINVAL;
		r->kind = RN_PF_SYSCALL;
		r->dur_ns = l->dur_ns;
		r->name = l->name.buf;
		r->nargs = l->nargs;
		for (int i = 0; i < l->nargs; i++)
			r->arg[i] = (struct rn_pf_text){ l->arg[i].buf, l->arg[i].len };
		r->unfinished = l->unfinished || !l->has_ret;
		r->ret = l->ret;
		r->err = cstr(&l->err, l->has_err);
		r->entry_missed = l->entry_missed;
		for (int i = 0; i < l->nframes; i++)
			l->ftext[i] = (struct rn_pf_text){ l->frames.buf + l->fstart[i],
							   l->fstart[i + 1] - l->fstart[i] };
		r->frames = l->ftext;
		r->nframes = l->nframes;
	} else if (!strcmp(t, "signal")) {
		if (!l->has_signal)
			return -EINVAL;
		r->kind = RN_PF_SIGNAL;
		r->name = l->signal.buf;
		r->stopped = l->stopped;
		r->siginfo = (struct rn_pf_text){ l->siginfo.buf, l->siginfo.len };
	} else if (!strcmp(t, "exit")) {
		r->kind = RN_PF_EXIT;
		r->superseded = l->has_super;
		r->exit_code = (int)(l->has_super ? l->super : l->code);
		r->exit_signal = cstr(&l->signal, l->has_signal);
		r->core_dumped = l->core_dumped;
	} else if (!strcmp(t, "lost")) {
		r->kind = RN_PF_LOST;
		r->count = l->count;
	} else if (!strcmp(t, "attach") || !strcmp(t, "detach")) {
		r->kind = t[0] == 'a' ? RN_PF_ATTACH : RN_PF_DETACH;
	} else {
		return 0;
	}
	return (r->tid || r->kind == RN_PF_LOST) ? 1 : -EINVAL;
}

struct export_io {
	FILE *in, *out;
	const char *in_name, *out_name;
	unsigned long long lines, skipped;
};

/* Every line of in, as the document on out. 0, or -errno of a read or write. */
static int convert(struct export_io *io)
{
	struct jl_line l;
	struct rn_pf pf;
	struct rn_pf_rec r;
	struct rn_strbuf buf;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool first = true;
	int ret = 0;

	memset(&l, 0, sizeof(l));
	for (struct rn_strbuf *b = &l.key; b <= &l.comm; b++)
		rn_sb_init(b);
	for (int i = 0; i < RN_MAX_ARGS; i++)
		rn_sb_init(&l.arg[i]);
	rn_sb_init(&l.frames);
	rn_sb_init(&l.fn);
	rn_sb_init(&l.file);
	rn_sb_init(&l.obj);
	rn_sb_init(&buf);
	rn_pf_init(&pf, false, NULL);
	rn_pf_open(&buf);
	while ((n = getline(&line, &cap, io->in)) > 0) {
		int got;

		io->lines++;
		got = jl_parse(line, (size_t)n, &l) ? -EINVAL : to_rec(&l, &r);
		if (got < 0)
			io->skipped++;
		if (got > 0)
			rn_pf_record(&pf, &r, &first, &buf);
		if (got > 0 && r.kind == RN_PF_EXIT && !r.superseded)
			rn_pf_forget(&pf, r.tid, r.tgid);
		if (buf.len >= 1 << 16) {
			fwrite(buf.buf, 1, buf.len, io->out);
			rn_sb_reset(&buf);
		}
	}
	if (ferror(io->in))
		ret = -(errno ? errno : EIO);
	rn_pf_close(&buf);
	fwrite(buf.buf, 1, buf.len, io->out);
	free(line);
	rn_pf_release(&pf);
	rn_sb_release(&buf);
	for (struct rn_strbuf *b = &l.key; b <= &l.comm; b++)
		rn_sb_release(b);
	for (int i = 0; i < RN_MAX_ARGS; i++)
		rn_sb_release(&l.arg[i]);
	rn_sb_release(&l.frames);
	rn_sb_release(&l.fn);
	rn_sb_release(&l.file);
	rn_sb_release(&l.obj);
	return ret;
}

static void export_usage(FILE *f)
{
	fputs("Usage: renacer export [--format=perfetto] [-o OUT] TRACE.jsonl\n"
	      "Convert a trace written with --format=json ('-' reads standard input) to\n"
	      "the Chrome trace-event JSON of --format=perfetto, which ui.perfetto.dev\n"
	      "and chrome://tracing open. Lines that are no trace record are skipped.\n"
	      "\n"
	      "  --format=perfetto       (or chrome) the only format for now\n"
	      "  -o OUT                  write to OUT (default: standard output)\n"
	      "  -h, --help              this help\n",
	      f);
}

static int fail(char *err, size_t errlen, int ret, const char *fmt, const char *what)
{
	snprintf(err, errlen, fmt, what, strerror(-ret));
	return ret;
}

static int parse_args(int argc, char **argv, struct export_io *io, bool *help, char *err,
		      size_t errlen)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		if (c == 'o') {
			io->out_name = optarg;
		} else if (c == 'h') {
			*help = true;
		} else if (c == 'F' && strcmp(optarg, "perfetto") && strcmp(optarg, "chrome")) {
			snprintf(err, errlen, "export: invalid --format '%s': use perfetto", optarg);
			return -EINVAL;
		} else if (c == '?') {
			snprintf(err, errlen, "export: invalid option '%s'\n"
				 "Try 'renacer export -h' for more information.", argv[optind - 1]);
			return -EINVAL;
		}
	}
	if (!*help && optind != argc - 1) {
		snprintf(err, errlen, "usage: renacer export [--format=perfetto] [-o OUT] "
			 "TRACE.jsonl");
		return -EINVAL;
	}
	io->in_name = *help ? NULL : argv[optind];
	return 0;
}

static int open_files(struct export_io *io, char *err, size_t errlen)
{
	char why[4200];

	io->in = strcmp(io->in_name, "-") ? fopen(io->in_name, "re") : stdin;
	if (!io->in)
		return fail(err, errlen, -errno, "cannot open '%s': %s", io->in_name);
	io->out = stdout;
	if (io->out_name) {
		io->out = rn_outfile_open(io->out_name, RN_OUT_TRUNCATE, why, sizeof(why));
		if (!io->out) {
			snprintf(err, errlen, "%s", why);
			return -errno;
		}
	}
	setvbuf(io->out, NULL, _IOFBF, 1 << 16);
	return 0;
}

int rn_export_main(int argc, char **argv, char *err, size_t errlen)
{
	struct export_io io = { .out_name = NULL };
	bool help = false;
	int ret = parse_args(argc, argv, &io, &help, err, errlen);

	if (ret || help) {
		if (help)
			export_usage(stdout);
		return ret;
	}
	ret = open_files(&io, err, errlen);
	if (!ret) {
		ret = convert(&io);
		if (ret)
			fail(err, errlen, ret, "cannot read '%s': %s", io.in_name);
	}
	if (io.out && (fflush(io.out) || ferror(io.out)) && !ret)
		ret = fail(err, errlen, -(errno ? errno : EIO), "cannot write to %s: %s",
			   io.out_name ? io.out_name : "standard output");
	if (io.out && io.out != stdout && fclose(io.out) && !ret)
		ret = fail(err, errlen, -errno, "cannot write to %s: %s", io.out_name);
	if (io.in && io.in != stdin)
		fclose(io.in);
	if (!ret && io.skipped)
		fprintf(stderr, "renacer: export: %llu of %llu lines skipped (not trace records)\n",
			io.skipped, io.lines);
	return ret;
}
