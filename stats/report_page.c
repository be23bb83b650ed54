// SPDX-License-Identifier: MIT
/*
 * The HTML page of `renacer report`: sections in the order a newcomer reads
 * them (what was lost, what ran, when, how long calls took, who made them,
 * what failed, what stood out), each with a sentence on how to read it.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../syscalls/decode.h"
#include "report_int.h"

#define RH_HISTS 12		/* syscalls with a histogram: the most called */
#define RH_ROWS 10		/* processes and errors shown */

static const char style[] =
	"body{font:15px/1.45 system-ui,sans-serif;max-width:960px;margin:2em auto;"
	"padding:0 1em;color:#222}\n"
	"h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}\n"
	".lost{background:#fde8e8;border:2px solid #c00;padding:.6em 1em;font-weight:bold}\n"
	".note{color:#555}.grid{stroke:#e4e4e4}.bar{fill:#0072b2}\n"
	"svg text{font:12px system-ui,sans-serif;fill:#333}\n"
	".yl{text-anchor:end}.xm{text-anchor:middle}.vl{text-anchor:start}\n"
	".at{text-anchor:middle;font-weight:bold}.lg{text-anchor:start}\n"
	".hists{display:flex;flex-wrap:wrap;gap:1em}.hists figure{margin:0}\n"
	"figcaption{font-weight:bold}table{border-collapse:collapse;margin:.5em 0}\n"
	"td,th{padding:.2em .7em;border-bottom:1px solid #ddd;text-align:left}\n"
	"td.n{text-align:right;font-variant-numeric:tabular-nums}\n";

static int id_by_calls(const void *pa, const void *pb, void *arg)
{
	const struct rn_analyze *a = arg;
	unsigned x = *(const unsigned *)pa, y = *(const unsigned *)pb;

	if (a->calls[x] != a->calls[y])
		return a->calls[x] < a->calls[y] ? 1 : -1;
	return (x > y) - (x < y);
}

static void page_head(FILE *out, const struct rh *h, const char *title)
{
	const struct rn_analyze *a = h->a;
	char b1[32], b2[32];

	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width\">\n"
	      "<link rel=\"icon\" href=\"data:,\">\n<title>renacer report: ", out);
	rh_puts(out, title);
	fprintf(out, "</title>\n<style>\n%s</style></head><body>\n", style);
	fputs("<h1>What the program asked the kernel</h1>\n<p class=\"note\">renacer report of ",
	      out);
	rh_puts(out, title);
	fputs("</p>\n", out);
	if (a->lost)
		fprintf(out, "<p class=\"lost\" id=\"lost\">Incomplete trace: %s events were lost "
			"(%.1f%% of the trace). The tracer could not keep up; every figure below "
			"misses them.</p>\n", rh_fmt_count(a->lost, b1, sizeof(b1)),
			100.0 * an_lost_share(a));
	fprintf(out, "<p>A <b>system call</b> is a request a program makes to the Linux kernel: "
		"open a file, read from it, start a program, wait for the network. renacer "
		"recorded <b>%s system calls</b> made by <b>%u processes</b> over <b>%.3f "
		"seconds</b>; <b>%s</b> of them failed.</p>\n",
		rh_fmt_count(a->total_calls, b1, sizeof(b1)), h->nprocs + (h->other_calls > 0),
		a->last_ts - a->first_ts, rh_fmt_count(h->total_errs, b2, sizeof(b2)));
	if (a->malformed)
		fprintf(out, "<p class=\"note\">%llu lines of the file could not be read (the first "
			"at line %llu) and were left out.</p>\n", (unsigned long long)a->malformed,
			(unsigned long long)a->first_bad);
}

static void page_timeline(FILE *out, const struct rh *h)
{
	fputs("<h2>Calls over time</h2>\n<p>How many calls per second the program made, by "
	      "kind: <i>files by name</i> opens or inspects a path, <i>open files</i> reads and "
	      "writes files and pipes it has opened, <i>network</i> talks on sockets, "
	      "<i>processes</i> starts, waits for and ends programs.</p>\n"
	      "<figure id=\"timeline\">\n", out);
	rh_svg_timeline(out, h);
	fputs("</figure>\n", out);
}

