#!/usr/bin/env bash
# The statistics engine agrees with NumPy and scikit-learn on a fixed data
# set: Pearson correlation (max |diff| <= 1e-9), k-means from the same
# k-means++ centres (same partition, inertia within 1e-9), and histogram
# percentiles within 1/256 of numpy's nearest-rank answer. Both kernel
# tables (RENACER_SIMD=scalar and the CPU's) are checked.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || skip "$PY is missing (Debian's python3 with python3-numpy, python3-sklearn)"
"$PY" -c 'import numpy, sklearn' 2>/dev/null ||
	skip "python3-numpy or python3-sklearn is not installed for $PY"
BIN=${BENCHBIN:-$PWD/$B/bench}/stats_bench
[ -x "$BIN" ] || skip "$BIN is not built (make $B/bench/stats_bench)"
out=$(BENCHBIN=$(dirname "$BIN") "$PY" "$(dirname "$0")/../../bench/stats_vs_numpy.py" \
	--rows 3000 --cols 12 --k 4 --reps 1 --samples 200000 --no-kernels --check)
rc=$?
echo "$out"
[ $rc -eq 77 ] && skip "stats_vs_numpy.py skipped"
[ $rc -eq 0 ] || fail "the engine disagrees with NumPy/scikit-learn"
grep -q "labels same as sklearn: scalar True avx2 True" <<<"$out" || fail "k-means labels differ"
exit 0
