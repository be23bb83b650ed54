#!/usr/bin/env bash
# -e filter expressions end to end: for each expression, the calls strace
# prints (name and success or errno) are the calls renacer prints, with the
# ptrace backend with and without its seccomp pre-filter and with the eBPF
# backend when it can run. Bad expressions stop renacer before the command
# starts, with one line and exit status 1.
. "$(dirname "$0")/lib.sh"
need_cmd strace

CMD=(cat /etc/hostname /nonexistent-renacer-filter)

# "name outcome" per line: outcome is the errno name or "ok" ("?" when the
# call did not return); pid prefixes and exit lines dropped.
calls() {
	sed -E 's/^\[pid +[0-9]+\] //; s/^[0-9]+ +//' "$1" |
		awk '/^(\+\+\+|---)/ { next }
		     { name = $0; sub(/\(.*/, "", name)
		       if ($0 ~ /= \?$/) out = "?"
		       else if (match($0, / = -1 [A-Z0-9]+/)) out = substr($0, RSTART + 6, RLENGTH - 6)
		       else out = "ok"
		       print name, out }'
}

ebpf_ok=0
if "$RENACER" --backend=ebpf -o /dev/null true 2>/dev/null; then
	ebpf_ok=1
else
	echo "note: eBPF backend unavailable here, comparing ptrace only"
fi

check() {
	local want got n
	strace -f -o "$WORK/strace.out" "$@" "${CMD[@]}" >/dev/null 2>&1
	calls "$WORK/strace.out" >"$WORK/want"
	n=$(wc -l <"$WORK/want")
	for run in ptrace noseccomp ebpf; do
		case $run in
		ptrace) "$RENACER" --backend=ptrace -f -o "$WORK/r.out" "$@" "${CMD[@]}" ;;
		noseccomp) RENACER_NO_SECCOMP=1 "$RENACER" --backend=ptrace -f -o "$WORK/r.out" \
				"$@" "${CMD[@]}" ;;
		ebpf) [ $ebpf_ok = 1 ] || continue
			"$RENACER" --backend=ebpf -f -o "$WORK/r.out" "$@" "${CMD[@]}" ;;
		esac >/dev/null 2>"$WORK/err"
		calls "$WORK/r.out" >"$WORK/got"
		if ! cmp -s "$WORK/want" "$WORK/got"; then
			echo "filter $* ($run): strace and renacer differ (< strace, > renacer):"
			diff "$WORK/want" "$WORK/got" | head -20
			cat "$WORK/err"
			exit 1
		fi
	done
	echo "ok: $* ($n calls)"
}

check -e trace=openat,close
check -e 'trace=!mmap,mprotect,munmap,brk'
check -e 'trace=/^(open|close)'
check -e trace=%file
check -e trace=%desc -e status=failed
check -e trace=openat -e trace=read		# the last -e trace= wins
check -e 'trace=?no_such_call,read'
check -z -e trace=openat
check -Z -e trace=openat
check -P /etc/hostname
check -P /etc/hostname -e trace=read,close

# Refused before the command starts: one line, exit 1.
refuse() {
	local expr=$1 want=$2 rc
	"$RENACER" -e "$expr" touch "$WORK/ran" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ $rc -eq 1 ] || fail "-e '$expr': exit $rc, expected 1"
	[ ! -e "$WORK/ran" ] || fail "-e '$expr': the command ran"
	[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "-e '$expr': not one line: $(cat "$WORK/err")"
	grep -q "^renacer: $want" "$WORK/err" || fail "-e '$expr': said $(cat "$WORK/err")"
	echo "ok: refused -e '$expr': $(cat "$WORK/err")"
}

refuse trace=opn "invalid system call 'opn'"
refuse 'trace=/(/' "invalid regular expression '/(/'"
refuse status=maybe "invalid status 'maybe' (expected successful, failed"
refuse signal=SIGFOO "invalid signal 'SIGFOO'"
refuse quiet=loud "invalid quiet 'loud'"
exit 0
