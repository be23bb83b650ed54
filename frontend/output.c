// SPDX-License-Identifier: MIT
/* The trace's files: stderr, -o FILE, or FILE.PID per task with -ff. */
#include "output.h"

#include <errno.h>
#include <string.h>

#include "outfile.h"

int rn_output_open(struct rn_output *out, const struct rn_opts *o, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	out->opts = o;
	rn_tidmap_init(&out->files);
	rn_tidmap_init(&out->opened);
	out->file = stderr;
	out->name = "standard error";
	if (o->outfile && o->follow < 2) {
		/* close-on-exec: never leak into the tracee */
		out->file = rn_outfile_open(o->outfile, RN_OUT_TRUNCATE, err, errlen);
		if (!out->file)
			return -errno;
		out->name = o->outfile;
		setvbuf(out->file, NULL, _IOFBF, 1 << 16);
	} else if (o->follow == 2) {
		out->file = NULL;
		out->name = o->outfile;	/* the FILE of FILE.PID */
	}
	return 0;
}

static void write_header(struct rn_output *out, FILE *f, rn_output_header_fn fn)
{
	struct rn_strbuf hdr;

	rn_sb_init(&hdr);
	fn(out->header_ctx, &hdr);
	fwrite(hdr.buf, 1, hdr.len, f);
	rn_sb_release(&hdr);
}

static FILE *file_for(struct rn_output *out, __u32 tid)
{
	char name[4096], err[sizeof(out->open_err)];
	void **slot, **was;
	int is_new;

	if (out->file)
		return out->file;
	if (!tid)	/* -ff: records of no task (lost events) go to stderr */
		return stderr;
	slot = rn_tidmap_get(&out->files, tid, &is_new);
	if (!slot)
		return NULL;
	if (*slot)
		return *slot;
	snprintf(name, sizeof(name), "%s.%u", out->opts->outfile, tid);
	/* The kernel reuses thread ids: a second task with the same id appends
	 * to the file of the first instead of wiping it. */
	was = rn_tidmap_get(&out->opened, tid, &is_new);
	*slot = rn_outfile_open(name, was && !is_new ? RN_OUT_APPEND : RN_OUT_FRESH, err,
				sizeof(err));
	if (was)
		*was = out;
	if (!*slot) {
		if (!out->write_errno) {
			out->write_errno = errno;
			snprintf(out->open_err, sizeof(out->open_err), "%s", err);
		}
		rn_tidmap_remove(&out->files, tid);
		return NULL;
	}
	setvbuf(*slot, NULL, _IOFBF, 1 << 14);
	if (out->header && is_new)
		write_header(out, *slot, out->header);
	return *slot;
}

void rn_output_write(struct rn_output *out, __u32 tid, const char *buf, size_t len)
{
	FILE *f = file_for(out, tid);

	if (f && fwrite(buf, 1, len, f) != len && !out->write_errno)
		out->write_errno = errno ? errno : EIO;
}

void rn_output_task_gone(struct rn_output *out, __u32 tid)
{
	FILE *f = rn_tidmap_remove(&out->files, tid);

	if (f && out->footer)
		write_header(out, f, out->footer);
	if (f && fclose(f) && !out->write_errno)
		out->write_errno = errno;
}

FILE *rn_output_summary(const struct rn_output *out)
{
	return out->file && !out->summary_stderr ? out->file : stderr;
}

int rn_output_flush(struct rn_output *out)
{
	/* ferror too: the -c summary is flushed (and may have failed) before. */
	if (out->file && (fflush(out->file) || ferror(out->file)) && !out->write_errno)
		out->write_errno = errno ? errno : EIO;
	for (size_t i = 0; i < out->files.cap; i++)
		if (out->files.keys[i] && fflush(out->files.vals[i]) && !out->write_errno)
			out->write_errno = errno;
	return out->write_errno ? -out->write_errno : 0;
}

void rn_output_close(struct rn_output *out)
{
	rn_output_flush(out);
	if (out->file && out->file != stderr)
		fclose(out->file);
	out->file = NULL;
	for (size_t i = 0; i < out->files.cap; i++)
		if (out->files.keys[i])
			fclose(out->files.vals[i]);
	rn_tidmap_release(&out->files);
	rn_tidmap_release(&out->opened);
}
