// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for `renacer analyze`: the JSON Lines reader
 * (stats/jsonl.c) and the analysis behind it (stats/analyze*.c).
 *
 * The first byte chooses the options (window by calls or by time, feature
 * count, clusters, anomaly window and threshold, text or JSON report); the
 * rest is the trace. Each line goes through rn_analyze_parse_line on a copy
 * with no NUL after it (so a read past len is an ASan error), then the whole
 * input through rn_analyze_file into an in-memory report.
 *
 * Checks beyond the sanitizers: parse_line returns 1, 0 or -EINVAL; a
 * syscall record has a name (NUL-terminated inside namebuf) or a number;
 * analyze_file returns 0, -ENODATA or -ENOMEM and writes a report, which
 * for --format json is one line.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analyze.h"
#include "stats/report_html.h"

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_analyze: check failed: %s\n", what);
		abort();
	}
}

static void parse_lines(const uint8_t *p, size_t n)
{
	while (n) {
		const uint8_t *nl = memchr(p, '\n', n);
		size_t len = nl ? (size_t)(nl - p) : n;
		char *copy = malloc(len ? len : 1);
		char name[64];
		struct rn_analyze_rec r;
		int rc;

		memcpy(copy, p, len);
		memset(name, 'x', sizeof(name));
		rc = rn_analyze_parse_line(copy, len, &r, name, sizeof(name));
		check(rc == 1 || rc == 0 || rc == -EINVAL, "parse_line result");
		if (rc == 1) {
			check(memchr(name, 0, sizeof(name)) != NULL, "name NUL-terminated");
			check(r.name || r.nr >= 0, "a syscall record names its call");
			if (r.name)
				check(r.name >= name && r.name < name + sizeof(name),
				      "name points into namebuf");
		}
		free(copy);
		p += len + (nl != NULL);
		n -= len + (nl != NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rn_analyze_opts o = { 0 };
	char *rep = NULL;
	size_t replen = 0;
	FILE *in, *out;
	uint8_t sel;
	int rc;

	if (size < 1 || size > 256 * 1024)
		return 0;
	sel = data[0];
	data++;
	size--;
	if (sel & 1)
		o.window_sec = 0.001 * (1 + (sel >> 4));
	else
		o.window_calls = 1 + (sel >> 4) * 3;
	o.features = 1 + (sel >> 1 & 7);
	o.clusters = 1 + (sel >> 2 & 3);
	o.anomaly_window = 2 + (sel >> 3 & 7) * 5;
	o.anomaly_threshold = 0.5 + (sel >> 5);
	o.json = sel & 0x80;
	o.top_pairs = 3;
	o.top_anomalies = 3;
	parse_lines(data, size);
	if (!size)
		return 0;

	in = fmemopen((void *)data, size, "r");
	out = open_memstream(&rep, &replen);
	if (!in || !out)
		abort();
	rc = rn_analyze_file(in, out, &o);
	fclose(in);
	fclose(out);
	check(rc == 0 || rc == -ENODATA || rc == -ENOMEM, "analyze_file result");
	if (rc == 0 && o.json)
		check(replen > 0 && memchr(rep, '\n', replen) == rep + replen - 1,
		      "a JSON report is one line");
	free(rep);

	/* the HTML report of the same lines: no crash, and nothing from the
	 * input opens a <script (the page itself has none) */
	rep = NULL;
	replen = 0;
	in = fmemopen((void *)data, size, "r");
	out = open_memstream(&rep, &replen);
	if (!in || !out)
		abort();
	rc = rn_report_html(in, out, "fuzz <input>", &o);
	fclose(in);
	fclose(out);
	check(rc == 0 || rc == -ENODATA || rc == -ENOMEM, "report_html result");
	check(!memmem(rep, replen, "<script", 7), "no <script in the page");
	free(rep);
	return 0;
}
