// SPDX-License-Identifier: MIT
/*
 * The analysis report: feature matrix from the windows, correlation matrix
 * and strongest pairs, k-means clusters and what sets them apart, anomalies.
 * Text for people, or one JSON object for scripts.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze_int.h"

static int id_cmp(const void *pa, const void *pb, void *arg)
{
	const struct rn_analyze *a = arg;
	unsigned x = *(const unsigned *)pa, y = *(const unsigned *)pb;

	if (a->calls[x] != a->calls[y])
		return a->calls[x] < a->calls[y] ? 1 : -1;
	return (x > y) - (x < y);
}

/* Feature f: calls (f < nsc) or time (f >= nsc) of syscall ids[f % nsc]. */
const char *an_feat_name(const struct report *rp, size_t f, char *buf, size_t len)
{
	char nb[32];

	snprintf(buf, len, "%s:%s", f < rp->nsc ? "calls" : "time",
		 an_name(rp->a, rp->ids[f % rp->nsc], nb, sizeof(nb)));
	return buf;
}

static int report_matrix(struct report *rp)
{
	struct rn_analyze *a = rp->a;
	unsigned n = 0, i, col[AN_IDS];
	size_t w, e;

	for (i = 0; i < AN_IDS; i++)
		if (a->calls[i])
			rp->ids[n++] = i;
	qsort_r(rp->ids, n, sizeof(*rp->ids), id_cmp, a);
	rp->nsc = n < a->o.features ? n : a->o.features;
	rp->cols = 2 * (size_t)rp->nsc;
	rp->rows = a->nwin;
	for (i = 0; i < AN_IDS; i++)
		col[i] = ~0u;
	for (i = 0; i < rp->nsc; i++)
		col[rp->ids[i]] = i;
	rp->X = calloc(rp->rows * rp->cols + 1, sizeof(double));
	if (!rp->X)
		return -ENOMEM;
	for (w = 0; w < rp->rows; w++) {
		double *x = rp->X + w * rp->cols;

		for (e = a->win_start[w]; e < a->win_start[w + 1]; e++) {
			unsigned c = col[a->ents[e].id];

			if (c == ~0u)
				continue;
			x[c] = a->ents[e].calls;
			x[rp->nsc + c] = a->ents[e].time_us;
		}
	}
	return 0;
}

int an_report_compute(struct report *rp)
{
	size_t cells;
	int err;

	err = report_matrix(rp);
	if (err)
		return err;
	cells = rp->rows * rp->cols;
	if (rp->rows >= 2 && rp->cols > 0) {
		rp->R = malloc(rp->cols * rp->cols * sizeof(double));
		if (!rp->R || rn_analyze_corr(rp->X, rp->rows, rp->cols, rp->R) < 0)
			return -ENOMEM;
	}
	rp->k = rp->a->o.clusters;
	rp->km_err = -EINVAL;
	if (rp->rows < rp->k || rp->cols == 0)
		return 0;
	rp->Z = malloc(cells * sizeof(double));
	rp->zmean = malloc(rp->cols * sizeof(double));
	rp->zsd = malloc(rp->cols * sizeof(double));
	rp->centers = malloc(rp->k * rp->cols * sizeof(double));
	rp->labels = malloc(rp->rows * sizeof(*rp->labels));
	if (!rp->Z || !rp->zmean || !rp->zsd || !rp->centers || !rp->labels)
		return -ENOMEM;
	memcpy(rp->Z, rp->X, cells * sizeof(double));
	rn_analyze_standardize(rp->Z, rp->rows, rp->cols, rp->zmean, rp->zsd);
	rp->km_err = rn_analyze_kmeans(rp->Z, rp->rows, rp->cols, rp->k, rp->a->o.seed,
				       rp->centers, rp->labels, &rp->km);
	return rp->km_err == -ENOMEM ? -ENOMEM : 0;
}

void an_report_free(struct report *rp)
{
	free(rp->X);
	free(rp->R);
	free(rp->Z);
	free(rp->zmean);
	free(rp->zsd);
	free(rp->centers);
	free(rp->labels);
}

static int pair_cmp(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;
	double x = fabs(a->r), y = fabs(b->r);

	if (x != y)
		return x < y ? 1 : -1;
	return a->i != b->i ? (a->i > b->i) - (a->i < b->i) : (a->j > b->j) - (a->j < b->j);
}

