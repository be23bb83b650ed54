// SPDX-License-Identifier: MIT
/*
 * Benchmarks of the statistics engine (driven by bench/stats_vs_numpy.py):
 *
 *   stats_bench gen-analysis OUT ROWS COLS SEED   synthetic feature matrix (f64)
 *   stats_bench analysis IN ROWS COLS K SEED REPS PREFIX
 *                                   correlation + k-means, timings as JSON;
 *                                   writes PREFIX.{corr,z,init,centers}.f64
 *                                   and PREFIX.labels.u32 for comparison
 *   stats_bench pct IN N REPS       histogram percentiles of N u64 samples
 *   stats_bench kernels             each kernel, scalar against AVX2
 *   stats_bench mem N               N events through -c's accumulator:
 *                                   time per event, heap and peak RSS
 *
 * The kernel table is chosen as the engine chooses it (RENACER_SIMD=scalar
 * forces the portable one), except in "kernels", which calls both.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

#include "backends/hist.h"
#include "stats/analyze.h"
#include "stats/kernels.h"
#include "stats/stats.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), dbl_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static unsigned long long st;

static double unit(void)
{
	unsigned long long z = (st += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return (double)((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
}

/* Roughly normal: Irwin-Hall of four uniforms, centred, sd 1. */
static double gauss(void)
{
	return (unit() + unit() + unit() + unit() - 2.0) * sqrt(3.0);
}

static void *load(const char *path, size_t bytes)
{
	FILE *f = fopen(path, "rb");
	void *p = malloc(bytes ? bytes : 1);

	if (!f || !p || fread(p, 1, bytes, f) != bytes) {
		fprintf(stderr, "stats_bench: cannot read %zu bytes from %s\n", bytes, path);
		exit(2);
	}
	fclose(f);
	return p;
}

static void save(const char *prefix, const char *ext, const void *p, size_t bytes)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s.%s", prefix, ext);
	f = fopen(path, "wb");
	if (!f || fwrite(p, 1, bytes, f) != bytes || fclose(f)) {
		fprintf(stderr, "stats_bench: cannot write %s\n", path);
		exit(2);
	}
}

/* Windows of a service in three regimes (idle, read-heavy, write-heavy):
 * per syscall, calls per window and time per window. */
static int gen_analysis(const char *out, size_t rows, size_t cols, unsigned long long seed)
{
	static const double rate[3] = { 1.0, 4.0, 2.5 };
	size_t nsc = cols / 2, r, s;
	double *X = malloc(rows * cols * sizeof(*X));

	if (!X || cols % 2)
		return 2;
	st = seed;
	for (r = 0; r < rows; r++) {
		double u = unit();
		int g = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;

		for (s = 0; s < nsc; s++) {
			double base = 5.0 + 3.0 * (double)s;
			double boost = (g == 1 && s % 2 == 0) || (g == 2 && s % 2 == 1) ? rate[g] : 1.0;
			double calls = fmax(0.0, round(base * boost * (1.0 + 0.15 * gauss())));
			double lat = (2.0 + (double)s) * (g == 2 ? 1.8 : 1.0);

			X[r * cols + s] = calls;
			X[r * cols + nsc + s] = calls * lat * exp(0.25 * gauss());
		}
	}
	save(out, "f64", X, rows * cols * sizeof(*X));
	free(X);
	return 0;
}

static int analysis(const char *in, size_t rows, size_t cols, unsigned k,
		    unsigned long long seed, int reps, const char *prefix)
{
	char path[4096];
	double *X, *Z, *R = malloc(cols * cols * sizeof(double)), *init, *C;
	double tc[64], tk[64], t0;
	__u32 *labels = malloc(rows * sizeof(*labels));
	struct rn_kmeans_result res = { 0 };
	int i;

	snprintf(path, sizeof(path), "%s.f64", in);
	X = load(path, rows * cols * sizeof(double));
	Z = malloc(rows * cols * sizeof(double));
	init = malloc(k * cols * sizeof(double));
	C = malloc(k * cols * sizeof(double));
	if (!R || !labels || !Z || !init || !C || reps < 1 || reps > 64)
		return 2;
	for (i = 0; i < reps; i++) {
		t0 = now_ms();
		if (rn_analyze_corr(X, rows, cols, R) < 0)
			return 3;
		tc[i] = now_ms() - t0;
	}
	memcpy(Z, X, rows * cols * sizeof(double));
	rn_analyze_standardize(Z, rows, cols, NULL, NULL);
	if (rn_analyze_kmeans_init(Z, rows, cols, k, seed, init) < 0)
		return 3;
	for (i = 0; i < reps; i++) {
		t0 = now_ms();
		if (rn_analyze_kmeans(Z, rows, cols, k, seed, C, labels, &res) < 0)
			return 3;
		tk[i] = now_ms() - t0;
	}
	save(prefix, "corr.f64", R, cols * cols * sizeof(double));
	save(prefix, "z.f64", Z, rows * cols * sizeof(double));
	save(prefix, "init.f64", init, k * cols * sizeof(double));
	save(prefix, "centers.f64", C, k * cols * sizeof(double));
	save(prefix, "labels.u32", labels, rows * sizeof(*labels));
	printf("{\"kernels\":\"%s\",\"corr_ms\":%.3f,\"kmeans_ms\":%.3f,\"iterations\":%u,"
	       "\"converged\":%s,\"inertia\":%.9g}\n", rn_kernels()->name, median(tc, reps),
	       median(tk, reps), res.iterations, res.converged ? "true" : "false", res.inertia);
	free(X);
	free(Z);
	free(R);
	free(init);
	free(C);
	free(labels);
	return 0;
}

