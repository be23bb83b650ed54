#!/usr/bin/env bash
# The benchmark harness works end to end (bench/run --quick: one run, tiny
# workloads): the JSON report holds every tool on every workload with finite
# ratios, the Markdown and SVG charts are written; and a tracer that drops
# events (a fake renacer that prints "renacer: N events lost" and writes no
# trace) is shown as lossy and incomplete, never as a clean fast run.
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_cmd python3
need_cmd make
: "${BENCHBIN:=$(dirname "$TRACEES")/bench}"
for p in "$TRACEES/readloop" "$BENCHBIN/forkn"; do [ -x "$p" ] || fail "$p is not built (make test builds it)"; done
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

BENCHBIN=$BENCHBIN timeout 120 python3 "$ROOT/bench/run" --quick --out "$WORK/res" \
	>"$WORK/stdout" 2>"$WORK/stderr" || { cat "$WORK/stderr"; fail "bench/run --quick failed"; }
[ -s "$WORK/res/quick.md" ] || fail "no quick.md"
cmp -s "$WORK/res/quick.md" <(cat "$WORK/stdout") || fail "stdout differs from quick.md"

python3 - "$WORK/res" <<'PY' || fail "quick.json is incomplete"
import json, math, sys, os
import xml.etree.ElementTree as ET
d = sys.argv[1]
r = json.load(open(os.path.join(d, "quick.json")))
res = r["results"]
want = {"readloop", "ls", "find", "echo", "build", "scal-10", "scal-100", "scal-1000",
        "procs-1", "procs-5", "filter", "features"}
missing = want - set(res)
assert not missing, "workloads missing: %s" % missing
for k in ("cpu", "cores", "kernel", "versions"):
    assert r["machine"].get(k), "machine.%s missing" % k
for tool in ("strace", "renacer", "cc"):
    assert r["machine"]["versions"].get(tool, "not found") != "not found", tool
for w, tools in res.items():
    names = r["tools"][w if w in ("features", "filter") else "main"]
    for t in names:
        assert t in tools, "%s: tool %s missing" % (w, t)
        s = tools[t]
        if not s["available"]:
            assert "--source" in t or "-k" in t or "ebpf" in t, "%s: %s not run" % (w, t)
            continue
        for k in ("median_s", "vs_baseline", "added_ms"):
            assert isinstance(s[k], float) and math.isfinite(s[k]), (w, t, k, s[k])
        assert s["median_s"] > 0, (w, t)
        if w != "features":
            assert math.isfinite(s["vs_strace"]), (w, t)
    main = set(r["tools"]["main"])
    assert {"baseline", "strace", "renacer-ptrace"} <= main, main
# issue #4's filter table: exactly its six rows
assert r["tools"]["filter"] == ["untraced", "strace -f -e trace=openat",
                                "strace -f --seccomp-bpf -e trace=openat",
                                "renacer ptrace -f -e trace=openat (seccomp)",
                                "renacer ptrace -f --no-seccomp-bpf -e trace=openat",
                                "renacer ebpf -f -e trace=openat"], r["tools"]["filter"]
f = res["filter"]
assert f["untraced"]["vs_baseline_paired"] == 1.0, f["untraced"]
assert math.isfinite(f["renacer ptrace -f -e trace=openat (seccomp)"]["vs_baseline_paired"])
# the warm-up check counted syscalls: strace and renacer-ptrace agree on readloop
rl = res["readloop"]
n = rl["strace"]["seen"]
assert n and n >= 1000, "strace -c count on 1,000 reads: %r" % n
p = rl["renacer-ptrace"]["seen"]
assert p and abs(p - n) <= 5, "renacer-ptrace saw %r syscalls, strace %r" % (p, n)
for svg in ("quick-overhead-vs-syscalls.svg", "quick-feature-overhead.svg"):
    root = ET.parse(os.path.join(d, svg)).getroot()
    assert root.tag.endswith("svg") and len(root) > 5, svg
print("quick.json: %d workloads, ok" % len(res))
PY

# A lossy tracer must show up as such.
cat > "$WORK/fake-renacer" <<'SH'
#!/bin/sh
# fake renacer: accepts any options, runs the command, traces nothing
case "$1" in --version) echo "fake-renacer 0"; exit 0 ;; esac
while [ $# -gt 0 ] && [ "$1" != "--" ]; do shift; done
shift
"$@"; rc=$?
echo "renacer: 123 events lost" >&2
exit $rc
SH
chmod +x "$WORK/fake-renacer"
RENACER=$WORK/fake-renacer BENCHBIN=$BENCHBIN timeout 60 python3 "$ROOT/bench/run" --quick \
	--groups main --workloads readloop --out "$WORK/fake" >/dev/null 2>"$WORK/fake.err" ||
	{ cat "$WORK/fake.err"; fail "bench/run with a fake renacer failed"; }
python3 - "$WORK/fake/quick.json" <<'PY' || fail "a lossy run was not flagged"
import json, sys
s = json.load(open(sys.argv[1]))["results"]["readloop"]["renacer-ptrace"]
assert s["lost_max"] == 123 and s["check_lost"] == 123, s
assert s["seen"] == 0 and s["complete"] is False, s
PY
grep -q 'INCOMPLETE' "$WORK/fake/quick.md" || fail "quick.md does not flag the lossy run"
# The regression check: a reference written now passes, one whose ratios are
# ten times better than now fails.
RC="timeout 60 python3 $ROOT/bench/run --check-regression --runs 1 --regress-reads 2000"
BENCHBIN=$BENCHBIN $RC --write-reference --reference "$WORK/ref.json" >/dev/null 2>&1 ||
	fail "--write-reference failed"
BENCHBIN=$BENCHBIN $RC --reference "$WORK/ref.json" --tolerance 50 >"$WORK/rc.out" 2>&1 ||
	{ cat "$WORK/rc.out"; fail "check-regression fails against its own reference"; }
python3 - "$WORK/ref.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert any("renacer-ptrace/strace" in k for k in r["ratios"]), r
r["ratios"] = {k: v / 10 for k, v in r["ratios"].items()}
json.dump(r, open(sys.argv[1], "w"))
PY
BENCHBIN=$BENCHBIN $RC --reference "$WORK/ref.json" --tolerance 0.5 >"$WORK/rc.out" 2>&1 &&
	{ cat "$WORK/rc.out"; fail "check-regression passes a 10x regression"; }
grep -q 'REGRESSED' "$WORK/rc.out" || fail "no REGRESSED row"
echo "bench quick: ok"
