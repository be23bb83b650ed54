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

run_once() {	# tool workload -> "wall_us cpu_us" (cpu: user + system of the
		# tracer and the traced programs, less sensitive to a busy machine)
	local t0 t1 u s
	t0=$(date +%s%N)
	/usr/bin/time -f "%U %S" -o "$TMP/time" sh -c "$(cmd_for "$1") ${WL[$2]}" >/dev/null 2>&1
	t1=$(date +%s%N)
	read -r u s <"$TMP/time"
	echo "$(((t1 - t0) / 1000)) $(echo "($u + $s) * 1000000 / 1" | bc)"
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

median() {	# file column
	awk -v c="$2" '{print $c}' "$1" | sort -n |
		awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

ratio() { if [ "$2" = 0 ]; then echo -; else printf "%.3f" "$(echo "$1 / $2" | bc -l)"; fi; }

table() {	# column (1 wall, 2 cpu) title
	printf "\n%s: median ms of %s runs\n" "$2" "$RUNS"
	printf "%-7s %9s" workload calls
	for t in $TOOLS; do printf " %9s" "$t"; done
	printf " %8s %8s %14s %14s\n" "src/pl" "k/pl" "k us/call" "strace-k us/c"
	for w in $ORDER; do
		n=${CALLS[$w]}
		printf "%-7s %9s" "$w" "$n"
		declare -A M=()
		for t in $TOOLS; do
			M[$t]=$(median "$TMP/$w.$t" "$1")
			printf " %9.1f" "$(echo "${M[$t]} / 1000" | bc -l)"
		done
		kpc=$(echo "(${M[k]} - ${M[plain]}) / $n" | bc -l)
		spc="-"
		[ $HAVE_STRACE = 1 ] &&
			spc=$(printf "%.2f" "$(echo "(${M[strace_k]} - ${M[strace]}) / $n" | bc -l)")
		printf " %8s %8s %14.2f %14s\n" "$(ratio "${M[source]}" "${M[plain]}")" \
			"$(ratio "${M[k]}" "${M[plain]}")" "$kpc" "$spc"
		unset M
	done
}

declare -A CALLS=()
for w in $ORDER; do CALLS[$w]=$(calls $w); done
printf "renacer source/stack benchmark (%s), load average %s\n" "$(date -u +%FT%TZ)" \
	"$(cut -d' ' -f1-3 /proc/loadavg)"
table 1 "wall-clock time"
table 2 "CPU time (user + system, tracer and traced)"
echo "k us/call and strace-k us/c: extra microseconds per traced call that -k adds"
echo "over the same tool's plain tracing. 'once' and 'twice': one vs two runs of the"
echo "same program in one session (the second reuses the parsed objects)."
