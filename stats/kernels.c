// SPDX-License-Identifier: MIT
/*
 * Portable batch kernels and the run-time choice between them and AVX2.
 */
#include <stdlib.h>
#include <string.h>

#include "../backends/hist.h"
#include "kernels.h"

static void acc_scalar(const __u64 *d, size_t n, double shift, struct rn_acc *a)
{
	__u64 sum = 0, mn = a->min, mx = a->max;
	double sq = 0.0;
	size_t i;

	if (a->n == 0) {
		mn = ~(__u64)0;
		mx = 0;
	}
	for (i = 0; i < n; i++) {
		double t = (double)d[i] - shift;

		sum += d[i];
		sq += t * t;
		if (d[i] < mn)
			mn = d[i];
		if (d[i] > mx)
			mx = d[i];
	}
	if (n == 0)
		return;
	a->n += n;
	a->sum += sum;
	a->sq += sq;
	a->min = mn;
	a->max = mx;
}

static void buckets_scalar(const __u64 *d, size_t n, __u32 *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		/* rn_hist_bucket() with the CPU's leading-zero count for the
		 * log2 (hist.h avoids builtins for the BPF verifier's sake) */
		__u64 v = d[i];
		__u32 e;

		if (v < RN_HIST_SUB) {
			out[i] = (__u32)v;
			continue;
		}
		e = 63u - (__u32)__builtin_clzll(v);
		out[i] = (e - RN_HIST_SUB_BITS + 1) * RN_HIST_SUB +
			 (__u32)((v >> (e - RN_HIST_SUB_BITS)) & (RN_HIST_SUB - 1));
	}
}

static void hist_add_scalar(__u64 *dst, const __u64 *src, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		dst[i] += src[i];
}

static size_t rank_find_scalar(const __u64 *h, size_t n, __u64 target, __u64 *cum)
{
	__u64 c = *cum;
	size_t i;

	for (i = 0; i < n; i++) {
		if (c + h[i] >= target) {
			*cum = c;
			return i;
		}
		c += h[i];
	}
	*cum = c;
	return n;
}

static double dot_scalar(const double *a, const double *b, size_t n)
{
	double s = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}

static double dist2_scalar(const double *a, const double *b, size_t n)
{
	double s = 0.0;
	size_t i;

	for (i = 0; i < n; i++) {
		double t = a[i] - b[i];

		s += t * t;
	}
	return s;
}

/*
 * dist2_scalar for nearest_scalar, two columns per iteration. The
 * one-column loop is so short that the front end, not the arithmetic, sets
 * its pace, and its speed then depends on where the loop lands in the
 * instruction cache: the same code ran at 15 to 24 ns per row of the
 * benchmark (16 columns, k = 3) at eight code alignments, so a change
 * anywhere in a binary could move the kernel benchmark's ratio by 1.6x. Two
 * columns per iteration ran at 13 to 15 ns at the same eight alignments.
 * The operations and their order are dist2_scalar's, so the results are the
 * same bit for bit.
 */
static inline double dist2_pairs(const double *a, const double *b, size_t n)
{
	double s = 0.0;
	size_t i;

	for (i = 0; i + 2 <= n; i += 2) {
		double t = a[i] - b[i], u = a[i + 1] - b[i + 1];

		s += t * t;
		s += u * u;
	}
	if (i < n) {
		double t = a[i] - b[i];

		s += t * t;
	}
	return s;
}

static void shift_rows_scalar(const double *X, size_t rows, size_t cols, const double *shift,
			      double *out, double *sums)
{
	size_t r, j;

	for (r = 0; r < rows; r++)
		for (j = 0; j < cols; j++) {
			double t = X[r * cols + j] - shift[j];

			out[r * cols + j] = t;
			sums[j] += t;
		}
}

static void gram_scalar(const double *X, size_t rows, size_t cols, double *G)
{
	size_t r, i, j;

	for (r = 0; r < rows; r++) {
		const double *x = X + r * cols;

		for (i = 0; i < cols; i++)
			for (j = i; j < cols; j++)
				G[i * cols + j] += x[i] * x[j];
	}
}

static double nearest_scalar(const double *X, size_t rows, size_t cols, const double *C,
			     size_t k, __u32 *label, double *d2, double *sums)
{
	double total = 0.0;
	size_t r, c, j;

	for (r = 0; r < rows; r++) {
		const double *x = X + r * cols;
		double best = dist2_pairs(x, C, cols);
		__u32 bi = 0;

		for (c = 1; c < k; c++) {
			double t = dist2_pairs(x, C + c * cols, cols);

			if (t < best) {
				best = t;
				bi = (__u32)c;
			}
		}
		label[r] = bi;
		if (d2)
			d2[r] = best;
		if (sums)
			for (j = 0; j < cols; j++)
				sums[bi * cols + j] += x[j];
		total += best;
	}
	return total;
}

const struct rn_stats_kernels rn_kernels_scalar = {
	.name = "scalar",
	.acc = acc_scalar,
	.buckets = buckets_scalar,
	.hist_add = hist_add_scalar,
	.rank_find = rank_find_scalar,
	.dot = dot_scalar,
	.dist2 = dist2_scalar,
	.shift_rows = shift_rows_scalar,
	.gram = gram_scalar,
	.nearest = nearest_scalar,
};

int rn_kernels_have_avx2(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_cpu_init();
	return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
	return 0;
#endif
}

static const struct rn_stats_kernels *kernels_choose(void)
{
	const char *env = getenv("RENACER_SIMD");

	if (env && strcmp(env, "scalar") == 0)
		return &rn_kernels_scalar;
	if (rn_kernels_have_avx2())
		return &rn_kernels_avx2;
	return &rn_kernels_scalar;
}

const struct rn_stats_kernels *rn_kernels(void)
{
	/* Chosen once; a race between two first callers stores the same
	 * pointer twice, which is harmless. */
	static const struct rn_stats_kernels *chosen;
	const struct rn_stats_kernels *k = __atomic_load_n(&chosen, __ATOMIC_ACQUIRE);

	if (!k) {
		k = kernels_choose();
		__atomic_store_n(&chosen, k, __ATOMIC_RELEASE);
	}
	return k;
}
