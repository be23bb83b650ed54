#!/usr/bin/env bash
# Faults in renacer itself.
#  1. kill -9 of renacer attached with -p (ptrace), early (during the attach)
#     and late: every thread of the target runs on, neither stopped nor
#     traced, and keeps making progress.
#  2. kill -9 of renacer --backend=ebpf at several moments (loading,
#     attaching, tracing a storm): no program of renacer's BPF object is left
#     loaded (bpftool prog: none held by the dead renacer, none held by
#     nobody) and the command runs on unstopped to its end. (t_ebpf_cleanup
#     checks the steady state through /proc fdinfo; this adds the early
#     moments and bpftool's system-wide view.)
#  3. A full disk for -o (a 64 KiB tmpfs): one line "renacer: cannot write to
#     FILE: No space left on device", exit status 1, and the command is
#     treated as documented in docs/reliability.md: ptrace sends the spawned
#     command SIGTERM (as when renacer is interrupted), eBPF lets it run on
#     untraced. Nothing is left stopped.
. "$(dirname "$0")/lib.sh"
need_root "ptrace -p, eBPF and mounting a tmpfs"

ticks() { awk '{print $1}' "$1" 2>/dev/null; }

# --- 1. ptrace -p
for delay in 0.01 0.1 0.5; do
	"$TRACEES/ticker" "$WORK/ticks" 60 2 &
	tpid=$!
	sleep 0.2
	"$RENACER" --backend=ptrace -p "$tpid" -o /dev/null 2>/dev/null &
	rpid=$!
	sleep $delay
	kill -9 $rpid
	wait $rpid 2>/dev/null
	sleep 0.2
	t1=$(ticks "$WORK/ticks")
	for task in /proc/"$tpid"/task/*; do
		not_stopped "$tpid/task/${task##*/}"
		grep -q '^TracerPid:[[:space:]]*0$' "$task/status" ||
			fail "kill -9 after ${delay}s: thread ${task##*/} still traced"
	done
	sleep 0.3
	t2=$(ticks "$WORK/ticks")
	[ "$t2" -gt "$t1" ] || fail "kill -9 after ${delay}s: target stopped ticking ($t1 -> $t2)"
	echo "ptrace -p, kill -9 after ${delay}s: 3 threads running, ticks $t1 -> $t2"
	kill "$tpid"
	wait "$tpid" 2>/dev/null
done

# --- 2. eBPF
BPFTOOL=$(command -v bpftool || echo /usr/sbin/bpftool)
if ! "$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null; then
	echo "NOTE: eBPF backend unavailable: kill -9 under eBPF not checked"
elif [ ! -x "$BPFTOOL" ]; then
	echo "NOTE: bpftool missing: kill -9 under eBPF not checked"
else
	# Programs of renacer's object (names cut to 15 bytes by the kernel)
	# held by pid $1 ("orphan": held by no process at all).
	held_by() {
		"$BPFTOOL" prog show -j 2>/dev/null | python3 -c '
import json, sys
want = sys.argv[1]
for p in json.load(sys.stdin):
    if not p.get("name", "").startswith("rn_"):
        continue
    pids = [str(h["pid"]) for h in p.get("pids", [])]
    if (want == "orphan" and not pids) or want in pids:
        print(p["id"], p["name"], pids)' "$1"
	}
	for delay in 0.005 0.05 0.3 1; do
		"$RENACER" --backend=ebpf -f -o /dev/null -- "$TRACEES/storm" -f 3 300000 \
			>"$WORK/storm.out" &
		rpid=$!
		sleep $delay
		kill -9 $rpid
		wait $rpid 2>/dev/null
		for _ in $(seq 100); do
			[ -z "$(held_by $rpid)$(held_by orphan)" ] && break
			sleep 0.05
		done
		[ -z "$(held_by $rpid)" ] ||
			fail "kill -9 after ${delay}s: still loaded for $rpid: $(held_by $rpid)"
		[ -z "$(held_by orphan)" ] ||
			fail "kill -9 after ${delay}s: programs held by no process: $(held_by orphan)"
		for p in $(pgrep -f "$TRACEES/storm -f 3 300000"); do not_stopped "$p"; done
		for _ in $(seq 200); do
			pgrep -f "$TRACEES/storm -f 3 300000" >/dev/null || break
			sleep 0.05
		done
		pgrep -f "$TRACEES/storm -f 3 300000" >/dev/null && fail "storm still running after 10 s"
		out=$(cat "$WORK/storm.out")
		# A kill before the exec leaves no command; after it, the storm ends.
		[ -z "$out" ] || [ "$out" = 1200000 ] || fail "storm after kill -9: '$out'"
		echo "ebpf, kill -9 after ${delay}s: no rn_* program left, storm said '${out:-not started}'"
	done
fi

# --- 3. a full disk
mkdir "$WORK/full"
mount -t tmpfs -o size=64k renacer-test "$WORK/full" 2>/dev/null || {
	echo "NOTE: cannot mount a tmpfs here: full-disk case not checked"
	echo ok
	exit 0
}
trap 'umount "$WORK/full" 2>/dev/null; rm -rf "$WORK"' EXIT
for be in ptrace ebpf; do
	[ $be = ebpf ] && ! "$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null && continue
	rm -f "$WORK/full/"*
	"$RENACER" --backend=$be -o "$WORK/full/trace" -- "$TRACEES/storm" 200000 \
		>"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ $rc -eq 1 ] || fail "$be: full disk: renacer exited $rc, want 1"
	[ "$(cat "$WORK/err")" = "renacer: cannot write to $WORK/full/trace: No space left on device" ] ||
		fail "$be: full disk: stderr is: $(head -5 "$WORK/err")"
	for _ in $(seq 200); do
		pgrep -f "$TRACEES/storm 200000" >/dev/null || break
		for p in $(pgrep -f "$TRACEES/storm 200000"); do not_stopped "$p"; done
		sleep 0.05
	done
	pgrep -f "$TRACEES/storm 200000" >/dev/null && fail "$be: storm still running after 10 s"
	case $be in
	ptrace) [ ! -s "$WORK/out" ] || fail "ptrace: the command was not stopped: $(cat "$WORK/out")" ;;
	ebpf) [ "$(cat "$WORK/out")" = 200000 ] || fail "ebpf: the command did not run on: $(cat "$WORK/out")" ;;
	esac
	echo "$be: full disk: one error line, exit 1, command $([ $be = ptrace ] && echo terminated || echo ran on)"
	# The -c summary alone, on a disk that is already full.
	dd if=/dev/zero of="$WORK/full/fill" bs=4k 2>/dev/null
	"$RENACER" --backend=$be -c -o "$WORK/full/sum" -- true 2>"$WORK/err"
	rc=$?
	[ $rc -eq 1 ] || fail "$be: summary to a full disk: exit $rc, want 1"
	grep -q "cannot write to $WORK/full/sum: No space left on device" "$WORK/err" ||
		fail "$be: summary to a full disk: stderr is: $(cat "$WORK/err")"
done
echo ok
