// SPDX-License-Identifier: MIT
/*
 * strace's C-string escaping. Printable ASCII passes except '"' and '\\';
 * the usual C escapes for \t \n \v \f \r; everything else in octal, as short
 * as possible unless the next byte is an octal digit, where the short form
 * would be misread ("\1" then '7' must be "\0017").
 */
#include "decode.h"
#include "decode_int.h"

static const char c_escapes[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\v'] = 'v', ['\f'] = 'f', ['\r'] = 'r',
	['"'] = '"', ['\\'] = '\\',
};

/* -x / -xx: set once at start-up, for every string of the run */
static int escape_hex_level;

void rn_escape_set_hex(int level)
{
	escape_hex_level = level;
}

/* -x: a string with any byte that is neither printable ASCII nor one of
 * \t \n \v \f \r is shown entirely in hex, as strace does. */
static bool needs_hex(const unsigned char *s, size_t n)
{
	size_t i;

	if (escape_hex_level >= 2)
		return true;
	if (escape_hex_level < 1)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] > 0x7e || (s[i] < 0x20 && (s[i] < '\t' || s[i] > '\r')))
			return true;
	return false;
}

static void escape_octal(char *p, size_t *k, unsigned char c, bool full)
{
	if (full || c >= 0100)
		p[(*k)++] = '0' + (c >> 6);
	if (full || c >= 010)
		p[(*k)++] = '0' + ((c >> 3) & 7);
	p[(*k)++] = '0' + (c & 7);
}

void rn_escape_c(struct rn_strbuf *out, const void *src, size_t n)
{
	const unsigned char *s = src;
	char tmp[256];
	size_t i, k = 0;

	if (needs_hex(s, n)) {
		rn_escape_hex(out, src, n);
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		/* flush before tmp can overflow: one byte is at most 4 chars */
		if (k > sizeof(tmp) - 4) {
			rn_sb_put(out, tmp, k);
			k = 0;
		}
		if (c_escapes[c]) {
			tmp[k++] = '\\';
			tmp[k++] = c_escapes[c];
		} else if (c >= 0x20 && c < 0x7f) {
			tmp[k++] = c;
		} else {
			bool next_digit = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7';

			tmp[k++] = '\\';
			escape_octal(tmp, &k, c, next_digit);
		}
	}
	rn_sb_put(out, tmp, k);
}

/* Every byte as \xNN: what strace prints for random bytes (getrandom). */
void rn_escape_hex(struct rn_strbuf *out, const void *src, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = src;
	char tmp[256];
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (k > sizeof(tmp) - 4) {
			rn_sb_put(out, tmp, k);
			k = 0;
		}
		tmp[k++] = '\\';
		tmp[k++] = 'x';
		tmp[k++] = hex[s[i] >> 4];
		tmp[k++] = hex[s[i] & 15];
	}
	rn_sb_put(out, tmp, k);
}
