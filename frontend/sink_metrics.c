// SPDX-License-Identifier: MIT
/*
 * The metrics sink: --metrics=[ADDR:]PORT and --metrics-file=PATH. Counters
 * are cumulative from the start of the trace (Prometheus computes rates),
 * so nothing is ever reset.
 *
 * Where the eBPF backend aggregates in the kernel (no per-call records,
 * cfg->summary_only), every snapshot re-reads its totals; otherwise the
 * records handed to the sink feed a statistics engine of its own, with
 * errors counted per errno. A snapshot is rendered on the tracing thread
 * once a second and at the end; the HTTP thread only copies it out.
 */
#include "sink.h"
#include "ident.h"
#include "sample.h"

#include "../stats/stats.h"
#include "metrics.h"

#include <asm/unistd_64.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define SNAPSHOT_MS	1000

/* --summary-by=process|thread: one labelled group per id, up to a cap. */
struct labelled {
	__u32 id;
	char labels[512];
	struct rn_metrics_errnos *errnos;
};

struct metrics_sink {
	enum rn_stats_key key;
	struct labelled grp[RN_METRICS_GROUPS_MAX];
	size_t ngrp;
	struct rn_tidmap gidx;		/* id -> its struct labelled */
	struct rn_stats *other;		/* ids past the cap, by syscall */
	struct rn_metrics_errnos *other_errnos;
	struct rn_stats *fed;		/* from the records */
	struct rn_stats *kern;		/* the kernel's totals, re-read each time */
	struct rn_metrics_errnos *errnos;
	struct rn_metrics_errnos *kern_errnos;	/* the kernel's, re-read */
	bool kern_errnos_ok;			/* read with this snapshot */
	struct rn_metrics_server *srv;
	struct rn_strbuf text;
	struct rn_tidmap procs;		/* tgids alive, from the records */
	__u64 records, lost;
	__u64 sampled_out;	/* calls --sample/--rate-limit left out */
	__u64 next_ms;
	double start_time;
	bool ticking;
};

static __u64 mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000 + (__u64)ts.tv_nsec / 1000000;
}

static double thread_cpu_seconds(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_THREAD, &ru))
		return 0.0;
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static int metrics_begin(struct rn_sink *s)
{
	struct metrics_sink *ms = s->state;
	const char *spec = s->env->opts->metrics;
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	ms->start_time = (double)now.tv_sec + (double)now.tv_nsec / 1e9;
	if (!spec)
		return 0;
	ms->srv = rn_metrics_server_start(spec, s->why, sizeof(s->why));
	return ms->srv ? 0 : -errno;
}

static void count_record(struct metrics_sink *ms, const struct rn_event *ev)
{
	int is_new;

	ms->records++;
	switch (ev->type) {
	case RN_EV_SYSCALL:
		if (ev->sc.ret < 0 && ev->sc.ret >= -4095 && !(ev->flags & RN_F_UNFINISHED))
			rn_metrics_errnos_add(ms->errnos, (int)ev->sc.nr, (int)-ev->sc.ret);
		rn_tidmap_get(&ms->procs, ev->tgid, &is_new);
		break;
	case RN_EV_EXIT:
		/* the id is free for reuse: a new process with it gets a group of
		 * its own, and the map stays as small as the live tasks */
		if (ms->key == RN_STATS_BY_THREAD)
			rn_tidmap_remove(&ms->gidx, ev->tid);
		if (!(ev->flags & (RN_F_THREAD_EXIT | RN_F_SUPERSEDED))) {
			rn_tidmap_remove(&ms->procs, ev->tgid);
			if (ms->key == RN_STATS_BY_PROCESS)
				rn_tidmap_remove(&ms->gidx, ev->tgid);
		}
		break;
	case RN_EV_LOST:
		ms->lost += ev->lost.count;
		break;
	case RN_EV_SAMPLED:
		ms->sampled_out += ev->sampled.sampled + ev->sampled.limited;
		break;
	default:
		break;
	}
}

/* The id's labels: comm (read now: at first sight, again after an execve)
 * and the pid or tid. */
static void set_labels(struct metrics_sink *ms, struct labelled *g, const struct rn_event *ev)
{
	bool by_tid = ms->key == RN_STATS_BY_THREAD;
	char path[64], comm[32] = "?";
	struct rn_strbuf sb;
	FILE *f = NULL;

	/* cgroup, container: named by the cgroup's path or container id */
	if (rn_metrics_ident_labels(ms->key, ev, g->labels, sizeof(g->labels)))
		return;
	if (ev->flags & RN_F_IDENT)
		snprintf(comm, sizeof(comm), "%.*s", (int)sizeof(ev->comm), ev->comm);
	else if (by_tid)
		snprintf(path, sizeof(path), "/proc/%u/task/%u/comm", ev->tgid, ev->tid);
	else
		snprintf(path, sizeof(path), "/proc/%u/comm", ev->tgid);
	if (!(ev->flags & RN_F_IDENT))
		f = fopen(path, "re");
	if (f) {
		if (fgets(comm, sizeof(comm), f))
			comm[strcspn(comm, "\n")] = '\0';
		fclose(f);
	}
	rn_sb_init(&sb);
	rn_sb_puts(&sb, "comm=\"");
	rn_metrics_label_escape(&sb, comm);
	rn_sb_printf(&sb, "\",%s=\"%u\",", by_tid ? "tid" : "pid", g->id);
	rn_metrics_container_label(ev, &sb);
	snprintf(g->labels, sizeof(g->labels), "%s", sb.buf);
	rn_sb_release(&sb);
}

