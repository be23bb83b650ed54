#!/usr/bin/env bash
# -k: the call from f3 <- f2 <- f1 <- once <- main shows that chain with the
# right lines, innermost first, in text and JSON, at -O0 and -O2 without frame
# pointers (CFI unwinding), and with the chain inside a shared library.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/source_lib.sh"
need_unwinder

l3=$(site "SYSCALL-SITE: getpid")
l2=$(site "CALL-SITE: f2")
l1=$(site "CALL-SITE: f1")
lm=$(site "CALL-SITE: main")

for v in pie-O0-dw5-fp nopie-O2-dw4-nofp pie-O2-dw5-nofp lib; do
	t="$SRCDIR/src_call-$v"
	"$RENACER" --backend=ptrace -e trace=getpid -k -o "$WORK/trace" -- "$t" ||
		fail "$v: exit $?"
	# The frames of our code, in order, right after the getpid line.
	got=$(grep -A20 '^getpid()' "$WORK/trace" | grep '^ > ' | grep 'src_call\|libsrccall' |
		sed -n 's/.*(\([a-z0-9_]*\)+0x[0-9a-f]*) \[0x[0-9a-f]*\] src_call.c:\([0-9]*\)$/\1:\2/p' |
		head -4 | tr '\n' ' ')
	want="f3:$l3 f2:$l2 f1:$l1 once:$lm "
	[ "$got" = "$want" ] || { cat "$WORK/trace"; fail "$v: chain '$got', want '$want'"; }
	# The innermost frame is libc's syscall(), then our code; main is further out.
	grep -A1 '^getpid()' "$WORK/trace" | tail -1 | grep -q '^ > .*libc\.so.*(syscall+0x' ||
		fail "$v: innermost frame is not libc's syscall()"
	grep -A20 '^getpid()' "$WORK/trace" | grep -q '(main+0x' || fail "$v: no main frame"
done
grep -q 'libsrccall.so(f3+0x' "$WORK/trace" || fail "lib: f3 not in libsrccall.so"

# JSON stack: same chain, ips as numbers, objects as paths.
t="$SRCDIR/src_call-pie-O2-dw4-nofp"
"$RENACER" --backend=ptrace -e trace=getpid -k --source --format=json -o "$WORK/json" -- "$t" ||
	fail "json run"
json_valid "$WORK/json" >/dev/null || fail "json invalid"
python3 - "$WORK/json" "$l3 $l2 $l1 $lm" <<'PY' || fail "json stack"
import json, sys
rec = [json.loads(l) for l in open(sys.argv[1]) if '"syscall"' in l][0]
lines = [int(x) for x in sys.argv[2].split()]
st = rec["stack"]
ours = [(f["function"], f["line"]) for f in st if f["object"].endswith("src_call-pie-O2-dw4-nofp")]
assert ours[:4] == list(zip(["f3", "f2", "f1", "once"], lines)), ours
assert all(isinstance(f["ip"], int) and f["ip"] > 0 for f in st), st
assert rec["source"] == {"file": st[1]["file"], "line": lines[0], "function": "f3"}, rec["source"]
PY
echo ok
