#!/usr/bin/env bash
# -y on the eBPF backend (paths resolved in the kernel, bpf/fdpath.bpf.h)
# against the ptrace backend's -y (readlink of /proc/PID/fd/N), line for
# line: ls, cat, tar, and the fdkinds tracee (regular file, cwd, dup2 and
# fcntl copies, a path longer than the cap, a file deleted while open, pipe,
# socket pair, TCP over loopback, eventfd, memfd, a file on a tmpfs mount).
# Only what changes from run to run is masked: addresses, inode numbers in
# socket:[N]/pipe:[N], the tid set_tid_address returns, random bytes, ports;
# and the padding before " = ", which depends on the line's length.
# Where a path is longer than the cap the eBPF line shows the bare fd, and
# renacer says at exit how many such paths it left out.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ebpf_lib.sh"
need_ebpf
need_cmd tar

mask() {
	sed -E -e 's/0x[0-9a-f]+/ADDR/g' -e 's/:\[[0-9]+\]/:[N]/g' \
		-e 's/^(set_tid_address\(ADDR\) *= )[0-9]+/\1TID/' \
		-e 's/^(getrandom\()"[^"]*"/\1"R"/' -e 's/htons\([0-9]+\)/htons(P)/g' \
		-e 's/\) +=  */) = /' "$1"
}

# run NAME CMD...: the same command under both backends, from the same
# fresh tree each time (the paths in the output must be the same)
run() {
	local name=$1 b
	shift
	for b in ptrace ebpf; do
		rm -rf "$WORK/t" && mkdir -p "$WORK/t/d/sub" && echo hello >"$WORK/t/d/a" &&
			echo world >"$WORK/t/d/sub/b" || fail "cannot make the tree"
		# stderr to the same name under both backends: the trace shows it
		(cd "$WORK/t" && "$RENACER" --backend=$b -y -o "$WORK/$name.$b" -- "$@" \
			>/dev/null 2>"$WORK/err") || fail "$name under $b failed: $(cat "$WORK/err")"
		mv "$WORK/err" "$WORK/$name.$b.err"
		mask "$WORK/$name.$b" >"$WORK/$name.$b.m"
	done
}

# the ptrace lines with each path longer than the cap (511 bytes) dropped,
# as the eBPF backend prints them; the count of those on stderr
cut_long() {
	python3 - "$1" "$2" <<'EOF'
import re, sys
n = 0
def bare(m):
    global n
    if len(m.group(2)) > 511:
        n += 1
        return m.group(1)
    return m.group(0)
out = [re.sub(r'\b(\d+)<([^<>]*)>', bare, l) for l in open(sys.argv[1])]
open(sys.argv[2], "w").writelines(out)
print(n)
EOF
}

check() {
	local name=$1 want_cut=$2 got n
	n=$(cut_long "$WORK/$name.ptrace.m" "$WORK/$name.want")
	[ "$n" = "$want_cut" ] || fail "$name: $n paths over the cap under ptrace, expected $want_cut"
	diff -u "$WORK/$name.want" "$WORK/$name.ebpf.m" >"$WORK/$name.diff" ||
		{ head -40 "$WORK/$name.diff"; fail "$name: eBPF -y differs from ptrace -y"; }
	got=$(grep -c '<' "$WORK/$name.ebpf.m")
	[ "$got" -gt 0 ] || fail "$name: no path printed"
	if [ "$n" -gt 0 ]; then
		grep -q "^renacer: $n descriptor paths not resolved (longer than the cap)$" \
			"$WORK/$name.ebpf.err" || fail "$name: no count of $n paths over the cap"
	elif grep -q 'not resolved' "$WORK/$name.ebpf.err"; then
		fail "$name: paths counted over the cap"
	fi
	echo "$name: $(wc -l <"$WORK/$name.ebpf.m") lines identical, $got with paths, $n over the cap"
}

run ls ls -la d d/sub /dev/null
check ls 0
run cat cat d/a d/sub/b /etc/hostname
check cat 0
run tar tar -cf "$WORK/t/out.tar" d
check tar 0

# the shell's dup2/fcntl juggling of t_fdpaths.sh, against strace itself
if command -v strace >/dev/null 2>&1; then
	prog='exec 5</etc/passwd; exec 5<&-; exec cat /etc/hostname'
	calls=openat,read,close,dup2,fcntl
	strace -y -o "$WORK/sh.strace" -e trace=$calls -- sh -c "$prog" >/dev/null ||
		fail "strace failed"
	"$RENACER" --backend=ebpf -y -o "$WORK/sh.ebpf" -e trace=$calls -- sh -c "$prog" \
		>/dev/null || fail "renacer failed"
	for f in strace ebpf; do
		grep -E '^(openat|read|close|dup2|fcntl)\(' "$WORK/sh.$f" | mask /dev/stdin \
			>"$WORK/sh.$f.m"
	done
	grep -q '^close(5</etc/passwd>) = 0$' "$WORK/sh.strace.m" ||
		fail "strace shows no close(5</etc/passwd>)"
	diff -u "$WORK/sh.strace.m" "$WORK/sh.ebpf.m" || fail "sh: eBPF -y differs from strace -y"
	echo "sh: $(wc -l <"$WORK/sh.ebpf.m") lines identical to strace -y"
