// SPDX-License-Identifier: MIT
/*
 * -k / --source / --function-time: the ptrace unwinder on a real stopped
 * child (this very binary, built with -g), the frame choice of --source, the
 * text and JSON shapes, and the --function-time table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "backends/ptrace/pt.h"
#include "backends/stack.h"
#include "frontend/format.h"
#include "frontend/ftime.h"
#include "frontend/options.h"

/* ---- a real unwind ---- */

static volatile long sink;

enum { STOP_LINE = __LINE__ + 4 };

__attribute__((noinline)) static void stop_here(void)
{
	sink += raise(SIGSTOP);		/* the child stops on this line */
	sink++;
}

enum { CALL_LINE = __LINE__ + 4 };

__attribute__((noinline)) static void outer(void)
{
	stop_here();
	sink++;
}

/* A child stopped inside stop_here() <- outer(), under PTRACE_TRACEME. */
static pid_t stopped_child(void)
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0L, 0L);
		outer();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	return pid;
}

static void end_child(pid_t pid)
{
	int status;

	kill(pid, SIGKILL);
	ptrace(PTRACE_CONT, pid, 0L, 0L);
	waitpid(pid, &status, 0);
}

static int find_frame(const struct rn_frame *f, int n, const char *fn)
{
	for (int i = 0; i < n; i++)
		if (f[i].function && !strcmp(f[i].function, fn))
			return i;
	return -1;
}

static void test_unwind_stopped_child(void **state)
{
	struct rn_trace_config cfg = { 0 };
	struct rn_backend *b = rn_ptrace_backend.open(&cfg);
	struct rn_frame f[RN_STACK_MAX];
	pid_t pid;
	long n;
	int s, o;

	(void)state;
	assert_non_null(b);
	if (!pt_of(b)->mem.stack) {
		rn_ptrace_backend.close(b);
		skip();		/* built without libdwarf/libunwind */
	}
	pid = stopped_child();
	/* Twice: the second answer comes from the caches and must agree. */
	for (int round = 0; round < 2; round++) {
		n = pt_of(b)->mem.stack(pt_of(b)->mem.ctx, (__u32)pid, (__u32)pid, f, RN_STACK_MAX,
				    RN_STACK_FULL);
		assert_true(n >= 3);
		s = find_frame(f, (int)n, "stop_here");
		o = find_frame(f, (int)n, "outer");
		assert_true(s > 0);		/* libc's raise() is further in */
		assert_int_equal(o, s + 1);
		assert_non_null(strstr(f[s].file, "test_source.c"));
		assert_int_equal(f[s].line, STOP_LINE);
		assert_int_equal(f[o].line, CALL_LINE);
		assert_int_equal(f[s].flags & RN_FRAME_SYSTEM, 0);
		assert_true(f[0].flags & RN_FRAME_SYSTEM);	/* in libc */
		assert_int_equal(rn_stack_source_frame(f, (int)n, 0), s);
		assert_int_equal(rn_stack_source_frame(f, (int)n, 1), 0);
		assert_non_null(strstr(f[s].object, "test_source"));
		assert_true(f[s].offset > 0 && f[s].offset < 4096);
	}
	/* A task that is not stopped for us: an error, not a crash. */
	assert_true(pt_of(b)->mem.stack(pt_of(b)->mem.ctx, 1, 1, f, RN_STACK_MAX, RN_STACK_FULL) < 0);
	end_child(pid);
	rn_ptrace_backend.close(b);
}

/* ---- --source frame choice ---- */

static void test_source_frame_choice(void **state)
{
	struct rn_frame f[3] = {
		{ .flags = RN_FRAME_SYSTEM }, { .flags = RN_FRAME_SYSTEM }, { .flags = 0 },
	};

	(void)state;
	assert_int_equal(rn_stack_source_frame(f, 0, 0), -1);
	assert_int_equal(rn_stack_source_frame(f, 3, 0), 2);
	assert_int_equal(rn_stack_source_frame(f, 3, 1), 0);
	assert_int_equal(rn_stack_source_frame(f, 2, 0), 0);	/* all system: innermost */
}

/* ---- output shapes ---- */

static const struct rn_frame frames[] = {
	{ .ip = 0x7f0000001829, .offset = 0x19, .object = "/usr/lib/libc.so.6",
	  .function = "syscall", .file = "syscall.S", .line = 38, .flags = RN_FRAME_SYSTEM },
	{ .ip = 0x555500001183, .offset = 0x1a, .object = "/src/a.out", .function = "f3",
	  .file = "/src/main.c", .line = 42 },
	{ .ip = 0x5555000011a0, .offset = 0x40, .object = "/src/a\n.out" },
	{ .ip = 0x1234 },
};

static void syscall_line(const struct rn_fmt_ctx *c, const struct rn_frame *f, int n,
			 struct rn_strbuf *out)
{
	struct rn_event ev = { .type = RN_EV_SYSCALL, .tid = 7, .tgid = 7 };
	struct rn_decoded d;

	ev.sc.nr = 39;
	rn_decoded_init(&d);
	d.name = "getpid";
	rn_sb_puts(&d.ret, "7");
	d.retval = 7;
	rn_sb_init(out);
	rn_format_event_stack(c, RN_PFX_NONE, &ev, &d, f, n, out);
	rn_decoded_release(&d);
}

