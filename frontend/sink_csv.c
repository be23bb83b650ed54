// SPDX-License-Identifier: MIT
/* --format=csv: one row per call. */
#include "sink.h"
#include "cgroup.h"
#include "ident.h"

#include <string.h>

void rn_csv_field(struct rn_strbuf *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		rn_sb_puts(out, s);
		return;
	}
	rn_sb_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			rn_sb_putc(out, '"');
		rn_sb_putc(out, *s);
	}
	rn_sb_putc(out, '"');
}

/* ,comm,ppid,uid,gid,cgroup,container (empty fields when unknown) */
static void csv_ident(const struct rn_event *ev, struct rn_strbuf *out)
{
	const char *cg, *cont;
	char comm[64];

	if (!(ev->flags & RN_F_IDENT)) {
		rn_sb_puts(out, ",,,,,,");
		return;
	}
	rn_ident_comm(ev, comm, sizeof(comm));
	rn_sb_putc(out, ',');
	rn_csv_field(out, comm);
	rn_sb_printf(out, ",%u,%u,%u,", ev->ppid, ev->uid, ev->gid);
	cg = rn_cgroup_path(ev->cgroup_id);
	cont = rn_cgroup_container(ev->cgroup_id);
	rn_csv_field(out, cg ? cg : "");
	rn_sb_putc(out, ',');
	rn_csv_field(out, cont ? cont : "");
}

static void csv_line(const struct rn_fmt_ctx *c, enum rn_pid_prefix pfx,
		     const struct rn_event *ev, const struct rn_decoded *d,
		     const struct rn_frame *frames, int nframes, struct rn_strbuf *out)
{
	__s64 ns = (__s64)ev->ts_ns + c->realtime_offset_ns;
	struct rn_strbuf args;

	(void)pfx;
	(void)frames;	/* rows carry no stack (RN_FORMAT_NO_STACK) */
	(void)nframes;
	if (ev->type != RN_EV_SYSCALL)
		return;		/* CSV rows are calls only; losses are totalled on stderr */
	rn_sb_init(&args);
	for (int i = 0; i < d->nargs; i++) {
		if (i)
			rn_sb_puts(&args, ", ");
		rn_sb_put(&args, d->arg[i].buf, d->arg[i].len);
	}
	rn_sb_printf(out, "%lld.%06lld,%u,%s,", (long long)(ns / 1000000000),
		     (long long)(ns % 1000000000 / 1000), ev->tid, d->name);
	rn_csv_field(out, args.buf);
	if (d->unfinished)
		rn_sb_puts(out, ",,");
	else
		rn_sb_printf(out, ",%lld,%s", d->retval, d->err ? d->err : "");
	rn_sb_printf(out, ",%llu.%03llu", (unsigned long long)(ev->dur_ns / 1000),
		     (unsigned long long)(ev->dur_ns % 1000));
	if (c->ident_cols)
		csv_ident(ev, out);
	rn_sb_putc(out, '\n');
	rn_sb_release(&args);
}

static void csv_header(const struct rn_fmt_ctx *c, struct rn_strbuf *out)
{
	rn_sb_puts(out, c->ident_cols ? "ts,pid,syscall,args,ret,errno,dur_us,comm,ppid,uid,gid,"
		    "cgroup,container\n" : "ts,pid,syscall,args,ret,errno,dur_us\n");
}

const struct rn_format_desc rn_format_csv = {
	.name = "csv",
	.flags = RN_FORMAT_TIMED | RN_FORMAT_NO_STACK,
	.line = csv_line,
	.header = csv_header,
};
