// SPDX-License-Identifier: MIT
/*
 * `renacer report`: the figures of a JSON Lines trace (per-syscall latency
 * histograms, calls over time per class, processes, errors) next to the
 * analysis, written as one HTML page for people who never used strace.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../syscalls/decode.h"
#include "../syscalls/syscalls.h"
#include "report_html.h"
#include "report_int.h"


const char *const rh_class_names[RH_CLASSES] = {
	"network", "files by name", "open files (fd)", "memory", "processes",
	"signals", "IPC", "other",
};

static const unsigned class_flags[RH_CLASSES - 1] = {
	RN_TN, RN_TF, RN_TD, RN_TM, RN_TP, RN_TS, RN_TI,
};

/* A syscall may be in several classes: the first that matches, in this order. */
static unsigned rh_class(unsigned id)
{
	const struct rn_syscall_info *info = id < RN_NR_MAX ? rn_syscall(id) : NULL;
	unsigned c;

	for (c = 0; info && c < RH_CLASSES - 1; c++)
		if (info->flags & class_flags[c])
			return c;
	return RH_CLASSES - 1;
}

static void rh_timeline_add(struct rh *h, double ts, unsigned cls)
{
	double idx;
	unsigned b, c;

	if (!h->have_t0) {
		h->t0 = ts;
		h->bin_w = 1e-4;
		h->have_t0 = true;
	}
	idx = floor((ts - h->t0) / h->bin_w);
	if (!(idx >= 0))
		idx = 0;	/* slightly out of order, or NaN */
	/* past the last bin: merge pairs of bins, twice as wide, until it fits
	 * (bounded: a wild timestamp doubles the width at most ~1000 times) */
	while (idx >= RH_BINS && h->bin_w < 1e300) {
		for (b = 0; b < RH_BINS / 2; b++)
			for (c = 0; c < RH_CLASSES; c++)
				h->bins[b][c] = h->bins[2 * b][c] + h->bins[2 * b + 1][c];
		memset(h->bins[RH_BINS / 2], 0, sizeof(h->bins) / 2);
		h->bin_w *= 2;
		h->nbins = (h->nbins + 1) / 2;
		idx = floor((ts - h->t0) / h->bin_w);
	}
	b = idx < RH_BINS ? (unsigned)idx : RH_BINS - 1;
	h->bins[b][cls]++;
	if (b + 1 > h->nbins)
		h->nbins = b + 1;
}

static struct rh_proc *rh_proc(struct rh *h, __u32 pid)
{
	unsigned i = (pid * 2654435761u) % RH_PROCS, n;

	for (n = 0; n < RH_PROCS; n++, i = (i + 1) % RH_PROCS) {
		if (h->procs[i].used && h->procs[i].pid == pid)
			return &h->procs[i];
		if (!h->procs[i].used) {
			if (h->nprocs >= RH_PROCS * 3 / 4)
				return NULL;	/* full enough: the rest count as "other" */
			h->nprocs++;
			h->procs[i] = (struct rh_proc){ .pid = pid, .used = true };
			return &h->procs[i];
		}
	}
	return NULL;
}

/* A successful execve names its process: the last part of the path, the
 * first string of "args" (the raw line; escaped when printed). */
static void rh_exec_name(struct rh_proc *p, const char *line)
{
	const char *s = strstr(line, "\"args\":[\"\\\""), *e, *base;
	size_t n;

	if (!s)
		return;
	s += 11;
	e = strstr(s, "\\\"");
	if (!e)
		return;
	for (base = s; s < e; s++)
		if (*s == '/')
			base = s + 1;
	n = (size_t)(e - base) < sizeof(p->name) - 1 ? (size_t)(e - base) : sizeof(p->name) - 1;
	memcpy(p->name, base, n);
	p->name[n] = '\0';
}

