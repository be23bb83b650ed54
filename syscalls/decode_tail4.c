// SPDX-License-Identifier: MIT
/*
 * Linux AIO (io_setup ... io_pgetevents), io_uring_setup, the POSIX
 * message queue calls mq_open leaves (mq_timedreceive, mq_notify,
 * mq_getsetattr), printed as strace 6.1 prints them. Each line was checked against strace's for the same call
 * (tests/tracees/tail4.c, tests/integration/t_decode_tail4.sh).
 */
#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* strace 6.1 stops its arrays here even under -v (hostile memory) */
#define T4_MAX_ELEMS	4096

/* --- Linux AIO */

/* struct iocb, x86_64 (little endian: the key before the rw flags) */
struct t4_iocb {
	__u64 data;
	__u32 key;
	__s32 rw_flags;
	__u16 opcode;
	__s16 reqprio;
	__u32 fildes;
	__u64 buf, nbytes;
	__s64 offset;
	__u64 reserved2;
	__u32 flags, resfd;
};

/* struct io_event */
struct t4_io_event {
	__u64 data, obj;
	__s64 res, res2;
};

static const struct rn_xlat t4_iocb_cmds[] = {
	XLAT_PAIR(0, "IOCB_CMD_PREAD"), XLAT_PAIR(1, "IOCB_CMD_PWRITE"),
	XLAT_PAIR(2, "IOCB_CMD_FSYNC"), XLAT_PAIR(3, "IOCB_CMD_FDSYNC"),
	XLAT_PAIR(4, "IOCB_CMD_PREADX"), XLAT_PAIR(5, "IOCB_CMD_POLL"),
	XLAT_PAIR(6, "IOCB_CMD_NOOP"), XLAT_PAIR(7, "IOCB_CMD_PREADV"),
	XLAT_PAIR(8, "IOCB_CMD_PWRITEV"), XLAT_END,
};

static const struct rn_xlat t4_iocb_flags[] = {
	XLAT_PAIR(1, "IOCB_FLAG_RESFD"), XLAT_PAIR(2, "IOCB_FLAG_IOPRIO"), XLAT_END,
};

/* the RWF_ flags strace 6.1 knows */
static const struct rn_xlat t4_rwf[] = {
	XLAT_PAIR(1, "RWF_HIPRI"), XLAT_PAIR(2, "RWF_DSYNC"), XLAT_PAIR(4, "RWF_SYNC"),
	XLAT_PAIR(8, "RWF_NOWAIT"), XLAT_PAIR(0x10, "RWF_APPEND"), XLAT_END,
};

/* data, key, rw flags, opcode, priority and fd: all io_cancel shows */
static void pr_iocb_head(struct dctx *c, struct rn_strbuf *sb, const struct t4_iocb *cb)
{
	rn_sb_printf(sb, "{aio_data=%#llx", (unsigned long long)cb->data);
	if (cb->key)
		rn_sb_printf(sb, ", aio_key=%u", cb->key);
	if (cb->rw_flags) {
		rn_sb_puts(sb, ", aio_rw_flags=");
		pr_flags_unk(sb, t4_rwf, (__u32)cb->rw_flags, "RWF_");
	}
	rn_sb_puts(sb, ", aio_lio_opcode=");
	rn_xlat_enum(sb, t4_iocb_cmds, cb->opcode, "%llu /* IOCB_CMD_??? */");
	if (cb->flags & 2) {
		rn_sb_puts(sb, ", aio_reqprio=");
		pr_ioprio(sb, (__u16)cb->reqprio);
	} else if (cb->reqprio) {
		rn_sb_printf(sb, ", aio_reqprio=%d", cb->reqprio);
	}
	rn_sb_puts(sb, ", aio_fildes=");
	pr_fd(c, sb, (int)cb->fildes);
}

/* What the opcode reads: the buffer (a string to write, the iovecs), the
 * poll events; then the completion flags and eventfd. */
