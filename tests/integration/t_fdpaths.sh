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
echo ok