/* Pairs of features of different syscalls, strongest |r| first. */
size_t an_report_pairs(const struct report *rp, struct pair **out)
{
	struct pair *p;
	size_t n = 0, i, j;

	*out = NULL;
	if (!rp->R)
		return 0;
	p = malloc((rp->cols * rp->cols / 2 + 1) * sizeof(*p));
	if (!p)
		return 0;
	for (i = 0; i < rp->cols; i++)
		for (j = i + 1; j < rp->cols; j++) {
			double r = rp->R[i * rp->cols + j];

			if (i % rp->nsc == j % rp->nsc || isnan(r))
				continue;
			p[n++] = (struct pair){ .i = (unsigned)i, .j = (unsigned)j, .r = r };
		}
	qsort(p, n, sizeof(*p), pair_cmp);
	*out = p;
	return n;
}

static int trait_cmp(const void *pa, const void *pb)
{
	const struct trait *a = pa, *b = pb;

	if (fabs(a->dev) != fabs(b->dev))
		return fabs(a->dev) < fabs(b->dev) ? 1 : -1;
	return (a->f > b->f) - (a->f < b->f);
}

/* The features that set cluster c apart; returns how many (<= max). */
unsigned an_cluster_traits(const struct report *rp, unsigned c, struct trait *t,
			       unsigned max, size_t *members)
{
	size_t r, f;
	unsigned n = 0;

	*members = 0;
	for (r = 0; r < rp->rows; r++)
		*members += rp->labels[r] == c;
	for (f = 0; f < rp->cols; f++) {
		/* centres are means of standardised features */
		t[f].f = (unsigned)f;
		t[f].dev = rp->centers[c * rp->cols + f];
	}
	qsort(t, rp->cols, sizeof(*t), trait_cmp);
	while (n < max && n < rp->cols && fabs(t[n].dev) >= 0.05)
		n++;
	return n;
}

static void text_corr(FILE *out, const struct report *rp)
{
	char buf[64];
	struct pair *p;
	size_t i, j, n;

	if (!rp->R) {
		fputs("\ncorrelation: needs at least 2 windows\n", out);
		return;
	}
	fprintf(out, "\nPearson correlation across windows:\n%-24s", "");
	for (j = 0; j < rp->cols; j++)
		fprintf(out, " %5zu", j);
	fputc('\n', out);
	for (i = 0; i < rp->cols; i++) {
		fprintf(out, "%2zu %-21.21s", i, an_feat_name(rp, i, buf, sizeof(buf)));
		for (j = 0; j < rp->cols; j++) {
			double r = rp->R[i * rp->cols + j];

			if (isnan(r))
				fprintf(out, " %5s", "--");
			else
				fprintf(out, " %5.2f", r);
		}
		fputc('\n', out);
	}
	n = an_report_pairs(rp, &p);
	fprintf(out, "\nstrongest correlations between different syscalls:\n");
	for (i = 0; i < n && i < rp->a->o.top_pairs; i++) {
		char b2[64];

		fprintf(out, "  %+.3f  %s ~ %s\n", p[i].r, an_feat_name(rp, p[i].i, buf, sizeof(buf)),
			an_feat_name(rp, p[i].j, b2, sizeof(b2)));
	}
	if (n == 0)
		fputs("  (none: fewer than two syscalls vary)\n", out);
	free(p);
}

static void text_clusters(FILE *out, const struct report *rp)
{
	struct trait *t;
	size_t members;
	char buf[64];
	unsigned c, i, n;

	if (rp->km_err < 0) {
		fprintf(out, "\nk-means: needs at least %u windows and one feature\n", rp->k);
		return;
	}
	t = malloc(rp->cols * sizeof(*t));
	if (!t)
		return;
	fprintf(out, "\nk-means on standardised features: k=%u, seed=%llu, %u iterations%s, "
		"inertia %.3f\n", rp->k, rp->a->o.seed, rp->km.iterations,
		rp->km.converged ? "" : " (not converged)", rp->km.inertia);
	for (c = 0; c < rp->k; c++) {
		n = an_cluster_traits(rp, c, t, CLUSTER_TRAITS, &members);
		fprintf(out, "  cluster %u: %zu windows (%.1f%%)", c, members,
			100.0 * (double)members / (double)rp->rows);
		for (i = 0; i < n; i++) {
			double mean = rp->zmean[t[i].f] + t[i].dev * rp->zsd[t[i].f];

			fprintf(out, "%s %s %+.2f sd (%.1f vs %.1f)", i ? "," : ":",
				an_feat_name(rp, t[i].f, buf, sizeof(buf)), t[i].dev, mean,
				rp->zmean[t[i].f]);
		}
		fputs(n ? "\n" : ": close to the overall mean\n", out);
	}
	free(t);
}

