/* SPDX-License-Identifier: MIT */
/* A growable, always NUL-terminated string buffer. */
#ifndef RN_STRBUF_H
#define RN_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct rn_strbuf {
	char *buf;		/* NUL-terminated; never NULL after rn_sb_init() */
	size_t len;
	size_t cap;
};

void rn_sb_init(struct rn_strbuf *sb);
void rn_sb_release(struct rn_strbuf *sb);
void rn_sb_reset(struct rn_strbuf *sb);	/* len = 0, keeps the memory */
/* Make room for n more bytes (plus the NUL); aborts on out of memory. */
void rn_sb_reserve(struct rn_strbuf *sb, size_t n);

/* One byte; inline because decoders and formatters call it per character. */
static inline void rn_sb_putc(struct rn_strbuf *sb, char c)
{
	if (sb->len + 1 >= sb->cap)
		rn_sb_reserve(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

/* Integers without printf (the per-call hot path): decimal, and "0x..."
 * hexadecimal as %#llx prints it ("0" for zero). */
void rn_sb_put_dec(struct rn_strbuf *sb, long long v);
void rn_sb_put_udec(struct rn_strbuf *sb, unsigned long long v);
void rn_sb_put_hex(struct rn_strbuf *sb, unsigned long long v);
/* v as at least width digits, zero-padded (for fractions: ".000123"). */
void rn_sb_put_udec_pad(struct rn_strbuf *sb, unsigned long long v, int width);
/* n spaces. */
void rn_sb_pad(struct rn_strbuf *sb, size_t n);
void rn_sb_puts(struct rn_strbuf *sb, const char *s);
void rn_sb_put(struct rn_strbuf *sb, const void *p, size_t n);
void rn_sb_printf(struct rn_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rn_sb_vprintf(struct rn_strbuf *sb, const char *fmt, va_list ap);

#endif /* RN_STRBUF_H */
