#!/usr/bin/env bash
# -y prints the path of each descriptor as strace does, including the one a
# close() is closing (recorded at the call's entry: by its exit it is gone),
# dup2/fcntl results, and /dev/null as the command's stdout.
. "$(dirname "$0")/lib.sh"
need_cmd strace
prog='exec 5</etc/passwd; exec 5<&-; exec cat /etc/hostname'
calls=openat,read,close,dup2,fcntl

lines() {	# the traced calls, alignment squeezed, ld.so's openat/read/close left out
	grep -E '^(openat|read|close|dup2|fcntl)\(' "$1" | sed 's/) *= /) = /' |
		grep -v -e 'ld.so.cache' -e '/lib/' -e 'locale' -e 'gconv' -e '\\177ELF'
}

strace -y -o "$WORK/strace.txt" -e trace=$calls -- sh -c "$prog" >/dev/null ||
	fail "strace failed"
"$RENACER" --backend=ptrace -y -o "$WORK/renacer.txt" -e trace=$calls -- sh -c "$prog" \
	>/dev/null || fail "renacer failed"
lines "$WORK/strace.txt" >"$WORK/want"
lines "$WORK/renacer.txt" >"$WORK/got"
grep -q '^close(5</etc/passwd>) = 0$' "$WORK/want" || fail "strace shows no close(5</etc/passwd>)"
diff -u "$WORK/want" "$WORK/got" || fail "-y lines differ from strace"
echo "$(wc -l <"$WORK/got") -y lines identical to strace, close(N<path>) included"

# Files gone while open: "3</tmp/x>(deleted)" as strace 6.1, on both
# backends; the cwd of a removed directory as the kernel names it. A file
# named "x (deleted)" is told from a deleted one by looking it up when the
# line is printed: live under ptrace (the tracee waits), so only there.
T=$TRACEES/deleted_fd
gone() {	# the calls on the gone files, alignment squeezed
	sed -n '/^unlink/,$p' "$1" | sed -E 's/\) += /) = /' | grep -v '^exit_group\|^+++'
}
for be in ptrace ebpf; do
	[ $be = ebpf ] && ! have_ebpf && continue
	arg=named
	[ $be = ebpf ] && arg=
	rm -rf "$WORK/g" && mkdir "$WORK/g"
	strace -y -o "$WORK/g.s" "$T" "$WORK/g" $arg || fail "strace $T failed"
	rm -rf "$WORK/g" && mkdir "$WORK/g"
	"$RENACER" --backend=$be -y -o "$WORK/g.$be" "$T" "$WORK/g" $arg || fail "$be: $T failed"
	gone "$WORK/g.s" >"$WORK/g.s.m"
	gone "$WORK/g.$be" >"$WORK/g.$be.m"
	grep -q '^write([0-9]*</.*/gone>(deleted), "x", 1) = 1$' "$WORK/g.s.m" ||
		fail "strace shows no write(3</...>(deleted))"
	diff -u "$WORK/g.s.m" "$WORK/g.$be.m" || fail "$be: -y lines of gone files differ from strace"
	[ -z "$arg" ] || grep -qF 'odd (deleted)>) = 0' "$WORK/g.$be.m" ||
		fail "$be: no file named '... (deleted)' compared"
	echo "$be: $(wc -l <"$WORK/g.$be.m") -y lines of gone files identical to strace"
done
echo ok
