#!/usr/bin/env bash
# renacer record against per-call JSON on the same syscall storm, side by
# side in one run (issue #17): 16 threads making CALLS getppid() calls in
# all, traced with the eBPF backend and -f. For each of RUNS rounds, in
# turn: `record -o FILE.rnb` (its default 64 MiB ring), `record` with the
# live trace's default ring (--buffer-size=8M), and `--format=json -o FILE`.
# Prints, per way, the records delivered, the records the backend said it
# lost, the share of calls recorded, records per second of the traced run,
# renacer's own CPU time per record (reader and writer, or reader and
# formatter), and the time `renacer report` then takes to turn the recording
# into JSON. On a loaded machine the storm itself sets the records per second
# of the run; the CPU per record is what the reader costs.
#
#   bench/record_bench.sh [CALLS [RUNS]]     (default 3200000 calls, 3 runs)
#
# Needs root and BTF. Writes the table to bench/results/record-DATE.md too.
set -u
cd "$(dirname "$0")/.." || exit 1
R=${RENACER:-$PWD/build/renacer}
T=${TRACEES:-$PWD/build/tracees}
CALLS=${1:-3200000}
RUNS=${2:-3}
THREADS=16
PER=$((CALLS / THREADS))
TMP=$(mktemp -d /tmp/record-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
[ -x "$R" ] && [ -x "$T/storm" ] || { echo "build first: make all build/tracees/storm" >&2; exit 1; }

# one WAY: prints "delivered lost wall_s"
one() {
	local way=$1 s e n lost
	s=$(date +%s.%N)
	case $way in
	record) TIME "$R" record --backend=ebpf -f -d -o "$TMP/s.rnb" -- "$T/storm" -t $((THREADS - 1)) $PER \
			>/dev/null 2>"$TMP/err" ;;
	record8) TIME "$R" record --backend=ebpf -f -d --buffer-size=8388608 -o "$TMP/s.rnb" -- \
			"$T/storm" -t $((THREADS - 1)) $PER >/dev/null 2>"$TMP/err" ;;
	json) TIME "$R" --backend=ebpf -f -d --format=json -o "$TMP/s.json" -- "$T/storm" \
			-t $((THREADS - 1)) $PER >/dev/null 2>"$TMP/err" ;;
	esac
	e=$(date +%s.%N)
	lost=$(sed -n 's/^renacer: \([0-9]*\) events\{0,1\} lost$/\1/p' "$TMP/err")
	if [ "$way" = json ]; then
		n=$(grep -c '"syscall":"getppid"' "$TMP/s.json")
	else
		n=$("$R" report "$TMP/s.rnb" -c -e trace=getppid -o "$TMP/c.txt" 2>/dev/null &&
			awk '$NF == "getppid" { print $4 }' "$TMP/c.txt")
	fi
	cpu=$(sed -n 's/^renacer: own CPU time: user \([0-9.]*\) s, system \([0-9.]*\) s$/\1 \2/p' "$TMP/err")
	echo "${n:-0} ${lost:-0} $(echo "$s $e" | awk '{ printf "%.2f", $2 - $1 }') ${cpu:-0 0}"
}

# renacer's own CPU seconds, said by --debug (user + system, its threads:
# the reader, the writer or the formatter; not the command, whose calls run
# the BPF programs)
TIME() { "$@"; }

for i in $(seq "$RUNS"); do
	for way in record record8 json; do
		one $way >>"$TMP/$way"
	done
	# decoding the last recording later, as JSON
	s=$(date +%s.%N)
	"$R" report "$TMP/s.rnb" --format=json -o "$TMP/r.json" 2>/dev/null
	e=$(date +%s.%N)
	echo "$(wc -l <"$TMP/r.json") $(echo "$s $e" | awk '{ printf "%.2f", $2 - $1 }')" >>"$TMP/report"
done

{
	echo "# renacer record vs per-call JSON: $THREADS-thread storm, $CALLS getppid calls"
	echo
	echo "$(date -u +%F) on $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each, interleaved."
	echo "Command: \`bench/record_bench.sh $CALLS $RUNS\`"
	echo
	echo "| way | getppid delivered (median) | lost (max) | recorded (worst run) | records/s of the run (median) | renacer CPU per record (median) |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: |"
	for way in record record8 json; do
		case $way in
		record) name="record (64 MiB ring, its default)" ;;
		record8) name="record --buffer-size=8M" ;;
		json) name="--format=json -o FILE (8 MiB ring)" ;;
		esac
		# per run: delivered lost wall; medians through sort (any awk)
		med_d=$(cut -d' ' -f1 "$TMP/$way" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
		min_d=$(cut -d' ' -f1 "$TMP/$way" | sort -n | head -1)
		max_l=$(cut -d' ' -f2 "$TMP/$way" | sort -n | tail -1)
		med_r=$(awk '{ print $1 / ($3 > 0 ? $3 : 1) }' "$TMP/$way" | sort -g |
			awk '{ v[NR] = $1 } END { printf "%.0f", v[int((NR + 1) / 2)] }')
		med_c=$(awk '{ print ($4 + $5) * 1e9 / ($1 > 0 ? $1 : 1) }' "$TMP/$way" | sort -g |
			awk '{ v[NR] = $1 } END { printf "%.0f ns", v[int((NR + 1) / 2)] }')
		echo "| $name | $med_d | $max_l | $(awk -v d="$min_d" -v c="$CALLS" 'BEGIN { printf "%.2f%%", 100 * d / c }') | $med_r | $med_c |"
	done
	echo
	awk '{ printf "renacer report of the last recording to JSON: %d lines in %.2f s (%.0f records/s)\n", $1, $2, $1 / ($2 > 0 ? $2 : 1) }' \
		"$TMP/report" | tail -1
	echo
	echo "Runs (getppid delivered, lost, wall s, renacer user s, system s):"
	for way in record record8 json; do echo "- $way: $(paste -sd';' "$TMP/$way")"; done
} | tee "$TMP/table.md"
mkdir -p bench/results
cp "$TMP/table.md" "bench/results/record-$(date -u +%Y%m%d-%H%M).md"
