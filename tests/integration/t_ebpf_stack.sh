#!/usr/bin/env bash
# -k, --source and --stack-format=folded on the eBPF backend (#15): for a
# program built with frame pointers (tracees/stack_fp.c: main -> a -> b ->
# c -> the call), the frames (objects, functions, offsets, source lines),
# the --source annotations, the folded stacks, the JSON and Perfetto stacks
# equal the ptrace backend's for the same program; they still do when the
# process is gone before its /proc maps can be read (the kernel describes
# the mappings); a stack through code without frame pointers beyond the
# copied window is cut short and counted, never made up.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
prog="$TRACEES/stack_fp"
src="$TESTDIR/../tracees/stack_fp.c"
[ -x "$prog" ] || skip "$prog is not built"
line_of() { grep -n "SYSCALL-SITE: $1 \*/" "$src" | cut -d: -f1; }
l_ppid=$(line_of getppid)
l_pid=$(line_of getpid)
[ -n "$l_ppid" ] && [ -n "$l_pid" ] || fail "no SYSCALL-SITE lines in $src"

# The frames of each call, run-independent: addresses and return values out.
frames() { sed -n 's/ \[0x[0-9a-f]*\]//; /^ > /p' "$1"; }
calls() { sed -n 's/^\([a-z_0-9]*\)(.*/\1/p' "$1"; }

for be in ptrace ebpf; do
	"$RENACER" --backend=$be -k -e trace=getppid,getpid -o "$WORK/k.$be" -- "$prog" 2 ||
		fail "$be -k failed"
done
frames "$WORK/k.ebpf" > "$WORK/fe"
frames "$WORK/k.ptrace" > "$WORK/fp"
[ -s "$WORK/fp" ] || fail "ptrace -k printed no frames"
diff "$WORK/fp" "$WORK/fe" >&2 || fail "eBPF -k frames differ from ptrace's"
[ "$(calls "$WORK/k.ebpf")" = "$(calls "$WORK/k.ptrace")" ] || fail "the calls differ"
# the chain itself, innermost first: c (at its call site) b a main
for want in "getppid" "syscall"; do
	chain=$(awk -v w="$want" '/^ > /{ if (on) print } /^[a-z]/{ on = 0 } /^ > .*\('"$want"'\+/{ on = 1 }' \
		"$WORK/k.ebpf" | sed -n 's/.*(\([a-z_]*\)+0x[0-9a-f]*).*/\1/p' | head -4 | tr '\n' ' ')
	[ "$chain" = "c b a main " ] || fail "eBPF chain above $want: '$chain'"
done
grep -q "(c+0x[0-9a-f]*) stack_fp.c:$l_ppid\$" "$WORK/fe" || fail "no c frame at line $l_ppid"
grep -q "(c+0x[0-9a-f]*) stack_fp.c:$l_pid\$" "$WORK/fe" || fail "no c frame at line $l_pid"

# --source: the same annotations
for be in ptrace ebpf; do
	"$RENACER" --backend=$be --source -e trace=getppid,getpid -o "$WORK/s.$be" -- "$prog" 3 ||
		fail "$be --source failed"
	sed -n 's/.*\(\[[^]]*\]\)$/\1/p' "$WORK/s.$be" > "$WORK/sa.$be"
done
[ "$(grep -c "^\[stack_fp.c:$l_ppid c\]\$" "$WORK/sa.ebpf")" -eq 3 ] ||
	{ cat "$WORK/s.ebpf"; fail "eBPF --source: not 3 x [stack_fp.c:$l_ppid c]"; }
diff "$WORK/sa.ptrace" "$WORK/sa.ebpf" >&2 || fail "--source annotations differ"

# --stack-format=folded: the same set of stacks and counts
for be in ptrace ebpf; do
	"$RENACER" --backend=$be --stack-format=folded -e trace=getppid,getpid \
		-o "$WORK/f.$be" -- "$prog" 5 || fail "$be folded failed"
done
grep -q '^stack_fp;.*;main;a;b;c;getppid;getppid 5$' "$WORK/f.ebpf" ||
	{ cat "$WORK/f.ebpf"; fail "eBPF folded: no main;a;b;c;getppid 5"; }
diff "$WORK/f.ptrace" "$WORK/f.ebpf" >&2 || fail "folded stacks differ"

# --function-time: the same (function, syscall) rows and counts
for be in ptrace ebpf; do
	"$RENACER" --backend=$be -c --function-time -e trace=getppid,getpid -o "$WORK/ft.$be" \
		-- "$prog" 4 || fail "$be --function-time failed"
	awk '$NF ~ /^getp/ && $(NF-1) == "c" { print $(NF-2), $(NF-1), $NF }' "$WORK/ft.$be" |
		sort > "$WORK/ftr.$be"
done
[ "$(cat "$WORK/ftr.ebpf")" = "$(printf '1 c getpid\n4 c getppid')" ] ||
	{ cat "$WORK/ft.ebpf"; fail "eBPF --function-time rows"; }
