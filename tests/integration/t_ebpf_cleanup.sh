#!/usr/bin/env bash
# Nothing stays attached: after renacer is killed with SIGKILL its programs
# are gone (links are file descriptors, nothing is pinned), and the traced
# process runs on, never stopped.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
BPFTOOL=$(command -v bpftool || echo /usr/sbin/bpftool)
[ -x "$BPFTOOL" ] || skip "bpftool is not installed: cannot list loaded programs"

ours() { "$BPFTOOL" prog show 2>/dev/null | grep -c 'name rn_sys_enter'; }
before=$(ours)

mkfifo "$WORK/fifo"
"$RENACER" --backend=ebpf -o /dev/null -- "$TRACEES/storm" -w 1000 <"$WORK/fifo" >"$WORK/out" &
rpid=$!
exec {fd}>"$WORK/fifo"
for i in $(seq 100); do
	[ "$(ours)" -gt "$before" ] && break
	sleep 0.05
done
[ "$(ours)" -gt "$before" ] || fail "renacer never loaded its programs"
tracee=$(pgrep -P $rpid storm) || fail "no tracee"
kill -9 $rpid
wait $rpid 2>/dev/null
for i in $(seq 100); do
	[ "$(ours)" -eq "$before" ] && break
	sleep 0.05
done
[ "$(ours)" -eq "$before" ] || fail "programs still loaded after kill -9: $("$BPFTOOL" prog show | grep rn_)"
not_stopped $tracee
echo go >&$fd
exec {fd}>&-
for i in $(seq 100); do
	kill -0 $tracee 2>/dev/null || break
	sleep 0.05
done
kill -0 $tracee 2>/dev/null && fail "the tracee did not run to its end"
[ "$(cat "$WORK/out")" = 1000 ] || fail "the tracee did not finish its work"
echo ok
