#!/usr/bin/env bash
# A call is shown when it starts (ptrace): the entry part of a blocked call is
# visible within 100 ms, on stderr and in a -o file; its line is completed at
# exit, byte for byte the line of a call that returns at once; a line of
# another task cuts in as strace's "<unfinished ...>" / "<... name resumed>";
# a call cut short or let go of ends as strace's; --inflight=MS reports long
# calls once and lists those still in flight at the end, on both backends.
. "$(dirname "$0")/lib.sh"
need_cmd python3

# The entry part of sleep's clock_nanosleep appears while the call blocks;
# its -ttt time stamp says when the call started.
latency() {	# latency MODE(file|pipe) RENACER-ARGS...
	WORK=$WORK python3 - "$@" <<'PY'
import os, re, subprocess, sys, time
mode, argv = sys.argv[1], sys.argv[2:]
out = os.path.join(os.environ["WORK"], "lat.txt")
pat = re.compile(rb"^(\d+\.\d+) clock_nanosleep\(CLOCK_REALTIME, 0, "
                 rb"\{tv_sec=2, tv_nsec=0\}, $", re.M)
if mode == "file":
    p = subprocess.Popen(argv[:1] + ["-ttt", "-o", out] + argv[1:])
    def text():
        try:
            with open(out, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return b""
else:
    p = subprocess.Popen(argv[:1] + ["-ttt"] + argv[1:], stderr=subprocess.PIPE)
    os.set_blocking(p.stderr.fileno(), False)
    got = [b""]
    def text():
        got[0] += p.stderr.read() or b""
        return got[0]
m, seen, end = None, None, time.time() + 1.8
while not m and time.time() < end:
    m = pat.search(text())
    seen = time.time()
    time.sleep(0.001)
p.wait()
if not m:
    sys.exit("%s: no entry part while the call blocked: %r" % (mode, text()[-200:]))
ms = (seen - float(m.group(1))) * 1000
print("%s: the entry part was visible %.1f ms after the call started" % (mode, ms))
sys.exit(0 if ms < 100 else 1)
PY
}
latency file "$RENACER" --backend=ptrace -- sleep 2 || fail "-o: entry part too late"
latency pipe "$RENACER" --backend=ptrace -- sleep 2 || fail "stderr: entry part too late"
# and the line, completed at exit, is one line
line='^[0-9.]+ clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=2, tv_nsec=0\}, 0x[0-9a-f]+\) = 0$'
grep -Eq "$line" "$WORK/lat.txt" || fail "the completed line: $(grep nanosleep "$WORK/lat.txt")"

# Entry part then rest = the one line of a call that does not block: the same
# trace with -e status=all (which prints whole lines only) is identical.
"$RENACER" --backend=ptrace -o "$WORK/a.txt" -- ls -la /etc >/dev/null
"$RENACER" --backend=ptrace -e status=all -o "$WORK/b.txt" -- ls -la /etc >/dev/null
mask() {	# addresses, pids, random bytes and the padding they move
	sed -E 's/0x[0-9a-f]{6,}/0xX/g; s/ +/ /g; s/^(set_tid_address.*|getpid.*) = [0-9]+$/\1 = N/
		s/^getrandom\("[^"]*"/getrandom("R"/' "$1"
}
diff <(mask "$WORK/a.txt") <(mask "$WORK/b.txt") >&2 || fail "entry + rest differs from whole lines"

# A call cut short by the task's death: strace's line, exactly.
"$RENACER" --backend=ptrace -o "$WORK/kill.txt" -- sleep 5 &
rpid=$!
for _ in $(seq 100); do
	grep -q '^clock_nanosleep' "$WORK/kill.txt" 2>/dev/null && break
	sleep 0.05
done
pkill -KILL -P "$rpid" -x sleep
{ wait "$rpid"; } 2>/dev/null	# it dies of the SIGKILL, as strace
grep -qxF 'clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?' \
	"$WORK/kill.txt" || fail "killed: $(tail -2 "$WORK/kill.txt")"

# -p on a task blocked in read: the call within a second, " <detached ...>"
# when renacer lets go; restart_syscall names the call it resumes.
sleep 30 | cat &
for _ in $(seq 50); do
	cpid=$(pgrep -n -x cat -P $$) && break
	sleep 0.05
done
[ -n "${cpid:-}" ] || fail "no cat to attach to"
sleep 10 &
spid=$!
sleep 0.2
for p in "$cpid" "$spid"; do
	timeout -s INT 1 "$RENACER" --backend=ptrace -p "$p" 2>"$WORK/p$p.txt"
done
kill "$spid" 2>/dev/null
pkill -P $$ -x sleep
grep -qxF 'read(0,  <detached ...>' "$WORK/p$cpid.txt" || fail "-p read: $(cat "$WORK/p$cpid.txt")"
grep -qxF 'restart_syscall(<... resuming interrupted clock_nanosleep ...> <detached ...>' \
	"$WORK/p$spid.txt" || fail "-p sleep: $(cat "$WORK/p$spid.txt")"

# -f: every "<unfinished ...>" is resumed later by the same task, and the
# shapes of both halves are strace's (clone3: strace prints its exit part
# " => {parent_tid=...}", which renacer does not decode yet).
"$RENACER" --backend=ptrace -f -o "$WORK/f.txt" -- "$TRACEES/threads" 4 20
python3 - "$WORK/f.txt" <<'PY' || fail "-f: an unfinished call is not resumed"
import re, sys
open_ = {}
for n, line in enumerate(open(sys.argv[1]), 1):
    pid, rest = line.split(None, 1)
    m = re.match(r"<\.\.\. (\w+) resumed>", rest)
    if m:
        assert open_.pop(pid, None) == m.group(1), "line %d: %s" % (n, line)
    elif rest.endswith(" <unfinished ...>\n"):
        open_[pid] = rest.split("(")[0]
assert not open_, "never resumed: %r" % open_
print("unfinished calls all resumed")
PY
grep -q ' <unfinished \.\.\.>$' "$WORK/f.txt" || fail "-f: no line was cut"
if command -v strace >/dev/null; then
	strace -f -o "$WORK/sf.txt" "$TRACEES/threads" 4 20
	shape() {	# the masked halves of cut lines, one per syscall and kind
		sed -E 's/^[0-9]+ +//; s/0x[0-9a-f]+/0xX/g; s/ += [0-9]+$/ = N/; s/, [0-9]{3,},/, N,/g;
			s/ +/ /g' "$1" | grep -E 'unfinished|resumed' | grep -v clone3 | sort -u
	}
	shape "$WORK/f.txt" >"$WORK/r.shapes"
	shape "$WORK/sf.txt" >"$WORK/s.shapes"
	common=$(comm -12 "$WORK/r.shapes" "$WORK/s.shapes" | wc -l)
	# a call both traces cut must be cut the same way
	python3 - "$WORK/r.shapes" "$WORK/s.shapes" <<'PY' || fail "-f: shapes differ from strace's"
import re, sys
def by_call(path):
    d = {}
    for l in open(path):
        m = re.match(r"(?:<\.\.\. )?(\w+)", l)
        d.setdefault((m.group(1), "resumed" in l), set()).add(l)
    return d
r, s = by_call(sys.argv[1]), by_call(sys.argv[2])
bad = [(k, sorted(r[k]), sorted(s[k])) for k in r if k in s and not r[k] & s[k]]
for b in bad:
    print("renacer %r vs strace %r" % (b[1], b[2]))
sys.exit(1 if bad else 0)
PY
	[ "$common" -gt 0 ] || fail "-f: no cut line shaped as strace's"
fi

# --inflight=MS: once per call, with its input arguments; the end lists what
# is still in flight (here: the read renacer detaches from).
"$RENACER" --backend=ptrace --inflight=200 -o /dev/null -- sh -c 'sleep 0.6' 2>"$WORK/if.txt"
grep -Eq '^renacer: pid [0-9]+ in wait4\(-1, \.\.\.\) for 0\.[2-4] s$' "$WORK/if.txt" ||
	fail "--inflight: $(cat "$WORK/if.txt")"
[ "$(grep -c ' in wait4' "$WORK/if.txt")" -eq 1 ] || fail "--inflight: reported twice"
sleep 30 | cat &
for _ in $(seq 50); do
	cpid=$(pgrep -n -x cat -P $$) && break
	sleep 0.05
done
timeout -s INT 1 "$RENACER" --backend=ptrace --inflight=100 -o /dev/null -p "$cpid" \
	2>"$WORK/if2.txt"
pkill -P $$ -x sleep
grep -Eq "^renacer: pid $cpid in read\(0, \.\.\.\) for 0\.[1-3] s$" "$WORK/if2.txt" ||
	fail "--inflight -p: $(cat "$WORK/if2.txt")"
grep -Eq "^renacer: pid $cpid still in read\(0, \.\.\.\) for [0-9.]+ s$" "$WORK/if2.txt" ||
	fail "--inflight at the end: $(cat "$WORK/if2.txt")"
grep -q 'still in wait4' "$WORK/if.txt" && fail "--inflight: a finished call listed at the end"

# --inflight on eBPF: the kernel keeps each call's entry, a task iterator
# finds those waiting (bpf/inflight.bpf.h). The same reports; a -p target's
# call entered before tracing began is read from its registers and timed
# from when it was first seen; the trace's lines stay whole.
if have_ebpf; then
	# (scans every 100 ms; on a loaded 2-core machine the poll loop can
	# lag a few hundred ms behind)
	"$RENACER" --backend=ebpf --inflight=200 -o "$WORK/eif.trace" -- sh -c 'sleep 1; echo' \
		>/dev/null 2>"$WORK/eif.txt"
	grep -Eq '^renacer: pid [0-9]+ in wait4\(-1, \.\.\.\) for 0\.[2-8] s$' "$WORK/eif.txt" ||
		fail "eBPF --inflight: $(cat "$WORK/eif.txt")"
	[ "$(grep -c ' in wait4' "$WORK/eif.txt")" -eq 1 ] || fail "eBPF --inflight: reported twice"
	grep -q 'still in' "$WORK/eif.txt" && fail "eBPF --inflight: a finished call listed at the end"
	grep -Eq 'unfinished|resumed>' "$WORK/eif.trace" && fail "eBPF --inflight cut the trace's lines"
	grep -Eq '^wait4\(-1, \[\{WIFEXITED' "$WORK/eif.trace" || fail "eBPF: no whole wait4 line"
	sleep 30 | cat &
	for _ in $(seq 50); do
		cpid=$(pgrep -n -x cat -P $$) && break
		sleep 0.05
	done
	# interrupted 0.8 s after it says it is attached (loading the
	# programs can take over a second on a loaded machine)
	"$RENACER" --backend=ebpf --inflight=100 -o /dev/null -p "$cpid" 2>"$WORK/eif2.txt" &
	rpid=$!
	for _ in $(seq 200); do
		grep -q attached "$WORK/eif2.txt" 2>/dev/null && break
		sleep 0.05
	done
	sleep 0.8
	kill -TERM "$rpid"	# (an & job of a script ignores SIGINT)
	wait "$rpid"
	pkill -P $$ -x sleep
	grep -Eq "^renacer: pid $cpid in read\(0, \.\.\.\) for 0\.[1-7] s$" "$WORK/eif2.txt" ||
		fail "eBPF --inflight -p: $(cat "$WORK/eif2.txt")"
	grep -Eq "^renacer: pid $cpid still in read\(0, \.\.\.\) for [0-9.]+ s$" "$WORK/eif2.txt" ||
		fail "eBPF --inflight at the end: $(cat "$WORK/eif2.txt")"
	# -p alone: the call renacer lets go of ends as on ptrace, in text and JSON
	sleep 30 | cat &
	for _ in $(seq 50); do
		cpid=$(pgrep -n -x cat -P $$) && break
		sleep 0.05
	done
	timeout -s INT 1 "$RENACER" --backend=ebpf -p "$cpid" 2>"$WORK/ed.txt"
	timeout -s INT 1 "$RENACER" --backend=ebpf --format=json -p "$cpid" 2>"$WORK/ed.json"
	pkill -P $$ -x sleep
	grep -qxF 'read(0,  <detached ...>' "$WORK/ed.txt" || fail "eBPF -p detach: $(cat "$WORK/ed.txt")"
	grep -q '"syscall":"read".*"ret":null.*"unfinished":true' "$WORK/ed.json" ||
		fail "eBPF -p detach, JSON: $(cat "$WORK/ed.json")"
else
	echo "t_inflight: SKIP the eBPF part: the eBPF backend is unavailable here" >&2
fi
echo ok