static int pct(const char *in, size_t n, int reps)
{
	__u64 *d = load(in, n * sizeof(*d));
	double t[64], p50 = 0, p90 = 0, p99 = 0, t0;
	int i;

	if (reps < 1 || reps > 64)
		return 2;
	for (i = 0; i < reps; i++) {
		struct rn_stats *s;

		t0 = now_ms();
		s = rn_stats_new(RN_STATS_BY_SYSCALL);
		if (!s || rn_stats_add_samples(s, 0, 0, d, n, 0) < 0)
			return 3;
		p50 = rn_stats_percentile(s, 0, 0, 50);
		p90 = rn_stats_percentile(s, 0, 0, 90);
		p99 = rn_stats_percentile(s, 0, 0, 99);
		rn_stats_free(s);
		t[i] = now_ms() - t0;
	}
	printf("{\"kernels\":\"%s\",\"ms\":%.3f,\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f}\n",
	       rn_kernels()->name, median(t, reps), p50, p90, p99);
	free(d);
	return 0;
}

/* --- per-kernel comparison --- */

#define KN (1u << 20)	/* elements per measurement */
#define KBLK 1024	/* elements per kernel call: 8 KiB, in L1 */
#define KREPS 11	/* timed runs per kernel and table, median reported */

struct kdata {
	__u64 *d;
	__u32 *b;
	__u64 *h, *h2;
	double *x, *y, *X, *C, *G;
	__u32 *l;
};

/* One timed run of kernel `which` (milliseconds). */
static double run_kernel(const struct rn_stats_kernels *k, const struct kdata *kd, int which)
{
	double t0, sink = 0, ms;
	__u64 cum;
	struct rn_acc a;
	int i;

	t0 = now_ms();
	switch (which) {
	case 0:
		/* blocks the size the engine uses, warm in cache */
		memset(&a, 0, sizeof(a));
		for (i = 0; i < (int)(KN / KBLK); i++)
			k->acc(kd->d, KBLK, 1000.0, &a);
		sink += a.sq;
		break;
	case 1:
		for (i = 0; i < (int)(KN / KBLK); i++)
			k->buckets(kd->d, KBLK, kd->b);
		break;
	case 2:
		/* the engine merges 128-bucket chunks; 1024 stay in L1 */
		for (i = 0; i < 1000; i++)
			k->hist_add(kd->h, kd->h2, 1024);
		break;
	case 3:
		for (i = 0; i < 1000; i++) {
			cum = 0;
			sink += (double)k->rank_find(kd->h2, 1024, 1024 * 10 - 5, &cum);
		}
		break;
	case 4:
		for (i = 0; i < (int)(KN / KBLK); i++)
			sink += k->dot(kd->x, kd->y, KBLK);
		break;
	case 5:
		for (i = 0; i < (int)(KN / KBLK); i++)
			sink += k->dist2(kd->x, kd->y, KBLK);
		break;
	case 6:
		memset(kd->G, 0, 16 * 16 * sizeof(double));
		k->gram(kd->X, 100000, 16, kd->G);
		break;
	case 7:
		sink += k->nearest(kd->X, 100000, 16, kd->C, 3, kd->l, NULL, NULL);
		break;
	case 8:
		/* 4096 rows (512 KiB) stay in L2: the arithmetic alone */
		for (i = 0; i < 25; i++)
			sink += k->nearest(kd->X, 4096, 16, kd->C, 3, kd->l, NULL, NULL);
		break;
	}
	ms = now_ms() - t0;
	if (sink == 1.2345)
		puts("");
	return ms;
}

