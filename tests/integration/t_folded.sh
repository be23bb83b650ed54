#!/usr/bin/env bash
# --stack-format=folded: one `comm;outermost;...;innermost;syscall COUNT`
# line per distinct stack (what flame-graph tools read), sorted, counts
# adding up to the calls traced; on eBPF the same stacks for a program built
# with frame pointers (more in t_ebpf_stack.sh).
. "$(dirname "$0")/lib.sh"
prog="$B/tracees/src/src_call-nopie-O0-dw5-fp"
[ -x "$prog" ] || skip "$prog is not built"
"$RENACER" --help | grep -q -- '--stack-format' || fail "--help does not list --stack-format"
"$RENACER" --stack-format=folded -o "$WORK/f" -- "$prog" >/dev/null ||
	fail "--stack-format=folded failed"
grep -q ';main;once;f1;f2;f3;[^;]*;getpid 1$' "$WORK/f" ||
	{ cat "$WORK/f"; fail "no main;once;f1;f2;f3 stack for getpid"; }
grep -q ';main;once;[^;]*;getppid 1$' "$WORK/f" || fail "no main;once stack for getppid"
sort -c "$WORK/f" || fail "folded lines are not sorted"
grep -qv '^[^ ;]*\(;[^ ;]*\)* [0-9][0-9]*$' "$WORK/f" && fail "a line is not 'frames COUNT'"
# every call counted once: the same run traced as text has as many calls
folded=$(awk '{ s += $NF } END { print s }' "$WORK/f")
"$RENACER" -o "$WORK/t" -- "$prog" >/dev/null
calls=$(grep -c '^[a-z_0-9]*(' "$WORK/t")
[ "$folded" -eq "$calls" ] || fail "folded counts $folded calls, the trace has $calls"
if [ "$(id -u)" -eq 0 ] && [ -r /sys/kernel/btf/vmlinux ] &&
	"$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null; then
	"$RENACER" --backend=ebpf --stack-format=folded -o "$WORK/fe" -- "$prog" >/dev/null ||
		fail "--stack-format=folded failed on eBPF"
	# the program's own calls (the dynamic loader's start-up runs without
	# frame pointers on deep stacks: cut short there, see docs/stacks.md)
	diff <(grep ';main;' "$WORK/f") <(grep ';main;' "$WORK/fe") >&2 ||
		fail "eBPF folded stacks through main differ from ptrace's"
else
	echo "t_folded: eBPF part skipped (needs root, BTF and an eBPF build)" >&2
fi
err=$("$RENACER" --stack-format=flat -- true 2>&1) && fail "a bad --stack-format was accepted"
echo "$err" | grep -q "invalid --stack-format 'flat'" || fail "bad value message: $err"
echo "folded: $folded calls in $(wc -l < "$WORK/f") stacks"
