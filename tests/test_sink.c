// SPDX-License-Identifier: MIT
/* Sinks: the list (order, batches, errors), the --format table, and a session
 * feeding a trace sink and the summary sink at once (-C). */
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

#include "frontend/filter.h"
#include "frontend/options.h"
#include "frontend/sink.h"
#include "frontend/trace.h"

/* A fake sink: logs each call as "NAME.hook" and copies what it was given. */
struct probe {
	const char *name;
	char *log;		/* shared by every probe of a test */
	int fail_begin;		/* -errno to return from begin, or 0 */
	int fail_events;	/* ... from on_events */
	int fail_end;
	size_t batches;
	__u32 tids[16];		/* the tids of every record seen, in order */
	size_t ntids;
	bool released;
};

static void logf_(struct probe *p, const char *hook)
{
	strcat(p->log, p->name);
	strcat(p->log, hook);
	strcat(p->log, " ");
}

static int probe_begin(struct rn_sink *s)
{
	struct probe *p = s->state;

	logf_(p, ".begin");
	return p->fail_begin;
}

static int probe_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct probe *p = s->state;

	logf_(p, ".events");
	p->batches++;
	for (size_t i = 0; i < batch->n && p->ntids < 16; i++)
		p->tids[p->ntids++] = batch->recs[i].ev->tid;
	return p->fail_events;
}

static int probe_end(struct rn_sink *s)
{
	struct probe *p = s->state;

	logf_(p, ".end");
	return p->fail_end;
}

static void probe_release(struct rn_sink *s)
{
	struct probe *p = s->state;

	logf_(p, ".release");
	p->released = true;
	free(s);
}

static const struct rn_sink probe_tmpl = {
	.name = "probe",
	.begin = probe_begin,
	.on_events = probe_on_events,
	.end = probe_end,
	.release = probe_release,
};

static struct rn_sink *probe_sink(struct probe *p, char *log)
{
	struct rn_sink *s = rn_sink_new(&probe_tmpl, NULL, p);

	assert_non_null(s);
	assert_ptr_equal(s->state, p);
	p->log = log;
	return s;
}

/* n records over evs[0..n), tids 100, 101, ... */
static void make_batch(struct rn_event *evs, struct rn_sink_rec *recs, size_t n,
		       struct rn_sink_batch *b)
{
	for (size_t i = 0; i < n; i++) {
		evs[i] = (struct rn_event){ .type = RN_EV_SYSCALL, .tid = 100 + (__u32)i };
		recs[i] = (struct rn_sink_rec){ .ev = &evs[i], .show = true };
	}
	*b = (struct rn_sink_batch){ .recs = recs, .n = n };
}

static void test_two_sinks_same_batches_in_order(void **state)
{
	struct probe a = { .name = "a" }, b = { .name = "b" };
	struct rn_event evs[3];
	struct rn_sink_rec recs[3];
	struct rn_sink_batch batch;
	struct rn_sinks l;
	char log[512] = "";

	(void)state;
	rn_sinks_init(&l);
	assert_int_equal(rn_sinks_add(&l, probe_sink(&a, log)), 0);
	assert_int_equal(rn_sinks_add(&l, probe_sink(&b, log)), 0);
	assert_int_equal(rn_sinks_begin(&l), 0);
	make_batch(evs, recs, 3, &batch);
	assert_int_equal(rn_sinks_on_events(&l, &batch), 0);
	batch.n = 1;
	assert_int_equal(rn_sinks_on_events(&l, &batch), 0);
	assert_int_equal(rn_sinks_tick(&l), 0);	/* no tick hook: nothing to do */
	assert_int_equal(rn_sinks_end(&l), 0);
	rn_sinks_release(&l);
	assert_string_equal(log, "a.begin b.begin a.events b.events a.events b.events "
			    "a.end b.end b.release a.release ");
	assert_int_equal(a.batches, 2);
	assert_int_equal(b.batches, 2);
	assert_int_equal(a.ntids, 4);
	assert_memory_equal(a.tids, b.tids, sizeof(a.tids));
	assert_int_equal(a.tids[2], 102);
	assert_int_equal(a.tids[3], 100);
	assert_true(a.released && b.released);
	assert_int_equal(l.n, 0);
}

static void test_failing_sink_error_propagates(void **state)
{
	struct probe a = { .name = "a", .fail_events = -ENOSPC, .fail_end = -EIO };
	struct probe b = { .name = "b", .fail_events = -EPIPE };
	struct probe c = { .name = "c" };
	struct rn_event evs[2];
	struct rn_sink_rec recs[2];
	struct rn_sink_batch batch;
	struct rn_sinks l;
	char log[512] = "";

	(void)state;
	rn_sinks_init(&l);
	rn_sinks_add(&l, probe_sink(&a, log));
	rn_sinks_add(&l, probe_sink(&b, log));
	rn_sinks_add(&l, probe_sink(&c, log));
	make_batch(evs, recs, 2, &batch);
	/* the first error comes back, and every sink still got the batch */
	assert_int_equal(rn_sinks_on_events(&l, &batch), -ENOSPC);
	assert_int_equal(c.batches, 1);
	assert_int_equal(b.batches, 1);
	/* every sink ends (its report is due), the first error comes back */
	assert_int_equal(rn_sinks_end(&l), -EIO);
	assert_non_null(strstr(log, "a.end b.end c.end"));
	rn_sinks_release(&l);
	assert_true(a.released && b.released && c.released);
}

