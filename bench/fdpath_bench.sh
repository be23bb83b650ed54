#!/usr/bin/env bash
# -y on the eBPF backend: the per-call cost of per-call text output with the
# descriptor paths resolved in the kernel (bpf/fdpath.bpf.h) against the same
# output without -y, side by side in one run. Workloads (bench/fdpath_loop.c):
# ls (open, getdents64, close of a directory), cat (open, fstat, read, close),
# tar (cat plus a write to /dev/null), read (one-byte preads of a file one
# level below the temp dir), deep (the same on a file 20 directories down),
# sock (one-byte writes and reads through a UNIX socket pair).
# Runs are interleaved (untraced, eBPF, eBPF -y), each figure the median of N.
# What is measured is CPU time over the loop alone (the loop reports it,
# FDPATH_LOOP_CPU): its own, whose system time holds the BPF programs, plus
# renacer's over the same span (decoding, printing). Not wall time: on a
# shared machine that mostly measures the other load; and not the whole run:
# loading the programs costs about half a second of CPU, varying more than
# the difference sought. Overhead per call = (traced - untraced) / calls,
# the calls counted from the trace; the ratio is -y's overhead over plain
# per-call output's.
#
#   bench/fdpath_bench.sh [-n RUNS] [-c ITERATIONS] [-m "ls cat tar read deep sock"] [-q]
#
# Goal (issue #15): ratio at most 1.3.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${B:=build}" "${RENACER:=$ROOT/$B/renacer}"
LOOP="$ROOT/$B/bench/fdpath_loop"
RUNS=5 ITER=20000 MODES="ls cat tar read deep sock"
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
"$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null ||
	{ echo "SKIP: the eBPF backend is unavailable here"; exit 77; }
TMP=$(mktemp -d /tmp/renacer-fdpbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

run_one() {	# mode kind -> appends the loop's CPU ns (self + renacer) to $TMP/t.mode.kind
	local mode=$1 kind=$2
	rm -rf "$TMP/d" && mkdir "$TMP/d" && rm -f "$TMP/cpu"
	export FDPATH_LOOP_CPU=$TMP/cpu
	case $kind in
	base) "$LOOP" "$mode" "$ITER" "$TMP/d" ;;
	plain) "$RENACER" --backend=ebpf -o "$TMP/out.$mode.plain" -- "$LOOP" "$mode" "$ITER" "$TMP/d" ;;
	y) "$RENACER" --backend=ebpf -y -o "$TMP/out.$mode.y" -- "$LOOP" "$mode" "$ITER" "$TMP/d" ;;
	esac 2>>"$TMP/err" || { echo "fdpath_bench: $mode $kind failed: $(tail -2 "$TMP/err")"; exit 1; }
	# untraced, the parent is this shell, idle: its own CPU only
	awk -v k="$kind" '{ print k == "base" ? $1 : $1 + $2 }' "$TMP/cpu" >>"$TMP/t.$mode.$kind"
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
		for k in $order; do run_one "$mode" "$k"; done
	done
	# the loop's calls: its lines with a path (the setup's few have one too)
	calls=$(grep -c '' "$TMP/out.$mode.plain")
	grep -q 'not resolved' "$TMP/err" && echo "note: paths over the cap in $mode"
	withpath=$(grep -c '<' "$TMP/out.$mode.y")
	b=$(median "$TMP/t.$mode.base") p=$(median "$TMP/t.$mode.plain") y=$(median "$TMP/t.$mode.y")
	awk -v m="$mode" -v c="$calls" -v b="$b" -v p="$p" -v y="$y" -v w="$withpath" 'BEGIN {
		op = (p - b) / c; oy = (y - b) / c
		printf "%-6s %9d %10.1f %10.1f %10.1f %9.0f %9.0f %7.2f  (%d lines with paths)\n",
			m, c, b / 1e6, p / 1e6, y / 1e6, op, oy, oy / op, w }'
done
