// SPDX-License-Identifier: MIT
/* --format=perfetto: the sink (one valid document, a track per thread,
 * hostile strings escaped, closed at end, one document per -ff file) and
 * renacer export (a JSON Lines trace of the same records gives the same
 * events, timestamps aside). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frontend/export.h"
#include "frontend/options.h"
#include "frontend/sink.h"
#include "stats/analyze.h"

#define NREC 8

/* Records of two processes, 5000100 (threads 5000100 and 5000101) and 5000200,
 * with hostile bytes in the arguments; built in place. Ids above the
 * kernel's pid_max: no live task lends them its /proc comm. */
struct fixture {
	struct rn_event ev[NREC];
	struct rn_decoded dec[NREC];
	struct rn_sink_rec rec[NREC];
};

static const char hostile[] = "\"q\\b\n\t\x01\x1b[2J\x7f\xff\xc3(\xe2\x82\xac\0z";

static void call(struct fixture *f, int i, __u32 tid, __u32 tgid, const char *name,
		 long long ret, const char *err, const char *a0, size_t a0len)
{
	struct rn_event *ev = &f->ev[i];
	struct rn_decoded *d = &f->dec[i];

	*ev = (struct rn_event){ .type = RN_EV_SYSCALL, .tid = tid, .tgid = tgid,
				 .ts_ns = 1000000 + (__u64)i * 1500, .dur_ns = 1234 };
	rn_decoded_init(d);
	d->name = name;
	d->nargs = 2;
	rn_sb_put(&d->arg[0], a0, a0len);
	rn_sb_puts(&d->arg[1], "0x10");
	d->retval = ret;
	d->err = err;
	f->rec[i] = (struct rn_sink_rec){ .ev = ev, .dec = d, .show = true };
}

static void other(struct fixture *f, int i, __u32 tid, __u32 tgid, enum rn_event_type type)
{
	f->ev[i] = (struct rn_event){ .type = type, .tid = tid, .tgid = tgid,
				      .ts_ns = 1000000 + (__u64)i * 1500 };
	rn_decoded_init(&f->dec[i]);
	f->rec[i] = (struct rn_sink_rec){ .ev = &f->ev[i], .show = true };
}

static void fixture_init(struct fixture *f)
{
	static const char exe[] = "\"/usr/bin/a-very-long-program-name\"";

	call(f, 0, 5000100, 5000100, "execve", 0, NULL, exe, sizeof(exe) - 1);
	call(f, 1, 5000100, 5000100, "clone", 5000200, NULL, "CLONE_VM", 8);
	call(f, 2, 5000101, 5000100, "openat", -1, "ENOENT", hostile, sizeof(hostile) - 1);
	call(f, 3, 5000200, 5000200, "write", 5, NULL, "1", 1);
	other(f, 4, 5000101, 5000100, RN_EV_SIGNAL);
	f->ev[4].sig.signo = 17;
	other(f, 5, 0, 0, RN_EV_LOST);
	f->ev[5].lost.count = 7;
	other(f, 6, 5000101, 5000100, RN_EV_EXIT);
	f->ev[6].exit.code = 3;
	other(f, 7, 5000100, 5000100, RN_EV_EXIT);
}

static void fixture_release(struct fixture *f)
{
	for (int i = 0; i < NREC; i++)
		rn_decoded_release(&f->dec[i]);
}

/* Run the records through the --format=fmt trace sink; o is parsed from
 * argv. */
