#!/usr/bin/env bash
# fanotify_init, fanotify_mark, name_to_handle_at and open_by_handle_at
# (syscalls/decode_handle.c): every line of tests/tracees/handles.c's trace
# as strace 6.1 prints it on the ptrace backend, addresses masked. On eBPF
# the same lines, but for the handle a successful name_to_handle_at filled
# in (not captured at exit there: the size in and out and the mount id are).
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_root "fanotify_init needs CAP_SYS_ADMIN"
T=$TRACEES/handles
CALLS=trace=fanotify_init,fanotify_mark,name_to_handle_at,open_by_handle_at
mask() { grep -v '^+++' "$1" | sed -E 's/0x7[0-9a-f]{8,}/ADDR/g'; }
strace -o "$WORK/s" -e "$CALLS" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" -e "$CALLS" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 17 ] || fail "only $n lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
for want in 'handle_bytes=128 => 8, handle_type=' 'handle_bytes=0 => 8}' '"...}' \
	'0x200 /* AT_??? */' 'FAN_CLASS_NOTIF|FAN_CLOEXEC' '0xc /* FAN_CLASS_???' \
	'0x80000000 /* FAN_MARK_??? */, 0x100000000 /* FAN_??? */' 'FAN_MARK_ADD|0x80000000' \
	'FAN_ONDIR|FAN_EVENT_ON_CHILD|FAN_RENAME|0x2000'; do
	grep -qF -- "$want" "$WORK/r.m" || fail "no line with $want compared"
done
if have_ebpf; then
	"$RENACER" --backend=ebpf -o "$WORK/e" -e "$CALLS" "$T" || fail "renacer --backend=ebpf failed"
	mask "$WORK/e" >"$WORK/e.m"
	# the one line eBPF prints shorter: the filled-in handle is not captured
	sed -E 's/(handle_bytes=128 => 8), handle_type=[^}]*\}/\1}/' "$WORK/s.m" >"$WORK/s.e"
	diff "$WORK/s.e" "$WORK/e.m" || fail "ebpf: lines differ from strace's"
else
	echo "t_decode_handles: SKIP eBPF part: the eBPF backend is unavailable here" >&2
fi
echo "t_decode_handles: ok ($n lines as strace prints them)"
