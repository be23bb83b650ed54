// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_sockopt.sh: setsockopt and getsockopt at every level
 * strace 6.1 names (and unknown ones), the options whose value is an int or
 * a structure with ordinary, short, long and negative lengths, NULL and bad
 * addresses, and calls that fail, so their lines can be compared with
 * strace's. Run as root (AF_PACKET and raw sockets); a socket that cannot be
 * made is skipped, its calls then missing from both traces alike. What it
 * joins (multicast groups, a packet membership) it leaves again; nothing
 * outlives it. Values that vary from run to run are never asked for (socket
 * cookies, TCP timestamps); the pid in SO_PEERCRED is masked by the test.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/filter.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>

/* a bad address: the calls fail with EFAULT, strace prints it as is */
#define BAD ((void *)8)

static unsigned char pat[320];

static int get(int fd, int level, int opt, void *val, int len)
{
	socklen_t l = (socklen_t)len;

	return getsockopt(fd, level, opt, val, &l);
}

/* every option number up to 140 and the named ones above at each level
 * strace 6.1 names, a few unknown levels: on a bad descriptor */
static void names(void)
{
	static const int levels[] = {
		0, 1, 6, 17, 40, 41, 58, 100, 101, 132, 136, 255, 256, 257, 258, 259, 260,
		261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275,
		276, 277, 278, 279, 280, 281, 282, 283, 284, 2, 999, -1,
	};
	static const unsigned high[] = {
		192, 1152, 1160, 1167, 1168, 2048, 4096, 10000, 10010, 10011, 0x7fffffff,
		0xffffffff,
	};
	unsigned i, j;
	int o;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		for (o = 0; o <= 140; o++) {
			setsockopt(-1, levels[i], o, NULL, 0);
			getsockopt(-1, levels[i], o, NULL, NULL);
		}
		for (j = 0; j < sizeof(high) / sizeof(high[0]); j++) {
			setsockopt(-1, levels[i], (int)high[j], NULL, 0);
			getsockopt(-1, levels[i], (int)high[j], NULL, NULL);
		}
	}
}

/* every length from 0 to 9 and some longer ones, the pattern as value */
static void lengths(int fd, int level, int opt)
{
	static const int lens[] = {
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 20, 24, 33, 136, 140, -1,
	};
	unsigned i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++)
		setsockopt(fd, level, opt, pat, lens[i]);
	setsockopt(fd, level, opt, NULL, 4);
	setsockopt(fd, level, opt, BAD, 16);
	setsockopt(fd, level, opt, BAD, 136);
}

/* each option with a format of its own, at each length, on a bad
 * descriptor (setsockopt shows its value whatever the result) */
static void set_lengths(void)
{
	static const int opts[][2] = {
		{ SOL_SOCKET, SO_REUSEADDR }, { SOL_SOCKET, SO_TXREHASH },
		{ SOL_SOCKET, SO_LINGER }, { SOL_SOCKET, SO_ATTACH_FILTER },
		{ SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF }, { SOL_SOCKET, SO_PEERCRED },
		{ SOL_SOCKET, SO_ERROR }, { SOL_SOCKET, SO_TYPE }, { SOL_IP, IP_TOS },
		{ SOL_IP, IP_ADD_MEMBERSHIP }, { SOL_IP, MCAST_JOIN_GROUP },
		{ SOL_IPV6, IPV6_ADD_MEMBERSHIP }, { SOL_IPV6, IPV6_LEAVE_ANYCAST },
		{ SOL_IPV6, MCAST_LEAVE_GROUP }, { SOL_PACKET, PACKET_ADD_MEMBERSHIP },
		{ SOL_PACKET, PACKET_RX_RING }, { SOL_PACKET, PACKET_TX_RING },
		{ SOL_RAW, ICMP_FILTER }, { SOL_NETLINK, NETLINK_PKTINFO },
		{ SOL_NETLINK, 99 }, { SOL_TCP, TCP_NODELAY }, { 999, 1 },
	};
	unsigned i;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		lengths(-1, opts[i][0], opts[i][1]);
}

/* ints and their named values */
static void set_ints(int fd)
{
	static const int v[] = { 0, 1, 255, 2, -1, 0x12345678 };
	unsigned i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v[i], sizeof(v[i]));
		setsockopt(fd, SOL_SOCKET, SO_TXREHASH, &v[i], sizeof(v[i]));
		setsockopt(fd, SOL_IP, IP_TTL, &v[i], sizeof(v[i]));
	}
}

/* linger, filters: one valid program, others with odd lengths, NULL, and
 * one whose second instruction lies on an unmapped page */
