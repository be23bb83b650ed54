// SPDX-License-Identifier: MIT
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Out of memory in a tracer is not recoverable in any useful way: the trace
 * would be silently truncated. Abort loudly instead. */
static void sb_grow(struct rn_strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;
	size_t cap = sb->cap ? sb->cap : 64;
	char *p;

	if (need <= sb->cap)
		return;
	while (cap < need)
		cap *= 2;
	p = realloc(sb->cap ? sb->buf : NULL, cap);
	if (!p) {
		fputs("renacer: out of memory\n", stderr);
		abort();
	}
	if (!sb->cap)
		p[0] = '\0';
	sb->buf = p;
	sb->cap = cap;
}

void rn_sb_init(struct rn_strbuf *sb)
{
	static char empty[1];

	sb->buf = empty;
	sb->len = 0;
	sb->cap = 0;
}

void rn_sb_release(struct rn_strbuf *sb)
{
	if (sb->cap)
		free(sb->buf);
	rn_sb_init(sb);
}

void rn_sb_reset(struct rn_strbuf *sb)
{
	sb->len = 0;
	if (sb->cap)
		sb->buf[0] = '\0';
}

void rn_sb_put(struct rn_strbuf *sb, const void *p, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void rn_sb_reserve(struct rn_strbuf *sb, size_t n)
{
	sb_grow(sb, n);
}

void rn_sb_put_udec_pad(struct rn_strbuf *sb, unsigned long long v, int width)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width && n < (int)sizeof(tmp))
		tmp[n++] = '0';
	sb_grow(sb, (size_t)n);
	while (n)
		sb->buf[sb->len++] = tmp[--n];
	sb->buf[sb->len] = '\0';
}

void rn_sb_put_udec(struct rn_strbuf *sb, unsigned long long v)
{
	rn_sb_put_udec_pad(sb, v, 1);
}

void rn_sb_put_dec(struct rn_strbuf *sb, long long v)
{
	if (v < 0) {
		rn_sb_putc(sb, '-');
		/* -(v + 1) + 1 avoids overflowing on LLONG_MIN */
		rn_sb_put_udec(sb, (unsigned long long)-(v + 1) + 1);
		return;
	}
	rn_sb_put_udec(sb, (unsigned long long)v);
}

void rn_sb_put_hex(struct rn_strbuf *sb, unsigned long long v)
{
	static const char dig[] = "0123456789abcdef";
	char tmp[16];
	int n = 0;

	if (!v) {
		rn_sb_putc(sb, '0');
		return;
	}
	while (v) {
		tmp[n++] = dig[v & 15];
		v >>= 4;
	}
	sb_grow(sb, (size_t)n + 2);
	sb->buf[sb->len++] = '0';
	sb->buf[sb->len++] = 'x';
	while (n)
		sb->buf[sb->len++] = tmp[--n];
	sb->buf[sb->len] = '\0';
}

void rn_sb_pad(struct rn_strbuf *sb, size_t n)
{
	sb_grow(sb, n);
	memset(sb->buf + sb->len, ' ', n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void rn_sb_puts(struct rn_strbuf *sb, const char *s)
{
	rn_sb_put(sb, s, strlen(s));
}

void rn_sb_vprintf(struct rn_strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void rn_sb_printf(struct rn_strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rn_sb_vprintf(sb, fmt, ap);
	va_end(ap);
}
