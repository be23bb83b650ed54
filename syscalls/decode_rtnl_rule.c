// SPDX-License-Identifier: MIT
/*
 * Two more NETLINK_ROUTE bodies as strace 6.1 prints them: policy routing
 * rules (struct fib_rule_hdr, FRA_* attributes: ip rule) and per-device IP
 * configuration (struct netconfmsg, NETCONFA_*: ip netconf).
 */
#include "netlink_int.h"

#include <linux/fib_rules.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <string.h>

#define NFNS(a) (sizeof(a) / sizeof((a)[0]))

static const struct rn_xlat ip_tos[] = {
	XLAT_PAIR(0x10, "IPTOS_LOWDELAY"), XLAT_PAIR(0x08, "IPTOS_THROUGHPUT"),
	XLAT_PAIR(0x04, "IPTOS_RELIABILITY"), XLAT_PAIR(0x02, "IPTOS_MINCOST"), XLAT_END,
};

static bool nla_be64(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		     const void *o)
{
	__u64 v = 0;
	size_t i;

	(void)c;
	(void)o;
	if (len < 8)
		return false;
	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	rn_sb_printf(sb, "htobe64(%llu)", (unsigned long long)v);
	return true;
}

/* struct fib_rule_uid_range (two u32) and fib_rule_port_range (two u16). */
static bool nla_range(struct rn_strbuf *sb, const __u8 *p, size_t len, size_t w)
{
	__u32 a = 0, b = 0;

	if (len < 2 * w)
		return false;
	memcpy(&a, p, w);
	memcpy(&b, p + w, w);
	rn_sb_printf(sb, "{start=%u, end=%u}", a, b);
	return true;
}

static bool nla_uid_range(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			  const void *o)
{
	(void)c;
	(void)o;
	return nla_range(sb, p, len, 4);
}

static bool nla_port_range(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			   const void *o)
{
	(void)c;
	(void)o;
	return nla_range(sb, p, len, 2);
}

static bool nla_rtprot(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       const void *o)
{
	(void)c;
	(void)o;
	if (len < 1)
		return false;
	rn_xlat_enum_unk(sb, rn_xl_rt_protos, p[0], "RTPROT_");
	return true;
}

static const nla_fn fra_fns[] = {
	[FRA_DST] = nla_addr, [FRA_SRC] = nla_addr, [FRA_IIFNAME] = nla_str,
	[FRA_GOTO] = nla_u32, [FRA_PRIORITY] = nla_u32, [FRA_FWMARK] = nla_u32,
	[FRA_FLOW] = nla_u32, [FRA_TUN_ID] = nla_be64, [FRA_SUPPRESS_IFGROUP] = nla_u32,
	[FRA_SUPPRESS_PREFIXLEN] = nla_u32, [FRA_TABLE] = nla_rt_table, [FRA_FWMASK] = nla_u32,
	[FRA_OIFNAME] = nla_str, [19] = nla_u8, [20] = nla_uid_range, [21] = nla_rtprot,
	[22] = nla_ip_proto, [23] = nla_port_range, [24] = nla_port_range,
};

void rtnl_rule(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct fib_rule_hdr h;
	struct nla_set set = { rn_xl_fra_attrs, "FRA_", fra_fns, NFNS(fra_fns), &h.family };

	rn_sb_puts(sb, "{family=");
	rn_xlat_enum_unk(sb, rn_xl_address_families, p[0], "AF_");
	if (len < sizeof(h)) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	memcpy(&h, p, sizeof(h));
	rn_sb_printf(sb, ", dst_len=%u, src_len=%u, tos=", h.dst_len, h.src_len);
	rn_xlat_flags(sb, ip_tos, h.tos);
	rn_sb_puts(sb, ", table=");
	rn_xlat_enum(sb, rn_xl_rt_tables, h.table, "%#llx");
	rn_sb_puts(sb, ", action=");
	rn_xlat_enum_unk(sb, rn_xl_fr_actions, h.action, "FR_ACT_");
	rn_sb_puts(sb, ", flags=");
	nl_flags_unk(sb, rn_xl_fib_rule_flags, h.flags, "FIB_RULE_");
	rn_sb_putc(sb, '}');
	if (len > NLMSG_ALIGN(sizeof(h))) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + NLMSG_ALIGN(sizeof(h)), len - NLMSG_ALIGN(sizeof(h)), &set);
	}
}

static const nla_fn netconfa_fns[] = {
	[NETCONFA_IFINDEX] = nla_ifindex, [NETCONFA_FORWARDING] = nla_s32,
	[NETCONFA_RP_FILTER] = nla_s32, [NETCONFA_MC_FORWARDING] = nla_s32,
	[NETCONFA_PROXY_NEIGH] = nla_s32, [NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = nla_s32,
	[7] = nla_s32, [8] = nla_s32,
};

/* The attributes start at NLMSG_ALIGN(sizeof(struct netconfmsg)): 4. */
void rtnl_netconf(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	static const struct nla_set set = { rn_xl_netconfa_attrs, "NETCONFA_", netconfa_fns,
					    NFNS(netconfa_fns), NULL };
	size_t hdr = NLMSG_ALIGN(sizeof(struct netconfmsg));

	rn_sb_puts(sb, "{ncm_family=");
	rn_xlat_enum_unk(sb, rn_xl_address_families, p[0], "AF_");
	rn_sb_putc(sb, '}');
	if (len > hdr) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + hdr, len - hdr, &set);
	}
}
