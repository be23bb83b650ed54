// SPDX-License-Identifier: MIT
/*
 * Tracee memory for the ptrace backend: the live memory source handed to the
 * decoders, and the copy of entry-time arguments into the event payload.
 *
 * Only what the capture table marks as "entry" is copied here (paths, argv,
 * input buffers and structures): those may be gone or changed by the time the
 * call returns. Output arguments are read live at the exit stop, while the
 * task is still stopped, through the memory source.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../../syscalls/syscalls.h"
#include "pt.h"
#include "../procfs.h"
#include "../sockdiag.h"

#define PT_PAGE 4096u
#define PT_SOCKADDR_MAX 128u	/* sizeof(struct sockaddr_storage) */
#define PT_ARGV_MAX 1024u	/* pointers of an argv/envp array looked at */

/* /proc/PID/mem is the fallback when process_vm_readv is unavailable or
 * forbidden (e.g. by a seccomp policy on renacer itself). */
static long mem_read_proc(pid_t tid, __u64 addr, void *buf, size_t len)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/mem", tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = pread(fd, buf, len, (off_t)addr);
	if (n < 0)
		n = -errno;
	close(fd);
	return n == 0 && len ? -EFAULT : n;
}

long pt_mem_read(pid_t tid, __u64 addr, void *buf, size_t len)
{
	struct iovec local = { .iov_base = buf, .iov_len = len };
	struct iovec remote = { .iov_base = (void *)(unsigned long)addr, .iov_len = len };
	ssize_t n;

	if (!len)
		return 0;
	n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
	if (n >= 0)
		return n;
	if (errno == ENOSYS || errno == EPERM)
		return mem_read_proc(tid, addr, buf, len);
	return -errno;
}

static long mem_src_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	struct pt_mcache *mc = &((struct pt_backend *)ctx)->mc;
	long got;

	if (mc->len && mc->tid == (pid_t)tid && addr >= mc->base &&
	    addr - mc->base <= mc->len && len <= mc->len - (addr - mc->base)) {
		memcpy(buf, mc->buf + (addr - mc->base), len);
		return (long)len;
	}
	if (mc->reads++ == 0 || len > PT_MCACHE / 2)
		return pt_mem_read((pid_t)tid, addr, buf, len);
	got = pt_mem_read((pid_t)tid, addr, mc->buf, PT_MCACHE);
	if (got < 0) {
		/* process_vm_readv never splits one iovec: a window that runs
		 * past the end of a mapping (the top of the stack) fails as a
		 * whole although the bytes asked for are there */
		mc->len = 0;
		return pt_mem_read((pid_t)tid, addr, buf, len);
	}
	mc->tid = (pid_t)tid;
	mc->base = addr;
	mc->len = (size_t)got;
	if ((size_t)got < len)
		len = (size_t)got;
	memcpy(buf, mc->buf, len);
	return (long)len;
}

void pt_mem_init(struct pt_backend *b)
{
	b->mem.read = mem_src_read;
	b->mem.fdpath = rn_proc_fdpath;
	b->mem.fddetail = rn_fd_detail;
	b->mem.ctx = b;
}

/* ---- entry capture ---- */

/* Bytes of data a new region may still hold, after its header. */
static size_t cap_room(const struct rn_event *ev)
{
	size_t used = ev->sc.payload_len + sizeof(struct rn_region);

	return used >= RN_PAYLOAD_MAX ? 0 : RN_PAYLOAD_MAX - used;
}

static struct rn_region *cap_begin(struct rn_event *ev, int arg, __u64 addr)
{
	struct rn_region *r;

	if (cap_room(ev) == 0) {
		ev->flags |= RN_F_TRUNCATED;
		return NULL;
	}
	r = (struct rn_region *)(ev->payload + ev->sc.payload_len);
	r->addr = addr;
	r->len = 0;
	r->flags = 0;
	r->arg = (__u16)arg;
	return r;
}

static void cap_end(struct rn_event *ev, struct rn_region *r)
{
	if (r->flags & RN_REG_TRUNC)
		ev->flags |= RN_F_TRUNCATED;
	ev->sc.payload_len += (__u32)(sizeof(*r) + RN_REGION_ALIGN(r->len));
}

