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

# Second table (tests/test_netlink.c vecs2, -s 100): the nested link
# attributes, rules, netconf, AF_UNIX/AF_PACKET/AF_NETLINK sock_diag.
W = []
def ints(fmt, vals): return b"".join(struct.pack(fmt, v) for v in vals)
inet6 = (nla(1, struct.pack("I", 0x80000070)) + nla(5, struct.pack("IIII", 65535, 16, 34004, 1000))
         + nla(2, ints("i", [0, 64, 1500, -1] + list(range(54, 60)))) + nla(3, ints("Q", range(38)))
         + nla(6, ints("Q", range(7))) + nla(7, bytes(15) + b"\1") + nla(8, b"\2") + nla(9, struct.pack("I", 1280))
         + nla(4, b"\1\2") + nla(10, b"\3\4\5\6"))
lmsg6 = struct.pack("BBHiII", 10, 0, 1, 1, 0x10043, 0)
W.append(("route", "IFLA_PROTINFO of AF_INET6: every IFLA_INET6_", msg(16, 2, lmsg6 + nla(3, b"lo\0") + nla(12, inet6))))
W.append(("route", "IFLA_PROTINFO of AF_INET6: short values", msg(16, 2, lmsg6 + nla(12, nla(1, b"\1\2") + nla(5, b"\1\2\3\4") + nla(2, b"\1\2\3\4\5\6") + nla(3, b"\1\2\3\4") + nla(7, b"\1\2\3") + nla(8, b"\7")))))
W.append(("route", "IFLA_PROTINFO of AF_UNSPEC: bytes", msg(16, 2, struct.pack("BBHiII", 0, 0, 1, 1, 0, 0) + nla(12, nla(1, b"\1\2\3\4")))))
afspec = (nla(2, nla(1, ints("i", [1, 0, -1, 4] + [0] * 30))) + nla(10, nla(1, struct.pack("I", 0x80000000)) + nla(8, b"\0"))
          + nla(7, nla(1, b"\1\2")) + nla(28, b"\1\2\3\4") + nla(99, b"\1"))
