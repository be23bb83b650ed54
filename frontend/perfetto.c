// SPDX-License-Identifier: MIT
/* The Chrome trace-event JSON writer shared by --format=perfetto and export. */
#include "perfetto.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"

/* The kernel's TASK_COMM_LEN less the NUL: what an execve makes of a name. */
#define PF_COMM_MAX 15
/* Clone children waiting for their first record (a child never traced, as
 * without -f, would otherwise be remembered for ever). */
#define PF_BORN_MAX 4096

struct pf_proc {
	bool written;		/* its process_name is in the document */
	char name[PF_COMM_MAX + 1];	/* "" when unknown */
};

int rn_pf_proc_comm(__u32 tgid, __u32 tid, char *buf, size_t len)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%u/task/%u/comm", tgid, tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n <= 0)
		return n ? -errno : -ENOENT;
	if (buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return n ? 0 : -ENOENT;
}

void rn_pf_init(struct rn_pf *p, bool per_thread, rn_pf_comm_fn comm)
{
	rn_tidmap_init(&p->threads);
	rn_tidmap_init(&p->procs);
	rn_tidmap_init(&p->born);
	p->per_thread = per_thread;
	p->comm = comm;
}

static void free_vals(struct rn_tidmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i])
			free(m->vals[i]);
	rn_tidmap_release(m);
}

void rn_pf_release(struct rn_pf *p)
{
	rn_tidmap_release(&p->threads);
	free_vals(&p->procs);
	free_vals(&p->born);
}

void rn_pf_open(struct rn_strbuf *out)
{
	rn_sb_puts(out, "{\"traceEvents\":[\n");
}

void rn_pf_close(struct rn_strbuf *out)
{
	rn_sb_puts(out, "\n],\"displayTimeUnit\":\"ns\"}\n");
}

bool rn_pf_known(const struct rn_pf *p, __u32 tid)
{
	return rn_tidmap_has(&p->threads, tid);
}

static void sep(bool *first, struct rn_strbuf *out)
{
	if (!*first)
		rn_sb_puts(out, ",\n");
	*first = false;
}

static void put_str(struct rn_strbuf *out, const char *s, size_t n)
{
	rn_sb_putc(out, '"');
	rn_json_escape(out, s, n);
	rn_sb_putc(out, '"');
}

/* ns as microseconds with three decimals: "12.345". */
static void put_us(struct rn_strbuf *out, __u64 ns)
{
	rn_sb_put_udec(out, ns / 1000);
	rn_sb_putc(out, '.');
	rn_sb_put_udec_pad(out, ns % 1000, 3);
}

static void put_meta(struct rn_strbuf *out, bool *first, const char *what, __u32 pid,
		     __u32 tid, const char *name, bool with_tid)
{
	sep(first, out);
	rn_sb_puts(out, "{\"ph\":\"M\",\"name\":\"");
	rn_sb_puts(out, what);
	rn_sb_puts(out, "\",\"pid\":");
	rn_sb_put_udec(out, pid);
	rn_sb_puts(out, ",\"tid\":");
	rn_sb_put_udec(out, tid);
	rn_sb_puts(out, ",\"args\":{\"name\":\"");
	rn_json_escape(out, name, strlen(name));
	if (with_tid) {
		rn_sb_puts(out, " (");
		rn_sb_put_udec(out, tid);
		rn_sb_putc(out, ')');
	}
	rn_sb_puts(out, "\"}}");
}

/*
 * The name an execve gives its process: the basename of the path argument
 * (execveat: the second), cut as the kernel cuts comm. Only a successful call
 * whose path was decoded as a string; else 0.
 */
static int exec_name(const struct rn_pf_rec *r, char *buf)
{
	const struct rn_pf_text *a;
	const char *s, *end, *base;
	size_t n;

	if (r->kind != RN_PF_SYSCALL || r->unfinished || r->ret != 0 || r->err)
		return 0;
	if (!strcmp(r->name, "execve") && r->nargs > 0)
		a = &r->arg[0];
	else if (!strcmp(r->name, "execveat") && r->nargs > 1)
		a = &r->arg[1];
	else
		return 0;
	if (a->len < 2 || a->s[0] != '"')
		return 0;
	s = a->s + 1;
	end = memchr(s, '"', a->len - 1);	/* decoded strings escape their quotes */
	if (!end)
		return 0;
	for (base = s; s < end; s++)
		if (*s == '/')
			base = s + 1;
	n = (size_t)(end - base);
	if (!n)
		return 0;
	if (n > PF_COMM_MAX)
		n = PF_COMM_MAX;
	memcpy(buf, base, n);
	buf[n] = '\0';
	return 1;
}

static struct pf_proc *proc_get(struct rn_pf *p, __u32 tgid)
{
	int is_new;
	void **slot = rn_tidmap_get(&p->procs, tgid, &is_new);

