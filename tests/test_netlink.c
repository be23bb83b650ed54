// SPDX-License-Identifier: MIT
/*
 * Netlink message decoding (syscalls/decode_netlink.c, decode_rtnl.c,
 * decode_nl_diag.c, nl_proto.c) against the text strace 6.1 prints. The
 * vectors were sent by tests/netlink_vectors.py on sockets of each protocol
 * under strace; its first argument is the expected text. The end-to-end tests
 * decode sendto/recvmsg records of this process's own netlink sockets, whose
 * protocol the decoder finds through /proc like it does for a tracee's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <asm/unistd_64.h>

#include "syscalls/decode.h"

enum { NL_UNBOUND = -1, NL_ROUTE = NETLINK_ROUTE, NL_DIAG = NETLINK_SOCK_DIAG,
       NL_USER = NETLINK_USERSOCK };

static const struct vec {
	int proto;
	const char *what;
	size_t len;
	const char *bytes;
	const char *text;
} vecs[] = {
	{ NL_UNBOUND, "a socket not bound yet: no protocol known", 32,
	  "\x20\x00\x00\x00\x14\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x08\x00\x01\x00\x01\x02\x03\x04",
	  "[{nlmsg_len=32, nlmsg_type=0x14 /* NLMSG_??? */, nlmsg_flags=NLM"
	  "_F_REQUEST|0x300, nlmsg_seq=7, nlmsg_pid=0}, \"\\x00\\x00\\x00\\x00\\x"
	  "00\\x00\\x00\\x00\\x08\\x00\\x01\\x00\\x01\\x02\\x03\\x04\"]" },
	{ NL_ROUTE, "RTM_NEWADDR with every IFA_ kind, nested flag, unknown type", 96,
	  "\x60\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x18\x80\xfd"
	  "\x01\x00\x00\x00\x08\x00\x01\x00\x0a\x00\x00\x01\x09\x00\x03\x00\x65\x74\x68\x30"
	  "\x00\x00\x00\x00\x08\x00\x08\x00\x82\x00\x00\x00\x14\x00\x06\x00\x01\x00\x00\x00"
	  "\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00\x05\x00\x0b\x00\x01\x00\x00\x00"
	  "\x06\x00\x14\x80\x61\x62\x00\x00\x06\x00\x09\x00\x01\x02\x00\x00",
	  "[{nlmsg_len=96, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=2"
	  "4, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_LINK, ifa_index"
	  "=if_nametoindex(\"lo\")}, [[{nla_len=8, nla_type=IFA_ADDRESS}, ine"
	  "t_addr(\"10.0.0.1\")], [{nla_len=9, nla_type=IFA_LABEL}, \"eth0\"], "
	  "[{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_NODAD|IFA_F_PERMANENT], "
	  "[{nla_len=20, nla_type=IFA_CACHEINFO}, {ifa_prefered=1, ifa_vali"
	  "d=2, cstamp=3, tstamp=4}], [{nla_len=5, nla_type=IFA_PROTO}, \"\\x"
	  "01\"], [{nla_len=6, nla_type=NLA_F_NESTED|0x14 /* IFA_??? */}, \"\\"
	  "x61\\x62\"], [{nla_len=6, nla_type=IFA_RT_PRIORITY}, \"\\x01\\x02\"]]]" },
	{ NL_ROUTE, "IPv6 address, short attribute", 52,
	  "\x34\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0a\x40\x02\x00"
	  "\x00\x00\x00\x00\x14\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x06\x00\x02\x00\x01\x02\x00\x00",
	  "[{nlmsg_len=52, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_INET6, ifa_prefixlen="
	  "64, ifa_flags=IFA_F_NODAD, ifa_scope=RT_SCOPE_UNIVERSE, ifa_inde"
	  "x=0}, [[{nla_len=20, nla_type=IFA_ADDRESS}, inet_pton(AF_INET6, "
	  "\"::\")], [{nla_len=6, nla_type=IFA_LOCAL}, \"\\x01\\x02\"]]]" },
	{ NL_ROUTE, "attribute longer than the buffer", 32,
	  "\x20\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x18\x80\xfd"
	  "\x01\x00\x00\x00\x28\x00\x01\x00\x01\x02\x03\x04",
	  "[{nlmsg_len=32, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=2"
	  "4, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_LINK, ifa_index"
	  "=if_nametoindex(\"lo\")}, [{nla_len=40, nla_type=IFA_ADDRESS}, ine"
	  "t_addr(\"1.2.3.4\")]]" },
	{ NL_ROUTE, "nla_len below its header", 32,
	  "\x20\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x18\x80\xfd"
	  "\x01\x00\x00\x00\x02\x00\x01\x00\x01\x02\x03\x04",
	  "[{nlmsg_len=32, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=2"
	  "4, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_LINK, ifa_index"
	  "=if_nametoindex(\"lo\")}, {nla_len=2, nla_type=IFA_ADDRESS}]" },
	{ NL_ROUTE, "2 bytes after the last attribute", 34,
	  "\x22\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x18\x80\xfd"
	  "\x01\x00\x00\x00\x08\x00\x01\x00\x01\x02\x03\x04\x01\x02",
	  "[{nlmsg_len=34, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=2"
	  "4, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_LINK, ifa_index"
	  "=if_nametoindex(\"lo\")}, [[{nla_len=8, nla_type=IFA_ADDRESS}, ine"
	  "t_addr(\"1.2.3.4\")], \"\\x01\\x02\"]]" },
	{ NL_ROUTE, "short ifaddrmsg", 19,
	  "\x13\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00",
	  "[{nlmsg_len=19, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_INET, ...}]" },
	{ NL_ROUTE, "NLMSG_ERROR with the request", 44,
	  "\x2c\x00\x00\x00\x02\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\xea\xff\xff\xff"
	  "\x18\x00\x00\x00\x16\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00",
	  "[{nlmsg_len=44, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq"
	  "=7, nlmsg_pid=0}, {error=-EINVAL, msg=[{nlmsg_len=24, nlmsg_type"
	  "=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7,"
	  " nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ifa_prefixlen=0, ifa_flags"
	  "=0, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}]}]" },
	{ NL_ROUTE, "NLMSG_ERROR capped, attributes after", 44,
	  "\x2c\x00\x00\x00\x02\x00\x00\x01\x07\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff"
	  "\x3c\x00\x00\x00\x16\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00",
	  "[{nlmsg_len=44, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED"
	  ", nlmsg_seq=7, nlmsg_pid=0}, [{error=-EPERM, msg={nlmsg_len=60, "
	  "nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nl"
	  "msg_seq=7, nlmsg_pid=0}}, {nla_len=0, nla_type=NLMSGERR_ATTR_UNU"
	  "SED}]]" },
	{ NL_ROUTE, "NLMSG_ERROR too short", 20,
	  "\x14\x00\x00\x00\x02\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
	  "[{nlmsg_len=20, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq"
	  "=7, nlmsg_pid=0}, \"\\x00\\x00\\x00\\x00\"]" },
	{ NL_ROUTE, "NLMSG_DONE of 8 bytes", 24,
	  "\x18\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x05\x00\x00\x00",
	  "[{nlmsg_len=24, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, "
	  "nlmsg_seq=7, nlmsg_pid=0}, \"\\x00\\x00\\x00\\x00\\x05\\x00\\x00\\x00\"]" },
	{ NL_ROUTE, "NLMSG_DONE", 20,
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\xfd\xff\xff\xff",
	  "[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, "
	  "nlmsg_seq=7, nlmsg_pid=0}, -3]" },
	{ NL_ROUTE, "RTM_NEWROUTE: unknown table, scope, type; metrics", 80,
	  "\x50\x00\x00\x00\x18\x00\x02\x06\x07\x00\x00\x00\x00\x00\x00\x00\x02\x20\x00\x10"
	  "\x64\x63\x10\x0d\x00\x13\x00\x00\x08\x00\x0f\x00\x64\x00\x00\x00\x08\x00\x06\x00"
	  "\x05\x00\x00\x00\x08\x00\x01\x00\x0a\x01\x02\x03\x08\x00\x04\x00\x4d\x00\x00\x00"
	  "\x0c\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05\x00\x63\x00\x78\x00\x00\x00",
	  "[{nlmsg_len=80, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI"
	  "|NLM_F_EXCL|NLM_F_CREATE, nlmsg_seq=7, nlmsg_pid=0}, {rtm_family"
	  "=AF_INET, rtm_dst_len=32, rtm_src_len=0, rtm_tos=IPTOS_LOWDELAY,"
	  " rtm_table=0x64, rtm_protocol=RTPROT_OPENR, rtm_scope=0x10, rtm_"
	  "type=0xd /* RTN_??? */, rtm_flags=RTM_F_NOTIFY|RTM_F_CLONED|RTM_"
	  "F_LOOKUP_TABLE}, [[{nla_len=8, nla_type=RTA_TABLE}, 0x64], [{nla"
	  "_len=8, nla_type=RTA_PRIORITY}, 5], [{nla_len=8, nla_type=RTA_DS"
	  "T}, inet_addr(\"10.1.2.3\")], [{nla_len=8, nla_type=RTA_OIF}, 77],"
	  " [{nla_len=12, nla_type=RTA_METRICS}, {nla_len=0, nla_type=RTAX_"
	  "UNSPEC}], [{nla_len=5, nla_type=0x63 /* RTA_??? */}, \"\\x78\"]]]" },
	{ NL_ROUTE, "40 messages: 32 shown", 800,
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x04\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x07\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x09\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0a\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0b\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0c\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0d\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0e\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0f\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x11\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x12\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x13\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x14\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x15\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x16\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x17\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x18\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x19\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x1a\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x1b\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x1d\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x1e\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x1f\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x20\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x21\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x22\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x23\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x24\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x25\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x26\x00\x00\x00"
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x27\x00\x00\x00",
	  "[[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, 0], [{nlmsg_len=20, nlmsg_type=NLMSG"
	  "_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 1], ["
	  "{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, n"
	  "lmsg_seq=7, nlmsg_pid=0}, 2], [{nlmsg_len=20, nlmsg_type=NLMSG_D"
	  "ONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 3], [{n"
	  "lmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlm"
	  "sg_seq=7, nlmsg_pid=0}, 4], [{nlmsg_len=20, nlmsg_type=NLMSG_DON"
	  "E, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 5], [{nlm"
	  "sg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg"
	  "_seq=7, nlmsg_pid=0}, 6], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE,"
	  " nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 7], [{nlmsg"
	  "_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_s"
	  "eq=7, nlmsg_pid=0}, 8], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, n"
	  "lmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 9], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 10], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 11], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 12], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 13], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 14], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 15], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 16], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 17], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 18], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 19], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 20], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 21], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 22], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 23], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 24], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 25], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 26], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 27], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 28], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 29], [{nlmsg_l"
	  "en=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq"
	  "=7, nlmsg_pid=0}, 30], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, 31], ...]" },
	{ NL_ROUTE, "shorter than a header", 5,
	  "\x01\x02\x03\x04\x05",
	  "\"\\x01\\x02\\x03\\x04\\x05\"" },
	{ NL_ROUTE, "40 attributes: 32 shown", 352,
	  "\x60\x01\x00\x00\x10\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00"
	  "\x01\x00\x00\x00\x43\x10\x01\x00\x05\x00\x00\x00\x08\x00\x04\x00\x00\x00\x00\x00"
	  "\x08\x00\x04\x00\x01\x00\x00\x00\x08\x00\x04\x00\x02\x00\x00\x00\x08\x00\x04\x00"
	  "\x03\x00\x00\x00\x08\x00\x04\x00\x04\x00\x00\x00\x08\x00\x04\x00\x05\x00\x00\x00"
	  "\x08\x00\x04\x00\x06\x00\x00\x00\x08\x00\x04\x00\x07\x00\x00\x00\x08\x00\x04\x00"
	  "\x08\x00\x00\x00\x08\x00\x04\x00\x09\x00\x00\x00\x08\x00\x04\x00\x0a\x00\x00\x00"
	  "\x08\x00\x04\x00\x0b\x00\x00\x00\x08\x00\x04\x00\x0c\x00\x00\x00\x08\x00\x04\x00"
	  "\x0d\x00\x00\x00\x08\x00\x04\x00\x0e\x00\x00\x00\x08\x00\x04\x00\x0f\x00\x00\x00"
	  "\x08\x00\x04\x00\x10\x00\x00\x00\x08\x00\x04\x00\x11\x00\x00\x00\x08\x00\x04\x00"
	  "\x12\x00\x00\x00\x08\x00\x04\x00\x13\x00\x00\x00\x08\x00\x04\x00\x14\x00\x00\x00"
	  "\x08\x00\x04\x00\x15\x00\x00\x00\x08\x00\x04\x00\x16\x00\x00\x00\x08\x00\x04\x00"
	  "\x17\x00\x00\x00\x08\x00\x04\x00\x18\x00\x00\x00\x08\x00\x04\x00\x19\x00\x00\x00"
	  "\x08\x00\x04\x00\x1a\x00\x00\x00\x08\x00\x04\x00\x1b\x00\x00\x00\x08\x00\x04\x00"
	  "\x1c\x00\x00\x00\x08\x00\x04\x00\x1d\x00\x00\x00\x08\x00\x04\x00\x1e\x00\x00\x00"
	  "\x08\x00\x04\x00\x1f\x00\x00\x00\x08\x00\x04\x00\x20\x00\x00\x00\x08\x00\x04\x00"
	  "\x21\x00\x00\x00\x08\x00\x04\x00\x22\x00\x00\x00\x08\x00\x04\x00\x23\x00\x00\x00"
	  "\x08\x00\x04\x00\x24\x00\x00\x00\x08\x00\x04\x00\x25\x00\x00\x00\x08\x00\x04\x00"
	  "\x26\x00\x00\x00\x08\x00\x04\x00\x27\x00\x00\x00",
	  "[{nlmsg_len=352, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_MULTI"
	  ", nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARP"
	  "HRD_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP|IFF_"
	  "BROADCAST|IFF_RUNNING|IFF_MULTICAST|IFF_LOWER_UP, ifi_change=0x5"
	  "}, [[{nla_len=8, nla_type=IFLA_MTU}, 0], [{nla_len=8, nla_type=I"
	  "FLA_MTU}, 1], [{nla_len=8, nla_type=IFLA_MTU}, 2], [{nla_len=8, "
	  "nla_type=IFLA_MTU}, 3], [{nla_len=8, nla_type=IFLA_MTU}, 4], [{n"
	  "la_len=8, nla_type=IFLA_MTU}, 5], [{nla_len=8, nla_type=IFLA_MTU"
	  "}, 6], [{nla_len=8, nla_type=IFLA_MTU}, 7], [{nla_len=8, nla_typ"
	  "e=IFLA_MTU}, 8], [{nla_len=8, nla_type=IFLA_MTU}, 9], [{nla_len="
	  "8, nla_type=IFLA_MTU}, 10], [{nla_len=8, nla_type=IFLA_MTU}, 11]"
	  ", [{nla_len=8, nla_type=IFLA_MTU}, 12], [{nla_len=8, nla_type=IF"
	  "LA_MTU}, 13], [{nla_len=8, nla_type=IFLA_MTU}, 14], [{nla_len=8,"
	  " nla_type=IFLA_MTU}, 15], [{nla_len=8, nla_type=IFLA_MTU}, 16], "
	  "[{nla_len=8, nla_type=IFLA_MTU}, 17], [{nla_len=8, nla_type=IFLA"
	  "_MTU}, 18], [{nla_len=8, nla_type=IFLA_MTU}, 19], [{nla_len=8, n"
	  "la_type=IFLA_MTU}, 20], [{nla_len=8, nla_type=IFLA_MTU}, 21], [{"
	  "nla_len=8, nla_type=IFLA_MTU}, 22], [{nla_len=8, nla_type=IFLA_M"
	  "TU}, 23], [{nla_len=8, nla_type=IFLA_MTU}, 24], [{nla_len=8, nla"
	  "_type=IFLA_MTU}, 25], [{nla_len=8, nla_type=IFLA_MTU}, 26], [{nl"
	  "a_len=8, nla_type=IFLA_MTU}, 27], [{nla_len=8, nla_type=IFLA_MTU"
	  "}, 28], [{nla_len=8, nla_type=IFLA_MTU}, 29], [{nla_len=8, nla_t"
	  "ype=IFLA_MTU}, 30], [{nla_len=8, nla_type=IFLA_MTU}, 31], ...]]" },
	{ NL_ROUTE, "RTM_NEWLINK: stats of 23 and 24 fields, ifmap, ext mask", 584,
	  "\x48\x02\x00\x00\x10\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x07\x00\xe7\x03"
	  "\x39\x30\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0c\x00\x03\x00\x61\x62\x63\x64"
	  "\x65\x66\x67\x68\xbc\x00\x17\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xc4\x00\x17\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x60\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x24\x00\x0e\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x08\x00\x1d\x00\x09\x01\x00\x00\x06\x00\x21\x00\x01\x02\x00\x00\x06\x00\x04\x00"
	  "\x01\x02\x00\x00",
	  "[{nlmsg_len=584, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_se"
	  "q=7, nlmsg_pid=0}, {ifi_family=AF_BRIDGE, ifi_type=0x3e7 /* ARPH"
	  "RD_??? */, ifi_index=12345, ifi_flags=0, ifi_change=0}, [[{nla_l"
	  "en=12, nla_type=IFLA_IFNAME}, \"abcdefgh\"...], [{nla_len=188, nla"
	  "_type=IFLA_STATS64}, {rx_packets=0, tx_packets=0, rx_bytes=0, tx"
	  "_bytes=0, rx_errors=0, tx_errors=0, rx_dropped=0, tx_dropped=0, "
	  "multicast=0, collisions=0, rx_length_errors=0, rx_over_errors=0,"
	  " rx_crc_errors=0, rx_frame_errors=0, rx_fifo_errors=0, rx_missed"
	  "_errors=0, tx_aborted_errors=0, tx_carrier_errors=0, tx_fifo_err"
	  "ors=0, tx_heartbeat_errors=0, tx_window_errors=0, rx_compressed="
	  "0, tx_compressed=0}], [{nla_len=196, nla_type=IFLA_STATS64}, {rx"
	  "_packets=0, tx_packets=0, rx_bytes=0, tx_bytes=0, rx_errors=0, t"
	  "x_errors=0, rx_dropped=0, tx_dropped=0, multicast=0, collisions="
	  "0, rx_length_errors=0, rx_over_errors=0, rx_crc_errors=0, rx_fra"
	  "me_errors=0, rx_fifo_errors=0, rx_missed_errors=0, tx_aborted_er"
	  "rors=0, tx_carrier_errors=0, tx_fifo_errors=0, tx_heartbeat_erro"
	  "rs=0, tx_window_errors=0, rx_compressed=0, tx_compressed=0, rx_n"
	  "ohandler=0}], [{nla_len=96, nla_type=IFLA_STATS}, {rx_packets=0,"
	  " tx_packets=0, rx_bytes=0, tx_bytes=0, rx_errors=0, tx_errors=0,"
	  " rx_dropped=0, tx_dropped=0, multicast=0, collisions=0, rx_lengt"
	  "h_errors=0, rx_over_errors=0, rx_crc_errors=0, rx_frame_errors=0"
	  ", rx_fifo_errors=0, rx_missed_errors=0, tx_aborted_errors=0, tx_"
	  "carrier_errors=0, tx_fifo_errors=0, tx_heartbeat_errors=0, tx_wi"
	  "ndow_errors=0, rx_compressed=0, tx_compressed=0}], [{nla_len=36,"
	  " nla_type=IFLA_MAP}, {mem_start=0, mem_end=0, base_addr=0, irq=0"
	  ", dma=0, port=0}], [{nla_len=8, nla_type=IFLA_EXT_MASK}, RTEXT_F"
	  "ILTER_VF|RTEXT_FILTER_SKIP_STATS|0x100], [{nla_len=6, nla_type=I"
	  "FLA_CARRIER}, 1], [{nla_len=6, nla_type=IFLA_MTU}, \"\\x01\\x02\"]]]" },
	{ NL_ROUTE, "short ifinfomsg", 20,
	  "\x14\x00\x00\x00\x10\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00",
	  "[{nlmsg_len=20, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq"
	  "=7, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}]" },
	{ NL_ROUTE, "RTM_GETLINK with NLM_F_DUMP|NLM_F_ECHO|NLM_F_ACK", 32,
	  "\x20\x00\x00\x00\x12\x00\x0d\x03\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
	  "[{nlmsg_len=32, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUES"
	  "T|NLM_F_ACK|NLM_F_ECHO|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {i"
	  "fi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_fl"
	  "ags=0, ifi_change=0}]" },
	{ NL_ROUTE, "RTM_DELROUTE flags", 28,
	  "\x1c\x00\x00\x00\x19\x00\x00\x03\x07\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00"
	  "\xfe\x00\x00\x00\x00\x00\x00\x00",
	  "[{nlmsg_len=28, nlmsg_type=RTM_DELROUTE, nlmsg_flags=NLM_F_NONRE"
	  "C|NLM_F_BULK, nlmsg_seq=7, nlmsg_pid=0}, {rtm_family=AF_INET, rt"
	  "m_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, "
	  "rtm_protocol=RTPROT_UNSPEC, rtm_scope=RT_SCOPE_UNIVERSE, rtm_typ"
	  "e=RTN_UNSPEC, rtm_flags=0}]" },
	{ NL_ROUTE, "a zero-length message ends the walk", 36,
	  "\x10\x00\x00\x00\x50\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x14\x00\x00\x00"
	  "\x01\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04",
	  "[{nlmsg_len=16, nlmsg_type=RTM_NEWNETCONF, nlmsg_flags=0, nlmsg_"
	  "seq=7, nlmsg_pid=0}, [{nlmsg_len=20, nlmsg_type=NLMSG_NOOP, nlms"
	  "g_flags=0, nlmsg_seq=7, nlmsg_pid=0}, \"\\x01\\x02\\x03\\x04\"]]" },
	{ NL_ROUTE, "long strings cut at -s", 124,
	  "\x7c\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x18\x80\xfd"
	  "\x01\x00\x00\x00\x2d\x00\x03\x00\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78"
	  "\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78"
	  "\x78\x78\x78\x78\x78\x78\x78\x78\x00\x00\x00\x00\x2c\x00\x03\x00\x79\x79\x79\x79"
	  "\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79"
	  "\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x79\x07\x00\x03\x00"
	  "\x61\x62\x63\x00",
	  "[{nlmsg_len=124, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI"
	  ", nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen="
	  "24, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_LINK, ifa_inde"
	  "x=if_nametoindex(\"lo\")}, [[{nla_len=45, nla_type=IFA_LABEL}, \"xx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"...], [{nla_len=44, nla_type=IFA_"
	  "LABEL}, \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"...], [{nla_len=7, nla"
	  "_type=IFA_LABEL}, \"abc\"...]]]" },
	{ NL_ROUTE, "ip addr's request with a zero header after it", 152,
	  "\x18\x00\x00\x00\x16\x00\x01\x03\x54\x01\x14\x6b\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
	  "[[{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUE"
	  "ST|NLM_F_DUMP, nlmsg_seq=1796473172, nlmsg_pid=0}, {ifa_family=A"
	  "F_UNSPEC, ifa_prefixlen=0, ifa_flags=0, ifa_scope=RT_SCOPE_UNIVE"
	  "RSE, ifa_index=0}], {nlmsg_len=0, nlmsg_type=0 /* NLMSG_??? */, "
	  "nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}]" },
	{ NL_ROUTE, "ifb0 as ip addr sees it", 88,
	  "\x58\x00\x00\x00\x10\x00\x02\x00\x07\x00\x00\x00\xd9\x28\x00\x00\x00\x00\x01\x00"
	  "\x01\x00\x00\x00\x43\x00\x00\x00\x00\x00\x00\x00\x07\x00\x03\x00\x6c\x6f\x00\x00"
	  "\x08\x00\x0d\x00\xe8\x03\x00\x00\x05\x00\x10\x00\x00\x00\x00\x00\x05\x00\x43\x00"
	  "\x01\x00\x00\x00\x0a\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0a\x00\x02\x00"
	  "\xff\xff\xff\xff\xff\xff\x00\x00",
	  "[{nlmsg_len=88, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=10457}, {ifi_family=AF_UNSPEC, ifi_type="
	  "ARPHRD_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP|I"
	  "FF_BROADCAST|IFF_RUNNING, ifi_change=0}, [[{nla_len=7, nla_type="
	  "IFLA_IFNAME}, \"lo\"], [{nla_len=8, nla_type=IFLA_TXQLEN}, 1000], "
	  "[{nla_len=5, nla_type=IFLA_OPERSTATE}, 0], [{nla_len=5, nla_type"
	  "=0x43 /* IFLA_??? */}, \"\\x01\"], [{nla_len=10, nla_type=IFLA_ADDR"
	  "ESS}, 00:00:00:00:00:00], [{nla_len=10, nla_type=IFLA_BROADCAST}"
	  ", ff:ff:ff:ff:ff:ff]]]" },
	{ NL_ROUTE, "RTM_NEWNEIGH as ip neigh sees it", 84,
	  "\x54\x00\x00\x00\x1c\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00"
	  "\x01\x00\x00\x00\x04\x01\x80\x01\x08\x00\x01\x00\xc0\x00\x02\x01\x0a\x00\x02\x00"
	  "\x02\xfc\x00\x00\x00\x05\x00\x00\x08\x00\x04\x00\x01\x00\x00\x00\x14\x00\x03\x00"
	  "\x0a\x00\x00\x00\x14\x00\x00\x00\x1e\x00\x00\x00\x00\x00\x00\x00\x05\x00\x0c\x00"
	  "\x03\x00\x00\x00",
	  "[{nlmsg_len=84, nlmsg_type=RTM_NEWNEIGH, nlmsg_flags=NLM_F_MULTI"
	  ", nlmsg_seq=7, nlmsg_pid=0}, {ndm_family=AF_INET, ndm_ifindex=if"
	  "_nametoindex(\"lo\"), ndm_state=NUD_STALE|0x100, ndm_flags=NTF_ROU"
	  "TER, ndm_type=RTN_UNICAST}, [[{nla_len=8, nla_type=NDA_DST}, ine"
	  "t_addr(\"192.0.2.1\")], [{nla_len=10, nla_type=NDA_LLADDR}, 02:fc:"
	  "00:00:00:05], [{nla_len=8, nla_type=NDA_PROBES}, 1], [{nla_len=2"
	  "0, nla_type=NDA_CACHEINFO}, {ndm_confirmed=10, ndm_used=20, ndm_"
	  "updated=30, ndm_refcnt=0}], [{nla_len=5, nla_type=NDA_PROTOCOL},"
	  " 0x3 /* IPPROTO_??? */]]]" },
	{ NL_DIAG, "inet_diag_req_v2, unknown state bit", 72,
	  "\x48\x00\x00\x00\x14\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x02\x06\x09\x00"
	  "\xff\x1f\x00\x00\x00\x16\x00\x50\x01\x02\x03\x04\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x05\x06\x07\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x01\x00\x00\x00\x09\x00\x00\x00\x0a\x00\x00\x00",
	  "[{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_"
	  "F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {sdiag_family=A"
	  "F_INET, sdiag_protocol=IPPROTO_TCP, idiag_ext=1<<(INET_DIAG_MEMI"
	  "NFO-1)|1<<(INET_DIAG_CONG-1), idiag_states=1<<TCP_ESTABLISHED|1<"
	  "<TCP_SYN_SENT|1<<TCP_SYN_RECV|1<<TCP_FIN_WAIT1|1<<TCP_FIN_WAIT2|"
	  "1<<TCP_TIME_WAIT|1<<TCP_CLOSE|1<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|"
	  "1<<TCP_LISTEN|1<<TCP_CLOSING|1<<TCP_NEW_SYN_RECV|0x1, id={idiag_"
	  "sport=htons(22), idiag_dport=htons(80), idiag_src=inet_addr(\"1.2"
	  ".3.4\"), idiag_dst=inet_addr(\"5.6.7.8\"), idiag_if=if_nametoindex("
	  "\"lo\"), idiag_cookie=[9, 10]}}]" },
	{ NL_DIAG, "inet_diag_msg with attributes", 164,
	  "\xa4\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x0a\x01\x03"
	  "\x00\x16\x00\x50\x01\x02\x03\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x05\x06\x07\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00"
	  "\x09\x00\x00\x00\x0a\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00"
	  "\x04\x00\x00\x00\x05\x00\x00\x00\x14\x00\x01\x00\x01\x00\x00\x00\x02\x00\x00\x00"
	  "\x03\x00\x00\x00\x04\x00\x00\x00\x0a\x00\x04\x00\x63\x75\x62\x69\x63\x00\x00\x00"
	  "\x06\x00\x16\x00\x00\x00\x00\x00\x06\x00\x16\x00\xff\xff\x00\x00\x05\x00\x0b\x00"
	  "\x01\x00\x00\x00\x0c\x00\x15\x00\x05\x00\x00\x00\x00\x00\x00\x00\x06\x00\x02\x00"
	  "\x01\x02\x00\x00",
	  "[{nlmsg_len=164, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM"
	  "_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {idiag_family=AF_INET, idia"
	  "g_state=TCP_LISTEN, idiag_timer=1, idiag_retrans=3, id={idiag_sp"
	  "ort=htons(22), idiag_dport=htons(80), idiag_src=inet_addr(\"1.2.3"
	  ".4\"), idiag_dst=inet_addr(\"5.6.7.8\"), idiag_if=if_nametoindex(\"l"
	  "o\"), idiag_cookie=[9, 10]}, idiag_expires=1, idiag_rqueue=2, idi"
	  "ag_wqueue=3, idiag_uid=4, idiag_inode=5}, [[{nla_len=20, nla_typ"
	  "e=INET_DIAG_MEMINFO}, {idiag_rmem=1, idiag_wmem=2, idiag_fmem=3,"
	  " idiag_tmem=4}], [{nla_len=10, nla_type=INET_DIAG_CONG}, \"cubic\""
	  "], [{nla_len=6, nla_type=INET_DIAG_SOCKOPT}, {}], [{nla_len=6, n"
	  "la_type=INET_DIAG_SOCKOPT}, {recverr=1, is_icsk=1, freebind=1, h"
	  "drincl=1, mc_loop=1, transparent=1, mc_all=1, nodefrag=1, bind_a"
	  "ddress_no_port=1, recverr_rfc4884=1, defer_connect=1, unused=0x1"
	  "f /* bits 3..8 */}], [{nla_len=5, nla_type=INET_DIAG_SKV6ONLY}, "
	  "1], [{nla_len=12, nla_type=INET_DIAG_CGROUP_ID}, 5], [{nla_len=6"
	  ", nla_type=INET_DIAG_INFO}, \"\\x01\\x02\"]]]" },
	{ NL_DIAG, "inet_diag_msg IPv6", 88,
	  "\x58\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0a\x01\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00",
	  "[{nlmsg_len=88, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_"
	  "F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {idiag_family=AF_INET6, idia"
	  "g_state=TCP_ESTABLISHED, idiag_timer=0, idiag_retrans=0, id={idi"
	  "ag_sport=htons(0), idiag_dport=htons(0), inet_pton(AF_INET6, \"::"
	  "1\", &idiag_src), inet_pton(AF_INET6, \"::\", &idiag_dst), idiag_if"
	  "=0, idiag_cookie=[0, 0]}, idiag_expires=0, idiag_rqueue=0, idiag"
	  "_wqueue=0, idiag_uid=0, idiag_inode=0}]" },
	{ NL_DIAG, "short inet_diag_msg", 20,
	  "\x14\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x01\x00\x00",
	  "[{nlmsg_len=20, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_"
	  "F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {idiag_family=AF_INET, ...}]" },
	{ NL_DIAG, "NLMSG_DONE", 20,
	  "\x14\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
	  "[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, "
	  "nlmsg_seq=7, nlmsg_pid=0}, 0]" },
	{ NL_DIAG, "a family without a decoder", 72,
	  "\x48\x00\x00\x00\x14\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x2c\x06\x09\x00"
	  "\xff\x1f\x00\x00\x00\x16\x00\x50\x01\x02\x03\x04\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x05\x06\x07\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x01\x00\x00\x00\x09\x00\x00\x00\x0a\x00\x00\x00",
	  "[{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_"
	  "F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {family=AF_XDP,"
	  " data=\"\\x06\\x09\\x00\\xff\\x1f\\x00\\x00\\x00\\x16\\x00\\x50\\x01\\x02\\x03\\"
	  "x04\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x05\\x06\\x07\\"
	  "x08\\x00\"...}]" },
	{ NL_USER, "a protocol without a decoder", 19,
	  "\x13\x00\x00\x00\x14\x00\x01\x00\x07\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03",
	  "[{nlmsg_len=19, nlmsg_type=0x14 /* NLMSG_??? */, nlmsg_flags=NLM"
	  "_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, \"\\x01\\x02\\x03\"]" },
	{ NL_USER, "NLMSG_ERROR too short, other protocol", 20,
	  "\x14\x00\x00\x00\x02\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\xfe\xff\xff\xff",
	  "[{nlmsg_len=20, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq"
	  "=7, nlmsg_pid=0}, \"\\xfe\\xff\\xff\\xff\"]" },
};

/* The second table of tests/netlink_vectors.py (send2/emit2), printed by
 * strace -s 100: nested link attributes, rules, netconf, the sock_diag
 * messages of AF_UNIX, AF_PACKET and AF_NETLINK. */
static const struct vec vecs2[] = {
	{ NL_ROUTE, "IFLA_PROTINFO of AF_INET6: every IFLA_INET6_", 536,
	  "\x18\x02\x00\x00\x10\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0a\x00\x01\x00"
	  "\x01\x00\x00\x00\x43\x00\x01\x00\x00\x00\x00\x00\x07\x00\x03\x00\x6c\x6f\x00\x00"
	  "\xf0\x01\x0c\x00\x08\x00\x01\x00\x70\x00\x00\x80\x14\x00\x05\x00\xff\xff\x00\x00"
	  "\x10\x00\x00\x00\xd4\x84\x00\x00\xe8\x03\x00\x00\x2c\x00\x02\x00\x00\x00\x00\x00"
	  "\x40\x00\x00\x00\xdc\x05\x00\x00\xff\xff\xff\xff\x36\x00\x00\x00\x37\x00\x00\x00"
	  "\x38\x00\x00\x00\x39\x00\x00\x00\x3a\x00\x00\x00\x3b\x00\x00\x00\x34\x01\x03\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00"
	  "\x00\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00\x04\x00\x00\x00\x00\x00\x00\x00"
	  "\x05\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00\x07\x00\x00\x00"
	  "\x00\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x09\x00\x00\x00\x00\x00\x00\x00"
	  "\x0a\x00\x00\x00\x00\x00\x00\x00\x0b\x00\x00\x00\x00\x00\x00\x00\x0c\x00\x00\x00"
	  "\x00\x00\x00\x00\x0d\x00\x00\x00\x00\x00\x00\x00\x0e\x00\x00\x00\x00\x00\x00\x00"
	  "\x0f\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00\x11\x00\x00\x00"
	  "\x00\x00\x00\x00\x12\x00\x00\x00\x00\x00\x00\x00\x13\x00\x00\x00\x00\x00\x00\x00"
	  "\x14\x00\x00\x00\x00\x00\x00\x00\x15\x00\x00\x00\x00\x00\x00\x00\x16\x00\x00\x00"
	  "\x00\x00\x00\x00\x17\x00\x00\x00\x00\x00\x00\x00\x18\x00\x00\x00\x00\x00\x00\x00"
	  "\x19\x00\x00\x00\x00\x00\x00\x00\x1a\x00\x00\x00\x00\x00\x00\x00\x1b\x00\x00\x00"
	  "\x00\x00\x00\x00\x1c\x00\x00\x00\x00\x00\x00\x00\x1d\x00\x00\x00\x00\x00\x00\x00"
	  "\x1e\x00\x00\x00\x00\x00\x00\x00\x1f\x00\x00\x00\x00\x00\x00\x00\x20\x00\x00\x00"
	  "\x00\x00\x00\x00\x21\x00\x00\x00\x00\x00\x00\x00\x22\x00\x00\x00\x00\x00\x00\x00"
	  "\x23\x00\x00\x00\x00\x00\x00\x00\x24\x00\x00\x00\x00\x00\x00\x00\x25\x00\x00\x00"
	  "\x00\x00\x00\x00\x3c\x00\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00"
	  "\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00"
	  "\x04\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x00"
	  "\x00\x00\x00\x00\x14\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x01\x05\x00\x08\x00\x02\x00\x00\x00\x08\x00\x09\x00\x00\x05\x00\x00"
	  "\x06\x00\x04\x00\x01\x02\x00\x00\x08\x00\x0a\x00\x03\x04\x05\x06",
	  "[{nlmsg_len=536, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_MULTI"
	  ", nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_INET6, ifi_type=ARPH"
	  "RD_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP|IFF_B"
	  "ROADCAST|IFF_RUNNING|IFF_LOWER_UP, ifi_change=0}, [[{nla_len=7, "
	  "nla_type=IFLA_IFNAME}, \"lo\"], [{nla_len=496, nla_type=IFLA_PROTI"
	  "NFO}, [[{nla_len=8, nla_type=IFLA_INET6_FLAGS}, IF_RS_SENT|IF_RA"
	  "_RCVD|IF_RA_MANAGED|IF_READY], [{nla_len=20, nla_type=IFLA_INET6"
	  "_CACHEINFO}, {max_reasm_len=65535, tstamp=16, reachable_time=340"
	  "04, retrans_time=1000}], [{nla_len=44, nla_type=IFLA_INET6_CONF}"
	  ", [[DEVCONF_FORWARDING]=0, [DEVCONF_HOPLIMIT]=64, [DEVCONF_MTU6]"
	  "=1500, [DEVCONF_ACCEPT_RA]=-1, [DEVCONF_ACCEPT_REDIRECTS]=54, [D"
	  "EVCONF_AUTOCONF]=55, [DEVCONF_DAD_TRANSMITS]=56, [DEVCONF_RTR_SO"
	  "LICITS]=57, [DEVCONF_RTR_SOLICIT_INTERVAL]=58, [DEVCONF_RTR_SOLI"
	  "CIT_DELAY]=59]], [{nla_len=308, nla_type=IFLA_INET6_STATS}, [[IP"
	  "STATS_MIB_NUM]=0, [IPSTATS_MIB_INPKTS]=1, [IPSTATS_MIB_INOCTETS]"
	  "=2, [IPSTATS_MIB_INDELIVERS]=3, [IPSTATS_MIB_OUTFORWDATAGRAMS]=4"
	  ", [IPSTATS_MIB_OUTPKTS]=5, [IPSTATS_MIB_OUTOCTETS]=6, [IPSTATS_M"
	  "IB_INHDRERRORS]=7, [IPSTATS_MIB_INTOOBIGERRORS]=8, [IPSTATS_MIB_"
	  "INNOROUTES]=9, [IPSTATS_MIB_INADDRERRORS]=10, [IPSTATS_MIB_INUNK"
	  "NOWNPROTOS]=11, [IPSTATS_MIB_INTRUNCATEDPKTS]=12, [IPSTATS_MIB_I"
	  "NDISCARDS]=13, [IPSTATS_MIB_OUTDISCARDS]=14, [IPSTATS_MIB_OUTNOR"
	  "OUTES]=15, [IPSTATS_MIB_REASMTIMEOUT]=16, [IPSTATS_MIB_REASMREQD"
	  "S]=17, [IPSTATS_MIB_REASMOKS]=18, [IPSTATS_MIB_REASMFAILS]=19, ["
	  "IPSTATS_MIB_FRAGOKS]=20, [IPSTATS_MIB_FRAGFAILS]=21, [IPSTATS_MI"
	  "B_FRAGCREATES]=22, [IPSTATS_MIB_INMCASTPKTS]=23, [IPSTATS_MIB_OU"
	  "TMCASTPKTS]=24, [IPSTATS_MIB_INBCASTPKTS]=25, [IPSTATS_MIB_OUTBC"
	  "ASTPKTS]=26, [IPSTATS_MIB_INMCASTOCTETS]=27, [IPSTATS_MIB_OUTMCA"
	  "STOCTETS]=28, [IPSTATS_MIB_INBCASTOCTETS]=29, [IPSTATS_MIB_OUTBC"
	  "ASTOCTETS]=30, [IPSTATS_MIB_CSUMERRORS]=31, [IPSTATS_MIB_NOECTPK"
	  "TS]=32, [IPSTATS_MIB_ECT1PKTS]=33, [IPSTATS_MIB_ECT0PKTS]=34, [I"
	  "PSTATS_MIB_CEPKTS]=35, [IPSTATS_MIB_REASM_OVERLAPS]=36, [37 /* I"
	  "PSTATS_MIB_??? */]=37]], [{nla_len=60, nla_type=IFLA_INET6_ICMP6"
	  "STATS}, [[ICMP6_MIB_NUM]=0, [ICMP6_MIB_INMSGS]=1, [ICMP6_MIB_INE"
	  "RRORS]=2, [ICMP6_MIB_OUTMSGS]=3, [ICMP6_MIB_OUTERRORS]=4, [ICMP6"
	  "_MIB_CSUMERRORS]=5, [6 /* ICMP6_MIB_??? */]=6]], [{nla_len=20, n"
	  "la_type=IFLA_INET6_TOKEN}, inet_pton(AF_INET6, \"::1\")], [{nla_le"
	  "n=5, nla_type=IFLA_INET6_ADDR_GEN_MODE}, IN6_ADDR_GEN_MODE_STABL"
	  "E_PRIVACY], [{nla_len=8, nla_type=IFLA_INET6_RA_MTU}, 1280], [{n"
	  "la_len=6, nla_type=IFLA_INET6_MCAST}, \"\\x01\\x02\"], [{nla_len=8, "
	  "nla_type=0xa /* IFLA_INET6_??? */}, \"\\x03\\x04\\x05\\x06\"]]]]]" },
	{ NL_ROUTE, "IFLA_PROTINFO of AF_INET6: short values", 88,
	  "\x58\x00\x00\x00\x10\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0a\x00\x01\x00"
	  "\x01\x00\x00\x00\x43\x00\x01\x00\x00\x00\x00\x00\x38\x00\x0c\x00\x06\x00\x01\x00"
	  "\x01\x02\x00\x00\x08\x00\x05\x00\x01\x02\x03\x04\x0a\x00\x02\x00\x01\x02\x03\x04"
	  "\x05\x06\x00\x00\x08\x00\x03\x00\x01\x02\x03\x04\x07\x00\x07\x00\x01\x02\x03\x00"
	  "\x05\x00\x08\x00\x07\x00\x00\x00",
	  "[{nlmsg_len=88, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_INET6, ifi_type=ARPHR"
	  "D_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP|IFF_BR"
	  "OADCAST|IFF_RUNNING|IFF_LOWER_UP, ifi_change=0}, [{nla_len=56, n"
	  "la_type=IFLA_PROTINFO}, [[{nla_len=6, nla_type=IFLA_INET6_FLAGS}"
	  ", \"\\x01\\x02\"], [{nla_len=8, nla_type=IFLA_INET6_CACHEINFO}, \"\\x0"
	  "1\\x02\\x03\\x04\"], [{nla_len=10, nla_type=IFLA_INET6_CONF}, [[DEVC"
	  "ONF_FORWARDING]=67305985]], [{nla_len=8, nla_type=IFLA_INET6_STA"
	  "TS}, \"\\x01\\x02\\x03\\x04\"], [{nla_len=7, nla_type=IFLA_INET6_TOKEN"
	  "}, \"\\x01\\x02\\x03\"], [{nla_len=5, nla_type=IFLA_INET6_ADDR_GEN_MO"
	  "DE}, 0x7 /* IN6_ADDR_GEN_MODE_??? */]]]]" },
	{ NL_ROUTE, "IFLA_PROTINFO of AF_UNSPEC: bytes", 44,
	  "\x2c\x00\x00\x00\x10\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00"
	  "\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0c\x00\x0c\x00\x08\x00\x01\x00"
	  "\x01\x02\x03\x04",
	  "[{nlmsg_len=44, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_MULTI,"
	  " nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPH"
	  "RD_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=0, ifi_chang"
	  "e=0}, [{nla_len=12, nla_type=IFLA_PROTINFO}, \"\\x08\\x00\\x01\\x00\\x"
	  "01\\x02\\x03\\x04\"]]" },
	{ NL_ROUTE, "IFLA_AF_SPEC, IFLA_XDP, IFLA_LINKINFO, IFLA_PROP_LIST", 444,
	  "\xbc\x01\x00\x00\x10\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00"
	  "\x01\x00\x00\x00\x43\x10\x01\x00\x00\x00\x00\x00\xc4\x00\x1a\x00\x90\x00\x02\x00"
	  "\x8c\x00\x01\x00\x01\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\x04\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x14\x00\x0a\x00\x08\x00\x01\x00\x00\x00\x00\x80\x05\x00\x08\x00\x00\x00\x00\x00"
	  "\x0c\x00\x07\x00\x06\x00\x01\x00\x01\x02\x00\x00\x08\x00\x1c\x00\x01\x02\x03\x04"
	  "\x05\x00\x63\x00\x01\x00\x00\x00\x54\x00\x2b\x80\x08\x00\x01\x00\xff\xff\xff\xff"
	  "\x05\x00\x02\x00\x01\x00\x00\x00\x08\x00\x03\x00\x1f\x00\x00\x00\x08\x00\x04\x00"
	  "\x07\x00\x00\x00\x08\x00\x05\x00\x08\x00\x00\x00\x08\x00\x06\x00\x09\x00\x00\x00"
	  "\x08\x00\x07\x00\x0a\x00\x00\x00\x08\x00\x08\x00\x03\x00\x00\x00\x06\x00\x02\x00"
	  "\x5c\x39\x00\x00\x05\x00\x09\x00\x01\x00\x00\x00\x38\x00\x12\x00\x09\x00\x01\x00"
	  "\x76\x65\x74\x68\x00\x00\x00\x00\x0c\x00\x02\x00\x08\x00\x01\x00\x01\x02\x03\x04"
	  "\x06\x00\x03\x00\x01\x02\x00\x00\x0b\x00\x04\x00\x62\x72\x69\x64\x67\x65\x00\x00"
	  "\x05\x00\x06\x00\x01\x00\x00\x00\x1c\x00\x34\x80\x09\x00\x35\x00\x61\x6c\x74\x30"
	  "\x00\x00\x00\x00\x09\x00\x35\x00\x61\x6c\x74\x31\x00\x00\x00\x00\x09\x00\x35\x00"
	  "\x61\x6c\x74\x32\x00\x00\x00\x00\x0a\x00\x36\x00\x02\x03\x04\x05\x06\x07\x00\x00"
	  "\x0c\x00\x38\x00\x76\x69\x72\x74\x69\x6f\x30\x00\x0b\x00\x39\x00\x76\x69\x72\x74"
	  "\x69\x6f\x00\x00",
	  "[{nlmsg_len=444, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_MULTI"
	  ", nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARP"
	  "HRD_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP|IFF_"
	  "BROADCAST|IFF_RUNNING|IFF_MULTICAST|IFF_LOWER_UP, ifi_change=0},"
	  " [[{nla_len=196, nla_type=IFLA_AF_SPEC}, [[{nla_len=144, nla_typ"
	  "e=AF_INET}, [{nla_len=140, nla_type=IFLA_INET_CONF}, [[IPV4_DEVC"
	  "ONF_FORWARDING-1]=1, [IPV4_DEVCONF_MC_FORWARDING-1]=0, [IPV4_DEV"
	  "CONF_PROXY_ARP-1]=-1, [IPV4_DEVCONF_ACCEPT_REDIRECTS-1]=4, [IPV4"
	  "_DEVCONF_SECURE_REDIRECTS-1]=0, [IPV4_DEVCONF_SEND_REDIRECTS-1]="
	  "0, [IPV4_DEVCONF_SHARED_MEDIA-1]=0, [IPV4_DEVCONF_RP_FILTER-1]=0"
	  ", [IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE-1]=0, [IPV4_DEVCONF_BOOTP_RE"
	  "LAY-1]=0, [IPV4_DEVCONF_LOG_MARTIANS-1]=0, [IPV4_DEVCONF_TAG-1]="
	  "0, [IPV4_DEVCONF_ARPFILTER-1]=0, [IPV4_DEVCONF_MEDIUM_ID-1]=0, ["
	  "IPV4_DEVCONF_NOXFRM-1]=0, [IPV4_DEVCONF_NOPOLICY-1]=0, [IPV4_DEV"
	  "CONF_FORCE_IGMP_VERSION-1]=0, [IPV4_DEVCONF_ARP_ANNOUNCE-1]=0, ["
	  "IPV4_DEVCONF_ARP_IGNORE-1]=0, [IPV4_DEVCONF_PROMOTE_SECONDARIES-"
	  "1]=0, [IPV4_DEVCONF_ARP_ACCEPT-1]=0, [IPV4_DEVCONF_ARP_NOTIFY-1]"
	  "=0, [IPV4_DEVCONF_ACCEPT_LOCAL-1]=0, [IPV4_DEVCONF_SRC_VMARK-1]="
	  "0, [IPV4_DEVCONF_PROXY_ARP_PVLAN-1]=0, [IPV4_DEVCONF_ROUTE_LOCAL"
	  "NET-1]=0, [IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL-1]=0,"
	  " [IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL-1]=0, [IPV4_DE"
	  "VCONF_IGNORE_ROUTES_WITH_LINKDOWN-1]=0, [IPV4_DEVCONF_DROP_UNICA"
	  "ST_IN_L2_MULTICAST-1]=0, [IPV4_DEVCONF_DROP_GRATUITOUS_ARP-1]=0,"
	  " [IPV4_DEVCONF_BC_FORWARDING-1]=0, [IPV4_DEVCONF_ARP_EVICT_NOCAR"
	  "RIER-1]=0, [33 /* IPV4_DEVCONF_??? */]=0]]], [{nla_len=20, nla_t"
	  "ype=AF_INET6}, [[{nla_len=8, nla_type=IFLA_INET6_FLAGS}, IF_READ"
	  "Y], [{nla_len=5, nla_type=IFLA_INET6_ADDR_GEN_MODE}, IN6_ADDR_GE"
	  "N_MODE_EUI64]]], [{nla_len=12, nla_type=AF_BRIDGE}, \"\\x06\\x00\\x0"
	  "1\\x00\\x01\\x02\\x00\\x00\"], [{nla_len=8, nla_type=AF_MPLS}, \"\\x01\\x"
	  "02\\x03\\x04\"], [{nla_len=5, nla_type=0x63 /* AF_??? */}, \"\\x01\"]]"
	  "], [{nla_len=84, nla_type=NLA_F_NESTED|IFLA_XDP}, [[{nla_len=8, "
	  "nla_type=IFLA_XDP_FD}, -1], [{nla_len=5, nla_type=IFLA_XDP_ATTAC"
	  "HED}, XDP_ATTACHED_DRV], [{nla_len=8, nla_type=IFLA_XDP_FLAGS}, "
	  "XDP_FLAGS_MODES|XDP_FLAGS_UPDATE_IF_NOEXIST|XDP_FLAGS_REPLACE], "
	  "[{nla_len=8, nla_type=IFLA_XDP_PROG_ID}, 7], [{nla_len=8, nla_ty"
	  "pe=IFLA_XDP_DRV_PROG_ID}, 8], [{nla_len=8, nla_type=IFLA_XDP_SKB"
	  "_PROG_ID}, 9], [{nla_len=8, nla_type=IFLA_XDP_HW_PROG_ID}, 10], "
	  "[{nla_len=8, nla_type=IFLA_XDP_EXPECTED_FD}, 3], [{nla_len=6, nl"
	  "a_type=IFLA_XDP_ATTACHED}, 0x5c /* XDP_ATTACHED_??? */], [{nla_l"
	  "en=5, nla_type=0x9 /* IFLA_XDP_??? */}, \"\\x01\"]]], [{nla_len=56,"
	  " nla_type=IFLA_LINKINFO}, [[{nla_len=9, nla_type=IFLA_INFO_KIND}"
	  ", \"veth\"], [{nla_len=12, nla_type=IFLA_INFO_DATA}, \"\\x08\\x00\\x01"
	  "\\x00\\x01\\x02\\x03\\x04\"], [{nla_len=6, nla_type=IFLA_INFO_XSTATS},"
	  " \"\\x01\\x02\"], [{nla_len=11, nla_type=IFLA_INFO_SLAVE_KIND}, \"bri"
	  "dge\"], [{nla_len=5, nla_type=0x6 /* IFLA_INFO_??? */}, \"\\x01\"]]]"
	  ", [{nla_len=28, nla_type=NLA_F_NESTED|IFLA_PROP_LIST}, [[{nla_le"
	  "n=9, nla_type=IFLA_ALT_IFNAME}, \"alt0\"], [{nla_len=9, nla_type=I"
	  "FLA_ALT_IFNAME}, \"alt1\"]]], [{nla_len=9, nla_type=IFLA_ALT_IFNAM"
	  "E}, \"alt2\"], [{nla_len=10, nla_type=IFLA_PERM_ADDRESS}, 02:03:04"
	  ":05:06:07], [{nla_len=12, nla_type=IFLA_PARENT_DEV_NAME}, \"virti"
	  "o0\"], [{nla_len=11, nla_type=IFLA_PARENT_DEV_BUS_NAME}, \"virtio\""
	  "]]]" },
	{ NL_ROUTE, "IFLA_AF_SPEC: IPV4_DEVCONF past the known ones", 196,
	  "\xc4\x00\x00\x00\x10\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00"
	  "\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xa4\x00\x1a\x00\xa0\x00\x02\x00"
	  "\x94\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00"
	  "\x04\x00\x00\x00\x05\x00\x00\x00\x06\x00\x00\x00\x07\x00\x00\x00\x08\x00\x00\x00"
	  "\x09\x00\x00\x00\x0a\x00\x00\x00\x0b\x00\x00\x00\x0c\x00\x00\x00\x0d\x00\x00\x00"
	  "\x0e\x00\x00\x00\x0f\x00\x00\x00\x10\x00\x00\x00\x11\x00\x00\x00\x12\x00\x00\x00"
	  "\x13\x00\x00\x00\x14\x00\x00\x00\x15\x00\x00\x00\x16\x00\x00\x00\x17\x00\x00\x00"
	  "\x18\x00\x00\x00\x19\x00\x00\x00\x1a\x00\x00\x00\x1b\x00\x00\x00\x1c\x00\x00\x00"
	  "\x1d\x00\x00\x00\x1e\x00\x00\x00\x1f\x00\x00\x00\x20\x00\x00\x00\x21\x00\x00\x00"
	  "\x22\x00\x00\x00\x23\x00\x00\x00\x08\x00\x02\x00\x01\x02\x03\x04",
	  "[{nlmsg_len=196, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_MULTI"
	  ", nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARP"
	  "HRD_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=0, ifi_chan"
	  "ge=0}, [{nla_len=164, nla_type=IFLA_AF_SPEC}, [{nla_len=160, nla"
	  "_type=AF_INET}, [[{nla_len=148, nla_type=IFLA_INET_CONF}, [[IPV4"
	  "_DEVCONF_FORWARDING-1]=0, [IPV4_DEVCONF_MC_FORWARDING-1]=1, [IPV"
	  "4_DEVCONF_PROXY_ARP-1]=2, [IPV4_DEVCONF_ACCEPT_REDIRECTS-1]=3, ["
	  "IPV4_DEVCONF_SECURE_REDIRECTS-1]=4, [IPV4_DEVCONF_SEND_REDIRECTS"
	  "-1]=5, [IPV4_DEVCONF_SHARED_MEDIA-1]=6, [IPV4_DEVCONF_RP_FILTER-"
	  "1]=7, [IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE-1]=8, [IPV4_DEVCONF_BOOT"
	  "P_RELAY-1]=9, [IPV4_DEVCONF_LOG_MARTIANS-1]=10, [IPV4_DEVCONF_TA"
	  "G-1]=11, [IPV4_DEVCONF_ARPFILTER-1]=12, [IPV4_DEVCONF_MEDIUM_ID-"
	  "1]=13, [IPV4_DEVCONF_NOXFRM-1]=14, [IPV4_DEVCONF_NOPOLICY-1]=15,"
	  " [IPV4_DEVCONF_FORCE_IGMP_VERSION-1]=16, [IPV4_DEVCONF_ARP_ANNOU"
	  "NCE-1]=17, [IPV4_DEVCONF_ARP_IGNORE-1]=18, [IPV4_DEVCONF_PROMOTE"
	  "_SECONDARIES-1]=19, [IPV4_DEVCONF_ARP_ACCEPT-1]=20, [IPV4_DEVCON"
	  "F_ARP_NOTIFY-1]=21, [IPV4_DEVCONF_ACCEPT_LOCAL-1]=22, [IPV4_DEVC"
	  "ONF_SRC_VMARK-1]=23, [IPV4_DEVCONF_PROXY_ARP_PVLAN-1]=24, [IPV4_"
	  "DEVCONF_ROUTE_LOCALNET-1]=25, [IPV4_DEVCONF_IGMPV2_UNSOLICITED_R"
	  "EPORT_INTERVAL-1]=26, [IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_IN"
	  "TERVAL-1]=27, [IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN-1]=28, ["
	  "IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST-1]=29, [IPV4_DEVCONF_D"
	  "ROP_GRATUITOUS_ARP-1]=30, [IPV4_DEVCONF_BC_FORWARDING-1]=31, [IP"
	  "V4_DEVCONF_ARP_EVICT_NOCARRIER-1]=32, [33 /* IPV4_DEVCONF_??? */"
	  "]=33, [34 /* IPV4_DEVCONF_??? */]=34, [35 /* IPV4_DEVCONF_??? */"
	  "]=35]], [{nla_len=8, nla_type=0x2 /* IFLA_INET_??? */}, \"\\x01\\x0"
	  "2\\x03\\x04\"]]]]]" },
	{ NL_ROUTE, "RTM_NEWROUTE: cacheinfo, pref, encap, via", 200,
	  "\xc8\x00\x00\x00\x18\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0a\x40\x00\x00"
	  "\xfe\x02\x00\x01\x00\x00\x00\x00\x24\x00\x0c\x00\x01\x00\x00\x00\x02\x00\x00\x00"
	  "\xff\xff\xff\xff\x04\x00\x00\x00\x05\x00\x00\x00\x06\x00\x00\x00\x07\x00\x00\x00"
	  "\x08\x00\x00\x00\x05\x00\x14\x00\x01\x00\x00\x00\x05\x00\x14\x00\x07\x00\x00\x00"
	  "\x06\x00\x15\x00\x05\x00\x00\x00\x0c\x00\x16\x00\x08\x00\x01\x00\x01\x02\x03\x04"
	  "\x0a\x00\x12\x00\x02\x00\x0a\x00\x00\x01\x00\x00\x24\x00\x11\x00\x01\x00\x00\x00"
	  "\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00"
	  "\x04\x00\x00\x00\x00\x00\x00\x00\x05\x00\x17\x00\x00\x00\x00\x00\x06\x00\x19\x00"
	  "\x01\x02\x00\x00\x0c\x00\x1a\x00\x01\x02\x03\x04\x05\x06\x07\x08\x08\x00\x0e\x00"
	  "\x01\x02\x03\x04\x08\x00\x0d\x00\x01\x02\x03\x04\x08\x00\x10\x00\x01\x02\x03\x04",
	  "[{nlmsg_len=200, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULT"
	  "I, nlmsg_seq=7, nlmsg_pid=0}, {rtm_family=AF_INET6, rtm_dst_len="
	  "64, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, rtm_proto"
	  "col=RTPROT_KERNEL, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNI"
	  "CAST, rtm_flags=0}, [[{nla_len=36, nla_type=RTA_CACHEINFO}, {rta"
	  "_clntref=1, rta_lastuse=2, rta_expires=4294967295, rta_error=4, "
	  "rta_used=5, rta_id=0x6, rta_ts=7, rta_tsage=8}], [{nla_len=5, nl"
	  "a_type=RTA_PREF}, 1], [{nla_len=5, nla_type=RTA_PREF}, 7], [{nla"
	  "_len=6, nla_type=RTA_ENCAP_TYPE}, LWTUNNEL_ENCAP_SEG6], [{nla_le"
	  "n=12, nla_type=RTA_ENCAP}, \"\\x08\\x00\\x01\\x00\\x01\\x02\\x03\\x04\"], "
	  "[{nla_len=10, nla_type=RTA_VIA}, {rtvia_family=AF_INET, rtvia_ad"
	  "dr=inet_addr(\"10.0.0.1\")}], [{nla_len=36, nla_type=RTA_MFC_STATS"
	  "}, {mfcs_packets=1, mfcs_bytes=2, mfcs_wrong_if=3}], [{nla_len=5"
	  ", nla_type=RTA_EXPIRES}, \"\\x00\"], [{nla_len=6, nla_type=RTA_UID}"
	  ", \"\\x01\\x02\"], [{nla_len=12, nla_type=RTA_TTL_PROPAGATE}, 1], [{"
	  "nla_len=8, nla_type=RTA_MP_ALGO}, 67305985], [{nla_len=8, nla_ty"
	  "pe=RTA_SESSION}, \"\\x01\\x02\\x03\\x04\"], [{nla_len=8, nla_type=RTA_"
	  "MARK}, 67305985]]]" },
	{ NL_ROUTE, "RTM_GETRULE request and RTM_NEWRULE with FRA_", 240,
	  "\x1c\x00\x00\x00\x22\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\xd4\x00\x00\x00\x20\x00\x02\x00\x07\x00\x00\x00"
	  "\x00\x00\x00\x00\x02\x18\x10\x04\xfc\x00\x00\x01\x07\x00\x01\x00\x08\x00\x01\x00"
	  "\x0a\x00\x00\x00\x08\x00\x02\x00\x0a\x01\x00\x00\x09\x00\x03\x00\x65\x74\x68\x30"
	  "\x00\x00\x00\x00\x08\x00\x04\x00\x05\x00\x00\x00\x08\x00\x06\x00\x64\x00\x00\x00"
	  "\x08\x00\x0a\x00\x10\x00\x00\x00\x08\x00\x0b\x00\x03\x00\x00\x00\x0c\x00\x0c\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x09\x08\x00\x0d\x00\x04\x00\x00\x00\x08\x00\x0e\x00"
	  "\xff\xff\xff\xff\x08\x00\x0f\x00\xe8\x03\x00\x00\x08\x00\x10\x00\xff\x00\x00\x00"
	  "\x09\x00\x11\x00\x65\x74\x68\x31\x00\x00\x00\x00\x05\x00\x13\x00\x01\x00\x00\x00"
	  "\x0c\x00\x14\x00\x00\x00\x00\x00\xe8\x03\x00\x00\x05\x00\x15\x00\x02\x00\x00\x00"
	  "\x05\x00\x16\x00\x06\x00\x00\x00\x08\x00\x17\x00\x01\x00\x00\x04\x08\x00\x18\x00"
	  "\x50\x00\x50\x00\x06\x00\x19\x00\x01\x02\x00\x00\x05\x00\x63\x00\x01\x00\x00\x00",
	  "[[{nlmsg_len=28, nlmsg_type=RTM_GETRULE, nlmsg_flags=NLM_F_REQUE"
	  "ST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {family=AF_INET, dst_l"
	  "en=0, src_len=0, tos=0, table=RT_TABLE_UNSPEC, action=FR_ACT_UNS"
	  "PEC, flags=0}], [{nlmsg_len=212, nlmsg_type=RTM_NEWRULE, nlmsg_f"
	  "lags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {family=AF_INET, ds"
	  "t_len=24, src_len=16, tos=IPTOS_RELIABILITY, table=RT_TABLE_COMP"
	  "AT, action=FR_ACT_TO_TBL, flags=FIB_RULE_PERMANENT|FIB_RULE_INVE"
	  "RT|FIB_RULE_UNRESOLVED|FIB_RULE_FIND_SADDR}, [[{nla_len=8, nla_t"
	  "ype=FRA_DST}, inet_addr(\"10.0.0.0\")], [{nla_len=8, nla_type=FRA_"
	  "SRC}, inet_addr(\"10.1.0.0\")], [{nla_len=9, nla_type=FRA_IIFNAME}"
	  ", \"eth0\"], [{nla_len=8, nla_type=FRA_GOTO}, 5], [{nla_len=8, nla"
	  "_type=FRA_PRIORITY}, 100], [{nla_len=8, nla_type=FRA_FWMARK}, 16"
	  "], [{nla_len=8, nla_type=FRA_FLOW}, 3], [{nla_len=12, nla_type=F"
	  "RA_TUN_ID}, htobe64(9)], [{nla_len=8, nla_type=FRA_SUPPRESS_IFGR"
	  "OUP}, 4], [{nla_len=8, nla_type=FRA_SUPPRESS_PREFIXLEN}, 4294967"
	  "295], [{nla_len=8, nla_type=FRA_TABLE}, 0x3e8], [{nla_len=8, nla"
	  "_type=FRA_FWMASK}, 255], [{nla_len=9, nla_type=FRA_OIFNAME}, \"et"
	  "h1\"], [{nla_len=5, nla_type=FRA_L3MDEV}, 1], [{nla_len=12, nla_t"
	  "ype=FRA_UID_RANGE}, {start=0, end=1000}], [{nla_len=5, nla_type="
	  "FRA_PROTOCOL}, RTPROT_KERNEL], [{nla_len=5, nla_type=FRA_IP_PROT"
	  "O}, IPPROTO_TCP], [{nla_len=8, nla_type=FRA_SPORT_RANGE}, {start"
	  "=1, end=1024}], [{nla_len=8, nla_type=FRA_DPORT_RANGE}, {start=8"
	  "0, end=80}], [{nla_len=6, nla_type=0x19 /* FRA_??? */}, \"\\x01\\x0"
	  "2\"], [{nla_len=5, nla_type=0x63 /* FRA_??? */}, \"\\x01\"]]]]" },
	{ NL_ROUTE, "RTM_NEWRULE: unknown action and family", 92,
	  "\x38\x00\x00\x00\x20\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x0a\x00\x00\x00"
	  "\x00\x00\x00\x63\x00\x00\x00\x80\x14\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x05\x00\x14\x00\x01\x00\x00\x00\x24\x00\x00\x00"
	  "\x20\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x06"
	  "\x00\x00\x00\x00\x06\x00\x01\x00\x01\x02\x00\x00",
	  "[[{nlmsg_len=56, nlmsg_type=RTM_NEWRULE, nlmsg_flags=NLM_F_MULTI"
	  ", nlmsg_seq=7, nlmsg_pid=0}, {family=AF_INET6, dst_len=0, src_le"
	  "n=0, tos=0, table=RT_TABLE_UNSPEC, action=0x63 /* FR_ACT_??? */,"
	  " flags=0x80000000 /* FIB_RULE_??? */}, [[{nla_len=20, nla_type=F"
	  "RA_DST}, inet_pton(AF_INET6, \"::\")], [{nla_len=5, nla_type=FRA_U"
	  "ID_RANGE}, \"\\x01\"]]], [{nlmsg_len=36, nlmsg_type=RTM_NEWRULE, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {family=AF_BRI"
	  "DGE, dst_len=0, src_len=0, tos=0, table=RT_TABLE_UNSPEC, action="
	  "FR_ACT_BLACKHOLE, flags=0}, [{nla_len=6, nla_type=FRA_DST}, \"\\x0"
	  "1\\x02\"]]]" },
	{ NL_ROUTE, "RTM_GETNETCONF and RTM_NEWNETCONF", 145,
	  "\x14\x00\x00\x00\x52\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x6c\x00\x00\x00\x50\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00"
	  "\x08\x00\x01\x00\xff\xff\xff\xff\x08\x00\x01\x00\x01\x00\x00\x00\x08\x00\x02\x00"
	  "\x01\x00\x00\x00\x08\x00\x03\x00\x02\x00\x00\x00\x08\x00\x04\x00\xfd\xff\xff\xff"
	  "\x08\x00\x05\x00\x01\x00\x00\x00\x08\x00\x06\x00\x00\x00\x00\x00\x08\x00\x07\x00"
	  "\x01\x00\x00\x00\x08\x00\x08\x00\x01\x00\x00\x00\x08\x00\x09\x00\x01\x00\x00\x00"
	  "\x05\x00\x02\x00\x01\x00\x00\x00\x11\x00\x00\x00\x50\x00\x02\x00\x07\x00\x00\x00"
	  "\x00\x00\x00\x00\x0a",
	  "[[{nlmsg_len=20, nlmsg_type=RTM_GETNETCONF, nlmsg_flags=NLM_F_RE"
	  "QUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {ncm_family=AF_UNSP"
	  "EC}], [{nlmsg_len=108, nlmsg_type=RTM_NEWNETCONF, nlmsg_flags=NL"
	  "M_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {ncm_family=AF_INET}, [[{n"
	  "la_len=8, nla_type=NETCONFA_IFINDEX}, 4294967295], [{nla_len=8, "
	  "nla_type=NETCONFA_IFINDEX}, if_nametoindex(\"lo\")], [{nla_len=8, "
	  "nla_type=NETCONFA_FORWARDING}, 1], [{nla_len=8, nla_type=NETCONF"
	  "A_RP_FILTER}, 2], [{nla_len=8, nla_type=NETCONFA_MC_FORWARDING},"
	  " -3], [{nla_len=8, nla_type=NETCONFA_PROXY_NEIGH}, 1], [{nla_len"
	  "=8, nla_type=NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN}, 0], [{nla_le"
	  "n=8, nla_type=NETCONFA_INPUT}, 1], [{nla_len=8, nla_type=NETCONF"
	  "A_BC_FORWARDING}, 1], [{nla_len=8, nla_type=0x9 /* NETCONFA_??? "
	  "*/}, \"\\x01\\x00\\x00\\x00\"], [{nla_len=5, nla_type=NETCONFA_FORWARD"
	  "ING}, \"\\x01\"]]], [{nlmsg_len=17, nlmsg_type=RTM_NEWNETCONF, nlms"
	  "g_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {ncm_family=AF_I"
	  "NET6}]]" },
	{ NL_DIAG, "unix_diag_req as ss -xl and ss -xa send it", 80,
	  "\x28\x00\x00\x00\x14\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00"
	  "\x80\x04\x00\x00\x00\x00\x00\x00\x15\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x28\x00\x00\x00\x14\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00"
	  "\xff\xff\xff\xff\x05\x00\x00\x00\xff\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00",
	  "[[{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM"
	  "_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {sdiag_family="
	  "AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_CLOSE|1<<TCP_LIST"
	  "EN, udiag_ino=0, udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_PEER|UDIA"
	  "G_SHOW_RQLEN, udiag_cookie=[0, 0]}], [{nlmsg_len=40, nlmsg_type="
	  "SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg"
	  "_seq=7, nlmsg_pid=0}, {sdiag_family=AF_UNIX, sdiag_protocol=0, u"
	  "diag_states=1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT|1<<TCP_SYN_RECV|1"
	  "<<TCP_FIN_WAIT1|1<<TCP_FIN_WAIT2|1<<TCP_TIME_WAIT|1<<TCP_CLOSE|1"
	  "<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|1<<TCP_LISTEN|1<<TCP_CLOSING|1<"
	  "<TCP_NEW_SYN_RECV|0xffffe001, udiag_ino=5, udiag_show=UDIAG_SHOW"
	  "_NAME|UDIAG_SHOW_VFS|UDIAG_SHOW_PEER|UDIAG_SHOW_ICONS|UDIAG_SHOW"
	  "_RQLEN|UDIAG_SHOW_MEMINFO|UDIAG_SHOW_UID|0x80, udiag_cookie=[1, "
	  "2]}]]" },
	{ NL_DIAG, "unix_diag_msg with every UNIX_DIAG_", 188,
	  "\xbc\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x01\x01\x0a\x00"
	  "\xbf\x00\x00\x00\x50\x11\x00\x00\x00\x00\x00\x00\x10\x00\x00\x00\x2f\x72\x75\x6e"
	  "\x2f\x78\x2e\x73\x6f\x63\x6b\x00\x0d\x00\x00\x00\x00\x61\x62\x73\x74\x72\x61\x63"
	  "\x74\x00\x00\x00\x0c\x00\x01\x00\x0c\x00\x00\x00\x22\x00\x00\x00\x08\x00\x02\x00"
	  "\xbe\x00\x00\x00\x10\x00\x03\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00"
	  "\x0c\x00\x04\x00\x05\x00\x00\x00\x06\x00\x00\x00\x2c\x00\x05\x00\x00\x00\x00\x00"
	  "\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00\x05\x00\x00\x00"
	  "\x06\x00\x00\x00\x07\x00\x00\x00\x08\x00\x00\x00\x09\x00\x00\x00\x05\x00\x06\x00"
	  "\x03\x00\x00\x00\x08\x00\x07\x00\xe8\x03\x00\x00\x05\x00\x08\x00\x01\x00\x00\x00"
	  "\x06\x00\x04\x00\x01\x02\x00\x00",
	  "[{nlmsg_len=188, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM"
	  "_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {udiag_family=AF_UNIX, udia"
	  "g_type=SOCK_STREAM, udiag_state=TCP_LISTEN, udiag_ino=191, udiag"
	  "_cookie=[4432, 0]}, [[{nla_len=16, nla_type=UNIX_DIAG_NAME}, \"/r"
	  "un/x.sock\"], [{nla_len=13, nla_type=UNIX_DIAG_NAME}, \"\\0abstract"
	  "\"...], [{nla_len=12, nla_type=UNIX_DIAG_VFS}, {udiag_vfs_dev=mak"
	  "edev(0, 0x22), udiag_vfs_ino=12}], [{nla_len=8, nla_type=UNIX_DI"
	  "AG_PEER}, 190], [{nla_len=16, nla_type=UNIX_DIAG_ICONS}, [1, 2, "
	  "3]], [{nla_len=12, nla_type=UNIX_DIAG_RQLEN}, {udiag_rqueue=5, u"
	  "diag_wqueue=6}], [{nla_len=44, nla_type=UNIX_DIAG_MEMINFO}, [[SK"
	  "_MEMINFO_RMEM_ALLOC]=0, [SK_MEMINFO_RCVBUF]=1, [SK_MEMINFO_WMEM_"
	  "ALLOC]=2, [SK_MEMINFO_SNDBUF]=3, [SK_MEMINFO_FWD_ALLOC]=4, [SK_M"
	  "EMINFO_WMEM_QUEUED]=5, [SK_MEMINFO_OPTMEM]=6, [SK_MEMINFO_BACKLO"
	  "G]=7, [SK_MEMINFO_DROPS]=8, [9 /* SK_MEMINFO_??? */]=9]], [{nla_"
	  "len=5, nla_type=UNIX_DIAG_SHUTDOWN}, 3], [{nla_len=8, nla_type=U"
	  "NIX_DIAG_UID}, 1000], [{nla_len=5, nla_type=0x8 /* UNIX_DIAG_???"
	  " */}, \"\\x01\"], [{nla_len=6, nla_type=UNIX_DIAG_RQLEN}, \"\\x01\\x02"
	  "\"]]]" },
	{ NL_DIAG, "unix_diag_msg: types and states", 84,
	  "\x20\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x01\x02\x07\x00"
	  "\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x20\x00\x00\x00\x14\x00\x02\x00"
	  "\x07\x00\x00\x00\x00\x00\x00\x00\x01\x05\x63\x00\x01\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x14\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00"
	  "\x01\x01\x01\x00",
	  "[[{nlmsg_len=32, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM"
	  "_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {udiag_family=AF_UNIX, udia"
	  "g_type=SOCK_DGRAM, udiag_state=TCP_CLOSE, udiag_ino=1, udiag_coo"
	  "kie=[0, 0]}], [{nlmsg_len=32, nlmsg_type=SOCK_DIAG_BY_FAMILY, nl"
	  "msg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {udiag_family="
	  "AF_UNIX, udiag_type=SOCK_SEQPACKET, udiag_state=0x63 /* TCP_??? "
	  "*/, udiag_ino=1, udiag_cookie=[0, 0]}], [{nlmsg_len=20, nlmsg_ty"
	  "pe=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nl"
	  "msg_pid=0}, {udiag_family=AF_UNIX, ...}]]" },
	{ NL_DIAG, "packet_diag_req as ss -0 sends it", 72,
	  "\x24\x00\x00\x00\x14\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x11\x00\x00\x00"
	  "\x00\x00\x00\x00\x3d\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x24\x00\x00\x00"
	  "\x14\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x11\x03\x00\x00\x07\x00\x00\x00"
	  "\xff\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00",
	  "[[{nlmsg_len=36, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM"
	  "_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {sdiag_family="
	  "AF_PACKET, sdiag_protocol=0, pdiag_ino=0, pdiag_show=PACKET_SHOW"
	  "_INFO|PACKET_SHOW_RING_CFG|PACKET_SHOW_FANOUT|PACKET_SHOW_MEMINF"
	  "O|PACKET_SHOW_FILTER, pdiag_cookie=[0, 0]}], [{nlmsg_len=36, nlm"
	  "sg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUM"
	  "P, nlmsg_seq=7, nlmsg_pid=0}, {sdiag_family=AF_PACKET, sdiag_pro"
	  "tocol=0x3, pdiag_ino=7, pdiag_show=PACKET_SHOW_INFO|PACKET_SHOW_"
	  "MCLIST|PACKET_SHOW_RING_CFG|PACKET_SHOW_FANOUT|PACKET_SHOW_MEMIN"
	  "FO|PACKET_SHOW_FILTER|0xc0, pdiag_cookie=[1, 2]}]]" },
	{ NL_DIAG, "packet_diag_msg with every PACKET_DIAG_", 236,
	  "\xec\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x11\x03\x00\x03"
	  "\x4d\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x01\x00\x00\x00"
	  "\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x1f\x00\x00\x00"
	  "\x30\x00\x01\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x06\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\x20\x00\x02\x00\x00\x10\x00\x00\x01\x00\x00\x00"
	  "\x00\x08\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x20\x00\x03\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00"
	  "\x05\x00\x00\x00\x06\x00\x00\x00\x07\x00\x00\x00\x08\x00\x04\x00\x05\x00\x01\x00"
	  "\x08\x00\x05\x00\xe8\x03\x00\x00\x28\x00\x06\x00\x00\x00\x00\x00\x01\x00\x00\x00"
	  "\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00\x05\x00\x00\x00\x06\x00\x00\x00"
	  "\x07\x00\x00\x00\x08\x00\x00\x00\x05\x00\x08\x00\x01\x00\x00\x00",
	  "[{nlmsg_len=236, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM"
	  "_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {pdiag_family=AF_PACKET, pd"
	  "iag_type=SOCK_RAW, pdiag_num=0x300 /* ETH_P_??? */, pdiag_ino=77"
	  ", pdiag_cookie=[1, 0]}, [[{nla_len=28, nla_type=PACKET_DIAG_INFO"
	  "}, {pdi_index=if_nametoindex(\"lo\"), pdi_version=TPACKET_V3, pdi_"
	  "reserve=0, pdi_copy_thresh=0, pdi_tstamp=0, pdi_flags=PDI_RUNNIN"
	  "G|PDI_AUXDATA|PDI_ORIGDEV|PDI_VNETHDR|PDI_LOSS}], [{nla_len=48, "
	  "nla_type=PACKET_DIAG_MCLIST}, [{pdmc_index=if_nametoindex(\"lo\"),"
	  " pdmc_count=1, pdmc_type=0, pdmc_alen=6, pdmc_addr=\"\\x00\\x00\\x00"
	  "\\x00\\x00\\x00\"}]], [{nla_len=32, nla_type=PACKET_DIAG_RX_RING}, {"
	  "pdr_block_size=4096, pdr_block_nr=1, pdr_frame_size=2048, pdr_fr"
	  "ame_nr=2, pdr_retire_tmo=0, pdr_sizeof_priv=0, pdr_features=0}],"
	  " [{nla_len=32, nla_type=PACKET_DIAG_TX_RING}, {pdr_block_size=1,"
	  " pdr_block_nr=2, pdr_frame_size=3, pdr_frame_nr=4, pdr_retire_tm"
	  "o=5, pdr_sizeof_priv=6, pdr_features=7}], [{nla_len=8, nla_type="
	  "PACKET_DIAG_FANOUT}, 65541], [{nla_len=8, nla_type=PACKET_DIAG_U"
	  "ID}, 1000], [{nla_len=40, nla_type=PACKET_DIAG_MEMINFO}, [[SK_ME"
	  "MINFO_RMEM_ALLOC]=0, [SK_MEMINFO_RCVBUF]=1, [SK_MEMINFO_WMEM_ALL"
	  "OC]=2, [SK_MEMINFO_SNDBUF]=3, [SK_MEMINFO_FWD_ALLOC]=4, [SK_MEMI"
	  "NFO_WMEM_QUEUED]=5, [SK_MEMINFO_OPTMEM]=6, [SK_MEMINFO_BACKLOG]="
	  "7, [SK_MEMINFO_DROPS]=8]], [{nla_len=5, nla_type=0x8 /* PACKET_D"
	  "IAG_??? */}, \"\\x01\"]]]" },
	{ NL_DIAG, "netlink_diag_req and netlink_diag_msg", 208,
	  "\x24\x00\x00\x00\x14\x00\x01\x03\x07\x00\x00\x00\x00\x00\x00\x00\x10\xff\x00\x00"
	  "\x00\x00\x00\x00\x1f\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xac\x00\x00\x00"
	  "\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x10\x03\x00\x07\x7b\x00\x00\x00"
	  "\x00\x00\x00\x00\x00\x00\x00\x00\xd7\x11\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00"
	  "\x28\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00"
	  "\x04\x00\x00\x00\x05\x00\x00\x00\x06\x00\x00\x00\x07\x00\x00\x00\x08\x00\x00\x00"
	  "\x28\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00"
	  "\x04\x00\x00\x00\x05\x00\x00\x00\x06\x00\x00\x00\x07\x00\x00\x00\x08\x00\x00\x00"
	  "\x0c\x00\x02\x00\x11\x00\x00\x00\x00\x00\x00\x00\x14\x00\x03\x00\x01\x00\x00\x00"
	  "\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00\x08\x00\x04\x00\x7f\x00\x00\x00"
	  "\x08\x00\x05\x00\x3f\x00\x00\x00",
	  "[[{nlmsg_len=36, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM"
	  "_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {sdiag_family="
	  "AF_NETLINK, sdiag_protocol=NDIAG_PROTO_ALL, ndiag_ino=0, ndiag_s"
	  "how=NDIAG_SHOW_MEMINFO|NDIAG_SHOW_GROUPS|NDIAG_SHOW_RING_CFG|NDI"
	  "AG_SHOW_FLAGS|0x10, ndiag_cookie=[4294967295, 4294967295]}], [{n"
	  "lmsg_len=172, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_"
	  "MULTI, nlmsg_seq=7, nlmsg_pid=0}, {ndiag_family=AF_NETLINK, ndia"
	  "g_type=SOCK_RAW, ndiag_protocol=NETLINK_ROUTE, ndiag_state=TCP_C"
	  "LOSE, ndiag_portid=123, ndiag_dst_portid=0, ndiag_dst_group=0, n"
	  "diag_ino=4567, ndiag_cookie=[1, 2]}, [[{nla_len=40, nla_type=NET"
	  "LINK_DIAG_MEMINFO}, [[SK_MEMINFO_RMEM_ALLOC]=0, [SK_MEMINFO_RCVB"
	  "UF]=1, [SK_MEMINFO_WMEM_ALLOC]=2, [SK_MEMINFO_SNDBUF]=3, [SK_MEM"
	  "INFO_FWD_ALLOC]=4, [SK_MEMINFO_WMEM_QUEUED]=5, [SK_MEMINFO_OPTME"
	  "M]=6, [SK_MEMINFO_BACKLOG]=7, [SK_MEMINFO_DROPS]=8]], [{nla_len="
	  "40, nla_type=NETLINK_DIAG_GROUPS}, [0x00000100000000, 0x00000300"
	  "000002, 0x00000500000004, 0x00000700000006]], [{nla_len=12, nla_"
	  "type=NETLINK_DIAG_RX_RING}, \"\\x11\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"],"
	  " [{nla_len=20, nla_type=NETLINK_DIAG_TX_RING}, {ndr_block_size=1"
	  ", ndr_block_nr=2, ndr_frame_size=3, ndr_frame_nr=4}], [{nla_len="
	  "8, nla_type=NETLINK_DIAG_FLAGS}, NDIAG_FLAG_CB_RUNNING|NDIAG_FLA"
	  "G_PKTINFO|NDIAG_FLAG_BROADCAST_ERROR|NDIAG_FLAG_NO_ENOBUFS|NDIAG"
	  "_FLAG_LISTEN_ALL_NSID|NDIAG_FLAG_CAP_ACK|0x40], [{nla_len=8, nla"
	  "_type=0x5 /* NETLINK_DIAG_??? */}, \"\\x3f\\x00\\x00\\x00\"]]]]" },
	{ NL_DIAG, "inet_diag_msg: skmeminfo, info, vegas, dctcp, bbr", 220,
	  "\xdc\x00\x00\x00\x14\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00\x02\x0a\x01\x03"
	  "\x00\x16\x00\x50\x01\x02\x03\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x05\x06\x07\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00"
	  "\x09\x00\x00\x00\x0a\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00"
	  "\x04\x00\x00\x00\x05\x00\x00\x00\x28\x00\x07\x00\x00\x00\x00\x00\x01\x00\x00\x00"
	  "\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00\x05\x00\x00\x00\x06\x00\x00\x00"
	  "\x07\x00\x00\x00\x08\x00\x00\x00\x0c\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	  "\x14\x00\x03\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00"
	  "\x14\x00\x09\x00\x01\x00\x02\x00\x03\x00\x00\x00\x04\x00\x00\x00\x05\x00\x00\x00"
	  "\x18\x00\x10\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00"
	  "\x05\x00\x00\x00\x05\x00\x0d\x00\x01\x00\x00\x00\x08\x00\x0e\x00\x02\x00\x00\x00",
	  "[{nlmsg_len=220, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM"
	  "_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, {idiag_family=AF_INET, idia"
	  "g_state=TCP_LISTEN, idiag_timer=1, idiag_retrans=3, id={idiag_sp"
	  "ort=htons(22), idiag_dport=htons(80), idiag_src=inet_addr(\"1.2.3"
	  ".4\"), idiag_dst=inet_addr(\"5.6.7.8\"), idiag_if=if_nametoindex(\"l"
	  "o\"), idiag_cookie=[9, 10]}, idiag_expires=1, idiag_rqueue=2, idi"
	  "ag_wqueue=3, idiag_uid=4, idiag_inode=5}, [[{nla_len=40, nla_typ"
	  "e=INET_DIAG_SKMEMINFO}, [[SK_MEMINFO_RMEM_ALLOC]=0, [SK_MEMINFO_"
	  "RCVBUF]=1, [SK_MEMINFO_WMEM_ALLOC]=2, [SK_MEMINFO_SNDBUF]=3, [SK"
	  "_MEMINFO_FWD_ALLOC]=4, [SK_MEMINFO_WMEM_QUEUED]=5, [SK_MEMINFO_O"
	  "PTMEM]=6, [SK_MEMINFO_BACKLOG]=7, [SK_MEMINFO_DROPS]=8]], [{nla_"
	  "len=12, nla_type=INET_DIAG_INFO}, \"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\"
	  "x00\"], [{nla_len=20, nla_type=INET_DIAG_VEGASINFO}, {tcpv_enable"
	  "d=1, tcpv_rttcnt=2, tcpv_rtt=3, tcpv_minrtt=4}], [{nla_len=20, n"
	  "la_type=INET_DIAG_DCTCPINFO}, {dctcp_enabled=1, dctcp_ce_state=2"
	  ", dctcp_alpha=3, dctcp_ab_ecn=4, dctcp_ab_tot=5}], [{nla_len=24,"
	  " nla_type=INET_DIAG_BBRINFO}, {bbr_bw_lo=0x1, bbr_bw_hi=0x2, bbr"
	  "_min_rtt=3, bbr_pacing_gain=4, bbr_cwnd_gain=5}], [{nla_len=5, n"
	  "la_type=INET_DIAG_PEERS}, \"\\x01\"], [{nla_len=8, nla_type=INET_DI"
	  "AG_PAD}, \"\\x02\\x00\\x00\\x00\"]]]" },

};

