// SPDX-License-Identifier: MIT
/* Decoders for sockets: families, types, sockaddrs, options, messages. */
#include "decode_int.h"
#include "netlink_int.h"

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/vm_sockets.h>
#include <netinet/in.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "gen/decoders.h"

/* An Ethernet protocol in network order, as AF_PACKET takes it:
 * "htons(ETH_P_IP)", "htons(0x1234 /\* ETH_P_??? *\/)" */
static void pr_htons_eth(struct rn_strbuf *sb, __u16 be)
{
	rn_sb_puts(sb, "htons(");
	rn_xlat_enum(sb, rn_xl_eth_protocols, ntohs(be), "%#llx /* ETH_P_??? */");
	rn_sb_putc(sb, ')');
}

void dec_socket(struct dctx *c)
{
	int family = (int)RAW(c, 0);
	__u64 type = RAW(c, 1);

	dc_enum(c, 0, rn_xl_address_families, "%#llx /* AF_??? */");
	type = (__u32)type;
	if (rn_xlat_name(rn_xl_socket_types, type & 0xf)) {
		rn_xlat_enum(ARG(c, 1), rn_xl_socket_types, type & 0xf, "%#llx");
		if (type & ~(__u64)0xf) {
			rn_sb_putc(ARG(c, 1), '|');
			rn_xlat_flags(ARG(c, 1), rn_xl_socket_flags, type & ~(__u64)0xf);
		}
	} else {	/* an unknown type is part of the hex rest: strace */
		pr_flags_unk(ARG(c, 1), rn_xl_socket_flags, type, "SOCK_");
	}
	if (family == AF_INET || family == AF_INET6)
		dc_lenum(c, 2, rn_xl_ip_protocols, "%lld");
	else if (family == AF_NETLINK)
		dc_lenum(c, 2, rn_xl_netlink_protocols, "%lld");
	else if (family == AF_PACKET)
		pr_htons_eth(ARG(c, 2), (__u16)RAW(c, 2));
	else	/* strace: the whole register, unsigned */
		dc_ulong(c, 2);
	c->rv = RV_FD;
}

void dec_socketpair(struct dctx *c)
{
	dec_socket(c);
	c->rv = RV_DEC;
	if (dc_stop_unfinished(c, 3))
		return;
	pr_fd_pair(c, 3);
}

static void sa_inet(struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct sockaddr_in sin;
	char a[INET_ADDRSTRLEN];

	memset(&sin, 0, sizeof(sin));
	memcpy(&sin, p, len < sizeof(sin) ? len : sizeof(sin));
	inet_ntop(AF_INET, &sin.sin_addr, a, sizeof(a));
	rn_sb_printf(sb, ", sin_port=htons(%u), sin_addr=inet_addr(", ntohs(sin.sin_port));
	pr_quoted(sb, a, strlen(a), false);	/* quoted as any string: in hex under -xx */
	rn_sb_putc(sb, ')');
}

static void sa_inet6(struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct sockaddr_in6 s6;
	char a[INET6_ADDRSTRLEN];

	memset(&s6, 0, sizeof(s6));
	memcpy(&s6, p, len < sizeof(s6) ? len : sizeof(s6));
	inet_ntop(AF_INET6, &s6.sin6_addr, a, sizeof(a));
	rn_sb_printf(sb, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), inet_pton(AF_INET6, ",
		     ntohs(s6.sin6_port), ntohl(s6.sin6_flowinfo));
	pr_quoted(sb, a, strlen(a), false);
	rn_sb_puts(sb, ", &sin6_addr)");
	if (len <= offsetof(struct sockaddr_in6, sin6_scope_id))
		return;		/* as much of it as there is, else none */
	rn_sb_puts(sb, ", sin6_scope_id=");
	/* a link-local address's scope is an interface: by name, as strace */
	if (IN6_IS_ADDR_LINKLOCAL(&s6.sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&s6.sin6_addr))
		nl_ifindex(sb, s6.sin6_scope_id);
	else
		rn_sb_put_udec(sb, s6.sin6_scope_id);
}

static void sa_unix(struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	const char *path = (const char *)p + 2;
	size_t n = len - 2;

	if (len <= 2)
		return;
	if (n > sizeof(((struct sockaddr_un *)0)->sun_path))
		n = sizeof(((struct sockaddr_un *)0)->sun_path);	/* a longer one is cut */
	rn_sb_puts(sb, ", sun_path=");
	if (path[0] == '\0') {
		rn_sb_putc(sb, '@');	/* abstract: every byte counts */
		pr_quoted(sb, path + 1, n - 1, false);
		return;
	}
	pr_quoted(sb, path, strnlen(path, n), false);
}