else
	echo "note: strace not installed: the comparison with strace itself is skipped"
fi

# a chrooted cat: paths print whole (from renacer's root, outside the chroot),
# as ptrace's readlink of /proc/PID/fd shows them
if [ "$(id -u)" -eq 0 ] && command -v chroot >/dev/null 2>&1 && command -v ldd >/dev/null; then
	croot=$WORK/chroot
	mkdir -p "$croot/etc" && echo chrooted >"$croot/etc/hostname"
	for f in /bin/cat $(ldd /bin/cat | grep -o '/[^ ]*'); do
		mkdir -p "$croot$(dirname "$f")" && cp "$f" "$croot$f"
	done
	for b in ptrace ebpf; do
		"$RENACER" --backend=$b -f -y -o "$WORK/ch.$b" -- chroot "$croot" /bin/cat \
			/etc/hostname >/dev/null 2>&1 || fail "chroot under $b failed"
		sed -E 's/^[0-9]+ +//' "$WORK/ch.$b" | mask /dev/stdin >"$WORK/ch.$b.m"
	done
	grep -q "<$croot/etc/hostname>" "$WORK/ch.ebpf.m" || fail "chroot: no whole path under eBPF"
	diff -u "$WORK/ch.ptrace.m" "$WORK/ch.ebpf.m" || fail "chroot: eBPF -y differs from ptrace -y"
	echo "chroot: $(wc -l <"$WORK/ch.ebpf.m") lines identical"
else
	echo "note: not root or no chroot/ldd: the chroot case is skipped"
fi

# fdkinds: on a tmpfs mounted for the test (root), and a path past the cap
mnt=$WORK/mnt
mkdir -p "$mnt"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs renacer-test "$mnt" 2>/dev/null; then
	trap 'umount "$mnt" 2>/dev/null; rm -rf "$WORK"' EXIT
	mounted=1
else
	echo "note: no tmpfs mount (not root or mount refused): the mount case is skipped"
	mounted=0
fi
run fdkinds "$TRACEES/fdkinds" "$WORK/t/d" "$mnt"
[ "$mounted" = 1 ] && { grep -q "<$mnt/onmount>" "$WORK/fdkinds.ebpf.m" ||
	fail "fdkinds: no path on the tmpfs mount"; }
for want in '>(deleted)' '<pipe:[N]>' '<socket:[N]>' '<anon_inode:[eventfd]>' \
	    '</memfd:rn-memfd>(deleted)' 'AT_FDCWD<'; do
	grep -qF "$want" "$WORK/fdkinds.ebpf.m" || fail "fdkinds: no $want under eBPF"
done
# the deep file: 12 levels of 48-byte names under $WORK/t/d (28 bytes), over
# the cap from the 10th: levels 10 and 11 show 4 times each (the openat that
# returns it, then mkdirat, openat, close), level 12 3 times, the file 4
check fdkinds 15
# --readers: decoded on several threads, the same lines and the same count
(cd "$WORK/t" && "$RENACER" --backend=ebpf --readers=2 -y -o "$WORK/rd" -- \
	"$TRACEES/fdkinds" "$WORK/t/d" "$mnt" >/dev/null 2>"$WORK/rd.err") || fail "--readers run failed"
grep -q '^renacer: 15 descriptor paths not resolved (longer than the cap)$' "$WORK/rd.err" ||
	fail "--readers=2: $(cat "$WORK/rd.err")"
[ "$(grep -c '<' "$WORK/rd")" = "$(grep -c '<' "$WORK/fdkinds.ebpf")" ] ||
	fail "--readers=2: not as many lines with paths"
echo "fdkinds --readers=2: same count over the cap"
# the walk of kernels without bpf_rdonly_cast (5.17-6.1): one probe read
# per field instead of plain loads; the same lines
cp "$WORK/fdkinds.ebpf.m" "$WORK/fdkinds.plain.m"
export RENACER_EBPF_FDP_PROBE_READ=1
run fdkinds "$TRACEES/fdkinds" "$WORK/t/d" "$mnt"
unset RENACER_EBPF_FDP_PROBE_READ
check fdkinds 15
# (the variable itself is one more in execve's environment)
diff -u <(sed 1d "$WORK/fdkinds.plain.m") <(sed 1d "$WORK/fdkinds.ebpf.m") ||
	fail "fdkinds: the probe-read walk differs"
echo "fdkinds (probe-read walk): the same lines"
echo ok