/* The group of the event's id, made at first sight; NULL past the cap. */
static struct labelled *group_of(struct metrics_sink *ms, const struct rn_event *ev)
{
	__u32 id = ms->key == RN_STATS_BY_THREAD ? ev->tid :
		   ms->key == RN_STATS_BY_PROCESS ? ev->tgid : rn_stats_group_of(ms->fed, ev);
	int is_new;
	void **slot = rn_tidmap_get(&ms->gidx, id, &is_new);
	struct labelled *g;

	if (!slot)
		return NULL;
	if (!is_new) {
		g = *slot;
		if (g && (ev->sc.nr == __NR_execve || ev->sc.nr == __NR_execveat) &&
		    ev->sc.ret == 0)
			set_labels(ms, g, ev);	/* the new program's name */
		return g;
	}
	/* a reused id: its figures are kept under that id in the statistics,
	 * so it keeps its group (one series per label set), with the new name */
	for (size_t i = 0; i < ms->ngrp; i++) {
		if (ms->grp[i].id == id) {
			set_labels(ms, &ms->grp[i], ev);
			*slot = &ms->grp[i];
			return *slot;
		}
	}
	if (ms->ngrp == RN_METRICS_GROUPS_MAX)
		return NULL;	/* *slot stays NULL: "other" from now on */
	g = &ms->grp[ms->ngrp];
	g->id = id;
	g->errnos = rn_metrics_errnos_new();
	if (!g->errnos)
		return NULL;
	ms->ngrp++;
	set_labels(ms, g, ev);
	*slot = g;
	return g;
}

/* --summary-by: each call to its group's figures, one at a time. */
static void add_grouped(struct metrics_sink *ms, const struct rn_event *ev)
{
	struct labelled *g;
	int err = ev->sc.ret < 0 && ev->sc.ret >= -4095 ? (int)-ev->sc.ret : 0;

	if (ev->type != RN_EV_SYSCALL || (ev->flags & RN_F_UNFINISHED))
		return;
	g = group_of(ms, ev);
	rn_stats_add_batch(g ? ms->fed : ms->other, ev, 1);
	if (err)
		rn_metrics_errnos_add(g ? g->errnos : ms->other_errnos, (int)ev->sc.nr, err);
}

static int metrics_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct metrics_sink *ms = s->state;
	const struct rn_event *first;
	size_t run;

	for (size_t i = 0; i < batch->n; i++)
		count_record(ms, batch->recs[i].ev);
	if (ms->key != RN_STATS_BY_SYSCALL) {
		for (size_t i = 0; i < batch->n; i++)
			add_grouped(ms, batch->recs[i].ev);
		return 0;
	}
	/* out of memory loses figures, never the trace */
	for (size_t i = 0; (run = rn_sink_run(batch, i, &first)); i += run)
		rn_stats_add_batch(ms->fed, first, run);
	return 0;
}

/* The figures to show: the kernel's totals where it keeps them. */
static struct rn_stats *current_stats(struct rn_sink *s)
{
	struct metrics_sink *ms = s->state;
	struct rn_backend *b = s->env->backend;

	if (!b || !(s->env->cfg->summary_only || s->env->cfg->kernel_totals))
		return ms->fed;
	/* errnos first: read after the totals, "other" (totals less the named
	 * errnos) could go down between two scrapes, a counter reset to
	 * Prometheus */
	rn_metrics_errnos_reset(ms->kern_errnos);
	ms->kern_errnos_ok = rn_backend_errnos(b, rn_metrics_errnos_set, ms->kern_errnos) == 0;
	rn_stats_reset(ms->kern);
	if (rn_backend_aggregates(b, rn_stats_add_agg, ms->kern))
		return ms->fed;
	return ms->kern;
}


/* --summary-by: the labelled groups, then "other" for ids past the cap. */
static size_t fill_groups(const struct metrics_sink *ms, struct rn_metrics_group *groups)
{
	for (size_t i = 0; i < ms->ngrp; i++)
		groups[i] = (struct rn_metrics_group){ ms->fed, ms->grp[i].id, ms->grp[i].errnos,
						       ms->grp[i].labels };
	groups[ms->ngrp] = (struct rn_metrics_group){ ms->other, 0, ms->other_errnos,
						      "comm=\"other\"," };
	return ms->ngrp + 1;
}

