// SPDX-License-Identifier: MIT
/*
 * io_uring_register, printed as strace 6.1 prints it: the structures and
 * arrays each opcode reads (restrictions, resource tables and their
 * updates, CPU masks, ring descriptors, buffer rings, worker limits), and
 * for the opcodes strace 6.1 does not decode (ENABLE_RINGS, PERSONALITY,
 * UNREGISTER_IOWQ_AFF, and those newer than it: SYNC_CANCEL,
 * FILE_ALLOC_RANGE ...) the address. Checked against strace
 * (tests/tracees/tail4.c, tests/integration/t_decode_tail4.sh).
 */
#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* strace 6.1 stops its arrays here even under -v (hostile memory) */
#define T4U_MAX_ELEMS	4096

static const struct rn_xlat t4u_register_ops[] = {
	XLAT_PAIR(0, "IORING_REGISTER_BUFFERS"), XLAT_PAIR(1, "IORING_UNREGISTER_BUFFERS"),
	XLAT_PAIR(2, "IORING_REGISTER_FILES"), XLAT_PAIR(3, "IORING_UNREGISTER_FILES"),
	XLAT_PAIR(4, "IORING_REGISTER_EVENTFD"), XLAT_PAIR(5, "IORING_UNREGISTER_EVENTFD"),
	XLAT_PAIR(6, "IORING_REGISTER_FILES_UPDATE"),
	XLAT_PAIR(7, "IORING_REGISTER_EVENTFD_ASYNC"), XLAT_PAIR(8, "IORING_REGISTER_PROBE"),
	XLAT_PAIR(9, "IORING_REGISTER_PERSONALITY"),
	XLAT_PAIR(10, "IORING_UNREGISTER_PERSONALITY"),
	XLAT_PAIR(11, "IORING_REGISTER_RESTRICTIONS"),
	XLAT_PAIR(12, "IORING_REGISTER_ENABLE_RINGS"), XLAT_PAIR(13, "IORING_REGISTER_FILES2"),
	XLAT_PAIR(14, "IORING_REGISTER_FILES_UPDATE2"),
	XLAT_PAIR(15, "IORING_REGISTER_BUFFERS2"),
	XLAT_PAIR(16, "IORING_REGISTER_BUFFERS_UPDATE"),
	XLAT_PAIR(17, "IORING_REGISTER_IOWQ_AFF"), XLAT_PAIR(18, "IORING_UNREGISTER_IOWQ_AFF"),
	XLAT_PAIR(19, "IORING_REGISTER_IOWQ_MAX_WORKERS"),
	XLAT_PAIR(20, "IORING_REGISTER_RING_FDS"), XLAT_PAIR(21, "IORING_UNREGISTER_RING_FDS"),
	XLAT_PAIR(22, "IORING_REGISTER_PBUF_RING"),
	XLAT_PAIR(23, "IORING_UNREGISTER_PBUF_RING"), XLAT_END,
};

/* the IORING_OP_ names strace 6.1 knows, by number */
static const char *const t4_uring_ops[] = {
	"NOP", "READV", "WRITEV", "FSYNC", "READ_FIXED", "WRITE_FIXED", "POLL_ADD",
	"POLL_REMOVE", "SYNC_FILE_RANGE", "SENDMSG", "RECVMSG", "TIMEOUT", "TIMEOUT_REMOVE",
	"ACCEPT", "ASYNC_CANCEL", "LINK_TIMEOUT", "CONNECT", "FALLOCATE", "OPENAT", "CLOSE",
	"FILES_UPDATE", "STATX", "READ", "WRITE", "FADVISE", "MADVISE", "SEND", "RECV", "OPENAT2",
	"EPOLL_CTL", "SPLICE", "PROVIDE_BUFFERS", "REMOVE_BUFFERS", "TEE", "SHUTDOWN",
	"RENAMEAT", "UNLINKAT", "MKDIRAT", "SYMLINKAT", "LINKAT", "MSG_RING", "FSETXATTR",
	"SETXATTR", "FGETXATTR", "GETXATTR", "SOCKET", "URING_CMD",
};