	if (!slot)
		return NULL;
	if (!*slot)
		*slot = calloc(1, sizeof(struct pf_proc));
	if (!*slot)
		rn_tidmap_remove(&p->procs, tgid);
	return *slot;
}

static void set_name(char *dst, const char *src)
{
	size_t n = strnlen(src, PF_COMM_MAX);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* A thread seen for the first time: the name of its process (the execve
 * that made it, /proc, the parent it was cloned from), then its own. */
static void name_new_thread(struct rn_pf *p, const struct rn_pf_rec *r, const char *exe,
			    bool *first, struct rn_strbuf *out)
{
	struct pf_proc *pr = proc_get(p, r->tgid);
	char comm[64], pidname[16];
	const char *tname = NULL;
	char *inherited = rn_tidmap_remove(&p->born, r->tid);

	snprintf(pidname, sizeof(pidname), "%u", r->tgid);
	if (pr && exe)
		set_name(pr->name, exe);
	else if (pr && !pr->name[0] && r->comm && r->tid == r->tgid)
		set_name(pr->name, r->comm);
	else if (pr && !pr->name[0] && p->comm && !p->comm(r->tgid, r->tgid, comm, sizeof(comm)))
		set_name(pr->name, comm);
	else if (pr && !pr->name[0] && inherited)
		set_name(pr->name, inherited);
	free(inherited);
	if (exe)
		tname = exe;
	else if (r->comm)
		tname = r->comm;
	else if (p->comm && !p->comm(r->tgid, r->tid, comm, sizeof(comm)))
		tname = comm;
	else if (pr && pr->name[0])
		tname = pr->name;
	if (!pr || !pr->written || p->per_thread) {
		put_meta(out, first, "process_name", r->tgid, r->tgid,
			 pr && pr->name[0] ? pr->name : pidname, false);
		if (pr)
			pr->written = true;
	}
	if (!tname) {
		snprintf(pidname, sizeof(pidname), "%u", r->tid);
		tname = pidname;
	}
	put_meta(out, first, "thread_name", r->tgid, r->tid, tname, true);
}

/* A fork's child takes its parent's name until it is seen (export has no
 * /proc to ask). */
static void note_clone(struct rn_pf *p, const struct rn_pf_rec *r)
{
	struct pf_proc *pr;
	void **slot;
	int is_new;

	if (r->kind != RN_PF_SYSCALL || r->unfinished || r->ret <= 0 || r->ret > 0xffffffffLL ||
	    (strcmp(r->name, "clone") && strcmp(r->name, "clone3") && strcmp(r->name, "fork") &&
	     strcmp(r->name, "vfork")))
		return;
	pr = proc_get(p, r->tgid);
	if (!pr || !pr->name[0] || p->born.len >= PF_BORN_MAX || rn_pf_known(p, (__u32)r->ret))
		return;
	slot = rn_tidmap_get(&p->born, (__u32)r->ret, &is_new);
	if (slot && !*slot)
		*slot = strdup(pr->name);
}

static void head(struct rn_strbuf *out, const char *ph, const char *name, size_t namelen,
		 const char *cat, const struct rn_pf_rec *r)
{
	rn_sb_puts(out, "{\"ph\":\"");
	rn_sb_puts(out, ph);
	rn_sb_puts(out, "\",\"name\":");
	put_str(out, name, namelen);
	rn_sb_puts(out, ",\"cat\":\"");
	rn_sb_puts(out, cat);
	rn_sb_puts(out, "\",\"ts\":");
	put_us(out, r->ts_ns);
}

static void ids(struct rn_strbuf *out, const struct rn_pf_rec *r)
{
	rn_sb_puts(out, ",\"pid\":");
	rn_sb_put_udec(out, r->tgid);
	rn_sb_puts(out, ",\"tid\":");
	rn_sb_put_udec(out, r->tid);
}

static void put_syscall(struct rn_strbuf *out, const struct rn_pf_rec *r)
{
	head(out, "X", r->name, strlen(r->name), "syscall", r);
	rn_sb_puts(out, ",\"dur\":");
	put_us(out, r->dur_ns);
	ids(out, r);
	rn_sb_puts(out, ",\"args\":{\"args\":[");
	for (int i = 0; i < r->nargs; i++) {
		if (i)
			rn_sb_putc(out, ',');
		put_str(out, r->arg[i].s, r->arg[i].len);
	}
	if (r->unfinished) {
		rn_sb_puts(out, "],\"ret\":null,\"unfinished\":true");
	} else {
		rn_sb_puts(out, "],\"ret\":");
		rn_sb_put_dec(out, r->ret);
		if (r->err) {
			rn_sb_puts(out, ",\"errno\":");
			put_str(out, r->err, strlen(r->err));
		}
	}
	if (r->entry_missed)
		rn_sb_puts(out, ",\"entry_missed\":true");
	if (r->nframes > 0) {
		rn_sb_puts(out, ",\"stack\":[");
		for (int i = 0; i < r->nframes; i++) {
			if (i)
				rn_sb_putc(out, ',');
			put_str(out, r->frames[i].s, r->frames[i].len);
		}
		rn_sb_putc(out, ']');
	}
	rn_sb_puts(out, "}}");
}

static void put_instant(struct rn_strbuf *out, const struct rn_pf_rec *r)
{
	static const char *const names[] = {
		[RN_PF_EXIT] = "exit", [RN_PF_ATTACH] = "attach", [RN_PF_DETACH] = "detach",
	};
	const char *name = r->kind == RN_PF_SIGNAL ? r->name : names[r->kind];

	head(out, "i", name, strlen(name), r->kind == RN_PF_SIGNAL ? "signal" : "process", r);
	rn_sb_puts(out, ",\"s\":\"t\"");
	ids(out, r);
	rn_sb_puts(out, ",\"args\":{");
	if (r->kind == RN_PF_SIGNAL && r->stopped) {
		rn_sb_puts(out, "\"stopped\":true");
	} else if (r->kind == RN_PF_SIGNAL) {
		rn_sb_puts(out, "\"siginfo\":");
		put_str(out, r->siginfo.s, r->siginfo.len);
	} else if (r->kind == RN_PF_EXIT && r->superseded) {
		rn_sb_puts(out, "\"superseded_by\":");
		rn_sb_put_dec(out, r->exit_code);
	} else if (r->kind == RN_PF_EXIT && r->exit_signal) {
		rn_sb_puts(out, "\"signal\":");
		put_str(out, r->exit_signal, strlen(r->exit_signal));
		rn_sb_puts(out, r->core_dumped ? ",\"core_dumped\":true" : ",\"core_dumped\":false");
	} else if (r->kind == RN_PF_EXIT) {
		rn_sb_puts(out, "\"code\":");
		rn_sb_put_dec(out, r->exit_code);
	}
	rn_sb_puts(out, "}}");
}

/* Lost records belong to no thread: a global instant event. */
static void put_lost(struct rn_strbuf *out, const struct rn_pf_rec *r)
{
	head(out, "i", "lost events", strlen("lost events"), "lost", r);
	rn_sb_puts(out, ",\"s\":\"g\"");
	ids(out, r);
	rn_sb_puts(out, ",\"args\":{\"count\":");
	rn_sb_put_udec(out, r->count);
	rn_sb_puts(out, "}}");
}

void rn_pf_record(struct rn_pf *p, const struct rn_pf_rec *r, bool *first,
		  struct rn_strbuf *out)
{
	char exe[PF_COMM_MAX + 1];
	bool renamed = exec_name(r, exe);
	void **named = NULL;
	struct pf_proc *pr;
	int is_new;

	/* The thread is named at its first record other than the attach that
	 * announces it: that is where the command renacer started has exec'd,
	 * and a JSON Lines trace says its name. (The value: named or not.) */
	if (r->kind != RN_PF_LOST && r->tid)
		named = rn_tidmap_get(&p->threads, r->tid, &is_new);
	if (named && !*named && r->kind != RN_PF_ATTACH) {
		name_new_thread(p, r, renamed ? exe : NULL, first, out);
		*named = p;
	} else if (renamed && (pr = proc_get(p, r->tgid)) && strcmp(pr->name, exe)) {
		/* the same thread now runs another program */
		set_name(pr->name, exe);
		put_meta(out, first, "process_name", r->tgid, r->tgid, exe, false);
		put_meta(out, first, "thread_name", r->tgid, r->tid, exe, true);
	}
	note_clone(p, r);
	sep(first, out);
	if (r->kind == RN_PF_SYSCALL)
		put_syscall(out, r);
	else if (r->kind == RN_PF_LOST)
		put_lost(out, r);
	else
		put_instant(out, r);
}

void rn_pf_forget(struct rn_pf *p, __u32 tid, __u32 tgid)
{
	rn_tidmap_remove(&p->threads, tid);
	if (tid == tgid)
		free(rn_tidmap_remove(&p->procs, tgid));
}

static const char *pf_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

void rn_pf_frame_text(struct rn_strbuf *out, const char *function, const char *file,
		      unsigned line, const char *object, __u64 offset, __u64 ip)
{
	if (function && file && line)
		rn_sb_printf(out, "%s (%s:%u)", function, pf_base_name(file), line);
	else if (function)
		rn_sb_printf(out, "%s (%s)", function, object ? pf_base_name(object) : "?");
	else if (object)
		rn_sb_printf(out, "%s+0x%llx", pf_base_name(object), (unsigned long long)offset);
	else
		rn_sb_printf(out, "0x%llx", (unsigned long long)ip);
}
