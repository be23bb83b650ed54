// SPDX-License-Identifier: MIT
/* The trace session: decode once, then write the line and feed the stats. */
#include "trace.h"

#include "../stats/analyze.h"
#include "../stats/stats.h"
#include "filter.h"
#include "ftime.h"
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static __s64 realtime_offset(void)
{
	struct timespec mono, real;

	clock_gettime(CLOCK_MONOTONIC, &mono);
	clock_gettime(CLOCK_REALTIME, &real);
	return ((__s64)real.tv_sec - mono.tv_sec) * 1000000000 + (real.tv_nsec - mono.tv_nsec);
}

int rn_trace_init(struct rn_trace *t, const struct rn_opts *o, char *err, size_t errlen)
{
	memset(t, 0, sizeof(*t));
	t->opts = o;
	t->fmt = (struct rn_fmt_ctx){
		.format = o->format,
		.tsmode = o->tsmode,
		.show_time = o->show_time,
		.realtime_offset_ns = realtime_offset(),
		.stack = o->stack,
		.source = o->source,
	};
	/* CSV rows carry no stack: unwind only for --function-time there. */
	t->want_stack = o->function_time ||
			((o->stack || o->source) && o->format != RN_FMT_CSV);
	t->stack_how = o->stack ? RN_STACK_FULL :
		       o->source == 2 ? RN_STACK_INNERMOST : RN_STACK_OWN;
	if (o->function_time && !(t->ftime = rn_ftime_new())) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	t->print_trace = !o->summary;
	rn_tidmap_init(&t->files);
	rn_tidmap_init(&t->opened);
	rn_tidmap_init(&t->live);
	rn_decoded_init(&t->dec);
	rn_sb_init(&t->line);
	t->out = stderr;
	t->out_name = "standard error";
	if (o->outfile && o->follow < 2) {
		/* close-on-exec: never leak into the tracee */
		t->out = rn_outfile_open(o->outfile, RN_OUT_TRUNCATE, err, errlen);
		if (!t->out)
			return -errno;
		t->out_name = o->outfile;
		setvbuf(t->out, NULL, _IOFBF, 1 << 16);
	} else if (o->follow == 2) {
		t->out = NULL;
		t->out_name = o->outfile;	/* the FILE of FILE.PID */
	}
	if (t->out && t->print_trace) {
		rn_format_header(&t->fmt, &t->line);
		fwrite(t->line.buf, 1, t->line.len, t->out);
		rn_sb_reset(&t->line);
	}
	return 0;
}

static FILE *trace_file_for(struct rn_trace *t, __u32 tid)
{
	char name[4096], err[sizeof(t->open_err)];
	void **slot, **was;
	int is_new;

	if (t->out)
		return t->out;
	if (!tid)	/* -ff: records of no task (lost events) go to stderr */
		return stderr;
	slot = rn_tidmap_get(&t->files, tid, &is_new);
	if (!slot)
		return NULL;
	if (*slot)
		return *slot;
	snprintf(name, sizeof(name), "%s.%u", t->opts->outfile, tid);
	/* The kernel reuses thread ids: a second task with the same id appends
	 * to the file of the first instead of wiping it. */
	was = rn_tidmap_get(&t->opened, tid, &is_new);
	*slot = rn_outfile_open(name, was && !is_new ? RN_OUT_APPEND : RN_OUT_FRESH, err,
				sizeof(err));
	if (was)
		*was = t;
	if (!*slot) {
		if (!t->write_errno) {
			t->write_errno = errno;
			snprintf(t->open_err, sizeof(t->open_err), "%s", err);
		}
		rn_tidmap_remove(&t->files, tid);
		return NULL;
	}
	setvbuf(*slot, NULL, _IOFBF, 1 << 14);
	if (t->fmt.format == RN_FMT_CSV && is_new) {
		struct rn_strbuf hdr;

		rn_sb_init(&hdr);
		rn_format_header(&t->fmt, &hdr);
		fwrite(hdr.buf, 1, hdr.len, *slot);
		rn_sb_release(&hdr);
	}
	return *slot;
}

/* strace's rule: "NNNNN " columns with -o and -f; "[pid N]" on stderr once
 * more than one task is traced; nothing with -ff. */
static enum rn_pid_prefix pid_prefix(const struct rn_trace *t)
{
	const struct rn_opts *o = t->opts;

	if (o->follow == 2)
		return RN_PFX_NONE;
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
	if (ev->type == RN_EV_LOST)
		return;
	rn_tidmap_get(&t->live, ev->tid, &is_new);
}

static void write_line(struct rn_trace *t, __u32 tid)
{
	FILE *f = trace_file_for(t, tid);

	if (f && fwrite(t->line.buf, 1, t->line.len, f) != t->line.len && !t->write_errno)
		t->write_errno = errno ? errno : EIO;
}

static void on_exit_event(struct rn_trace *t, const struct rn_event *ev)
{
	FILE *f;

	rn_tidmap_remove(&t->live, ev->tid);
	f = rn_tidmap_remove(&t->files, ev->tid);
	if (f && fclose(f) && !t->write_errno)
		t->write_errno = errno;
}

