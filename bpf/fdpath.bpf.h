/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * -y: the path of each descriptor a call names, resolved in the kernel.
 *
 * bpf_d_path() is not allowed from tp_btf programs, so the path is built
 * the way d_path() builds it: from task->files->fdt->fd[n]->f_path, walk
 * dentry->d_parent up to the mount's root, step from a mount's root to
 * where it is mounted (struct mount's mnt_mountpoint in its mnt_parent) and
 * stop at the root of the mount namespace (not the task's root: a chrooted
 * task's paths print whole, as the ptrace backend's readlink from renacer,
 * outside the chroot, shows them); pseudo files get the names their filesystem's
 * d_dname gives them (socket:[INODE], pipe:[INODE], anon_inode:NAME), and an
 * unlinked file " (deleted)", as readlink of /proc/PID/fd/N shows them. A
 * path longer than RN_FDPATH_CAP or deeper than RN_FDPATH_DEPTH is never
 * cut: the record says so (RN_REG_PATHCUT) and the bare fd prints. A file
 * whose name this code cannot make (another d_dname) gets no path either.
 *
 * When: at syscall exit, as the ptrace backend looks the paths up live
 * while the task is stopped there; close's at entry (by its exit the fd is
 * gone). All of it only when -y is asked (rodata rn_fdpath): the verifier
 * drops the code otherwise.
 */
#ifndef RN_BPF_FDPATH_BPF_H
#define RN_BPF_FDPATH_BPF_H

#include "bpf/common.bpf.h"
#include "bpf/capture.bpf.h"
#include "bpf/fdpath.h"

const volatile bool rn_fdpath;			/* -y */
const volatile __u16 rn_fdargs[RN_NR_MAX];	/* RN_FDA_* per syscall */
const volatile __u32 rn_nr_close = 3;		/* __NR_close */

/* the d_dname of files made by alloc_file_pseudo (memfd, shm): "/NAME (deleted)" */
extern const void simple_dname __ksym __weak;

/*
 * Linux 6.2+: bpf_rdonly_cast turns the file pointer read out of the fd array
 * into a typed (untrusted) kernel pointer, and everything the walk reads from
 * there on is a plain load the JIT guards with an exception-table entry,
 * instead of a bpf_probe_read_kernel call each (about 20 ns apiece here).
 * User space sets rn_fdp_plain where the kernel has the kfunc; otherwise the
 * verifier drops the plain-load branches and the (poisoned) call with them.
 */
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __weak;
const volatile bool rn_fdp_plain;

/* p->field, a plain load under rn_fdp_plain (p is a typed pointer there),
 * else a CO-RE probe read */
#define FDP_RD(p, field) (rn_fdp_plain ? (p)->field : BPF_CORE_READ(p, field))

enum { FDP_NONE = 0, FDP_OK, FDP_CUT };

/* Where a walked path ends in fdp_buf.path: it is written backwards from
 * here, the innermost name first; " (deleted)" goes after it. */
#define FDP_END (RN_FDPATH_CAP + 1)

/*
 * A path under construction: path[start, start + len). A walked path is
 * written backwards, ending at FDP_END; a made-up name forwards from 0. The
 * array has room for any masked start (< 512) plus any masked length.
 */
struct fdp_buf {
	__s32 fd;
	__u32 start;
	__u32 len;
	__u32 state;		/* FDP_* */
	char path[2 * FDP_END];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct fdp_buf);
} fdpbuf SEC(".maps");

/* close's path, taken at entry; allocated only under -y, for tasks that close */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct fdp_buf);
} fdpclose SEC(".maps");

/* What the walk needs of a dentry: its parent and name, in one read where
 * the kernel keeps them side by side (it does: d_parent, then d_name). */
struct fdp_dent {
	struct dentry *parent;
	__u64 hash_len;		/* struct qstr: hash, then len (little-endian) */
	const unsigned char *name;
};

