// SPDX-License-Identifier: MIT
/* Unit tests for the statistics engine (stats/). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/unistd_64.h>

#include "backends/hist.h"
#include "stats/analyze.h"
#include "stats/kernels.h"
#include "stats/stats.h"

/* Relative tolerance between the scalar and AVX2 floating-point results,
 * against the sum of the magnitudes of the terms (kernels.h). */
#define FP_TOL 1e-9

static unsigned long long rng_state = 0x1234567887654321ull;

static unsigned long long rnd(void)
{
	/* xorshift64*, independent of the engine's own generator */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static double rnd_unit(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

/* Latency-like durations: log-uniform over 1 ns .. ~2^40 ns, with some
 * exact powers of two, their neighbours, and huge values. */
static __u64 rnd_dur(void)
{
	unsigned e = (unsigned)(rnd() % 41);
	__u64 v;

	switch (rnd() % 16) {
	case 0:
		return (__u64)1 << (rnd() % 64);
	case 1:
		return ((__u64)1 << (rnd() % 63 + 1)) - 1;
	case 2:
		return rnd();	/* anything up to 2^64 - 1 */
	case 3:
		return rnd() % 200;
	default:
		v = ((__u64)1 << e) + (rnd() & (((__u64)1 << e) - 1));
		return v;
	}
}

static bool have_avx2(void **state)
{
	(void)state;
	if (rn_kernels_have_avx2())
		return true;
	fprintf(stderr, "SKIP: this CPU has no AVX2+FMA: scalar-vs-AVX2 checks not run\n");
	return false;
}

static void test_kernel_acc(void **state)
{
	const struct rn_stats_kernels *s = &rn_kernels_scalar, *v = &rn_kernels_avx2;
	static __u64 d[1031];
	int round;
	size_t n, i;

	if (!have_avx2(state))
		skip();
	for (round = 0; round < 200; round++) {
		struct rn_acc a = { .n = 0 }, b = { .n = 0 };
		double shift, mag = 0.0, t;

		n = (size_t)(rnd() % 1031);
		for (i = 0; i < n; i++)
			d[i] = round % 2 ? rnd_dur() : rnd() % 100000;
		shift = n ? (double)d[0] : 0.0;
		for (i = 0; i < n; i++) {
			t = (double)d[i] - shift;
			mag += t * t;
		}
		/* two folds in a row: the second must merge with the first */
		s->acc(d, n / 2, shift, &a);
		s->acc(d + n / 2, n - n / 2, shift, &a);
		v->acc(d, n / 2, shift, &b);
		v->acc(d + n / 2, n - n / 2, shift, &b);
		assert_int_equal(a.n, n);
		assert_int_equal(a.n, b.n);
		assert_true(a.sum == b.sum);
		if (n) {
			assert_true(a.min == b.min);
			assert_true(a.max == b.max);
		}
		assert_true(fabs(a.sq - b.sq) <= FP_TOL * mag);
	}
}

static void test_kernel_buckets(void **state)
{
	static __u64 d[777];
	static __u32 a[777], b[777];
	int round;
	size_t n, i;

	if (!have_avx2(state))
		skip();
	for (round = 0; round < 200; round++) {
		n = (size_t)(rnd() % 777);
		for (i = 0; i < n; i++)
			d[i] = rnd_dur();
		rn_kernels_scalar.buckets(d, n, a);
		rn_kernels_avx2.buckets(d, n, b);
		for (i = 0; i < n; i++) {
			assert_int_equal(a[i], rn_hist_bucket(d[i]));
			assert_int_equal(a[i], b[i]);
			/* and the bucket really holds the value */
			assert_true(rn_hist_lower(a[i]) <= d[i]);
			assert_true(d[i] < rn_hist_upper(a[i]) || rn_hist_upper(a[i]) == ~0ull);
		}
	}
}

static void test_kernel_hist_add_rank(void **state)
{
	static __u64 h1[RN_HIST_BUCKETS], h2[RN_HIST_BUCKETS], src[RN_HIST_BUCKETS];
	int round;
	size_t i, n;

	if (!have_avx2(state))
		skip();
	for (round = 0; round < 100; round++) {
		__u64 total = 0, target, c1 = 0, c2 = 0;
		size_t r1, r2;

		n = (size_t)(rnd() % RN_HIST_BUCKETS) + 1;
		for (i = 0; i < n; i++) {
			h1[i] = h2[i] = rnd() % 3 ? 0 : rnd() % 1000;
			src[i] = rnd() % 4 ? 0 : rnd() % 50;
		}
		rn_kernels_scalar.hist_add(h1, src, n);
		rn_kernels_avx2.hist_add(h2, src, n);
		assert_memory_equal(h1, h2, n * sizeof(*h1));
		for (i = 0; i < n; i++)
			total += h1[i];
		target = total ? rnd() % (total + 2) : 1;	/* sometimes past the end */
		r1 = rn_kernels_scalar.rank_find(h1, n, target, &c1);
		r2 = rn_kernels_avx2.rank_find(h2, n, target, &c2);
		assert_int_equal(r1, r2);
		assert_true(c1 == c2);
		if (target > total) {
			assert_int_equal(r1, n);
			assert_true(c1 == total);
		} else {
			assert_true(r1 < n);
			assert_true(c1 < target && c1 + h1[r1] >= target);
		}
	}
}

static void test_kernel_dot_dist_gram(void **state)
{
	static double a[1000], b[1000], X[300 * 19];
	double G1[19 * 19], G2[19 * 19];
	int round;
	size_t n, i, j, rows, cols;

	if (!have_avx2(state))
		skip();
	for (round = 0; round < 100; round++) {
		double mag = 0.0, mag2 = 0.0;

		n = (size_t)(rnd() % 1000);
		for (i = 0; i < n; i++) {
			a[i] = rnd_unit() * 200 - 100;
			b[i] = rnd_unit() * 200 - 100;
			mag += fabs(a[i] * b[i]);
			mag2 += (a[i] - b[i]) * (a[i] - b[i]);
		}
		assert_true(fabs(rn_kernels_scalar.dot(a, b, n) - rn_kernels_avx2.dot(a, b, n)) <=
			    FP_TOL * mag + 1e-300);
		assert_true(fabs(rn_kernels_scalar.dist2(a, b, n) -
				 rn_kernels_avx2.dist2(a, b, n)) <= FP_TOL * mag2 + 1e-300);

		rows = (size_t)(rnd() % 300) + 1;
		cols = round % 3 ? (size_t)(rnd() % 19) + 1 : 4 * (size_t)(rnd() % 4 + 1);
		for (i = 0; i < rows * cols; i++)
			X[i] = rnd_unit() * 10 - 5;
		{
			/* the centring step: exact per element, sums within rounding */
			static double o1[300 * 19], o2[300 * 19];
			double s1[19] = { 0 }, s2[19] = { 0 };

			rn_kernels_scalar.shift_rows(X, rows, cols, X + cols * (rows - 1), o1, s1);
			rn_kernels_avx2.shift_rows(X, rows, cols, X + cols * (rows - 1), o2, s2);
			assert_memory_equal(o1, o2, rows * cols * sizeof(double));
			for (j = 0; j < cols; j++)
				assert_true(fabs(s1[j] - s2[j]) <= FP_TOL * 10.0 * (double)rows);
		}
		memset(G1, 0, sizeof(G1));
		memset(G2, 0, sizeof(G2));
		rn_kernels_scalar.gram(X, rows, cols, G1);
		rn_kernels_avx2.gram(X, rows, cols, G2);
		for (i = 0; i < cols; i++)
			for (j = i; j < cols; j++)
				assert_true(fabs(G1[i * cols + j] - G2[i * cols + j]) <=
					    FP_TOL * 25.0 * (double)rows);
	}
}

/*
 * Both nearest kernels on one batch: the labels must be the same for every
 * row (the AVX2 kernel checks its bound and recomputes in the scalar order
 * when in doubt), the distances within FP_TOL of each other, the k-means
 * sums equal (same rows added in the same order), the totals within FP_TOL.
 */
static void check_nearest(const double *X, size_t rows, size_t cols, const double *C, size_t k)
{
	__u32 *l1 = malloc(rows * sizeof(*l1)), *l2 = malloc(rows * sizeof(*l2));
	double *d1 = malloc(rows * sizeof(*d1)), *d2 = malloc(rows * sizeof(*d2));
	double *s1 = calloc(k * cols, sizeof(*s1)), *s2 = calloc(k * cols, sizeof(*s2));
	double t1, t2, sum = 0.0;
	size_t i;

	assert_non_null(l1);
	assert_non_null(l2);
	assert_non_null(d1);
	assert_non_null(d2);
	assert_non_null(s1);
	assert_non_null(s2);
	t1 = rn_kernels_scalar.nearest(X, rows, cols, C, k, l1, d1, s1);
	t2 = rn_kernels_avx2.nearest(X, rows, cols, C, k, l2, d2, s2);
	for (i = 0; i < rows; i++) {
		if (l1[i] != l2[i])
			fail_msg("row %zu of %zu (cols %zu, k %zu): label %u scalar, %u avx2",
				 i, rows, cols, k, l1[i], l2[i]);
		assert_true(l1[i] < k);
		if (isnan(d1[i])) {
			assert_true(isnan(d2[i]));
			continue;
		}
		if (!(fabs(d1[i] - d2[i]) <= FP_TOL * d1[i]) && d1[i] != d2[i])
			fail_msg("row %zu: distance %.17g scalar, %.17g avx2", i, d1[i], d2[i]);
		sum += d1[i];
	}
	/* the AVX2 kernel without d2 and sums takes the same labels */
	t2 = rn_kernels_avx2.nearest(X, rows, cols, C, k, l2, NULL, NULL);
	assert_memory_equal(l1, l2, rows * sizeof(*l1));
	if (!isnan(t1) && !isinf(t1))
		assert_true(fabs(t1 - t2) <= FP_TOL * sum);
	for (i = 0; i < k * cols; i++)
		assert_true(s1[i] == s2[i] || (isnan(s1[i]) && isnan(s2[i])));
	free(l1);
	free(l2);
	free(d1);
	free(d2);
	free(s1);
	free(s2);
}

/* Random batches: rows not a multiple of 4 (the one-row tail), columns
 * odd, even and fewer than 4, centres in blocks of 4 plus a remainder. */
static void test_kernel_nearest(void **state)
{
	static double X[603 * 21], C[11 * 21];
	int round;
	size_t i, rows, cols, k;

	if (!have_avx2(state))
		skip();
	for (round = 0; round < 200; round++) {
		rows = (size_t)(rnd() % 603) + 1;
		cols = (size_t)(rnd() % 21) + 1;
		k = (size_t)(rnd() % 11) + 1;
		for (i = 0; i < rows * cols; i++)
			X[i] = rnd_unit() * 10;
		for (i = 0; i < k * cols; i++)
			C[i] = rnd_unit() * 10;
		check_nearest(X, rows, cols, C, k);
	}
}

/*
 * Where the AVX2 kernel's fast ranking cannot decide: equal centres (ties
 * go to the lower index), points on a centre (distance 0), points exactly
 * halfway between two centres, a large common offset (|x|^2 dwarfs the
 * distances), NaN and infinity, and a centre set too large for its stack
 * buffers.
 */
static void test_kernel_nearest_ties(void **state)
{
	enum { R = 401, D = 7, K = 6 };
	static double X[R * 70], C[300 * 70];
	size_t i, j, r, k;

	if (!have_avx2(state))
		skip();
	/* centres 1 and 4 equal, 2 and 5 equal; rows on, between and near
	 * them */
	for (i = 0; i < K * D; i++)
		C[i] = (double)(rnd() % 8);
	memcpy(C + 4 * D, C + 1 * D, D * sizeof(*C));
	memcpy(C + 5 * D, C + 2 * D, D * sizeof(*C));
	for (r = 0; r < R; r++) {
		size_t a = rnd() % K, b = rnd() % K;

		for (j = 0; j < D; j++) {
			switch (r % 4) {
			case 0:	/* on centre a */
				X[r * D + j] = C[a * D + j];
				break;
			case 1:	/* halfway between a and b */
				X[r * D + j] = (C[a * D + j] + C[b * D + j]) / 2;
				break;
			default:
				X[r * D + j] = (double)(rnd() % 16) / 2;
				break;
			}
		}
	}
	check_nearest(X, R, D, C, K);
	{
		__u32 l[R];

		rn_kernels_avx2.nearest(X, R, D, C, K, l, NULL, NULL);
		for (r = 0; r < R; r++)
			assert_true(l[r] != 4 && l[r] != 5);	/* 1 and 2 come first */
	}
	/* within rounding of halfway, off-grid: only the exact path can tell
	 * which way the scalar kernel rounds */
	for (i = 0; i < K * D; i++)
		C[i] = rnd_unit() * 6 - 3;
	for (r = 0; r < R; r++) {
		size_t a = rnd() % K, b = rnd() % K;
		double e = (rnd_unit() - 0.5) * (r % 3 == 0 ? 0.0 : r % 3 == 1 ? 1e-16 : 1e-15);

		for (j = 0; j < D; j++)
			X[r * D + j] = (C[a * D + j] + C[b * D + j]) / 2 +
				       e * (C[b * D + j] - C[a * D + j]);
	}
	check_nearest(X, R, D, C, K);
	/* a common offset of 1e7: |x|^2 + s loses the distance's digits, so
	 * most groups must be recomputed */
	for (i = 0; i < R * D; i++)
		X[i] = 1e7 + rnd_unit();
	for (i = 0; i < K * D; i++)
		C[i] = 1e7 + rnd_unit();
	check_nearest(X, R, D, C, K);
	/* NaN and infinity in some rows, and in a centre */
	X[3 * D + 2] = NAN;
	X[10 * D] = INFINITY;
	X[17 * D + 6] = -INFINITY;
	check_nearest(X, R, D, C, K);
	C[2 * D + 1] = NAN;
	check_nearest(X, R, D, C, K);
	/* all-zero centres and rows */
	memset(C, 0, K * D * sizeof(*C));
	memset(X, 0, 20 * D * sizeof(*X));
	check_nearest(X, 20, D, C, K);
	/* wide rows, many centres (centre vectors on the heap), more
	 * centres than the fast path takes */
	for (k = 0; k < 3; k++) {
		size_t cols = k == 0 ? 70 : 16, nk = k == 0 ? 9 : k == 1 ? 40 : 300;

		for (i = 0; i < R * cols; i++)
			X[i] = rnd_unit() * 4 - 2;
		for (i = 0; i < nk * cols; i++)
			C[i] = rnd_unit() * 4 - 2;
		check_nearest(X, R, cols, C, nk);
	}
}

/* RENACER_SIMD=scalar forces the portable table; checked in a child, since
 * the choice is made once per process. */
static void test_kernel_dispatch(void **state)
{
	int st;
	pid_t pid;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setenv("RENACER_SIMD", "scalar", 1);
		_exit(strcmp(rn_kernels()->name, "scalar") == 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	if (getenv("RENACER_SIMD") == NULL)
		assert_string_equal(rn_kernels()->name, rn_kernels_have_avx2() ? "avx2" : "scalar");
}

/* --- summaries --- */

static struct rn_event *evs_alloc(size_t n)
{
	struct rn_event *e = calloc(n, sizeof(*e));

	assert_non_null(e);
	return e;
}

static void ev_sys(struct rn_event *e, __u32 tid, __u32 tgid, int nr, long long ret, __u64 dur)
{
	memset(e, 0, RN_EVENT_HDR_SIZE);
	e->type = RN_EV_SYSCALL;
	e->tid = tid;
	e->tgid = tgid;
	e->sc.nr = nr;
	e->sc.ret = ret;
	e->dur_ns = dur;
}

static char *print_to_string(struct rn_stats *s, const struct rn_stats_print_opts *o, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(json ? rn_stats_print_json(s, f, o) : rn_stats_print(s, f, o), 0);
	fclose(f);
	return buf;
}

/* A known trace: read 2 calls (0.5 ms, 1.5 ms), openat 4 (1..4 us, one
 * ENOENT), close 1 (0 ns), plus records that must not count. */
static struct rn_stats *known_summary(enum rn_stats_key key)
{
	struct rn_stats *s = rn_stats_new(key);
	struct rn_event *e = evs_alloc(10);

	assert_non_null(s);
	ev_sys(&e[0], 10, 10, __NR_openat, 3, 1000);
	ev_sys(&e[1], 10, 10, __NR_openat, -2, 2000);
	ev_sys(&e[2], 11, 10, __NR_openat, 4, 3000);
	ev_sys(&e[3], 11, 10, __NR_openat, 5, 4000);
	ev_sys(&e[4], 10, 10, __NR_read, 100, 500000);
	ev_sys(&e[5], 12, 12, __NR_read, 0, 1500000);
	ev_sys(&e[6], 10, 10, __NR_close, 0, 0);
	ev_sys(&e[7], 10, 10, __NR_exit_group, 0, 777);
	e[7].flags = RN_F_UNFINISHED;	/* strace -c does not count it */
	ev_sys(&e[8], 10, 10, __NR_write, 1, 5);
	e[8].type = RN_EV_SIGNAL;
	ev_sys(&e[9], 10, 10, 4000, 0, 5);	/* out of range number */
	assert_int_equal(rn_stats_add_batch(s, e, 10), 0);
	free(e);
	return s;
}

static const char golden_time[] =
	"% time     seconds  usecs/call     calls    errors syscall\n"
	"------ ----------- ----------- --------- --------- ----------------\n"
	" 99.50    0.002000        1000         2           read\n"
	"  0.50    0.000010           2         4         1 openat\n"
	"  0.00    0.000000           0         1           close\n"
	"------ ----------- ----------- --------- --------- ----------------\n"
	"100.00    0.002010         287         7         1 total\n";

static void test_summary_golden(void **state)
{
	struct rn_stats *s = known_summary(RN_STATS_BY_SYSCALL);
	struct rn_stats_print_opts o = { .sort = RN_SORT_TIME };
	char *out;

	(void)state;
	out = print_to_string(s, &o, false);
	assert_string_equal(out, golden_time);
	free(out);

	o.sort = RN_SORT_CALLS;
	out = print_to_string(s, &o, false);
	assert_non_null(strstr(out, "errors syscall\n------ ----------- ----------- --------- "
				    "--------- ----------------\n  0.50    0.000010           2   "
				    "      4         1 openat\n 99.50"));
	free(out);

	o.sort = RN_SORT_NAME;
	out = print_to_string(s, &o, false);
	assert_true(strstr(out, " close\n") < strstr(out, " openat\n"));
	assert_true(strstr(out, " openat\n") < strstr(out, " read\n"));
	free(out);

	o.sort = RN_SORT_ERRORS;
	out = print_to_string(s, &o, false);
	assert_true(strstr(out, " openat\n") < strstr(out, " read\n"));
	/* equal errors: syscall number order (read 0 before close 3) */
	assert_true(strstr(out, " read\n") < strstr(out, " close\n"));
	free(out);
	rn_stats_free(s);
}

static void test_summary_sort_parse(void **state)
{
	enum rn_stats_sort so;

	(void)state;
	assert_int_equal(rn_stats_sort_parse("p99", &so), 0);
	assert_int_equal(so, RN_SORT_P99);
	assert_int_equal(rn_stats_sort_parse("avg-time", &so), 0);
	assert_int_equal(so, RN_SORT_AVG);
	assert_int_equal(rn_stats_sort_parse("calls", &so), 0);
	assert_int_equal(so, RN_SORT_CALLS);
	assert_int_equal(rn_stats_sort_parse("bogus", &so), -EINVAL);
}

static void test_summary_figures(void **state)
{
	struct rn_stats *s = known_summary(RN_STATS_BY_SYSCALL);
	struct rn_stats_row r;
	__u64 calls, errors, total;

	(void)state;
	assert_int_equal(rn_stats_get(s, 0, __NR_openat, &r), 0);
	assert_int_equal(r.calls, 4);
	assert_int_equal(r.errors, 1);
	assert_int_equal(r.total_ns, 10000);
	assert_int_equal(r.min_ns, 1000);
	assert_int_equal(r.max_ns, 4000);
	assert_true(fabs(r.avg_ns - 2500.0) < 1e-9);
	/* population sd of 1000..4000 step 1000 = sqrt(1.25e6) */
	assert_true(fabs(r.stddev_ns - sqrt(1.25e6)) < 1e-6);
	/* nearest rank: p50 of 4 is the 2nd (2000), p90 and p99 the 4th */
	assert_true(fabs(r.p50_ns - 2000.0) <= 2000.0 / 256);
	assert_true(fabs(r.p90_ns - 4000.0) <= 4000.0 / 256);
	assert_true(fabs(r.p99_ns - 4000.0) <= 4000.0 / 256);
	assert_int_equal(rn_stats_get(s, 0, __NR_exit_group, &r), -ENOENT);
	assert_int_equal(rn_stats_get(s, 0, __NR_write, &r), -ENOENT);
	rn_stats_totals(s, &calls, &errors, &total);
	assert_int_equal(calls, 7);
	assert_int_equal(errors, 1);
	assert_int_equal(total, 2010000);
	rn_stats_free(s);
}

static void test_summary_errors_range(void **state)
{
	struct rn_stats *s = rn_stats_new(RN_STATS_BY_SYSCALL);
	struct rn_event *e = evs_alloc(5);
	struct rn_stats_row r;

	(void)state;
	ev_sys(&e[0], 1, 1, __NR_chdir, -1, 10);
	ev_sys(&e[1], 1, 1, __NR_chdir, -4095, 10);
	ev_sys(&e[2], 1, 1, __NR_chdir, -4096, 10);	/* not an errno */
	ev_sys(&e[3], 1, 1, __NR_chdir, 0, 10);
	ev_sys(&e[4], 1, 1, __NR_chdir, -(1ll << 40), 10);
	assert_int_equal(rn_stats_add_batch(s, e, 5), 0);
	assert_int_equal(rn_stats_get(s, 0, __NR_chdir, &r), 0);
	assert_int_equal(r.calls, 5);
	assert_int_equal(r.errors, 2);
	free(e);
	rn_stats_free(s);
}

static void test_summary_by_thread_process(void **state)
{
	struct rn_stats *t = known_summary(RN_STATS_BY_THREAD);
	struct rn_stats *p = known_summary(RN_STATS_BY_PROCESS);
	struct rn_stats_row r;
	char *out;

	(void)state;
	assert_int_equal(rn_stats_get(t, 10, __NR_openat, &r), 0);
	assert_int_equal(r.calls, 2);
	assert_int_equal(r.errors, 1);
	assert_int_equal(rn_stats_get(t, 11, __NR_openat, &r), 0);
	assert_int_equal(r.calls, 2);
	assert_int_equal(r.errors, 0);
	assert_int_equal(rn_stats_get(t, 12, __NR_openat, &r), -ENOENT);
	assert_int_equal(rn_stats_get(p, 10, __NR_openat, &r), 0);
	assert_int_equal(r.calls, 4);
	assert_int_equal(rn_stats_get(p, 12, __NR_read, &r), 0);
	assert_int_equal(r.calls, 1);
	out = print_to_string(t, NULL, false);
	assert_true(strncmp(out, "tid 10\n% time", 13) == 0);
	assert_non_null(strstr(out, "\ntid 11\n% time"));
	assert_non_null(strstr(out, "\ntid 12\n% time"));
	free(out);
	out = print_to_string(p, NULL, true);
	assert_non_null(strstr(out, "\"by\":\"process\",\"time_basis\":"));
	assert_non_null(strstr(out, "{\"pid\":12,\"total\":{\"calls\":1,"));
	free(out);
	/* in-kernel aggregates carry no tid */
	assert_int_equal(rn_stats_add_agg(t, __NR_read, NULL, 3, 1), -EOPNOTSUPP);
	rn_stats_free(t);
	rn_stats_free(p);
}

static void test_summary_extended_hist_json(void **state)
{
	struct rn_stats *s = known_summary(RN_STATS_BY_SYSCALL);
	__u64 set[RN_BITMAP_WORDS] = { 0 };
	struct rn_stats_print_opts o = { .extended = true, .histogram = true,
					 .histogram_set = set, .backend = "ptrace",
					 .title = "interval 1" };
	char *out;

	(void)state;
	set[__NR_openat / 64] |= 1ull << (__NR_openat % 64);
	out = print_to_string(s, &o, false);
	assert_true(strncmp(out, "interval 1\nrenacer: time is wall-clock time", 43) == 0);
	assert_non_null(strstr(out, "% time     seconds  usecs/call     calls    errors     min_us "
				    "    p50_us     p90_us     p99_us     max_us  stddev_us syscall\n"));
	/* openat: min 1 us, p50 2 us, max 4 us, sd 1.118 us */
	assert_non_null(strstr(out, "         1       1.00       2.00       4.00       4.00       "
				    "4.00       1.12 openat\n"));
	/* the histogram of openat only: 1000 in [512, 1023], 2000 in
	 * [1024, 2047], 3000 and 4000 in [2048, 4095] */
	assert_non_null(strstr(out, "\nopenat: 4 calls, latency in ns (log2 buckets)\n"));
	assert_non_null(strstr(out, "                 512 -> 1023                 : 1          |"));
	assert_non_null(strstr(out, "                1024 -> 2047                 : 1          |"));
	assert_non_null(strstr(out, "                2048 -> 4095                 : 2          |"
				    "****************************************|\n"));
	assert_null(strstr(out, "\nread: "));
	free(out);

	out = print_to_string(s, &o, true);
	assert_true(strncmp(out, "{\"type\":\"summary\",\"by\":\"syscall\",", 33) == 0);
	assert_non_null(strstr(out, "{\"syscall\":\"read\",\"nr\":0,\"calls\":2,\"errors\":0,"
				    "\"time_us\":2000.000,\"pct_time\":99.50,\"avg_us\":1000.000,"
				    "\"min_us\":500.000,"));
	assert_non_null(strstr(out, "\"total\":{\"calls\":7,\"errors\":1,\"time_us\":2010.000,"
				    "\"pct_time\":100.00,"));
	assert_non_null(strstr(out, "{\"ge_us\":2.048,\"lt_us\":4.096,\"count\":2}"));
	assert_int_equal(out[strlen(out) - 1], '\n');
	assert_ptr_equal(strchr(out, '\n'), out + strlen(out) - 1);	/* one line */
	free(out);
	rn_stats_free(s);
}

static void test_summary_reset(void **state)
{
	struct rn_stats *s = known_summary(RN_STATS_BY_SYSCALL);
	struct rn_event *e = evs_alloc(1);
	struct rn_stats_row r;
	__u64 calls;
	char *out;

	(void)state;
	rn_stats_reset(s);
	rn_stats_totals(s, &calls, NULL, NULL);
	assert_int_equal(calls, 0);
	out = print_to_string(s, NULL, false);
	assert_non_null(strstr(out, "100.00    0.000000           0         0           total\n"));
	free(out);
	ev_sys(&e[0], 1, 1, __NR_read, 1, 70);
	rn_stats_add_batch(s, e, 1);
	assert_int_equal(rn_stats_get(s, 0, __NR_read, &r), 0);
	assert_int_equal(r.calls, 1);
	assert_int_equal(r.min_ns, 70);
	assert_true(r.p50_ns == 70.0);	/* below 128 ns buckets are exact */
	free(e);
	rn_stats_free(s);
}

static int cmp_u64(const void *a, const void *b)
{
	__u64 x = *(const __u64 *)a, y = *(const __u64 *)b;

	return (x > y) - (x < y);
}

/* --summary-interval by thread: after a reset only threads that made calls
 * since are listed. */
static void test_summary_reset_by_thread(void **state)
{
	struct rn_stats *t = known_summary(RN_STATS_BY_THREAD);
	struct rn_event *e = evs_alloc(1);
	char *out;

	(void)state;
	rn_stats_reset(t);
	ev_sys(&e[0], 11, 10, __NR_read, 1, 70);
	assert_int_equal(rn_stats_add_batch(t, e, 1), 0);
	out = print_to_string(t, NULL, false);
	assert_true(strncmp(out, "tid 11\n% time", 13) == 0);
	assert_null(strstr(out, "tid 10"));
	assert_null(strstr(out, "tid 12"));
	free(out);
	free(e);
	rn_stats_free(t);
}

/* Totals without a histogram: the percentiles are unknown, shown as "-"
 * and null, never as made-up numbers. */
static void test_summary_agg_without_histogram(void **state)
{
	struct rn_stats *s = rn_stats_new(RN_STATS_BY_SYSCALL);
	struct rn_syscall_agg agg = { .count = 3, .errors = 1, .total_ns = 6000, .min_ns = 1000,
				      .max_ns = 3000 };
	struct rn_stats_print_opts o = { .extended = true };
	char *out;

	(void)state;
	assert_int_equal(rn_stats_add_agg(s, __NR_chdir, &agg, 0, 0), 0);
	out = print_to_string(s, &o, false);
	assert_non_null(strstr(out, "         3         1       1.00          -          -          -"
				    "       3.00"));
	free(out);
	out = print_to_string(s, &o, true);
	assert_non_null(strstr(out, "\"min_us\":1.000,\"p50_us\":null,\"p90_us\":null,"
				    "\"p99_us\":null,\"max_us\":3.000"));
	free(out);
	rn_stats_free(s);
}

/* Percentiles from the histogram against the exact nearest-rank sample. */
static void test_percentiles_vs_sort(void **state)
{
	static const double ps[] = { 0.1, 1, 10, 25, 50, 75, 90, 99, 99.9, 100 };
	const size_t n = 100000;
	struct rn_stats *s = rn_stats_new(RN_STATS_BY_SYSCALL);
	struct rn_event *e = evs_alloc(1000);
	__u64 *v = malloc(n * sizeof(*v));
	size_t i, j, p;

	(void)state;
	assert_non_null(v);
	for (i = 0; i < n; i += 1000) {
		for (j = 0; j < 1000; j++) {
			/* log-normal-ish: exp of a sum of uniforms, around 5 us */
			double x = exp(8.5 + 1.5 * (rnd_unit() + rnd_unit() + rnd_unit() - 1.5));

			v[i + j] = (__u64)x;
			ev_sys(&e[j], 1, 1, __NR_read, 0, v[i + j]);
		}
		assert_int_equal(rn_stats_add_batch(s, e, 1000), 0);
	}
	qsort(v, n, sizeof(*v), cmp_u64);
	for (p = 0; p < sizeof(ps) / sizeof(ps[0]); p++) {
		size_t rank = (size_t)ceil(ps[p] / 100.0 * (double)n);
		double exact = (double)v[(rank ? rank : 1) - 1];
		double est = rn_stats_percentile(s, 0, __NR_read, ps[p]);

		/* documented bound: 1%; the histogram gives 1/256 */
		assert_true(fabs(est - exact) <= exact / 256.0 + 0.5);
	}
	free(v);
	free(e);
	rn_stats_free(s);
}

/* The in-kernel path (totals + bucket counts) gives the same figures as
 * the event path on the same calls; the sd is estimated within 1%. */
static void test_summary_agg_matches_events(void **state)
{
	struct rn_stats *ev = rn_stats_new(RN_STATS_BY_SYSCALL);
	struct rn_stats *ag = rn_stats_new(RN_STATS_BY_SYSCALL);
	struct rn_event *e = evs_alloc(500);
	static __u64 buckets[RN_HIST_BUCKETS];
	struct rn_syscall_agg agg = { .min_ns = ~0ull };
	struct rn_stats_row a, b;
	__u32 bk;
	size_t i;

	(void)state;
	for (i = 0; i < 500; i++) {
		__u64 d = 1000 + rnd() % 100000;
		long long ret = i % 7 ? 0 : -13;

		ev_sys(&e[i], 1, 1, __NR_openat, ret, d);
		agg.count++;
		agg.errors += ret < 0;
		agg.total_ns += d;
		agg.min_ns = d < agg.min_ns ? d : agg.min_ns;
		agg.max_ns = d > agg.max_ns ? d : agg.max_ns;
		buckets[rn_hist_bucket(d)]++;
	}
	assert_int_equal(rn_stats_add_batch(ev, e, 500), 0);
	assert_int_equal(rn_stats_add_agg(ag, __NR_openat, &agg, 0, 0), 0);
	for (bk = 0; bk < RN_HIST_BUCKETS; bk++)
		if (buckets[bk])
			assert_int_equal(rn_stats_add_agg(ag, __NR_openat, NULL, bk, buckets[bk]), 0);
	assert_int_equal(rn_stats_add_agg(ag, __NR_openat, NULL, RN_HIST_BUCKETS, 1), -EINVAL);
	assert_int_equal(rn_stats_get(ev, 0, __NR_openat, &a), 0);
	assert_int_equal(rn_stats_get(ag, 0, __NR_openat, &b), 0);
	assert_int_equal(a.calls, b.calls);
	assert_int_equal(a.errors, b.errors);
	assert_int_equal(a.total_ns, b.total_ns);
	assert_int_equal(a.min_ns, b.min_ns);
	assert_int_equal(a.max_ns, b.max_ns);
	assert_true(a.p50_ns == b.p50_ns && a.p90_ns == b.p90_ns && a.p99_ns == b.p99_ns);
	assert_true(fabs(a.stddev_ns - b.stddev_ns) <= a.stddev_ns / 100.0);
	free(e);
	rn_stats_free(ev);
	rn_stats_free(ag);
}

/* An outlier first (1 s, then a million calls near 1 us) must not cost the
 * standard deviation its precision: against a two-pass long double sum. */
static void test_summary_stddev_precision(void **state)
{
	const size_t n = 1000001;
	struct rn_stats *s = rn_stats_new(RN_STATS_BY_SYSCALL);
	__u64 *d = malloc(n * sizeof(*d));
	long double mean = 0, m2 = 0;
	struct rn_stats_row r;
	double sd;
	size_t i;

	(void)state;
	assert_non_null(d);
	d[0] = 1000000000;
	for (i = 1; i < n; i++)
		d[i] = 1000 + rnd() % 101;
	for (i = 0; i < n; i++)
		mean += d[i];
	mean /= n;
	for (i = 0; i < n; i++)
		m2 += (d[i] - mean) * (d[i] - mean);
	sd = (double)sqrtl(m2 / n);
	/* through events' staging path and the bulk path alike */
	assert_int_equal(rn_stats_add_samples(s, 0, __NR_read, d, 1, 0), 0);
	assert_int_equal(rn_stats_add_samples(s, 0, __NR_read, d + 1, n - 1, 0), 0);
	assert_int_equal(rn_stats_get(s, 0, __NR_read, &r), 0);
	assert_true(fabs(r.stddev_ns - sd) <= 1e-9 * sd);
	free(d);
	rn_stats_free(s);

	/* a huge mean (1000 s calls) with 101 ns of jitter */
	s = rn_stats_new(RN_STATS_BY_SYSCALL);
	{
		struct rn_event *e = evs_alloc(1000);
		long double sum = 0, sq = 0;
		size_t k;

		for (k = 0; k < 1000; k++) {
			ev_sys(&e[k], 1, 1, __NR_write, 1, 1000000000000ull + k % 101);
			sum += 1000000000000.0L + k % 101;
		}
		assert_int_equal(rn_stats_add_batch(s, e, 1000), 0);
		for (k = 0; k < 1000; k++)
			sq += (1000000000000.0L + k % 101 - sum / 1000) *
			      (1000000000000.0L + k % 101 - sum / 1000);
		assert_int_equal(rn_stats_get(s, 0, __NR_write, &r), 0);
		/* a mean of 10^12 ns leaves doubles 1e-4 ns of resolution */
		assert_true(fabs(r.stddev_ns - (double)sqrtl(sq / 1000)) <= 1e-6 * r.stddev_ns);
		free(e);
	}
	rn_stats_free(s);
}

/* Memory does not grow with the number of calls. */
static void test_summary_bounded_memory(void **state)
{
	struct rn_stats *s = rn_stats_new(RN_STATS_BY_SYSCALL);
	struct rn_event *e = evs_alloc(1000);
	size_t before = 0, after, i, round;
	struct rn_stats_row r;

	(void)state;
	for (round = 0; round < 1001; round++) {
		for (i = 0; i < 1000; i++)
			ev_sys(&e[i], 1, 1, (int)(i % 5), 0, 100 + rnd() % (1u << 24));
		if (round == 1) {
			/* every bucket chunk of this range exists by now */
			before = mallinfo2().uordblks;
		}
		assert_int_equal(rn_stats_add_batch(s, e, 1000), 0);
	}
	after = mallinfo2().uordblks;
	assert_true(after <= before + 64 * 1024);
	assert_int_equal(rn_stats_get(s, 0, 3, &r), 0);
	assert_int_equal(r.calls, 1001 * 200);
	free(e);
	rn_stats_free(s);
}

/* --- analysis --- */

static void test_corr_fixture(void **state)
{
	/* x = 1..5, y = 2,4,5,4,5: r = 6 / sqrt(10 * 6) (worked by hand);
	 * z = -3x + 7: r(x, z) = -1; c constant: NaN */
	double X[5 * 4], R[16];
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++) {
		X[i * 4 + 0] = (double)i + 1;
		X[i * 4 + 1] = (double[]){ 2, 4, 5, 4, 5 }[i];
		X[i * 4 + 2] = -3.0 * ((double)i + 1) + 7;
		X[i * 4 + 3] = 42;
	}
	assert_int_equal(rn_analyze_corr(X, 5, 4, R), 0);
	assert_true(fabs(R[0 * 4 + 1] - 6.0 / sqrt(60.0)) < 1e-12);
	assert_true(fabs(R[1 * 4 + 0] - 6.0 / sqrt(60.0)) < 1e-12);
	assert_true(fabs(R[0 * 4 + 2] + 1.0) < 1e-12);
	assert_true(fabs(R[1 * 4 + 2] + 6.0 / sqrt(60.0)) < 1e-12);
	assert_true(fabs(R[0] - 1.0) < 1e-12 && fabs(R[5] - 1.0) < 1e-12);
	assert_true(isnan(R[3]) && isnan(R[15]));
}

/* Many rows (several centring blocks) against a plain two-pass formula. */
static void test_corr_random(void **state)
{
	const size_t rows = 1000, cols = 7;
	double *X = malloc(rows * cols * sizeof(*X)), R[49], m[7] = { 0 };
	size_t r, i, j;

	(void)state;
	assert_non_null(X);
	for (r = 0; r < rows; r++)
		for (j = 0; j < cols; j++)
			X[r * cols + j] = 1e6 + rnd_unit() * (j + 1) + (j ? X[r * cols] * 0.5 : 0);
	assert_int_equal(rn_analyze_corr(X, rows, cols, R), 0);
	for (r = 0; r < rows; r++)
		for (j = 0; j < cols; j++)
			m[j] += X[r * cols + j] / (double)rows;
	for (i = 0; i < cols; i++)
		for (j = 0; j < cols; j++) {
			double sxy = 0, sxx = 0, syy = 0;

			for (r = 0; r < rows; r++) {
				double dx = X[r * cols + i] - m[i], dy = X[r * cols + j] - m[j];

				sxy += dx * dy;
				sxx += dx * dx;
				syy += dy * dy;
			}
			assert_true(fabs(R[i * cols + j] - sxy / sqrt(sxx * syy)) < 1e-9);
		}
	free(X);
}

/* Three blobs of 4 points each around (0,0), (10,10), (-10,10), each point
 * 1 away along an axis: centres exact, inertia 12. */
static void test_kmeans_fixture(void **state)
{
	static const double off[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
	static const double ctr[3][2] = { { 0, 0 }, { 10, 10 }, { -10, 10 } };
	double X[12 * 2], C[3 * 2], C2[3 * 2];
	__u32 l[12], l2[12];
	struct rn_kmeans_result res, res2;
	unsigned long long seed;
	size_t b, p, c;

	(void)state;
	for (b = 0; b < 3; b++)
		for (p = 0; p < 4; p++) {
			X[(b * 4 + p) * 2 + 0] = ctr[b][0] + off[p][0];
			X[(b * 4 + p) * 2 + 1] = ctr[b][1] + off[p][1];
		}
	for (seed = 1; seed <= 20; seed++) {
		assert_int_equal(rn_analyze_kmeans(X, 12, 2, 3, seed, C, l, &res), 0);
		assert_true(res.converged);
		if (fabs(res.inertia - 12.0) > 1e-9)
			continue;	/* k-means++ may seed two centres in one blob */
		for (b = 0; b < 3; b++) {
			for (p = 1; p < 4; p++)
				assert_int_equal(l[b * 4 + p], l[b * 4]);
			c = l[b * 4];
			assert_true(fabs(C[c * 2] - ctr[b][0]) < 1e-12);
			assert_true(fabs(C[c * 2 + 1] - ctr[b][1]) < 1e-12);
		}
		/* deterministic for a seed */
		assert_int_equal(rn_analyze_kmeans(X, 12, 2, 3, seed, C2, l2, &res2), 0);
		assert_memory_equal(l, l2, sizeof(l));
		assert_memory_equal(C, C2, sizeof(C));
		return;
	}
	fail_msg("no seed in 1..20 found the three blobs");
}

static void test_kmeans_errors(void **state)
{
	double X[4] = { 1, 2, 3, 4 }, C[6];
	__u32 l[4];
	struct rn_kmeans_result res;

	(void)state;
	assert_int_equal(rn_analyze_kmeans(X, 2, 2, 3, 1, C, l, &res), -EINVAL);
	assert_int_equal(rn_analyze_kmeans(X, 2, 2, 0, 1, C, l, &res), -EINVAL);
}

static void test_jsonl_parse(void **state)
{
	static const char *const bad[] = {
		"", "{", "[]", "{\"type\":\"syscall\"", "{\"type\":\"syscall\",}",
		"{\"type\":\"syscall\",\"syscall\":\"read\"} x",
		"{\"type\":\"syscall\",\"syscall\":\"re\\qad\"}",
		"{\"type\":\"syscall\",\"syscall\":\"read\",\"ts\":01}",
		"{\"type\":\"syscall\",\"syscall\":\"read\",\"ts\":1.}",
		"{\"type\":\"syscall\",\"syscall\":\"read\",\"dur_us\":\"12\"}",
		"{\"type\":\"syscall\",\"ts\":1}",	/* neither name nor number */
		"{\"type\":\"syscall\",\"syscall\":\"read\",\"args\":[1,2,}",
		"{\"type\":\"syscall\",\"syscall\":\"read\",\"args\":[\"\\u00zz\"]}",
		"{\"type\":\"syscall\",\"syscall\":\"a\nb\"}",
		"{\"type\":\"syscall\",\"syscall\":\"read\",\"dur_us\":1e400}",
	};
	const char *good = "{\"type\":\"syscall\",\"ts\":1.5,\"pid\":7,\"tgid\":1,"
			   "\"syscall\":\"openat\",\"nr\":257,\"args\":[\"AT_FDCWD\","
			   "{\"k\":[1,{\"x\":null}]},\"\\\"\\u0041\",-1.5e3,true,false],"
			   "\"ret\":-2,\"errno\":\"ENOENT\",\"dur_us\":12.5}";
	struct rn_analyze_rec r;
	char name[64], *deep;
	size_t i;

	(void)state;
	assert_int_equal(rn_analyze_parse_line(good, strlen(good), &r, name, sizeof(name)), 1);
	assert_true(r.ts == 1.5 && r.dur_us == 12.5);
	assert_int_equal(r.tid, 7);
	assert_int_equal(r.tgid, 1);
	assert_int_equal(r.nr, 257);
	assert_int_equal(r.ret, -2);
	assert_string_equal(r.name, "openat");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(rn_analyze_parse_line(bad[i], strlen(bad[i]), &r, name,
						       sizeof(name)), -EINVAL);
	/* other record types are valid, not syscalls */
	assert_int_equal(rn_analyze_parse_line("{\"type\":\"exit\",\"code\":0}", 24, &r, name,
					       sizeof(name)), 0);
	/* nesting too deep is malformed, not a stack overflow */
	deep = malloc(200001);
	assert_non_null(deep);
	memcpy(deep, "{\"a\":", 5);
	memset(deep + 5, '[', 200000 - 5);
	deep[200000] = '\0';
	assert_int_equal(rn_analyze_parse_line(deep, 200000, &r, name, sizeof(name)), -EINVAL);
	free(deep);
	/* the length is respected: no read past it */
	assert_int_equal(rn_analyze_parse_line(good, 20, &r, name, sizeof(name)), -EINVAL);
}

static char *analyze_string(const char *input, const struct rn_analyze_opts *o, int *rc)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(in);
	assert_non_null(out);
	*rc = rn_analyze_file(in, out, o);
	fclose(in);
	fclose(out);
	return buf;
}

/* read and write trade places window by window (r = -1), getpid keeps a
 * constant count (no correlation: NaN, never listed); one slow read. */
static void test_analyze_file(void **state)
{
	struct rn_analyze_opts o = { .window_calls = 20, .clusters = 2, .seed = 3 };
	size_t cap = 1 << 20, len = 0, w, i;
	char *in = malloc(cap), *out;
	double ts = 0;
	int rc;

	(void)state;
	assert_non_null(in);
	len += (size_t)sprintf(in + len, "not json at all\n{\"type\":\"exit\",\"code\":0}\n\n"
			       "{\"type\":\"syscall\",\"syscall\":\"exit_group\",\"ret\":null,"
			       "\"unfinished\":true,\"dur_us\":9}\n");
	for (w = 0; w < 30; w++) {
		unsigned reads = (unsigned)(w % 3 == 0 ? 15 : 3);

		for (i = 0; i < 20; i++) {
			const char *sc = i < reads ? "read" : i < 18 ? "write" : "getpid";
			double dur = 10 + (double)(i % 2);

			if (w == 25 && i == 0)
				dur = 5000;
			ts += 0.001;
			len += (size_t)sprintf(in + len, "{\"type\":\"syscall\",\"ts\":%.3f,\"pid\":5,"
					       "\"syscall\":\"%s\",\"args\":[],\"ret\":0,"
					       "\"dur_us\":%.1f}\n", ts, sc, dur);
		}
	}
	len += (size_t)sprintf(in + len, "{\"type\":\"syscall\",\"syscall\":\"read\",\"dur_us\":1");
	out = analyze_string(in, &o, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "renacer analyze: 600 syscalls from 605 lines "
				    "(2 other or unfinished records, 2 malformed, first at line 1)\n"));
	assert_non_null(strstr(out, "30 windows of 20 calls"));
	assert_non_null(strstr(out, "  -1.000  calls:write ~ calls:read\n"));
	assert_null(strstr(out, "~ calls:getpid"));
	/* the two kinds of window form the two clusters: 10 and 20 windows */
	assert_non_null(strstr(out, "k-means on standardised features: k=2, seed=3"));
	assert_non_null(strstr(out, ": 10 windows (33.3%)"));
	assert_non_null(strstr(out, ": 20 windows (66.7%)"));
	assert_non_null(strstr(out, "5000.000 us: z +"));
	assert_non_null(strstr(out, "per syscall: read 1 of 210\n"));
	assert_non_null(strstr(out, "    +0.500000 s tid 5 read 5000.000 us: z +4990.00 "
				    "(median 10.000 us, scale 1.000 us)\n"));
	free(out);

	o.json = true;
	out = analyze_string(in, &o, &rc);
	assert_int_equal(rc, 0);
	assert_true(strncmp(out, "{\"type\":\"analysis\",\"syscalls\":600,", 34) == 0);
	assert_non_null(strstr(out, "\"anomalies\":{\"threshold\":3,\"window\":100,\"count\":1,"
				    "\"listed\":1,\"list\":[{\"ts\":0.501000,\"t\":0.500000,"));
	free(out);

	out = analyze_string("{\"type\":\"syscall\",\"syscall\":\"ev\\\"il\\n\\u001b[31m\","
			     "\"dur_us\":1}\n", &o, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "\"calls:ev?il???31m\""));
	assert_null(strchr(out, '\033'));
	free(out);

	out = analyze_string("garbage\n", &o, &rc);
	assert_int_equal(rc, -ENODATA);
	free(out);
	free(in);
}

