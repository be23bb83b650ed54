// SPDX-License-Identifier: MIT
/*
 * ioctl requests on files (FS_IOC_*, FICLONE*, FIDEDUPERANGE, FIFREEZE,
 * FITRIM, FS_IOC_FS[GS]ETXATTR), block devices (BLK*), loop devices
 * (LOOP_*), /dev/random (RND*), perf events (PERF_EVENT_IOC_*) and
 * namespace files (NS_GET_*), as strace 6.1 prints them.
 */
#include "ioctl_int.h"

#include <string.h>
#include <sys/sysmacros.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/random.h>

/* At most this many array elements are ever read, whatever a count says. */
#define IOC_ARRAY_MAX	4096

/* --- files */

static const struct rn_xlat fs_flags[] = {
	XLAT(FS_SECRM_FL), XLAT(FS_UNRM_FL), XLAT(FS_COMPR_FL), XLAT(FS_SYNC_FL),
	XLAT(FS_IMMUTABLE_FL), XLAT(FS_APPEND_FL), XLAT(FS_NODUMP_FL), XLAT(FS_NOATIME_FL),
	XLAT(FS_DIRTY_FL), XLAT(FS_COMPRBLK_FL), XLAT(FS_NOCOMP_FL), XLAT(FS_ENCRYPT_FL),
	XLAT(FS_INDEX_FL), XLAT(FS_IMAGIC_FL), XLAT(FS_JOURNAL_DATA_FL), XLAT(FS_NOTAIL_FL),
	XLAT(FS_DIRSYNC_FL), XLAT(FS_TOPDIR_FL), XLAT(FS_HUGE_FILE_FL), XLAT(FS_EXTENT_FL),
	XLAT(FS_VERITY_FL), XLAT(FS_EA_INODE_FL), XLAT(FS_EOFBLOCKS_FL), XLAT(FS_NOCOW_FL),
	XLAT(FS_DAX_FL), XLAT(FS_INLINE_DATA_FL), XLAT(FS_PROJINHERIT_FL),
	XLAT(FS_CASEFOLD_FL), XLAT(FS_RESERVED_FL), XLAT_END,
};

static const struct rn_xlat fs_xflags[] = {
	XLAT(FS_XFLAG_REALTIME), XLAT(FS_XFLAG_PREALLOC), XLAT(FS_XFLAG_IMMUTABLE),
	XLAT(FS_XFLAG_APPEND), XLAT(FS_XFLAG_SYNC), XLAT(FS_XFLAG_NOATIME),
	XLAT(FS_XFLAG_NODUMP), XLAT(FS_XFLAG_RTINHERIT), XLAT(FS_XFLAG_PROJINHERIT),
	XLAT(FS_XFLAG_NOSYMLINKS), XLAT(FS_XFLAG_EXTSIZE), XLAT(FS_XFLAG_EXTSZINHERIT),
	XLAT(FS_XFLAG_NODEFRAG), XLAT(FS_XFLAG_FILESTREAM), XLAT(FS_XFLAG_DAX),
	XLAT(FS_XFLAG_COWEXTSIZE), XLAT(FS_XFLAG_HASATTR), XLAT_END,
};

static const struct rn_xlat fiemap_flags[] = {
	XLAT(FIEMAP_FLAG_SYNC), XLAT(FIEMAP_FLAG_XATTR), XLAT(FIEMAP_FLAG_CACHE), XLAT_END,
};

static const struct rn_xlat fiemap_extent_flags[] = {
	XLAT(FIEMAP_EXTENT_LAST), XLAT(FIEMAP_EXTENT_UNKNOWN), XLAT(FIEMAP_EXTENT_DELALLOC),
	XLAT(FIEMAP_EXTENT_ENCODED), XLAT(FIEMAP_EXTENT_DATA_ENCRYPTED),
	XLAT(FIEMAP_EXTENT_NOT_ALIGNED), XLAT(FIEMAP_EXTENT_DATA_INLINE),
	XLAT(FIEMAP_EXTENT_DATA_TAIL), XLAT(FIEMAP_EXTENT_UNWRITTEN), XLAT(FIEMAP_EXTENT_MERGED),
	XLAT(FIEMAP_EXTENT_SHARED), XLAT_END,
};

