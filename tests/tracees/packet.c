// SPDX-License-Identifier: MIT
/*
 * AF_PACKET for t_decode_packet.sh: socket's protocol (htons(ETH_P_*)) for
 * every Ethernet protocol name and some unnamed ones, struct sockaddr_ll in
 * bind/sendto/getsockname (every ARPHRD_ type, every packet type, hardware
 * addresses of 0, 6, 8 and 9 bytes, an unknown interface) and addresses too
 * short to be one, of AF_PACKET and the other families, and AF_VSOCK's
 * struct sockaddr_vm. Runs as root (packet sockets need CAP_NET_RAW); the calls
 * that fail fail the same under every tracer.
 */
#include <arpa/inet.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/vm_sockets.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const unsigned short protos[] = {
	ETH_P_LOOP, ETH_P_PUP, ETH_P_PUPAT, ETH_P_IP, ETH_P_X25, ETH_P_ARP, ETH_P_BPQ,
	ETH_P_IEEEPUP, ETH_P_IEEEPUPAT, ETH_P_DEC, ETH_P_DNA_DL, ETH_P_DNA_RC, ETH_P_DNA_RT,
	ETH_P_LAT, ETH_P_DIAG, ETH_P_CUST, ETH_P_SCA, ETH_P_TEB, ETH_P_RARP, ETH_P_ATALK,
	ETH_P_AARP, ETH_P_8021Q, ETH_P_IPX, ETH_P_IPV6, ETH_P_PAUSE, ETH_P_SLOW, ETH_P_WCCP,
	ETH_P_MPLS_UC, ETH_P_MPLS_MC, ETH_P_ATMMPOA, ETH_P_PPP_DISC, ETH_P_PPP_SES,
	ETH_P_LINK_CTL, ETH_P_ATMFATE, ETH_P_PAE, ETH_P_AOE, ETH_P_8021AD, ETH_P_802_EX1,
	ETH_P_TIPC, ETH_P_MACSEC, ETH_P_8021AH, ETH_P_MVRP, ETH_P_1588, ETH_P_NCSI,
	ETH_P_PRP, ETH_P_FCOE, ETH_P_IBOE, ETH_P_TDLS, ETH_P_FIP, ETH_P_80221, ETH_P_HSR,
	ETH_P_NSH, ETH_P_LOOPBACK, ETH_P_QINQ1, ETH_P_QINQ2, ETH_P_QINQ3, ETH_P_EDSA,
	ETH_P_IFE, ETH_P_AF_IUCV, ETH_P_802_3_MIN, ETH_P_802_3, ETH_P_AX25, ETH_P_ALL,
	ETH_P_802_2, ETH_P_SNAP, ETH_P_DDCMP, ETH_P_WAN_PPP, ETH_P_PPP_MP, ETH_P_LOCALTALK,
	ETH_P_CAN, ETH_P_CANFD, ETH_P_PPPTALK, ETH_P_TR_802_2, ETH_P_MOBITEX, ETH_P_CONTROL,
	ETH_P_IRDA, ETH_P_ECONET, ETH_P_HDLC, ETH_P_ARCNET, ETH_P_DSA, ETH_P_TRAILER,
	ETH_P_PHONET, ETH_P_IEEE802154, ETH_P_CAIF, ETH_P_XDSA, ETH_P_MAP,
	0, 0x1234, 0x88a4, 0xffff, 0x88,
};

static const unsigned short hatypes[] = {
	ARPHRD_NETROM, ARPHRD_ETHER, ARPHRD_EETHER, ARPHRD_AX25, ARPHRD_PRONET, ARPHRD_CHAOS,
	ARPHRD_IEEE802, ARPHRD_ARCNET, ARPHRD_APPLETLK, ARPHRD_DLCI, ARPHRD_ATM,
	ARPHRD_METRICOM, ARPHRD_IEEE1394, ARPHRD_EUI64, ARPHRD_INFINIBAND, ARPHRD_SLIP,
	ARPHRD_CSLIP, ARPHRD_SLIP6, ARPHRD_CSLIP6, ARPHRD_RSRVD, ARPHRD_ADAPT, ARPHRD_ROSE,
	ARPHRD_X25, ARPHRD_HWX25, ARPHRD_PPP, ARPHRD_CISCO, ARPHRD_LAPB, ARPHRD_DDCMP,
	ARPHRD_RAWHDLC, ARPHRD_TUNNEL, ARPHRD_TUNNEL6, ARPHRD_FRAD, ARPHRD_SKIP,
	ARPHRD_LOOPBACK, ARPHRD_LOCALTLK, ARPHRD_FDDI, ARPHRD_BIF, ARPHRD_SIT, ARPHRD_IPDDP,
	ARPHRD_IPGRE, ARPHRD_PIMREG, ARPHRD_HIPPI, ARPHRD_ASH, ARPHRD_ECONET, ARPHRD_IRDA,
	ARPHRD_FCPP, ARPHRD_FCAL, ARPHRD_FCPL, ARPHRD_FCFABRIC, ARPHRD_IEEE802_TR,
	ARPHRD_IEEE80211, ARPHRD_IEEE80211_PRISM, ARPHRD_IEEE80211_RADIOTAP,
	ARPHRD_IEEE802154, ARPHRD_VOID, ARPHRD_NONE, 0xfffd, 9999,
};