/* Windows by time: idle gaps become empty windows. */
static void test_analyze_time_windows(void **state)
{
	struct rn_analyze_opts o = { .window_sec = 1.0, .json = true };
	struct rn_analyze *a = rn_analyze_new(&o);
	struct rn_analyze_rec r = { .nr = __NR_read, .dur_us = 3 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(a);
	r.ts = 100.2;
	assert_int_equal(rn_analyze_add(a, &r), 0);
	r.ts = 100.7;
	assert_int_equal(rn_analyze_add(a, &r), 0);
	r.ts = 104.1;	/* windows 1..3 are empty */
	assert_int_equal(rn_analyze_add(a, &r), 0);
	assert_int_equal(rn_analyze_report(a, f), 0);
	fclose(f);
	assert_non_null(strstr(buf, "\"windows\":5,"));
	free(buf);
	rn_analyze_free(a);
}

/* Sliding robust z-score: steady 10/12 us, then 1 ms: exactly one anomaly,
 * reported as it happens with realtime on, at its time from the first call. */
static void test_anomaly_realtime(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *rt = open_memstream(&buf, &len);
	struct rn_analyze_opts o = { .anomaly_realtime = true, .realtime_out = rt,
				     .anomaly_window = 50 };
	struct rn_analyze *a = rn_analyze_new(&o);
	struct rn_event *e = evs_alloc(300);
	size_t i;

	(void)state;
	for (i = 0; i < 300; i++) {
		ev_sys(&e[i], 9, 9, __NR_read, 1, i % 2 ? 10000 : 12000);
		e[i].ts_ns = 1000000000ull + i * 1000;
	}
	e[200].dur_ns = 1000000;
	e[250].flags = RN_F_UNFINISHED;
	e[250].dur_ns = 5000000;	/* not a completed call: not analysed */
	assert_int_equal(rn_analyze_add_batch(a, e, 300), 0);
	fflush(rt);
	assert_non_null(strstr(buf, "renacer: anomaly: read took 1000.000 us at +0.000200 s "
				    "(tid 9): z +667.07 (last 50 calls: median 11.000 us, "
				    "scale 1.483 us)\n"));
	assert_null(strstr(strstr(buf, "\n") + 1, "anomaly"));
	fclose(rt);
	free(buf);
	free(e);
	rn_analyze_free(a);
}

/* A very steady syscall (1.000/1.001 us, the MAD is 0.0005 us): the scale
 * is at least 1 us, so 3.5 us is no anomaly (z 2.5) and 5 us is (z 4); a
 * call faster than usual is never one. */
static void test_anomaly_scale_floor(void **state)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);
	struct rn_analyze_opts o = { .json = true };
	struct rn_analyze *a = rn_analyze_new(&o);
	struct rn_analyze_rec r = { .nr = __NR_getpid };

	(void)state;
	for (i = 0; i < 300; i++) {
		r.ts = (double)i;
		r.dur_us = i == 150 ? 3.5 : i == 200 ? 0.001 : i == 250 ? 5.0 :
			   1.0 + (double)(i % 2) * 0.001;
		assert_int_equal(rn_analyze_add(a, &r), 0);
	}
	assert_int_equal(rn_analyze_report(a, f), 0);
	fclose(f);
	assert_non_null(strstr(buf, "\"count\":1,\"listed\":1,\"list\":[{\"ts\":250.000000,"
				    "\"t\":250.000000,\"tid\":0,\"syscall\":\"getpid\","
				    "\"dur_us\":5.000,\"z\":3.999,\"median_us\":1.001,"
				    "\"scale_us\":1.000}]"));
	free(buf);
	rn_analyze_free(a);
}

