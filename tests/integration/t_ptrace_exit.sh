#!/usr/bin/env bash
# Exit status propagation, as strace does it: renacer exits with the command's
# code, and dies of the command's signal when it was killed.
. "$(dirname "$0")/lib.sh"

for code in 0 3 42; do
	"$RENACER" --backend=ptrace -o "$WORK/trace" -- "$TRACEES/exitcode" "$code"
	rc=$?
	[ "$rc" -eq "$code" ] || fail "exit $code: renacer exited $rc"
	grep -q "^+++ exited with $code +++\$" "$WORK/trace" || fail "exit $code: $(tail -1 "$WORK/trace")"
done

# Killed by SIGTERM: renacer kills itself the same way (the shell sees 143).
"$RENACER" --backend=ptrace -o "$WORK/trace" -- "$TRACEES/exitcode" sig:15
rc=$?
[ "$rc" -eq 143 ] || fail "sig:15: renacer exited $rc, want 143"
grep -q '^+++ killed by SIGTERM +++$' "$WORK/trace" || fail "sig:15: $(tail -1 "$WORK/trace")"
if command -v strace >/dev/null; then
	strace -o /dev/null "$TRACEES/exitcode" sig:15
	[ $? -eq "$rc" ] || fail "strace exits differently"
fi

# exit_group from a second thread while the main thread sleeps in read: the
# read is shown unfinished, and the code still propagates.
"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/exitcode" thread:5
rc=$?
[ "$rc" -eq 5 ] || fail "thread:5: renacer exited $rc"
grep -q '^[0-9]* *read(.*= ?' "$WORK/trace" ||
	grep -q 'read(.*<unfinished' "$WORK/trace" || fail "no unfinished read: $(grep read "$WORK/trace" | tail -2)"

# A command that cannot run: one line, shell-like code.
"$RENACER" --backend=ptrace -- /nonexistent 2>"$WORK/err"
rc=$?
[ "$rc" -eq 127 ] || fail "/nonexistent: exit $rc"
[ "$(cat "$WORK/err")" = "renacer: cannot execute '/nonexistent': No such file or directory" ] ||
	fail "/nonexistent: $(cat "$WORK/err")"
echo ok
