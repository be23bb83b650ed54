#!/usr/bin/env bash
# -k per call: the eBPF backend (stack taken in the kernel, unwound and
# symbolized in renacer) against the ptrace backend (a stop per call,
# libunwind on the stopped task), side by side in one run, interleaved.
#
#   bench/stack_bench.sh [-n RUNS] [-q]     (-q: small workloads, 1 run)
#
# Workload: tests/tracees/stack_fp N, N getppid calls from main -> a -> b ->
# c (frame pointers), every call printed with its stack to /dev/null. The
# per-call cost is the slope between two sizes, N1 and N2 calls, of the
# CPU time (user + system, renacer and the traced program together; the
# eBPF programs run in the traced program's system time), so start-up
# (the eBPF load, the symbol tables) cancels out. Each figure is the median
# of RUNS. Goal (issue #15): eBPF -k at least 20x cheaper per call.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${B:=build}" "${RENACER:=$ROOT/$B/renacer}"
PROG="${TRACEES:-$ROOT/$B/tracees}/stack_fp"
RUNS=5 N1=5000 N2=50000
while getopts "n:q" o; do
	case $o in
	n) RUNS=$OPTARG ;;
	q) RUNS=1 N1=1000 N2=10000 ;;
	*) exit 2 ;;
	esac
done
[ -x "$RENACER" ] || { echo "no $RENACER (make first)"; exit 1; }
[ -x "$PROG" ] || { echo "no $PROG (make $PROG)"; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: the eBPF backend needs root"; exit 77; }
"$RENACER" --backend=ebpf -k -o /dev/null -- true 2>/dev/null ||
	{ echo "SKIP: renacer --backend=ebpf -k cannot run here"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cmd_for() {	# tool
	case $1 in
	none) echo "" ;;
	ptrace_k) echo "$RENACER --backend=ptrace -k -e trace=getppid -o /dev/null --" ;;
	ebpf_k) echo "$RENACER --backend=ebpf -k -e trace=getppid -o /dev/null --" ;;
	ptrace) echo "$RENACER --backend=ptrace -e trace=getppid -o /dev/null --" ;;
	ebpf) echo "$RENACER --backend=ebpf -e trace=getppid -o /dev/null --" ;;
	esac
}

cpu_us() {	# tool n -> user + system microseconds of the command and what it waited for
	python3 -c '
import os, sys
pid = os.fork()
if pid == 0:
    fd = os.open("/dev/null", os.O_WRONLY)
    os.dup2(fd, 1); os.dup2(fd, 2)
    os.execvp("sh", ["sh", "-c", sys.argv[1]])
_, _, ru = os.wait4(pid, 0)
print(int((ru.ru_utime + ru.ru_stime) * 1e6))' "$(cmd_for "$1") $PROG $2"
}

TOOLS="none ptrace ptrace_k ebpf ebpf_k"
for r in $(seq "$RUNS"); do
	for t in $TOOLS; do
		for n in $N1 $N2; do
			echo "$t $n $(cpu_us "$t" "$n")" >> "$TMP/raw"
		done
	done
done
# a cost measured on records the ring buffer dropped would flatter eBPF:
# check that every call of the large run arrives with its stack
"$RENACER" --backend=ebpf -k -e trace=getppid -o "$TMP/k" -- "$PROG" "$N2" 2>"$TMP/kerr"
got=$(grep -c '^getppid' "$TMP/k")
stacks=$(grep -c '(c+0x[0-9a-f]*) \[0x[0-9a-f]*\] stack_fp.c' "$TMP/k")
echo "eBPF -k, $N2 calls: $got calls and $stacks stacks through c delivered$(grep -o '[0-9]* events lost' "$TMP/kerr" | sed 's/^/, /')"
python3 - "$TMP/raw" "$N1" "$N2" "$RUNS" <<'PY'
import statistics, sys
raw, n1, n2, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
t = {}
for line in open(raw):
    tool, n, us = line.split()
    t.setdefault((tool, int(n)), []).append(int(us))
med = {k: statistics.median(v) for k, v in t.items()}
def per_call(tool):
    return (med[(tool, n2)] - med[(tool, n1)]) / (n2 - n1) * 1000.0
base = per_call("none")
print("stack_fp: %d vs %d getppid calls from main->a->b->c, median of %s runs, CPU ns per call"
      % (n1, n2, runs))
print("%-10s %14s %14s" % ("tool", "ns/call", "added ns/call"))
added = {}
for tool in ("none", "ptrace", "ptrace_k", "ebpf", "ebpf_k"):
    pc = per_call(tool)
    added[tool] = pc - base
    print("%-10s %14.0f %14.0f" % (tool, pc, added[tool]))
print("ptrace -k / eBPF -k added cost per call: %.1fx (goal >= 20x)"
      % (added["ptrace_k"] / added["ebpf_k"]))
print("eBPF -k / eBPF without -k added cost per call: %.2fx" % (added["ebpf_k"] / added["ebpf"]))
PY