/* the extents the call mapped, from the array after the header (-v) */
static void pr_fiemap_extents(struct ioc *k, __u32 n)
{
	struct fiemap_extent e;
	__u64 at = k->arg + sizeof(struct fiemap);
	__u32 i;

	rn_sb_puts(k->sb, "fm_extents=[");
	for (i = 0; i < n; i++, at += sizeof(e)) {
		if (i)
			rn_sb_puts(k->sb, ", ");
		if (i >= IOC_ARRAY_MAX || dc_read(k->c, at, &e, sizeof(e), true) < 0) {
			rn_sb_puts(k->sb, "...");
			break;
		}
		rn_sb_printf(k->sb, "{fe_logical=%llu, fe_physical=%llu, fe_length=%llu, fe_flags=",
			     (unsigned long long)e.fe_logical, (unsigned long long)e.fe_physical,
			     (unsigned long long)e.fe_length);
		ioc_pr_flags(k->sb, fiemap_extent_flags, e.fe_flags, "FIEMAP_EXTENT_???");
		rn_sb_putc(k->sb, '}');
	}
	rn_sb_putc(k->sb, ']');
}

/* {fm_start=0, ..., fm_extent_count=2} => {fm_flags=..., fm_mapped_extents=1, ...} */
static int file_fiemap(struct ioc *k)
{
	struct fiemap fm;
	int r = ioc_get(k, &fm, sizeof(fm), false);

	if (r != IOC_READ)
		return r;
	if (!k->c->exiting)
		return IOC_EXIT;
	rn_sb_printf(k->sb, "{fm_start=%llu, fm_length=%llu, fm_flags=",
		     (unsigned long long)fm.fm_start, (unsigned long long)fm.fm_length);
	ioc_pr_flags(k->sb, fiemap_flags, fm.fm_flags, "FIEMAP_FLAG_???");
	rn_sb_printf(k->sb, ", fm_extent_count=%u}", fm.fm_extent_count);
	if (!k->c->ok || dc_read(k->c, k->arg, &fm, sizeof(fm), true) < 0)
		return IOC_DONE;
	rn_sb_puts(k->sb, " => {fm_flags=");
	ioc_pr_flags(k->sb, fiemap_flags, fm.fm_flags, "FIEMAP_FLAG_???");
	rn_sb_printf(k->sb, ", fm_mapped_extents=%u, ", fm.fm_mapped_extents);
	if (k->c->o->verbose)
		pr_fiemap_extents(k, fm.fm_mapped_extents);
	else
		rn_sb_puts(k->sb, "...");
	rn_sb_putc(k->sb, '}');
	return IOC_DONE;
}

static int file_xattr(struct ioc *k, bool out)
{
	struct fsxattr x;
	int r = ioc_get(k, &x, sizeof(x), out);

	if (r != IOC_READ)
		return r;
	rn_sb_puts(k->sb, "{fsx_xflags=");
	ioc_pr_flags(k->sb, fs_xflags, x.fsx_xflags, "FS_XFLAG_???");
	rn_sb_printf(k->sb, ", fsx_extsize=%u", x.fsx_extsize);
	if (out)
		rn_sb_printf(k->sb, ", fsx_nextents=%u", x.fsx_nextents);
	rn_sb_printf(k->sb, ", fsx_projid=%#x, fsx_cowextsize=%u}", x.fsx_projid,
		     x.fsx_cowextsize);
	return IOC_DONE;
}

static int file_clone_range(struct ioc *k)
{
	struct file_clone_range r;
	int res = ioc_get(k, &r, sizeof(r), false);

	if (res != IOC_READ)
		return res;
	rn_sb_puts(k->sb, "{src_fd=");
	pr_fd(k->c, k->sb, (int)r.src_fd);
	rn_sb_printf(k->sb, ", src_offset=%llu, src_length=%llu, dest_offset=%llu}",
		     (unsigned long long)r.src_offset, (unsigned long long)r.src_length,
		     (unsigned long long)r.dest_offset);
	return IOC_DONE;
}

