// SPDX-License-Identifier: MIT
/*
 * A small, strict JSON reader for one trace line. It never reads past len,
 * bounds nesting, and reports any deviation from the grammar as malformed
 * (the caller counts such lines and moves on).
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

#define JSON_MAX_DEPTH 64

struct jp {
	const char *p;
	const char *end;
};

static void jp_ws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static bool jp_lit(struct jp *j, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0)
		return false;
	j->p += n;
	return true;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A string at j->p (on the opening quote). Decoded into out (NUL-terminated,
 * non-ASCII escapes as '?') when out is given; *trunc set when it did not
 * fit. Returns 0 or -EINVAL. */
static int jp_string(struct jp *j, char *out, size_t outlen, bool *trunc)
{
	size_t o = 0;
	int i;

	if (trunc)
		*trunc = false;
	if (j->p >= j->end || *j->p != '"')
		return -EINVAL;
	for (j->p++; j->p < j->end; j->p++) {
		unsigned char c = (unsigned char)*j->p;
		char d = (char)c;

		if (c == '"') {
			j->p++;
			if (out)
				out[o] = '\0';
			return 0;
		}
		if (c < 0x20)
			return -EINVAL;
		if (c == '\\') {
			if (++j->p >= j->end)
				return -EINVAL;
			switch (*j->p) {
			case '"': case '\\': case '/': d = *j->p; break;
			case 'b': d = '\b'; break;
			case 'f': d = '\f'; break;
			case 'n': d = '\n'; break;
			case 'r': d = '\r'; break;
			case 't': d = '\t'; break;
			case 'u':
				if (j->end - j->p < 5)
					return -EINVAL;
				for (i = 1; i <= 4; i++)
					if (hexval(j->p[i]) < 0)
						return -EINVAL;
				d = (hexval(j->p[1]) | hexval(j->p[2])) == 0 && hexval(j->p[3]) < 8 ?
				    (char)(hexval(j->p[3]) * 16 + hexval(j->p[4])) : '?';
				j->p += 4;
				break;
			default:
				return -EINVAL;
			}
		}
		if (out) {
			if (o + 1 < outlen)
				out[o++] = d;
			else if (trunc)
				*trunc = true;
		}
	}
	return -EINVAL;
}

/* A JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int jp_number(struct jp *j, double *v, long long *iv, bool *is_int)
{
	const char *s = j->p;
	char buf[64];
	size_t n;

	*is_int = true;
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p >= j->end || *j->p < '0' || *j->p > '9')
		return -EINVAL;
	if (*j->p == '0')
		j->p++;
	else
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	if (j->p < j->end && *j->p == '.') {
		*is_int = false;
		if (++j->p >= j->end || *j->p < '0' || *j->p > '9')
			return -EINVAL;
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		*is_int = false;
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (j->p >= j->end || *j->p < '0' || *j->p > '9')
			return -EINVAL;
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	n = (size_t)(j->p - s);
	if (n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*v = strtod(buf, NULL);
	if (!isfinite(*v))
		return -EINVAL;	/* 1e400: no JSON number we can use */
	if (*is_int)
		*iv = strtoll(buf, NULL, 10);	/* saturates at LLONG_MIN/MAX */
	else if (*v >= 0x1p63)
		*iv = LLONG_MAX;	/* the cast would be undefined */
	else if (*v < -0x1p63)
		*iv = LLONG_MIN;
	else
		*iv = (long long)*v;
	return 0;
}

static int jp_skip(struct jp *j, int depth)
{
	double v;
	long long iv;
	bool isint;
	char close;

	if (depth > JSON_MAX_DEPTH)
		return -EINVAL;
	jp_ws(j);
	if (j->p >= j->end)
		return -EINVAL;
	switch (*j->p) {
	case '"':
		return jp_string(j, NULL, 0, NULL);
	case '{':
	case '[':
		close = *j->p == '{' ? '}' : ']';
		j->p++;
		jp_ws(j);
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return 0;
		}
		for (;;) {
			if (close == '}') {
				jp_ws(j);
				if (jp_string(j, NULL, 0, NULL) < 0)
					return -EINVAL;
				jp_ws(j);
				if (j->p >= j->end || *j->p++ != ':')
					return -EINVAL;
			}
			if (jp_skip(j, depth + 1) < 0)
				return -EINVAL;
			jp_ws(j);
			if (j->p >= j->end)
				return -EINVAL;
			if (*j->p == close) {
				j->p++;
				return 0;
			}
			if (*j->p++ != ',')
				return -EINVAL;
		}
	case 't':
		return jp_lit(j, "true") ? 0 : -EINVAL;
	case 'f':
		return jp_lit(j, "false") ? 0 : -EINVAL;
	case 'n':
		return jp_lit(j, "null") ? 0 : -EINVAL;
	default:
		return jp_number(j, &v, &iv, &isint);
	}
}