/* Copy want bytes at addr (fewer when the payload is full or memory ends). */
static struct rn_region *cap_bytes(struct pt_task *t, int arg, __u64 addr, size_t want)
{
	struct rn_event *ev = &t->ev;
	struct rn_region *r;
	size_t n;
	long got;

	if (!addr)
		return NULL;
	r = cap_begin(ev, arg, addr);
	if (!r)
		return NULL;
	n = want < cap_room(ev) ? want : cap_room(ev);
	got = pt_mem_read(t->tid, addr, r + 1, n);
	if (got < 0) {
		r->flags |= RN_REG_FAULT;
		got = 0;
	}
	r->len = (__u32)got;
	if ((size_t)got < want)
		r->flags |= RN_REG_TRUNC;
	cap_end(ev, r);
	return r;
}

/*
 * Copy a NUL-terminated string of at most max bytes. Reads stop at page
 * boundaries (a string may end just before an unmapped page) and the first
 * read is short because most strings are.
 */
static void cap_str(struct pt_task *t, int arg, __u64 addr, size_t max)
{
	struct rn_event *ev = &t->ev;
	struct rn_region *r;
	char *data;
	size_t pos = 0, room;

	if (!addr)
		return;
	r = cap_begin(ev, arg, addr);
	if (!r)
		return;
	r->flags = RN_REG_STR;
	data = (char *)(r + 1);
	room = cap_room(ev);
	if (max > room)
		max = room;
	while (pos < max) {
		__u64 a = addr + pos;
		size_t chunk = PT_PAGE - (size_t)(a & (PT_PAGE - 1));
		char *nul;
		long got;

		if (pos == 0 && chunk > 256)
			chunk = 256;
		if (chunk > max - pos)
			chunk = max - pos;
		got = pt_mem_read(t->tid, a, data + pos, chunk);
		if (got <= 0) {
			r->flags |= pos ? RN_REG_TRUNC : RN_REG_FAULT;
			break;
		}
		nul = memchr(data + pos, '\0', (size_t)got);
		if (nul) {
			pos = (size_t)(nul - data);
			r->len = (__u32)pos;
			cap_end(ev, r);
			return;
		}
		pos += (size_t)got;
		if ((size_t)got < chunk) {
			r->flags |= RN_REG_TRUNC;
			break;
		}
	}
	if (pos >= max)
		r->flags |= RN_REG_TRUNC;
	r->len = (__u32)pos;
	cap_end(ev, r);
}

/* A NULL-terminated pointer array (argv, envp): the pointers, terminator
 * included when found, then (with strings) each string up to strsize + 1
 * bytes so the decoder can tell a longer one. */
static void cap_argv(struct pt_backend *b, struct pt_task *t, int arg, __u64 addr,
		     bool strings)
{
	struct rn_region *r;
	const __u64 *ptr;
	size_t i, n, want = PT_ARGV_MAX * sizeof(__u64);
	__u32 evflags = t->ev.flags;

	/* Asks for more than fits: only a missing terminator is a truncation. */
	r = cap_bytes(t, arg, addr, want);
	t->ev.flags = evflags;
	if (!r)
		return;
	ptr = (const __u64 *)(r + 1);
	n = r->len / sizeof(__u64);
	for (i = 0; i < n && ptr[i]; i++)
		;
	if (i < n) {
		/* Give back what lies past the terminator. */
		t->ev.sc.payload_len -= (__u32)RN_REGION_ALIGN(r->len);
		r->len = (__u32)((i + 1) * sizeof(__u64));
		r->flags &= (__u16)~RN_REG_TRUNC;
		t->ev.sc.payload_len += (__u32)RN_REGION_ALIGN(r->len);
	} else {
		r->flags |= RN_REG_TRUNC;
		t->ev.flags |= RN_F_TRUNCATED;
	}
	if (!strings)
		return;
	n = i;
	for (i = 0; i < n; i++)
		cap_str(t, arg, ptr[i], (size_t)b->cfg.strsize + 1);
}

