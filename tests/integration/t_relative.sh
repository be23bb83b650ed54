#!/usr/bin/env bash
# -r: strace's relative timestamps ("     0.300123 ", the time since the
# previous line; "(+     0.300123) " after -t), on both backends.
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_cmd python3
SET=clock_nanosleep,nanosleep,exit_group

strace -r -e trace=$SET sleep 0.3 2>"$WORK/s" || fail "strace -r"
strace -r -tt -e trace=$SET sleep 0.3 2>"$WORK/st" || fail "strace -r -tt"
for be in ptrace ebpf; do
	if [ $be = ebpf ]; then have_ebpf || break; fi
	"$RENACER" --backend=$be -r -e trace=$SET sleep 0.3 2>"$WORK/$be" || fail "$be: -r"
	# the same lines as strace once the times are masked
	rel='s/^ {0,5}[0-9]+\.[0-9]{6} /REL /; s/0x[0-9a-f]+/ADDR/g'
	diff <(sed -E "$rel" "$WORK/s") <(sed -E "$rel" "$WORK/$be") || fail "$be: not strace's lines"
	# the first line is 0, exit_group comes the 0.3 s of the sleep after it
	python3 - "$WORK/$be" <<'PY' || fail "$be: wrong relative times: $(cat "$WORK/$be")"
import sys
lines = open(sys.argv[1]).read().splitlines()
rel = [float(l[:13]) for l in lines if l[:13].strip()[:1].isdigit()]
assert rel[0] == 0.0, rel
i = next(i for i, l in enumerate(lines) if "exit_group(" in l)
assert 0.29 <= rel[i] < 5, rel
PY
	"$RENACER" --backend=$be -r -tt -e trace=$SET sleep 0.3 2>"$WORK/t$be" || fail "$be: -r -tt"
	mask='s/^[0-9:]{8}\.[0-9]{6} \(\+ {0,5}[0-9]+\.[0-9]{6}\) /TS /; s/0x[0-9a-f]+/ADDR/g'
	diff <(sed -E "$mask" "$WORK/st") <(sed -E "$mask" "$WORK/t$be") || fail "$be: -r -tt"
	grep -q '^TS ' <(sed -E "$mask" "$WORK/t$be") || fail "$be: -r -tt: no line masked"
done
"$RENACER" -r --format=json true 2>/dev/null && fail "-r --format=json accepted"
echo "t_relative: ok"
