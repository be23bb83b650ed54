#!/usr/bin/env bash
# -f -c counts are exact on both backends: a tracee of 3 processes x 4
# threads x 25 chdir calls (7 failing each) gives 300 calls and 84 errors,
# per thread 25 and 7 (--summary-by=thread), per process 100 and 28, and the
# JSON summary says the same. On deterministic programs every syscall's
# calls and errors equal strace -c -f's.
. "$(dirname "$0")/lib.sh"
T=$TRACEES/chdirs
[ -x "$T" ] || skip "$T is not built"

# "calls errors" of syscall $2 in summary file $1 (errors 0 when blank)
row() {
	awk -v sc="$2" '$NF == sc && $1 ~ /^[0-9.]+$/ {
		print $4, (NF == 6 ? $5 : 0); exit }' "$1"
}

# every "calls errors name" row of a -c table, sorted
rows() {
	awk '$1 ~ /^[0-9]+\.[0-9][0-9]$/ && $4 ~ /^[0-9]+$/ && $NF != "total" {
		print $NF, $4, (NF == 6 ? $5 : 0) }' "$1" | sort
}

backends=ptrace
if "$RENACER" --backend=ebpf -c -o /dev/null true 2>/dev/null; then
	backends="ptrace ebpf"
else
	echo "note: eBPF backend unavailable here; checking ptrace only"
fi

for be in $backends; do
	"$RENACER" --backend=$be -f -c -o "$WORK/c.txt" "$T" 3 4 25 7 ||
		fail "$be: tracee failed"
	got=$(row "$WORK/c.txt" chdir)
	[ "$got" = "300 84" ] || { cat "$WORK/c.txt"; fail "$be: chdir calls/errors '$got', want '300 84'"; }

	"$RENACER" --backend=$be -f -c --summary-by=thread -o "$WORK/t.txt" "$T" 3 4 25 7 ||
		fail "$be: tracee failed (by thread)"
	n=$(awk '$NF == "chdir" && $4 == 25 && $5 == 7' "$WORK/t.txt" | wc -l)
	[ "$n" -eq 12 ] || { cat "$WORK/t.txt"; fail "$be: $n threads with 25/7 chdir, want 12"; }

	"$RENACER" --backend=$be -f -c --summary-by=process -o "$WORK/p.txt" "$T" 3 4 25 7 ||
		fail "$be: tracee failed (by process)"
	n=$(awk '$NF == "chdir" && $4 == 100 && $5 == 28' "$WORK/p.txt" | wc -l)
	[ "$n" -eq 3 ] || { cat "$WORK/p.txt"; fail "$be: $n processes with 100/28 chdir, want 3"; }

	"$RENACER" --backend=$be -f -c --format=json -o "$WORK/j.json" "$T" 3 4 25 7 ||
		fail "$be: tracee failed (json)"
	python3 - "$WORK/j.json" <<'PY' || fail "$be: JSON summary"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
s = [o for o in objs if o.get("type") == "summary"]
assert len(s) == 1, "want one summary object, got %d" % len(s)
ch = [r for r in s[0]["syscalls"] if r["syscall"] == "chdir"]
assert ch and ch[0]["calls"] == 300 and ch[0]["errors"] == 84, ch
for k in ("min_us", "p50_us", "p90_us", "p99_us", "max_us", "stddev_us", "avg_us"):
    assert isinstance(ch[0][k], (int, float)), k
assert ch[0]["min_us"] <= ch[0]["p50_us"] <= ch[0]["p90_us"] <= ch[0]["p99_us"] <= ch[0]["max_us"]
PY
done

# calls and errors equal strace -c -f's on deterministic programs
command -v strace >/dev/null || { echo "note: strace missing, differential part skipped"; exit 0; }
i=0
for cmd in "$TRACEES/forker fork 3" "$BENCHBIN/readloop 500" "sh -c 'ls / >/dev/null; cd /nonexistent-renacer-dir; true'"; do
	i=$((i + 1))
	eval strace -f -c -o "$WORK/s$i.txt" $cmd >/dev/null 2>&1
	rows "$WORK/s$i.txt" >"$WORK/s$i.rows"
	for be in $backends; do
		eval "\"$RENACER\"" --backend=$be -f -c -o "$WORK/r$i.txt" $cmd >/dev/null 2>&1
		rows "$WORK/r$i.txt" >"$WORK/r$i.rows"
		diff "$WORK/s$i.rows" "$WORK/r$i.rows" >/dev/null ||
			{ diff "$WORK/s$i.rows" "$WORK/r$i.rows"; fail "$be: -c differs from strace -c -f on: $cmd"; }
	done
done
exit 0
