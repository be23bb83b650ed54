// SPDX-License-Identifier: MIT
#include <stdlib.h>
#include <string.h>
#include "wordstat.h"

int table_init(struct ws_table *t, size_t nslots)
{
	t->slots = calloc(nslots, sizeof(*t->slots));
	t->nslots = nslots;
	t->nentries = 0;
	return t->slots ? 0 : -1;
}

static int table_grow(struct ws_table *t)
{
	struct ws_table bigger;

	if (table_init(&bigger, t->nslots * 2))
		return -1;
	for (size_t i = 0; i < t->nslots; i++) {
		struct ws_entry *e = t->slots[i], *next;

		for (; e; e = next) {
			size_t k = text_hash(e->word, strlen(e->word)) % bigger.nslots;

			next = e->next;
			e->next = bigger.slots[k];
			bigger.slots[k] = e;
		}
	}
	free(t->slots);
	t->slots = bigger.slots;
	t->nslots = bigger.nslots;
	return 0;
}

int table_add(struct ws_table *t, const char *word, size_t len)
{
	size_t k = text_hash(word, len) % t->nslots;
	struct ws_entry *e;

	for (e = t->slots[k]; e; e = e->next)
		if (strlen(e->word) == len && !memcmp(e->word, word, len)) {
			e->count++;
			return 0;
		}
	e = malloc(sizeof(*e));
	if (!e || !(e->word = strndup(word, len))) {
		free(e);
		return -1;
	}
	e->count = 1;
	e->next = t->slots[k];
	t->slots[k] = e;
	if (++t->nentries > t->nslots * 2)
		return table_grow(t);
	return 0;
}

struct ws_entry **table_sorted(const struct ws_table *t)
{
	struct ws_entry **v = malloc((t->nentries + 1) * sizeof(*v));
	size_t n = 0;

	if (!v)
		return NULL;
	for (size_t i = 0; i < t->nslots; i++)
		for (struct ws_entry *e = t->slots[i]; e; e = e->next)
			v[n++] = e;
	sort_entries(v, n);
	v[n] = NULL;
	return v;
}

void table_free(struct ws_table *t)
{
	for (size_t i = 0; i < t->nslots; i++) {
		struct ws_entry *e = t->slots[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e->word);
			free(e);
		}
	}
	free(t->slots);
}
