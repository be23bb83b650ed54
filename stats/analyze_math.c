// SPDX-License-Identifier: MIT
/*
 * The numerical core of the analysis: Pearson correlation through a centred
 * Gram matrix, standardisation, and k-means (k-means++ seeding, Lloyd
 * iterations) on top of the batch kernels.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "kernels.h"

#define CORR_BLOCK 256		/* rows centred at a time */
#define KMEANS_MAX_ITER 300

static void column_means(const double *X, size_t rows, size_t cols, double *mean)
{
	size_t r, j;

	memset(mean, 0, cols * sizeof(*mean));
	for (r = 0; r < rows; r++)
		for (j = 0; j < cols; j++)
			mean[j] += X[r * cols + j];
	for (j = 0; j < cols; j++)
		mean[j] /= (double)rows;
}

int rn_analyze_corr(const double *X, size_t rows, size_t cols, double *R)
{
	const struct rn_stats_kernels *k = rn_kernels();
	double *sum, *G, *blk, n = (double)rows;
	size_t r0, i, j;

	if (rows < 2 || cols == 0)
		return -EINVAL;
	sum = calloc(cols, sizeof(*sum));
	G = calloc(cols * cols, sizeof(*G));
	blk = malloc(CORR_BLOCK * cols * sizeof(*blk));
	if (!sum || !G || !blk) {
		free(sum);
		free(G);
		free(blk);
		return -ENOMEM;
	}
	/* One pass over X: the data are shifted by the first row (so the
	 * cross products stay small, like the two-pass formula) a block at a
	 * time, X^T X of the block is added up, and so are the column sums;
	 * the covariance is then S - s s^T / n. */
	for (r0 = 0; r0 < rows; r0 += CORR_BLOCK) {
		size_t nr = rows - r0 < CORR_BLOCK ? rows - r0 : CORR_BLOCK;

		k->shift_rows(X + r0 * cols, nr, cols, X, blk, sum);
		k->gram(blk, nr, cols, G);
	}
	for (i = 0; i < cols; i++)
		for (j = i; j < cols; j++)
			G[i * cols + j] -= sum[i] * sum[j] / n;
	for (i = 0; i < cols; i++) {
		for (j = i; j < cols; j++) {
			double d = sqrt(G[i * cols + i] * G[j * cols + j]);
			double v = d > 0.0 ? G[i * cols + j] / d : NAN;

			if (v > 1.0)
				v = 1.0;
			if (v < -1.0)
				v = -1.0;
			R[i * cols + j] = R[j * cols + i] = v;
		}
	}
	free(sum);
	free(G);
	free(blk);
	return 0;
}

int rn_analyze_standardize(double *X, size_t rows, size_t cols, double *mean_out, double *sd_out)
{
	double *mean, *sd;
	size_t r, j;

	if (rows == 0 || cols == 0)
		return -EINVAL;
	mean = malloc(cols * sizeof(*mean));
	sd = calloc(cols, sizeof(*sd));
	if (!mean || !sd) {
		free(mean);
		free(sd);
		return -ENOMEM;
	}
	column_means(X, rows, cols, mean);
	for (r = 0; r < rows; r++)
		for (j = 0; j < cols; j++) {
			double t = X[r * cols + j] - mean[j];

			sd[j] += t * t;
		}
	for (j = 0; j < cols; j++)
		sd[j] = sqrt(sd[j] / (double)rows);
	for (r = 0; r < rows; r++)
		for (j = 0; j < cols; j++)
			X[r * cols + j] = sd[j] > 0.0 ? (X[r * cols + j] - mean[j]) / sd[j] : 0.0;
	if (mean_out)
		memcpy(mean_out, mean, cols * sizeof(*mean));
	if (sd_out)
		memcpy(sd_out, sd, cols * sizeof(*sd));
	free(mean);
	free(sd);
	return 0;
}

/* splitmix64: small, seedable, the same sequence everywhere. */
static unsigned long long rng_next(unsigned long long *s)
{
	unsigned long long z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1) with 53 random bits. */
static double rng_unit(unsigned long long *s)
{
	return (double)(rng_next(s) >> 11) * 0x1.0p-53;
}

