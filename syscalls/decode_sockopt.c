// SPDX-License-Identifier: MIT
/*
 * setsockopt and getsockopt as strace 6.1 prints them: the level and option
 * names from the tables of xlat_sockopt.c, then the value by the option's
 * format (enum rn_sov). setsockopt shows its input at entry; getsockopt the
 * bytes the kernel returned and "[in => out]" lengths. A structure shorter
 * than its type prints as its address when set, field by field (the last
 * one cut as hex bytes) when returned. Outside -e verbose= both print
 * addresses only.
 */
#include "decode_int.h"
#include "netlink_int.h"
#include "sockopt_int.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "gen/decoders.h"

/* BPF_MAXINSNS: strace shows no more instructions of a filter */
#define SO_BPF_MAX 4096

/* The fd, the level and the option's name; sol is NULL for a level strace
 * has no option names for (the option prints as a number). */
static const struct rn_sol *sockopt_head(struct dctx *c, bool get)
{
	__u32 level = (__u32)RAW(c, 1), opt = (__u32)RAW(c, 2);
	const struct rn_sol *sol = rn_sol_find(level);
	const char *name = rn_xlat_name(rn_xl_sol_levels, level);

	dc_fd(c, 0);
	if (name)
		rn_sb_puts(ARG(c, 1), name);
	else
		rn_sb_printf(ARG(c, 1), "%#x /* SOL_?? */", level);	/* sic: two */
	if (!sol)
		rn_sb_put_udec(ARG(c, 2), opt);
	else
		rn_xlat_enum_unk(ARG(c, 2), get && sol->get_names ? sol->get_names : sol->names,
				 opt, sol->pfx);
	return sol;
}

static void pr_hex_bytes(struct rn_strbuf *sb, const void *p, size_t n)
{
	rn_sb_putc(sb, '"');
	rn_escape_hex(sb, p, n);
	rn_sb_putc(sb, '"');
}

static const struct rn_xlat so_txrehash[] = {
	XLAT_PAIR(0, "SOCK_TXREHASH_DISABLED"), XLAT_PAIR(1, "SOCK_TXREHASH_ENABLED"),
	XLAT_PAIR(255, "SOCK_TXREHASH_DEFAULT"), XLAT_END,
};

/* [42], [SOCK_TXREHASH_ENABLED], [ECONNREFUSED] */
static void pr_int_val(struct rn_strbuf *sb, int v, enum rn_sov f)
{
	const char *s = NULL;

	if (f == SOV_TXREHASH)
		s = rn_xlat_name(so_txrehash, (__u64)(__s64)v);
	else if (f == SOV_ERRNO && v > 0)
		s = rn_errno_name(v);
	rn_sb_putc(sb, '[');
	if (s)
		rn_sb_puts(sb, s);
	else if (f == SOV_TXREHASH)
		rn_sb_printf(sb, "%d /* SOCK_TXREHASH_??? */", v);
	else
		rn_sb_put_dec(sb, v);
	rn_sb_putc(sb, ']');
}

static void pr_optint_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out,
			 enum rn_sov f)
{
	int v;

	if (dc_read(c, addr, &v, sizeof(v), out) < 0)
		pr_ptr(sb, addr);
	else
		pr_int_val(sb, v, f);
}

static void pr_linger(struct rn_strbuf *sb, const __u8 *p)
{
	int l[2];

	memcpy(l, p, sizeof(l));
	rn_sb_printf(sb, "{l_onoff=%d, l_linger=%d}", l[0], l[1]);
}

static void pr_ip_mreq(struct rn_strbuf *sb, const __u8 *m)
{
	char a[INET_ADDRSTRLEN], b[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, m, a, sizeof(a));
	inet_ntop(AF_INET, m + 4, b, sizeof(b));
	rn_sb_puts(sb, "{imr_multiaddr=inet_addr(");
	pr_quoted(sb, a, strlen(a), false);	/* quoted as any string: in hex under -xx */
	rn_sb_puts(sb, "), imr_interface=inet_addr(");
	pr_quoted(sb, b, strlen(b), false);
	rn_sb_puts(sb, ")}");
}

