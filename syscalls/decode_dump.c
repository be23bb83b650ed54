// SPDX-License-Identifier: MIT
/*
 * -e read=SET / -e write=SET: the data a call moved, as hex and ASCII lines
 * under the call, in strace's layout:
 *
 *    | 00000  68 65 6c 6c 6f 0a                                 hello.           |
 *
 * Vector calls (readv, writev, sendmsg, recvmsg) say " * N bytes in buffer I"
 * before each buffer. Bytes come from the captured payload or the live task
 * (rn_mem); what neither holds is said as missing, never made up.
 */
#include "decode.h"

#include <sys/syscall.h>

#include "mem.h"

#define DUMP_ROW 16
#define DUMP_CHUNK 4096		/* a multiple of DUMP_ROW */

/* How each call moves its data. */
enum dump_how {
	DUMP_NONE,
	DUMP_BUF_RET,		/* buffer arg 1, length = return value */
	DUMP_BUF_ARG,		/* buffer arg 1, length = arg 2 */
	DUMP_IOV_RET,		/* iovec array arg 1, count arg 2, up to the return value */
	DUMP_IOV,		/* iovec array arg 1, count arg 2, every buffer */
	DUMP_MSG_RET,		/* msghdr arg 1, its iovecs up to the return value */
	DUMP_MSG,		/* msghdr arg 1, every buffer */
};

static enum dump_how dump_how(long nr)
{
	switch (nr) {
	case SYS_read:
	case SYS_pread64:
	case SYS_recvfrom:
		return DUMP_BUF_RET;
	case SYS_write:
	case SYS_pwrite64:
	case SYS_sendto:
		return DUMP_BUF_ARG;
	case SYS_readv:
	case SYS_preadv:
	case SYS_preadv2:
		return DUMP_IOV_RET;
	case SYS_writev:
	case SYS_pwritev:
	case SYS_pwritev2:
		return DUMP_IOV;
	case SYS_recvmsg:
		return DUMP_MSG_RET;
	case SYS_sendmsg:
		return DUMP_MSG;
	}
	return DUMP_NONE;
}

int rn_dump_dir(long nr)
{
	switch (dump_how(nr)) {
	case DUMP_NONE:
		return RN_DUMP_NONE;
	case DUMP_BUF_RET:
	case DUMP_IOV_RET:
	case DUMP_MSG_RET:
		return RN_DUMP_READ;
	default:
		return RN_DUMP_WRITE;
	}
}

static void dump_row(const __u8 *p, size_t n, __u64 off, struct rn_strbuf *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	rn_sb_printf(out, " | %05llx  ", (unsigned long long)off);
	for (i = 0; i < DUMP_ROW; i++) {
		if (i < n) {
			rn_sb_putc(out, hex[p[i] >> 4]);
			rn_sb_putc(out, hex[p[i] & 15]);
			rn_sb_putc(out, ' ');
		} else {
			rn_sb_puts(out, "   ");
		}
		if (i == DUMP_ROW / 2 - 1)
			rn_sb_putc(out, ' ');
	}
	rn_sb_putc(out, ' ');
	for (i = 0; i < DUMP_ROW; i++)
		rn_sb_putc(out, i >= n ? ' ' : p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : '.');
	rn_sb_puts(out, " |\n");
}

/* The bytes of the payload at addr (at most want): a region that starts at
 * or before addr. Returns how many, 0 when none was captured. */
static size_t captured(const struct rn_event *ev, __u64 addr, size_t want, const __u8 **p)
{
	const struct rn_region *r;

	*p = rn_mem_find(ev, addr, 1, -1, &r);
	if (!*p)
		return 0;
	return r->len - (addr - r->addr) < want ? r->len - (addr - r->addr) : want;
}

/* One buffer of len bytes at addr, read in chunks; ends with a line saying
 * how much is missing when the rest can be read neither from the payload
 * nor from the task (eBPF copies at most -s bytes). */
static void dump_buf(const struct rn_mem *m, bool out_data, __u64 addr, __u64 len,
		     struct rn_strbuf *out)
{
	__u8 chunk[DUMP_CHUNK];
	__u64 off = 0;

	while (off < len) {
		size_t n = len - off < DUMP_CHUNK ? len - off : DUMP_CHUNK;
		const __u8 *p = chunk;
		int rc = out_data ? rn_mem_read_out(m, addr + off, chunk, n) :
			 rn_mem_read(m, addr + off, chunk, n);
		size_t have = rc ? captured(m->ev, addr + off, n, &p) : n;

		for (size_t i = 0; i < have; i += DUMP_ROW)
			dump_row(p + i, have - i < DUMP_ROW ? have - i : DUMP_ROW, off + i, out);
		off += have;
		if (have < n) {
			rn_sb_printf(out, " | ... %llu of %llu bytes not captured\n",
				     (unsigned long long)(len - off), (unsigned long long)len);
			return;
		}
	}
}

/* iovec buffers in order, each cut to what is left of limit (the bytes the
 * call moved); as strace, the dump ends at the first empty one. */
static void dump_iov(const struct rn_mem *m, bool out_data, __u64 iov, __u64 cnt,
		     __u64 limit, struct rn_strbuf *out)
{
	for (__u64 i = 0; i < cnt && i < 1024; i++) {
		__u64 v[2];	/* iov_base, iov_len */

		if (rn_mem_read(m, iov + i * sizeof(v), v, sizeof(v))) {
			rn_sb_printf(out, " | ... buffers %llu to %llu not captured\n",
				     (unsigned long long)i, (unsigned long long)cnt - 1);
			return;
		}
		if (v[1] > limit)
			v[1] = limit;
		if (!v[1])
			return;
		limit -= v[1];
		rn_sb_printf(out, " * %llu bytes in buffer %llu\n", (unsigned long long)v[1],
			     (unsigned long long)i);
		dump_buf(m, out_data, v[0], v[1], out);
	}
}

/* struct msghdr (x86_64): msg_iov at 16, msg_iovlen at 24. */
static void dump_msg(const struct rn_mem *m, bool out_data, __u64 msg, __u64 limit,
		     struct rn_strbuf *out)
{
	__u64 h[4];

	if (rn_mem_read(m, msg, h, sizeof(h))) {
		rn_sb_puts(out, " | ... message header not captured\n");
		return;
	}
	dump_iov(m, out_data, h[2], h[3], limit, out);
}

void rn_decode_dump(const struct rn_event *ev, const struct rn_memsrc *live,
		    struct rn_strbuf *out)
{
	struct rn_mem m = { .ev = ev, .live = live };
	const __u64 *a = ev->sc.args;
	__u64 ret = (__u64)ev->sc.ret;

	if (ev->type != RN_EV_SYSCALL || ev->sc.ret < 0 ||
	    ev->flags & (RN_F_UNFINISHED | RN_F_DETACHED | RN_F_ENTRY_MISSED))
		return;
	switch (dump_how(ev->sc.nr)) {
	case DUMP_NONE:
		return;
	case DUMP_BUF_RET:
		dump_buf(&m, true, a[1], ret, out);
		return;
	case DUMP_BUF_ARG:
		dump_buf(&m, false, a[1], a[2], out);
		return;
	case DUMP_IOV_RET:
		dump_iov(&m, true, a[1], a[2], ret, out);
		return;
	case DUMP_IOV:
		dump_iov(&m, false, a[1], a[2], ~0ULL, out);
		return;
	case DUMP_MSG_RET:
		dump_msg(&m, true, a[1], ret, out);
		return;
	case DUMP_MSG:
		dump_msg(&m, false, a[1], ~0ULL, out);
		return;
	}
}
