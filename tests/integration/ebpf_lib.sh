# Helpers for the eBPF integration tests (sourced after lib.sh).

# Skip unless renacer can run its eBPF backend here, naming why not.
need_ebpf() {
	local err
	need_root "loading eBPF programs"
	[ -r /sys/kernel/btf/vmlinux ] || skip "no kernel BTF (/sys/kernel/btf/vmlinux)"
	# Root and BTF are here: from now on a failure to load is a bug, not a
	# reason to skip (a verifier regression must turn the suite red). Only a
	# renacer built without eBPF support skips.
	err=$("$RENACER" --backend=ebpf -o /dev/null -- true 2>&1) && return 0
	case $err in
	*"built without eBPF"*) skip "$err" ;;
	esac
	fail "renacer --backend=ebpf cannot run although root and BTF are present: $err"
}

# Lines of a renacer JSON Lines file matching a python predicate on rec.
json_count() {
	python3 - "$1" "$2" <<'PY'
import json, sys
pred = eval("lambda rec: (" + sys.argv[2] + ")")
n = 0
for line in open(sys.argv[1]):
    rec = json.loads(line)
    if pred(rec):
        n += 1
print(n)
PY
}

# Wait until renacer (pid $1) holds its BPF links: the programs are attached.
wait_attached() {
	local i
	for i in $(seq 200); do
		ls -l "/proc/$1/fd" 2>/dev/null | grep -q 'bpf[-_]link' && return 0
		sleep 0.05
	done
	fail "renacer never attached its programs"
}