static void sa_netlink(struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct sockaddr_nl nl;

	memset(&nl, 0, sizeof(nl));
	memcpy(&nl, p, len < sizeof(nl) ? len : sizeof(nl));
	if (nl.nl_pad)
		rn_sb_printf(sb, ", nl_pad=%#x", nl.nl_pad);
	rn_sb_printf(sb, ", nl_pid=%d, nl_groups=%#08x", (int)nl.nl_pid, nl.nl_groups);
}

static void sa_raw(struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	if (len <= 2)
		return;		/* the family alone */
	rn_sb_puts(sb, ", sa_data=");
	pr_quoted(sb, p + 2, len - 2, false);
}

/* struct sockaddr_ll, whole (shorter: raw sa_data, as strace); the
 * hardware address as sll_halen says, at most its 8 bytes */
static void sa_packet(struct rn_strbuf *sb, const __u8 *p)
{
	struct sockaddr_ll ll;
	unsigned i, n;

	memcpy(&ll, p, sizeof(ll));
	rn_sb_puts(sb, ", sll_protocol=");
	pr_htons_eth(sb, ll.sll_protocol);
	rn_sb_puts(sb, ", sll_ifindex=");
	nl_ifindex(sb, (__u32)ll.sll_ifindex);
	rn_sb_puts(sb, ", sll_hatype=");
	rn_xlat_enum(sb, rn_xl_arphrd, ll.sll_hatype, "%#llx /* ARPHRD_??? */");
	rn_sb_puts(sb, ", sll_pkttype=");
	rn_xlat_enum(sb, rn_xl_packet_types, ll.sll_pkttype, "%#llx /* PACKET_??? */");
	rn_sb_printf(sb, ", sll_halen=%u", ll.sll_halen);
	if (!ll.sll_halen)
		return;
	n = ll.sll_halen < sizeof(ll.sll_addr) ? ll.sll_halen : sizeof(ll.sll_addr);
	rn_sb_puts(sb, ", sll_addr=[");
	for (i = 0; i < n; i++) {
		rn_sb_puts(sb, i ? ", " : "");
		rn_sb_put_hex(sb, ll.sll_addr[i]);
	}
	rn_sb_puts(sb, ll.sll_halen > n ? ", ...]" : "]");
}

static const struct rn_xlat vsock_cids[] = {
	XLAT_PAIR(0, "VMADDR_CID_HYPERVISOR"), XLAT_PAIR(1, "VMADDR_CID_LOCAL"),
	XLAT_PAIR(2, "VMADDR_CID_HOST"), XLAT_PAIR(0xffffffffu, "VMADDR_CID_ANY"), XLAT_END,
};
static const struct rn_xlat vsock_ports[] = {
	XLAT_PAIR(0xffffffffu, "VMADDR_PORT_ANY"), XLAT_END,
};
static const struct rn_xlat vsock_flags[] = {
	XLAT_PAIR(1, "VMADDR_FLAG_TO_HOST"), XLAT_END,
};

/* struct sockaddr_vm: the reserved fields only when set */
static void sa_vsock(struct rn_strbuf *sb, const __u8 *p)
{
	struct sockaddr_vm vm;
	static const __u8 zero[sizeof(vm.svm_zero)];

	memcpy(&vm, p, sizeof(vm));
	if (vm.svm_reserved1)
		rn_sb_printf(sb, ", svm_reserved1=%#x", vm.svm_reserved1);
	rn_sb_puts(sb, ", svm_cid=");
	rn_xlat_enum(sb, vsock_cids, vm.svm_cid, "%#llx");
	rn_sb_puts(sb, ", svm_port=");
	rn_xlat_enum(sb, vsock_ports, vm.svm_port, "%#llx");
	rn_sb_puts(sb, ", svm_flags=");
	pr_flags_unk(sb, vsock_flags, vm.svm_flags, "VMADDR_FLAG_");
	if (memcmp(vm.svm_zero, zero, sizeof(zero))) {
		rn_sb_puts(sb, ", svm_zero=\"");
		rn_escape_hex(sb, (const char *)vm.svm_zero, sizeof(vm.svm_zero));
		rn_sb_putc(sb, '"');
	}
}

