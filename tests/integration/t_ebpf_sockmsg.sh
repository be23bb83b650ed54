#!/usr/bin/env bash
# sendmsg/recvmsg/sendto/recvfrom on the eBPF backend print what ptrace
# prints: the msghdr's name, iovec array and data (bpf/sockmsg.bpf.h copies
# them at the call's exit), and a netlink socket's messages decoded whole
# (its protocol recorded by the kernel): here UNIX datagrams with two
# iovecs, UDP with addresses, and `ip addr`'s rtnetlink dump.
. "$(dirname "$0")/lib.sh"
need_cmd python3
have_ebpf || skip "the eBPF backend is unavailable here"
cat >"$WORK/sm.py" <<'PY'
import socket
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
a.sendmsg([b"hello world, this is a longer message than thirty-two bytes", b"second"])
b.recvmsg(100)
a.sendmsg([b"x"])
b.recvmsg_into([bytearray(1), bytearray(4)])
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
u.sendto(b"ping", u.getsockname())
u.recvfrom(10)
PY
calls=trace=sendmsg,recvmsg,sendto,recvfrom
mask() { grep -v '^+++' "$1" | sed -E 's/0x7[0-9a-f]{8,}/ADDR/g; s/htons\([0-9]+\)/htons(P)/g; s/nlmsg_(seq|pid)=[0-9]+/nlmsg_\1=N/g; s/\b([rt]x_[a-z_]+)=[0-9]+/\1=N/g'; }  # (lo's counters move)
for be in ptrace ebpf; do
	"$RENACER" --backend=$be -e "$calls" -e signal=none -o "$WORK/$be" python3 "$WORK/sm.py" ||
		fail "$be: renacer failed"
	"$RENACER" --backend=$be -e "$calls" -o "$WORK/ip.$be" ip addr >/dev/null ||
		fail "$be: renacer ip addr failed"
	mask "$WORK/$be" >"$WORK/$be.m"
	mask "$WORK/ip.$be" >"$WORK/ip.$be.m"
done
diff "$WORK/ptrace.m" "$WORK/ebpf.m" || fail "sockets: eBPF differs from ptrace"
grep -qF '{iov_base="hello world, this is a longer me"..., iov_len=59}, {iov_base="second", iov_len=6}]' \
	"$WORK/ebpf.m" || fail "no iovec data on eBPF: $(cat "$WORK/ebpf.m")"
grep -qF 'sin_addr=inet_addr("127.0.0.1")}, [16]) = 4' "$WORK/ebpf.m" || fail "no recvfrom address"
# and as strace prints them: recvmsg's msg_namelen as offered => as left
if command -v strace >/dev/null 2>&1; then
	strace -e "$calls" -e signal=none -o "$WORK/strace" python3 "$WORK/sm.py" || fail "strace failed"
	mask "$WORK/strace" >"$WORK/strace.m"
	diff "$WORK/strace.m" "$WORK/ebpf.m" || fail "sockets: eBPF differs from strace"
	grep -qF 'msg_namelen=110 => 0, msg_iov=' "$WORK/ebpf.m" || fail "no msg_namelen IN => OUT"
else
	echo "note: strace not installed: the comparison with strace itself is skipped"
fi
diff "$WORK/ip.ptrace.m" "$WORK/ip.ebpf.m" || fail "ip addr: eBPF differs from ptrace"
grep -q 'nlmsg_type=RTM_NEWADDR.*IFA_ADDRESS}, inet_addr("127.0.0.1")' "$WORK/ip.ebpf.m" ||
	fail "ip addr: no decoded RTM_NEWADDR on eBPF"
echo "t_ebpf_sockmsg: ok ($(wc -l <"$WORK/ebpf.m") socket lines and $(wc -l <"$WORK/ip.ebpf.m") netlink lines as ptrace prints them)"