static void test_begin_stops_at_first_failure(void **state)
{
	struct probe a = { .name = "a" }, b = { .name = "b", .fail_begin = -EACCES };
	struct probe c = { .name = "c" };
	struct rn_sinks l;
	char log[512] = "";

	(void)state;
	rn_sinks_init(&l);
	rn_sinks_add(&l, probe_sink(&a, log));
	rn_sinks_add(&l, probe_sink(&b, log));
	rn_sinks_add(&l, probe_sink(&c, log));
	assert_int_equal(rn_sinks_begin(&l), -EACCES);
	rn_sinks_release(&l);
	assert_string_equal(log, "a.begin b.begin c.release b.release a.release ");
}

static void test_list_is_bounded_and_owns_sinks(void **state)
{
	struct probe p[RN_SINKS_MAX + 1];
	struct rn_sinks l;
	char log[1024] = "";

	(void)state;
	rn_sinks_init(&l);
	for (int i = 0; i <= RN_SINKS_MAX; i++) {
		p[i] = (struct probe){ .name = "p" };
		assert_int_equal(rn_sinks_add(&l, probe_sink(&p[i], log)),
				 i < RN_SINKS_MAX ? 0 : -ENOSPC);
	}
	assert_true(p[RN_SINKS_MAX].released);	/* refused, and freed */
	rn_sinks_release(&l);
	for (int i = 0; i < RN_SINKS_MAX; i++)
		assert_true(p[i].released);
}

static void test_runs_of_consecutive_events(void **state)
{
	struct rn_event evs[5];
	struct rn_sink_rec recs[4];
	struct rn_sink_batch batch = { .recs = recs, .n = 4 };
	const struct rn_event *first;

	(void)state;
	/* evs 0, 1 then 3, 4: the filter dropped 2 */
	recs[0].ev = &evs[0];
	recs[1].ev = &evs[1];
	recs[2].ev = &evs[3];
	recs[3].ev = &evs[4];
	assert_int_equal(rn_sink_run(&batch, 0, &first), 2);
	assert_ptr_equal(first, &evs[0]);
	assert_int_equal(rn_sink_run(&batch, 2, &first), 2);
	assert_ptr_equal(first, &evs[3]);
	assert_int_equal(rn_sink_run(&batch, 4, &first), 0);
}

static void test_format_table(void **state)
{
	enum rn_format f;
	char names[64];

	(void)state;
	assert_int_equal(rn_format_parse("json", &f), 0);
	assert_int_equal(f, RN_FMT_JSON);
	assert_string_equal(rn_format_get(f)->name, "json");
	assert_int_equal(rn_format_parse("csv", &f), 0);
	assert_int_equal(f, RN_FMT_CSV);
	assert_non_null(rn_format_get(f)->header);
	assert_int_equal(rn_format_parse("xml", &f), -EINVAL);
	rn_format_names(names, sizeof(names));
	assert_string_equal(names, "text, json, csv or perfetto");
	/* JSON and CSV print every call's time; text only with -t/-T */
	assert_true(rn_format_get(RN_FMT_JSON)->flags & RN_FORMAT_TIMED);
	assert_false(rn_format_get(RN_FMT_TEXT)->flags & RN_FORMAT_TIMED);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 65536);

	assert_non_null(f);
	assert_non_null(buf);
	assert_true(fread(buf, 1, 65535, f) > 0);
	fclose(f);
	return buf;
}

/* -C --format=csv -o FILE: the header at begin, a row per call, the summary
 * after them; an exit is not a CSV row. */
