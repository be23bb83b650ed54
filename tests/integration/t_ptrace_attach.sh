#!/usr/bin/env bash
# -p attach and detach: the process is traced while attached, and after
# renacer gets SIGINT (or SIGTERM) it keeps running, neither stopped nor traced.
. "$(dirname "$0")/lib.sh"
need_root "ptrace attach to a non-child"

ticks() { awk '{print $1}' "$WORK/ticks" 2>/dev/null; }

for sig in INT TERM; do
	"$TRACEES/ticker" "$WORK/ticks" 60 &
	tpid=$!
	sleep 0.2
	"$RENACER" --backend=ptrace -p "$tpid" -o "$WORK/trace" 2>"$WORK/err" &
	rpid=$!
	sleep 0.4
	kill -$sig "$rpid"
	wait "$rpid"
	rc=$?
	[ "$rc" -eq 0 ] || fail "renacer -p exited $rc after SIG$sig ($(cat "$WORK/err"))"
	grep -q 'Process [0-9]* attached' "$WORK/err" || fail "no attach notice: $(cat "$WORK/err")"
	grep -q '^pwrite64(' "$WORK/trace" || fail "no pwrite64 traced: $(head -5 "$WORK/trace")"
	grep -q 'nanosleep(' "$WORK/trace" || fail "no nanosleep traced"
	t1=$(ticks)
	sleep 0.2
	not_stopped "$tpid"
	t2=$(ticks)
	[ "$t2" -gt "$t1" ] || fail "ticker stopped ticking after detach ($t1 -> $t2)"
	grep -q '^TracerPid:[[:space:]]*0$' "/proc/$tpid/status" || fail "still traced after detach"
	kill "$tpid"
	wait "$tpid" 2>/dev/null
done

echo ok
