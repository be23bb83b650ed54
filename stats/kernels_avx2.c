// SPDX-License-Identifier: MIT
/*
 * AVX2 + FMA batch kernels: the only file built with -mavx2 -mfma. Never
 * called unless rn_kernels() found both on the CPU. Results match
 * stats/kernels.c exactly for integers; floating-point sums are reassociated
 * (four or eight partial sums), see kernels.h for the tolerance.
 */
#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>

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

/* dst[0..n) += src[0..n) */
static inline void add_row(double *dst, const double *src, size_t n)
{
	size_t j, n4 = n & ~(size_t)3;

	for (j = 0; j < n4; j += 4)
		_mm256_storeu_pd(dst + j, _mm256_add_pd(_mm256_loadu_pd(dst + j),
							_mm256_loadu_pd(src + j)));
	for (j = n4; j < n; j++)
		dst[j] += src[j];
}

/*
 * nearest: four rows at a time, one row per vector lane, so that a centre
 * costs a broadcast and one or two FMAs per column for all four rows and no
 * horizontal sums.
 *
 * The fast path ranks the centres by s_c = |c|^2 - 2 x.c, which differs
 * from |x - c|^2 by |x|^2, the same for every centre: one FMA per column and
 * centre instead of a subtraction and an FMA. Its rounding error is bounded
 * (below), so each group of four rows is checked: the best s must beat the
 * second best by more than the error of both s and of the scalar kernel's
 * own distances, and |x|^2 + s must be far enough from zero to carry its
 * relative error. When the check holds, the label is the exact arithmetic's
 * argmin, which is also the scalar kernel's. When it fails (ties, a point on
 * a centre, NaN or infinities), the group is recomputed exactly as the scalar
 * kernel computes it: (x - c)^2 with separate multiply and add, summed in
 * column order, first strict minimum. So the labels are always the scalar
 * kernel's, and the distances are the scalar kernel's or within 5e-12 of the
 * exact value relative to it.
 */
#ifndef NEAR_PF
#define NEAR_PF 16	/* rows ahead to prefetch: X is streamed once per call */
#endif
#define NEAR_MAX_K 256	/* centre norms on the stack; more centres take the exact path */
/* The fast path's range for |x|^2 + 3 max |c|^2: far from overflow (the
 * scalar kernel's squares must stay finite too), and far enough above the
 * subnormals that underflow stays below the bounds. */
#define NEAR_BIG 1e300
#define NEAR_TINY 1e-290

struct near_ctx {
	const double *C;
	const __m256d *cb;	/* cb[c * cols + j]: C[c][j] in every lane */
	size_t cols, k;
	const double *cn;	/* |c|^2 per centre */
	double base;		/* 3 max |c|^2: the bounds are multiples of |x|^2 + base */
	double lab_mul;		/* for the gap between the two best s */
	double dist_mul;	/* for |x|^2 + s */
};

/* The fast path's running state for four rows. */
struct near_acc {
	__m256d xx;		/* |x|^2 */
	__m256d best, second;	/* the two smallest s */
	__m256i lab;		/* label of best, 64-bit lanes */
};

/* Columns j and j + 1 of the rows x + i * st (i = 0..3), one row per lane:
 * 128-bit loads put rows 0 and 2 (1 and 3) in the two halves of a vector,
 * and an in-lane unpack finishes the transpose (no lane-crossing shuffle,
 * which only one port executes). */
static inline __attribute__((always_inline)) void
near_cols2(const double *x, size_t st, size_t j, __m256d *e, __m256d *o)
{
	__m256d u = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(x + j)),
					 _mm_loadu_pd(x + 2 * st + j), 1);
	__m256d w = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(x + st + j)),
					 _mm_loadu_pd(x + 3 * st + j), 1);

	*e = _mm256_unpacklo_pd(u, w);
	*o = _mm256_unpackhi_pd(u, w);
}

static inline __m256d near_col1(const double *x, size_t st, size_t j)
{
	return _mm256_setr_pd(x[j], x[st + j], x[2 * st + j], x[3 * st + j]);
}