static void check_vectors(const struct vec *v, size_t n, unsigned strsize)
{
	struct rn_decode_opts o = { .strsize = strsize };
	struct rn_strbuf sb;
	size_t i;

	rn_sb_init(&sb);
	for (i = 0; i < n; i++) {
		rn_sb_reset(&sb);
		rn_netlink_text(&sb, v[i].bytes, v[i].len, v[i].proto, &o);
		if (strcmp(sb.buf, v[i].text) != 0)
			fail_msg("%s:\n got  %s\n want %s", v[i].what, sb.buf, v[i].text);
	}
	rn_sb_release(&sb);
}

/* Every prefix of each new vector, and each with one byte at a time set to
 * 0x00, 0xff and 0x80: the text stays printable ASCII, and the decoders stay
 * in the exactly sized copy (ASan checks the bounds in make asan). */
static void check_printable(const char *what, const struct rn_strbuf *sb)
{
	size_t i;

	for (i = 0; i < sb->len; i++)
		if ((unsigned char)sb->buf[i] < 0x20 || (unsigned char)sb->buf[i] > 0x7e)
			fail_msg("%s: byte %#x at %zu", what, (unsigned char)sb->buf[i], i);
}

static void hostile_one(const struct vec *v, struct rn_strbuf *sb,
			const struct rn_decode_opts *o)
{
	static const unsigned char pokes[] = { 0x00, 0xff, 0x80 };
	size_t n, i, k;

	for (n = 0; n <= v->len; n++) {
		unsigned char *b = malloc(n ? n : 1);

		assert_non_null(b);
		memcpy(b, v->bytes, n);
		rn_sb_reset(sb);
		rn_netlink_text(sb, b, n, v->proto, o);
		check_printable(v->what, sb);
		for (i = 0; n == v->len && i < n; i++) {
			for (k = 0; k < sizeof(pokes); k++) {
				unsigned char was = b[i];

				b[i] = pokes[k];
				rn_sb_reset(sb);
				rn_netlink_text(sb, b, n, v->proto, o);
				check_printable(v->what, sb);
				b[i] = was;
			}
		}
		free(b);
	}
}

