#!/usr/bin/env bash
# -o, -ff, -T, -tt, -ttt, CSV and the JSON contract, on the ptrace backend.
. "$(dirname "$0")/lib.sh"
R=("$RENACER" --backend=ptrace)

"${R[@]}" -o "$WORK/t.txt" -T -tt -- cat /etc/hostname >/dev/null || fail "renacer -o failed"
grep -qE '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} openat\(AT_FDCWD, "/etc/hostname", O_RDONLY\) += [0-9]+ <[0-9]+\.[0-9]{6}>$' \
	"$WORK/t.txt" || fail "-tt -T line shape: $(grep hostname "$WORK/t.txt")"
grep -qE '^[0-9:.]+ \+\+\+ exited with 0 \+\+\+$' "$WORK/t.txt" || fail "exit line missing"

"${R[@]}" -ttt -o "$WORK/e.txt" -- true || fail "-ttt failed"
grep -qE '^[0-9]{10}\.[0-9]{6} execve\("/usr/bin/true", \["true"\]' "$WORK/e.txt" ||
	fail "-ttt/execve line: $(head -1 "$WORK/e.txt")"

"${R[@]}" -ff -o "$WORK/ff" -- sh -c '/bin/true; /bin/true' || fail "-ff failed"
n=$(ls "$WORK"/ff.* | wc -l)
[ "$n" -eq 3 ] || fail "-ff wrote $n files, want 3 (the shell and two children)"
for f in "$WORK"/ff.*; do
	grep -q '^+++ exited with 0 +++$' "$f" || fail "$f lacks its exit line"
	grep -qE '^\[pid|^[0-9]+ ' "$f" && fail "$f has pid prefixes; -ff writes none"
done

"${R[@]}" -f -o "$WORK/f.txt" -- sh -c '/bin/true' || fail "-f -o failed"
grep -qE '^[0-9]+ +execve\("/bin/true"' "$WORK/f.txt" || fail "-f -o lines lack 'PID ' prefix"

"${R[@]}" --format=csv -o "$WORK/t.csv" -- cat /etc/hostname >/dev/null || fail "csv failed"
head -1 "$WORK/t.csv" | grep -qx 'ts,pid,syscall,args,ret,errno,dur_us' || fail "csv header"
python3 - "$WORK/t.csv" <<'PY' || fail "csv does not parse"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert any(r["syscall"] == "openat" and '"/etc/hostname"' in r["args"] and r["ret"].isdigit()
           for r in rows), rows[:3]
PY

"${R[@]}" --format=json -o "$WORK/t.json" -- cat /nonexistent 2>/dev/null
python3 - "$WORK/t.json" <<'PY' || fail "JSON contract"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
sc = [r for r in recs if r["type"] == "syscall"]
keys = {"type", "ts", "pid", "tgid", "syscall", "nr", "args", "ret", "errno", "dur_us"}
assert all(keys <= set(r) for r in sc), "missing keys"
o = [r for r in sc if r["syscall"] == "openat" and r["args"][1] == '"/nonexistent"']
assert o and o[0]["ret"] == -1 and o[0]["errno"] == "ENOENT" and o[0]["nr"] == 257, o
assert isinstance(o[0]["ts"], float) and isinstance(o[0]["dur_us"], float)
ex = [r for r in recs if r["type"] == "exit"]
assert ex and ex[-1]["code"] == 1, ex
eg = [r for r in sc if r["syscall"] == "exit_group"]
assert eg and eg[0]["ret"] is None and eg[0]["unfinished"] is True, eg
PY
echo ok
