// SPDX-License-Identifier: MIT
/*
 * Reading a .rnb file: map it, check the header, then walk its chunks and
 * frames. Every length is checked against the file before it is used; the
 * first thing wrong stops the walk with its byte offset in r->err, and
 * whatever came before it has been handed out already.
 */
#include "rnb.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int bad(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EBADMSG;
}

int rnb_header_check(const struct rnb_header *h, size_t size, char *err, size_t errlen)
{
	if (size < 8 && !memcmp(h->magic, RNB_MAGIC, size))
		return bad(err, errlen, "truncated at byte offset %zu (in the header)", size);
	if (size < 8 || memcmp(h->magic, RNB_MAGIC, 8))
		return bad(err, errlen, "not a renacer record file (bad magic at byte offset 0)");
	if (size < 12)
		return bad(err, errlen, "truncated at byte offset %zu (in the header)", size);
	if (h->version > RNB_VERSION)
		return bad(err, errlen, "format version %u is newer than this renacer reads "
			   "(%u): use a newer renacer", h->version, RNB_VERSION);
	if (h->version == 0)
		return bad(err, errlen, "corrupt header at byte offset 8 (format version 0)");
	if (size < RNB_HEADER_SIZE)
		return bad(err, errlen, "truncated at byte offset %zu (in the header)", size);
	if (h->header_size != RNB_HEADER_SIZE)
		return bad(err, errlen, "corrupt header at byte offset 12 (header size %u)",
			   h->header_size);
	if (h->event_hdr_size != RN_EVENT_HDR_SIZE || h->payload_max != RN_PAYLOAD_MAX ||
	    h->nr_max != RN_NR_MAX)
		return bad(err, errlen, "recorded with another event layout (header %u, "
			   "payload %u bytes; this renacer: %u, %u)", h->event_hdr_size,
			   h->payload_max, RN_EVENT_HDR_SIZE, RN_PAYLOAD_MAX);
	return 0;
}

int rnb_reader_open(struct rnb_reader *r, const char *path)
{
	struct stat st;
	int fd, ret;

	memset(r, 0, sizeof(*r));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st)) {
		ret = -errno;
		snprintf(r->err, sizeof(r->err), "cannot open '%s': %s", path, strerror(-ret));
		if (fd >= 0)
			close(fd);
		return ret;
	}
	r->size = (size_t)st.st_size;
	if (r->size) {
		r->map = mmap(NULL, r->size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (r->map == MAP_FAILED) {
			ret = -errno;
			r->map = NULL;
			close(fd);
			snprintf(r->err, sizeof(r->err), "cannot read '%s': %s", path,
				 strerror(-ret));
			return ret;
		}
		madvise((void *)r->map, r->size, MADV_SEQUENTIAL);
	}
	close(fd);
	memcpy(&r->hdr, r->map ? r->map : (const __u8 *)"",
	       r->size < sizeof(r->hdr) ? r->size : sizeof(r->hdr));
	ret = rnb_header_check(&r->hdr, r->size, r->err, sizeof(r->err));
	if (ret) {
		rnb_reader_close(r);
		return ret;
	}
	r->off = RNB_HEADER_SIZE;
	return 0;
}

void rnb_reader_close(struct rnb_reader *r)
{
	if (r->map)
		munmap((void *)r->map, r->size);
	r->map = NULL;
}