static int kernels(void)
{
	static const char *const names[] = { "acc (1M durations, blocks of 1024)",
		"buckets (1M durations, blocks of 1024)",
		"hist_add (1000 x 1024 buckets)", "rank_find (1000 x 1024 buckets)",
		"dot (1M doubles, blocks of 1024)", "dist2 (1M doubles, blocks of 1024)",
		"gram (100k x 16)",
		"nearest (100k x 16, k=3)", "nearest (25 x 4096 x 16, k=3, in L2)" };
	struct kdata kd = {
		.d = malloc(KN * sizeof(__u64)), .b = malloc(KN * sizeof(__u32)),
		.h = calloc(RN_HIST_BUCKETS, sizeof(__u64)),
		.h2 = malloc(RN_HIST_BUCKETS * sizeof(__u64)),
		.x = malloc(KN * sizeof(double)), .y = malloc(KN * sizeof(double)),
		.X = malloc(100000 * 16 * sizeof(double)), .C = malloc(3 * 16 * sizeof(double)),
		.G = malloc(16 * 16 * sizeof(double)), .l = malloc(100000 * sizeof(__u32)),
	};
	size_t i;
	int w;

	if (!rn_kernels_have_avx2()) {
		printf("{\"skip\":\"no AVX2 on this CPU\"}\n");
		return 0;
	}
	st = 42;
	for (i = 0; i < KN; i++) {
		kd.d[i] = (__u64)exp(6.0 + 4.0 * unit());
		kd.x[i] = unit();
		kd.y[i] = unit();
	}
	for (i = 0; i < RN_HIST_BUCKETS; i++)
		kd.h2[i] = 10;
	for (i = 0; i < 100000 * 16; i++)
		kd.X[i] = gauss();
	for (i = 0; i < 3 * 16; i++)
		kd.C[i] = gauss();
	for (w = 0; w < 9; w++) {
		double s[KREPS], v[KREPS], ms, mv, bs, bv;
		int rep;

		/* interleaved, so that a burst of load elsewhere on the
		 * machine hits both; one untimed warm-up run of each */
		run_kernel(&rn_kernels_scalar, &kd, w);
		run_kernel(&rn_kernels_avx2, &kd, w);
		for (rep = 0; rep < KREPS; rep++) {
			s[rep] = run_kernel(&rn_kernels_scalar, &kd, w);
			v[rep] = run_kernel(&rn_kernels_avx2, &kd, w);
		}
		ms = median(s, KREPS);
		mv = median(v, KREPS);
		bs = s[0];	/* sorted by median() */
		bv = v[0];
		printf("{\"kernel\":\"%s\",\"runs\":%d,\"scalar_ms\":%.3f,\"avx2_ms\":%.3f,"
		       "\"speedup\":%.2f,\"scalar_best_ms\":%.3f,\"avx2_best_ms\":%.3f}\n",
		       names[w], KREPS, ms, mv, ms / mv, bs, bv);
	}
	return 0;
}

/* The -c path on events: batches of 256 records, 24 syscalls, 8 threads,
 * latency-like durations; by syscall and by thread. */
static int mem(size_t n)
{
	const size_t batch = 256;
	struct rn_event *e = calloc(batch, sizeof(*e));
	struct rn_stats *s = rn_stats_new(RN_STATS_BY_SYSCALL);
	struct rn_stats *t = rn_stats_new(RN_STATS_BY_THREAD);
	size_t heap0 = mallinfo2().uordblks, i, j;
	struct rusage ru;
	double t0, ms;
	__u64 calls;

	if (!e || !s || !t)
		return 2;
	st = 5;
	t0 = now_ms();
	for (i = 0; i < n; i += batch) {
		size_t m = n - i < batch ? n - i : batch;

		for (j = 0; j < m; j++) {
			e[j].type = RN_EV_SYSCALL;
			e[j].tid = e[j].tgid = 1000 + (__u32)((i + j) % 8);
			e[j].sc.nr = (int)((i + j) * 7 % 24);
			e[j].sc.ret = (i + j) % 10 ? 0 : -2;
			e[j].dur_ns = (__u64)exp(6.5 + 3.0 * unit());
		}
		rn_stats_add_batch(s, e, m);
		rn_stats_add_batch(t, e, m);
	}
	ms = now_ms() - t0;
	rn_stats_totals(s, &calls, NULL, NULL);
	getrusage(RUSAGE_SELF, &ru);
	printf("{\"events\":%zu,\"counted\":%llu,\"ns_per_event_per_accumulator\":%.1f,"
	       "\"engine_heap_kib\":%zu,\"peak_rss_kib\":%ld}\n", n, (unsigned long long)calls,
	       ms * 1e6 / (double)(n ? n : 1) / 2, (mallinfo2().uordblks - heap0) / 1024,
	       ru.ru_maxrss);
	rn_stats_free(s);
	rn_stats_free(t);
	free(e);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "mem") == 0)
		return mem(strtoul(argv[2], NULL, 10));
	if (argc == 6 && strcmp(argv[1], "gen-analysis") == 0)
		return gen_analysis(argv[2], strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10),
				    strtoull(argv[5], NULL, 10));
	if (argc == 9 && strcmp(argv[1], "analysis") == 0)
		return analysis(argv[2], strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10),
				(unsigned)strtoul(argv[5], NULL, 10), strtoull(argv[6], NULL, 10),
				atoi(argv[7]), argv[8]);
	if (argc == 5 && strcmp(argv[1], "pct") == 0)
		return pct(argv[2], strtoul(argv[3], NULL, 10), atoi(argv[4]));
	if (argc == 2 && strcmp(argv[1], "kernels") == 0)
		return kernels();
	fprintf(stderr, "usage: stats_bench gen-analysis|analysis|pct|kernels ...\n");
	return 2;
}