static void text_anomaly_counts(FILE *out, const struct rn_analyze *a)
{
	char buf[32];
	unsigned i;
	bool first = true;

	fputs("  per syscall:", out);
	for (i = 0; i < AN_IDS; i++) {
		if (!a->anomalies[i])
			continue;
		fprintf(out, "%s %s %llu of %llu", first ? "" : ",",
			an_name(a, i, buf, sizeof(buf)), (unsigned long long)a->anomalies[i],
			(unsigned long long)a->calls[i]);
		first = false;
	}
	fputc('\n', out);
}

static void text_anomalies(FILE *out, const struct rn_analyze *a)
{
	char buf[32];
	size_t i, n = a->nlist < a->o.top_anomalies ? a->nlist : a->o.top_anomalies;

	fprintf(out, "\nanomalies: %llu of %llu calls (%.3f%%) slower than usual: z > %g, "
		"z = (latency - median) / scale\n  over the previous %u calls of the same "
		"syscall;\n  scale: the larger of 1.4826 MAD and (p95 - median) / 1.645, at "
		"least 5%% of the median and 1 us\n", (unsigned long long)a->total_anomalies,
		(unsigned long long)a->total_calls,
		100.0 * (double)a->total_anomalies / (double)a->total_calls,
		a->o.anomaly_threshold, a->o.anomaly_window);
	if (!a->total_anomalies)
		return;
	text_anomaly_counts(out, a);
	fprintf(out, "  highest z (%zu of %llu; --top=N for more, --format=json for all), time "
		"from the first call:\n", n, (unsigned long long)a->total_anomalies);
	for (i = 0; i < n; i++) {
		const struct an_anomaly *an = &a->list[i];

		fprintf(out, "    +%.6f s tid %u %s %.3f us: z %+.2f (median %.3f us, scale %.3f us)"
			"\n", an->ts - a->first_ts, an->tid, an_name(a, an->id, buf, sizeof(buf)),
			an->dur_us, an->z, an->median_us, an->scale_us);
	}
}

#define LOST_WINDOWS_SHOWN 20

/* The share of the trace that is missing: lost events over all events. */
double an_lost_share(const struct rn_analyze *a)
{
	return (double)a->lost / ((double)a->lost + (double)a->total_calls);
}

/* Before anything else: the figures below are from an incomplete trace. */
static void text_lost(FILE *out, const struct report *rp)
{
	const struct rn_analyze *a = rp->a;
	size_t w, shown = 0, marked = 0;

	if (!a->lost)
		return;
	fprintf(out, "renacer analyze: INCOMPLETE TRACE: %llu events lost, %.1f%% of the trace "
		"missing\n", (unsigned long long)a->lost, 100.0 * an_lost_share(a));
	for (w = 0; w < rp->rows && w < a->nwin; w++)
		marked += a->win_lost[w] != 0;
	fprintf(out, "windows with lost events (%zu of %zu):", marked, rp->rows);
	for (w = 0; w < rp->rows && w < a->nwin && shown < LOST_WINDOWS_SHOWN; w++)
		if (a->win_lost[w]) {
			fprintf(out, " #%zu (%llu lost)", w, (unsigned long long)a->win_lost[w]);
			shown++;
		}
	fputs(marked > shown ? " ...\n" : "\n", out);
}

static void text_report(FILE *out, const struct report *rp)
{
	const struct rn_analyze *a = rp->a;

	text_lost(out, rp);
	fprintf(out, "renacer analyze: %llu syscalls", (unsigned long long)a->total_calls);
	if (a->lines) {
		fprintf(out, " from %llu lines (%llu other or unfinished records, %llu malformed",
			(unsigned long long)a->lines, (unsigned long long)a->other,
			(unsigned long long)a->malformed);
		if (a->malformed)
			fprintf(out, ", first at line %llu", (unsigned long long)a->first_bad);
		fputc(')', out);
	}
	if (a->o.window_sec > 0)
		fprintf(out, "\n%zu windows of %g s", rp->rows, a->o.window_sec);
	else
		fprintf(out, "\n%zu windows of %zu calls", rp->rows, a->o.window_calls);
	fprintf(out, "; features: calls and time (us) per window of the %u syscalls with the "
		"most calls\n", rp->nsc);
	text_corr(out, rp);
	text_clusters(out, rp);
	text_anomalies(out, a);
}

static void json_num(FILE *out, double v)
{
	if (isnan(v) || isinf(v))
		fputs("null", out);
	else
		fprintf(out, "%.6g", v);
}

