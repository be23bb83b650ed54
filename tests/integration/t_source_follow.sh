#!/usr/bin/env bash
# --source under -f (parent and child) and across execve into a different
# build (PIE to non-PIE: the maps must be re-read, not reused).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/source_lib.sh"
need_unwinder

pid=$(site "SYSCALL-SITE: getpid")
ppid=$(site "SYSCALL-SITE: getppid")
"$RENACER" --backend=ptrace -f -e trace=getpid,getppid --source -o "$WORK/trace" -- \
	"$SRCDIR/src_call-pie-O2-dw5-nofp" fork || fail "fork: exit $?"
[ "$(grep -c "getpid() .*\[src_call.c:$pid f3\]$" "$WORK/trace")" -eq 2 ] ||
	{ cat "$WORK/trace"; fail "fork: getpid lines"; }
[ "$(awk '/getpid\(\)/ {print $1}' "$WORK/trace" | sort -u | wc -l)" -eq 2 ] ||
	fail "fork: not two processes"

for pair in "pie-O0-dw5-fp nopie-O2-dw4-nofp" "nopie-O0-dw4-fp pie-O2-dw5-nofp"; do
	set -- $pair
	"$RENACER" --backend=ptrace -e trace=getpid,getppid --source -o "$WORK/trace" -- \
		"$SRCDIR/src_call-$1" exec "$SRCDIR/src_call-$2" || fail "exec $pair: exit $?"
	[ "$(grep -c "getpid() .*\[src_call.c:$pid f3\]$" "$WORK/trace")" -eq 2 ] ||
		{ cat "$WORK/trace"; fail "exec $pair: getpid"; }
	[ "$(grep -c "getppid() .*\[src_call.c:$ppid once\]$" "$WORK/trace")" -eq 2 ] ||
		{ cat "$WORK/trace"; fail "exec $pair: getppid"; }
done
echo ok