int rn_analyze_kmeans_init(const double *X, size_t rows, size_t cols, unsigned k,
			   unsigned long long seed, double *centers)
{
	const struct rn_stats_kernels *kr = rn_kernels();
	unsigned long long st = seed;
	double *d2, *t, total, target;
	__u32 *lab;
	size_t r, pick;
	unsigned c;

	if (k == 0 || rows < k || cols == 0)
		return -EINVAL;
	d2 = malloc(rows * sizeof(*d2));
	t = malloc(rows * sizeof(*t));
	lab = malloc(rows * sizeof(*lab));
	if (!d2 || !t || !lab) {
		free(d2);
		free(t);
		free(lab);
		return -ENOMEM;
	}
	pick = (size_t)(rng_unit(&st) * (double)rows);
	memcpy(centers, X + pick * cols, cols * sizeof(*centers));
	/* distances to one centre for every row: the nearest kernel with k=1 */
	kr->nearest(X, rows, cols, centers, 1, lab, d2, NULL);
	for (c = 1; c < k; c++) {
		/* next centre with probability proportional to D(x)^2 */
		for (total = 0.0, r = 0; r < rows; r++)
			total += d2[r];
		target = rng_unit(&st) * total;
		pick = rows - 1;
		if (total > 0.0) {
			for (r = 0; r < rows; r++) {
				target -= d2[r];
				if (target < 0.0 && d2[r] > 0.0) {
					pick = r;
					break;
				}
			}
		} else {
			pick = (size_t)(rng_unit(&st) * (double)rows);
		}
		memcpy(centers + c * cols, X + pick * cols, cols * sizeof(*centers));
		if (c + 1 == k)
			break;	/* no further pick needs the distances */
		kr->nearest(X, rows, cols, centers + c * cols, 1, lab, t, NULL);
		for (r = 0; r < rows; r++)
			d2[r] = t[r] < d2[r] ? t[r] : d2[r];
	}
	free(d2);
	free(t);
	free(lab);
	return 0;
}

/* Centres := means of their points (sums from the assignment pass); an
 * empty cluster takes the point furthest from its own centre. */
static void kmeans_update(const double *X, size_t rows, size_t cols, unsigned k,
			  double *centers, const double *sums, __u32 *labels, double *d2,
			  size_t *count)
{
	size_t r, j, far;
	unsigned c;

	memset(count, 0, k * sizeof(*count));
	for (r = 0; r < rows; r++)
		count[labels[r]]++;
	for (c = 0; c < k; c++) {
		if (count[c] == 0) {
			for (far = 0, r = 1; r < rows; r++)
				if (d2[r] > d2[far])
					far = r;
			memcpy(centers + c * cols, X + far * cols, cols * sizeof(*centers));
			d2[far] = 0.0;
			labels[far] = c;
			continue;
		}
		for (j = 0; j < cols; j++)
			centers[c * cols + j] = sums[c * cols + j] / (double)count[c];
	}
}

int rn_analyze_kmeans_run(const double *X, size_t rows, size_t cols, unsigned k,
			  unsigned max_iter, double *centers, __u32 *labels,
			  struct rn_kmeans_result *res)
{
	const struct rn_stats_kernels *kr = rn_kernels();
	__u32 *prev = malloc(rows * sizeof(*prev));
	double *d2 = malloc(rows * sizeof(*d2));
	double *sums = malloc((size_t)k * cols * sizeof(*sums) + 1);
	size_t *count = malloc(k * sizeof(*count) + 1);
	unsigned it;
	int err = 0;

	memset(res, 0, sizeof(*res));
	if (!prev || !d2 || !sums || !count) {
		err = -ENOMEM;
		goto out;
	}
	if (k == 0 || rows < k) {
		err = -EINVAL;
		goto out;
	}
	if (max_iter == 0)
		max_iter = KMEANS_MAX_ITER;
	for (it = 1; it <= max_iter; it++) {
		memset(sums, 0, (size_t)k * cols * sizeof(*sums));
		res->inertia = kr->nearest(X, rows, cols, centers, k, labels, d2, sums);
		res->iterations = it;
		if (it > 1 && memcmp(prev, labels, rows * sizeof(*labels)) == 0) {
			res->converged = true;
			break;
		}
		kmeans_update(X, rows, cols, k, centers, sums, labels, d2, count);
		memcpy(prev, labels, rows * sizeof(*labels));
	}
	if (!res->converged)
		res->inertia = kr->nearest(X, rows, cols, centers, k, labels, NULL, NULL);
out:
	free(prev);
	free(d2);
	free(sums);
	free(count);
	return err;
}

int rn_analyze_kmeans(const double *X, size_t rows, size_t cols, unsigned k,
		      unsigned long long seed, double *centers, __u32 *labels,
		      struct rn_kmeans_result *res)
{
	int err = rn_analyze_kmeans_init(X, rows, cols, k, seed, centers);

	if (err < 0)
		return err;
	return rn_analyze_kmeans_run(X, rows, cols, k, 0, centers, labels, res);
}