/* Median and MAD against hand-worked answers (numpy.median conventions). */
static void test_anomaly_median_mad(void **state)
{
	const double odd[] = { 1, 2, 3, 4, 100 }, even[] = { 1, 1, 2, 2, 4, 6, 9, 100 };
	const double same[] = { 7, 7, 7, 7 };

	(void)state;
	assert_true(isnan(rn_analyze_median_sorted(odd, 0)));
	assert_true(rn_analyze_median_sorted(odd, 5) == 3);
	/* |x - 3| = 2 1 0 1 97: median 1 */
	assert_true(rn_analyze_mad_sorted(odd, 5, 3) == 1);
	assert_true(rn_analyze_median_sorted(even, 8) == 3);
	/* |x - 3| = 2 2 1 1 1 3 6 97 -> 1 1 1 2 2 3 6 97: (2 + 2) / 2 */
	assert_true(rn_analyze_mad_sorted(even, 8, 3) == 2);
	assert_true(rn_analyze_median_sorted(same, 4) == 7);
	assert_true(rn_analyze_mad_sorted(same, 4, 7) == 0);
	assert_true(rn_analyze_mad_sorted(odd, 1, 1) == 0);
}

/* A slow mode that is part of normal behaviour (one read in ten takes
 * 100 us, the others 10 us) is not flagged: the scale is (p95 - median) /
 * 1.645 = 54.7 us there, where the MAD alone would be 0. Rare spikes are:
 * 900 us (z 16.27) and 600 us (z 10.78); 150 us is not (z 2.56). The
 * ranking is by z, --top cuts the text list and JSON keeps every one. */
