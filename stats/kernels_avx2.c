// SPDX-License-Identifier: MIT
/*
 * AVX2 + FMA batch kernels: the only file built with -mavx2 -mfma. Never
 * called unless rn_kernels() found both on the CPU. Results match
 * stats/kernels.c exactly for integers; floating-point sums are reassociated
 * (four or eight partial sums), see kernels.h for the tolerance.
 */
#include <immintrin.h>
#include <string.h>

#include "../backends/hist.h"
#include "kernels.h"

static inline double hsum_pd(__m256d v)
{
	__m128d lo = _mm256_castpd256_pd128(v), hi = _mm256_extractf128_pd(v, 1);

	lo = _mm_add_pd(lo, hi);
	return _mm_cvtsd_f64(_mm_add_sd(lo, _mm_unpackhi_pd(lo, lo)));
}

static inline __u64 hsum_epi64(__m256i v)
{
	__u64 t[4];

	_mm256_storeu_si256((__m256i *)t, v);
	return t[0] + t[1] + t[2] + t[3];
}

/* Exact conversion of lanes below 2^52: 2^52 + v as a double, minus 2^52. */
static inline __m256d small_to_pd(__m256i v)
{
	return _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(v,
			_mm256_set1_epi64x(0x4330000000000000ll))),
			_mm256_set1_pd(4503599627370496.0));
}

static void acc_avx2(const __u64 *d, size_t n, double shift, struct rn_acc *a)
{
	const __m256i big = _mm256_set1_epi64x(~((1ll << 52) - 1));
	__m256i vsum = _mm256_setzero_si256();
	/* every vector lane is below 2^52 (larger values take the scalar
	 * path), so min and max are taken exactly on the doubles */
	__m256d vmin = _mm256_set1_pd(1e300), vmax = _mm256_set1_pd(-1.0);
	__m256d vsq0 = _mm256_setzero_pd(), vsq1 = _mm256_setzero_pd();
	__m256d vshift = _mm256_set1_pd(shift);
	__u64 sum = 0, mn, mx;
	double sq = 0.0, t[4];
	size_t i = 0, j;

	if (n == 0)
		return;
	mn = a->n ? a->min : ~(__u64)0;
	mx = a->n ? a->max : 0;
	for (; i + 8 <= n; i += 8) {
		__m256i x0 = _mm256_loadu_si256((const __m256i *)(d + i));
		__m256i x1 = _mm256_loadu_si256((const __m256i *)(d + i + 4));
		__m256d f0, f1, g0, g1;

		if (!_mm256_testz_si256(_mm256_or_si256(x0, x1), big)) {
			for (j = i; j < i + 8; j++) {
				double f = (double)d[j] - shift;

				sum += d[j];
				sq += f * f;
				mn = d[j] < mn ? d[j] : mn;
				mx = d[j] > mx ? d[j] : mx;
			}
			continue;
		}
		f0 = small_to_pd(x0);
		f1 = small_to_pd(x1);
		vsum = _mm256_add_epi64(vsum, _mm256_add_epi64(x0, x1));
		vmin = _mm256_min_pd(vmin, _mm256_min_pd(f0, f1));
		vmax = _mm256_max_pd(vmax, _mm256_max_pd(f0, f1));
		g0 = _mm256_sub_pd(f0, vshift);
		g1 = _mm256_sub_pd(f1, vshift);
		vsq0 = _mm256_fmadd_pd(g0, g0, vsq0);
		vsq1 = _mm256_fmadd_pd(g1, g1, vsq1);
	}
	sum += hsum_epi64(vsum);
	sq += hsum_pd(_mm256_add_pd(vsq0, vsq1));
	_mm256_storeu_pd(t, vmin);
	for (j = 0; j < 4; j++)
		if (t[j] < 1e300 && (__u64)t[j] < mn)
			mn = (__u64)t[j];
	_mm256_storeu_pd(t, vmax);
	for (j = 0; j < 4; j++)
		if (t[j] >= 0 && (__u64)t[j] > mx)
			mx = (__u64)t[j];
	for (; i < n; i++) {
		double f = (double)d[i] - shift;

		sum += d[i];
		sq += f * f;
		if (d[i] < mn)
			mn = d[i];
		if (d[i] > mx)
			mx = d[i];
	}
	a->n += n;
	a->sum += sum;
	a->sq += sq;
	a->min = mn;
	a->max = mx;
}

