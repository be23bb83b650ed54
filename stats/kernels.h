/* SPDX-License-Identifier: MIT */
/*
 * Batch kernels of the statistics engine, built twice: portable C
 * (stats/kernels.c) and AVX2 + FMA (stats/kernels_avx2.c, the only file
 * compiled with -mavx2). rn_kernels() checks the CPU once and returns the
 * table to use; RENACER_SIMD=scalar in the environment forces the portable
 * path.
 *
 * Agreement between the two tables (asserted by tests/test_stats.c):
 * integer results (counts, sums, minima, maxima, bucket indices, merged
 * histograms, percentile buckets, nearest-centre labels, ties included) are
 * identical; floating-point results differ only by summation order, at most
 * 1e-9 relative to the sum of the magnitudes of the terms.
 */
#ifndef RN_STATS_KERNELS_H
#define RN_STATS_KERNELS_H

#include <stddef.h>
#include <linux/types.h>

/* Running totals over a set of durations (nanoseconds). */
struct rn_acc {
	__u64 n;
	__u64 sum;		/* exact while below 2^64 ns (584 years) */
	__u64 min;
	__u64 max;
	double sq;		/* sum of (d - shift)^2, see acc() */
};

struct rn_stats_kernels {
	const char *name;	/* "scalar" or "avx2" */
	/* Fold d[0..n) into a: n, sum, min, max, and sq += sum of
	 * (d[i] - shift)^2 (a shifted sum of squares, so the variance keeps
	 * its precision when the mean is large). */
	void (*acc)(const __u64 *d, size_t n, double shift, struct rn_acc *a);
	/* out[i] = rn_hist_bucket(d[i]) for i < n (backends/hist.h). */
	void (*buckets)(const __u64 *d, size_t n, __u32 *out);
	/* dst[i] += src[i] for i < n (histogram merge). */
	void (*hist_add)(__u64 *dst, const __u64 *src, size_t n);
	/* Percentile search: *cum is the count before h[0]. Returns the first
	 * i < n with *cum + h[0] + ... + h[i] >= target, leaving *cum as the
	 * count before h[i]; or n, with *cum advanced by the sum of all h. */
	size_t (*rank_find)(const __u64 *h, size_t n, __u64 target, __u64 *cum);
	double (*dot)(const double *a, const double *b, size_t n);
	/* Squared Euclidean distance. */
	double (*dist2)(const double *a, const double *b, size_t n);
	/* out[r][j] = X[r][j] - shift[j] and sums[j] += out[r][j] (rows x
	 * cols, row-major): the centring step of the correlation. */
	void (*shift_rows)(const double *X, size_t rows, size_t cols, const double *shift,
			   double *out, double *sums);
	/* G[i * cols + j] += sum over rows r of X[r][i] * X[r][j], j >= i
	 * (upper triangle of X^T X; X row-major, rows x cols). */
	void (*gram)(const double *X, size_t rows, size_t cols, double *G);
	/* For each row of X, the nearest of the k centres C (k x cols):
	 * label[r] and its squared distance d2[r] (d2 may be NULL). Ties go to
	 * the lower index. When sums (k x cols) is given, each row is also
	 * added to the sums of its centre (the k-means update in the same
	 * pass over X). Returns the sum of the squared distances. */
	double (*nearest)(const double *X, size_t rows, size_t cols, const double *C, size_t k,
			  __u32 *label, double *d2, double *sums);
};

extern const struct rn_stats_kernels rn_kernels_scalar;
extern const struct rn_stats_kernels rn_kernels_avx2;

/* The table for this CPU, chosen once (thread-safe after the first call). */
const struct rn_stats_kernels *rn_kernels(void);
/* True when the CPU and the OS support AVX2 and FMA. */
int rn_kernels_have_avx2(void);

#endif /* RN_STATS_KERNELS_H */
