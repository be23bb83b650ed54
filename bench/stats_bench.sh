#!/usr/bin/env bash
# The statistics engine's benchmarks: analysis workload and percentiles
# against NumPy + scikit-learn, and every kernel scalar against AVX2.
#   bench/stats_bench.sh [stats_vs_numpy.py options]
set -eu
cd "$(dirname "$0")/.."
: "${B:=build}"
make --no-print-directory "$B/bench/stats_bench" >/dev/null
export B
exec /usr/bin/python3 bench/stats_vs_numpy.py "$@"
