// SPDX-License-Identifier: MIT
/*
 * The nested attributes of RTM_*LINK messages as strace 6.1 prints them:
 * IFLA_PROTINFO of AF_INET6 links (IFLA_INET6_*), IFLA_AF_SPEC (one nest per
 * address family: IFLA_INET_* and IFLA_INET6_*), IFLA_XDP and IFLA_LINKINFO.
 * Each value checks its own length: a short one prints as bytes.
 */
#include "netlink_int.h"

#include <linux/if_link.h>
#include <string.h>
#include <sys/socket.h>

#define NFNS(a) (sizeof(a) / sizeof((a)[0]))

static bool nla_inet6_flags(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			    const void *o)
{
	__u32 v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	rn_xlat_flags(sb, rn_xl_inet6_if_flags, v);
	return true;
}

static bool nla_inet6_cacheinfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p,
				size_t len, const void *o)
{
	struct ifla_cacheinfo ci;

	(void)c;
	(void)o;
	if (len < sizeof(ci))
		return false;
	memcpy(&ci, p, sizeof(ci));
	rn_sb_printf(sb, "{max_reasm_len=%u, tstamp=%u, reachable_time=%u, retrans_time=%u}",
		     ci.max_reasm_len, ci.tstamp, ci.reachable_time, ci.retrans_time);
	return true;
}

static bool nla_devconf6(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			 const void *o)
{
	static const struct nl_idx_names n = { rn_nl_devconf6, "DEVCONF_", "" };

	(void)o;
	return nl_idx_array(c, sb, p, len, 4, true, &n);
}

static bool nla_ipstats6(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			 const void *o)
{
	static const struct nl_idx_names n = { rn_nl_ipstats, "IPSTATS_MIB_", "" };

	(void)o;
	return nl_idx_array(c, sb, p, len, 8, false, &n);
}

static bool nla_icmp6stats(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			   const void *o)
{
	static const struct nl_idx_names n = { rn_nl_icmp6stats, "ICMP6_MIB_", "" };

	(void)o;
	return nl_idx_array(c, sb, p, len, 8, false, &n);
}

static bool nla_token(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		      const void *o)
{
	(void)c;
	(void)o;
	return nl_inet_addr(sb, AF_INET6, p, len, NULL);
}

static bool nla_addr_gen_mode(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			      const void *o)
{
	(void)c;
	(void)o;
	if (len < 1)
		return false;
	rn_xlat_enum_unk(sb, rn_xl_in6_addr_gen_modes, p[0], "IN6_ADDR_GEN_MODE_");
	return true;
}

static const nla_fn inet6_fns[] = {
	[IFLA_INET6_FLAGS] = nla_inet6_flags, [IFLA_INET6_CONF] = nla_devconf6,
	[IFLA_INET6_STATS] = nla_ipstats6, [IFLA_INET6_CACHEINFO] = nla_inet6_cacheinfo,
	[IFLA_INET6_ICMP6STATS] = nla_icmp6stats, [IFLA_INET6_TOKEN] = nla_token,
	[IFLA_INET6_ADDR_GEN_MODE] = nla_addr_gen_mode, [9] = nla_u32,
};

static const struct nla_set inet6_set = { rn_xl_ifla_inet6_attrs, "IFLA_INET6_", inet6_fns,
					  NFNS(inet6_fns), NULL };

bool nla_ifla_protinfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       const void *o)
{
	if (*(const __u8 *)o != AF_INET6)
		return false;
	nla_print(c, sb, p, len, &inet6_set);
	return true;
}

static bool nla_devconf4(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			 const void *o)
{
	static const struct nl_idx_names n = { rn_nl_devconf4, "IPV4_DEVCONF_", "-1" };

	(void)o;
	return nl_idx_array(c, sb, p, len, 4, true, &n);
}

static const nla_fn inet_fns[] = { [1] = nla_devconf4 };

/* One family's nest of IFLA_AF_SPEC (opaque: unused). */
static bool nla_af_one(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       const void *o, int fam)
{
	static const struct nla_set inet_set = { rn_xl_ifla_inet_attrs, "IFLA_INET_", inet_fns,
						 NFNS(inet_fns), NULL };

	(void)o;
	if (fam == AF_INET)
		nla_print(c, sb, p, len, &inet_set);
	else if (fam == AF_INET6)
		nla_print(c, sb, p, len, &inet6_set);
	else
		return false;
	return true;
}

static bool nla_af_inet(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			const void *o)
{
	return nla_af_one(c, sb, p, len, o, AF_INET);
}

static bool nla_af_inet6(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			 const void *o)
{
	return nla_af_one(c, sb, p, len, o, AF_INET6);
}

static const nla_fn af_spec_fns[] = { [AF_INET] = nla_af_inet, [AF_INET6] = nla_af_inet6 };

bool nla_ifla_af_spec(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		      const void *o)
{
	static const struct nla_set set = { rn_xl_address_families, "AF_", af_spec_fns,
					    NFNS(af_spec_fns), NULL };

	(void)o;
	nla_print(c, sb, p, len, &set);
	return true;
}

static bool nla_xdp_attached(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			     const void *o)
{
	(void)c;
	(void)o;
	if (len < 1)
		return false;
	rn_xlat_enum_unk(sb, rn_xl_xdp_attached, p[0], "XDP_ATTACHED_");
	return true;
}

static bool nla_xdp_flags(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			  const void *o)
{
	__u32 v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	nl_flags_unk(sb, rn_xl_xdp_flags, v, "XDP_FLAGS_");
	return true;
}

static const nla_fn xdp_fns[] = {
	[1] = nla_s32, [2] = nla_xdp_attached, [3] = nla_xdp_flags, [4] = nla_u32,
	[5] = nla_u32, [6] = nla_u32, [7] = nla_u32, [8] = nla_s32,
};

bool nla_ifla_xdp(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		  const void *o)
{
	static const struct nla_set set = { rn_xl_ifla_xdp_attrs, "IFLA_XDP_", xdp_fns,
					    NFNS(xdp_fns), NULL };

	(void)o;
	nla_print(c, sb, p, len, &set);
	return true;
}

/* The kind-specific IFLA_INFO_DATA and _XSTATS print as bytes, as strace
 * prints them for the kinds it has no decoder of. */
static const nla_fn info_fns[] = { [1] = nla_str, [4] = nla_str };

bool nla_ifla_linkinfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       const void *o)
{
	static const struct nla_set set = { rn_xl_ifla_info_attrs, "IFLA_INFO_", info_fns,
					    NFNS(info_fns), NULL };

	(void)o;
	nla_print(c, sb, p, len, &set);
	return true;
}
