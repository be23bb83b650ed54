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
	if (!strcmp(rn_backend_name(b), "ptrace"))
		return 0;	/* rn_record_pt_stack() at each call */
	if (rn_ebpf_stack_map_hook(b, record_map, r) == 0)
		return 0;
	snprintf(err, errlen, "-k, --source, --stack-format and --function-time cannot be "
		 "recorded by the %s backend", rn_backend_name(b));
	return -ENOTSUP;
}

/* ---- ptrace: the frames' addresses, unwound while the task is stopped ---- */

/* The executable ranges of a process whose maps were written. */
struct rec_proc {
	size_t n, cap;
	__u64 (*r)[2];
};

static void proc_range(struct rec_proc *p, __u64 start, __u64 end)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 32;
		__u64 (*nr)[2] = realloc(p->r, cap * sizeof(*nr));

		if (!nr)
			return;
		p->r = nr;
		p->cap = cap;
	}
	p->r[p->n][0] = start;
	p->r[p->n++][1] = end;
}

/* /proc/TGID/maps: each executable file mapping written (and kept). */
static void read_maps(struct rn_record *r, __u32 tgid, struct rec_proc *p)
{
	char path[64], line[4096 + 128];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%u/maps", tgid);
	f = fopen(path, "re");
	if (!f)
		return;
	p->n = 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long start, end, off, ino;
		unsigned maj, min;
		char perms[8], *name;
		int pos = 0;

		if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms, &off,
			   &maj, &min, &ino, &pos) < 7)
			continue;
		name = line + pos;
		name[strcspn(name, "\n")] = '\0';
		if (perms[2] != 'x' || (name[0] != '/' && strcmp(name, "[vdso]")))
			continue;
		record_map(r, tgid, &(struct rn_ustack_mapping){
			.start = start, .end = end, .off = off, .ino = ino,
			.dev_major = maj, .dev_minor = min, .path = name });
		proc_range(p, start, end);
	}
	fclose(f);
}

static bool covered(const struct rec_proc *p, __u64 ip)
{
	for (size_t i = 0; i < p->n; i++)
		if (ip >= p->r[i][0] && ip < p->r[i][1])
			return true;
	return false;
}

void rn_record_pt_maps(struct rn_record *r, __u32 tgid, const __u64 *ips, size_t n)
{
	int is_new;
	void **slot = rn_tidmap_get(&r->pt_procs, tgid, &is_new);
	struct rec_proc *p = slot ? *slot : NULL;

	if (slot && !p)
		p = *slot = calloc(1, sizeof(*p));
	if (!p)
		return;
	if (is_new) {
		read_maps(r, tgid, p);
		return;
	}
	/* a library mapped since: the task is stopped, its maps are there */
	for (size_t i = 0; i < n; i++) {
		if (!covered(p, ips[i])) {
			read_maps(r, tgid, p);
			return;
		}
	}
}

void rn_record_pt_forget(struct rn_record *r, __u32 tgid)
{
	struct rec_proc *p = rn_tidmap_remove(&r->pt_procs, tgid);

	if (p)
		free(p->r);
	free(p);
}

void rn_record_stacks_free(struct rn_record *r)
{
	for (size_t i = 0; i < r->pt_procs.cap; i++) {
		struct rec_proc *p = r->pt_procs.keys[i] ? r->pt_procs.vals[i] : NULL;

		if (p)
			free(p->r);
		free(p);
	}
	rn_tidmap_release(&r->pt_procs);
	free(r->frames);
	r->frames = NULL;
	while (r->bids) {
		struct rec_bid *b = r->bids;

		r->bids = b->next;
		free(b);
	}
}
