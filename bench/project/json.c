// SPDX-License-Identifier: MIT
#include <stdio.h>
#include "wordstat.h"

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

void json_print_entry(const struct ws_entry *e, int last)
{
	printf("  {\"word\": ");
	json_string(e->word);
	printf(", \"count\": %lu}%s\n", e->count, last ? "" : ",");
}
