// SPDX-License-Identifier: MIT
/*
 * renacer record: the backend's records go to a .rnb file as they come,
 * undecoded (backends/file/rnb_write.c does the writing on its own thread).
 *
 * Two things cannot wait for `renacer report`:
 *  - a ptrace recording decodes some arguments from the tracee's memory,
 *    which is gone by report time. Each record is decoded once here, with
 *    the recording's options, through a memory source that keeps every
 *    byte it reads; those bytes travel with the record (RN_REG_LIVE) and
 *    the report reads them back. The eBPF backend reads nothing live: its
 *    records are copied without a look.
 *  - process names and cgroup paths, from /proc, when a task first shows.
 *  - with -k & co, the processes' executable mappings (record_maps.c); on
 *    ptrace also each call's frame addresses, unwound while it is stopped.
 */
#include "record.h"
#include "../backends/proc_ident.h"
#include "../backends/stack.h"
#include "../backends/ustack.h"

#include "cgroup.h"
#include "filter.h"
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The memory source handed to the shadow decode: reads through the
 * backend's, and logs what it got. */
struct live_log {
	struct rn_record *rec;
	const struct rn_memsrc *real;
};

static int log_region(struct rn_record *r, __u64 addr, unsigned flags, const void *data,
		      size_t len)
{
	size_t need = r->live_len + sizeof(struct rn_region) + RN_REGION_ALIGN(len);
	struct rn_region reg = { .addr = addr, .len = (__u32)len, .flags = (__u16)flags };

	if (need > r->live_cap) {
		size_t cap = r->live_cap ? r->live_cap : 4096;
		__u8 *p;

		while (cap < need)
			cap *= 2;
		p = realloc(r->live, cap);
		if (!p)
			return -ENOMEM;	/* the report shows the address instead */
		r->live = p;
		r->live_cap = cap;
	}
	memcpy(r->live + r->live_len, &reg, sizeof(reg));
	memcpy(r->live + r->live_len + sizeof(reg), data, len);
	memset(r->live + r->live_len + sizeof(reg) + len, 0, RN_REGION_ALIGN(len) - len);
	r->live_len = need;
	return 0;
}

static long log_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	struct live_log *l = ctx;
	long n = l->real->read(l->real->ctx, tid, addr, buf, len);

	if (n > 0)
		log_region(l->rec, addr, RN_REG_LIVE, buf, (size_t)n);
	return n;
}

static long log_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	struct live_log *l = ctx;
	long n = l->real->fdpath(l->real->ctx, tgid, fd, buf, len);

	log_region(l->rec, (__u64)(__s64)fd,
		   RN_REG_LIVE | RN_REG_FDPATH | (n < 0 ? RN_REG_FAULT : 0), buf,
		   n > 0 ? (size_t)n : 0);
	return n;
}

/* ptrace -k & co: the addresses of the call's frames, unwound while the
 * task is stopped, after the maps they need; named by the report. */
static void pt_stack(struct rn_record *r, const struct rn_event *ev, const struct rn_memsrc *mem)
{
	__u64 ips[RN_STACK_MAX];
	long n = mem->stack(mem->ctx, ev->tid, ev->tgid, r->frames, RN_STACK_MAX, RN_STACK_FULL);

	if (n <= 0)
		return;
	for (long i = 0; i < n; i++)
		ips[i] = r->frames[i].ip;
	rn_record_pt_maps(r, ev->tgid, ips, (size_t)n);
	log_region(r, RNB_STACK_ADDR, RN_REG_LIVE | RN_REG_STACK, ips, (size_t)n * sizeof(ips[0]));
}

/* Decode ev as the report will (trace.c's decode()), keeping the bytes read. */
static void shadow_decode(struct rn_record *r, const struct rn_event *ev,
			  const struct rn_memsrc *mem)
{
	struct live_log l = { .rec = r, .real = mem };
	struct rn_memsrc lm = {
		.read = mem->read ? log_read : NULL,
		.fdpath = mem->fdpath ? log_fdpath : NULL,
		.ctx = &l,
	};
	struct rn_decode_opts o = r->opts->dec;

	r->live_len = 0;
	if (!rn_filter_match(r->filter, ev, &lm))
		return;
	if (ev->type != RN_EV_SYSCALL && ev->type != RN_EV_ENTRY)
		return;
	if (r->pt_stacks && ev->type == RN_EV_SYSCALL && mem->stack)
		pt_stack(r, ev, mem);
	o.verbose = o.verbose || !rn_filter_abbrev(r->filter, ev->sc.nr);
	o.raw = o.raw || rn_filter_raw(r->filter, ev->sc.nr);
	o.terse = !rn_filter_verbose(r->filter, ev->sc.nr);
	rn_decode_syscall(ev, &lm, &o, &r->dec);
	if (rn_filter_dump(r->filter, ev))
		rn_decode_dump(ev, &lm, &r->dec.dump);
}

