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
#   bench/ident_bench.sh [-n RUNS] [-c CALLS] [-o OLD_RENACER] [-q] [-P]
#
# renacer runs on the first CPU and the read loop on the last one (-P: not
# pinned), so the reader's formatting does not share a core with the loop
# it is measured on. The verdict uses the per-round differences of the
# programs' run time: their median with a 95% confidence interval (order
# statistics of the rounds), the goal shown when the interval's top is
# within it.
#
# -o adds a third column: another renacer build (say main's, before
# identity existed), run the same way.
# Goal: identity costs at most 10 ns per call.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${B:=build}" "${RENACER:=$ROOT/$B/renacer}"
RUNS=11 CALLS=1000000 OLD="" PIN=1
while getopts "n:c:o:qP" o; do
	case $o in
	n) RUNS=$OPTARG ;;
	c) CALLS=$OPTARG ;;
	o) OLD=$OPTARG ;;
	q) RUNS=3 CALLS=100000 ;;
	P) PIN=0 ;;
	*) exit 2 ;;
	esac
done
[ -x "$RENACER" ] || { echo "no $RENACER (make first)"; exit 1; }
"$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null ||
	{ echo "SKIP: the eBPF backend cannot run here"; exit 77; }
TMP=$(mktemp -d /tmp/renacer-identbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
: "${KEEP:=}"	# KEEP=DIR: the per-run figures are copied there
RL=$TMP/readloop_timed
cc -O2 -o "$RL" "$ROOT/bench/ebpf_floor/readloop_timed.c" || exit 1

# A ring that holds the whole run (~200 bytes a record): the writer is never
# slowed down by a reader falling behind (a wake-up per record past half the
# ring), so the loop's time is the programs' own per-call cost.
RING=$(( CALLS * 512 > 4096 ? CALLS * 512 : 4096 ))
MODES="ident noident"
NCPU=$(nproc)
TRACER_PIN=() LOOP_PIN=""
if [ "$PIN" = 1 ] && [ "$NCPU" -ge 2 ] && command -v taskset >/dev/null; then
	TRACER_PIN=(taskset -c 0) LOOP_PIN="taskset -c $((NCPU - 1))"
fi
[ -n "$OLD" ] && MODES="$MODES old"

# Run time (ns) and count of rn_sys_enter + rn_sys_exit of renacer PID: its
# programs found through its descriptors (fdinfo's prog_id).
progtime() {
	local id t=0 n=0 line
	for id in $(grep -h '^prog_id:' /proc/"$1"/fdinfo/* 2>/dev/null | awk '{print $2}' | sort -u); do
		line=$(bpftool prog show id "$id" 2>/dev/null | head -1)
		case $line in
		*" name rn_sys_enter "* | *" name rn_sys_exit "*) ;;
		*) continue ;;
		esac
		t=$((t + $(sed -n 's/.* run_time_ns \([0-9]*\).*/\1/p' <<<"$line")))
		n=$((n + $(sed -n 's/.* run_cnt \([0-9]*\).*/\1/p' <<<"$line")))
	done
	echo "$t $n"
}

run_one() {	# MODE: appends "loop_wall loop_cpu lost prog_ns" (per call) to $TMP/MODE
	local m=$1 bin=$RENACER env=() lost rpid prog=0 i
	case $m in
	noident) env=(RENACER_NO_IDENT=1) ;;
	old) bin=$OLD ;;
	esac
	rm -f "$TMP/loop"
	# the tracee waits after its loop, while the programs' counters are read
	env "${env[@]}" "${TRACER_PIN[@]}" "$bin" --backend=ebpf --buffer-size="$RING" -e trace=read -o /dev/null \
		-- sh -c '$3 "$0" "$1" 2>"$2.tmp"; mv "$2.tmp" "$2"; sleep 1' "$RL" "$CALLS" "$TMP/loop" "$LOOP_PIN" \
		2>"$TMP/err" &
	rpid=$!
	for i in $(seq 600); do [ -s "$TMP/loop" ] && break; sleep 0.05; done
	if [ "$STATS" = 1 ]; then
		prog=$(progtime "$rpid" | awk -v n="$CALLS" '{ printf "%.2f", $1 / n }')
	fi
	wait "$rpid"
	lost=$(sed -n 's/^renacer: \([0-9]*\) events\{0,1\} lost$/\1/p' "$TMP/err")
	awk -v n="$CALLS" -v lost="${lost:-0}" -v prog="$prog" \
		'/^loop_ns/ { printf "%.2f %.2f %s %s\n", $2 / n, $3 / n, lost, prog }' "$TMP/loop" \
		>>"$TMP/$m"
}