static void run_sink(int argc, char **argv, struct fixture *f)
{
	struct rn_sink_batch batch = { .recs = f->rec, .n = NREC };
	struct rn_trace_config cfg = { 0 };
	struct rn_output out;
	struct rn_sink_env env;
	struct rn_sinks l;
	struct rn_opts o;
	char err[256];

	assert_int_equal(rn_opts_parse(&o, argc, argv, err, sizeof(err)), 0);
	assert_int_equal(rn_output_open(&out, &o, err, sizeof(err)), 0);
	env = (struct rn_sink_env){ .opts = &o, .cfg = &cfg, .format = rn_format_get(o.format),
				    .out = &out };
	assert_int_equal(rn_sinks_setup(&l, &env), 0);
	assert_int_equal(rn_sinks_begin(&l), 0);
	assert_int_equal(rn_sinks_on_events(&l, &batch), 0);
	assert_int_equal(rn_sinks_end(&l), 0);
	rn_sinks_release(&l);
	rn_output_close(&out);
	rn_opts_release(&o);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 1 << 16);

	assert_non_null(f);
	assert_non_null(buf);
	assert_true(fread(buf, 1, (1 << 16) - 1, f) > 0);
	fclose(f);
	return buf;
}

static const char opening[] = "{\"traceEvents\":[\n";
static const char closing[] = "\n],\"displayTimeUnit\":\"ns\"}\n";

/* The document's frame, then every event on a line of its own: one JSON
 * object (the strict JSON Lines reader of `renacer analyze` accepts it),
 * followed by a comma except the last. Returns the events. */
static int check_document(const char *text)
{
	size_t len = strlen(text), n = 0;
	const char *p, *end;
	char name[64];
	struct rn_analyze_rec r;

	assert_true(len > sizeof(opening) + sizeof(closing));
	assert_memory_equal(text, opening, sizeof(opening) - 1);
	assert_string_equal(text + len - (sizeof(closing) - 1), closing);
	end = text + len - (sizeof(closing) - 1);
	for (p = text + sizeof(opening) - 1; p < end; n++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);

		assert_true(nl ? p[ll - 1] == ',' : p[ll - 1] == '}');
		assert_true(rn_analyze_parse_line(p, nl ? ll - 1 : ll, &r, name, sizeof(name)) >= 0);
		p += ll + (nl ? 1 : 0);
	}
	return (int)n;
}

static void test_sink_document(void **state)
{
	char path[] = "/tmp/test_perfetto.XXXXXX";
	char *argv[] = { "renacer", "-f", "--format=chrome", "-o", path, "true", NULL };
	struct fixture f;
	char *text;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	fixture_init(&f);
	run_sink(6, argv, &f);
	text = slurp(path);
	/* 8 records, and metadata for 3 threads of 2 processes */
	assert_int_equal(check_document(text), NREC + 3 + 2);
	/* the execve names process 5000100 as the kernel would: 15 bytes */
	assert_non_null(strstr(text, "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":5000100,"
			    "\"tid\":5000100,\"args\":{\"name\":\"a-very-long-pro\"}}"));
	assert_non_null(strstr(text, "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":5000100,"
			    "\"tid\":5000101,\"args\":{\"name\":"));
	assert_non_null(strstr(text, "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":5000200,"
			    "\"tid\":5000200,"));
	/* every byte of the hostile argument escaped, valid UTF-8 kept */
	assert_non_null(strstr(text, "{\"ph\":\"X\",\"name\":\"openat\",\"cat\":\"syscall\","
			    "\"ts\":1003.000,\"dur\":1.234,\"pid\":5000100,\"tid\":5000101,\"args\":{\"args\":"
			    "[\"\\\"q\\\\b\\n\\t\\u0001\\u001b[2J\\u007f\\u00ff\\u00c3(\xe2\x82\xac"
			    "\\u0000z\",\"0x10\"],\"ret\":-1,\"errno\":\"ENOENT\"}}"));
	assert_non_null(strstr(text, "\"ph\":\"i\",\"name\":\"SIGCHLD\",\"cat\":\"signal\""));
	assert_non_null(strstr(text, "{\"ph\":\"i\",\"name\":\"lost events\",\"cat\":\"lost\","
			    "\"ts\":1007.500,\"s\":\"g\",\"pid\":0,\"tid\":0,\"args\":{\"count\":7}}"));
	assert_non_null(strstr(text, "\"name\":\"exit\",\"cat\":\"process\",\"ts\":1009.000,"
			    "\"s\":\"t\",\"pid\":5000100,\"tid\":5000101,\"args\":{\"code\":3}}"));
	free(text);
	unlink(path);
	fixture_release(&f);
}

