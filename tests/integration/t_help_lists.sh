#!/usr/bin/env bash
# Every option the parser accepts is listed by --help and in the man page
# (an option nobody can find is as bad as one that does nothing), and the
# help lists nothing the parser refuses.
. "$(dirname "$0")/lib.sh"
SRC=$(dirname "$0")/../../frontend/options.c
MAN=$(dirname "$0")/../../docs/renacer.1
[ -r "$SRC" ] && [ -r "$MAN" ] || skip "needs the source tree (frontend/options.c, docs/renacer.1)"
"$RENACER" --help >"$WORK/help" || fail "--help failed"
man=$(sed 's/\\-/-/g; s/\\f[BIR]//g' "$MAN")

longs=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)", .*/\1/p' "$SRC")
[ "$(echo "$longs" | wc -w)" -ge 30 ] || fail "could not read the long options from $SRC"
shorts=$(sed -n 's/.*static const char shorts\[\] = "+\([^"]*\)".*/\1/p' "$SRC" | tr -d ':')
[ ${#shorts} -ge 20 ] || fail "could not read the short options from $SRC"
missing=
for o in $longs; do
	grep -q -- "--$o" "$WORK/help" || missing="$missing --$o(help)"
	grep -q -- "--$o" <<<"$man" || missing="$missing --$o(man)"
done
for ((i = 0; i < ${#shorts}; i++)); do
	o=${shorts:i:1}
	grep -qE -- "(^|[ ,/])-$o([ ,=]|$)" "$WORK/help" || missing="$missing -$o(help)"
	grep -qE -- "(^|[ ,/(])-$o([ ,=)]|$)" <<<"$man" || missing="$missing -$o(man)"
done
[ -z "$missing" ] || fail "not documented:$missing"
# and each option the help names is accepted
for o in $(grep -oE -- '(^|[ ,])--[a-z][a-z-]+' "$WORK/help" | tr -d ' ,' | sort -u); do
	grep -qx -- "${o#--}" <<<"$longs" || fail "--help names $o, which the parser does not know"
done
echo "t_help_lists: $(echo "$longs" | wc -w) long and ${#shorts} short options documented"
