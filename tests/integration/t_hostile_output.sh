#!/usr/bin/env bash
# Whatever bytes a tracee uses, text output has no raw control bytes and every
# JSON line parses as valid UTF-8 JSON.
. "$(dirname "$0")/lib.sh"

for be in ptrace ebpf; do
	[ $be = ebpf ] && ! have_ebpf && continue
	"$RENACER" --backend=$be -s 64 -o "$WORK/$be.txt" -- "$TRACEES/hostile" ||
		fail "$be: hostile tracee failed under renacer"
	no_control_bytes "$WORK/$be.txt" || fail "$be: raw control bytes in text output"
	grep -q 'forged line' "$WORK/$be.txt" || fail "$be: escaped path missing"
	grep -q '\\33\[2J' "$WORK/$be.txt" || fail "$be: ESC not shown as \\33"
	grep -qE 'openat\(AT_FDCWD, 0x8, O_RDONLY\) += -1 EFAULT' "$WORK/$be.txt" ||
		fail "$be: unreadable pointer not printed raw"
	"$RENACER" --backend=$be -s 64 --format=json -o "$WORK/$be.json" -- "$TRACEES/hostile" ||
		fail "$be: hostile tracee failed under renacer (json)"
	json_valid "$WORK/$be.json" || fail "$be: invalid JSON line"
done
echo ok
