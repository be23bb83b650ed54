#!/usr/bin/env bash
# -p attach and detach: the process is traced while attached, and after
# renacer gets SIGINT (or SIGTERM) it keeps running, neither stopped nor traced.
. "$(dirname "$0")/lib.sh"
need_root "ptrace attach to a non-child"

ticks() { awk '{print $1}' "$WORK/ticks" 2>/dev/null; }

for sig in INT TERM; do
	"$TRACEES/ticker" "$WORK/ticks" 60 2 &	# two more threads
	tpid=$!
	sleep 0.2
	with_int "$RENACER" --backend=ptrace -p "$tpid" -o "$WORK/trace" 2>"$WORK/err" &
	rpid=$!
	sleep 0.4
	kill -$sig "$rpid"
	wait "$rpid"
	rc=$?
	[ "$rc" -eq 0 ] || fail "renacer -p exited $rc after SIG$sig ($(cat "$WORK/err"))"
	[ "$(grep -c 'Process [0-9]* attached' "$WORK/err")" -eq 3 ] ||
		fail "want 3 attach notices (3 threads): $(cat "$WORK/err")"
	grep -qE '^([0-9]+ +)?pwrite64\(' "$WORK/trace" || fail "no pwrite64 traced: $(head -5 "$WORK/trace")"
	grep -q 'nanosleep(' "$WORK/trace" || fail "no nanosleep traced"
	t1=$(ticks)
	sleep 0.2
	for task in /proc/"$tpid"/task/*; do
		not_stopped "$tpid/task/${task##*/}"
		grep -q '^TracerPid:[[:space:]]*0$' "$task/status" || fail "${task##*/} still traced"
	done
	t2=$(ticks)
	[ "$t2" -gt "$t1" ] || fail "ticker stopped ticking after detach ($t1 -> $t2)"
	kill "$tpid"
	wait "$tpid" 2>/dev/null
done

# A process stopped before the attach stays stopped after the detach, and
# runs again on SIGCONT.
"$TRACEES/ticker" "$WORK/ticks" 60 1 &
tpid=$!
sleep 0.2
kill -STOP "$tpid"
sleep 0.1
with_int "$RENACER" --backend=ptrace -p "$tpid" -o "$WORK/trace" 2>"$WORK/err" &
rpid=$!
sleep 0.3
kill -INT "$rpid"
wait "$rpid" || fail "renacer -p of a stopped process exited $?"
[ "$(awk '{print $3}' "/proc/$tpid/stat")" = T ] || fail "no longer stopped after detach"
kill -CONT "$tpid"
sleep 0.1
not_stopped "$tpid"
kill "$tpid"
wait "$tpid" 2>/dev/null
echo ok
