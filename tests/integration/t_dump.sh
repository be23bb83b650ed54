#!/usr/bin/env bash
# -e read=SET / -e write=SET: strace's hex and ASCII dump lines under the
# calls that move data.
#
# tests/tracees/dumps moves all 256 byte values through read/write,
# pread64/pwrite64, readv/writev (an empty buffer, a short read), sendto/
# recvfrom and sendmsg/recvmsg. On ptrace the whole trace must be strace's,
# byte for byte, for -e read=all -e write=all and for a subset of fds. On
# eBPF only what the kernel captured (-s bytes) can be shown: every byte a
# dump shows must be strace's byte at that offset, and each buffer must say
# how many of its bytes were not captured, so shown + missing = strace's.
# The iovec buffers of readv/writev (bpf/chain.bpf.h) and sendmsg/recvmsg
# (bpf/sockmsg.bpf.h) are captured there and compared the same way, buffer
# by buffer.
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_cmd python3
T=$TRACEES/dumps
[ -x "$T" ] || fail "$T is not built"
CALLS=read,write,pread64,pwrite64,readv,writev,sendto,recvfrom,sendmsg,recvmsg

run_both() {	# NAME ARGS...: strace into $WORK/s.NAME, renacer (ptrace) into r.NAME
	local name=$1
	shift
	strace -o "$WORK/s.$name" -e trace=$CALLS "$@" "$T" "$WORK/f" || fail "strace $*"
	"$RENACER" --backend=ptrace -o "$WORK/r.$name" -e trace=$CALLS "$@" "$T" "$WORK/f" ||
		fail "renacer $*"
	diff -u "$WORK/s.$name" "$WORK/r.$name" || fail "ptrace $*: not strace's output"
}

run_both all -e read=all -e write=all
run_both some -e read=3 -e write=4,9
run_both inv -e 'read=!3' -e write=none
for n in all some inv; do
	grep -q '^ | 00000  ' "$WORK/r.$n" || fail "$n: no dump line at all"
done
# every kind of call shows up dumped (or the comparison proved little)
for c in read write pread64 pwrite64 readv writev sendto recvfrom sendmsg recvmsg; do
	grep -A1 "^$c(" "$WORK/r.all" | grep -q '^ [|*] ' || fail "$c: no dump under it"
done
grep -q '^ \* 18 bytes in buffer 1$' "$WORK/r.all" || fail "readv: short read not cut"
grep -q 'not captured' "$WORK/r.all" && fail "ptrace says bytes were not captured"
# strace's example
"$RENACER" --backend=ptrace -e trace=write -e write=1 echo hello 2>"$WORK/echo" >/dev/null
strace -e trace=write -e write=1 echo hello 2>"$WORK/echo.s" >/dev/null
diff -u "$WORK/echo.s" "$WORK/echo" || fail "echo hello: not strace's output"

# a flag is never accepted for nothing: the dumps have no place in JSON or CSV
"$RENACER" --format=json -o /dev/null -e write=1 true 2>"$WORK/err" && fail "--format=json -e write=1 accepted"
grep -q 'text trace only' "$WORK/err" || fail "no reason given: $(cat "$WORK/err")"

have_ebpf || exit 0
for s in 32 5; do
	"$RENACER" --backend=ebpf -s $s -o "$WORK/e.$s" -e trace=$CALLS -e read=all -e write=all \
		"$T" "$WORK/f" || fail "eBPF -s $s: renacer failed"
	strace -s $s -o "$WORK/s.$s" -e trace=$CALLS -e read=all -e write=all "$T" "$WORK/f" ||
		fail "strace -s $s"
	python3 - "$WORK/s.$s" "$WORK/e.$s" "$s" <<'PY' || fail "eBPF -s $s: dumps differ from strace's"
import re, sys

def blocks(path):
    """[(call name, [buffer: {'bytes': [...], 'missing': N, 'label': str}])]"""
    out = []
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith(" * "):
            out[-1][1].append({"label": line, "bytes": [], "missing": 0})
        elif line.startswith(" | "):
            bufs = out[-1][1]
            if not bufs:
                bufs.append({"label": None, "bytes": [], "missing": 0})
            m = re.match(r" \| \.\.\. (\d+) of (\d+) bytes not captured$", line)
            if m:
                bufs[-1]["missing"] = int(m.group(1))
                continue
            if re.match(r" \| \.\.\. (message header|buffers \d+ to \d+) not captured$", line):
                bufs[-1]["missing"] = -1
                continue
            m = re.match(r" \| ([0-9a-f]{5})  (.{49}) .{16} \|$", line)
            assert m, "bad dump line: %r" % line
            assert int(m.group(1), 16) == len(bufs[-1]["bytes"]), "offset: %r" % line
            bufs[-1]["bytes"] += [int(h, 16) for h in m.group(2).split()]
        elif re.match(r"[a-z0-9_]+\(", line):
            out.append((line.split("(")[0], []))
    return out

s, e, limit = blocks(sys.argv[1]), blocks(sys.argv[2]), int(sys.argv[3])
assert [n for n, _ in s] == [n for n, _ in e], "calls differ"
shown = cut = 0
dumped = set()
for (name, sb), (_, eb) in zip(s, e):
    assert len(sb) == len(eb), "%s: %d buffers, strace %d" % (name, len(eb), len(sb))
    for x, y in zip(sb, eb):
        n = len(y["bytes"])
        assert y["bytes"] == x["bytes"][:n], "%s: bytes differ from strace's" % name
        assert n + y["missing"] == len(x["bytes"]), "%s: shown + missing != total" % name
        assert n >= min(limit, len(x["bytes"])), "%s: fewer bytes than -s captures" % name
        shown += n
        cut += y["missing"] > 0
        if n:
            dumped.add(name)
assert {"sendmsg", "recvmsg", "readv", "writev"} <= dumped, \
    "iovec buffers not dumped: %s" % sorted(dumped)
assert shown and cut, "nothing compared (shown %d, cut %d)" % (shown, cut)
print("eBPF -s %d: %d bytes as strace's, %d buffers cut" % (limit, shown, cut))
PY
done
echo "t_dump: ok"
