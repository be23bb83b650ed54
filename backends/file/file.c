// SPDX-License-Identifier: MIT
/*
 * The "file" backend: replays the records of a .rnb file (renacer record)
 * through the normal frontend, so `renacer report` decodes, filters and
 * formats them with the same sinks as a live trace.
 *
 * Records reach the frontend as they were delivered at record time. The
 * bytes a ptrace recording read from the live task (RN_REG_LIVE regions)
 * are stripped from the event and served through the memory source; an
 * event carrying them is handed over alone, so that no read can find
 * another record's bytes. With -k & co, the recorded stacks are unwound
 * and named through rn_memsrc.stack_rec (file_stack.c).
 */
#include "rnb.h"
#include "file_stack.h"

#include "../backend.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FILE_BATCH 64
#define FILE_POLL_FRAMES 8192	/* frames per poll: the loop ticks between */

struct file_backend {
	struct rn_backend base;
	/* rn_file_backend under the recording backend's name: the sinks word
	 * what they say about times by it (-c's note) */
	struct rn_backend_ops ops;
	char name[17];
	struct rnb_reader rd;
	char path[256];
	struct rn_event *batch;		/* FILE_BATCH events */
	size_t nbatch;
	struct rn_event *one;		/* an event with live bytes */
	const __u8 *live;		/* its live regions */
	size_t live_len;
	struct rnb_proc *procs;		/* the process names recorded */
	size_t nprocs, procs_cap;
	void (*on_cgroup)(__u64 id, const char *path);
	struct file_stacks *stk;	/* report -k: file_stack.c, or NULL */
	bool failed;
	char err[600];
};

static struct file_backend *fb_of(const struct rn_backend *b)
{
	return (struct file_backend *)b;
}

/* The live region of the current event covering addr, or NULL. */
static const struct rn_region *live_find(const struct file_backend *fb, __u64 key,
					 unsigned want, const __u8 **data)
{
	size_t off = 0;

	while (off + sizeof(struct rn_region) <= fb->live_len) {
		const struct rn_region *r = (const void *)(fb->live + off);
		size_t next = off + sizeof(*r) + RN_REGION_ALIGN(r->len);

		if (next > fb->live_len)
			break;
		if ((r->flags & (RN_REG_LIVE | RN_REG_FDPATH | RN_REG_STACK)) == want &&
		    (want & RN_REG_FDPATH ? r->addr == key :
		     key >= r->addr && key - r->addr < r->len)) {
			*data = (const __u8 *)(r + 1);
			return r;
		}
		off = next;
	}
	return NULL;
}

static long file_mem_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	const struct file_backend *fb = ctx;
	const struct rn_region *r;
	const __u8 *data;
	size_t n;

	(void)tid;	/* the regions belong to the one event being decoded */
	r = live_find(fb, addr, RN_REG_LIVE, &data);
	if (!r)
		return -EFAULT;
	n = r->len - (addr - r->addr);
	if (n > len)
		n = len;
	memcpy(buf, data + (addr - r->addr), n);
	return (long)n;
}

static long file_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	const struct file_backend *fb = ctx;
	const struct rn_region *r;
	const __u8 *data;

	(void)tgid;
	r = live_find(fb, (__u64)(__s64)fd, RN_REG_LIVE | RN_REG_FDPATH, &data);
	if (!r || (r->flags & RN_REG_FAULT) || !len)
		return -ENOENT;
	if (r->len >= len)
		return -ENAMETOOLONG;
	memcpy(buf, data, r->len);
	buf[r->len] = '\0';
	return r->len;
}

static long file_stack_rec(void *ctx, const struct rn_event *ev, struct rn_frame *frames,
			   size_t max, int how)
{
	const struct file_backend *fb = ctx;
	const struct rn_region *r = NULL;
	const __u8 *data = NULL;
	size_t off = 0;

	/* the frame addresses a ptrace recording kept with the call */
	while (!r && off + sizeof(*r) <= fb->live_len) {
		const struct rn_region *x = (const void *)(fb->live + off);

		off += sizeof(*x) + RN_REGION_ALIGN(x->len);
		if (off <= fb->live_len && (x->flags & RN_REG_STACK))
			r = x, data = (const __u8 *)(x + 1);
	}
	if (r && r->len % 8)
		return 0;
	return file_stack_unwind(fb->stk, ev, r ? (const void *)data : NULL, r ? r->len / 8 : 0,
				 frames, max, how);
}

/* Hand evs over, with the recorded stacks' mappings taken first and the
 * processes that exec'd or exited forgotten after. */
