// SPDX-License-Identifier: MIT
/*
 * -P path tracking and --trace-fds: which arguments of a syscall are paths
 * and file descriptors (the table's roles, sys_roles()), whether an event touches
 * a selected path or fd, and the fds known to refer to a -P path.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../syscalls/mem.h"
#include "filter.h"
#include "filter_int.h"

struct fdtrack_ent {
	__u32 tgid;
	int fd;
};

struct rn_fdtrack {
	struct fdtrack_ent *v;
	size_t n, cap;
};

int rn_filter_add_path(struct rn_filter *f, const char *path)
{
	struct rn_filter_path *v, p = { .path = NULL };

	if (!path || !*path)
		return -EINVAL;
	p.path = strdup(path);
	if (!p.path)
		return -ENOMEM;
	p.resolved = realpath(path, NULL);
	if (p.resolved && !strcmp(p.resolved, path)) {
		free(p.resolved);
		p.resolved = NULL;
	}
	v = realloc(f->paths, (f->npaths + 1) * sizeof(*v));
	if (!v) {
		free(p.path);
		free(p.resolved);
		return -ENOMEM;
	}
	v[f->npaths++] = p;
	f->paths = v;
	return 0;
}

static bool path_is_selected(const struct rn_filter *f, const char *s)
{
	for (size_t i = 0; i < f->npaths; i++) {
		if (!strcmp(s, f->paths[i].path))
			return true;
		if (f->paths[i].resolved && !strcmp(s, f->paths[i].resolved))
			return true;
	}
	return false;
}

/* What each argument of nr is to -P (the table's roles and returns_fd,
 * syscalls/syscalls.def), or NULL for a number outside the table. */
static const struct rn_syscall_info *sys_roles(long nr)
{
	return rn_syscall(nr);
}

void rn_filter_backend_syscalls(const struct rn_filter *f, __u64 *words)
{
	memcpy(words, f->syscalls, sizeof(f->syscalls));
	if (!f->npaths)
		return;
	/* -P resolves fds through the calls that made them: a close at exit
	 * has no fd left to look up, so the opens must be seen too. */
	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		const struct rn_syscall_info *r = sys_roles(nr);

		if (r && r->returns_fd)
			words[nr / 64] |= 1ull << (nr % 64);
	}
}

/* Does the call's return value name a new fd for the file of its args? */
static bool returns_same_file(const struct rn_event *ev, const struct rn_syscall_info *r)
{
	const char *name = sys_name(ev->sc.nr);

	if (!r->returns_fd || ev->sc.ret < 0 || ev->sc.ret > INT_MAX ||
	    rn_filter_event_status(ev) != RN_STATUS_SUCCESSFUL)
		return false;
	if (name && !strcmp(name, "fcntl"))
		return ev->sc.args[1] == 0 /* F_DUPFD */ || ev->sc.args[1] == 1030 /* _CLOEXEC */;
	return true;
}

/* fds known to refer to a -P path, per process: needed when the fd is gone
 * by the time the event is looked at (close, an exited task, eBPF). */
static bool fdtrack_has(const struct rn_fdtrack *t, __u32 tgid, int fd)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (t->v[i].tgid == tgid && t->v[i].fd == fd)
			return true;
	return false;
}

static void fdtrack_del(struct rn_fdtrack *t, __u32 tgid, int fd)
{
	for (size_t i = 0; t && i < t->n; i++) {
		if ((t->v[i].tgid == tgid) && (fd < 0 || t->v[i].fd == fd))
			t->v[i--] = t->v[--t->n];
	}
}

static void fdtrack_add(struct rn_filter *f, __u32 tgid, int fd)
{
	struct rn_fdtrack *t = f->track;

	if (fdtrack_has(t, tgid, fd))
		return;
	if (!t) {
		t = calloc(1, sizeof(*t));
		if (!t)
			return;	/* tracking is best effort: live fdpath still works */
		f->track = t;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		struct fdtrack_ent *v = realloc(t->v, cap * sizeof(*v));

		if (!v)
			return;
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n++] = (struct fdtrack_ent){ .tgid = tgid, .fd = fd };
}

/*
 * Does fd of process tgid refer to a selected path? The live fd table is the
 * authority when it answers (an fd number may have been reused); otherwise
 * the fds seen opened from the path.
 */
static bool fd_selected(const struct rn_filter *f, __u32 tgid, long fd,
			const struct rn_memsrc *live)
{
	char buf[PATH_MAX + 16];
	long n;

	if (fd < 0 || fd > INT_MAX)
		return false;
	if (live && live->fdpath) {
		n = live->fdpath(live->ctx, tgid, (int)fd, buf, sizeof(buf));
		if (n >= 0 && (size_t)n < sizeof(buf)) {
			static const char deleted[] = " (deleted)";
			size_t dl = sizeof(deleted) - 1;

			buf[n] = '\0';
			if (path_is_selected(f, buf))
				return true;
			if ((size_t)n > dl && !strcmp(buf + n - dl, deleted)) {
				buf[n - dl] = '\0';
				return path_is_selected(f, buf);
			}
			return false;
		}
	}
	return fdtrack_has(f->track, tgid, (int)fd);
}

static bool path_arg_selected(const struct rn_filter *f, const struct rn_mem *m, __u64 addr)
{
	char buf[PATH_MAX + 1];
	bool trunc = false;
	long n = rn_mem_read_str(m, addr, buf, PATH_MAX, &trunc);

	return n >= 0 && !trunc && path_is_selected(f, buf);
}

#define RN_POLL_MAX 4096	/* pollfd entries / select fds looked at */

