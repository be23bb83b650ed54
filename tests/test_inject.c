// SPDX-License-Identifier: MIT
/*
 * Unit tests for -e inject= / -e fault=: the parser (frontend/filter_inject.c),
 * the "when" arithmetic (backends/inject.h) and the seccomp program that
 * fails calls by itself (backends/ptrace/seccomp_prog.c). The "when" cases
 * are what strace 6.1 injected on this machine for a loop of 8 getppid
 * calls (strace -e trace=getppid -e inject=getppid:retval=7:when=W).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "backends/inject.h"
#include "backends/ptrace/seccomp_prog.h"
#include "frontend/filter.h"
#include "syscalls/syscalls.h"
#include "fuzz/cbpf.h"

static long nr_of(const char *name)
{
	long nr = rn_syscall_by_name(name);

	if (nr < 0)
		fail_msg("unknown syscall %s", name);
	return nr;
}

static const struct rn_inject_rule *parse_rule(struct rn_filter *f, const char *expr,
					       const char *name)
{
	char err[256];
	int rc = rn_filter_parse(f, expr, err, sizeof(err));

	if (rc)
		fail_msg("%s: %s", expr, err);
	assert_non_null(f->inject);
	return &f->inject->rule[nr_of(name)];
}

/* The calls (1..n) a when= injects, as "2 4 " */
static void when_list(const char *when, unsigned n, char *out, size_t len)
{
	struct rn_filter f;
	char expr[96];
	const struct rn_inject_rule *r;
	size_t o = 0;

	rn_filter_init(&f);
	snprintf(expr, sizeof(expr), "inject=getppid:retval=7:when=%s", when);
	r = parse_rule(&f, expr, "getppid");
	out[0] = '\0';
	for (unsigned i = 1; i <= n; i++)
		if (rn_inject_when(r, i))
			o += (size_t)snprintf(out + o, len - o, "%u ", i);
	rn_filter_release(&f);
}

static void test_when(void **state)
{
	static const struct {
		const char *when, *calls;
	} cases[] = {
		{ "2..5", "2 3 4 5 " }, { "2..5+", "2 3 4 5 " }, { "2..5+2", "2 4 " },
		{ "3+", "3 4 5 6 7 8 " }, { "3", "3 " }, { "1..2+3", "1 " },
		{ "2+3", "2 5 8 " }, { "1+", "1 2 3 4 5 6 7 8 " }, { "8..8", "8 " },
		{ "65535", "" },
	};
	char got[128];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		when_list(cases[i].when, 8, got, sizeof(got));
		if (strcmp(got, cases[i].calls))
			fail_msg("when=%s: injects '%s', strace '%s'", cases[i].when, got,
				 cases[i].calls);
	}
}

static void test_options(void **state)
{
	struct rn_filter f;
	const struct rn_inject_rule *r;

	(void)state;
	rn_filter_init(&f);
	r = parse_rule(&f, "inject=openat:error=ENOENT", "openat");
	assert_int_equal(r->flags, RN_INJ_ERROR);
	assert_int_equal(r->error, ENOENT);
	assert_true(rn_inject_always_errno(r));	/* default when: every call */
	assert_true(rn_inject_when(r, 1) && rn_inject_when(r, 100000));
	/* other calls have no rule */
	assert_null(rn_inject_rule_of(f.inject, nr_of("open")));
	assert_non_null(rn_inject_rule_of(f.inject, nr_of("openat")));
	assert_null(rn_inject_rule_of(f.inject, -1));
	assert_null(rn_inject_rule_of(f.inject, RN_NR_MAX));

	r = parse_rule(&f, "inject=read,write:retval=-3:signal=SIGUSR1:delay_enter=10:"
		       "delay_exit=2000000", "write");
	assert_int_equal(r->flags, RN_INJ_RETVAL | RN_INJ_SIGNAL | RN_INJ_DELAY_ENTER |
			 RN_INJ_DELAY_EXIT);
	assert_int_equal(r->retval, -3);
	assert_int_equal(r->signo, SIGUSR1);
	assert_int_equal(r->delay_enter_us, 10);
	assert_int_equal(r->delay_exit_us, 2000000);
	assert_false(rn_inject_always_errno(r));
	assert_int_equal(f.inject->rule[nr_of("read")].flags, r->flags);

	/* a later rule for the same call replaces the earlier one */
	r = parse_rule(&f, "inject=openat:error=13:when=2", "openat");
	assert_int_equal(r->error, EACCES);
	assert_false(rn_inject_always_errno(r));
	assert_false(rn_inject_when(r, 1));
	assert_true(rn_inject_when(r, 2));

	/* fault=: error ENOSYS unless said */
	r = parse_rule(&f, "fault=getpid", "getpid");
	assert_int_equal(r->flags, RN_INJ_ERROR);
	assert_int_equal(r->error, ENOSYS);
	r = parse_rule(&f, "fault=getuid:error=EPERM:when=3+", "getuid");
	assert_int_equal(r->error, EPERM);
	assert_int_equal(r->first, 3);

	/* classes and negations, as -e trace= */
	r = parse_rule(&f, "inject=%memory:signal=SIGSEGV", "mmap");
	assert_int_equal(r->flags, RN_INJ_SIGNAL);
	assert_int_equal(f.inject->rule[nr_of("getppid")].flags, 0);
	assert_true(f.given & RN_QUAL_INJECT);
	rn_filter_release(&f);
}

