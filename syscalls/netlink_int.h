/* SPDX-License-Identifier: MIT */
/*
 * Netlink message decoding as strace 6.1 prints it (decode_netlink.c: the
 * messages and attributes; decode_rtnl.c: NETLINK_ROUTE bodies;
 * decode_nl_diag.c: NETLINK_SOCK_DIAG bodies; nl_proto.c: which protocol a
 * descriptor speaks). Every printer works on bytes already copied out of the
 * tracee: p and len bound what it may look at, whatever the lengths inside
 * the messages say.
 */
#ifndef RN_NETLINK_INT_H
#define RN_NETLINK_INT_H

#include "decode_int.h"

/*
 * An attribute's payload printer: true when it printed the value, false to
 * have the caller print the bytes instead. opaque: what the set's owner
 * passes (the message's address family, ...).
 */
typedef bool (*nla_fn)(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       const void *opaque);

/* One set of attributes: names, "PFX_" for unknown ones, payload printers. */
struct nla_set {
	const struct rn_xlat *names;
	const char *pfx;
	const nla_fn *fns;
	unsigned nfns;
	const void *opaque;
};

/* The netlink protocol (NETLINK_*) of descriptor fd of the call's process,
 * -1 for a netlink socket of unknown protocol, -2 for no netlink socket. */
int nl_fd_protocol(struct dctx *c, int fd);

/* The hook of the socket decoders (decode_netlink.c): len bytes at addr sent
 * or received on fd, as netlink messages when fd is a netlink socket. False,
 * with nothing printed, otherwise or when the bytes cannot all be read. */
bool pr_netlink_at(struct dctx *c, struct rn_strbuf *sb, int fd, __u64 addr, __u64 len,
		   bool out);

/* The messages in len bytes at p, of protocol proto (-1: unknown). */
void nl_print(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, int proto);

/* The attributes in len bytes at p: "[{nla_len=.., nla_type=..}, value]" each. */
void nla_print(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
	       const struct nla_set *set);

/* A body of protocol proto; false when the protocol has no decoder for it. */
bool nl_rtnl_body(struct dctx *c, struct rn_strbuf *sb, __u16 type, const __u8 *p, size_t len);
bool nl_diag_body(struct dctx *c, struct rn_strbuf *sb, __u16 type, __u16 flags, const __u8 *p,
		  size_t len);

/* Shared value printers. */
void nl_hex(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len);
void nl_ifindex(struct rn_strbuf *sb, __u32 idx);
/* An address of family fam in len bytes: inet_addr("..."), inet_pton(...). */
bool nl_inet_addr(struct rn_strbuf *sb, int fam, const __u8 *p, size_t len, const char *var);
bool nla_u8(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o);
bool nla_u16(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o);
bool nla_u32(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o);
bool nla_s32(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o);
bool nla_u64(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o);
bool nla_str(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o);
bool nla_ifindex(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		 const void *o);
/* A string of len bytes that may hold NULs (UNIX_DIAG_NAME): one trailing
 * NUL is dropped, "..." follows when there is none or -s cuts it. */
bool nla_strn(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o);

/* An array of w-byte (4 or 8) integers named by their index:
 * "[[PFX_NAME]=v, ...]", names[i] NULL-terminated, unknown ones
 * "[i /\* PFX_??? *\/]"; sfx follows each name ("-1" for IPV4_DEVCONF_).
 * False, with nothing printed, when len holds no whole element. */
struct nl_idx_names {
	const char *const *names;
	const char *pfx;
	const char *sfx;
};
bool nl_idx_array(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, size_t w,
		  bool sgn, const struct nl_idx_names *n);
/* SK_MEMINFO_* arrays (INET_DIAG_SKMEMINFO, UNIX_DIAG_MEMINFO, ...). */
bool nla_skmeminfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		   const void *o);
/* A flag set whose bits are all unknown prints as "0x.. /\* PFX??? *\/". */
void nl_flags_unk(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 v, const char *pfx);

/* The nested attributes of links (decode_rtnl_link.c); opaque: the ifi_family. */
bool nla_ifla_protinfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       const void *o);
bool nla_ifla_af_spec(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		      const void *o);
bool nla_ifla_xdp(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		  const void *o);
bool nla_ifla_linkinfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		       const void *o);
/* decode_rtnl.c's: an address of the family *o, a routing table, an IPPROTO_. */
bool nla_addr(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o);
bool nla_rt_table(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		  const void *o);
bool nla_ip_proto(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		  const void *o);
/* Rules (fib_rule_hdr, FRA_*) and netconf (netconfmsg, NETCONFA_*). */
void rtnl_rule(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len);
void rtnl_netconf(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len);
/* sock_diag of AF_UNIX, AF_PACKET, AF_NETLINK (decode_nl_diag2.c); false
 * when fam is none of those. */
bool nl_diag_other(struct dctx *c, struct rn_strbuf *sb, bool request, const __u8 *p,
		   size_t len);

extern const struct rn_xlat rn_xl_nlmsg_types[], rn_xl_nl_route_types[],
	rn_xl_nl_sock_diag_types[], rn_xl_nlm_flags[], rn_xl_nlm_get_flags[],
	rn_xl_nlm_new_flags[], rn_xl_nlm_del_flags[], rn_xl_nlm_ack_flags[], rn_xl_arphrd[],
	rn_xl_iff_flags[], rn_xl_ifla_attrs[], rn_xl_rtext_filter[], rn_xl_ifa_flags[],
	rn_xl_ifa_attrs[], rn_xl_rt_scopes[], rn_xl_rt_tables[], rn_xl_rt_protos[],
	rn_xl_rt_types[], rn_xl_rtm_flags[], rn_xl_rta_attrs[], rn_xl_tcp_states[],
	rn_xl_tcp_state_flags[], rn_xl_inet_diag_ext[], rn_xl_inet_diag_attrs[],
	rn_xl_inet_diag_req_attrs[], rn_xl_nlmsgerr_attrs[], rn_xl_rtax_attrs[],
	rn_xl_nda_attrs[], rn_xl_nud_states[], rn_xl_ntf_flags[], rn_xl_ifla_inet6_attrs[],
	rn_xl_ifla_inet_attrs[], rn_xl_inet6_if_flags[], rn_xl_in6_addr_gen_modes[],
	rn_xl_ifla_xdp_attrs[], rn_xl_xdp_attached[], rn_xl_xdp_flags[], rn_xl_ifla_info_attrs[],
	rn_xl_lwtunnel_encap[], rn_xl_fra_attrs[], rn_xl_fr_actions[], rn_xl_fib_rule_flags[],
	rn_xl_netconfa_attrs[], rn_xl_udiag_show[], rn_xl_unix_diag_attrs[], rn_xl_pdiag_show[],
	rn_xl_packet_diag_attrs[], rn_xl_tpacket_versions[], rn_xl_pdi_flags[],
	rn_xl_ndiag_show[], rn_xl_netlink_diag_attrs[], rn_xl_ndiag_flags[];
extern const char *const rn_nl_devconf6[], *const rn_nl_devconf4[], *const rn_nl_ipstats[],
	*const rn_nl_icmp6stats[], *const rn_nl_skmeminfo[];

#endif /* RN_NETLINK_INT_H */
