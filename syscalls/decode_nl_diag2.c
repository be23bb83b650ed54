// SPDX-License-Identifier: MIT
/*
 * NETLINK_SOCK_DIAG requests and answers of the other families, as strace
 * 6.1 prints them: AF_UNIX (unix_diag_req/msg, UNIX_DIAG_*: ss -x),
 * AF_PACKET (packet_diag_req/msg, PACKET_DIAG_*: ss -0) and AF_NETLINK
 * (netlink_diag_req/msg, NETLINK_DIAG_*). A body shorter than its structure
 * prints its family and "...".
 */
#include "netlink_int.h"

#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>

#define NFNS(a) (sizeof(a) / sizeof((a)[0]))

/* "{field=AF_X" and, when the structure is not all there, ", ...}". */
static bool diag_head(struct rn_strbuf *sb, const char *field, const __u8 *p, size_t len,
		      size_t need)
{
	rn_sb_printf(sb, "{%s=", field);
	rn_xlat_enum_unk(sb, rn_xl_address_families, p[0], "AF_");
	if (len >= need)
		return true;
	rn_sb_puts(sb, ", ...}");
	return false;
}

static void diag_attrs(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       size_t hdr, const struct nla_set *set)
{
	rn_sb_putc(sb, '}');
	if (len > NLMSG_ALIGN(hdr)) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + NLMSG_ALIGN(hdr), len - NLMSG_ALIGN(hdr), set);
	}
}

/* ---- AF_UNIX ---- */

static bool nla_unix_vfs(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			 const void *o)
{
	struct unix_diag_vfs v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	rn_sb_printf(sb, "{udiag_vfs_dev=makedev(%#x, %#x), udiag_vfs_ino=%u}",
		     major(v.udiag_vfs_dev), minor(v.udiag_vfs_dev), v.udiag_vfs_ino);
	return true;
}

