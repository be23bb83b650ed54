// SPDX-License-Identifier: MIT
/* Printing values through constant tables; the tables are in xlat_tables.c. */
#include "xlat.h"

const char *rn_xlat_name(const struct rn_xlat *x, __u64 val)
{
	for (; x->str; x++)
		if (x->val == val)
			return x->str;
	return NULL;
}

void rn_xlat_enum(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val, const char *fmt)
{
	const char *s = rn_xlat_name(x, val);

	if (s)
		rn_sb_puts(sb, s);
	else
		rn_sb_printf(sb, fmt, (long long)val);
}

void rn_xlat_enum_unk(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val,
		      const char *pfx)
{
	const char *s = rn_xlat_name(x, val);

	if (s)
		rn_sb_puts(sb, s);
	else
		rn_sb_printf(sb, "%#llx /* %s??? */", (unsigned long long)val, pfx);
}

int rn_xlat_flags(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val)
{
	const char *zero = NULL;
	int n = 0;

	for (; x->str; x++) {
		if (!x->val) {
			zero = x->str;
			continue;
		}
		if ((val & x->val) != x->val)
			continue;
		if (n++)
			rn_sb_putc(sb, '|');
		rn_sb_puts(sb, x->str);
		val &= ~x->val;
	}
	if (val) {
		if (n++)
			rn_sb_putc(sb, '|');
		rn_sb_printf(sb, "%#llx", (unsigned long long)val);
	} else if (!n) {
		rn_sb_puts(sb, zero ? zero : "0");
		n = zero ? 1 : 0;
	}
	return n;
}
