// SPDX-License-Identifier: MIT
/*
 * Control messages (a msghdr's msg_control) and the message vectors of
 * sendmmsg/recvmmsg, as strace 6.1 prints them. The control buffer is read
 * whole (up to net.core.optmem_max bytes, as strace) and walked header by
 * header: a header whose cmsg_len is shorter than itself ends the walk, and
 * what is left after the last header prints as "... /\* address *\/". The
 * data of the types strace knows prints by type; others print no data.
 * Nothing is printed from memory that could not be read whole: a control
 * buffer the eBPF backend did not capture prints as its address.
 */
#include "decode_int.h"
#include "netlink_int.h"
#include "sockopt_int.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/decoders.h"

#define CMSG_HDR	16	/* struct cmsghdr: cmsg_len (8), level, type */
#define OPTMEM_DEFAULT	20480	/* when /proc/sys/net/core/optmem_max cannot be read */

static const struct rn_xlat cmsg_socket_types[] = {
	XLAT_PAIR(1, "SCM_RIGHTS"), XLAT_PAIR(2, "SCM_CREDENTIALS"), XLAT_PAIR(3, "SCM_SECURITY"),
	XLAT_PAIR(29, "SO_TIMESTAMP_OLD"), XLAT_PAIR(35, "SO_TIMESTAMPNS_OLD"),
	XLAT_PAIR(37, "SO_TIMESTAMPING_OLD"), XLAT_PAIR(41, "SO_WIFI_STATUS"),
	XLAT_PAIR(54, "SCM_TIMESTAMPING_OPT_STATS"), XLAT_PAIR(58, "SCM_TIMESTAMPING_PKTINFO"),
	XLAT_PAIR(61, "SO_TXTIME"), XLAT_PAIR(63, "SO_TIMESTAMP_NEW"),
	XLAT_PAIR(64, "SO_TIMESTAMPNS_NEW"), XLAT_PAIR(65, "SO_TIMESTAMPING_NEW"), XLAT_END,
};

static const struct rn_xlat cmsg_ip_types[] = {
	XLAT_PAIR(1, "IP_TOS"), XLAT_PAIR(2, "IP_TTL"), XLAT_PAIR(3, "SCM_SECURITY"),
	XLAT_PAIR(6, "IP_RECVOPTS"), XLAT_PAIR(7, "IP_RETOPTS"), XLAT_PAIR(8, "IP_PKTINFO"),
	XLAT_PAIR(11, "IP_RECVERR"), XLAT_PAIR(20, "IP_ORIGDSTADDR"), XLAT_PAIR(23, "IP_CHECKSUM"),
	XLAT_END,
};

/* strace caps a control buffer at the kernel's own limit, read once */
static __u64 cmsg_optmem_max(void)
{
	static __u64 max;
	unsigned long long v;
	FILE *f;

	if (max)
		return max;
	max = OPTMEM_DEFAULT;
	f = fopen("/proc/sys/net/core/optmem_max", "re");
	if (f) {
		if (fscanf(f, "%llu", &v) == 1 && v)
			max = v;
		fclose(f);
	}
	return max;
}

/* [a, b, ...]: n elements of size bytes (1: hex bytes, 4: ints), cut at -s */
static void cmsg_array(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t n,
		       size_t size, bool fds)
{
	size_t i;

	rn_sb_putc(sb, '[');
	for (i = 0; i < n; i++) {
		__u32 v;

		if (i)
			rn_sb_puts(sb, ", ");
		if (dc_array_cut(c, i)) {
			rn_sb_puts(sb, "...");
			break;
		}
		if (size == 1) {
			rn_sb_printf(sb, p[i] ? "%#x" : "0", p[i]);
			continue;
		}
		memcpy(&v, p + i * 4, 4);
		if (fds)
			pr_fd(c, sb, (int)v);
		else
			rn_sb_put_udec(sb, v);
	}
	rn_sb_putc(sb, ']');
}

