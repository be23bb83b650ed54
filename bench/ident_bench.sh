#!/usr/bin/env bash
# What identity in every record costs on the eBPF backend (#15): the 1M-read
# loop traced with per-call records (text to /dev/null, -e trace=read), with
# identity (the default) and without it (RENACER_NO_IDENT=1, the same binary
# and program otherwise), side by side. Runs alternate (the order flips
# each round) and each figure is the median of N runs. The figure is the
# read loop's own CPU time per call (readloop_timed: user + kernel time of
# the tracee's thread, the BPF programs included), which other work on the
# machine hardly moves; the loop's wall time per call is shown beside it.
#
#   bench/ident_bench.sh [-n RUNS] [-c CALLS] [-o OLD_RENACER] [-q]
#
# -o adds a third column: another renacer build (say main's, before
# identity existed), run the same way.
# Goal: identity costs at most 10 ns per call.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${B:=build}" "${RENACER:=$ROOT/$B/renacer}"
RUNS=11 CALLS=1000000 OLD=""
while getopts "n:c:o:q" o; do
	case $o in
	n) RUNS=$OPTARG ;;
	c) CALLS=$OPTARG ;;
	o) OLD=$OPTARG ;;
	q) RUNS=3 CALLS=100000 ;;
	*) exit 2 ;;
	esac
done
[ -x "$RENACER" ] || { echo "no $RENACER (make first)"; exit 1; }
"$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null ||
	{ echo "SKIP: the eBPF backend cannot run here"; exit 77; }
TMP=$(mktemp -d /tmp/renacer-identbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
RL=$TMP/readloop_timed
cc -O2 -o "$RL" "$ROOT/bench/ebpf_floor/readloop_timed.c" || exit 1

# A ring that holds the whole run (~200 bytes a record): the writer is never
# slowed down by a reader falling behind (a wake-up per record past half the
# ring), so the loop's time is the programs' own per-call cost.
RING=$(( CALLS * 512 > 4096 ? CALLS * 512 : 4096 ))
MODES="ident noident"
[ -n "$OLD" ] && MODES="$MODES old"

run_one() {	# MODE: appends "loop_wall loop_cpu lost" (ns per call) to $TMP/MODE
	local m=$1 bin=$RENACER env=() lost
	case $m in
	noident) env=(RENACER_NO_IDENT=1) ;;
	old) bin=$OLD ;;
	esac
	env "${env[@]}" "$bin" --backend=ebpf --buffer-size="$RING" -e trace=read -o /dev/null \
		-- "$RL" "$CALLS" \
		2>"$TMP/err"
	lost=$(sed -n 's/^renacer: \([0-9]*\) events\{0,1\} lost$/\1/p' "$TMP/err")
	awk -v n="$CALLS" -v lost="${lost:-0}" \
		'/^loop_ns/ { printf "%.2f %.2f %s\n", $2 / n, $3 / n, lost }' "$TMP/err" \
		>>"$TMP/$m"
}

"$RL" 1000 2>/dev/null	# warm-up
for r in $(seq "$RUNS"); do
	if [ $((r % 2)) = 1 ]; then order=$MODES; else order=$(echo $MODES | tr ' ' '\n' | tac); fi
	for m in $order; do
		run_one "$m"
	done
done

median() {	# FILE COLUMN
	sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "ident_bench: $CALLS one-byte reads, per-call records (text to /dev/null), $RUNS runs each, medians"
quartiles() {	# FILE COLUMN: "q1-q3" (the spread of the runs)
	sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
		printf "%s-%s", v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)] }'
}
printf "%-9s %12s %18s %14s %10s\n" mode "loop cpu ns" "cpu q1-q3" "loop wall ns" "lost(max)"
for m in $MODES; do
	printf "%-9s %12s %18s %14s %10s\n" "$m" "$(median "$TMP/$m" 2)" "$(quartiles "$TMP/$m" 2)" \
		"$(median "$TMP/$m" 1)" "$(sort -n -k3 "$TMP/$m" | tail -1 | awk '{print $3}')"
done
# the same difference within each round (runs of a round are back to back):
# less exposed to the machine's load drifting between rounds
paste "$TMP/ident" "$TMP/noident" | awk '{ print $2 - $5 }' | sort -n |
	awk '{ v[NR] = $1 } END { printf "per-round difference, median: %+.1f ns (q1 %+.1f, q3 %+.1f)\n",
		NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2,
		v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)] }'
ci=$(median "$TMP/ident" 2) cn=$(median "$TMP/noident" 2)
awk -v a="$ci" -v b="$cn" 'BEGIN { printf "identity: %+.1f ns per call (loop CPU), %.3fx; goal <= 10 ns\n", a - b, a / b }'
if [ -n "$OLD" ]; then
	co=$(median "$TMP/old" 2)
	awk -v a="$ci" -v b="$co" 'BEGIN { printf "vs old build: %+.1f ns per call (loop CPU)\n", a - b }'
fi
