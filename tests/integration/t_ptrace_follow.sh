#!/usr/bin/env bash
# -f follows forks, vforks and threads; without -f only the command is traced.
. "$(dirname "$0")/lib.sh"

count() { grep -c "$1" "$WORK/trace"; }
pids() { awk '{print $1}' "$WORK/trace" | sort -u | wc -l; }

"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/forker" fork 3 >/dev/null || fail "forker"
[ "$(count ' getppid(')" -eq 3 ] || fail "fork: $(count ' getppid(') getppid"
[ "$(pids)" -eq 4 ] || fail "fork: $(pids) pids"
[ "$(count '+++ exited with 7 +++')" -eq 3 ] || fail "fork: child exits"

"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/forker" vfork 2 >/dev/null || fail "vforker"
[ "$(count ' getppid(')" -eq 2 ] || fail "vfork: $(count ' getppid(') getppid"
# the child's lines cut in: "vfork( <unfinished ...>" as strace's
[ "$(count ' vfork(')" -eq 2 ] || fail "vfork: $(count ' vfork(') vfork"

"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/threads" 4 5 || fail "threads"
[ "$(count ' getppid(')" -eq 20 ] || fail "threads: $(count ' getppid(') getppid"
[ "$(pids)" -eq 5 ] || fail "threads: $(pids) tids"

"$RENACER" --backend=ptrace -o "$WORK/trace" -- "$TRACEES/forker" fork 3 >/dev/null || fail "no -f"
[ "$(count 'getppid()')" -eq 0 ] || fail "no -f: children traced"

# execve from a non-leader thread: the new program runs under the leader's pid.
"$RENACER" --backend=ptrace -f -o "$WORK/trace" -- "$TRACEES/execthread" "$TRACEES/exitcode" 4
rc=$?
[ "$rc" -eq 4 ] || fail "execthread: exit $rc"
leader=$(head -1 "$WORK/trace" | awk '{print $1}')
[ "$(grep -c "^$leader  *execve(.*= 0" "$WORK/trace")" -eq 2 ] || fail "execthread: execve lines"
# strace's "+++ superseded by execve in pid N +++" for the leader, N being the
# thread that called execve (on both backends)
. "$(dirname "$0")/ebpf_lib.sh"
backends=ptrace
have_ebpf && backends="ptrace ebpf"
for be in $backends; do
	"$RENACER" --backend=$be -f -o "$WORK/sup.$be" -- "$TRACEES/execthread" >/dev/null ||
		fail "$be: execthread failed"
	leader=$(head -1 "$WORK/sup.$be" | awk '{print $1}')
	line=$(grep "superseded by execve" "$WORK/sup.$be") || fail "$be: no superseded line"
	execer=$(sed -n 's/.*superseded by execve in pid \([0-9]*\) +++/\1/p' <<<"$line")
	[ "${line%% *}" = "$leader" ] || fail "$be: superseded line not for the leader: $line"
	grep -q "^$execer  *set_robust_list\|^$execer  *rseq\|^$execer  *madvise\|^$execer  *clock_nanosleep" \
		"$WORK/sup.$be" || fail "$be: pid $execer is not the thread that ran: $line"
	"$RENACER" --backend=$be -f -e quiet=thread-execve -o "$WORK/q.$be" -- "$TRACEES/execthread" \
		>/dev/null
	grep -q superseded "$WORK/q.$be" && fail "$be: -e quiet=thread-execve still prints it"
	echo "$be: $line"
done
echo ok