static void page_hists(FILE *out, const struct rh *h, const unsigned *ids, unsigned n)
{
	const struct rn_analyze *a = h->a;
	char nb[32], b1[32], b2[32];
	unsigned i;

	fputs("<h2>How long calls take</h2>\n<p>For the most frequent calls: how many calls "
	      "took how long. Bars to the right are slower calls; the time axis doubles at each "
	      "bar, so a wide spread is a call that is sometimes very much slower.</p>\n"
	      "<div class=\"hists\">\n", out);
	for (i = 0; i < n && i < RH_HISTS; i++) {
		unsigned id = ids[i];

		fputs("<figure class=\"hist\"><figcaption>", out);
		rh_puts(out, an_name(a, id, nb, sizeof(nb)));
		fprintf(out, ": %s calls, %s on average", rh_fmt_count(a->calls[id], b1, sizeof(b1)),
			rh_fmt_ns(a->time[id] * 1e3 / (double)a->calls[id], b2, sizeof(b2)));
		if (h->errs[id])
			fprintf(out, ", %llu failed", (unsigned long long)h->errs[id]);
		fputs("</figcaption>\n", out);
		rh_svg_hist(out, h, id);
		fputs("</figure>\n", out);
	}
	fputs("</div>\n", out);
}

static int proc_cmp(const void *pa, const void *pb)
{
	const struct rh_proc *x = pa, *y = pb;

	if (x->calls != y->calls)
		return x->calls < y->calls ? 1 : -1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

static int page_procs(FILE *out, const struct rh *h)
{
	struct rh_proc *p = malloc(sizeof(h->procs));
	char lab[RH_ROWS][80], b1[32], b2[32];
	const char *labels[RH_ROWS];
	double v[RH_ROWS];
	unsigned i, n = 0;

	if (!p)
		return -ENOMEM;
	for (i = 0; i < RH_PROCS; i++)
		if (h->procs[i].used)
			p[n++] = h->procs[i];
	qsort(p, n, sizeof(*p), proc_cmp);
	n = n < RH_ROWS ? n : RH_ROWS;
	fputs("<h2>Processes</h2>\n<p>The processes that made the most calls (a process is "
	      "one running program; it is named after the program it started, when the trace "
	      "saw it start).</p>\n<figure id=\"procs\">\n", out);
	for (i = 0; i < n; i++) {
		snprintf(lab[i], sizeof(lab[i]), "%s (pid %u)", p[i].name[0] ? p[i].name :
			 "process", p[i].pid);
		labels[i] = lab[i];
		v[i] = (double)p[i].calls;
	}
	rh_svg_bars(out, "calls per process", labels, v, n, "calls");
	fputs("</figure>\n<table><tr><th>process</th><th>calls</th><th>failed</th>"
	      "<th>time in calls</th></tr>\n", out);
	for (i = 0; i < n; i++) {
		fputs("<tr><td>", out);
		rh_puts(out, lab[i]);
		fprintf(out, "</td><td class=\"n\">%s</td><td class=\"n\">%llu</td><td class=\"n\">"
			"%s</td></tr>\n", rh_fmt_count(p[i].calls, b1, sizeof(b1)),
			(unsigned long long)p[i].errors, rh_fmt_ns(p[i].time_us * 1e3, b2, sizeof(b2)));
	}
	fputs("</table>\n", out);
	free(p);
	return 0;
}

/* The number of an errno name, for its meaning; 0 when unknown. */
static int errno_number(const char *name)
{
	int e;

	for (e = 1; e < 4096; e++)
		if (rn_errno_name(e) && !strcmp(rn_errno_name(e), name))
			return e;
	return 0;
}

static int err_cmp(const void *pa, const void *pb)
{
	const struct rh_err *x = pa, *y = pb;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->name, y->name);
}