static bool nla_u32_array(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			  const void *o)
{
	size_t i, n = len / 4;

	(void)o;
	if (!n)
		return false;
	rn_sb_putc(sb, '[');
	for (i = 0; i < n; i++) {
		__u32 v;

		if (i && dc_array_cut(c, i)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		memcpy(&v, p + i * 4, 4);
		rn_sb_printf(sb, i ? ", %u" : "%u", v);
	}
	rn_sb_putc(sb, ']');
	return true;
}

static bool nla_unix_rqlen(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			   const void *o)
{
	struct unix_diag_rqlen r;

	(void)c;
	(void)o;
	if (len < sizeof(r))
		return false;
	memcpy(&r, p, sizeof(r));
	rn_sb_printf(sb, "{udiag_rqueue=%u, udiag_wqueue=%u}", r.udiag_rqueue, r.udiag_wqueue);
	return true;
}

static const nla_fn unix_fns[] = {
	[UNIX_DIAG_NAME] = nla_strn, [UNIX_DIAG_VFS] = nla_unix_vfs, [UNIX_DIAG_PEER] = nla_u32,
	[UNIX_DIAG_ICONS] = nla_u32_array, [UNIX_DIAG_RQLEN] = nla_unix_rqlen,
	[UNIX_DIAG_MEMINFO] = nla_skmeminfo, [UNIX_DIAG_SHUTDOWN] = nla_u8, [7] = nla_u32,
};

static void unix_diag(struct dctx *c, struct rn_strbuf *sb, bool request, const __u8 *p,
		      size_t len)
{
	static const struct nla_set set = { rn_xl_unix_diag_attrs, "UNIX_DIAG_", unix_fns,
					    NFNS(unix_fns), NULL };
	struct unix_diag_req r;
	struct unix_diag_msg m;

	if (request) {
		if (!diag_head(sb, "sdiag_family", p, len, sizeof(r)))
			return;
		memcpy(&r, p, sizeof(r));
		rn_sb_printf(sb, ", sdiag_protocol=%u, udiag_states=", r.sdiag_protocol);
		rn_xlat_flags(sb, rn_xl_tcp_state_flags, r.udiag_states);
		rn_sb_printf(sb, ", udiag_ino=%u, udiag_show=", r.udiag_ino);
		rn_xlat_flags(sb, rn_xl_udiag_show, r.udiag_show);
		rn_sb_printf(sb, ", udiag_cookie=[%u, %u]}", r.udiag_cookie[0], r.udiag_cookie[1]);
		return;
	}
	if (!diag_head(sb, "udiag_family", p, len, sizeof(m)))
		return;
	memcpy(&m, p, sizeof(m));
	rn_sb_puts(sb, ", udiag_type=");
	rn_xlat_enum_unk(sb, rn_xl_socket_types, m.udiag_type, "SOCK_");
	rn_sb_puts(sb, ", udiag_state=");
	rn_xlat_enum_unk(sb, rn_xl_tcp_states, m.udiag_state, "TCP_");
	rn_sb_printf(sb, ", udiag_ino=%u, udiag_cookie=[%u, %u]", m.udiag_ino, m.udiag_cookie[0],
		     m.udiag_cookie[1]);
	diag_attrs(c, sb, p, len, sizeof(m), &set);
}

/* ---- AF_PACKET ---- */

static bool nla_pdiag_info(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			   const void *o)
{
	struct packet_diag_info i;

	(void)c;
	(void)o;
	if (len < sizeof(i))
		return false;
	memcpy(&i, p, sizeof(i));
	rn_sb_puts(sb, "{pdi_index=");
	nl_ifindex(sb, i.pdi_index);
	rn_sb_puts(sb, ", pdi_version=");
	rn_xlat_enum_unk(sb, rn_xl_tpacket_versions, i.pdi_version, "TPACKET_");
	rn_sb_printf(sb, ", pdi_reserve=%u, pdi_copy_thresh=%u, pdi_tstamp=%u, pdi_flags=",
		     i.pdi_reserve, i.pdi_copy_thresh, i.pdi_tstamp);
	rn_xlat_flags(sb, rn_xl_pdi_flags, i.pdi_flags);
	rn_sb_putc(sb, '}');
	return true;
}

static bool nla_pdiag_mclist(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			     const void *o)
{
	struct packet_diag_mclist m;
	size_t i, n = len / sizeof(m);

	(void)o;
	if (!n)
		return false;
	rn_sb_putc(sb, '[');
	for (i = 0; i < n; i++) {
		if (i && dc_array_cut(c, i)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		memcpy(&m, p + i * sizeof(m), sizeof(m));
		rn_sb_puts(sb, i ? ", {pdmc_index=" : "{pdmc_index=");
		nl_ifindex(sb, m.pdmc_index);
		rn_sb_printf(sb, ", pdmc_count=%u, pdmc_type=%u, pdmc_alen=%u, pdmc_addr=",
			     m.pdmc_count, m.pdmc_type, m.pdmc_alen);
		nl_hex(c, sb, m.pdmc_addr,
		       m.pdmc_alen < sizeof(m.pdmc_addr) ? m.pdmc_alen : sizeof(m.pdmc_addr));
		rn_sb_putc(sb, '}');
	}
	rn_sb_putc(sb, ']');
	return true;
}

static bool nla_pdiag_ring(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			   const void *o)
{
	struct packet_diag_ring r;

	(void)c;
	(void)o;
	if (len < sizeof(r))
		return false;
	memcpy(&r, p, sizeof(r));
	rn_sb_printf(sb, "{pdr_block_size=%u, pdr_block_nr=%u, pdr_frame_size=%u, "
		     "pdr_frame_nr=%u, pdr_retire_tmo=%u, pdr_sizeof_priv=%u, pdr_features=%u}",
		     r.pdr_block_size, r.pdr_block_nr, r.pdr_frame_size, r.pdr_frame_nr,
		     r.pdr_retire_tmo, r.pdr_sizeof_priv, r.pdr_features);
	return true;
}

/* PACKET_DIAG_FILTER stays bytes: strace prints an address of its own there. */
static const nla_fn packet_fns[] = {
	[PACKET_DIAG_INFO] = nla_pdiag_info, [PACKET_DIAG_MCLIST] = nla_pdiag_mclist,
	[PACKET_DIAG_RX_RING] = nla_pdiag_ring, [PACKET_DIAG_TX_RING] = nla_pdiag_ring,
	[PACKET_DIAG_FANOUT] = nla_u32, [PACKET_DIAG_UID] = nla_u32,
	[PACKET_DIAG_MEMINFO] = nla_skmeminfo,
};

static void packet_diag(struct dctx *c, struct rn_strbuf *sb, bool request, const __u8 *p,
			size_t len)
{
	static const struct nla_set set = { rn_xl_packet_diag_attrs, "PACKET_DIAG_", packet_fns,
					    NFNS(packet_fns), NULL };
	struct packet_diag_req r;
	struct packet_diag_msg m;

	if (request) {
		if (!diag_head(sb, "sdiag_family", p, len, sizeof(r)))
			return;
		memcpy(&r, p, sizeof(r));
		rn_sb_printf(sb, ", sdiag_protocol=%#x", r.sdiag_protocol);
		rn_sb_printf(sb, ", pdiag_ino=%u, pdiag_show=", r.pdiag_ino);
		rn_xlat_flags(sb, rn_xl_pdiag_show, r.pdiag_show);
		rn_sb_printf(sb, ", pdiag_cookie=[%u, %u]}", r.pdiag_cookie[0], r.pdiag_cookie[1]);
		return;
	}
	if (!diag_head(sb, "pdiag_family", p, len, sizeof(m)))
		return;
	memcpy(&m, p, sizeof(m));
	rn_sb_puts(sb, ", pdiag_type=");
	rn_xlat_enum_unk(sb, rn_xl_socket_types, m.pdiag_type, "SOCK_");
	rn_sb_puts(sb, ", pdiag_num=");
	rn_xlat_enum_unk(sb, rn_xl_eth_protocols, m.pdiag_num, "ETH_P_");
	rn_sb_printf(sb, ", pdiag_ino=%u, pdiag_cookie=[%u, %u]", m.pdiag_ino, m.pdiag_cookie[0],
		     m.pdiag_cookie[1]);
	diag_attrs(c, sb, p, len, sizeof(m), &set);
}

/* ---- AF_NETLINK ---- */

static bool nla_ndiag_groups(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			     const void *o)
{
	size_t i, n = len / 8;

	(void)o;
	if (!n)
		return false;
	rn_sb_putc(sb, '[');
	for (i = 0; i < n; i++) {
		__u64 v;

		if (i && dc_array_cut(c, i)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		memcpy(&v, p + i * 8, 8);
		rn_sb_printf(sb, i ? ", %#016llx" : "%#016llx", (unsigned long long)v);
	}
	rn_sb_putc(sb, ']');
	return true;
}

static bool nla_ndiag_ring(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			   const void *o)
{
	struct netlink_diag_ring r;

	(void)c;
	(void)o;
	if (len < sizeof(r))
		return false;
	memcpy(&r, p, sizeof(r));
	rn_sb_printf(sb, "{ndr_block_size=%u, ndr_block_nr=%u, ndr_frame_size=%u, "
		     "ndr_frame_nr=%u}", r.ndr_block_size, r.ndr_block_nr, r.ndr_frame_size,
		     r.ndr_frame_nr);
	return true;
}

static bool nla_ndiag_flags(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			    const void *o)
{
	__u32 v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	rn_xlat_flags(sb, rn_xl_ndiag_flags, v);
	return true;
}

static const nla_fn netlink_fns[] = {
	[NETLINK_DIAG_MEMINFO] = nla_skmeminfo, [NETLINK_DIAG_GROUPS] = nla_ndiag_groups,
	[NETLINK_DIAG_RX_RING] = nla_ndiag_ring, [NETLINK_DIAG_TX_RING] = nla_ndiag_ring,
	[NETLINK_DIAG_FLAGS] = nla_ndiag_flags,
};

static void netlink_diag(struct dctx *c, struct rn_strbuf *sb, bool request, const __u8 *p,
			 size_t len)
{
	static const struct nla_set set = { rn_xl_netlink_diag_attrs, "NETLINK_DIAG_",
					    netlink_fns, NFNS(netlink_fns), NULL };
	struct netlink_diag_req r;
	struct netlink_diag_msg m;

	if (request) {
		if (!diag_head(sb, "sdiag_family", p, len, sizeof(r)))
			return;
		memcpy(&r, p, sizeof(r));
		rn_sb_puts(sb, ", sdiag_protocol=");
		if (r.sdiag_protocol == NDIAG_PROTO_ALL)
			rn_sb_puts(sb, "NDIAG_PROTO_ALL");
		else
			rn_xlat_enum_unk(sb, rn_xl_netlink_protocols, r.sdiag_protocol,
					 "NETLINK_");
		rn_sb_printf(sb, ", ndiag_ino=%u, ndiag_show=", r.ndiag_ino);
		rn_xlat_flags(sb, rn_xl_ndiag_show, r.ndiag_show);
		rn_sb_printf(sb, ", ndiag_cookie=[%u, %u]}", r.ndiag_cookie[0], r.ndiag_cookie[1]);
		return;
	}
	if (!diag_head(sb, "ndiag_family", p, len, sizeof(m)))
		return;
	memcpy(&m, p, sizeof(m));
	rn_sb_puts(sb, ", ndiag_type=");
	rn_xlat_enum_unk(sb, rn_xl_socket_types, m.ndiag_type, "SOCK_");
	rn_sb_puts(sb, ", ndiag_protocol=");
	rn_xlat_enum_unk(sb, rn_xl_netlink_protocols, m.ndiag_protocol, "NETLINK_");
	rn_sb_puts(sb, ", ndiag_state=");
	rn_xlat_enum_unk(sb, rn_xl_tcp_states, m.ndiag_state, "TCP_");
	rn_sb_printf(sb, ", ndiag_portid=%u, ndiag_dst_portid=%u, ndiag_dst_group=%u, "
		     "ndiag_ino=%u, ndiag_cookie=[%u, %u]", m.ndiag_portid, m.ndiag_dst_portid,
		     m.ndiag_dst_group, m.ndiag_ino, m.ndiag_cookie[0], m.ndiag_cookie[1]);
	diag_attrs(c, sb, p, len, sizeof(m), &set);
}

bool nl_diag_other(struct dctx *c, struct rn_strbuf *sb, bool request, const __u8 *p,
		   size_t len)
{
	switch (p[0]) {
	case AF_UNIX:
		unix_diag(c, sb, request, p, len);
		return true;
	case AF_PACKET:
		packet_diag(c, sb, request, p, len);
		return true;
	case AF_NETLINK:
		netlink_diag(c, sb, request, p, len);
		return true;
	}
	return false;
}
