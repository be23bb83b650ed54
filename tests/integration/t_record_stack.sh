#!/usr/bin/env bash
# renacer record -k, then renacer report -k / --stack-format=folded /
# --source / --function-time / JSON: the frames (objects, functions,
# offsets, source lines) a report prints from the recorded raw stacks and
# mappings equal those of a direct run on the same program, eBPF and ptrace
# (tracees/stack_fp.c, frame pointers: main -> a -> b -> c -> the call);
# also when the recording never read the process's /proc maps (the kernel's
# descriptions alone). A file whose build id changed since the recording is
# not used for names: raw addresses and one warning line, never a symbol of
# another build. What cannot work says so in one line.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
prog="$TRACEES/stack_fp"
[ -x "$prog" ] || skip "$prog is not built"
EV=trace=getppid,getpid
# frames without their run-dependent addresses; calls without results
frames() { sed -n 's/ \[0x[0-9a-f]*\]//; /^ > /p' "$1"; }
calls() { sed -n 's/^\([a-z_0-9]*\)(.*/\1/p' "$1"; }

# -k: direct eBPF run against record (backend chosen by auto) + report
"$RENACER" --backend=ebpf -k -e $EV -o "$WORK/k.direct" -- "$prog" 2 || fail "direct -k failed"
"$RENACER" record -k -e $EV -o "$WORK/k.rnb" -- "$prog" 2 2>"$WORK/k.rec.err" ||
	fail "record -k failed: $(cat "$WORK/k.rec.err")"
"$RENACER" report -k -o "$WORK/k.report" "$WORK/k.rnb" 2>"$WORK/k.rep.err" ||
	fail "report -k failed: $(cat "$WORK/k.rep.err")"
frames "$WORK/k.direct" >"$WORK/fd"
frames "$WORK/k.report" >"$WORK/fr"
[ -s "$WORK/fd" ] || fail "the direct run printed no frames"
diff "$WORK/fd" "$WORK/fr" >&2 || fail "report -k frames differ from the direct eBPF -k run"
[ "$(calls "$WORK/k.direct")" = "$(calls "$WORK/k.report")" ] || fail "the calls differ"
chain=$(awk '/^ > /{ if (on) print } /^[a-z]/{ on = 0 } /^ > .*\(getppid\+/{ on = 1 }' \
	"$WORK/k.report" | sed -n 's/.*(\([a-z_]*\)+0x[0-9a-f]*).*/\1/p' | head -4 | tr '\n' ' ')
[ "$chain" = "c b a main " ] || fail "report chain above getppid: '$chain'"
echo "-k: $(wc -l <"$WORK/fr") frames identical"

# --stack-format=folded: the report of a folded recording, and of the -k one
"$RENACER" --backend=ebpf --stack-format=folded -e $EV -o "$WORK/f.direct" -- "$prog" 5 ||
	fail "direct folded failed"
"$RENACER" record --stack-format=folded -e $EV -o "$WORK/f.rnb" -- "$prog" 5 ||
	fail "record folded failed"
"$RENACER" report --stack-format=folded -o "$WORK/f.report" "$WORK/f.rnb" ||
	fail "report folded failed"
grep -q '^stack_fp;.*;main;a;b;c;getppid;getppid 5$' "$WORK/f.report" ||
	{ cat "$WORK/f.report" >&2; fail "report folded: no main;a;b;c;getppid 5"; }
diff "$WORK/f.direct" "$WORK/f.report" >&2 || fail "folded stacks differ"
"$RENACER" report --stack-format=folded -o "$WORK/fk.report" "$WORK/k.rnb" ||
	fail "report folded of a -k recording failed"
grep -q '^stack_fp;.*;main;a;b;c;getppid;getppid 2$' "$WORK/fk.report" ||
	fail "report folded of the -k recording: $(cat "$WORK/fk.report")"
echo "folded: identical"

# --source and --function-time from the same recording
"$RENACER" --backend=ebpf --source -e $EV -o "$WORK/s.direct" -- "$prog" 5 ||
	fail "direct --source failed"