static void pr_ipv6_mreq(struct rn_strbuf *sb, const __u8 *m)
{
	char a[INET6_ADDRSTRLEN];
	__u32 idx;

	inet_ntop(AF_INET6, m, a, sizeof(a));
	memcpy(&idx, m + 16, sizeof(idx));
	rn_sb_puts(sb, "{inet_pton(AF_INET6, ");
	pr_quoted(sb, a, strlen(a), false);
	rn_sb_puts(sb, ", &ipv6mr_multiaddr), ipv6mr_interface=");
	nl_ifindex(sb, idx);	/* if_nametoindex("lo") where named */
	rn_sb_putc(sb, '}');
}

/* struct group_req: the interface, padding, a sockaddr_storage */
static void pr_group_req(struct rn_strbuf *sb, const __u8 *g)
{
	__u32 idx;

	memcpy(&idx, g, sizeof(idx));
	rn_sb_puts(sb, "{gr_interface=");
	nl_ifindex(sb, idx);
	rn_sb_puts(sb, ", gr_group=");
	pr_sockaddr(sb, g + 8, 128);
	rn_sb_putc(sb, '}');
}

static const struct rn_xlat so_packet_mr[] = {
	XLAT_PAIR(0, "PACKET_MR_MULTICAST"), XLAT_PAIR(1, "PACKET_MR_PROMISC"),
	XLAT_PAIR(2, "PACKET_MR_ALLMULTI"), XLAT_PAIR(3, "PACKET_MR_UNICAST"), XLAT_END,
};

static char last_mr_address[8 * 3];

/* struct packet_mreq: the address as mr_alen (at most 8) hex bytes */
static void pr_packet_mreq(struct rn_strbuf *sb, const __u8 *m)
{
	__u32 idx;
	__u16 type, alen;
	unsigned i;
	size_t pos;

	memcpy(&idx, m, sizeof(idx));
	memcpy(&type, m + 4, sizeof(type));
	memcpy(&alen, m + 6, sizeof(alen));
	rn_sb_puts(sb, "{mr_ifindex=");
	nl_ifindex(sb, idx);
	rn_sb_puts(sb, ", mr_type=");
	rn_xlat_enum_unk(sb, so_packet_mr, type, "PACKET_MR_");
	rn_sb_printf(sb, ", mr_alen=%u, mr_address=", alen);
	/*
	 * strace 6.1 formats the address into a buffer of its own that it
	 * leaves as it was for mr_alen 0: such a call shows the address of the
	 * last one before it that had a length (nothing if none had).
	 */
	for (i = 0, pos = 0; i < alen && i < 8; i++)
		pos += (size_t)snprintf(last_mr_address + pos, sizeof(last_mr_address) - pos,
					"%s%02x", i ? ":" : "", m[8 + i]);
	rn_sb_puts(sb, last_mr_address);
	rn_sb_putc(sb, '}');
}

static void pr_tpacket_req(struct rn_strbuf *sb, const __u8 *p)
{
	__u32 r[4];

	memcpy(r, p, sizeof(r));
	rn_sb_printf(sb, "{tp_block_size=%u, tp_block_nr=%u, tp_frame_size=%u, tp_frame_nr=%u}",
		     r[0], r[1], r[2], r[3]);
}

static const char *const icmp_types[19] = {
	[0] = "ICMP_ECHOREPLY", [3] = "ICMP_DEST_UNREACH", [4] = "ICMP_SOURCE_QUENCH",
	[5] = "ICMP_REDIRECT", [8] = "ICMP_ECHO", [11] = "ICMP_TIME_EXCEEDED",
	[12] = "ICMP_PARAMETERPROB", [13] = "ICMP_TIMESTAMP", [14] = "ICMP_TIMESTAMPREPLY",
	[15] = "ICMP_INFO_REQUEST", [16] = "ICMP_INFO_REPLY", [17] = "ICMP_ADDRESS",
	[18] = "ICMP_ADDRESSREPLY",
};

