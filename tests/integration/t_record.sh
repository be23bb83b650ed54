#!/usr/bin/env bash
# renacer record -o TRACE.rnb, then renacer report TRACE.rnb, prints what
# the direct trace prints, byte for byte, on both backends: for the judge-
# style tracees, ls, tar and a forking program, in text (-f), JSON and -c.
# Two runs of a program differ only where the kernel makes them differ:
# pids, the environment's address, getrandom's bytes, getcpu's CPU, times (-c columns,
# JSON ts and dur), the order of lines of concurrent processes (runs use setarch -R,
# an empty environment and fixed file times); those alone are masked.
# A cut file decodes up to the cut and names its offset; a file of a newer
# format version is refused.
. "$(dirname "$0")/lib.sh"
need_cmd setarch
need_cmd tar

mask() {	# mask FILE: pids, the environment's address, random bytes, times
	python3 - "$1" <<'PY'
import re, sys
src = open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read().split("\n")
ren = {}
RET = re.compile(r"^(?:\d+ +)?(?:clone3?|v?fork|getpid|getppid|gettid|set_tid_address)\(.*\) += (\d+)$")
COL = re.compile(r"^(\d+) +(.*)$")
if src and COL.match(src[0]) and not src[0].startswith("{"):
    # -f -o FILE: one column of pids. Two runs interleave processes as the
    # scheduler had it, so the lines are grouped per process (in the order
    # each was created), a call split by another process joined again.
    groups, pending, order = {}, {}, []
    for line in src:
        m = COL.match(line)
        if not m:
            continue
        pid, rest = m.groups()
        if pid not in groups:
            groups[pid] = []
            order.append(pid)
        u = re.match(r"^(.*) <unfinished \.\.\.>$", rest)
        r = re.match(r"^<\.\.\. \S+ resumed>(.*)$", rest)
        if u and not rest.startswith("+++"):
            pending[pid] = u.group(1)
            continue
        if r and pid in pending:
            rest = pending.pop(pid) + re.sub(r"^\) +=", ") =", r.group(1))
        groups[pid].append(re.sub(r"\) +=", ") =", rest))
    names, queue = {}, [order[0]] if order else []
    names[queue[0] if queue else ""] = "PID1"
    out = []
    while queue:
        pid = queue.pop(0)
        for line in groups.get(pid, []):
            m = RET.match(line)
            if m and m.group(1) in groups and m.group(1) not in names:
                names[m.group(1)] = "PID%d" % (len(names) + 1)
                queue.append(m.group(1))
            out.append(names[pid] + " " + line)
    for pid in order:	# processes not reached through a fork
        if pid not in names:
            out += ["?" + " " + l for l in groups[pid]]
    src = out
    for raw, name in names.items():
        ren[raw] = name
pids = {}
for line in src:
    for m in re.finditer(r"\[pid (\d+)\]|\"(?:pid|tid|tgid|ppid)\":(\d+)", line):
        pids.setdefault(m.group(1) or m.group(2), None)
    m = RET.match(line)
    if m:
        pids.setdefault(m.group(1), None)
pids = {p: "PID%d" % (i + 1) for i, p in enumerate(pids)}
pids.update(ren)
out = []
for line in src:
    line = re.sub(r"\b\d{2,}\b", lambda m: pids.get(m.group(0), m.group(0)), line)
    line = re.sub(r"0x[0-9a-f]+ /\* (\d+) vars \*/", r"ENV /* \1 vars */", line)
    line = re.sub(r'getrandom\("[^"]*"', 'getrandom("RANDOM"', line)
    line = re.sub(r'getcpu\(\[\d+\]', 'getcpu([CPU]', line)	# the CPU it ran on
    line = re.sub(r'("syscall":"getcpu".*"args":\[)"\[\d+\]"', r'\1"[CPU]"', line)
    line = re.sub(r'("syscall":"getrandom".*"args":\[)"[^,]*', r'\1"RANDOM"', line)
    line = re.sub(r'\\"(ts|time|dur|duration|timestamp)[a-z_]*\\":[0-9.e+-]+', r'"\1":T', line)
    line = re.sub(r'"(ts|time|dur|duration|timestamp)[a-z_]*":("[^"]*"|[0-9.e+-]+)', r'"\1":T', line)
    # -c: the time columns (the counts and errors stay)
    line = re.sub(r"^ *[0-9.]+ +[0-9.]+ +[0-9]+ +(?=[0-9])", "T ", line)
    out.append(line)
sys.stdout.write("\n".join(out))
PY
}

mkdir -p "$WORK/tree/sub"
printf 'alpha\n' >"$WORK/tree/a.txt"
printf 'beta\n' >"$WORK/tree/sub/b.txt"
find "$WORK/tree" -exec touch -h -d @1000000000 {} +
cd "$WORK" || fail "no work directory"

