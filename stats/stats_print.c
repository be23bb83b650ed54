// SPDX-License-Identifier: MIT
/*
 * Printing summaries: strace -c's table (same columns, widths, separators and
 * total row), the --stats-extended columns, log2 histograms and the JSON
 * summary object.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats_int.h"

#define HIST_BAR 40

/* The rows of one group, sorted, plus the group's total. */
struct table {
	__u32 id;
	struct rn_stats_row *rows;
	size_t n;
	struct rn_stats_row total;
};

static int row_cmp(const void *pa, const void *pb, void *arg)
{
	const struct rn_stats_row *a = pa, *b = pb;
	enum rn_stats_sort sort = *(const enum rn_stats_sort *)arg;
	char ba[32], bb[32];
	int r = 0;

#define DESC(f) r = (a->f < b->f) - (a->f > b->f)
	switch (sort) {
	case RN_SORT_TIME: DESC(total_ns); break;
	case RN_SORT_CALLS: DESC(calls); break;
	case RN_SORT_ERRORS: DESC(errors); break;
	case RN_SORT_AVG: DESC(avg_ns); break;
	case RN_SORT_MIN: DESC(min_ns); break;
	case RN_SORT_MAX: DESC(max_ns); break;
	case RN_SORT_P99: DESC(p99_ns); break;
	case RN_SORT_NAME:
		r = strcmp(stats_name(a->nr, ba, sizeof(ba)), stats_name(b->nr, bb, sizeof(bb)));
		break;
	case RN_SORT_NONE:
		break;
	}
#undef DESC
	return r ? r : (a->nr > b->nr) - (a->nr < b->nr);
}

/* Figures over every syscall of g: exact sums, merged histogram for the
 * percentiles, pooled variance for the standard deviation. */
static int table_total(const struct stats *s, const struct stats_group *g, struct table *t)
{
	struct stats_sc *m = calloc(1, sizeof(*m));
	double sumsq = 0.0, mean;
	unsigned c;
	size_t i;
	int nr;

	if (!m)
		return -ENOMEM;
	for (nr = 0; nr < RN_NR_MAX; nr++) {
		const struct stats_sc *sc = g->sc[nr];

		if (!sc || sc->acc.n == 0)
			continue;
		for (c = 0; c < STATS_NCHUNK; c++) {
			if (!sc->chunk[c])
				continue;
			if (!m->chunk[c] && !(m->chunk[c] = calloc(RN_HIST_SUB, sizeof(__u64))))
				goto nomem;
			s->k->hist_add(m->chunk[c], sc->chunk[c], RN_HIST_SUB);
		}
		if (m->acc.n == 0 || sc->acc.min < m->acc.min)
			m->acc.min = sc->acc.min;
		if (sc->acc.max > m->acc.max)
			m->acc.max = sc->acc.max;
		m->acc.n += sc->acc.n;
		m->acc.sum += sc->acc.sum;
		m->errors += sc->errors;
		m->hist_n += sc->hist_n;
	}
	stats_sc_row(s, m, t->id, -1, &t->total);
	if (m->acc.n) {
		/* pooled: E[x^2] = sum over syscalls of n_i (var_i + mean_i^2) / N */
		for (i = 0; i < t->n; i++) {
			const struct rn_stats_row *r = &t->rows[i];

			sumsq += (double)r->calls * (r->stddev_ns * r->stddev_ns +
						     r->avg_ns * r->avg_ns);
		}
		mean = t->total.avg_ns;
		t->total.stddev_ns = sqrt(fmax(0.0, sumsq / (double)m->acc.n - mean * mean));
	}
	for (c = 0; c < STATS_NCHUNK; c++)
		free(m->chunk[c]);
	free(m);
	return 0;
nomem:
	for (c = 0; c < STATS_NCHUNK; c++)
		free(m->chunk[c]);
	free(m);
	return -ENOMEM;
}

static int table_build(const struct stats *s, const struct stats_group *g,
		       enum rn_stats_sort sort, struct table *t)
{
	int nr;

