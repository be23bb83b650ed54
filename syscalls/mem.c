// SPDX-License-Identifier: MIT
/*
 * Reading tracee memory for the decoders: the regions the backend captured
 * into the event payload first, then the live task when there is one.
 *
 * The payload is a sequence of struct rn_region headers, each followed by its
 * bytes padded to 8. An execve argv capture is expected as one region for the
 * pointer array plus one RN_REG_STR region per string; nothing here depends on
 * the order of regions.
 */
#include "decode.h"

#include <errno.h>
#include <string.h>

#include "mem.h"

/* Walk the payload of a syscall record: returns the next region header after
 * *off, or NULL (also for no record, or one of another type). */
static const struct rn_region *region_next(const struct rn_event *ev, size_t *off,
					   const __u8 **data)
{
	const struct rn_region *r;
	size_t end;

	if (!ev || (ev->type != RN_EV_SYSCALL && ev->type != RN_EV_ENTRY))
		return NULL;
	end = ev->sc.payload_len;
	if (end > RN_PAYLOAD_MAX)
		end = RN_PAYLOAD_MAX;
	if (*off + sizeof(*r) > end)
		return NULL;
	r = (const struct rn_region *)(ev->payload + *off);
	*data = ev->payload + *off + sizeof(*r);
	if (r->len > end - *off - sizeof(*r))
		return NULL;	/* corrupt: stop rather than read past the payload */
	*off += sizeof(*r) + RN_REGION_ALIGN(r->len);
	return r;
}

/*
 * Find a captured region holding [addr, addr + len). want_exit selects
 * regions copied at syscall exit (outputs) or at entry (inputs).
 */
const __u8 *rn_mem_find(const struct rn_event *ev, __u64 addr, size_t len, int want_exit,
			const struct rn_region **reg)
{
	const struct rn_region *r;
	const __u8 *data;
	size_t off = 0;

	while ((r = region_next(ev, &off, &data))) {
		if (r->flags & (RN_REG_FAULT | RN_REG_FDPATH | RN_REG_COUNT | RN_REG_STACK |
				RN_REG_NLPROTO))
			continue;
		if (want_exit >= 0 && !!(r->flags & RN_REG_EXIT) != want_exit)
			continue;
		if (addr < r->addr || addr - r->addr > r->len || len > r->len - (addr - r->addr))
			continue;
		if (reg)
			*reg = r;
		return data + (addr - r->addr);
	}
	return NULL;
}

/* The path of fd recorded at entry (RN_REG_FDPATH), or NULL; *len its length. */
const char *rn_mem_fdpath(const struct rn_event *ev, int fd, size_t *len)
{
	const struct rn_region *r;
	const __u8 *data;
	size_t off = 0;

	while ((r = region_next(ev, &off, &data))) {
		if ((r->flags & RN_REG_FDPATH) && r->addr == (__u64)(__s64)fd) {
			if (r->flags & RN_REG_PATHCUT)
				return NULL;	/* left out: the bare fd */
			*len = strnlen((const char *)data, r->len);
			return (const char *)data;
		}
	}
	return NULL;
}

/* The netlink protocol the backend recorded for socket fd (RN_REG_NLPROTO),
 * or -3. */
int rn_mem_nlproto(const struct rn_event *ev, int fd)
{
	const struct rn_region *r;
	const __u8 *data;
	size_t off = 0;
	__u32 proto;

	while ((r = region_next(ev, &off, &data))) {
		if ((r->flags & RN_REG_NLPROTO) && r->addr == (__u64)(__s64)fd &&
		    r->len == sizeof(proto)) {
			memcpy(&proto, data, sizeof(proto));
			return proto < 256 ? (int)proto : -3;
		}
	}
	return -3;
}

/* How many descriptor paths the backend left out of ev as too long
 * (RN_REG_PATHCUT: eBPF -y). */
unsigned rn_mem_pathcuts(const struct rn_event *ev)
{
	const struct rn_region *r;
	const __u8 *data;
	size_t off = 0;
	unsigned n = 0;

	while ((r = region_next(ev, &off, &data)))
		n += (r->flags & (RN_REG_FDPATH | RN_REG_PATHCUT)) ==
		     (RN_REG_FDPATH | RN_REG_PATHCUT);
	return n;
}

/* The record count the backend took of the buffer at addr (RN_REG_COUNT),
 * or -1. */
long rn_mem_count(const struct rn_event *ev, __u64 addr)
{
	const struct rn_region *r;
	const __u8 *data;
	size_t off = 0;
	__u32 n;

	while ((r = region_next(ev, &off, &data))) {
		if ((r->flags & RN_REG_COUNT) && r->addr == addr && r->len == sizeof(n)) {
			memcpy(&n, data, sizeof(n));
			return n;
		}
	}
	return -1;
}