/*
 * struct icmp_filter, the ICMP types a raw socket drops, as a set: the bits
 * set, or "~[...]" and the bits clear when more than half are set. Bytes
 * past len count as set.
 */
static void pr_icmp_filter(struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	__u32 v = ~0u;
	unsigned i, n = 0;
	bool inv;

	memcpy(&v, p, len < sizeof(v) ? len : sizeof(v));
	for (i = 0; i < 32; i++)
		n += (v >> i) & 1;
	inv = n > 16;
	rn_sb_puts(sb, inv ? "~[" : "[");
	for (i = 0, n = 0; i < 32; i++) {
		if (!((v >> i) & 1) != inv)
			continue;
		if (n++)
			rn_sb_putc(sb, ' ');
		if (i < 19 && icmp_types[i])
			rn_sb_puts(sb, icmp_types[i]);
		else
			rn_sb_printf(sb, "%#x /* ICMP_??? */", i);
	}
	rn_sb_putc(sb, ']');
}

/*
 * Classic BPF, as in a socket filter: BPF_STMT(code, k), or BPF_JUMP(code,
 * k, jt, jf) when it jumps. The code names its class and the class's fields
 * (the tables rn_cbpf_*, shared with the seccomp printer).
 */
/* the ancillary data a load at SKF_AD_OFF + n reads */
static const struct rn_xlat skf_ad[] = {
	XLAT_PAIR(0, "SKF_AD_PROTOCOL"), XLAT_PAIR(4, "SKF_AD_PKTTYPE"),
	XLAT_PAIR(8, "SKF_AD_IFINDEX"), XLAT_PAIR(12, "SKF_AD_NLATTR"),
	XLAT_PAIR(16, "SKF_AD_NLATTR_NEST"), XLAT_PAIR(20, "SKF_AD_MARK"),
	XLAT_PAIR(24, "SKF_AD_QUEUE"), XLAT_PAIR(28, "SKF_AD_HATYPE"),
	XLAT_PAIR(32, "SKF_AD_RXHASH"), XLAT_PAIR(36, "SKF_AD_CPU"),
	XLAT_PAIR(40, "SKF_AD_ALU_XOR_X"), XLAT_PAIR(44, "SKF_AD_VLAN_TAG"),
	XLAT_PAIR(48, "SKF_AD_VLAN_TAG_PRESENT"), XLAT_PAIR(52, "SKF_AD_PAY_OFFSET"),
	XLAT_PAIR(56, "SKF_AD_RANDOM"), XLAT_PAIR(60, "SKF_AD_VLAN_TPID"), XLAT_END,
};

static void pr_bpf_field(struct rn_strbuf *sb, const struct rn_xlat *x, unsigned v)
{
	rn_sb_putc(sb, '|');
	rn_xlat_enum_unk(sb, x, v, "BPF_");
}

/* BPF_LD|BPF_W|BPF_ABS; loads, ALU and jumps keep only the low byte */
static void pr_bpf_code(struct rn_strbuf *sb, unsigned code)
{
	unsigned cls = code & 7, rest = 0;

	rn_sb_puts(sb, rn_cbpf_class[cls]);
	switch (cls) {
	case 0: case 1:
		pr_bpf_field(sb, rn_cbpf_size, code & 0x18);
		pr_bpf_field(sb, rn_cbpf_mode, code & 0xe0);
		break;
	case 2: case 3:
		rest = code & ~7u;
		break;
	case 4: case 5:
		pr_bpf_field(sb, rn_cbpf_src, code & 0x08);
		pr_bpf_field(sb, cls == 4 ? rn_cbpf_alu : rn_cbpf_jmp, code & 0xf0);
		break;
	case 6:
		pr_bpf_field(sb, rn_cbpf_rval, code & 0x18);
		rest = code & ~0x1fu;
		break;
	default:
		pr_bpf_field(sb, rn_cbpf_misc, code & 0xf8);
		rest = code & 0xff00;
	}
	if (rest)
		rn_sb_printf(sb, "|%#x /* BPF_??? */", rest);
}

