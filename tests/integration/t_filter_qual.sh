#!/usr/bin/env bash
# -e verbose=SET and -e raw=SET print what strace prints, on both backends.
#
# tests/tracees/structs makes calls whose arguments point at structures,
# arrays and integers. For each qualifier the tracee runs four times per
# backend: strace and renacer, each without and with it. Calls are paired by
# position; wherever renacer already prints strace's line without the
# qualifier, it must print strace's line with it (addresses masked, as ASLR
# moves them between runs). The named calls must take part in the comparison
# and be changed by the qualifier, so the test cannot pass by comparing
# nothing.
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_cmd python3
T=$TRACEES/structs
[ -x "$T" ] || fail "$T is not built"

SET=fstat,newfstatat,rt_sigaction,rt_sigprocmask,pipe2,writev,prlimit64,getrlimit,nanosleep
SET=$SET,poll,ppoll,select,socket,setsockopt,connect,close,write,readv,epoll_create1,epoll_ctl
SET=$SET,epoll_wait,socketpair,sendmsg,recvmsg,getsockname,fcntl,ioctl,sched_getaffinity
SET=$SET,sigaltstack,wait4,prctl,getcwd,read,getdents64,rt_sigreturn,execve,openat,mmap

backends=ptrace
if "$RENACER" --backend=ebpf -o /dev/null true 2>/dev/null; then
	backends="ptrace ebpf"
else
	echo "note: eBPF backend unavailable here, checking ptrace only"
fi

# check NAME "QUALIFIER ARGS" MIN_CHANGED CALLS...: CALLS must be compared
# and changed by the qualifier on ptrace (eBPF: where its default matches).
check() {
	local name=$1 qual=$2 min=$3
	shift 3
	strace -f -o "$WORK/s.def" -e trace=$SET -e signal=none "$T" || fail "strace failed"
	# shellcheck disable=SC2086
	strace -f -o "$WORK/s.q" -e trace=$SET -e signal=none $qual "$T" || fail "strace $qual failed"
	for be in $backends; do
		"$RENACER" --backend=$be -f -o "$WORK/r.def" -e trace=$SET -e signal=none "$T" ||
			fail "$be: renacer failed"
		# shellcheck disable=SC2086
		"$RENACER" --backend=$be -f -o "$WORK/r.q" -e trace=$SET -e signal=none $qual "$T" ||
			fail "$be: renacer $qual failed"
		python3 - "$WORK" "$be" "$name" "$min" "$@" <<'PY' || fail "$name ($be) differs from strace"
import re, sys
work, be, name, mins = sys.argv[1:5]
need = set(sys.argv[5:])
addr = re.compile(r"0x[0-9a-f]{6,}")
pid = re.compile(r"^[0-9]+ +")


def lines(f):
    out = []
    for l in open("%s/%s" % (work, f), errors="replace"):
        l = pid.sub("PID ", l.rstrip("\n"))
        if l.startswith("PID +++"):
            continue
        out.append(addr.sub("ADDR", l))
    return out


sd, sq, rd, rq = lines("s.def"), lines("s.q"), lines("r.def"), lines("r.q")
assert len(sd) == len(sq), "strace printed %d then %d lines" % (len(sd), len(sq))
if len(rd) != len(sd) or len(rq) != len(sq):
    sys.exit("%s: %d/%d lines from renacer, %d/%d from strace" % (be, len(rd), len(rq),
                                                                len(sd), len(sq)))
compared = changed = 0
seen = set()
bad = []
for i in range(len(sd)):
    if sd[i] != rd[i]:
        continue            # a difference without the qualifier: not this test's
    compared += 1
    call = sd[i].replace("PID ", "", 1).split("(", 1)[0]
    if sq[i] != sd[i]:
        changed += 1
        seen.add(call)
    if sq[i] != rq[i]:
        bad.append("  strace:  %s\n  renacer: %s" % (sq[i], rq[i]))
for b in bad[:10]:
    print(b)
if bad:
    sys.exit("%s %s: %d of %d lines differ" % (name, be, len(bad), compared))
if be == "ptrace":
    missing = need - seen
    if missing:
        sys.exit("%s: calls not compared or not changed: %s" % (name, sorted(missing)))
if changed < int(mins) // (1 if be == "ptrace" else 2):
    sys.exit("%s %s: only %d lines changed by the qualifier" % (name, be, changed))
print("ok: %s %s: %d lines compared, %d changed by it" % (name, be, compared, changed))
PY
	done
}

# Outside verbose=: structures, arrays and integers behind pointers print as
# addresses; strings and buffers still print; poll's revents go, select's
# returned sets stay with "left" as an address; no "/* N entries */".
check verbose=none "-e verbose=none" 20 fstat newfstatat rt_sigaction rt_sigprocmask execve \
	writev connect poll ppoll select getdents64 sendmsg fcntl sigaltstack setsockopt
check 'verbose=!SET' "-e verbose=!fstat,rt_sigaction,poll,select,getdents64,execve" 6 \
	fstat rt_sigaction poll select getdents64 execve
# raw=: every argument and the return value in hex, for the calls in the set.
check raw=all "-e raw=all" 30 read write close fstat getcwd poll openat mmap execve
check raw=SET "-e raw=read,fcntl,getcwd,poll,fstat,close" 8 read fcntl getcwd poll fstat close
echo ok
