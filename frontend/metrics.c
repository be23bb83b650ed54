// SPDX-License-Identifier: MIT
/*
 * The Prometheus text exposition of a summary (see metrics.h). Names and
 * units follow Prometheus' conventions: counters end in _total, times are in
 * seconds, a histogram has _bucket{le=...}, _sum and _count.
 */
#include "metrics.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../syscalls/decode.h"
#include "../syscalls/syscalls.h"

/* Bucket bounds in ns: 1 us to 10 s in 1-2.5-5 steps (Prometheus' own
 * default buckets, widened down to the microsecond a syscall takes). */
static const __u64 le_ns[] = {
	1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000,
	1000000, 2500000, 5000000, 10000000, 25000000, 50000000, 100000000,
	250000000, 500000000, 1000000000, 2500000000ULL, 5000000000ULL, 10000000000ULL,
};
#define NLE (sizeof(le_ns) / sizeof(le_ns[0]))

/* errno 1..133 as themselves, the kernel's restart codes 512..530 (seen by
 * ptrace when a signal interrupts a call) after them, anything else last. */
#define ERR_STD		134
#define ERR_RESTART	19
#define ERR_SLOTS	(ERR_STD + ERR_RESTART + 1)

struct rn_metrics_errnos {
	__u64 *by_nr[RN_NR_MAX];	/* ERR_SLOTS counters each, lazily */
};

struct rn_metrics_errnos *rn_metrics_errnos_new(void)
{
	return calloc(1, sizeof(struct rn_metrics_errnos));
}

void rn_metrics_errnos_free(struct rn_metrics_errnos *e)
{
	if (!e)
		return;
	for (int nr = 0; nr < RN_NR_MAX; nr++)
		free(e->by_nr[nr]);
	free(e);
}

static int err_slot(int err)
{
	if (err > 0 && err < ERR_STD)
		return err;
	if (err >= 512 && err < 512 + ERR_RESTART)
		return ERR_STD + err - 512;
	return ERR_SLOTS - 1;
}

static int slot_err(int slot)
{
	if (slot < ERR_STD)
		return slot;
	if (slot < ERR_STD + ERR_RESTART)
		return 512 + slot - ERR_STD;
	return 0;
}

void rn_metrics_errnos_add(struct rn_metrics_errnos *e, int nr, int err)
{
	if (!e || nr < 0 || nr >= RN_NR_MAX || err < 1 || err > 4095)
		return;
	if (!e->by_nr[nr]) {
		e->by_nr[nr] = calloc(ERR_SLOTS, sizeof(__u64));
		if (!e->by_nr[nr])
			return;	/* only the errno label is lost; the total still counts */
	}
	e->by_nr[nr][err_slot(err)]++;
}

void rn_metrics_errnos_reset(struct rn_metrics_errnos *e)
{
	for (int nr = 0; nr < RN_NR_MAX; nr++)
		if (e->by_nr[nr])
			memset(e->by_nr[nr], 0, ERR_SLOTS * sizeof(__u64));
}

int rn_metrics_errnos_set(void *ctx, int nr, int err, __u64 count)
{
	struct rn_metrics_errnos *e = ctx;

	if (nr < 0 || nr >= RN_NR_MAX || err < 1 || err > 4095)
		return 0;
	if (!e->by_nr[nr] && !(e->by_nr[nr] = calloc(ERR_SLOTS, sizeof(__u64))))
		return 0;	/* only the label is lost */
	e->by_nr[nr][err_slot(err)] += count;
	return 0;
}

static const char *sc_name(int nr, char *buf, size_t len)
{
	const struct rn_syscall_info *si = rn_syscall(nr);

	if (si)
		return si->name;
	snprintf(buf, len, "syscall_%d", nr);
	return buf;
}

static void put_le(struct rn_strbuf *out, __u64 ns)
{
	/* %g gives Prometheus' usual spellings: 1e-06, 2.5e-05, 0.001, 10 */
	rn_sb_printf(out, "%g", (double)ns / 1e9);
}

/* The series of one group: its stats, errnos and label prefix. */
struct group_view {
	struct rn_stats *stats;
	__u32 id;
	const struct rn_metrics_errnos *errnos;
	const char *labels;	/* `comm="cat",pid="12",` or "" */
};

