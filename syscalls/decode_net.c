// SPDX-License-Identifier: MIT
/* Decoders for sockets: families, types, sockaddrs, options, messages. */
#include "decode_int.h"
#include "netlink_int.h"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <limits.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "gen/decoders.h"

void dec_socket(struct dctx *c)
{
	int family = (int)RAW(c, 0);
	__u64 type = RAW(c, 1);

	dc_enum(c, 0, rn_xl_address_families, "%#llx /* AF_??? */");
	rn_xlat_enum(ARG(c, 1), rn_xl_socket_types, type & 0xf, "%#llx /* SOCK_??? */");
	if (type & ~(__u64)0xf) {
		rn_sb_putc(ARG(c, 1), '|');
		rn_xlat_flags(ARG(c, 1), rn_xl_socket_flags, type & ~(__u64)0xf);
	}
	if (family == AF_INET || family == AF_INET6)
		dc_enum(c, 2, rn_xl_ip_protocols, "%lld");
	else if (family == AF_NETLINK)
		dc_enum(c, 2, rn_xl_netlink_protocols, "%lld");
	else
		dc_int(c, 2);
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
	rn_sb_puts(sb, ", &sin6_addr), sin6_scope_id=");
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
	switch (fam) {
	case AF_INET:
		sa_inet(sb, p, len);
		break;
	case AF_INET6:
		sa_inet6(sb, p, len);
		break;
	case AF_UNIX:
		sa_unix(sb, p, len);
		break;
	case AF_NETLINK:
		sa_netlink(sb, p, len);
		break;
	default:
		rn_sb_puts(sb, ", sa_data=");
		pr_quoted(sb, p + 2, len - 2, false);
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
	dc_uint(c, 2);
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
	dc_uint(c, 5);
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
