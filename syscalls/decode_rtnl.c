// SPDX-License-Identifier: MIT
/*
 * NETLINK_ROUTE bodies as strace 6.1 prints them: links (ifinfomsg, IFLA_*),
 * addresses (ifaddrmsg, IFA_*) and routes (rtmsg, RTA_*). Other rtnetlink
 * messages print their family and the rest as bytes.
 */
#include "netlink_int.h"

#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

static void pr_family(struct rn_strbuf *sb, const char *field, __u8 fam)
{
	rn_sb_printf(sb, "{%s=", field);
	rn_xlat_enum_unk(sb, rn_xl_address_families, fam, "AF_");
}

/* strace's printxval without a default: unknown values in hex. */
static void pr_xval(struct rn_strbuf *sb, const struct rn_xlat *x, unsigned v)
{
	rn_xlat_enum(sb, x, v, "%#llx");
}

static bool nla_hwaddr(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       const void *o)
{
	size_t i;

	(void)c;
	(void)o;
	if (len > 32)
		return false;
	for (i = 0; i < len; i++)
		rn_sb_printf(sb, i ? ":%02x" : "%02x", p[i]);
	return true;
}

static const char *const link_stats[] = {
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
	"rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
	"rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
	"rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
	"rx_nohandler", "rx_otherhost_dropped",
};

/* rtnl_link_stats(64): the fields up to tx_compressed at least, then as many
 * of the later ones strace knows as the kernel sent. */
static bool link_stats_of(struct rn_strbuf *sb, const __u8 *p, size_t len, size_t w,
			  size_t all)
{
	size_t n = len / w < all ? len / w : all, i;

	if (n < 23)
		return false;
	for (i = 0; i < n; i++) {
		__u64 v = 0;

		if (w == 8) {
			memcpy(&v, p + i * w, 8);
		} else {
			__u32 v32;

			memcpy(&v32, p + i * w, 4);
			v = v32;
		}
		rn_sb_printf(sb, "%s%s=%llu", i ? ", " : "{", link_stats[i],
			     (unsigned long long)v);
	}
	rn_sb_putc(sb, '}');
	return true;
}

static bool nla_stats(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		      const void *o)
{
	(void)c;
	(void)o;
	return link_stats_of(sb, p, len, 4, 24);
}

static bool nla_stats64(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			const void *o)
{
	(void)c;
	(void)o;
	return link_stats_of(sb, p, len, 8, 25);
}

static bool nla_ifmap(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		      const void *o)
{
	struct rtnl_link_ifmap m;

	(void)c;
	(void)o;
	if (len < offsetof(struct rtnl_link_ifmap, port) + 1)
		return false;
	memset(&m, 0, sizeof(m));
	memcpy(&m, p, len < sizeof(m) ? len : sizeof(m));
	rn_sb_puts(sb, "{mem_start=");
	rn_sb_put_hex(sb, m.mem_start);
	rn_sb_puts(sb, ", mem_end=");
	rn_sb_put_hex(sb, m.mem_end);
	rn_sb_puts(sb, ", base_addr=");
	rn_sb_put_hex(sb, m.base_addr);
	rn_sb_printf(sb, ", irq=%u, dma=%u, port=%u}", m.irq, m.dma, m.port);
	return true;
}

static bool nla_ext_mask(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			 const void *o)
{
	__u32 v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	rn_xlat_flags(sb, rn_xl_rtext_filter, v);
	return true;
}

static bool nla_prop_list(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			  const void *o);

