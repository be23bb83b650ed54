// SPDX-License-Identifier: MIT
/* Identity in the sinks' output (see ident.h). */
#include "ident.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../bpf/renacer.h"
#include "../syscalls/syscalls.h"
#include "cgroup.h"
#include "format.h"
#include "metrics.h"
#include "../stats/stats.h"

_Static_assert(RN_JSON_SCHEMA == RN_STATS_JSON_SCHEMA, "one JSON schema number");

int rn_opts_add_comm(struct rn_opts *o, const char *name, char *err, size_t errlen)
{
	if (o->ncomms >= RN_COMM_FILTER_MAX || o->ncomms >= sizeof(o->comms) / sizeof(o->comms[0])) {
		snprintf(err, errlen, "--comm: at most %d names", RN_COMM_FILTER_MAX);
		return -EINVAL;
	}
	if (!*name) {
		snprintf(err, errlen, "--comm needs a process name");
		return -EINVAL;
	}
	o->comms[o->ncomms++] = name;
	return 0;
}

void rn_ident_comm(const struct rn_event *ev, char *buf, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	if (!len)
		return;
	buf[0] = 0;
	if (!(ev->flags & RN_F_IDENT))
		return;
	for (size_t i = 0; i < sizeof(ev->comm) && ev->comm[i] && o + 5 < len; i++) {
		unsigned char ch = (unsigned char)ev->comm[i];

		if (ch >= 0x20 && ch < 0x7f && ch != '\\' && ch != '<' && ch != '>') {
			buf[o++] = (char)ch;
		} else {
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[ch >> 4];
			buf[o++] = hex[ch & 15];
		}
	}
	buf[o] = 0;
}

static void json_string(struct rn_strbuf *out, const char *s, size_t n)
{
	rn_sb_putc(out, '"');
	rn_json_escape(out, s, n);
	rn_sb_putc(out, '"');
}

void rn_ident_json(const struct rn_event *ev, struct rn_strbuf *out)
{
	const char *cg, *cont;

	if (!(ev->flags & RN_F_IDENT))
		return;
	/* the raw bytes, JSON-escaped: a name is the program's to choose */
	rn_sb_puts(out, ",\"comm\":");
	json_string(out, ev->comm, strnlen(ev->comm, sizeof(ev->comm)));
	rn_sb_printf(out, ",\"ppid\":%u,\"uid\":%u,\"gid\":%u", ev->ppid, ev->uid, ev->gid);
	cg = rn_cgroup_path(ev->cgroup_id);
	rn_sb_puts(out, ",\"cgroup\":");
	if (cg)
		json_string(out, cg, strlen(cg));
	else
		rn_sb_puts(out, "null");
	cont = rn_cgroup_container(ev->cgroup_id);
	if (cont) {
		rn_sb_puts(out, ",\"container\":");
		json_string(out, cont, strlen(cont));
	}
}

static int octal_digit(char c)
{
	return c >= '0' && c <= '7' ? c - '0' : -1;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool rn_ident_unquote(const char *s, size_t n, struct rn_strbuf *out)
{
	static const char esc_from[] = "tnvfr\"\\", esc_to[] = "\t\n\v\f\r\"\\";
	size_t i;

	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return false;
	for (i = 1; i < n - 1; i++) {
		const char *e;
		int v, d;

		if (s[i] == '"')
			return false;	/* "a"..."b": not one string */
		if (s[i] != '\\') {
			rn_sb_putc(out, s[i]);
			continue;
		}
		if (++i >= n - 1)
			return false;
		if (s[i] == 'x' && i + 2 < n - 1 && hex_digit(s[i + 1]) >= 0 &&
		    hex_digit(s[i + 2]) >= 0) {
			rn_sb_putc(out, (char)(hex_digit(s[i + 1]) << 4 | hex_digit(s[i + 2])));
			i += 2;
		} else if ((v = octal_digit(s[i])) >= 0) {
			for (int k = 0; k < 2 && i + 1 < n - 1 && (d = octal_digit(s[i + 1])) >= 0;
			     k++, i++)
				v = v * 8 + d;
			rn_sb_putc(out, (char)v);
		} else if ((e = strchr(esc_from, s[i])) && *e) {
			rn_sb_putc(out, esc_to[e - esc_from]);
		} else {
			return false;
		}
	}
	return true;
}

void rn_ident_json_paths(const struct rn_event *ev, const struct rn_decoded *d,
			 struct rn_strbuf *out)
{
	const struct rn_syscall_info *si = rn_syscall(ev->sc.nr);
	struct rn_strbuf raw;
	int shown = 0;

	if (!si || !si->roles || !d)
		return;
	rn_sb_init(&raw);
	for (int i = 0; i < d->nargs && si->roles[i]; i++) {
		if (si->roles[i] != 'p')
			continue;
		raw.len = 0;
		if (!rn_ident_unquote(d->arg[i].buf, d->arg[i].len, &raw))
			continue;
		rn_sb_puts(out, shown++ ? "," : ",\"paths\":[");
		json_string(out, raw.buf ? raw.buf : "", raw.len);
	}
	if (shown)
		rn_sb_putc(out, ']');
	rn_sb_release(&raw);
}

bool rn_ident_comm_wanted(const struct rn_opts *o, const struct rn_event *ev)
{
	if (!o->ncomms || !(ev->flags & RN_F_IDENT) || ev->type == RN_EV_LOST)
		return true;
	/* the kernel keeps the first 15 bytes of a name */
	for (size_t i = 0; i < o->ncomms; i++) {
		size_t n = strnlen(o->comms[i], 15);

		if (!strncmp(o->comms[i], ev->comm, n) && (n == 15 || !ev->comm[n]))
			return true;
	}
	return false;
}

static const char *stats_name(void *ctx, __u64 cgroup_id, bool container)
{
	(void)ctx;
	if (!cgroup_id)
		return NULL;
	return container ? rn_cgroup_container(cgroup_id) : rn_cgroup_path(cgroup_id);
}

void rn_ident_stats_namer(struct rn_stats *s)
{
	rn_stats_set_namer(s, &(struct rn_stats_namer){ .name = stats_name });
}

bool rn_metrics_ident_labels(int key, const struct rn_event *ev, char *buf, size_t len)
{
	__u64 id = ev->flags & RN_F_IDENT ? ev->cgroup_id : 0;
	const char *v;
	struct rn_strbuf sb;

	if (key != RN_STATS_BY_CGROUP && key != RN_STATS_BY_CONTAINER)
		return false;
	v = stats_name(NULL, id, key == RN_STATS_BY_CONTAINER);
	rn_sb_init(&sb);
	rn_sb_puts(&sb, key == RN_STATS_BY_CGROUP ? "cgroup=\"" : "container=\"");
	rn_metrics_label_escape(&sb, v ? v : "-");
	rn_sb_puts(&sb, "\",");
	snprintf(buf, len, "%s", sb.buf);
	rn_sb_release(&sb);
	return true;
}

void rn_metrics_container_label(const struct rn_event *ev, struct rn_strbuf *sb)
{
	const char *v = ev->flags & RN_F_IDENT ? rn_cgroup_container(ev->cgroup_id) : NULL;

	if (!v)
		return;
	rn_sb_puts(sb, "container=\"");
	rn_metrics_label_escape(sb, v);
	rn_sb_puts(sb, "\",");
}