diff "$WORK/ftr.ptrace" "$WORK/ftr.ebpf" >&2 || fail "--function-time rows differ"

# JSON and Perfetto carry the same frames (ip aside: addresses are randomised)
for be in ptrace ebpf; do
	"$RENACER" --backend=$be --format=json -k -e trace=getpid -o "$WORK/j.$be" -- "$prog" ||
		fail "$be json -k failed"
	"$RENACER" --backend=$be --format=perfetto -k -e trace=getpid -o "$WORK/p.$be" -- "$prog" ||
		fail "$be perfetto -k failed"
done
"$RENACER" export --format=perfetto -o "$WORK/p.export" "$WORK/j.ebpf" || fail "export failed"
python3 - "$WORK" <<'PY' || fail "JSON / Perfetto stacks differ between the backends"
import json, sys
w = sys.argv[1]
def js(be):
    recs = [json.loads(l) for l in open("%s/j.%s" % (w, be))]
    st = [r["stack"] for r in recs if r.get("syscall") == "getpid"]
    assert st, be + ": no getpid record with a stack"
    return [[{k: v for k, v in f.items() if k != "ip"} for f in s] for s in st]
def pf(be):
    doc = json.load(open("%s/p.%s" % (w, be)))
    st = [e["args"]["stack"] for e in doc["traceEvents"] if e.get("name") == "getpid"]
    assert st and "c (stack_fp.c:" in st[0][1], (be, st)
    return st
assert js("ptrace") == js("ebpf"), (js("ptrace"), js("ebpf"))
assert pf("ptrace") == pf("ebpf"), (pf("ptrace"), pf("ebpf"))
# renacer export writes the stacks a JSON Lines trace carries as the live sink does
assert pf("export") == pf("ebpf"), (pf("export"), pf("ebpf"))
PY

# The process gone before its maps are read: the kernel's descriptions do
RENACER_STACK_NO_PROC=1 "$RENACER" --backend=ebpf -d -k -e trace=getppid,getpid \
	-o "$WORK/k.gone" -- "$prog" 2 2>"$WORK/d.gone" || fail "eBPF -k without /proc failed"
frames "$WORK/k.gone" > "$WORK/fg"
diff "$WORK/fp" "$WORK/fg" >&2 || fail "eBPF -k frames without /proc differ from ptrace's"
grep -q 'eBPF stacks: 3 taken, 0 cut short, 0 frames outside' "$WORK/d.gone" ||
	{ cat "$WORK/d.gone"; fail "--debug does not count 3 whole stacks"; }

# Cut short: big() keeps no frame pointer and 8 KiB of locals. eBPF shows
# the frames up to it (as ptrace does), nothing past, and says so.
for be in ptrace ebpf; do
	"$RENACER" --backend=$be -k -e trace=getpid -o "$WORK/c.$be" -- "$prog" 1 deep \
		2>"$WORK/ce.$be" || fail "$be -k deep failed"
done
frames "$WORK/c.ebpf" > "$WORK/ce"
frames "$WORK/c.ptrace" | head -n "$(wc -l < "$WORK/ce")" > "$WORK/cp"
[ "$(wc -l < "$WORK/ce")" -ge 3 ] || { cat "$WORK/c.ebpf"; fail "cut stack: under 3 frames"; }
grep -q '(big+' "$WORK/ce" || fail "cut stack: no big frame"
grep -q '(main+' "$WORK/ce" && fail "cut stack: main found past a frame-pointer-less frame?"
diff "$WORK/cp" "$WORK/ce" >&2 || fail "cut stack is not a prefix of ptrace's"
grep -q '1 of 1 stacks cut short' "$WORK/ce.ebpf" || { cat "$WORK/ce.ebpf"; fail "no cut count at exit"; }
grep -q 'cut short' "$WORK/ce.ptrace" && fail "ptrace reported cut stacks"

# auto keeps ptrace for -k, and says why
"$RENACER" -d -k -e trace=getpid -o /dev/null -- "$prog" 2>"$WORK/auto" || fail "auto -k failed"
grep -q 'backend ptrace: -k unwinds without frame pointers' "$WORK/auto" ||
	{ cat "$WORK/auto"; fail "auto -k did not say why it chose ptrace"; }
# the benchmark runs end to end (its quick mode; the ratio is not judged here)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RENACER=$RENACER B=$B timeout 300 bash "$ROOT/bench/stack_bench.sh" -q >"$WORK/bench" 2>&1 ||
	{ cat "$WORK/bench"; fail "bench/stack_bench.sh -q failed"; }
grep -q '10000 calls and 10000 stacks through c delivered' "$WORK/bench" &&
	grep -q '^ptrace -k / eBPF -k added cost per call: -\?[0-9.]*x' "$WORK/bench" ||
	{ cat "$WORK/bench"; fail "bench/stack_bench.sh -q: no ratio or stacks missing"; }
echo "eBPF stacks: $(wc -l < "$WORK/fe") frames equal to ptrace's, folded and --source too"
