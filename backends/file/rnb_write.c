// SPDX-License-Identifier: MIT
/*
 * Writing a .rnb file at memory speed: the tracing thread only copies each
 * record into a large buffer; full buffers go to a writer thread that
 * checksums and writes them, so a slow disk never stalls the ring-buffer
 * reader until every buffer is waiting (then it waits: nothing is dropped
 * here, the backend says what it could not deliver).
 */
#include "rnb.h"

#include "../../syscalls/syscalls.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define RNB_BUF_SIZE (4u << 20)	/* one chunk */
#define RNB_NBUF 8		/* 32 MiB in flight at most */

struct rnb_buf {
	__u8 *data;
	size_t len;
	__u32 nframes;
	__u32 type;		/* enum rnb_chunk_type */
};

struct rnb_writer {
	int fd;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct rnb_buf bufs[RNB_NBUF];
	/* Buffers queued for the writer: bufs[(head + i) % RNB_NBUF], i < queued. */
	unsigned head, queued;
	unsigned cur;		/* the buffer being filled (never queued) */
	bool stop;
	int err;		/* first write error, -errno */
	__u64 events, bytes;
};

__u64 rnb_checksum(const void *p, size_t len)
{
	const __u8 *b = p;
	__u64 h = 0x9e3779b97f4a7c15ull ^ len, w;

	/* two lanes: half the multiply latency on the critical path */
	__u64 h2 = 0xc2b2ae3d27d4eb4full;
	size_t i = 0;

	for (; i + 16 <= len; i += 16) {
		memcpy(&w, b + i, 8);
		h = (h ^ w) * 0x100000001b3ull;
		memcpy(&w, b + i + 8, 8);
		h2 = (h2 ^ w) * 0x100000001b3ull;
	}
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, b + i, 8);
		h = (h ^ w) * 0x100000001b3ull;
	}
	return h ^ (h2 * 0x9e3779b97f4a7c15ull) ^ (h >> 29);
}

__u64 rnb_sctable_hash(__u32 *count)
{
	__u64 h = 0xcbf29ce484222325ull;
	__u32 n = 0;

	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		const struct rn_syscall_info *si = rn_syscall(nr);

		if (!si || !si->name)
			continue;
		n++;
		h = (h ^ (__u64)nr) * 0x100000001b3ull;
		for (const char *s = si->name; *s; s++)
			h = (h ^ (__u8)*s) * 0x100000001b3ull;
	}
	if (count)
		*count = n;
	return h;
}

static __s64 clock_off(clockid_t id, __u64 *mono_out)
{
	struct timespec m, o;

	clock_gettime(CLOCK_MONOTONIC, &m);
	clock_gettime(id, &o);
	if (mono_out)
		*mono_out = (__u64)m.tv_sec * 1000000000ull + m.tv_nsec;
	return ((__s64)o.tv_sec - m.tv_sec) * 1000000000 + (o.tv_nsec - m.tv_nsec);
}

static int write_all(int fd, const struct iovec *iov0, int cnt)
{
	struct iovec iov[2];

	memcpy(iov, iov0, cnt * sizeof(*iov));
	while (cnt) {
		ssize_t n = writev(fd, iov, cnt);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		while (cnt && (size_t)n >= iov[0].iov_len) {
			n -= iov[0].iov_len;
			iov[0] = iov[1];
			cnt--;
		}
		if (cnt) {
			iov[0].iov_base = (char *)iov[0].iov_base + n;
			iov[0].iov_len -= n;
		}
	}
	return 0;
}

static int write_chunk(int fd, const struct rnb_buf *b)
{
	struct rnb_chunk c = {
		.magic = RNB_CHUNK_MAGIC,
		.type = b->type,
		.len = (__u32)b->len,
		.nframes = b->nframes,
		.sum = rnb_checksum(b->data, b->len),
	};
	struct iovec iov[2] = { { &c, sizeof(c) }, { b->data, b->len } };

	return write_all(fd, iov, 2);
}

