# Shared helpers for integration tests (sourced). Each test exits 0 pass,
# 77 skip (after saying why), anything else fail.
set -u
: "${RENACER:?RENACER must point at build/renacer}"
: "${TRACEES:?TRACEES must point at build/tracees}"
WORK=$(mktemp -d /tmp/renacer-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
need_root() { [ "$(id -u)" -eq 0 ] || skip "needs root: $1"; }
need_cmd() { command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed"; }

# Every line of a JSON Lines file parses as one JSON object.
json_valid() {
	python3 -c '
import json, sys
n = 0
for i, line in enumerate(open(sys.argv[1], "rb"), 1):
    s = line.decode("utf-8")   # strict: must be valid UTF-8
    obj = json.loads(s)
    assert isinstance(obj, dict), "line %d is not an object" % i
    n += 1
print("json_valid: %d lines" % n)
' "$1"
}

# Text output must hold no raw control byte but newline.
no_control_bytes() {
	if LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]' "$1"; then
		LC_ALL=C grep -nP '[\x00-\x09\x0b-\x1f\x7f]' "$1" | head -3 | cat -v
		return 1
	fi
}

# Fail unless the state of pid is neither stopped (T) nor traced (t).
# "Left" stopped means still stopped after 2 s: a tracer slowed down by a
# sanitizer on a loaded 2-core machine may take a moment to resume it.
not_stopped() {
	local st i
	for i in $(seq 20); do
		st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || fail "pid $1 is gone"
		case $st in
		T | t) sleep 0.1 ;;
		*) return 0 ;;
		esac
	done
	fail "pid $1 is left in state $st"
}

# Can this test exercise the eBPF backend here? Not as non-root, without BTF
# or in a build without eBPF (say so and return 1); where all of those hold,
# a failure to run is a bug and fails the test.
have_ebpf() {
	local err
	if [ "$(id -u)" -ne 0 ] || [ ! -r /sys/kernel/btf/vmlinux ]; then
		echo "eBPF part skipped: needs root and /sys/kernel/btf/vmlinux" >&2
		return 1
	fi
	err=$("$RENACER" --backend=ebpf -o /dev/null -- true 2>&1) && return 0
	case $err in
	*"built without eBPF"*)
		echo "eBPF part skipped: $err" >&2
		return 1 ;;
	esac
	fail "renacer --backend=ebpf cannot run although root and BTF are present: $err"
}

# A script's background job starts with SIGINT and SIGQUIT ignored, and
# renacer (as strace) keeps ignoring what it was started ignoring: a test
# that interrupts a background renacer with SIGINT starts it as
# `with_int "$RENACER" ... &` ($! is then renacer's pid).
with_int() {
	trap - INT QUIT
	exec "$@"
}

# ebpf_vs_strace NAME PROG GREP_OPT REGEX MIN: PROG traced by the eBPF
# backend and masked by the caller's mask(), against strace's masked
# $WORK/s.m on the lines `grep GREP_OPT REGEX` selects (-E: the calls whose
# arguments are all registers; -vE: all but the uncaptured ones), at least
# MIN of them; the other differences listed (uncaptured memory)
ebpf_vs_strace() {
	local name=$1 prog=$2 opt=$3 re=$4 min=$5
	if ! have_ebpf; then
		echo "$name: SKIP eBPF part: the eBPF backend is unavailable here" >&2
		return 0
	fi
	"$RENACER" --backend=ebpf -o "$WORK/e" "$prog" || fail "renacer --backend=ebpf failed"
	mask "$WORK/e" >"$WORK/e.m"
	grep "$opt" "$re" "$WORK/s.m" >"$WORK/s.reg"
	grep "$opt" "$re" "$WORK/e.m" >"$WORK/e.reg"
	[ "$(wc -l <"$WORK/s.reg")" -ge "$min" ] || fail "only $(wc -l <"$WORK/s.reg") lines to compare"
	diff "$WORK/s.reg" "$WORK/e.reg" || fail "ebpf: compared lines differ from strace's"
	echo "$name: eBPF lines that differ (uncaptured memory):" >&2
	diff "$WORK/s.m" "$WORK/e.m" | grep '^>' >&2 || true
}
