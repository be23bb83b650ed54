// SPDX-License-Identifier: MIT
/* Decoders for files and descriptors: open, read/write, stat, ... (fcntl: decode_fcntl.c) */
#include "decode_int.h"

#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>

#include "gen/decoders.h"

/* fsetxattr, fgetxattr, flistxattr, fremovexattr take an fd first. */
static bool xattr_has_fd(int nr)
{
	return nr == 190 || nr == 193 || nr == 196 || nr == 199;
}

/* "O_RDONLY|O_CLOEXEC": the access mode always shows, then the other bits. */
void pr_open_flags(struct rn_strbuf *sb, __u64 flags)
{
	flags = (__u32)flags;	/* an int */
	rn_xlat_enum(sb, rn_xl_open_access, flags & O_ACCMODE, "%lld");
	flags &= ~(__u64)O_ACCMODE;
	if (flags) {
		rn_sb_putc(sb, '|');
		rn_xlat_flags(sb, rn_xl_open_flags, flags);
	}
}

static bool open_has_mode(__u64 flags)
{
	return (flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE;
}

/* open(path, flags[, mode]) and openat(dirfd, path, flags[, mode]) */
static void open_common(struct dctx *c, int first)
{
	dc_path(c, first);
	pr_open_flags(ARG(c, first + 1), RAW(c, first + 1));
	if (open_has_mode(RAW(c, first + 1)))
		dc_mode(c, first + 2);
	else
		c->d->nargs = first + 2;
	c->rv = RV_FD;
}

void dec_open(struct dctx *c)
{
	open_common(c, 0);
}

void dec_openat(struct dctx *c)
{
	dc_dirfd(c, 0);
	open_common(c, 1);
}

void dec_openat2(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 2);
	__u64 how[3];

	dc_dirfd(c, 0);
	dc_path(c, 1);
	if (RAW(c, 3) < sizeof(how) || dc_read(c, RAW(c, 2), how, sizeof(how), false) < 0) {
		dc_ptr(c, 2);
	} else {
		rn_sb_puts(sb, "{flags=");
		pr_open_flags(sb, how[0]);
		if (how[1] || open_has_mode(how[0])) {
			rn_sb_puts(sb, ", mode=");
			pr_mode(sb, how[1]);
		}
		rn_sb_puts(sb, ", resolve=");
		rn_xlat_flags(sb, rn_xl_resolve_flags, how[2]);
		rn_sb_putc(sb, '}');
	}
	dc_ulong(c, 3);
	c->rv = RV_FD;
}

/* An output pair of descriptors: pipe, pipe2, socketpair. */
void pr_fd_pair(struct dctx *c, int i)
{
	int fds[2];

	if (!c->ok || dc_read(c, RAW(c, i), fds, sizeof(fds), true) < 0) {
		dc_ptr(c, i);
		return;
	}
	/* an array as any other: at most -s elements ("[3, ...]") */
	rn_sb_putc(ARG(c, i), '[');
	for (int k = 0; k < 2; k++) {
		rn_sb_puts(ARG(c, i), k ? ", " : "");
		if (dc_array_cut(c, k)) {
			rn_sb_puts(ARG(c, i), "...");
			break;
		}
		pr_fd(c, ARG(c, i), fds[k]);
	}
	rn_sb_putc(ARG(c, i), ']');
}

/* memfd_create(name, flags): the huge page size as "21<<MFD_HUGE_SHIFT" */
void dec_memfd_create(struct dctx *c)
{
	__u32 v = (__u32)RAW(c, 1), huge = v >> 26, rest = v & ~(0x3fu << 26);

	dc_str(c, 0);
	if (rest || !huge)
		pr_flags_unk(ARG(c, 1), rn_xl_memfd_flags, rest, "MFD_");
	if (huge)
		rn_sb_printf(ARG(c, 1), "%s%u<<MFD_HUGE_SHIFT", rest ? "|" : "", huge);
}

void dec_pipe(struct dctx *c)
{
	if (dc_stop_unfinished(c, 0))
		return;
	pr_fd_pair(c, 0);
	/* pipe2's flags: strace names them from the whole open(2) flag table */
	if (c->d->nargs > 1)
		pr_flags_unk(ARG(c, 1), rn_xl_open_flags, (__u32)RAW(c, 1), "O_");
}

