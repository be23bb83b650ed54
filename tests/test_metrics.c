// SPDX-License-Identifier: MIT
/* Unit tests for the Prometheus exposition and its HTTP server (frontend/metrics*.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <asm/unistd_64.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontend/metrics.h"

/* The value of the one line that starts with prefix, or -1. */
static long long value_of(const char *text, const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, prefix, n) && p[n] == ' ')
			return atoll(p + n + 1);
	return -1;
}

static struct rn_stats *sample_stats(void)
{
	struct rn_stats *s = rn_stats_new(RN_STATS_BY_SYSCALL);
	/* 3 calls of openat: 500 ns, 3 us, 2 ms; one failed */
	__u64 d[] = { 500, 3000, 2000000 };

	assert_non_null(s);
	assert_int_equal(rn_stats_add_samples(s, 0, __NR_openat, d, 3, 1), 0);
	return s;
}

static void test_render_counts_and_histogram(void **state)
{
	struct rn_stats *s = sample_stats();
	struct rn_metrics_errnos *e = rn_metrics_errnos_new();
	struct rn_metrics_src src = { .stats = s, .errnos = e, .backend = "ptrace", .lost = 7 };
	struct rn_strbuf sb;

	(void)state;
	rn_metrics_errnos_add(e, __NR_openat, ENOENT);
	rn_sb_init(&sb);
	assert_int_equal(rn_metrics_render(&src, &sb), 0);
	assert_int_equal(value_of(sb.buf, "renacer_syscalls_total{syscall=\"openat\"}"), 3);
	assert_int_equal(value_of(sb.buf,
		"renacer_syscall_errors_total{syscall=\"openat\",errno=\"ENOENT\"}"), 1);
	/* cumulative buckets: 500 ns <= 1 us; 3 us <= 5 us; 2 ms <= 2.5 ms */
	assert_int_equal(value_of(sb.buf, "renacer_syscall_duration_seconds_bucket"
				  "{syscall=\"openat\",le=\"1e-06\"}"), 1);
	assert_int_equal(value_of(sb.buf, "renacer_syscall_duration_seconds_bucket"
				  "{syscall=\"openat\",le=\"2.5e-06\"}"), 1);
	assert_int_equal(value_of(sb.buf, "renacer_syscall_duration_seconds_bucket"
				  "{syscall=\"openat\",le=\"5e-06\"}"), 2);
	assert_int_equal(value_of(sb.buf, "renacer_syscall_duration_seconds_bucket"
				  "{syscall=\"openat\",le=\"0.001\"}"), 2);
	assert_int_equal(value_of(sb.buf, "renacer_syscall_duration_seconds_bucket"
				  "{syscall=\"openat\",le=\"0.0025\"}"), 3);
	assert_int_equal(value_of(sb.buf, "renacer_syscall_duration_seconds_bucket"
				  "{syscall=\"openat\",le=\"+Inf\"}"), 3);
	assert_int_equal(value_of(sb.buf,
		"renacer_syscall_duration_seconds_count{syscall=\"openat\"}"), 3);
	assert_non_null(strstr(sb.buf,
		"renacer_syscall_duration_seconds_sum{syscall=\"openat\"} 0.002003500\n"));
	assert_int_equal(value_of(sb.buf, "renacer_events_lost_total"), 7);
	/* a syscall with no calls has no series */
	assert_null(strstr(sb.buf, "syscall=\"read\""));
	rn_sb_release(&sb);
	rn_metrics_errnos_free(e);
	rn_stats_free(s);
}

static void test_errors_without_errno_table(void **state)
{
	struct rn_stats *s = sample_stats();
	struct rn_metrics_src src = { .stats = s, .backend = "ebpf" };
	struct rn_strbuf sb;

	(void)state;
	rn_sb_init(&sb);
	rn_metrics_render(&src, &sb);
	/* eBPF in-kernel totals carry no errno: one unlabelled series */
	assert_int_equal(value_of(sb.buf, "renacer_syscall_errors_total{syscall=\"openat\"}"), 1);
	rn_sb_release(&sb);
	rn_stats_free(s);
}

static void test_unknown_errno_is_other(void **state)
{
	struct rn_stats *s = rn_stats_new(RN_STATS_BY_SYSCALL);
	struct rn_metrics_errnos *e = rn_metrics_errnos_new();
	struct rn_metrics_src src = { .stats = s, .errnos = e };
	__u64 d[] = { 10, 20 };
	struct rn_strbuf sb;

	(void)state;
	rn_stats_add_samples(s, 0, __NR_read, d, 2, 2);
	rn_metrics_errnos_add(e, __NR_read, 512);	/* ERESTARTSYS */
	rn_metrics_errnos_add(e, __NR_read, 4000);	/* no name */
	rn_sb_init(&sb);
	rn_metrics_render(&src, &sb);
	assert_int_equal(value_of(sb.buf,
		"renacer_syscall_errors_total{syscall=\"read\",errno=\"ERESTARTSYS\"}"), 1);
	assert_int_equal(value_of(sb.buf,
		"renacer_syscall_errors_total{syscall=\"read\",errno=\"other\"}"), 1);
	rn_sb_release(&sb);
	rn_metrics_errnos_free(e);
	rn_stats_free(s);
}

