#!/usr/bin/env bash
# --readers=N: storms of 1, 4 and 16 threads traced by several reader threads.
#
# Each storm thread calls close(1000000 + i) for i = 0..N-1 (storm -c): the
# counter in the argument shows the order of each thread's calls. For every
# run, in JSON and in text:
#   - the readers ran (--debug says "N readers" and each reader's count);
#   - delivered + reported lost >= calls made, and delivered <= calls made;
#   - every thread's calls appear in the order it made them (strictly
#     increasing counters), with each counter at most once;
#   - the merged trace is in order of the calls' ends but for a few records
#     (JSON: at most 1% of the lines end more than 1 ms before the line
#     above);
# and where neither run lost anything, JSON and text show the same calls of
# the same threads, and a one-thread storm under 2 readers prints the same
# lines as under 1 reader (the pid column aside).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
TOTAL=${READERS_TEST_CALLS:-32000}
# the CPUs the kernel may ever bring up (libbpf's count): one ring each at most
NCPUS=$(python3 -c '
s = open("/sys/devices/system/cpu/possible").read().strip()
print(sum(int(b) - int(a) + 1 if b else 1 for a, _, b in (r.partition("-") for r in s.split(","))))')

check() {	# $1 file, $2 format, $3 calls made, $4 stderr file
	python3 - "$@" <<'PY'
import json, re, sys
path, fmt, calls, errf = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
FD0 = 1000000
seqs, ends, lost = {}, [], 0
line_re = re.compile(r'^(\d+) +close\((\d+)\) += -1 EBADF')
for line in open(path):
    if fmt == 'json':
        rec = json.loads(line)
        if rec['type'] == 'lost':
            lost += rec['count']
            continue
        if rec['type'] == 'syscall':
            ends.append(rec['ts'] + rec['dur_us'] / 1e6)
        if rec.get('syscall') != 'close' or rec['args'][0] < FD0:
            continue
        tid, n = rec['pid'], rec['args'][0] - FD0
    else:
        m = line_re.match(line)
        if not m:
            continue
        tid, n = int(m.group(1)), int(m.group(2)) - FD0
    seqs.setdefault(tid, []).append(n)
if fmt != 'json':
    m = re.search(r'renacer: (\d+) events lost', open(errf).read())
    lost = int(m.group(1)) if m else 0
delivered = sum(len(s) for s in seqs.values())
for tid, s in seqs.items():
    bad = [i for i in range(1, len(s)) if s[i] <= s[i - 1]]
    if bad:
        i = bad[0]
        sys.exit(f"{path}: thread {tid}: call {s[i]} after call {s[i-1]} "
                 f"({len(bad)} out of order)")
if delivered > calls:
    sys.exit(f"{path}: {delivered} records delivered, only {calls} calls made")
if delivered + lost < calls:
    sys.exit(f"{path}: {delivered} delivered + {lost} lost < {calls} calls made")
late = sum(1 for i in range(1, len(ends)) if ends[i] < ends[i - 1] - 1e-3)
if ends and late > len(ends) / 100:
    sys.exit(f"{path}: {late} of {len(ends)} lines end more than 1 ms before the line above")
# the per-thread sequences, by thread in order of first appearance
print(lost, delivered, ' '.join(str(len(s)) for s in sorted(seqs.values(), key=len)))
PY
}

run() {	# $1 name, $2 format, $3 readers, $4 extra storm threads, $5 calls each
	local name=$1 fmt=$2 r=$3 k=$4 n=$5
	"$RENACER" --backend=ebpf --debug --readers=$r -f --format=$fmt -o "$WORK/$name.out" \
		-- "$TRACEES/storm" -c -t $k $n >"$WORK/$name.calls" 2>"$WORK/$name.err" ||
		fail "$name: renacer failed: $(grep -v '^renacer: \(eBPF\|backend\)' "$WORK/$name.err" | tail -3)"
	calls=$(cat "$WORK/$name.calls")
	[ "$calls" -eq $(((k + 1) * n)) ] || fail "$name: the storm made $calls calls"
	if [ "$r" -gt 1 ]; then
		# as many as asked, but no more readers than CPUs
		want=$(( r < NCPUS ? r : NCPUS ))
		grep -q "^renacer: $want readers$" "$WORK/$name.err" ||
			fail "$name: not run on $want readers: $(grep readers "$WORK/$name.err")"
		[ "$(grep -c '^renacer: reader [0-9]*: [0-9]* records, ' "$WORK/$name.err")" -eq "$want" ] ||
			fail "$name: $want readers did not all report"
	fi
	res=$(check "$WORK/$name.out" $fmt "$calls" "$WORK/$name.err") || fail "$res"
	echo "$name: $calls calls, lost/delivered/per-thread: $res"
}

for threads in 1 4 16; do
	n=$((TOTAL / threads))
	for r in 2 4; do
		run "t$threads-r$r-json" json $r $((threads - 1)) $n
		json=$res
		run "t$threads-r$r-text" text $r $((threads - 1)) $n
		# nothing lost in either: the same calls, thread by thread
		if [ "${json%% *}" = 0 ] && [ "${res%% *}" = 0 ]; then
			[ "$json" = "$res" ] || fail "t$threads-r$r: JSON ($json) and text ($res) differ"
		fi
	done
done

# One thread: 2 readers print what 1 reader prints (the calls' lines; the
# pid column aside). The loader's calls differ from run to run (addresses),
# the storm's do not.
run one-r1 text 1 0 2000
run one-r2 text 2 0 2000
for f in one-r1 one-r2; do
	sed -n 's/^[0-9]* *\(close(1[0-9]*).*\)/\1/p' "$WORK/$f.out" >"$WORK/$f.lines"
done
[ "$(wc -l <"$WORK/one-r1.lines")" -eq 2000 ] || fail "one-r1: $(wc -l <"$WORK/one-r1.lines") close lines"
cmp -s "$WORK/one-r1.lines" "$WORK/one-r2.lines" ||
	fail "2 readers print other lines than 1: $(diff "$WORK/one-r1.lines" "$WORK/one-r2.lines" | head -4)"

# A bad count: one line, exit 1.
for bad in 0 65 x -1; do
	out=$("$RENACER" --backend=ebpf --readers=$bad -- true 2>&1) && fail "--readers=$bad accepted"
	[ "$out" = "renacer: invalid --readers '$bad': a number from 1 to 64" ] ||
		fail "--readers=$bad said: $out"
done

# The options the stage cannot serve keep one reader, and say so.
"$RENACER" --backend=ebpf --debug --readers=2 -f -r -o "$WORK/rel.out" -- "$TRACEES/storm" 10 \
	>/dev/null 2>"$WORK/rel.err" || fail "-r with --readers=2 failed"
grep -q '^renacer: one reader (-r)$' "$WORK/rel.err" || fail "-r did not fall back to one reader"
echo ok