static __always_inline void fdp_dent(struct dentry *d, struct fdp_dent *o)
{
	if (rn_fdp_plain) {
		o->parent = d->d_parent;
		o->hash_len = d->d_name.hash_len;
		o->name = d->d_name.name;
		return;
	}
	if (bpf_core_field_offset(struct dentry, d_name) ==
	    bpf_core_field_offset(struct dentry, d_parent) + 8 &&
	    bpf_core_field_size(struct dentry, d_name) == 16) {
		bpf_probe_read_kernel(o, sizeof(*o),
				      (void *)d + bpf_core_field_offset(struct dentry, d_parent));
		return;
	}
	o->parent = BPF_CORE_READ(d, d_parent);
	bpf_core_read(&o->hash_len, 16, &d->d_name);
}

struct fdp_walk {
	struct fdp_buf *b;
	struct dentry *d;
	struct mount *m;
	struct dentry *mnt_root;	/* m's root */
	__u32 pos;			/* the path starts at b->path[pos] */
	__u32 done;
};

static __always_inline struct vfsmount *fdp_vfsmount(struct mount *m)
{
	return (void *)m + bpf_core_field_offset(struct mount, mnt);
}

/* One step up: prepend "/name", or cross to where the mount is mounted. */
static long fdp_up(__u32 i, void *ctx)
{
	struct fdp_walk *w = ctx;
	struct mount *m = w->m, *pm;	/* locals: CO-RE reads relocate whole expressions */
	struct dentry *d = w->d;
	struct fdp_dent e = {};
	__u32 n, at;

	(void)i;
	fdp_dent(d, &e);
	if (d == w->mnt_root || d == e.parent) {
		if (d != w->mnt_root) {
			w->done = FDP_NONE;	/* disconnected: no path */
			return 1;
		}
		pm = FDP_RD(m, mnt_parent);
		if (pm == m || !pm) {
			w->done = FDP_OK;	/* the namespace's root */
			return 1;
		}
		w->d = FDP_RD(m, mnt_mountpoint);
		w->m = pm;
		w->mnt_root = rn_fdp_plain ? pm->mnt.mnt_root :
			      BPF_CORE_READ(fdp_vfsmount(pm), mnt_root);
		return 0;
	}
	n = e.hash_len >> 32;
	if (n + 2 > w->pos || n > 255) {
		w->done = FDP_CUT;	/* the path would not fit the cap */
		return 1;
	}
	w->pos -= n;
	at = w->pos;
	/* keep the masks: the compiler would drop them after the check */
	barrier_var(at);
	barrier_var(n);
	bpf_probe_read_kernel(&w->b->path[at & RN_FDPATH_CAP], n & 255, e.name);
	w->pos--;
	at = w->pos;
	barrier_var(at);
	w->b->path[at & RN_FDPATH_CAP] = '/';
	w->d = e.parent;
	return 0;
}

/* Append len bytes at src to a made-up name; false, and the name marked too
 * long, when they do not fit the cap. */
static __always_inline bool fdp_put(struct fdp_buf *b, const void *src, __u32 len)
{
	__u32 off = b->len, at = off, n = len;

	if (off + len > RN_FDPATH_CAP) {
		b->state = FDP_CUT;
		return false;
	}
	barrier_var(at);
	barrier_var(n);
	bpf_probe_read_kernel(&b->path[at & RN_FDPATH_CAP], n & 255, src);
	b->len = off + len;
	return true;
}

/* v in decimal (an inode number). */
static __always_inline void fdp_dec(struct fdp_buf *b, __u64 v)
{
	__u32 n = 1, i, off = b->len;
	__u64 t = v;

	for (i = 0; i < 19 && t >= 10; i++) {
		t /= 10;
		n++;
	}
	if (off + n > RN_FDPATH_CAP) {
		b->state = FDP_CUT;
		return;
	}
	for (i = 0; i < 20 && i < n; i++) {
		t = off + n - 1 - i;
		barrier_var(t);
		b->path[t & RN_FDPATH_CAP] = '0' + v % 10;
		v /= 10;
	}
	b->len = off + n;
}

