// SPDX-License-Identifier: MIT
/*
 * Netlink messages in a send/recv buffer, as strace 6.1 prints them: one
 * message as "{nlmsghdr}" or "[{nlmsghdr}, body]", several as an array of
 * those, attributes as "[{nla_len=.., nla_type=..}, value]". The lengths in
 * the headers come from the tracee or the kernel: each step is bounded by the
 * bytes left in the copied buffer, never by what a header claims.
 */
#include "netlink_int.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <linux/netlink.h>
#include <stdlib.h>
#include <string.h>

/* The most bytes of one buffer read for decoding; longer ones print raw. */
#define NL_READ_MAX (1u << 20)

void nl_hex(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len)
{
	size_t n = len < c->o->strsize ? len : c->o->strsize;

	rn_sb_putc(sb, '"');
	rn_escape_hex(sb, p, n);
	rn_sb_putc(sb, '"');
	if (len > n)
		rn_sb_puts(sb, "...");
}

void nl_ifindex(struct rn_strbuf *sb, __u32 idx)
{
	char name[IF_NAMESIZE + 1];

	if (idx && if_indextoname(idx, name)) {
		rn_sb_puts(sb, "if_nametoindex(");
		pr_quoted(sb, name, strnlen(name, IF_NAMESIZE), false);
		rn_sb_putc(sb, ')');
	} else {
		rn_sb_put_udec(sb, idx);
	}
}

bool nl_inet_addr(struct rn_strbuf *sb, int fam, const __u8 *p, size_t len, const char *var)
{
	char a[INET6_ADDRSTRLEN];
	size_t size = fam == AF_INET ? 4 : fam == AF_INET6 ? 16 : 0;

	if (!size || len < size || !inet_ntop(fam, p, a, sizeof(a)))
		return false;
	if (fam == AF_INET)
		rn_sb_printf(sb, "%s%sinet_addr(\"%s\")", var ? var : "", var ? "=" : "", a);
	else if (var)
		rn_sb_printf(sb, "inet_pton(AF_INET6, \"%s\", &%s)", a, var);
	else
		rn_sb_printf(sb, "inet_pton(AF_INET6, \"%s\")", a);
	return true;
}

/* ---- attribute payloads shared by the protocols ---- */

#define NLA_UINT(name, type, fmt, cast)                                                       \
	bool name(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,             \
		  const void *o)                                                                \
	{                                                                                      \
		type v;                                                                        \
		(void)c;                                                                       \
		(void)o;                                                                       \
		if (len < sizeof(v))                                                           \
			return false;                                                          \
		memcpy(&v, p, sizeof(v));                                                      \
		rn_sb_printf(sb, fmt, (cast)v);                                                \
		return true;                                                                   \
	}

NLA_UINT(nla_u8, __u8, "%u", unsigned)
NLA_UINT(nla_u16, __u16, "%u", unsigned)
NLA_UINT(nla_u32, __u32, "%u", unsigned)
NLA_UINT(nla_s32, __s32, "%d", int)
NLA_UINT(nla_u64, __u64, "%llu", unsigned long long)

/* A NUL-terminated string: "..." after it when no NUL comes within -s bytes. */
bool nla_str(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o)
{
	size_t size = len < c->o->strsize ? len : c->o->strsize;
	size_t n = strnlen((const char *)p, size);

	(void)o;
	pr_quoted(sb, p, n, n == size);
	return true;
}

bool nla_strn(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, const void *o)
{
	bool nul = len && !p[len - 1];
	size_t n = nul ? len - 1 : len;

	(void)o;
	if (n > c->o->strsize)
		n = c->o->strsize;
	pr_quoted(sb, p, n, !nul || len - 1 > n);
	return true;
}

