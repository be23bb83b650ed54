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