/* Decode with the per-syscall -e abbrev=/verbose=/raw= choices applied. */
static const struct rn_decoded *decode(struct rn_trace *t, const struct rn_event *ev,
				       const struct rn_memsrc *mem)
{
	struct rn_decode_opts o = t->opts->dec;
	const struct rn_filter *f = t->filter;

	/* -e abbrev=SET: calls outside SET print structures in full, as -v. */
	o.verbose = o.verbose || !rn_filter_abbrev(f, ev->sc.nr);
	o.raw = o.raw || rn_filter_raw(f, ev->sc.nr);
	/* -e verbose=SET: calls outside SET show addresses, not structures. */
	o.terse = !rn_filter_verbose(f, ev->sc.nr);
	rn_decode_syscall(ev, mem, &o, &t->dec);
	return &t->dec;
}

/* Feed the statistics and analysis sinks; false when the record is not to
 * be printed at all. */
static bool account(struct rn_trace *t, const struct rn_event *ev)
{
	switch (ev->type) {
	case RN_EV_SYSCALL:
		if (t->stats)
			rn_stats_add_batch(t->stats, ev, 1);
		if (t->analyze)
			rn_analyze_add_batch(t->analyze, ev, 1);
		return true;
	case RN_EV_SIGNAL:
		return true;	/* -e signal= was applied by rn_filter_match() */
	case RN_EV_EXIT:
		if (ev->flags & RN_F_SUPERSEDED)
			return !rn_filter_quiet(t->filter, RN_QUIET_THREAD_EXECVE);
		return !rn_filter_quiet(t->filter, RN_QUIET_EXIT);
	case RN_EV_LOST:
		t->lost += ev->lost.count;
		if (t->analyze)
			rn_analyze_add_batch(t->analyze, ev, 1);
		return true;
	case RN_EV_ATTACH:
		if (!(ev->flags & RN_F_SILENT) && !rn_filter_quiet(t->filter, RN_QUIET_ATTACH))
			fprintf(stderr, "renacer: Process %u %s\n", ev->tid,
				ev->flags & RN_F_DETACHED ? "detached" : "attached");
		return true;
	}
	return false;
}

/* -k, --source, --function-time: unwind the (still stopped) caller of a
 * call that passed the filter, and count it per function. */
static void take_stack(struct rn_trace *t, const struct rn_event *ev,
		       const struct rn_memsrc *mem)
{
	long n = 0;

	t->nframes = 0;
	if (!t->want_stack)
		return;
	if (mem && mem->stack)
		n = mem->stack(mem->ctx, ev->tid, ev->tgid, t->frames, RN_STACK_MAX, t->stack_how);
	t->nframes = n > 0 ? (int)n : 0;
	if (t->ftime) {
		int i = rn_stack_source_frame(t->frames, t->nframes, t->opts->source == 2);
		bool failed = !(ev->flags & RN_F_UNFINISHED) && ev->sc.ret < 0 &&
			      ev->sc.ret >= -4095;

		if (rn_ftime_add(t->ftime, i >= 0 ? t->frames[i].function : NULL, ev->sc.nr,
				 ev->dur_ns, failed) < 0 && !t->write_errno)
			t->write_errno = ENOMEM;
	}
}

static void on_event(struct rn_trace *t, const struct rn_event *ev, const struct rn_memsrc *mem)
{
	const struct rn_decoded *d = NULL;
	bool show;

	track_task(t, ev);
	/* Every record goes through the filter: syscalls and signals may be
	 * dropped, and exits keep its -P descriptor tracking current. */
	if (!rn_filter_match(t->filter, ev, mem))
		return;
	show = account(t, ev) && t->print_trace;
	if (show && ev->type == RN_EV_SYSCALL)
		d = decode(t, ev, mem);
	if (ev->type == RN_EV_SYSCALL && (show || t->ftime))
		take_stack(t, ev, mem);
	if (show) {
		rn_sb_reset(&t->line);
		rn_format_event_stack(&t->fmt, pid_prefix(t), ev, d, t->frames, t->nframes,
				      &t->line);
		if (t->line.len)
			write_line(t, ev->tid);
	}
	/* a superseded leader's tid lives on in the thread that exec'd */
	if (ev->type == RN_EV_EXIT && !(ev->flags & RN_F_SUPERSEDED))
		on_exit_event(t, ev);
}

int rn_trace_on_events(void *ctx, const struct rn_event *evs, size_t n,
		       const struct rn_memsrc *mem)
{
	struct rn_trace *t = ctx;

	for (size_t i = 0; i < n; i++)
		on_event(t, &evs[i], mem);
	return t->write_errno ? -t->write_errno : 0;
}

int rn_trace_flush(struct rn_trace *t)
{
	/* ferror too: the -c summary is flushed (and may have failed) before. */
	if (t->out && (fflush(t->out) || ferror(t->out)) && !t->write_errno)
		t->write_errno = errno ? errno : EIO;
	for (size_t i = 0; i < t->files.cap; i++)
		if (t->files.keys[i] && fflush(t->files.vals[i]) && !t->write_errno)
			t->write_errno = errno;
	return t->write_errno ? -t->write_errno : 0;
}

void rn_trace_release(struct rn_trace *t)
{
	rn_trace_flush(t);
	if (t->out && t->out != stderr)
		fclose(t->out);
	for (size_t i = 0; i < t->files.cap; i++)
		if (t->files.keys[i])
			fclose(t->files.vals[i]);
	rn_tidmap_release(&t->files);
	rn_tidmap_release(&t->opened);
	rn_tidmap_release(&t->live);
	rn_decoded_release(&t->dec);
	rn_sb_release(&t->line);
	rn_ftime_free(t->ftime);
	t->ftime = NULL;
}
