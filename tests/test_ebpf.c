// SPDX-License-Identifier: MIT
/*
 * The eBPF backend driven through its ops table, against the storm tracee
 * (build/tracees/storm): spawn, exec failure, -f with forks and threads, -p,
 * --cgroup, --all, -c aggregation and counted loss. Needs root (or CAP_BPF +
 * CAP_PERFMON) and kernel BTF; otherwise every test is skipped, saying why.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "backends/backend.h"
#include "backends/stack.h"
#include "backends/ustack.h"

#define CG_ROOT "/sys/fs/cgroup/unified"

static const struct rn_backend_ops *ops = &rn_ebpf_backend;
static char storm[PATH_MAX];
static char skip_why[256];

/* What a trace run saw. */
struct seen {
	unsigned long getppid;		/* getppid calls of tracked tgids */
	unsigned long syscalls;
	unsigned long exits, thread_exits, signals;
	unsigned long lost;
	unsigned long entry_missed;
	__u32 tgids[16];		/* distinct tgids with getppid calls */
	int ntgids;
	__u32 only_tgid;		/* count getppid of this tgid only (0 = all) */
	int first_nr;			/* first syscall seen */
	__s64 first_ret;
	int exit_code;
};

static int seen_event(void *ctx, const struct rn_event *evs, size_t n, const struct rn_memsrc *mem)
{
	struct seen *s = ctx;
	size_t i;
	int j;

	(void)mem;
	for (i = 0; i < n; i++) {
		const struct rn_event *e = &evs[i];

		switch (e->type) {
		case RN_EV_SYSCALL:
			if (!s->syscalls++) {
				s->first_nr = e->sc.nr;
				s->first_ret = e->sc.ret;
			}
			if (e->flags & RN_F_ENTRY_MISSED)
				s->entry_missed++;
			if (e->sc.nr != SYS_getppid || (s->only_tgid && e->tgid != s->only_tgid))
				break;
			s->getppid++;
			for (j = 0; j < s->ntgids && s->tgids[j] != e->tgid; j++)
				;
			if (j == s->ntgids && j < 16)
				s->tgids[s->ntgids++] = e->tgid;
			break;
		case RN_EV_EXIT:
			if (e->flags & RN_F_THREAD_EXIT)
				s->thread_exits++;
			else
				s->exits++;
			s->exit_code = e->exit.code;
			break;
		case RN_EV_SIGNAL:
			s->signals++;
			break;
		case RN_EV_LOST:
			s->lost += e->lost.count;
			break;
		}
	}
	return 0;
}

static void cfg_init(struct rn_trace_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->uid = cfg->gid = -1;
	cfg->strsize = 32;
	memset(cfg->syscalls, 0xff, sizeof(cfg->syscalls));
}

static void cfg_only(struct rn_trace_config *cfg, int nr)
{
	memset(cfg->syscalls, 0, sizeof(cfg->syscalls));
	cfg->syscalls[nr / 64] |= 1ull << (nr % 64);
}

static time_t now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* Poll until the backend says the tracees are gone (bounded: 30 s; a poll
 * may return early, so count time, not rounds). */
static int run_to_end(struct rn_backend *b, struct seen *s)
{
	time_t end = now_s() + 30;
	int r;

	while ((r = ops->poll(b, 100, seen_event, s)) > 0 && now_s() < end)
		;
	return r;
}

/* storm -w N with its stdin on a pipe: it waits for a line. */
static pid_t start_waiting_storm(const char *n, const char *extra, int *go)
{
	int p[2];
	pid_t pid;

	if (pipe(p) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(p[0], 0);
		close(p[0]);
		close(p[1]);
		if (extra)
			execl(storm, "storm", "-w", extra, n, (char *)NULL);
		else
			execl(storm, "storm", "-w", n, (char *)NULL);
		_exit(127);
	}
	close(p[0]);
	*go = p[1];
	return pid;
}

