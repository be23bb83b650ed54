#!/usr/bin/env bash
# Signals reach the tracee unchanged and each one is reported.
. "$(dirname "$0")/lib.sh"

# Sent by the tracee to itself.
out=$("$RENACER" --backend=ptrace -o "$WORK/trace" -- "$TRACEES/sigrecv" 7) || fail "sigrecv 7 failed"
[ "$out" = "sigrecv: usr1=7" ] || fail "tracee counted: $out"
n=$(grep -c -- '^--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER' "$WORK/trace")
[ "$n" -eq 7 ] || fail "reported $n SIGUSR1, want 7"

# Sent from outside while it waits in pause().
with_int "$RENACER" --backend=ptrace -o "$WORK/trace2" -- "$TRACEES/sigrecv" >"$WORK/out" &
rpid=$!
for _ in $(seq 50); do [ -s "$WORK/out" ] && break; sleep 0.05; done
tpid=$(head -1 "$WORK/out")
[ -n "$tpid" ] || fail "sigrecv did not start"
for _ in 1 2 3 4 5; do kill -USR1 "$tpid"; sleep 0.05; done
kill -TERM "$tpid"
wait "$rpid" || fail "renacer exited $?"
[ "$(tail -1 "$WORK/out")" = "sigrecv: usr1=5" ] || fail "tracee counted: $(tail -1 "$WORK/out")"
[ "$(grep -c -- '^--- SIGUSR1 ' "$WORK/trace2")" -eq 5 ] || fail "SIGUSR1 lines: $(grep -c -- '--- SIGUSR1' "$WORK/trace2")"
grep -q -- '^--- SIGTERM ' "$WORK/trace2" || fail "no SIGTERM line"
grep -q '^+++ exited with 0 +++$' "$WORK/trace2" || fail "no exit line"

# SIGINT to renacer tracing a spawned command: as strace, the command gets
# the signal renacer received (here fatal: sigrecv handles only USR1 and TERM)
# and is let go; nothing is left stopped or traced.
with_int "$RENACER" --backend=ptrace -o "$WORK/trace3" -- "$TRACEES/sigrecv" >"$WORK/out3" &
rpid=$!
for _ in $(seq 50); do [ -s "$WORK/out3" ] && break; sleep 0.05; done
tpid=$(head -1 "$WORK/out3")
kill -INT "$rpid"
wait "$rpid"
for _ in $(seq 50); do kill -0 "$tpid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$tpid" 2>/dev/null && { not_stopped "$tpid"; kill -KILL "$tpid"; fail "command still running"; }
[ "$(wc -l <"$WORK/out3")" -eq 1 ] || fail "the command did not die of SIGINT: $(cat "$WORK/out3")"
echo ok
