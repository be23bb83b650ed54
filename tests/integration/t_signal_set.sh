#!/usr/bin/env bash
# -e signal=SET picks the signal lines ("--- SIGCHLD ... ---" and "+++ killed
# by SIG +++") as strace does, and -e quiet= takes strace's values, on both
# backends. The script's shell reaps a child (SIGCHLD) and then kills itself
# with SIGUSR1. (strace 6.1 says "+++ killed by" even under quiet=all.)
. "$(dirname "$0")/lib.sh"
need_cmd strace
PROG='/bin/true; kill -USR1 $$; exit 0'
# strace's "Process N attached" for -f children: renacer does not print it
# and the CPU times of a SIGCHLD (" /* 0.01 s */" once they are not 0), which vary
mask() { grep -v ' attached$' "$1" | sed -E 's| /\* [0-9.]+ s \*/||g; s/[0-9]+/N/g'; }

for be in ptrace ebpf; do
	if [ $be = ebpf ]; then have_ebpf || break; fi
	n=0
	for set in all none SIGCHLD '!SIGCHLD' chld usr1 '!usr1' 'SIGUSR1,SIGCHLD' 10; do
		(strace -f -o "$WORK/s" -e trace=none -e signal="$set" sh -c "$PROG") 2>/dev/null
		("$RENACER" --backend=$be -f -o "$WORK/r" -e trace=none -e signal="$set" \
			sh -c "$PROG") 2>/dev/null
		diff <(mask "$WORK/s") <(mask "$WORK/r") || fail "$be: -e signal=$set differs"
		n=$((n + $(grep -c -e '---' -e 'killed by' "$WORK/r")))
	done
	[ $n -ge 8 ] || fail "$be: only $n signal lines compared"
	for q in exit attach,exit all none '!exit' thread-execve,superseded,personality,path-resolution; do
		(strace -f -o "$WORK/s" -e trace=none -e quiet="$q" sh -c "$PROG") 2>/dev/null
		("$RENACER" --backend=$be -f -o "$WORK/r" -e trace=none -e quiet="$q" \
			sh -c "$PROG") 2>/dev/null
		diff <(mask "$WORK/s") <(mask "$WORK/r") || fail "$be: -e quiet=$q differs"
	done
done
echo "t_signal_set: ok"