/* -ff: FILE.TID per thread, each a whole document naming its thread and
 * process; a loss is told in every open document. */
static void test_sink_per_thread_files(void **state)
{
	char dir[] = "/tmp/test_perfetto.XXXXXX", base[64], name[80];
	char *argv[] = { "renacer", "-ff", "--format=perfetto", "-o", base, "true", NULL };
	static const __u32 tids[] = { 5000100, 5000101, 5000200 };
	struct fixture f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(base, sizeof(base), "%s/t", dir);
	fixture_init(&f);
	run_sink(6, argv, &f);
	for (size_t i = 0; i < 3; i++) {
		char *text;

		snprintf(name, sizeof(name), "%s.%u", base, tids[i]);
		text = slurp(name);
		assert_true(check_document(text) >= 3);
		assert_non_null(strstr(text, "\"name\":\"process_name\""));
		assert_non_null(strstr(text, "\"name\":\"thread_name\""));
		assert_non_null(strstr(text, "lost events"));
		free(text);
		unlink(name);
	}
	rmdir(dir);
	fixture_release(&f);
}

/* Drop every "ts":N, so documents of the same records compare. */
static void drop_ts(char *s)
{
	char *w = s;

	while (*s) {
		if (!strncmp(s, "\"ts\":", 5)) {
			s += 5;
			while ((*s >= '0' && *s <= '9') || *s == '.')
				s++;
			continue;
		}
		*w++ = *s++;
	}
	*w = '\0';
}

/* The JSON Lines trace of the records, exported, is the sink's document. */
static void test_export_equals_sink(void **state)
{
	char jpath[] = "/tmp/test_perfetto.j.XXXXXX", ppath[] = "/tmp/test_perfetto.p.XXXXXX";
	char xpath[] = "/tmp/test_perfetto.x.XXXXXX", err[512];
	char *jargv[] = { "renacer", "-f", "--format=json", "-o", jpath, "true", NULL };
	char *pargv[] = { "renacer", "-f", "--format=perfetto", "-o", ppath, "true", NULL };
	char *xargv[] = { "export", "--format=perfetto", jpath, "-o", xpath, NULL };
	char *nofile[] = { "export", "/nonexistent/trace.jsonl", NULL };
	char *badfmt[] = { "export", "--format=json", jpath, NULL };
	char *direct, *exported;
	struct fixture f;

	(void)state;
	close(mkstemp(jpath));
	close(mkstemp(ppath));
	close(mkstemp(xpath));
	fixture_init(&f);
	run_sink(6, jargv, &f);
	run_sink(6, pargv, &f);
	assert_int_equal(rn_export_main(5, xargv, err, sizeof(err)), 0);
	direct = slurp(ppath);
	exported = slurp(xpath);
	assert_int_equal(check_document(exported), NREC + 3 + 2);
	drop_ts(direct);
	drop_ts(exported);
	assert_string_equal(exported, direct);
	free(direct);
	free(exported);
	/* no trace file: a message, -errno; another format: refused */
	assert_int_equal(rn_export_main(2, nofile, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "cannot open '/nonexistent/trace.jsonl'"));
	assert_int_equal(rn_export_main(3, badfmt, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "invalid --format 'json'"));
	unlink(jpath);
	unlink(ppath);
	unlink(xpath);
	fixture_release(&f);
}

/* Lines that are no record are skipped; strings come back byte for byte,
 * surrogate pairs as UTF-8. */
