// SPDX-License-Identifier: MIT
/* renacer report TRACE.jsonl --html OUT.html, over stats/report_html.c. */
#include "sink.h"

#include "../stats/report_html.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* OUT is written whole or not at all: a temporary file next to it, renamed
 * over it at the end (a symbolic link at OUT is replaced, never followed). */
static int report_write(const struct rn_opts *o, FILE *in, char *tmp, size_t tmplen)
{
	struct rn_analyze_opts ao;
	mode_t mask = umask(0);
	FILE *out;
	int fd, ret;

	umask(mask);
	rn_sink_analyze_opts(o, &ao);
	ao.json = false;
	snprintf(tmp, tmplen, "%s.XXXXXX", o->html_out);
	fd = mkstemp(tmp);
	if (fd < 0) {
		tmp[0] = '\0';
		return -errno;
	}
	out = fdopen(fd, "w");
	if (!out || fchmod(fd, 0666 & ~mask)) {
		ret = -errno;
		if (out)
			fclose(out);
		else
			close(fd);
		return ret;
	}
	ret = rn_report_html(in, out, o->report_file, &ao);
	if (fclose(out) && !ret)
		ret = -EIO;
	if (!ret && rename(tmp, o->html_out))
		ret = -errno;
	return ret;
}

int rn_report_run(const struct rn_opts *o)
{
	FILE *in = strcmp(o->report_file, "-") ? fopen(o->report_file, "r") : stdin;
	char tmp[4200];
	int ret;

	if (!in) {
		fprintf(stderr, "renacer: cannot open '%s': %s\n", o->report_file, strerror(errno));
		return 1;
	}
	ret = report_write(o, in, tmp, sizeof(tmp));
	if (in != stdin)
		fclose(in);
	if (ret == 0)
		return 0;
	if (tmp[0])
		unlink(tmp);
	if (ret == -ENODATA)
		fprintf(stderr, "renacer: report: no syscall records in '%s'\n", o->report_file);
	else
		fprintf(stderr, "renacer: cannot write the report of '%s' to '%s': %s\n",
			o->report_file, o->html_out, strerror(-ret));
	return 1;
}
