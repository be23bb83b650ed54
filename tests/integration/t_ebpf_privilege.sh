#!/usr/bin/env bash
# Without CAP_BPF/CAP_PERFMON (and not root), --backend=ebpf fails with one
# clear line and --backend=auto falls back to ptrace.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
need_cmd setpriv

drop() {
	setpriv --inh-caps=-all --bounding-set=-all --reuid=65534 --regid=65534 --clear-groups \
		-- "$@"
}
cp "$RENACER" "$WORK/renacer" && chmod 755 "$WORK" "$WORK/renacer"
mkdir -m 777 "$WORK/out.d"

drop "$WORK/renacer" --backend=ebpf -o /dev/null -- /bin/true >"$WORK/out" 2>"$WORK/err"
rc=$?
[ $rc -ne 0 ] || fail "--backend=ebpf ran without privileges"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "expected one line of error, got: $(cat "$WORK/err")"
# the line the issue asks for
grep -qx 'renacer: --backend=ebpf needs CAP_BPF and CAP_PERFMON (or root): try --backend=ptrace' \
	"$WORK/err" ||
	fail "unclear error: $(cat "$WORK/err")"
echo "ebpf refused (exit $rc): $(cat "$WORK/err")"

drop "$WORK/renacer" --debug --format=json -o "$WORK/out.d/auto.json" -- /bin/true \
	2>"$WORK/auto.err" ||
	fail "--backend=auto failed without privileges: $(cat "$WORK/auto.err")"
grep -qi 'backend ptrace' "$WORK/auto.err" ||
	fail "auto did not say it chose ptrace: $(cat "$WORK/auto.err")"
[ "$(json_count "$WORK/out.d/auto.json" "rec.get('syscall') == 'execve'")" -ge 1 ] ||
	fail "auto (ptrace) traced nothing"
echo "auto: $(grep -i 'backend' "$WORK/auto.err" | head -1)"

# with the privileges back, auto picks eBPF
"$RENACER" --debug -o /dev/null -- /bin/true 2>"$WORK/root.err" || fail "auto failed as root"
grep -qi 'backend ebpf' "$WORK/root.err" ||
	fail "auto as root did not pick ebpf: $(cat "$WORK/root.err")"
echo ok
