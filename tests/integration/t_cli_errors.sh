#!/usr/bin/env bash
# Bad input: one clear line on stderr, a non-zero exit, nothing left stopped.
. "$(dirname "$0")/lib.sh"

expect() {	# expect CODE PATTERN -- ARGS...
	local code=$1 pat=$2 rc
	shift 3
	"$RENACER" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ "$rc" -eq "$code" ] || fail "renacer $*: exit $rc, want $code ($(cat "$WORK/err"))"
	grep -q -- "$pat" "$WORK/err" || fail "renacer $*: stderr '$(cat "$WORK/err")' lacks '$pat'"
	[ "$(wc -l <"$WORK/err")" -le 2 ] || fail "renacer $*: more than one error line"
}

expect 1 "^renacer: unrecognized option '--bogus'" -- --bogus true
expect 1 "^renacer: must have PROG \[ARGS\] or -p PID" -- -f
expect 127 "^renacer: cannot execute '/nonexistent': No such file or directory" -- \
	--backend=ptrace -- /nonexistent
expect 126 "^renacer: cannot execute '/etc/passwd': Permission denied" -- \
	--backend=ptrace -- /etc/passwd
# A pid that does not exist (pid_max is far below this).
expect 1 "^renacer: cannot attach to pid 2147483646: No such process" -- \
	--backend=ptrace -p 2147483646
expect 1 "^renacer: invalid --format 'xml'" -- --format=xml true
expect 1 "^renacer: --all needs the eBPF backend" -- --backend=ptrace --all
echo ok