/* Enter the chunk at r->off. 1 in a frames chunk, 0 at the trailer. */
static int next_chunk(struct rnb_reader *r)
{
	struct rnb_chunk c;
	size_t off = r->off;

	if (off == r->size)
		return bad(r->err, sizeof(r->err), "truncated at byte offset %zu (no trailer: "
			   "the recording did not finish)", off);
	if (r->size - off < sizeof(c))
		return bad(r->err, sizeof(r->err), "truncated at byte offset %zu (in a chunk "
			   "header)", r->size);
	memcpy(&c, r->map + off, sizeof(c));
	if (c.magic != RNB_CHUNK_MAGIC || (c.type != RNB_CHUNK_FRAMES &&
					   c.type != RNB_CHUNK_TRAILER) || c.len % 8)
		return bad(r->err, sizeof(r->err), "corrupt chunk header at byte offset %zu",
			   off);
	off += sizeof(c);
	if (r->size - off < c.len) {
		/* cut short: the whole frames that made it are still decoded */
		if (c.type != RNB_CHUNK_FRAMES)
			return bad(r->err, sizeof(r->err), "truncated at byte offset %zu (in "
				   "the trailer)", r->size);
		r->partial = true;
		r->chunk_end = r->size;
	} else {
		if (rnb_checksum(r->map + off, c.len) != c.sum)
			return bad(r->err, sizeof(r->err), "corrupt chunk at byte offset %zu "
				   "(checksum mismatch)", r->off);
		r->chunk_end = off + c.len;
	}
	r->chunk_left = c.nframes;
	if (c.type == RNB_CHUNK_TRAILER) {
		if (c.len < sizeof(r->trailer))
			return bad(r->err, sizeof(r->err), "corrupt trailer at byte offset %zu",
				   r->off);
		memcpy(&r->trailer, r->map + off, sizeof(r->trailer));
		r->off = r->chunk_end;
		r->done = true;
		if (r->off != r->size)
			return bad(r->err, sizeof(r->err), "unexpected bytes after the trailer at "
				   "byte offset %zu", r->off);
		return 0;
	}
	r->off = off;
	return 1;
}

int rnb_reader_next(struct rnb_reader *r, struct rnb_item *it)
{
	struct rnb_frame f;
	int ret;

	if (r->done)
		return 0;
	while (!r->chunk_end || r->off >= r->chunk_end) {
		if (r->chunk_end && r->partial)
			return bad(r->err, sizeof(r->err), "truncated at byte offset %zu (in a "
				   "chunk)", r->size);
		if (r->chunk_end && r->chunk_left)
			return bad(r->err, sizeof(r->err), "corrupt chunk before byte offset %zu "
				   "(%u frames missing)", r->off, r->chunk_left);
		ret = next_chunk(r);
		if (ret <= 0)
			return ret;
	}
	if (r->chunk_end - r->off < sizeof(f))
		return bad(r->err, sizeof(r->err), "%s at byte offset %zu (in a frame header)",
			   r->partial ? "truncated" : "corrupt frame", r->partial ? r->size : r->off);
	memcpy(&f, r->map + r->off, sizeof(f));
	if (f.len < sizeof(f) || f.len % 8 || !r->chunk_left)
		return bad(r->err, sizeof(r->err), "corrupt frame at byte offset %zu", r->off);
	if (f.len > r->chunk_end - r->off)
		return bad(r->err, sizeof(r->err), "%s at byte offset %zu (in a frame)", r->partial ?
			   "truncated" : "corrupt frame", r->partial ? r->size : r->off);
	it->kind = f.kind;
	it->off = r->off;
	it->body = r->map + r->off + sizeof(f);
	it->len = f.len - sizeof(f);
	r->off += f.len;
	r->chunk_left--;
	return 1;
}

int rnb_item_event(const struct rnb_item *it, struct rn_event *ev, const void **live,
		   size_t *live_len)
{
	size_t body, n = 0;

	if (it->len < RN_EVENT_HDR_SIZE)
		return -EBADMSG;
	memcpy(ev, it->body, RN_EVENT_HDR_SIZE);
	if (ev->type == RN_EV_SYSCALL || ev->type == RN_EV_ENTRY)
		n = ev->sc.payload_len;
	if (n > RN_PAYLOAD_MAX)
		return -EBADMSG;
	body = RN_REGION_ALIGN(RN_EVENT_HDR_SIZE + n);
	if (body > it->len)
		return -EBADMSG;
	memcpy(ev->payload, (const __u8 *)it->body + RN_EVENT_HDR_SIZE, n);
	*live = (const __u8 *)it->body + body;
	*live_len = it->len - body;
	return 0;
}