static int file_deliver(struct file_backend *fb, const struct rn_event *evs, size_t n,
			rn_event_fn fn, void *ctx)
{
	struct rn_memsrc mem = { .read = file_mem_read, .fdpath = file_fdpath, .ctx = fb };
	int ret;

	if (!n)
		return 0;
	if (fb->stk)
		mem.stack_rec = file_stack_rec;
	file_stack_seen(fb->stk, evs, n);
	ret = fn(ctx, evs, n, &mem);
	file_stack_done(fb->stk, evs, n);
	return ret;
}

static int file_flush(struct file_backend *fb, rn_event_fn fn, void *ctx)
{
	size_t n = fb->nbatch;

	fb->nbatch = 0;
	fb->live_len = 0;
	return file_deliver(fb, fb->batch, n, fn, ctx);
}

static int file_event(struct file_backend *fb, const struct rnb_item *it, rn_event_fn fn,
		      void *ctx)
{
	const void *live;
	size_t live_len;
	int ret;

	if (rnb_item_event(it, fb->one, &live, &live_len)) {
		snprintf(fb->err, sizeof(fb->err), "%s: corrupt event at byte offset %zu",
			 fb->path, it->off);
		return -EBADMSG;
	}
	if (!live_len) {
		memcpy(&fb->batch[fb->nbatch++], fb->one,
		       RN_EVENT_HDR_SIZE + (fb->one->type == RN_EV_SYSCALL ||
					    fb->one->type == RN_EV_ENTRY ?
					    fb->one->sc.payload_len : 0));
		return fb->nbatch == FILE_BATCH || file_stack_ends(fb->stk, fb->one) ?
		       file_flush(fb, fn, ctx) : 0;
	}
	ret = file_flush(fb, fn, ctx);
	if (ret)
		return ret;
	fb->live = live;
	fb->live_len = live_len;
	ret = file_deliver(fb, fb->one, 1, fn, ctx);
	fb->live_len = 0;
	return ret;
}

static int file_proc(struct file_backend *fb, const struct rnb_item *it)
{
	if (it->len < sizeof(struct rnb_proc))
		return 0;
	if (fb->nprocs == fb->procs_cap) {
		size_t cap = fb->procs_cap ? fb->procs_cap * 2 : 64;
		struct rnb_proc *p = realloc(fb->procs, cap * sizeof(*p));

		if (!p)
			return 0;	/* names are informational */
		fb->procs = p;
		fb->procs_cap = cap;
	}
	memcpy(&fb->procs[fb->nprocs++], it->body, sizeof(struct rnb_proc));
	return 0;
}

/* A recorded cgroup path, to the frontend's cache when it asked for them. */
static void file_cgroup(struct file_backend *fb, const struct rnb_item *it)
{
	struct rnb_cgroup c;
	char path[4096];

	if (!fb->on_cgroup || it->len < sizeof(c))
		return;
	memcpy(&c, it->body, sizeof(c));
	if (c.path_len >= sizeof(path) || c.path_len > it->len - sizeof(c))
		return;
	memcpy(path, (const char *)it->body + sizeof(c), c.path_len);
	path[c.path_len] = '\0';
	fb->on_cgroup(c.id, path);
}

/* A recorded mapping: the records before it are unwound first, with the
 * mappings of their time. */
static int file_map(struct file_backend *fb, const struct rnb_item *it, rn_event_fn fn,
		    void *ctx)
{
	int ret = file_flush(fb, fn, ctx);

	return ret ? ret : file_stack_map(fb->stk, it);
}

void rn_file_on_cgroup(struct rn_backend *b, void (*fn)(__u64 id, const char *path))
{
	fb_of(b)->on_cgroup = fn;
}

static int file_poll(struct rn_backend *b, int timeout_ms, rn_event_fn fn, void *ctx)
{
	struct file_backend *fb = fb_of(b);
	struct rnb_item it;
	int ret = 0;

	(void)timeout_ms;
	if (fb->failed || fb->rd.done)
		return fb->failed ? -EBADMSG : 0;
	for (int i = 0; i < FILE_POLL_FRAMES; i++) {
		ret = rnb_reader_next(&fb->rd, &it);
		if (ret <= 0)
			break;
		if (it.kind == RNB_FR_EVENT)
			ret = file_event(fb, &it, fn, ctx);
		else if (it.kind == RNB_FR_PROC)
			ret = file_proc(fb, &it);
		else if (it.kind == RNB_FR_CGROUP)
			file_cgroup(fb, &it);
		else if (it.kind == RNB_FR_MAP && fb->stk)
			ret = file_map(fb, &it, fn, ctx);
		/* unknown kinds: metadata for other readers */
		if (ret < 0)
			return ret;	/* the frontend's own error (output) */
	}
	if (ret < 0) {
		/* everything before the bad byte is decoded first */
		if (!fb->failed)
			snprintf(fb->err, sizeof(fb->err), "%s: %s", fb->path, fb->rd.err);
		fb->failed = true;
		ret = file_flush(fb, fn, ctx);
		return ret ? ret : -EBADMSG;
	}
	ret = file_flush(fb, fn, ctx);
	if (ret)
		return ret;
	return fb->rd.done ? 0 : 1;
}