/* {tv_sec=-1, tv_nsec=...}: seconds signed, the fraction unsigned (sic) */
static void cmsg_time(struct rn_strbuf *sb, const __u8 *p, const char *frac)
{
	__s64 t[2];

	memcpy(t, p, sizeof(t));
	rn_sb_printf(sb, "{tv_sec=%lld, %s=%llu}", (long long)t[0], frac,
		     (unsigned long long)t[1]);
}

/* SOL_SOCKET's data; false when strace shows none for this type and length */
static bool cmsg_socket(struct dctx *c, struct rn_strbuf *sb, int type, const __u8 *p, size_t n)
{
	__u32 cr[3];
	int i;

	switch (type) {
	case 1:		/* SCM_RIGHTS */
		if (n < 4)
			return false;
		rn_sb_puts(sb, ", cmsg_data=");
		cmsg_array(c, sb, p, n / 4, 4, true);
		return true;
	case 2:		/* SCM_CREDENTIALS */
		if (n < sizeof(cr))
			return false;
		memcpy(cr, p, sizeof(cr));
		rn_sb_printf(sb, ", cmsg_data={pid=%d, uid=%u, gid=%u}", (int)cr[0], cr[1], cr[2]);
		return true;
	case 3:		/* SCM_SECURITY: every byte, not cut at -s */
		if (!n)
			return false;
		rn_sb_puts(sb, ", cmsg_data=");
		pr_quoted(sb, p, n, false);
		return true;
	case 29: case 63: case 35: case 64:	/* SO_TIMESTAMP(NS)_OLD/_NEW */
	case 37: case 65:			/* SO_TIMESTAMPING_OLD/_NEW */
		if (!n)
			return false;
		rn_sb_puts(sb, ", cmsg_data=");
		if (n < (type == 37 || type == 65 ? 48u : 16u)) {
			rn_sb_puts(sb, "???");
		} else if (type == 37 || type == 65) {
			for (i = 0; i < 3; i++) {
				rn_sb_puts(sb, i ? ", " : "[");
				cmsg_time(sb, p + i * 16, "tv_nsec");
			}
			rn_sb_putc(sb, ']');
		} else {
			cmsg_time(sb, p, type == 29 || type == 63 ? "tv_usec" : "tv_nsec");
		}
		return true;
	}
	return false;
}

static void cmsg_inet_addr(struct rn_strbuf *sb, const char *name, const __u8 *p)
{
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, p, a, sizeof(a));
	rn_sb_printf(sb, ", %s=inet_addr(", name);
	pr_quoted(sb, a, strlen(a), false);
	rn_sb_putc(sb, ')');
}

/* SOL_IP's data */
static bool cmsg_ip(struct dctx *c, struct rn_strbuf *sb, int type, const __u8 *p, size_t n)
{
	__u32 v[3];

	switch (type) {
	case 1: case 6: case 7:	/* IP_TOS, IP_RECVOPTS, IP_RETOPTS: bytes */
		if (!n)
			return false;
		rn_sb_puts(sb, ", cmsg_data=");
		cmsg_array(c, sb, p, n, 1, false);
		return true;
	case 2: case 23:	/* IP_TTL, IP_CHECKSUM: unsigned ints */
		if (n < 4)
			return false;
		rn_sb_puts(sb, ", cmsg_data=");
		cmsg_array(c, sb, p, n / 4, 4, false);
		return true;
	case 3:			/* SCM_SECURITY */
		return cmsg_socket(c, sb, 3, p, n);
	case 8:			/* IP_PKTINFO */
		if (n < 12)
			return false;
		memcpy(v, p, 4);
		rn_sb_puts(sb, ", cmsg_data={ipi_ifindex=");
		nl_ifindex(sb, v[0]);
		cmsg_inet_addr(sb, "ipi_spec_dst", p + 4);
		cmsg_inet_addr(sb, "ipi_addr", p + 8);
		rn_sb_putc(sb, '}');
		return true;
	case 11:		/* IP_RECVERR: sock_extended_err, the offender's sockaddr_in */
		if (n < 32)
			return false;
		memcpy(v, p, 4);
		rn_sb_printf(sb, ", cmsg_data={ee_errno=%u, ee_origin=%u, ee_type=%u, ee_code=%u",
			     v[0], p[4], p[5], p[6]);
		memcpy(v, p + 8, 8);
		rn_sb_printf(sb, ", ee_info=%u, ee_data=%u, offender=", v[0], v[1]);
		pr_sockaddr(sb, p + 16, 16);
		rn_sb_putc(sb, '}');
		return true;
	case 20:		/* IP_ORIGDSTADDR: a sockaddr, at most sockaddr_storage */
		if (n < 16)
			return false;
		rn_sb_puts(sb, ", cmsg_data=");
		pr_sockaddr(sb, p, n < 128 ? n : 128);
		return true;
	}
	return false;
}