static void test_hostile(void **state)
{
	struct rn_decode_opts o = { .strsize = 32 };
	struct rn_strbuf sb;
	size_t i;

	(void)state;
	rn_sb_init(&sb);
	for (i = 0; i < sizeof(vecs2) / sizeof(vecs2[0]); i++)
		hostile_one(&vecs2[i], &sb, &o);
	o.verbose = true;
	for (i = 0; i < sizeof(vecs2) / sizeof(vecs2[0]); i++)
		hostile_one(&vecs2[i], &sb, &o);
	rn_sb_release(&sb);
}

static void test_vectors2(void **state)
{
	(void)state;
	check_vectors(vecs2, sizeof(vecs2) / sizeof(vecs2[0]), 100);
}

static void test_vectors(void **state)
{
	struct rn_decode_opts o = { .strsize = 32 };
	struct rn_strbuf sb;
	size_t i;

	(void)state;
	rn_sb_init(&sb);
	for (i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++) {
		rn_sb_reset(&sb);
		rn_netlink_text(&sb, vecs[i].bytes, vecs[i].len, vecs[i].proto, &o);
		if (strcmp(sb.buf, vecs[i].text) != 0)
			fail_msg("%s:\n got  %s\n want %s", vecs[i].what, sb.buf, vecs[i].text);
	}
	rn_sb_release(&sb);
}