/* Without -v strace shows the first two destinations (fewer at -s 1 or 0). */
static bool dedupe_cut(struct ioc *k, unsigned i)
{
	return !k->c->o->verbose && (i >= 2 || i >= k->c->o->strsize);
}

/* the destinations the call was asked to compare with */
static void pr_dedupe_info(struct ioc *k, __u16 n)
{
	struct file_dedupe_range_info in;
	__u64 at = k->arg + sizeof(struct file_dedupe_range);
	unsigned i;

	rn_sb_puts(k->sb, ", info=[");
	for (i = 0; i < n; i++, at += sizeof(in)) {
		if (i)
			rn_sb_puts(k->sb, ", ");
		if (dedupe_cut(k, i) || dc_read(k->c, at, &in, sizeof(in), false) < 0) {
			rn_sb_puts(k->sb, "...");
			break;
		}
		rn_sb_puts(k->sb, "{dest_fd=");
		pr_fd(k->c, k->sb, (int)in.dest_fd);
		rn_sb_printf(k->sb, ", dest_offset=%llu}", (unsigned long long)in.dest_offset);
	}
	rn_sb_puts(k->sb, "]}");
}

/* What the call did for each destination (not seen run against strace:
 * no filesystem here dedupes). */
static void pr_dedupe_result(struct ioc *k, __u16 n)
{
	struct file_dedupe_range_info in;
	__u64 at = k->arg + sizeof(struct file_dedupe_range);
	unsigned i;

	rn_sb_puts(k->sb, " => {info=[");
	for (i = 0; i < n; i++, at += sizeof(in)) {
		if (i)
			rn_sb_puts(k->sb, ", ");
		if (dedupe_cut(k, i) || dc_read(k->c, at, &in, sizeof(in), true) < 0) {
			rn_sb_puts(k->sb, "...");
			break;
		}
		rn_sb_printf(k->sb, "{bytes_deduped=%llu, status=%d}",
			     (unsigned long long)in.bytes_deduped, in.status);
	}
	rn_sb_puts(k->sb, "]}");
}

static int file_dedupe(struct ioc *k)
{
	struct file_dedupe_range d;
	int r = ioc_get(k, &d, sizeof(d), false);

	if (r != IOC_READ)
		return r;
	rn_sb_printf(k->sb, "{src_offset=%llu, src_length=%llu, dest_count=%u",
		     (unsigned long long)d.src_offset, (unsigned long long)d.src_length,
		     d.dest_count);
	pr_dedupe_info(k, d.dest_count);
	if (!k->c->exiting)
		return IOC_EXIT;
	if (k->c->ok)
		pr_dedupe_result(k, d.dest_count);
	return IOC_DONE;
}

static int file_trim(struct ioc *k)
{
	struct fstrim_range t;
	int r = ioc_get(k, &t, sizeof(t), false);

	if (r != IOC_READ)
		return r;
	rn_sb_printf(k->sb, "{start=%#llx, len=%llu, minlen=%llu}", (unsigned long long)t.start,
		     (unsigned long long)t.len, (unsigned long long)t.minlen);
	return IOC_DONE;
}

/* FS_IOC_[GS]ETFSLABEL: a NUL-terminated label in FSLABEL_MAX bytes */
static int file_label(struct ioc *k, bool out)
{
	char label[FSLABEL_MAX];
	int r = ioc_get(k, label, sizeof(label), out);

	if (r != IOC_READ)
		return r;
	ioc_pr_cstr(k->sb, label, sizeof(label));
	return IOC_DONE;
}

