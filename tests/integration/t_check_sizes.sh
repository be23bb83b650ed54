#!/usr/bin/env bash
# The tree's size rules (issue #13, scripts/check-sizes.sh): no C file over
# 1,000 lines, no function over 80, beyond scripts/check-sizes.allow; and no
# header of the frontend included from below it. The checker is tried on
# small made-up trees first, so a checker that finds nothing cannot pass.
. "$(dirname "$0")/lib.sh"
CHECK="bash $PWD/scripts/check-sizes.sh"

# A function of n body lines called name, in file f.
func() {
	printf 'static int %s(int a)\n{\n' "$2" >>"$1"
	for ((i = 0; i < $3; i++)); do printf '\ta += %d;\n' "$i" >>"$1"; done
	printf '}\n\n' >>"$1"
}

mkdir -p "$WORK/t/a"
func "$WORK/t/a/ok.c" fits 80
printf 'static const int tab[] = {\n' >>"$WORK/t/a/ok.c"
for ((i = 0; i < 100; i++)); do printf '\t%d,\n' "$i" >>"$WORK/t/a/ok.c"; done
printf '};\n' >>"$WORK/t/a/ok.c"
$CHECK --allow /dev/null "$WORK/t/a" >"$WORK/out" ||
	fail "an 80-line function or a table was refused: $(cat "$WORK/out")"

func "$WORK/t/a/long.c" too_long 81
$CHECK --allow /dev/null "$WORK/t/a" >"$WORK/out" && fail "an 81-line function passed"
grep -q 'TOO LONG: .*/long.c:2: too_long(): 81 lines' "$WORK/out" ||
	fail "report: $(cat "$WORK/out")"
echo "$WORK/t/a/long.c:too_long" >"$WORK/allow"
$CHECK --allow "$WORK/allow" "$WORK/t/a" >"$WORK/out" ||
	fail "allow-list not honoured: $(cat "$WORK/out")"
echo "$WORK/t/a/ok.c:fits" >>"$WORK/allow"
$CHECK --allow "$WORK/allow" "$WORK/t/a" >"$WORK/out" && fail "a stale allow-list entry passed"
grep -q "STALE: .*ok.c:fits" "$WORK/out" || fail "stale entry report: $(cat "$WORK/out")"

mkdir -p "$WORK/t/b"
for ((f = 0; f < 13; f++)); do func "$WORK/t/b/big.c" "f$f" 75; done
n=$(wc -l <"$WORK/t/b/big.c")
$CHECK --allow /dev/null "$WORK/t/b" >"$WORK/out" && fail "a file of $n lines passed"
grep -q "TOO BIG: .*/big.c: $n lines" "$WORK/out" || fail "report: $(cat "$WORK/out")"

# The tree itself.
if ! $CHECK >"$WORK/out"; then
	cat "$WORK/out"
	fail "size rules (see scripts/check-sizes.allow)"
fi
tail -1 "$WORK/out"

# Every arrow points down: nothing below the frontend includes its headers.
if grep -rn '#include "frontend/\|#include "\.\./frontend\|#include "\.\./\.\./frontend' \
	backends stats bpf syscalls; then
	fail "a frontend header included from below the frontend"
fi
echo ok