static void test_export_reader(void **state)
{
	char jpath[] = "/tmp/test_perfetto.j.XXXXXX", xpath[] = "/tmp/test_perfetto.x.XXXXXX";
	char *xargv[] = { "export", jpath, "-o", xpath, NULL };
	char err[512], *text;
	FILE *j;

	(void)state;
	close(mkstemp(xpath));
	j = fdopen(mkstemp(jpath), "w");
	assert_non_null(j);
	fputs("not json\n"
	      "{\"type\":\"syscall\",\"ts\":1.5,\"pid\":7,\"tgid\":7,\"syscall\":\"read\","
	      "\"args\":[3,\"\\u00ff\\ud83d\\ude00\\u0041\\/\",{\"x\":[1]}],\"ret\":-1,"
	      "\"errno\":\"EBADF\",\"dur_us\":2.25,\"extra\":[true,null]}\n"
	      "{\"type\":\"syscall\",\"ts\":1.5,\"pid\":7,\"syscall\":\"read\",\"args\":[1,]}\n"
	      "{\"type\":\"summary\",\"calls\":3}\n"
	      "{\"type\":\"syscall\",\"ts\":2,\"pid\":7,\"tgid\":7,\"syscall\":\"exit\","
	      "\"args\":[0],\"ret\":null,\"errno\":null,\"unfinished\":true,\"dur_us\":0}\n",
	      j);
	fclose(j);
	assert_int_equal(rn_export_main(4, xargv, err, sizeof(err)), 0);
	text = slurp(xpath);
	assert_int_equal(check_document(text), 2 + 2);
	assert_non_null(strstr(text, "{\"ph\":\"X\",\"name\":\"read\",\"cat\":\"syscall\","
			    "\"ts\":1500000.000,\"dur\":2.250,\"pid\":7,\"tid\":7,\"args\":{\"args\":"
			    "[\"3\",\"\\u00ff\xf0\x9f\x98\x80" "A/\",\"{\\\"x\\\":[1]}\"],"
			    "\"ret\":-1,\"errno\":\"EBADF\"}}"));
	assert_non_null(strstr(text, "\"ret\":null,\"unfinished\":true}}"));
	free(text);
	unlink(jpath);
	unlink(xpath);
}

/* -k stacks in a JSON Lines trace become args.stack, one text per frame,
 * escaped (a symbol name is the traced program's to choose). */
static void test_export_stack(void **state)
{
	char jpath[] = "/tmp/test_perfetto.j.XXXXXX", xpath[] = "/tmp/test_perfetto.x.XXXXXX";
	char *xargv[] = { "export", jpath, "-o", xpath, NULL };
	char err[512], *text;
	FILE *j;

	(void)state;
	close(mkstemp(xpath));
	j = fdopen(mkstemp(jpath), "w");
	assert_non_null(j);
	fputs("{\"type\":\"syscall\",\"ts\":1,\"pid\":7,\"tgid\":7,\"syscall\":\"getpid\","
	      "\"args\":[],\"ret\":7,\"errno\":null,\"dur_us\":1,\"stack\":["
	      "{\"ip\":1,\"object\":\"/lib/libc.so.6\",\"offset\":25,\"file\":null,"
	      "\"line\":null,\"function\":\"w\\\"\\u001b\"},"
	      "{\"ip\":2,\"object\":\"/x/prog\",\"offset\":66,\"file\":\"/src/p.c\","
	      "\"line\":23,\"function\":\"c\"},"
	      "{\"ip\":3,\"object\":\"/x/libq.so\",\"offset\":16,\"file\":null,"
	      "\"line\":null,\"function\":null},"
	      "{\"ip\":42,\"object\":null,\"offset\":0,\"file\":null,\"line\":null,"
	      "\"function\":null}]}\n", j);
	fclose(j);
	assert_int_equal(rn_export_main(4, xargv, err, sizeof(err)), 0);
	text = slurp(xpath);
	assert_int_equal(check_document(text), 1 + 2);
	assert_non_null(strstr(text, "\"ret\":7,\"stack\":[\"w\\\"\\u001b (libc.so.6)\","
			    "\"c (p.c:23)\",\"libq.so+0x10\",\"0x2a\"]}}"));
	free(text);
	unlink(jpath);
	unlink(xpath);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sink_document),
		cmocka_unit_test(test_sink_per_thread_files),
		cmocka_unit_test(test_export_equals_sink),
		cmocka_unit_test(test_export_reader),
		cmocka_unit_test(test_export_stack),
	};

	return cmocka_run_group_tests_name("perfetto", tests, NULL, NULL);
}
