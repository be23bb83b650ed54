// SPDX-License-Identifier: MIT
/* Unit tests for rn_escape_c: every byte 0..255, alone and before a digit;
 * -x and -xx (rn_escape_set_hex). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "syscalls/decode.h"

static const char *esc(struct rn_strbuf *sb, const void *p, size_t n)
{
	rn_sb_reset(sb);
	rn_escape_c(sb, p, n);
	return sb->buf;
}

/* The expected escape of byte c, worked out independently of the code. */
static void expect_one(unsigned char c, bool before_digit, char *want)
{
	const char *named = NULL;

	switch (c) {
	case '\t': named = "\\t"; break;
	case '\n': named = "\\n"; break;
	case '\v': named = "\\v"; break;
	case '\f': named = "\\f"; break;
	case '\r': named = "\\r"; break;
	case '"': named = "\\\""; break;
	case '\\': named = "\\\\"; break;
	}
	if (named)
		strcpy(want, named);
	else if (c >= ' ' && c <= '~')
		sprintf(want, "%c", c);
	else if (before_digit)
		sprintf(want, "\\%03o", c);
	else
		sprintf(want, "\\%o", c);
}

static void test_every_byte(void **state)
{
	struct rn_strbuf sb;
	char want[16];
	unsigned c;

	(void)state;
	rn_sb_init(&sb);
	for (c = 0; c < 256; c++) {
		unsigned char two[2] = { c, '1' };
		unsigned char eight[2] = { c, '8' };

		expect_one(c, false, want);
		assert_string_equal(esc(&sb, two, 1), want);
		strcat(want, "8");
		assert_string_equal(esc(&sb, eight, 2), want);
		expect_one(c, true, want);
		strcat(want, "1");
		assert_string_equal(esc(&sb, two, 2), want);
		/* never a raw control byte or a byte above 0x7e */
		for (const char *p = sb.buf; *p; p++)
			assert_true(*p >= ' ' && *p <= '~');
	}
	rn_sb_release(&sb);
}

/* The line strace 6.1 printed for the same bytes (checked by hand). */
static void test_strace_sample(void **state)
{
	static const char in[] = "\0018\0017\033[1m\x7f\xc3\xa9\"\\\t\n\v\f\r\a\b end";
	struct rn_strbuf sb;

	(void)state;
	rn_sb_init(&sb);
	assert_string_equal(esc(&sb, in, sizeof(in) - 1),
			    "\\18\\0017\\33[1m\\177\\303\\251\\\"\\\\\\t\\n\\v\\f\\r\\7\\10 end");
	assert_string_equal(esc(&sb, "\0\0", 2), "\\0\\0");
	assert_string_equal(esc(&sb, "\0000", 2), "\\0000");
	assert_string_equal(esc(&sb, "", 0), "");
	rn_sb_release(&sb);
}

/* Long inputs cross the internal flush boundary without losing bytes. */
static void test_long(void **state)
{
	unsigned char in[1000];
	struct rn_strbuf sb;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(in); i++)
		in[i] = i % 3 ? 0xff : 'a';
	rn_sb_init(&sb);
	esc(&sb, in, sizeof(in));
	/* 334 'a' and 666 "\377" */
	assert_int_equal(sb.len, 334 + 666 * 4);
	assert_memory_equal(sb.buf, "a\\377\\377a", 10);
	rn_sb_release(&sb);
}

/* -x: hex for the whole string as soon as one byte is neither printable
 * ASCII nor \t..\r; -xx: always. Checked for every single byte. */
static void test_hex_levels(void **state)
{
	struct rn_strbuf sb;
	char want[64];
	unsigned c;

	(void)state;
	rn_sb_init(&sb);
	rn_escape_set_hex(1);
	assert_string_equal(esc(&sb, "ab\tc\n", 5), "ab\\tc\\n");
	assert_string_equal(esc(&sb, "a\001b\n", 4), "\\x61\\x01\\x62\\x0a");
	assert_string_equal(esc(&sb, "\303\251t", 3), "\\xc3\\xa9\\x74");
	for (c = 0; c < 256; c++) {
		unsigned char in[2] = { 'z', (unsigned char)c };
		bool plain = (c >= 0x20 && c < 0x7f) || (c >= 9 && c <= 13);

		if (plain)
			continue;	/* the default escaping, tested above */
		snprintf(want, sizeof(want), "\\x7a\\x%02x", c);
		assert_string_equal(esc(&sb, in, 2), want);
	}
	rn_escape_set_hex(2);
	assert_string_equal(esc(&sb, "ab", 2), "\\x61\\x62");
	assert_string_equal(esc(&sb, "", 0), "");
	rn_escape_set_hex(0);
	assert_string_equal(esc(&sb, "a\001b", 3), "a\\1b");
	rn_sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_strace_sample),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_hex_levels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
