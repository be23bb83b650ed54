/* SPDX-License-Identifier: MIT */
/* wordstat: a small word-frequency tool, built by the benchmark's build workload. */
#ifndef WORDSTAT_H
#define WORDSTAT_H
#include <stddef.h>

struct ws_entry {
	char *word;
	unsigned long count;
	struct ws_entry *next;
};

struct ws_table {
	struct ws_entry **slots;
	size_t nslots;
	size_t nentries;
};

struct ws_ring {
	char **items;
	size_t cap, head, len;
};

int table_init(struct ws_table *t, size_t nslots);
int table_add(struct ws_table *t, const char *word, size_t len);
void table_free(struct ws_table *t);
struct ws_entry **table_sorted(const struct ws_table *t);

size_t text_next_word(const char *s, size_t n, size_t *start);
void text_lower(char *s, size_t n);
unsigned long text_hash(const char *s, size_t n);

void sort_entries(struct ws_entry **v, size_t n);

void json_print_entry(const struct ws_entry *e, int last);

int ring_init(struct ws_ring *r, size_t cap);
void ring_push(struct ws_ring *r, const char *s, size_t n);
void ring_free(struct ws_ring *r);
#endif
