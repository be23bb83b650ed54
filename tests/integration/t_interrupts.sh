#!/usr/bin/env bash
# Interrupting renacer: a spawned command gets the signal renacer received and
# nothing survives in a broken state; -ff never opens a file for records that
# belong to no task; exits of tasks whose calls were filtered out keep their
# [pid N] prefix.
. "$(dirname "$0")/lib.sh"

# 1. SIGINT: the command renacer started ends too, on both backends.
for be in ptrace ebpf; do
	[ $be = ebpf ] && ! have_ebpf && { echo "ebpf unavailable: part 1 on ptrace only"; continue; }
	with_int "$RENACER" --backend=$be -o /dev/null -- sleep 7.25 &
	r=$!
	sleep 0.7
	kill -INT $r
	wait $r
	rc=$?
	[ $rc -eq 130 ] || fail "$be: renacer exited $rc after SIGINT, want 130 (died of SIGINT)"
	sleep 0.3
	pgrep -f 'sleep 7.25' >/dev/null && fail "$be: the command outlived an interrupted renacer"
done

# 2. Under the seccomp pre-filter, no descendant is left running untraced
# (every selected call would fail with ENOSYS).
rm -f "$WORK/bg"
with_int "$RENACER" --backend=ptrace --seccomp-bpf -f -e trace=openat -o /dev/null -- \
	sh -c "(sleep 1; echo late > $WORK/bg) & sleep 6.25" &
r=$!
sleep 0.5
kill -INT $r
wait $r
sleep 1.5
[ -e "$WORK/bg" ] && fail "a seccomp-filtered descendant kept running after the detach"
pgrep -f 'sleep 6.25' >/dev/null && fail "the command outlived an interrupted renacer (seccomp)"

# 3. -ff with lost events: no FILE.0, and the loss is said on stderr.
if have_ebpf; then
	"$RENACER" --backend=ebpf --buffer-size=4096 -ff -o "$WORK/ff" -- \
		"$TRACEES/storm" 200000 >/dev/null 2>"$WORK/ff.err" || fail "-ff storm failed"
	[ -e "$WORK/ff.0" ] && fail "-ff opened a file for task 0"
	# Either the loss is said on stderr, or every call is in the files.
	if ! grep -q 'events lost' "$WORK/ff.err"; then
		n=$(cat "$WORK"/ff.* | grep -c '^getppid()')
		[ "$n" -eq 200000 ] || fail "-ff: $n of 200000 calls written and no loss reported"
	fi
fi

# 4. A child whose calls were all filtered out still gets [pid N] on its exit.
"$RENACER" --backend=ptrace -f -e trace=wait4 -- sh -c 'true & wait; (exit 2)' 2>"$WORK/p.txt"
grep -qE '^\[pid +[0-9]+\] \+\+\+ exited with 0 \+\+\+$' "$WORK/p.txt" ||
	fail "child exit without [pid N]: $(cat "$WORK/p.txt")"
grep -qx '+++ exited with 2 +++' "$WORK/p.txt" || fail "main exit line missing"
echo ok