/* Four bucket indices; every lane below 2^52, so its double is exact, and
 * the double's bits are the bucket: the exponent and the top
 * RN_HIST_SUB_BITS bits of the mantissa sit from bit 45 up, so for
 * v >= RN_HIST_SUB, bucket = (bits >> 45) - ((1023 + 6) << 7). */
static inline __m256i buckets4(__m256i v)
{
	__m256i bits = _mm256_castpd_si256(small_to_pd(v));
	__m256i hi = _mm256_sub_epi64(_mm256_srli_epi64(bits, 52 - RN_HIST_SUB_BITS),
			_mm256_set1_epi64x((1023ll + RN_HIST_SUB_BITS - 1) << RN_HIST_SUB_BITS));
	__m256i small = _mm256_cmpgt_epi64(_mm256_set1_epi64x(RN_HIST_SUB), v);

	return _mm256_blendv_epi8(hi, v, small);
}

static void buckets_avx2(const __u64 *d, size_t n, __u32 *out)
{
	const __m256i pack = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
	const __m256i big = _mm256_set1_epi64x(~((1ll << 52) - 1));
	size_t i = 0;
	int j;

	for (; i + 8 <= n; i += 8) {
		__m256i v0 = _mm256_loadu_si256((const __m256i *)(d + i));
		__m256i v1 = _mm256_loadu_si256((const __m256i *)(d + i + 4));

		_mm_prefetch((const char *)(d + i + 128), _MM_HINT_T0);
		if (!_mm256_testz_si256(_mm256_or_si256(v0, v1), big)) {
			for (j = 0; j < 8; j++)
				out[i + j] = rn_hist_bucket(d[i + j]);
			continue;
		}
		v0 = _mm256_permutevar8x32_epi32(buckets4(v0), pack);
		v1 = _mm256_permutevar8x32_epi32(buckets4(v1), pack);
		_mm256_storeu_si256((__m256i *)(out + i), _mm256_permute2x128_si256(v0, v1, 0x20));
	}
	for (; i < n; i++)
		out[i] = rn_hist_bucket(d[i]);
}

static void hist_add_avx2(__u64 *dst, const __u64 *src, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		__m256i a0 = _mm256_loadu_si256((const __m256i *)(dst + i));
		__m256i a1 = _mm256_loadu_si256((const __m256i *)(dst + i + 4));
		__m256i b0 = _mm256_loadu_si256((const __m256i *)(src + i));
		__m256i b1 = _mm256_loadu_si256((const __m256i *)(src + i + 4));

		_mm256_storeu_si256((__m256i *)(dst + i), _mm256_add_epi64(a0, b0));
		_mm256_storeu_si256((__m256i *)(dst + i + 4), _mm256_add_epi64(a1, b1));
	}
	for (; i < n; i++)
		dst[i] += src[i];
}

static size_t rank_find_avx2(const __u64 *h, size_t n, __u64 target, __u64 *cum)
{
	__u64 c = *cum;
	size_t i = 0;

	/* skip whole blocks of 32 buckets while the target lies beyond them */
	for (; i + 32 <= n; i += 32) {
		const __m256i *p = (const __m256i *)(h + i);
		__m256i s0 = _mm256_add_epi64(_mm256_loadu_si256(p), _mm256_loadu_si256(p + 1));
		__m256i s1 = _mm256_add_epi64(_mm256_loadu_si256(p + 2), _mm256_loadu_si256(p + 3));
		__m256i s2 = _mm256_add_epi64(_mm256_loadu_si256(p + 4), _mm256_loadu_si256(p + 5));
		__m256i s3 = _mm256_add_epi64(_mm256_loadu_si256(p + 6), _mm256_loadu_si256(p + 7));
		__m256i s = _mm256_add_epi64(_mm256_add_epi64(s0, s1), _mm256_add_epi64(s2, s3));
		__m128i q = _mm_add_epi64(_mm256_castsi256_si128(s), _mm256_extracti128_si256(s, 1));
		__u64 blk = (__u64)_mm_cvtsi128_si64(q) + (__u64)_mm_extract_epi64(q, 1);

		if (c + blk >= target)
			break;
		c += blk;
	}
	for (; i < n; i++) {
		if (c + h[i] >= target) {
			*cum = c;
			return i;
		}
		c += h[i];
	}
	*cum = c;
	return n;
}

