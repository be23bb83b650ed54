// SPDX-License-Identifier: MIT
/*
 * -yy through NETLINK_SOCK_DIAG (see sockdiag.h). The protocol name is the
 * descriptor's "system.sockprotoname" attribute ("UNIX-STREAM", "TCPv6",
 * "NETLINK"), which also says which diag request to send:
 *
 *   UNIX*          one exact request by inode: name and peer inode
 *   TCP, UDP, ...  a dump of that family and protocol, matched by inode
 *   NETLINK        a dump of every netlink socket: protocol and port id
 *
 * Without details (the diag module missing, a socket of another kind) the
 * text is "PROTO:[inode]", as strace's.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/netlink_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "../syscalls/decode.h"
#include "../syscalls/strbuf.h"
#include "sockdiag.h"

#define SD_CACHE 512			/* connected sockets remembered, by inode */
#define SD_TEXT 160

static struct {
	unsigned long inode;
	char text[SD_TEXT];
} sd_cache[SD_CACHE];

/* Send req (a complete netlink message) and hand each answer to fn until
 * fn returns 1 or the dump ends. 0 when fn said 1, else -errno. */
static int sd_query(void *req, size_t len, int (*fn)(void *ctx, const struct nlmsghdr *h),
		    void *ctx)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	long buf[8192 / sizeof(long)];
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	int rc = -ENOENT;

	if (fd < 0)
		return -errno;
	if (sendto(fd, req, len, 0, (struct sockaddr *)&nl, sizeof(nl)) < 0) {
		rc = -errno;
		goto out;
	}
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		const struct nlmsghdr *h = (const struct nlmsghdr *)buf;

		if (n <= 0)
			break;
		for (; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				goto out;
			if (fn(ctx, h) == 1) {
				rc = 0;
				goto out;
			}
		}
	}
out:
	close(fd);
	return rc;
}

struct sd_found {
	unsigned long inode;
	struct rn_strbuf *sb;
	const char *proto;
	bool connected;
};

/* UNIX: "PROTO:[ino->peer,"name"]" */
static int sd_unix_msg(void *ctx, const struct nlmsghdr *h)
{
	struct sd_found *f = ctx;
	const struct unix_diag_msg *m = NLMSG_DATA(h);
	const struct rtattr *a = (const struct rtattr *)(m + 1);
	int alen = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*m)));
	const char *name = NULL;
	size_t nlen = 0;
	__u32 peer = 0;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->udiag_ino != f->inode)
		return 0;
	for (; RTA_OK(a, alen); a = RTA_NEXT(a, alen)) {
		if (a->rta_type == UNIX_DIAG_NAME) {
			name = RTA_DATA(a);
			nlen = RTA_PAYLOAD(a);
		} else if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= 4) {
			memcpy(&peer, RTA_DATA(a), 4);
		}
	}
	rn_sb_printf(f->sb, "%s:[%lu", f->proto, f->inode);
	if (peer) {
		rn_sb_printf(f->sb, "->%u", peer);
		f->connected = true;
	}
	if (name && nlen) {
		rn_sb_puts(f->sb, ",\"");
		if (name[0] == '\0') {	/* abstract: "@name" */
			rn_sb_putc(f->sb, '@');
			name++;
			nlen--;
		}
		rn_escape_c(f->sb, name, strnlen(name, nlen));
		rn_sb_putc(f->sb, '"');
	}
	rn_sb_putc(f->sb, ']');
	return 1;
}

static int sd_unix(struct sd_found *f)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_req r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		       .nlmsg_flags = NLM_F_REQUEST },
		.r = { .sdiag_family = AF_UNIX, .udiag_states = ~0u, .udiag_ino = (__u32)f->inode,
		       .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
		       .udiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE } },
	};

	return sd_query(&req, sizeof(req), sd_unix_msg, f);
}

/* "127.0.0.1:5000" or "[::1]:5000" */
static void sd_inet_addr(struct rn_strbuf *sb, int family, const __be32 *addr, __be16 port)
{
	char a[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, addr, a, sizeof(a)))
		snprintf(a, sizeof(a), "?");
	rn_sb_printf(sb, family == AF_INET6 ? "[%s]:%u" : "%s:%u", a, ntohs(port));
}

struct sd_inet {
	struct sd_found *f;
	int family;
};

static int sd_inet_msg(void *ctx, const struct nlmsghdr *h)
{
	struct sd_inet *q = ctx;
	const struct inet_diag_msg *m = NLMSG_DATA(h);
	static const __be32 zero[4];

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->idiag_inode != q->f->inode)
		return 0;
	rn_sb_printf(q->f->sb, "%s:[", q->f->proto);
	sd_inet_addr(q->f->sb, q->family, m->id.idiag_src, m->id.idiag_sport);
	if (m->id.idiag_dport || memcmp(m->id.idiag_dst, zero, sizeof(zero))) {
		rn_sb_puts(q->f->sb, "->");
		sd_inet_addr(q->f->sb, q->family, m->id.idiag_dst, m->id.idiag_dport);
		q->f->connected = true;
	}
	rn_sb_putc(q->f->sb, ']');
	return 1;
}

static int sd_inet(struct sd_found *f, int family, int protocol)
{
	struct {
		struct nlmsghdr h;
		struct inet_diag_req_v2 r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.r = { .sdiag_family = (__u8)family, .sdiag_protocol = (__u8)protocol,
		       .idiag_states = ~0u },
	};
	struct sd_inet q = { .f = f, .family = family };

	return sd_query(&req, sizeof(req), sd_inet_msg, &q);
}