int ioc_file(struct ioc *k)
{
	switch (k->req) {
	case FS_IOC_GETFLAGS: case FS_IOC32_GETFLAGS:
		return ioc_flags(k, fs_flags, "FS_???_FL", true);
	case FS_IOC_SETFLAGS: case FS_IOC32_SETFLAGS:
		return ioc_flags(k, fs_flags, "FS_???_FL", false);
	case FS_IOC_FIEMAP:
		return file_fiemap(k);
	case FS_IOC_FSGETXATTR: case FS_IOC_FSSETXATTR:
		return file_xattr(k, k->req == FS_IOC_FSGETXATTR);
	case FICLONE:
		return ioc_int(k);
	case FICLONERANGE:
		return file_clone_range(k);
	case FIDEDUPERANGE:
		return file_dedupe(k);
	case FITRIM:
		return file_trim(k);
	case FS_IOC_GETFSLABEL: case FS_IOC_SETFSLABEL:
		return file_label(k, k->req == FS_IOC_GETFSLABEL);
	case FIFREEZE: case FITHAW:
		return IOC_NOARG;
	}
	return IOC_HEX;
}

/* --- block devices */

static const struct rn_xlat blkpg_ops[] = {
	XLAT(BLKPG_ADD_PARTITION), XLAT(BLKPG_DEL_PARTITION), XLAT(BLKPG_RESIZE_PARTITION),
	XLAT_END,
};

static int blk_pg(struct ioc *k)
{
	struct blkpg_ioctl_arg a;
	struct blkpg_partition p;
	int r = ioc_get(k, &a, sizeof(a), false);

	if (r != IOC_READ)
		return r;
	rn_sb_puts(k->sb, "{op=");
	rn_xlat_enum_unk(k->sb, blkpg_ops, (__u32)a.op, "BLKPG_");
	rn_sb_printf(k->sb, ", flags=%d, datalen=%d, data=", a.flags, a.datalen);
	if (!a.data || dc_read(k->c, (__u64)(unsigned long)a.data, &p, sizeof(p), false) < 0) {
		pr_ptr(k->sb, (__u64)(unsigned long)a.data);
	} else {
		rn_sb_printf(k->sb, "{start=%lld, length=%lld, pno=%d, devname=", p.start,
			     p.length, p.pno);
		ioc_pr_cstr(k->sb, p.devname, sizeof(p.devname));
		rn_sb_puts(k->sb, ", volname=");
		ioc_pr_cstr(k->sb, p.volname, sizeof(p.volname));
		rn_sb_putc(k->sb, '}');
	}
	rn_sb_putc(k->sb, '}');
	return IOC_DONE;
}

/* {act_mask=.., pid=0, name="loop0"}: the name the call gave back at exit */
static int blk_trace_setup(struct ioc *k)
{
	struct blk_user_trace_setup t;
	int r = ioc_get(k, &t, sizeof(t), false);

	if (r != IOC_READ)
		return r;
	if (!k->c->exiting)
		return IOC_EXIT;
	rn_sb_printf(k->sb, "{act_mask=%u, buf_size=%u, buf_nr=%u, start_lba=%llu, "
		     "end_lba=%llu, pid=%u", t.act_mask, t.buf_size, t.buf_nr,
		     (unsigned long long)t.start_lba, (unsigned long long)t.end_lba, t.pid);
	if (k->c->ok && dc_read(k->c, k->arg, &t, sizeof(t), true) == 0) {
		rn_sb_puts(k->sb, ", name=");
		ioc_pr_cstr(k->sb, t.name, sizeof(t.name));
	}
	rn_sb_putc(k->sb, '}');
	return IOC_DONE;
}

/* BLKDISCARD, BLKSECDISCARD, BLKZEROOUT: [start, length] */
static int blk_range(struct ioc *k)
{
	__u64 v[2];
	int r = ioc_get(k, v, sizeof(v), false);

	if (r != IOC_READ)
		return r;
	rn_sb_printf(k->sb, "[%llu, %llu]", (unsigned long long)v[0], (unsigned long long)v[1]);
	return IOC_DONE;
}

