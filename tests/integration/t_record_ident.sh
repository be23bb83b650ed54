#!/usr/bin/env bash
# renacer record -Y then renacer report -Y prints the PID<comm> prefixes and
# pid arguments of the direct -Y trace, on both backends, from the names in
# the recording (never from the /proc of the machine that reports): the
# execve line under the name the task inherited, the new name after it.
. "$(dirname "$0")/lib.sh"
PROG='kill -0 $$; /bin/true; sleep 0.3'
EV=trace=getpid,kill,execve,exit_group
# pids, addresses and CPU times vary between runs; the order of concurrent
# lines too: the masked lines are compared as a sorted set
mask() {
	sed -E 's/[0-9]+</N</g; s/0x[0-9a-f]+/ADDR/g; s/(si_pid|si_utime|si_stime)=[0-9]+/\1=N/g' \
		"$1" | sort
}
backends=ptrace
have_ebpf && backends="ptrace ebpf"
for be in $backends; do
	"$RENACER" --backend=$be -Y -f -e $EV -o "$WORK/d.$be" -- sh -c "$PROG" ||
		fail "$be: direct -Y failed"
	"$RENACER" record --backend=$be -Y -f -e $EV -o "$WORK/r.$be.rnb" -- sh -c "$PROG" ||
		fail "$be: record -Y failed"
	"$RENACER" report -Y -f -o "$WORK/r.$be" "$WORK/r.$be.rnb" 2>"$WORK/r.$be.err" ||
		fail "$be: report -Y failed: $(cat "$WORK/r.$be.err")"
	grep -qE '^[0-9]+<sh> kill\([0-9]+<sh>, 0\) += 0$' "$WORK/r.$be" ||
		fail "$be: report -Y: no 'PID<sh> kill(PID<sh>, 0)': $(head -3 "$WORK/r.$be")"
	grep -qE '^[0-9]+<true> \+\+\+ exited with 0 \+\+\+$' "$WORK/r.$be" ||
		fail "$be: report -Y: true's exit line"
	grep -qE '^[0-9]+<sh> execve\("/bin/true"' "$WORK/r.$be" ||
		fail "$be: report -Y: the execve line does not carry the old name"
	if ! diff <(mask "$WORK/d.$be") <(mask "$WORK/r.$be") >&2; then
		fail "$be: report -Y differs from the direct -Y trace"
	fi
	echo "$be: $(wc -l <"$WORK/r.$be") -Y lines identical (pids masked)"
done
# --decode-pids=comm in the report of a recording made without it
"$RENACER" report --decode-pids=comm -e trace=getpid "$WORK/r.ptrace.rnb" 2>"$WORK/l" ||
	fail "report --decode-pids=comm failed"
grep -qE '^getpid\(\) += [0-9]+<sh>$' "$WORK/l" || fail "report --decode-pids=comm: $(cat "$WORK/l")"
echo "t_record_ident: ok"
