// SPDX-License-Identifier: MIT
/*
 * ioctl requests on sockets (type 0x89): the network interface ones that
 * pass a struct ifreq (SIOCGIFINDEX, SIOCGIFFLAGS, SIOCSIFMTU, ...) or a
 * struct ifconf (SIOCGIFCONF), the bridge ones, and the ones that pass an
 * int (SIOCATMARK, FIOSETOWN, ...), as strace 6.1 prints them.
 */
#include "ioctl_int.h"
#include "netlink_int.h"

#include <string.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/sockios.h>

/* strace names the requests of the private ranges but prints their
 * argument raw; the others it does not decode print as an address */
#define SIOC_PRIVATE_NR	0xe0

/* The length of a hardware address of each link type, as strace shows it
 * in ifr_hwaddr (every one of the 14 bytes for the others). */
static const struct { __u16 type; __u8 len; } hw_lens[] = {
	{ 0, 7 },	/* ARPHRD_NETROM */	{ 1, 6 },	/* ARPHRD_ETHER */
	{ 3, 7 },	/* ARPHRD_AX25 */	{ 6, 6 },	/* ARPHRD_IEEE802 */
	{ 7, 1 },	/* ARPHRD_ARCNET */	{ 15, 2 },	/* ARPHRD_DLCI */
	{ 27, 8 },	/* ARPHRD_EUI64 */	{ 270, 5 },	/* ARPHRD_ROSE */
	{ 271, 5 },	/* ARPHRD_X25 */	{ 290, 1 },	/* ARPHRD_MCTP */
	{ 768, 4 },	/* ARPHRD_TUNNEL */	{ 772, 6 },	/* ARPHRD_LOOPBACK */
	{ 773, 1 },	/* ARPHRD_LOCALTLK */	{ 774, 6 },	/* ARPHRD_FDDI */
	{ 776, 4 },	/* ARPHRD_SIT */	{ 777, 4 },	/* ARPHRD_IPDDP */
	{ 778, 4 },	/* ARPHRD_IPGRE */	{ 779, 4 },	/* ARPHRD_PIMREG */
	{ 780, 6 },	/* ARPHRD_HIPPI */	{ 783, 4 },	/* ARPHRD_IRDA */
	{ 801, 6 },	/* ARPHRD_IEEE80211 */	{ 802, 6 },	/* ..._PRISM */
	{ 803, 6 },	/* ..._RADIOTAP */	{ 804, 8 },	/* ARPHRD_IEEE802154 */
	{ 805, 8 },	/* ..._MONITOR */	{ 820, 1 },	/* ARPHRD_PHONET */
	{ 821, 1 },	/* ARPHRD_PHONET_PIPE */	{ 822, 1 },	/* ARPHRD_CAIF */
	{ 825, 8 },	/* ARPHRD_6LOWPAN */	{ 826, 8 },	/* ARPHRD_VSOCKMON */
};

static void pr_hwaddr(struct rn_strbuf *sb, const struct sockaddr *sa)
{
	size_t i, n = sizeof(sa->sa_data);

	for (i = 0; i < sizeof(hw_lens) / sizeof(hw_lens[0]); i++)
		if (hw_lens[i].type == sa->sa_family)
			n = hw_lens[i].len;
	rn_sb_puts(sb, "{sa_family=");
	rn_xlat_enum_unk(sb, rn_xl_arphrd, sa->sa_family, "ARPHRD_");
	rn_sb_puts(sb, ", sa_data=");
	for (i = 0; i < n; i++)
		rn_sb_printf(sb, "%s%02x", i ? ":" : "", (__u8)sa->sa_data[i]);
	rn_sb_putc(sb, '}');
}

/* A sockaddr in the 16 bytes of an ifreq: too short for an AF_INET6 one,
 * which strace then shows as raw sa_data. */
static void pr_ifr_sockaddr(struct rn_strbuf *sb, const struct sockaddr *sa)
{
	if (sa->sa_family != AF_INET6) {
		pr_sockaddr(sb, (const __u8 *)sa, sizeof(*sa));
		return;
	}
	rn_sb_puts(sb, "{sa_family=AF_INET6, sa_data=");
	pr_quoted(sb, sa->sa_data, sizeof(sa->sa_data), false);
	rn_sb_putc(sb, '}');
}