static int snapshot(struct rn_sink *s)
{
	struct metrics_sink *ms = s->state;
	struct rn_backend *b = s->env->backend;
	struct rn_metrics_src src = {
		.stats = current_stats(s),
		.backend = b ? rn_backend_name(b) : NULL,
		.lost = ms->lost,
		.sampled_out = ms->sampled_out,
		.sampled = rn_sampling(s->env->opts) && !s->env->cfg->summary_only,
		.records = ms->records,
		.cpu_seconds = thread_cpu_seconds(),
		.start_time = ms->start_time,
		.tracees = -1,
	};
	struct rn_metrics_group groups[RN_METRICS_GROUPS_MAX + 1];
	int ret = 0;

	if (ms->key != RN_STATS_BY_SYSCALL)
		src.ngroups = fill_groups(ms, groups);
	src.groups = groups;
	if (src.stats == ms->fed) {
		src.errnos = ms->errnos;
		src.tracees = (int)ms->procs.len;
	} else if (ms->kern_errnos_ok) {
		src.errnos = ms->kern_errnos;
	}
	if (b && b->ops->lost && b->ops->lost(b) > src.lost)
		src.lost = b->ops->lost(b);
	if (b && b->ops->ring_fill && b->ops->ring_fill(b, &src.ring_used, &src.ring_size))
		src.ring_size = 0;
	rn_sb_reset(&ms->text);
	rn_metrics_render(&src, &ms->text);
	if (ms->srv)
		ret = rn_metrics_server_publish(ms->srv, ms->text.buf, ms->text.len);
	if (s->env->opts->metrics_file) {
		int err = rn_metrics_write_file(s->env->opts->metrics_file, ms->text.buf,
						ms->text.len);

		/* said once: a full disk must not flood the terminal */
		if (err && !ret) {
			fprintf(stderr, "renacer: cannot write %s: %s\n",
				s->env->opts->metrics_file, strerror(-err));
			ret = err;
		}
	}
	return ret;
}

static int metrics_tick(struct rn_sink *s)
{
	struct metrics_sink *ms = s->state;
	__u64 now = mono_ms();

	if (!ms->ticking) {
		ms->ticking = true;
		ms->next_ms = now;
		rn_sink_wake_every(SNAPSHOT_MS / 1000.0);
	}
	if (now < ms->next_ms)
		return 0;
	ms->next_ms = now + SNAPSHOT_MS;
	snapshot(s);	/* a failed write is said once; tracing goes on */
	return 0;
}

static int metrics_end(struct rn_sink *s)
{
	return snapshot(s);
}

static void metrics_release(struct rn_sink *s)
{
	struct metrics_sink *ms = s->state;

	rn_metrics_server_stop(ms->srv);
	rn_stats_free(ms->fed);
	rn_stats_free(ms->kern);
	rn_metrics_errnos_free(ms->errnos);
	rn_metrics_errnos_free(ms->kern_errnos);
	rn_tidmap_release(&ms->procs);
	rn_tidmap_release(&ms->gidx);
	for (size_t i = 0; i < ms->ngrp; i++)
		rn_metrics_errnos_free(ms->grp[i].errnos);
	rn_stats_free(ms->other);
	rn_metrics_errnos_free(ms->other_errnos);
	rn_sb_release(&ms->text);
	free(ms);
	free(s);
}

static const struct rn_sink metrics_tmpl = {
	.name = "metrics",
	.begin = metrics_begin,
	.on_events = metrics_on_events,
	.tick = metrics_tick,
	.end = metrics_end,
	.release = metrics_release,
};

struct rn_sink *rn_sink_metrics_new(const struct rn_sink_env *env)
{
	struct metrics_sink *ms = calloc(1, sizeof(*ms));
	struct rn_sink *s = ms ? rn_sink_new(&metrics_tmpl, env, ms) : NULL;

	if (s) {
		rn_sb_init(&ms->text);
		rn_tidmap_init(&ms->procs);
		rn_tidmap_init(&ms->gidx);
		if (env->opts->summary_by)
			rn_stats_key_parse(env->opts->summary_by, &ms->key);
		ms->fed = rn_stats_new(ms->key);
		if (ms->fed)
			rn_ident_stats_namer(ms->fed);
		ms->other = rn_stats_new(RN_STATS_BY_SYSCALL);
		ms->other_errnos = rn_metrics_errnos_new();
		ms->kern = rn_stats_new(RN_STATS_BY_SYSCALL);
		ms->errnos = rn_metrics_errnos_new();
		ms->kern_errnos = rn_metrics_errnos_new();
	}
	if (!s || !ms->fed || !ms->kern || !ms->errnos || !ms->kern_errnos || !ms->other ||
	    !ms->other_errnos) {
		if (s)
			metrics_release(s);
		else
			free(ms);
		return NULL;
	}
	return s;
}
