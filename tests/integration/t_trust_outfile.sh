#!/usr/bin/env bash
# -o never truncates the target of a symbolic link planted in a
# world-writable sticky directory (/tmp), says why, and creates its files
# 0600; a link elsewhere (/dev/stdout) is still followed. (The -ff rules are
# in tests/test_outfile.c.)
. "$(dirname "$0")/lib.sh"

mkdir -m 1777 "$WORK/tmp"
echo precious >"$WORK/victim"
ln -s "$WORK/victim" "$WORK/tmp/trace"
"$RENACER" --backend=ptrace -o "$WORK/tmp/trace" -- true 2>"$WORK/err" &&
	fail "-o through a link in a sticky directory succeeded"
grep -qx "renacer: refusing to follow the symbolic link '$WORK/tmp/trace' in a world-writable sticky directory" \
	"$WORK/err" || fail "unclear message: $(cat "$WORK/err")"
[ "$(cat "$WORK/victim")" = precious ] || fail "the link's target was truncated"
echo "link in sticky directory: $(cat "$WORK/err")"

(umask 022; "$RENACER" --backend=ptrace -o "$WORK/tmp/new" -- true) || fail "-o of a new file failed"
[ "$(stat -c %a "$WORK/tmp/new")" = 600 ] || fail "new -o file is $(stat -c %a "$WORK/tmp/new")"
grep -q '^execve(' "$WORK/tmp/new" || fail "nothing traced into the new file"

# Another user's file planted in the sticky directory is neither emptied
# nor written to (the trace may hold secrets), whatever protected_regular says.
if [ "$(id -u)" -eq 0 ]; then
	echo "not yours" >"$WORK/tmp/planted"
	chmod 666 "$WORK/tmp/planted"
	chown 65534 "$WORK/tmp/planted"
	"$RENACER" --backend=ptrace -o "$WORK/tmp/planted" -- true 2>"$WORK/err" &&
		fail "-o into another user's file in a sticky directory succeeded"
	grep -q "refusing to write to '$WORK/tmp/planted'" "$WORK/err" || fail "message: $(cat "$WORK/err")"
	[ "$(cat "$WORK/tmp/planted")" = "not yours" ] || fail "another user's file was written"
fi

out=$("$RENACER" --backend=ptrace -o /dev/stdout -- true) || fail "-o /dev/stdout failed"
case $out in execve\(*) ;; *) fail "-o /dev/stdout wrote '$out'" ;; esac
echo "new file 0600; -o /dev/stdout still works"
