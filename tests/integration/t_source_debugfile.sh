#!/usr/bin/env bash
# Separate debug files: the DWARF of src_call-buildid lives only in
# debug/.build-id/xx/yyyy.debug (found through RENACER_DEBUG_DIR, which stands
# in for /usr/lib/debug); src_call-debuglink's only through .gnu_debuglink.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/source_lib.sh"
need_unwinder

pid=$(site "SYSCALL-SITE: getpid")
t="$SRCDIR/src_call-buildid"
[ -x "$t" ] && [ -d "$SRCDIR/debug/.build-id" ] || skip "src_call-buildid not built"
readelf -S "$t" | grep -q debug_info && fail "src_call-buildid still has .debug_info"

# Without the debug directory: the symbol table names f3, no line.
RENACER_DEBUG_DIR=$WORK/none "$RENACER" --backend=ptrace -e trace=getpid --source \
	-o "$WORK/trace" -- "$t" || fail "no debug dir: exit $?"
grep -q "^getpid() .* \[?? f3\]$" "$WORK/trace" || { cat "$WORK/trace"; fail "no debug dir"; }

RENACER_DEBUG_DIR=$SRCDIR/debug "$RENACER" --backend=ptrace -e trace=getpid --source \
	-o "$WORK/trace" -- "$t" || fail "build-id: exit $?"
grep -q "^getpid() .* \[src_call.c:$pid f3\]$" "$WORK/trace" || { cat "$WORK/trace"; fail "build-id"; }

t="$SRCDIR/src_call-debuglink"
readelf -S "$t" | grep -q debug_info && fail "src_call-debuglink still has .debug_info"
"$RENACER" --backend=ptrace -e trace=getpid --source -o "$WORK/trace" -- "$t" ||
	fail "debuglink: exit $?"
grep -q "^getpid() .* \[src_call.c:$pid f3\]$" "$WORK/trace" || { cat "$WORK/trace"; fail "debuglink"; }
echo ok