/* {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("10.0.0.1")} */
void pr_sockaddr(struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	__u16 fam;

	if (len < 2) {
		rn_sb_puts(sb, "{}");
		return;
	}
	memcpy(&fam, p, 2);
	rn_sb_puts(sb, "{sa_family=");
	rn_xlat_enum(sb, rn_xl_address_families, fam, "%#llx /* AF_??? */");
	/* an address shorter than its family's structure prints raw, as
	 * strace (sockaddr_in6 without sin6_scope_id is whole: RFC 2133) */
	switch (fam) {
	case AF_INET:
		if (len >= sizeof(struct sockaddr_in))
			sa_inet(sb, p, len);
		else
			sa_raw(sb, p, len);
		break;
	case AF_INET6:
		if (len >= offsetof(struct sockaddr_in6, sin6_scope_id))
			sa_inet6(sb, p, len);
		else
			sa_raw(sb, p, len);
		break;
	case AF_UNIX:
		sa_unix(sb, p, len);
		break;
	case AF_NETLINK:
		if (len >= sizeof(struct sockaddr_nl))
			sa_netlink(sb, p, len);
		else
			sa_raw(sb, p, len);
		break;
	case AF_PACKET:
		if (len >= sizeof(struct sockaddr_ll))
			sa_packet(sb, p);
		else
			sa_raw(sb, p, len);
		break;
	case AF_VSOCK:
		if (len >= sizeof(struct sockaddr_vm))
			sa_vsock(sb, p);
		else
			sa_raw(sb, p, len);
		break;
	default:
		sa_raw(sb, p, len);
	}
	rn_sb_putc(sb, '}');
}

/* A sockaddr of len bytes at addr; input (connect) or output (accept). */
void pr_sockaddr_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out)
{
	__u8 buf[sizeof(struct sockaddr_storage)];

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (len > sizeof(buf))
		len = sizeof(buf);
	if (!len || dc_read(c, addr, buf, len, out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	pr_sockaddr(sb, buf, len);
}

/* bind, connect */
void dec_sockaddr_in(struct dctx *c)
{
	dc_fd(c, 0);
	pr_sockaddr_at(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), false);
	dc_int(c, 2);	/* a socklen_t, signed to strace: -1 */
}

/*
 * The address and its length of accept, getsockname, recvfrom: "[16]" or
 * "[110 => 16]" when the kernel changed it.
 */
static void sockaddr_out(struct dctx *c, int ia, int il)
{
	int in = 0, out = 0;
	bool have_in = RAW(c, il) && dc_read(c, RAW(c, il), &in, sizeof(in), false) == 0;
	bool have_out = c->ok && RAW(c, il) &&
			dc_read(c, RAW(c, il), &out, sizeof(out), true) == 0;

	if (!c->ok || !have_out) {
		dc_ptr(c, ia);
	} else {
		__u64 len = (unsigned)out < (unsigned)in || !have_in ? (unsigned)out : (unsigned)in;

		pr_sockaddr_at(c, ARG(c, ia), RAW(c, ia), len, true);
	}
	if (!RAW(c, il))
		rn_sb_puts(ARG(c, il), "NULL");
	else if (have_in && have_out && in != out)
		rn_sb_printf(ARG(c, il), "[%d => %d]", in, out);
	else if (have_out)
		rn_sb_printf(ARG(c, il), "[%d]", out);
	else if (have_in)
		rn_sb_printf(ARG(c, il), "[%d]", in);
	else
		dc_ptr(c, il);
}

void dec_accept(struct dctx *c)
{
	dc_fd(c, 0);
	c->rv = RV_FD;
	if (dc_stop_unfinished(c, 1))
		return;
	sockaddr_out(c, 1, 2);
	if (c->d->nargs > 3)
		dc_flags(c, 3, rn_xl_socket_flags);
}

void dec_getsockname(struct dctx *c)
{
	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	sockaddr_out(c, 1, 2);
}

void dec_sendto(struct dctx *c)
{
	dc_fd(c, 0);
	if (!pr_netlink_at(c, ARG(c, 1), (int)RAW(c, 0), RAW(c, 1), RAW(c, 2), false))
		pr_buf_at(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), false);
	dc_ulong(c, 2);
	dc_flags(c, 3, rn_xl_msg_flags);
	pr_sockaddr_at(c, ARG(c, 4), RAW(c, 4), RAW(c, 5), false);
	dc_int(c, 5);	/* a socklen_t, signed to strace: -1 */
}

