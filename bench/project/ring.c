// SPDX-License-Identifier: MIT
/* The last N words seen, for the --tail report. */
#include <stdlib.h>
#include <string.h>
#include "wordstat.h"

int ring_init(struct ws_ring *r, size_t cap)
{
	r->items = calloc(cap, sizeof(*r->items));
	r->cap = cap;
	r->head = r->len = 0;
	return r->items ? 0 : -1;
}

void ring_push(struct ws_ring *r, const char *s, size_t n)
{
	size_t slot = (r->head + r->len) % r->cap;

	if (r->len == r->cap) {
		free(r->items[r->head]);
		r->head = (r->head + 1) % r->cap;
		slot = (r->head + r->len - 1) % r->cap;
	} else {
		r->len++;
	}
	r->items[slot] = strndup(s, n);
}

void ring_free(struct ws_ring *r)
{
	for (size_t i = 0; i < r->len; i++)
		free(r->items[(r->head + i) % r->cap]);
	free(r->items);
}
