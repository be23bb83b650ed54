// SPDX-License-Identifier: MIT
/* --function-time: an open-addressing table keyed by (function, syscall). */
#include "ftime.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "../syscalls/strbuf.h"
#include "../syscalls/syscalls.h"

struct ftime_row {
	char *function;		/* NULL: empty slot; "??" for unknown */
	int nr;
	__u64 calls, errors, ns;
};

struct rn_ftime {
	struct ftime_row *rows;
	size_t cap, len;	/* cap a power of two, len <= cap / 2 */
};

struct rn_ftime *rn_ftime_new(void)
{
	struct rn_ftime *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->cap = 64;
	f->rows = calloc(f->cap, sizeof(*f->rows));
	if (!f->rows) {
		free(f);
		return NULL;
	}
	return f;
}

void rn_ftime_free(struct rn_ftime *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->cap; i++)
		free(f->rows[i].function);
	free(f->rows);
	free(f);
}

static size_t ftime_hash(const char *s, int nr)
{
	size_t h = 1469598103934665603ull ^ (size_t)(unsigned)nr;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static struct ftime_row *ftime_slot(struct ftime_row *rows, size_t cap, const char *fn, int nr)
{
	size_t i = ftime_hash(fn, nr) & (cap - 1);

	while (rows[i].function && (rows[i].nr != nr || strcmp(rows[i].function, fn)))
		i = (i + 1) & (cap - 1);
	return &rows[i];
}

static int ftime_grow(struct rn_ftime *f)
{
	size_t cap = f->cap * 2;
	struct ftime_row *rows = calloc(cap, sizeof(*rows));

	if (!rows)
		return -ENOMEM;
	for (size_t i = 0; i < f->cap; i++)
		if (f->rows[i].function)
			*ftime_slot(rows, cap, f->rows[i].function, f->rows[i].nr) = f->rows[i];
	free(f->rows);
	f->rows = rows;
	f->cap = cap;
	return 0;
}

int rn_ftime_add(struct rn_ftime *f, const char *function, int nr, __u64 dur_ns, bool failed)
{
	struct ftime_row *r;

	if (!function)
		function = "??";
	r = ftime_slot(f->rows, f->cap, function, nr);
	if (!r->function) {
		if (f->len + 1 > f->cap / 2) {
			if (ftime_grow(f) < 0)
				return -ENOMEM;
			r = ftime_slot(f->rows, f->cap, function, nr);
		}
		r->function = strdup(function);
		if (!r->function)
			return -ENOMEM;
		r->nr = nr;
		f->len++;
	}
	r->calls++;
	r->errors += failed;
	r->ns += dur_ns;
	return 0;
}

static int cmp_rows(const void *a, const void *b)
{
	const struct ftime_row *x = *(const struct ftime_row *const *)a;
	const struct ftime_row *y = *(const struct ftime_row *const *)b;
	int c;

	if (x->ns != y->ns)
		return x->ns > y->ns ? -1 : 1;
	if (x->calls != y->calls)
		return x->calls > y->calls ? -1 : 1;
	c = strcmp(x->function, y->function);
	return c ? c : x->nr - y->nr;
}

static const char *ftime_name(int nr, char *buf, size_t len)
{
	const struct rn_syscall_info *si = rn_syscall(nr);

	if (si && si->name)
		return si->name;
	snprintf(buf, len, "syscall_%d", nr);
	return buf;
}

static void ftime_json(const struct ftime_row **v, size_t n, FILE *out)
{
	struct rn_strbuf sb;
	char buf[32];

	rn_sb_init(&sb);
	rn_sb_puts(&sb, "{\"type\":\"function_time\",\"rows\":[");
	for (size_t i = 0; i < n; i++) {
		const char *name = ftime_name(v[i]->nr, buf, sizeof(buf));

		rn_sb_puts(&sb, i ? ",{\"function\":\"" : "{\"function\":\"");
		rn_json_escape(&sb, v[i]->function, strlen(v[i]->function));
		rn_sb_printf(&sb, "\",\"syscall\":\"%s\",\"calls\":%llu,\"errors\":%llu,"
			     "\"time_us\":%llu.%03llu}", name, (unsigned long long)v[i]->calls,
			     (unsigned long long)v[i]->errors,
			     (unsigned long long)(v[i]->ns / 1000),
			     (unsigned long long)(v[i]->ns % 1000));
	}
	rn_sb_puts(&sb, "]}\n");
	fwrite(sb.buf, 1, sb.len, out);
	rn_sb_release(&sb);
}

/* Function names come from the traced program's files: non-printable bytes
 * as \xHH. */
static void ftime_put_name(const char *s, FILE *out)
{
	int w = 0;

	for (; *s; s++, w++) {
		unsigned char ch = (unsigned char)*s;

		if (ch >= 0x20 && ch < 0x7f && ch != '\\') {
			fputc(ch, out);
		} else {
			fprintf(out, "\\x%02x", ch);
			w += 3;
		}
	}
	for (; w < 24; w++)
		fputc(' ', out);
}

static void ftime_text(const struct ftime_row **v, size_t n, FILE *out)
{
	__u64 total = 0, calls = 0, errors = 0;
	char buf[32];

	for (size_t i = 0; i < n; i++) {
		total += v[i]->ns;
		calls += v[i]->calls;
		errors += v[i]->errors;
	}
	fprintf(out, "%% time     seconds  usecs/call     calls    errors %-24s syscall\n",
		"function");
	fputs("------ ----------- ----------- --------- --------- ------------------------ "
	      "----------------\n", out);
	for (size_t i = 0; i < n; i++) {
		const struct ftime_row *r = v[i];

		fprintf(out, "%6.2f %11.6f %11llu %9llu ", total ? 100.0 * r->ns / total : 0.0,
			r->ns / 1e9, (unsigned long long)(r->ns / 1000 / r->calls),
			(unsigned long long)r->calls);
		if (r->errors)
			fprintf(out, "%9llu ", (unsigned long long)r->errors);
		else
			fputs("          ", out);
		ftime_put_name(r->function, out);
		fprintf(out, " %s\n", ftime_name(r->nr, buf, sizeof(buf)));
	}
	fputs("------ ----------- ----------- --------- --------- ------------------------ "
	      "----------------\n", out);
	fprintf(out, "100.00 %11.6f %11llu %9llu ", total / 1e9,
		(unsigned long long)(calls ? total / 1000 / calls : 0), (unsigned long long)calls);
	if (errors)
		fprintf(out, "%9llu ", (unsigned long long)errors);
	else
		fputs("          ", out);
	fprintf(out, "%-24s total\n", "");
}

void rn_ftime_print(const struct rn_ftime *f, bool json, FILE *out)
{
	const struct ftime_row **v = malloc((f->len ? f->len : 1) * sizeof(*v));
	size_t n = 0;

	if (!v)
		return;
	for (size_t i = 0; i < f->cap; i++)
		if (f->rows[i].function)
			v[n++] = &f->rows[i];
	qsort(v, n, sizeof(*v), cmp_rows);
	if (json)
		ftime_json(v, n, out);
	else
		ftime_text(v, n, out);
	free(v);
	fflush(out);
}