/* The field a request reads or writes after ifr_name: ", ifr_mtu=1500". */
static bool pr_ifr_field(struct rn_strbuf *sb, __u32 req, const struct ifreq *r)
{
	switch (req) {
	case SIOCGIFFLAGS: case SIOCSIFFLAGS:
		rn_sb_puts(sb, ", ifr_flags=");
		rn_xlat_flags(sb, rn_xl_iff_flags, (__u16)r->ifr_flags);
		return true;
	case SIOCGIFADDR: case SIOCSIFADDR:
		rn_sb_puts(sb, ", ifr_addr=");
		break;
	case SIOCGIFDSTADDR: case SIOCSIFDSTADDR:
		rn_sb_puts(sb, ", ifr_dstaddr=");
		break;
	case SIOCGIFBRDADDR: case SIOCSIFBRDADDR:
		rn_sb_puts(sb, ", ifr_broadaddr=");
		break;
	case SIOCGIFNETMASK: case SIOCSIFNETMASK:
		rn_sb_puts(sb, ", ifr_netmask=");
		break;
	case SIOCGIFHWADDR: case SIOCSIFHWADDR: case SIOCSIFHWBROADCAST:
	case SIOCADDMULTI: case SIOCDELMULTI:
		rn_sb_puts(sb, ", ifr_hwaddr=");
		pr_hwaddr(sb, &r->ifr_hwaddr);
		return true;
	default:
		return false;
	}
	pr_ifr_sockaddr(sb, &r->ifr_addr);
	return true;
}

static bool pr_ifr_value(struct rn_strbuf *sb, __u32 req, const struct ifreq *r)
{
	const struct ifmap *m = &r->ifr_map;

	switch (req) {
	case SIOCGIFMETRIC: case SIOCSIFMETRIC:
		rn_sb_printf(sb, ", ifr_metric=%d", r->ifr_metric);
		return true;
	case SIOCGIFMTU: case SIOCSIFMTU:
		rn_sb_printf(sb, ", ifr_mtu=%d", r->ifr_mtu);
		return true;
	case SIOCGIFTXQLEN: case SIOCSIFTXQLEN:
		rn_sb_printf(sb, ", ifr_qlen=%d", r->ifr_qlen);
		return true;
	case SIOCGIFINDEX:
		rn_sb_printf(sb, ", ifr_ifindex=%d", r->ifr_ifindex);
		return true;
	case SIOCGIFMAP: case SIOCSIFMAP:
		rn_sb_printf(sb, ", ifr_map={mem_start=%#lx, mem_end=%#lx, base_addr=%#x, "
			     "irq=%#x, dma=%#x, port=%#x}", m->mem_start, m->mem_end,
			     m->base_addr, m->irq, m->dma, m->port);
		return true;
	case SIOCSIFNAME:
		rn_sb_puts(sb, ", ifr_newname=");
		ioc_pr_cstr(sb, r->ifr_newname, sizeof(r->ifr_newname));
		return true;
	case SIOCGIFSLAVE: case SIOCSIFSLAVE:
		rn_sb_puts(sb, ", ifr_slave=");
		ioc_pr_cstr(sb, r->ifr_slave, sizeof(r->ifr_slave));
		return true;
	}
	return pr_ifr_field(sb, req, r);
}

/* An interface named in ifr_name: the get requests print the value the
 * call returned, the set requests the value they pass. */
static int sock_ifreq(struct ioc *k, bool get)
{
	struct ifreq r;
	int res = ioc_get(k, &r, sizeof(r), false);

	if (res != IOC_READ)
		return res;
	if (get && !k->c->exiting)
		return IOC_EXIT;
	rn_sb_puts(k->sb, "{ifr_name=");
	ioc_pr_cstr(k->sb, r.ifr_name, sizeof(r.ifr_name));
	if (!get)
		pr_ifr_value(k->sb, k->req, &r);
	else if (k->c->ok && dc_read(k->c, k->arg, &r, sizeof(r), true) == 0)
		pr_ifr_value(k->sb, k->req, &r);
	rn_sb_putc(k->sb, '}');
	return IOC_DONE;
}

/* SIOCGIFNAME (the index in, the name out) and the bridge port requests */
static int sock_ifindex(struct ioc *k)
{
	struct ifreq r;
	int res = ioc_get(k, &r, sizeof(r), false);

	if (res != IOC_READ)
		return res;
	if (k->req == SIOCGIFNAME && !k->c->exiting)
		return IOC_EXIT;
	/* the bridge requests' index names its interface, as netlink's do */
	rn_sb_puts(k->sb, "{ifr_ifindex=");
	if (k->req == SIOCGIFNAME)
		rn_sb_put_dec(k->sb, r.ifr_ifindex);
	else
		nl_ifindex(k->sb, (__u32)r.ifr_ifindex);
	if (k->req == SIOCGIFNAME && k->c->ok &&
	    dc_read(k->c, k->arg, &r, sizeof(r), true) == 0) {
		rn_sb_puts(k->sb, ", ifr_name=");
		ioc_pr_cstr(k->sb, r.ifr_name, sizeof(r.ifr_name));
	}
	rn_sb_putc(k->sb, '}');
	return IOC_DONE;
}

/* "80 /\* 2 * sizeof(struct ifreq) *\/" */
static void pr_ifc_len(struct rn_strbuf *sb, int len)
{
	rn_sb_put_dec(sb, len);
	if (len > 0 && len % (int)sizeof(struct ifreq) == 0)
		rn_sb_printf(sb, " /* %d * sizeof(struct ifreq) */",
			     len / (int)sizeof(struct ifreq));
}

#define IOC_IFREQ_MAX	4096

