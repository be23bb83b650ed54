// SPDX-License-Identifier: MIT
/* --format=json: JSON Lines, one object per record. */
#include "sink.h"
#include "ident.h"

#include <string.h>

static const char hexdig[] = "0123456789abcdef";

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned cp;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void rn_json_escape(struct rn_strbuf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		unsigned char ch = p[i];
		size_t len;

		if (ch == '"' || ch == '\\') {
			rn_sb_putc(out, '\\');
			rn_sb_putc(out, (char)ch);
		} else if (ch == '\n') {
			rn_sb_puts(out, "\\n");
		} else if (ch == '\t') {
			rn_sb_puts(out, "\\t");
		} else if (ch == '\r') {
			rn_sb_puts(out, "\\r");
		} else if (ch >= 0x20 && ch < 0x7f) {
			rn_sb_putc(out, (char)ch);
		} else if (ch >= 0x80 && (len = utf8_len(p + i, n - i))) {
			rn_sb_put(out, p + i, len);
			i += len;
			continue;
		} else {
			char esc[7] = { '\\', 'u', '0', '0', hexdig[ch >> 4], hexdig[ch & 15], 0 };

			rn_sb_puts(out, esc);
		}
		i++;
	}
}

static void json_str(struct rn_strbuf *out, const char *s, size_t n)
{
	rn_sb_putc(out, '"');
	rn_json_escape(out, s, n);
	rn_sb_putc(out, '"');
}

