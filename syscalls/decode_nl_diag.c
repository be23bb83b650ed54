// SPDX-License-Identifier: MIT
/*
 * NETLINK_SOCK_DIAG bodies as strace 6.1 prints them: inet_diag_req_v2
 * requests and inet_diag_msg answers (ss -t, -u) with their INET_DIAG_*
 * attributes. Other families print their family and the rest as bytes.
 */
#include "netlink_int.h"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>

static void diag_addr(struct dctx *c, struct rn_strbuf *sb, int fam, const __be32 *a,
		      const char *var)
{
	if (nl_inet_addr(sb, fam, (const __u8 *)a, 16, var))
		return;
	rn_sb_printf(sb, "%s=", var);
	nl_hex(c, sb, (const __u8 *)a, 16);
}

static void diag_sockid(struct dctx *c, struct rn_strbuf *sb, int fam,
			const struct inet_diag_sockid *id)
{
	rn_sb_printf(sb, "id={idiag_sport=htons(%u), idiag_dport=htons(%u), ",
		     ntohs(id->idiag_sport), ntohs(id->idiag_dport));
	diag_addr(c, sb, fam, id->idiag_src, "idiag_src");
	rn_sb_puts(sb, ", ");
	diag_addr(c, sb, fam, id->idiag_dst, "idiag_dst");
	rn_sb_puts(sb, ", idiag_if=");
	nl_ifindex(sb, id->idiag_if);
	rn_sb_printf(sb, ", idiag_cookie=[%u, %u]}", id->idiag_cookie[0], id->idiag_cookie[1]);
}

static const struct nla_set diag_req_set = { rn_xl_inet_diag_req_attrs, "INET_DIAG_REQ_",
					     NULL, 0, NULL };

static void diag_request(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	struct inet_diag_req_v2 r;

	rn_sb_puts(sb, "{sdiag_family=");
	rn_xlat_enum_unk(sb, rn_xl_address_families, p[0], "AF_");
	if (len < sizeof(r)) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	memcpy(&r, p, sizeof(r));
	rn_sb_puts(sb, ", sdiag_protocol=");
	rn_xlat_enum_unk(sb, rn_xl_ip_protocols, r.sdiag_protocol, "IPPROTO_");
	rn_sb_puts(sb, ", idiag_ext=");
	rn_xlat_flags(sb, rn_xl_inet_diag_ext, r.idiag_ext);
	rn_sb_puts(sb, ", idiag_states=");
	rn_xlat_flags(sb, rn_xl_tcp_state_flags, r.idiag_states);
	rn_sb_puts(sb, ", ");
	diag_sockid(c, sb, r.sdiag_family, &r.id);
	rn_sb_putc(sb, '}');
	if (len > NLMSG_ALIGN(sizeof(r))) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + NLMSG_ALIGN(sizeof(r)), len - NLMSG_ALIGN(sizeof(r)),
			  &diag_req_set);
	}
}

static bool nla_meminfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			const void *o)
{
	struct inet_diag_meminfo m;

	(void)c;
	(void)o;
	if (len < sizeof(m))
		return false;
	memcpy(&m, p, sizeof(m));
	rn_sb_printf(sb, "{idiag_rmem=%u, idiag_wmem=%u, idiag_fmem=%u, idiag_tmem=%u}",
		     m.idiag_rmem, m.idiag_wmem, m.idiag_fmem, m.idiag_tmem);
	return true;
}

/* struct inet_diag_sockopt: the bits that are set, by name. */
static bool nla_sockopt(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
			const void *o)
{
	static const char *const bits[] = {
		"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent",
		"mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884",
		"defer_connect",
	};
	unsigned v, i, n = 0;

	(void)c;
	(void)o;
	if (len < 2)
		return false;
	v = p[0] | (unsigned)p[1] << 8;
	rn_sb_putc(sb, '{');
	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (v & (1u << i))
			rn_sb_printf(sb, "%s%s=1", n++ ? ", " : "", bits[i]);
	if (v >> 11)
		rn_sb_printf(sb, "%sunused=%#x /* bits 3..8 */", n ? ", " : "", v >> 11);
	rn_sb_putc(sb, '}');
	return true;
}

static bool nla_vegas(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		      const void *o)
{
	struct tcpvegas_info v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	rn_sb_printf(sb, "{tcpv_enabled=%u, tcpv_rttcnt=%u, tcpv_rtt=%u, tcpv_minrtt=%u}",
		     v.tcpv_enabled, v.tcpv_rttcnt, v.tcpv_rtt, v.tcpv_minrtt);
	return true;
}

