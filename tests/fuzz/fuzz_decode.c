// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the argument decoders (syscalls/decode*.c) and the
 * line formatter (frontend/format.c).
 *
 * The input builds one record the way a backend would, but with nothing
 * trusted: a syscall number (known, unknown or huge), random flags, six
 * argument registers (raw values, small numbers, or addresses inside the fake
 * tracee memory), a random return value, and a payload that is either a walk
 * of well-formed regions over the fake memory or raw bytes (a backend bug
 * must not crash the decoder either). The fake live memory source serves the
 * rest of the input at a fixed base address, with short reads at its end and
 * -EFAULT elsewhere; fd paths come from the input too.
 *
 * Checks beyond the sanitizers: the text, JSON and CSV lines are one line
 * each with no raw control byte; the JSON line is an object in valid UTF-8.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syscalls/decode.h"
#include "frontend/format.h"

#define MEM_BASE 0x7f0000001000ull

struct fake {
	const uint8_t *mem;
	size_t len;
	const char *path;	/* for fdpath, or NULL */
	size_t pathlen;
};

struct input {
	const uint8_t *p;
	size_t n;
};

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_decode: check failed: %s\n", what);
		abort();
	}
}

static uint64_t take(struct input *in, size_t bytes)
{
	uint64_t v = 0;

	for (size_t i = 0; i < bytes && in->n; i++, in->p++, in->n--)
		v |= (uint64_t)in->p[0] << (8 * i);
	return v;
}

static long fake_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	const struct fake *f = ctx;
	size_t off, n;

	(void)tid;
	if (addr < MEM_BASE || addr - MEM_BASE >= f->len)
		return -EFAULT;
	off = (size_t)(addr - MEM_BASE);
	n = f->len - off < len ? f->len - off : len;	/* short read at the end */
	memcpy(buf, f->mem + off, n);
	return (long)n;
}

static long fake_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	const struct fake *f = ctx;
	size_t n;

	(void)tgid;
	if (!f->path || fd < 0 || fd > 64 || !len)
		return -EBADF;
	n = f->pathlen < len - 1 ? f->pathlen : len - 1;
	memcpy(buf, f->path, n);
	buf[n] = 0;
	return (long)n;
}

/* An argument register: raw, a small number, or an address in the fake memory. */
static uint64_t pick_arg(struct input *in, size_t memlen)
{
	uint8_t how = (uint8_t)take(in, 1);

	switch (how % 4) {
	case 0:
		return take(in, 8);
	case 1:
		return take(in, 1) - 8;		/* small, sometimes "negative" */
	default:
		return MEM_BASE + (memlen ? take(in, 2) % (memlen + 8) : 0);
	}
}

/* Regions copied from the fake memory, as a backend would capture them. */
static void build_regions(struct rn_event *ev, struct input *in, const struct fake *f)
{
	uint32_t used = 0;
	unsigned count = (unsigned)take(in, 1) % 8;

	for (unsigned i = 0; i < count; i++) {
		struct rn_region r = { 0 };
		size_t off = f->len ? take(in, 2) % f->len : 0;
		size_t len = take(in, 2) % 4096;

		r.addr = MEM_BASE + off;
		r.flags = (uint16_t)take(in, 1) & 0xf;
		r.arg = (uint16_t)(take(in, 1) % 8);
		if (off + len > f->len)
			len = f->len - off;
		if (used + sizeof(r) + RN_REGION_ALIGN(len) > RN_PAYLOAD_MAX)
			break;
		r.len = (uint32_t)len;
		memcpy(ev->payload + used, &r, sizeof(r));
		if (len)
			memcpy(ev->payload + used + sizeof(r), f->mem + off, len);
		used += sizeof(r) + RN_REGION_ALIGN(len);
	}
	ev->sc.payload_len = used;
}

static bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i], need, cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, cp = c & 0x07;
		else
			return false;
		if (i + need >= n)
			return false;
		for (unsigned k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return false;
		i += need + 1;
	}
	return true;
}

