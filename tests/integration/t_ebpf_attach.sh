#!/usr/bin/env bash
# Who the eBPF backend traces: -p on a running process, --cgroup on a process
# placed in a fresh cgroup (and not on one outside it), --all on a process
# started after tracing began.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf

# Start "storm -w N" waiting on a fifo; sets SPID and the fifo path $1.
start_storm() {
	local fifo=$1 n=$2
	mkfifo "$fifo"
	"$TRACEES/storm" -w "$n" <"$fifo" >/dev/null &
	SPID=$!
	exec {FD}>"$fifo"	# hold it open: storm blocks in read until a line comes
	eval "FD_$3=$FD"
}

# SIGINT: renacer detaches and ends (bounded, so a hang is a failure)
stop() {
	kill -INT $1
	timeout 20 tail --pid=$1 -f /dev/null || fail "$2: renacer did not end on SIGINT"
	wait $1
}

getppid_of() {	# count getppid records of tgid $2 in $1
	json_count "$1" "rec.get('type') == 'syscall' and rec.get('syscall') == 'getppid' and
		rec['tgid'] == $2"
}

# --- -p
start_storm "$WORK/p.fifo" 500 p
target=$SPID
with_int "$RENACER" --backend=ebpf -p "$target" --format=json -o "$WORK/p.json" 2>"$WORK/p.err" &
rpid=$!
wait_attached $rpid
echo go >&"$FD_p"
exec {FD_p}>&-
wait $target
timeout 10 tail --pid=$rpid -f /dev/null || fail "-p: renacer did not end with its target"
wait $rpid || fail "-p: renacer failed: $(cat "$WORK/p.err")"
n=$(getppid_of "$WORK/p.json" $target)
[ "$n" -eq 500 ] || fail "-p: $n getppid calls traced, the target made 500"
[ "$(json_count "$WORK/p.json" "rec['tgid'] != $target")" -eq 0 ] ||
	fail "-p: records of other processes"
echo "-p: 500 of 500 calls"
grep -qx "renacer: Process $target attached" "$WORK/p.err" ||
	fail "-p: no attach line: $(cat "$WORK/p.err")"
grep -q "detached" "$WORK/p.err" && fail "-p: a target that exited was reported detached"

# --- -p, then renacer interrupted: the target is let go, running, and said so
sleep 30 &
sleeper=$!
with_int "$RENACER" --backend=ebpf -p "$sleeper" --format=json -o "$WORK/d.json" 2>"$WORK/d.err" &
rpid=$!
wait_attached $rpid
stop $rpid "-p detach"
grep -qx "renacer: Process $sleeper detached" "$WORK/d.err" ||
	fail "-p: no detach line: $(cat "$WORK/d.err")"
[ "$(json_count "$WORK/d.json" "rec['type'] == 'detach' and rec['pid'] == $sleeper")" -eq 1 ] ||
	fail "-p: no JSON detach record"
not_stopped $sleeper
kill $sleeper
echo "-p: attach and detach lines, target still running after detach"

# --- --cgroup
cg_root=/sys/fs/cgroup/unified
[ -w "$cg_root/cgroup.procs" ] || cg_root=/sys/fs/cgroup
if [ "$(stat -f -c %T "$cg_root" 2>/dev/null)" != cgroup2fs ] ||
	[ ! -w "$cg_root/cgroup.procs" ]; then
	echo "note: no writable cgroup v2 hierarchy: --cgroup not tested"
else
	cg="$cg_root/renacer-test-$$"
	mkdir "$cg" || fail "cannot create $cg"
	trap 'rmdir "$cg" 2>/dev/null; rm -rf "$WORK"' EXIT
	start_storm "$WORK/in.fifo" 300 in
	inside=$SPID
	start_storm "$WORK/out.fifo" 300 out
	outside=$SPID
	echo $inside >"$cg/cgroup.procs" || fail "cannot move $inside into $cg"
	with_int "$RENACER" --backend=ebpf --cgroup "$cg" -e trace=getppid --format=json -o "$WORK/cg.json" \
		2>"$WORK/cg.err" &
	rpid=$!
	wait_attached $rpid
	echo go >&"$FD_in"
	echo go >&"$FD_out"
	exec {FD_in}>&- {FD_out}>&-
	wait $inside $outside
	stop $rpid cgroup
	n=$(getppid_of "$WORK/cg.json" $inside)
	[ "$n" -eq 300 ] || fail "--cgroup: $n getppid calls of the process inside, expected 300"
	n=$(getppid_of "$WORK/cg.json" $outside)
	[ "$n" -eq 0 ] || fail "--cgroup: $n calls of the process outside the cgroup traced"
	echo "--cgroup: 300 of 300 calls inside, 0 outside"
fi

# --- --all: a process that starts after tracing began (only getppid: the
# whole machine's calls would be a lot of JSON on a busy host)
with_int "$RENACER" --backend=ebpf --all -e trace=getppid --format=json -o "$WORK/all.json" \
	2>"$WORK/all.err" &
rpid=$!
wait_attached $rpid
"$TRACEES/storm" 250 >/dev/null &
late=$!
wait $late
stop $rpid --all
n=$(getppid_of "$WORK/all.json" $late)
[ "$n" -eq 250 ] || fail "--all: $n getppid calls of a process started later, expected 250"
[ "$(json_count "$WORK/all.json" "rec['tgid'] == $rpid")" -eq 0 ] ||
	fail "--all: renacer traced itself"
echo "--all: 250 of 250 calls of a process started after tracing began"
echo ok
