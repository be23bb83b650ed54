// SPDX-License-Identifier: MIT
/* Formatting: strace-shaped text lines, JSON Lines escaping, CSV quoting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "frontend/format.h"

static struct rn_fmt_ctx text_ctx = { .format = RN_FMT_TEXT };
static struct rn_fmt_ctx json_ctx = { .format = RN_FMT_JSON };
static struct rn_fmt_ctx csv_ctx = { .format = RN_FMT_CSV };

static void make_decoded(struct rn_decoded *d, const char *name, int nargs, const char **args,
			 const char *ret, long long retval, const char *err)
{
	rn_decoded_init(d);
	d->name = name;
	d->nargs = nargs;
	for (int i = 0; i < nargs; i++)
		rn_sb_puts(&d->arg[i], args[i]);
	rn_sb_puts(&d->ret, ret);
	d->retval = retval;
	d->err = err;
}

static struct rn_event syscall_event(int nr, __u64 dur_ns)
{
	struct rn_event ev = { .type = RN_EV_SYSCALL, .tid = 42, .tgid = 41, .dur_ns = dur_ns };

	ev.ts_ns = 1700000000ULL * 1000000000ULL + 123456789ULL;
	ev.sc.nr = nr;
	return ev;
}

static void test_text_aligns_return_at_column_40(void **state)
{
	const char *args[] = { "3" };
	struct rn_decoded d;
	struct rn_strbuf out;
	struct rn_event ev = syscall_event(3, 0);

	(void)state;
	make_decoded(&d, "close", 1, args, "0", 0, NULL);
	rn_sb_init(&out);
	rn_format_event(&text_ctx, RN_PFX_NONE, &ev, &d, &out);
	assert_string_equal(out.buf, "close(3)                                = 0\n");
	rn_sb_reset(&out);
	rn_format_event(&text_ctx, RN_PFX_BRACKET, &ev, &d, &out);
	assert_string_equal(out.buf, "[pid    42] close(3)                    = 0\n");
	rn_sb_reset(&out);
	rn_format_event(&text_ctx, RN_PFX_COLUMN, &ev, &d, &out);
	assert_string_equal(out.buf, "42    close(3)                          = 0\n");
	rn_sb_release(&out);
	rn_decoded_release(&d);
}

static void test_text_long_line_and_T(void **state)
{
	const char *args[] = { "AT_FDCWD", "\"/a/very/long/path/name/indeed\"", "O_RDONLY" };
	struct rn_fmt_ctx c = { .format = RN_FMT_TEXT, .show_time = true };
	struct rn_decoded d;
	struct rn_strbuf out;
	struct rn_event ev = syscall_event(257, 1234567);

	(void)state;
	make_decoded(&d, "openat", 3, args, "-1 ENOENT (No such file or directory)", -1, "ENOENT");
	rn_sb_init(&out);
	rn_format_event(&c, RN_PFX_NONE, &ev, &d, &out);
	assert_string_equal(out.buf, "openat(AT_FDCWD, \"/a/very/long/path/name/indeed\", O_RDONLY) "
				     "= -1 ENOENT (No such file or directory) <0.001234>\n");
	rn_sb_release(&out);
	rn_decoded_release(&d);
}

static void test_json_syscall_contract(void **state)
{
	const char *args[] = { "AT_FDCWD", "\"/etc/passwd\"", "O_RDONLY|O_CLOEXEC", "0" };
	struct rn_decoded d;
	struct rn_strbuf out;
	struct rn_event ev = syscall_event(257, 12500);

	(void)state;
	make_decoded(&d, "openat", 4, args, "3", 3, NULL);
	rn_sb_init(&out);
	rn_format_event(&json_ctx, RN_PFX_BRACKET, &ev, &d, &out);
	assert_string_equal(out.buf,
			    "{\"type\":\"syscall\",\"schema\":1,\"ts\":1700000000.123456,\"pid\":42,"
			    "\"tgid\":41,\"syscall\":\"openat\",\"nr\":257,\"args\":[\"AT_FDCWD\","
			    "\"\\\"/etc/passwd\\\"\",\"O_RDONLY|O_CLOEXEC\",0],"
			    "\"paths\":[\"/etc/passwd\"],\"ret\":3,"
			    "\"errno\":null,\"dur_us\":12.500}\n");
	rn_sb_release(&out);
	d.unfinished = true;
	rn_sb_init(&out);
	rn_format_event(&json_ctx, RN_PFX_NONE, &ev, &d, &out);
	assert_non_null(strstr(out.buf, "\"ret\":null,\"errno\":null,\"unfinished\":true"));
	rn_sb_release(&out);
	rn_decoded_release(&d);
}

/* Every byte value, alone: the output holds no raw control byte and no
 * invalid UTF-8, and each escape names the byte it stands for. */
