// SPDX-License-Identifier: MIT
/*
 * fanotify and file handles: fanotify_init, fanotify_mark,
 * name_to_handle_at and open_by_handle_at, printed as strace 6.1 prints
 * them (each checked against strace's line for the same call:
 * tests/tracees/handles.c, tests/integration/t_decode_tail.sh).
 */
#include <fcntl.h>
#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* --- fanotify */

#define FAN_CLASS_BITS 0xcu

static const struct rn_xlat hd_fan_classes[] = {
	XLAT_PAIR(0x0, "FAN_CLASS_NOTIF"), XLAT_PAIR(0x4, "FAN_CLASS_CONTENT"),
	XLAT_PAIR(0x8, "FAN_CLASS_PRE_CONTENT"), XLAT_END,
};

static const struct rn_xlat hd_fan_init_flags[] = {
	XLAT_PAIR(0x1, "FAN_CLOEXEC"), XLAT_PAIR(0x2, "FAN_NONBLOCK"),
	XLAT_PAIR(0x10, "FAN_UNLIMITED_QUEUE"), XLAT_PAIR(0x20, "FAN_UNLIMITED_MARKS"),
	XLAT_PAIR(0x40, "FAN_ENABLE_AUDIT"), XLAT_PAIR(0x80, "FAN_REPORT_PIDFD"),
	XLAT_PAIR(0x100, "FAN_REPORT_TID"), XLAT_PAIR(0x200, "FAN_REPORT_FID"),
	XLAT_PAIR(0x400, "FAN_REPORT_DIR_FID"), XLAT_PAIR(0x800, "FAN_REPORT_NAME"),
	XLAT_PAIR(0x1000, "FAN_REPORT_TARGET_FID"), XLAT_END,
};

static const struct rn_xlat hd_fan_mark_flags[] = {
	XLAT_PAIR(0x1, "FAN_MARK_ADD"), XLAT_PAIR(0x2, "FAN_MARK_REMOVE"),
	XLAT_PAIR(0x4, "FAN_MARK_DONT_FOLLOW"), XLAT_PAIR(0x8, "FAN_MARK_ONLYDIR"),
	XLAT_PAIR(0x10, "FAN_MARK_MOUNT"), XLAT_PAIR(0x20, "FAN_MARK_IGNORED_MASK"),
	XLAT_PAIR(0x40, "FAN_MARK_IGNORED_SURV_MODIFY"), XLAT_PAIR(0x80, "FAN_MARK_FLUSH"),
	XLAT_PAIR(0x100, "FAN_MARK_FILESYSTEM"), XLAT_PAIR(0x200, "FAN_MARK_EVICTABLE"),
	XLAT_PAIR(0x400, "FAN_MARK_IGNORE"), XLAT_END,
};

static const struct rn_xlat hd_fan_events[] = {
	XLAT_PAIR(0x1, "FAN_ACCESS"), XLAT_PAIR(0x2, "FAN_MODIFY"),
	XLAT_PAIR(0x4, "FAN_ATTRIB"), XLAT_PAIR(0x8, "FAN_CLOSE_WRITE"),
	XLAT_PAIR(0x10, "FAN_CLOSE_NOWRITE"), XLAT_PAIR(0x20, "FAN_OPEN"),
	XLAT_PAIR(0x40, "FAN_MOVED_FROM"), XLAT_PAIR(0x80, "FAN_MOVED_TO"),
	XLAT_PAIR(0x100, "FAN_CREATE"), XLAT_PAIR(0x200, "FAN_DELETE"),
	XLAT_PAIR(0x400, "FAN_DELETE_SELF"), XLAT_PAIR(0x800, "FAN_MOVE_SELF"),
	XLAT_PAIR(0x1000, "FAN_OPEN_EXEC"), XLAT_PAIR(0x4000, "FAN_Q_OVERFLOW"),
	XLAT_PAIR(0x8000, "FAN_FS_ERROR"), XLAT_PAIR(0x10000, "FAN_OPEN_PERM"),
	XLAT_PAIR(0x20000, "FAN_ACCESS_PERM"), XLAT_PAIR(0x40000, "FAN_OPEN_EXEC_PERM"),
	/* strace's order, not the bits' */
	XLAT_PAIR(0x80000, "FAN_DIR_MODIFY"), XLAT_PAIR(0x40000000, "FAN_ONDIR"),
	XLAT_PAIR(0x8000000, "FAN_EVENT_ON_CHILD"), XLAT_PAIR(0x10000000, "FAN_RENAME"), XLAT_END,
};

/* The bits of val no entry of x names. */
static __u64 hd_unknown_bits(const struct rn_xlat *x, __u64 val)
{
	for (; x->str; x++)
		val &= ~x->val;
	return val;
}

/* Flags as strace prints them: "A|B|0x40", and "0x40 /\* PFX??? *\/" when no
 * bit has a name. */
static void hd_flags(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val, const char *pfx)
{
	rn_xlat_flags(sb, x, val);
	if (val && hd_unknown_bits(x, val) == val)
		rn_sb_printf(sb, " /* %s??? */", pfx);
}

