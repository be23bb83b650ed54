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
