#!/usr/bin/env bash
# Bad input: one clear line on stderr, a non-zero exit, nothing left stopped.
. "$(dirname "$0")/lib.sh"

expect() {	# expect CODE PATTERN -- ARGS...
	local code=$1 pat=$2 rc
	shift 3
	"$RENACER" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ "$rc" -eq "$code" ] || fail "renacer $*: exit $rc, want $code ($(cat "$WORK/err"))"
	grep -q -- "$pat" "$WORK/err" || fail "renacer $*: stderr '$(cat "$WORK/err")' lacks '$pat'"
	[ "$(wc -l <"$WORK/err")" -le 2 ] || fail "renacer $*: more than one error line"
}

expect 1 "^renacer: unrecognized option '--bogus'" -- --bogus true
expect 1 "^renacer: must have PROG \[ARGS\] or -p PID" -- -f
expect 127 "^renacer: cannot execute '/nonexistent': No such file or directory" -- \
	--backend=ptrace -- /nonexistent
expect 126 "^renacer: cannot execute '/etc/passwd': Permission denied" -- \
	--backend=ptrace -- /etc/passwd
# A pid that does not exist (pid_max is far below this).
expect 1 "^renacer: cannot attach to pid 2147483646: No such process" -- \
	--backend=ptrace -p 2147483646
expect 1 "^renacer: invalid --format 'xml'" -- --format=xml true
expect 1 "^renacer: --all needs the eBPF backend" -- --backend=ptrace --all
expect 1 "^renacer: --buffer-size needs the eBPF backend" -- --backend=ptrace --buffer-size=8192 true
expect 1 "^renacer: invalid --decode-pids 'pidns'" -- --decode-pids=pidns true
expect 1 "^renacer: -r applies to the text trace" -- -r --format=csv true
expect 1 "^renacer: -e read= and -e write= dump data in the text trace only" -- \
	--format=json -e read=0 true
# strace flags renacer does not offer: refused, never accepted and ignored
for f in -a40 -i -n -A -F -D -w -X=raw -O1 -U=calls -I2 -b=execve; do
	expect 1 "^renacer: invalid option -- '${f:1:1}'" -- "$f" true
done
for f in --output-separately --columns=40 --instruction-pointer --syscall-number \
	--output-append-mode --kill-on-exit --absolute-timestamps=unix \
	--strings-in-hex --const-print-style=raw --summary-columns=calls --tips; do
	expect 1 "^renacer: unrecognized option '$f'" -- "$f" true
done
for q in kvm=vcpu decode-fds=path; do
	expect 1 "^renacer: -e ${q%%=*}= is not supported" -- -e "$q" true
done
# -e inject= changes calls: the eBPF backend only watches them
expect 1 "^renacer: -e inject= is only available with --backend=ptrace" -- \
	--backend=ebpf -e inject=open:error=ENOENT true
expect 1 "^renacer: -e fault= is only available with --backend=ptrace" -- \
	--backend=ebpf -e fault=open true
expect 1 "^renacer: invalid inject argument 'open:error=EIO:retval=1'" -- \
	-e inject=open:error=EIO:retval=1 true
echo ok