int ioc_block(struct ioc *k)
{
	switch (k->req) {
	case BLKROGET: case BLKSSZGET: case BLKBSZGET: case BLKALIGNOFF:
		return ioc_num(k, 4, true, true);
	case BLKIOMIN: case BLKIOOPT: case BLKPBSZGET: case BLKDISCARDZEROES:
		return ioc_num(k, 4, false, true);
	case BLKSECTGET: case BLKROTATIONAL:
		return ioc_num(k, 2, false, true);
	case BLKRAGET: case BLKFRAGET:
		return ioc_num(k, 8, true, true);
	case BLKGETSIZE: case BLKGETSIZE64: case BLKGETDISKSEQ:
		return ioc_num(k, 8, false, true);
	case BLKROSET: case BLKBSZSET:
		return ioc_num(k, 4, true, false);
	case BLKRASET: case BLKFRASET:
		return ioc_ulong(k);
	case BLKDISCARD: case BLKSECDISCARD: case BLKZEROOUT:
		return blk_range(k);
	case BLKPG:
		return blk_pg(k);
	case BLKTRACESETUP:
		return blk_trace_setup(k);
	case BLKRRPART: case BLKFLSBUF: case BLKTRACESTART: case BLKTRACESTOP:
	case BLKTRACETEARDOWN:
		return IOC_NOARG;
	}
	return IOC_HEX;
}

/* --- loop devices */

static const struct rn_xlat lo_crypts[] = {
	XLAT(LO_CRYPT_NONE), XLAT(LO_CRYPT_XOR), XLAT(LO_CRYPT_DES), XLAT(LO_CRYPT_FISH2),
	XLAT(LO_CRYPT_BLOW), XLAT(LO_CRYPT_CAST128), XLAT(LO_CRYPT_IDEA), XLAT(LO_CRYPT_DUMMY),
	XLAT(LO_CRYPT_SKIPJACK), XLAT(LO_CRYPT_CRYPTOAPI), XLAT_END,
};

static const struct rn_xlat lo_flags[] = {
	XLAT(LO_FLAGS_READ_ONLY), XLAT_PAIR(2, "LO_FLAGS_USE_AOPS"), XLAT(LO_FLAGS_AUTOCLEAR),
	XLAT(LO_FLAGS_PARTSCAN), XLAT(LO_FLAGS_DIRECT_IO), XLAT_END,
};

static void pr_dev(struct rn_strbuf *sb, const char *name, __u64 dev)
{
	rn_sb_printf(sb, "%s=makedev(%#x, %#x)", name, major(dev), minor(dev));
}

static void pr_lo_type(struct rn_strbuf *sb, __u32 type, __u32 key_size)
{
	rn_sb_puts(sb, ", lo_encrypt_type=");
	rn_xlat_enum_unk(sb, lo_crypts, type, "LO_CRYPT_");
	rn_sb_printf(sb, ", lo_encrypt_key_size=%u", key_size);
}

/* the key: as many of its 32 bytes as lo_encrypt_key_size says */
static void pr_lo_key(struct rn_strbuf *sb, const __u8 *key, __u32 size)
{
	rn_sb_puts(sb, ", lo_encrypt_key=");
	pr_quoted(sb, key, size < LO_KEY_SIZE ? size : LO_KEY_SIZE, false);
}

/* struct loop_info64: without -v the offset, number, flags and file name,
 * the encryption fields only when there is encryption */
static void pr_loop64(struct dctx *c, struct rn_strbuf *sb, const struct loop_info64 *l)
{
	bool v = c->o->verbose, crypt = v || l->lo_encrypt_type;

	rn_sb_putc(sb, '{');
	if (v) {
		pr_dev(sb, "lo_device", l->lo_device);
		rn_sb_printf(sb, ", lo_inode=%llu, ", (unsigned long long)l->lo_inode);
		pr_dev(sb, "lo_rdevice", l->lo_rdevice);
		rn_sb_puts(sb, ", ");
	}
	rn_sb_printf(sb, "lo_offset=%#llx", (unsigned long long)l->lo_offset);
	if (v)
		rn_sb_printf(sb, ", lo_sizelimit=%llu", (unsigned long long)l->lo_sizelimit);
	rn_sb_printf(sb, ", lo_number=%u", l->lo_number);
	if (crypt)
		pr_lo_type(sb, l->lo_encrypt_type, l->lo_encrypt_key_size);
	rn_sb_puts(sb, ", lo_flags=");
	ioc_pr_flags(sb, lo_flags, l->lo_flags, "LO_FLAGS_???");
	rn_sb_puts(sb, ", lo_file_name=");
	ioc_pr_cstr(sb, l->lo_file_name, sizeof(l->lo_file_name));
	if (crypt) {
		rn_sb_puts(sb, ", lo_crypt_name=");
		ioc_pr_cstr(sb, l->lo_crypt_name, sizeof(l->lo_crypt_name));
		pr_lo_key(sb, l->lo_encrypt_key, l->lo_encrypt_key_size);
	}
	if (v)
		rn_sb_printf(sb, ", lo_init=[%#llx, %#llx]}", (unsigned long long)l->lo_init[0],
			     (unsigned long long)l->lo_init[1]);
	else
		rn_sb_puts(sb, ", ...}");
}

