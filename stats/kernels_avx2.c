// SPDX-License-Identifier: MIT
/*
 * AVX2 + FMA batch kernels: the only file built with -mavx2 -mfma. Never
 * called unless rn_kernels() found both on the CPU. Results match
 * stats/kernels.c exactly for integers; floating-point sums are reassociated
 * (four or eight partial sums), see kernels.h for the tolerance.
 */
#include <immintrin.h>

#include "../backends/hist.h"
#include "kernels.h"

#define SIGN64 ((long long)0x8000000000000000ull)

/* Unsigned 64-bit lanes to double, correctly rounded like a scalar cast:
 * both 32-bit halves convert exactly through the 2^52 trick, and the one
 * addition rounds once. */
static inline __m256d u64_to_pd(__m256i v)
{
	const __m256i magic = _mm256_set1_epi64x(0x4330000000000000ll);
	const __m256d two52 = _mm256_set1_pd(4503599627370496.0);
	const __m256d two32 = _mm256_set1_pd(4294967296.0);
	__m256i lo = _mm256_blend_epi32(v, _mm256_setzero_si256(), 0xaa);
	__m256i hi = _mm256_srli_epi64(v, 32);
	__m256d dlo = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(lo, magic)), two52);
	__m256d dhi = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(hi, magic)), two52);

	return _mm256_fmadd_pd(dhi, two32, dlo);
}

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

static void acc_avx2(const __u64 *d, size_t n, double shift, struct rn_acc *a)
{
	const __m256i bias = _mm256_set1_epi64x(SIGN64);
	__m256i vsum = _mm256_setzero_si256();
	/* min/max kept with the sign bit flipped, so signed compares order
	 * them as unsigned */
	__m256i vmin = _mm256_set1_epi64x(~SIGN64), vmax = _mm256_set1_epi64x(SIGN64);
	__m256d vsq0 = _mm256_setzero_pd(), vsq1 = _mm256_setzero_pd();
	__m256d vshift = _mm256_set1_pd(shift);
	__u64 sum, mn, mx, t[4];
	double sq;
	size_t i = 0;
	int j;

	if (n == 0)
		return;
	for (; i + 8 <= n; i += 8) {
		__m256i x0 = _mm256_loadu_si256((const __m256i *)(d + i));
		__m256i x1 = _mm256_loadu_si256((const __m256i *)(d + i + 4));
		__m256i b0 = _mm256_xor_si256(x0, bias), b1 = _mm256_xor_si256(x1, bias);
		__m256d f0 = _mm256_sub_pd(u64_to_pd(x0), vshift);
		__m256d f1 = _mm256_sub_pd(u64_to_pd(x1), vshift);

		vsum = _mm256_add_epi64(vsum, _mm256_add_epi64(x0, x1));
		vmin = _mm256_blendv_epi8(vmin, b0, _mm256_cmpgt_epi64(vmin, b0));
		vmin = _mm256_blendv_epi8(vmin, b1, _mm256_cmpgt_epi64(vmin, b1));
		vmax = _mm256_blendv_epi8(vmax, b0, _mm256_cmpgt_epi64(b0, vmax));
		vmax = _mm256_blendv_epi8(vmax, b1, _mm256_cmpgt_epi64(b1, vmax));
		vsq0 = _mm256_fmadd_pd(f0, f0, vsq0);
		vsq1 = _mm256_fmadd_pd(f1, f1, vsq1);
	}
	sum = hsum_epi64(vsum);
	sq = hsum_pd(_mm256_add_pd(vsq0, vsq1));
	mn = a->n ? a->min : ~(__u64)0;
	mx = a->n ? a->max : 0;
	if (i) {
		_mm256_storeu_si256((__m256i *)t, vmin);
		for (j = 0; j < 4; j++)
			if ((t[j] ^ (__u64)SIGN64) < mn)
				mn = t[j] ^ (__u64)SIGN64;
		_mm256_storeu_si256((__m256i *)t, vmax);
		for (j = 0; j < 4; j++)
			if ((t[j] ^ (__u64)SIGN64) > mx)
				mx = t[j] ^ (__u64)SIGN64;
	}
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

/* Four bucket indices; every lane below 2^52, so the conversion to double
 * is exact and its exponent is floor(log2(v)). */
static inline __m256i buckets4(__m256i v)
{
	const __m256i magic = _mm256_set1_epi64x(0x4330000000000000ll);
	const __m256d two52 = _mm256_set1_pd(4503599627370496.0);
	__m256d f = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(v, magic)), two52);
	__m256i e = _mm256_sub_epi64(_mm256_srli_epi64(_mm256_castpd_si256(f), 52),
				     _mm256_set1_epi64x(1023));
	/* lanes below RN_HIST_SUB get a huge shift count: srlv yields 0 */
	__m256i sub = _mm256_and_si256(
		_mm256_srlv_epi64(v, _mm256_sub_epi64(e, _mm256_set1_epi64x(RN_HIST_SUB_BITS))),
		_mm256_set1_epi64x(RN_HIST_SUB - 1));
	__m256i hi = _mm256_add_epi64(
		_mm256_slli_epi64(_mm256_sub_epi64(e, _mm256_set1_epi64x(RN_HIST_SUB_BITS - 1)),
				  RN_HIST_SUB_BITS), sub);
	__m256i small = _mm256_cmpgt_epi64(_mm256_set1_epi64x(RN_HIST_SUB), v);

	return _mm256_blendv_epi8(hi, v, small);
}

static void buckets_avx2(const __u64 *d, size_t n, __u32 *out)
{
	const __m256i pack = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
	const __m256i big = _mm256_set1_epi64x(~((1ll << 52) - 1));
	size_t i = 0;
	int j;

	for (; i + 4 <= n; i += 4) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(d + i));

		if (!_mm256_testz_si256(v, big)) {
			for (j = 0; j < 4; j++)
				out[i + j] = rn_hist_bucket(d[i + j]);
			continue;
		}
		v = _mm256_permutevar8x32_epi32(buckets4(v), pack);
		_mm_storeu_si128((__m128i *)(out + i), _mm256_castsi256_si128(v));
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

	/* skip whole blocks of 16 buckets while the target lies beyond them */
	for (; i + 16 <= n; i += 16) {
		__m256i s = _mm256_add_epi64(
			_mm256_add_epi64(_mm256_loadu_si256((const __m256i *)(h + i)),
					 _mm256_loadu_si256((const __m256i *)(h + i + 4))),
			_mm256_add_epi64(_mm256_loadu_si256((const __m256i *)(h + i + 8)),
					 _mm256_loadu_si256((const __m256i *)(h + i + 12))));
		__u64 blk = hsum_epi64(s);

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

static double nearest_avx2(const double *X, size_t rows, size_t cols, const double *C,
			   size_t k, __u32 *label, double *d2, double *sums)
{
	double total = 0.0;
	size_t r, c, q;

	if (k == 1)
		return nearest1_avx2(X, rows, cols, C, label, d2, sums);
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

const struct rn_stats_kernels rn_kernels_avx2 = {
	.name = "avx2",
	.acc = acc_avx2,
	.buckets = buckets_avx2,
	.hist_add = hist_add_avx2,
	.rank_find = rank_find_avx2,
	.dot = dot_avx2,
	.dist2 = dist2_avx2,
	.gram = gram_avx2,
	.nearest = nearest_avx2,
};