/* Number or null at j->p: 1 number, 0 null, -EINVAL otherwise. */
static int jp_num_or_null(struct jp *j, double *v, long long *iv)
{
	bool isint;

	if (jp_lit(j, "null"))
		return 0;
	return jp_number(j, v, iv, &isint) < 0 ? -EINVAL : 1;
}

struct line_fields {
	bool is_syscall, is_lost, has_type, has_name, has_nr, unfinished;
	__u64 count;		/* "count" of a lost record */
};

static int jp_field(struct jp *j, const char *key, struct rn_analyze_rec *r, char *namebuf,
		    size_t namelen, struct line_fields *f)
{
	char type[16];
	bool trunc;
	double v = 0;
	long long iv = 0;
	int rc;

	if (strcmp(key, "type") == 0) {
		if (jp_string(j, type, sizeof(type), &trunc) < 0)
			return -EINVAL;
		f->has_type = true;
		f->is_syscall = !trunc && strcmp(type, "syscall") == 0;
		f->is_lost = !trunc && strcmp(type, "lost") == 0;
		return 0;
	}
	if (strcmp(key, "count") == 0) {
		rc = jp_num_or_null(j, &v, &iv);
		if (rc > 0 && iv > 0)
			f->count = (__u64)iv;
		return rc < 0 ? rc : 0;
	}
	if (strcmp(key, "unfinished") == 0) {
		/* a call that never returned is no latency sample (as live) */
		if (jp_lit(j, "true"))
			f->unfinished = true;
		else if (!jp_lit(j, "false") && !jp_lit(j, "null"))
			return -EINVAL;
		return 0;
	}
	if (strcmp(key, "syscall") == 0 && j->p < j->end && *j->p == '"') {
		if (jp_string(j, namebuf, namelen, &trunc) < 0 || trunc)
			return -EINVAL;
		f->has_name = namebuf[0] != '\0';
		return 0;
	}
	if (strcmp(key, "errno") == 0 && j->p < j->end && *j->p == '"') {
		/* "ENOENT": the name only, cut to the buffer; a number is no name */
		return jp_string(j, r->errname, sizeof(r->errname), &trunc) < 0 ? -EINVAL : 0;
	}
	if (strcmp(key, "ts") && strcmp(key, "pid") && strcmp(key, "tid") &&
	    strcmp(key, "tgid") && strcmp(key, "nr") && strcmp(key, "ret") &&
	    strcmp(key, "dur_us"))
		return jp_skip(j, 1);
	rc = jp_num_or_null(j, &v, &iv);
	if (rc <= 0)
		return rc;
	if (strcmp(key, "ts") == 0)
		r->ts = v;
	else if (strcmp(key, "pid") == 0 || strcmp(key, "tid") == 0)
		r->tid = (__u32)iv;
	else if (strcmp(key, "tgid") == 0)
		r->tgid = (__u32)iv;
	else if (strcmp(key, "nr") == 0) {
		r->nr = iv >= 0 && iv < RN_NR_MAX ? (int)iv : -1;
		f->has_nr = r->nr >= 0;
	} else if (strcmp(key, "ret") == 0)
		r->ret = iv;
	else if (strcmp(key, "dur_us") == 0)
		r->dur_us = v >= 0.0 ? v : 0.0;
	return 0;
}

int rn_analyze_parse_line(const char *line, size_t len, struct rn_analyze_rec *r,
			  char *namebuf, size_t namelen)
{
	struct jp j = { .p = line, .end = line + len };
	struct line_fields f = { .is_syscall = false };
	char key[32];
	bool trunc;

	memset(r, 0, sizeof(*r));
	r->nr = -1;
	if (namelen == 0)
		return -EINVAL;
	namebuf[0] = '\0';
	jp_ws(&j);
	if (j.p >= j.end || *j.p++ != '{')
		return -EINVAL;
	jp_ws(&j);
	if (j.p < j.end && *j.p == '}') {
		j.p++;
	} else {
		for (;;) {
			jp_ws(&j);
			if (jp_string(&j, key, sizeof(key), &trunc) < 0)
				return -EINVAL;
			jp_ws(&j);
			if (j.p >= j.end || *j.p++ != ':')
				return -EINVAL;
			jp_ws(&j);
			if ((trunc ? jp_skip(&j, 1) : jp_field(&j, key, r, namebuf, namelen, &f)) < 0)
				return -EINVAL;
			jp_ws(&j);
			if (j.p >= j.end)
				return -EINVAL;
			if (*j.p == '}') {
				j.p++;
				break;
			}
			if (*j.p++ != ',')
				return -EINVAL;
		}
	}
	jp_ws(&j);
	if (j.p != j.end)
		return -EINVAL;
	if (f.is_lost)
		r->lost = f.count;
	if ((f.has_type && !f.is_syscall) || f.unfinished)
		return 0;
	if (!f.has_name && !f.has_nr)
		return f.has_type ? -EINVAL : 0;
	if (!f.has_type && !f.has_name)
		return 0;
	r->name = f.has_name ? namebuf : NULL;
	return 1;
}
