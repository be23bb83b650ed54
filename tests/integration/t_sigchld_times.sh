#!/usr/bin/env bash
# SIGCHLD carries the child's CPU time (si_utime/si_stime, clock ticks) as
# strace shows it: a child that spins for ~0.2 s of user time reports it on
# both backends, in strace's form "si_utime=N /* N/100 s */".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
cat >"$WORK/busy.sh" <<'SH'
( i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done ); true
SH
backends=ptrace
have_ebpf && backends="ptrace ebpf"
for be in $backends; do
	"$RENACER" --backend=$be -f -e trace=none -o "$WORK/$be.txt" -- sh "$WORK/busy.sh" ||
		fail "$be: renacer failed"
	line=$(grep -- '--- SIGCHLD' "$WORK/$be.txt") || fail "$be: no SIGCHLD line"
	ticks=$(sed -n 's/.*si_utime=\([0-9]*\).*/\1/p' <<<"$line")
	[ -n "$ticks" ] && [ "$ticks" -ge 5 ] ||
		fail "$be: si_utime should count the child's ~0.2 s of CPU: $line"
	secs=$(printf '%d.%02d' $((ticks / 100)) $((ticks % 100)))
	grep -qF "si_utime=$ticks /* $secs s */" <<<"$line" || fail "$be: not strace's form: $line"
	echo "$be: $line"
done
echo ok
