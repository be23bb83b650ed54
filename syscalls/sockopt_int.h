/* SPDX-License-Identifier: MIT */
/*
 * Socket options as strace 6.1 knows them: per level, the option names and
 * how each option's value prints, in setsockopt and in getsockopt
 * (syscalls/xlat_sockopt.c, used by syscalls/decode_sockopt.c).
 */
#ifndef RN_SOCKOPT_INT_H
#define RN_SOCKOPT_INT_H

#include <linux/types.h>
#include <stdbool.h>

#include "xlat.h"

/* How an option's value prints; "short" means shorter than the structure. */
enum rn_sov {
	SOV_PLAIN = 0,	/* [int] when exactly 4 bytes long, else the bytes as a string */
	SOV_INT,	/* [int]; short: the address (set), the bytes in hex (get) */
	SOV_TXREHASH,	/* SOV_INT named SOCK_TXREHASH_* */
	SOV_ERRNO,	/* SOV_INT named by errno: SO_ERROR's [ECONNREFUSED] */
	SOV_NLINT,	/* [int], whatever the length (getsockopt at SOL_NETLINK) */
	SOV_LINGER,	/* struct linger */
	SOV_UCRED,	/* struct ucred */
	SOV_FPROG,	/* struct sock_fprog, its instructions under -v */
	SOV_FILTER,	/* SO_GET_FILTER: as many instructions as returned, under -v */
	SOV_IP_MREQ,	/* struct ip_mreq */
	SOV_IPV6_MREQ,	/* struct ipv6_mreq */
	SOV_GROUP_REQ,	/* struct group_req */
	SOV_PACKET_MREQ,	/* struct packet_mreq */
	SOV_TPACKET_REQ,	/* struct tpacket_req */
	SOV_TPACKET_STATS,	/* struct tpacket_stats(_v3) */
	SOV_ICMP_FILTER,	/* struct icmp_filter: a set of ICMP types */
	SOV_NL_GROUPS,	/* NETLINK_LIST_MEMBERSHIPS: an array of group bitmaps */
	SOV_COUNT,
};

/* An option whose value is not SOV_PLAIN (or the level's default). */
struct rn_sockopt {
	__u32 opt;
	__u8 set, get;	/* enum rn_sov in setsockopt, in getsockopt */
};

struct rn_sol {
	__u32 level;
	const char *pfx;		/* unknown options: "0x2a /\* PFX??? *\/" */
	const struct rn_xlat *names;	/* setsockopt's option names */
	const struct rn_xlat *get_names;	/* getsockopt's, where they differ */
	__u8 set_all, get_all;		/* the format of the options not in opts */
	const struct rn_sockopt *opts;	/* ends with an entry whose set and get are 0 */
};

/* The levels strace 6.1 names: SOL_IP .. SOL_XDP, and AF_VSOCK (40). */
extern const struct rn_xlat rn_xl_sol_levels[];

/* The options of level, or NULL for a level whose options print as numbers. */
const struct rn_sol *rn_sol_find(__u32 level);

/* How option opt of sol prints in setsockopt (get false) or getsockopt. */
enum rn_sov rn_sockopt_fmt(const struct rn_sol *sol, __u32 opt, bool get);

#endif /* RN_SOCKOPT_INT_H */
