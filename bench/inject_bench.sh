#!/bin/bash
# SPDX-License-Identifier: MIT
# -e inject= by the seccomp filter against untraced and against strace's
# ptrace injection: a loop of N failing openat calls (bench/inject_loop.c),
# run untraced, under renacer with the injected call not traced (the filter
# fails it with SECCOMP_RET_ERRNO: no stop), under renacer injecting by
# ptrace stops (the call traced, output to /dev/null) and under strace
# (which injects only into traced calls), interleaved, RUNS times each;
# prints the median wall time of each, its time per call and the ratio of
# that to untraced. The two stopping runs make N/10 calls (PN): at two
# stops per call 1M calls would take minutes each on a loaded machine.
#
#   bench/inject_bench.sh [N] [RUNS] [PN]   (defaults 1000000, 5, N/10)
#   B=build RENACER=build/renacer bench/inject_bench.sh
set -eu
N=${1:-1000000}
RUNS=${2:-5}
PN=${3:-$((N / 10))}
B=${B:-build}
RENACER=${RENACER:-$B/renacer}
LOOP=$B/bench/inject_loop
[ -x "$LOOP" ] || make -s "$LOOP" >/dev/null
[ -x "$RENACER" ] || { echo "inject_bench: build $RENACER first" >&2; exit 1; }
have_strace=$(command -v strace || true)

declare -A CMD CALLS
CMD[untraced]="$LOOP $N"; CALLS[untraced]=$N
CMD[renacer_seccomp]="$RENACER -f -e trace=none -e inject=openat:error=ENOENT -o /dev/null $LOOP $N"
CALLS[renacer_seccomp]=$N
CMD[renacer_ptrace]="$RENACER -f -e trace=openat -e inject=openat:error=ENOENT -o /dev/null $LOOP $PN"
CALLS[renacer_ptrace]=$PN
ORDER="untraced renacer_seccomp renacer_ptrace"
if [ -n "$have_strace" ]; then
	CMD[strace]="strace -f -e trace=openat -e inject=openat:error=ENOENT -o /dev/null $LOOP $PN"
	CALLS[strace]=$PN
	ORDER="$ORDER strace"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((r = 0; r < RUNS; r++)); do
	for k in $ORDER; do
		s=$(date +%s.%N)
		out=$(${CMD[$k]})
		e=$(date +%s.%N)
		[ "$out" = "${CALLS[$k]}" ] || {
			echo "inject_bench: $k: $out of ${CALLS[$k]} calls failed with ENOENT" >&2
			exit 1
		}
		echo "$e - $s" | bc -l >>"$tmp/$k"
	done
done
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
base=$(echo "$(median "$tmp/untraced") / $N" | bc -l)
echo "inject bench: failing openat calls, median of $RUNS interleaved runs ($(nproc) cpus, $(uname -r))"
printf '%-16s %8s %9s %9s %9s  %s\n' run calls seconds ns/call ratio command
for k in $ORDER; do
	m=$(median "$tmp/$k")
	per=$(echo "$m / ${CALLS[$k]}" | bc -l)
	printf '%-16s %8d %9.3f %9.0f %8.2fx  %s\n' "$k" "${CALLS[$k]}" "$m" \
		"$(echo "$per * 1000000000" | bc -l)" "$(echo "$per / $base" | bc -l)" "${CMD[$k]}"
done
