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

extern const struct rn_xlat rn_xl_nlmsg_types[], rn_xl_nl_route_types[],
	rn_xl_nl_sock_diag_types[], rn_xl_nlm_flags[], rn_xl_nlm_get_flags[],
	rn_xl_nlm_new_flags[], rn_xl_nlm_del_flags[], rn_xl_nlm_ack_flags[], rn_xl_arphrd[],
	rn_xl_iff_flags[], rn_xl_ifla_attrs[], rn_xl_rtext_filter[], rn_xl_ifa_flags[],
	rn_xl_ifa_attrs[], rn_xl_rt_scopes[], rn_xl_rt_tables[], rn_xl_rt_protos[],
	rn_xl_rt_types[], rn_xl_rtm_flags[], rn_xl_rta_attrs[], rn_xl_tcp_states[],
	rn_xl_tcp_state_flags[], rn_xl_inet_diag_ext[], rn_xl_inet_diag_attrs[],
	rn_xl_inet_diag_req_attrs[], rn_xl_nlmsgerr_attrs[], rn_xl_rtax_attrs[],
	rn_xl_nda_attrs[], rn_xl_nud_states[], rn_xl_ntf_flags[];

#endif /* RN_NETLINK_INT_H */