static bool poll_selected(const struct rn_filter *f, const struct rn_mem *m, __u64 addr,
			  __u64 nfds)
{
	for (__u64 i = 0; i < nfds && i < RN_POLL_MAX; i++) {
		__s32 fd;

		if (rn_mem_read(m, addr + i * 8, &fd, sizeof(fd)))
			return false;
		if (fd_selected(f, m->ev->tgid, fd, m->live))
			return true;
	}
	return false;
}

static bool select_selected(const struct rn_filter *f, const struct rn_mem *m)
{
	__u64 nfds = m->ev->sc.args[0];

	if (nfds > RN_POLL_MAX)
		nfds = RN_POLL_MAX;
	for (int set = 1; set <= 3; set++) {
		__u64 addr = m->ev->sc.args[set];

		for (__u64 w = 0; addr && w * 64 < nfds; w++) {
			__u64 bits;

			if (rn_mem_read(m, addr + w * 8, &bits, sizeof(bits)))
				break;
			for (int b = 0; b < 64 && w * 64 + b < nfds; b++)
				if ((bits >> b & 1) &&
				    fd_selected(f, m->ev->tgid, w * 64 + b, m->live))
					return true;
		}
	}
	return false;
}

static bool args_selected(const struct rn_filter *f, const struct rn_event *ev,
			  const struct rn_syscall_info *r, const struct rn_memsrc *live)
{
	const struct rn_mem m = { .ev = ev, .live = live };

	for (int a = 0; a < RN_MAX_ARGS && r->roles[a]; a++) {
		__u64 v = ev->sc.args[a];
		bool hit = false;

		switch (r->roles[a]) {
		case 'f':
			hit = fd_selected(f, ev->tgid, (int)v, live);
			break;
		case 'p':
			hit = path_arg_selected(f, &m, v);
			break;
		case 'P':
			hit = poll_selected(f, &m, v, ev->sc.args[a + 1]);
			break;
		case 'S':
			hit = select_selected(f, &m);
			break;
		}
		if (hit)
			return true;
	}
	return false;
}

/* Keep the fd tracking in step with what the call did to the fd table. */
static void path_track(struct rn_filter *f, const struct rn_event *ev, const struct rn_syscall_info *r,
		       bool matched, const struct rn_memsrc *live)
{
	const char *name = sys_name(ev->sc.nr);
	int fd0 = (int)ev->sc.args[0];

	if (!name)
		return;
	if (!strcmp(name, "close")) {
		fdtrack_del(f->track, ev->tgid, fd0);
	} else if (!strcmp(name, "dup2") || !strcmp(name, "dup3")) {
		if (rn_filter_event_status(ev) != RN_STATUS_SUCCESSFUL)
			return;
		if (fd_selected(f, ev->tgid, fd0, live))
			fdtrack_add(f, ev->tgid, (int)ev->sc.args[1]);
		else
			fdtrack_del(f->track, ev->tgid, (int)ev->sc.args[1]);
	} else if (matched && returns_same_file(ev, r)) {
		fdtrack_add(f, ev->tgid, (int)ev->sc.ret);
	}
}

bool rn_filter_path_match(struct rn_filter *f, const struct rn_event *ev,
			  const struct rn_memsrc *live)
{
	const struct rn_syscall_info *r;
	bool matched;

	if (!f->npaths)
		return true;
	if (ev->type == RN_EV_EXIT && !(ev->flags & (RN_F_THREAD_EXIT | RN_F_SUPERSEDED)))
		fdtrack_del(f->track, ev->tgid, -1);
	if (ev->type != RN_EV_SYSCALL)
		return true;
	r = sys_roles(ev->sc.nr);
	if (!r || (ev->flags & RN_F_ENTRY_MISSED))
		return false;
	matched = args_selected(f, ev, r, live);
	path_track(f, ev, r, matched, live);
	return matched;
}

bool rn_filter_fds_match(const struct rn_filter *f, const struct rn_event *ev)
{
	const struct rn_syscall_info *r;

	if (ev->type != RN_EV_SYSCALL || (f->trace_fds.inv && f->trace_fds.n == 0))
		return true;
	r = sys_roles(ev->sc.nr);
	if (!r || (ev->flags & RN_F_ENTRY_MISSED))
		return false;
	for (int a = 0; a < RN_MAX_ARGS && r->roles[a]; a++)
		if (r->roles[a] == 'f' && rn_filter_fd_in(&f->trace_fds, (int)ev->sc.args[a]))
			return true;
	return returns_same_file(ev, r) && rn_filter_fd_in(&f->trace_fds, ev->sc.ret);
}

bool rn_filter_match(struct rn_filter *f, const struct rn_event *ev,
		     const struct rn_memsrc *live)
{
	bool path;

	switch (ev->type) {
	case RN_EV_SYSCALL:
		/* -P runs first and always: it must see every call to track fds. */
		path = rn_filter_path_match(f, ev, live);
		return path && rn_filter_syscall(f, ev->sc.nr) && rn_filter_status(f, ev) &&
		       rn_filter_fds_match(f, ev);
	case RN_EV_ENTRY:
		/* Asked for only without -P, --trace-fds and status filters
		 * (main.c): the call's name decides. */
		return rn_filter_syscall(f, ev->sc.nr);
	case RN_EV_SIGNAL:
		return rn_filter_signal(f, ev->sig.signo);
	case RN_EV_EXIT:
		rn_filter_path_match(f, ev, live);
		return true;
	default:
		return true;
	}
}


void filter_paths_release(struct rn_filter *f)
{
	for (size_t i = 0; i < f->npaths; i++) {
		free(f->paths[i].path);
		free(f->paths[i].resolved);
	}
	free(f->paths);
	if (f->track)
		free(f->track->v);
	free(f->track);
}
