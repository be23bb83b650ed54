#!/usr/bin/env bash
# -p and -u as a careful user expects: an empty id in a -p list is an error,
# -p X -p X attaches once, -u takes a numeric uid (and UID:GID) and says it
# cannot apply to -p; a kernel thread is refused by both backends alike.
. "$(dirname "$0")/lib.sh"

for bad in "1,,2" "1," ",1" ""; do
	"$RENACER" -p "$bad" -o /dev/null 2>"$WORK/err" && fail "-p '$bad' was accepted"
	grep -q "invalid process id" "$WORK/err" || fail "-p '$bad': $(cat "$WORK/err")"
done
echo "-p 1,,2: $(cat "$WORK/err")"

"$TRACEES/ticker" "$WORK/ticks" 30 0 &
tpid=$!
sleep 0.2
"$RENACER" --backend=ptrace -p $tpid -p "$tpid,$tpid" -o /dev/null 2>"$WORK/p.err" &
r=$!
sleep 0.5
kill -TERM $r
wait $r
n=$(grep -c "Process $tpid attached" "$WORK/p.err")
[ "$n" -eq 1 ] || fail "-p X -p X,X: $n attach lines: $(cat "$WORK/p.err")"
not_stopped $tpid
kill $tpid
echo "-p X -p X,X: attached once"

if [ "$(id -u)" -eq 0 ]; then
	out=$("$RENACER" --backend=ptrace -u 65534 -o /dev/null -- id -u) || fail "-u 65534 failed"
	[ "$out" = 65534 ] || fail "-u 65534 ran as $out"
	out=$("$RENACER" --backend=ptrace -u 65534:65533 -o /dev/null -- id -g) ||
		fail "-u 65534:65533 failed"
	[ "$out" = 65533 ] || fail "-u 65534:65533 ran with gid $out"
	echo "-u 65534 and -u 65534:65533 work"
fi
"$RENACER" -u nobody -p $$ -o /dev/null 2>"$WORK/u.err" && fail "-u with -p was accepted"
grep -q -- "-u USER applies to a command renacer starts" "$WORK/u.err" ||
	fail "-u with -p: $(cat "$WORK/u.err")"
echo "-u with -p: $(cat "$WORK/u.err")"

# docs/reliability.md: --summary-interval without -c/-C is refused up front.
"$RENACER" --summary-interval=1 -o /dev/null -- true 2>"$WORK/si.err" &&
	fail "--summary-interval without -c ran"
grep -q 'need -c or -C' "$WORK/si.err" || fail "--summary-interval: $(cat "$WORK/si.err")"

# A kernel thread (PF_KTHREAD: kthreadd is pid 2 in every pid namespace
# that sees it; else the first one found).
kt=
for s in /proc/[0-9]*/stat; do
	flags=$(sed 's/.*) //' "$s" 2>/dev/null | awk '{print $7}')
	[ -n "$flags" ] && [ $((flags & 0x200000)) -ne 0 ] && { kt=${s#/proc/}; kt=${kt%/stat}; break; }
done
[ -n "$kt" ] || skip "no kernel thread visible"
"$RENACER" --backend=ptrace -p $kt -o /dev/null 2>"$WORK/k.ptrace" && fail "ptrace -p $kt ran"
if have_ebpf; then
	timeout 20 "$RENACER" --backend=ebpf -p $kt -o /dev/null 2>"$WORK/k.ebpf" &&
		fail "eBPF -p of kernel thread $kt ran"
	diff "$WORK/k.ptrace" "$WORK/k.ebpf" ||
		fail "eBPF refuses a kernel thread differently from ptrace"
fi
echo "kernel thread $kt: $(cat "$WORK/k.ptrace")"