/* {cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]};
 * n: the data bytes within the buffer */
static void cmsg_one(struct dctx *c, struct rn_strbuf *sb, const __u8 *h, size_t n)
{
	__u64 len;
	__s32 lt[2];
	const char *level;

	memcpy(&len, h, 8);
	memcpy(lt, h + 8, 8);
	rn_sb_printf(sb, "{cmsg_len=%llu, cmsg_level=", (unsigned long long)len);
	level = rn_xlat_name(rn_xl_sol_levels, (__u32)lt[0]);
	if (level)
		rn_sb_puts(sb, level);
	else
		rn_sb_printf(sb, "%#x /* SOL_??? */", (__u32)lt[0]);
	rn_sb_puts(sb, ", cmsg_type=");
	if (lt[0] == 1)
		rn_xlat_enum(sb, cmsg_socket_types, (__u32)lt[1], "%#llx /* SCM_??? */");
	else if (lt[0] == 0)
		rn_xlat_enum(sb, cmsg_ip_types, (__u32)lt[1], "%#llx /* IP_??? */");
	else
		rn_sb_printf(sb, lt[1] ? "%#x" : "0", (__u32)lt[1]);
	if (lt[0] == 1)
		cmsg_socket(c, sb, lt[1], h + CMSG_HDR, n);
	else if (lt[0] == 0)
		cmsg_ip(c, sb, lt[1], h + CMSG_HDR, n);
	rn_sb_putc(sb, '}');
}

/* The cmsgs of a control buffer already read: len bytes of the in_len the
 * msghdr says, at addr */
void pr_cmsgs(struct dctx *c, struct rn_strbuf *sb, const __u8 *buf, __u64 len, __u64 in_len,
	      __u64 addr)
{
	__u64 left = len, off = 0, clen, n;

	rn_sb_putc(sb, '[');
	while (left >= CMSG_HDR) {
		memcpy(&clen, buf + off, 8);
		if (off)
			rn_sb_puts(sb, ", ");
		n = clen < left ? clen : left;
		cmsg_one(c, sb, buf + off, n > CMSG_HDR ? n - CMSG_HDR : 0);
		if (clen < CMSG_HDR) {
			left -= CMSG_HDR;
			break;
		}
		/* the next header is aligned; one past the buffer ends the walk
		 * (compared before aligning: a length near 2^64 wraps to 0) */
		if (clen >= left || ((clen + 7) & ~7ull) >= left) {
			left = 0;
			break;
		}
		clen = (clen + 7) & ~7ull;
		off += clen;
		left -= clen;
	}
	if (left)
		rn_sb_printf(sb, ", ... /* %#llx */", (unsigned long long)(addr + len - left));
	else if (len < in_len)
		rn_sb_puts(sb, ", ...");
	rn_sb_putc(sb, ']');
}

/* msg_control: the buffer at addr of len bytes (recvmsg: what the kernel
 * left), or its address when it cannot be read whole */