static void test_text_source_and_stack(void **state)
{
	struct rn_fmt_ctx c = { .format = RN_FMT_TEXT, .source = 1 };
	struct rn_strbuf out;

	(void)state;
	syscall_line(&c, frames, 4, &out);
	assert_string_equal(out.buf,
			    "getpid()                                = 7 [main.c:42 f3]\n");
	rn_sb_release(&out);
	syscall_line(&c, NULL, 0, &out);
	assert_string_equal(out.buf, "getpid()                                = 7 [??]\n");
	rn_sb_release(&out);
	c = (struct rn_fmt_ctx){ .format = RN_FMT_TEXT, .stack = true };
	syscall_line(&c, frames, 4, &out);
	assert_string_equal(out.buf,
		"getpid()                                = 7\n"
		" > /usr/lib/libc.so.6(syscall+0x19) [0x7f0000001829] syscall.S:38\n"
		" > /src/a.out(f3+0x1a) [0x555500001183] main.c:42\n"
		" > /src/a\\x0a.out(+0x40) [0x5555000011a0]\n"
		" > ?? [0x1234]\n");
	rn_sb_release(&out);
}

static void test_json_source_and_stack(void **state)
{
	struct rn_fmt_ctx c = { .format = RN_FMT_JSON, .source = 2, .stack = true };
	struct rn_strbuf out;

	(void)state;
	syscall_line(&c, frames + 1, 2, &out);
	assert_non_null(strstr(out.buf, ",\"source\":{\"file\":\"/src/main.c\",\"line\":42,"
				   "\"function\":\"f3\"},\"stack\":[{\"ip\":93823560585603,"
				   "\"object\":\"/src/a.out\",\"offset\":26,"
				   "\"file\":\"/src/main.c\","
				   "\"line\":42,\"function\":\"f3\"},{\"ip\":93823560585632,"
				   "\"object\":\"/src/a\\n.out\",\"offset\":64,\"file\":null,"
				   "\"line\":null,\"function\":null}]}\n"));
	rn_sb_release(&out);
	c.stack = false;
	syscall_line(&c, NULL, 0, &out);
	assert_non_null(strstr(out.buf, ",\"source\":{\"file\":null,\"line\":null,"
				   "\"function\":null}}\n"));
	assert_null(strstr(out.buf, "stack"));
	rn_sb_release(&out);
}

/* ---- --function-time ---- */

static char *print_ftime(const struct rn_ftime *f, bool json)
{
	static char buf[65536];
	FILE *m = fmemopen(buf, sizeof(buf) - 1, "w");

	assert_non_null(m);
	rn_ftime_print(f, json, m);
	buf[ftell(m)] = '\0';
	fclose(m);
	return buf;
}

static long pos(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);

	return p ? p - s : -1;
}

static void test_ftime_table(void **state)
{
	struct rn_ftime *f = rn_ftime_new();
	char *s;

	(void)state;
	assert_non_null(f);
	/* Enough distinct keys to make the table grow. */
	for (int i = 0; i < 200; i++) {
		char name[16];

		snprintf(name, sizeof(name), "fn%d", i);
		assert_int_equal(rn_ftime_add(f, name, 39, 1000, false), 0);
	}
	for (int i = 0; i < 3; i++)
		assert_int_equal(rn_ftime_add(f, "hot", 0, 1000000, i == 0), 0);
	assert_int_equal(rn_ftime_add(f, NULL, 1, 500000, false), 0);
	s = print_ftime(f, true);
	assert_non_null(strstr(s, "{\"type\":\"function_time\",\"rows\":[{\"function\":\"hot\","
				  "\"syscall\":\"read\",\"calls\":3,\"errors\":1,"
				  "\"time_us\":3000.000},{\"function\":\"??\","
				  "\"syscall\":\"write\","
				  "\"calls\":1,\"errors\":0,\"time_us\":500.000},"));
	assert_non_null(strstr(s, "{\"function\":\"fn199\",\"syscall\":\"getpid\",\"calls\":1"));
	s = print_ftime(f, false);
	assert_true(pos(s, " hot ") >= 0 && pos(s, " hot ") < pos(s, " ?? ")); /* by time */
	assert_non_null(strstr(s, "        3         1 hot"));
	assert_non_null(strstr(s, "      204         1                          total\n"));
	rn_ftime_free(f);
}

/* ---- options ---- */

static int parse(struct rn_opts *o, const char *a, const char *b, char *err)
{
	char *argv[] = { "renacer", (char *)a, (char *)b, "--", "true", NULL };

	return rn_opts_parse(o, 5, argv, err, 256);
}

static void test_options(void **state)
{
	struct rn_opts o;
	char err[256];

	(void)state;
#ifdef RN_HAVE_DWARF
	assert_int_equal(parse(&o, "--source", "-k", err), 0);
	assert_int_equal(o.source, 1);
	/* both backends take stacks; auto prefers ptrace */
	assert_true(o.stack && !o.ptrace_only && o.ptrace_preferred);
	rn_opts_release(&o);
	assert_int_equal(parse(&o, "--source=innermost", "--function-time", err), 0);
	assert_int_equal(o.source, 2);
	assert_true(o.function_time && !o.stack && !o.ptrace_only && o.ptrace_preferred);
	rn_opts_release(&o);
#else
	assert_int_equal(parse(&o, "-k", "-f", err), -EINVAL);
	assert_non_null(strstr(err, "built without libdwarf/libunwind"));
	rn_opts_release(&o);
#endif
	assert_int_equal(parse(&o, "--source=outermost", "-f", err), -EINVAL);
	assert_non_null(strstr(err, "outermost"));
	rn_opts_release(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unwind_stopped_child),
		cmocka_unit_test(test_source_frame_choice),
		cmocka_unit_test(test_text_source_and_stack),
		cmocka_unit_test(test_json_source_and_stack),
		cmocka_unit_test(test_ftime_table),
		cmocka_unit_test(test_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
