#!/usr/bin/env bash
# Faults in renacer itself.
#  1. kill -9 of renacer attached with -p (ptrace), early (during the attach)
#     and late: every thread of the target runs on, neither stopped nor
#     traced, and keeps making progress. A command renacer spawned dies with
#     it (PTRACE_O_EXITKILL).
#  2. kill -9 of renacer --backend=ebpf at seven moments (loading,
#     attaching, tracing a storm): no program of renacer's BPF object is left
#     loaded (bpftool prog: none held by the dead renacer, none held by
#     nobody) and the command runs on unstopped to its end. (t_ebpf_cleanup
#     checks the steady state through /proc fdinfo; this adds the early
#     moments and bpftool's system-wide view.)
#  3. A full disk for -o (a 64 KiB tmpfs): one line "renacer: cannot write to
#     FILE: No space left on device", exit status 1, and the command is
#     treated as documented in docs/reliability.md: both backends let it run
#     on, untraced, to its end. Nothing is left stopped.
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

# A command renacer spawned is killed with it (PTRACE_O_EXITKILL): it is
# never left running half-traced (under the seccomp pre-filter it would see
# ENOSYS), nor stopped.
"$RENACER" --backend=ptrace -f -o /dev/null -- "$TRACEES/ticker" "$WORK/ticks2" 30 1 &
rpid=$!
sleep 0.3
tpid=$(pgrep -P $rpid) || fail "no ticker under renacer"
kill -9 $rpid
wait $rpid 2>/dev/null
for _ in $(seq 100); do
	st=$(awk '{print $3}' /proc/$tpid/stat 2>/dev/null)
	[ -z "$st" ] || [ "$st" = Z ] && break
	sleep 0.02
done
[ -z "$st" ] || [ "$st" = Z ] || fail "spawned command still alive (state $st) after kill -9 of renacer"
echo "ptrace, spawned command: killed with renacer"

# --- 2. eBPF
BPFTOOL=$(command -v bpftool || echo /usr/sbin/bpftool)
if ! "$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null; then
	echo "NOTE: eBPF backend unavailable: kill -9 under eBPF not checked"
elif [ ! -x "$BPFTOOL" ]; then
	echo "NOTE: bpftool missing: kill -9 under eBPF not checked"
else
	# Ids of the BPF programs held through an fd (program or link) by
	# process $1, or by any process with "all".
	held() {
		local d=/proc/$1/fdinfo
		[ "$1" = all ] && d='/proc/[0-9]*/fdinfo'
		grep -h '^prog_id:' $d/* 2>/dev/null | awk '{print $2}' | sort -u
	}
	# Programs of renacer's object (names start rn_) that no process holds:
	# leaked. (bpftool's own "pids" column needs its pid iterator; /proc
	# is read directly instead.)
	# The listing comes first: a program loaded later is not judged; one that
	# another renacer has just closed may linger a moment, so only ids that
	# stay unheld for half a second count.
	orphans_now() {
		local list
		list=$("$BPFTOOL" prog show -j 2>/dev/null)
		echo "$list" | python3 -c '
import json, sys
held = set(sys.argv[1].split())
for p in json.load(sys.stdin):
    if p.get("name", "").startswith("rn_") and str(p["id"]) not in held:
        print(p["id"], p["name"])' "$(held all)"
	}
	orphans() {
		local first
		first=$(orphans_now)
		[ -z "$first" ] && return
		sleep 0.5
		comm -12 <(echo "$first" | sort) <(orphans_now | sort)
	}
	still_loaded() { for id in $1; do "$BPFTOOL" prog show id "$id" >/dev/null 2>&1 && echo "$id"; done; }
	for delay in 0.005 0.05 0.1 0.15 0.2 0.3 0.6; do
		"$RENACER" --backend=ebpf -f -o /dev/null -- "$TRACEES/storm" -f 3 300000 \
			>"$WORK/storm.out" &
		rpid=$!
		sleep $delay
		ids=$(held $rpid)
		kill -9 $rpid 2>/dev/null	# (a fast storm may be over already)
		wait $rpid 2>/dev/null
		for _ in $(seq 100); do
			[ -z "$(still_loaded "$ids")$(orphans)" ] && break
			sleep 0.05
		done
		[ -z "$(still_loaded "$ids")" ] ||
			fail "kill -9 after ${delay}s: still loaded: $(still_loaded "$ids" | tr '\n' ' ')"
		[ -z "$(orphans)" ] ||
			fail "kill -9 after ${delay}s: programs no process holds: $(orphans | tr '\n' ' ')"
		for p in $(pgrep -f "$TRACEES/storm -f 3 300000"); do not_stopped "$p"; done
		for _ in $(seq 200); do
			pgrep -f "$TRACEES/storm -f 3 300000" >/dev/null || break
			sleep 0.05
		done
		pgrep -f "$TRACEES/storm -f 3 300000" >/dev/null && fail "storm still running after 10 s"
		out=$(cat "$WORK/storm.out")
		# A kill before the exec leaves no command; after it, the storm ends.
		[ -z "$out" ] || [ "$out" = 1200000 ] || fail "storm after kill -9: '$out'"
		echo "ebpf, kill -9 after ${delay}s: $(echo $ids | wc -w) programs held, none left," \
			"no orphan; storm said '${out:-not started}'"
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
	# An output error stops the trace, never the traced command: both
	# backends detach and leave it to finish its work.
	case $be in
	ptrace | ebpf) [ "$(cat "$WORK/out")" = 200000 ] ||
		fail "$be: the command did not run on: $(cat "$WORK/out")" ;;
	esac
	echo "$be: full disk: one error line, exit 1, command ran on"
	# The -c summary alone, on a disk that is already full.
	dd if=/dev/zero of="$WORK/full/fill" bs=4k 2>/dev/null
	"$RENACER" --backend=$be -c -o "$WORK/full/sum" -- true 2>"$WORK/err"
	rc=$?
	[ $rc -eq 1 ] || fail "$be: summary to a full disk: exit $rc, want 1"
	grep -q "cannot write to $WORK/full/sum: No space left on device" "$WORK/err" ||
		fail "$be: summary to a full disk: stderr is: $(cat "$WORK/err")"
	# -ff: one file per process, each one empty on the full disk.
	"$RENACER" --backend=$be -ff -o "$WORK/full/ff" -- sh -c 'true | true' 2>"$WORK/err"
	rc=$?
	[ $rc -eq 1 ] || fail "$be: -ff to a full disk: exit $rc, want 1"
	[ "$(cat "$WORK/err")" = "renacer: cannot write to $WORK/full/ff: No space left on device" ] ||
		fail "$be: -ff to a full disk: stderr is: $(cat "$WORK/err")"
done
echo ok