void pr_cmsgs_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out)
{
	__u64 n = len < cmsg_optmem_max() ? len : cmsg_optmem_max();
	__u8 *buf;

	if (n < CMSG_HDR || !addr) {
		pr_ptr(sb, addr);
		return;
	}
	/* not dc_scratch(): the printers of the data may use it */
	buf = malloc(n);
	if (!buf || dc_read(c, addr, buf, n, out) < 0)
		pr_ptr(sb, addr);
	else
		pr_cmsgs(c, sb, buf, n, len, addr);
	free(buf);
}

/* struct mmsghdr: a msghdr, msg_len, padding */
#define MMSG_SIZE 64
/* UIO_MAXIOV: the kernel moves no more messages in one call; under -v the
 * array stops there too ("...") */
#define MMSG_MAX 1024

/*
 * [{msg_hdr={...}, msg_len=5}, ...]: n messages at addr, with msg_len for
 * the first with_len of them; out (recvmmsg): each message's data as far as
 * its msg_len. An unreadable first element prints the address, a later one
 * "... /\* address *\/", as strace's arrays.
 */
static void pr_mmsgs_at(struct dctx *c, struct rn_strbuf *sb, int fd, __u64 addr, __u64 n,
			__u64 with_len, bool out)
{
	__u8 e[MMSG_SIZE];
	__u32 len;
	__u64 i;

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (n && dc_read(c, addr, e, sizeof(e), out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '[');
	for (i = 0; i < n; i++) {
		__u64 a = addr + i * MMSG_SIZE;

		if (i)
			rn_sb_puts(sb, ", ");
		if (dc_array_cut(c, i) || i >= MMSG_MAX) {
			rn_sb_puts(sb, "...");
			break;
		}
		if (dc_read(c, a, e, sizeof(e), out) < 0) {
			rn_sb_printf(sb, "... /* %#llx */", (unsigned long long)a);
			break;
		}
		memcpy(&len, e + 56, 4);
		rn_sb_puts(sb, "{msg_hdr=");
		pr_msghdr_at(c, sb, fd, a, out, len);
		if (i < with_len)
			rn_sb_printf(sb, ", msg_len=%u", len);
		rn_sb_putc(sb, '}');
	}
	rn_sb_putc(sb, ']');
}

/* sendmmsg(fd, msgvec, vlen, flags): the messages at exit, msg_len for
 * those sent */
void dec_sendmmsg(struct dctx *c)
{
	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	pr_mmsgs_at(c, ARG(c, 1), (int)RAW(c, 0), RAW(c, 1), (__u32)RAW(c, 2),
		    c->ok ? (__u64)c->sc->ret : 0, false);
	dc_uint(c, 2);
	dc_flags(c, 3, rn_xl_msg_flags);
}

/* " (left {tv_sec=0, tv_nsec=999948122})": the timeout as the call left it */
static void recvmmsg_left(struct dctx *c)
{
	__s64 t[2];

	if (dc_read(c, RAW(c, 4), t, sizeof(t), true) == 0)
		rn_sb_printf(&c->d->ret, " (left {tv_sec=%lld, tv_nsec=%lld})", (long long)t[0],
			     (long long)t[1]);
}

/* recvmmsg(fd, msgvec, vlen, flags, timeout): the messages received, the
 * timeout as it went in */
void dec_recvmmsg(struct dctx *c)
{
	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		pr_mmsgs_at(c, ARG(c, 1), (int)RAW(c, 0), RAW(c, 1), (__u64)c->sc->ret,
			    (__u64)c->sc->ret, true);
	else
		dc_ptr(c, 1);
	dc_uint(c, 2);
	dc_flags(c, 3, rn_xl_msg_flags);
	pr_timespec_at(c, ARG(c, 4), RAW(c, 4), false);
	if (c->ok && RAW(c, 4))
		c->ret_extra = recvmmsg_left;
}
