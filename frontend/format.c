// SPDX-License-Identifier: MIT
/* The --format table: each value's row, and records to lines through it. */
#include "format.h"

#include "sink.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Defined in sink_NAME.c, one file per format. */
extern const struct rn_format_desc rn_format_text;
extern const struct rn_format_desc rn_format_json;
extern const struct rn_format_desc rn_format_csv;
extern const struct rn_format_desc rn_format_perfetto;

static const struct rn_format_desc *const formats[] = {
	[RN_FMT_TEXT] = &rn_format_text,
	[RN_FMT_JSON] = &rn_format_json,
	[RN_FMT_CSV] = &rn_format_csv,
	[RN_FMT_PERFETTO] = &rn_format_perfetto,
};

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

const struct rn_format_desc *rn_format_get(enum rn_format f)
{
	return (size_t)f < NFORMATS && formats[f] ? formats[f] : &rn_format_text;
}

int rn_format_parse(const char *name, enum rn_format *f)
{
	for (size_t i = 0; i < NFORMATS; i++) {
		if (formats[i] && (!strcmp(formats[i]->name, name) ||
				   (formats[i]->alias && !strcmp(formats[i]->alias, name)))) {
			*f = (enum rn_format)i;
			return 0;
		}
	}
	return -EINVAL;
}

void rn_format_names(char *buf, size_t len)
{
	size_t used = 0, left = NFORMATS;

	buf[0] = '\0';
	for (size_t i = 0; i < NFORMATS && used < len; i++) {
		left--;
		used += snprintf(buf + used, len - used, "%s%s", formats[i]->name,
				 !left ? "" : left == 1 ? " or " : ", ");
	}
}

void rn_format_event_stack(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
			   const struct rn_event *ev, const struct rn_decoded *d,
			   const struct rn_frame *frames, int n, struct rn_strbuf *out)
{
	const struct rn_format_desc *fmt = rn_format_get(c->format);

	if (!frames)
		n = 0;
	if (fmt->line)
		fmt->line(c, pfx, ev, d, frames, n, out);
}

void rn_format_event(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		     const struct rn_event *ev, const struct rn_decoded *d,
		     struct rn_strbuf *out)
{
	rn_format_event_stack(c, pfx, ev, d, NULL, 0, out);
}

void rn_format_header(const struct rn_fmt_ctx *c, struct rn_strbuf *out)
{
	const struct rn_format_desc *fmt = rn_format_get(c->format);

	if (fmt->header)
		fmt->header(c, out);
}
