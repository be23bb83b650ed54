// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the -e expression parser (frontend/filter.c).
 *
 * The input is up to 8 lines; each is one filter word as the option parser
 * hands them over ("-e" expressions, "-P PATH"). After each word it checks
 * what must always hold: the error message is one terminated line, a refused
 * word changed nothing, and the seccomp program agrees with the bitmap for
 * every syscall number. Then it runs the per-event predicates over a few
 * synthetic events. A crash, leak, hang or failed check is a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>

#include "frontend/filter.h"
#include "cbpf.h"

#define MAX_WORDS 8

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_filter: check failed: %s\n", what);
		abort();
	}
}

static void check_seccomp(const struct rn_filter *f)
{
	struct sock_filter *p = NULL;
	size_t n = 0;

	check(rn_filter_seccomp_prog(f, &p, &n) == 0, "seccomp program built");
	for (uint32_t nr = 0; nr < RN_NR_MAX + 4; nr++) {
		struct seccomp_data d = { .nr = (int)nr, .arch = AUDIT_ARCH_X86_64 };
		uint32_t want = nr >= RN_NR_MAX || rn_filter_syscall(f, nr) ? SECCOMP_RET_TRACE
									 : SECCOMP_RET_ALLOW;

		check(cbpf_run(p, n, &d) == want, "seccomp program matches bitmap");
	}
	free(p);
}

static void check_unchanged(const struct rn_filter *a, const struct rn_filter *b)
{
	check(!memcmp(a->syscalls, b->syscalls, sizeof(a->syscalls)) &&
	      a->syscalls_rest == b->syscalls_rest && a->status == b->status &&
	      a->quiet == b->quiet && !memcmp(a->signals, b->signals, sizeof(a->signals)) &&
	      !memcmp(&a->abbrev, &b->abbrev, sizeof(a->abbrev)) &&
	      !memcmp(&a->raw, &b->raw, sizeof(a->raw)) &&
	      a->read_fds.n == b->read_fds.n && a->trace_fds.n == b->trace_fds.n &&
	      a->given == b->given && a->npaths == b->npaths,
	      "a refused word leaves the filter unchanged");
}

static void run_events(struct rn_filter *f)
{
	static struct rn_event ev;
	static const int nrs[] = { 0, 1, 2, 3, 9, 32, 257, 7, 23, 511, -1 };

	for (size_t i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++) {
		memset(&ev, 0, RN_EVENT_HDR_SIZE);
		ev.type = RN_EV_SYSCALL;
		ev.tgid = ev.tid = 1;
		ev.sc.nr = nrs[i];
		ev.sc.ret = (__s64)i - 3;
		ev.sc.args[0] = i;
		ev.sc.args[1] = 0x1000;	/* unreadable: no payload, no live */
		ev.sc.args[4] = 3;
		rn_filter_match(f, &ev, NULL);
	}
	ev.type = RN_EV_SIGNAL;
	ev.sig.signo = 17;
	rn_filter_match(f, &ev, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *save = NULL, *word;
	struct rn_filter f;
	int nwords = 0;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	rn_filter_init(&f);
	for (word = strtok_r(buf, "\n", &save); word && nwords < MAX_WORDS;
	     word = strtok_r(NULL, "\n", &save), nwords++) {
		struct rn_filter before;
		char err[160];
		int rc;

		memcpy(&before, &f, sizeof(f));
		memset(err, 'X', sizeof(err));
		rc = rn_filter_apply(&f, word, err, sizeof(err));
		check(rc <= 0, "0 or -errno");
		if (rc) {
			check(memchr(err, '\0', sizeof(err)) != NULL, "message terminated");
			check(strchr(err, '\n') == NULL && err[0], "message is one line");
			check_unchanged(&f, &before);
		}
	}
	check_seccomp(&f);
	run_events(&f);
	rn_filter_release(&f);
	free(buf);
	return 0;
}
