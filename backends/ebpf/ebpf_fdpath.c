// SPDX-License-Identifier: MIT
/*
 * -y on the eBPF backend, user-space half: tell the kernel program
 * (bpf/fdpath.bpf.h) which registers of each call hold descriptors. The
 * paths come back in the records as RN_REG_FDPATH regions, which the
 * decoders print as the ptrace backend's live lookups.
 */
#include <asm/unistd_64.h>
#include <stdlib.h>
#include <bpf/libbpf.h>

#include "ebpf.h"
#include "syscalls/syscalls.h"	/* before the skeleton: its rodata has rn_cap_desc */
#include "bpf/fdpath.h"
#include "bpf/renacer.h"
#include "bpf/renacer.skel.h"

void ebpf_fdpath_rodata(struct renacer_bpf *skel, const struct rn_trace_config *cfg)
{
	struct renacer_bpf__rodata *ro = skel->rodata;
	long nr;

	/* off: the kernel code is dead and the verifier drops it */
	ro->rn_fdpath = cfg->fd_paths && !cfg->summary_only;
	if (!ro->rn_fdpath)
		return;
	ro->rn_nr_close = __NR_close;
	/* bpf_rdonly_cast (6.2): the walk's reads become plain loads; the
	 * variable makes the older kernels' probe reads testable here */
	ro->rn_fdp_plain = ebpf_kernel_at_least(6, 2, false) &&
			   !getenv("RENACER_EBPF_FDP_PROBE_READ");
	for (nr = 0; nr < RN_NR_MAX; nr++)
		ro->rn_fdargs[nr] = (__u16)rn_syscall_fdargs(nr);
}
