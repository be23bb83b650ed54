/* SPDX-License-Identifier: MIT */
/* Internals shared by stats/stats.c and stats/stats_print.c. */
#ifndef RN_STATS_INT_H
#define RN_STATS_INT_H

#include <stdbool.h>

#include "../backends/hist.h"
#include "kernels.h"
#include "stats.h"

#define STATS_STAGE  64				/* durations staged per syscall */
#define STATS_NCHUNK (RN_HIST_BUCKETS / RN_HIST_SUB)	/* one per power of two */

/* One (group, syscall). */
struct stats_sc {
	struct rn_acc acc;	/* calls = acc.n, time = acc.sum (acc.sq unused) */
	__u64 errors;
	__u64 hist_n;		/* samples in the histogram */
	double m2;		/* sum of squared deviations from the mean */
	bool sq_unknown;	/* in-kernel aggregates merged: no sum of squares */
	unsigned nstage;
	unsigned stage_errors;
	__u64 stage[STATS_STAGE];
	__u64 *chunk[STATS_NCHUNK];	/* RN_HIST_SUB buckets each, lazily */
};

struct stats_group {
	__u32 id;
	char comm[16];		/* the name in its last record with identity */
	__u64 cgroup_id;	/* the cgroup of that record */
	struct stats_sc *sc[RN_NR_MAX];
};

struct stats {
	enum rn_stats_key key;
	const struct rn_stats_kernels *k;
	struct stats_group **groups;	/* open addressing by id */
	size_t ngroups;
	size_t cap;			/* power of two */
	struct stats_group *last;
	__u64 dropped;
	/* --summary-by=cgroup|container: group ids are indexes + 1 into
	 * cgids (cgroup) or names (container); index RN_STATS_CGROUPS_MAX is
	 * "other" */
	struct rn_stats_namer namer;
	__u64 cgids[RN_STATS_CGROUPS_MAX];
	__u32 cg_group[RN_STATS_CGROUPS_MAX];	/* container key: its group id */
	size_t ncg;
	const char *names[RN_STATS_CGROUPS_MAX];
	size_t nnames;
};

/* A group's heading, "pid 21914 (cat)", "container 3f1c2a9b8d7e": into buf. */
void stats_group_heading(const struct stats *s, const struct stats_group *g, char *buf,
			 size_t len);
/* The JSON member naming a group: "pid":21914,"comm":"cat" ... */
void stats_group_json(const struct stats *s, const struct stats_group *g, FILE *out);

void stats_flush_all(struct stats *s);
double stats_sc_percentile(const struct stats *s, const struct stats_sc *sc, double p);
void stats_sc_row(const struct stats *s, const struct stats_sc *sc, __u32 id, int nr,
		  struct rn_stats_row *row);
const char *stats_name(int nr, char *buf, size_t len);

#endif /* RN_STATS_INT_H */