/* -v: no array is cut; -s 4: strings and bytes are. */
static void test_options(void **state)
{
	struct rn_decode_opts o = { .strsize = 4, .verbose = true };
	struct rn_strbuf sb;
	char buf[40 * 20];
	int i, n = 0;

	(void)state;
	for (i = 0; i < 40; i++) {
		struct nlmsghdr h = { .nlmsg_len = 20, .nlmsg_type = NLMSG_DONE };

		memcpy(buf + i * 20, &h, sizeof(h));
		memcpy(buf + i * 20 + 16, &i, 4);
	}
	rn_sb_init(&sb);
	rn_netlink_text(&sb, buf, sizeof(buf), NETLINK_ROUTE, &o);
	for (i = 0; sb.buf[i]; i++)
		n += sb.buf[i] == '{';
	assert_int_equal(n, 40);
	assert_null(strstr(sb.buf, "..."));
	rn_sb_reset(&sb);
	rn_netlink_text(&sb, "\x18\x00\x00\x00\x03\x00\x02\x00\x07\x00\x00\x00\x00\x00\x00\x00"
			"abcdefgh", 24, NETLINK_ROUTE, &o);
	assert_string_equal(sb.buf, "[{nlmsg_len=24, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, "
			    "nlmsg_seq=7, nlmsg_pid=0}, \"\\x61\\x62\\x63\\x64\"...]");
	rn_sb_release(&sb);
}

