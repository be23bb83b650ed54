// SPDX-License-Identifier: MIT
/* The trace session: filter, decode once, then hand each batch to the sinks. */
#include "trace.h"

#include "../backends/spawn.h"
#include "../syscalls/mem.h"
#include "filter.h"
#include "cgroup.h"
#include "ident.h"
#include "sample.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <stdlib.h>
#include <string.h>

bool rn_trace_shows_entries(const struct rn_opts *o, const struct rn_filter *f)
{
	return rn_format_get(o->format)->entry && !o->summary &&
	       (!rn_opts_metrics(o) || o->summary_and_trace) && !f->npaths &&
	       !(f->given & (RN_QUAL_STATUS | RN_QUAL_TRACE_FDS));
}

int rn_trace_init(struct rn_trace *t, const struct rn_opts *o, struct rn_filter *filter,
		  const struct rn_trace_config *cfg, char *err, size_t errlen)
{
	int ret;

	memset(t, 0, sizeof(*t));
	t->opts = o;
	t->filter = filter;
	t->stack_how = o->stack ? RN_STACK_FULL :
		       o->source == 2 ? RN_STACK_INNERMOST : RN_STACK_OWN;
	rn_tidmap_init(&t->live);
	rn_comm_init(&t->comm);
	for (size_t i = 0; i < RN_TRACE_BATCH; i++)
		rn_decoded_init(&t->decs[i]);
	rn_sinks_init(&t->sinks);
	ret = rn_output_open(&t->out, o, err, errlen);
	if (ret)
		return ret;
	t->env = (struct rn_sink_env){
		.opts = o,
		.cfg = cfg,
		.format = rn_format_get(o->format),
		.out = &t->out,
		.entries = cfg->entry_notices && rn_trace_shows_entries(o, filter),
	};
	ret = rn_sinks_setup(&t->sinks, &t->env);
	if (!ret && (t->sinks.wants & RN_SINK_STACK)) {
		t->frames = calloc(RN_TRACE_BATCH * RN_STACK_MAX, sizeof(*t->frames));
		ret = t->frames ? 0 : -ENOMEM;
	}
	if (!ret)
		ret = rn_sinks_begin(&t->sinks);
	if (ret && *rn_sinks_why(&t->sinks))
		snprintf(err, errlen, "%s", rn_sinks_why(&t->sinks));
	else if (ret)
		snprintf(err, errlen, "%s", ret == -ENOMEM ? "out of memory" : strerror(-ret));
	return ret;
}

void rn_trace_set_backend(struct rn_trace *t, struct rn_backend *b)
{
	t->env.backend = b;
}

/* strace's rule: "NNNNN " columns with -o and -f; "[pid N]" on stderr once
 * more than one task is traced; nothing with -ff. */
static enum rn_pid_prefix pid_prefix(const struct rn_trace *t)
{
	const struct rn_opts *o = t->opts;

	if (o->follow == 2)
		return RN_PFX_NONE;
	/* --all, --cgroup: many processes, whose every line says whose */
	if (o->all || o->cgroup)
		return o->outfile ? RN_PFX_COLUMN : RN_PFX_BRACKET;
	if (o->outfile && (o->follow || o->npids > 1 || t->live.len > 1))
		return RN_PFX_COLUMN;
	if (!o->outfile && t->live.len > 1)
		return RN_PFX_BRACKET;
	return RN_PFX_NONE;
}

static void track_task(struct rn_trace *t, const struct rn_event *ev)
{
	int is_new;

	/* An exit counts too: a task whose calls were all filtered out still
	 * gets its "[pid N]" on its exit line (it is forgotten right after). */
	if (ev->type == RN_EV_LOST || ev->type == RN_EV_SAMPLED)
		return;
	rn_tidmap_get(&t->live, ev->tid, &is_new);
}

static const char *pid_comm(void *ctx, int pid)
{
	return rn_comm_get(&((struct rn_trace *)ctx)->comm, (__u32)pid);
}

/* Decode with the per-syscall -e abbrev=/verbose=/raw= choices applied. */
const struct rn_decoded *rn_trace_decode(struct rn_trace *t, const struct rn_event *ev,
					 const struct rn_memsrc *mem, struct rn_decoded *d)
{
	struct rn_decode_opts o = t->opts->dec;
	const struct rn_filter *f = t->filter;
	unsigned n;

	/* -e abbrev=SET: calls outside SET print structures in full, as -v. */
	o.verbose = o.verbose || !rn_filter_abbrev(f, ev->sc.nr);
	o.raw = o.raw || rn_filter_raw(f, ev->sc.nr);
	/* -e verbose=SET: calls outside SET show addresses, not structures. */
	o.terse = !rn_filter_verbose(f, ev->sc.nr);
	if (t->opts->decode_pids_comm) {
		o.pid_comm = pid_comm;
		o.pid_comm_ctx = t;
	}
	rn_decode_syscall(ev, mem, &o, d);
	/* atomic: --readers decodes on several threads */
	if (o.show_paths && (n = rn_mem_pathcuts(ev)))
		__atomic_fetch_add(&t->fdpath_cut, n, __ATOMIC_RELAXED);
	if (rn_filter_dump(f, ev))
		rn_decode_dump(ev, mem, &d->dump);
	return d;
}

