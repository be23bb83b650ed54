#!/usr/bin/env bash
# Run every tests/integration/t_*.sh. Each test script exits 0 (pass),
# 77 (skip: it must print the reason) or anything else (fail).
# With --summary-fd N, writes "PASS|FAIL|SKIP name" lines to fd N.
set -u
: "${B:=build}" "${RENACER:=$PWD/$B/renacer}"
export B RENACER
export TRACEES="$PWD/$B/tracees" BENCHBIN="$PWD/$B/bench" TESTDIR="$PWD/tests/integration"
sumfd=
[ "${1:-}" = "--summary-fd" ] && sumfd=$2
pass=0 fail=0 skip=0

for t in tests/integration/t_*.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	out=$(mktemp)
	timeout 300 bash "$t" >"$out" 2>&1
	rc=$?
	case $rc in
	0) res=PASS; pass=$((pass + 1)) ;;
	77) res=SKIP; skip=$((skip + 1)) ;;
	*) res=FAIL; fail=$((fail + 1)) ;;
	esac
	echo "[$res] $name"
	if [ $res != PASS ]; then sed 's/^/    /' "$out" | tail -n 40; fi
	rm -f "$out"
	[ -n "$sumfd" ] && echo "$res $name" >&"$sumfd"
done
[ -z "$sumfd" ] && echo "integration: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
