#!/usr/bin/env bash
# setsockopt and getsockopt (syscalls/decode_sockopt.c, xlat_sockopt.c):
# every line of tests/tracees/sockopts.c's trace as strace 6.1 prints it,
# once what varies run to run is masked (addresses, the pid, the bytes of
# the pid in a cut-short SO_PEERCRED), in the default output, under -v (BPF
# programs) and under -xx (addresses quoted as strings). Values that depend
# on the machine but not on the run (buffer sizes, an interface's existence)
# are compared between the runs, never written here; so are descriptor
# numbers. The eBPF backend prints the same lines but for struct group_req,
# 136 bytes of which it copies only -s (32) at entry.
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_root "AF_PACKET and raw sockets need root"
T=$TRACEES/sockopts
mask() {
	local pid
	pid=$(sed -nE 's/^getpid\(\) += ([0-9]+)$/\1/p' "$1" | head -1)
	sed -n '/^getpid/,$p' "$1" | sed -E \
		-e "s/\\b${pid:-NOPID}\\b/PID/g" \
		-e 's/0x[0-9a-f]{9,}/ADDR/g' \
		-e 's/\{pid="[^"]*"/{pid=PIDBYTES/' \
		-e 's/\) += /) = /'
}
strace -o "$WORK/s" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(grep -c 'sockopt(' "$WORK/s.m")
[ "$n" -ge 10000 ] || fail "only $n lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
# names at each level, unknown options and levels
for call in 'setsockopt(-1, SOL_UDP, UDP_CORK, NULL, 0)' 'SOL_UDP, UDP_GRO, NULL, 0)' \
	'setsockopt(-1, SOL_UDP, 0x2 /* UDP_??? */, NULL, 0)' \
	'getsockopt(-1, SOL_IP, IPT_SO_GET_INFO, NULL, NULL)' 'SOL_IP, IPT_SO_SET_REPLACE, NULL, 0)' \
	'SOL_IP, IP_VS_SO_SET_ZERO, NULL, 0)' 'getsockopt(-1, SOL_IP, 0x48f /* IP_??? */, NULL, NULL)' \
	'SOL_SOCKET, SO_ATTACH_FILTER, NULL, 0)' 'SOL_SOCKET, SO_GET_FILTER, NULL, NULL)' \
	'SOL_SOCKET, 0x4c /* SO_??? */, NULL, 0)' 'SOL_SOCKET, 0xffffffff /* SO_??? */, NULL, 0)' \
	'SOL_IPV6, IP6T_SO_GET_REVISION_TARGET, NULL, NULL)' 'SOL_PACKET, PACKET_FANOUT, NULL, 0)' \
	'SOL_RAW, ICMP_FILTER, NULL, 0)' 'SOL_RAW, 0x2 /* RAW_??? */, NULL, 0)' \
	'SOL_NETLINK, NETLINK_GET_STRICT_CHK, NULL, 0)' 'SOL_SCTP, SCTP_RTOINFO, NULL, 0)' \
	'SOL_SCTP, SCTP_PLPMTUD_PROBE_INTERVAL, NULL, 0)' 'SOL_TIPC, TIPC_NODELAY, NULL, 0)' \
	'SOL_ALG, ALG_SET_KEY, NULL, 0)' 'SOL_TLS, TLS_RX, NULL, 0)' 'SOL_XDP, XDP_OPTIONS, NULL, 0)' \
	'AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, NULL, 0)' 'SOL_IUCV, SO_MSGLIMIT, NULL, 0)' \
	'SOL_RDS, SO_RDS_MSG_RXPATH_LATENCY, NULL, 0)' 'SOL_DCCP, DCCP_SOCKOPT_CCID_TX_INFO' \
	'SOL_LLC, LLC_OPT_UNKNOWN, NULL, 0)' 'SOL_NFC, NFC_LLCP_RW, NULL, 0)' \
	'setsockopt(-1, SOL_ICMPV6, 1, NULL, 0)' 'setsockopt(-1, SOL_CAN_BASE, 4294967295, NULL, 0)' \
	'setsockopt(-1, 0x11c /* SOL_?? */, 140, NULL, 0)' 'setsockopt(-1, 0x3e7 /* SOL_?? */, 0, NULL, 0)' \
	'getsockopt(-1, 0xffffffff /* SOL_?? */, 2048, NULL, NULL)'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no line with $call compared"
