#!/usr/bin/env bash
# -c under eBPF aggregates in the kernel: the summary has the storm's exact
# getppid count and the same set of syscalls as under ptrace, and no record
# is lost even with a tiny ring buffer (none is sent).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
N=50000

# calls column of the row for syscall $2 in strace-style summary $1
calls_of() { awk -v s="$2" '$NF == s { print $4; exit }' "$1"; }
names() { awk 'NF >= 5 && $1 ~ /^[0-9.]+$/ && $NF != "total" { print $NF }' "$1" | sort; }

"$RENACER" --backend=ptrace -c -o "$WORK/ptrace.txt" -- "$TRACEES/storm" $N >/dev/null 2>&1
grep -q getppid "$WORK/ptrace.txt" 2>/dev/null || fail "the ptrace -c summary lacks getppid"

"$RENACER" --backend=ebpf -c --buffer-size 4096 -o "$WORK/ebpf.txt" -- "$TRACEES/storm" $N \
	>/dev/null 2>"$WORK/ebpf.err" || fail "renacer -c failed: $(cat "$WORK/ebpf.err")"
n=$(calls_of "$WORK/ebpf.txt" getppid)
[ "$n" = $N ] || fail "-c: getppid calls $n, the storm made $N: $(cat "$WORK/ebpf.txt")"
grep -q 'events lost' "$WORK/ebpf.err" && fail "-c lost events: $(cat "$WORK/ebpf.err")"
diff <(names "$WORK/ptrace.txt") <(names "$WORK/ebpf.txt") ||
	fail "-c: different syscalls under ptrace and ebpf"

# The latency histogram is kept in per-CPU slots with a hash behind them:
# every call is in exactly one bucket.
"$RENACER" --backend=ebpf -c --histogram -o "$WORK/hist.txt" -- "$TRACEES/storm" $N \
	>/dev/null 2>"$WORK/hist.err" || fail "renacer -c --histogram failed: $(cat "$WORK/hist.err")"
h=$(sed -n '/^getppid:/,/^$/p' "$WORK/hist.txt" |
	awk -F: '/->/ { n = $2; sub(/\|.*/, "", n); s += n } END { print s + 0 }')
[ "$h" = $N ] || fail "-c --histogram: getppid buckets add up to $h, not $N: $(cat "$WORK/hist.txt")"
echo ok