bool nl_idx_array(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, size_t w,
		  bool sgn, const struct nl_idx_names *n)
{
	size_t i, cnt = len / w, known = 0;

	if (!cnt)
		return false;
	while (n->names[known])
		known++;
	rn_sb_putc(sb, '[');
	for (i = 0; i < cnt; i++) {
		__u64 v = 0;

		if (i && dc_array_cut(c, i)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		memcpy(&v, p + i * w, w);	/* little-endian: the low bytes */
		if (sgn && w == 4)
			v = (__u64)(__s64)(__s32)v;
		rn_sb_puts(sb, i ? ", [" : "[");
		if (i < known)
			rn_sb_printf(sb, "%s%s%s]=", n->pfx, n->names[i], n->sfx);
		else
			rn_sb_printf(sb, "%zu /* %s??? */]=", i, n->pfx);
		if (sgn)
			rn_sb_printf(sb, "%lld", (long long)v);
		else
			rn_sb_printf(sb, "%llu", (unsigned long long)v);
	}
	rn_sb_putc(sb, ']');
	return true;
}

bool nla_skmeminfo(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		   const void *o)
{
	static const struct nl_idx_names n = { rn_nl_skmeminfo, "SK_MEMINFO_", "" };

	(void)o;
	return nl_idx_array(c, sb, p, len, 4, false, &n);
}

void nl_flags_unk(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 v, const char *pfx)
{
	const struct rn_xlat *e;
	__u64 known = 0;

	for (e = x; e->str; e++)
		known |= e->val;
	if (v && !(v & known))
		rn_sb_printf(sb, "%#llx /* %s??? */", (unsigned long long)v, pfx);
	else
		rn_xlat_flags(sb, x, v);
}

bool nla_ifindex(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		 const void *o)
{
	__u32 v;

	(void)c;
	(void)o;
	if (len < sizeof(v))
		return false;
	memcpy(&v, p, sizeof(v));
	nl_ifindex(sb, v);
	return true;
}

/* ---- attributes ---- */

static void nla_head(struct rn_strbuf *sb, const struct nlattr *a, const struct nla_set *set)
{
	rn_sb_printf(sb, "{nla_len=%u, nla_type=", a->nla_len);
	if (a->nla_type & NLA_F_NESTED)
		rn_sb_puts(sb, "NLA_F_NESTED|");
	if (a->nla_type & NLA_F_NET_BYTEORDER)
		rn_sb_puts(sb, "NLA_F_NET_BYTEORDER|");
	rn_xlat_enum_unk(sb, set->names, a->nla_type & NLA_TYPE_MASK, set->pfx);
	rn_sb_putc(sb, '}');
}

/* One attribute; len: the bytes left from its header on. */
static void nla_one(struct dctx *c, struct rn_strbuf *sb, const struct nlattr *a,
		    const __u8 *p, size_t len, const struct nla_set *set)
{
	size_t n = a->nla_len < len ? a->nla_len : len;
	unsigned idx = a->nla_type & NLA_TYPE_MASK;

	if (n <= NLA_HDRLEN) {
		nla_head(sb, a, set);
		return;
	}
	rn_sb_putc(sb, '[');
	nla_head(sb, a, set);
	rn_sb_puts(sb, ", ");
	if (idx >= set->nfns || !set->fns[idx] ||
	    !set->fns[idx](c, sb, p + NLA_HDRLEN, n - NLA_HDRLEN, set->opaque))
		nl_hex(c, sb, p + NLA_HDRLEN, n - NLA_HDRLEN);
	rn_sb_putc(sb, ']');
}

void nla_print(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
	       const struct nla_set *set)
{
	bool array = false;
	__u64 elt;

	for (elt = 0;; elt++) {
		struct nlattr a;
		size_t step, next = 0;

		if (len < sizeof(a)) {
			rn_sb_puts(sb, elt ? ", " : "");
			nl_hex(c, sb, p, len);
			break;
		}
		if (elt && dc_array_cut(c, elt)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		memcpy(&a, p, sizeof(a));
		step = ((size_t)a.nla_len + 3) & ~(size_t)3;
		if (a.nla_len >= NLA_HDRLEN && len > step)
			next = len - step;
		if (!array && next) {
			rn_sb_putc(sb, '[');
			array = true;
		}
		rn_sb_puts(sb, elt ? ", " : "");
		nla_one(c, sb, &a, p, len, set);
		if (!next)
			break;
		p += step;
		len = next;
	}
	if (array)
		rn_sb_putc(sb, ']');
}

/* ---- message headers ---- */

static void nl_type(struct rn_strbuf *sb, __u16 type, int proto)
{
	if (type >= NLMSG_MIN_TYPE && proto == NETLINK_ROUTE)
		rn_xlat_enum_unk(sb, rn_xl_nl_route_types, type, "RTM_");
	else if (type >= NLMSG_MIN_TYPE && proto == NETLINK_SOCK_DIAG)
		rn_xlat_enum_unk(sb, rn_xl_nl_sock_diag_types, type, "SOCK_DIAG_");
	else
		rn_xlat_enum_unk(sb, rn_xl_nlmsg_types, type, "NLMSG_");
}

static int flags_part(struct rn_strbuf *sb, const struct rn_xlat *x, unsigned *val, int n)
{
	for (; x && x->str; x++) {
		if (!x->val || (*val & x->val) != x->val)
			continue;
		rn_sb_puts(sb, n++ ? "|" : "");
		rn_sb_puts(sb, x->str);
		*val &= ~(unsigned)x->val;
	}
	return n;
}

/* The flags a message type can carry beyond the common ones. */
static const struct rn_xlat *nl_type_flags(__u16 type, int proto)
{
	if (type == NLMSG_ERROR)
		return rn_xl_nlm_ack_flags;
	if (type < NLMSG_MIN_TYPE)
		return NULL;
	if (proto == NETLINK_SOCK_DIAG)
		return rn_xl_nlm_get_flags;
	if (proto != NETLINK_ROUTE)
		return NULL;
	switch (type & 3) {
	case 0: return rn_xl_nlm_new_flags;
	case 1: return rn_xl_nlm_del_flags;
	case 2: return rn_xl_nlm_get_flags;
	}
	return NULL;
}

static void nl_hdr(struct dctx *c, struct rn_strbuf *sb, const struct nlmsghdr *h, int proto)
{
	unsigned fl = h->nlmsg_flags;
	int n;

	rn_sb_printf(sb, "{nlmsg_len=%u, nlmsg_type=", h->nlmsg_len);
	nl_type(sb, h->nlmsg_type, proto);
	rn_sb_puts(sb, ", nlmsg_flags=");
	n = flags_part(sb, rn_xl_nlm_flags, &fl, 0);
	n = flags_part(sb, nl_type_flags(h->nlmsg_type, proto), &fl, n);
	if (fl)
		rn_sb_printf(sb, "%s%#x", n ? "|" : "", fl);
	else if (!n)
		rn_sb_putc(sb, '0');
	rn_sb_printf(sb, ", nlmsg_seq=%u, nlmsg_pid=", h->nlmsg_seq);
	pr_pid(c, sb, (__s32)h->nlmsg_pid);
	rn_sb_putc(sb, '}');
}

static void nl_msg(struct dctx *c, struct rn_strbuf *sb, const struct nlmsghdr *h,
		   const __u8 *p, size_t len, int proto);

static const nla_fn nlmsgerr_fns[] = {
	[1] = nla_str, [2] = nla_u32, [5] = nla_u32, [6] = nla_u32,
};

/*
 * NLMSG_ERROR: {error=-EINVAL, msg=the request (its header alone when
 * capped)}, in an array with the attributes (NLM_F_ACK_TLVS) after it.
 */
static void nl_error(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len,
		     int proto, bool capped)
{
	static const struct nla_set set = { rn_xl_nlmsgerr_attrs, "NLMSGERR_ATTR_",
					    nlmsgerr_fns, 7, NULL };
	struct nlmsgerr e;
	const char *name;
	size_t body;

	if (len < sizeof(e)) {
		nl_hex(c, sb, p, len);
		return;
	}
	memcpy(&e, p, sizeof(e));
	p += sizeof(e.error);
	len -= sizeof(e.error);
	body = capped ? sizeof(e.msg) : e.msg.nlmsg_len;
	body = body < len ? body : len;
	name = e.error < 0 && e.error > -4096 ? rn_errno_name(-e.error) : NULL;
	rn_sb_puts(sb, len > body ? "[{error=" : "{error=");
	if (name)
		rn_sb_printf(sb, "-%s", name);
	else
		rn_sb_put_dec(sb, e.error);
	rn_sb_puts(sb, ", msg=");
	nl_msg(c, sb, &e.msg, p, body, proto);
	rn_sb_putc(sb, '}');
	if (len > body) {
		rn_sb_puts(sb, ", ");
		nla_print(c, sb, p + body, len - body, &set);
		rn_sb_putc(sb, ']');
	}
}

static void nl_payload(struct dctx *c, struct rn_strbuf *sb, const struct nlmsghdr *h,
		       const __u8 *p, size_t len, int proto)
{
	__u16 t = h->nlmsg_type;
	__s32 v;

	if (t == NLMSG_ERROR) {
		nl_error(c, sb, p, len, proto, h->nlmsg_flags & 0x100);
		return;
	}
	if (t >= NLMSG_MIN_TYPE && proto == NETLINK_ROUTE && nl_rtnl_body(c, sb, t, p, len))
		return;
	if (t >= NLMSG_MIN_TYPE && proto == NETLINK_SOCK_DIAG &&
	    nl_diag_body(c, sb, t, h->nlmsg_flags, p, len))
		return;
	if (t == NLMSG_DONE && len == sizeof(v)) {
		memcpy(&v, p, sizeof(v));
		rn_sb_put_dec(sb, v);
		return;
	}
	nl_hex(c, sb, p, len);
}

/* One message with its body; len: the bytes left from its header on. */
static void nl_msg(struct dctx *c, struct rn_strbuf *sb, const struct nlmsghdr *h,
		   const __u8 *p, size_t len, int proto)
{
	size_t n = h->nlmsg_len < len ? h->nlmsg_len : len;

	if (n <= NLMSG_HDRLEN) {
		nl_hdr(c, sb, h, proto);
		return;
	}
	rn_sb_putc(sb, '[');
	nl_hdr(c, sb, h, proto);
	rn_sb_puts(sb, ", ");
	nl_payload(c, sb, h, p + NLMSG_HDRLEN, n - NLMSG_HDRLEN, proto);
	rn_sb_putc(sb, ']');
}

void nl_print(struct dctx *c, struct rn_strbuf *sb, const __u8 *p, size_t len, int proto)
{
	bool array = false;
	__u64 elt;

	for (elt = 0;; elt++) {
		struct nlmsghdr h;
		size_t step, next = 0;

		if (len < sizeof(h)) {
			rn_sb_puts(sb, elt ? ", " : "");
			nl_hex(c, sb, p, len);
			break;
		}
		if (elt && dc_array_cut(c, elt)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		memcpy(&h, p, sizeof(h));
		step = ((size_t)h.nlmsg_len + 3) & ~(size_t)3;	/* NLMSG_ALIGN wraps at 2^32 */
		if (h.nlmsg_len >= NLMSG_HDRLEN && len > step)
			next = len - step;
		if (!array && next) {
			rn_sb_putc(sb, '[');
			array = true;
		}
		rn_sb_puts(sb, elt ? ", " : "");
		nl_msg(c, sb, &h, p, len, proto);
		if (!next)
			break;
		p += step;
		len = next;
	}
	if (array)
		rn_sb_putc(sb, ']');
}

void rn_netlink_text(struct rn_strbuf *sb, const void *p, size_t len, int proto,
		     const struct rn_decode_opts *o)
{
	struct dctx c = { .o = o };	/* the printers only read the options */

	nl_print(&c, sb, p, len, proto);
}

bool pr_netlink_at(struct dctx *c, struct rn_strbuf *sb, int fd, __u64 addr, __u64 len,
		   bool out)
{
	int proto;
	__u8 *buf;

	if (c->o->terse || c->o->raw || !addr || !len || len > NL_READ_MAX)
		return false;
	proto = nl_fd_protocol(c, fd);
	if (proto == -2)
		return false;
	buf = malloc(len);
	if (!buf)
		return false;
	if (dc_read_data(c, addr, buf, len, out) < 0) {
		free(buf);
		return false;
	}
	nl_print(c, sb, buf, len, proto);
	free(buf);
	return true;
}