static void *writer_main(void *arg)
{
	struct rnb_writer *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		struct rnb_buf *b;
		int ret;

		while (!w->queued && !w->stop)
			pthread_cond_wait(&w->cond, &w->lock);
		if (!w->queued)
			break;
		b = &w->bufs[w->head];
		pthread_mutex_unlock(&w->lock);
		ret = w->err ? 0 : write_chunk(w->fd, b);
		pthread_mutex_lock(&w->lock);
		if (ret && !w->err)
			w->err = ret;
		b->len = 0;
		b->nframes = 0;
		w->head = (w->head + 1) % RNB_NBUF;
		w->queued--;
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* Hand the current buffer to the writer and take the next free one (wait
 * while every buffer is queued). */
static void submit(struct rnb_writer *w, __u32 type)
{
	pthread_mutex_lock(&w->lock);
	w->bufs[w->cur].type = type;
	w->queued++;
	pthread_cond_broadcast(&w->cond);
	while (w->queued == RNB_NBUF)
		pthread_cond_wait(&w->cond, &w->lock);
	w->cur = (w->head + w->queued) % RNB_NBUF;
	pthread_mutex_unlock(&w->lock);
}

static void fill_header(struct rnb_header *h, const struct rnb_write_info *info)
{
	struct utsname u;

	memset(h, 0, sizeof(*h));
	memcpy(h->magic, RNB_MAGIC, 8);
	h->version = RNB_VERSION;
	h->header_size = RNB_HEADER_SIZE;
	h->event_hdr_size = RN_EVENT_HDR_SIZE;
	h->payload_max = RN_PAYLOAD_MAX;
	h->nr_max = RN_NR_MAX;
	h->flags = info->flags;
	h->sctable_hash = rnb_sctable_hash(&h->sctable_count);
	h->realtime_off_ns = clock_off(CLOCK_REALTIME, &h->start_mono_ns);
	h->boottime_off_ns = clock_off(CLOCK_BOOTTIME, NULL);
	snprintf(h->backend, sizeof(h->backend), "%s", info->backend ? info->backend : "");
	if (!uname(&u)) {
		memcpy(h->kernel, u.release, strnlen(u.release, sizeof(h->kernel) - 1));
		memcpy(h->arch, u.machine, strnlen(u.machine, sizeof(h->arch) - 1));
	}
}

static void writer_free(struct rnb_writer *w)
{
	for (int i = 0; i < RNB_NBUF; i++)
		free(w->bufs[i].data);
	if (w->fd >= 0)
		close(w->fd);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->cond);
	free(w);
}

struct rnb_writer *rnb_writer_open(int fd, const char *path, const struct rnb_write_info *info,
				   char *err, size_t errlen)
{
	struct rnb_writer *w = calloc(1, sizeof(*w));
	struct rnb_header h;
	struct iovec iov = { &h, sizeof(h) };
	int ret;

	if (!w) {
		close(fd);
		snprintf(err, errlen, "out of memory");
		errno = ENOMEM;
		return NULL;
	}
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->cond, NULL);
	w->fd = fd;
	for (int i = 0; i < RNB_NBUF; i++) {
		w->bufs[i].data = malloc(RNB_BUF_SIZE);
		if (!w->bufs[i].data) {
			ret = -ENOMEM;
			snprintf(err, errlen, "out of memory");
			goto fail;
		}
	}
	fill_header(&h, info);
	ret = write_all(w->fd, &iov, 1);
	if (!ret)
		ret = -pthread_create(&w->thread, NULL, writer_main, w);
	if (ret) {
		snprintf(err, errlen, "cannot write to '%s': %s", path, strerror(-ret));
		goto fail;
	}
	w->bytes = sizeof(h);
	return w;
fail:
	writer_free(w);
	errno = -ret;
	return NULL;
}

/* Room for a frame of len bytes in the current buffer. */
static __u8 *frame_room(struct rnb_writer *w, size_t len, unsigned kind)
{
	struct rnb_buf *b = &w->bufs[w->cur];
	struct rnb_frame *f;

	if (b->len + len > RNB_BUF_SIZE) {
		submit(w, RNB_CHUNK_FRAMES);
		b = &w->bufs[w->cur];
	}
	f = (struct rnb_frame *)(b->data + b->len);
	f->len = (__u32)len;
	f->kind = (__u16)kind;
	f->_rsv = 0;
	b->len += len;
	b->nframes++;
	w->bytes += len;
	return (__u8 *)(f + 1);
}