int main(void)
{
	struct sockaddr_ll ll = { .sll_family = AF_PACKET, .sll_ifindex = 1 }, got;
	static const unsigned char hw[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const unsigned short fams[] = { AF_INET, AF_INET6, AF_NETLINK, AF_UNIX, AF_VSOCK };
	static const socklen_t lens[] = { 2, 3, 4, 8, 12, 15, 16, 20, 23, 24, 27, 28, 30 };
	static const unsigned cids[] = { 0, 1, 2, 3, 0xffffffffu, 77, 1234 };
	struct sockaddr_storage raw_sa;
	socklen_t len;
	char buf[64];
	int raw, dgram;
	size_t i;

	raw = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	dgram = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, htons(ETH_P_ARP));
	for (i = 0; i < N(protos); i++)
		close(socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK, htons(protos[i])));
	close(socket(AF_PACKET, SOCK_PACKET, htons(ETH_P_8021Q)));
	socket(AF_PACKET, SOCK_RAW, 0x12345);	/* above 16 bits: EINVAL or not */
	for (i = 0; i < N(hatypes); i++) {
		ll.sll_hatype = hatypes[i];
		ll.sll_pkttype = (unsigned char)(i % 10);
		sendto(-1, "", 0, 0, (struct sockaddr *)&ll, sizeof(ll));
	}

	memcpy(ll.sll_addr, hw, sizeof(hw));
	ll.sll_protocol = htons(ETH_P_ALL);
	ll.sll_hatype = ARPHRD_ETHER;
	ll.sll_pkttype = PACKET_BROADCAST;
	ll.sll_halen = 6;
	bind(raw, (struct sockaddr *)&ll, sizeof(ll));
	ll.sll_pkttype = PACKET_OUTGOING;
	ll.sll_hatype = ARPHRD_LOOPBACK;
	ll.sll_halen = 8;
	ll.sll_ifindex = 77;	/* no such interface: by number */
	bind(raw, (struct sockaddr *)&ll, sizeof(ll));
	ll.sll_pkttype = 9;
	ll.sll_hatype = 0xfffe;
	ll.sll_halen = 9;	/* more than sll_addr holds */
	ll.sll_protocol = htons(0x9999);
	bind(raw, (struct sockaddr *)&ll, sizeof(ll));
	ll.sll_halen = 2;
	bind(raw, (struct sockaddr *)&ll, 12);	/* too short: raw bytes */
	bind(raw, (struct sockaddr *)&ll, 19);
	bind(raw, (struct sockaddr *)&ll, 4);
	bind(raw, (struct sockaddr *)&ll, 2);
	ll.sll_halen = 0;
	ll.sll_ifindex = 1;
	bind(dgram, (struct sockaddr *)&ll, sizeof(ll));
	len = sizeof(got);
	getsockname(raw, (struct sockaddr *)&got, &len);
	len = sizeof(got);
	getsockname(dgram, (struct sockaddr *)&got, &len);
	len = sizeof(got);
	recvfrom(dgram, buf, sizeof(buf), MSG_DONTWAIT, (struct sockaddr *)&got, &len);
	sendto(dgram, "x", 1, 0, (struct sockaddr *)&ll, sizeof(ll));

	/* other families' addresses cut short: raw below their structure's
	 * size (sockaddr_in6: from 24 bytes, sin6_scope_id as far as given) */
	for (i = 0; i < N(fams); i++)
		for (size_t j = 0; j < N(lens); j++) {
			memset(&raw_sa, 0x11, sizeof(raw_sa));
			raw_sa.ss_family = fams[i];
			bind(-1, (struct sockaddr *)&raw_sa, lens[j]);
		}
	/* AF_VSOCK: the named context ids and port, flags, reserved bytes */
	for (i = 0; i < N(cids); i++) {
		struct sockaddr_vm vm = { .svm_family = AF_VSOCK, .svm_cid = cids[i],
					  .svm_port = cids[(i + 2) % N(cids)],
					  .svm_flags = (unsigned char)(i % 3),
					  .svm_reserved1 = (unsigned short)(i == 4) };

		vm.svm_zero[1] = i == 5;
		bind(-1, (struct sockaddr *)&vm, sizeof(vm));
	}
	return 0;
}