static void rh_err_add(struct rh *h, const char *name, unsigned id)
{
	struct rh_err *e = NULL;
	unsigned i;

	for (i = 0; i < h->nerr && !e; i++)
		if (!strcmp(h->errnos[i].name, name))
			e = &h->errnos[i];
	if (!e && h->nerr < RH_ERRNOS) {
		e = &h->errnos[h->nerr++];
		snprintf(e->name, sizeof(e->name), "%s", name);
	}
	if (!e)
		return;
	e->n++;
	for (i = 0; i < RH_ERR_IDS; i++) {
		if (e->idn[i] && e->ids[i] != id)
			continue;
		e->ids[i] = id;
		e->idn[i]++;
		return;
	}
}

static int rh_add(struct rh *h, const struct rn_analyze_rec *r, const char *line)
{
	int id = an_id(h->a, r);
	struct rh_proc *p;
	double ns = r->dur_us * 1e3;
	unsigned b = ns >= 2 ? (unsigned)fmin(floor(log2(ns)), RH_BUCKETS - 1) : 0;

	if (id < 0)
		return id;
	if (!h->hist[id]) {
		h->hist[id] = calloc(RH_BUCKETS, sizeof(*h->hist[id]));
		if (!h->hist[id])
			return -ENOMEM;
	}
	h->hist[id][b]++;
	rh_timeline_add(h, r->ts, rh_class((unsigned)id));
	p = rh_proc(h, r->tgid ? r->tgid : r->tid);
	if (p) {
		p->calls++;
		p->time_us += r->dur_us;
		p->errors += r->errname[0] != '\0';
		if (r->errname[0] == '\0' && (unsigned)id < RN_NR_MAX && rn_syscall(id) &&
		    rn_syscall(id)->name && !strcmp(rn_syscall(id)->name, "execve"))
			rh_exec_name(p, line);
	} else {
		h->other_calls++;
	}
	if (r->errname[0]) {
		h->errs[id]++;
		h->total_errs++;
		rh_err_add(h, r->errname, (unsigned)id);
	}
	return 0;
}

/* One line: the analysis sees it first (the same rules as renacer analyze). */
static int rh_line(struct rh *h, char *line, size_t len)
{
	struct rn_analyze *a = h->a;
	struct rn_analyze_rec r;
	char name[64];
	int rc;

	a->lines++;
	if (strspn(line, " \t") >= len)
		return 0;
	rc = rn_analyze_parse_line(line, len, &r, name, sizeof(name));
	if (rc == 0 && r.lost)
		rc = rn_analyze_add_lost(a, r.lost, r.ts);
	if (rc == 0) {
		a->other++;
		return 0;
	}
	if (rc == 1)
		rc = rn_analyze_add(a, &r);
	if (rc == 0)
		rc = rh_add(h, &r, line);
	if (rc == -ENOMEM)
		return rc;
	if (rc < 0 && a->malformed++ == 0)
		a->first_bad = a->lines;
	return 0;
}

static int rh_read(struct rh *h, FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int err = 0;

	while (!err && (len = getline(&line, &cap, in)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		err = rh_line(h, line, (size_t)len);
	}
	free(line);
	return err;
}

static void rh_free(struct rh *h)
{
	unsigned i;

	if (!h)
		return;
	for (i = 0; i < AN_IDS; i++)
		free(h->hist[i]);
	rn_analyze_free(h->a);
	free(h);
}

int rn_report_html(FILE *in, FILE *out, const char *title, const struct rn_analyze_opts *o)
{
	struct rh *h = calloc(1, sizeof(*h));
	int err = -ENOMEM;

	if (!h)
		return -ENOMEM;
	h->a = rn_analyze_new(o);
	if (h->a)
		err = rh_read(h, in);
	if (!err && h->a->total_calls == 0)
		err = -ENODATA;
	if (!err)
		err = an_report_prepare(h->a);
	if (!err)
		err = rh_page(out, h, title);
	if (!err && (fflush(out) || ferror(out)))
		err = -EIO;
	rh_free(h);
	return err;
}
