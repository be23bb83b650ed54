#!/usr/bin/env bash
# --source names exactly the marked line and function of each call, in every
# build variant of src_call (PIE or not, -O0/-O2, DWARF 4/5, with and without
# frame pointers, code in a shared library, DWARF in a .gnu_debuglink file),
# in text and in JSON; --source=innermost names the libc frame instead.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/source_lib.sh"
need_unwinder

ppid=$(site "SYSCALL-SITE: getppid")
pid=$(site "SYSCALL-SITE: getpid")
uid=$(site "SYSCALL-SITE: getuid")
n=0
for t in "$SRCDIR"/src_call-*; do
	case $t in *.debug | *-stripped | *-buildid) continue ;; esac
	v=$(basename "$t")
	"$RENACER" --backend=ptrace -e trace=getppid,getpid,getuid --source -o "$WORK/trace" \
		-- "$t" 2 || fail "$v: exit $?"
	for want in "getppid() .*\[src_call.c:$ppid once\]$" "getpid() .*\[src_call.c:$pid f3\]$" \
		"getuid() .*\[src_call.c:$uid main\]$"; do
		c=$(grep -c "^$want" "$WORK/trace")
		exp=2
		case $want in getuid*) exp=1 ;; esac
		[ "$c" -eq "$exp" ] || { cat "$WORK/trace"; fail "$v: $c lines match '$want'"; }
	done
	n=$((n + 1))
done
[ "$n" -ge 18 ] || fail "only $n variants found"

# JSON: "source" carries the full path, the line and the function.
t="$SRCDIR/src_call-nopie-O2-dw4-nofp"
"$RENACER" --backend=ptrace -e trace=getpid --source --format=json -o "$WORK/json" -- "$t" ||
	fail "json run"
json_valid "$WORK/json" >/dev/null || fail "json: invalid"
python3 - "$WORK/json" "$pid" <<'PY' || fail "json source"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if '"syscall"' in l]
assert len(recs) == 1, recs
s = recs[0]["source"]
assert s["file"].endswith("/tests/tracees/src_call.c"), s
assert s["line"] == int(sys.argv[2]) and s["function"] == "f3", s
assert "stack" not in recs[0]
PY

# --source=innermost: the raw innermost frame, libc's syscall().
"$RENACER" --backend=ptrace -e trace=getpid --source=innermost -o "$WORK/trace" -- "$t" ||
	fail "innermost run"
grep -q "^getpid() .* syscall\]$" "$WORK/trace" || { cat "$WORK/trace"; fail "innermost"; }
echo "ok: $n variants"
