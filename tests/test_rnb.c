// SPDX-License-Identifier: MIT
/* Unit tests for the .rnb trace file (backends/file): what is written reads
 * back the same; a file cut at any byte decodes the frames before the cut
 * and names the offset; a bad magic, a newer version and a flipped byte are
 * refused with the reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backends/backend.h"
#include "backends/file/rnb.h"

static char path[64], cut[80];

struct want {
	unsigned kind;
	size_t len;
	__u8 body[8192];
};

static struct want wants[16];
static size_t nwants;

static void want(unsigned kind, const void *body, size_t len)
{
	wants[nwants].kind = kind;
	wants[nwants].len = len;
	memcpy(wants[nwants].body, body, len);
	nwants++;
}

/* A syscall record with one captured region and two live ones, an entry,
 * a signal, a loss, an exit, a process name and a cgroup path. */
static void write_sample(void)
{
	struct rnb_write_info info = { .backend = "ptrace", .flags = RNB_H_LIVE };
	static struct rn_event ev;
	struct rnb_proc pr = { .tid = 42, .tgid = 42, .cgroup_id = 7, .comm = "cat" };
	__u8 live[64] = { 0 }, body[8192];
	struct rn_region reg = { .addr = 0x1000, .len = 5, .flags = RN_REG_STR };
	struct rnb_writer *w;
	char err[256];
	size_t n;
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);

	assert_true(fd >= 0);
	w = rnb_writer_open(fd, path, &info, err, sizeof(err));
	assert_non_null(w);
	nwants = 0;

	memset(&ev, 0, sizeof(ev));
	ev.type = RN_EV_SYSCALL;
	ev.tid = ev.tgid = 42;
	ev.ts_ns = 123456789;
	ev.dur_ns = 1000;
	ev.sc.nr = 0;
	ev.sc.args[0] = 3;
	ev.sc.args[1] = 0x1000;
	ev.sc.ret = 5;
	memcpy(ev.payload, &reg, sizeof(reg));
	memcpy(ev.payload + sizeof(reg), "hello\0\0\0", 8);
	ev.sc.payload_len = sizeof(reg) + 8;
	reg = (struct rn_region){ .addr = 0x2000, .len = 3, .flags = RN_REG_LIVE };
	memcpy(live, &reg, sizeof(reg));
	memcpy(live + 16, "abc", 3);
	reg = (struct rn_region){ .addr = 4, .len = 4, .flags = RN_REG_LIVE | RN_REG_FDPATH };
	memcpy(live + 24, &reg, sizeof(reg));
	memcpy(live + 40, "/tmp", 4);
	assert_int_equal(rnb_writer_event(w, &ev, live, 48), 0);
	n = RN_EVENT_HDR_SIZE + ev.sc.payload_len;
	memcpy(body, &ev, n);
	memcpy(body + n, live, 48);
	want(RNB_FR_EVENT, body, n + 48);

	ev.type = RN_EV_ENTRY;
	assert_int_equal(rnb_writer_event(w, &ev, NULL, 0), 0);
	want(RNB_FR_EVENT, &ev, RN_EVENT_HDR_SIZE + ev.sc.payload_len);

	assert_int_equal(rnb_writer_proc(w, &pr), 0);
	want(RNB_FR_PROC, &pr, sizeof(pr));
	assert_int_equal(rnb_writer_cgroup(w, 7, "/user.slice", 11), 0);
	memset(body, 0, 32);
	memcpy(body, &(struct rnb_cgroup){ .id = 7, .path_len = 11 }, 16);
	memcpy(body + 16, "/user.slice", 11);
	want(RNB_FR_CGROUP, body, 32);

	memset(&ev, 0, sizeof(ev));
	ev.type = RN_EV_LOST;
	ev.lost.count = 9;
	assert_int_equal(rnb_writer_event(w, &ev, NULL, 0), 0);
	want(RNB_FR_EVENT, &ev, RN_EVENT_HDR_SIZE);
	ev.type = RN_EV_EXIT;
	ev.tid = ev.tgid = 42;
	ev.exit.code = 3;
	assert_int_equal(rnb_writer_event(w, &ev, NULL, 0), 0);
	want(RNB_FR_EVENT, &ev, RN_EVENT_HDR_SIZE);
	assert_int_equal(rnb_writer_events(w), 4);
	assert_int_equal(rnb_writer_close(w, 3 << 8, 9), 0);
}