static void set_socket_structs(int fd)
{
	struct sock_filter ins[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 1),
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_NET_OFF + 9),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
	};
	struct sock_fprog fp = { 4, ins };
	struct { int onoff, linger; } lg = { 1, 5 };
	char *pg;

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	lg.onoff = 0;
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp));
	setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, NULL, 0);
	setsockopt(-1, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &fp, sizeof(fp));
	fp.len = 0;
	setsockopt(-1, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp));
	fp.len = 2;
	fp.filter = NULL;
	setsockopt(-1, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp));
	pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pg == MAP_FAILED)
		return;
	munmap(pg + 4096, 4096);
	memcpy(pg + 4096 - 8, ins, 8);
	fp.len = 3;
	fp.filter = (struct sock_filter *)(pg + 4096 - 8);
	setsockopt(-1, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp));
	fp.filter = (struct sock_filter *)(pg + 4096);
	setsockopt(-1, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp));
	munmap(pg, 4096);
}

/* multicast memberships: joined on lo and left again, by ip_mreq,
 * ip_mreqn and group_req; an interface index no interface has */
static void set_inet_structs(int fd)
{
	struct ip_mreqn mn = { { inet_addr("224.0.0.251") }, { inet_addr("127.0.0.1") }, 1 };
	struct group_req g;
	struct sockaddr_in *sin = (struct sockaddr_in *)&g.gr_group;

	if (setsockopt(fd, SOL_IP, IP_ADD_MEMBERSHIP, &mn, sizeof(struct ip_mreq)) == 0)
		setsockopt(fd, SOL_IP, IP_DROP_MEMBERSHIP, &mn, sizeof(struct ip_mreq));
	setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, &mn, sizeof(mn));
	memset(&g, 0, sizeof(g));
	g.gr_interface = 1;
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = inet_addr("224.0.0.252");
	if (setsockopt(fd, SOL_IP, MCAST_JOIN_GROUP, &g, sizeof(g)) == 0)
		setsockopt(fd, SOL_IP, MCAST_LEAVE_GROUP, &g, sizeof(g));
	g.gr_interface = 99999;
	setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, &g, sizeof(g));
}

static void set_inet6_structs(int fd)
{
	struct ipv6_mreq m6 = { .ipv6mr_interface = 1 };
	struct group_req g;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&g.gr_group;

	inet_pton(AF_INET6, "ff02::fb", &m6.ipv6mr_multiaddr);
	if (setsockopt(fd, SOL_IPV6, IPV6_ADD_MEMBERSHIP, &m6, sizeof(m6)) == 0)
		setsockopt(fd, SOL_IPV6, IPV6_DROP_MEMBERSHIP, &m6, sizeof(m6));
	m6.ipv6mr_interface = 0;
	setsockopt(-1, SOL_IPV6, IPV6_JOIN_ANYCAST, &m6, sizeof(m6));
	m6.ipv6mr_interface = 99999;
	setsockopt(-1, SOL_IPV6, IPV6_LEAVE_ANYCAST, &m6, sizeof(m6));
	memset(&g, 0, sizeof(g));
	g.gr_interface = 1;
	s6->sin6_family = AF_INET6;
	s6->sin6_scope_id = 1;
	inet_pton(AF_INET6, "ff02::fc", &s6->sin6_addr);
	if (setsockopt(fd, SOL_IPV6, MCAST_JOIN_GROUP, &g, sizeof(g)) == 0)
		setsockopt(fd, SOL_IPV6, MCAST_LEAVE_GROUP, &g, sizeof(g));
	g.gr_group.ss_family = AF_UNIX;
	setsockopt(-1, SOL_IPV6, MCAST_JOIN_GROUP, &g, sizeof(g));
}

/* packet_mreq with every address length and type, tpacket_req */
static void set_packet_structs(int fd)
{
	struct packet_mreq pm = { .mr_ifindex = 1, .mr_type = PACKET_MR_MULTICAST, .mr_alen = 6,
				  .mr_address = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb } };
	struct tpacket_req tr = { 4096, 4, 2048, 8 };
	int a;

	if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &pm, sizeof(pm)) == 0)
		setsockopt(fd, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &pm, sizeof(pm));
	for (a = 0; a <= 9; a++) {
		pm.mr_type = (unsigned short)(a % 6);
		pm.mr_alen = (unsigned short)a;
		pm.mr_ifindex = a < 5 ? 99999 : -1;
		setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &pm, sizeof(pm));
	}
	setsockopt(-1, SOL_PACKET, PACKET_RX_RING, &tr, sizeof(tr));
	setsockopt(-1, SOL_PACKET, PACKET_TX_RING, &tr, sizeof(tr));
}

/* ICMP filters from empty to full, at every length; netlink groups */
static void set_filters(int raw, int nl)
{
	static const unsigned f[] = {
		0, 1u << ICMP_ECHO, 0xffff, 0x1ffff, 0x80000001u, 0xfffffffeu, 0xffffffffu,
	};
	unsigned i;
	int n, g;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		for (n = 1; n <= 5; n++)
			setsockopt(raw, SOL_RAW, ICMP_FILTER, &f[i], n);
	for (g = 1; g <= 3; g += 2)
		setsockopt(nl, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &g, sizeof(g));
}

