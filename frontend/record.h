/* SPDX-License-Identifier: MIT */
/* renacer record -o TRACE.rnb: raw records to a file, decoded later by
 * renacer report TRACE.rnb (backends/file/). */
#ifndef RN_RECORD_H
#define RN_RECORD_H

#include "../backends/backend.h"
#include "../backends/file/rnb.h"
#include "../syscalls/decode.h"
#include "options.h"
#include "tidmap.h"

struct rn_filter;

#define RN_RECORD_CGROUPS 256
#define RN_RECORD_RING (64u << 20)	/* record's default --buffer-size (eBPF) */	/* distinct cgroups whose paths are written */

struct rn_record {
	const struct rn_opts *opts;
	struct rn_filter *filter;	/* for the shadow decode (ptrace) */
	struct rnb_writer *w;
	bool live_mem;			/* the backend reads live memory: keep what it reads */
	struct rn_decoded dec;
	__u8 *live;			/* the current record's RN_REG_LIVE regions */
	size_t live_len, live_cap;
	struct rn_tidmap seen;		/* tasks whose names are written */
	__u32 last_tid;
	__u64 cgroups[RN_RECORD_CGROUPS];
	size_t ncgroups;
	__u64 lost;
	struct rec_bid *bids;		/* build ids of mapped files (record_maps.c) */
	/* ptrace with -k & co: each call's frame addresses (RN_REG_LIVE |
	 * RN_REG_STACK), the processes whose maps were written */
	bool walk_stacks;		/* stacks are recorded */
	bool pt_stacks;
	struct rn_frame *frames;
	struct rn_tidmap pt_procs;
};

/* Options record and report refuse: what watches the live tasks (-ff,
 * --inflight, --metrics, ...). NULL when o is fine, else the message. */
const char *rn_record_refused(const struct rn_opts *o);
/* Create o->outfile and write its header (backend: the name of the one
 * recording; entries: it makes RN_EV_ENTRY notices). 0 or -errno with err
 * set. */
int rn_record_init(struct rn_record *r, const struct rn_opts *o, struct rn_filter *filter,
		   const char *backend, bool entries, char *err, size_t errlen);
/* renacer report TRACE.rnb: open the file as the backend, set what cfg
 * takes from it (the clock offset), say what --debug asks. NULL with err
 * set on failure. */
struct rn_backend *rn_report_open(const struct rn_opts *o, struct rn_trace_config *cfg,
				  char *err, size_t errlen);
/* -Y in a report: the last name recorded for tid so far (ctx: the file
 * backend), or NULL. */
const char *rn_report_comm(void *ctx, __u32 tid);
/* The rn_event_fn of a recording: ctx is the struct rn_record. */
int rn_record_on_events(void *ctx, const struct rn_event *evs, size_t n,
			const struct rn_memsrc *mem);
/* Record the mappings the stacks' addresses need (record_maps.c): 0, or
 * -ENOTSUP with err set when b is not the eBPF backend taking stacks. */
int rn_record_stacks(struct rn_record *r, struct rn_backend *b, char *err, size_t errlen);
void rn_record_stacks_free(struct rn_record *r);
/* ptrace: write the maps of tgid when first seen, or again when one of the
 * n addresses is in none of them; forget them (exec, exit). */
void rn_record_pt_maps(struct rn_record *r, __u32 tgid, const __u64 *ips, size_t n);
void rn_record_pt_forget(struct rn_record *r, __u32 tgid);
/* Finish the file (exit_status: the command's wait status or -1), say the
 * losses. 0 or -errno of a write error (already said). */
int rn_record_finish(struct rn_record *r, int exit_status);

/* --debug: renacer's own CPU time so far, all threads, the command's not
 * included (a benchmark's reader cost per record). */
void rn_say_cpu(void);

#endif /* RN_RECORD_H */