/*
 * x.c for K centres (a constant 1..4) whose broadcast columns start at cb,
 * and |x|^2 when XX. The centre columns are read from vectors prepared once
 * per call, so each is the memory operand of its FMA (no broadcast uop), and
 * every sum has two accumulators (even and odd columns), so that no chain of
 * cols FMAs bounds the group by latency. cols is a constant where inlined
 * with one, and the loop then unrolls.
 */
static inline __attribute__((always_inline)) void
near_dots(const double *x, size_t st, const size_t cols, const __m256d *cb, const int K,
	  const int XX, __m256d out[4], __m256d *xx)
{
	const __m256d *p0 = cb, *p1 = p0 + cols, *p2 = p1 + cols, *p3 = p2 + cols;
	__m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0, q0 = a0;
	__m256d b0 = a0, b1 = a0, b2 = a0, b3 = a0, q1 = a0, e, o;
	size_t j;

	for (j = 0; j + 2 <= cols; j += 2) {
		near_cols2(x, st, j, &e, &o);
		if (XX) {
			q0 = _mm256_fmadd_pd(e, e, q0);
			q1 = _mm256_fmadd_pd(o, o, q1);
		}
		a0 = _mm256_fmadd_pd(e, p0[j], a0);
		b0 = _mm256_fmadd_pd(o, p0[j + 1], b0);
		if (K > 1) {
			a1 = _mm256_fmadd_pd(e, p1[j], a1);
			b1 = _mm256_fmadd_pd(o, p1[j + 1], b1);
		}
		if (K > 2) {
			a2 = _mm256_fmadd_pd(e, p2[j], a2);
			b2 = _mm256_fmadd_pd(o, p2[j + 1], b2);
		}
		if (K > 3) {
			a3 = _mm256_fmadd_pd(e, p3[j], a3);
			b3 = _mm256_fmadd_pd(o, p3[j + 1], b3);
		}
	}
	if (j < cols) {
		e = near_col1(x, st, j);
		if (XX)
			q0 = _mm256_fmadd_pd(e, e, q0);
		a0 = _mm256_fmadd_pd(e, p0[j], a0);
		if (K > 1)
			a1 = _mm256_fmadd_pd(e, p1[j], a1);
		if (K > 2)
			a2 = _mm256_fmadd_pd(e, p2[j], a2);
		if (K > 3)
			a3 = _mm256_fmadd_pd(e, p3[j], a3);
	}
	out[0] = _mm256_add_pd(a0, b0);
	out[1] = _mm256_add_pd(a1, b1);
	out[2] = _mm256_add_pd(a2, b2);
	out[3] = _mm256_add_pd(a3, b3);
	if (XX)
		*xx = _mm256_add_pd(q0, q1);
}

/* t * t + s rounded twice, as the scalar kernel computes it: the empty asm
 * keeps the compiler from contracting the two into an FMA. */
static inline __m256d near_sq_add(__m256d s, __m256d t)
{
	__m256d p = _mm256_mul_pd(t, t);

	__asm__("" : "+x"(p));
	return _mm256_add_pd(s, p);
}

/* |x - c|^2 for K centres (a constant 1..4) at C, bit for bit the scalar
 * kernel's: one accumulator per centre, columns in order. */
static inline __attribute__((always_inline)) void
near_exact(const double *x, size_t st, size_t cols, const double *C, const int K, __m256d out[4])
{
	const double *p0 = C, *p1 = p0 + cols, *p2 = p1 + cols, *p3 = p2 + cols;
	__m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0, e, o;
	size_t j;

#define NEAR_EXACT_COL(v, jj) do {							\
		a0 = near_sq_add(a0, _mm256_sub_pd(v, _mm256_broadcast_sd(p0 + (jj))));	\
		if (K > 1)								\
			a1 = near_sq_add(a1, _mm256_sub_pd(v, _mm256_broadcast_sd(p1 + (jj)))); \
		if (K > 2)								\
			a2 = near_sq_add(a2, _mm256_sub_pd(v, _mm256_broadcast_sd(p2 + (jj)))); \
		if (K > 3)								\
			a3 = near_sq_add(a3, _mm256_sub_pd(v, _mm256_broadcast_sd(p3 + (jj)))); \
	} while (0)
	for (j = 0; j + 2 <= cols; j += 2) {
		near_cols2(x, st, j, &e, &o);
		NEAR_EXACT_COL(e, j);
		NEAR_EXACT_COL(o, j + 1);
	}
	if (j < cols) {
		e = near_col1(x, st, j);
		NEAR_EXACT_COL(e, j);
	}