static void pr_iocb_body(struct dctx *c, struct rn_strbuf *sb, const struct t4_iocb *cb)
{
	rn_sb_puts(sb, ", aio_buf=");
	switch (cb->opcode) {
	case 0:
		pr_ptr(sb, cb->buf);
		break;
	case 1:
		pr_buf_at(c, sb, cb->buf, cb->nbytes, false);
		break;
	case 5:
		rn_xlat_flags(sb, rn_xl_poll_events, cb->buf);
		break;
	case 7:
		pr_iov_addrs(c, sb, cb->buf, cb->nbytes);
		break;
	default:
		pr_iov(c, sb, cb->buf, cb->nbytes, false, 0);
	}
	if (cb->opcode <= 1)
		rn_sb_printf(sb, ", aio_nbytes=%llu", (unsigned long long)cb->nbytes);
	if (cb->opcode != 5)
		rn_sb_printf(sb, ", aio_offset=%lld", (long long)cb->offset);
	if (cb->flags) {
		rn_sb_puts(sb, ", aio_flags=");
		pr_flags_unk(sb, t4_iocb_flags, cb->flags, "IOCB_FLAG_");
	}
	if (cb->flags & 1) {
		rn_sb_puts(sb, ", aio_resfd=");
		pr_fd(c, sb, (int)cb->resfd);
	} else if (cb->resfd) {
		rn_sb_printf(sb, ", aio_resfd=%#x", cb->resfd);
	}
}