/* ---- records of this process's own sockets ---- */

#define P_BUF 0x10000
#define P_MSG 0x20000
#define P_IOV 0x30000

static struct rn_event ev;

static void ev_syscall(int nr, __s64 ret, int fd, __u64 a1, __u64 a2, __u64 a3)
{
	memset(&ev, 0, RN_EVENT_HDR_SIZE);
	ev.type = RN_EV_SYSCALL;
	ev.tid = ev.tgid = (__u32)getpid();
	ev.sc.nr = nr;
	ev.sc.ret = ret;
	ev.sc.args[0] = (__u64)fd;
	ev.sc.args[1] = a1;
	ev.sc.args[2] = a2;
	ev.sc.args[3] = a3;
}

static void ev_region(__u64 addr, const void *p, __u32 len, __u16 flags)
{
	struct rn_region r = { .addr = addr, .len = len, .flags = flags };
	__u32 off = ev.sc.payload_len;

	assert_true(off + sizeof(r) + RN_REGION_ALIGN(len) <= RN_PAYLOAD_MAX);
	memcpy(ev.payload + off, &r, sizeof(r));
	memcpy(ev.payload + off + sizeof(r), p, len);
	ev.sc.payload_len = off + sizeof(r) + RN_REGION_ALIGN(len);
}