static void test_errors(void **state)
{
	static const char *const bad[] = {
		"inject=getppid", "inject=getppid:", "inject=getppid:when=2",
		"inject=getppid:error=EIO:retval=1", "inject=getppid:retval=1:error=EIO",
		"inject=getppid:error=4096", "inject=getppid:error=0", "inject=getppid:error=ENOPE",
		"inject=getppid:error=", "inject=getppid:retval=", "inject=getppid:retval=x",
		"inject=getppid:retval=1x", "inject=getppid:error=EIO:when=0",
		"inject=getppid:error=EIO:when=65536", "inject=getppid:error=EIO:when=5..4",
		"inject=getppid:error=EIO:when=1+0", "inject=getppid:error=EIO:when=1+x",
		"inject=getppid:error=EIO:when=1..", "inject=getppid:error=EIO:when=x",
		"inject=getppid:signal=SIGFOO", "inject=getppid:signal=0",
		"inject=getppid:delay_enter=-1", "inject=getppid:delay_exit=1.5",
		"inject=getppid:syscall=getpid", "inject=getppid:error=EIO:bogus=1",
		"inject=nosuchcall:error=EIO", "inject=:error=EIO",
		"fault=getppid:retval=1", "fault=getppid:signal=SIGUSR1", "fault=getppid:error=x",
	};
	struct rn_filter f;
	char err[256];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		rn_filter_init(&f);
		err[0] = '\0';
		if (rn_filter_parse(&f, bad[i], err, sizeof(err)) != -EINVAL)
			fail_msg("%s: accepted", bad[i]);
		if (!err[0] || strchr(err, '\n'))
			fail_msg("%s: no one-line message", bad[i]);
		/* a failed parse leaves the filter as it was */
		assert_null(f.inject);
		rn_filter_release(&f);
	}
	rn_filter_init(&f);
	assert_int_equal(rn_filter_parse(&f, "inject=getppid:error=EIO:retval=1", err,
					 sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "invalid inject argument 'getppid:error=EIO:retval=1'"));
	rn_filter_release(&f);
}

static uint32_t run_prog(const struct sock_filter *p, size_t n, __u32 arch, __u32 nr)
{
	struct seccomp_data d = { .nr = (int)nr, .arch = arch };

	return cbpf_run(p, n, &d);
}

/* Errno numbers get SECCOMP_RET_ERRNO (the action cache keeps only ALLOW,
 * so those run the program), every other number its usual action. */
static void test_prog_errno(void **state)
{
	__u64 traced[RN_BITMAP_WORDS] = { 0 };
	__u16 errnos[RN_NR_MAX] = { 0 };
	struct sock_filter *p = NULL;
	size_t n = 0;

	(void)state;
	traced[nr_of("getuid") / 64] |= 1ull << (nr_of("getuid") % 64);
	errnos[nr_of("getppid")] = EACCES;
	errnos[nr_of("openat")] = ENOENT;
	errnos[RN_NR_MAX - 1] = 4095;
	assert_int_equal(rn_seccomp_prog_errno(traced, errnos, &p, &n), 0);
	for (__u32 nr = 0; nr < RN_NR_MAX; nr++) {
		uint32_t want = errnos[nr] ? SECCOMP_RET_ERRNO | errnos[nr]
			: (long)nr == nr_of("getuid") ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;

		assert_int_equal(run_prog(p, n, AUDIT_ARCH_X86_64, nr), want);
		assert_int_equal(cbpf_cacheable_allow(p, n, AUDIT_ARCH_X86_64, nr),
				 want == SECCOMP_RET_ALLOW);
	}
	assert_int_equal(run_prog(p, n, AUDIT_ARCH_X86_64, RN_NR_MAX), SECCOMP_RET_TRACE);
	assert_int_equal(run_prog(p, n, AUDIT_ARCH_I386, 3), SECCOMP_RET_TRACE);
	free(p);
	/* without errnos: the plain pre-filter, instruction for instruction */
	{
		struct sock_filter *p1 = NULL, *p2 = NULL;
		size_t n1 = 0, n2 = 0;

		assert_int_equal(rn_seccomp_prog_errno(traced, NULL, &p1, &n1), 0);
		assert_int_equal(rn_seccomp_prog_bitmap(traced, &p2, &n2), 0);
		assert_int_equal(n1, n2);
		assert_memory_equal(p1, p2, n1 * sizeof(*p1));
		free(p1);
		free(p2);
	}
}

/* The kernel takes it: getppid fails with EACCES without any tracer,
 * getpid runs, getuid (traced, no tracer) fails with ENOSYS. */
static void test_prog_in_kernel(void **state)
{
	__u64 traced[RN_BITMAP_WORDS] = { 0 };
	__u16 errnos[RN_NR_MAX] = { 0 };
	struct sock_filter *p = NULL;
	size_t n = 0;
	int status;
	pid_t pid;

	(void)state;
	traced[nr_of("getuid") / 64] |= 1ull << (nr_of("getuid") % 64);
	errnos[nr_of("getppid")] = EACCES;
	assert_int_equal(rn_seccomp_prog_errno(traced, errnos, &p, &n), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct sock_fprog fp = { .len = (unsigned short)n, .filter = p };
		int code = 0;

		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
			_exit(10);
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp))
			_exit(11);
		if (syscall(SYS_getppid) != -1 || errno != EACCES)
			code |= 1;
		if (syscall(SYS_getuid) != -1 || errno != ENOSYS)
			code |= 2;
		if (syscall(SYS_getpid) <= 0)
			code |= 4;
		_exit(code);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 11) {
		free(p);
		skip();	/* seccomp not available here: the interpreter test still ran */
	}
	assert_int_equal(WEXITSTATUS(status), 0);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_when),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_prog_errno),
		cmocka_unit_test(test_prog_in_kernel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
