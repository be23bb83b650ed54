// SPDX-License-Identifier: MIT
#include <ctype.h>
#include "wordstat.h"

size_t text_next_word(const char *s, size_t n, size_t *start)
{
	size_t i = *start;

	while (i < n && !isalnum((unsigned char)s[i]))
		i++;
	*start = i;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '\''))
		i++;
	return i - *start;
}

void text_lower(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
}

unsigned long text_hash(const char *s, size_t n)
{
	unsigned long h = 1469598103934665603UL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211UL;
	}
	return h;
}