/* One iocb at addr: NULL, its address when unreadable, else its fields. */
static void pr_iocb_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool full)
{
	struct t4_iocb cb;
	__u16 op;

	if (!addr || dc_read(c, addr, &cb, sizeof(cb), false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	pr_iocb_head(c, sb, &cb);
	op = cb.opcode;
	if (full && (op <= 1 || op == 5 || op == 7 || op == 8))
		pr_iocb_body(c, sb, &cb);
	rn_sb_putc(sb, '}');
}

void dec_io_setup(struct dctx *c)
{
	__u64 ctx;

	dc_uint(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (!c->ok || dc_read(c, RAW(c, 1), &ctx, sizeof(ctx), true) < 0)
		dc_ptr(c, 1);
	else
		rn_sb_printf(ARG(c, 1), "[%#llx]", (unsigned long long)ctx);
}

/* io_submit(ctx, nr, iocbpp): the array of pointers, each iocb in full */
void dec_io_submit(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 2);
	__s64 nr = (__s64)RAW(c, 1);
	__u64 addr = RAW(c, 2), p;

	dc_ptr(c, 0);
	dc_long(c, 1);
	if (nr < 0 || !addr || (nr && dc_read(c, addr, &p, sizeof(p), false) < 0)) {
		dc_ptr(c, 2);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__s64 i = 0; i < nr; i++) {
		if (i && (dc_array_cut(c, i) || i >= T4_MAX_ELEMS)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (i && dc_read(c, addr + i * 8, &p, sizeof(p), false) < 0) {
			rn_sb_printf(sb, ", ... /* %#llx */", (unsigned long long)(addr + i * 8));
			break;
		}
		if (i)
			rn_sb_puts(sb, ", ");
		pr_iocb_at(c, sb, p, true);
	}
	rn_sb_putc(sb, ']');
}

static void pr_io_event(struct rn_strbuf *sb, const struct t4_io_event *e)
{
	rn_sb_printf(sb, "{data=%#llx, obj=", (unsigned long long)e->data);
	pr_ptr(sb, e->obj);
	rn_sb_printf(sb, ", res=%lld, res2=%lld}", (long long)e->res, (long long)e->res2);
}

/* The n events the call returned. */
static void pr_io_events(struct dctx *c, int i, __u64 n)
{
	struct rn_strbuf *sb = ARG(c, i);
	struct t4_io_event e;
	__u64 addr = RAW(c, i);

	if (!c->ok || !addr || (n && dc_read(c, addr, &e, sizeof(e), true) < 0)) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 k = 0; k < n; k++) {
		if (k && (dc_array_cut(c, k) || k >= T4_MAX_ELEMS)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (k && dc_read(c, addr + k * sizeof(e), &e, sizeof(e), true) < 0) {
			rn_sb_printf(sb, ", ... /* %#llx */",
				     (unsigned long long)(addr + k * sizeof(e)));
			break;
		}
		if (k)
			rn_sb_puts(sb, ", ");
		pr_io_event(sb, &e);
	}
	rn_sb_putc(sb, ']');
}

/* io_getevents(ctx, min_nr, nr, events, timeout) and io_pgetevents(...,
 * {sigmask, sigsetsize}) */
void dec_io_getevents(struct dctx *c)
{
	__u64 ss[2];

	dc_ptr(c, 0);
	dc_long(c, 1);
	dc_long(c, 2);
	if (dc_stop_unfinished(c, 3))
		return;
	pr_io_events(c, 3, c->ok ? (__u64)c->sc->ret : 0);
	pr_timespec_at(c, ARG(c, 4), RAW(c, 4), false);
	if (c->sc->nr != 333)
		return;
	if (!RAW(c, 5) || dc_read(c, RAW(c, 5), ss, sizeof(ss), false) < 0) {
		dc_ptr(c, 5);
		return;
	}
	rn_sb_puts(ARG(c, 5), "{sigmask=");
	pr_sigset_at(c, ARG(c, 5), ss[0], ss[1] > 8 ? 0 : (unsigned)ss[1], false);
	rn_sb_printf(ARG(c, 5), ", sigsetsize=%llu}", (unsigned long long)ss[1]);
}

/* io_cancel(ctx, iocb, result): the iocb's head only */
void dec_io_cancel(struct dctx *c)
{
	struct t4_io_event e;

	dc_ptr(c, 0);
	pr_iocb_at(c, ARG(c, 1), RAW(c, 1), false);
	if (dc_stop_unfinished(c, 2))
		return;
	if (!c->ok || dc_read(c, RAW(c, 2), &e, sizeof(e), true) < 0)
		dc_ptr(c, 2);
	else
		pr_io_event(ARG(c, 2), &e);
}

/* --- io_uring_setup (io_uring_register: decode_tail4_uring.c) */

/* struct io_uring_params as 32-bit words: sq_entries, cq_entries, flags,
 * sq_thread_cpu, sq_thread_idle, features, wq_fd, resv[3], then sq_off and
 * cq_off (ten words each, the last two a user address) */
#define T4_URING_PARAMS_WORDS	30

static const struct rn_xlat t4_uring_setup_flags[] = {
	XLAT_PAIR(1u << 0, "IORING_SETUP_IOPOLL"), XLAT_PAIR(1u << 1, "IORING_SETUP_SQPOLL"),
	XLAT_PAIR(1u << 2, "IORING_SETUP_SQ_AFF"), XLAT_PAIR(1u << 3, "IORING_SETUP_CQSIZE"),
	XLAT_PAIR(1u << 4, "IORING_SETUP_CLAMP"), XLAT_PAIR(1u << 5, "IORING_SETUP_ATTACH_WQ"),
	XLAT_PAIR(1u << 6, "IORING_SETUP_R_DISABLED"),
	XLAT_PAIR(1u << 7, "IORING_SETUP_SUBMIT_ALL"),
	XLAT_PAIR(1u << 8, "IORING_SETUP_COOP_TASKRUN"),
	XLAT_PAIR(1u << 9, "IORING_SETUP_TASKRUN_FLAG"),
	XLAT_PAIR(1u << 10, "IORING_SETUP_SQE128"), XLAT_PAIR(1u << 11, "IORING_SETUP_CQE32"),
	XLAT_END,
};

static const struct rn_xlat t4_uring_features[] = {
	XLAT_PAIR(1u << 0, "IORING_FEAT_SINGLE_MMAP"), XLAT_PAIR(1u << 1, "IORING_FEAT_NODROP"),
	XLAT_PAIR(1u << 2, "IORING_FEAT_SUBMIT_STABLE"),
	XLAT_PAIR(1u << 3, "IORING_FEAT_RW_CUR_POS"),
	XLAT_PAIR(1u << 4, "IORING_FEAT_CUR_PERSONALITY"),
	XLAT_PAIR(1u << 5, "IORING_FEAT_FAST_POLL"),
	XLAT_PAIR(1u << 6, "IORING_FEAT_POLL_32BITS"),
	XLAT_PAIR(1u << 7, "IORING_FEAT_SQPOLL_NONFIXED"),
	XLAT_PAIR(1u << 8, "IORING_FEAT_EXT_ARG"),
	XLAT_PAIR(1u << 9, "IORING_FEAT_NATIVE_WORKERS"),
	XLAT_PAIR(1u << 10, "IORING_FEAT_RSRC_TAGS"), XLAT_PAIR(1u << 11, "IORING_FEAT_CQE_SKIP"),
	XLAT_PAIR(1u << 12, "IORING_FEAT_LINKED_FILE"), XLAT_END,
};

static void pr_uring_offsets(struct rn_strbuf *sb, const char *name, const __u32 *o, bool sq)
{
	rn_sb_printf(sb, ", %s={head=%u, tail=%u, ring_mask=%u, ring_entries=%u, ", name, o[0],
		     o[1], o[2], o[3]);
	if (sq)
		rn_sb_printf(sb, "flags=%u, dropped=%u, array=%u}", o[4], o[5], o[6]);
	else
		rn_sb_printf(sb, "overflow=%u, cqes=%u, flags=%u}", o[4], o[5], o[6]);
}

/* The fields the caller sets; then, once the call succeeded, what the
 * kernel filled in. */
static void pr_uring_params(struct dctx *c, struct rn_strbuf *sb, const __u32 *p, bool done)
{
	rn_sb_puts(sb, "{flags=");
	pr_flags_unk(sb, t4_uring_setup_flags, p[2], "IORING_SETUP_");
	rn_sb_printf(sb, ", sq_thread_cpu=%#x, sq_thread_idle=%u", p[3], p[4]);
	if (p[2] & (1u << 5)) {
		rn_sb_puts(sb, ", wq_fd=");
		pr_fd(c, sb, (int)p[6]);
	}
	if (p[7] || p[8] || p[9])
		rn_sb_printf(sb, ", resv=[%#x, %#x, %#x]", p[7], p[8], p[9]);
	if (done) {
		rn_sb_printf(sb, ", sq_entries=%u, cq_entries=%u, features=", p[0], p[1]);
		pr_flags_unk(sb, t4_uring_features, p[5], "IORING_FEAT_");
		pr_uring_offsets(sb, "sq_off", p + 10, true);
		pr_uring_offsets(sb, "cq_off", p + 20, false);
	}
	rn_sb_putc(sb, '}');
}

void dec_io_uring_setup(struct dctx *c)
{
	__u32 p[T4_URING_PARAMS_WORDS];

	dc_uint(c, 0);
	/* in and out: all of it once the call returned, as strace ends it */
	if (dc_stop_unfinished(c, 1))
		return;
	if (!RAW(c, 1) || dc_read(c, RAW(c, 1), p, sizeof(p), c->ok) < 0)
		dc_ptr(c, 1);
	else
		pr_uring_params(c, ARG(c, 1), p, c->ok);
}

/* --- mq_timedreceive, mq_notify, mq_getsetattr */

static const struct rn_xlat t4_mq_flags[] = {
	XLAT_PAIR(04000, "O_NONBLOCK"), XLAT_END,
};

static void pr_mq_attr_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	__s64 a[4];

	if (!addr || dc_read(c, addr, a, sizeof(a), out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_puts(sb, "{mq_flags=");
	pr_flags_unk(sb, t4_mq_flags, (__u64)a[0], "O_");
	rn_sb_printf(sb, ", mq_maxmsg=%lld, mq_msgsize=%lld, mq_curmsgs=%lld}", (long long)a[1],
		     (long long)a[2], (long long)a[3]);
}

/* mq_timedreceive(mqd, buf, len, prio, timeout) */
void dec_mq_timedreceive(struct dctx *c)
{
	__u32 prio;

	dc_fd(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		dc_outbuf(c, 1, true);
	else
		dc_ptr(c, 1);
	dc_ulong(c, 2);
	if (!c->ok || dc_read(c, RAW(c, 3), &prio, sizeof(prio), true) < 0)
		dc_ptr(c, 3);
	else
		rn_sb_printf(ARG(c, 3), "[%u]", prio);
	pr_timespec_at(c, ARG(c, 4), RAW(c, 4), false);
}

void dec_mq_notify(struct dctx *c)
{
	dc_fd(c, 0);
	pr_sigevent_at(c, ARG(c, 1), RAW(c, 1));
}

/* mq_getsetattr(mqd, new, old) */
void dec_mq_getsetattr(struct dctx *c)
{
	dc_fd(c, 0);
	pr_mq_attr_at(c, ARG(c, 1), RAW(c, 1), false);
	if (dc_stop_unfinished(c, 2))
		return;
	if (c->ok)
		pr_mq_attr_at(c, ARG(c, 2), RAW(c, 2), true);
	else
		dc_ptr(c, 2);
}