static int setup(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/rn-rnb.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	snprintf(cut, sizeof(cut), "%s.cut", path);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	unlink(cut);
	return 0;
}

/* Read all frames of file; returns how many matched wants[] in order, the
 * end code in *end (0 trailer, else -errno) and the message in msg. */
static size_t read_all(const char *file, int *end, char *msg, size_t msglen)
{
	struct rnb_reader r;
	struct rnb_item it;
	size_t i = 0;
	int ret = rnb_reader_open(&r, file);

	if (ret) {
		*end = ret;
		snprintf(msg, msglen, "%s", r.err);
		return 0;
	}
	while ((ret = rnb_reader_next(&r, &it)) == 1) {
		assert_true(i < nwants);
		assert_int_equal(it.kind, wants[i].kind);
		assert_int_equal(it.len, RN_REGION_ALIGN(wants[i].len));
		assert_memory_equal(it.body, wants[i].body, wants[i].len);
		i++;
	}
	*end = ret;
	snprintf(msg, msglen, "%s", r.err);
	if (!ret) {
		assert_int_equal(r.trailer.events, 4);
		assert_int_equal(r.trailer.lost, 9);
		assert_int_equal(r.trailer.exit_status, 3 << 8);
	}
	rnb_reader_close(&r);
	return i;
}

static void test_round_trip(void **state)
{
	struct rnb_reader r;
	struct rnb_item it;
	struct rn_event ev;
	const void *live;
	size_t live_len;
	char msg[256];
	int end;

	(void)state;
	write_sample();
	assert_int_equal(read_all(path, &end, msg, sizeof(msg)), nwants);
	assert_int_equal(end, 0);

	/* the event comes back whole, its live regions apart */
	assert_int_equal(rnb_reader_open(&r, path), 0);
	assert_string_equal(r.hdr.backend, "ptrace");
	assert_int_equal(r.hdr.version, RNB_VERSION);
	assert_true(r.hdr.flags & RNB_H_LIVE);
	assert_true(r.hdr.realtime_off_ns > 0);
	assert_int_equal(r.hdr.sctable_hash, rnb_sctable_hash(NULL));
	assert_int_equal(rnb_reader_next(&r, &it), 1);
	assert_int_equal(rnb_item_event(&it, &ev, &live, &live_len), 0);
	assert_int_equal(ev.sc.ret, 5);
	assert_int_equal(ev.ts_ns, 123456789);
	assert_memory_equal(ev.payload + 16, "hello", 5);
	assert_int_equal(live_len, 48);
	assert_memory_equal((const char *)live + 16, "abc", 3);
	rnb_reader_close(&r);
}

static void copy_prefix(size_t len)
{
	FILE *in = fopen(path, "rb"), *out = fopen(cut, "wb");
	char buf[65536];
	size_t n = fread(buf, 1, sizeof(buf), in);

	assert_true(n >= len);
	assert_int_equal(fwrite(buf, 1, len, out), len);
	fclose(in);
	fclose(out);
}

/* Every prefix: an error naming the cut, the frames before it intact. */
static void test_truncation(void **state)
{
	struct stat st;
	char msg[256], off[64];
	size_t got, prev = 0;
	int end;

	(void)state;
	write_sample();
	assert_int_equal(stat(path, &st), 0);
	for (size_t len = 0; len < (size_t)st.st_size; len++) {
		copy_prefix(len);
		got = read_all(cut, &end, msg, sizeof(msg));
		assert_int_equal(end, -EBADMSG);
		snprintf(off, sizeof(off), "truncated at byte offset %zu ", len);
		if (!strstr(msg, off))
			fail_msg("cut at %zu: '%s'", len, msg);
		assert_true(got >= prev);	/* more bytes never decode less */
		prev = got;
	}
	assert_int_equal(prev, nwants);	/* all frames before the trailer's cut */
}

static void patch(size_t off, const void *bytes, size_t len)
{
	int fd = open(path, O_WRONLY);

	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, bytes, len, off), (ssize_t)len);
	close(fd);
}

