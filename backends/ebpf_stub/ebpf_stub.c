// SPDX-License-Identifier: MIT
/*
 * The eBPF backend when renacer was built without clang, bpftool or libbpf:
 * it only explains itself, so the frontend never needs an #ifdef.
 */
#include <errno.h>
#include <stdio.h>

#include "../backend.h"
#include "../ustack.h"

static int stub_probe(const struct rn_trace_config *cfg, char *why, size_t whylen)
{
	(void)cfg;
	snprintf(why, whylen, "renacer was built without eBPF support "
		 "(clang, bpftool and libbpf-dev were not found at build time)");
	return -ENOTSUP;
}

static struct rn_backend *stub_open(const struct rn_trace_config *cfg)
{
	(void)cfg;
	errno = ENOTSUP;
	return NULL;
}

const struct rn_backend_ops rn_ebpf_backend = {
	.name = "ebpf",
	.probe = stub_probe,
	.open = stub_open,
};

int rn_ebpf_stack_map_hook(struct rn_backend *b, rn_ustack_map_fn fn, void *ctx)
{
	(void)b, (void)fn, (void)ctx;
	return -ENOTSUP;
}

/* renacer report -k of an eBPF recording needs the eBPF backend's unwinder */
struct ebpf_stack *rn_ustack_offline_new(int verbose)
{
	(void)verbose;
	errno = ENOTSUP;
	return NULL;
}

void rn_ustack_offline_map(struct ebpf_stack *st, __u32 tgid, const struct rn_ustack_mapping *m)
{
	(void)st, (void)tgid, (void)m;
}

bool rn_ustack_offline_ends(const struct rn_event *ev)
{
	(void)ev;
	return false;
}

void rn_ustack_offline_seen(struct ebpf_stack *st, const struct rn_event *evs, size_t n)
{
	(void)st, (void)evs, (void)n;
}

void rn_ustack_offline_done(struct ebpf_stack *st, const struct rn_event *evs, size_t n)
{
	(void)st, (void)evs, (void)n;
}

long rn_ustack_offline_stack(void *ctx, const struct rn_event *ev, struct rn_frame *frames,
			     size_t max, int how)
{
	(void)ctx, (void)ev, (void)frames, (void)max, (void)how;
	return 0;
}

long rn_ustack_offline_frames(struct ebpf_stack *st, __u32 tgid, const __u64 *ips, size_t nips,
			      struct rn_frame *frames, size_t max, int how)
{
	(void)st, (void)tgid, (void)ips, (void)nips, (void)frames, (void)max, (void)how;
	return 0;
}

void rn_ustack_offline_free(struct ebpf_stack *st)
{
	(void)st;
}
