/* SPDX-License-Identifier: MIT */
/* Internals of the HTML report: the figures (report_html.c), the charts (report_svg.c). */
#ifndef RN_REPORT_INT_H
#define RN_REPORT_INT_H

#include "analyze_int.h"

#define RH_BUCKETS 40		/* latency: [2^b, 2^(b+1)) ns, b = 0 also holds < 1 ns */
#define RH_BINS 120		/* calls over time: bins, widened by doubling */
#define RH_CLASSES 8
#define RH_PROCS 4096		/* processes counted one by one, the rest as "other" */
#define RH_ERRNOS 64		/* errno names counted */
#define RH_ERR_IDS 4		/* syscalls named per errno */

struct rh_proc {
	__u32 pid;
	bool used;
	__u64 calls, errors;
	double time_us;
	char name[48];		/* from its execve, or empty */
};

struct rh_err {
	char name[16];
	__u64 n;
	unsigned ids[RH_ERR_IDS];
	__u64 idn[RH_ERR_IDS];
};

struct rh {
	struct rn_analyze *a;
	__u32 *hist[AN_IDS];	/* RH_BUCKETS each, when the id occurred */
	__u64 errs[AN_IDS], total_errs;
	double bins[RH_BINS][RH_CLASSES];
	double bin_w, t0;
	unsigned nbins;		/* bins in use */
	bool have_t0;
	struct rh_proc procs[RH_PROCS];
	unsigned nprocs;
	__u64 other_calls;	/* of processes beyond RH_PROCS */
	struct rh_err errnos[RH_ERRNOS];
	unsigned nerr;
};

extern const char *const rh_class_names[RH_CLASSES];

/* Text with & < > " ' escaped. */
void rh_puts(FILE *out, const char *s);
/* "3 µs", "1.5 ms", from nanoseconds. */
const char *rh_fmt_ns(double ns, char *buf, size_t len);
/* "1,234,567" */
const char *rh_fmt_count(__u64 n, char *buf, size_t len);

/* The page (report_page.c). 0, -ENOMEM. */
int rh_page(FILE *out, struct rh *h, const char *title);

/* The charts, each one <figure> with a caption. */
void rh_svg_timeline(FILE *out, const struct rh *h);
void rh_svg_hist(FILE *out, const struct rh *h, unsigned id);
/* Horizontal bars: n labels (already escaped by the caller's choice: raw
 * text, escaped here) and values; unit names the values. */
void rh_svg_bars(FILE *out, const char *title, const char *const *labels, const double *v,
		 unsigned n, const char *unit);

#endif /* RN_REPORT_INT_H */
