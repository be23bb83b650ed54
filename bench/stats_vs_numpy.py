#!/usr/bin/python3
"""renacer's statistics engine against NumPy + scikit-learn, same data, same run.

    bench/stats_vs_numpy.py [--rows 100000] [--cols 16] [--k 3] [--reps 5]
                            [--samples 10000000] [--check]

1. Analysis: ROWS feature vectors of COLS features (calls and time per
   syscall per window). Pearson correlation matrix, then k-means (k=K) on the
   standardised features: renacer scalar, renacer AVX2, NumPy's corrcoef and
   scikit-learn's KMeans (from renacer's k-means++ centres, Lloyd, tol=0, so
   both must reach the same labels; and scikit-learn's own default
   k-means++ with n_init=10 for reference).
2. Percentiles p50/p90/p99 of SAMPLES latencies (u64 ns): renacer's histogram
   (scalar, AVX2) against numpy.percentile.
3. The batch kernels one by one, scalar against AVX2, in interleaved runs
   (stats_bench kernels): the median of each, and the fastest.

Every other figure is the median of REPS runs measured in this invocation.
With --check, exit 1 when the answers disagree (the integration test uses it).
Runs with the Debian interpreter /usr/bin/python3 (python3-numpy, python3-sklearn).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
B = os.environ.get("B", "build")
BENCH = os.path.join(os.environ.get("BENCHBIN", os.path.join(ROOT, B, "bench")), "stats_bench")

try:
    import numpy as np
    from sklearn.cluster import KMeans
except ImportError as e:  # the caller decides whether that is a skip
    print("SKIP: NumPy/scikit-learn not importable with %s: %s" % (sys.executable, e))
    sys.exit(77)


def run(args, scalar=False):
    env = dict(os.environ)
    if scalar:
        env["RENACER_SIMD"] = "scalar"
    else:
        env.pop("RENACER_SIMD", None)
    out = subprocess.run([BENCH] + [str(a) for a in args], env=env, check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def timed(fn, reps):
    ts, res = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        res = fn()
        ts.append((time.perf_counter() - t0) * 1e3)
    ts.sort()
    return ts[len(ts) // 2] if reps % 2 else (ts[reps // 2 - 1] + ts[reps // 2]) / 2, res


def same_partition(a, b):
    """Labels equal up to renaming the clusters."""
    m = {}
    for x, y in zip(a.tolist(), b.tolist()):
        if m.setdefault(x, y) != y:
            return False
    return len(set(m.values())) == len(m)


def analysis(a, tmp, problems):
    data = os.path.join(tmp, "an")
    run(["gen-analysis", data, a.rows, a.cols, 7])
    res = {}
    for name, scalar in (("scalar", True), ("avx2", False)):
        pre = os.path.join(tmp, name)
        res[name] = run(["analysis", data, a.rows, a.cols, a.k, 1, a.reps, pre], scalar)[0]
        res[name]["corr"] = np.fromfile(pre + ".corr.f64").reshape(a.cols, a.cols)
        res[name]["labels"] = np.fromfile(pre + ".labels.u32", dtype=np.uint32)
    X = np.fromfile(data + ".f64").reshape(a.rows, a.cols)
    Z = np.fromfile(os.path.join(tmp, "avx2.z.f64")).reshape(a.rows, a.cols)
    init = np.fromfile(os.path.join(tmp, "avx2.init.f64")).reshape(a.k, a.cols)

    np_corr_ms, R = timed(lambda: np.corrcoef(X, rowvar=False), a.reps)
    km = lambda: KMeans(n_clusters=a.k, init=init, n_init=1, algorithm="lloyd", tol=0.0,
                        max_iter=300).fit(Z)
    sk_ms, model = timed(km, a.reps)
    skd = lambda: KMeans(n_clusters=a.k, n_init=10, random_state=1).fit(Z)
    skd_ms, model_d = timed(skd, a.reps)
    # renacer runs on one thread; on a shared machine scikit-learn's OpenMP
    # threads can lose more than they gain, so show it on one thread too
    sk1_ms = None
    try:
        from threadpoolctl import threadpool_limits
        with threadpool_limits(limits=1):
            np1_ms, _ = timed(lambda: np.corrcoef(X, rowvar=False), a.reps)
            sk1_ms, _ = timed(km, a.reps)
    except ImportError:
        pass
    # the same Lloyd iterations, plain Python loops would be far slower: not run

    for name in ("scalar", "avx2"):
        r = res[name]
        d = float(np.max(np.abs(r["corr"] - R)))
        r["corr_maxdiff"] = d
        r["same_labels"] = same_partition(r["labels"], model.labels_)
        r["inertia_reldiff"] = abs(r["inertia"] - model.inertia_) / model.inertia_
        if d > 1e-9:
            problems.append("%s correlation differs from NumPy by %g" % (name, d))
        if not r["same_labels"]:
            problems.append("%s k-means labels differ from scikit-learn" % name)
        if r["inertia_reldiff"] > 1e-9:
            problems.append("%s inertia differs by %g" % (name, r["inertia_reldiff"]))
    if not same_partition(res["avx2"]["labels"], model_d.labels_):
        note = "(sklearn's own k-means++ n_init=10 found a different partition)"
    else:
        note = "(sklearn's own k-means++ n_init=10 found the same partition)"
    np_total = np_corr_ms + sk_ms
    print("== analysis: %d x %d, correlation + k-means k=%d ==" % (a.rows, a.cols, a.k))
    print("%-34s %10s %10s %10s %8s" % ("", "corr ms", "kmeans ms", "total ms", "vs np+sk"))
    for name in ("scalar", "avx2"):
        r = res[name]
        tot = r["corr_ms"] + r["kmeans_ms"]
        print("%-34s %10.2f %10.2f %10.2f %7.1fx" % ("renacer " + name, r["corr_ms"],
              r["kmeans_ms"], tot, np_total / tot))
    print("%-34s %10.2f %10.2f %10.2f %7.1fx" % ("numpy corrcoef + sklearn (same init)",
          np_corr_ms, sk_ms, np_total, 1.0))
    if sk1_ms is not None:
        print("%-34s %10.2f %10.2f %10.2f %8s" % ("same, one thread (threadpoolctl)",
              np1_ms, sk1_ms, np1_ms + sk1_ms, ""))
    print("%-34s %10.2f %10.2f %10.2f %8s" % ("numpy + sklearn default n_init=10",
          np_corr_ms, skd_ms, np_corr_ms + skd_ms, ""))
    for name in ("scalar", "avx2"):
        r = res[name]
        tot = r["corr_ms"] + r["kmeans_ms"]
        extra = ""
        if sk1_ms is not None:
            extra = ", %.1fx vs one-thread numpy+sklearn" % ((np1_ms + sk1_ms) / tot)
        print("renacer %s: %.1fx vs numpy + sklearn defaults (the seed's configuration)%s"
              % (name, (np_corr_ms + skd_ms) / tot, extra))
    r = res["avx2"]
    print("answers: corr max |diff| scalar %.2e avx2 %.2e; labels same as sklearn: "
          "scalar %s avx2 %s; inertia %.6f vs sklearn %.6f; renacer %d iterations, "
          "sklearn %d" % (res["scalar"]["corr_maxdiff"], r["corr_maxdiff"],
                          res["scalar"]["same_labels"], r["same_labels"], r["inertia"],
                          model.inertia_, r["iterations"], model.n_iter_))
    print(note)
    return res


def percentiles(a, tmp, problems):
    rng = np.random.default_rng(11)
    d = np.exp(rng.normal(8.5, 1.2, a.samples)).astype(np.uint64)
    path = os.path.join(tmp, "pct.u64")
    d.tofile(path)
    rs = {name: run(["pct", path, a.samples, a.reps], scalar)[0]
          for name, scalar in (("scalar", True), ("avx2", False))}
    np_ms, p = timed(lambda: np.percentile(d, [50, 90, 99]), a.reps)
    exact = np.percentile(d, [50, 90, 99], method="inverted_cdf")
    print("\n== percentiles p50/p90/p99 of %d samples ==" % a.samples)
    print("%-30s %10s %8s   %s" % ("", "ms", "vs numpy", "p50 / p90 / p99 (ns)"))
    for name in ("scalar", "avx2"):
        r = rs[name]
        got = [r["p50"], r["p90"], r["p99"]]
        print("%-30s %10.2f %7.1fx   %.0f / %.0f / %.0f" % ("renacer histogram " + name, r["ms"],
              np_ms / r["ms"], *got))
        for g, e in zip(got, exact):
            if abs(g - e) > e / 256 + 0.5:
                problems.append("%s percentile %g vs exact %g" % (name, g, e))
    print("%-30s %10.2f %7.1fx   %.0f / %.0f / %.0f (linear interpolation)" % (
        "numpy.percentile", np_ms, 1.0, *p))
    print("%-30s %10s %8s   %.0f / %.0f / %.0f (nearest rank, the exact answer)" % (
        "numpy inverted_cdf", "", "", *exact))


def kernels():
    rows = run(["kernels"])
    runs = next((r["runs"] for r in rows if "runs" in r), 0)
    print("\n== kernels: scalar vs AVX2, %d interleaved runs each ==" % runs)
    print("%-38s %10s %10s %8s   %s" % ("", "scalar ms", "avx2 ms", "speedup",
                                       "best: scalar / avx2 ms, speedup"))
    for r in rows:
        if "skip" in r:
            print(r["skip"])
            continue
        print("%-38s %10.3f %10.3f %7.2fx   %.3f / %.3f, %.2fx" % (
            r["kernel"], r["scalar_ms"], r["avx2_ms"], r["speedup"], r["scalar_best_ms"],
            r["avx2_best_ms"], r["scalar_best_ms"] / r["avx2_best_ms"]))
    print("(median of the runs; 'best' is the fastest run of each)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--cols", type=int, default=16)
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--samples", type=int, default=10000000)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--no-kernels", action="store_true")
    a = ap.parse_args()
    if not os.access(BENCH, os.X_OK):
        print("SKIP: %s not built (make %s/bench/stats_bench)" % (BENCH, B))
        return 77
    print("numpy %s, scikit-learn %s, python %s" % (np.__version__,
          __import__("sklearn").__version__, sys.version.split()[0]))
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        analysis(a, tmp, problems)
        if a.samples:
            percentiles(a, tmp, problems)
    if not a.no_kernels:
        kernels()
    for p in problems:
        print("MISMATCH:", p)
    return 1 if (problems and a.check) else 0


if __name__ == "__main__":
    sys.exit(main())