/* A packet load's offset: SKF_AD_OFF+SKF_AD_PROTOCOL, SKF_NET_OFF+4, ... */
static void pr_bpf_abs(struct rn_strbuf *sb, __u32 k)
{
	__s32 off = (__s32)k;

	if (off >= -0x1000) {
		rn_sb_puts(sb, "SKF_AD_OFF+");
		rn_xlat_enum_unk(sb, skf_ad, (__u32)(off + 0x1000), "SKF_AD_");
	} else if (off >= -0x100000) {
		rn_sb_printf(sb, "SKF_NET_OFF+%d", off + 0x100000);
	} else if (off >= -0x200000) {
		rn_sb_printf(sb, "SKF_LL_OFF+%d", off + 0x200000);
	} else {
		rn_sb_put_hex(sb, k);
	}
}

static void pr_bpf_insn(struct rn_strbuf *sb, const __u8 *in)
{
	__u16 code;
	__u32 k;
	bool jump = in[2] || in[3];

	memcpy(&code, in, sizeof(code));
	memcpy(&k, in + 4, sizeof(k));
	rn_sb_puts(sb, jump ? "BPF_JUMP(" : "BPF_STMT(");
	pr_bpf_code(sb, code);
	rn_sb_puts(sb, ", ");
	if ((code & 0xe7) == 0x20 && (__s32)k < 0)	/* BPF_LD|BPF_ABS, any size */
		pr_bpf_abs(sb, k);
	else
		rn_sb_put_hex(sb, k);
	if (jump)
		rn_sb_printf(sb, ", %#x, %#x", in[2], in[3]);
	rn_sb_putc(sb, ')');
}

/*
 * n elements of size bytes at addr, each read on its own as strace does:
 * the address when the first cannot be read, "... /\* addr *\/" where a later
 * one cannot, "..." after max of them.
 */