static int setup(void **state)
{
	const char *b = getenv("B");
	struct rn_trace_config cfg;

	(void)state;
	snprintf(storm, sizeof(storm), "%s/tracees/storm", b ? b : "build");
	cfg_init(&cfg);
	if (ops->probe(&cfg, skip_why, sizeof(skip_why)))
		return 0;
	if (access(storm, X_OK) < 0)
		snprintf(skip_why, sizeof(skip_why),
			 "the storm tracee is not built (make build/tracees/storm)");
	return 0;
}

#define NEED_EBPF()							\
	do {								\
		if (skip_why[0]) {					\
			print_message("SKIP: eBPF unavailable: %s\n", skip_why); \
			skip();						\
		}							\
	} while (0)

static void test_spawn_counts_and_exit(void **state)
{
	char *argv[] = { storm, "1000", NULL };
	struct rn_trace_config cfg;
	struct seen s = {};
	struct rn_backend *b;
	int st;

	(void)state;
	NEED_EBPF();
	cfg_init(&cfg);
	cfg.argv = argv;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), 0);
	assert_int_equal(run_to_end(b, &s), 0);
	/* nothing before execve: the wait for the go signal is not shown */
	assert_int_equal(s.first_nr, SYS_execve);
	assert_int_equal(s.first_ret, 0);
	assert_int_equal(s.entry_missed, 0);
	assert_int_equal(s.getppid, 1000);
	assert_int_equal(s.exits, 1);
	assert_int_equal(s.exit_code, 0);
	st = ops->exit_status(b);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_int_equal(ops->lost(b), 0);
	ops->close(b);
}

/* --metrics' ring fill gauge: records wait in the ring until they are read. */
static void test_ring_fill(void **state)
{
	char *argv[] = { storm, "1000", NULL };
	struct rn_trace_config cfg;
	struct seen s = {};
	struct rn_backend *b;
	__u64 used = 0, size = 0;

	(void)state;
	NEED_EBPF();
	cfg_init(&cfg);
	cfg.argv = argv;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->ring_fill(b, &used, &size), 0);
	assert_int_equal(used, 0);
	assert_true(size >= 4096);
	assert_int_equal(ops->start(b), 0);
	usleep(300000);		/* the storm is done long before; nothing was read */
	assert_int_equal(ops->ring_fill(b, &used, &size), 0);
	assert_true(used > 1000 * 32);	/* 1000 getppid records at least */
	assert_true(used <= size);
	assert_int_equal(run_to_end(b, &s), 0);
	assert_int_equal(s.getppid, 1000);
	assert_int_equal(ops->ring_fill(b, &used, &size), 0);
	assert_int_equal(used, 0);
	ops->close(b);
}

static void test_exec_failure(void **state)
{
	char *argv[] = { "/nonexistent/renacer-test", NULL };
	char *argv2[] = { "/etc/passwd", NULL };
	struct rn_trace_config cfg;
	struct rn_backend *b;

	(void)state;
	NEED_EBPF();
	cfg_init(&cfg);
	cfg.argv = argv;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), -ENOENT);
	assert_string_equal(ops->error(b), "cannot execute '/nonexistent/renacer-test': "
			    "No such file or directory");
	ops->close(b);
	cfg.argv = argv2;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), -EACCES);
	assert_string_equal(ops->error(b), "cannot execute '/etc/passwd': Permission denied");
	ops->close(b);
}

static void run_family(bool follow, const char *flag, unsigned long *calls, int *ntgids,
		       unsigned long *thread_exits)
{
	char *argv[] = { storm, (char *)flag, "3", "200", NULL };
	struct rn_trace_config cfg;
	struct seen s = {};
	struct rn_backend *b;

	cfg_init(&cfg);
	cfg.argv = argv;
	cfg.follow_forks = follow;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), 0);
	assert_int_equal(run_to_end(b, &s), 0);
	*calls = s.getppid;
	*ntgids = s.ntgids;
	*thread_exits = s.thread_exits;
	ops->close(b);
}