"$RENACER" report --source -o "$WORK/s.report" "$WORK/f.rnb" || fail "report --source failed"
ann() { sed -n 's/.*\(\[[^]]*\]\)$/\1/p' "$1"; }
[ "$(ann "$WORK/s.report" | grep -c '^\[stack_fp.c:[0-9]* c\]$')" -eq 6 ] ||
	{ cat "$WORK/s.report" >&2; fail "report --source: not 6 [stack_fp.c:N c]"; }
diff <(ann "$WORK/s.direct") <(ann "$WORK/s.report") >&2 || fail "--source annotations differ"
"$RENACER" report -c --function-time -o "$WORK/ft.report" "$WORK/f.rnb" ||
	fail "report --function-time failed"
rows=$(awk '$NF ~ /^getp/ && $(NF-1) == "c" { print $(NF-2), $(NF-1), $NF }' "$WORK/ft.report" |
	sort | tr '\n' ,)
[ "$rows" = "1 c getpid,5 c getppid," ] || { cat "$WORK/ft.report" >&2; fail "--function-time rows: $rows"; }
echo "--source, --function-time: identical"

# JSON carries the same frames (ip aside)
"$RENACER" --backend=ebpf --format=json -k -e $EV -o "$WORK/j.direct" -- "$prog" ||
	fail "direct json failed"
"$RENACER" report --format=json -k -o "$WORK/j.report" "$WORK/k.rnb" || fail "report json failed"
jframes() {
	python3 - "$1" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    rec = json.loads(line)
    for f in rec.get("stack") or []:
        f.pop("ip", None)
        print(rec["syscall"], json.dumps(f, sort_keys=True))
PY
}
jframes "$WORK/j.direct" | sort -u >"$WORK/jd"
jframes "$WORK/j.report" | sort -u >"$WORK/jr"
[ -s "$WORK/jd" ] || fail "direct JSON has no stacks"
diff "$WORK/jd" "$WORK/jr" >&2 || fail "JSON stacks differ"

# the recording never reads /proc maps (a process gone before its first
# stack is read): the kernel's descriptions, resolved at record time, do
RENACER_STACK_NO_PROC=1 "$RENACER" record -k -e $EV -o "$WORK/np.rnb" -- "$prog" 2 ||
	fail "record without /proc failed"
"$RENACER" report -k -o "$WORK/np.report" "$WORK/np.rnb" || fail "report (no /proc) failed"
frames "$WORK/np.report" | grep '(c+0x' >"$WORK/npc"
[ "$(wc -l <"$WORK/npc")" -eq 3 ] || { cat "$WORK/np.report" >&2; fail "no /proc: c frames missing"; }
grep '(c+0x' "$WORK/fd" | diff - "$WORK/npc" >&2 || fail "no /proc: c frames differ"

# several processes, one exec'ing in place (sh's mappings, then stack_fp's,
# for the same pid): each stack unwound with the mappings of its time. No
# /proc on either side, so that what is found does not depend on whether a
# process was still there when its first stack was read.
fmask() { sed -E 's/^[0-9]+ +//; s/ \[0x[0-9a-f]*\]//; s/= [0-9]+$/= N/; s/si_pid=[0-9]+/si_pid=N/' "$1"; }
cmd="$prog 2; $prog 3; exec $prog 1"
RENACER_STACK_NO_PROC=1 "$RENACER" --backend=ebpf -k -f -e $EV -o "$WORK/m.direct" -- sh -c "$cmd" \
	2>/dev/null || fail "direct -k -f failed"
RENACER_STACK_NO_PROC=1 "$RENACER" record -k -f -e $EV -o "$WORK/m.rnb" -- sh -c "$cmd" ||
	fail "record -k -f failed"
"$RENACER" report -k -f -o "$WORK/m.report" "$WORK/m.rnb" 2>/dev/null || fail "report -k -f failed"
grep -q 'libc.so.6(__libc_start_main+' "$WORK/m.report" || fail "-f: no libc frames"
[ "$(grep -c '^[0-9]* *getp' "$WORK/m.report")" -eq 11 ] || fail "-f: not 11 calls: $(cat "$WORK/m.report")"
diff <(fmask "$WORK/m.direct") <(fmask "$WORK/m.report") >&2 || fail "-f: report frames differ"
echo "-f, exec: $(grep -c '^ > ' "$WORK/m.report") frames identical"