	t->id = g->id;
	t->n = 0;
	t->rows = calloc(RN_NR_MAX, sizeof(*t->rows));
	if (!t->rows)
		return -ENOMEM;
	for (nr = 0; nr < RN_NR_MAX; nr++)
		if (g->sc[nr] && g->sc[nr]->acc.n)
			stats_sc_row(s, g->sc[nr], g->id, nr, &t->rows[t->n++]);
	qsort_r(t->rows, t->n, sizeof(*t->rows), row_cmp, &sort);
	if (table_total(s, g, t) < 0) {
		free(t->rows);
		return -ENOMEM;
	}
	return 0;
}

static int id_cmp(const void *pa, const void *pb)
{
	const struct stats_group *a = *(struct stats_group *const *)pa;
	const struct stats_group *b = *(struct stats_group *const *)pb;

	return (a->id > b->id) - (a->id < b->id);
}

/* The groups sorted by id (a single one when keyed by syscall). */
static struct stats_group **groups_sorted(const struct stats *s, size_t *n)
{
	struct stats_group **v = calloc(s->ngroups + 1, sizeof(*v));
	size_t i;

	*n = 0;
	if (!v)
		return NULL;
	for (i = 0; i < s->cap; i++)
		if (s->groups[i])
			v[(*n)++] = s->groups[i];
	qsort(v, *n, sizeof(*v), id_cmp);
	return v;
}

static const char *const ext_cols[] = { "min_us", "p50_us", "p90_us", "p99_us", "max_us",
					 "stddev_us" };

static void table_header(FILE *out, bool ext)
{
	size_t i;

	fputs("% time     seconds  usecs/call     calls    errors", out);
	if (ext)
		for (i = 0; i < 6; i++)
			fprintf(out, " %10s", ext_cols[i]);
	fputs(" syscall\n", out);
	fputs("------ ----------- ----------- --------- ---------", out);
	if (ext)
		for (i = 0; i < 6; i++)
			fputs(" ----------", out);
	fputs(" ----------------\n", out);
}

static void table_row(FILE *out, const struct rn_stats_row *r, double pct, bool ext,
		      const char *name)
{
	unsigned long long per_call = r->calls ? r->total_ns / r->calls / 1000 : 0;

	fprintf(out, "%6.2f %11.6f %11llu %9llu %9.llu", pct, (double)r->total_ns / 1e9,
		per_call, (unsigned long long)r->calls, (unsigned long long)r->errors);
	if (ext) {
		const double v[6] = { (double)r->min_ns, r->p50_ns, r->p90_ns, r->p99_ns,
				      (double)r->max_ns, r->stddev_ns };
		int i;

		for (i = 0; i < 6; i++)
			if (isnan(v[i]))
				fprintf(out, " %10s", "-");
			else
				fprintf(out, " %10.2f", v[i] / 1e3);
	}
	fprintf(out, " %s\n", name);
}

static void table_print(FILE *out, const struct table *t, bool ext)
{
	double total = (double)t->total.total_ns;
	char buf[32];
	size_t i;

	table_header(out, ext);
	for (i = 0; i < t->n; i++) {
		const struct rn_stats_row *r = &t->rows[i];

		table_row(out, r, total > 0 ? 100.0 * (double)r->total_ns / total : 0.0, ext,
			  stats_name(r->nr, buf, sizeof(buf)));
	}
	fputs("------ ----------- ----------- --------- ---------", out);
	if (ext)
		for (i = 0; i < 6; i++)
			fputs(" ----------", out);
	fputs(" ----------------\n", out);
	table_row(out, &t->total, 100.0, ext, "total");
}

/* Log2 bins of a syscall's histogram: bin 0 holds 0 ns, bin b >= 1 holds
 * [2^(b-1), 2^b). Each chunk above the first is exactly one power of two. */
static void log2_bins(const struct stats_sc *sc, __u64 bins[65])
{
	unsigned c, i;

	memset(bins, 0, 65 * sizeof(__u64));
	for (c = 0; c < STATS_NCHUNK; c++) {
		if (!sc->chunk[c])
			continue;
		if (c == 0) {
			for (i = 0; i < RN_HIST_SUB; i++)
				bins[i ? rn_hist_log2(i) + 1 : 0] += sc->chunk[0][i];
			continue;
		}
		for (i = 0; i < RN_HIST_SUB; i++)
			bins[c + RN_HIST_SUB_BITS] += sc->chunk[c][i];
	}
}