static void check_line(const struct rn_strbuf *l, bool json)
{
	check(l->len > 0 && l->buf[l->len - 1] == '\n', "a line ends with one newline");
	for (size_t i = 0; i + 1 < l->len; i++) {
		unsigned char c = (unsigned char)l->buf[i];

		check(c >= 0x20 && c != 0x7f, "no raw control byte in a line");
	}
	if (json) {
		check(l->buf[0] == '{' && l->buf[l->len - 2] == '}', "JSON line is an object");
		check(utf8_valid((const unsigned char *)l->buf, l->len), "JSON line is UTF-8");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rn_event ev;
	struct input in = { data, size };
	struct rn_decoded d;
	struct rn_strbuf line;
	struct fake f = { 0 };
	struct rn_memsrc live = { .read = fake_read, .fdpath = fake_fdpath, .ctx = &f };
	struct rn_decode_opts o = { 0 };
	uint8_t mode, flags;
	size_t memlen;

	if (size < 16)
		return 0;
	memset(&ev, 0, RN_EVENT_HDR_SIZE);
	mode = (uint8_t)take(&in, 1);
	flags = (uint8_t)take(&in, 1);
	o.strsize = (unsigned)(take(&in, 1) * 8 % 1100);
	o.verbose = flags & 1;
	o.show_paths = flags & 2;
	o.raw = (flags & 0x0c) == 0x0c;
	/* The fake memory is the tail of the input: its length comes first. */
	memlen = take(&in, 2) % (in.n + 1);
	f.mem = in.p + (in.n - memlen);
	f.len = memlen;
	in.n -= memlen;
	if (flags & 0x10) {
		f.path = (const char *)f.mem;
		f.pathlen = memlen < 300 ? memlen : 300;
	}
	ev.type = RN_EV_SYSCALL;
	ev.flags = (uint32_t)take(&in, 1) & 0xff;
	ev.tid = ev.tgid = 42;
	ev.ts_ns = take(&in, 8);
	ev.dur_ns = take(&in, 4);
	ev.sc.nr = mode & 0x80 ? (int32_t)take(&in, 4) : (int32_t)(take(&in, 2) % 480);
	for (int i = 0; i < RN_MAX_ARGS; i++)
		ev.sc.args[i] = pick_arg(&in, memlen);
	ev.sc.ret = mode & 0x40 ? -(int64_t)(take(&in, 2) % 4200) : (int64_t)pick_arg(&in, memlen);
	if (mode & 0x20) {	/* raw payload bytes: a backend gone wrong */
		ev.sc.payload_len = (uint32_t)(in.n < RN_PAYLOAD_MAX ? in.n : RN_PAYLOAD_MAX);
		memcpy(ev.payload, in.p, ev.sc.payload_len);
	} else {
		build_regions(&ev, &in, &f);
	}

	rn_decoded_init(&d);
	rn_sb_init(&line);
	rn_decode_syscall(&ev, mode & 0x10 ? NULL : &live, &o, &d);
	check(d.name != NULL, "every syscall has a name");
	check(d.nargs >= 0 && d.nargs <= RN_MAX_ARGS, "nargs in range");
	for (int fmt = 0; fmt < 3; fmt++) {
		static const enum rn_format fmts[] = { RN_FMT_TEXT, RN_FMT_JSON, RN_FMT_CSV };
		struct rn_fmt_ctx c = { .format = fmts[fmt], .tsmode = mode & 3,
					.show_time = mode & 4 };

		rn_sb_reset(&line);
		rn_format_event(&c, (enum rn_pid_prefix)(mode >> 3 & 1), &ev, &d, &line);
		check_line(&line, fmts[fmt] == RN_FMT_JSON);
	}
	/* The same register bytes read as a signal record. */
	ev.type = RN_EV_SIGNAL;
	rn_sb_reset(&line);
	rn_decode_siginfo(&ev, &line);
	for (size_t i = 0; i < line.len; i++)
		check((unsigned char)line.buf[i] >= 0x20, "siginfo text has no control byte");
	for (int json = 0; json < 2; json++) {
		struct rn_fmt_ctx c = { .format = json ? RN_FMT_JSON : RN_FMT_TEXT };

		rn_sb_reset(&line);
		rn_format_event(&c, RN_PFX_NONE, &ev, NULL, &line);
		check_line(&line, json);
	}
	rn_sb_release(&line);
	rn_decoded_release(&d);
	return 0;
}