# a library loaded after the process's first stack (its maps read then),
# whose frame lies in the copied stack only: the recording reads the maps
# again while the process lives, as a direct run does, on both backends
dl="$TRACEES/dlopen_call"
lib="$TRACEES/src/libsrccall.so"
[ -x "$dl" ] && [ -f "$lib" ] || fail "$dl or $lib is not built"
for be in ebpf ptrace; do
	"$RENACER" --backend=$be -k -e $EV -o "$WORK/dl.direct" -- "$dl" "$lib" || fail "$be dlopen -k"
	"$RENACER" record --backend=$be -k -e $EV -o "$WORK/dl.rnb" -- "$dl" "$lib" ||
		fail "record $be dlopen -k"
	"$RENACER" report -k -o "$WORK/dl.report" "$WORK/dl.rnb" 2>/dev/null || fail "report $be dlopen"
	grep -q 'libsrccall.so(f3+0x[0-9a-f]*) .*src_call.c:[0-9]*$' "$WORK/dl.report" ||
		{ cat "$WORK/dl.report" >&2; fail "$be: report has no f3 frame in the library loaded later"; }
	# the direct run reads the maps again only if it unwinds before the
	# process ends (its first stack is named with DWARF meanwhile: on a
	# loaded machine that can take longer than the tracee's 1 s)
	if grep -q 'libsrccall.so(f3' "$WORK/dl.direct"; then
		diff <(frames "$WORK/dl.direct") <(frames "$WORK/dl.report") >&2 ||
			fail "$be: dlopen frames differ"
	else
		echo "note: the direct $be run missed the library (late): not compared"
	fi
	echo "$be: a library loaded later: $(frames "$WORK/dl.report" | grep -c libsrccall) frames named"
done

# a file rebuilt since the recording (its build id changed in place): its
# frames are addresses, never its symbols; one line says which file
cp "$prog" "$WORK/stack_copy"
"$RENACER" record -k -e $EV -o "$WORK/bid.rnb" -- "$WORK/stack_copy" 2 || fail "record copy failed"
"$RENACER" report -k -o "$WORK/bid.ok" "$WORK/bid.rnb" 2>"$WORK/bid.ok.err" || fail "report copy failed"
grep -q 'stack_copy(c+0x' "$WORK/bid.ok" || fail "the unchanged copy is not named: $(head -4 "$WORK/bid.ok")"
grep -q 'changed since the recording' "$WORK/bid.ok.err" && fail "an unchanged file was called changed"
python3 - "$WORK/stack_copy" <<'PY' || fail "cannot change the copy's build id"
import struct, sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
phoff, = struct.unpack_from("<Q", b, 0x20)
phentsize, phnum = struct.unpack_from("<HH", b, 0x36)
for i in range(phnum):
    typ, = struct.unpack_from("<I", b, phoff + i * phentsize)
    off, = struct.unpack_from("<Q", b, phoff + i * phentsize + 8)
    size, = struct.unpack_from("<Q", b, phoff + i * phentsize + 32)
    o = off
    while typ == 4 and o + 12 <= off + size:
        nsz, dsz, nt = struct.unpack_from("<III", b, o)
        d = o + 12 + ((nsz + 3) & ~3)
        if nt == 3 and b[o + 12:o + 16] == b"GNU\0":
            b[d] ^= 0xff
            open(p, "wb").write(b)
            sys.exit(0)
        o = d + ((dsz + 3) & ~3)
sys.exit(1)
PY
"$RENACER" report -k -o "$WORK/bid.bad" "$WORK/bid.rnb" 2>"$WORK/bid.err" ||
	fail "report with a changed file failed: $(cat "$WORK/bid.err")"
grep -q 'stack_copy(' "$WORK/bid.bad" && fail "a frame named from a file of another build"
grep -q '^ > ?? \[0x[0-9a-f]*\]$' "$WORK/bid.bad" || fail "no raw address frame: $(head -4 "$WORK/bid.bad")"
[ "$(grep -c 'changed since the recording' "$WORK/bid.err")" -eq 1 ] ||
	fail "no one-line warning: $(cat "$WORK/bid.err")"