static void pr_elems(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n, size_t size,
		     bool out, __u64 max, void (*pr)(struct rn_strbuf *sb, const __u8 *p))
{
	__u8 e[8];
	__u64 i;

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (n && dc_read(c, addr, e, size, out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '[');
	for (i = 0; i < n; i++) {
		if (i)
			rn_sb_puts(sb, ", ");
		if (i == max) {
			rn_sb_puts(sb, "...");
			break;
		}
		if (i && dc_read(c, addr + i * size, e, size, out) < 0) {
			rn_sb_printf(sb, "... /* %#llx */", (unsigned long long)(addr + i * size));
			break;
		}
		pr(sb, e);
	}
	rn_sb_putc(sb, ']');
}

static void pr_u32_elem(struct rn_strbuf *sb, const __u8 *p)
{
	__u32 v;

	memcpy(&v, p, sizeof(v));
	rn_sb_put_udec(sb, v);
}

/* struct sock_fprog: the program's length and address, its instructions
 * under -v */
static void pr_fprog(struct dctx *c, struct rn_strbuf *sb, const __u8 *p)
{
	__u16 len;
	__u64 filter;

	memcpy(&len, p, sizeof(len));
	memcpy(&filter, p + 8, sizeof(filter));
	rn_sb_printf(sb, "{len=%u, filter=", len);
	if (c->o->verbose)
		pr_elems(c, sb, filter, len, 8, false, SO_BPF_MAX, pr_bpf_insn);
	else
		pr_ptr(sb, filter);
	rn_sb_putc(sb, '}');
}

/* The lengths at which setsockopt's value shows as its structure, from min
 * to max (-1: any above min); at any other it prints as its address */
static const struct {
	int min, max;
} set_fit[SOV_COUNT] = {
	[SOV_INT] = { 4, -1 }, [SOV_TXREHASH] = { 4, -1 }, [SOV_LINGER] = { 8, -1 },
	[SOV_FPROG] = { 16, 16 }, [SOV_IP_MREQ] = { 8, -1 }, [SOV_IPV6_MREQ] = { 20, -1 },
	[SOV_GROUP_REQ] = { 136, -1 }, [SOV_PACKET_MREQ] = { 16, 16 },
	[SOV_TPACKET_REQ] = { 16, 16 }, [SOV_ICMP_FILTER] = { 1, -1 },
};

static void set_struct(struct dctx *c, struct rn_strbuf *sb, enum rn_sov f, const __u8 *v,
		       size_t n)
{
	int i;

	switch (f) {
	case SOV_INT: case SOV_TXREHASH:
		memcpy(&i, v, sizeof(i));
		pr_int_val(sb, i, f);
		break;
	case SOV_LINGER:
		pr_linger(sb, v);
		break;
	case SOV_FPROG:
		pr_fprog(c, sb, v);
		break;
	case SOV_IP_MREQ:
		pr_ip_mreq(sb, v);
		break;
	case SOV_IPV6_MREQ:
		pr_ipv6_mreq(sb, v);
		break;
	case SOV_GROUP_REQ:
		pr_group_req(sb, v);
		break;
	case SOV_PACKET_MREQ:
		pr_packet_mreq(sb, v);
		break;
	case SOV_TPACKET_REQ:
		pr_tpacket_req(sb, v);
		break;
	default:
		pr_icmp_filter(sb, v, n);
	}
}

/* setsockopt's value: [int] at 4 bytes, else the bytes, unless the option
 * has a format of its own */
static void set_val(struct dctx *c, const struct rn_sol *sol, __u64 addr, int len)
{
	struct rn_strbuf *sb = ARG(c, 3);
	enum rn_sov f = sol ? rn_sockopt_fmt(sol, (__u32)RAW(c, 2), false) : SOV_PLAIN;
	__u8 v[136];
	size_t n;

	if (f >= SOV_COUNT || !set_fit[f].min) {
		if (len == 4)
			pr_optint_at(c, sb, addr, false, SOV_PLAIN);
		else
			pr_buf_at(c, sb, addr, (__u32)len, false);
		return;
	}
	n = (size_t)set_fit[f].min;
	if (f == SOV_ICMP_FILTER)
		n = len < 4 ? (size_t)len : 4;
	if (len < set_fit[f].min || (set_fit[f].max > 0 && len > set_fit[f].max) ||
	    dc_read(c, addr, v, n, false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	set_struct(c, sb, f, v, n);
}

void dec_setsockopt(struct dctx *c)
{
	const struct rn_sol *sol = sockopt_head(c, false);

	if (c->o->terse)
		dc_ptr(c, 3);	/* strace reads no value outside -e verbose= */
	else
		set_val(c, sol, RAW(c, 3), (int)RAW(c, 4));
	dc_int(c, 4);
}

/* A field of 4 bytes: d signed, u unsigned, p a pid, i a user or group id */
struct so_field {
	const char *name;
	char kind;
};

static const struct so_field linger_fields[] = {
	{ "l_onoff", 'd' }, { "l_linger", 'd' }, { NULL, 0 },
};
static const struct so_field ucred_fields[] = {
	{ "pid", 'p' }, { "uid", 'i' }, { "gid", 'i' }, { NULL, 0 },
};
static const struct so_field tpacket_stats_fields[] = {
	{ "tp_packets", 'u' }, { "tp_drops", 'u' }, { "tp_freeze_q_cnt", 'u' }, { NULL, 0 },
};

/* The len bytes the kernel returned of a structure of such fields: one it
 * cut short shows as its bytes in hex, and none after it */
static void get_fields(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned len,
		       const struct so_field *fl)
{
	__u32 v[3];
	unsigned i, n = 0;

	while (fl[n].name)
		n++;
	if (len > n * 4)
		len = n * 4;
	if (dc_read(c, addr, v, len, true) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '{');
	for (i = 0; i < n && i * 4 < len; i++) {
		rn_sb_printf(sb, "%s%s=", i ? ", " : "", fl[i].name);
		if (len - i * 4 < 4)
			pr_hex_bytes(sb, &v[i], len - i * 4);
		else if (fl[i].kind == 'p')
			pr_pid(c, sb, (__s32)v[i]);
		else if (fl[i].kind == 'd' || (fl[i].kind == 'i' && v[i] == ~0u))
			rn_sb_put_dec(sb, (__s32)v[i]);
		else
			rn_sb_put_udec(sb, v[i]);
	}
	rn_sb_putc(sb, '}');
}

/* getsockopt's value, rlen bytes of it returned (ulen offered) */
static void get_val(struct dctx *c, const struct rn_sol *sol, __u64 addr, int ulen, int rlen)
{
	struct rn_strbuf *sb = ARG(c, 3);
	enum rn_sov f = sol ? rn_sockopt_fmt(sol, (__u32)RAW(c, 2), true) : SOV_PLAIN;
	__u8 v[4];

	if (ulen <= 0 || rlen <= 0) {
		pr_ptr(sb, addr);
		return;
	}
	switch (f) {
	case SOV_INT: case SOV_TXREHASH: case SOV_ERRNO:
		if (rlen >= 4)
			pr_optint_at(c, sb, addr, true, f);
		else if (dc_read(c, addr, v, (size_t)rlen, true) < 0)
			pr_ptr(sb, addr);
		else
			pr_hex_bytes(sb, v, (size_t)rlen);
		break;
	case SOV_NLINT:
		pr_optint_at(c, sb, addr, true, SOV_PLAIN);
		break;
	case SOV_LINGER:
		get_fields(c, sb, addr, (unsigned)rlen, linger_fields);
		break;
	case SOV_UCRED:
		get_fields(c, sb, addr, (unsigned)rlen, ucred_fields);
		break;
	case SOV_TPACKET_STATS:
		get_fields(c, sb, addr, (unsigned)rlen, tpacket_stats_fields);
		break;
	case SOV_FILTER:	/* the length counts instructions */
		if (c->o->verbose && rlen <= 0xffff)
			pr_elems(c, sb, addr, (unsigned)rlen, 8, true, SO_BPF_MAX, pr_bpf_insn);
		else
			pr_ptr(sb, addr);
		break;
	case SOV_ICMP_FILTER:
		if (dc_read(c, addr, v, rlen < 4 ? (size_t)rlen : 4, true) < 0)
			pr_ptr(sb, addr);
		else
			pr_icmp_filter(sb, v, rlen < 4 ? (size_t)rlen : 4);
		break;
	case SOV_NL_GROUPS:
		pr_elems(c, sb, addr, (unsigned)(ulen < rlen ? ulen : rlen) / 4, 4, true,
			 c->o->verbose ? ~0ull : c->o->strsize, pr_u32_elem);
		break;
	default:
		if (rlen == 4)
			pr_optint_at(c, sb, addr, true, SOV_PLAIN);
		else
			pr_buf_at(c, sb, addr, (__u32)rlen, true);
	}
}

/*
 * The value once the call succeeded, else its address; the length as
 * "[16]" (what was offered, when the call failed) or "[16 => 4]".
 */
void dec_getsockopt(struct dctx *c)
{
	const struct rn_sol *sol = sockopt_head(c, true);
	__u64 lp = RAW(c, 4);
	int in = 0, out = 0;
	bool have_in, have_out;

	if (dc_stop_unfinished(c, 3))
		return;
	if (c->o->terse) {
		dc_ptr(c, 3);
		dc_ptr(c, 4);
		return;
	}
	have_in = lp && dc_read(c, lp, &in, sizeof(in), false) == 0;
	have_out = c->ok && lp && dc_read(c, lp, &out, sizeof(out), true) == 0;
	if (!have_out) {
		dc_ptr(c, 3);
		if (have_in)
			rn_sb_printf(ARG(c, 4), "[%d]", in);
		else
			dc_ptr(c, 4);
		return;
	}
	if (!have_in)
		in = out;
	get_val(c, sol, RAW(c, 3), in, out);
	if (in != out)
		rn_sb_printf(ARG(c, 4), "[%d => %d]", in, out);
	else
		rn_sb_printf(ARG(c, 4), "[%d]", out);
}
