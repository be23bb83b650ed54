#!/usr/bin/env bash
# Golden lines (strace's test method): tests/tracees/golden.c records the exact
# line each of its calls must produce. The lines must appear, in order, in the
# trace of strace (which checks the expectations themselves), of the ptrace
# backend, and of the eBPF backend (for the syscalls whose memory it captures).
. "$(dirname "$0")/lib.sh"
need_cmd strace
set_=openat,write,read,lseek,fcntl,dup2,close,access,unlink,pipe2,chdir,socket,connect
set_=$set_,rt_sigprocmask,kill,nanosleep,prctl,getppid

subseq() {	# subseq EXPECTED TRACE: every expected line, in order
	python3 - "$1" "$2" <<'PY'
import re, sys
want = [l.rstrip("\n") for l in open(sys.argv[1])]
got = [re.sub(r"\) +=", ") =", l.rstrip("\n")) for l in open(sys.argv[2])]
got = [l for l in got if not l.startswith("write(100,")]
i = 0
for line in got:
    if i < len(want) and line == want[i]:
        i += 1
if i < len(want):
    print("missing or out of order: %r" % want[i])
    near = [l for l in got if l.split("(")[0] == want[i].split("(")[0]]
    print("the trace has: %r" % near[:4])
    sys.exit(1)
print("%d golden lines matched" % len(want))
PY
}

strace -o "$WORK/strace.txt" -e trace=$set_ "$TRACEES/golden" "$WORK/want.strace" ||
	fail "golden tracee failed under strace"
subseq "$WORK/want.strace" "$WORK/strace.txt" || fail "the expectations disagree with strace"

for be in ptrace ebpf; do
	[ $be = ebpf ] && ! have_ebpf && continue
	"$RENACER" --backend=$be -o "$WORK/$be.txt" -e trace=$set_ -- "$TRACEES/golden" \
		"$WORK/want.$be" || fail "$be: golden tracee failed"
	subseq "$WORK/want.$be" "$WORK/$be.txt" || fail "$be: golden lines differ"
done
echo ok
