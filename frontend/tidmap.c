// SPDX-License-Identifier: MIT
#include "tidmap.h"

#include <stdlib.h>

static size_t slot_of(const struct rn_tidmap *m, __u32 tid)
{
	/* Fibonacci hashing spreads consecutive thread ids. */
	return (size_t)((tid * 2654435769u) & (m->cap - 1));
}

void rn_tidmap_init(struct rn_tidmap *m)
{
	m->keys = NULL;
	m->vals = NULL;
	m->cap = 0;
	m->len = 0;
}

void rn_tidmap_release(struct rn_tidmap *m)
{
	free(m->keys);
	free(m->vals);
	rn_tidmap_init(m);
}

static int tidmap_grow(struct rn_tidmap *m)
{
	struct rn_tidmap n = { .cap = m->cap ? m->cap * 2 : 64 };

	n.keys = calloc(n.cap, sizeof(*n.keys));
	n.vals = calloc(n.cap, sizeof(*n.vals));
	if (!n.keys || !n.vals) {
		free(n.keys);
		free(n.vals);
		return -1;
	}
	for (size_t i = 0; i < m->cap; i++) {
		size_t s;

		if (!m->keys[i])
			continue;
		for (s = slot_of(&n, m->keys[i]); n.keys[s]; s = (s + 1) & (n.cap - 1))
			;
		n.keys[s] = m->keys[i];
		n.vals[s] = m->vals[i];
	}
	n.len = m->len;
	free(m->keys);
	free(m->vals);
	*m = n;
	return 0;
}

void **rn_tidmap_get(struct rn_tidmap *m, __u32 tid, int *is_new)
{
	size_t s;

	*is_new = 0;
	if (!tid)	/* 0 marks an empty slot; no task has it */
		return NULL;
	if ((m->len + 1) * 2 > m->cap && tidmap_grow(m))
		return NULL;
	for (s = slot_of(m, tid); m->keys[s]; s = (s + 1) & (m->cap - 1))
		if (m->keys[s] == tid)
			return &m->vals[s];
	m->keys[s] = tid;
	m->vals[s] = NULL;
	m->len++;
	*is_new = 1;
	return &m->vals[s];
}

bool rn_tidmap_has(const struct rn_tidmap *m, __u32 tid)
{
	if (!tid || !m->cap)
		return false;
	for (size_t s = slot_of(m, tid); m->keys[s]; s = (s + 1) & (m->cap - 1))
		if (m->keys[s] == tid)
			return true;
	return false;
}

void *rn_tidmap_remove(struct rn_tidmap *m, __u32 tid)
{
	size_t s, next;
	void *val;

	if (!m->cap)
		return NULL;
	for (s = slot_of(m, tid); m->keys[s] != tid; s = (s + 1) & (m->cap - 1))
		if (!m->keys[s])
			return NULL;
	val = m->vals[s];
	m->keys[s] = 0;
	m->len--;
	/* Re-insert the rest of the cluster so lookups never stop early. */
	for (next = (s + 1) & (m->cap - 1); m->keys[next]; next = (next + 1) & (m->cap - 1)) {
		__u32 k = m->keys[next];
		void *v = m->vals[next];
		int dummy;

		m->keys[next] = 0;
		m->len--;
		*rn_tidmap_get(m, k, &dummy) = v;
	}
	return val;
}