static void test_bad_magic(void **state)
{
	char msg[256];
	int end;

	(void)state;
	write_sample();
	patch(1, "XYZ", 3);
	read_all(path, &end, msg, sizeof(msg));
	assert_int_equal(end, -EBADMSG);
	assert_non_null(strstr(msg, "not a renacer record file (bad magic at byte offset 0)"));
}

static void test_newer_version(void **state)
{
	__u32 v = RNB_VERSION + 1;
	char msg[256];
	int end;

	(void)state;
	write_sample();
	patch(offsetof(struct rnb_header, version), &v, sizeof(v));
	assert_int_equal(read_all(path, &end, msg, sizeof(msg)), 0);
	assert_int_equal(end, -EBADMSG);
	assert_non_null(strstr(msg, "newer than this renacer reads"));
}

/* A flipped byte in the frames: the checksum names the chunk's offset. */
static void test_corrupt(void **state)
{
	char msg[256];
	int end;

	(void)state;
	write_sample();
	patch(RNB_HEADER_SIZE + sizeof(struct rnb_chunk) + 40, "\xff", 1);
	assert_int_equal(read_all(path, &end, msg, sizeof(msg)), 0);
	assert_int_equal(end, -EBADMSG);
	assert_string_equal(msg, "corrupt chunk at byte offset 256 (checksum mismatch)");
}

struct seen {
	int events, live_checked;
};

/* The replayed records, and the live bytes served for the one that has them. */
static int on_events(void *ctx, const struct rn_event *evs, size_t n, const struct rn_memsrc *mem)
{
	struct seen *s = ctx;
	char buf[64];

	for (size_t i = 0; i < n; i++, s->events++) {
		if (evs[i].type != RN_EV_SYSCALL)
			continue;
		assert_int_equal(n, 1);	/* an event with live bytes comes alone */
		assert_int_equal(evs[i].sc.payload_len, 24);	/* the live part stripped */
		assert_int_equal(mem->read(mem->ctx, 42, 0x2001, buf, sizeof(buf)), 2);
		assert_memory_equal(buf, "bc", 2);
		assert_int_equal(mem->read(mem->ctx, 42, 0x3000, buf, 4), -EFAULT);
		assert_int_equal(mem->fdpath(mem->ctx, 42, 4, buf, sizeof(buf)), 4);
		assert_string_equal(buf, "/tmp");
		assert_true(mem->fdpath(mem->ctx, 42, 5, buf, sizeof(buf)) < 0);
		s->live_checked++;
	}
	return 0;
}

/* The file backend replays every event, serving the live regions as memory. */
static void test_replay(void **state)
{
	struct seen s = { 0 };
	struct rn_backend *b;
	char err[512];
	int ret;

	(void)state;
	write_sample();
	b = rn_file_open(path, err, sizeof(err));
	assert_non_null(b);
	assert_string_equal(rn_backend_name(b), "ptrace");	/* the recording backend's */
	while ((ret = rn_backend_poll(b, -1, on_events, &s)) == 1)
		;
	assert_int_equal(ret, 0);
	assert_int_equal(s.events, 4);
	assert_int_equal(s.live_checked, 1);
	assert_string_equal(rn_file_comm(b, 42), "cat");
	rn_backend_close(b);

	/* cut in the trailer: the events, then the error with the offset */
	copy_prefix(RNB_HEADER_SIZE + 600);
	memset(&s, 0, sizeof(s));
	b = rn_file_open(cut, err, sizeof(err));
	assert_non_null(b);
	while ((ret = rn_backend_poll(b, -1, on_events, &s)) == 1)
		;
	assert_int_equal(ret, -EBADMSG);
	assert_true(s.events >= 1);
	assert_non_null(strstr(rn_backend_error(b), "truncated at byte offset"));
	rn_backend_close(b);

	assert_null(rn_file_open("/nonexistent.rnb", err, sizeof(err)));
	assert_non_null(strstr(err, "cannot open '/nonexistent.rnb'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_bad_magic),
		cmocka_unit_test(test_newer_version),
		cmocka_unit_test(test_corrupt),
		cmocka_unit_test(test_replay),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