grep -q "changed since the recording.*$WORK/stack_copy" "$WORK/bid.err" || fail "the file is not named"
grep -q 'stacks cut short' "$WORK/bid.err" || fail "the unnamed stacks are not counted: $(cat "$WORK/bid.err")"
echo "changed build id: addresses, $(grep -c '^ > ??' "$WORK/bid.bad") frames; $(head -1 "$WORK/bid.err")"

# ptrace: the frames' addresses are unwound while the task is stopped and
# kept with the call, the maps written when a process first shows (again
# when an address is in none of them); report names them the same way.
# Several processes, an exec in place, a program without frame pointers (ls).
pmask() {	# per process, calls split by another process's lines joined again
	python3 - "$1" <<'PY'
import re, sys
groups, pending, last = {}, {}, None
for line in open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read().split("\n"):
    m = re.match(r"^(\d+) +(.*)$", line)
    if not m:	# a frame of the last call, or a line of no process (folded)
        if line.startswith(" > ") and last in groups and groups[last]:
            groups[last][-1] += "\n" + line
        elif line:
            groups.setdefault("-", []).append(line)
        continue
    pid, rest = m.groups()
    last = pid
    u = re.match(r"^(.*) <unfinished \.\.\.>$", rest)
    r = re.match(r"^<\.\.\. \S+ resumed>(.*)$", rest)
    if u and not rest.startswith("+++"):
        pending[pid] = u.group(1)
        continue
    if r and pid in pending:
        rest = pending.pop(pid) + r.group(1)
    groups.setdefault(pid, []).append(rest)
out = []
for entries in groups.values():
    text = "\n".join(entries)
    text = re.sub(r"\) +=", ") =", text)
    text = re.sub(r" \[0x[0-9a-f]*\]", "", text)
    text = re.sub(r"= \d+( \[|$)", r"= N\1", text, flags=re.M)
    text = re.sub(r"0x[0-9a-f]{6,}", "ADDR", text)
    text = re.sub(r"si_pid=\d+", "si_pid=N", text)
    text = re.sub(r'getrandom\("[^"]*"', 'getrandom("R"', text)
    text = re.sub(r"si_(u|s)time=\d+( /\* [^*]* \*/)?", r"si_\1time=T", text)
    out.append(text)
print("\n=====\n".join(sorted(out)))
PY
}
cmd="ls / >/dev/null; $prog 2; exec $prog 1"
for opt in -k --source --stack-format=folded; do
	"$RENACER" --backend=ptrace $opt -f -o "$WORK/p.direct" -- sh -c "$cmd" || fail "ptrace $opt failed"
	"$RENACER" record --backend=ptrace $opt -f -o "$WORK/p.rnb" -- sh -c "$cmd" ||
		fail "record --backend=ptrace $opt failed"
	"$RENACER" report $opt -f -o "$WORK/p.report" "$WORK/p.rnb" 2>"$WORK/p.err" ||
		fail "report of ptrace $opt failed: $(cat "$WORK/p.err")"
	diff <(pmask "$WORK/p.direct") <(pmask "$WORK/p.report") >&2 ||
		fail "ptrace $opt: the report differs from the direct trace"
	echo "ptrace $opt: $(wc -l <"$WORK/p.report") lines identical"
done
grep -q ';main;a;b;c;getppid;getppid 3$' "$WORK/p.report" || fail "ptrace folded: $(cat "$WORK/p.report")"
"$RENACER" report -k -f -o "$WORK/p.k" "$WORK/p.rnb" || fail "ptrace report -k of the folded recording"
[ "$(grep -c '(c+0x[0-9a-f]*) .*stack_fp.c:[0-9]*$' "$WORK/p.k")" -eq 5 ] ||
	fail "ptrace report -k: not 5 c frames: $(grep -c '(c+' "$WORK/p.k")"
grep -q '/ls(' "$WORK/p.k" || fail "ptrace report -k: no frame in ls"

# what cannot work says so in one line
"$RENACER" record -o "$WORK/nok.rnb" -e $EV -- "$prog" 2 || fail "record without -k failed"
"$RENACER" report -k "$WORK/nok.rnb" >/dev/null 2>"$WORK/nok.err" && fail "report -k of a recording without stacks"
grep -q "recorded without stacks" "$WORK/nok.err" || fail "no reason: $(cat "$WORK/nok.err")"
echo "t_record_stack: ok"