static const nla_fn ifla_fns[] = {
	[IFLA_PROTINFO] = nla_ifla_protinfo, [IFLA_AF_SPEC] = nla_ifla_af_spec,
	[IFLA_XDP] = nla_ifla_xdp, [IFLA_LINKINFO] = nla_ifla_linkinfo, [52] = nla_prop_list,
	[IFLA_ADDRESS] = nla_hwaddr, [IFLA_BROADCAST] = nla_hwaddr, [IFLA_IFNAME] = nla_str,
	[IFLA_MTU] = nla_u32, [IFLA_LINK] = nla_ifindex, [IFLA_QDISC] = nla_str,
	[IFLA_STATS] = nla_stats, [IFLA_MASTER] = nla_ifindex, [IFLA_TXQLEN] = nla_u32,
	[IFLA_MAP] = nla_ifmap, [IFLA_WEIGHT] = nla_u32, [IFLA_OPERSTATE] = nla_u8,
	[IFLA_LINKMODE] = nla_u8, [IFLA_NET_NS_PID] = nla_u32, [IFLA_IFALIAS] = nla_str,
	[IFLA_NUM_VF] = nla_u32, [IFLA_STATS64] = nla_stats64, [IFLA_GROUP] = nla_u32,
	[IFLA_NET_NS_FD] = nla_s32, [IFLA_EXT_MASK] = nla_ext_mask,
	[IFLA_PROMISCUITY] = nla_u32, [IFLA_NUM_TX_QUEUES] = nla_u32,
	[IFLA_NUM_RX_QUEUES] = nla_u32, [IFLA_CARRIER] = nla_u8,
	[IFLA_CARRIER_CHANGES] = nla_u32, [IFLA_LINK_NETNSID] = nla_s32,
	[IFLA_PHYS_PORT_NAME] = nla_str, [IFLA_PROTO_DOWN] = nla_u8,
	[IFLA_GSO_MAX_SEGS] = nla_u32, [IFLA_GSO_MAX_SIZE] = nla_u32, [45] = nla_s32,
	[46] = nla_s32, [47] = nla_u32, [48] = nla_u32, [49] = nla_ifindex, [50] = nla_u32,
	[51] = nla_u32, [53] = nla_str, [54] = nla_hwaddr, [56] = nla_str, [57] = nla_str,
	[58] = nla_u32, [59] = nla_u32, [60] = nla_u32, [61] = nla_u32,
};

/* IFLA_PROP_LIST: IFLA_ALT_IFNAME attributes, in the IFLA_ name space. */
static bool nla_prop_list(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			  const void *o)
{
	struct nla_set set = { rn_xl_ifla_attrs, "IFLA_", ifla_fns,
			       sizeof(ifla_fns) / sizeof(ifla_fns[0]), o };

	nla_print(c, sb, p, len, &set);
	return true;
}

static void rtnl_link(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct ifinfomsg m;
	struct nla_set set = { rn_xl_ifla_attrs, "IFLA_", ifla_fns,
			       sizeof(ifla_fns) / sizeof(ifla_fns[0]), &m.ifi_family };

	pr_family(sb, "ifi_family", p[0]);
	if (len < sizeof(m)) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	memcpy(&m, p, sizeof(m));
	rn_sb_puts(sb, ", ifi_type=");
	rn_xlat_enum_unk(sb, rn_xl_arphrd, m.ifi_type, "ARPHRD_");
	rn_sb_puts(sb, ", ifi_index=");
	nl_ifindex(sb, (__u32)m.ifi_index);
	rn_sb_puts(sb, ", ifi_flags=");
	rn_xlat_flags(sb, rn_xl_iff_flags, m.ifi_flags);
	rn_sb_puts(sb, ", ifi_change=");
	rn_sb_put_hex(sb, m.ifi_change);
	rn_sb_putc(sb, '}');
	if (len > NLMSG_ALIGN(sizeof(m))) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + NLMSG_ALIGN(sizeof(m)), len - NLMSG_ALIGN(sizeof(m)), &set);
	}
}

/* An address attribute in the family of its message (opaque: the family). */
bool nla_addr(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		     const void *o)
{
	if (!nl_inet_addr(sb, *(const __u8 *)o, p, len, NULL))
		nl_hex(c, sb, p, len);
	return true;
}

static bool nla_ifa_flags(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			  const void *o)
{
	__u32 v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	rn_xlat_flags(sb, rn_xl_ifa_flags, v);
	return true;
}

static bool nla_ifa_cacheinfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			      const void *o)
{
	struct ifa_cacheinfo ci;

	(void)c;
	(void)o;
	if (len < sizeof(ci))
		return false;
	memcpy(&ci, p, sizeof(ci));
	rn_sb_printf(sb, "{ifa_prefered=%u, ifa_valid=%u, cstamp=%u, tstamp=%u}",
		     ci.ifa_prefered, ci.ifa_valid, ci.cstamp, ci.tstamp);
	return true;
}