static unsigned long long bin_lo(unsigned b)
{
	return b ? 1ull << (b - 1) : 0;
}

static unsigned long long bin_hi(unsigned b)
{
	return b ? (b == 64 ? ~0ull : (1ull << b) - 1) : 0;
}

static void hist_print(FILE *out, const struct stats_sc *sc, const char *name)
{
	__u64 bins[65], top = 0;
	char bar[HIST_BAR + 1];
	int b, first = -1, last = -1;

	log2_bins(sc, bins);
	for (b = 0; b < 65; b++) {
		if (!bins[b])
			continue;
		if (first < 0)
			first = b;
		last = b;
		if (bins[b] > top)
			top = bins[b];
	}
	if (first < 0)
		return;
	fprintf(out, "\n%s: %llu calls, latency in ns (log2 buckets)\n", name,
		(unsigned long long)sc->hist_n);
	fprintf(out, "%20s    %-20s : %-10s distribution\n", "ns", "", "count");
	for (b = first; b <= last; b++) {
		int w = (int)((bins[b] * HIST_BAR + top - 1) / top);

		memset(bar, '*', (size_t)w);
		bar[w] = '\0';
		fprintf(out, "%20llu -> %-20llu : %-10llu |%-*s|\n", bin_lo((unsigned)b),
			bin_hi((unsigned)b), (unsigned long long)bins[b], HIST_BAR, bar);
	}
}

static bool in_set(const __u64 *set, int nr)
{
	return !set || (set[nr / 64] >> (nr % 64)) & 1;
}

static void tables_free(struct table *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(t[i].rows);
	free(t);
}

/* Build a table per group (sorted by id). Returns the tables or NULL. */
static struct table *tables_build(struct stats *s, enum rn_stats_sort sort, size_t *nt,
				  struct stats_group ***groups)
{
	struct table *t;
	size_t i;

	stats_flush_all(s);
	*groups = groups_sorted(s, nt);
	if (!*groups)
		return NULL;
	t = calloc(*nt + 1, sizeof(*t));
	if (!t)
		goto fail;
	for (i = 0; i < *nt; i++) {
		if (table_build(s, (*groups)[i], sort, &t[i]) < 0) {
			tables_free(t, i);
			goto fail;
		}
	}
	return t;
fail:
	free(*groups);
	return NULL;
}

static const char *key_word(enum rn_stats_key key)
{
	static const char *const words[] = { "", "tid", "pid", "cgroup", "container" };

	return (size_t)key < sizeof(words) / sizeof(words[0]) ? words[key] : "";
}

/* Printable ASCII as is, other bytes as \xHH (JSON: \u00HH): names are
 * the traced programs' to choose. */
static void put_text(char *buf, size_t len, size_t *o, const char *s, size_t n, bool json)
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < n && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (*o + 8 >= len)
			break;
		if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
			buf[(*o)++] = (char)c;
			continue;
		}
		*o += (size_t)snprintf(buf + *o, len - *o, json ? "\\u00%c%c" : "\\x%c%c",
				       hex[c >> 4], hex[c & 15]);
	}
	buf[*o] = 0;
}

/* What names a group: its comm (thread, process), the cgroup's path or the
 * container; NULL when unknown. kind says which. */
static const char *group_label(const struct stats *s, const struct stats_group *g,
			       const char **kind)
{
	const char *(*name)(void *, __u64, bool) = s->namer.name;
	__u32 i = g->id - 1;

	*kind = key_word(s->key);
	if (g->id == RN_STATS_CGROUPS_MAX + 1 &&
	    (s->key == RN_STATS_BY_CGROUP || s->key == RN_STATS_BY_CONTAINER))
		return "other";
	if (s->key == RN_STATS_BY_CGROUP)
		return name && i < s->ncg ? name(s->namer.ctx, s->cgids[i], false) : NULL;
	if (s->key == RN_STATS_BY_CONTAINER)
		return i < s->nnames ? s->names[i] : NULL;
	*kind = "container";
	return name && g->comm[0] ? name(s->namer.ctx, g->cgroup_id, true) : NULL;
}

