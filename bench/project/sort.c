// SPDX-License-Identifier: MIT
/* Merge sort by descending count, then word: stable and allocation-light. */
#include <stdlib.h>
#include <string.h>
#include "wordstat.h"

static int before(const struct ws_entry *a, const struct ws_entry *b)
{
	if (a->count != b->count)
		return a->count > b->count;
	return strcmp(a->word, b->word) < 0;
}

static void merge(struct ws_entry **v, struct ws_entry **tmp, size_t lo, size_t mid, size_t hi)
{
	size_t i = lo, j = mid, k = lo;

	while (i < mid && j < hi)
		tmp[k++] = before(v[j], v[i]) ? v[j++] : v[i++];
	while (i < mid)
		tmp[k++] = v[i++];
	while (j < hi)
		tmp[k++] = v[j++];
	memcpy(v + lo, tmp + lo, (hi - lo) * sizeof(*v));
}

void sort_entries(struct ws_entry **v, size_t n)
{
	struct ws_entry **tmp = malloc(n * sizeof(*tmp) + 1);

	if (!tmp)
		return;
	for (size_t width = 1; width < n; width *= 2)
		for (size_t lo = 0; lo + width < n; lo += 2 * width) {
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;

			merge(v, tmp, lo, lo + width, hi);
		}
	free(tmp);
}