static long no_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	(void)ctx, (void)tid, (void)addr, (void)buf, (void)len;
	return -EFAULT;
}

/* The live task is this process: its descriptors' real paths. */
static long self_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	char p[64];
	ssize_t n;

	(void)ctx;
	snprintf(p, sizeof(p), "/proc/%u/fd/%d", tgid, fd);
	n = readlink(p, buf, len - 1);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return n;
}

static const struct rn_memsrc self = { .read = no_read, .fdpath = self_fdpath };

static const char *decode(const struct rn_decode_opts *o)
{
	static struct rn_decoded d;
	static struct rn_strbuf line;	/* kept (reachable) between calls */
	static bool line_made;
	int i;

	rn_decoded_init(&d);
	if (!line_made) {
		rn_sb_init(&line);
		line_made = true;
	}
	rn_decode_syscall(&ev, &self, o, &d);
	rn_sb_reset(&line);
	rn_sb_printf(&line, "%s(", d.name);
	for (i = 0; i < d.nargs; i++)
		rn_sb_printf(&line, "%s%s", i ? ", " : "", d.arg[i].buf);
	rn_sb_printf(&line, ") = %s", d.ret.buf);
	rn_decoded_release(&d);
	return line.buf;
}

static int nl_socket(int proto, bool bound)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, proto);

	if (fd < 0)
		skip();	/* no netlink here: nothing to decode against */
	if (bound)
		assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	return fd;
}