static const nla_fn ifa_fns[] = {
	[IFA_ADDRESS] = nla_addr, [IFA_LOCAL] = nla_addr, [IFA_LABEL] = nla_str,
	[IFA_BROADCAST] = nla_addr, [IFA_ANYCAST] = nla_addr,
	[IFA_CACHEINFO] = nla_ifa_cacheinfo, [IFA_MULTICAST] = nla_addr,
	[IFA_FLAGS] = nla_ifa_flags, [9] = nla_u32, [10] = nla_s32,
};

static void rtnl_addr(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct ifaddrmsg m;
	struct nla_set set = { rn_xl_ifa_attrs, "IFA_", ifa_fns,
			       sizeof(ifa_fns) / sizeof(ifa_fns[0]), &m.ifa_family };

	pr_family(sb, "ifa_family", p[0]);
	if (len < sizeof(m)) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	memcpy(&m, p, sizeof(m));
	rn_sb_printf(sb, ", ifa_prefixlen=%u, ifa_flags=", m.ifa_prefixlen);
	rn_xlat_flags(sb, rn_xl_ifa_flags, m.ifa_flags);
	rn_sb_puts(sb, ", ifa_scope=");
	pr_xval(sb, rn_xl_rt_scopes, m.ifa_scope);
	rn_sb_puts(sb, ", ifa_index=");
	nl_ifindex(sb, m.ifa_index);
	rn_sb_putc(sb, '}');
	if (len > NLMSG_ALIGN(sizeof(m))) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + NLMSG_ALIGN(sizeof(m)), len - NLMSG_ALIGN(sizeof(m)), &set);
	}
}

bool nla_rt_table(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			 const void *o)
{
	__u32 v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	pr_xval(sb, rn_xl_rt_tables, v);
	return true;
}

static const nla_fn rtax_fns[] = {
	[1] = nla_u32, [2] = nla_u32, [3] = nla_u32, [4] = nla_u32, [5] = nla_u32,
	[6] = nla_u32, [7] = nla_u32, [8] = nla_u32, [9] = nla_u32, [10] = nla_u32,
	[11] = nla_u32, [12] = nla_u32, [13] = nla_u32, [14] = nla_u32, [15] = nla_u32,
	[16] = nla_str, [17] = nla_u32,
};

/* RTA_METRICS: nested RTAX_* attributes. */
static bool nla_metrics(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			const void *o)
{
	static const struct nla_set set = { rn_xl_rtax_attrs, "RTAX_", rtax_fns,
					    sizeof(rtax_fns) / sizeof(rtax_fns[0]), NULL };

	(void)o;
	nla_print(c, sb, p, len, &set);
	return true;
}

static bool nla_rta_cacheinfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			      const void *o)
{
	struct rta_cacheinfo ci;

	(void)c;
	(void)o;
	if (len < sizeof(ci))
		return false;
	memcpy(&ci, p, sizeof(ci));
	rn_sb_printf(sb, "{rta_clntref=%u, rta_lastuse=%u, rta_expires=%u, rta_error=%u, "
		     "rta_used=%u, rta_id=%#x, rta_ts=%u, rta_tsage=%u}", ci.rta_clntref,
		     ci.rta_lastuse, (unsigned)ci.rta_expires, ci.rta_error, ci.rta_used, ci.rta_id,
		     ci.rta_ts, ci.rta_tsage);
	return true;
}

static bool nla_encap_type(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			   const void *o)
{
	__u16 v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	rn_xlat_enum_unk(sb, rn_xl_lwtunnel_encap, v, "LWTUNNEL_ENCAP_");
	return true;
}