static double dot_avx2(const double *a, const double *b, size_t n)
{
	__m256d s0 = _mm256_setzero_pd(), s1 = _mm256_setzero_pd();
	double s;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		s0 = _mm256_fmadd_pd(_mm256_loadu_pd(a + i), _mm256_loadu_pd(b + i), s0);
		s1 = _mm256_fmadd_pd(_mm256_loadu_pd(a + i + 4), _mm256_loadu_pd(b + i + 4), s1);
	}
	for (; i + 4 <= n; i += 4)
		s0 = _mm256_fmadd_pd(_mm256_loadu_pd(a + i), _mm256_loadu_pd(b + i), s0);
	s = hsum_pd(_mm256_add_pd(s0, s1));
	for (; i < n; i++)
		s += a[i] * b[i];
	return s;
}

static double dist2_avx2(const double *a, const double *b, size_t n)
{
	__m256d s0 = _mm256_setzero_pd(), s1 = _mm256_setzero_pd();
	double s;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		__m256d t0 = _mm256_sub_pd(_mm256_loadu_pd(a + i), _mm256_loadu_pd(b + i));
		__m256d t1 = _mm256_sub_pd(_mm256_loadu_pd(a + i + 4), _mm256_loadu_pd(b + i + 4));

		s0 = _mm256_fmadd_pd(t0, t0, s0);
		s1 = _mm256_fmadd_pd(t1, t1, s1);
	}
	for (; i + 4 <= n; i += 4) {
		__m256d t0 = _mm256_sub_pd(_mm256_loadu_pd(a + i), _mm256_loadu_pd(b + i));

		s0 = _mm256_fmadd_pd(t0, t0, s0);
	}
	s = hsum_pd(_mm256_add_pd(s0, s1));
	for (; i < n; i++) {
		double t = a[i] - b[i];

		s += t * t;
	}
	return s;
}

static void shift_rows_avx2(const double *X, size_t rows, size_t cols, const double *shift,
			    double *out, double *sums)
{
	size_t r, j;

	if (cols % 4) {
		rn_kernels_scalar.shift_rows(X, rows, cols, shift, out, sums);
		return;
	}
	for (j = 0; j < cols; j += 4) {
		/* one column block down all rows: shift and sum stay in registers */
		__m256d sh = _mm256_loadu_pd(shift + j), s0 = _mm256_setzero_pd(), s1 = s0;

		for (r = 0; r + 2 <= rows; r += 2) {
			__m256d t0 = _mm256_sub_pd(_mm256_loadu_pd(X + r * cols + j), sh);
			__m256d t1 = _mm256_sub_pd(_mm256_loadu_pd(X + (r + 1) * cols + j), sh);

			_mm256_storeu_pd(out + r * cols + j, t0);
			_mm256_storeu_pd(out + (r + 1) * cols + j, t1);
			s0 = _mm256_add_pd(s0, t0);
			s1 = _mm256_add_pd(s1, t1);
		}
		for (; r < rows; r++) {
			__m256d t0 = _mm256_sub_pd(_mm256_loadu_pd(X + r * cols + j), sh);

			_mm256_storeu_pd(out + r * cols + j, t0);
			s0 = _mm256_add_pd(s0, t0);
		}
		_mm256_storeu_pd(sums + j, _mm256_add_pd(_mm256_loadu_pd(sums + j),
							 _mm256_add_pd(s0, s1)));
	}
}

/* Lane mask for columns j .. j + 3 of a row of cols values. */
static inline __m256i col_mask(size_t j, size_t cols)
{
	const __m256i idx = _mm256_setr_epi64x(0, 1, 2, 3);

	return _mm256_cmpgt_epi64(_mm256_set1_epi64x((long long)(cols - j)), idx);
}

#define GRAM_ROWS 128	/* rows per block: 16 KiB at 16 columns, stays in L1 */

