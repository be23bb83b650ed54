#!/usr/bin/env bash
# make install PREFIX=... DESTDIR=... puts the binary and the man page in place.
. "$(dirname "$0")/lib.sh"
make --no-print-directory -s install B="$B" PREFIX=/usr DESTDIR="$WORK/root" >/dev/null ||
	fail "make install failed"
[ -x "$WORK/root/usr/bin/renacer" ] || fail "no binary installed"
[ -f "$WORK/root/usr/share/man/man1/renacer.1" ] || fail "no man page installed"
"$WORK/root/usr/bin/renacer" --version | grep -q '^renacer ' || fail "installed binary broken"
grep -q '^\.TH RENACER 1' "$WORK/root/usr/share/man/man1/renacer.1" || fail "man page header"
echo ok