/* RTA_VIA: struct rtvia, a family and an address of it. */
static bool nla_via(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		    const void *o)
{
	__u16 fam;

	(void)o;
	if (len < sizeof(fam))
		return false;
	memcpy(&fam, p, sizeof(fam));
	rn_sb_puts(sb, "{rtvia_family=");
	rn_xlat_enum_unk(sb, rn_xl_address_families, fam, "AF_");
	if (len > sizeof(fam)) {
		rn_sb_puts(sb, ", ");
		if (!nl_inet_addr(sb, fam, p + 2, len - 2, "rtvia_addr")) {
			rn_sb_puts(sb, "rtvia_addr=");
			nl_hex(c, sb, p + 2, len - 2);
		}
	}
	rn_sb_putc(sb, '}');
	return true;
}

static bool nla_mfc_stats(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			  const void *o)
{
	__u64 v[3];

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(v, p, sizeof(v));
	rn_sb_printf(sb, "{mfcs_packets=%llu, mfcs_bytes=%llu, mfcs_wrong_if=%llu}",
		     (unsigned long long)v[0], (unsigned long long)v[1], (unsigned long long)v[2]);
	return true;
}

static const nla_fn rta_fns[] = {
	[RTA_METRICS] = nla_metrics, [RTA_CACHEINFO] = nla_rta_cacheinfo, [RTA_PREF] = nla_u8,
	[RTA_ENCAP_TYPE] = nla_encap_type, [RTA_VIA] = nla_via, [RTA_MFC_STATS] = nla_mfc_stats,
	[RTA_DST] = nla_addr, [RTA_SRC] = nla_addr, [RTA_IIF] = nla_ifindex,
	[RTA_OIF] = nla_ifindex, [RTA_GATEWAY] = nla_addr, [RTA_PRIORITY] = nla_u32,
	[RTA_PREFSRC] = nla_addr, [RTA_PROTOINFO] = nla_u32, [RTA_FLOW] = nla_u32,
	[RTA_MP_ALGO] = nla_u32, [RTA_TABLE] = nla_rt_table, [RTA_MARK] = nla_u32,
	[RTA_NEWDST] = nla_addr, [RTA_EXPIRES] = nla_u64, [RTA_UID] = nla_u32,
	[RTA_TTL_PROPAGATE] = nla_u8, [27] = nla_u8, [28] = nla_u16, [29] = nla_u16,
	[30] = nla_u32,
};

static const struct rn_xlat ip_tos[] = {
	XLAT_PAIR(0x10, "IPTOS_LOWDELAY"), XLAT_PAIR(0x08, "IPTOS_THROUGHPUT"),
	XLAT_PAIR(0x04, "IPTOS_RELIABILITY"), XLAT_PAIR(0x02, "IPTOS_MINCOST"), XLAT_END,
};

static void rtnl_route(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct rtmsg m;
	struct nla_set set = { rn_xl_rta_attrs, "RTA_", rta_fns,
			       sizeof(rta_fns) / sizeof(rta_fns[0]), &m.rtm_family };

	pr_family(sb, "rtm_family", p[0]);
	if (len < sizeof(m)) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	memcpy(&m, p, sizeof(m));
	rn_sb_printf(sb, ", rtm_dst_len=%u, rtm_src_len=%u, rtm_tos=", m.rtm_dst_len,
		     m.rtm_src_len);
	rn_xlat_flags(sb, ip_tos, m.rtm_tos);
	rn_sb_puts(sb, ", rtm_table=");
	pr_xval(sb, rn_xl_rt_tables, m.rtm_table);
	rn_sb_puts(sb, ", rtm_protocol=");
	rn_xlat_enum_unk(sb, rn_xl_rt_protos, m.rtm_protocol, "RTPROT_");
	rn_sb_puts(sb, ", rtm_scope=");
	pr_xval(sb, rn_xl_rt_scopes, m.rtm_scope);
	rn_sb_puts(sb, ", rtm_type=");
	rn_xlat_enum_unk(sb, rn_xl_rt_types, m.rtm_type, "RTN_");
	rn_sb_puts(sb, ", rtm_flags=");
	rn_xlat_flags(sb, rn_xl_rtm_flags, m.rtm_flags);
	rn_sb_putc(sb, '}');
	if (len > NLMSG_ALIGN(sizeof(m))) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + NLMSG_ALIGN(sizeof(m)), len - NLMSG_ALIGN(sizeof(m)), &set);
	}
}