/* The unmasked inner loop of gram_tile for a constant first vector v0. */
static inline __attribute__((always_inline)) void
gram_rows(const double *X, size_t rows, size_t cols, size_t i, size_t jb, const int v0,
	  __m256d a[2][4])
{
	__m256d a00 = a[0][0], a01 = a[0][1], a02 = a[0][2], a03 = a[0][3];
	__m256d a10 = a[1][0], a11 = a[1][1], a12 = a[1][2], a13 = a[1][3];
	size_t r, i1 = i + 1 < cols ? i + 1 : i;

	for (r = 0; r < rows; r++) {
		const double *x = X + r * cols + jb;
		__m256d b0 = _mm256_broadcast_sd(X + r * cols + i);
		__m256d b1 = _mm256_broadcast_sd(X + r * cols + i1);
		__m256d xv;

		if (v0 <= 0) {
			xv = _mm256_loadu_pd(x);
			a00 = _mm256_fmadd_pd(b0, xv, a00);
			a10 = _mm256_fmadd_pd(b1, xv, a10);
		}
		if (v0 <= 1) {
			xv = _mm256_loadu_pd(x + 4);
			a01 = _mm256_fmadd_pd(b0, xv, a01);
			a11 = _mm256_fmadd_pd(b1, xv, a11);
		}
		if (v0 <= 2) {
			xv = _mm256_loadu_pd(x + 8);
			a02 = _mm256_fmadd_pd(b0, xv, a02);
			a12 = _mm256_fmadd_pd(b1, xv, a12);
		}
		xv = _mm256_loadu_pd(x + 12);
		a03 = _mm256_fmadd_pd(b0, xv, a03);
		a13 = _mm256_fmadd_pd(b1, xv, a13);
	}
	a[0][0] = a00; a[0][1] = a01; a[0][2] = a02; a[0][3] = a03;
	a[1][0] = a10; a[1][1] = a11; a[1][2] = a12; a[1][3] = a13;
}

/* One block of rows: G rows i, i + 1 against columns jb .. jb + 15, in up
 * to eight accumulators. Vectors wholly left of column i are skipped (the
 * lower triangle is not needed); columns past the end are masked to zero,
 * with plain loads wherever the whole vector is in range. */
static void gram_tile(const double *X, size_t rows, size_t cols, size_t i, size_t jb, double *G)
{
	__m256d a[2][4];
	__m256i m[4];
	double t[4];
	size_t r, ii;
	int v, l, v0 = i > jb ? (int)((i - jb) / 4) : 0, nv = 0, full;

	for (v = 0; v < 4; v++) {
		m[v] = col_mask(jb + 4 * (size_t)v, cols);
		a[0][v] = a[1][v] = _mm256_setzero_pd();
		if (jb + 4 * (size_t)v < cols)
			nv = v + 1;
	}
	full = jb + 16 <= cols;
	if (full) {
		/* constant indices keep the accumulators in registers */
		switch (v0) {
		case 0: gram_rows(X, rows, cols, i, jb, 0, a); break;
		case 1: gram_rows(X, rows, cols, i, jb, 1, a); break;
		case 2: gram_rows(X, rows, cols, i, jb, 2, a); break;
		default: gram_rows(X, rows, cols, i, jb, 3, a); break;
		}
		rows = 0;
	}
	for (r = 0; r < rows; r++) {
		const double *x = X + r * cols;
		__m256d b0 = _mm256_broadcast_sd(x + i);
		__m256d b1 = _mm256_broadcast_sd(x + (i + 1 < cols ? i + 1 : i));

		for (v = v0; v < nv; v++) {
			__m256d xv = _mm256_maskload_pd(x + jb + 4 * v, m[v]);

			a[0][v] = _mm256_fmadd_pd(b0, xv, a[0][v]);
			a[1][v] = _mm256_fmadd_pd(b1, xv, a[1][v]);
		}
	}
	for (ii = 0; ii < 2 && i + ii < cols; ii++)
		for (v = v0; v < nv; v++) {
			_mm256_storeu_pd(t, a[ii][v]);
			for (l = 0; l < 4; l++) {
				size_t j = jb + 4 * (size_t)v + (size_t)l;

				if (j >= i + ii && j < cols)
					G[(i + ii) * cols + j] += t[l];
			}
		}
}