/* GET path from 127.0.0.1:port; the whole response into buf. */
static ssize_t http_get(unsigned port, const char *path, char *buf, size_t len)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	char req[256];
	size_t got = 0;
	ssize_t r;

	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	if (connect(fd, (struct sockaddr *)&a, sizeof(a))) {
		close(fd);
		return -1;
	}
	snprintf(req, sizeof(req), "GET %s HTTP/1.0\r\nHost: x\r\n\r\n", path);
	if (write(fd, req, strlen(req)) < 0) {
		close(fd);
		return -1;
	}
	while (got + 1 < len && (r = read(fd, buf + got, len - 1 - got)) > 0)
		got += (size_t)r;
	buf[got] = '\0';
	close(fd);
	return (ssize_t)got;
}

static void test_server_serves_snapshot(void **state)
{
	char err[256], buf[4096];
	struct rn_metrics_server *s = rn_metrics_server_start("127.0.0.1:0", err, sizeof(err));
	int idle;
	struct sockaddr_in a = { .sin_family = AF_INET };

	(void)state;
	assert_non_null(s);
	assert_true(rn_metrics_server_port(s) > 0);
	/* a scraper that connects and never sends nor reads */
	idle = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_port = htons((unsigned short)rn_metrics_server_port(s));
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	assert_int_equal(connect(idle, (struct sockaddr *)&a, sizeof(a)), 0);

	assert_int_equal(rn_metrics_server_publish(s, "a_total 1\n", 10), 0);
	assert_true(http_get(rn_metrics_server_port(s), "/metrics", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "200 OK"));
	assert_non_null(strstr(buf, "text/plain; version=0.0.4"));
	assert_non_null(strstr(buf, "\r\n\r\na_total 1\n"));
	assert_int_equal(rn_metrics_server_publish(s, "a_total 2\n", 10), 0);
	http_get(rn_metrics_server_port(s), "/metrics", buf, sizeof(buf));
	assert_non_null(strstr(buf, "\r\n\r\na_total 2\n"));
	http_get(rn_metrics_server_port(s), "/nothing", buf, sizeof(buf));
	assert_non_null(strstr(buf, "404"));
	assert_int_equal(rn_metrics_server_scrapes(s), 2);
	close(idle);
	rn_metrics_server_stop(s);
}

static void test_server_errors(void **state)
{
	char err[256];
	struct rn_metrics_server *a, *b;
	char spec[64];

	(void)state;
	assert_null(rn_metrics_server_start("nonsense", err, sizeof(err)));
	assert_non_null(strstr(err, "expected [ADDR:]PORT"));
	assert_null(rn_metrics_server_start("127.0.0.1:70000", err, sizeof(err)));
	assert_null(rn_metrics_server_start("not-an-address:9000", err, sizeof(err)));
	a = rn_metrics_server_start("0", err, sizeof(err));
	assert_non_null(a);
	snprintf(spec, sizeof(spec), "127.0.0.1:%u", rn_metrics_server_port(a));
	b = rn_metrics_server_start(spec, err, sizeof(err));
	assert_null(b);
	assert_int_equal(errno, EADDRINUSE);
	assert_non_null(strstr(err, "Address already in use"));
	assert_non_null(strstr(err, "cannot serve metrics on"));
	rn_metrics_server_stop(a);
}

static void test_write_file_atomic(void **state)
{
	char dir[] = "/tmp/rn-metrics-XXXXXX", path[128], buf[64];
	FILE *f;
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/renacer.prom", dir);
	assert_int_equal(rn_metrics_write_file(path, "x_total 1\n", 10), 0);
	assert_int_equal(rn_metrics_write_file(path, "x_total 22\n", 11), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(buf, sizeof(buf), f));
	fclose(f);
	assert_string_equal(buf, "x_total 22\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	unlink(path);
	assert_int_equal(rmdir(dir), 0);	/* no temporary file left behind */
	assert_int_equal(rn_metrics_write_file("/nonexistent/dir/x.prom", "", 0), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_counts_and_histogram),
		cmocka_unit_test(test_errors_without_errno_table),
		cmocka_unit_test(test_unknown_errno_is_other),
		cmocka_unit_test(test_server_serves_snapshot),
		cmocka_unit_test(test_server_errors),
		cmocka_unit_test(test_write_file_atomic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
