// SPDX-License-Identifier: MIT
/*
 * The charts of the HTML report, as inline SVG: no script and no external
 * file, so the page opens anywhere, offline, and prints.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_int.h"

/* One colour per class, told apart in print and by most colour-blind readers. */
static const char *const class_colors[RH_CLASSES] = {
	"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#f0e442", "#777777",
};

void rh_puts(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default:
			/* control bytes from a hostile file are not text */
			fputc((unsigned char)*s < 0x20 ? '?' : *s, out);
		}
	}
}

const char *rh_fmt_ns(double ns, char *buf, size_t len)
{
	if (ns < 1e3)
		snprintf(buf, len, "%.3g ns", ns);
	else if (ns < 1e6)
		snprintf(buf, len, "%.3g µs", ns / 1e3);
	else if (ns < 1e9)
		snprintf(buf, len, "%.3g ms", ns / 1e6);
	else
		snprintf(buf, len, "%.3g s", ns / 1e9);
	return buf;
}

const char *rh_fmt_count(__u64 n, char *buf, size_t len)
{
	char t[32];
	size_t i, k = 0, d = (size_t)snprintf(t, sizeof(t), "%llu", (unsigned long long)n);

	for (i = 0; i < d && k + 2 < len; i++) {
		if (i && (d - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = t[i];
	}
	buf[k] = '\0';
	return buf;
}

/* The smallest 1, 2 or 5 x 10^k at or above v. */
static double nice_ceil(double v)
{
	double p, m;

	if (!(v > 0))
		return 1;
	p = pow(10, floor(log10(v)));
	m = v / p;
	return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

static void svg_open(FILE *out, int w, int h, const char *label)
{
	fprintf(out, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
		"aria-label=\"", w, h, w, h);
	rh_puts(out, label);
	fputs("\">\n", out);
}

/* Round ticks: the step is 1, 2 or 5 x 10^k and the top a whole number of steps. */
static double axis_step(double vmax, unsigned nticks)
{
	double step = nice_ceil(vmax / nticks);

	return step >= 1 || vmax <= 0 ? step : 1;
}

static void fmt_tick(double v, char *buf, size_t len)
{
	if (v == floor(v) && v < 1e15)
		rh_fmt_count((__u64)v, buf, len);
	else
		snprintf(buf, len, "%g", v);
}

/* A y axis from 0 to *ymax (rounded up here) over [y0 (bottom), y1 (top)] at x,
 * with grid lines to x2. */
static void y_axis(FILE *out, double *ymax, int x, int x2, int y0, int y1, const char *title)
{
	double step = axis_step(*ymax, 4), v;
	char t[32];

	*ymax = step * ceil(*ymax / step - 1e-9);
	if (*ymax <= 0)
		*ymax = step;
	for (v = 0; v <= *ymax * (1 + 1e-9); v += step) {
		int y = (int)lround(y0 - (y0 - y1) * v / *ymax);

		fmt_tick(v, t, sizeof(t));
		fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"grid\"/>"
			"<text x=\"%d\" y=\"%d\" class=\"yl\">%s</text>\n", x, y, x2, y, x - 4,
			y + 4, t);
	}
	fprintf(out, "<text transform=\"translate(14 %d) rotate(-90)\" class=\"at\">",
		(y0 + y1) / 2);
	rh_puts(out, title);
	fputs("</text>\n", out);
}

/* calls per second of each class: one line each, a legend on the right */
void rh_svg_timeline(FILE *out, const struct rh *h)
{
	const int W = 900, H = 300, L = 70, R = 700, T = 15, B = 250;
	double ymax = 0, span = h->nbins * h->bin_w, step, x;
	unsigned b, c, shown = 0;

	for (b = 0; b < h->nbins; b++)
		for (c = 0; c < RH_CLASSES; c++)
			ymax = fmax(ymax, h->bins[b][c] / h->bin_w);
	svg_open(out, W, H, "system calls per second over time, one line per kind of call");
	y_axis(out, &ymax, L, R, B, T, "calls per second");
	step = nice_ceil(span / 6);
	for (x = 0; x <= span * (1 + 1e-9); x += step)
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" class=\"xm\">%g</text>\n",
			L + (R - L) * x / span, B + 16, x);
	fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"at\">seconds since the first call "
		"(each point: %.3g ms)</text>\n", (L + R) / 2, B + 36, h->bin_w * 1e3);
	for (c = 0; c < RH_CLASSES; c++) {
		double sum = 0;

		for (b = 0; b < h->nbins; b++)
			sum += h->bins[b][c];
		if (sum == 0)
			continue;
		fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
			class_colors[c]);
		for (b = 0; b < h->nbins; b++)
			fprintf(out, "%.1f,%.1f ", L + (R - L) * (b + 0.5) / h->nbins,
				B - (B - T) * h->bins[b][c] / h->bin_w / ymax);
		fprintf(out, "\"/>\n<rect x=\"%d\" y=\"%u\" width=\"14\" height=\"4\" fill=\"%s\"/>"
			"<text x=\"%d\" y=\"%u\" class=\"lg\">%s</text>\n", R + 15, T + 20 * shown,
			class_colors[c], R + 34, T + 20 * shown + 6, rh_class_names[c]);
		shown++;
	}
	fputs("</svg>\n", out);
}