static void test_follow_forks(void **state)
{
	unsigned long calls, texits;
	int ntgids;

	(void)state;
	NEED_EBPF();
	run_family(true, "-f", &calls, &ntgids, &texits);
	assert_int_equal(calls, 4 * 200);
	assert_int_equal(ntgids, 4);
	run_family(false, "-f", &calls, &ntgids, &texits);
	assert_int_equal(calls, 200);
	assert_int_equal(ntgids, 1);
}

static void test_follow_threads(void **state)
{
	unsigned long calls, texits;
	int ntgids;

	(void)state;
	NEED_EBPF();
	run_family(true, "-t", &calls, &ntgids, &texits);
	assert_int_equal(calls, 4 * 200);
	assert_int_equal(ntgids, 1);
	assert_int_equal(texits, 3);
	/* without -f only the main thread, as under ptrace */
	run_family(false, "-t", &calls, &ntgids, &texits);
	assert_int_equal(calls, 200);
	assert_int_equal(texits, 0);
}

static void test_attach_pid(void **state)
{
	struct rn_trace_config cfg;
	struct seen s = {};
	struct rn_backend *b;
	pid_t pid;
	int go, st;

	(void)state;
	NEED_EBPF();
	pid = start_waiting_storm("500", NULL, &go);
	assert_true(pid > 0);
	cfg_init(&cfg);
	cfg.pids = &pid;
	cfg.npids = 1;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), 0);
	assert_int_equal(write(go, "\n", 1), 1);
	close(go);
	/* reap it ourselves once it is gone: the backend only watches */
	assert_int_equal(run_to_end(b, &s), 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_int_equal(s.getppid, 500);
	assert_int_equal(s.exits, 1);
	assert_int_equal(ops->exit_status(b), -1);
	ops->close(b);
}

static void test_attach_missing_pid(void **state)
{
	struct rn_trace_config cfg;
	struct rn_backend *b;
	pid_t pid = 0x3ffffff;	/* above pid_max */

	(void)state;
	NEED_EBPF();
	cfg_init(&cfg);
	cfg.pids = &pid;
	cfg.npids = 1;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), -ESRCH);
	assert_non_null(strstr(ops->error(b), "cannot attach to pid 67108863"));
	ops->close(b);
}

/* Poll an endless (--all / --cgroup) session until pid exits. */
static void poll_until_reaped(struct rn_backend *b, struct seen *s, pid_t pid)
{
	time_t end = now_s() + 30;
	int st;

	while (now_s() < end) {
		assert_int_equal(ops->poll(b, 20, seen_event, s), 1);
		if (waitpid(pid, &st, WNOHANG) == pid)
			break;
	}
	ops->detach(b, SIGTERM);
	while (ops->poll(b, 0, seen_event, s) > 0)
		;
}

static void test_cgroup(void **state)
{
	char dir[128], procs[160], buf[32];
	struct rn_trace_config cfg;
	struct seen s = {};
	struct rn_backend *b;
	pid_t in, out;
	int go_in, go_out, fd;

	(void)state;
	NEED_EBPF();
	if (access(CG_ROOT "/cgroup.procs", W_OK) < 0) {
		print_message("SKIP: no writable cgroup v2 hierarchy at " CG_ROOT "\n");
		skip();
	}
	snprintf(dir, sizeof(dir), CG_ROOT "/renacer-test-%d", (int)getpid());
	assert_int_equal(mkdir(dir, 0755), 0);
	in = start_waiting_storm("300", NULL, &go_in);
	out = start_waiting_storm("300", NULL, &go_out);
	snprintf(procs, sizeof(procs), "%s/cgroup.procs", dir);
	fd = open(procs, O_WRONLY);
	assert_true(fd >= 0);
	snprintf(buf, sizeof(buf), "%d", (int)in);
	assert_true(write(fd, buf, strlen(buf)) > 0);
	close(fd);

	cfg_init(&cfg);
	cfg.cgroup = dir;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), 0);
	assert_int_equal(write(go_out, "\n", 1), 1);
	assert_int_equal(write(go_in, "\n", 1), 1);
	close(go_in);
	close(go_out);
	waitpid(out, NULL, 0);
	poll_until_reaped(b, &s, in);
	ops->close(b);
	rmdir(dir);
	/* every getppid of the process inside, none of the one outside */
	assert_int_equal(s.getppid, 300);
	assert_int_equal(s.ntgids, 1);
	assert_int_equal(s.tgids[0], in);
}

