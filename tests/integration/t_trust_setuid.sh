#!/usr/bin/env bash
# Installed setuid-root, renacer gives a user nothing more than they had: the
# command runs as the real user, -o files are opened as that user, -p needs a
# process that user could trace, eBPF needs that user's own capabilities, -u
# another user needs root. A setuid-root copy, run as a temporary user
# (created and removed here; `nobody` when useradd is missing).
. "$(dirname "$0")/lib.sh"
need_root "a setuid-root copy"
need_cmd setpriv

user=
if command -v useradd >/dev/null 2>&1; then
	user=rn-trust-$$
	useradd -M -N -g nogroup -s /usr/sbin/nologin "$user" 2>/dev/null ||
		useradd -M -s /usr/sbin/nologin "$user" || fail "cannot create user $user"
	trap 'userdel "$user" 2>/dev/null; rm -rf "$WORK"' EXIT
	uid=$(id -u "$user") gid=$(id -g "$user")
else
	echo "useradd missing: running as nobody"
	uid=65534 gid=65534
fi
as_user() {
	setpriv --reuid="$uid" --regid="$gid" --clear-groups -- "$@"
}

cp "$RENACER" "$WORK/renacer" && chown root:root "$WORK/renacer" && chmod 4755 "$WORK/renacer"
chmod 755 "$WORK"
mkdir -m 777 "$WORK/out.d"
[ "$(as_user id -u)" = "$uid" ] || fail "setpriv does not run as $uid"
# Is setuid honoured here (no nosuid mount)? A setuid-root copy of id says.
cp "$(command -v id)" "$WORK/id" && chmod 4755 "$WORK/id"
[ "$(as_user "$WORK/id" -u)" = 0 ] || skip "setuid programs do not get euid 0 here"
as_user "$WORK/renacer" --backend=ptrace -o "$WORK/out.d/id" -- id -u >"$WORK/id.out" 2>"$WORK/id.err" ||
	fail "setuid renacer failed to trace the user's own command: $(cat "$WORK/id.err")"
[ "$(cat "$WORK/id.out")" = "$uid" ] || fail "the command ran as uid $(cat "$WORK/id.out"), want $uid"
grep -q '^execve(' "$WORK/out.d/id" || fail "nothing traced"
[ "$(stat -c %u:%a "$WORK/out.d/id")" = "$uid:600" ] ||
	fail "-o file is $(stat -c %u:%a "$WORK/out.d/id"), want $uid:600"
echo "command ran as $uid, traced; -o file owned by the user, 0600"

as_user "$WORK/renacer" --backend=ptrace -o /dev/null -- head -c1 /etc/shadow >/dev/null 2>&1 &&
	fail "the command read /etc/shadow"
as_user "$WORK/renacer" --backend=ptrace -o /etc/renacer-trust-$$ -- true 2>"$WORK/o.err" &&
	{ rm -f /etc/renacer-trust-$$; fail "-o created a file in /etc"; }
[ -e /etc/renacer-trust-$$ ] && { rm -f /etc/renacer-trust-$$; fail "-o created a file in /etc"; }
grep -q "cannot open '/etc/renacer-trust-$$': Permission denied" "$WORK/o.err" ||
	fail "unclear -o refusal: $(cat "$WORK/o.err")"
echo "no /etc/shadow, no file in /etc: $(cat "$WORK/o.err")"

sleep 20 &
victim=$!
as_user "$WORK/renacer" --backend=ptrace -p $victim -o /dev/null 2>"$WORK/p.err" &&
	fail "-p of a root process succeeded"
grep -q "cannot attach to pid $victim: Operation not permitted" "$WORK/p.err" ||
	fail "unclear -p refusal: $(cat "$WORK/p.err")"
not_stopped $victim
kill $victim
echo "-p of a root process: $(cat "$WORK/p.err")"

for args in "--backend=ebpf -- true" "--backend=ebpf --all" "--backend=ebpf -p $$"; do
	# shellcheck disable=SC2086
	as_user "$WORK/renacer" -o /dev/null $args 2>"$WORK/e.err" &&
		fail "$args ran with a setuid install"
	grep -q 'needs CAP_BPF and CAP_PERFMON\|built without eBPF' "$WORK/e.err" ||
		fail "$args: unclear refusal: $(cat "$WORK/e.err")"
done
echo "eBPF refused: $(cat "$WORK/e.err")"

as_user "$WORK/renacer" -u root -o /dev/null -- id -u >"$WORK/u.out" 2>"$WORK/u.err" &&
	fail "-u root ran: $(cat "$WORK/u.out")"
grep -q -- '-u root needs root' "$WORK/u.err" || fail "unclear -u refusal: $(cat "$WORK/u.err")"
echo "-u root: $(cat "$WORK/u.err")"
