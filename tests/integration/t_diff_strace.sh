#!/usr/bin/env bash
# Differential test: the same programs under strace and renacer (ptrace,
# JSON): per task, the same syscalls with the same outcomes.
. "$(dirname "$0")/lib.sh"
need_cmd strace

compare() {
	local name=$1
	shift
	strace -f -qq -o "$WORK/$name.strace" -- "$@" >/dev/null 2>&1
	"$RENACER" --backend=ptrace -f -qq --format=json -o "$WORK/$name.json" -- "$@" \
		>/dev/null 2>"$WORK/$name.err" || fail "$name: renacer failed: $(cat "$WORK/$name.err")"
	json_valid "$WORK/$name.json" >/dev/null || fail "$name: invalid JSON"
	python3 "$TESTDIR/tracecmp.py" "$WORK/$name.strace" "$WORK/$name.json" ||
		fail "$name: traces differ"
}

compare ls ls -la /usr/bin
compare pipeline sh -c 'ls /usr/share | sort -r | head -n 3'
compare threads "$TRACEES/threads" 4
compare forks "$TRACEES/forker" 3
echo ok