done
# values set: ints, short, long and negative lengths, structures
for call in 'SO_REUSEADDR, ADDR, 3)' 'SO_REUSEADDR, [67305985], 6)' 'SO_REUSEADDR, NULL, 4)' \
	'SO_REUSEADDR, 0x8, 16)' 'SOL_SOCKET, SO_TYPE, "\1\2\3", 3)' 'SO_TYPE, [67305985], 4)' \
	'SOL_SOCKET, SO_TYPE, "\1\2\3\4\5\6\7\10\t\n\v\f\r\16\17\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37 "..., -1)' \
	'SO_TXREHASH, [SOCK_TXREHASH_DEFAULT], 4)' 'SO_TXREHASH, [2 /* SOCK_TXREHASH_??? */], 4)' \
	'SO_LINGER, {l_onoff=1, l_linger=5}, 8)' 'SO_LINGER, ADDR, 7)' 'SO_LINGER, ADDR, -1)' \
	'SO_ATTACH_FILTER, {len=4, filter=ADDR}, 16)' 'SO_ATTACH_FILTER, ADDR, 20)' \
	'SO_ATTACH_FILTER, {len=2, filter=NULL}, 16)' 'SO_ATTACH_REUSEPORT_CBPF, {len=4, filter=ADDR}' \
	'{imr_multiaddr=inet_addr("224.0.0.251"), imr_interface=inet_addr("127.0.0.1")}, 8)' \
	'{imr_multiaddr=inet_addr("224.0.0.251"), imr_interface=inet_addr("127.0.0.1")}, 12)' \
	'MCAST_JOIN_GROUP, {gr_interface=if_nametoindex("lo"), gr_group={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("224.0.0.252")}}, 136)' \
	'{gr_interface=99999, gr_group={sa_family=AF_INET,' 'MCAST_JOIN_GROUP, ADDR, 33)' \
	'inet_pton(AF_INET6, "ff02::fc", &sin6_addr), sin6_scope_id=if_nametoindex("lo")}}, 136)' \
	'{gr_interface=if_nametoindex("lo"), gr_group={sa_family=AF_UNIX, sun_path=@"' \
	'{inet_pton(AF_INET6, "ff02::fb", &ipv6mr_multiaddr), ipv6mr_interface=if_nametoindex("lo")}, 20)' \
	'ipv6mr_interface=0}, 20)' 'ipv6mr_interface=99999}, 20)' 'IPV6_ADD_MEMBERSHIP, ADDR, 16)' \
	'{mr_ifindex=if_nametoindex("lo"), mr_type=PACKET_MR_MULTICAST, mr_alen=6, mr_address=01:00:5e:00:00:fb}, 16)' \
	'{mr_ifindex=99999, mr_type=PACKET_MR_MULTICAST, mr_alen=0, mr_address=01:00:5e:00:00:fb}, 16)' \
	'mr_type=0x4 /* PACKET_MR_??? */, mr_alen=4, mr_address=01:00:5e:00}' \
	'{mr_ifindex=4294967295, mr_type=0x5 /* PACKET_MR_??? */, mr_alen=5, mr_address=01:00:5e:00:00}' \
	'mr_alen=9, mr_address=01:00:5e:00:00:fb:00:00}' 'PACKET_ADD_MEMBERSHIP, ADDR, 20)' \
	'PACKET_RX_RING, {tp_block_size=4096, tp_block_nr=4, tp_frame_size=2048, tp_frame_nr=8}, 16)' \
	'PACKET_TX_RING, ADDR, 20)' 'ICMP_FILTER, [], 4)' 'ICMP_FILTER, ~[], 4)' 'ICMP_FILTER, ~[], 1)' \
	'ICMP_FILTER, [ICMP_ECHO], 5)' 'ICMP_FILTER, [ICMP_ECHOREPLY 0x1f /* ICMP_??? */], 4)' \
	'ICMP_FILTER, ~[ICMP_ECHOREPLY], 4)' 'ICMP_FILTER, ADDR, 0)' \
	'NETLINK_ADD_MEMBERSHIP, [3], 4)' 'NETLINK_PKTINFO, ADDR, 2)' 'SOL_NETLINK, 0x63 /* NETLINK_??? */, [67305985], 8)' \
	'setsockopt(-1, 0x3e7 /* SOL_?? */, 1, [67305985], 4)'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no setsockopt line with $call compared"
