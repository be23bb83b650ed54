# Helpers for the --source / -k tests (sourced after lib.sh).
SRC="$(dirname "$0")/../tracees/src_call.c"
SRCDIR="$TRACEES/src"

# Skip when renacer was built without the unwinder, naming why.
need_unwinder() {
	local err
	err=$("$RENACER" --backend=ptrace --source -o /dev/null -- true 2>&1) ||
		skip "renacer --source does not run here: $err"
	[ -x "$SRCDIR/src_call-pie-O0-dw5-fp" ] || skip "src_call tracees not built ($SRCDIR)"
}

# Line of the marker "$1" (e.g. "SYSCALL-SITE: getpid") in src_call.c.
site() {
	local n
	n=$(grep -n "$1 \*/" "$SRC" | cut -d: -f1)
	[ -n "$n" ] || fail "no marker '$1' in $SRC"
	echo "$n"
}
