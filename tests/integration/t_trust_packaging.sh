#!/usr/bin/env bash
# Packaging: make install puts bash and zsh completion in place (options,
# backends, -e qualifiers, syscall names), `man renacer` works from the
# installed tree, docs/renacer.1 has no man --warnings, and
# `renacer analyze --help` lists its options.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)

make -C "$root" --no-print-directory -s install B="$B" PREFIX=/usr DESTDIR="$WORK/root" \
	>/dev/null || fail "make install failed"
bc="$WORK/root/usr/share/bash-completion/completions/renacer"
zc="$WORK/root/usr/share/zsh/site-functions/_renacer"
[ -f "$bc" ] || fail "no bash completion installed"
[ -f "$zc" ] || fail "no zsh completion installed"

# Complete as bash would: COMP_WORDS up to the cursor, then COMPREPLY.
complete_words() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
		_renacer; printf "%s\n" "${COMPREPLY[@]}"' _ "$bc" "$@"
}
complete_words renacer --back | grep -qx -- '--backend=' || fail "bash: no --backend= option"
complete_words renacer --backend= | sort | tr '\n' ' ' | grep -qx 'auto ebpf ptrace ' ||
	fail "bash: backends: $(complete_words renacer --backend= | tr '\n' ' ')"
complete_words renacer -e tr | grep -qx 'trace=' || fail "bash: no trace= qualifier"
complete_words renacer -e trace=openat,clock_get | grep -qx 'trace=openat,clock_gettime' ||
	fail "bash: syscall names: $(complete_words renacer -e trace=openat,clock_get)"
complete_words renacer -e status=fa | grep -qx 'status=failed' || fail "bash: status values"
complete_words renacer -e trace=%fi | grep -qx 'trace=%file' || fail "bash: classes"
echo "bash completion: options, backends, -e qualifiers, syscall names"
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$zc" || fail "zsh completion does not parse"
	grep -q ' openat ' "$zc" || fail "zsh completion lacks syscall names"
	echo "zsh completion parses"
else
	grep -q '^#compdef renacer' "$zc" && grep -q ' openat ' "$zc" ||
		fail "zsh completion file incomplete"
	echo "zsh not installed: the zsh completion is checked by content only"
fi

"$RENACER" analyze --help >"$WORK/ah" || fail "renacer analyze --help failed"
for opt in --format --window --window-calls --clusters --seed --anomaly-threshold \
	--anomaly-window; do
	grep -q -- "$opt" "$WORK/ah" || fail "analyze --help lacks $opt"
done
echo "analyze --help lists its options"

command -v man >/dev/null 2>&1 || skip "man is not installed (scripts/install-deps.sh installs man-db)"
MANPATH="$WORK/root/usr/share/man" MANWIDTH=80 man renacer 2>"$WORK/man.err" | grep -q 'renacer' ||
	fail "man renacer does not work after make install: $(cat "$WORK/man.err")"
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/docs/renacer.1" >/dev/null 2>"$WORK/warn"
[ -s "$WORK/warn" ] && fail "man --warnings: $(cat "$WORK/warn")"
echo "man renacer works; no man --warnings"