static const char *const sd_netlink_names[] = {
	[0] = "ROUTE", [2] = "USERSOCK", [3] = "FIREWALL", [4] = "SOCK_DIAG", [5] = "NFLOG",
	[6] = "XFRM", [7] = "SELINUX", [8] = "ISCSI", [9] = "AUDIT", [10] = "FIB_LOOKUP",
	[11] = "CONNECTOR", [12] = "NETFILTER", [13] = "IP6_FW", [14] = "DNRTMSG",
	[15] = "KOBJECT_UEVENT", [16] = "GENERIC", [18] = "SCSITRANSPORT", [19] = "ECRYPTFS",
	[20] = "RDMA", [21] = "CRYPTO", [22] = "SMC",
};

/* NETLINK: "NETLINK:[ROUTE:1234]" once bound, "NETLINK:[ino]" before */
static int sd_netlink_msg(void *ctx, const struct nlmsghdr *h)
{
	struct sd_found *f = ctx;
	const struct netlink_diag_msg *m = NLMSG_DATA(h);
	const char *pname = NULL;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->ndiag_ino != f->inode)
		return 0;
	if (m->ndiag_protocol < sizeof(sd_netlink_names) / sizeof(sd_netlink_names[0]))
		pname = sd_netlink_names[m->ndiag_protocol];
	if (!m->ndiag_portid)
		rn_sb_printf(f->sb, "%s:[%lu]", f->proto, f->inode);
	else if (pname)
		rn_sb_printf(f->sb, "%s:[%s:%u]", f->proto, pname, m->ndiag_portid);
	else
		rn_sb_printf(f->sb, "%s:[%u:%u]", f->proto, m->ndiag_protocol, m->ndiag_portid);
	return 1;
}

static int sd_netlink(struct sd_found *f)
{
	struct {
		struct nlmsghdr h;
		struct netlink_diag_req r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.r = { .sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL,
		       .ndiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE } },
	};

	return sd_query(&req, sizeof(req), sd_netlink_msg, f);
}

static int sd_by_proto(struct sd_found *f)
{
	static const struct {
		const char *name;
		int family, protocol;
	} inet[] = {
		{ "TCP", AF_INET, IPPROTO_TCP }, { "TCPv6", AF_INET6, IPPROTO_TCP },
		{ "UDP", AF_INET, IPPROTO_UDP }, { "UDPv6", AF_INET6, IPPROTO_UDP },
		{ "UDPLITE", AF_INET, IPPROTO_UDPLITE }, { "UDPLITEv6", AF_INET6, IPPROTO_UDPLITE },
	};

	if (!strncmp(f->proto, "UNIX", 4))
		return sd_unix(f);
	if (!strcmp(f->proto, "NETLINK"))
		return sd_netlink(f);
	for (size_t i = 0; i < sizeof(inet) / sizeof(inet[0]); i++)
		if (!strcmp(f->proto, inet[i].name))
			return sd_inet(f, inet[i].family, inet[i].protocol);
	return -ENOTSUP;
}

long rn_sockdiag_describe(void *ctx, __u32 tgid, int fd, unsigned long inode, char *buf,
			  size_t len)
{
	unsigned slot = (unsigned)(inode % SD_CACHE);
	char path[64], proto[32];
	struct rn_strbuf sb;
	struct sd_found f = { .inode = inode, .sb = &sb, .proto = proto };
	ssize_t n;

	(void)ctx;
	if (!len)
		return -EINVAL;
	if (sd_cache[slot].inode == inode && inode)
		return snprintf(buf, len, "%s", sd_cache[slot].text);
	snprintf(path, sizeof(path), "/proc/%u/fd/%d", tgid, fd);
	n = getxattr(path, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return -errno;
	proto[n] = '\0';
	proto[strcspn(proto, "\n")] = '\0';
	rn_sb_init(&sb);
	if (sd_by_proto(&f) < 0) {
		rn_sb_reset(&sb);
		rn_sb_printf(&sb, "%s:[%lu]", proto, inode);
	}
	n = snprintf(buf, len, "%s", sb.buf ? sb.buf : "");
	if (f.connected && sb.len < SD_TEXT) {
		sd_cache[slot].inode = inode;
		memcpy(sd_cache[slot].text, sb.buf, sb.len + 1);
	}
	rn_sb_release(&sb);
	return n;
}

long rn_fd_detail(void *ctx, __u32 tgid, int fd, const char *path, char *buf, size_t len)
{
	unsigned long inode;
	char proc[64];
	struct rn_strbuf sb;
	struct stat st;
	long n;

	if (!strncmp(path, "socket:[", 8) && sscanf(path + 8, "%lu]", &inode) == 1)
		return rn_sockdiag_describe(ctx, tgid, fd, inode, buf, len);
	if (strncmp(path, "/dev/", 5) || !len)
		return 0;
	snprintf(proc, sizeof(proc), "/proc/%u/fd/%d", tgid, fd);
	if (stat(proc, &st) < 0)
		return -errno;
	if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode))
		return 0;
	rn_sb_init(&sb);
	rn_escape_c(&sb, path, strlen(path));
	rn_sb_printf(&sb, "<%s %u:%u>", S_ISCHR(st.st_mode) ? "char" : "block",
		     major(st.st_rdev), minor(st.st_rdev));
	n = snprintf(buf, len, "%s", sb.buf);
	rn_sb_release(&sb);
	return n;
}
