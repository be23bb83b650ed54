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
		check(cbpf_cacheable_allow(p, n, d.arch, nr) == (want == SECCOMP_RET_ALLOW),
		      "seccomp program cacheable for every excluded number");
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

/* Tracee memory and fd table for the predicates: the raw input bytes at
 * 0x10000, fd 3 named by the first word, fd 4 the same but deleted. */
struct fz_live {
	const uint8_t *data;
	size_t size;
	const char *word;
};

static long fz_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	const struct fz_live *l = ctx;

	(void)tid;
	if (addr < 0x10000 || addr - 0x10000 >= l->size)
		return -14;
	if (len > l->size - (addr - 0x10000))
		len = l->size - (addr - 0x10000);
	memcpy(buf, l->data + (addr - 0x10000), len);
	return (long)len;
}

static long fz_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	const struct fz_live *l = ctx;

	(void)tgid;
	if (fd == 3)
		return snprintf(buf, len, "%s", l->word);
	if (fd == 4)
		return snprintf(buf, len, "%s (deleted)", l->word);
	return -9;
}

/* Put word in the event payload at addr, as a backend's string capture. */
static void add_str(struct rn_event *ev, __u64 addr, const char *word)
{
	struct rn_region r = { .addr = addr, .flags = RN_REG_STR };
	size_t len = strlen(word);

	if (len > 1024)
		len = 1024;
	r.len = (__u32)len;
	memcpy(ev->payload, &r, sizeof(r));
	memcpy(ev->payload + sizeof(r), word, len);
	ev->sc.payload_len = (__u32)(sizeof(r) + RN_REGION_ALIGN(len));
}

/* Every predicate over a few calls whose arguments come from the input. */
static void run_events(struct rn_filter *f, const uint8_t *data, size_t size, const char *word)
{
	static struct rn_event ev;
	static const int nrs[] = { 257, 0, 3, 33, 292, 72, 7, 23, 270, 9, 264, 2, 86, 511, -1 };
	struct fz_live l = { .data = data, .size = size, .word = word };
	struct rn_memsrc live = { .read = fz_read, .fdpath = fz_fdpath, .ctx = &l };

	for (size_t i = 0; i < sizeof(nrs) / sizeof(nrs[0]) * 2; i++) {
		uint8_t b = size ? data[i % size] : 0;

		memset(&ev, 0, RN_EVENT_HDR_SIZE);
		ev.type = RN_EV_SYSCALL;
		ev.tgid = ev.tid = 1 + (b & 1);
		ev.sc.nr = nrs[i % (sizeof(nrs) / sizeof(nrs[0]))];
		ev.sc.ret = (__s64)(b % 8) - 3;
		for (int a = 0; a < RN_MAX_ARGS; a++)
			ev.sc.args[a] = (b >> a & 1) ? 0x10000 + a : (__u64)(a + 2 + (b & 4));
		if (b & 2)
			add_str(&ev, ev.sc.args[1] = 0x20000, word);
		ev.flags = (b & 0xc0) == 0xc0 ? RN_F_ENTRY_MISSED : 0;
		rn_filter_match(f, &ev, (i & 1) ? &live : NULL);
		rn_filter_abbrev(f, ev.sc.nr);
		rn_filter_verbose(f, ev.sc.nr);
		rn_filter_raw(f, ev.sc.nr);
	}
	ev.type = RN_EV_SIGNAL;
	ev.sig.signo = size ? data[0] : 17;
	rn_filter_match(f, &ev, NULL);
	ev.type = RN_EV_EXIT;
	rn_filter_match(f, &ev, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *save = NULL, *word, first[256] = "";
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

		if (!nwords)
			snprintf(first, sizeof(first), "%s",
				 !strncmp(word, "-P ", 3) ? word + 3 : word);
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
	run_events(&f, data, size, first);
	rn_filter_release(&f);
	free(buf);
	return 0;
}