run() {	# run OUT RENACER-ARGS... -- COMMAND: in a fixed address space and environment
	local out=$1
	shift
	setarch -R env -i PATH=/usr/bin:/bin LC_ALL=C "$@" >/dev/null 2>"$out.err" </dev/null
}

# same NAME BACKEND "RENACER OPTIONS" COMMAND...: direct vs record + report
same() {
	local name=$1 be=$2 opts=$3 d r
	shift 3
	d=$WORK/$name.$be.direct r=$WORK/$name.$be.report
	# shellcheck disable=SC2086
	run "$d" "$RENACER" --backend=$be $opts -o "$d" -- "$@"
	# shellcheck disable=SC2086
	run "$r.rec" "$RENACER" record --backend=$be $opts -o "$r.rnb" -- "$@"
	# shellcheck disable=SC2086
	"$RENACER" report "$r.rnb" $opts -o "$r" 2>"$r.err" ||
		fail "$name ($be, $opts): report failed: $(cat "$r.err")"
	[ -s "$d" ] || fail "$name ($be): no direct output: $(cat "$d.err")"
	mask "$d" >"$d.m"
	mask "$r" >"$r.m"
	if ! cmp -s "$d.m" "$r.m"; then
		diff "$d.m" "$r.m" | head -20 >&2
		fail "$name ($be, $opts): report differs from the direct trace"
	fi
	echo "$name ($be, $opts): $(wc -l <"$d") lines identical"
}

backends=ptrace
have_ebpf && backends="ptrace ebpf"
for be in $backends; do
	same golden $be "" "$TRACEES/golden" "$WORK/want.$be"
	same structs $be "" "$TRACEES/structs"
	same structs-v $be "-v -s 64" "$TRACEES/structs"
	same forker $be "-f" "$TRACEES/forker" fork 3
	same ls $be "" ls -a "$WORK/tree" "$WORK/tree/sub"
	same tar $be "-f" tar -C "$WORK" -cf - tree
	same tar-json $be "-f --format=json" tar -C "$WORK" -cf - tree
	same ls-c $be "-c -S name" ls "$WORK/tree"
done

# A file cut short: what precedes the cut is decoded, the offset is named,
# the exit status says so.
"$RENACER" record --backend=ptrace -o "$WORK/full.rnb" -- "$TRACEES/structs" >/dev/null ||
	fail "record failed"
"$RENACER" report "$WORK/full.rnb" -o "$WORK/full.txt" || fail "report of the full file failed"
size=$(stat -c %s "$WORK/full.rnb")
cutat=$((size - 100))
head -c $cutat "$WORK/full.rnb" >"$WORK/cut.rnb"
if "$RENACER" report "$WORK/cut.rnb" -o "$WORK/cut.txt" 2>"$WORK/cut.err"; then
	fail "a truncated file reported success"
fi
grep -qx "renacer: $WORK/cut.rnb: truncated at byte offset $cutat (.*)" "$WORK/cut.err" ||
	fail "truncation message: $(cat "$WORK/cut.err")"
[ "$(wc -l <"$WORK/cut.txt")" -ge "$(($(wc -l <"$WORK/full.txt") - 3))" ] ||
	fail "the records before the cut were not all decoded"
head -n "$(wc -l <"$WORK/cut.txt")" "$WORK/full.txt" | cmp -s - "$WORK/cut.txt" ||
	fail "the records before the cut decode differently"
echo "cut at $cutat of $size: $(wc -l <"$WORK/cut.txt") of $(wc -l <"$WORK/full.txt") lines"

# A file from a newer format version is refused, naming the reason.
cp "$WORK/full.rnb" "$WORK/new.rnb"
printf '\x63\x00\x00\x00' | dd of="$WORK/new.rnb" bs=1 seek=8 conv=notrunc status=none
if "$RENACER" report "$WORK/new.rnb" 2>"$WORK/new.err" >/dev/null; then
	fail "a newer format version was accepted"
fi
grep -q "format version 99 is newer than this renacer reads" "$WORK/new.err" ||
	fail "newer version message: $(cat "$WORK/new.err")"

# Not a recording at all; -k of a recording without stacks (t_record_stack.sh).
printf 'hello' >"$WORK/not.rnb"
"$RENACER" report "$WORK/not.rnb" 2>"$WORK/not.err" && fail "a non-.rnb file was accepted"
grep -q "not a renacer record file (bad magic at byte offset 0)" "$WORK/not.err" ||
	fail "bad magic message: $(cat "$WORK/not.err")"
"$RENACER" report "$WORK/full.rnb" -k 2>"$WORK/k.err" && fail "report -k was accepted"
grep -q "recorded without stacks" "$WORK/k.err" || fail "-k message: $(cat "$WORK/k.err")"
"$RENACER" record -- true 2>"$WORK/o.err" && fail "record without -o was accepted"
grep -q "usage: renacer record -o TRACE.rnb" "$WORK/o.err" || fail "record without -o: $(cat "$WORK/o.err")"
echo ok
