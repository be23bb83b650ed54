// SPDX-License-Identifier: MIT
/*
 * The event rings: one ring buffer per reader thread in the "rings" map
 * (bpf/rings.bpf.h), CPU c writing to ring c % nrings. The rings share the
 * --buffer-size budget (each gets its power-of-two share), so more readers
 * do not take more locked kernel memory than one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "ebpf.h"
#include "../capture.h"
#include "bpf/renacer.h"
#include "bpf/renacer.skel.h"

/* The largest power of two <= total / n, and at least a page. */
static __u32 ring_share(__u32 total, unsigned n)
{
	__u32 page = (__u32)sysconf(_SC_PAGESIZE), size = page;

	while ((__u64)size * 2 * n <= total)
		size *= 2;
	return size;
}

int ebpf_rings_prepare(struct ebpf_backend *b, const struct rn_trace_config *cfg)
{
	struct renacer_bpf__rodata *ro = b->skel->rodata;
	unsigned n = 1;
	__u32 size;

	if (cfg->stage) {
		n = cfg->stage->nreaders;
		if (n > RN_RINGS_MAX)
			n = RN_RINGS_MAX;
		if (n > (unsigned)b->ncpus)
			n = b->ncpus;
		if (n < 1)
			n = 1;
		cfg->stage->nreaders = n;
	}
	free(b->rings);		/* a second load (without the exec hook) */
	b->nrings = n;
	size = ring_share(ebpf_ring_size(cfg), n);
	ro->rn_nrings = n;
	ro->rn_wake_bytes = size / 16;
	ro->rn_ring_half = size / 2;
	b->rings = calloc(n, sizeof(*b->rings));
	if (!b->rings)
		return -ENOMEM;
	for (unsigned i = 0; i < n; i++) {
		b->rings[i].fd = -1;
		b->rings[i].bytes = size;
	}
	return 0;
}

/* Map ring r's consumer page (offset 0) and producer page (one page on)
 * read-only: anyone holding the map may. */
static void ring_map(struct ebpf_ring *r)
{
	long page = sysconf(_SC_PAGESIZE);
	void *c = mmap(NULL, page, PROT_READ, MAP_SHARED, r->fd, 0);
	void *p = mmap(NULL, page, PROT_READ, MAP_SHARED, r->fd, page);

	if (c == MAP_FAILED || p == MAP_FAILED) {
		if (c != MAP_FAILED)
			munmap(c, page);
		if (p != MAP_FAILED)
			munmap(p, page);
		return;
	}
	r->cons = c;
	r->prod = p;
}

int ebpf_rings_create(struct ebpf_backend *b, const struct rn_trace_config *cfg)
{
	int outer = bpf_map__fd(b->skel->maps.rings);

	(void)cfg;
	for (__u32 i = 0; i < b->nrings; i++) {
		struct ebpf_ring *r = &b->rings[i];

		r->fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "rn_ring", 0, 0, r->bytes, NULL);
		if (r->fd < 0) {
			ebpf_set_error(b, "cannot create an eBPF ring buffer of %zu bytes: %s",
				       r->bytes, strerror(errno));
			return -errno;
		}
		if (bpf_map_update_elem(outer, &i, &r->fd, BPF_ANY) < 0) {
			ebpf_set_error(b, "cannot install eBPF ring buffer %u: %s", i,
				       strerror(errno));
			return -errno;
		}
		ring_map(r);
	}
	return 0;
}

void ebpf_rings_free(struct ebpf_backend *b)
{
	long page = sysconf(_SC_PAGESIZE);

	for (unsigned i = 0; b->rings && i < b->nrings; i++) {
		struct ebpf_ring *r = &b->rings[i];

		if (r->cons)
			munmap((void *)r->cons, page);
		if (r->prod)
			munmap((void *)r->prod, page);
		if (r->fd >= 0)
			close(r->fd);
	}
	free(b->rings);
	b->rings = NULL;
	b->nrings = 0;
}

__u64 ebpf_ring_used(const struct ebpf_ring *r)
{
	if (!r->cons)
		return 0;
	return __atomic_load_n(r->prod, __ATOMIC_ACQUIRE) -
	       __atomic_load_n(r->cons, __ATOMIC_ACQUIRE);
}

int ebpf_ring_fill(const struct rn_backend *rb, __u64 *used, __u64 *size)
{
	const struct ebpf_backend *b = ebpf_of_const(rb);

	*used = *size = 0;
	for (unsigned i = 0; i < b->nrings; i++) {
		if (!b->rings[i].cons)
			return -ENOTSUP;
		*used += ebpf_ring_used(&b->rings[i]);
		*size += b->rings[i].bytes;
	}
	return b->nrings ? 0 : -ENOTSUP;
}