/* fanotify_init(flags, event_f_flags): the class first, always named, then
 * the flags; leftover bits carry the comment when no flag has a name. */
void dec_fanotify_init(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 0);
	__u64 v = (__u32)RAW(c, 0), rest = v & ~(__u64)FAN_CLASS_BITS;
	__u64 unk = hd_unknown_bits(hd_fan_init_flags, rest);

	rn_xlat_enum_unk(sb, hd_fan_classes, v & FAN_CLASS_BITS, "FAN_CLASS_");
	if (rest & ~unk) {
		rn_sb_putc(sb, '|');
		rn_xlat_flags(sb, hd_fan_init_flags, rest & ~unk);
	}
	/* the comment only when no flag is named */
	if (unk)
		rn_sb_printf(sb, "|%#llx%s", (unsigned long long)unk,
			     rest & ~unk ? "" : " /* FAN_??? */");
	pr_open_flags(ARG(c, 1), (__u32)RAW(c, 1));
}

/* fanotify_mark(fd, flags, mask, dirfd, pathname) */
void dec_fanotify_mark(struct dctx *c)
{
	dc_fd(c, 0);
	hd_flags(ARG(c, 1), hd_fan_mark_flags, (__u32)RAW(c, 1), "FAN_MARK_");
	hd_flags(ARG(c, 2), hd_fan_events, RAW(c, 2), "FAN_");
	if ((int)RAW(c, 3) == -1)	/* FAN_NOFD: no directory, the path is absolute */
		rn_sb_puts(ARG(c, 3), "FAN_NOFD");
	else
		dc_dirfd(c, 3);
	dc_path(c, 4);
}

/* --- file handles: struct file_handle { u32 handle_bytes; int handle_type;
 * unsigned char f_handle[]; } */

#define HD_MAX_HANDLE 128	/* MAX_HANDLE_SZ: the most strace shows */

static const struct rn_xlat hd_n2h_flags[] = {
	XLAT_PAIR(0x400, "AT_SYMLINK_FOLLOW"), XLAT_PAIR(0x1000, "AT_EMPTY_PATH"), XLAT_END,
};

/* ", handle_type=T, f_handle=\"\\x..\"": the handle's bytes, all in hex. */
static void hd_handle_body(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u32 bytes,
			   bool out)
{
	__u8 h[8 + HD_MAX_HANDLE];
	__u32 n = bytes > HD_MAX_HANDLE ? HD_MAX_HANDLE : bytes;

	if (dc_read(c, addr, h, 8 + n, out) < 0)
		return;
	rn_sb_printf(sb, ", handle_type=%d, f_handle=", *(__s32 *)(h + 4));
	rn_sb_putc(sb, '"');
	rn_escape_hex(sb, h + 8, n);
	rn_sb_putc(sb, '"');
	if (n < bytes)
		rn_sb_puts(sb, "...");
}

/* name_to_handle_at(dirfd, path, handle, mount_id, flags): the size asked
 * for (entry) => the size the kernel set (exit); the handle and the mount
 * id once the call succeeded. */
void dec_name_to_handle_at(struct dctx *c)
{
	__u32 in, outb;
	__u64 h = RAW(c, 2);
	struct rn_strbuf *sb = ARG(c, 2);
	int mnt;

	dc_dirfd(c, 0);
	dc_path(c, 1);
	if (dc_stop_unfinished(c, 2))
		return;
	if (!h || dc_read(c, h, &in, sizeof(in), false) < 0) {
		dc_ptr(c, 2);
	} else {
		rn_sb_printf(sb, "{handle_bytes=%u", in);
		if (dc_read(c, h, &outb, sizeof(outb), true) == 0 && outb != in)
			rn_sb_printf(sb, " => %u", outb);
		else
			outb = in;
		if (c->ok)
			hd_handle_body(c, sb, h, outb, true);
		rn_sb_putc(sb, '}');
	}
	if (c->ok && dc_read(c, RAW(c, 3), &mnt, sizeof(mnt), true) == 0)
		rn_sb_printf(ARG(c, 3), "[%d]", mnt);
	else
		dc_ptr(c, 3);
	hd_flags(ARG(c, 4), hd_n2h_flags, (__u32)RAW(c, 4), "AT_");
}

/* open_by_handle_at(mount_fd, handle, flags) */
void dec_open_by_handle_at(struct dctx *c)
{
	__u64 h = RAW(c, 1);
	struct rn_strbuf *sb = ARG(c, 1);
	__u32 bytes;

	dc_fd(c, 0);
	if (!h || dc_read(c, h, &bytes, sizeof(bytes), false) < 0) {
		dc_ptr(c, 1);
	} else {
		rn_sb_printf(sb, "{handle_bytes=%u", bytes);
		hd_handle_body(c, sb, h, bytes, false);
		rn_sb_putc(sb, '}');
	}
	pr_open_flags(ARG(c, 2), (__u32)RAW(c, 2));
}
