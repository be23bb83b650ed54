// SPDX-License-Identifier: MIT
/*
 * The cost of a -e trace=/regex before glibc compiles it: the fuzzer found
 * regexes that take gigabytes or minutes in regcomp(), far beyond anything a
 * syscall name needs.
 */
#include <stdbool.h>

#include "filter_int.h"

/*
 * glibc's regcomp() expands "x+" into "xx*" and "x{m,n}" into n copies of x,
 * so stacked repetitions grow the compiled regex exponentially: "x" followed
 * by 30 "+" takes gigabytes, and "1????++++++++" 13 s of CPU (both found by
 * the fuzzer: each "?" or "*" doubles what a later "+" copies). Syscall names
 * are short, so refuse regexes whose repetition factors, every "?", "*" and
 * "+" counting 2, multiply past RN_REGEX_COST.
 */
#define RN_REGEX_COST 256
/*
 * Stacked operators on one atom are worse than their product: with an anchor
 * before them, "1$:??++++" takes 4 s in regcomp and "1$:????++++" more than
 * 30 s, far under the cost above (the fuzzer again). They mean nothing a
 * single operator does not ("a?+" is "a*"), so a run of more than
 * RN_REGEX_RUN is refused.
 */
#define RN_REGEX_RUN 3

const char *filter_regex_too_costly(const char *re)
{
	unsigned long cost = 1;
	unsigned run = 0;

	for (const char *p = re; *p; p++) {
		unsigned long n = 0, m = 0;
		bool op = *p == '+' || *p == '?' || *p == '*' || *p == '{';

		run = op ? run + 1 : 0;
		if (run > RN_REGEX_RUN)
			return "too many repetitions";
		if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '[') {
			p += p[1] == '^' ? 2 : 1;
			if (*p == ']')
				p++;
			while (*p && *p != ']')
				p++;
			if (!*p)
				return NULL;	/* regcomp will refuse it */
		} else if (*p == '+' || *p == '?' || *p == '*') {
			cost *= 2;
		} else if (*p == '{') {
			while (*++p >= '0' && *p <= '9' && n < 100000)
				n = n * 10 + (unsigned long)(*p - '0');
			if (*p == ',')
				while (*++p >= '0' && *p <= '9' && m < 100000)
					m = m * 10 + (unsigned long)(*p - '0');
			cost *= (m > n ? m : n) + 1;
			if (!*p)
				break;
		}
		if (cost > RN_REGEX_COST)
			break;
	}
	return cost > RN_REGEX_COST ? "too many repetitions" : NULL;
}