/* A decimal integer as strace prints it stays a JSON number. */
static bool is_json_int(const char *s, size_t n)
{
	size_t i = (n && s[0] == '-') ? 1 : 0;

	if (i == n || n - i > 19 || (s[i] == '0' && n - i > 1))
		return false;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static void json_head(const struct rn_fmt_ctx *c, const char *type, const struct rn_event *ev,
		      struct rn_strbuf *out)
{
	__s64 ns = (__s64)ev->ts_ns + c->realtime_offset_ns;

	rn_sb_puts(out, "{\"type\":\"");
	rn_sb_puts(out, type);
	rn_sb_puts(out, "\",\"schema\":" RN_STR(RN_JSON_SCHEMA) ",\"ts\":");
	rn_sb_put_dec(out, ns / 1000000000);
	rn_sb_putc(out, '.');
	rn_sb_put_udec_pad(out, (unsigned long long)(ns % 1000000000 / 1000), 6);
	rn_sb_puts(out, ",\"pid\":");
	rn_sb_put_udec(out, ev->tid);
	rn_sb_puts(out, ",\"tgid\":");
	rn_sb_put_udec(out, ev->tgid);
	rn_ident_json(ev, out);
}

static void json_syscall(const struct rn_event *ev, const struct rn_decoded *d,
			 struct rn_strbuf *out)
{
	rn_sb_puts(out, ",\"syscall\":");
	json_str(out, d->name, strlen(d->name));
	rn_sb_puts(out, ",\"nr\":");
	rn_sb_put_dec(out, ev->sc.nr);
	rn_sb_puts(out, ",\"args\":[");
	for (int i = 0; i < d->nargs; i++) {
		if (i)
			rn_sb_putc(out, ',');
		if (is_json_int(d->arg[i].buf, d->arg[i].len))
			rn_sb_put(out, d->arg[i].buf, d->arg[i].len);
		else
			json_str(out, d->arg[i].buf, d->arg[i].len);
	}
	rn_sb_putc(out, ']');
	rn_ident_json_paths(ev, d, out);
	if (d->unfinished) {
		rn_sb_puts(out, ",\"ret\":null,\"errno\":null,\"unfinished\":true");
	} else {
		rn_sb_puts(out, ",\"ret\":");
		rn_sb_put_dec(out, d->retval);
		rn_sb_puts(out, ",\"errno\":");
		if (d->err)
			json_str(out, d->err, strlen(d->err));
		else
			rn_sb_puts(out, "null");
	}
	rn_sb_puts(out, ",\"dur_us\":");
	rn_sb_put_udec(out, ev->dur_ns / 1000);
	rn_sb_putc(out, '.');
	rn_sb_put_udec_pad(out, ev->dur_ns % 1000, 3);
	if (ev->flags & RN_F_ENTRY_MISSED)
		rn_sb_puts(out, ",\"entry_missed\":true");
	if (ev->flags & RN_F_INJECTED)
		rn_sb_puts(out, ",\"injected\":true");
	if (ev->flags & RN_F_DELAYED)
		rn_sb_puts(out, ",\"delayed\":true");
}

static void json_cstr(struct rn_strbuf *out, const char *s)
{
	if (s)
		json_str(out, s, strlen(s));
	else
		rn_sb_puts(out, "null");
}

static void json_frame_loc(const struct rn_frame *f, struct rn_strbuf *out)
{
	rn_sb_puts(out, "\"file\":");
	json_cstr(out, f && f->line ? f->file : NULL);
	if (f && f->file && f->line)
		rn_sb_printf(out, ",\"line\":%u", f->line);
	else
		rn_sb_puts(out, ",\"line\":null");
	rn_sb_puts(out, ",\"function\":");
	json_cstr(out, f ? f->function : NULL);
}

static void json_stack(const struct rn_fmt_ctx *c, const struct rn_frame *frames, int n,
		       struct rn_strbuf *out)
{
	if (c->source) {
		int i = rn_stack_source_frame(frames, n, c->source == 2);

		rn_sb_puts(out, ",\"source\":{");
		json_frame_loc(i >= 0 ? &frames[i] : NULL, out);
		rn_sb_putc(out, '}');
	}
	if (!c->stack)
		return;
	rn_sb_puts(out, ",\"stack\":[");
	for (int i = 0; i < n; i++) {
		const struct rn_frame *f = &frames[i];

		rn_sb_printf(out, "%s{\"ip\":%llu,\"object\":", i ? "," : "",
			     (unsigned long long)f->ip);
		json_cstr(out, f->object);
		rn_sb_printf(out, ",\"offset\":%llu,", (unsigned long long)f->offset);
		json_frame_loc(f, out);
		rn_sb_putc(out, '}');
	}
	rn_sb_putc(out, ']');
}

static void json_signal(const struct rn_event *ev, struct rn_strbuf *out)
{
	struct rn_strbuf info;

	if (ev->flags & RN_F_STOPPED) {
		rn_sb_printf(out, ",\"signal\":\"%s\",\"stopped\":true",
			     rn_signal_name(ev->sig.signo));
		return;
	}
	rn_sb_printf(out, ",\"signal\":\"%s\",\"si_code\":\"%s\",\"si_pid\":%d,\"si_uid\":%d",
		     rn_signal_name(ev->sig.signo), rn_sicode_name(ev->sig.signo, ev->sig.code),
		     ev->sig.pid, ev->sig.uid);
	rn_sb_init(&info);
	rn_decode_siginfo(ev, &info);
	rn_sb_puts(out, ",\"siginfo\":");
	json_str(out, info.buf, info.len);
	rn_sb_release(&info);
}

static void json_line(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		      const struct rn_event *ev, const struct rn_decoded *d,
		      const struct rn_frame *frames, int nframes, struct rn_strbuf *out)
{
	(void)pfx;	/* every object names its pid */
	switch (ev->type) {
	case RN_EV_SYSCALL:
		json_head(c, "syscall", ev, out);
		json_syscall(ev, d, out);
		json_stack(c, frames, nframes, out);
		break;
	case RN_EV_SIGNAL:
		json_head(c, "signal", ev, out);
		json_signal(ev, out);
		break;
	case RN_EV_EXIT:
		json_head(c, "exit", ev, out);
		if (ev->flags & RN_F_SUPERSEDED)
			rn_sb_printf(out, ",\"superseded_by\":%d", ev->exit.code);
		else if (ev->exit.signo)
			rn_sb_printf(out, ",\"signal\":\"%s\",\"core_dumped\":%s",
				     rn_signal_name(ev->exit.signo),
				     ev->exit.core_dumped ? "true" : "false");
		else
			rn_sb_printf(out, ",\"code\":%d", ev->exit.code);
		break;
	case RN_EV_LOST:
		json_head(c, "lost", ev, out);
		rn_sb_printf(out, ",\"count\":%llu", (unsigned long long)ev->lost.count);
		break;
	case RN_EV_ATTACH:
		json_head(c, ev->flags & RN_F_DETACHED ? "detach" : "attach", ev, out);
		break;
	case RN_EV_SAMPLED:	/* calls left out since the previous such record */
		json_head(c, "sampled", ev, out);
		rn_sb_printf(out, ",\"sampled_out\":%llu,\"rate_limited\":%llu,\"sample\":%llu,"
			     "\"rate_limit\":%llu", (unsigned long long)ev->sampled.sampled,
			     (unsigned long long)ev->sampled.limited,
			     (unsigned long long)ev->sampled.every,
			     (unsigned long long)ev->sampled.rate);
		break;
	default:
		return;
	}
	rn_sb_puts(out, "}\n");
}

const struct rn_format_desc rn_format_json = {
	.name = "json",
	.flags = RN_FORMAT_TIMED | RN_FORMAT_JSON,
	.line = json_line,
};