/* Read from the live task, looping over short reads. */
static int live_read(const struct rn_mem *m, __u64 addr, void *buf, size_t len)
{
	size_t done = 0;

	if (!m->live || !m->live->read)
		return -EFAULT;
	while (done < len) {
		long n = m->live->read(m->live->ctx, m->ev->tid, addr + done,
				       (char *)buf + done, len - done);
		if (n <= 0)
			return -EFAULT;
		done += n;
	}
	return 0;
}

/*
 * Captured regions of the preferred kind (0 entry, 1 exit), the live task,
 * then the other kind. An output is best read live or from an exit copy;
 * a backend that copies everything at exit without RN_REG_EXIT (or a task
 * that is gone) still gets the captured bytes rather than an address.
 */
static int mem_read_order(const struct rn_mem *m, __u64 addr, void *buf, size_t len,
			  int first, bool live_before_other)
{
	const __u8 *p;

	if (!len)
		return 0;
	if (!addr)
		return -EFAULT;
	p = rn_mem_find(m->ev, addr, len, first, NULL);
	if (!p && live_before_other && live_read(m, addr, buf, len) == 0)
		return 0;
	if (!p)
		p = rn_mem_find(m->ev, addr, len, !first, NULL);
	if (p) {
		memcpy(buf, p, len);
		return 0;
	}
	return live_before_other ? -EFAULT : live_read(m, addr, buf, len);
}

int rn_mem_read(const struct rn_mem *m, __u64 addr, void *buf, size_t len)
{
	return mem_read_order(m, addr, buf, len, 0, false);
}

int rn_mem_read_out(const struct rn_mem *m, __u64 addr, void *buf, size_t len)
{
	return mem_read_order(m, addr, buf, len, 1, true);
}

/* A string in a captured region: a STR region or a NUL inside a buffer. */
static long str_from_region(const struct rn_mem *m, __u64 addr, char *buf, size_t max,
			    bool *truncated, bool *partial, int want_exit)
{
	const struct rn_region *r;
	const __u8 *p = rn_mem_find(m->ev, addr, 0, want_exit, &r);
	size_t avail, n;
	const __u8 *nul;

	if (!p)
		return -EFAULT;
	avail = r->len - (addr - r->addr);
	nul = memchr(p, '\0', avail);
	n = nul ? (size_t)(nul - p) : avail;
	/* Without a NUL the string is complete only for an untruncated STR region. */
	*partial = !nul && ((r->flags & RN_REG_TRUNC) || !(r->flags & RN_REG_STR));
	if (n > max) {
		n = max;
		*partial = false;
		*truncated = true;
	}
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

/* Live string read, page by page so an unmapped next page is no failure. */
static long str_live(const struct rn_mem *m, __u64 addr, char *buf, size_t max,
		     bool *truncated)
{
	size_t done = 0;

	if (!m->live || !m->live->read)
		return -EFAULT;
	while (done <= max) {
		size_t chunk = 4096 - ((addr + done) & 4095);
		long n;
		char *nul;

		if (chunk > max + 1 - done)
			chunk = max + 1 - done;
		n = m->live->read(m->live->ctx, m->ev->tid, addr + done, buf + done, chunk);
		if (n <= 0)
			return -EFAULT;
		nul = memchr(buf + done, '\0', n);
		if (nul)
			return nul - buf;
		done += n;
	}
	buf[max] = '\0';
	*truncated = true;
	return max;
}

long rn_mem_read_str(const struct rn_mem *m, __u64 addr, char *buf, size_t max,
		     bool *truncated)
{
	bool partial = false;
	long n, live;

	*truncated = false;
	if (!addr)
		return -EFAULT;
	n = str_from_region(m, addr, buf, max, truncated, &partial, -1);
	if (n >= 0 && !partial)
		return n;
	/* The capture stopped early: the live task may have the rest. */
	*truncated = false;
	live = str_live(m, addr, buf, max, truncated);
	if (live >= 0)
		return live;
	if (n >= 0) {
		n = str_from_region(m, addr, buf, max, truncated, &partial, -1);
		*truncated = true;
	}
	return n;
}

long rn_mem_read_str_out(const struct rn_mem *m, __u64 addr, char *buf, size_t max,
			 bool *truncated)
{
	bool partial = false;
	long n;

	*truncated = false;
	if (!addr)
		return -EFAULT;
	n = str_from_region(m, addr, buf, max, truncated, &partial, 1);
	if (n >= 0 && !partial)
		return n;
	*truncated = false;
	n = str_live(m, addr, buf, max, truncated);
	if (n >= 0)
		return n;
	return rn_mem_read_str(m, addr, buf, max, truncated);
}