static void cap_sockaddr_ptr(struct pt_task *t, int arg, __u64 addr, __u64 lenp)
{
	struct rn_region *r = cap_bytes(t, arg, lenp, sizeof(int));
	int len;

	if (!r || r->len < sizeof(int))
		return;
	memcpy(&len, r + 1, sizeof(len));
	if (len > 0)
		cap_bytes(t, arg, addr, (size_t)len < PT_SOCKADDR_MAX ? (size_t)len : PT_SOCKADDR_MAX);
}

static size_t cap_min(__u64 a, size_t b)
{
	return a < b ? (size_t)a : b;
}

/* -y: the path of an fd the call is about to close, while it still has one. */
static void cap_fdpath(struct pt_task *t, int fd)
{
	struct rn_event *ev = &t->ev;
	char path[PATH_MAX];
	struct rn_region *r;
	long n;

	if (fd < 0)
		return;
	n = rn_proc_fdpath(NULL, (__u32)t->tgid, fd, path, sizeof(path));
	if (n <= 0 || (size_t)n + 1 > cap_room(ev))
		return;
	r = cap_begin(ev, 0, (__u64)fd);
	if (!r)
		return;
	memcpy(ev->payload + ev->sc.payload_len + sizeof(*r), path, n);
	r->len = (__u32)n;
	r->flags = RN_REG_FDPATH | RN_REG_STR;
	cap_end(ev, r);
}

/* What a captured structure points at that the decoder also wants as the
 * call found it (bpf's BPF_OBJ_GET_INFO_BY_FD info). r is arg's region. */
static void cap_chain(struct pt_task *t, int arg, const struct rn_region *r)
{
	__u64 addr = 0;
	size_t len = rn_syscall_entry_chain(t->ev.sc.nr, t->ev.sc.args, arg, r + 1, r->len,
					    &addr);

	if (len)
		cap_bytes(t, arg, addr, len);
}

void pt_capture_entry(struct pt_backend *b, struct pt_task *t)
{
	const struct rn_cap_desc *d = rn_syscall_capture(t->ev.sc.nr);
	const __u64 *args = t->ev.sc.args;
	bool seen_argv = false;
	struct rn_region *r;
	int i;

	t->ev.sc.payload_len = 0;
	if (b->cfg.fd_paths && t->ev.sc.nr == __NR_close)
		cap_fdpath(t, (int)args[0]);
	if (!d)
		return;
	for (i = 0; i < RN_MAX_ARGS; i++) {
		const struct rn_cap_arg *a = &d->arg[i];
		__u64 len = a->len_arg < RN_MAX_ARGS ? args[a->len_arg] : 0;

		if (a->kind == RN_CAP_NONE || a->at_exit)
			continue;
		switch (a->kind) {
		case RN_CAP_STR:
			/* Paths are shown whole, other strings up to -s. */
			cap_str(t, i, args[i], b->cfg.strsize + 1 > PATH_MAX ?
				b->cfg.strsize + 1 : PATH_MAX);
			break;
		case RN_CAP_BUF_ARG:
			r = cap_bytes(t, i, args[i], cap_min(len, b->cfg.strsize));
			/* Longer than -s: shown with "...", not a full payload. */
			if (r && len > b->cfg.strsize)
				r->flags |= RN_REG_TRUNC;
			break;
		case RN_CAP_FIXED:
			r = cap_bytes(t, i, args[i], a->size);
			if (r)
				cap_chain(t, i, r);
			break;
		case RN_CAP_SOCKADDR_ARG:
			cap_bytes(t, i, args[i], cap_min(len, PT_SOCKADDR_MAX));
			break;
		case RN_CAP_SOCKADDR_PTR:
			cap_sockaddr_ptr(t, i, args[i], len);
			break;
		case RN_CAP_ARGV:
			/* The second array of execve is the environment: strace
			 * shows only its size unless -v, so skip its strings. */
			cap_argv(b, t, i, args[i], !seen_argv || b->cfg.capture_env);
			seen_argv = true;
			break;
		case RN_CAP_FIXED_ARGN:
			cap_bytes(t, i, args[i], cap_min(len, RN_PAYLOAD_MAX) * a->size);
			break;
		default:
			break;
		}
	}
}