static bool nla_nd_cacheinfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			     const void *o)
{
	struct nda_cacheinfo ci;

	(void)c;
	(void)o;
	if (len < sizeof(ci))
		return false;
	memcpy(&ci, p, sizeof(ci));
	rn_sb_printf(sb, "{ndm_confirmed=%u, ndm_used=%u, ndm_updated=%u, ndm_refcnt=%u}",
		     ci.ndm_confirmed, ci.ndm_used, ci.ndm_updated, ci.ndm_refcnt);
	return true;
}

bool nla_ip_proto(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			 const void *o)
{
	(void)c;
	(void)o;
	if (len < 1)
		return false;
	rn_xlat_enum_unk(sb, rn_xl_ip_protocols, p[0], "IPPROTO_");
	return true;
}

static const nla_fn nda_fns[] = {
	[NDA_DST] = nla_addr, [NDA_LLADDR] = nla_hwaddr, [NDA_CACHEINFO] = nla_nd_cacheinfo,
	[NDA_PROBES] = nla_u32, [NDA_VLAN] = nla_u16, [NDA_VNI] = nla_u32,
	[NDA_IFINDEX] = nla_ifindex, [NDA_MASTER] = nla_ifindex, [NDA_LINK_NETNSID] = nla_s32,
	[NDA_SRC_VNI] = nla_u32, [12] = nla_ip_proto,
};

/* Neighbours (ip neigh): ndmsg, NDA_*. */
static void rtnl_neigh(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct ndmsg m;
	struct nla_set set = { rn_xl_nda_attrs, "NDA_", nda_fns,
			       sizeof(nda_fns) / sizeof(nda_fns[0]), &m.ndm_family };

	pr_family(sb, "ndm_family", p[0]);
	if (len < sizeof(m)) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	memcpy(&m, p, sizeof(m));
	rn_sb_puts(sb, ", ndm_ifindex=");
	nl_ifindex(sb, (__u32)m.ndm_ifindex);
	rn_sb_puts(sb, ", ndm_state=");
	rn_xlat_flags(sb, rn_xl_nud_states, m.ndm_state);
	rn_sb_puts(sb, ", ndm_flags=");
	rn_xlat_flags(sb, rn_xl_ntf_flags, m.ndm_flags);
	rn_sb_puts(sb, ", ndm_type=");
	rn_xlat_enum_unk(sb, rn_xl_rt_types, m.ndm_type, "RTN_");
	rn_sb_putc(sb, '}');
	if (len > NLMSG_ALIGN(sizeof(m))) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + NLMSG_ALIGN(sizeof(m)), len - NLMSG_ALIGN(sizeof(m)), &set);
	}
}

bool nl_rtnl_body(struct dctx *c, struct rn_strbuf *sb, __u16 type, const __u8 *p, size_t len)
{
	if (type == NLMSG_DONE || !len)
		return false;
	if (type >= RTM_NEWLINK && type <= RTM_SETLINK)
		rtnl_link(c, sb, p, len);
	else if ((type >= RTM_NEWADDR && type <= RTM_GETADDR) || type == RTM_GETMULTICAST ||
		 type == RTM_GETANYCAST)
		rtnl_addr(c, sb, p, len);
	else if (type >= RTM_NEWROUTE && type <= RTM_GETROUTE)
		rtnl_route(c, sb, p, len);
	else if (type >= RTM_NEWNEIGH && type <= RTM_GETNEIGH)
		rtnl_neigh(c, sb, p, len);
	else if (type >= RTM_NEWRULE && type <= RTM_GETRULE)
		rtnl_rule(c, sb, p, len);
	else if (type >= RTM_NEWNETCONF && type <= RTM_GETNETCONF)
		rtnl_netconf(c, sb, p, len);
	else {
		pr_family(sb, "family", p[0]);
		if (len > 1) {
			rn_sb_puts(sb, ", ");
			nl_hex(c, sb, p + 1, len - 1);
		}
		rn_sb_putc(sb, '}');
	}
	return true;
}