static bool nla_dctcp(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		      const void *o)
{
	struct tcp_dctcp_info d;

	(void)c;
	(void)o;
	if (len < sizeof(d))
		return false;
	memcpy(&d, p, sizeof(d));
	rn_sb_printf(sb, "{dctcp_enabled=%u, dctcp_ce_state=%u, dctcp_alpha=%u, dctcp_ab_ecn=%u, "
		     "dctcp_ab_tot=%u}", d.dctcp_enabled, d.dctcp_ce_state, d.dctcp_alpha,
		     d.dctcp_ab_ecn, d.dctcp_ab_tot);
	return true;
}

static bool nla_bbr(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		    const void *o)
{
	struct tcp_bbr_info b;

	(void)c;
	(void)o;
	if (len < sizeof(b))
		return false;
	memcpy(&b, p, sizeof(b));
	rn_sb_printf(sb, "{bbr_bw_lo=%#x, bbr_bw_hi=%#x, bbr_min_rtt=%u, bbr_pacing_gain=%u, "
		     "bbr_cwnd_gain=%u}", b.bbr_bw_lo, b.bbr_bw_hi, b.bbr_min_rtt,
		     b.bbr_pacing_gain, b.bbr_cwnd_gain);
	return true;
}

static const nla_fn diag_msg_fns[] = {
	[INET_DIAG_MEMINFO] = nla_meminfo, [INET_DIAG_SKMEMINFO] = nla_skmeminfo,
	[INET_DIAG_VEGASINFO] = nla_vegas, [INET_DIAG_DCTCPINFO] = nla_dctcp,
	[INET_DIAG_BBRINFO] = nla_bbr, [INET_DIAG_CONG] = nla_str,
	[INET_DIAG_TOS] = nla_u8, [INET_DIAG_TCLASS] = nla_u8, [INET_DIAG_SHUTDOWN] = nla_u8,
	[INET_DIAG_PROTOCOL] = nla_u8, [INET_DIAG_SKV6ONLY] = nla_u8,
	[INET_DIAG_MARK] = nla_u32, [INET_DIAG_CLASS_ID] = nla_u32, [21] = nla_u64,
	[22] = nla_sockopt,
};

static void diag_msg(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	static const struct nla_set set = { rn_xl_inet_diag_attrs, "INET_DIAG_", diag_msg_fns,
					    sizeof(diag_msg_fns) / sizeof(diag_msg_fns[0]),
					    NULL };
	struct inet_diag_msg m;

	rn_sb_puts(sb, "{idiag_family=");
	rn_xlat_enum_unk(sb, rn_xl_address_families, p[0], "AF_");
	if (len < sizeof(m)) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	memcpy(&m, p, sizeof(m));
	rn_sb_puts(sb, ", idiag_state=");
	rn_xlat_enum_unk(sb, rn_xl_tcp_states, m.idiag_state, "TCP_");
	rn_sb_printf(sb, ", idiag_timer=%u, idiag_retrans=%u, ", m.idiag_timer, m.idiag_retrans);
	diag_sockid(c, sb, m.idiag_family, &m.id);
	rn_sb_printf(sb, ", idiag_expires=%u, idiag_rqueue=%u, idiag_wqueue=%u, idiag_uid=%u, "
		     "idiag_inode=%u}", m.idiag_expires, m.idiag_rqueue, m.idiag_wqueue,
		     m.idiag_uid, m.idiag_inode);
	if (len > NLMSG_ALIGN(sizeof(m))) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + NLMSG_ALIGN(sizeof(m)), len - NLMSG_ALIGN(sizeof(m)), &set);
	}
}

bool nl_diag_body(struct dctx *c, struct rn_strbuf *sb, __u16 type, __u16 flags, const __u8 *p,
		  size_t len)
{
	bool inet = p[0] == AF_INET || p[0] == AF_INET6;

	if (type == NLMSG_DONE || !len)
		return false;
	if (len > 1 && !inet && type != 18 && type != 19 &&
	    nl_diag_other(c, sb, flags & NLM_F_REQUEST, p, len))
		return true;
	if (inet && len > 1 && (flags & NLM_F_REQUEST) && type != 18 && type != 19) {
		diag_request(c, sb, p, len);
	} else if (inet && len > 1 && !(flags & NLM_F_REQUEST)) {
		diag_msg(c, sb, p, len);
	} else {
		rn_sb_puts(sb, "{family=");
		rn_xlat_enum_unk(sb, rn_xl_address_families, p[0], "AF_");
		if (len > 1) {
			rn_sb_puts(sb, ", data=");
			nl_hex(c, sb, p + 1, len - 1);
		}
		rn_sb_putc(sb, '}');
	}
	return true;
}