static void gram_avx2(const double *X, size_t rows, size_t cols, double *G)
{
	size_t r0, i, jb;

	for (r0 = 0; r0 < rows; r0 += GRAM_ROWS) {
		size_t nr = rows - r0 < GRAM_ROWS ? rows - r0 : GRAM_ROWS;

		for (i = 0; i < cols; i += 2)
			for (jb = i & ~(size_t)15; jb < cols; jb += 16)
				gram_tile(X + r0 * cols, nr, cols, i, jb, G);
	}
}

/* Squared distances from x to four centres c[0..3] (cols each), as one
 * vector: the four partial sums are reduced together. */
static inline __m256d dist4(const double *x, const double *c0, const double *c1,
			    const double *c2, const double *c3, size_t cols)
{
	__m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0, h0, h1;
	double t0 = 0, t1 = 0, t2 = 0, t3 = 0;
	size_t j = 0;

	for (; j + 4 <= cols; j += 4) {
		__m256d xv = _mm256_loadu_pd(x + j);
		__m256d d0 = _mm256_sub_pd(xv, _mm256_loadu_pd(c0 + j));
		__m256d d1 = _mm256_sub_pd(xv, _mm256_loadu_pd(c1 + j));
		__m256d d2 = _mm256_sub_pd(xv, _mm256_loadu_pd(c2 + j));
		__m256d d3 = _mm256_sub_pd(xv, _mm256_loadu_pd(c3 + j));

		s0 = _mm256_fmadd_pd(d0, d0, s0);
		s1 = _mm256_fmadd_pd(d1, d1, s1);
		s2 = _mm256_fmadd_pd(d2, d2, s2);
		s3 = _mm256_fmadd_pd(d3, d3, s3);
	}
	for (; j < cols; j++) {
		double e0 = x[j] - c0[j], e1 = x[j] - c1[j], e2 = x[j] - c2[j], e3 = x[j] - c3[j];

		t0 += e0 * e0;
		t1 += e1 * e1;
		t2 += e2 * e2;
		t3 += e3 * e3;
	}
	/* [s0a+s0b, s1a+s1b, s0c+s0d, s1c+s1d] and the same for s2, s3 */
	h0 = _mm256_hadd_pd(s0, s1);
	h1 = _mm256_hadd_pd(s2, s3);
	return _mm256_add_pd(_mm256_add_pd(_mm256_permute2f128_pd(h0, h1, 0x20),
					   _mm256_permute2f128_pd(h0, h1, 0x31)),
			     _mm256_setr_pd(t0, t1, t2, t3));
}

/* dst[0..n) += src[0..n) */
static inline void add_row(double *dst, const double *src, size_t n)
{
	size_t j = 0;

	for (; j + 4 <= n; j += 4)
		_mm256_storeu_pd(dst + j, _mm256_add_pd(_mm256_loadu_pd(dst + j),
							_mm256_loadu_pd(src + j)));
	for (; j < n; j++)
		dst[j] += src[j];
}

/* k = 1 (the k-means++ seeding passes): one distance per row. */
static double nearest1_avx2(const double *X, size_t rows, size_t cols, const double *C,
			    __u32 *label, double *d2, double *sums)
{
	double total = 0.0, t;
	size_t r;

	for (r = 0; r < rows; r++) {
		t = dist2_avx2(X + r * cols, C, cols);
		label[r] = 0;
		if (d2)
			d2[r] = t;
		if (sums)
			add_row(sums, X + r * cols, cols);
		total += t;
	}
	return total;
}