/* Is the record to be printed (-e quiet= may silence it)? Counts losses on
 * the way. */
static bool shown(struct rn_trace *t, const struct rn_event *ev)
{
	if (ev->type == RN_EV_LOST)
		t->lost += ev->lost.count;
	if (ev->type == RN_EV_SAMPLED)
		rn_sample_note(&t->sampled, ev);
	return rn_trace_shown(t->filter, ev);
}

bool rn_trace_shown(const struct rn_filter *f, const struct rn_event *ev)
{
	switch (ev->type) {
	case RN_EV_SYSCALL:
	case RN_EV_ENTRY:
	case RN_EV_SIGNAL:	/* -e signal= was applied by rn_filter_match() */
		return true;
	case RN_EV_EXIT:
		if (ev->flags & RN_F_SUPERSEDED)
			return !rn_filter_quiet(f, RN_QUIET_THREAD_EXECVE);
		/* strace says "+++ killed by SIG +++" only for the signals
		 * -e signal= shows */
		if (ev->exit.signo)
			return rn_filter_signal(f, ev->exit.signo);
		/* quiet=exit (-qq) silences "+++ exited with N +++" only: as
		 * strace 6.1, a death by signal is said even under quiet=all */
		return !rn_filter_quiet(f, RN_QUIET_EXIT);
	case RN_EV_LOST:
	case RN_EV_ATTACH:
		return true;
	case RN_EV_SAMPLED:
		return true;
	}
	return false;
}

/* -k, --source, --function-time: unwind the (still stopped) caller of a
 * call that passed the filter. */
static void take_stack(struct rn_trace *t, struct rn_sink_rec *r, const struct rn_memsrc *mem)
{
	struct rn_frame *frames = t->frames + t->nrecs * RN_STACK_MAX;
	const struct rn_event *ev = r->ev;
	long n = 0;

	if (mem && mem->stack_rec)
		n = mem->stack_rec(mem->ctx, ev, frames, RN_STACK_MAX, t->stack_how);
	else if (mem && mem->stack)
		n = mem->stack(mem->ctx, ev->tid, ev->tgid, frames, RN_STACK_MAX, t->stack_how);
	r->frames = frames;
	r->nframes = n > 0 ? (int)n : 0;
}

/* Hand the records prepared so far to the sinks; a sink's error stops the
 * trace and is reported as a write error (the trace is incomplete). */
static int deliver(struct rn_trace *t, const struct rn_memsrc *mem)
{
	struct rn_sink_batch batch = { .recs = t->recs, .n = t->nrecs, .mem = mem };
	int ret = t->nrecs ? rn_sinks_on_events(&t->sinks, &batch) : 0;

	t->nrecs = 0;
	if (ret && !t->out.write_errno)
		t->out.write_errno = -ret;
	return ret;
}

/* The ATTACH notice is said on stderr where it falls among the records. */
static void attach_notice(struct rn_trace *t, const struct rn_event *ev,
			  const struct rn_memsrc *mem)
{
	if (ev->flags & RN_F_SILENT || rn_filter_quiet(t->filter, RN_QUIET_ATTACH))
		return;
	deliver(t, mem);
	fprintf(stderr, "renacer: Process %u %s\n", ev->tid,
		ev->flags & RN_F_DETACHED ? "detached" : "attached");
}

/* -Y: the name the task had for this record (the prefix of an execve line
 * is the old program, as strace prints it at entry), then what the record
 * changes: execve names the task after its file, as the kernel does. */
static void take_comm(struct rn_trace *t, struct rn_sink_rec *r, const struct rn_memsrc *mem)
{
	const struct rn_event *ev = r->ev;
	bool exec = ev->type == RN_EV_SYSCALL && ev->sc.nr == SYS_execve && ev->sc.ret == 0;
	const char *s;
	char path[4096];
	bool cut;
	long n;

	/* First seen at the end of its execve (the calls before it filtered
	 * out): /proc already has the new name; the old one is what the task
	 * inherited from its parent at fork. */
	/* the record's own name (taken at the call), but for a successful
	 * execve's line: that one shows the old program, as strace does */
	if ((ev->flags & RN_F_IDENT) && !exec && ev->type != RN_EV_LOST) {
		rn_ident_comm(ev, t->comms[t->nrecs], RN_COMM_MAX);
		if (t->comms[t->nrecs][0]) {
			r->comm = t->comms[t->nrecs];
			rn_comm_set(&t->comm, ev->tid, ev->comm,
				    strnlen(ev->comm, sizeof(ev->comm)));
		}
		if (ev->type == RN_EV_EXIT && !(ev->flags & RN_F_SUPERSEDED))
			rn_comm_forget(&t->comm, ev->tid);
		return;
	}
	if (exec && !rn_comm_cached(&t->comm, ev->tid) && rn_comm_ppid(&t->comm, ev))
		s = rn_comm_get(&t->comm, rn_comm_ppid(&t->comm, ev));
	else
		s = rn_comm_get(&t->comm, ev->tid);

	if (s) {
		r->comm = t->comms[t->nrecs];
		snprintf(t->comms[t->nrecs], RN_COMM_MAX, "%s", s);
	}
	if (ev->type == RN_EV_EXIT && !(ev->flags & RN_F_SUPERSEDED))
		rn_comm_forget(&t->comm, ev->tid);
	if (ev->type != RN_EV_SYSCALL || ev->sc.ret != 0)
		return;
	if (exec) {
		n = rn_mem_read_str(&(struct rn_mem){ .ev = ev, .live = mem }, ev->sc.args[0],
				    path, sizeof(path) - 1, &cut);
		s = n > 0 && !cut ? strrchr(path, '/') : NULL;
		if (n > 0 && !cut)
			rn_comm_set(&t->comm, ev->tid, s ? s + 1 : path, strlen(s ? s + 1 : path));
		else
			rn_comm_forget(&t->comm, ev->tid);
	} else if (ev->sc.nr == SYS_execveat ||
		   (ev->sc.nr == SYS_prctl && ev->sc.args[0] == PR_SET_NAME)) {
		rn_comm_forget(&t->comm, ev->tid);	/* read again when next needed */
	}
}

