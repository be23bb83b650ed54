// SPDX-License-Identifier: MIT
/* The identity part of the eBPF program's rodata (bpf/ident.bpf.h). */
#include <stdlib.h>
#include <string.h>

#include <bpf/libbpf.h>

#include "ebpf.h"
#include "../capture.h"
#include "bpf/renacer.h"
#include "bpf/renacer.skel.h"

void ebpf_ident_rodata(struct renacer_bpf *skel, const struct rn_trace_config *cfg)
{
	struct renacer_bpf__rodata *ro = skel->rodata;
	size_t i;

	/* RENACER_NO_IDENT=1: records without identity, only to measure what
	 * it costs (bench/ident_bench.sh) */
	ro->rn_ident = !getenv("RENACER_NO_IDENT");
	ro->rn_ncomm = 0;
	for (i = 0; i < cfg->ncomms && i < RN_COMM_FILTER_MAX; i++) {
		char name[16] = { 0 };

		/* as the kernel stores it: 15 bytes, NUL-padded */
		strncpy(name, cfg->comms[i], 15);
		memcpy((void *)ro->rn_comm_words[i], name, sizeof(name));
		ro->rn_ncomm++;
	}
}