static size_t views(const struct rn_metrics_src *src, struct group_view *v, size_t max)
{
	size_t n = 0;

	if (!src->ngroups) {
		v[0] = (struct group_view){ src->stats, 0, src->errnos, "" };
		return 1;
	}
	for (size_t i = 0; i < src->ngroups && n < max; i++)
		v[n++] = (struct group_view){ src->groups[i].stats, src->groups[i].id,
					      src->groups[i].errnos, src->groups[i].labels };
	return n;
}

static void render_counts(const struct group_view *g, struct rn_strbuf *out)
{
	struct rn_stats_row row;
	char nb[32];

	for (int nr = 0; nr < RN_NR_MAX; nr++)
		if (!rn_stats_get(g->stats, g->id, nr, &row))
			rn_sb_printf(out, "renacer_syscalls_total{%ssyscall=\"%s\"} %llu\n",
				     g->labels, sc_name(nr, nb, sizeof(nb)),
				     (unsigned long long)row.calls);
}

static void render_errors_of(const struct group_view *g, int nr, __u64 errors,
			     struct rn_strbuf *out)
{
	const __u64 *by = g->errnos ? g->errnos->by_nr[nr] : NULL;
	char nb[32];
	const char *name = sc_name(nr, nb, sizeof(nb));
	__u64 named = 0;

	if (!g->errnos) {
		rn_sb_printf(out, "renacer_syscall_errors_total{%ssyscall=\"%s\"} %llu\n",
			     g->labels, name, (unsigned long long)errors);
		return;
	}
	for (int slot = 0; by && slot < ERR_SLOTS - 1; slot++) {
		const char *en = rn_errno_name(slot_err(slot));

		if (!by[slot] || !en)
			continue;
		named += by[slot];
		rn_sb_printf(out, "renacer_syscall_errors_total{%ssyscall=\"%s\",errno=\"%s\"} "
			     "%llu\n", g->labels, name, en, (unsigned long long)by[slot]);
	}
	/* unknown codes, and any the label table could not hold */
	if (errors > named)
		rn_sb_printf(out, "renacer_syscall_errors_total{%ssyscall=\"%s\",errno=\"other\"} "
			     "%llu\n", g->labels, name, (unsigned long long)(errors - named));
}

static void render_errors(const struct group_view *g, struct rn_strbuf *out)
{
	struct rn_stats_row row;

	for (int nr = 0; nr < RN_NR_MAX; nr++)
		if (!rn_stats_get(g->stats, g->id, nr, &row) && row.errors)
			render_errors_of(g, nr, row.errors, out);
}

static void render_histogram_of(const struct group_view *g, int nr,
				const struct rn_stats_row *row, struct rn_strbuf *out)
{
	__u64 cum[NLE];
	char nb[32];
	const char *name = sc_name(nr, nb, sizeof(nb));
	const char *series = "renacer_syscall_duration_seconds";

	if (rn_stats_cumulative(g->stats, g->id, nr, le_ns, NLE, cum))
		return;
	for (size_t i = 0; i < NLE; i++) {
		rn_sb_printf(out, "%s_bucket{%ssyscall=\"%s\",le=\"", series, g->labels, name);
		put_le(out, le_ns[i]);
		rn_sb_printf(out, "\"} %llu\n", (unsigned long long)cum[i]);
	}
	rn_sb_printf(out, "%s_bucket{%ssyscall=\"%s\",le=\"+Inf\"} %llu\n", series, g->labels,
		     name, (unsigned long long)row->calls);
	rn_sb_printf(out, "%s_sum{%ssyscall=\"%s\"} %.9f\n", series, g->labels, name,
		     (double)row->total_ns / 1e9);
	rn_sb_printf(out, "%s_count{%ssyscall=\"%s\"} %llu\n", series, g->labels, name,
		     (unsigned long long)row->calls);
}

static void render_histograms(const struct group_view *g, struct rn_strbuf *out)
{
	struct rn_stats_row row;

	for (int nr = 0; nr < RN_NR_MAX; nr++)
		if (!rn_stats_get(g->stats, g->id, nr, &row))
			render_histogram_of(g, nr, &row, out);
}