static void test_session_trace_and_summary(void **state)
{
	char path[] = "/tmp/test_sink.XXXXXX";
	char *argv[] = { "renacer", "-C", "--format=csv", "-o", path, "true", NULL };
	struct rn_trace_config cfg = { 0 };
	struct rn_event evs[3] = {
		{ .type = RN_EV_SYSCALL, .tid = 42, .tgid = 42, .dur_ns = 2000 },
		{ .type = RN_EV_SYSCALL, .tid = 42, .tgid = 42, .dur_ns = 4000 },
		{ .type = RN_EV_EXIT, .tid = 42, .tgid = 42 },
	};
	struct rn_filter filter;
	struct rn_opts o;
	struct rn_trace t;
	char err[256], *text;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	evs[0].sc.nr = 39;	/* getpid */
	evs[0].sc.ret = 42;
	evs[1].sc.nr = 39;
	evs[1].sc.ret = 42;
	assert_int_equal(rn_opts_parse(&o, 6, argv, err, sizeof(err)), 0);
	rn_filter_init(&filter);
	assert_int_equal(rn_trace_init(&t, &o, &filter, &cfg, err, sizeof(err)), 0);
	assert_int_equal(t.sinks.n, 2);
	assert_string_equal(t.sinks.v[0]->name, "csv");
	assert_string_equal(t.sinks.v[1]->name, "summary");
	assert_int_equal(rn_trace_on_events(&t, evs, 1, NULL), 0);
	assert_int_equal(rn_trace_on_events(&t, evs + 1, 2, NULL), 0);
	assert_int_equal(rn_trace_finish(&t, 0), 0);
	rn_trace_release(&t);
	text = slurp(path);
	assert_true(!strncmp(text, "ts,pid,syscall,args,ret,errno,dur_us\n", 37));
	assert_non_null(strstr(text, ",42,getpid,,42,,2.000\n"));
	assert_non_null(strstr(text, ",42,getpid,,42,,4.000\n"));
	assert_null(strstr(text, "exited"));
	/* the summary follows the rows: 2 calls of getpid */
	assert_true(strstr(text, "getpid\n") > strstr(text, ",4.000\n"));
	assert_non_null(strstr(text, "total\n"));
	free(text);
	unlink(path);
	rn_filter_release(&filter);
	rn_opts_release(&o);
}

/* Run evs through a -f -o FILE text session; returns the file's text. */
static char *text_session(struct rn_event *evs, size_t n, bool entries)
{
	char path[] = "/tmp/test_sink.XXXXXX";
	char *argv[] = { "renacer", "-f", "-o", path, "true", NULL };
	struct rn_trace_config cfg = { .entry_notices = entries };
	struct rn_filter filter;
	struct rn_opts o;
	struct rn_trace t;
	char err[256], *text;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(rn_opts_parse(&o, 5, argv, err, sizeof(err)), 0);
	rn_filter_init(&filter);
	assert_int_equal(rn_trace_init(&t, &o, &filter, &cfg, err, sizeof(err)), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(rn_trace_on_events(&t, &evs[i], 1, NULL), 0);
	assert_int_equal(rn_trace_finish(&t, 0), 0);
	rn_trace_release(&t);
	text = slurp(path);
	unlink(path);
	rn_filter_release(&filter);
	rn_opts_release(&o);
	return text;
}

static struct rn_event call(__u32 type, __u32 tid, int nr, __s64 ret)
{
	struct rn_event ev = { .type = type, .tid = tid, .tgid = tid };

	ev.sc.nr = nr;
	ev.sc.ret = ret;
	ev.sc.args[0] = 3;
	ev.sc.args[1] = 0x1000;
	ev.sc.args[2] = 10;
	return ev;
}

/* A call is printed as it starts: its line is completed at exit, byte for
 * byte the line printed whole when nothing came in between; another task's
 * line cuts it into strace's "<unfinished ...>" and "<... read resumed>". */
static void test_text_entry_parts(void **state)
{
	struct rn_event with[] = {
		call(RN_EV_ENTRY, 42, 0, 0),		/* read(3, */
		call(RN_EV_ENTRY, 43, 39, 0),		/* getpid( */
		call(RN_EV_SYSCALL, 43, 39, 43),
		call(RN_EV_SYSCALL, 42, 0, -11),	/* EAGAIN */
		call(RN_EV_ENTRY, 42, 3, 0),		/* close(3 */
		call(RN_EV_SYSCALL, 42, 3, 0),
	};
	struct rn_event whole[] = { with[2], with[3], with[5] };
	char *a, *b, *getpid_line, *close_line, *nl;

	(void)state;
	a = text_session(with, 6, true);
	b = text_session(whole, 3, false);
	assert_non_null(strstr(a, "42    read(3,  <unfinished ...>\n43    getpid() "));
	assert_non_null(strstr(a, "\n42    <... read resumed>0x1000, 10) "));
	assert_non_null(strstr(a, "= -1 EAGAIN (Resource temporarily unavailable)\n"));
	/* the lines nothing cut are the whole lines */
	getpid_line = strstr(b, "43    getpid()");
	close_line = strstr(b, "42    close(3)");
	assert_non_null(getpid_line);
	assert_non_null(close_line);
	nl = strchr(getpid_line, '\n');
	nl[1] = '\0';
	assert_non_null(strstr(a, getpid_line));
	assert_non_null(strstr(a, close_line));
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_sinks_same_batches_in_order),
		cmocka_unit_test(test_failing_sink_error_propagates),
		cmocka_unit_test(test_begin_stops_at_first_failure),
		cmocka_unit_test(test_list_is_bounded_and_owns_sinks),
		cmocka_unit_test(test_runs_of_consecutive_events),
		cmocka_unit_test(test_format_table),
		cmocka_unit_test(test_session_trace_and_summary),
		cmocka_unit_test(test_text_entry_parts),
	};

	return cmocka_run_group_tests_name("sink", tests, NULL, NULL);
}