#undef NEAR_EXACT_COL
	out[0] = a0;
	out[1] = a1;
	out[2] = a2;
	out[3] = a3;
}

/* The scalar kernel's choice, lane by lane: centre c replaces the best only
 * when strictly nearer. min_pd(d, best) is exactly "d < best ? d : best"
 * (NaN never wins), and since centres come in increasing order the label is
 * the larger of the old one and the masked new index. *second, when given,
 * keeps the second smallest value. */
static inline void near_take(__m256d d, size_t c, __m256d *best, __m256d *second, __m256i *lab)
{
	__m256i lt;

	if (c == 0) {
		*best = d;
		return;
	}
	lt = _mm256_castpd_si256(_mm256_cmp_pd(d, *best, _CMP_LT_OQ));
	if (second)
		*second = _mm256_min_pd(*second, _mm256_max_pd(d, *best));
	*best = _mm256_min_pd(d, *best);
	*lab = _mm256_max_epi32(*lab, _mm256_and_si256(lt, _mm256_set1_epi64x((long long)c)));
}

/* The exact path for four rows: *best = their distances, *lab = labels. */
static void near_group_exact(const double *x, size_t st, const struct near_ctx *nc,
			     __m256d *best, __m256i *lab)
{
	__m256d d[4];
	size_t c, q, cols = nc->cols, k = nc->k;

	*best = _mm256_setzero_pd();
	*lab = _mm256_setzero_si256();
	for (c = 0; c < k; c += 4) {
		switch (k - c) {
		case 1: near_exact(x, st, cols, nc->C + c * cols, 1, d); break;
		case 2: near_exact(x, st, cols, nc->C + c * cols, 2, d); break;
		case 3: near_exact(x, st, cols, nc->C + c * cols, 3, d); break;
		default: near_exact(x, st, cols, nc->C + c * cols, 4, d); break;
		}
		for (q = 0; q < 4 && c + q < k; q++)
			near_take(d[q], c + q, best, NULL, lab);
	}
}

/* Centres c .. c + K - 1 (K a constant 1..4; XX on the first block) into
 * the running state: s = |c|^2 - 2 x.c, then the scalar kernel's rule. */
static inline __attribute__((always_inline)) void
near_block(const double *x, size_t st, const size_t cols, const struct near_ctx *nc, size_t c,
	   const int K, const int XX, struct near_acc *a)
{
	const __m256d two = _mm256_set1_pd(2.0);
	__m256d dots[4];

	near_dots(x, st, cols, nc->cb + c * cols, K, XX, dots, &a->xx);
	/* written out: a loop here is not unrolled, and dots[] would go
	 * through memory */
#define NEAR_TAKE(q) near_take(_mm256_fnmadd_pd(two, dots[q], _mm256_set1_pd(nc->cn[c + (q)])), \
			       c + (q), &a->best, &a->second, &a->lab)
	NEAR_TAKE(0);
	if (K > 1)
		NEAR_TAKE(1);
	if (K > 2)
		NEAR_TAKE(2);
	if (K > 3)
		NEAR_TAKE(3);
#undef NEAR_TAKE
}

