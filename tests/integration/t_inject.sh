#!/usr/bin/env bash
# -e inject= and -e fault= (ptrace): the same trace lines as strace 6.1 for
# the same specs on the same tracee ("= -1 ENOENT (...) (INJECTED)",
# "= 7 (INJECTED)", "(DELAYED)", the injected signal), and the same results
# seen by the program. Then what strace does not do: an error on every call
# of a call that is not traced goes into the seccomp filter (the program
# still sees it; --debug says so), and the eBPF backend refuses inject.
. "$(dirname "$0")/lib.sh"
need_cmd strace
T=$TRACEES/inject
# pids vary run to run (getppid's result, the sender of a signal)
mask() { sed -E 's/0x[0-9a-f]+ (\/\* [0-9]+ vars)/ADDR \1/; s/^[0-9]+ /PID /; s/(getppid\(\) += )[0-9]{3,}/\1PID/; s/si_pid=[0-9]+/si_pid=PID/' "$1"; }

specs=(
	"-e trace=getppid,openat -e inject=getppid:retval=7:when=2+2 -e inject=openat:error=ENOENT:when=3..4"
	"-e trace=unlink -e fault=unlink"
	"-e trace=unlink -e fault=unlink:error=EPERM:when=2"
	"-e trace=getppid -e inject=getppid:error=EACCES:when=1..3+2"
	"-e trace=getppid -e inject=getppid:delay_exit=1000:when=2"
	"-e trace=getppid -e inject=getppid:delay_enter=1000:error=EIO:when=4"
	"-e trace=getppid -e inject=getppid:signal=SIGUSR1:when=3"
	"-e trace=getppid,unlink -e inject=getppid,unlink:retval=0:signal=SIGUSR1:when=2"
	"-e trace=%file -e inject=openat:error=ENOENT:when=4+"
	"-e trace=getppid -e inject=getppid:retval=-5"
)
n=0
for s in "${specs[@]}"; do
	# shellcheck disable=SC2086
	strace -o "$WORK/s" $s "$T" >"$WORK/s.out" 2>"$WORK/s.err" || fail "strace $s failed"
	# shellcheck disable=SC2086
	"$RENACER" --backend=ptrace -o "$WORK/r" $s "$T" >"$WORK/r.out" 2>"$WORK/r.err" ||
		fail "renacer $s failed: $(cat "$WORK/r.err")"
	diff <(mask "$WORK/s") <(mask "$WORK/r") >"$WORK/d" ||
		fail "$s: the trace differs from strace's: $(head -20 "$WORK/d")"
	diff "$WORK/s.out" "$WORK/r.out" >"$WORK/d" ||
		fail "$s: the program saw other results: $(cat "$WORK/d")"
	n=$((n + $(grep -c -e INJECTED -e DELAYED -e 'si_code=SI_KERNEL' "$WORK/r")))
done
[ $n -ge 20 ] || fail "only $n injected lines compared"
# the same under -f (the seccomp pre-filter: entries reported by seccomp stops)
s="-e trace=getppid,unlink -e inject=getppid:retval=7:signal=SIGUSR1:when=2 -e fault=unlink"
# shellcheck disable=SC2086
strace -f -o "$WORK/s" $s "$T" >"$WORK/s.out" 2>&1
# shellcheck disable=SC2086
"$RENACER" -f -o "$WORK/r" $s "$T" >"$WORK/r.out" 2>&1 || fail "renacer -f $s failed"
diff <(mask "$WORK/s") <(mask "$WORK/r") || fail "-f $s: the trace differs from strace's"
diff "$WORK/s.out" "$WORK/r.out" || fail "-f $s: the program saw other results"

# A call not traced: strace 6.1 injects nothing, renacer does. With -f the
# kernel fails it (SECCOMP_RET_ERRNO): no stop, no line.
"$RENACER" -d -f -o "$WORK/r" -e trace=unlink -e inject=getppid:error=EACCES "$T" \
	>"$WORK/r.out" 2>"$WORK/r.err" || fail "seccomp inject failed: $(cat "$WORK/r.err")"
[ "$(grep -c '^getppid -13$' "$WORK/r.out")" -eq 4 ] ||
	fail "seccomp inject: the program did not see EACCES 4 times: $(cat "$WORK/r.out")"
grep -q 'inject: 1 call (getppid) failed by the seccomp filter (SECCOMP_RET_ERRNO)' \
	"$WORK/r.err" || fail "--debug does not say the filter fails getppid: $(cat "$WORK/r.err")"
[ "$(grep -c 'unlink(' "$WORK/r")" -eq 2 ] || fail "seccomp inject: unlink lines lost"
! grep -q getppid "$WORK/r" || fail "seccomp inject: an untraced getppid was printed"
# without -f: by ptrace stops, same results
"$RENACER" -d -o "$WORK/r" -e trace=unlink -e inject=getppid:error=EACCES "$T" \
	>"$WORK/r.out" 2>"$WORK/r.err" || fail "ptrace inject of an untraced call failed"
[ "$(grep -c '^getppid -13$' "$WORK/r.out")" -eq 4 ] || fail "untraced inject without -f"
grep -q 'inject: by ptrace stops' "$WORK/r.err" || fail "--debug: $(cat "$WORK/r.err")"
# JSON says so too
"$RENACER" --format=json -o "$WORK/j" -e trace=getppid -e inject=getppid:error=EIO:when=1 "$T" \
	>/dev/null || fail "json run failed"
[ "$(grep -c '"injected":true' "$WORK/j")" -eq 1 ] || fail "json: $(cat "$WORK/j")"

# The eBPF backend only watches: refused with one line; auto picks ptrace.
"$RENACER" --backend=ebpf -e inject=getppid:error=EIO "$T" >/dev/null 2>"$WORK/e" &&
	fail "--backend=ebpf accepted -e inject="
grep -q '^renacer: -e inject= is only available with --backend=ptrace$' "$WORK/e" ||
	fail "ebpf refusal: $(cat "$WORK/e")"
"$RENACER" -d -o /dev/null -e inject=getppid:error=EIO "$T" >/dev/null 2>"$WORK/e" ||
	fail "auto with inject failed"
grep -q 'backend ptrace: -e inject= needs it' "$WORK/e" || fail "auto: $(cat "$WORK/e")"
echo "t_inject: ok ($n injected lines as strace prints them)"