static void page_errors(FILE *out, struct rh *h)
{
	const char *labels[RH_ROWS];
	double v[RH_ROWS];
	char nb[32];
	unsigned i, k, n = h->nerr < RH_ROWS ? h->nerr : RH_ROWS;

	fputs("<h2>Errors</h2>\n", out);
	if (!h->nerr) {
		fputs("<p>No call failed.</p>\n", out);
		return;
	}
	fputs("<p>Calls that failed, by the reason the kernel gave (the <i>errno</i>). Many "
	      "failures are normal: a program looks for a file in several places and finds it "
	      "in the last.</p>\n<figure id=\"errors\">\n", out);
	qsort(h->errnos, h->nerr, sizeof(*h->errnos), err_cmp);
	for (i = 0; i < n; i++) {
		labels[i] = h->errnos[i].name;
		v[i] = (double)h->errnos[i].n;
	}
	rh_svg_bars(out, "failed calls by errno", labels, v, n, "calls");
	fputs("</figure>\n<table><tr><th>errno</th><th>meaning</th><th>calls</th>"
	      "<th>made by</th></tr>\n", out);
	for (i = 0; i < n; i++) {
		int e = errno_number(h->errnos[i].name);

		fputs("<tr><td>", out);
		rh_puts(out, h->errnos[i].name);
		fputs("</td><td>", out);
		rh_puts(out, e ? rn_errno_text(e) : "");
		fprintf(out, "</td><td class=\"n\">%llu</td><td>", (unsigned long long)h->errnos[i].n);
		for (k = 0; k < RH_ERR_IDS && h->errnos[i].idn[k]; k++) {
			fputs(k ? ", " : "", out);
			rh_puts(out, an_name(h->a, h->errnos[i].ids[k], nb, sizeof(nb)));
			fprintf(out, " %llu", (unsigned long long)h->errnos[i].idn[k]);
		}
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
}

static void page_anomalies(FILE *out, const struct rn_analyze *a)
{
	char nb[32], b1[32], b2[32], b3[32];
	size_t i, n = a->nlist < a->o.top_anomalies ? a->nlist : a->o.top_anomalies;

	fprintf(out, "<h3>Unusually slow calls</h3>\n<p>A call is flagged when it is much "
		"slower than the previous %u calls of the same kind: more than %g times the "
		"usual spread above their median (z = (time - median) / spread; the spread is "
		"at least 1 µs and 5%% of the median). <b>%s of %s calls</b> were flagged.</p>\n",
		a->o.anomaly_window, a->o.anomaly_threshold,
		rh_fmt_count(a->total_anomalies, b1, sizeof(b1)),
		rh_fmt_count(a->total_calls, b2, sizeof(b2)));
	if (!n)
		return;
	fprintf(out, "<table id=\"anomalies\"><tr><th>when (s after the first call)</th>"
		"<th>thread</th><th>call</th><th>took</th><th>usual (median)</th><th>z</th></tr>\n");
	for (i = 0; i < n; i++) {
		const struct an_anomaly *an = &a->list[i];

		fprintf(out, "<tr><td class=\"n\">+%.6f</td><td class=\"n\">%u</td><td>",
			an->ts - a->first_ts, an->tid);
		rh_puts(out, an_name(a, an->id, nb, sizeof(nb)));
		fprintf(out, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
			"<td class=\"n\">%.1f</td></tr>\n", rh_fmt_ns(an->dur_us * 1e3, b1, sizeof(b1)),
			rh_fmt_ns(an->median_us * 1e3, b3, sizeof(b3)), an->z);
	}
	fputs("</table>\n", out);
	if (a->nlist > n)
		fprintf(out, "<p class=\"note\">The %zu with the highest z; <code>renacer analyze "
			"--format=json</code> lists them all.</p>\n", n);
}

static void page_clusters(FILE *out, const struct report *rp)
{
	const struct rn_analyze *a = rp->a;
	struct trait *t;
	size_t members;
	char buf[64];
	unsigned c, i, n;

	fputs("<h3>Phases of activity</h3>\n", out);
	if (rp->km_err < 0) {
		fputs("<p>The trace is too short to find phases.</p>\n", out);
		return;
	}
	t = malloc(rp->cols * sizeof(*t));
	if (!t)
		return;
	fprintf(out, "<p>The trace was cut into %zu stretches (", rp->rows);
	if (a->o.window_sec > 0)
		fprintf(out, "of %g s each", a->o.window_sec);
	else
		fprintf(out, "of %zu calls each", a->o.window_calls);
	fprintf(out, ") and the stretches that look alike grouped into %u phases (k-means). "
		"What sets each phase apart, against the average stretch:</p>\n<ul id=\"clusters\">\n",
		rp->k);
	for (c = 0; c < rp->k; c++) {
		n = an_cluster_traits(rp, c, t, CLUSTER_TRAITS, &members);
		fprintf(out, "<li>phase %u: %zu stretches (%.1f%%)", c + 1, members,
			100.0 * (double)members / (double)rp->rows);
		for (i = 0; i < n; i++) {
			double mean = rp->zmean[t[i].f] + t[i].dev * rp->zsd[t[i].f];

			fputs(i ? "; " : ": ", out);
			rh_puts(out, an_feat_name(rp, t[i].f, buf, sizeof(buf)));
			fprintf(out, " %.1f (average %.1f)", mean, rp->zmean[t[i].f]);
		}
		fputs(n ? "</li>\n" : ": close to the average</li>\n", out);
	}
	fputs("</ul>\n<p class=\"note\">calls:X is the number of X calls in a stretch, time:X the "
	      "microseconds spent in them.</p>\n", out);
	free(t);
}

static void page_corr(FILE *out, const struct report *rp)
{
	struct pair *p;
	char b1[64], b2[64];
	size_t i, n = an_report_pairs(rp, &p);

	fputs("<h3>Calls that go together</h3>\n", out);
	if (!n) {
		fputs("<p>Too few stretches, or too few kinds of call, to compare.</p>\n", out);
		free(p);
		return;
	}
	fputs("<p>Pairs whose counts rise and fall together from stretch to stretch (r near +1) "
	      "or trade places (r near -1):</p>\n<table id=\"pairs\"><tr><th>r</th><th>this</th>"
	      "<th>and this</th></tr>\n", out);
	for (i = 0; i < n && i < 5; i++) {
		fprintf(out, "<tr><td class=\"n\">%+.2f</td><td>", p[i].r);
		rh_puts(out, an_feat_name(rp, p[i].i, b1, sizeof(b1)));
		fputs("</td><td>", out);
		rh_puts(out, an_feat_name(rp, p[i].j, b2, sizeof(b2)));
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
	free(p);
}

int rh_page(FILE *out, struct rh *h, const char *title)
{
	struct report rp = { .a = h->a };
	unsigned ids[AN_IDS], i, n = 0;
	int err;

	for (i = 0; i < AN_IDS; i++)
		if (h->a->calls[i] && h->hist[i])
			ids[n++] = i;
	qsort_r(ids, n, sizeof(*ids), id_by_calls, h->a);
	page_head(out, h, title);
	page_timeline(out, h);
	page_hists(out, h, ids, n);
	err = page_procs(out, h);
	if (err)
		return err;
	page_errors(out, h);
	err = an_report_compute(&rp);
	if (!err) {
		fputs("<h2>What stood out</h2>\n", out);
		page_anomalies(out, h->a);
		page_clusters(out, &rp);
		page_corr(out, &rp);
		fputs("<p class=\"note\">Made by <code>renacer report</code>: one file, no script, "
		      "nothing loaded from the network.</p>\n</body></html>\n", out);
	}
	an_report_free(&rp);
	return err;
}