/*
 * The fast path's check. With u = 2^-53 and
 * g = (cols + 4) u / (1 - (cols + 4) u): each s_c is within
 * g (|x|^2 + 3 |c|^2) of its exact value (|2 x.c| <= |x|^2 + |c|^2), and
 * the scalar kernel's distance within g (|x - c|^2) <= 2 g (|x|^2 + |c|^2)
 * of its own. Labels: the gap between the two smallest s must exceed
 * 16 g (|x|^2 + 3 max |c|^2), over twice the 6 g the two errors add up to.
 * Distances: |x|^2 + s is within 2 g (|x|^2 + 3 max |c|^2) of the exact
 * one, so requiring it above 4e11 g (...) keeps the relative error below
 * 5e-12, well inside the 1e-9 of kernels.h.
 */
static inline __attribute__((always_inline)) int
near_group_fast(const double *x, size_t st, const size_t cols, const struct near_ctx *nc,
		__m256d *best, __m256i *lab)
{
	struct near_acc a = {
		.xx = _mm256_setzero_pd(), .best = _mm256_setzero_pd(),
		.second = _mm256_set1_pd(__builtin_inf()), .lab = _mm256_setzero_si256(),
	};
	__m256d gap, base, ok;
	size_t c, k = nc->k;

	/* constant K and XX: the accumulators stay in registers */
	switch (k < 4 ? k : 4) {
	case 1: near_block(x, st, cols, nc, 0, 1, 1, &a); break;
	case 2: near_block(x, st, cols, nc, 0, 2, 1, &a); break;
	case 3: near_block(x, st, cols, nc, 0, 3, 1, &a); break;
	default: near_block(x, st, cols, nc, 0, 4, 1, &a); break;
	}
	for (c = 4; c < k; c += 4) {
		switch (k - c < 4 ? k - c : 4) {
		case 1: near_block(x, st, cols, nc, c, 1, 0, &a); break;
		case 2: near_block(x, st, cols, nc, c, 2, 0, &a); break;
		case 3: near_block(x, st, cols, nc, c, 3, 0, &a); break;
		default: near_block(x, st, cols, nc, c, 4, 0, &a); break;
		}
	}
	*best = _mm256_add_pd(a.xx, a.best);
	*lab = a.lab;
	gap = _mm256_sub_pd(a.second, a.best);
	base = _mm256_add_pd(a.xx, _mm256_set1_pd(nc->base));
	ok = _mm256_and_pd(
		_mm256_cmp_pd(gap, _mm256_mul_pd(_mm256_set1_pd(nc->lab_mul), base), _CMP_GT_OQ),
		_mm256_cmp_pd(*best, _mm256_mul_pd(_mm256_set1_pd(nc->dist_mul), base),
			      _CMP_GT_OQ));
	/* NaN fails every compare; |x|^2 too large for the bounds fails here */
	ok = _mm256_and_pd(ok, _mm256_cmp_pd(base, _mm256_set1_pd(NEAR_BIG), _CMP_LT_OQ));
	return _mm256_movemask_pd(ok) == 0xf;
}

/* Centre norms, broadcast centres and bounds; returns 0 when no group can
 * take the fast path (too many centres, no memory, |c|^2 out of range). */
static int near_setup(struct near_ctx *nc, double *cn, __m256d *cb)
{
	double cmax = 0.0, g;
	size_t c, j, cols = nc->cols;

	if (!cb || nc->k > NEAR_MAX_K)
		return 0;
	for (c = 0; c < nc->k; c++) {
		cn[c] = 0.0;
		for (j = 0; j < cols; j++) {
			cn[c] += nc->C[c * cols + j] * nc->C[c * cols + j];
			cb[c * cols + j] = _mm256_set1_pd(nc->C[c * cols + j]);
		}
		cmax = cn[c] > cmax ? cn[c] : cmax;
	}
	/* NaN, or so large or small that overflow or underflow could
	 * exceed the bounds (all-zero centres land here too) */
	if (!(cmax < NEAR_BIG && cmax > NEAR_TINY))
		return 0;
	g = (double)(cols + 4) * 0x1p-53;
	g /= 1.0 - g;
	nc->cn = cn;
	nc->cb = cb;
	nc->base = 3.0 * cmax;
	nc->lab_mul = 16.0 * g;
	nc->dist_mul = 4e11 * g;
	return 1;
}

