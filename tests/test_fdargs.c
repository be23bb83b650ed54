// SPDX-License-Identifier: MIT
/*
 * rn_syscall_fdargs() (syscalls/fdargs.c) against the decoders: decode every
 * syscall with -y on, each register holding a distinct descriptor number, and
 * see which ones the decoder asks the path of. The eBPF backend resolves
 * paths in the kernel for the registers the mask names only: a register a
 * decoder asks about and the mask misses would print without its path under
 * eBPF while ptrace shows it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <asm/unistd_64.h>

#include "bpf/fdpath.h"
#include "syscalls/decode.h"
#include "syscalls/mem.h"
#include "syscalls/syscalls.h"

#define FD_ARG0 1000
#define FD_RET	2000

static unsigned asked;		/* RN_FDA_* bits the decoder asked for */

static long probe_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	(void)ctx;
	(void)tgid;
	if (fd >= FD_ARG0 && fd < FD_ARG0 + RN_MAX_ARGS)
		asked |= 1u << (fd - FD_ARG0);
	else if (fd == FD_RET)
		asked |= RN_FDA_RET;
	snprintf(buf, len, "/x");
	return 2;
}

static long probe_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	(void)ctx;
	(void)tid;
	(void)addr;
	(void)buf;
	(void)len;
	return -EFAULT;
}

static unsigned probe(long nr)
{
	const struct rn_memsrc live = { .read = probe_read, .fdpath = probe_fdpath };
	struct rn_decode_opts o = { .strsize = 32, .show_paths = true };
	static struct rn_event ev;
	struct rn_decoded d;
	int i;

	memset(&ev, 0, RN_EVENT_HDR_SIZE);
	ev.type = RN_EV_SYSCALL;
	ev.tid = ev.tgid = 42;
	ev.sc.nr = nr;
	ev.sc.ret = FD_RET;
	for (i = 0; i < RN_MAX_ARGS; i++)
		ev.sc.args[i] = FD_ARG0 + i;
	asked = 0;
	rn_decoded_init(&d);
	rn_decode_syscall(&ev, &live, &o, &d);
	rn_decoded_release(&d);
	return asked;
}

/* Every descriptor a decoder prints with its path is in the mask. */
static void test_mask_covers_decoders(void **state)
{
	unsigned got, want, missing = 0;
	long nr;

	(void)state;
	for (nr = 0; nr < RN_NR_MAX; nr++) {
		if (!rn_syscall(nr))
			continue;
		got = probe(nr);
		want = rn_syscall_fdargs(nr);
		if (got & ~want) {
			fprintf(stderr, "%s: decoder asks %#x, mask %#x\n", rn_syscall(nr)->name,
				got, want);
			missing++;
		}
	}
	assert_int_equal(missing, 0);
}

/* The mask names no register a decoder never prints as a descriptor (each
 * one costs a path walk in the kernel), but for the calls whose result is
 * an fd only for some commands (fcntl's F_DUPFD, bpf's BPF_MAP_CREATE). */
static void test_mask_not_wider(void **state)
{
	unsigned got, want, extra = 0;
	long nr;

	(void)state;
	for (nr = 0; nr < RN_NR_MAX; nr++) {
		if (!rn_syscall(nr) || nr == __NR_fcntl || nr == __NR_bpf)
			continue;
		got = probe(nr);
		want = rn_syscall_fdargs(nr) & (RN_FDA_ARGS | RN_FDA_RET);
		if (want & ~got) {
			fprintf(stderr, "%s: mask %#x, decoder asks %#x\n", rn_syscall(nr)->name,
				want, got);
			extra++;
		}
	}
	assert_int_equal(extra, 0);
}

static void test_known_rows(void **state)
{
	(void)state;
	assert_int_equal(rn_syscall_fdargs(__NR_read), 1u);
	assert_int_equal(rn_syscall_fdargs(__NR_openat), 1u | RN_FDA_RET);
	assert_int_equal(rn_syscall_fdargs(__NR_dup2), 1u | RN_FDA_RET);	/* newfd prints as a number */
	assert_int_equal(rn_syscall_fdargs(__NR_pipe2), RN_FDA_PAIR_AT(0));
	assert_int_equal(RN_FDA_PAIR_ARG(rn_syscall_fdargs(__NR_socketpair)), 3);
	assert_int_equal(rn_syscall_fdargs(__NR_getpid), 0);
	assert_int_equal(rn_syscall_fdargs(-1), 0);
	assert_int_equal(rn_syscall_fdargs(RN_NR_MAX + 7), 0);
}

/* A record as the eBPF backend sends it under -y: the decoders print the
 * recorded path, the bare fd where the path was over the cap (an empty
 * RN_REG_PATHCUT region), and never ask a live source (eBPF has none). */
static void put_region(struct rn_event *ev, __u64 addr, const char *p, __u32 len, __u16 flags)
{
	struct rn_region r = { .addr = addr, .len = len, .flags = flags };
	__u32 off = ev->sc.payload_len;

	memcpy(ev->payload + off, &r, sizeof(r));
	memcpy(ev->payload + off + sizeof(r), p, len);
	ev->sc.payload_len = off + sizeof(r) + RN_REGION_ALIGN(len);
}

static void test_recorded_paths(void **state)
{
	struct rn_decode_opts o = { .strsize = 32, .show_paths = true };
	static struct rn_event ev;
	struct rn_decoded d;

	(void)state;
	memset(&ev, 0, RN_EVENT_HDR_SIZE);
	ev.type = RN_EV_SYSCALL;
	ev.tid = ev.tgid = 42;
	ev.sc.nr = __NR_dup2;
	ev.sc.args[0] = 3;
	ev.sc.args[1] = 4;
	ev.sc.ret = 4;
	put_region(&ev, 3, "/etc/passwd", 11, RN_REG_FDPATH | RN_REG_STR);
	put_region(&ev, 4, "", 0, RN_REG_FDPATH | RN_REG_PATHCUT);
	rn_decoded_init(&d);
	rn_decode_syscall(&ev, NULL, &o, &d);
	assert_string_equal(d.arg[0].buf, "3</etc/passwd>");
	assert_string_equal(d.arg[1].buf, "4");
	assert_string_equal(d.ret.buf, "4");
	assert_int_equal(rn_mem_pathcuts(&ev), 1);
	/* a path holding a newline or '>' is escaped as any string */
	ev.sc.payload_len = 0;
	put_region(&ev, 3, "/tmp/a\nb>", 9, RN_REG_FDPATH | RN_REG_STR);
	rn_decode_syscall(&ev, NULL, &o, &d);
	assert_string_equal(d.arg[0].buf, "3</tmp/a\\nb>>");
	assert_int_equal(rn_mem_pathcuts(&ev), 0);
	rn_decoded_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mask_covers_decoders),
		cmocka_unit_test(test_mask_not_wider),
		cmocka_unit_test(test_known_rows),
		cmocka_unit_test(test_recorded_paths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