/* the old struct loop_info */
static void pr_loop(struct dctx *c, struct rn_strbuf *sb, const struct loop_info *l)
{
	bool v = c->o->verbose, crypt = v || l->lo_encrypt_type;

	rn_sb_printf(sb, "{lo_number=%d", l->lo_number);
	if (v) {
		pr_dev(sb, ", lo_device", l->lo_device);
		rn_sb_printf(sb, ", lo_inode=%lu", l->lo_inode);
		pr_dev(sb, ", lo_rdevice", l->lo_rdevice);
	}
	rn_sb_printf(sb, ", lo_offset=%#x", (unsigned)l->lo_offset);
	if (crypt)
		pr_lo_type(sb, (__u32)l->lo_encrypt_type, (__u32)l->lo_encrypt_key_size);
	rn_sb_puts(sb, ", lo_flags=");
	ioc_pr_flags(sb, lo_flags, (__u32)l->lo_flags, "LO_FLAGS_???");
	rn_sb_puts(sb, ", lo_name=");
	ioc_pr_cstr(sb, l->lo_name, sizeof(l->lo_name));
	if (crypt)
		pr_lo_key(sb, l->lo_encrypt_key, (__u32)l->lo_encrypt_key_size);
	if (!v) {
		rn_sb_puts(sb, ", ...}");
		return;
	}
	rn_sb_printf(sb, ", lo_init=[%#lx, %#lx], reserved=[%#x, %#x, %#x, %#x]}",
		     l->lo_init[0], l->lo_init[1], (__u8)l->reserved[0], (__u8)l->reserved[1],
		     (__u8)l->reserved[2], (__u8)l->reserved[3]);
}

static int loop_status(struct ioc *k, bool out, bool old)
{
	union { struct loop_info64 l64; struct loop_info l; } u;
	int r = ioc_get(k, &u, old ? sizeof(u.l) : sizeof(u.l64), out);

	if (r != IOC_READ)
		return r;
	if (old)
		pr_loop(k->c, k->sb, &u.l);
	else
		pr_loop64(k->c, k->sb, &u.l64);
	return IOC_DONE;
}

static int loop_configure(struct ioc *k)
{
	struct loop_config lc;
	int r = ioc_get(k, &lc, sizeof(lc), false), i;

	if (r != IOC_READ)
		return r;
	rn_sb_puts(k->sb, "{fd=");
	pr_fd(k->c, k->sb, (int)lc.fd);
	rn_sb_printf(k->sb, ", block_size=%u, info=", lc.block_size);
	pr_loop64(k->c, k->sb, &lc.info);
	for (i = 0; i < 8 && !lc.__reserved[i]; i++)
		;
	if (i < 8) {
		for (i = 0; i < 8; i++)
			rn_sb_printf(k->sb, "%s%#llx", i ? ", " : ", __reserved=[",
				     (unsigned long long)lc.__reserved[i]);
		rn_sb_putc(k->sb, ']');
	}
	rn_sb_putc(k->sb, '}');
	return IOC_DONE;
}

int ioc_loop(struct ioc *k)
{
	switch (k->req) {
	case LOOP_SET_FD: case LOOP_CHANGE_FD:
		return ioc_fd(k);
	case LOOP_CTL_ADD: case LOOP_CTL_REMOVE:
		return ioc_int(k);
	case LOOP_SET_DIRECT_IO: case LOOP_SET_BLOCK_SIZE:
		return ioc_ulong(k);
	case LOOP_CLR_FD: case LOOP_SET_CAPACITY: case LOOP_CTL_GET_FREE:
		return IOC_NOARG;
	case LOOP_GET_STATUS: case LOOP_SET_STATUS:
		return loop_status(k, k->req == LOOP_GET_STATUS, true);
	case LOOP_GET_STATUS64: case LOOP_SET_STATUS64:
		return loop_status(k, k->req == LOOP_GET_STATUS64, false);
	case LOOP_CONFIGURE:
		return loop_configure(k);
	}
	return IOC_HEX;
}