static void pr_uring_op(struct rn_strbuf *sb, __u8 op)
{
	if (op < sizeof(t4_uring_ops) / sizeof(t4_uring_ops[0]))
		rn_sb_printf(sb, "IORING_OP_%s", t4_uring_ops[op]);
	else
		rn_sb_printf(sb, "%u /* IORING_OP_??? */", op);
}

static const struct rn_xlat t4_uring_op_flags[] = {
	XLAT_PAIR(1, "IO_URING_OP_SUPPORTED"), XLAT_END,
};

/* IORING_REGISTER_PROBE: struct io_uring_probe and its n ops, as the call
 * left them */
static void pr_uring_probe(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n)
{
	__u8 h[16], op[8];
	__u16 resv, flags;

	if (n > 256 || dc_read(c, addr, h, sizeof(h), true) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_puts(sb, "{last_op=");
	pr_uring_op(sb, h[0]);
	rn_sb_printf(sb, ", ops_len=%u", h[1]);
	memcpy(&resv, h + 2, sizeof(resv));
	if (resv)
		rn_sb_printf(sb, ", resv=%#x", resv);
	rn_sb_puts(sb, ", ops=[");
	for (__u64 i = 0; i < n; i++) {
		if (i && dc_array_cut(c, i)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (dc_read(c, addr + 16 + i * 8, op, sizeof(op), true) < 0) {
			rn_sb_printf(sb, "%s... /* %#llx */", i ? ", " : "",
				     (unsigned long long)(addr + 16 + i * 8));
			break;
		}
		rn_sb_puts(sb, i ? ", {op=" : "{op=");
		pr_uring_op(sb, op[0]);
		memcpy(&flags, op + 2, sizeof(flags));
		rn_sb_puts(sb, ", flags=");
		rn_xlat_flags(sb, t4_uring_op_flags, flags);
		rn_sb_putc(sb, '}');
	}
	rn_sb_puts(sb, "]}");
}


static const struct rn_xlat t4u_restriction_ops[] = {
	XLAT_PAIR(0, "IORING_RESTRICTION_REGISTER_OP"), XLAT_PAIR(1, "IORING_RESTRICTION_SQE_OP"),
	XLAT_PAIR(2, "IORING_RESTRICTION_SQE_FLAGS_ALLOWED"),
	XLAT_PAIR(3, "IORING_RESTRICTION_SQE_FLAGS_REQUIRED"), XLAT_END,
};

static const struct rn_xlat t4u_sqe_flags[] = {
	XLAT_PAIR(1u << 0, "IOSQE_FIXED_FILE"), XLAT_PAIR(1u << 1, "IOSQE_IO_DRAIN"),
	XLAT_PAIR(1u << 2, "IOSQE_IO_LINK"), XLAT_PAIR(1u << 3, "IOSQE_IO_HARDLINK"),
	XLAT_PAIR(1u << 4, "IOSQE_ASYNC"), XLAT_PAIR(1u << 5, "IOSQE_BUFFER_SELECT"),
	XLAT_PAIR(1u << 6, "IOSQE_CQE_SKIP_SUCCESS"), XLAT_END,
};

static const struct rn_xlat t4u_rsrc_flags[] = {
	XLAT_PAIR(1, "IORING_RSRC_REGISTER_SPARSE"), XLAT_END,
};

/* One element of an array: its bytes and its index. */
typedef void (*t4u_elem_fn)(struct dctx *c, struct rn_strbuf *sb, const __u8 *el, __u64 idx);

enum t4u_shown { T4U_ADDR, T4U_ARRAY, T4U_CUT_SHORT };

/*
 * n elements of size bytes at addr, as strace shows arrays: the address
 * when the first cannot be read (T4U_ADDR), "... /\* address *\/" where a
 * later one cannot (T4U_CUT_SHORT), "..." past -s unless -v.
 */
static enum t4u_shown pr_elems(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n,
			       size_t size, bool out, t4u_elem_fn fn)
{
	__u8 el[16];

	if (!addr || size > sizeof(el) || (n && dc_read(c, addr, el, size, out) < 0)) {
		pr_ptr(sb, addr);
		return T4U_ADDR;
	}
	rn_sb_putc(sb, '[');
	for (__u64 i = 0; i < n; i++) {
		/* strace reads an element before it decides to cut there */
		if (i && dc_read(c, addr + i * size, el, size, out) < 0) {
			rn_sb_printf(sb, ", ... /* %#llx */]",
				     (unsigned long long)(addr + i * size));
			return T4U_CUT_SHORT;
		}
		if (dc_array_cut(c, i) || i >= T4U_MAX_ELEMS) {
			rn_sb_puts(sb, i ? ", ..." : "...");
			break;
		}
		rn_sb_puts(sb, i ? ", " : "");
		fn(c, sb, el, i);
	}
	rn_sb_putc(sb, ']');
	return T4U_ARRAY;
}

static void el_int(struct dctx *c, struct rn_strbuf *sb, const __u8 *el, __u64 idx)
{
	__s32 v;

	(void)c, (void)idx;
	memcpy(&v, el, sizeof(v));
	rn_sb_printf(sb, "%d", v);
}

/* [0, 1, -1]: n ints at addr */
static void pr_int_array(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n)
{
	(void)pr_elems(c, sb, addr, n, sizeof(__s32), false, el_int);
}

static void el_hex64(struct dctx *c, struct rn_strbuf *sb, const __u8 *el, __u64 idx)
{
	__u64 v;

	(void)c, (void)idx;
	memcpy(&v, el, sizeof(v));
	rn_sb_put_hex(sb, v);
}

/* ", name=[0x1, 0, ...]": reserved words, only when one is set */
static void pr_resv_words(struct dctx *c, struct rn_strbuf *sb, const char *name, const __u32 *w,
			  unsigned n)
{
	unsigned k;

	for (k = 0; k < n && !w[k]; k++)
		;
	if (k == n)
		return;
	rn_sb_printf(sb, ", %s=[", name);
	for (k = 0; k < n; k++) {
		if (dc_array_cut(c, k)) {
			rn_sb_puts(sb, k ? ", ..." : "...");
			break;
		}
		rn_sb_puts(sb, k ? ", " : "");
		rn_sb_put_hex(sb, w[k]);
	}
	rn_sb_putc(sb, ']');
}

/* struct io_uring_restriction: opcode, the byte it qualifies, resv, resv2[3] */
static void el_restriction(struct dctx *c, struct rn_strbuf *sb, const __u8 *el, __u64 idx)
{
	__u16 op;
	__u32 resv2[3];

	(void)idx;
	memcpy(&op, el, sizeof(op));
	memcpy(resv2, el + 4, sizeof(resv2));
	rn_sb_puts(sb, "{opcode=");
	rn_xlat_enum_unk(sb, t4u_restriction_ops, op, "IORING_RESTRICTION_");
	switch (op) {
	case 0:
		rn_sb_puts(sb, ", register_op=");
		rn_xlat_enum_unk(sb, t4u_register_ops, el[2], "IORING_REGISTER_");
		break;
	case 1:
		rn_sb_puts(sb, ", sqe_op=");
		if (el[2] < sizeof(t4_uring_ops) / sizeof(t4_uring_ops[0]))
			rn_sb_printf(sb, "IORING_OP_%s", t4_uring_ops[el[2]]);
		else
			rn_sb_printf(sb, "%#x /* IORING_OP_??? */", el[2]);
		break;
	case 2: case 3:
		rn_sb_puts(sb, ", sqe_flags=");
		pr_flags_unk(sb, t4u_sqe_flags, el[2], "IOSQE_");
		break;
	default:	/* the byte has no name: strace shows it as a comment */
		rn_sb_puts(sb, " /* op: ");
		rn_sb_put_hex(sb, el[2]);
		rn_sb_puts(sb, " */");
	}
	if (el[3])
		rn_sb_printf(sb, ", resv=%#x", el[3]);
	pr_resv_words(c, sb, "resv2", resv2, 3);
	rn_sb_putc(sb, '}');
}

/* struct io_uring_rsrc_update of RING_FDS: the ring descriptor to register
 * (data) at an offset, or the offset to drop */
static void el_ring_fd(struct dctx *c, struct rn_strbuf *sb, const __u8 *el, bool reg)
{
	__u32 off, resv;
	__u64 data;

	memcpy(&off, el, sizeof(off));
	memcpy(&resv, el + 4, sizeof(resv));
	memcpy(&data, el + 8, sizeof(data));
	if (reg)
		rn_sb_printf(sb, "{offset=%d", (int)off);
	else
		rn_sb_printf(sb, "{offset=%u", off);
	if (resv)
		rn_sb_printf(sb, ", resv=%#x", resv);
	if (reg) {
		rn_sb_puts(sb, ", data=");
		pr_fd(c, sb, (int)data);
	} else if (data) {
		rn_sb_printf(sb, ", data=%#llx", (unsigned long long)data);
	}
	rn_sb_putc(sb, '}');
}

static void el_ring_fd_reg(struct dctx *c, struct rn_strbuf *sb, const __u8 *el, __u64 idx)
{
	(void)idx;
	el_ring_fd(c, sb, el, true);
}

static void el_ring_fd_unreg(struct dctx *c, struct rn_strbuf *sb, const __u8 *el, __u64 idx)
{
	(void)idx;
	el_ring_fd(c, sb, el, false);
}

/* [IO_WQ_BOUND]=4: a worker limit by its index */
static void el_worker(struct dctx *c, struct rn_strbuf *sb, const __u8 *el, __u64 idx)
{
	static const char *const names[] = { "IO_WQ_BOUND", "IO_WQ_UNBOUND" };
	__u32 v;

	(void)c;
	memcpy(&v, el, sizeof(v));
	if (idx < 2)
		rn_sb_printf(sb, "[%s]=%u", names[idx], v);
	else
		rn_sb_printf(sb, "[%llu /* IO_WQ_??? */]=%u", (unsigned long long)idx, v);
}

/* IORING_REGISTER_IOWQ_MAX_WORKERS: the limits asked for => the old ones
 * (the address when the call failed) */
static void pr_uring_max_workers(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n)
{
	if (pr_elems(c, sb, addr, n, sizeof(__u32), false, el_worker) != T4U_ARRAY || !n)
		return;	/* the address, a short array or none asked for: no "=>" */
	rn_sb_puts(sb, " => ");
	if (c->ok)
		(void)pr_elems(c, sb, addr, n, sizeof(__u32), true, el_worker);
	else
		pr_ptr(sb, addr);
}

/* A structure's bytes past the ones strace knows, when one is set:
 * ", /\* bytes 32..39 *\/ "\x03\x00..."" (looked at up to 64 KiB) */
#define T4U_EXTRA_SCAN	65536
static void pr_extra_bytes(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 from, __u64 size)
{
	__u8 chunk[256];
	__u64 end = size < T4U_EXTRA_SCAN ? size : T4U_EXTRA_SCAN, pos;
	bool set = false;

	for (pos = from; pos < end && !set; pos += sizeof(chunk)) {
		size_t n = end - pos < sizeof(chunk) ? (size_t)(end - pos) : sizeof(chunk);

		if (dc_read(c, addr + pos, chunk, n, false) < 0)
			return;
		for (size_t k = 0; k < n && !set; k++)
			set = chunk[k] != 0;
	}
	if (!set)
		return;
	rn_sb_printf(sb, ", /* bytes %llu..%llu */ ", (unsigned long long)from,
		     (unsigned long long)(size - 1));
	pr_buf_hex_at(c, sb, addr + from, size - from, false);
}

/* The resource table of FILES2/BUFFERS2 and their updates: descriptors or
 * iovecs (addresses only), then their tags */
static void pr_rsrc_data(struct dctx *c, struct rn_strbuf *sb, bool files, __u64 data,
			 __u64 tags, __u32 nr)
{
	rn_sb_puts(sb, ", data=");
	if (files)
		pr_int_array(c, sb, data, nr);
	else
		pr_iov_addrs(c, sb, data, nr);
	rn_sb_puts(sb, ", tags=");
	(void)pr_elems(c, sb, tags, nr, sizeof(__u64), false, el_hex64);
}

/* FILES2, BUFFERS2: struct io_uring_rsrc_register {nr, flags, resv2, data,
 * tags}, nr_args its size */
static void pr_rsrc_register(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 size,
			     bool files)
{
	__u64 r[4];
	__u32 nr, flags;

	if (size < sizeof(r) || dc_read(c, addr, r, sizeof(r), false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	nr = (__u32)r[0];
	flags = (__u32)(r[0] >> 32);
	rn_sb_printf(sb, "{nr=%u, flags=", nr);
	pr_flags_unk(sb, t4u_rsrc_flags, flags, "IORING_RSRC_REGISTER_");
	if (r[1])
		rn_sb_printf(sb, ", resv2=%#llx", (unsigned long long)r[1]);
	pr_rsrc_data(c, sb, files, r[2], r[3], nr);
	pr_extra_bytes(c, sb, addr, sizeof(r), size);
	rn_sb_putc(sb, '}');
}

/* FILES_UPDATE2, BUFFERS_UPDATE: struct io_uring_rsrc_update2 {offset,
 * resv, data, tags, nr, resv2} */
static void pr_rsrc_update2(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 size,
			    bool files)
{
	__u32 w[8];
	__u64 data, tags;

	if (size < sizeof(w) || dc_read(c, addr, w, sizeof(w), false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	memcpy(&data, w + 2, sizeof(data));
	memcpy(&tags, w + 4, sizeof(tags));
	rn_sb_printf(sb, "{offset=%u", w[0]);
	if (w[1])
		rn_sb_printf(sb, ", resv=%#x", w[1]);
	pr_rsrc_data(c, sb, files, data, tags, w[6]);
	rn_sb_printf(sb, ", nr=%u", w[6]);
	if (w[7])
		rn_sb_printf(sb, ", resv2=%#x", w[7]);
	pr_extra_bytes(c, sb, addr, sizeof(w), size);
	rn_sb_putc(sb, '}');
}

/* PBUF_RING: struct io_uring_buf_reg {ring_addr, ring_entries, bgid, pad,
 * resv[3]} */
static void pr_buf_reg(struct dctx *c, struct rn_strbuf *sb, __u64 addr)
{
	__u8 b[40];
	__u64 ring;
	__u32 entries, resv[6];
	__u16 bgid, pad;

	if (dc_read(c, addr, b, sizeof(b), false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	memcpy(&ring, b, sizeof(ring));
	memcpy(&entries, b + 8, sizeof(entries));
	memcpy(&bgid, b + 12, sizeof(bgid));
	memcpy(&pad, b + 14, sizeof(pad));
	memcpy(resv, b + 16, sizeof(resv));
	rn_sb_puts(sb, "{ring_addr=");
	pr_ptr(sb, ring);
	rn_sb_printf(sb, ", ring_entries=%u, bgid=%u", entries, bgid);
	if (pad)
		rn_sb_printf(sb, ", pad=%#x", pad);
	if (resv[0] || resv[1] || resv[2] || resv[3] || resv[4] || resv[5]) {
		rn_sb_puts(sb, ", resv=[");
		for (int k = 0; k < 3; k++) {
			__u64 v = resv[2 * k] | (__u64)resv[2 * k + 1] << 32;

			if (dc_array_cut(c, k)) {
				rn_sb_puts(sb, k ? ", ..." : "...");
				break;
			}
			rn_sb_puts(sb, k ? ", " : "");
			rn_sb_put_hex(sb, v);
		}
		rn_sb_putc(sb, ']');
	}
	rn_sb_putc(sb, '}');
}

/* IOWQ_AFF: the CPUs set in a mask of size bytes, "[0 1]"; as strace, at
 * most the first 128 bytes (1024 CPUs) are looked at, " ..." says there is
 * more; the address when they cannot be read */
#define T4U_CPUMASK_MAX	128
static void pr_uring_cpumask(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 size)
{
	size_t n = size < T4U_CPUMASK_MAX ? (size_t)size : T4U_CPUMASK_MAX;
	__u8 m[T4U_CPUMASK_MAX];
	unsigned shown = 0;

	if (!addr || dc_read(c, addr, m, n, false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '[');
	for (size_t bit = 0; bit < n * 8; bit++)
		if (m[bit / 8] >> (bit % 8) & 1)
			rn_sb_printf(sb, "%s%zu", shown++ ? " " : "", bit);
	if (size > n)
		rn_sb_puts(sb, " ...");
	rn_sb_putc(sb, ']');
}

/* The opcodes with a structure or array behind arg; false for the others */
static bool uring_register_arg(struct dctx *c, __u32 op, struct rn_strbuf *sb, __u64 arg, __u64 n)
{
	switch (op) {
	case 11:	/* RESTRICTIONS */
		(void)pr_elems(c, sb, arg, n, 16, false, el_restriction);
		return true;
	case 13: case 15:	/* FILES2, BUFFERS2 */
		pr_rsrc_register(c, sb, arg, n, op == 13);
		return true;
	case 14: case 16:	/* FILES_UPDATE2, BUFFERS_UPDATE */
		pr_rsrc_update2(c, sb, arg, n, op == 14);
		return true;
	case 17:	/* IOWQ_AFF */
		pr_uring_cpumask(c, sb, arg, n);
		return true;
	case 19:
		pr_uring_max_workers(c, sb, arg, n);
		return true;
	case 20: case 21:	/* RING_FDS */
		(void)pr_elems(c, sb, arg, n, 16, false,
			       op == 20 ? el_ring_fd_reg : el_ring_fd_unreg);
		return true;
	case 22: case 23:	/* PBUF_RING */
		pr_buf_reg(c, sb, arg);
		return true;
	}
	return false;
}

void dec_io_uring_register(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 2);
	__u32 op = (__u32)RAW(c, 1);
	__u64 arg = RAW(c, 2), n = (__u32)RAW(c, 3);
	__u64 upd[2];

	dc_fd(c, 0);
	rn_xlat_enum_unk(ARG(c, 1), t4u_register_ops, op, "IORING_REGISTER_");
	/* what the kernel fills in prints at exit */
	if ((op == 8 || op == 19) && dc_stop_unfinished(c, 2))
		return;
	if (!arg) {
		dc_ptr(c, 2);
	} else if (op == 0) {
		pr_iov_addrs(c, sb, arg, n);
	} else if (op == 2 || op == 4 || op == 7) {
		pr_int_array(c, sb, arg, n);
	} else if (op == 6 && dc_read(c, arg, upd, sizeof(upd), false) == 0) {
		rn_sb_printf(sb, "{offset=%u, fds=", (__u32)upd[0]);
		pr_int_array(c, sb, upd[1], n);
		rn_sb_putc(sb, '}');
	} else if (op == 8) {
		pr_uring_probe(c, sb, arg, n);
	} else if (!uring_register_arg(c, op, sb, arg, n)) {
		dc_ptr(c, 2);
	}
	dc_uint(c, 3);
}