static void test_json_escape_every_byte(void **state)
{
	(void)state;
	for (int b = 0; b < 256; b++) {
		char in[1] = { (char)b };
		struct rn_strbuf out;

		rn_sb_init(&out);
		rn_json_escape(&out, in, 1);
		for (size_t i = 0; i < out.len; i++) {
			unsigned char ch = (unsigned char)out.buf[i];

			assert_true(ch >= 0x20 && ch < 0x7f);
		}
		if (b == '"')
			assert_string_equal(out.buf, "\\\"");
		else if (b == '\\')
			assert_string_equal(out.buf, "\\\\");
		else if (b == '\n')
			assert_string_equal(out.buf, "\\n");
		else if (b >= 0x20 && b < 0x7f)
			assert_int_equal(out.len, 1);
		else if (b != '\t' && b != '\r') {
			char want[8];

			snprintf(want, sizeof(want), "\\u%04x", b);
			assert_string_equal(out.buf, want);
		}
		rn_sb_release(&out);
	}
}

static void test_json_escape_utf8(void **state)
{
	struct rn_strbuf out;

	(void)state;
	rn_sb_init(&out);
	/* Valid two- and four-byte sequences pass through. */
	rn_json_escape(&out, "h\xc3\xa9 \xf0\x9f\x98\x80", 8);
	assert_string_equal(out.buf, "h\xc3\xa9 \xf0\x9f\x98\x80");
	rn_sb_reset(&out);
	/* Truncated, overlong and surrogate sequences become byte escapes. */
	rn_json_escape(&out, "\xc3", 1);
	assert_string_equal(out.buf, "\\u00c3");
	rn_sb_reset(&out);
	rn_json_escape(&out, "\xc0\xaf", 2);
	assert_string_equal(out.buf, "\\u00c0\\u00af");
	rn_sb_reset(&out);
	rn_json_escape(&out, "\xed\xa0\x80", 3);
	assert_string_equal(out.buf, "\\u00ed\\u00a0\\u0080");
	rn_sb_release(&out);
}

static void test_csv_quoting(void **state)
{
	const char *args[] = { "1", "\"a,b\"", "5" };
	struct rn_decoded d;
	struct rn_strbuf out;
	struct rn_event ev = syscall_event(1, 2000);

	(void)state;
	make_decoded(&d, "write", 3, args, "5", 5, NULL);
	rn_sb_init(&out);
	rn_format_header(&csv_ctx, &out);
	rn_format_event(&csv_ctx, RN_PFX_NONE, &ev, &d, &out);
	assert_string_equal(out.buf, "ts,pid,syscall,args,ret,errno,dur_us\n"
				     "1700000000.123456,42,write,\"1, \"\"a,b\"\", 5\",5,,2.000\n");
	rn_sb_release(&out);
	rn_decoded_release(&d);
}

static void test_exit_lines(void **state)
{
	struct rn_event ev = { .type = RN_EV_EXIT, .tid = 7, .tgid = 7 };
	struct rn_strbuf out;

	(void)state;
	rn_sb_init(&out);
	ev.exit.code = 3;
	rn_format_event(&text_ctx, RN_PFX_NONE, &ev, NULL, &out);
	assert_string_equal(out.buf, "+++ exited with 3 +++\n");
	rn_sb_reset(&out);
	ev.exit.signo = 9;
	rn_format_event(&text_ctx, RN_PFX_NONE, &ev, NULL, &out);
	assert_string_equal(out.buf, "+++ killed by SIGKILL +++\n");
	rn_sb_reset(&out);
	rn_format_event(&json_ctx, RN_PFX_NONE, &ev, NULL, &out);
	assert_non_null(strstr(out.buf, "\"type\":\"exit\""));
	assert_non_null(strstr(out.buf, "\"signal\":\"SIGKILL\""));
	rn_sb_release(&out);
}

/* The printf-free integer writers agree with printf over edge values. */
static void test_integer_writers(void **state)
{
	static const long long vals[] = { 0, 1, -1, 9, 10, 4095, -4095, 2147483647,
					  -2147483648LL, 9223372036854775807LL,
					  -9223372036854775807LL - 1 };
	struct rn_strbuf sb;
	char want[64];

	(void)state;
	rn_sb_init(&sb);
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		rn_sb_reset(&sb);
		rn_sb_put_dec(&sb, vals[i]);
		snprintf(want, sizeof(want), "%lld", vals[i]);
		assert_string_equal(sb.buf, want);
		rn_sb_reset(&sb);
		rn_sb_put_hex(&sb, (unsigned long long)vals[i]);
		snprintf(want, sizeof(want), "%#llx", (unsigned long long)vals[i]);
		assert_string_equal(sb.buf, want);
		rn_sb_reset(&sb);
		rn_sb_put_udec_pad(&sb, (unsigned long long)vals[i] % 1000000, 6);
		snprintf(want, sizeof(want), "%06llu", (unsigned long long)vals[i] % 1000000);
		assert_string_equal(sb.buf, want);
	}
	rn_sb_reset(&sb);
	rn_sb_pad(&sb, 3);
	rn_sb_putc(&sb, 'x');
	assert_string_equal(sb.buf, "   x");
	rn_sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_aligns_return_at_column_40),
		cmocka_unit_test(test_text_long_line_and_T),
		cmocka_unit_test(test_json_syscall_contract),
		cmocka_unit_test(test_json_escape_every_byte),
		cmocka_unit_test(test_json_escape_utf8),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_exit_lines),
		cmocka_unit_test(test_integer_writers),
	};

	return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
