#!/usr/bin/env bash
# kill -STOP / kill -CONT on a traced process behave as untraced: it stops
# (and stays stopped), then runs again; both signals are reported.
. "$(dirname "$0")/lib.sh"

ticks() { awk '{print $1}' "$WORK/ticks" 2>/dev/null; }
state() { awk '{print $3}' "/proc/$1/stat"; }

"$RENACER" --backend=ptrace -o "$WORK/trace" -- "$TRACEES/ticker" "$WORK/ticks" 30 &
rpid=$!
sleep 0.3
tpid=$(pgrep -P "$rpid" ticker) || fail "no ticker under renacer"
kill -STOP "$tpid"
sleep 0.2
case $(state "$tpid") in T | t) ;; *) fail "not stopped after SIGSTOP: $(state "$tpid")" ;; esac
t1=$(ticks)
sleep 0.3
t2=$(ticks)
[ "$t1" = "$t2" ] || fail "kept ticking while stopped ($t1 -> $t2)"
kill -CONT "$tpid"
sleep 0.3
not_stopped "$tpid"
t3=$(ticks)
[ "$t3" -gt "$t2" ] || fail "did not resume after SIGCONT ($t2 -> $t3)"
# Stop and continue once more: a second group-stop works like the first.
kill -STOP "$tpid"; sleep 0.2; kill -CONT "$tpid"; sleep 0.2
not_stopped "$tpid"
kill -KILL "$tpid"
wait "$rpid"
rc=$?
[ "$rc" -eq 137 ] || fail "renacer exited $rc, want 137 (the command was killed by SIGKILL)"
[ "$(grep -c -- '--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_USER' "$WORK/trace")" -eq 2 ] ||
	fail "want 2 SIGSTOP deliveries: $(grep -- --- "$WORK/trace")"
[ "$(grep -c -- '--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER' "$WORK/trace")" -eq 2 ] ||
	fail "want 2 SIGCONT deliveries: $(grep -- --- "$WORK/trace")"
grep -q -- '--- stopped by SIGSTOP ---' "$WORK/trace" || fail "no group-stop line"
grep -q -- '+++ killed by SIGKILL +++' "$WORK/trace" || fail "no killed line"
echo ok
