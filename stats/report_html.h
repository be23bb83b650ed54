/* SPDX-License-Identifier: MIT */
/*
 * `renacer report TRACE.jsonl --html OUT.html`: one self-contained HTML page
 * (inline SVG drawn here, a style sheet, no script, nothing fetched) about a
 * JSON Lines trace: calls over time per class of syscall, a latency histogram
 * per syscall (log scale), the processes with the most calls, the errors by
 * errno, and the analysis (lost events first, anomalies, clusters,
 * correlations). Everything taken from the trace is HTML-escaped.
 */
#ifndef RN_REPORT_HTML_H
#define RN_REPORT_HTML_H

#include <stdio.h>

#include "analyze.h"

/* Read JSON Lines from in (as rn_analyze_file) and write the page on out.
 * title names the trace in the page (escaped). o as for the analysis (may be
 * NULL). 0, -ENOMEM, -EIO, or -ENODATA when no line held a syscall. */
int rn_report_html(FILE *in, FILE *out, const char *title, const struct rn_analyze_opts *o);

#endif /* RN_REPORT_HTML_H */