/*
 * [{iov_base="ab", iov_len=2}, ...]: at most -s elements unless -v; for reads
 * only the first `data` bytes (the return value) are shown.
 */
void pr_iov(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 cnt, bool out, __u64 data)
{
	__u64 i;

	if (!addr || cnt > IOV_MAX) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '[');
	for (i = 0; i < cnt; i++) {
		__u64 iov[2];

		if (dc_read(c, addr + i * 16, iov, sizeof(iov), false) < 0) {
			if (!i) {
				sb->len--;	/* drop the '[' */
				sb->buf[sb->len] = '\0';
				pr_ptr(sb, addr);
				return;
			}
			rn_sb_printf(sb, ", ... /* %#llx */", (unsigned long long)(addr + i * 16));
			break;
		}
		if (i)
			rn_sb_puts(sb, ", ");
		if (dc_array_cut(c, i)) {
			rn_sb_puts(sb, "...");
			break;
		}
		rn_sb_puts(sb, "{iov_base=");
		if (out) {
			__u64 n = data < iov[1] ? data : iov[1];

			pr_buf_at(c, sb, iov[0], n, true);
			data -= n;
		} else {
			pr_buf_at(c, sb, iov[0], iov[1], false);
		}
		rn_sb_printf(sb, ", iov_len=%llu}", (unsigned long long)iov[1]);
	}
	rn_sb_putc(sb, ']');
}

void dec_readv(struct dctx *c)
{
	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	/* no iovecs: [] whatever the call returned, as strace */
	if (c->ok || (RAW(c, 1) && !RAW(c, 2)))
		pr_iov(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), true, c->ok ? c->sc->ret : 0);
	else
		dc_ptr(c, 1);
	dc_ulong(c, 2);
	if (c->d->nargs > 3)
		dc_long(c, 3);
	if (c->d->nargs > 5)
		dc_hex(c, 5);
	if (c->d->nargs > 4)
		dc_hex(c, 4);
}

void dec_writev(struct dctx *c)
{
	dc_fd(c, 0);
	pr_iov(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), false, 0);
	dc_ulong(c, 2);
	if (c->d->nargs > 3)
		dc_long(c, 3);
	if (c->d->nargs > 5)
		dc_hex(c, 5);
	if (c->d->nargs > 4)
		dc_hex(c, 4);
}

static void pr_dev(struct rn_strbuf *sb, __u64 dev)
{
	rn_sb_printf(sb, "makedev(%#x, %#x)", major(dev), minor(dev));
}

static void pr_stat_time(struct dctx *c, struct rn_strbuf *sb, const char *name,
			 long long sec, unsigned long nsec)
{
	(void)c;
	rn_sb_printf(sb, ", %s=%lld", name, sec);
	pr_time_comment(sb, sec, nsec);
	rn_sb_printf(sb, ", %s_nsec=%lu", name, nsec);
}

