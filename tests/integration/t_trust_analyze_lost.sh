#!/usr/bin/env bash
# `renacer analyze` of a trace with {"type":"lost"} records says first how
# many events were lost and the share of the trace missing, and marks the
# windows that had loss; its JSON carries the same. A complete trace says
# nothing of the kind.
. "$(dirname "$0")/lib.sh"

python3 - "$WORK" <<'PY'
import json, sys
d = sys.argv[1]
with open(d + "/lost.jsonl", "w") as f, open(d + "/full.jsonl", "w") as g:
    ts = 1000.0
    for i in range(1000):
        ts += 0.001
        rec = json.dumps({"type": "syscall", "ts": round(ts, 6), "pid": 10, "tgid": 10,
                          "syscall": "write" if i % 3 == 0 else "read", "nr": 1 if i % 3 == 0 else 0,
                          "ret": 0, "dur_us": 5.0 + i % 7}) + "\n"
        f.write(rec)
        g.write(rec)
        if i in (250, 730):   # in the 3rd and the 8th window of 100 calls
            f.write(json.dumps({"type": "lost", "ts": round(ts, 6), "pid": 0, "tgid": 0,
                                "count": 50}) + "\n")
PY
"$RENACER" analyze "$WORK/lost.jsonl" >"$WORK/text" || fail "analyze failed"
head -1 "$WORK/text" | grep -qx 'renacer analyze: INCOMPLETE TRACE: 100 events lost, 9.1% of the trace missing' ||
	fail "the loss is not said first: $(head -2 "$WORK/text")"
sed -n 2p "$WORK/text" | grep -qx 'windows with lost events (2 of 10): #2 (50 lost) #7 (50 lost)' ||
	fail "windows with loss not marked: $(sed -n 2p "$WORK/text")"
echo "text: $(head -2 "$WORK/text" | tr '\n' '|')"

"$RENACER" analyze --format=json "$WORK/lost.jsonl" >"$WORK/json" || fail "analyze JSON failed"
python3 - "$WORK/json" <<'PY' || fail "JSON report: $(cut -c1-300 "$WORK/json")"
import json, sys
r = json.loads(open(sys.argv[1]).read())
assert list(r)[:4] == ["type", "lost", "lost_share", "lost_windows"], list(r)[:4]
assert r["lost"] == 100 and abs(r["lost_share"] - 100 / 1100) < 1e-6
assert r["lost_windows"] == [{"window": 2, "lost": 50}, {"window": 7, "lost": 50}]
PY
echo "JSON: lost, lost_share and lost_windows first"

"$RENACER" analyze "$WORK/full.jsonl" >"$WORK/full" || fail "analyze of a complete trace failed"
grep -qi 'lost' "$WORK/full" && fail "a complete trace is said to have lost events"
"$RENACER" analyze --format=json "$WORK/full.jsonl" | grep -q '"lost' &&
	fail "a complete trace's JSON has lost fields"
echo "complete trace: no loss said"