static void json_report(FILE *out, const struct report *rp)
{
	const struct rn_analyze *a = rp->a;
	struct trait *t = NULL;
	struct pair *p;
	size_t i, j, n, members;
	char buf[64];
	unsigned c, m;

	fputs("{\"type\":\"analysis\",", out);
	if (a->lost) {
		fprintf(out, "\"lost\":%llu,\"lost_share\":", (unsigned long long)a->lost);
		json_num(out, an_lost_share(a));
		fputs(",\"lost_windows\":[", out);
		for (i = 0, n = 0; i < rp->rows && i < a->nwin; i++)
			if (a->win_lost[i])
				fprintf(out, "%s{\"window\":%zu,\"lost\":%llu}", n++ ? "," : "", i,
					(unsigned long long)a->win_lost[i]);
		fputs("],", out);
	}
	fprintf(out, "\"syscalls\":%llu,\"lines\":%llu,\"malformed\":%llu,"
		"\"windows\":%zu,\"window_sec\":", (unsigned long long)a->total_calls,
		(unsigned long long)a->lines, (unsigned long long)a->malformed, rp->rows);
	json_num(out, a->o.window_sec);
	fprintf(out, ",\"window_calls\":%zu,\"features\":[", a->o.window_sec > 0 ? 0 :
		a->o.window_calls);
	for (i = 0; i < rp->cols; i++)
		fprintf(out, "%s\"%s\"", i ? "," : "", an_feat_name(rp, i, buf, sizeof(buf)));
	fputs("],\"correlation\":", out);
	if (rp->R) {
		fputc('[', out);
		for (i = 0; i < rp->cols; i++) {
			fputs(i ? ",[" : "[", out);
			for (j = 0; j < rp->cols; j++) {
				if (j)
					fputc(',', out);
				json_num(out, rp->R[i * rp->cols + j]);
			}
			fputc(']', out);
		}
		fputc(']', out);
	} else {
		fputs("null", out);
	}
	n = an_report_pairs(rp, &p);
	fputs(",\"pairs\":[", out);
	for (i = 0; i < n && i < a->o.top_pairs; i++)
		fprintf(out, "%s{\"a\":%u,\"b\":%u,\"r\":%.6f}", i ? "," : "", p[i].i, p[i].j,
			p[i].r);
	free(p);
	fputs("],\"clusters\":", out);
	if (rp->km_err == 0 && (t = malloc(rp->cols * sizeof(*t)))) {
		fprintf(out, "{\"k\":%u,\"seed\":%llu,\"iterations\":%u,\"inertia\":%.6f,\"groups\":[",
			rp->k, a->o.seed, rp->km.iterations, rp->km.inertia);
		for (c = 0; c < rp->k; c++) {
			unsigned nt = an_cluster_traits(rp, c, t, CLUSTER_TRAITS, &members);

			fprintf(out, "%s{\"windows\":%zu,\"traits\":[", c ? "," : "", members);
			for (m = 0; m < nt; m++)
				fprintf(out, "%s{\"feature\":%u,\"sd\":%.4f}", m ? "," : "",
					t[m].f, t[m].dev);
			fputs("]}", out);
		}
		fputs("]}", out);
		free(t);
	} else {
		fputs("null", out);
	}
	fprintf(out, ",\"anomalies\":{\"threshold\":%g,\"window\":%u,\"count\":%llu,"
		"\"listed\":%zu,\"list\":[", a->o.anomaly_threshold, a->o.anomaly_window,
		(unsigned long long)a->total_anomalies, a->nlist);
	for (i = 0; i < a->nlist; i++) {
		const struct an_anomaly *an = &a->list[i];

		fprintf(out, "%s{\"ts\":%.6f,\"t\":%.6f,\"tid\":%u,\"syscall\":\"%s\","
			"\"dur_us\":%.3f,\"z\":%.3f,\"median_us\":%.3f,\"scale_us\":%.3f}",
			i ? "," : "", an->ts, an->ts - a->first_ts, an->tid,
			an_name(a, an->id, buf, sizeof(buf)), an->dur_us, an->z, an->median_us,
			an->scale_us);
	}
	fputs("]}}\n", out);
}

int an_report_prepare(struct rn_analyze *a)
{
	int err;

	/* the last, partial window counts when it is at least half full (or
	 * the only one); time windows always count */
	if (a->ntouched && (a->o.window_sec > 0 || a->nwin == 0 ||
			    2 * a->cur_n >= a->o.window_calls)) {
		err = an_win_close(a);
		if (err)
			return err;
	}
	an_anomalies_rank(a);
	return 0;
}

int rn_analyze_report(struct rn_analyze *a, FILE *out)
{
	struct report rp = { .a = a };
	int err;

	err = an_report_prepare(a);
	if (err)
		return err;
	err = an_report_compute(&rp);
	if (!err) {
		if (a->o.json)
			json_report(out, &rp);
		else
			text_report(out, &rp);
	}
	an_report_free(&rp);
	if (!err && (fflush(out) || ferror(out)))
		err = -EIO;
	return err;
}