static void prepare(struct rn_trace *t, const struct rn_event *ev, const struct rn_memsrc *mem)
{
	struct rn_sink_rec *r;

	track_task(t, ev);
	/* Every record goes through the filter: syscalls and signals may be
	 * dropped, and exits keep its -P descriptor tracking current. */
	if (!rn_filter_match(t->filter, ev, mem) || !rn_ident_comm_wanted(t->opts, ev))
		return;
	if (ev->type == RN_EV_ATTACH)
		attach_notice(t, ev, mem);
	if (t->nrecs == RN_TRACE_BATCH)
		deliver(t, mem);
	r = &t->recs[t->nrecs];
	*r = (struct rn_sink_rec){ .ev = ev, .show = shown(t, ev), .pfx = pid_prefix(t) };
	if (t->opts->decode_pids_comm || t->opts->all || t->opts->cgroup)
		take_comm(t, r, mem);
	if ((ev->type == RN_EV_SYSCALL || ev->type == RN_EV_ENTRY) && r->show &&
	    (t->sinks.wants & RN_SINK_DECODED))
		r->dec = rn_trace_decode(t, ev, mem, &t->decs[t->nrecs]);
	if (ev->type == RN_EV_SYSCALL && (t->sinks.wants & RN_SINK_STACK))
		take_stack(t, r, mem);
	t->nrecs++;
	/* a superseded leader's tid lives on in the thread that exec'd */
	if (ev->type == RN_EV_EXIT && !(ev->flags & RN_F_SUPERSEDED))
		rn_tidmap_remove(&t->live, ev->tid);
}

int rn_trace_on_events(void *ctx, const struct rn_event *evs, size_t n,
		       const struct rn_memsrc *mem)
{
	struct rn_trace *t = ctx;

	for (size_t i = 0; i < n; i++)
		prepare(t, &evs[i], mem);
	deliver(t, mem);
	return t->out.write_errno ? -t->out.write_errno : 0;
}

void rn_trace_tick(struct rn_trace *t)
{
	int ret = rn_sinks_tick(&t->sinks);

	if (ret && !t->out.write_errno)
		t->out.write_errno = -ret;
}

bool rn_trace_output_gone(const struct rn_trace *t)
{
	return t->out.write_errno == EPIPE && !rn_spawn_signal_ignored(SIGPIPE);
}

int rn_trace_finish(struct rn_trace *t, int ret)
{
	int err = rn_sinks_end(&t->sinks);

	if (err && !t->out.write_errno)
		t->out.write_errno = -err;
	if (rn_output_flush(&t->out) && !rn_trace_output_gone(t)) {
		if (t->out.open_err[0])
			fprintf(stderr, "renacer: %s\n", t->out.open_err);
		else
			fprintf(stderr, "renacer: cannot write to %s: %s\n", t->out.name,
				strerror(t->out.write_errno));
		ret = -t->out.write_errno;	/* the trace is incomplete: exit 1 */
	}
	if (t->lost)
		fprintf(stderr, "renacer: %llu events lost\n", (unsigned long long)t->lost);
	if (t->fdpath_cut)
		fprintf(stderr, "renacer: %llu descriptor paths not resolved (longer than the cap)\n",
			(unsigned long long)t->fdpath_cut);
	rn_sample_footer(&t->sampled, t->opts, t->env.cfg, stderr);
	return ret;
}

void rn_trace_release(struct rn_trace *t)
{
	rn_trace_stage_free(t);	/* before the output it writes to */
	rn_sinks_release(&t->sinks);
	rn_output_close(&t->out);
	rn_tidmap_release(&t->live);
	rn_comm_release(&t->comm);
	rn_cgroup_release();
	for (size_t i = 0; i < RN_TRACE_BATCH; i++)
		rn_decoded_release(&t->decs[i]);
	free(t->frames);
	t->frames = NULL;
}