/* One syscall's latency histogram: a bar per power of two of nanoseconds. */
void rh_svg_hist(FILE *out, const struct rh *h, unsigned id)
{
	const int W = 420, H = 210, L = 60, R = 410, T = 10, B = 160;
	const __u32 *v = h->hist[id];
	unsigned lo = RH_BUCKETS, hi = 0, b;
	double ymax = 0, bw, dec;
	char nb[32], t[32];

	for (b = 0; b < RH_BUCKETS; b++)
		if (v[b]) {
			lo = b < lo ? b : lo;
			hi = b;
			ymax = fmax(ymax, v[b]);
		}
	if (lo == RH_BUCKETS)
		return;
	/* at least 8 buckets, so one bar is not the whole chart */
	while (hi - lo < 7)
		hi < RH_BUCKETS - 1 ? hi++ : lo--;
	bw = (double)(R - L) / (hi - lo + 1);
	snprintf(t, sizeof(t), "latency of %s", an_name(h->a, id, nb, sizeof(nb)));
	svg_open(out, W, H, t);
	y_axis(out, &ymax, L, R, B, T, "calls");
	/* ticks at whole powers of ten, placed on the log2 axis */
	for (dec = pow(10, ceil(log10(ldexp(1, (int)lo)))); dec <= ldexp(1, (int)hi + 1);
	     dec *= 10) {
		double x = L + bw * (log2(dec) - lo);

		fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
			"<text x=\"%.1f\" y=\"%d\" class=\"xm\">%s</text>\n", x, B, x, B + 5, x,
			B + 17, rh_fmt_ns(dec, t, sizeof(t)));
	}
	for (b = lo; b <= hi; b++) {
		double x = L + bw * (b - lo), y = B - (B - T) * v[b] / ymax;

		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			"class=\"bar\"><title>%s: %u calls</title></rect>\n", x + 1, y, bw - 2,
			B - y, rh_fmt_ns(ldexp(1, (int)b), t, sizeof(t)), v[b]);
	}
	fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"at\">time in the call (log scale)</text>\n</svg>\n", (L + R) / 2, B + 36);
}

void rh_svg_bars(FILE *out, const char *title, const char *const *labels, const double *v,
		 unsigned n, const char *unit)
{
	const int W = 900, L = 260, R = 780, row = 24;
	double vmax = 0;
	unsigned i;

	for (i = 0; i < n; i++)
		vmax = fmax(vmax, v[i]);
	if (!(vmax > 0))
		vmax = 1;
	svg_open(out, W, (int)n * row + 10, title);
	for (i = 0; i < n; i++) {
		int y = 5 + (int)i * row;
		double w = (R - L) * v[i] / vmax;
		char t[32];

		fmt_tick(v[i], t, sizeof(t));
		fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"yl\">", L - 8, y + 15);
		rh_puts(out, labels[i]);
		fprintf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
			"class=\"bar\"/><text x=\"%.1f\" y=\"%d\" class=\"vl\">%s %s</text>\n", L, y,
			w, row - 6, L + w + 6, y + 15, t, unit);
	}
	fputs("</svg>\n", out);
}
