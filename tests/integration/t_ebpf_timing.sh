#!/usr/bin/env bash
# Plain text without -t/-T lets the eBPF programs skip their clock reads;
# everything that shows times still gets real ones: -tt timestamps under
# eBPF move forward, JSON carries nonzero durations, and the untimed lines
# are the timed ones without their times.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
R=("$RENACER" --backend=ebpf)

"${R[@]}" -o "$WORK/plain.txt" -- "$TRACEES/readloop" 200 2>"$WORK/err" ||
	fail "plain run failed: $(cat "$WORK/err")"
"${R[@]}" -T -tt -o "$WORK/timed.txt" -- "$TRACEES/readloop" 200 2>"$WORK/err" ||
	fail "-T -tt run failed: $(cat "$WORK/err")"
"${R[@]}" --format=json -o "$WORK/t.jsonl" -- "$TRACEES/readloop" 200 2>"$WORK/err" ||
	fail "json run failed: $(cat "$WORK/err")"

python3 - "$WORK/plain.txt" "$WORK/timed.txt" "$WORK/t.jsonl" <<'PY' || fail "timing check"
import json, re, sys
# the descriptor number depends on what the test inherited (make test's fds)
one = re.compile(r'(^|\s)read\(\d+, "\\0", 1\)')
plain = [l for l in open(sys.argv[1]) if one.search(l) and l.startswith("read(")]
timed = [l for l in open(sys.argv[2]) if one.search(l)]
assert len(plain) == 200 and len(timed) == 200, (len(plain), len(timed))
line = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{6}) (read\(.*) <(\d+)\.(\d{6})>$")
prev, durs = 0, []
for p, t in zip(plain, timed):
    m = line.match(t.rstrip("\n"))
    assert m, t
    ts = ((int(m[1]) * 60 + int(m[2])) * 60 + int(m[3])) * 10**6 + int(m[4])
    assert ts >= prev, ("timestamps go back", t)
    prev = ts
    durs.append(int(m[6]) * 10**6 + int(m[7]))
    # the same call, times left out
    assert re.sub(r"\s+", " ", m[5]) == re.sub(r"\s+", " ", p.strip()), (p, t)
assert all(d < 10**6 for d in durs), durs
assert timed[0].split()[0] != timed[-1].split()[0], "-tt timestamps do not move"
reads = [r for r in map(json.loads, open(sys.argv[3]))
         if r.get("syscall") == "read" and r["args"][2] == 1]
assert len(reads) == 200, len(reads)
assert all(r["ts"] > 0 for r in reads)
assert sum(r["dur_us"] for r in reads) > 0, "JSON durations all zero"
PY
echo ok
