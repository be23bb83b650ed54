#!/usr/bin/env bash
# -Y / --decode-pids=comm: "1234<cat>" in the pid prefix and in pid
# arguments and results, as strace 6 prints them, on both backends; the
# name follows execve (the execve line still carries the old one).
. "$(dirname "$0")/lib.sh"
need_cmd strace
PROG='kill -0 $$; /bin/true; sleep 0.3'

check() {	# BACKEND FILE: the facts every backend must get right
	local be=$1 f=$2 sh
	sh=$(grep -m1 -oE '^[0-9]+<sh> getpid\(\) += [0-9]+<sh>$' "$f") ||
		fail "$be: no 'PID<sh> getpid() = PID<sh>' line: $(head -3 "$f")"
	sh=${sh%%<*}
	grep -qE "^$sh<sh> getpid\(\) += $sh<sh>$" "$f" || fail "$be: getpid pid mismatch"
	grep -qE "^$sh<sh> kill\($sh<sh>, 0\) += 0$" "$f" || fail "$be: kill argument not decoded"
	grep -qE "^$sh<sh> \+\+\+ exited with 0 \+\+\+$" "$f" || fail "$be: sh exit line"
	# the child running /bin/true: named true once its execve succeeded
	grep -qE '^[0-9]+<true> \+\+\+ exited with 0 \+\+\+$' "$f" || fail "$be: true's exit line"
	grep -qE '^[0-9]+<sleep> \+\+\+ exited with 0 \+\+\+$' "$f" || fail "$be: sleep's exit line"
	# every line has a pid<comm> prefix, or a bare pid where the task was
	# gone before its first record was decoded (eBPF): never another shape
	grep -vqE '^[0-9]+(<[^<> ]+>)? ' "$f" && fail "$be: a line without a pid prefix"
	return 0
}

for be in ptrace ebpf; do
	if [ $be = ebpf ]; then have_ebpf || break; fi
	"$RENACER" --backend=$be -Y -f -o "$WORK/$be" -e trace=getpid,kill,execve,exit_group \
		sh -c "$PROG" || fail "$be: renacer failed"
	check $be "$WORK/$be"
	# ptrace reads every name live: the execve of /bin/true is made by sh
	if [ $be = ptrace ]; then
		grep -qE '^[0-9]+<sh> execve\("/bin/true"' "$WORK/$be" || fail "execve line: old name"
		grep -qE '^[0-9]+<true> exit_group\(0\) += \?$' "$WORK/$be" || fail "new name after execve"
	fi
	"$RENACER" --backend=$be --decode-pids=comm -e trace=getpid sh -c "$PROG" 2>"$WORK/l" ||
		fail "$be: --decode-pids=comm"
	grep -qE '^getpid\(\) += [0-9]+<sh>$' "$WORK/l" || fail "$be: --decode-pids=comm: $(cat "$WORK/l")"
done

# the same lines as strace, pids masked (strace prints vfork and execve in
# two halves around the child's lines: compare the calls renacer prints whole)
strace -Y -f -o "$WORK/s" -e trace=getpid,kill sh -c "$PROG"
mask() { grep -E '> (getpid|kill)\(|exited' "$1" | sed -E 's/[0-9]+</N</g'; }
diff <(mask "$WORK/s") <(mask "$WORK/ptrace") || fail "not strace's lines"

"$RENACER" --decode-pids=pidns true 2>"$WORK/e" && fail "--decode-pids=pidns accepted"
grep -q "offers comm" "$WORK/e" || fail "no reason: $(cat "$WORK/e")"
"$RENACER" -Y --format=json true 2>/dev/null && fail "-Y --format=json accepted"
echo "t_decode_pids: ok"