/* the interfaces the call listed: name and address of each */
static void pr_ifc_buf(struct ioc *k, __u64 buf, int len)
{
	struct ifreq r;
	int i, n = len > 0 ? len / (int)sizeof(r) : 0;

	if (n && (k->c->o->terse || dc_read(k->c, buf, &r, sizeof(r), true) < 0)) {
		pr_ptr(k->sb, buf);
		return;
	}
	rn_sb_putc(k->sb, '[');
	for (i = 0; i < n; i++) {
		if (i)
			rn_sb_puts(k->sb, ", ");
		/* -v or not, at most IOC_IFREQ_MAX: a length no kernel returns
		 * must not walk gigabytes of the tracee */
		if (dc_array_cut(k->c, i) || i >= IOC_IFREQ_MAX ||
		    dc_read(k->c, buf + (__u64)i * sizeof(r), &r, sizeof(r), true) < 0) {
			rn_sb_puts(k->sb, "...");
			break;
		}
		rn_sb_puts(k->sb, "{ifr_name=");
		ioc_pr_cstr(k->sb, r.ifr_name, sizeof(r.ifr_name));
		rn_sb_puts(k->sb, ", ifr_addr=");
		pr_ifr_sockaddr(k->sb, &r.ifr_addr);
		rn_sb_putc(k->sb, '}');
	}
	rn_sb_putc(k->sb, ']');
}

/* {ifc_len=640 /\* 16 * sizeof(struct ifreq) *\/ => 80 /\* ... *\/, ifc_buf=[...]}:
 * the length given and, when the call changed it, the length used */
static int sock_ifconf(struct ioc *k)
{
	struct { __s32 len; __u32 pad; __u64 buf; } in, out;

	if (!k->c->exiting)
		return IOC_EXIT;
	/* strace reads this one even outside -e verbose= (not the interfaces) */
	if (!k->arg || dc_read_data(k->c, k->arg, &in, sizeof(in), false) < 0) {
		pr_ptr(k->sb, k->arg);
		return IOC_DONE;
	}
	if (!k->c->ok || dc_read_data(k->c, k->arg, &out, sizeof(out), true) < 0) {
		rn_sb_puts(k->sb, "{ifc_len=");
		pr_ifc_len(k->sb, in.len);
		rn_sb_puts(k->sb, ", ifc_buf=");
		pr_ptr(k->sb, in.buf);
		rn_sb_putc(k->sb, '}');
		return IOC_DONE;
	}
	rn_sb_puts(k->sb, "{ifc_len=");
	if (in.buf && in.len != out.len) {
		pr_ifc_len(k->sb, in.len);
		rn_sb_puts(k->sb, " => ");
	}
	pr_ifc_len(k->sb, out.len);
	rn_sb_puts(k->sb, ", ifc_buf=");
	if (out.buf)
		pr_ifc_buf(k, out.buf, out.len);
	else
		rn_sb_puts(k->sb, "NULL");
	rn_sb_putc(k->sb, '}');
	return IOC_DONE;
}

int ioc_sock(struct ioc *k)
{
	switch (k->req) {
	case SIOCGIFFLAGS: case SIOCGIFADDR: case SIOCGIFDSTADDR: case SIOCGIFBRDADDR:
	case SIOCGIFNETMASK: case SIOCGIFMETRIC: case SIOCGIFMTU: case SIOCGIFHWADDR:
	case SIOCGIFINDEX: case SIOCGIFTXQLEN: case SIOCGIFMAP: case SIOCGIFSLAVE:
		return sock_ifreq(k, true);
	case SIOCSIFFLAGS: case SIOCSIFADDR: case SIOCSIFDSTADDR: case SIOCSIFBRDADDR:
	case SIOCSIFNETMASK: case SIOCSIFMETRIC: case SIOCSIFMTU: case SIOCSIFNAME:
	case SIOCSIFHWADDR: case SIOCSIFSLAVE: case SIOCADDMULTI: case SIOCDELMULTI:
	case SIOCSIFHWBROADCAST: case SIOCSIFTXQLEN: case SIOCSIFMAP:
		return sock_ifreq(k, false);
	case SIOCGIFNAME: case SIOCBRADDIF: case SIOCBRDELIF:
		return sock_ifindex(k);
	case SIOCGIFCONF:
		return sock_ifconf(k);
	case SIOCBRADDBR: case SIOCBRDELBR:
		pr_str_at(k->c, k->sb, k->arg,
			  k->c->o->strsize < IFNAMSIZ ? k->c->o->strsize : IFNAMSIZ);
		return IOC_DONE;
	case FIOSETOWN: case SIOCSPGRP: case SIOCSIFENCAP:
		return ioc_num(k, 4, true, false);
	case FIOGETOWN: case SIOCGPGRP: case SIOCATMARK: case SIOCOUTQNSD:
		return ioc_num(k, 4, true, true);
	}
	if (IOC_NR(k->req) >= SIOC_PRIVATE_NR)
		return IOC_HEX;
	pr_ptr(k->sb, k->arg);
	return IOC_DONE;
}
