#!/usr/bin/env bash
# --readers: the 16-thread storm (storm -t 15 N: 16 threads of N getppid
# calls) traced per call in JSON to a file at the default buffer size, with
# one reader (--readers=1, the single ring read by the session's thread) and
# with R readers, side by side: the rounds alternate the order of the
# variants, and every figure comes from this one invocation. A variant
# "Rn0" is R readers left at the traced programs' priority
# (RENACER_READER_NICE=0) instead of nice -10: it shows what the readers'
# priority does apart from their number.
#
# For each run: the events renacer reports lost, the records delivered (and
# that delivered + lost = the calls made, plus the loader's calls), and the
# records written per second of the trace's wall time.
#
#   bench/readers_bench.sh [-n ROUNDS] [-c CALLS_TOTAL] [-r "1n0 1 2n0 2"] [-q]
#
# Goal (issue #17): on the 2-core machine, the 320,000-call storm in JSON at
# the default buffer size loses nothing with the readers.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${B:=build}" "${RENACER:=$ROOT/$B/renacer}"
STORM="$ROOT/$B/tracees/storm"
ROUNDS=5 TOTAL=320000 READERS="1n0 1 2n0 2"
while getopts "n:c:r:q" o; do
	case $o in
	n) ROUNDS=$OPTARG ;;
	c) TOTAL=$OPTARG ;;
	r) READERS=$OPTARG ;;
	q) ROUNDS=1 TOTAL=32000 ;;
	*) exit 2 ;;
	esac
done
[ -x "$RENACER" ] && [ -x "$STORM" ] || { echo "no $RENACER or $STORM (make first)"; exit 1; }
"$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null ||
	{ echo "SKIP: the eBPF backend cannot run here (root, BTF)"; exit 77; }
N=$((TOTAL / 16))
TMP=$(mktemp -d /tmp/renacer-rdbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

run_one() {	# readers -> appends "lost delivered wall records/s" to $TMP/r.READERS
	local r=${1%n0} nice=-10 t0 t1 lost got wall
	[ "$r" = "$1" ] || nice=0
	t0=$(date +%s.%N)
	RENACER_READER_NICE=$nice "$RENACER" --backend=ebpf --readers="$r" -f \
		--format=json -o "$TMP/out.json" -- "$STORM" -t 15 "$N" >"$TMP/calls" \
		2>"$TMP/err"
	t1=$(date +%s.%N)
	lost=$(sed -n 's/^renacer: \([0-9]*\) events\{0,1\} lost$/\1/p' "$TMP/err")
	lost=${lost:-0}
	got=$(grep -c '"syscall":"getppid"' "$TMP/out.json")
	[ "$(cat "$TMP/calls")" = $((16 * N)) ] || echo "readers_bench: the storm said $(cat "$TMP/calls")" >&2
	# every getppid call is delivered or counted lost (the lost count also
	# covers the loader's and thread start-up calls, which are few)
	[ $((got + lost)) -ge $((16 * N)) ] && [ "$got" -le $((16 * N)) ] ||
		echo "readers_bench: --readers=$r: $got delivered + $lost lost, $((16 * N)) calls" >&2
	wall=$(echo "$t1 - $t0" | bc -l)
	printf '%s %s %.3f %.0f\n' "$lost" "$got" "$wall" "$(echo "$(wc -l <"$TMP/out.json") / $wall" | bc -l)" \
		>>"$TMP/r.$1"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "renacer readers bench: 16 threads x $N getppid = $((16 * N)) calls, per-call JSON to a file,"
echo "default buffer size; $ROUNDS rounds, $(nproc) CPUs; $(date -u +%Y-%m-%dT%H:%MZ) $(uname -r)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
set -- $READERS
for i in $(seq "$ROUNDS"); do
	# alternate which variant goes first
	if [ $((i % 2)) = 1 ]; then order="$*"; else order=$(echo "$*" | tr ' ' '\n' | tac | tr '\n' ' '); fi
	for r in $order; do
		run_one "$r"
	done
done
printf '%-22s %-36s %-10s %-10s %s\n' readers "lost per run" "median" "lost %" "records/s (median)"
for r in $READERS; do
	case $r in
	*n0) name="--readers=${r%n0} (nice 0)" ;;
	*) name="--readers=$r" ;;
	esac
	lost=$(cut -d' ' -f1 "$TMP/r.$r" | tr '\n' ' ')
	ml=$(cut -d' ' -f1 "$TMP/r.$r" | median)
	rate=$(cut -d' ' -f4 "$TMP/r.$r" | median)
	printf '%-22s %-36s %-10s %-10s %s\n' "$name" "$lost" "$ml" \
		"$(echo "scale=2; 100 * $ml / (16 * $N)" | bc -l)" "$rate"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
