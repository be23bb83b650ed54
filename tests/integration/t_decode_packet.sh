#!/usr/bin/env bash
# AF_PACKET (tests/tracees/packet.c) as strace 6.1 prints it, on both
# backends: socket's protocol as htons(ETH_P_*) for every name strace knows
# and unnamed values, struct sockaddr_ll in bind/sendto (every ARPHRD_ type,
# packet types, hardware addresses up to and past sll_addr's 8 bytes, an
# interface by name and by number), and addresses too short for one (raw
# sa_data), for AF_PACKET and the other families; AF_VSOCK's sockaddr_vm.
# Masked: addresses.
. "$(dirname "$0")/lib.sh"
need_cmd strace
[ "$(id -u)" = 0 ] || skip "packet sockets need CAP_NET_RAW (not root)"
T=$TRACEES/packet
mask() {
	sed -E -e 's/0x[0-9a-f]{9,}/ADDR/g' -e 's/\) += /) = /' "$1" |
		grep -E '^socket\(AF_PACKET|^(bind|sendto|getsockname)\(.*sa_family='
}
strace -o "$WORK/s" "$T" || fail "strace failed"
mask "$WORK/s" >"$WORK/s.m"
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 150 ] || fail "only $n lines from strace"
backends=ptrace
have_ebpf && backends="ptrace ebpf"
for be in $backends; do
	"$RENACER" --backend=$be -o "$WORK/r.$be" "$T" || fail "$be: renacer failed"
	mask "$WORK/r.$be" >"$WORK/r.$be.m"
	diff "$WORK/s.m" "$WORK/r.$be.m" || fail "$be: lines differ from strace's"
done
for want in 'socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = ' \
	'htons(0x1234 /* ETH_P_??? */)' 'htons(0 /* ETH_P_??? */)' \
	'sll_ifindex=if_nametoindex("lo"), sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_BROADCAST, sll_halen=6, sll_addr=[0x1, 0x2, 0x3, 0x4, 0x5, 0x6]}' \
	'sll_ifindex=77,' 'sll_addr=[0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, ...]}' \
	'sll_hatype=0x270f /* ARPHRD_??? */' 'sll_pkttype=0x9 /* PACKET_??? */' \
	', {sa_family=AF_PACKET, sa_data="\231\231"}, 4)' 'getsockname(' \
	'bind(-1, {sa_family=AF_INET, sa_data="\21\21"}, 4)' 'bind(-1, {sa_family=AF_INET6}, 2)' \
	'&sin6_addr)}, 24)' '&sin6_addr), sin6_scope_id=1118481}, 27)' 'bind(-1, {sa_family=AF_NETLINK, sa_data="\21\21\21\21\21\21"}, 8)' \
	'svm_cid=VMADDR_CID_LOCAL, svm_port=0x3, svm_flags=VMADDR_FLAG_TO_HOST}' \
	'svm_reserved1=0x1,' 'svm_zero="\x00\x01\x00"}' 'svm_flags=0x2 /* VMADDR_FLAG_??? */'; do
	grep -qF -- "$want" "$WORK/s.m" || fail "no line with $want compared"
done
echo "t_decode_packet: ok ($n AF_PACKET and socket-address lines as strace prints them on: $backends)"
