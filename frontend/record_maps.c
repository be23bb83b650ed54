// SPDX-License-Identifier: MIT
/*
 * renacer record with -k, --source, --stack-format=folded or --function-time:
 * the eBPF backend's records carry the raw user stacks (RN_REG_STACK
 * regions); what report needs besides to name their addresses are the
 * processes' executable mappings. Every mapping the backend learns (from
 * /proc/PID/maps when a process's first stack comes, again after an
 * execve, and from the kernel's descriptions, which outlive the process)
 * becomes an RNB_FR_MAP frame, written before the records that use it,
 * with its file's build id so that report can tell a file changed since.
 */
#include "record.h"

#include "../backends/ustack.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Build ids by file identity: each file is read once per recording. */
struct rec_bid {
	struct rec_bid *next;
	__u64 ino;
	__u32 major, minor;
	unsigned len;
	__u8 id[RNB_BUILD_ID_MAX];
	char path[];
};

static unsigned build_id_of(struct rn_record *r, const struct rn_ustack_mapping *m, __u8 *id)
{
	struct rec_bid *b;
	size_t len = strlen(m->path);

	for (b = r->bids; b; b = b->next)
		if (b->ino == m->ino && b->major == m->dev_major && b->minor == m->dev_minor &&
		    !strcmp(b->path, m->path))
			break;
	if (!b) {
		b = calloc(1, sizeof(*b) + len + 1);
		if (!b)
			return rnb_build_id(m->path, id);
		b->ino = m->ino;
		b->major = m->dev_major;
		b->minor = m->dev_minor;
		memcpy(b->path, m->path, len + 1);
		b->len = rnb_build_id(m->path, b->id);
		b->next = r->bids;
		r->bids = b;
	}
	memcpy(id, b->id, b->len);
	return b->len;
}

static void record_map(void *ctx, __u32 tgid, const struct rn_ustack_mapping *m)
{
	struct rn_record *r = ctx;
	struct rnb_map f = {
		.tgid = tgid, .start = m->start, .end = m->end, .off = m->off, .ino = m->ino,
		.dev_major = m->dev_major, .dev_minor = m->dev_minor,
	};

	if (!m->path)	/* report looks for the kernel's own descriptions itself */
		return;
	f.path_len = (__u32)strlen(m->path);
	if (m->path[0] == '/')
		f.build_id_len = (__u8)build_id_of(r, m, f.build_id);
	rnb_writer_map(r->w, &f, m->path);
}

int rn_record_stacks(struct rn_record *r, struct rn_backend *b, char *err, size_t errlen)
{
	if (rn_ebpf_stack_map_hook(b, record_map, r) == 0)
		return 0;
	snprintf(err, errlen, "-k, --source, --stack-format and --function-time are recorded "
		 "by the eBPF backend only (--backend=ebpf): ptrace unwinds the live task");
	return -ENOTSUP;
}

void rn_record_stacks_free(struct rn_record *r)
{
	while (r->bids) {
		struct rec_bid *b = r->bids;

		r->bids = b->next;
		free(b);
	}
}
