#!/usr/bin/env bash
# renacer analyze on a trace with 15,000 s idle gaps and 16 ms windows: a
# bounded number of empty windows, so it answers at once (it took 18 s and
# 164 MB before the fix).
. "$(dirname "$0")/lib.sh"
start=$(date +%s%N)
timeout 20 "$RENACER" analyze --window=0.016 "$TESTDIR/analyze-gaps.jsonl" >"$WORK/out" ||
	fail "analyze failed or took over 20 s"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 3000 ] || fail "analyze took $ms ms"
grep -q 'cluster' "$WORK/out" || fail "no clusters in the report: $(head -5 "$WORK/out")"
echo "analyze with long gaps: $ms ms"

# Anomalies: a near-constant getpid (1.00/1.07 us, sd 0.035 us: the case where
# the mean and sd flagged every jitter with z in the hundreds) and one 50 us
# call 2 s into the trace: exactly one anomaly, at +2.000000 s, ranked; JSON
# keeps the full list and --top cuts only the text.
awk 'BEGIN { for (i = 0; i < 500; i++) printf "{\"type\":\"syscall\",\"ts\":%.6f,\"pid\":3,"\
	"\"syscall\":\"getpid\",\"ret\":3,\"dur_us\":%.3f}\n", 1000 + i / 100,
	i == 200 ? 50 : (i % 2 ? 1.07 : 1.00) }' >"$WORK/steady.jsonl"
"$RENACER" analyze "$WORK/steady.jsonl" >"$WORK/steady.out" || fail "analyze failed"
grep -q '^anomalies: 1 of 500 calls' "$WORK/steady.out" ||
	fail "steady jitter flagged: $(grep -A3 '^anomalies' "$WORK/steady.out")"
grep -q '^    +2.000000 s tid 3 getpid 50.000 us: z +48.97 ' "$WORK/steady.out" ||
	fail "the anomaly line: $(tail -1 "$WORK/steady.out")"
"$RENACER" analyze --format=json --top=1 "$WORK/steady.jsonl" | python3 -c '
import json, sys
an = json.load(sys.stdin)["anomalies"]
assert an["count"] == 1 and an["listed"] == 1, an
assert abs(an["list"][0]["t"] - 2.0) < 1e-9 and an["list"][0]["dur_us"] == 50, an
' || fail "JSON anomalies"
"$RENACER" analyze --top=0 "$WORK/steady.jsonl" 2>/dev/null && fail "--top=0 accepted"
echo "steady syscall: one anomaly, at +2 s, ranked"