static void test_anomaly_robust_ranked(void **state)
{
	struct rn_analyze_opts o = { .anomaly_window = 100, .top_anomalies = 1 };
	size_t cap = 1 << 20, len = 0, i;
	char *in = malloc(cap), *out, *p1, *p2;
	int rc;

	(void)state;
	assert_non_null(in);
	for (i = 0; i < 400; i++) {
		double d = i == 200 ? 900 : i == 300 ? 150 : i == 350 ? 600 : i % 10 == 5 ? 100 : 10;

		len += (size_t)sprintf(in + len, "{\"type\":\"syscall\",\"ts\":%.3f,\"pid\":7,"
				       "\"syscall\":\"read\",\"ret\":1,\"dur_us\":%.1f}\n",
				       50 + (double)i / 1000, d);
	}
	out = analyze_string(in, &o, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "anomalies: 2 of 400 calls (0.500%) slower than usual: z > 3, "));
	assert_non_null(strstr(out, "  highest z (1 of 2; --top=N for more, --format=json for "
				    "all), time from the first call:\n"
				    "    +0.200000 s tid 7 read 900.000 us: z +16.27 "
				    "(median 10.000 us, scale 54.715 us)\n"));
	free(out);
	o.json = true;
	out = analyze_string(in, &o, &rc);
	assert_int_equal(rc, 0);
	p1 = strstr(out, "\"count\":2,\"listed\":2,\"list\":[{\"ts\":50.200000,\"t\":0.200000,");
	p2 = strstr(out, "{\"ts\":50.350000,\"t\":0.350000,\"tid\":7,\"syscall\":\"read\","
			 "\"dur_us\":600.000,\"z\":10.783,");
	assert_non_null(p1);
	assert_non_null(p2);
	assert_true(p1 < p2);
	free(out);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kernel_acc),
		cmocka_unit_test(test_kernel_buckets),
		cmocka_unit_test(test_kernel_hist_add_rank),
		cmocka_unit_test(test_kernel_dot_dist_gram),
		cmocka_unit_test(test_kernel_nearest),
		cmocka_unit_test(test_kernel_nearest_ties),
		cmocka_unit_test(test_kernel_dispatch),
		cmocka_unit_test(test_summary_golden),
		cmocka_unit_test(test_summary_sort_parse),
		cmocka_unit_test(test_summary_figures),
		cmocka_unit_test(test_summary_errors_range),
		cmocka_unit_test(test_summary_by_thread_process),
		cmocka_unit_test(test_summary_extended_hist_json),
		cmocka_unit_test(test_summary_reset),
		cmocka_unit_test(test_summary_reset_by_thread),
		cmocka_unit_test(test_summary_agg_without_histogram),
		cmocka_unit_test(test_percentiles_vs_sort),
		cmocka_unit_test(test_summary_agg_matches_events),
		cmocka_unit_test(test_summary_stddev_precision),
		cmocka_unit_test(test_summary_bounded_memory),
		cmocka_unit_test(test_corr_fixture),
		cmocka_unit_test(test_corr_random),
		cmocka_unit_test(test_kmeans_fixture),
		cmocka_unit_test(test_kmeans_errors),
		cmocka_unit_test(test_jsonl_parse),
		cmocka_unit_test(test_analyze_file),
		cmocka_unit_test(test_analyze_time_windows),
		cmocka_unit_test(test_anomaly_realtime),
		cmocka_unit_test(test_anomaly_scale_floor),
		cmocka_unit_test(test_anomaly_median_mad),
		cmocka_unit_test(test_anomaly_robust_ranked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
