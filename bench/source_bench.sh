#!/usr/bin/env bash
# --source / -k overhead, side by side in one run: plain ptrace tracing,
# --source, -k, --function-time, and strace -k (strace plain for reference),
# on three workloads. Runs are interleaved (the order of the tools rotates
# each round, after a warm-up round) and each figure is the median of N
# wall-clock runs; ratios are between medians of this invocation.
#
#   bench/source_bench.sh [-n RUNS] [-q]     (-q: small workloads, 1 run)
#
# Goals (issue #6): --source < 1.20x plain ptrace; -k at least 10x cheaper
# per call than strace -k; a second run of the same program (same trace
# session, caches warm) no slower than the first.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${B:=build}" "${RENACER:=$ROOT/$B/renacer}"
SRCBIN="$ROOT/$B/tracees/src/src_call-pie-O2-dw5-nofp"
RUNS=5 LOOP=10000 PROCS=20
while getopts "n:q" o; do
	case $o in
	n) RUNS=$OPTARG ;;
	q) RUNS=1 LOOP=500 PROCS=2 ;;
	*) exit 2 ;;
	esac
done
[ -x "$RENACER" ] || { echo "no $RENACER (make first)"; exit 1; }
[ -x "$SRCBIN" ] || { echo "no $SRCBIN (make $SRCBIN)"; exit 1; }
"$RENACER" --source -o /dev/null -- true 2>/dev/null ||
	{ echo "SKIP: renacer built without libdwarf/libunwind"; exit 77; }
HAVE_STRACE=0
command -v strace >/dev/null && strace -k -o /dev/null true 2>/dev/null && HAVE_STRACE=1

declare -A WL=(
	[ls]="ls -la /usr/bin"
	[loop]="$SRCBIN $LOOP"
	[procs]="sh -c 'for i in \$(seq $PROCS); do $SRCBIN 200; done'"
	[once]="$SRCBIN $LOOP"
	[twice]="sh -c '$SRCBIN $LOOP; $SRCBIN $LOOP'"
)
ORDER="ls loop procs once twice"
TOOLS="plain source k ftime"
[ $HAVE_STRACE = 1 ] && TOOLS="$TOOLS strace strace_k"

cmd_for() {	# tool workload
	local r="$RENACER --backend=ptrace -f -o /dev/null --"
	case $1 in
	plain) echo "$r" ;;
	source) echo "$RENACER --backend=ptrace -f --source -o /dev/null --" ;;
	k) echo "$RENACER --backend=ptrace -f -k -o /dev/null --" ;;
	ftime) echo "$RENACER --backend=ptrace -f -c --function-time -o /dev/null --" ;;
	strace) echo "strace -f -o /dev/null --" ;;
	strace_k) echo "strace -f -k -o /dev/null --" ;;
	esac
}

run_once() {	# tool workload -> ms
	local t0 t1
	t0=$(date +%s%N)
	eval "$(cmd_for "$1") ${WL[$2]}" >/dev/null 2>&1
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}

# Syscalls per workload (from a plain trace), for the per-call figures.
calls() {
	eval "$RENACER --backend=ptrace -f -c -o $TMP/c -- ${WL[$1]}" >/dev/null 2>&1
	awk '/ total$/ {print $4}' "$TMP/c"
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for w in $ORDER; do
	for t in $TOOLS; do run_once $t $w >/dev/null; done	# warm-up
	for ((i = 0; i < RUNS; i++)); do
		set -- $TOOLS
		for ((j = 0; j < i % $#; j++)); do set -- "${@:2}" "$1"; done
		for t in "$@"; do run_once $t $w >>"$TMP/$w.$t"; done
	done
done

median() { sort -n "$1" | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

printf "renacer source/stack benchmark: %s runs each, median wall ms (%s)\n" "$RUNS" "$(date -u +%FT%TZ)"
printf "%-7s %9s" workload calls
for t in $TOOLS; do printf " %9s" "$t"; done
printf " %8s %8s %14s %14s\n" "src/pl" "k/pl" "k us/call" "strace-k us/c"
for w in $ORDER; do
	n=$(calls $w)
	printf "%-7s %9s" "$w" "$n"
	declare -A M=()
	for t in $TOOLS; do M[$t]=$(median "$TMP/$w.$t"); printf " %9.1f" "$(echo "${M[$t]} / 1000" | bc -l)"; done
	kpc=$(echo "(${M[k]} - ${M[plain]}) / $n" | bc -l)
	spc="-"
	[ $HAVE_STRACE = 1 ] && spc=$(printf "%.2f" "$(echo "(${M[strace_k]} - ${M[strace]}) / $n" | bc -l)")
	printf " %8.3f %8.3f %14.2f %14s\n" "$(echo "${M[source]} / ${M[plain]}" | bc -l)" \
		"$(echo "${M[k]} / ${M[plain]}" | bc -l)" "$kpc" "$spc"
	unset M
done
echo "k us/call and strace-k us/c: extra microseconds per traced call that -k adds"
echo "over the same tool's plain tracing. 'once' and 'twice': one vs two runs of the"
echo "same program in one session (the second reuses the parsed objects)."
