#!/usr/bin/env bash
# --format=perfetto against --format=json on the 1M-read loop, side by side
# in one run: the same trace written as JSON Lines and as a Chrome trace
# (and the JSON Lines converted by renacer export), on each backend. Runs are
# interleaved (the order rotates each round) and each figure is the median of
# N runs; the ratio is between medians of this invocation. Max RSS is the
# largest of the runs (GNU time's %M: renacer with the tracee, whichever is
# larger). Every run's trace is checked: one "X" event per syscall line, and
# the events renacer said it lost.
#
#   bench/perfetto_bench.sh [-n RUNS] [-c CALLS] [-b "ebpf ptrace"] [-q]
#
# Goal (issue #16): perfetto < 2x the JSON Lines time, memory bounded.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${B:=build}" "${RENACER:=$ROOT/$B/renacer}"
RL="$ROOT/$B/tracees/readloop"
RUNS=3 CALLS=1000000 BACKENDS="ebpf ptrace"
while getopts "n:c:b:q" o; do
	case $o in
	n) RUNS=$OPTARG ;;
	c) CALLS=$OPTARG ;;
	b) BACKENDS=$OPTARG ;;
	q) RUNS=1 CALLS=20000 ;;
	*) exit 2 ;;
	esac
done
[ -x "$RENACER" ] && [ -x "$RL" ] || { echo "no $RENACER or $RL (make first)"; exit 1; }
[ -x /usr/bin/time ] || { echo "SKIP: needs GNU time (/usr/bin/time)"; exit 77; }
TMP=$(mktemp -d /tmp/renacer-pfbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

avail=""
for b in $BACKENDS; do
	if "$RENACER" --backend="$b" -o /dev/null -- true 2>/dev/null; then
		avail="$avail $b"
	else
		echo "perfetto_bench: $b backend unavailable here, skipped" >&2
	fi
done

run_one() {	# backend tool -> appends "wall rss lost" to $TMP/times.BACKEND.TOOL
	local b=$1 t=$2 out lost
	case $t in
	json) out=$TMP/$b.jsonl
	      /usr/bin/time -f "%e %M" -o "$TMP/time" "$RENACER" --backend="$b" --format=json \
		-o "$out" -- "$RL" "$CALLS" 2>"$TMP/err" ;;
	perfetto) out=$TMP/$b.json
	      /usr/bin/time -f "%e %M" -o "$TMP/time" "$RENACER" --backend="$b" \
		--format=perfetto -o "$out" -- "$RL" "$CALLS" 2>"$TMP/err" ;;
	export) [ -s "$TMP/$b.jsonl" ] || return 0
	      out=$TMP/$b.x.json
	      /usr/bin/time -f "%e %M" -o "$TMP/time" "$RENACER" export "$TMP/$b.jsonl" \
		-o "$out" 2>"$TMP/err" ;;
	esac
	lost=$(sed -n 's/^renacer: \([0-9]*\) events\{0,1\} lost$/\1/p' "$TMP/err")
	echo "$(tail -1 "$TMP/time") ${lost:-0}" >>"$TMP/times.$b.$t"
	check "$b" "$t" "$out"
}

# One complete event per syscall line of the JSON Lines trace (the one of the
# same round for the direct perfetto run: reads are exact, the loader's calls
# too; lost events aside).
check() {
	local n
	case $2 in
	json) grep -c '"type":"syscall"' "$3" >"$TMP/$1.nlines" ;;
	*) n=$(grep -c '"ph":"X"' "$3")
	   [ "$n" = "$(cat "$TMP/$1.nlines")" ] ||
		echo "perfetto_bench: $1 $2: $n X events, $(cat "$TMP/$1.nlines") syscall lines" >&2 ;;
	esac
	python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$3" 2>/dev/null ||
		[ "$2" = json ] || echo "perfetto_bench: $1 $2: not valid JSON" >&2
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "renacer perfetto bench: $CALLS one-byte reads (readloop), $RUNS runs each, $(nproc) CPUs"
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(uname -r)"
for b in $avail; do
	for ((i = 0; i < RUNS; i++)); do
		# json first each round: perfetto's check compares with its count
		if ((i % 2)); then order="json export perfetto"; else order="json perfetto export"; fi
		for t in $order; do run_one "$b" "$t"; done
	done
done
printf '\n%-8s %-9s %10s %10s %12s %8s\n' backend output "median s" "vs json" "max RSS KB" lost
for b in $avail; do
	jm=$(cut -d' ' -f1 "$TMP/times.$b.json" | median)
	for t in json perfetto export; do
		[ -s "$TMP/times.$b.$t" ] || continue
		m=$(cut -d' ' -f1 "$TMP/times.$b.$t" | median)
		rss=$(cut -d' ' -f2 "$TMP/times.$b.$t" | sort -n | tail -1)
		lost=$(cut -d' ' -f3 "$TMP/times.$b.$t" | sort -n | tail -1)
		printf '%-8s %-9s %10s %9.2fx %12s %8s\n' "$b" "$t" "$m" \
			"$(echo "$m $jm" | awk '{print ($2 > 0 ? $1 / $2 : 0)}')" "$rss" "$lost"
	done
done
echo
echo "perfetto: the trace written directly as a Chrome trace; export: renacer export of"
echo "the JSON Lines trace (reading the file, no tracing). Goal: perfetto < 2x json."
