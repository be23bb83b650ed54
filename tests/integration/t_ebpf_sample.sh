#!/usr/bin/env bash
# --sample=N and --rate-limit=R (eBPF): the trace holds the share of calls
# the per-CPU arithmetic allows, says how many it left out (stderr footer,
# JSON "sampled" records, the metric), and the -C totals still count every
# call. Bad values are one clear line; ptrace refuses the options.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"

# Bad values first: they need no privileges.
for v in 0 -5 abc 10x '' 99999999999 ' 7' +3; do
	for opt in --sample --rate-limit; do
		if "$RENACER" "$opt=$v" -- true >"$WORK/bad.out" 2>"$WORK/bad.err"; then
			fail "$opt='$v' was accepted"
		fi
		[ "$(wc -l <"$WORK/bad.err")" -eq 1 ] ||
			fail "$opt='$v': not one line: $(cat "$WORK/bad.err")"
		grep -q "^renacer: invalid $opt '" "$WORK/bad.err" ||
			fail "$opt='$v': unclear message: $(cat "$WORK/bad.err")"
	done
done
for opt in --sample=5 --rate-limit=5; do
	if "$RENACER" --backend=ptrace "$opt" -- true 2>"$WORK/pt.err"; then
		fail "ptrace accepted $opt"
	fi
	[ "$(wc -l <"$WORK/pt.err")" -eq 1 ] &&
		grep -q "^renacer: ${opt%%=*} needs the eBPF backend" "$WORK/pt.err" ||
		fail "ptrace $opt: $(cat "$WORK/pt.err")"
done
"$RENACER" --sample=4 --summary-by=thread -C -- true 2>"$WORK/by.err" &&
	fail "--sample with --summary-by was accepted"
grep -q "^renacer: --sample and --summary-by cannot be used together" "$WORK/by.err" ||
	fail "--sample --summary-by: $(cat "$WORK/by.err")"

