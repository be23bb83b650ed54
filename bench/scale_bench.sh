#!/usr/bin/env bash
# What eBPF tracing adds to each call as the threads grow (issue #17, "flat
# in-kernel costs"): bench/scale_storm.c with 1, 2, 4, 8 and 16 threads, each
# making N getppid calls, untraced, under `renacer --backend=ebpf -f -c`
# (in-kernel aggregation) and under per-call recording (`-f --format=json`,
# every record decoded and formatted), plus `--sample=100` for scale. Runs
# interleaved (untraced, -c, per-call, sampled, then again); each figure
# added is the median over REPS rounds of (mode - untraced) within a round.
#
#   bench/scale_bench.sh [THREADS...]     env: RENACER N REPS STORM MODES
#
# Printed per thread count: the tracee's own CPU time per call (user +
# system: the BPF programs run in the calling thread, so this is what the
# kernel side costs, whatever the cores) and its wall time per call, and
# what each mode adds to the untraced figures. CPU ns added per call must not
# grow with the threads; wall time is bounded by the cores (on 2 cores, more
# than 2 threads queue for them, and the per-call reader thread competes too).
set -u
cd "$(dirname "$0")/.."
RENACER=${RENACER:-build/renacer}
N=${N:-100000}
REPS=${REPS:-5}
MODES=${MODES:-"c json sample"}
THREADS=${*:-1 2 4 8 16}
STORM=${STORM:-}
if [ -z "$STORM" ]; then
	STORM=build/bench/scale_storm
	mkdir -p build/bench
	[ "$STORM" -nt bench/scale_storm.c ] ||
		cc -O2 -Wall -Wextra -pthread -o "$STORM" bench/scale_storm.c || exit 1
fi
[ -x "$RENACER" ] || { echo "scale_bench: $RENACER is not built" >&2; exit 1; }
TMP=$(mktemp -d /tmp/scale_bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

mode_cmd() {	# the tracer's words for mode $1 (none for untraced)
	case $1 in
	base) ;;
	c) echo "$RENACER --backend=ebpf -f -c -e trace=getppid -o /dev/null --" ;;
	json) echo "$RENACER --backend=ebpf -f --format=json -e trace=getppid -o /dev/null --" ;;
	sample) echo "$RENACER --backend=ebpf -f --format=json --sample=100 -e trace=getppid" \
		"-o /dev/null --" ;;
	esac
}

one() {	# mode threads -> appends "cpu_ns wall_ns lost" to $TMP/mode.threads
	local out err lost
	# shellcheck disable=SC2046
	out=$($(mode_cmd "$1") "$STORM" "$2" "$N" 2>"$TMP/err") ||
		{ echo "scale_bench: $1 with $2 threads failed: $(tail -2 "$TMP/err")" >&2; exit 1; }
	lost=$(sed -n 's/^renacer: \([0-9]*\) events lost$/\1/p' "$TMP/err")
	echo "$out" | sed -n "s/.*cpu_ns=\([0-9]*\).*/\1/p" | tr '\n' ' ' >>"$TMP/$1.$2"
	echo "$out" | sed -n "s/.*wall_ns=\([0-9]*\).*/\1/p" | tr '\n' ' ' >>"$TMP/$1.$2"
	echo "${lost:-0}" >>"$TMP/$1.$2"
}

median_in() {	# the median of the numbers on stdin
	sort -g | awk '{ v[NR] = $1 }
		END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
median() {	# column $1 of file $2
	awk -v c="$1" '{ print $c }' "$2" | median_in
}
paired() {	# median over rounds of mode $2 minus untraced, column $1, threads $3
	paste -d' ' "$TMP/base.$3" "$TMP/$2.$3" | awk -v c="$1" '{ print $(c + 3) - $c }' |
		median_in
}

echo "# eBPF cost per call against threads: $(nproc) CPUs online, $(uname -r)"
echo "# $N getppid calls per thread, $REPS interleaved rounds (added: median of the"
echo "# per-round differences); load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "# command: N=$N REPS=$REPS bench/scale_bench.sh $THREADS"
for r in $(seq "$REPS"); do
	for t in $THREADS; do
		for m in base $MODES; do
			one "$m" "$t"
		done
	done
done
printf "\n%-8s %9s %9s" threads "base-cpu" "base-wall"
for m in $MODES; do printf " %10s %11s" "$m+cpu" "$m+wall"; done
printf " %10s\n" "json-lost"
printf "%-8s %9s %9s" "" "ns/call" "ns/call"
for m in $MODES; do printf " %10s %11s" "ns/call" "ns/call"; done
printf " %10s\n" "(median)"
div() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { printf "%.1f", (a - b) / c }'; }
for t in $THREADS; do
	calls=$((t * N))
	bc=$(median 1 "$TMP/base.$t"); bw=$(median 2 "$TMP/base.$t")
	printf "%-8s %9s %9s" "$t" "$(div "$bc" 0 $calls)" "$(div "$bw" 0 $calls)"
	for m in $MODES; do
		mc=$(paired 1 "$m" "$t"); mw=$(paired 2 "$m" "$t")
		printf " %10s %11s" "$(div "$mc" 0 $calls)" "$(div "$mw" 0 $calls)"
		echo "$t $(div "$mc" 0 $calls)" >>"$TMP/added.$m"
	done
	lost=0; [ -f "$TMP/json.$t" ] && lost=$(median 3 "$TMP/json.$t")
	printf " %10s\n" "$lost"
done
echo
for m in $MODES; do
	awk -v m="$m" 'NR == 1 { first = $2; lo = hi = $2 }
		{ if ($2 < lo) lo = $2; if ($2 > hi) hi = $2; last = $2 }
		END { r1 = first > 0 ? last / first : 0; r2 = lo > 0 ? hi / lo : 0
		      printf "%s: CPU ns added per call %.1f at the first thread count, %.1f at the last (last/first %.2f, max/min %.2f)\n", m, first, last, r1, r2 }' \
		"$TMP/added.$m"
done
echo "+cpu: the tracee's user+system time added per call (the BPF programs run in it);"
echo "+wall: its wall time added per call; with more threads than CPUs the threads queue"
echo "for the cores (and per-call modes share them with renacer's reader), so wall figures"
echo "past $(nproc) threads measure the cores, not the tracer."