void stats_group_heading(const struct stats *s, const struct stats_group *g, char *buf,
			 size_t len)
{
	const char *kind, *label = group_label(s, g, &kind);
	size_t o = 0;

	if (s->key == RN_STATS_BY_CGROUP || s->key == RN_STATS_BY_CONTAINER) {
		o = (size_t)snprintf(buf, len, "%s ", kind);
		if (label)
			put_text(buf, len, &o, label, strlen(label), false);
		else
			snprintf(buf + o, len - o, "id %llu", (unsigned long long)s->cgids[g->id - 1]);
		return;
	}
	o = (size_t)snprintf(buf, len, "%s %u", key_word(s->key), g->id);
	if (g->comm[0]) {
		o += (size_t)snprintf(buf + o, len - o, " (");
		put_text(buf, len, &o, g->comm, sizeof(g->comm), false);
		o += (size_t)snprintf(buf + o, len - o, ")");
	}
	if (label) {
		o += (size_t)snprintf(buf + o, len - o, " container ");
		put_text(buf, len, &o, label, strlen(label), false);
	}
}

void stats_group_json(const struct stats *s, const struct stats_group *g, FILE *out)
{
	const char *kind, *label = group_label(s, g, &kind);
	char buf[1024];
	size_t o = 0;

	if (s->key == RN_STATS_BY_CGROUP || s->key == RN_STATS_BY_CONTAINER) {
		if (label)
			put_text(buf, sizeof(buf), &o, label, strlen(label), true);
		fprintf(out, label ? "\"%s\":\"%s\"," : "\"%s\":null,", kind, buf);
		return;
	}
	fprintf(out, "\"%s\":%u,", key_word(s->key), g->id);
	if (g->comm[0]) {
		put_text(buf, sizeof(buf), &o, g->comm, sizeof(g->comm), true);
		fprintf(out, "\"comm\":\"%s\",", buf);
	}
	if (label) {
		o = 0;
		put_text(buf, sizeof(buf), &o, label, strlen(label), true);
		fprintf(out, "\"container\":\"%s\",", buf);
	}
}

int rn_stats_print(struct rn_stats *rs, FILE *out, const struct rn_stats_print_opts *o)
{
	static const struct rn_stats_print_opts defaults;
	struct stats *s = (struct stats *)rs;
	struct stats_group **groups;
	struct table *t;
	char buf[32], head[1200];
	size_t nt, i, j;
	bool first;

	if (!o)
		o = &defaults;
	t = tables_build(s, o->sort, &nt, &groups);
	if (!t)
		return -ENOMEM;
	if (o->title)
		fprintf(out, "%s\n", o->title);
	if (o->backend)
		fprintf(out, "renacer: %s\n", rn_stats_time_basis(o->backend));
	if (nt == 0 && s->key == RN_STATS_BY_SYSCALL) {
		struct table empty = { .n = 0 };

		table_print(out, &empty, o->extended);
	}
	for (i = 0, first = true; i < nt; i++) {
		if (s->key != RN_STATS_BY_SYSCALL) {
			if (t[i].n == 0)
				continue;	/* no completed call */
			stats_group_heading(s, groups[i], head, sizeof(head));
			fprintf(out, "%s%s\n", first ? "" : "\n", head);
			first = false;
		}
		table_print(out, &t[i], o->extended);
		for (j = 0; o->histogram && j < t[i].n; j++) {
			int nr = t[i].rows[j].nr;

			if (in_set(o->histogram_set, nr))
				hist_print(out, groups[i]->sc[nr], stats_name(nr, buf, sizeof(buf)));
		}
	}
	tables_free(t, nt);
	free(groups);
	fflush(out);
	return ferror(out) ? -EIO : 0;
}

/* ,"key":value in microseconds, or null for an unknown figure */
static void json_us(FILE *out, const char *key, double ns)
{
	if (isnan(ns) || isinf(ns))
		fprintf(out, ",\"%s\":null", key);
	else
		fprintf(out, ",\"%s\":%.3f", key, ns / 1e3);
}

