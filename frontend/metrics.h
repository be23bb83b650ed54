/* SPDX-License-Identifier: MIT */
/*
 * --metrics and --metrics-file: the statistics engine's figures in the
 * Prometheus text exposition format (version 0.0.4, which OpenMetrics
 * scrapers read too), served over HTTP or written to a file atomically.
 *
 * The tracing thread renders a snapshot (rn_metrics_render) once a second
 * and publishes it; the HTTP server runs in libmicrohttpd's own thread and
 * only copies the last snapshot out, so a slow or stuck scraper never holds
 * the tracer up.
 */
#ifndef RN_METRICS_H
#define RN_METRICS_H

#include <stddef.h>
#include <linux/types.h>

#include "../stats/stats.h"
#include "../syscalls/strbuf.h"

/* Errors by errno name: the frontend counts them from per-call records. */
struct rn_metrics_errnos;

struct rn_metrics_errnos *rn_metrics_errnos_new(void);
void rn_metrics_errnos_free(struct rn_metrics_errnos *e);
/* Count a failed call of nr with error err (1..4095); others are ignored. */
void rn_metrics_errnos_add(struct rn_metrics_errnos *e, int nr, int err);
/* Forget every count (keeps the memory). */
void rn_metrics_errnos_reset(struct rn_metrics_errnos *e);
/* rn_errno_fn (backends/backend.h) over the kernel's counts: ctx is a
 * struct rn_metrics_errnos *. Returns 0. */
int rn_metrics_errnos_set(void *ctx, int nr, int err, __u64 count);

/* --summary-by: at most this many labelled groups, the rest in one "other". */
#define RN_METRICS_GROUPS_MAX	100

/* One labelled group of series (--summary-by=process|thread). */
struct rn_metrics_group {
	struct rn_stats *stats;
	__u32 id;				/* its id in stats */
	const struct rn_metrics_errnos *errnos;	/* NULL: errors unlabelled */
	const char *labels;	/* escaped, each followed by a comma: `comm="cat",pid="7",` */
};

/* What one snapshot shows. */
struct rn_metrics_src {
	/* Either one unlabelled group, keyed by syscall... */
	struct rn_stats *stats;
	const struct rn_metrics_errnos *errnos;	/* NULL: errors unlabelled */
	/* ...or ngroups labelled ones (then stats and errnos are unused). */
	const struct rn_metrics_group *groups;
	size_t ngroups;
	const char *backend;		/* "ptrace" or "ebpf" */
	__u64 lost;			/* events the backend reported lost */
	__u64 sampled_out;		/* calls --sample/--rate-limit left out */
	bool sampled;			/* the trace is a sample: say how much */
	__u64 records;			/* records the tracer received */
	double cpu_seconds;		/* CPU time of the tracing thread */
	double start_time;		/* Unix time renacer started */
	int tracees;			/* processes traced now; -1: unknown */
	__u64 ring_used, ring_size;	/* the event buffer; size 0: none */
};

/* A label value (a traced program's comm, say) as the text format wants it:
 * \\, \" and \n escaped, other control and non-ASCII bytes as '?'. */
void rn_metrics_label_escape(struct rn_strbuf *out, const char *v);

/* The whole exposition into out (appended). Returns 0. */
int rn_metrics_render(const struct rn_metrics_src *src, struct rn_strbuf *out);

/* Write text to path atomically (a fresh temporary file in the same
 * directory, then rename), mode 0644 as the textfile collector reads it.
 * 0 or -errno. */
int rn_metrics_write_file(const char *path, const char *text, size_t len);

struct rn_metrics_server;

/* Serve GET /metrics on "[ADDR:]PORT" (ADDR defaults to 127.0.0.1; IPv6 as
 * [ADDR]:PORT). NULL + errno, with a one-line reason in err. */
struct rn_metrics_server *rn_metrics_server_start(const char *spec, char *err, size_t errlen);
/* Replace the snapshot scrapes get (copied). 0 or -ENOMEM. */
int rn_metrics_server_publish(struct rn_metrics_server *s, const char *text, size_t len);
/* Scrapes answered so far. */
__u64 rn_metrics_server_scrapes(const struct rn_metrics_server *s);
/* The port actually bound (useful with port 0). */
unsigned rn_metrics_server_port(const struct rn_metrics_server *s);
void rn_metrics_server_stop(struct rn_metrics_server *s);

#endif /* RN_METRICS_H */
