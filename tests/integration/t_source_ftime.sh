#!/usr/bin/env bash
# --function-time: calls per (function, syscall) are exact, the table is
# sorted by time, works with -c (after the summary) and as one JSON line.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/source_lib.sh"
need_unwinder

t="$SRCDIR/src_call-nopie-O2-dw5-nofp"
"$RENACER" --backend=ptrace -c --function-time -e trace=getpid,getppid,getuid \
	-o "$WORK/out" -- "$t" 7 || fail "text: exit $?"
grep -q ' total$' "$WORK/out" || fail "no -c summary"
row() { awk -v f="$1" -v s="$2" '$(NF-1) == f && $NF == s {print $4}' "$WORK/out"; }
[ "$(row f3 getpid)" = 7 ] || { cat "$WORK/out"; fail "f3 getpid: '$(row f3 getpid)'"; }
[ "$(row once getppid)" = 7 ] || { cat "$WORK/out"; fail "once getppid"; }
[ "$(row main getuid)" = 1 ] || { cat "$WORK/out"; fail "main getuid"; }
# Sorted by time: the seconds column never increases down the table.
sed -n '/ function /,$p' "$WORK/out" | awk '$NF != "total" && $2 ~ /^[0-9.]+$/ {print $2}' |
	sort -c -r -g || fail "not sorted by time"

"$RENACER" --backend=ptrace -c --function-time --format=json -e trace=getpid,getuid \
	-o "$WORK/json" -- "$t" 3 || fail "json: exit $?"
json_valid "$WORK/json" >/dev/null || fail "json invalid"
python3 - "$WORK/json" <<'PY' || fail "json rows"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
ft = [r for r in recs if r.get("type") == "function_time"]
assert len(ft) == 1, recs
rows = {(r["function"], r["syscall"]): r for r in ft[0]["rows"]}
assert rows[("f3", "getpid")]["calls"] == 3, rows
assert rows[("main", "getuid")]["calls"] == 1, rows
assert len(rows) == 2, rows
PY
echo ok