# The programs' own run time (kernel.bpf_stats_enabled) is the figure least
# moved by other work on the machine: the time spent in rn_sys_enter and
# rn_sys_exit during the run, per traced call (the few untraced calls of
# other processes that reach them, cheap, included).
STATS=0
if [ "$(cat /proc/sys/kernel/bpf_stats_enabled 2>/dev/null)" = 1 ] && command -v bpftool >/dev/null; then
	STATS=1
else
	echo "ident_bench: kernel.bpf_stats_enabled is off (or no bpftool): loop times only" >&2
fi

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
printf "%-9s %10s %16s %12s %18s %14s %9s\n" mode "prog ns" "prog q1-q3" "loop cpu ns" \
	"cpu q1-q3" "loop wall ns" "lost(max)"
for m in $MODES; do
	printf "%-9s %10s %16s %12s %18s %14s %9s\n" "$m" "$(median "$TMP/$m" 4)" \
		"$(quartiles "$TMP/$m" 4)" "$(median "$TMP/$m" 2)" "$(quartiles "$TMP/$m" 2)" \
		"$(median "$TMP/$m" 1)" "$(sort -n -k3 "$TMP/$m" | tail -1 | awk '{print $3}')"
done
if [ "$STATS" = 1 ]; then
	pi=$(median "$TMP/ident" 4) pn=$(median "$TMP/noident" 4)
	awk -v a="$pi" -v b="$pn" 'BEGIN { printf "identity: %+.1f ns per call in the programs (%.3fx); goal <= 10 ns\n", a - b, a / b }'
	# 95% interval of the median of the per-round differences: the ranks
	# n/2 -+ 0.98 sqrt(n) of the sorted differences (binomial order statistics)
	paste "$TMP/ident" "$TMP/noident" | awk '{ print $4 - $8 }' | sort -n |
		awk '{ v[NR] = $1 } END {
			lo = int(NR / 2 - 0.98 * sqrt(NR)); if (lo < 1) lo = 1
			hi = NR + 1 - lo
			med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "  per-round difference, median: %+.1f ns (q1 %+.1f, q3 %+.1f); 95%% interval %+.1f..%+.1f ns over %d rounds\n",
				med, v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)], v[lo], v[hi], NR
			verdict = "goal NOT met"
			if (med <= 10) verdict = "median within 10 ns, the interval is not: run more rounds"
			if (v[hi] <= 10) verdict = "goal met (the interval top is within 10 ns)"
			printf "  verdict: %s\n", verdict }'
	[ -n "$OLD" ] && awk -v a="$pi" -v b="$(median "$TMP/old" 4)" \
		'BEGIN { printf "vs old build: %+.1f ns per call in the programs\n", a - b }'
fi
# the same difference within each round (runs of a round are back to back):
# less exposed to the machine's load drifting between rounds
paste "$TMP/ident" "$TMP/noident" | awk '{ print $2 - $6 }' | sort -n |
	awk '{ v[NR] = $1 } END { printf "per-round difference, median: %+.1f ns (q1 %+.1f, q3 %+.1f)\n",
		NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2,
		v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)] }'
ci=$(median "$TMP/ident" 2) cn=$(median "$TMP/noident" 2)
awk -v a="$ci" -v b="$cn" 'BEGIN { printf "identity: %+.1f ns per call (loop CPU), %.3fx; goal <= 10 ns\n", a - b, a / b }'
if [ -n "$OLD" ]; then
	co=$(median "$TMP/old" 2)
	awk -v a="$ci" -v b="$co" 'BEGIN { printf "vs old build: %+.1f ns per call (loop CPU)\n", a - b }'
fi
[ -n "$KEEP" ] && mkdir -p "$KEEP" && cp "$TMP"/ident "$TMP"/noident "$KEEP"/ 2>/dev/null
exit 0