/* One row at a time: the tail of a batch and wide rows. */
static double nearest_rows_avx2(const double *X, size_t rows, size_t cols, const double *C,
				size_t k, __u32 *label, double *d2, double *sums)
{
	double total = 0.0;
	size_t r, c, q;

	for (r = 0; r < rows; r++) {
		const double *x = X + r * cols;
		double best = 0.0;
		__u32 bi = 0;

		/* four centres at a time; a short last group repeats its last
		 * centre, which cannot beat it. The minimum and its first lane
		 * come from vector compares: a branch per centre would be
		 * mispredicted on every other point. */
		for (c = 0; c < k; c += 4) {
			const double *cc[4];
			__m256d dv, m;
			unsigned mask, lane;
			double gm;
			int take;

			for (q = 0; q < 4; q++)
				cc[q] = C + (c + q < k ? c + q : k - 1) * cols;
			dv = dist4(x, cc[0], cc[1], cc[2], cc[3], cols);
			m = _mm256_min_pd(dv, _mm256_permute2f128_pd(dv, dv, 1));
			m = _mm256_min_pd(m, _mm256_permute_pd(m, 5));
			gm = _mm256_cvtsd_f64(m);
			mask = (unsigned)_mm256_movemask_pd(_mm256_cmp_pd(dv, m, _CMP_EQ_OQ));
			lane = mask ? (unsigned)__builtin_ctz(mask) : 0;
			take = c == 0 || gm < best;
			best = take ? gm : best;
			bi = take ? (__u32)(c + lane) : bi;
		}
		label[r] = bi;
		if (d2)
			d2[r] = best;
		if (sums)
			add_row(sums + bi * cols, x, cols);
		total += best;
	}
	return total;
}

#ifndef NEAR_PF
#define NEAR_PF 16
#endif
#define NEAR_MAX_COLS 64	/* transposed group of 4 rows on the stack: 2 KiB */

/*
 * Squared distances of four rows (transposed: T[j] holds column j of the
 * four, one row per lane) to centres C[c0 .. c0 + K), K a constant 1..4 so
 * that the accumulators stay in registers. Each centre has two accumulators,
 * even and odd columns: one chain of cols FMAs (4 cycles each) would bound
 * the group by latency, not by the two FMA ports.
 */
static inline __attribute__((always_inline)) void
dist_group(const __m256d *T, size_t cols, const double *C, size_t c0, const int K,
	   __m256d out[4])
{
	__m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
	__m256d b0 = a0, b1 = a0, b2 = a0, b3 = a0, x, y, t;
	const double *p0 = C + c0 * cols, *p1 = p0 + cols, *p2 = p1 + cols, *p3 = p2 + cols;
	size_t j;

#define NEAR_STEP(acc, p, v, jj) do {						\
		t = _mm256_sub_pd(v, _mm256_broadcast_sd((p) + (jj)));		\
		acc = _mm256_fmadd_pd(t, t, acc);				\
	} while (0)
	for (j = 0; j + 2 <= cols; j += 2) {
		x = T[j];
		y = T[j + 1];
		NEAR_STEP(a0, p0, x, j);
		NEAR_STEP(b0, p0, y, j + 1);
		if (K > 1) {
			NEAR_STEP(a1, p1, x, j);
			NEAR_STEP(b1, p1, y, j + 1);
		}
		if (K > 2) {
			NEAR_STEP(a2, p2, x, j);
			NEAR_STEP(b2, p2, y, j + 1);
		}
		if (K > 3) {
			NEAR_STEP(a3, p3, x, j);
			NEAR_STEP(b3, p3, y, j + 1);
		}
	}
	if (j < cols) {
		/* odd cols: the last column goes to the even accumulators */
		x = T[j];
		NEAR_STEP(a0, p0, x, j);
		if (K > 1)
			NEAR_STEP(a1, p1, x, j);
		if (K > 2)
			NEAR_STEP(a2, p2, x, j);
		if (K > 3)
			NEAR_STEP(a3, p3, x, j);
	}
#undef NEAR_STEP
	out[0] = _mm256_add_pd(a0, b0);
	out[1] = _mm256_add_pd(a1, b1);
	out[2] = _mm256_add_pd(a2, b2);
	out[3] = _mm256_add_pd(a3, b3);
}

/*
 * Columns of rows x[0..3] (row stride cols) into T[0 .. cols), one row per
 * lane. Two columns at a time: 128-bit loads put rows 0 and 2 (1 and 3) in
 * the two halves of a vector, and one in-lane unpack per column finishes the
 * transpose; no lane-crossing shuffle, which only one port executes.
 */
