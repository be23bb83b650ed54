// SPDX-License-Identifier: MIT
/* wordstat [N]: read text on stdin, print the N most frequent words as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wordstat.h"

int main(int argc, char **argv)
{
	long top = argc > 1 ? atol(argv[1]) : 10;
	struct ws_table t;
	struct ws_ring last;
	struct ws_entry **v;
	char buf[65536];
	size_t n;

	if (table_init(&t, 64) || ring_init(&last, 8))
		return 1;
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		size_t pos = 0, len;

		while ((len = text_next_word(buf, n, &pos)) > 0) {
			text_lower(buf + pos, len);
			if (table_add(&t, buf + pos, len))
				return 1;
			ring_push(&last, buf + pos, len);
			pos += len;
		}
	}
	v = table_sorted(&t);
	if (!v)
		return 1;
	printf("[\n");
	for (long i = 0; i < top && v[i]; i++)
		json_print_entry(v[i], i + 1 == top || !v[i + 1]);
	printf("]\n");
	free(v);
	ring_free(&last);
	table_free(&t);
	return 0;
}
