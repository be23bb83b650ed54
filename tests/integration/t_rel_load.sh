#!/usr/bin/env bash
# Nothing lost under load, on both backends. The tracees count what they do
# and renacer's counts must match exactly:
#   - T threads each making N getppid() calls (storm -t): the -c summary
#     shows exactly T*N getppid calls; in JSON Lines, the getppid records
#     plus the records reported lost ({"type":"lost"}, eBPF only) account for
#     all T*N (and with nothing lost, the records are exactly T*N);
#   - a storm of P short-lived processes under -f (rel_procs, 8 alive at a
#     time, K calls each): P clone calls, P*K getppid calls and P exit records
#     with code 7.
# Short form here; REL_SCALE=full (make stress) runs 64 threads x 20,000 calls
# and 500 processes.
. "$(dirname "$0")/lib.sh"

if [ "${REL_SCALE:-short}" = full ]; then
	THREADS=64 CALLS=20000 PROCS=500
else
	THREADS=16 CALLS=5000 PROCS=100
fi
K=10
backends=ptrace
if "$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null; then
	backends="ptrace ebpf"
else
	echo "NOTE: eBPF backend unavailable here: checking ptrace only"
fi

# calls of syscall $2 in a -c summary file $1 (0 when absent)
summary_calls() { awk -v s="$2" '$NF == s { print $4; found = 1 } END { if (!found) print 0 }' "$1"; }
# successful calls (calls - errors) of syscall $2 in a -c summary file $1
summary_ok() {
	awk -v s="$2" '$NF == s { print $4 - (NF == 6 ? $5 : 0); found = 1 }
		END { if (!found) print 0 }' "$1"
}
# "RECORDS LOST" of syscall $2 in JSON Lines file $1
json_calls() {
	python3 - "$1" "$2" <<'PY'
import json, sys
n = lost = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["type"] == "syscall" and r.get("syscall") == sys.argv[2]:
        n += 1
    elif r["type"] == "lost":
        lost += r.get("count", 0)
print(n, lost)
PY
}
# Checks delivered + lost against the expected count; $1 label, $2 want, $3 got, $4 lost.
check_json() {
	if [ "$4" -eq 0 ]; then
		[ "$3" -eq "$2" ] || fail "$1: $3 records, the tracee made $2 calls, none reported lost"
	else
		[ "$3" -le "$2" ] && [ $(($3 + $4)) -ge "$2" ] ||
			fail "$1: $3 delivered + $4 lost does not account for $2 calls"
	fi
	echo "$1: made $2, counted $3 + $4 lost"
}

for be in $backends; do
	# Threads: the main thread makes its N calls too, hence -t THREADS-1.
	want=$((THREADS * CALLS))
	out=$("$RENACER" --backend=$be -f -c -o "$WORK/$be.c" -- \
		"$TRACEES/storm" -t $((THREADS - 1)) $CALLS) || fail "$be: storm failed under -c"
	[ "$out" = $want ] || fail "$be: storm says it made $out calls, want $want"
	got=$(summary_calls "$WORK/$be.c" getppid)
	lostline=$(grep -o '[0-9]* events lost' "$WORK/$be.c" || true)
	[ "$got" -eq $want ] || fail "$be -c: $got getppid counted, the tracee made $want ($lostline)"
	echo "$be -c: $THREADS threads x $CALLS: made $want, counted $got"

	out=$("$RENACER" --backend=$be -f --format=json -o "$WORK/$be.json" -- \
		"$TRACEES/storm" -t $((THREADS - 1)) $CALLS) || fail "$be: storm failed (json)"
	[ "$out" = $want ] || fail "$be: storm says $out calls (json run)"
	read -r got lost < <(json_calls "$WORK/$be.json" getppid)
	check_json "$be json threads" $want "$got" "$lost"

	# Processes.
	out=$("$RENACER" --backend=$be -f -c -o "$WORK/$be.pc" -- "$TRACEES/rel_procs" $PROCS 8 $K) ||
		fail "$be: rel_procs failed under renacer: $out"
	[ "$out" = "rel_procs: $PROCS children, $((PROCS * K)) calls, $PROCS exited 7" ] ||
		fail "$be: rel_procs says: $out"
	got=$(summary_calls "$WORK/$be.pc" getppid)
	[ "$got" -eq $((PROCS * K)) ] || fail "$be -c: $got getppid in $PROCS processes, want $((PROCS * K))"
	# A fork interrupted by SIGCHLD fails with ERESTARTNOINTR and is made
	# again: those are real calls, shown as errors; the successes are P.
	clones=$(summary_ok "$WORK/$be.pc" clone)
	[ "$clones" -eq $PROCS ] || fail "$be -c: $clones successful clone calls, want $PROCS"
	echo "$be -c: $PROCS processes: clone $clones ok, getppid $got of $((PROCS * K))"

	out=$("$RENACER" --backend=$be -f --format=json -o "$WORK/$be.pj" -- \
		"$TRACEES/rel_procs" $PROCS 8 $K) || fail "$be: rel_procs failed (json)"
	read -r got lost < <(json_calls "$WORK/$be.pj" getppid)
	check_json "$be json processes" $((PROCS * K)) "$got" "$lost"
	if [ "$lost" -eq 0 ]; then
		exits=$(python3 -c '
import json, sys
print(sum(1 for l in open(sys.argv[1]) for r in [json.loads(l)]
          if r["type"] == "exit" and r.get("code") == 7))' "$WORK/$be.pj")
		[ "$exits" -eq $PROCS ] || fail "$be json: $exits exit records with code 7, want $PROCS"
	fi
done
echo ok
