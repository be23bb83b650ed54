#!/usr/bin/env bash
# -yy (ptrace): sockets described as strace -yy describes them, read through
# sock_diag (UNIX stream and datagram pairs, a named UNIX listener and its
# accepted peer, TCP and TCPv6 listeners and connections, UDP, NETLINK
# before and after bind), and devices as "/dev/null<char 1:3>"; every line
# naming one compared with strace's once inode numbers and ports are masked.
# -yy keeps to ptrace (auto picks it; --backend=ebpf refuses it).
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_cmd python3
cat >"$WORK/yy.py" <<'PY'
import os, socket, sys
a, b = socket.socketpair(); a.send(b"x"); b.recv(1)
d1, d2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM); d1.send(b"y"); d2.recv(1)
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen()
c = socket.create_connection(l.getsockname()); s, _ = l.accept(); c.send(b"z"); s.recv(1)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
u.sendto(b"q", u.getsockname()); u.recvfrom(1)
try:
    l6 = socket.socket(socket.AF_INET6); l6.bind(("::1", 0)); l6.listen()
    c6 = socket.create_connection(l6.getsockname()[:2]); s6, _ = l6.accept()
    c6.send(b"w"); s6.recv(1)
except OSError:
    pass
path = sys.argv[1]
us = socket.socket(socket.AF_UNIX); us.bind(path); us.listen()
uc = socket.socket(socket.AF_UNIX); uc.connect(path); ua, _ = us.accept(); uc.send(b"v"); ua.recv(1)
n = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0); n.bind((0, 0)); n.getsockname()
fd = os.open("/dev/null", os.O_RDONLY); os.read(fd, 1); os.close(fd)
PY
CALLS=socket,socketpair,bind,listen,connect,accept4,sendto,recvfrom,getsockname,read,close
pick() {
	grep -E '(UNIX|TCP|UDP|NETLINK)[A-Zv6-]*:\[|<char ' "$1" |
		sed -E 's/(NETLINK:\[[A-Z_0-9]+:|nl_pid=)[0-9]+/\1N/g; s/[0-9]{4,}/N/g; s/htons\([0-9]+\)/htons(P)/g; s/ += / = /'
}
rm -f "$WORK/s.sock"
strace -yy -o "$WORK/s" -e trace=$CALLS python3 "$WORK/yy.py" "$WORK/s.sock" ||
	fail "strace failed"
"$RENACER" -yy -o "$WORK/r" -e trace=$CALLS python3 "$WORK/yy.py" "$WORK/r.sock" ||
	fail "renacer -yy failed"
pick "$WORK/s" | sed "s|$WORK/s.sock|SOCK|g" >"$WORK/s.m"
pick "$WORK/r" | sed "s|$WORK/r.sock|SOCK|g" >"$WORK/r.m"
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 40 ] || fail "only $n socket lines from strace -yy"
diff "$WORK/s.m" "$WORK/r.m" || fail "-yy lines differ from strace's"
for k in 'UNIX-STREAM:[N->N]' 'UNIX:[N->N]' 'UNIX-STREAM:[N,"SOCK"]' 'TCP:[127.0.0.1:N->' \
	'UDP:[127.0.0.1:N]' 'NETLINK:[ROUTE:N]' 'NETLINK:[N]' '</dev/null<char 1:3>>'; do
	grep -qF "$k" "$WORK/r.m" || fail "no $k compared"
done
# ptrace only: auto picks it, eBPF refuses it
"$RENACER" -d -yy -o /dev/null true 2>"$WORK/e" || fail "-yy with auto failed"
grep -q 'backend ptrace' "$WORK/e" || fail "-yy: $(cat "$WORK/e")"
"$RENACER" --backend=ebpf -yy true 2>"$WORK/e" && fail "--backend=ebpf accepted -yy"
grep -q 'only available with --backend=ptrace' "$WORK/e" || fail "ebpf -yy: $(cat "$WORK/e")"
echo "t_yy: ok ($n lines as strace -yy prints them)"