static inline void transpose4(const double *x, size_t cols, __m256d *T)
{
	const double *x1 = x + cols, *x2 = x1 + cols, *x3 = x2 + cols;
	size_t j = 0;

	for (; j + 2 <= cols; j += 2) {
		__m256d a = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(x + j)),
						 _mm_loadu_pd(x2 + j), 1);
		__m256d b = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(x1 + j)),
						 _mm_loadu_pd(x3 + j), 1);

		T[j] = _mm256_unpacklo_pd(a, b);
		T[j + 1] = _mm256_unpackhi_pd(a, b);
	}
	if (j < cols)
		T[j] = _mm256_setr_pd(x[j], x1[j], x2[j], x3[j]);
}

/*
 * Squared distances of rows x[0..3] (row stride cols) to the K centres p[]
 * (K a constant 1..4), transposing on the fly: 128-bit loads put rows 0 and
 * 2 (1 and 3) in the two halves of a vector, and an in-lane unpack gives
 * column j (and j + 1) of the four rows, one row per lane. Nothing goes
 * through memory, and there is no lane-crossing shuffle (one port only).
 */
static inline __attribute__((always_inline)) void
dist_direct(const double *x, size_t cols, const double *C, const int K, __m256d out[4])
{
	const double *x1 = x + cols, *x2 = x1 + cols, *x3 = x2 + cols;
	const double *p0 = C, *p1 = p0 + cols, *p2 = p1 + cols, *p3 = p2 + cols;
	__m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
	__m256d b0 = a0, b1 = a0, b2 = a0, b3 = a0, e, o, t;
	size_t j;

#define NEAR_STEP(acc, p, v, jj) do {						\
		t = _mm256_sub_pd(v, _mm256_broadcast_sd((p) + (jj)));		\
		acc = _mm256_fmadd_pd(t, t, acc);				\
	} while (0)
	for (j = 0; j + 2 <= cols; j += 2) {
		__m256d u = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(x + j)),
						 _mm_loadu_pd(x2 + j), 1);
		__m256d w = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(x1 + j)),
						 _mm_loadu_pd(x3 + j), 1);

		e = _mm256_unpacklo_pd(u, w);
		o = _mm256_unpackhi_pd(u, w);
		NEAR_STEP(a0, p0, e, j);
		NEAR_STEP(b0, p0, o, j + 1);
		if (K > 1) {
			NEAR_STEP(a1, p1, e, j);
			NEAR_STEP(b1, p1, o, j + 1);
		}
		if (K > 2) {
			NEAR_STEP(a2, p2, e, j);
			NEAR_STEP(b2, p2, o, j + 1);
		}
		if (K > 3) {
			NEAR_STEP(a3, p3, e, j);
			NEAR_STEP(b3, p3, o, j + 1);
		}
	}
	if (j < cols) {
		e = _mm256_setr_pd(x[j], x1[j], x2[j], x3[j]);
		NEAR_STEP(a0, p0, e, j);
		if (K > 1)
			NEAR_STEP(a1, p1, e, j);
		if (K > 2)
			NEAR_STEP(a2, p2, e, j);
		if (K > 3)
			NEAR_STEP(a3, p3, e, j);
	}
#undef NEAR_STEP
	out[0] = _mm256_add_pd(a0, b0);
	out[1] = _mm256_add_pd(a1, b1);
	out[2] = _mm256_add_pd(a2, b2);
	out[3] = _mm256_add_pd(a3, b3);
}

/*
 * Nearest centre of four rows: *best and *lab (64-bit lanes) per row.
 * Labels keep the scalar kernel's rule, a later centre wins only when
 * strictly nearer: min_pd(d, best) is exactly "d < best ? d : best" (NaN
 * never wins, and the first centre is taken unconditionally), and since
 * centres come in increasing order the label is the maximum of the old one
 * and the masked new index. Up to four centres come straight from the rows;
 * more centres read a transposed copy T, made once per group.
 */
