#!/usr/bin/env bash
# No silent loss: with a tiny ring buffer and a syscall storm, the records
# delivered plus the lost count renacer reports equal the calls made.
#
# The storm is one thread and deterministic, so a first run with the default
# buffer (which must lose nothing) gives the number of records the second,
# starved run had to produce; the storm itself counts its getppid calls. In
# the starved run renacer is stopped (SIGSTOP) while the storm runs, so the
# 4 KiB ring overflows however fast this machine drains it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
N=200000

run() {	# $1 name, $2 starve (1: stop renacer during the storm), rest: options
	local name=$1 starve=$2 rpid i
	shift 2
	mkfifo "$WORK/$name.fifo"
	"$RENACER" --backend=ebpf --format=json -o "$WORK/$name.json" "$@" \
		-- "$TRACEES/storm" -w $N <"$WORK/$name.fifo" >"$WORK/$name.out" \
		2>"$WORK/$name.err" &
	rpid=$!
	exec {fd}>"$WORK/$name.fifo"
	wait_attached $rpid
	# the storm has exec'd and waits for its line: nothing of it is lost yet
	for i in $(seq 200); do
		grep -q 'storm' "/proc/$(pgrep -P $rpid | head -1)/cmdline" 2>/dev/null && break
		sleep 0.02
	done
	[ "$starve" = 1 ] && kill -STOP $rpid
	echo go >&$fd
	exec {fd}>&-
	if [ "$starve" = 1 ]; then
		for i in $(seq 600); do
			[ "$(cat "$WORK/$name.out" 2>/dev/null)" = $N ] && break
			sleep 0.05
		done
		kill -CONT $rpid
	fi
	wait $rpid || fail "$name: renacer failed: $(tail -3 "$WORK/$name.err")"
	[ "$(cat "$WORK/$name.out")" = $N ] || fail "$name: the storm did not report $N calls"
}
records() { json_count "$1" "rec['type'] in ('syscall', 'exit')"; }
lost() { python3 -c '
import json, sys
recs = map(json.loads, open(sys.argv[1]))
print(sum(r.get("count", 0) for r in recs if r["type"] == "lost"))' "$1"; }

run full 0
full_lost=$(lost "$WORK/full.json")
[ "$full_lost" -eq 0 ] || fail "the default buffer lost $full_lost records of a $N-call storm"
total=$(records "$WORK/full.json")
calls=$(json_count "$WORK/full.json" "rec.get('syscall') == 'getppid'")
[ "$calls" -eq $N ] || fail "default buffer: $calls getppid records, the storm made $N"

run tiny 1 --buffer-size 4096
delivered=$(records "$WORK/tiny.json")
nlost=$(lost "$WORK/tiny.json")
echo "storm: $total records; 4 KiB buffer, reader stopped: $delivered delivered + $nlost lost"
[ "$nlost" -gt 0 ] || fail "a 4 KiB buffer with its reader stopped lost nothing"
[ $((delivered + nlost)) -eq "$total" ] ||
	fail "delivered $delivered + lost $nlost != $total records produced"
grep -q "renacer: $nlost events lost" "$WORK/tiny.err" ||
	fail "no 'renacer: $nlost events lost' line: $(tail -2 "$WORK/tiny.err")"
echo ok