need_ebpf
# Per-CPU state lives in per-CPU maps sized by the possible CPUs.
CPUS=$(python3 -c '
s = open("/sys/devices/system/cpu/possible").read().strip()
print(sum(int(b) - int(a) + 1 if "-" in r else 1
          for r in s.split(",") for a, b in [(r.split("-") + [r])[:2]]))')
N=100000
EVERY=10

jsum() { python3 -c '
import json, sys
print(sum(r.get(sys.argv[2], 0) for r in map(json.loads, open(sys.argv[1]))
          if r["type"] == sys.argv[3]))' "$@"; }

# --sample=10 -C, JSON: one in ten per CPU (the first call of each CPU's
# counter, then every tenth), exact totals, and sampled records adding up.
"$RENACER" --backend=ebpf --sample=$EVERY -C -e trace=getppid --format=json \
	-o "$WORK/s.json" --metrics-file="$WORK/s.prom" -- "$TRACEES/storm" $N \
	>"$WORK/s.out" 2>"$WORK/s.err" || fail "renacer --sample failed: $(cat "$WORK/s.err")"
[ "$(cat "$WORK/s.out")" = $N ] || fail "the storm did not make $N calls"
json_valid "$WORK/s.json" >/dev/null || fail "invalid JSON with --sample"
rec=$(json_count "$WORK/s.json" "rec.get('syscall') == 'getppid'")
lost=$(jsum "$WORK/s.json" count lost)
out=$(jsum "$WORK/s.json" sampled_out sampled)
lo=$(( (N + EVERY - 1) / EVERY )); hi=$(( N / EVERY + CPUS ))
echo "--sample=$EVERY: $rec recorded, $out sampled out, $lost lost of $N ($CPUS CPUs: $lo..$hi)"
[ $((rec + lost)) -ge $lo ] || fail "recorded $rec + lost $lost < ceil(N/$EVERY) = $lo"
[ "$rec" -le $hi ] || fail "recorded $rec > N/$EVERY + $CPUS CPUs = $hi"
[ $((rec + lost + out)) -eq $N ] || fail "recorded $rec + lost $lost + sampled out $out != $N"
calls=$(python3 -c '
import json, sys
for r in map(json.loads, open(sys.argv[1])):
    for s in r.get("syscalls", []):
        if s["syscall"] == "getppid": print(s["calls"])' "$WORK/s.json")
[ "$calls" = $N ] || fail "-C counted '$calls' getppid calls, the storm made $N"
grep -qx "renacer: sampled: $out calls not recorded (--sample=$EVERY)" "$WORK/s.err" ||
	fail "no (or a wrong) footer: $(cat "$WORK/s.err")"
grep -qx "renacer_calls_sampled_out_total $out" "$WORK/s.prom" ||
	fail "metric: $(grep sampled "$WORK/s.prom")"
if command -v promtool >/dev/null; then
	promtool check metrics <"$WORK/s.prom" || fail "sampled metrics fail promtool"
fi
grep -qx "renacer_syscalls_total{syscall=\"getppid\"} $N" "$WORK/s.prom" ||
	fail "metrics total: $(grep 'syscalls_total{syscall="getppid"' "$WORK/s.prom")"

# Four threads (-f): the bound is per CPU, whatever the threads.
"$RENACER" --backend=ebpf -f --sample=$EVERY -C -e trace=getppid --format=json \
	-o "$WORK/m.json" -- "$TRACEES/storm" -t 3 25000 >/dev/null 2>"$WORK/m.err" ||
	fail "renacer -f --sample failed: $(cat "$WORK/m.err")"
rec=$(json_count "$WORK/m.json" "rec.get('syscall') == 'getppid'")
lost=$(jsum "$WORK/m.json" count lost)
out=$(jsum "$WORK/m.json" sampled_out sampled)
echo "-f, 4 threads: $rec recorded, $out sampled out, $lost lost of $N"
[ $((rec + lost)) -ge $lo ] && [ "$rec" -le $hi ] || fail "4 threads: $rec not in $lo..$hi"
[ $((rec + lost + out)) -eq $N ] || fail "4 threads: $rec + $lost + $out != $N"

# The text trace and its -C table, the same way.
"$RENACER" --backend=ebpf --sample=$EVERY -C -e trace=getppid -o "$WORK/s.txt" \
	-- "$TRACEES/storm" $N >/dev/null 2>"$WORK/t.err" || fail "text --sample failed"
rec=$(grep -c '^getppid()' "$WORK/s.txt")
[ "$rec" -ge $lo ] && [ "$rec" -le $hi ] || fail "text: $rec recorded, not in $lo..$hi"
awk -v n=$N '$NF == "getppid" && $4 == n { ok = 1 } END { exit !ok }' "$WORK/s.txt" ||
	fail "-C table does not count $N getppid calls: $(grep -w getppid "$WORK/s.txt" | tail -1)"
grep -qx "renacer: sampled: $((N - rec)) calls not recorded (--sample=$EVERY)" "$WORK/t.err" ||
	fail "text footer: $(cat "$WORK/t.err")"
said=$(sed -n 's/^--- not recorded: \([0-9]*\) sampled out, 0 rate-limited ---$/\1/p' \
	"$WORK/s.txt" | awk '{ s += $1 } END { print s + 0 }')
[ "$said" -eq $((N - rec)) ] || fail "the text trace says $said calls not recorded, not $((N - rec))"

# --rate-limit=R: at most R a second per CPU plus a bucket of R per CPU.
R=500
N=300000
start=$(date +%s%N)
"$RENACER" --backend=ebpf --rate-limit=$R -e trace=getppid --format=json -o "$WORK/r.json" \
	-- "$TRACEES/storm" $N >/dev/null 2>"$WORK/r.err" || fail "renacer --rate-limit failed"
secs=$(( ($(date +%s%N) - start) / 1000000000 + 1 ))
rec=$(json_count "$WORK/r.json" "rec.get('syscall') == 'getppid'")
lost=$(jsum "$WORK/r.json" count lost)
lim=$(jsum "$WORK/r.json" rate_limited sampled)
max=$(( CPUS * (R * secs + R) ))
echo "--rate-limit=$R: $rec recorded, $lim rate-limited, $lost lost of $N in < $secs s (max $max)"
[ "$rec" -le $max ] || fail "recorded $rec > $CPUS CPUs * ($R/s * ${secs}s + $R burst) = $max"
[ "$rec" -ge 1 ] || fail "--rate-limit recorded nothing"
[ "$lim" -gt 0 ] || fail "--rate-limit left nothing out of a $N-call storm"
[ $((rec + lost + lim)) -eq $N ] || fail "recorded $rec + lost $lost + limited $lim != $N"
grep -qx "renacer: rate-limited: $lim calls not recorded (--rate-limit=$R per second per CPU)" \
	"$WORK/r.err" || fail "rate-limit footer: $(cat "$WORK/r.err")"

# Both at once, and -c alone (no per-call records: nothing to leave out).
"$RENACER" --backend=ebpf --sample=2 --rate-limit=$R -e trace=getppid --format=json \
	-o "$WORK/b.json" -- "$TRACEES/storm" 20000 >/dev/null 2>"$WORK/b.err" || fail "both failed"
rec=$(json_count "$WORK/b.json" "rec.get('syscall') == 'getppid'")
[ $((rec + $(jsum "$WORK/b.json" count lost) + $(jsum "$WORK/b.json" sampled_out sampled) + \
	$(jsum "$WORK/b.json" rate_limited sampled))) -eq 20000 ] || fail "both: counts do not add up"
"$RENACER" --backend=ebpf --sample=10 -c -e trace=getppid -o "$WORK/c.txt" \
	-- "$TRACEES/storm" 5000 >/dev/null 2>"$WORK/c.err" || fail "-c --sample failed"
awk '$NF == "getppid" && $4 == 5000 { ok = 1 } END { exit !ok }' "$WORK/c.txt" ||
	fail "-c --sample: $(cat "$WORK/c.txt")"
echo "ok"