/* The made-up names of pseudo files; false when d is not one. */
static __always_inline bool fdp_pseudo(struct fdp_buf *b, struct dentry *d)
{
	void *dname = rn_fdp_plain ? (void *)d->d_op->d_dname :
				     (void *)BPF_CORE_READ(d, d_op, d_dname);
	__u64 magic;
	struct qstr q = {};

	if (!dname)
		return false;
	b->start = 0;
	magic = rn_fdp_plain ? d->d_sb->s_magic : BPF_CORE_READ(d, d_sb, s_magic);
	if (magic == RN_SOCKFS_MAGIC || magic == RN_PIPEFS_MAGIC) {
		if (magic == RN_SOCKFS_MAGIC)
			fdp_put(b, "socket:[", 8);
		else
			fdp_put(b, "pipe:[", 6);
		fdp_dec(b, rn_fdp_plain ? d->d_inode->i_ino : BPF_CORE_READ(d, d_inode, i_ino));
		fdp_put(b, "]", 1);
	} else if (magic == RN_ANON_INODE_FS_MAGIC) {
		bpf_core_read(&q, sizeof(q), &d->d_name);
		fdp_put(b, "anon_inode:", 11);
		fdp_put(b, q.name, q.len);
	} else if (dname == &simple_dname && &simple_dname) {
		bpf_core_read(&q, sizeof(q), &d->d_name);
		fdp_put(b, "/", 1);
		fdp_put(b, q.name, q.len);
		fdp_put(b, " (deleted)", 10);
	} else {
		b->state = FDP_NONE;	/* a name this code cannot make */
		return true;
	}
	if (b->state != FDP_CUT)
		b->state = FDP_OK;
	return true;
}

/* Resolve path p (a file's f_path, or the cwd) into b. */
static __noinline void fdp_path(struct fdp_buf *b, const struct path *p)
{
	struct fdp_walk w = { .b = b, .pos = FDP_END, .done = FDP_CUT };
	struct path fp = {};
	struct dentry *d0;

	b->len = 0;
	b->state = FDP_NONE;
	if (rn_fdp_plain) {
		fp.dentry = p->dentry;
		fp.mnt = p->mnt;
	} else {
		bpf_core_read(&fp, sizeof(fp), p);
	}
	w.d = d0 = fp.dentry;
	if (!fp.dentry || !fp.mnt)
		return;
	if (fdp_pseudo(b, w.d))
		return;
	w.m = (void *)fp.mnt - bpf_core_field_offset(struct mount, mnt);
	if (rn_fdp_plain)
		w.m = bpf_rdonly_cast(w.m, bpf_core_type_id_kernel(struct mount));
	w.mnt_root = FDP_RD(fp.mnt, mnt_root);
	/* still going after the last step (w.done's FDP_CUT): too deep */
	bpf_loop(RN_FDPATH_DEPTH + 16, fdp_up, &w, 0);
	if (w.done != FDP_OK) {
		b->state = w.done;
		return;
	}
	if (w.pos == FDP_END)
		b->path[--w.pos] = '/';		/* the root itself */
	b->start = w.pos;
	b->len = FDP_END - w.pos;
	b->state = FDP_OK;
	/* d_unlinked(): unhashed and not a root */
	if (!FDP_RD(d0, d_hash.pprev) && FDP_RD(d0, d_parent) != d0) {
		if (b->len + 10 > RN_FDPATH_CAP) {
			b->state = FDP_CUT;
			return;
		}
		bpf_probe_read_kernel(&b->path[FDP_END], 10, " (deleted)");
		b->len += 10;
	}
}

/* Resolve descriptor fd of the current task (AT_FDCWD: its cwd) into b.
 * The task pointer is trusted: plain loads walk it to the fd array, no
 * helper calls; only the array slot needs one. */