static void test_all_sees_new_process(void **state)
{
	struct rn_trace_config cfg;
	struct seen s = {};
	struct rn_backend *b;
	pid_t pid;
	int go;

	(void)state;
	NEED_EBPF();
	cfg_init(&cfg);
	cfg.attach_all = true;
	cfg_only(&cfg, SYS_getppid);
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), 0);
	/* started after tracing began */
	pid = start_waiting_storm("250", NULL, &go);
	s.only_tgid = pid;
	assert_int_equal(write(go, "\n", 1), 1);
	close(go);
	poll_until_reaped(b, &s, pid);
	ops->close(b);
	assert_int_equal(s.getppid, 250);
}

struct aggs {
	__u64 count, errors, hist_total;
	int nr_seen;
};

static int agg_cb(void *ctx, int nr, const struct rn_syscall_agg *agg, __u32 bucket, __u64 n)
{
	struct aggs *a = ctx;

	if (nr != SYS_getppid)
		return 0;
	if (agg) {
		a->nr_seen++;
		a->count = agg->count;
		a->errors = agg->errors;
		assert_true(agg->min_ns <= agg->max_ns);
		assert_true(agg->total_ns >= agg->count * agg->min_ns);
		return 0;
	}
	assert_true(bucket < 65536);
	a->hist_total += n;
	return 0;
}

static void test_summary_in_kernel(void **state)
{
	char *argv[] = { storm, "-t", "1", "5000", NULL };
	struct rn_trace_config cfg;
	struct seen s = {};
	struct aggs a = {};
	struct rn_backend *b;

	(void)state;
	NEED_EBPF();
	cfg_init(&cfg);
	cfg.argv = argv;
	cfg.summary_only = true;
	cfg.follow_forks = true;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), 0);
	assert_int_equal(run_to_end(b, &s), 0);
	/* no per-call records in -c */
	assert_int_equal(s.syscalls, 0);
	assert_int_equal(ops->aggregates(b, agg_cb, &a), 0);
	assert_int_equal(a.nr_seen, 1);
	assert_int_equal(a.count, 10000);
	assert_int_equal(a.errors, 0);
	assert_int_equal(a.hist_total, 10000);
	ops->close(b);
}

/*
 * A tiny ring buffer and two threads storming: records are lost, and every
 * getppid call is either delivered or counted lost (only getppid is traced,
 * so the lost count is all getppid, bar the exit record if it was lost).
 */
static void test_lost_is_counted(void **state)
{
	char *argv[] = { storm, "-t", "1", "200000", NULL };
	struct rn_trace_config cfg;
	struct seen s = {};
	struct rn_backend *b;

	(void)state;
	NEED_EBPF();
	cfg_init(&cfg);
	cfg.argv = argv;
	cfg.follow_forks = true;
	cfg.buffer_size = 4096;
	cfg_only(&cfg, SYS_getppid);
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(ops->start(b), 0);
	assert_int_equal(run_to_end(b, &s), 0);
	print_message("delivered %lu, lost %lu, exits %lu+%lu\n", s.getppid, s.lost, s.exits,
		      s.thread_exits);
	assert_true(s.lost > 0);
	assert_int_equal(ops->lost(b), s.lost);
	assert_int_equal(s.getppid + s.lost, 400000 + (2 - s.exits - s.thread_exits));
	ops->close(b);
}