/* Rows x + i * st (i = 0..3): *best, *lab by whichever path applies. */
static inline __attribute__((always_inline)) void
near_group(const double *x, size_t st, const size_t cols, const struct near_ctx *nc, int fast,
	   __m256d *best, __m256i *lab)
{
	if (!fast || !near_group_fast(x, st, cols, nc, best, lab))
		near_group_exact(x, st, nc, best, lab);
}

/*
 * All the rows, four at a time, then the last ones one at a time (each in
 * all four lanes, row stride 0). cols is a constant where inlined with one:
 * the analysis's 16 features get their own copy, whose loops have constant
 * trip counts (the prefetches unrolled, 6 to 10% faster here).
 */
static inline __attribute__((always_inline)) __m256d
near_rows(const double *X, size_t rows, const size_t cols, const struct near_ctx *nc, int fast,
	  __u32 *label, double *d2, double *sums)
{
	const __m256i pack = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
	__m256d best, vtotal = _mm256_setzero_pd();
	__m256i lab;
	size_t r = 0, q, j;

	for (; r + 4 <= rows; r += 4) {
		const double *x = X + r * cols;

		if (r + NEAR_PF < rows) {
#pragma GCC unroll 8
			for (j = 0; j < 4 * cols * sizeof(double); j += 64)
				_mm_prefetch((const char *)(x + NEAR_PF * cols) + j, _MM_HINT_T0);
		}
		near_group(x, cols, cols, nc, fast, &best, &lab);
		lab = _mm256_permutevar8x32_epi32(lab, pack);
		_mm_storeu_si128((__m128i *)(label + r), _mm256_castsi256_si128(lab));
		if (d2)
			_mm256_storeu_pd(d2 + r, best);
		vtotal = _mm256_add_pd(vtotal, best);
		if (sums)
			for (q = 0; q < 4; q++)
				add_row(sums + label[r + q] * cols, x + q * cols, cols);
	}
	for (; r < rows; r++) {
		near_group(X + r * cols, 0, cols, nc, fast, &best, &lab);
		label[r] = (__u32)_mm256_extract_epi64(lab, 0);
		if (d2)
			d2[r] = _mm256_cvtsd_f64(best);
		vtotal = _mm256_add_pd(vtotal, _mm256_blend_pd(_mm256_setzero_pd(), best, 1));
		if (sums)
			add_row(sums + label[r] * cols, X + r * cols, cols);
	}
	return vtotal;
}

#define NEAR_CB_STACK 512	/* broadcast centres on the stack: 16 KiB */

static double nearest_avx2(const double *X, size_t rows, size_t cols, const double *C,
			   size_t k, __u32 *label, double *d2, double *sums)
{
	struct near_ctx nc = { .C = C, .cols = cols, .k = k };
	__m256d cbs[NEAR_CB_STACK], *cb = cbs, total;
	double cn[NEAR_MAX_K];
	void *heap = NULL;
	int fast;

	if (rows == 0 || k == 0 || cols == 0)
		return rn_kernels_scalar.nearest(X, rows, cols, C, k, label, d2, sums);
	if (k * cols > NEAR_CB_STACK) {
		/* malloc, not aligned_alloc: a new PLT entry would move the
		 * scalar kernel's code in the benchmark (see stats/README.md) */
		heap = k <= NEAR_MAX_K ? malloc((k * cols + 1) * sizeof(*cb)) : NULL;
		cb = heap ? (__m256d *)(((uintptr_t)heap + 31) & ~(uintptr_t)31) : NULL;
	}
	fast = near_setup(&nc, cn, cb);
	if (cols == 16)
		total = near_rows(X, rows, 16, &nc, fast, label, d2, sums);
	else
		total = near_rows(X, rows, cols, &nc, fast, label, d2, sums);
	free(heap);
	return hsum_pd(total);
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