static const char done_msg[20] = "\x14\x00\x00\x00\x03\x00\x02\x00\x09\x00\x00\x00\x00\x00\x00\x00";
#define DONE_TEXT "{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, " \
	"nlmsg_seq=9, nlmsg_pid=0}"

static void test_sendto_by_protocol(void **state)
{
	struct rn_decode_opts o = { .strsize = 32 };
	int route = nl_socket(NETLINK_ROUTE, true), fresh = nl_socket(NETLINK_ROUTE, false);
	int p[2];
	char want[512];

	(void)state;
	assert_int_equal(pipe(p), 0);
	ev_syscall(__NR_sendto, 20, route, P_BUF, 20, 0);
	ev_region(P_BUF, done_msg, 20, 0);
	snprintf(want, sizeof(want), "sendto(%d, [" DONE_TEXT ", 0], 20, 0, NULL, 0) = 20", route);
	assert_string_equal(decode(&o), want);
	/* not bound yet: a netlink socket of no known protocol, as strace sees it */
	ev.sc.args[0] = (__u64)fresh;
	snprintf(want, sizeof(want), "sendto(%d, [" DONE_TEXT ", 0], 20, 0, NULL, 0) = 20", fresh);
	assert_string_equal(decode(&o), want);
	ev.sc.nr = __NR_recvfrom;	/* a received buffer: the bytes the call returned */
	ev_region(P_BUF, done_msg, 20, RN_REG_EXIT);
	snprintf(want, sizeof(want), "recvfrom(%d, [" DONE_TEXT ", 0], 20, 0, NULL, NULL) = 20",
		 fresh);
	assert_string_equal(decode(&o), want);
	/* no netlink socket: the bytes */
	ev_syscall(__NR_sendto, 20, p[1], P_BUF, 20, 0);
	ev_region(P_BUF, done_msg, 20, 0);
	snprintf(want, sizeof(want), "sendto(%d, \"\\24\\0\\0\\0\\3\\0\\2\\0\\t\\0\\0\\0\\0\\0\\0\\0"
		 "\\0\\0\\0\\0\", 20, 0, NULL, 0) = 20", p[1]);
	assert_string_equal(decode(&o), want);
	/* outside -e verbose=: the bytes too */
	ev.sc.args[0] = (__u64)route;
	o.terse = true;
	assert_non_null(strstr(decode(&o), "sendto(") );
	assert_null(strstr(decode(&o), "nlmsg_len"));
	close(p[0]);
	close(p[1]);
	close(route);
	close(fresh);
}

/* recvmsg: the first iovec holds the message, shown up to the bytes returned. */
static void test_recvmsg_iov(void **state)
{
	struct rn_decode_opts o = { .strsize = 32 };
	int fd = nl_socket(NETLINK_SOCK_DIAG, true);
	struct {
		__u64 name;
		__u32 namelen, pad;
		__u64 iov, iovlen, control, controllen;
		__s32 flags, pad2;
	} m = { .iov = P_IOV, .iovlen = 1 };
	__u64 iov[2] = { P_BUF, 32768 };
	char want[512];

	(void)state;
	ev_syscall(__NR_recvmsg, 20, fd, P_MSG, 0, 0);
	ev_region(P_MSG, &m, sizeof(m), RN_REG_EXIT);
	ev_region(P_IOV, iov, sizeof(iov), RN_REG_EXIT);
	ev_region(P_BUF, done_msg, 20, RN_REG_EXIT);
	snprintf(want, sizeof(want), "recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=["
		 DONE_TEXT ", 0], iov_len=32768}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0)"
		 " = 20", fd);
	assert_string_equal(decode(&o), want);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_vectors2),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_sendto_by_protocol),
		cmocka_unit_test(test_recvmsg_iov),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