static inline void nearest_group(const double *x, size_t cols, const double *C, size_t k,
				 __m256d *T, __m256d *best, __m256i *lab)
{
	__m256d dist[4], b = _mm256_setzero_pd();
	__m256i l = _mm256_setzero_si256();
	size_t c, q;

	if (k > 4)
		transpose4(x, cols, T);
	for (c = 0; c < k; c += 4) {
		switch (k > 4 ? 4 + (k - c < 4 ? k - c : 4) : k) {
		case 1: dist_direct(x, cols, C, 1, dist); break;
		case 2: dist_direct(x, cols, C, 2, dist); break;
		case 3: dist_direct(x, cols, C, 3, dist); break;
		case 4: dist_direct(x, cols, C, 4, dist); break;
		case 5: dist_group(T, cols, C, c, 1, dist); break;
		case 6: dist_group(T, cols, C, c, 2, dist); break;
		case 7: dist_group(T, cols, C, c, 3, dist); break;
		default: dist_group(T, cols, C, c, 4, dist); break;
		}
		for (q = 0; q < 4 && c + q < k; q++) {
			__m256i lt;

			if (c + q == 0) {
				b = dist[0];
				continue;
			}
			lt = _mm256_castpd_si256(_mm256_cmp_pd(dist[q], b, _CMP_LT_OQ));
			b = _mm256_min_pd(dist[q], b);
			l = _mm256_max_epi32(l, _mm256_and_si256(lt,
					_mm256_set1_epi64x((long long)(c + q))));
		}
	}
	*best = b;
	*lab = l;
}

/*
 * Four rows at a time: the rows are transposed so that each lane is a row,
 * and every centre costs one broadcast, one subtraction and one FMA per
 * column for all four rows (no horizontal sums). A last group of fewer than
 * four rows is copied into a zero-padded block and takes the same path.
 * The k-means sums are added row by row in row order, as the scalar kernel
 * adds them.
 */
static double nearest_avx2(const double *X, size_t rows, size_t cols, const double *C,
			   size_t k, __u32 *label, double *d2, double *sums)
{
	const __m256i pack = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
	__m256d T[NEAR_MAX_COLS], best, vtotal = _mm256_setzero_pd();
	double pad[4 * NEAR_MAX_COLS], bd[4];
	__u32 lb[4];
	__m256i lab;
	size_t r, q, n;

	if (cols > NEAR_MAX_COLS)
		return k == 1 ? nearest1_avx2(X, rows, cols, C, label, d2, sums) :
				nearest_rows_avx2(X, rows, cols, C, k, label, d2, sums);
	for (r = 0; r < rows; r += 4) {
		const double *x = X + r * cols;
		size_t pf;

		for (pf = 0; pf < 4 * cols * sizeof(double); pf += 64)
			_mm_prefetch((const char *)(x + NEAR_PF * cols) + pf, _MM_HINT_T0);
		n = rows - r < 4 ? rows - r : 4;
		if (n < 4) {
			memset(pad, 0, 4 * cols * sizeof(*pad));
			memcpy(pad, x, n * cols * sizeof(*pad));
			x = pad;
		}
		nearest_group(x, cols, C, k, T, &best, &lab);
		lab = _mm256_permutevar8x32_epi32(lab, pack);
		if (n == 4) {
			_mm_storeu_si128((__m128i *)(label + r), _mm256_castsi256_si128(lab));
			if (d2)
				_mm256_storeu_pd(d2 + r, best);
			vtotal = _mm256_add_pd(vtotal, best);
		} else {
			_mm_storeu_si128((__m128i *)lb, _mm256_castsi256_si128(lab));
			_mm256_storeu_pd(bd, best);
			for (q = 0; q < n; q++) {
				label[r + q] = lb[q];
				if (d2)
					d2[r + q] = bd[q];
				vtotal = _mm256_add_pd(vtotal, _mm256_setr_pd(bd[q], 0, 0, 0));
			}
		}
		if (sums)
			for (q = 0; q < n; q++)
				add_row(sums + label[r + q] * cols, X + (r + q) * cols, cols);
	}
	return hsum_pd(vtotal);
}

const struct rn_stats_kernels rn_kernels_avx2 = {
	.name = "avx2",
	.acc = acc_avx2,
	.buckets = buckets_avx2,
	.hist_add = hist_add_avx2,
	.rank_find = rank_find_avx2,
	.dot = dot_avx2,
	.dist2 = dist2_avx2,
	.shift_rows = shift_rows_avx2,
	.gram = gram_avx2,
	.nearest = nearest_avx2,
};
