// SPDX-License-Identifier: MIT
/* Option parsing: strace's flags, renacer's long options, and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>

#include "frontend/options.h"

static int parse(struct rn_opts *o, char *err, size_t errlen, ...)
{
	char *argv[32] = { "renacer" };
	int argc = 1;
	va_list ap;
	char *a;

	va_start(ap, errlen);
	while ((a = va_arg(ap, char *)) && argc < 31)
		argv[argc++] = a;
	va_end(ap);
	argv[argc] = NULL;
	/* getopt keeps pointers into argv; tests only read them right away. */
	static char *keep[32];
	memcpy(keep, argv, sizeof(keep));
	return rn_opts_parse(o, argc, keep, err, errlen);
}

static void test_strace_flags(void **state)
{
	struct rn_opts o;
	char err[256] = "";

	(void)state;
	assert_int_equal(parse(&o, err, sizeof(err), "-ff", "-o", "out", "-s", "64", "-ttt",
			       "-T", "-y", "-v", "-q", "--", "ls", "-la", NULL), 0);
	assert_int_equal(o.follow, 2);
	assert_string_equal(o.outfile, "out");
	assert_int_equal(o.dec.strsize, 64);
	assert_int_equal(o.tsmode, RN_TS_EPOCH);
	assert_true(o.show_time && o.dec.show_paths && o.dec.verbose);
	/* -y needs the live fd table: only the ptrace backend has it. */
	assert_true(o.ptrace_only);
	assert_string_equal(o.ptrace_only_why, "-y");
	assert_int_equal(o.quiet, 1);
	assert_string_equal(o.argv[0], "ls");
	assert_string_equal(o.argv[1], "-la");
	rn_opts_release(&o);
}

static void test_pids_and_backend(void **state)
{
	struct rn_opts o;
	char err[256] = "";

	(void)state;
	assert_int_equal(parse(&o, err, sizeof(err), "-p", "12,13", "-p", "14",
			       "--backend=ebpf", "--format=json", NULL), 0);
	assert_int_equal(o.npids, 3);
	assert_int_equal(o.pids[0], 12);
	assert_int_equal(o.pids[2], 14);
	assert_int_equal(o.backend, RN_BACKEND_EBPF);
	assert_int_equal(o.format, RN_FMT_JSON);
	assert_null(o.argv);
	rn_opts_release(&o);
}

static void test_filters_kept_in_order(void **state)
{
	struct rn_opts o;
	char err[256] = "";

	(void)state;
	assert_int_equal(parse(&o, err, sizeof(err), "-e", "trace=open", "-z", "-P", "/tmp",
			       "true", NULL), 0);
	assert_int_equal(o.nfilters, 3);
	assert_string_equal(o.filters[0], "trace=open");
	assert_string_equal(o.filters[1], "status=successful");
	assert_string_equal(o.filters[2], "-P /tmp");
	rn_opts_release(&o);
}

static void test_bad_input(void **state)
{
	struct rn_opts o;
	char err[256];

	(void)state;
	assert_int_equal(parse(&o, err, sizeof(err), "--bogus", "ls", NULL), -EINVAL);
	assert_non_null(strstr(err, "unrecognized option '--bogus'"));
	rn_opts_release(&o);
	assert_int_equal(parse(&o, err, sizeof(err), "-s", "-3", "ls", NULL), -EINVAL);
	assert_non_null(strstr(err, "invalid -s '-3'"));
	rn_opts_release(&o);
	assert_int_equal(parse(&o, err, sizeof(err), "-p", "abc", NULL), -EINVAL);
	assert_non_null(strstr(err, "invalid process id: 'abc'"));
	rn_opts_release(&o);
	assert_int_equal(parse(&o, err, sizeof(err), "-f", NULL), -EINVAL);
	assert_non_null(strstr(err, "must have PROG [ARGS] or -p PID"));
	rn_opts_release(&o);
	assert_int_equal(parse(&o, err, sizeof(err), "--backend=dtrace", "ls", NULL), -EINVAL);
	assert_non_null(strstr(err, "use ptrace, ebpf or auto"));
	rn_opts_release(&o);
	assert_int_equal(parse(&o, err, sizeof(err), "-ff", "ls", NULL), -EINVAL);
	assert_non_null(strstr(err, "-ff needs -o FILE"));
	rn_opts_release(&o);
	assert_int_equal(parse(&o, err, sizeof(err), "-j", "ls", NULL), -EINVAL);
	assert_non_null(strstr(err, "invalid option -- 'j'"));
	rn_opts_release(&o);
	/* -x and -xx count, as strace's do */
	assert_int_equal(parse(&o, err, sizeof(err), "-x", "ls", NULL), 0);
	assert_int_equal(o.xflag, 1);
	rn_opts_release(&o);
	assert_int_equal(parse(&o, err, sizeof(err), "-xx", "ls", NULL), 0);
	assert_int_equal(o.xflag, 2);
	rn_opts_release(&o);
}

/* --sample and --rate-limit: whole numbers 1..10^9, nothing else. */
static void test_sample_values(void **state)
{
	static const char *const bad[] = { "0", "-5", "abc", "10x", "", "1000000001", " 7",
					   "+3", "1e3" };
	char arg[64], err[256] = "";
	struct rn_opts o;

	(void)state;
	assert_int_equal(parse(&o, err, sizeof(err), "--sample=10", "--rate-limit", "250",
			       "ls", NULL), 0);
	assert_int_equal(o.sample_every, 10);
	assert_int_equal(o.rate_limit, 250);
	assert_int_equal(parse(&o, err, sizeof(err), "--sample=1", "--rate-limit=1000000000",
			       "ls", NULL), 0);
	assert_int_equal(o.sample_every, 1);
	assert_int_equal(o.rate_limit, 1000000000);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(arg, sizeof(arg), "--sample=%s", bad[i]);
		assert_int_equal(parse(&o, err, sizeof(err), arg, "ls", NULL), -EINVAL);
		assert_non_null(strstr(err, "invalid --sample '"));
		snprintf(arg, sizeof(arg), "--rate-limit=%s", bad[i]);
		assert_int_equal(parse(&o, err, sizeof(err), arg, "ls", NULL), -EINVAL);
		assert_non_null(strstr(err, "invalid --rate-limit '"));
		assert_null(strchr(err, '\n'));
	}
}

static void test_analyze_subcommand(void **state)
{
	struct rn_opts o;
	char err[256];

	(void)state;
	assert_int_equal(parse(&o, err, sizeof(err), "analyze", "trace.jsonl", NULL), 0);
	assert_string_equal(o.analyze_file, "trace.jsonl");
	rn_opts_release(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strace_flags),
		cmocka_unit_test(test_pids_and_backend),
		cmocka_unit_test(test_filters_kept_in_order),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_sample_values),
		cmocka_unit_test(test_analyze_subcommand),
	};

	return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}