static bool cgroup_known(struct rn_record *r, __u64 id)
{
	for (size_t i = 0; i < r->ncgroups; i++)
		if (r->cgroups[i] == id)
			return true;
	if (r->ncgroups < RN_RECORD_CGROUPS)
		r->cgroups[r->ncgroups++] = id;
	return false;
}

/* A task first seen at the end of its execve: -Y prints that line under
 * the name it inherited, its parent's (the report cannot ask /proc). */
static void note_parent(struct rn_record *r, const struct rn_event *ev)
{
	struct rnb_proc p = { 0 };
	struct rn_proc_ident id;
	__u32 ppid = ev->flags & RN_F_IDENT ? ev->ppid : 0;

	if (ev->type != RN_EV_SYSCALL || ev->sc.ret != 0 ||
	    (ev->sc.nr != SYS_execve && ev->sc.nr != SYS_execveat))
		return;
	if (!ppid && !rn_proc_ident((int)ev->tid, &id))
		ppid = id.ppid;
	if (!ppid || rn_proc_ident((int)ppid, &id))
		return;
	p.tid = p.tgid = ppid;
	p.cgroup_id = id.cgroup_id;
	memcpy(p.comm, id.comm, sizeof(p.comm));
	rnb_writer_proc(r->w, &p);
}

/* A task seen for the first time (or again after an execve): its name, and
 * its cgroup's path the first time that cgroup shows. */
static int note_task(struct rn_record *r, const struct rn_event *ev)
{
	struct rnb_proc p = { .tid = ev->tid, .tgid = ev->tgid };
	struct rn_proc_ident id;
	const char *path;
	int is_new;

	r->last_tid = ev->tid;
	if (!rn_tidmap_get(&r->seen, ev->tid, &is_new) || !is_new)
		return 0;
	note_parent(r, ev);
	if (ev->flags & RN_F_IDENT) {
		memcpy(p.comm, ev->comm, sizeof(p.comm));
		p.cgroup_id = ev->cgroup_id;
	} else if (!rn_proc_ident((int)ev->tid, &id)) {
		memcpy(p.comm, id.comm, sizeof(p.comm));
		p.cgroup_id = id.cgroup_id;
	}
	path = p.cgroup_id ? rn_cgroup_path(p.cgroup_id) : NULL;
	if (path && !cgroup_known(r, p.cgroup_id))
		rnb_writer_cgroup(r->w, p.cgroup_id, path, strlen(path));
	return rnb_writer_proc(r->w, &p);
}

/* After the record: forget a task that ended or changed its name. */
static void after_task(struct rn_record *r, const struct rn_event *ev)
{
	bool renamed = ev->type == RN_EV_SYSCALL && ev->sc.ret == 0 &&
		       (ev->sc.nr == SYS_execve || ev->sc.nr == SYS_execveat ||
			ev->sc.nr == SYS_prctl);

	if (r->pt_stacks && ((renamed && ev->sc.nr != SYS_prctl) ||
			     (ev->type == RN_EV_EXIT &&
			      !(ev->flags & (RN_F_THREAD_EXIT | RN_F_SUPERSEDED)))))
		rn_record_pt_forget(r, ev->tgid);
	if ((ev->type == RN_EV_EXIT && !(ev->flags & RN_F_SUPERSEDED)) || renamed) {
		rn_tidmap_remove(&r->seen, ev->tid);
		r->last_tid = 0;
	}
}

int rn_record_on_events(void *ctx, const struct rn_event *evs, size_t n,
			const struct rn_memsrc *mem)
{
	struct rn_record *r = ctx;
	int ret = 0;

	for (size_t i = 0; i < n && !ret; i++) {
		const struct rn_event *ev = &evs[i];

		if (ev->tid != r->last_tid && ev->type != RN_EV_LOST)
			note_task(r, ev);
		if (ev->type == RN_EV_LOST)
			r->lost += ev->lost.count;
		r->live_len = 0;
		if (r->live_mem && mem)
			shadow_decode(r, ev, mem);
		else if (r->walk_stacks && mem && mem->stack_rec && ev->type == RN_EV_SYSCALL)
			/* eBPF: the mappings the stack runs through, each
			 * written (record_maps.c) before the record */
			mem->stack_rec(mem->ctx, ev, r->frames, RN_STACK_MAX, RN_USTACK_WALK);
		ret = rnb_writer_event(r->w, ev, r->live, r->live_len);
		after_task(r, ev);
	}
	return ret;
}