/* an int option at every length the kernel answers, 0 to 9 and more */
static void get_lengths(int fd, int level, int opt)
{
	static const int lens[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 40 };
	unsigned i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		memset(pat, 0x55, sizeof(pat));
		get(fd, level, opt, pat, lens[i]);
	}
}

/* SO_ERROR's errno: a connection refused by a closed port of this host */
static void get_error(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(1),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct pollfd p = { fd, POLLOUT, 0 };
	int off = 0;

	if (fd < 0)
		return;
	connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	poll(&p, 1, 2000);
	get(fd, SOL_SOCKET, SO_ERROR, pat, 4);
	get(fd, SOL_SOCKET, SO_ERROR, pat, 4);
	get(fd, SOL_SOCKET, SO_ERROR, pat, 1);
	/* the default (net.core.txrehash) varies: set it first */
	setsockopt(fd, SOL_SOCKET, SO_TXREHASH, &off, sizeof(off));
	get(fd, SOL_SOCKET, SO_TXREHASH, pat, 4);
	get(fd, SOL_SOCKET, SO_TXREHASH, pat, 2);
	close(fd);
}

static void get_socket(int tcp, int udp)
{
	struct sock_filter ins[] = { BPF_STMT(BPF_RET | BPF_K, 0xffff) };
	struct sock_fprog fp = { 1, ins };
	int sp[2];

	get_lengths(udp, SOL_SOCKET, SO_TYPE);
	get_lengths(udp, SOL_SOCKET, SO_REUSEADDR);
	get_lengths(udp, SOL_SOCKET, SO_TIMESTAMPING_OLD);
	get_lengths(tcp, SOL_SOCKET, SO_LINGER);
	get_lengths(udp, SOL_SOCKET, SO_RCVTIMEO_OLD);
	get_lengths(udp, SOL_IP, IP_TOS);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) == 0) {
		get_lengths(sp[0], SOL_SOCKET, SO_PEERCRED);
		close(sp[0]);
		close(sp[1]);
	}
	if (setsockopt(udp, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp)) == 0)
		get_lengths(udp, SOL_SOCKET, SO_GET_FILTER);
	if (setsockopt(udp, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3) == 0)
		get_lengths(udp, SOL_SOCKET, SO_BINDTODEVICE);
	get_error();
}

/* statistics of a packet socket that receives nothing, in both layouts */
static void get_packet(int pk)
{
	int v = TPACKET_V3;

	get_lengths(pk, SOL_PACKET, PACKET_STATISTICS);
	setsockopt(pk, SOL_PACKET, PACKET_VERSION, &v, sizeof(v));
	get_lengths(pk, SOL_PACKET, PACKET_STATISTICS);
	get_lengths(pk, SOL_PACKET, PACKET_VERSION);
}

static void get_filters(int raw, int nl)
{
	unsigned f = (1u << ICMP_ECHO) | (1u << ICMP_TIMESTAMP) | 0xff0000u;

	setsockopt(raw, SOL_RAW, ICMP_FILTER, &f, sizeof(f));
	get_lengths(raw, SOL_RAW, ICMP_FILTER);
	get_lengths(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS);
	get_lengths(nl, SOL_NETLINK, NETLINK_PKTINFO);
}

/* calls that fail: no socket, no length, a bad length pointer, a length
 * below zero, a value the kernel cannot write */
static void get_failing(int udp)
{
	socklen_t l = 4;

	get(-1, SOL_SOCKET, SO_TYPE, pat, 16);
	getsockopt(udp, SOL_SOCKET, SO_TYPE, pat, NULL);
	getsockopt(udp, SOL_SOCKET, SO_TYPE, pat, BAD);
	getsockopt(udp, SOL_SOCKET, SO_TYPE, BAD, &l);
	get(udp, SOL_SOCKET, SO_TYPE, pat, -1);
	get(udp, SOL_SOCKET, SO_LINGER, pat, -1);
	get(udp, SOL_SOCKET, 9999, pat, 4);
	get(udp, 999, 1, pat, 4);
	l = 0;
	getsockopt(udp, SOL_SOCKET, SO_TYPE, NULL, &l);
}

int main(void)
{
	int tcp = socket(AF_INET, SOCK_STREAM, 0), udp = socket(AF_INET, SOCK_DGRAM, 0);
	int udp6 = socket(AF_INET6, SOCK_DGRAM, 0), raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	int pk = socket(AF_PACKET, SOCK_RAW, 0), nl = socket(AF_NETLINK, SOCK_RAW, 0);
	unsigned i;

	for (i = 0; i < sizeof(pat); i++)
		pat[i] = (unsigned char)(i + 1);
	syscall(SYS_getpid);
	names();
	set_lengths();
	set_ints(tcp);
	set_socket_structs(udp);
	set_inet_structs(udp);
	set_inet6_structs(udp6);
	set_packet_structs(pk);
	set_filters(raw, nl);
	get_socket(tcp, udp);
	get_packet(pk);
	get_filters(raw, nl);
	get_failing(udp);
	return 0;
}
