#!/usr/bin/env bash
# -y on the eBPF backend: the per-call cost of per-call text output with the
# descriptor paths resolved in the kernel (bpf/fdpath.bpf.h) against the same
# output without -y, side by side in one run. Workloads (bench/fdpath_loop.c):
# ls (open, getdents64, close of a directory), cat (open, fstat, read, close),
# tar (cat plus a write to /dev/null), read (one-byte preads of a file one
# level below the temp dir), deep (the same on a file 20 directories down).
# Runs are interleaved (untraced, eBPF, eBPF -y), each figure the median of N
# (CPU ms: see run_one).
# The fixed costs (loading the programs: more of them under -y; the setup
# calls) are taken out by a run of 0 iterations of each kind: overhead per
# call = ((traced(N) - traced(0)) - (untraced(N) - untraced(0))) / calls, the
# calls counted from the traces; the ratio is -y's overhead over plain
# output's.
#
#   bench/fdpath_bench.sh [-n RUNS] [-c ITERATIONS] [-m "ls cat tar read deep"] [-q]
#
# Goal (issue #15): ratio at most 1.3.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${B:=build}" "${RENACER:=$ROOT/$B/renacer}"
LOOP="$ROOT/$B/bench/fdpath_loop"
RUNS=5 ITER=20000 MODES="ls cat tar read deep"
while getopts "n:c:m:q" o; do
	case $o in
	n) RUNS=$OPTARG ;;
	c) ITER=$OPTARG ;;
	m) MODES=$OPTARG ;;
	q) RUNS=1 ITER=2000 ;;
	*) exit 2 ;;
	esac
done
[ -x "$RENACER" ] && [ -x "$LOOP" ] || { echo "no $RENACER or $LOOP (make first)"; exit 1; }
perf stat -e task-clock -o /dev/null -- true 2>/dev/null ||
	{ echo "SKIP: needs perf stat (linux-perf)"; exit 77; }
"$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null ||
	{ echo "SKIP: the eBPF backend is unavailable here"; exit 77; }
TMP=$(mktemp -d /tmp/renacer-fdpbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# CPU time (perf's task-clock of renacer and the traced loop together, the
# BPF programs included as the loop's system time), not wall time: on a
# shared machine wall time mostly measures the other load.
run_one() {	# mode kind iterations -> appends the CPU ns to $TMP/t.mode.kind.iterations
	local mode=$1 kind=$2 n=$3
	local T=(perf stat -x, -e task-clock -o "$TMP/time" --)
	rm -rf "$TMP/d" && mkdir "$TMP/d"
	case $kind in
	base) "${T[@]}" "$LOOP" "$mode" "$n" "$TMP/d" ;;
	plain) "${T[@]}" "$RENACER" --backend=ebpf -o "$TMP/out.$mode.plain.$n" -- \
		"$LOOP" "$mode" "$n" "$TMP/d" ;;
	y) "${T[@]}" "$RENACER" --backend=ebpf -y -o "$TMP/out.$mode.y.$n" -- \
		"$LOOP" "$mode" "$n" "$TMP/d" ;;
	esac 2>>"$TMP/err" || { echo "fdpath_bench: $mode $kind failed: $(tail -2 "$TMP/err")"; exit 1; }
	awk -F, '$3 == "task-clock" { printf "%.0f\n", $1 * 1e6 }' "$TMP/time" \
		>>"$TMP/t.$mode.$kind.$n"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-6s %9s %10s %10s %10s %9s %9s %7s\n' workload calls base_cpu ebpf_cpu ebpf_y_cpu \
	ns/call ns/call_y ratio
for mode in $MODES; do
	for r in $(seq "$RUNS"); do
		case $((r % 3)) in
		0) order="base plain y" ;;
		1) order="plain y base" ;;
		2) order="y base plain" ;;
		esac
		for k in $order; do run_one "$mode" "$k" "$ITER"; run_one "$mode" "$k" 0; done
	done
	calls=$(($(grep -c '' "$TMP/out.$mode.plain.$ITER") - $(grep -c '' "$TMP/out.$mode.plain.0")))
	grep -q 'not resolved' "$TMP/err" && echo "note: paths over the cap in $mode"
	withpath=$(grep -c '<' "$TMP/out.$mode.y.$ITER")
	b=$(($(median "$TMP/t.$mode.base.$ITER") - $(median "$TMP/t.$mode.base.0")))
	p=$(($(median "$TMP/t.$mode.plain.$ITER") - $(median "$TMP/t.$mode.plain.0")))
	y=$(($(median "$TMP/t.$mode.y.$ITER") - $(median "$TMP/t.$mode.y.0")))
	awk -v m="$mode" -v c="$calls" -v b="$b" -v p="$p" -v y="$y" -v w="$withpath" 'BEGIN {
		op = (p - b) / c; oy = (y - b) / c
		printf "%-6s %9d %10.1f %10.1f %10.1f %9.0f %9.0f %7.2f  (%d lines with paths)\n",
			m, c, b / 1e6, p / 1e6, y / 1e6, op, oy, oy / op, w }'
done
