#!/usr/bin/env bash
# No debug info: a stripped program shows "??" (its frames have no name and no
# line), nothing breaks, the exit code is the program's; a command in /usr/bin
# without debug info also runs to the end under -k.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/source_lib.sh"
need_unwinder

t="$SRCDIR/src_call-stripped"
"$RENACER" --backend=ptrace -e trace=getppid,getpid --source -o "$WORK/trace" -- "$t" 3 ||
	fail "stripped: exit $?"
[ "$(grep -c '^get.*pid() .* \[??\]$' "$WORK/trace")" -eq 6 ] || { cat "$WORK/trace"; fail "stripped: ??"; }
"$RENACER" --backend=ptrace -e trace=getpid -k -o "$WORK/trace" -- "$t" || fail "stripped -k"
grep -q '^ > .*/src_call-stripped(+0x[0-9a-f]*) \[0x' "$WORK/trace" || { cat "$WORK/trace"; fail "stripped -k frames"; }
no_control_bytes "$WORK/trace" || fail "control bytes"

"$RENACER" --backend=ptrace -k --source -o "$WORK/trace" -- sh -c 'exit 3'
rc=$?
[ "$rc" -eq 3 ] || fail "sh: exit $rc"
grep -q '^ > ' "$WORK/trace" || fail "sh: no frames"
echo ok
