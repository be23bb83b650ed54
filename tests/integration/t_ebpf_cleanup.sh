#!/usr/bin/env bash
# Nothing stays attached: after renacer is killed with SIGKILL its programs
# are gone (links are file descriptors, nothing is pinned), and the traced
# process runs on, never stopped.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
BPFTOOL=$(command -v bpftool || echo /usr/sbin/bpftool)
[ -x "$BPFTOOL" ] || skip "bpftool is not installed: cannot list loaded programs"

# The ids of the BPF programs a process holds (other renacers may run too).
prog_ids() { grep -h '^prog_id:' /proc/"$1"/fdinfo/* 2>/dev/null | awk '{print $2}' | sort -u; }

mkfifo "$WORK/fifo"
"$RENACER" --backend=ebpf -o /dev/null -- "$TRACEES/storm" -w 1000 <"$WORK/fifo" >"$WORK/out" &
rpid=$!
exec {fd}>"$WORK/fifo"
for i in $(seq 100); do
	ids=$(prog_ids $rpid)
	[ "$(echo "$ids" | grep -c .)" -ge 6 ] && ls -l /proc/$rpid/fd | grep -q 'bpf[-_]link' &&
		break
	sleep 0.05
done
[ -n "$ids" ] || fail "renacer never loaded its programs"
tracee=$(pgrep -P $rpid storm) || fail "no tracee"
kill -9 $rpid
wait $rpid 2>/dev/null
left() { for id in $ids; do "$BPFTOOL" prog show id "$id" >/dev/null 2>&1 && echo "$id"; done; }
for i in $(seq 100); do
	[ -z "$(left)" ] && break
	sleep 0.05
done
[ -z "$(left)" ] || fail "programs still loaded after kill -9: ids $(left | tr '\n' ' ')"
echo "programs $(echo $ids) gone after kill -9"
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