static void json_figures(FILE *out, const struct rn_stats_row *r, double total_ns)
{
	fprintf(out, "\"calls\":%llu,\"errors\":%llu,\"time_us\":%.3f,\"pct_time\":%.2f",
		(unsigned long long)r->calls, (unsigned long long)r->errors,
		(double)r->total_ns / 1e3,
		total_ns > 0 ? 100.0 * (double)r->total_ns / total_ns : (r->nr < 0 ? 100.0 : 0.0));
	/* no calls (an empty interval): no time figure exists, null not 0 */
	double none = r->calls ? 0.0 : NAN;

	json_us(out, "avg_us", r->avg_ns + none);
	json_us(out, "min_us", (double)r->min_ns + none);
	json_us(out, "p50_us", r->p50_ns + none);
	json_us(out, "p90_us", r->p90_ns + none);
	json_us(out, "p99_us", r->p99_ns + none);
	json_us(out, "max_us", (double)r->max_ns + none);
	json_us(out, "stddev_us", r->stddev_ns + none);
}

static void json_hist(FILE *out, const struct stats_sc *sc)
{
	__u64 bins[65];
	bool first = true;
	unsigned b;

	log2_bins(sc, bins);
	fputs(",\"histogram\":[", out);
	for (b = 0; b < 65; b++) {
		if (!bins[b])
			continue;
		fprintf(out, "%s{\"ge_us\":%.3f,\"lt_us\":%.3f,\"count\":%llu}", first ? "" : ",",
			(double)bin_lo(b) / 1e3, ((double)bin_hi(b) + 1.0) / 1e3,
			(unsigned long long)bins[b]);
		first = false;
	}
	fputc(']', out);
}

static void json_table(FILE *out, const struct table *t, struct stats_group *g)
{
	double total = (double)t->total.total_ns;
	char buf[32];
	size_t i;

	fputs("\"total\":{", out);
	json_figures(out, &t->total, total);
	fputs("},\"syscalls\":[", out);
	for (i = 0; i < t->n; i++) {
		const struct rn_stats_row *r = &t->rows[i];

		/* names come from our own table or "syscall_N": no escaping */
		fprintf(out, "%s{\"syscall\":\"%s\",\"nr\":%d,", i ? "," : "",
			stats_name(r->nr, buf, sizeof(buf)), r->nr);
		json_figures(out, r, total);
		json_hist(out, g->sc[r->nr]);
		fputc('}', out);
	}
	fputc(']', out);
}

int rn_stats_print_json(struct rn_stats *rs, FILE *out, const struct rn_stats_print_opts *o)
{
	static const struct rn_stats_print_opts defaults;
	static const char *const by[] = { "syscall", "thread", "process", "cgroup", "container" };
	struct stats *s = (struct stats *)rs;
	struct stats_group **groups;
	struct table *t, empty = { .n = 0 };
	size_t nt, i;
	bool first;

	if (!o)
		o = &defaults;
	t = tables_build(s, o->sort, &nt, &groups);
	if (!t)
		return -ENOMEM;
	fprintf(out, "{\"type\":\"summary\",\"by\":\"%s\",\"time_basis\":\"%s\",\"schema\":%d,",
		by[s->key], rn_stats_time_basis(o->backend), RN_STATS_JSON_SCHEMA);
	if (o->ts > 0)
		fprintf(out, "\"ts\":%.6f,\"interval_start\":%.6f,\"interval_end\":%.6f,",
			o->ts, o->interval_start, o->interval_end);
	if (s->key == RN_STATS_BY_SYSCALL) {
		json_table(out, nt ? &t[0] : &empty, nt ? groups[0] : NULL);
	} else {
		fputs("\"groups\":[", out);
		for (i = 0, first = true; i < nt; i++) {
			if (t[i].n == 0)
				continue;
			fprintf(out, "%s{", first ? "" : ",");
			stats_group_json(s, groups[i], out);
			first = false;
			json_table(out, &t[i], groups[i]);
			fputc('}', out);
		}
		fputc(']', out);
	}
	fputs("}\n", out);
	tables_free(t, nt);
	free(groups);
	fflush(out);
	return ferror(out) ? -EIO : 0;
}
