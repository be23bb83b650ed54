#!/usr/bin/env bash
# -x and -xx print strings in hex exactly as strace does, on both backends:
# a string with a control byte, one with only whitespace escapes, UTF-8.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_cmd strace
prog='printf "a\001b\n"; printf "ab\tc\n"; printf "\303\251t\n"; printf "x\0y"'

writes() {	# the write(1, ...) lines, alignment spaces squeezed
	grep '^write(1,' "$1" | sed 's/) *= /) = /'
}

backends=ptrace
have_ebpf && backends="ptrace ebpf"
for x in "" -x -xx; do
	strace $x -o "$WORK/strace$x.txt" -e trace=write -- sh -c "$prog" >/dev/null ||
		fail "strace $x failed"
	writes "$WORK/strace$x.txt" >"$WORK/want$x"
	[ "$(wc -l <"$WORK/want$x")" -eq 4 ] || fail "strace $x: expected 4 writes"
	for be in $backends; do
		"$RENACER" --backend=$be $x -o "$WORK/$be$x.txt" -e trace=write -- sh -c "$prog" \
			>/dev/null || fail "$be $x: renacer failed"
		writes "$WORK/$be$x.txt" >"$WORK/got$be$x"
		diff -u "$WORK/want$x" "$WORK/got$be$x" || fail "$be ${x:-default}: differs from strace"
	done
	echo "${x:-default}: $backends identical to strace"
done
# the hex form reaches JSON as the same text
"$RENACER" -xx --format=json -o "$WORK/x.json" -e trace=write -- sh -c 'printf "ab"' >/dev/null
python3 - "$WORK/x.json" <<'PY' || fail "-xx: JSON args lack the hex string: $(cat "$WORK/x.json")"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
w = [r for r in recs if r.get("syscall") == "write"]
sys.exit(0 if w and w[0]["args"][1] == '"\\x61\\x62"' else 1)
PY
echo ok