static int file_probe(const struct rn_trace_config *cfg, char *why, size_t whylen)
{
	(void)cfg;
	snprintf(why, whylen, "replays a .rnb file");
	return 0;
}

static struct rn_backend *file_open_cfg(const struct rn_trace_config *cfg)
{
	(void)cfg;
	errno = EINVAL;	/* opened by rn_file_open(), with its path */
	return NULL;
}

static int file_start(struct rn_backend *b)
{
	(void)b;
	return 0;
}

static void file_detach(struct rn_backend *b, int sig)
{
	(void)b, (void)sig;
}

static int file_exit_status(const struct rn_backend *b)
{
	(void)b;
	return -1;	/* report says whether the file decoded, not how the command ended */
}

static __u64 file_lost(const struct rn_backend *b)
{
	return fb_of(b)->rd.trailer.lost;
}

static const char *file_error(const struct rn_backend *b)
{
	return b ? fb_of(b)->err : "";
}

static void file_close(struct rn_backend *b)
{
	struct file_backend *fb = fb_of(b);

	file_stack_free(fb->stk);
	rnb_reader_close(&fb->rd);
	free(fb->batch);
	free(fb->one);
	free(fb->procs);
	free(fb);
}

const struct rn_backend_ops rn_file_backend = {
	.name = "file",
	.probe = file_probe,
	.open = file_open_cfg,
	.start = file_start,
	.poll = file_poll,
	.detach = file_detach,
	.exit_status = file_exit_status,
	.lost = file_lost,
	.error = file_error,
	.close = file_close,
};

struct rn_backend *rn_file_open(const char *path, char *err, size_t errlen)
{
	struct file_backend *fb = calloc(1, sizeof(*fb));
	int ret;

	if (fb) {
		fb->batch = malloc(FILE_BATCH * sizeof(*fb->batch));
		fb->one = malloc(sizeof(*fb->one));
	}
	if (!fb || !fb->batch || !fb->one) {
		if (fb)
			free(fb->batch), free(fb->one), free(fb);
		snprintf(err, errlen, "out of memory");
		errno = ENOMEM;
		return NULL;
	}
	snprintf(fb->path, sizeof(fb->path), "%s", path);
	fb->ops = rn_file_backend;
	fb->base.ops = &fb->ops;
	ret = rnb_reader_open(&fb->rd, path);
	if (!ret) {
		memcpy(fb->name, fb->rd.hdr.backend, sizeof(fb->rd.hdr.backend));
		fb->ops.name = fb->name[0] ? fb->name : "file";
	}
	if (ret) {
		if (ret == -EBADMSG)
			snprintf(err, errlen, "%s: %s", path, fb->rd.err);
		else
			snprintf(err, errlen, "%s", fb->rd.err);
		file_close(&fb->base);
		errno = -ret;
		return NULL;
	}
	return &fb->base;
}

const struct rnb_header *rn_file_header(const struct rn_backend *b)
{
	return &fb_of(b)->rd.hdr;
}

const char *rn_file_comm(const struct rn_backend *b, __u32 tid)
{
	const struct file_backend *fb = fb_of(b);

	for (size_t i = fb->nprocs; i-- > 0;)
		if (fb->procs[i].tid == tid)
			return fb->procs[i].comm;
	return NULL;
}

int rn_file_stacks(struct rn_backend *b, int verbose, char *err, size_t errlen)
{
	struct file_backend *fb = fb_of(b);

	if (!(fb->rd.hdr.flags & RNB_H_STACKS)) {
		snprintf(err, errlen, "%s was recorded without stacks: record it with -k "
			 "(or --source, --stack-format=folded, --function-time)", fb->path);
		return -ENODATA;
	}
	fb->stk = file_stack_new(verbose);
	if (!fb->stk) {
		snprintf(err, errlen, "this renacer cannot unwind recorded stacks "
			 "(built without libdwarf or eBPF)");
		return -ENOTSUP;
	}
	return 0;
}