static size_t event_body(const struct rn_event *ev)
{
	bool payload = ev->type == RN_EV_SYSCALL || ev->type == RN_EV_ENTRY;
	size_t n = payload ? ev->sc.payload_len : 0;

	if (n > RN_PAYLOAD_MAX)
		n = RN_PAYLOAD_MAX;
	return RN_REGION_ALIGN(RN_EVENT_HDR_SIZE + n);
}

int rnb_writer_event(struct rnb_writer *w, const struct rn_event *ev, const void *live,
		     size_t live_len)
{
	size_t body = event_body(ev), len;
	__u8 *p;

	live_len = RN_REGION_ALIGN(live_len);
	len = sizeof(struct rnb_frame) + body + live_len;
	if (len > RNB_BUF_SIZE) {
		/* more live bytes than a chunk holds (-s in the megabytes): the
		 * record goes without them, the report prints addresses */
		live_len = 0;
		len = sizeof(struct rnb_frame) + body;
	}
	p = frame_room(w, len, RNB_FR_EVENT);
	memcpy(p, ev, body);	/* the header and the payload (aligned: within ev) */
	if (live_len)
		memcpy(p + body, live, live_len);
	w->events++;
	return w->err;
}

int rnb_writer_proc(struct rnb_writer *w, const struct rnb_proc *pr)
{
	memcpy(frame_room(w, sizeof(struct rnb_frame) + sizeof(*pr), RNB_FR_PROC), pr,
	       sizeof(*pr));
	return w->err;
}

int rnb_writer_cgroup(struct rnb_writer *w, __u64 id, const char *path, size_t len)
{
	struct rnb_cgroup c = { .id = id, .path_len = (__u32)len };
	size_t flen;
	__u8 *p;

	if (len > 65536)
		return -ENAMETOOLONG;
	flen = sizeof(struct rnb_frame) + RN_REGION_ALIGN(sizeof(c) + len);
	p = frame_room(w, flen, RNB_FR_CGROUP);
	memset(p, 0, flen - sizeof(struct rnb_frame));
	memcpy(p, &c, sizeof(c));
	memcpy(p + sizeof(c), path, len);
	return w->err;
}

int rnb_writer_map(struct rnb_writer *w, const struct rnb_map *m, const char *path)
{
	size_t flen;
	__u8 *p;

	if (m->path_len > 4096)
		return -ENAMETOOLONG;
	flen = sizeof(struct rnb_frame) + RN_REGION_ALIGN(sizeof(*m) + m->path_len);
	p = frame_room(w, flen, RNB_FR_MAP);
	memset(p, 0, flen - sizeof(struct rnb_frame));
	memcpy(p, m, sizeof(*m));
	memcpy(p + sizeof(*m), path, m->path_len);
	return w->err;
}

int rnb_writer_close(struct rnb_writer *w, __s32 exit_status, __u64 lost)
{
	struct rnb_trailer t = { .events = w->events, .lost = lost, .exit_status = exit_status };
	struct timespec ts;
	struct rnb_buf *b;
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	t.end_mono_ns = (__u64)ts.tv_sec * 1000000000ull + ts.tv_nsec;
	if (w->bufs[w->cur].len)
		submit(w, RNB_CHUNK_FRAMES);
	b = &w->bufs[w->cur];
	memcpy(b->data, &t, sizeof(t));
	b->len = sizeof(t);
	b->nframes = 0;
	submit(w, RNB_CHUNK_TRAILER);
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_broadcast(&w->cond);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	ret = w->err;
	if (close(w->fd) && !ret)
		ret = -errno;
	w->fd = -1;
	writer_free(w);
	return ret;
}

__u64 rnb_writer_events(const struct rnb_writer *w)
{
	return w->events;
}

__u64 rnb_writer_bytes(const struct rnb_writer *w)
{
	return w->bytes;
}
