// SPDX-License-Identifier: MIT
/*
 * Unit tests for frontend/ident.c: a record's identity in JSON (the name
 * escaped, cgroup null when unknown), the plain "paths" a call's quoted
 * path arguments become, the --comm match on the 15 bytes the kernel keeps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <sys/syscall.h>

#include "frontend/ident.h"

static void unq(const char *in, const char *want)
{
	struct rn_strbuf sb;
	bool ok;

	rn_sb_init(&sb);
	ok = rn_ident_unquote(in, strlen(in), &sb);
	if (!want) {
		assert_false(ok);
	} else {
		assert_true(ok);
		assert_int_equal(sb.len, strlen(want));
		assert_memory_equal(sb.buf, want, sb.len);
	}
	rn_sb_release(&sb);
}

static void test_unquote(void **state)
{
	(void)state;
	unq("\"/etc/hostname\"", "/etc/hostname");
	unq("\"a\\nb\\t\\\"q\\\"\\\\\"", "a\nb\t\"q\"\\");
	unq("\"\\1\\0017\\377\"", "\001\0017\377");
	unq("\"\\x41\\x7a\"", "Az");
	unq("\"\"", "");
	unq("NULL", NULL);
	unq("0x7ffd1234", NULL);
	unq("\"/very/long\"...", NULL);	/* cut short: not the whole path */
	unq("\"a\"", "a");
	unq("\"", NULL);
	unq("\"bad\\q\"", NULL);
}

static struct rn_event mkev(const char *comm)
{
	struct rn_event ev;

	memset(&ev, 0, RN_EVENT_HDR_SIZE);
	ev.type = RN_EV_SYSCALL;
	ev.flags = RN_F_IDENT;
	ev.ppid = 7;
	ev.uid = 1000;
	ev.gid = 100;
	memcpy(ev.comm, comm, strnlen(comm, sizeof(ev.comm)));
	return ev;
}

static void test_json(void **state)
{
	struct rn_event ev = mkev("a\"b\x01");
	struct rn_strbuf sb;

	(void)state;
	rn_sb_init(&sb);
	rn_ident_json(&ev, &sb);
	/* cgroup id 0: unknown, null; no container member */
	assert_string_equal(sb.buf, ",\"comm\":\"a\\\"b\\u0001\",\"ppid\":7,\"uid\":1000,"
			    "\"gid\":100,\"cgroup\":null");
	sb.len = 0;
	sb.buf[0] = 0;
	ev.flags = 0;
	rn_ident_json(&ev, &sb);
	assert_int_equal(sb.len, 0);
	rn_sb_release(&sb);
}

static void test_comm_text(void **state)
{
	struct rn_event ev = mkev("x<y>\\z\x7f");
	char buf[64];

	(void)state;
	rn_ident_comm(&ev, buf, sizeof(buf));
	assert_string_equal(buf, "x\\x3cy\\x3e\\x5cz\\x7f");
}

static void test_paths(void **state)
{
	struct rn_event ev = mkev("cat");
	struct rn_decoded d;
	struct rn_strbuf sb;

	(void)state;
	rn_decoded_init(&d);
	ev.sc.nr = SYS_renameat;	/* dirfd, path, dirfd, path */
	d.nargs = 4;
	rn_sb_puts(&d.arg[0], "AT_FDCWD");
	rn_sb_puts(&d.arg[1], "\"/a b\\n\"");
	rn_sb_puts(&d.arg[2], "3");
	rn_sb_puts(&d.arg[3], "\"/c\\\\\"");
	rn_sb_init(&sb);
	rn_ident_json_paths(&ev, &d, &sb);
	assert_string_equal(sb.buf, ",\"paths\":[\"/a b\\n\",\"/c\\\\\"]");
	sb.len = 0;
	sb.buf[0] = 0;
	ev.sc.nr = SYS_getpid;
	d.nargs = 0;
	rn_ident_json_paths(&ev, &d, &sb);
	assert_int_equal(sb.len, 0);
	rn_sb_release(&sb);
	rn_decoded_release(&d);
}

static void test_comm_filter(void **state)
{
	struct rn_opts o = { 0 };
	struct rn_event ev = mkev("averyveryverylo");	/* 15 bytes kept */
	char err[128];

	(void)state;
	assert_true(rn_ident_comm_wanted(&o, &ev));	/* no --comm: all */
	assert_int_equal(rn_opts_add_comm(&o, "averyveryverylongname", err, sizeof(err)), 0);
	assert_true(rn_ident_comm_wanted(&o, &ev));	/* the kernel's 15 bytes */
	o.ncomms = 0;
	assert_int_equal(rn_opts_add_comm(&o, "avery", err, sizeof(err)), 0);
	assert_false(rn_ident_comm_wanted(&o, &ev));	/* a prefix is not the name */
	for (int i = 1; i < 8; i++)
		assert_int_equal(rn_opts_add_comm(&o, "x", err, sizeof(err)), 0);
	assert_int_not_equal(rn_opts_add_comm(&o, "y", err, sizeof(err)), 0);
	assert_non_null(strstr(err, "at most 8"));
	assert_int_not_equal(rn_opts_add_comm(&o, "", err, sizeof(err)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unquote),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_comm_text),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_comm_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
