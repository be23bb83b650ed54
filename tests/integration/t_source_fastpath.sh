#!/usr/bin/env bash
# --source alone steps from the system-call stop to the program's frame with
# its own small CFI reader; with -k the location comes from libunwind's full
# unwind. Both must name the same file:line function for every call, on our
# variants and on real programs (ls, /usr/bin/python3 when installed).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/source_lib.sh"
need_unwinder

# "name [location]" of each syscall line, in order.
locs() { sed -n 's/^\([a-z_0-9]*\)(.*\( \[[^]]*\]\)$/\1\2/p' "$1"; }

check() {	# label, command...
	local label=$1
	shift
	"$RENACER" --backend=ptrace --source -o "$WORK/fast" -- "$@" >/dev/null 2>&1 ||
		fail "$label: fast run"
	"$RENACER" --backend=ptrace --source -k -o "$WORK/full" -- "$@" >/dev/null 2>&1 ||
		fail "$label: -k run"
	locs "$WORK/fast" >"$WORK/fast.l"
	locs "$WORK/full" >"$WORK/full.l"
	[ -s "$WORK/fast.l" ] || fail "$label: no locations"
	diff "$WORK/fast.l" "$WORK/full.l" >"$WORK/diff" ||
		{ head -20 "$WORK/diff"; fail "$label: --source differs from -k --source"; }
	echo "$label: $(wc -l <"$WORK/fast.l") calls agree"
}

for v in pie-O0-dw4-fp nopie-O2-dw5-nofp pie-O2-dw4-fp lib; do
	check "$v" "$SRCDIR/src_call-$v" 3
done
check ls ls -la /usr/bin
# A real program (not a shell wrapper: signal timing would reorder lines).
if [ -x /usr/bin/python3 ]; then
	check python3 /usr/bin/python3 -c 'import json; print(json.dumps([1]))'
fi
echo ok