static void render_health(const struct rn_metrics_src *src, struct rn_strbuf *out)
{
	rn_sb_printf(out,
		     "# HELP renacer_events_lost_total Events the backend could not deliver "
		     "(counted, never dropped silently).\n"
		     "# TYPE renacer_events_lost_total counter\n"
		     "renacer_events_lost_total %llu\n"
		     "# HELP renacer_records_total Records the tracer received from the backend.\n"
		     "# TYPE renacer_records_total counter\n"
		     "renacer_records_total %llu\n"
		     "# HELP renacer_reader_cpu_seconds_total CPU time of renacer's reading thread.\n"
		     "# TYPE renacer_reader_cpu_seconds_total counter\n"
		     "renacer_reader_cpu_seconds_total %.6f\n"
		     "# HELP renacer_start_time_seconds When renacer started, in Unix time.\n"
		     "# TYPE renacer_start_time_seconds gauge\n"
		     "renacer_start_time_seconds %.3f\n"
		     "# HELP renacer_backend_info The backend in use.\n"
		     "# TYPE renacer_backend_info gauge\n"
		     "renacer_backend_info{backend=\"%s\"} 1\n",
		     (unsigned long long)src->lost, (unsigned long long)src->records,
		     src->cpu_seconds, src->start_time,
		     src->backend ? src->backend : "unknown");
	if (src->sampled)
		rn_sb_printf(out, "# HELP renacer_calls_sampled_out_total Calls --sample and "
			     "--rate-limit left out of the trace (the call totals count them).\n"
			     "# TYPE renacer_calls_sampled_out_total counter\n"
			     "renacer_calls_sampled_out_total %llu\n",
			     (unsigned long long)src->sampled_out);
}

void rn_metrics_label_escape(struct rn_strbuf *out, const char *v)
{
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;

		if (c == '\\' || c == '"')
			rn_sb_putc(out, '\\');
		if (c == '\n')
			rn_sb_puts(out, "\\n");
		else if (c < 0x20 || c >= 0x7f)
			rn_sb_putc(out, '?');	/* labels must be UTF-8: no raw bytes */
		else
			rn_sb_putc(out, (char)c);
	}
}

int rn_metrics_render(const struct rn_metrics_src *src, struct rn_strbuf *out)
{
	struct group_view v[RN_METRICS_GROUPS_MAX + 1];
	size_t n = views(src, v, RN_METRICS_GROUPS_MAX + 1);

	rn_sb_puts(out, "# HELP renacer_syscalls_total System calls that returned.\n"
			"# TYPE renacer_syscalls_total counter\n");
	for (size_t i = 0; i < n; i++)
		render_counts(&v[i], out);
	rn_sb_puts(out, "# HELP renacer_syscall_errors_total System calls that returned an "
			"error, by errno.\n"
			"# TYPE renacer_syscall_errors_total counter\n");
	for (size_t i = 0; i < n; i++)
		render_errors(&v[i], out);
	rn_sb_printf(out, "# HELP renacer_syscall_duration_seconds Time inside each system "
		     "call (%s).\n# TYPE renacer_syscall_duration_seconds histogram\n",
		     src->backend && !strcmp(src->backend, "ebpf")
		     ? "in the kernel, from sys_enter to sys_exit"
		     : "from the syscall-entry stop to the syscall-exit stop");
	for (size_t i = 0; i < n; i++)
		render_histograms(&v[i], out);
	render_health(src, out);
	if (src->ring_size)
		rn_sb_printf(out, "# HELP renacer_ring_buffer_used_ratio Share of the event ring "
			     "buffer waiting to be read (1: full, events are being lost).\n"
			     "# TYPE renacer_ring_buffer_used_ratio gauge\n"
			     "renacer_ring_buffer_used_ratio %.6f\n"
			     "# HELP renacer_ring_buffer_size_bytes Size of the event ring buffer.\n"
			     "# TYPE renacer_ring_buffer_size_bytes gauge\n"
			     "renacer_ring_buffer_size_bytes %llu\n",
			     (double)src->ring_used / (double)src->ring_size,
			     (unsigned long long)src->ring_size);
	/* the kernel's totals come without records to count processes from */
	if (src->tracees >= 0)
		rn_sb_printf(out, "# HELP renacer_traced_processes Processes traced now.\n"
			     "# TYPE renacer_traced_processes gauge\n"
			     "renacer_traced_processes %d\n", src->tracees);
	return 0;
}

int rn_metrics_write_file(const char *path, const char *text, size_t len)
{
	char tmp[4096];
	int fd, err = 0;

	/* a fresh name nobody could have planted (a shared textfile directory),
	 * readable by the collector whatever the umask */
	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fchmod(fd, 0644))
		err = -errno;
	for (size_t off = 0; off < len && !err;) {
		ssize_t w = write(fd, text + off, len - off);

		if (w < 0 && errno != EINTR)
			err = -errno;
		else if (w > 0)
			off += (size_t)w;
	}
	if (close(fd) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err)
		unlink(tmp);
	return err;
}