static void pr_stat(struct dctx *c, struct rn_strbuf *sb, const struct stat *st)
{
	bool dev = S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode);

	if (!c->o->verbose) {
		rn_sb_puts(sb, "{st_mode=");
		pr_symbolic_mode(sb, st->st_mode);
		if (dev) {
			rn_sb_puts(sb, ", st_rdev=");
			pr_dev(sb, st->st_rdev);
		} else {
			rn_sb_printf(sb, ", st_size=%lld", (long long)st->st_size);
		}
		rn_sb_puts(sb, ", ...}");
		return;
	}
	rn_sb_puts(sb, "{st_dev=");
	pr_dev(sb, st->st_dev);
	rn_sb_printf(sb, ", st_ino=%llu, st_mode=", (unsigned long long)st->st_ino);
	pr_symbolic_mode(sb, st->st_mode);
	rn_sb_printf(sb, ", st_nlink=%llu, st_uid=%u, st_gid=%u, st_blksize=%ld, st_blocks=%lld",
		     (unsigned long long)st->st_nlink, st->st_uid, st->st_gid,
		     (long)st->st_blksize, (long long)st->st_blocks);
	if (dev) {
		rn_sb_puts(sb, ", st_rdev=");
		pr_dev(sb, st->st_rdev);
	} else {
		rn_sb_printf(sb, ", st_size=%lld", (long long)st->st_size);
	}
	pr_stat_time(c, sb, "st_atime", st->st_atim.tv_sec, st->st_atim.tv_nsec);
	pr_stat_time(c, sb, "st_mtime", st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
	pr_stat_time(c, sb, "st_ctime", st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
	rn_sb_putc(sb, '}');
}

static void stat_arg(struct dctx *c, int i)
{
	struct stat st;

	if (!c->ok || dc_read(c, RAW(c, i), &st, sizeof(st), true) < 0)
		dc_ptr(c, i);
	else
		pr_stat(c, ARG(c, i), &st);
}

void dec_stat(struct dctx *c)
{
	dc_path(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	stat_arg(c, 1);
}

void dec_fstat(struct dctx *c)
{
	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	stat_arg(c, 1);
}

void dec_newfstatat(struct dctx *c)
{
	dc_dirfd(c, 0);
	dc_path(c, 1);
	if (dc_stop_unfinished(c, 2))
		return;
	stat_arg(c, 2);
	dc_flags(c, 3, rn_xl_at_flags);
}

static void pr_statx_ts(struct rn_strbuf *sb, const char *name,
			const struct statx_timestamp *t)
{
	rn_sb_printf(sb, ", %s={tv_sec=%lld, tv_nsec=%u}", name, (long long)t->tv_sec,
		     t->tv_nsec);
	pr_time_comment(sb, t->tv_sec, t->tv_nsec);
}

static void pr_statx(struct dctx *c, struct rn_strbuf *sb, const struct statx *s)
{
	rn_sb_puts(sb, "{stx_mask=");
	rn_xlat_flags(sb, rn_xl_statx_masks, s->stx_mask);
	if (c->o->verbose)
		rn_sb_printf(sb, ", stx_blksize=%u", s->stx_blksize);
	rn_sb_puts(sb, ", stx_attributes=");
	rn_xlat_flags(sb, rn_xl_statx_attrs, s->stx_attributes);
	if (c->o->verbose)
		rn_sb_printf(sb, ", stx_nlink=%u, stx_uid=%u, stx_gid=%u", s->stx_nlink,
			     s->stx_uid, s->stx_gid);
	rn_sb_puts(sb, ", stx_mode=");
	pr_symbolic_mode(sb, s->stx_mode);
	if (c->o->verbose)
		rn_sb_printf(sb, ", stx_ino=%llu", (unsigned long long)s->stx_ino);
	rn_sb_printf(sb, ", stx_size=%llu", (unsigned long long)s->stx_size);
	if (!c->o->verbose) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	rn_sb_printf(sb, ", stx_blocks=%llu, stx_attributes_mask=",
		     (unsigned long long)s->stx_blocks);
	rn_xlat_flags(sb, rn_xl_statx_attrs, s->stx_attributes_mask);
	pr_statx_ts(sb, "stx_atime", &s->stx_atime);
	if (s->stx_mask & STATX_BTIME)
		pr_statx_ts(sb, "stx_btime", &s->stx_btime);
	pr_statx_ts(sb, "stx_ctime", &s->stx_ctime);
	pr_statx_ts(sb, "stx_mtime", &s->stx_mtime);
	rn_sb_printf(sb, ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, "
		     "stx_dev_minor=%u", s->stx_rdev_major, s->stx_rdev_minor,
		     s->stx_dev_major, s->stx_dev_minor);
	if (s->stx_mask & 0x1000)
		rn_sb_printf(sb, ", stx_mnt_id=%#llx", (unsigned long long)s->stx_mnt_id);
	rn_sb_putc(sb, '}');
}

/* AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH; both sync bits, an invalid type,
 * print as two flags among the others, as strace shows them. */
static void statx_flags(struct rn_strbuf *sb, __u32 flags)
{
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE) {
		rn_xlat_flags(sb, rn_xl_at_flags_statx, flags);
		return;
	}
	rn_xlat_enum(sb, rn_xl_statx_sync, flags & AT_STATX_SYNC_TYPE, "%#llx");
	flags &= ~(__u32)AT_STATX_SYNC_TYPE;
	if (flags) {
		rn_sb_putc(sb, '|');
		rn_xlat_flags(sb, rn_xl_at_flags, flags);
	}
}

void dec_statx(struct dctx *c)
{
	struct statx s;

	dc_dirfd(c, 0);
	dc_path(c, 1);
	statx_flags(ARG(c, 2), (__u32)RAW(c, 2));
	rn_xlat_flags(ARG(c, 3), rn_xl_statx_masks, (__u32)RAW(c, 3));
	if (dc_stop_unfinished(c, 4))
		return;
	if (!c->ok || dc_read(c, RAW(c, 4), &s, sizeof(s), true) < 0)
		dc_ptr(c, 4);
	else
		pr_statx(c, ARG(c, 4), &s);
}

static void pr_statfs(struct dctx *c, struct rn_strbuf *sb, const struct statfs *s)
{
	(void)c;
	rn_sb_puts(sb, "{f_type=");
	rn_xlat_enum(sb, rn_xl_fs_magic, (unsigned long)s->f_type, "%#llx");
	rn_sb_printf(sb, ", f_bsize=%ld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, "
		     "f_files=%llu, f_ffree=%llu, f_fsid={val=[%#x, %#x]}, f_namelen=%ld, "
		     "f_frsize=%ld, f_flags=", (long)s->f_bsize,
		     (unsigned long long)s->f_blocks, (unsigned long long)s->f_bfree,
		     (unsigned long long)s->f_bavail, (unsigned long long)s->f_files,
		     (unsigned long long)s->f_ffree, (unsigned)s->f_fsid.__val[0],
		     (unsigned)s->f_fsid.__val[1], (long)s->f_namelen, (long)s->f_frsize);
	rn_xlat_flags(sb, rn_xl_statfs_flags, s->f_flags);
	rn_sb_putc(sb, '}');
}

static void statfs_arg(struct dctx *c, int i)
{
	struct statfs s;

	if (!c->ok || dc_read(c, RAW(c, i), &s, sizeof(s), true) < 0)
		dc_ptr(c, i);
	else
		pr_statfs(c, ARG(c, i), &s);
}

void dec_statfs(struct dctx *c)
{
	dc_path(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	statfs_arg(c, 1);
}

void dec_fstatfs(struct dctx *c)
{
	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	statfs_arg(c, 1);
}

void dec_getdents(struct dctx *c)
{
	int n;

	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	n = c->ok && !c->o->terse ? count_dirents(c, RAW(c, 1), c->sc->ret) : -1;
	if (n < 0 && c->ok && !c->o->terse && !c->o->verbose)
		n = rn_mem_count(c->mem.ev, RAW(c, 1));	/* counted by the backend */
	if (n >= 0 && c->o->verbose)
		pr_dirents(c, ARG(c, 1), RAW(c, 1), c->sc->ret);
	else if (n >= 0)
		rn_sb_printf(ARG(c, 1), "%#llx /* %d entries */", (unsigned long long)RAW(c, 1), n);
	else
		dc_ptr(c, 1);
	dc_uint(c, 2);
}

/*
 * The number of records in a getdents64 buffer of len bytes, or -1 when not
 * all of it can be read (a capture cut at -s): no guessed count.
 */
int count_dirents(struct dctx *c, __u64 addr, __s64 len)
{
	__s64 off = 0;
	int n = 0;

	while (off + 19 <= len) {
		__u16 reclen;

		if (dc_read(c, addr + off + 16, &reclen, sizeof(reclen), true) < 0 || reclen < 19)
			return -1;
		off += reclen;
		n++;
	}
	return n;
}

void pr_dirents(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __s64 len)
{
	__s64 off = 0;
	unsigned n = 0;

	rn_sb_putc(sb, '[');
	while (off + 19 <= len) {
		struct {
			__u64 ino;
			__s64 off;
			__u16 reclen;
			__u8 type;
		} __attribute__((packed)) de;

		if (dc_read(c, addr + off, &de, sizeof(de), true) < 0 || de.reclen < 19)
			break;
		if (n++)
			rn_sb_puts(sb, ", ");
		if (dc_array_cut(c, n - 1)) {
			rn_sb_puts(sb, "...");
			break;
		}
		rn_sb_printf(sb, "{d_ino=%llu, d_off=%lld, d_reclen=%u, d_type=",
			     (unsigned long long)de.ino, (long long)de.off, de.reclen);
		rn_xlat_enum(sb, rn_xl_dirent_types, de.type, "%lld");
		rn_sb_puts(sb, ", d_name=");
		pr_str_at(c, sb, addr + off + 19, de.reclen - 19);
		rn_sb_putc(sb, '}');
		off += de.reclen;
	}
	rn_sb_putc(sb, ']');
}

/* getcwd(buf, size): the result is a path of ret bytes with its NUL. */
void dec_getcwd(struct dctx *c)
{
	if (dc_stop_unfinished(c, 0))
		return;
	if (c->ok)
		pr_str_out_at(c, ARG(c, 0), RAW(c, 0), PATH_MAX - 1);
	else
		dc_ptr(c, 0);
	dc_ulong(c, 1);
}

/* mknod(path, mode, dev), mknodat(dirfd, path, mode, dev): dev only for devices */
void dec_mknod(struct dctx *c)
{
	int i = c->si->nargs == 4;	/* mknodat */

	if (i)
		dc_dirfd(c, 0);
	dc_path(c, i);
	pr_symbolic_mode(ARG(c, i + 1), (__u16)RAW(c, i + 1));	/* a umode_t */
	if ((RAW(c, i + 1) & S_IFMT) == S_IFCHR || (RAW(c, i + 1) & S_IFMT) == S_IFBLK)
		pr_dev(ARG(c, i + 2), RAW(c, i + 2));
	else
		c->d->nargs = i + 2;
}

void dec_sendfile(struct dctx *c)
{
	__s64 off;

	dc_fd(c, 0);
	dc_fd(c, 1);
	if (!RAW(c, 2))
		rn_sb_puts(ARG(c, 2), "NULL");
	else if (dc_read(c, RAW(c, 2), &off, sizeof(off), false) < 0)
		dc_ptr(c, 2);
	else
		rn_sb_printf(ARG(c, 2), "[%lld]", (long long)off);
	dc_ulong(c, 3);
}

/* The xattr family: the first argument is a path or an fd. */
static void xattr_target(struct dctx *c)
{
	if (xattr_has_fd(c->sc->nr))
		dc_fd(c, 0);
	else
		dc_path(c, 0);
}

static const struct rn_xlat fl_xattr[] = {
	XLAT_PAIR(1, "XATTR_CREATE"), XLAT_PAIR(2, "XATTR_REPLACE"), XLAT_END,
};

/* setxattr(path, name, value, size, flags) */
void dec_setxattr(struct dctx *c)
{
	xattr_target(c);
	dc_str(c, 1);
	pr_buf_at(c, ARG(c, 2), RAW(c, 2), RAW(c, 3), false);
	dc_ulong(c, 3);
	dc_flags(c, 4, fl_xattr);
}

/* {tv_sec=1, tv_nsec=2} /\* 1970-01-01T00:00:01.000000002+0000 *\/ */
static void pr_timespec_dated(struct rn_strbuf *sb, __s64 sec, __s64 nsec)
{
	rn_sb_printf(sb, "{tv_sec=%lld, tv_nsec=%lld}", (long long)sec, (long long)nsec);
	if (nsec >= 0 && nsec < 1000000000)
		pr_time_comment(sb, sec, nsec);
}

/* utimensat(dirfd, path, [{tv_sec=..., tv_nsec=...}, {...}], flags) */
void dec_utimensat(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 2);
	__s64 ts[4];
	int i;

	dc_dirfd(c, 0);
	dc_path(c, 1);
	if (!RAW(c, 2)) {
		rn_sb_puts(sb, "NULL");
	} else if (dc_read(c, RAW(c, 2), ts, sizeof(ts), false) < 0) {
		dc_ptr(c, 2);
	} else {
		for (i = 0; i < 2; i++) {
			rn_sb_puts(sb, i ? ", " : "[");
			if (ts[i * 2 + 1] == UTIME_NOW)
				rn_sb_puts(sb, "UTIME_NOW");
			else if (ts[i * 2 + 1] == UTIME_OMIT)
				rn_sb_puts(sb, "UTIME_OMIT");
			else
				pr_timespec_dated(sb, ts[i * 2], ts[i * 2 + 1]);
		}
		rn_sb_putc(sb, ']');
	}
	dc_flags(c, 3, rn_xl_at_flags);
}

void dec_signalfd4(struct dctx *c)
{
	dc_fd(c, 0);
	pr_sigset_at(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), false);
	dc_ulong(c, 2);
	if (c->d->nargs > 3)
		dc_flags(c, 3, rn_xl_sfd_flags);
	c->rv = RV_FD;
}
