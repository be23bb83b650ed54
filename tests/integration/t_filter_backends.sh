#!/usr/bin/env bash
# The same -e expression gives the same lines on every path a filter can take:
# strace (the reference), renacer ptrace with and without the seccomp
# pre-filter, and renacer eBPF (bitmap in the kernel).
. "$(dirname "$0")/lib.sh"
need_cmd strace
have_ebpf=1
"$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null || {
	have_ebpf=0
	echo "ebpf unavailable here: comparing strace and ptrace only"
}

# The tracee: a fixed sequence of file calls, some failing.
prog=(sh -c 'cat /etc/hostname /nonexistent; ls -d /tmp /nonexistent2; exit 0')

norm() {	# drop pid columns and timing-dependent lines
	sed -E 's/^[0-9]+ +//' "$1" | grep -vE '^(\+\+\+|---)' | sed -E 's/0x[0-9a-f]{6,}/ADDR/g'
}

check() {	# check NAME EXPR...
	local name=$1
	shift
	# strace 6.1 here rejects /regex/ sets: it gets the same set spelled out.
	if [ -n "${STRACE_ARGS:-}" ]; then
		strace -f -qq -o "$WORK/$name.strace" $STRACE_ARGS -- "${prog[@]}" >/dev/null 2>&1
	else
		strace -f -qq -o "$WORK/$name.strace" "$@" -- "${prog[@]}" >/dev/null 2>&1
	fi
	norm "$WORK/$name.strace" >"$WORK/$name.want"
	[ -s "$WORK/$name.want" ] || fail "$name: strace printed nothing"
	local variants=(ptrace-seccomp ptrace-noseccomp)
	[ $have_ebpf = 1 ] && variants+=(ebpf)
	for v in "${variants[@]}"; do
		case $v in
		ptrace-seccomp) args=(--backend=ptrace --seccomp-bpf) ;;
		ptrace-noseccomp) args=(--backend=ptrace --no-seccomp-bpf) ;;
		ebpf) args=(--backend=ebpf) ;;
		esac
		"$RENACER" "${args[@]}" -f -qq -o "$WORK/$name.$v" "$@" -- "${prog[@]}" \
			>/dev/null 2>&1 || fail "$name/$v: renacer failed"
		norm "$WORK/$name.$v" >"$WORK/$name.$v.got"
		if ! diff -u "$WORK/$name.want" "$WORK/$name.$v.got" >"$WORK/diff"; then
			head -20 "$WORK/diff"
			fail "$name: $v differs from strace"
		fi
	done
	echo "$name: $(wc -l <"$WORK/$name.want") lines agree"
}

check names -e trace=openat,close
check negation -e 'trace=!all' -e trace=execve,exit_group
STRACE_ARGS="-e trace=openat,newfstatat" check regex -e 'trace=/^(openat|newfstatat)$/'
check class -e trace=%file
check failed -Z -e trace=openat,newfstatat
check successful -z -e trace=openat
check path -P /etc/hostname
echo ok
