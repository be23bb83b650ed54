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

void rn_sb_putc(struct rn_strbuf *sb, char c)
{
	sb_grow(sb, 1);
	sb->buf[sb->len++] = c;
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