int rn_record_init(struct rn_record *r, const struct rn_opts *o, struct rn_filter *filter,
		   const char *backend, bool entries, char *err, size_t errlen)
{
	struct rnb_write_info info = { .backend = backend };
	FILE *f;
	int fd;

	memset(r, 0, sizeof(*r));
	r->opts = o;
	r->filter = filter;
	/* only ptrace reads the live task: the others' records are complete */
	r->live_mem = !strcmp(backend, "ptrace");
	info.flags = (r->live_mem ? RNB_H_LIVE : 0) | (entries ? RNB_H_ENTRIES : 0) |
		     (o->stack || o->source || o->function_time ? RNB_H_STACKS : 0);
	rn_tidmap_init(&r->seen);
	rn_tidmap_init(&r->pt_procs);
	rn_decoded_init(&r->dec);
	r->walk_stacks = o->stack || o->source || o->function_time;
	r->pt_stacks = r->live_mem && r->walk_stacks;
	r->frames = r->walk_stacks ? calloc(RN_STACK_MAX, sizeof(*r->frames)) : NULL;
	if (r->walk_stacks && !r->frames)
		return -ENOMEM;
	f = rn_outfile_open(o->outfile, RN_OUT_TRUNCATE, err, errlen);
	fd = f ? fcntl(fileno(f), F_DUPFD_CLOEXEC, 0) : -1;
	if (f)
		fclose(f);
	if (fd < 0 && f) {
		snprintf(err, errlen, "cannot open '%s': %s", o->outfile, strerror(errno));
		return -errno;
	}
	if (fd < 0)
		return -(errno ? errno : EIO);
	r->w = rnb_writer_open(fd, o->outfile, &info, err, errlen);
	return r->w ? 0 : -errno;
}

int rn_record_finish(struct rn_record *r, int exit_status)
{
	__u64 events = rnb_writer_events(r->w), bytes = rnb_writer_bytes(r->w);
	int ret = rnb_writer_close(r->w, exit_status, r->lost);

	r->w = NULL;
	if (ret)
		fprintf(stderr, "renacer: cannot write to %s: %s\n", r->opts->outfile,
			strerror(-ret));
	if (r->lost)
		fprintf(stderr, "renacer: %llu events lost\n", (unsigned long long)r->lost);
	if (r->opts->verbose)
		fprintf(stderr, "renacer: recorded %llu records (%.1f MiB) to %s\n",
			(unsigned long long)events, bytes / 1048576.0, r->opts->outfile);
	if (r->opts->verbose)
		rn_say_cpu();
	rn_tidmap_release(&r->seen);
	rn_record_stacks_free(r);
	rn_decoded_release(&r->dec);
	free(r->live);
	r->live = NULL;
	return ret;
}

const char *rn_record_refused(const struct rn_opts *o)
{
	if (o->inflight_ms || rn_opts_metrics(o) || o->summary_interval)
		return "--inflight, --metrics and --summary-interval watch a live trace: "
		       "not with record or report";
	if (o->follow == 2)
		return "-ff is not available with record or report";
	return NULL;
}

struct rn_backend *rn_report_open(const struct rn_opts *o, struct rn_trace_config *cfg,
				  char *err, size_t errlen)
{
	const struct rnb_header *h;
	struct rn_backend *b;
	const char *why = rn_record_refused(o);
	__u32 count;

	if (why) {
		snprintf(err, errlen, "%s", why);
		return NULL;
	}
	b = rn_file_open(o->rnb_in, err, errlen);
	if (!b)
		return NULL;
	if ((o->stack || o->source || o->function_time) &&
	    rn_file_stacks(b, o->verbose, err, errlen)) {
		rn_backend_close(b);
		return NULL;
	}
	rn_file_on_cgroup(b, rn_cgroup_remember);
	h = rn_file_header(b);
	/* -t, JSON and CSV times are those of the recording machine */
	cfg->realtime_off_ns = h->realtime_off_ns;
	cfg->have_realtime_off = true;
	if (h->sctable_hash != rnb_sctable_hash(&count))
		fprintf(stderr, "renacer: %s was recorded with another syscall table (%u calls; "
			"this renacer: %u): names may differ\n", o->rnb_in, h->sctable_count,
			count);
	if (o->verbose)
		fprintf(stderr, "renacer: %s: format %u, recorded by the %.16s backend on Linux "
			"%.64s %.16s%s\n", o->rnb_in, h->version, h->backend, h->kernel, h->arch,
			h->flags & RNB_H_ENTRIES ? ", with call entries" : "");
	return b;
}

const char *rn_report_comm(void *ctx, __u32 tid)
{
	return rn_file_comm(ctx, tid);
}

void rn_say_cpu(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru))
		return;
	fprintf(stderr, "renacer: own CPU time: user %.3f s, system %.3f s\n",
		ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
		ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
}
