// SPDX-License-Identifier: MIT
/*
 * Start-up: load only what the options use. A map whose every use in the
 * programs is dead code for this run's rodata (the -c tables in a per-call
 * trace, the --sample state without --sample, the cgroup slot outside
 * --cgroup) is not created at all: libbpf leaves its references poisoned
 * and the verifier never reaches them. Per-CPU maps are the dear ones: the
 * histogram cache alone is 16 KiB on every CPU.
 */
#include <bpf/libbpf.h>

#include "ebpf.h"
#include "../capture.h"
#include "bpf/renacer.h"
#include "bpf/renacer.skel.h"

bool ebpf_traces_exec(const struct rn_trace_config *cfg)
{
	return (cfg->syscalls[RN_NR_EXECVE / 64] >> (RN_NR_EXECVE % 64) & 1) ||
	       (cfg->syscalls[RN_NR_EXECVEAT / 64] >> (RN_NR_EXECVEAT % 64) & 1);
}

int ebpf_lazy_maps(struct ebpf_backend *b, const struct rn_trace_config *cfg)
{
	struct renacer_bpf *skel = b->skel;
	bool totals = cfg->summary_only || b->kernel_totals;
	bool sampling = b->sample_every || b->rate_limit;
	bool cgroup = skel->rodata->rn_mode == RN_MODE_CGROUP;

	return bpf_map__set_autocreate(skel->maps.agg, totals) ?:
	       bpf_map__set_autocreate(skel->maps.hist, totals) ?:
	       bpf_map__set_autocreate(skel->maps.hcache, totals) ?:
	       bpf_map__set_autocreate(skel->maps.errs, totals) ?:
	       bpf_map__set_autocreate(skel->maps.samp, sampling) ?:
	       bpf_map__set_autocreate(skel->maps.cgroup, cgroup);
}