static __noinline void fdp_fd(struct fdp_buf *b, int fd)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct files_struct *files;
	struct file *f = NULL, **arr;
	struct fdtable *fdt;

	b->fd = fd;
	b->len = 0;
	b->state = FDP_NONE;
	if (fd == RN_AT_FDCWD) {
		fdp_path(b, &t->fs->pwd);
		return;
	}
	if (fd < 0)
		return;
	files = t->files;
	if (!files)
		return;
	fdt = files->fdt;
	if (!fdt || (__u32)fd >= fdt->max_fds)
		return;
	arr = fdt->fd;
	if (bpf_probe_read_kernel(&f, sizeof(f), &arr[fd]) || !f)
		return;
	if (rn_fdp_plain)
		f = bpf_rdonly_cast(f, bpf_core_type_id_kernel(struct file));
	fdp_path(b, &f->f_path);
}

/* b as an RN_REG_FDPATH region of the record (addr: the fd); a path over
 * the cap as an empty RN_REG_PATHCUT one, for the count at exit. */
static __noinline void fdp_emit(struct rn_scratch *s, struct fdp_buf *b)
{
	__u32 room = 0, len = b->len;
	__u64 fd = (__u64)(__s64)b->fd;
	void *dst;
	int off;

	if (b->state == FDP_NONE)
		return;
	off = region_start(s, &room);
	if (off < 0)
		return;
	if (b->state == FDP_CUT) {
		region_end(s, off, fd, 0, RN_REG_FDPATH | RN_REG_PATHCUT, 0);
		return;
	}
	if (len > room) {
		s->ev.flags |= RN_F_TRUNCATED;
		return;
	}
	dst = &s->ev.payload[(off & (RN_PAYLOAD_MAX - 1)) + sizeof(struct rn_region)];
	bpf_probe_read_kernel(dst, len & RN_FDPATH_CAP, &b->path[b->start & RN_FDPATH_CAP]);
	region_end(s, off, fd, len, RN_REG_FDPATH | RN_REG_STR, 0);
}

static __always_inline void fdp_one(struct rn_scratch *s, struct fdp_buf *b, int fd)
{
	fdp_fd(b, fd);
	fdp_emit(s, b);
}

/* sys_enter: close's path, before the call drops it. */
static __always_inline void fdpath_enter(struct rn_pend *p, long nr)
{
	struct fdp_buf *b;

	if (!rn_fdpath || nr != rn_nr_close)
		return;
	b = bpf_task_storage_get(&fdpclose, bpf_get_current_task_btf(), 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (b)
		fdp_fd(b, (int)p->args[0]);
}

/* sys_exit: the paths of the call's descriptors, into its record. */
static __always_inline void fdpath_exit(struct rn_scratch *s, __u32 nr)
{
	__u32 zero = 0, m, i;
	struct fdp_buf *b;
	__s64 ret = s->ev.sc.ret;
	__u64 addr = 0;
	int pair[2];

	if (!rn_fdpath || nr >= RN_NR_MAX)
		return;
	if (nr == rn_nr_close) {
		b = bpf_task_storage_get(&fdpclose, bpf_get_current_task_btf(), 0, 0);
		if (b && b->fd == (int)s->ev.sc.args[0])
			fdp_emit(s, b);
		return;
	}
	m = rn_fdargs[nr & (RN_NR_MAX - 1)];
	if (!m)
		return;
	b = bpf_map_lookup_elem(&fdpbuf, &zero);
	if (!b)
		return;
	for (i = 0; i < RN_MAX_ARGS; i++)
		if (m & (1u << i))
			fdp_one(s, b, (int)s->ev.sc.args[i]);
	if ((m & RN_FDA_RET) && ret >= 0 && ret < 0x7fffffff)
		fdp_one(s, b, (int)ret);
	if (!(m & RN_FDA_PAIR) || ret != 0)
		return;
	for (i = 0; i < RN_MAX_ARGS; i++)
		if (i == RN_FDA_PAIR_ARG(m))
			addr = s->ev.sc.args[i];
	if (addr && !bpf_probe_read_user(pair, sizeof(pair), (void *)addr)) {
		fdp_one(s, b, pair[0]);
		fdp_one(s, b, pair[1]);
	}
}

#endif /* RN_BPF_FDPATH_BPF_H */