/* -k: records carry their stack (stack_rec names frames), and the mapping
 * hook hears of the program's file and of libc. */
struct stk_seen {
	unsigned long getppid, with_stack, in_storm;
	unsigned long maps, storm_maps, libc_maps;
};

static int stk_event(void *ctx, const struct rn_event *evs, size_t n, const struct rn_memsrc *mem)
{
	struct stk_seen *s = ctx;
	struct rn_frame f[RN_STACK_MAX];

	for (size_t i = 0; i < n; i++) {
		long nf;

		if (evs[i].type != RN_EV_SYSCALL || evs[i].sc.nr != SYS_getppid)
			continue;
		s->getppid++;
		assert_non_null(mem->stack_rec);
		nf = mem->stack_rec(mem->ctx, &evs[i], f, RN_STACK_MAX, RN_STACK_FULL);
		if (nf > 1)
			s->with_stack++;
		for (long k = 0; k < nf; k++)
			if (f[k].object && strstr(f[k].object, "/storm")) {
				s->in_storm++;
				break;
			}
	}
	return 0;
}

static void stk_map(void *ctx, __u32 tgid, const struct rn_ustack_mapping *m)
{
	struct stk_seen *s = ctx;

	(void)tgid;
	assert_true(m->start < m->end);
	s->maps++;
	if (m->path && strstr(m->path, "/storm"))
		s->storm_maps++;
	if (m->path && strstr(m->path, "/libc.so"))
		s->libc_maps++;
}

static void test_stacks_and_map_hook(void **state)
{
	char *argv[] = { storm, "100", NULL };
	struct rn_trace_config cfg;
	struct stk_seen s = {};
	struct rn_backend *b;
	time_t end;

	(void)state;
	NEED_EBPF();
	cfg_init(&cfg);
	cfg.argv = argv;
	cfg.stacks = true;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(rn_ebpf_stack_map_hook(b, stk_map, &s), 0);
	assert_int_equal(ops->start(b), 0);
	end = now_s() + 30;
	while (ops->poll(b, 100, stk_event, &s) > 0 && now_s() < end)
		;
	print_message("getppid %lu, with a stack %lu, through storm %lu; mappings %lu "
		      "(storm %lu, libc %lu)\n", s.getppid, s.with_stack, s.in_storm, s.maps,
		      s.storm_maps, s.libc_maps);
	assert_int_equal(s.getppid, 100);
	assert_int_equal(s.with_stack, 100);
	assert_int_equal(s.in_storm, 100);
	assert_true(s.storm_maps >= 1 && s.libc_maps >= 1);
	ops->close(b);
	/* without stacks there is nothing to hook */
	cfg.stacks = false;
	b = ops->open(&cfg);
	assert_non_null(b);
	assert_int_equal(rn_ebpf_stack_map_hook(b, stk_map, &s), -ENOTSUP);
	ops->close(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spawn_counts_and_exit),
		cmocka_unit_test(test_exec_failure),
		cmocka_unit_test(test_follow_forks),
		cmocka_unit_test(test_follow_threads),
		cmocka_unit_test(test_attach_pid),
		cmocka_unit_test(test_attach_missing_pid),
		cmocka_unit_test(test_cgroup),
		cmocka_unit_test(test_all_sees_new_process),
		cmocka_unit_test(test_summary_in_kernel),
		cmocka_unit_test(test_lost_is_counted),
		cmocka_unit_test(test_ring_fill),
		cmocka_unit_test(test_stacks_and_map_hook),
	};

	signal(SIGPIPE, SIG_IGN);
	if (getenv("TEST_ONLY"))
		cmocka_set_test_filter(getenv("TEST_ONLY"));
	return cmocka_run_group_tests_name("ebpf", tests, setup, NULL);
}
