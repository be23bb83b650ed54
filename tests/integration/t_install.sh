#!/usr/bin/env bash
# make install PREFIX=... DESTDIR=... puts the binary and the man page in place.
. "$(dirname "$0")/lib.sh"
make --no-print-directory -s install B="$B" PREFIX=/usr DESTDIR="$WORK/root" >/dev/null ||
	fail "make install failed"
[ -x "$WORK/root/usr/bin/renacer" ] || fail "no binary installed"
[ -f "$WORK/root/usr/share/man/man1/renacer.1" ] || fail "no man page installed"
"$WORK/root/usr/bin/renacer" --version | grep -q '^renacer ' || fail "installed binary broken"
man -l "$WORK/root/usr/share/man/man1/renacer.1" 2>/dev/null | grep -q 'ptrace' ||
	command -v man >/dev/null || true
echo ok
