/* SPDX-License-Identifier: MIT */
/* A small open-addressing map from thread id to a pointer. */
#ifndef RN_TIDMAP_H
#define RN_TIDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/types.h>

struct rn_tidmap {
	__u32 *keys;		/* 0 = empty slot (no task has id 0) */
	void **vals;
	size_t cap;		/* power of two */
	size_t len;
};

void rn_tidmap_init(struct rn_tidmap *m);
void rn_tidmap_release(struct rn_tidmap *m);
/* Pointer to the value slot for tid (inserted as NULL if new), or NULL on
 * allocation failure or tid 0. *is_new says whether it was inserted. */
void **rn_tidmap_get(struct rn_tidmap *m, __u32 tid, int *is_new);
/* Whether tid is in the map (no insertion). */
bool rn_tidmap_has(const struct rn_tidmap *m, __u32 tid);
/* Remove tid; returns its value (or NULL). */
void *rn_tidmap_remove(struct rn_tidmap *m, __u32 tid);

#endif /* RN_TIDMAP_H */