void dec_recvfrom(struct dctx *c)
{
	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (!c->ok || !pr_netlink_at(c, ARG(c, 1), (int)RAW(c, 0), RAW(c, 1),
				     (__u64)c->sc->ret, true))
		dc_outbuf(c, 1, false);
	dc_ulong(c, 2);
	dc_flags(c, 3, rn_xl_msg_flags);
	if (!RAW(c, 4)) {
		rn_sb_puts(ARG(c, 4), "NULL");
		if (RAW(c, 5))
			dc_ptr(c, 5);
		else
			rn_sb_puts(ARG(c, 5), "NULL");
		return;
	}
	sockaddr_out(c, 4, 5);
}

/* struct msghdr: name, iov (data shown up to `data` bytes when out). */
void pr_msghdr_at(struct dctx *c, struct rn_strbuf *sb, int fd, __u64 addr, bool out,
			 __s64 data)
{
	struct {
		__u64 name;
		__u32 namelen, pad;
		__u64 iov, iovlen, control, controllen;
		__s32 flags, pad2;
	} m;
	__u32 namelen_in;
	__u64 i;

	if (dc_read(c, addr, &m, sizeof(m), out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_puts(sb, "{msg_name=");
	pr_sockaddr_at(c, sb, m.name, m.namelen, out);
	/* recvmsg: the size the caller offered, then what the kernel left */
	if (out && dc_read(c, addr + 8, &namelen_in, sizeof(namelen_in), false) == 0 &&
	    namelen_in != m.namelen)
		rn_sb_printf(sb, ", msg_namelen=%u => %u, msg_iov=", namelen_in, m.namelen);
	else
		rn_sb_printf(sb, ", msg_namelen=%u, msg_iov=", m.namelen);
	if (!m.iov) {
		rn_sb_puts(sb, "NULL");
	} else if (m.iovlen > IOV_MAX || (m.iovlen && dc_read(c, m.iov, &i, sizeof(i), false) < 0)) {
		pr_ptr(sb, m.iov);	/* the kernel refuses it too: no walk */
	} else {
		rn_sb_putc(sb, '[');
		for (i = 0; i < m.iovlen && !dc_array_cut(c, i); i++) {
			__u64 iov[2];
			__u64 n;

			if (dc_read(c, m.iov + i * 16, iov, sizeof(iov), false) < 0) {
				/* a later one unreadable: where, as strace */
				rn_sb_printf(sb, ", ... /* %#llx */",
					     (unsigned long long)(m.iov + i * 16));
				i = m.iovlen;
				break;
			}
			n = out ? (data < (__s64)iov[1] ? (__u64)data : iov[1]) : iov[1];
			data -= n;
			rn_sb_puts(sb, i ? ", {iov_base=" : "{iov_base=");
			if (!pr_netlink_at(c, sb, fd, iov[0], n, out))
				pr_buf_at(c, sb, iov[0], n, out);
			rn_sb_printf(sb, ", iov_len=%llu}", (unsigned long long)iov[1]);
		}
		if (i < m.iovlen)
			rn_sb_puts(sb, i ? ", ..." : "...");
		rn_sb_putc(sb, ']');
	}
	rn_sb_printf(sb, ", msg_iovlen=%llu", (unsigned long long)m.iovlen);
	if (m.controllen) {
		rn_sb_puts(sb, ", msg_control=");
		pr_cmsgs_at(c, sb, m.control, m.controllen, out);
	}
	rn_sb_printf(sb, ", msg_controllen=%llu, msg_flags=", (unsigned long long)m.controllen);
	rn_xlat_flags(sb, rn_xl_msg_flags, (__u32)m.flags);
	rn_sb_putc(sb, '}');
}

void dec_sendmsg(struct dctx *c)
{
	dc_fd(c, 0);
	pr_msghdr_at(c, ARG(c, 1), (int)RAW(c, 0), RAW(c, 1), false, 0);
	dc_flags(c, 2, rn_xl_msg_flags);
}

/* A failed recvmsg: the name length it was given, "{msg_namelen=16}" */
static void recvmsg_failed(struct dctx *c)
{
	__u32 namelen;

	if (RAW(c, 1) && dc_read(c, RAW(c, 1) + 8, &namelen, sizeof(namelen), false) == 0)
		rn_sb_printf(ARG(c, 1), "{msg_namelen=%u}", namelen);
	else
		dc_ptr(c, 1);
}

void dec_recvmsg(struct dctx *c)
{
	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		pr_msghdr_at(c, ARG(c, 1), (int)RAW(c, 0), RAW(c, 1), true, c->sc->ret);
	else
		recvmsg_failed(c);
	dc_flags(c, 2, rn_xl_msg_flags);
}
