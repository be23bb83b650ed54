// SPDX-License-Identifier: MIT
/* The --quick build: count the words on stdin. */
#include <stdio.h>
#include "wordstat.h"

int main(void)
{
	char buf[4096];
	size_t n, words = 0;

	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		size_t pos = 0, len;

		while ((len = text_next_word(buf, n, &pos)) > 0) {
			words++;
			pos += len;
		}
	}
	printf("%zu\n", words);
	return 0;
}
