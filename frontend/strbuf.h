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
void rn_sb_putc(struct rn_strbuf *sb, char c);
void rn_sb_puts(struct rn_strbuf *sb, const char *s);
void rn_sb_put(struct rn_strbuf *sb, const void *p, size_t n);
void rn_sb_printf(struct rn_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rn_sb_vprintf(struct rn_strbuf *sb, const char *fmt, va_list ap);

#endif /* RN_STRBUF_H */