xdp = nla(1, struct.pack("i", -1)) + nla(2, b"\1") + nla(3, struct.pack("I", 0x1f)) + nla(4, struct.pack("I", 7)) + nla(5, struct.pack("I", 8)) + nla(6, struct.pack("I", 9)) + nla(7, struct.pack("I", 10)) + nla(8, struct.pack("i", 3)) + nla(2, b"\9") + nla(9, b"\1")
linkinfo = nla(1, b"veth\0") + nla(2, nla(1, b"\1\2\3\4")) + nla(3, b"\1\2") + nla(4, b"bridge\0") + nla(6, b"\1")
W.append(("route", "IFLA_AF_SPEC, IFLA_XDP, IFLA_LINKINFO, IFLA_PROP_LIST", msg(16, 2, struct.pack("BBHiII", 0, 0, 1, 1, 0x11043, 0) + nla(26, afspec) + nla(0x8000 | 43, xdp) + nla(18, linkinfo) + nla(0x8000 | 52, nla(53, b"alt0\0") + nla(53, b"alt1\0")) + nla(53, b"alt2\0") + nla(54, b"\2\3\4\5\6\7") + nla(56, b"virtio0\0") + nla(57, b"virtio\0"))))
W.append(("route", "IFLA_AF_SPEC: IPV4_DEVCONF past the known ones", msg(16, 2, struct.pack("BBHiII", 0, 0, 1, 1, 0, 0) + nla(26, nla(2, nla(1, ints("i", range(36))) + nla(2, b"\1\2\3\4"))))))
rt6 = struct.pack("BBBBBBBBI", 10, 64, 0, 0, 254, 2, 0, 1, 0)
W.append(("route", "RTM_NEWROUTE: cacheinfo, pref, encap, via", msg(24, 2, rt6 + nla(12, ints("I", [1, 2, 0xffffffff, 4, 5, 6, 7, 8])) + nla(20, b"\1") + nla(20, b"\7") + nla(21, struct.pack("H", 5)) + nla(22, nla(1, b"\1\2\3\4")) + nla(18, struct.pack("H", 2) + bytes([10, 0, 0, 1])) + nla(17, ints("Q", [1, 2, 3, 4])) + nla(23, b"\0") + nla(25, b"\1\2") + nla(26, b"\1\2\3\4\5\6\7\x08") + nla(14, b"\1\2\3\4") + nla(13, b"\1\2\3\4") + nla(16, b"\1\2\3\4"))))
W.append(("route", "RTM_GETRULE request and RTM_NEWRULE with FRA_", msg(34, 0x301, struct.pack("BBBBBBBBI", 2, 0, 0, 0, 0, 0, 0, 0, 0)) + msg(32, 2, struct.pack("BBBBBBBBI", 2, 24, 16, 4, 252, 0, 0, 1, 0x10007) + nla(1, bytes([10, 0, 0, 0])) + nla(2, bytes([10, 1, 0, 0])) + nla(3, b"eth0\0") + nla(4, struct.pack("I", 5)) + nla(6, struct.pack("I", 100)) + nla(10, struct.pack("I", 0x10)) + nla(11, struct.pack("I", 3)) + nla(12, struct.pack(">Q", 9)) + nla(13, struct.pack("I", 4)) + nla(14, struct.pack("I", 0xffffffff)) + nla(15, struct.pack("I", 1000)) + nla(16, struct.pack("I", 0xff)) + nla(17, b"eth1\0") + nla(19, b"\1") + nla(20, struct.pack("II", 0, 1000)) + nla(21, b"\2") + nla(22, b"\6") + nla(23, struct.pack("HH", 1, 1024)) + nla(24, struct.pack("HH", 80, 80)) + nla(25, b"\1\2") + nla(99, b"\1"))))
W.append(("route", "RTM_NEWRULE: unknown action and family", msg(32, 2, struct.pack("BBBBBBBBI", 10, 0, 0, 0, 0, 0, 0, 99, 0x80000000) + nla(1, bytes(16)) + nla(20, b"\1")) + msg(32, 2, struct.pack("BBBBBBBBI", 7, 0, 0, 0, 0, 0, 0, 6, 0) + nla(1, b"\1\2"))))
W.append(("route", "RTM_GETNETCONF and RTM_NEWNETCONF", msg(82, 0x301, b"\0\0\0\0") + msg(80, 2, b"\2\0\0\0" + nla(1, struct.pack("i", -1)) + nla(1, struct.pack("I", 1)) + nla(2, struct.pack("i", 1)) + nla(3, struct.pack("i", 2)) + nla(4, struct.pack("i", -3)) + nla(5, b"\1\0\0\0") + nla(6, b"\0\0\0\0") + nla(7, b"\1\0\0\0") + nla(8, b"\1\0\0\0") + nla(9, b"\1\0\0\0") + nla(2, b"\1")) + msg(80, 2, b"\x0a")))
W.append(("diag", "unix_diag_req as ss -xl and ss -xa send it", msg(20, 0x301, struct.pack("BBHIIIII", 1, 0, 0, (1 << 7) | (1 << 10), 0, 0x15, 0, 0)) + msg(20, 0x301, struct.pack("BBHIIIII", 1, 0, 0, 0xffffffff, 5, 0xff, 1, 2))))
W.append(("diag", "unix_diag_msg with every UNIX_DIAG_", msg(20, 2, struct.pack("BBBBIII", 1, 1, 10, 0, 191, 4432, 0) + nla(0, b"/run/x.sock\0") + nla(0, b"\0abstract") + nla(1, struct.pack("II", 12, 34)) + nla(2, struct.pack("I", 190)) + nla(3, ints("I", [1, 2, 3])) + nla(4, struct.pack("II", 5, 6)) + nla(5, ints("I", range(10))) + nla(6, b"\3") + nla(7, struct.pack("I", 1000)) + nla(8, b"\1") + nla(4, b"\1\2"))))
W.append(("diag", "unix_diag_msg: types and states", msg(20, 2, struct.pack("BBBBIII", 1, 2, 7, 0, 1, 0, 0)) + msg(20, 2, struct.pack("BBBBIII", 1, 5, 99, 0, 1, 0, 0)) + msg(20, 2, struct.pack("BBBB", 1, 1, 1, 0))))
W.append(("diag", "packet_diag_req as ss -0 sends it", msg(20, 0x301, struct.pack("BBHIIII", 17, 0, 0, 0, 0x3d, 0, 0)) + msg(20, 0x301, struct.pack("BBHIIII", 17, 3, 0, 7, 0xff, 1, 2))))
W.append(("diag", "packet_diag_msg with every PACKET_DIAG_", msg(20, 2, struct.pack(">BBH", 17, 3, 3) + struct.pack("III", 77, 1, 0) + nla(0, ints("I", [1, 2, 0, 0, 0, 0x1f])) + nla(1, struct.pack("IIHH", 1, 1, 0, 6) + bytes(32)) + nla(2, ints("I", [4096, 1, 2048, 2, 0, 0, 0])) + nla(3, ints("I", [1, 2, 3, 4, 5, 6, 7])) + nla(4, struct.pack("I", 0x10005)) + nla(5, struct.pack("I", 1000)) + nla(6, ints("I", range(9))) + nla(8, b"\1"))))
W.append(("diag", "netlink_diag_req and netlink_diag_msg", msg(20, 0x301, struct.pack("BBHIIII", 16, 255, 0, 0, 0x1f, 0xffffffff, 0xffffffff)) + msg(20, 2, struct.pack("BBBBIIIIII", 16, 3, 0, 7, 123, 0, 0, 4567, 1, 2) + nla(0, ints("I", range(9))) + nla(1, ints("I", range(9))) + nla(2, struct.pack("Q", 0x11)) + nla(3, ints("I", [1, 2, 3, 4])) + nla(4, struct.pack("I", 0x7f)) + nla(5, struct.pack("I", 0x3f)))))
W.append(("diag", "inet_diag_msg: skmeminfo, info, vegas, dctcp, bbr", msg(20, 2, struct.pack("BBBB", 2, 10, 1, 3) + sid4 + struct.pack("IIIII", 1, 2, 3, 4, 5) + nla(7, ints("I", range(9))) + nla(2, bytes(8)) + nla(3, ints("I", [1, 2, 3, 4])) + nla(9, struct.pack("HHIII", 1, 2, 3, 4, 5)) + nla(16, struct.pack("IIIII", 1, 2, 3, 4, 5)) + nla(13, b"\1") + nla(14, struct.pack("I", 2)))))
C2 = W
if sys.argv[1] in ("send2", "emit2"):
    C = C2
    sys.argv[1] = sys.argv[1][:-1]
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
