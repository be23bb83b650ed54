#!/usr/bin/env bash
# Every system call with out-of-range arguments (tests/tracees/allsc.c: all
# registers 0, all -1, and -1, 1, 0...): each line as strace 6.1 prints it,
# under both backends, once what varies run to run is masked (addresses,
# pids and ids, clock readings). An argument prints as wide as its C type
# (0xffffffff /* SEEK_??? */ for an int, 64 bits for a long, 0177777 for a
# mode), flags in strace's order and names.
# strace 6.1 predates cachestat .. lsm_get_self_attr (451-459) and names them
# syscall_0x1c3 .. with six raw registers; renacer names them, with as many
# arguments as they take: strace's lines are renamed to compare.
# The allow-list, lines that differ on purpose:
#   fchmodat2  renacer decodes its arguments (-1, 0177777, AT_...); strace
#              6.1 knows no such call and prints its registers in hex
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_cmd python3
need_root "the calls must fail for their arguments, not for EPERM, as under strace"
T=$TRACEES/allsc
ALLOW='^fchmodat2\('
mask() {
	python3 -c '
import re, sys
calls = {0x1c3: ("cachestat", 4), 0x1c4: ("fchmodat2", 4), 0x1c5: ("map_shadow_stack", 3),
         0x1c6: ("futex_wake", 4), 0x1c7: ("futex_wait", 6), 0x1c8: ("futex_requeue", 4),
         0x1c9: ("statmount", 4), 0x1ca: ("listmount", 4), 0x1cb: ("lsm_get_self_attr", 4)}
def ren(m):
    name, n = calls.get(int(m.group(1), 16), (None, 0))
    if not name:
        return m.group(0)
    return "%s(%s)%s" % (name, ", ".join(m.group(2).split(", ")[:n]), m.group(3))
vol = re.compile(r"^((getpid|gettid|getppid|getpgrp|getpgid|setsid|set_tid_address|times|"
                 r"msgget|msgctl|alarm|time)\(.*\) = )-?[0-9]+( \(.*\))?$")
for l in sys.stdin:
    l = re.sub(r" +=", " =", l.rstrip("\n"))
    l = re.sub(r"^syscall_0x([0-9a-f]+)\((.*)\)( = .*)$", ren, l)
    l = re.sub(r"0x[0-9a-f]{9,}", "ADDR", l)
    l = re.sub(r"^(msgctl\()[0-9]+", r"\1ID", l)
    l = vol.sub(lambda m: m.group(1) + "N" + (" (DATE)" if m.group(3) else ""), l)
    print(l)
' <"$1" | sed -n '/^exit_group/!p' | grep -vE "$ALLOW"
}
# compare NAME: $WORK/s$set.m against $WORK/NAME.m, line by line
compare() {
	diff "$WORK/s$set.m" "$WORK/$1.m" >"$WORK/$1.diff" ||
		{ cat "$WORK/$1.diff" >&2; fail "set $set, $1: lines differ from strace's"; }
}
# a queue keyed 0xffffffff left by an older probe would make set 2's
# msgget(0xffffffff, 001) succeed under one tracer only
ipcrm -Q 0xffffffff 2>/dev/null || true
ebpf=1
if ! have_ebpf; then
	ebpf=0
	echo "t_decode_allargs: SKIP eBPF part: the eBPF backend is unavailable here" >&2
fi
for set in 0 1 2; do
	strace -o "$WORK/s$set" "$T" $set || fail "strace failed"
	mask "$WORK/s$set" >"$WORK/s$set.m"
	n=$(wc -l <"$WORK/s$set.m")
	[ "$n" -ge 300 ] || fail "set $set: only $n lines from strace"
	"$RENACER" --backend=ptrace -o "$WORK/p$set" "$T" $set || fail "renacer failed"
	n=$(grep -cE "$ALLOW" "$WORK/p$set")
	[ "$n" -eq 1 ] || fail "set $set: the allow-listed call is missing ($n lines)"
	mask "$WORK/p$set" >"$WORK/p$set.m"
	compare p$set
	[ $ebpf = 1 ] || continue
	"$RENACER" --backend=ebpf -o "$WORK/e$set" "$T" $set || fail "renacer --backend=ebpf failed"
	mask "$WORK/e$set" >"$WORK/e$set.m"
	compare e$set
done
for want in '^lseek\(-1, -1, 0xffffffff /\* SEEK_\?\?\? \*/\)' '^mkdir\(ADDR, 0177777\)' \
	'^connect\(-1, ADDR, -1\)' '^truncate\(ADDR, 18446744073709551615\)' \
	'MS_SYNC\|MS_ASYNC\|MS_INVALIDATE\|0xfffffff8' '\|63<<SHM_HUGE_SHIFT\|0777\)' \
	'^socket\(0xffffffff /\* AF_\?\?\? \*/, SOCK_CLOEXEC\|SOCK_NONBLOCK\|0xfff7f7ff' \
	'LOCK_MAND\|LOCK_RW\|0xffffff10' '^mount_setattr\(-1, ADDR, AT_SYMLINK_NOFOLLOW'; do
	grep -qE -- "$want" "$WORK/p1.m" || fail "no line matching $want compared"
done
echo "t_decode_allargs: ok (ptrace$([ $ebpf = 1 ] && echo ', ebpf'))"
