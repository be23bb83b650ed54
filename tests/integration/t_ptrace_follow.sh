#!/usr/bin/env bash
# -f follows forks, vforks and threads; without -f only the command is traced.
. "$(dirname "$0")/lib.sh"

count() { grep -c "$1" "$WORK/trace"; }
pids() { awk '{print $1}' "$WORK/trace" | sort -u | wc -l; }

"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/forker" fork 3 >/dev/null || fail "forker"
[ "$(count ' getppid()')" -eq 3 ] || fail "fork: $(count ' getppid()') getppid"
[ "$(pids)" -eq 4 ] || fail "fork: $(pids) pids"
[ "$(count '+++ exited with 7 +++')" -eq 3 ] || fail "fork: child exits"

"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/forker" vfork 2 >/dev/null || fail "vforker"
[ "$(count ' getppid()')" -eq 2 ] || fail "vfork: $(count ' getppid()') getppid"
[ "$(count ' vfork()')" -eq 2 ] || fail "vfork: $(count ' vfork()') vfork"

"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/threads" 4 5 || fail "threads"
[ "$(count ' getppid()')" -eq 20 ] || fail "threads: $(count ' getppid()') getppid"
[ "$(pids)" -eq 5 ] || fail "threads: $(pids) tids"

"$RENACER" --backend=ptrace -o "$WORK/trace" -- "$TRACEES/forker" fork 3 >/dev/null || fail "no -f"
[ "$(count 'getppid()')" -eq 0 ] || fail "no -f: children traced"

# execve from a non-leader thread: the new program runs under the leader's pid.
"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/execthread" "$TRACEES/exitcode" 4
rc=$?
[ "$rc" -eq 4 ] || fail "execthread: exit $rc"
leader=$(head -1 "$WORK/trace" | awk '{print $1}')
[ "$(grep -c "^$leader  *execve(.*= 0" "$WORK/trace")" -eq 2 ] || fail "execthread: execve lines"
echo ok
