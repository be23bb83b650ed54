#!/usr/bin/env python3
"""Golden vectors of tests/test_netlink.c: netlink buffers and strace's text.

    strace -e trace=sendto -o OUT python3 tests/netlink_vectors.py send
    python3 tests/netlink_vectors.py emit OUT     (prints the C table entries)

"send" sends each buffer on a netlink socket of its protocol (NETLINK_ROUTE,
NETLINK_SOCK_DIAG, NETLINK_USERSOCK, and one never bound, whose protocol strace
cannot tell); no buffer asks the kernel to change anything (NEW/DEL types go
without NLM_F_REQUEST). "emit" pairs each buffer with the first argument strace
printed for it.
"""
import socket, struct, sys, json
def nla(t, payload):
    l = 4 + len(payload)
    return struct.pack("HH", l, t) + payload + b"\0" * ((4 - l % 4) % 4)
def msg(t, flags, body, seq=7, pid=0, length=None):
    l = 16 + len(body) if length is None else length
    return struct.pack("IHHII", l, t, flags, seq, pid) + body
ifaddr = struct.pack("BBBBI", 2, 24, 0x80, 253, 1)
attrs = nla(1, bytes([10,0,0,1])) + nla(3, b"eth0\0") + nla(8, struct.pack("I", 0x82)) + nla(6, struct.pack("IIII", 1, 2, 3, 4)) + nla(11, b"\x01") + nla(0x8000 | 20, b"ab") + nla(9, b"\1\2")
sid4 = struct.pack(">HH", 22, 80) + bytes([1,2,3,4]) + bytes(12) + bytes([5,6,7,8]) + bytes(12) + struct.pack("III", 1, 9, 10)
sid6 = struct.pack(">HH", 0, 0) + bytes(15) + b"\1" + bytes(16) + struct.pack("III", 0, 0, 0)
C = []
C.append(("unbound", "a socket not bound yet: no protocol known", msg(20, 0x301, struct.pack("BBBBI", 0,0,0,0,0) + nla(1, b"\1\2\3\4"))))
C.append(("route", "RTM_NEWADDR with every IFA_ kind, nested flag, unknown type", msg(20, 2, ifaddr + attrs)))
C.append(("route", "IPv6 address, short attribute", msg(20, 2, struct.pack("BBBBI", 10, 64, 2, 0, 0) + nla(1, bytes(16)) + nla(2, b"\1\2"))))
C.append(("route", "attribute longer than the buffer", msg(20, 2, ifaddr + struct.pack("HH", 40, 1) + b"\1\2\3\4")))
C.append(("route", "nla_len below its header", msg(20, 2, ifaddr + struct.pack("HH", 2, 1) + b"\1\2\3\4")))
C.append(("route", "2 bytes after the last attribute", msg(20, 2, ifaddr + nla(1, bytes([1,2,3,4])) + b"\1\2")))
C.append(("route", "short ifaddrmsg", msg(20, 2, b"\2\0\0")))
C.append(("route", "NLMSG_ERROR with the request", msg(2, 0, struct.pack("i", -22) + msg(22, 0x301, struct.pack("BBBBI", 0,0,0,0,0)))))
C.append(("route", "NLMSG_ERROR capped, attributes after", msg(2, 0x100, struct.pack("i", -1) + msg(22, 0x301, struct.pack("BBBBI", 0,0,0,0,0), length=60))))
C.append(("route", "NLMSG_ERROR too short", msg(2, 0, struct.pack("i", 0))))
C.append(("route", "NLMSG_DONE of 8 bytes", msg(3, 2, struct.pack("ii", 0, 5))))
C.append(("route", "NLMSG_DONE", msg(3, 2, struct.pack("i", -3))))
C.append(("route", "RTM_NEWROUTE: unknown table, scope, type; metrics", msg(24, 0x2 | 0x600, struct.pack("BBBBBBBBI", 2, 32, 0, 0x10, 100, 99, 0x10, 13, 0x1300) + nla(15, struct.pack("I", 100)) + nla(6, struct.pack("I", 5)) + nla(1, bytes([10,1,2,3])) + nla(4, struct.pack("I", 77)) + nla(8, b"\0"*8) + nla(99, b"x"))))
C.append(("route", "40 messages: 32 shown", b"".join(msg(3, 2, struct.pack("i", i)) for i in range(40))))
C.append(("route", "shorter than a header", b"\1\2\3\4\5"))
C.append(("route", "40 attributes: 32 shown", msg(16, 2, struct.pack("BBHiII", 0, 0, 1, 1, 0x11043, 0x5) + b"".join(nla(4, struct.pack("I", i)) for i in range(40)))))
C.append(("route", "RTM_NEWLINK: stats of 23 and 24 fields, ifmap, ext mask", msg(16, 0, struct.pack("BBHiII", 7, 0, 999, 12345, 0, 0) + nla(3, b"abcdefgh") + nla(23, b"\0" * 184) + nla(23, b"\0" * 192) + nla(7, b"\0" * 92) + nla(14, b"\0"*32) + nla(29, struct.pack("I", 0x109)) + nla(33, b"\1\2") + nla(4, b"\1\2"))))
C.append(("route", "short ifinfomsg", msg(16, 0, struct.pack("BBH", 0, 0, 1))))
C.append(("route", "RTM_GETLINK with NLM_F_DUMP|NLM_F_ECHO|NLM_F_ACK", msg(18, 0x30d, struct.pack("BBHiII", 0, 0, 0, 0, 0, 0))))
C.append(("route", "RTM_DELROUTE flags", msg(25, 0x300, struct.pack("BBBBBBBBI", 2, 0, 0, 0, 254, 0, 0, 0, 0))))
C.append(("route", "a zero-length message ends the walk", msg(0x50, 0, b"") + msg(1, 0, b"\1\2\3\4")))
C.append(("route", "long strings cut at -s", msg(20, 2, ifaddr + nla(3, b"x" * 40 + b"\0") + nla(3, b"y" * 40) + nla(3, b"abc"))))
C.append(("route", "ip addr's request with a zero header after it", msg(22, 0x301, struct.pack("BBBBI", 0,0,0,0,0), seq=1796473172) + bytes(128)))
C.append(("route", "ifb0 as ip addr sees it", msg(16, 2, struct.pack("BBHiII", 0, 0, 1, 1, 0x43, 0) + nla(3, b"lo\0") + nla(13, struct.pack("I", 1000)) + nla(16, b"\0") + nla(0x43, b"\1") + nla(1, bytes(6)) + nla(2, b"\xff" * 6), pid=10457)))
C.append(("route", "RTM_NEWNEIGH as ip neigh sees it", msg(28, 2, struct.pack("BBHiHBB", 2, 0, 0, 1, 0x104, 0x80, 1) + nla(1, bytes([192, 0, 2, 1])) + nla(2, bytes([2, 0xfc, 0, 0, 0, 5])) + nla(4, struct.pack("I", 1)) + nla(3, struct.pack("IIII", 10, 20, 30, 0)) + nla(12, b"\3"))))
C.append(("diag", "inet_diag_req_v2, unknown state bit", msg(20, 0x301, struct.pack("BBBBI", 2, 6, 0x9, 0, 0x1fff) + sid4)))
C.append(("diag", "inet_diag_msg with attributes", msg(20, 2, struct.pack("BBBB", 2, 10, 1, 3) + sid4 + struct.pack("IIIII", 1, 2, 3, 4, 5) + nla(1, struct.pack("IIII", 1,2,3,4)) + nla(4, b"cubic\0") + nla(22, b"\0\0") + nla(22, b"\xff\xff") + nla(11, b"\1") + nla(21, struct.pack("Q", 5)) + nla(2, b"\1\2"))))
C.append(("diag", "inet_diag_msg IPv6", msg(20, 2, struct.pack("BBBB", 10, 1, 0, 0) + sid6 + struct.pack("IIIII", 0, 0, 0, 0, 0))))
C.append(("diag", "short inet_diag_msg", msg(20, 2, struct.pack("BBBB", 2, 1, 0, 0))))
C.append(("diag", "NLMSG_DONE", msg(3, 2, struct.pack("i", 0))))
C.append(("diag", "a family without a decoder", msg(20, 0x301, struct.pack("BBBBI", 44, 6, 0x9, 0, 0x1fff) + sid4)))
C.append(("user", "a protocol without a decoder", msg(20, 1, b"\1\2\3")))
C.append(("user", "NLMSG_ERROR too short, other protocol", msg(2, 0, struct.pack("i", -2))))
if sys.argv[1] == "send":
    socks = {"unbound": socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0),
             "route": socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0),
             "diag": socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4),
             "user": socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 2)}
    for k in ("route", "diag", "user"): socks[k].bind((0, 0))
    for k, _, b in C:
        try: socks[k].sendto(b, (0, 0))
        except OSError: pass
else:
    lines = [l for l in open(sys.argv[2]) if l.startswith("sendto(")]
    assert len(lines) == len(C), (len(lines), len(C))
    out = []
    for (k, why, b), l in zip(C, lines):
        arg = l[l.index(", ") + 2:]
        tail = ", %d, 0, {sa_family=AF_NETLINK" % len(b)
        arg = arg[:arg.rindex(tail)]
        cb = ['"' + "".join("\\x%02x" % x for x in b[i:i + 20]) + '"' for i in range(0, len(b), 20)]
        es = ['"' + arg[i:i + 64].replace("\\", "\\\\").replace('"', '\\"') + '"' for i in range(0, len(arg), 64)]
        out.append('\t{ NL_%s, "%s", %d,\n\t  %s,\n\t  %s },' % (k.upper(), why, len(b), "\n\t  ".join(cb), "\n\t  ".join(es)))
    print("\n".join(out))
