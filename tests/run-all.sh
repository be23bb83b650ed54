#!/usr/bin/env bash
# make test: every cmocka binary, then every integration test, then one
# closing line "N passed, N failed, N skipped" over all of them.
set -u
: "${B:=build}" "${RENACER:=$PWD/$B/renacer}"
export B RENACER
pass=0 fail=0 skip=0 failed=()

for t in "$@"; do
	if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed+=("$t"); fi
done

while read -r res name; do
	case $res in
	PASS) pass=$((pass + 1)) ;;
	SKIP) skip=$((skip + 1)) ;;
	*) fail=$((fail + 1)); failed+=("$name") ;;
	esac
done < <(bash tests/run-integration.sh --summary-fd 3 3>&1 1>&2)

[ ${#failed[@]} -gt 0 ] && printf 'FAILED: %s\n' "${failed[@]}"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