/* --- /dev/random, perf events, namespaces */

static int rnd_add_entropy(struct ioc *k)
{
	__s32 hdr[2];
	int r = ioc_get(k, hdr, sizeof(hdr), false);

	if (r != IOC_READ)
		return r;
	rn_sb_printf(k->sb, "{entropy_count=%d, buf_size=%d, buf=", hdr[0], hdr[1]);
	pr_buf_at(k->c, k->sb, k->arg + sizeof(hdr), (__u32)hdr[1], false);
	rn_sb_putc(k->sb, '}');
	return IOC_DONE;
}

static const struct rn_xlat perf_ioc_flags[] = { XLAT(PERF_IOC_FLAG_GROUP), XLAT_END };

static int perf_query_bpf(struct ioc *k)
{
	__u32 ids_len;
	int r = ioc_get(k, &ids_len, sizeof(ids_len), false);

	if (r != IOC_READ)
		return r;
	rn_sb_printf(k->sb, "{ids_len=%u, ...}", ids_len);
	return IOC_DONE;
}

static int ioc_perf(struct ioc *k)
{
	switch (k->req) {
	case PERF_EVENT_IOC_ENABLE: case PERF_EVENT_IOC_DISABLE: case PERF_EVENT_IOC_RESET:
		ioc_pr_flags(k->sb, perf_ioc_flags, k->arg, "PERF_IOC_FLAG_???");
		return IOC_DONE;
	case PERF_EVENT_IOC_REFRESH:
		return ioc_int(k);
	case PERF_EVENT_IOC_SET_OUTPUT: case PERF_EVENT_IOC_SET_BPF:
		return ioc_fd(k);
	case PERF_EVENT_IOC_PAUSE_OUTPUT:
		return ioc_ulong(k);
	case PERF_EVENT_IOC_PERIOD:
		return ioc_num(k, 8, false, false);
	case PERF_EVENT_IOC_ID:
		return ioc_num(k, 8, false, true);
	case PERF_EVENT_IOC_SET_FILTER:
		pr_str_at(k->c, k->sb, k->arg, k->c->o->strsize);
		return IOC_DONE;
	case PERF_EVENT_IOC_QUERY_BPF:
		return perf_query_bpf(k);
	case PERF_EVENT_IOC_MODIFY_ATTRIBUTES:
		pr_perf_attr(k->c, k->sb, k->arg);
		return IOC_DONE;
	}
	return IOC_HEX;
}

/* NS_GET_NSTYPE returns a CLONE_NEW* value: " (CLONE_NEWUSER)" after it */
static void ns_type_ret(struct dctx *c)
{
	rn_sb_puts(&c->d->ret, " (");
	rn_xlat_flags(&c->d->ret, rn_xl_clone_flags, (__u64)c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

int ioc_misc(struct ioc *k)
{
	switch (k->req) {
	case RNDGETENTCNT:
		return ioc_num(k, 4, true, true);
	case RNDADDTOENTCNT:
		return ioc_num(k, 4, true, false);
	case RNDADDENTROPY:
		return rnd_add_entropy(k);
	case RNDZAPENTCNT: case RNDCLEARPOOL: case RNDRESEEDCRNG:
	case NS_GET_USERNS: case NS_GET_PARENT:
		return IOC_NOARG;
	case NS_GET_NSTYPE:
		if (k->c->ok && k->c->sc->ret)
			k->c->ret_extra = ns_type_ret;
		return IOC_NOARG;
	case NS_GET_OWNER_UID:
		return ioc_num(k, 4, false, true);
	}
	if (IOC_TYPE(k->req) == '$')
		return ioc_perf(k);
	return IOC_HEX;
}