done
# values returned, lengths in and out, failed calls
for call in 'SO_TYPE, ADDR, [0]) = 0' 'SO_TYPE, "\2", [1]) = 0' 'SO_TYPE, [2], [8 => 4]) = 0' \
	'SO_REUSEADDR, "\x00", [1]) = 0' 'SO_REUSEADDR, "\x00\x00\x00", [3]) = 0' \
	'SO_TIMESTAMPING_OLD, [0], [6]) = 0' 'SO_LINGER, {l_onoff=0}, [4]) = 0' \
	'SO_LINGER, {l_onoff=0, l_linger="\x00\x00"}, [6]) = 0' 'SO_LINGER, {l_onoff=0, l_linger=0}, [40 => 8]) = 0' \
	'SO_RCVTIMEO_OLD, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", [40 => 16]) = 0' 'SOL_IP, IP_TOS, "\0", [1]) = 0' \
	'SO_PEERCRED, {pid=PIDBYTES}, [2]) = 0' 'SO_PEERCRED, {pid=PID, uid=0, gid="\x00"}, [9]) = 0' \
	'SO_PEERCRED, {pid=PID, uid=0, gid=0}, [13 => 12]) = 0' 'SO_GET_FILTER, ADDR, [8 => 1]) = 0' \
	'SO_GET_FILTER, ADDR, [0 => 1]) = 0' 'SO_BINDTODEVICE, "lo\0", [16 => 3]) = 0' \
	'SO_ERROR, [ECONNREFUSED], [4]) = 0' 'SO_ERROR, [0], [4]) = 0' 'SO_ERROR, "\x00", [1]) = 0' \
	'SO_TXREHASH, [SOCK_TXREHASH_DISABLED], [4]) = 0' 'SO_TXREHASH, "\x00\x00", [2]) = 0' \
	'PACKET_STATISTICS, {tp_packets=0, tp_drops=0}, [9 => 8]) = 0' 'PACKET_STATISTICS, {tp_packets="\x00"}, [1]) = 0' \
	'PACKET_STATISTICS, {tp_packets=0, tp_drops=0, tp_freeze_q_cnt="\x00\x00"}, [10]) = 0' \
	'PACKET_STATISTICS, {tp_packets=0, tp_drops=0, tp_freeze_q_cnt=0}, [16 => 12]) = 0' \
	'PACKET_VERSION, [2], [4]) = 0' \
	'ICMP_FILTER, [ICMP_ECHO ICMP_TIMESTAMP ICMP_INFO_REPLY ICMP_ADDRESS ICMP_ADDRESSREPLY 0x13 /* ICMP_??? */ 0x14 /* ICMP_??? */ 0x15 /* ICMP_??? */ 0x16 /* ICMP_??? */ 0x17 /* ICMP_??? */], [8 => 4]) = 0' \
	'ICMP_FILTER, ~[ICMP_ECHOREPLY 0x1 /* ICMP_??? */ 0x2 /* ICMP_??? */ ICMP_DEST_UNREACH ICMP_SOURCE_QUENCH ICMP_REDIRECT 0x6 /* ICMP_??? */ 0x7 /* ICMP_??? */], [1]) = 0' \
	'NETLINK_LIST_MEMBERSHIPS, ADDR, [0 => ' 'NETLINK_LIST_MEMBERSHIPS, [], [1 => ' \
	'NETLINK_LIST_MEMBERSHIPS, [5], [4 => ' 'NETLINK_LIST_MEMBERSHIPS, [5, ' 'NETLINK_PKTINFO, [0], [8 => 4]) = 0' \
	'getsockopt(-1, SOL_SOCKET, SO_TYPE, ADDR, [16]) = -1 EBADF' 'SO_TYPE, ADDR, NULL) = -1 EFAULT' \
	'SO_TYPE, ADDR, 0x8) = -1 EFAULT' 'SO_TYPE, 0x8, [4]) = -1 EFAULT' 'SO_TYPE, ADDR, [-1]) = -1 EINVAL' \
	'SO_LINGER, ADDR, [-1]) = -1 EINVAL' 'SOL_SOCKET, 0x270f /* SO_??? */, ADDR, [4]) = -1 ENOPROTOOPT' \
	'SO_TYPE, NULL, [0]) = 0'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no getsockopt line with $call compared"
done
# -v: the instructions of BPF programs; -xx: every string in hex, the
# addresses in structures too
for opt in -v -xx; do
	strace "$opt" -o "$WORK/s$opt" "$T" || fail "strace $opt failed"
	"$RENACER" --backend=ptrace "$opt" -o "$WORK/r$opt" "$T" || fail "renacer $opt failed"
	mask "$WORK/s$opt" >"$WORK/s$opt.m"
	mask "$WORK/r$opt" >"$WORK/r$opt.m"
	diff "$WORK/s$opt.m" "$WORK/r$opt.m" || fail "ptrace $opt: lines differ from strace's"
done
for call in '{len=4, filter=[BPF_STMT(BPF_LD|BPF_H|BPF_ABS, SKF_AD_OFF+SKF_AD_PROTOCOL), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x800, 0, 0x1), BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_NET_OFF+9), BPF_STMT(BPF_RET|BPF_K, 0xffff)]}, 16)' \
	'{len=0, filter=[]}, 16)' '{len=2, filter=NULL}, 16)' \
	'{len=3, filter=[BPF_STMT(BPF_LD|BPF_H|BPF_ABS, SKF_AD_OFF+SKF_AD_PROTOCOL), ... /* ADDR */]}, 16)' \
	'{len=3, filter=ADDR}, 16)' 'SO_GET_FILTER, [BPF_STMT(BPF_RET|BPF_K, 0xffff)], [8 => 1]) = 0' \
	'SO_GET_FILTER, ADDR, [0 => 1]) = 0'; do
	grep -qF -- "$call" "$WORK/r-v.m" || fail "no -v line with $call compared"
done
grep -qF '{imr_multiaddr=inet_addr("\x32\x32\x34\x2e\x30\x2e\x30\x2e\x32\x35\x31"), imr_interface=inet_addr("\x31\x32\x37\x2e\x30\x2e\x30\x2e\x31")}, 8)' \
	"$WORK/r-xx.m" || fail "no -xx line with ip_mreq's addresses in hex compared"
# every line the same there, struct group_req's 136 bytes included (copied
# whole past -s: bpf/chain.bpf.h, chain_sockopt); '^$' skips no line
ebpf_vs_strace t_decode_sockopt "$T" -vE '^$' 14000
echo "t_decode_sockopt: ok ($n lines as strace prints them)"
