#!/usr/bin/env bash
# valgrind memcheck over the ptrace backend: a few representative runs (a
# pipeline with -f, threads, a process storm with -c, hostile memory with
# JSON and -s 1000000, -p attach and detach, the analysis) with zero errors
# and zero definitely lost bytes. Skips when valgrind is not installed.
. "$(dirname "$0")/lib.sh"
command -v valgrind >/dev/null || skip "valgrind is not installed: memcheck runs not done"
grep -q __asan_init "$RENACER" && skip "renacer is built with ASan (make asan): valgrind cannot run it"

# memcheck's findings ("==PID== ..."); its own notes ("--PID-- WARNING:
# unhandled syscall 317": seccomp, which renacer then does without) are not.
findings() { grep -v '^--[0-9]*-- ' "$WORK/vg.log"; }

vg() {	# $1 label, rest: renacer arguments
	local label=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--log-file="$WORK/vg.log" "$RENACER" "$@" >"$WORK/vg.out" 2>&1
	local rc=$?
	[ $rc -ne 99 ] && [ -z "$(findings)" ] ||
		fail "$label: memcheck reports (exit $rc): $(findings | head -30)"
	echo "$label: clean (exit $rc)"
}

vg "pipeline -f" --backend=ptrace -f -o "$WORK/t1" -- sh -c 'ls / | wc -l'
vg "threads -f" --backend=ptrace -f -o "$WORK/t2" -- "$TRACEES/threads" 4 50
vg "processes -f -c" --backend=ptrace -f -c -S calls --stats-extended -o "$WORK/t3" -- \
	"$TRACEES/rel_procs" 20 4 5
vg "hostile json -s 1000000" --backend=ptrace -f --format=json -s 1000000 -v -o "$WORK/t4" -- \
	"$TRACEES/rel_hostile" big
vg "execve 1000 args -v" --backend=ptrace -f -v -o "$WORK/t5" -- "$TRACEES/rel_hostile" exec 1000
vg "signals" --backend=ptrace -o "$WORK/t6" -- "$TRACEES/sigrecv" 50
vg "filter + analyze" --backend=ptrace -f -e trace=file,process -e signal=none --analyze \
	--window-calls=20 -o "$WORK/t7" -- sh -c 'ls /etc >/dev/null; ls /tmp >/dev/null'

# -p: attach, trace a little, detach on SIGINT.
"$TRACEES/ticker" "$WORK/ticks" 30 1 &
tpid=$!
sleep 0.2
with_int valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--log-file="$WORK/vg.log" "$RENACER" --backend=ptrace -p $tpid -o "$WORK/t8" 2>/dev/null &
vpid=$!
# until it traced something (valgrind's start is slow on a loaded machine)
for _ in $(seq 300); do
	grep -q pwrite64 "$WORK/t8" 2>/dev/null && break
	sleep 0.1
done
sleep 0.5
kill -INT $vpid
wait $vpid
rc=$?
not_stopped $tpid
kill $tpid
[ $rc -ne 99 ] && [ -z "$(findings)" ] || fail "-p: memcheck reports (exit $rc): $(findings | head -30)"
grep -q pwrite64 "$WORK/t8" || fail "-p under valgrind traced nothing"
echo "-p attach/detach: clean (exit $rc)"
echo ok
