/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * Chains: the memory a call's decoder reads that the capture table's
 * argument rules cannot describe, copied at the call's exit by the function
 * its row names (chain=, enum rn_cap_chain in backends/capture.h). Either
 * the memory is reached through a pointer inside captured memory (io_submit's
 * iocbs and a write's data, writev's data, pselect6's mask) or its size and
 * direction depend on a command argument (keyctl, quotactl, io_uring_register,
 * ptrace). The ptrace backend's decoders read the same memory live.
 *
 * Only the calls whose row names a chain pay for it: sys_exit reads one
 * byte of the row for every other call. Every copy is bounded (the constants
 * below, -s for data, the payload's room); what a bound leaves out is not
 * captured, so the decoder prints its address (and the record is flagged
 * RN_F_TRUNCATED), never a shortened value as if whole. Regions carry
 * RN_REG_EXIT, as the table's own copies at exit do: the decoders read
 * inputs from entry regions first, then from these.
 */
#ifndef RN_BPF_CHAIN_BPF_H
#define RN_BPF_CHAIN_BPF_H

#include "bpf/common.bpf.h"
#include "bpf/capture.bpf.h"
#include "bpf/sockmsg.bpf.h"

#define CHAIN_IOV_MAX	  64	/* iovecs whose data is copied */
#define CHAIN_AIO_MAX	  64	/* iocbs copied */
#define CHAIN_ARRAY_MAX	  256	/* elements of an array (fds, iovecs, probe ops) */
#define CHAIN_MINCORE_MAX 1024	/* bytes of mincore's vector (pages) */
#define CHAIN_FILTER_MAX  256	/* classic BPF instructions (seccomp) */
#define CHAIN_MMSG_MAX	  8	/* messages of sendmmsg/recvmmsg copied */
#define CHAIN_MMSG_SIZE	  64	/* struct mmsghdr */

#define CHAIN_GETREGSET	  0x4204u	/* PTRACE_GETREGSET */
#define CHAIN_SETREGSET	  0x4205u	/* PTRACE_SETREGSET */
#define CHAIN_PEEKSIGINFO 0x4209u	/* PTRACE_PEEKSIGINFO */
#define CHAIN_IOWQ_MAX	  19u		/* IORING_REGISTER_IOWQ_MAX_WORKERS */
#define CHAIN_RSRC_MAX	  256u		/* bytes of io_uring_rsrc_register/update2 */
#define CHAIN_BUF_REG_SIZE 40u		/* struct io_uring_buf_reg */
#define CHAIN_FPREGS_SIZE 512u		/* struct user_fpregs_struct */
#define CHAIN_REGSET_MAX  576u		/* bytes of a regset's iov_base */
#define CHAIN_SIGINFO_MAX 16u		/* siginfos of PTRACE_PEEKSIGINFO */
#define CHAIN_DH_SIZE	  12u		/* struct keyctl_dh_params */
#define CHAIN_KDF_SIZE	  56u		/* struct keyctl_kdf_params */
#define CHAIN_PKEY_SIZE	  40u		/* struct keyctl_pkey_params */
#define CHAIN_PKEY_QUERY  56u		/* struct keyctl_pkey_query */
#define CHAIN_SOCKOPT_MAX 272u		/* setsockopt's largest structure, and some */
#define CHAIN_SIOCGIFCONF 0x8912u	/* ioctl SIOCGIFCONF */
#define CHAIN_IFCONF_MAX  1040u		/* 26 struct ifreq */
#define CHAIN_BLKPG	  0x1269u	/* ioctl BLKPG */
#define CHAIN_BLKPG_PART  152u		/* struct blkpg_partition */
#define CHAIN_IPC_64	  0x100u	/* the IPC_64 flag of a SysV IPC command */
#define CHAIN_IPC_DS	  120u		/* size ipc_ds: struct msqid64_ds */

static __always_inline __u64 chain_min(__u64 a, __u64 b)
{
	return a < b ? a : b;
}

/* want bytes at addr, of which the decoders show at most cap: cut there,
 * flagged as continuing; when: RN_REG_EXIT, or 0 for a copy at entry */
static __always_inline int chain_put_cut(struct rn_scratch *s, __u64 addr, __u64 want, __u64 cap,
					 __u32 arg, __u32 when)
{
	if (!addr || !want)
		return 0;
	return put_mem(s, addr, chain_min(want, cap), arg,
		       when | (want > cap ? RN_REG_TRUNC : 0));
}

/* n elements of size bytes at addr, at most CHAIN_ARRAY_MAX of them; a cut
 * array is said (RN_F_TRUNCATED) and its tail prints as uncaptured */
static __always_inline int chain_put_array(struct rn_scratch *s, __u64 addr, __u64 n, __u32 size,
					   __u32 arg, __u32 when)
{
	if (!addr || !n)
		return 0;
	if (n > CHAIN_ARRAY_MAX) {
		n = CHAIN_ARRAY_MAX;
		s->ev.flags |= RN_F_TRUNCATED;
	}
	return put_mem(s, addr, n * size, arg, when);
}

/* --- the data of an iovec array */

struct iov_walk {
	struct rn_scratch *s;
	__u64 addr;		/* the iovec array */
	__u64 cnt;		/* its entries */
	__u64 left;		/* bytes the call moved (an output), or ~0 */
	__u32 arg;
	__u32 when;		/* RN_REG_EXIT or 0 */
};

static long iov_data_step(__u32 i, void *data)
{
	struct iov_walk *w = data;
	__u64 iov[2], n;

	if (i >= w->cnt || !w->left)
		return 1;
	if (bpf_probe_read_user(iov, sizeof(iov), (void *)(w->addr + (__u64)i * 16)))
		return 1;
	n = chain_min(iov[1], w->left);
	w->left -= n;
	if (!iov[0] || !n)
		return 0;
	return chain_put_cut(w->s, iov[0], n, rn_strsize, w->arg, w->when) < 0;
}

/* Each iovec's first -s bytes (of the first left bytes in all): what
 * pr_iov() shows. bpf_loop: the verifier walks the step once. */
static __always_inline void chain_iov_data(struct rn_scratch *s, __u64 addr, __u64 cnt, __u64 left,
					   __u32 arg, __u32 when)
{
	struct iov_walk w = { .s = s, .addr = addr, .cnt = cnt, .left = left, .arg = arg,
			      .when = when };

	if (!addr || !cnt || !left)
		return;
	if (cnt > CHAIN_IOV_MAX)
		s->ev.flags |= RN_F_TRUNCATED;
	bpf_loop(CHAIN_IOV_MAX, iov_data_step, &w, 0);
}

/* readv (out: as far as the call filled them) and writev's families, vmsplice,
 * process_vm_readv/writev's local iovecs: the table copied the array */
static __always_inline void chain_iov(struct rn_scratch *s, bool out)
{
	__s64 ret = s->ev.sc.ret;

	if (out && ret <= 0)
		return;
	chain_iov_data(s, s->ev.sc.args[1], s->ev.sc.args[2], out ? (__u64)ret : ~0ull, 1,
		       RN_REG_EXIT);
}

/* --- io_submit(ctx, nr, iocbpp): each iocb, and what its opcode reads */

/* struct iocb (x86_64): the fields followed */
struct chain_iocb {
	__u64 data;
	__u32 key, rw_flags;
	__u16 opcode;
	__s16 reqprio;
	__u32 fildes;
	__u64 buf, nbytes;
	__s64 offset;
	__u64 reserved2;
	__u32 flags, resfd;
};

struct aio_walk {
	struct rn_scratch *s;
	__u64 addr;		/* the array of iocb pointers */
	__u64 n;
	__u32 when;		/* 0: at entry; RN_REG_EXIT: the fallback at exit */
};

static long aio_step(__u32 i, void *data)
{
	struct aio_walk *w = data;
	struct chain_iocb cb;
	__u64 p = 0;

	if (i >= w->n)
		return 1;
	if (bpf_probe_read_user(&p, sizeof(p), (void *)(w->addr + (__u64)i * 8)))
		return 1;
	if (!p || bpf_probe_read_user(&cb, sizeof(cb), (void *)p))
		return 0;	/* the decoder prints the pointer */
	if (put_mem(w->s, p, sizeof(cb), 2, w->when) < 0)
		return 1;
	switch (cb.opcode) {
	case 1:			/* IOCB_CMD_PWRITE: the data, a string */
		chain_put_cut(w->s, cb.buf, cb.nbytes, rn_strsize, 2, w->when);
		break;
	case 7: case 8:		/* PREADV, PWRITEV: the iovecs; PWRITEV's data */
		if (cb.nbytes > CHAIN_IOV_MAX)
			w->s->ev.flags |= RN_F_TRUNCATED;
		chain_put_array(w->s, cb.buf, chain_min(cb.nbytes, CHAIN_IOV_MAX), 16, 2, w->when);
		if (cb.opcode == 8)
			chain_iov_data(w->s, cb.buf, cb.nbytes, ~0ull, 2, w->when);
		break;
	}
	return 0;
}

/* The iocbs io_submit was given, into s (its arguments set). A global
 * function: called at entry and, as a fallback, at exit. */
__noinline int rn_capture_aio(struct rn_scratch *s, __u32 when)
{
	struct aio_walk w = { .s = s };

	if (!s)
		return 0;
	w.addr = s->ev.sc.args[2];
	w.n = s->ev.sc.args[1];
	w.when = when;
	if (!w.addr || (__s64)w.n <= 0)
		return 0;
	if (w.n > CHAIN_AIO_MAX)
		s->ev.flags |= RN_F_TRUNCATED;
	bpf_loop(CHAIN_AIO_MAX, aio_step, &w, 0);
	return 0;
}

/*
 * The kernel writes 0 into each iocb's aio_key as it submits it: the iocbs
 * are copied at entry (chain_entry()), as strace reads them, into the task's
 * execcap record (free while no exec is in flight), and appended here to
 * the record at exit. Copied now only when that failed.
 */
static __always_inline void chain_aio(struct rn_scratch *s)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct rn_scratch *e = bpf_task_storage_get(&execcap, t, 0, 0);
	__u32 len, off = s->ev.sc.payload_len;

	if (!e) {
		rn_capture_aio(s, RN_REG_EXIT);
		return;
	}
	len = e->ev.sc.payload_len;
	if (e->ev.sc.nr == s->ev.sc.nr && e->ev.ts_ns == s->ev.ts_ns &&
	    e->ev.sc.args[2] == s->ev.sc.args[2] && len <= RN_PAYLOAD_MAX && off <= RN_PAYLOAD_MAX) {
		if (len > RN_PAYLOAD_MAX - off) {
			s->ev.flags |= RN_F_TRUNCATED;	/* all or none: regions stay whole */
		} else if (len) {
			bpf_probe_read_kernel(&s->ev.payload[off & (RN_PAYLOAD_MAX - 1)], len,
					      e->ev.payload);
			s->ev.sc.payload_len = off + len;
		}
		s->ev.flags |= e->ev.flags & RN_F_TRUNCATED;
	} else {
		rn_capture_aio(s, RN_REG_EXIT);
	}
	bpf_task_storage_delete(&execcap, t);
}

/* io_submit at entry: its iocbs into the task's execcap record */
static __always_inline void chain_aio_entry(struct rn_pend *p)
{
	struct rn_scratch *e = bpf_task_storage_get(&execcap, bpf_get_current_task_btf(), 0,
						    BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (!e)
		return;
	e->ev.ts_ns = p->ts;
	e->ev.flags = 0;
	e->ev.sc.nr = p->nr;
	e->ev.sc.payload_len = 0;
	e->ev.sc.args[1] = p->args[1];
	e->ev.sc.args[2] = p->args[2];
	rn_capture_aio(e, 0);
}

/* --- {const sigset_t *ss, size_t ss_len} in argument 5 (pselect6,
 * io_pgetevents; the table copied the pair): the set, when the decoder
 * shows it (at most 8 bytes) */
static __always_inline void chain_sigsetp(struct rn_scratch *s)
{
	__u64 ss[2];

	if (!s->ev.sc.args[5] || bpf_probe_read_user(ss, sizeof(ss), (void *)s->ev.sc.args[5]))
		return;
	if (ss[0] && ss[1] && ss[1] <= 8)
		put_mem(s, ss[0], ss[1], 5, RN_REG_EXIT);
}

/* The resource structure of io_uring_register's FILES2/BUFFERS2 (update:
 * FILES_UPDATE2/BUFFERS_UPDATE), size bytes (nr_args), and its tables: the
 * descriptors (files) or iovecs (buffers), and the tags. The opcode says
 * which: odd (13, 15 register; 14 update of files) below 15 are files. */
static __always_inline void chain_rsrc(struct rn_scratch *s, __u64 arg, __u64 size, int update)
{
	__u32 op = (__u32)s->ev.sc.args[1], nr;
	__u64 r[4], data, tags;

	if (size < sizeof(r) || bpf_probe_read_user(r, sizeof(r), (void *)arg))
		return;
	/* the whole structure, so that nonzero bytes past the known ones show */
	chain_put_cut(s, arg, size, CHAIN_RSRC_MAX, 2, RN_REG_EXIT);
	if (update) {
		nr = (__u32)r[3];
		data = r[1];
		tags = r[2];
	} else {
		nr = (__u32)r[0];
		data = r[2];
		tags = r[3];
	}
	chain_put_array(s, data, nr, op == 13 || op == 14 ? 4 : 16, 2, RN_REG_EXIT);
	chain_put_array(s, tags, nr, 8, 2, RN_REG_EXIT);
}

/* --- io_uring_register(fd, opcode, arg, nr_args): the table copied nr_args
 * ints at arg, right for the fd and eventfd arrays and the worker limits */
static __always_inline void chain_uring_reg(struct rn_scratch *s)
{
	__u64 arg = s->ev.sc.args[2], n = (__u32)s->ev.sc.args[3], upd[2];

	if (!arg)
		return;
	switch ((__u32)s->ev.sc.args[1]) {
	case 0:		/* REGISTER_BUFFERS: iovecs */
		chain_put_array(s, arg, n, 16, 2, RN_REG_EXIT);
		break;
	case 6:		/* FILES_UPDATE: {offset, resv, fds}, then the fds */
		if (bpf_probe_read_user(upd, sizeof(upd), (void *)arg))
			return;
		put_mem(s, arg, sizeof(upd), 2, RN_REG_EXIT);
		chain_put_array(s, upd[1], n, 4, 2, RN_REG_EXIT);
		break;
	case 8:		/* PROBE: the header and the ops the call filled */
		if (n > CHAIN_ARRAY_MAX) {
			n = CHAIN_ARRAY_MAX;
			s->ev.flags |= RN_F_TRUNCATED;
		}
		put_mem(s, arg, 16 + n * 8, 2, RN_REG_EXIT);
		break;
	case 11:	/* RESTRICTIONS: n of {opcode, op, resv, resv2[3]} */
	case 20: case 21:	/* (UN)REGISTER_RING_FDS: n of {offset, resv, data} */
		chain_put_array(s, arg, n, 16, 2, RN_REG_EXIT);
		break;
	case 13: case 15:	/* FILES2, BUFFERS2: {nr, flags, resv2, data, tags} */
		chain_rsrc(s, arg, n, 0);
		break;
	case 14: case 16:	/* FILES_UPDATE2, BUFFERS_UPDATE: {offset, resv,
				 * data, tags, nr, resv2} */
		chain_rsrc(s, arg, n, 1);
		break;
	case 22: case 23:	/* (UN)REGISTER_PBUF_RING: struct io_uring_buf_reg */
		put_mem(s, arg, CHAIN_BUF_REG_SIZE, 2, RN_REG_EXIT);
		break;
	}
}

/* keyctl DH_COMPUTE(params, buf, buflen, kdf): the three serials, what the
 * call wrote, the KDF parameters with their hash name and otherinfo */
static __always_inline void chain_keyctl_dh(struct rn_scratch *s)
{
	__u64 *a = s->ev.sc.args, kdf[3], cap = rn_strsize;
	__s64 ret = s->ev.sc.ret;

	if (a[1])
		put_mem(s, a[1], CHAIN_DH_SIZE, 1, RN_REG_EXIT);
	if (ret > 0)
		chain_put_cut(s, a[2], chain_min(ret, a[3]), cap, 2, RN_REG_EXIT);
	if (!a[4] || bpf_probe_read_user(kdf, sizeof(kdf), (void *)a[4]))
		return;
	put_mem(s, a[4], CHAIN_KDF_SIZE, 4, RN_REG_EXIT);
	if (kdf[0])
		put_str(s, kdf[0], cap, 4, RN_REG_EXIT);
	chain_put_cut(s, kdf[1], (__u32)kdf[2], cap, 4, RN_REG_EXIT);
}

/* keyctl PKEY_ENCRYPT/DECRYPT/SIGN(params, info, in, out), PKEY_VERIFY(
 * params, info, in, in2): the buffers as long as params says */
static __always_inline void chain_keyctl_pkey(struct rn_scratch *s)
{
	__u64 *a = s->ev.sc.args, cap = rn_strsize;
	__s64 ret = s->ev.sc.ret;
	__u32 p[4];

	if (a[2])
		put_str(s, a[2], cap, 2, RN_REG_EXIT);
	if (!a[1] || bpf_probe_read_user(p, sizeof(p), (void *)a[1]))
		return;
	put_mem(s, a[1], CHAIN_PKEY_SIZE, 1, RN_REG_EXIT);
	chain_put_cut(s, a[3], p[1], cap, 3, RN_REG_EXIT);
	if ((__u32)a[0] == 28)
		chain_put_cut(s, a[4], p[2], cap, 4, RN_REG_EXIT);
	else if (ret > 0)
		chain_put_cut(s, a[4], chain_min(ret, p[2]), cap, 4, RN_REG_EXIT);
}

/* --- keyctl(cmd, ...): what each command's decoder reads */
static __always_inline void chain_keyctl(struct rn_scratch *s)
{
	__u64 *a = s->ev.sc.args, cap = rn_strsize;
	__s64 ret = s->ev.sc.ret;

	switch ((__u32)a[0]) {
	case 1:			/* JOIN_SESSION_KEYRING(name) */
		if (a[1])
			put_str(s, a[1], cap, 1, RN_REG_EXIT);
		break;
	case 2: case 12:	/* UPDATE, INSTANTIATE(key, payload, plen, ...) */
		chain_put_cut(s, a[2], a[3], cap, 2, RN_REG_EXIT);
		break;
	case 6: case 11: case 17:	/* DESCRIBE, READ, GET_SECURITY: what was written
					 * (text: one byte past -s shows the cut) */
		if (ret > 0)
			chain_put_cut(s, a[2], chain_min(ret, a[3]), cap + 1, 2, RN_REG_EXIT);
		break;
	case 10: case 29:	/* SEARCH(keyring, type, description, ...),
				 * RESTRICT_KEYRING(keyring, type, restriction) */
		if (a[2])
			put_str(s, a[2], cap, 2, RN_REG_EXIT);
		if (a[3])
			put_str(s, a[3], cap, 3, RN_REG_EXIT);
		break;
	case 20:		/* INSTANTIATE_IOV(key, iov, n, keyring) */
		if (a[3] <= 1024) {	/* UIO_MAXIOV: above, the decoder prints the address */
			chain_put_array(s, a[2], a[3], 16, 2, RN_REG_EXIT);
			chain_iov_data(s, a[2], a[3], ~0ull, 2, RN_REG_EXIT);
		}
		break;
	case 31:		/* CAPABILITIES(buf, len): two bytes shown */
		if (ret > 0)
			chain_put_cut(s, a[1], chain_min(ret, a[2]), 2, 1, RN_REG_EXIT);
		break;
	case 23:		/* DH_COMPUTE(params, buf, buflen, kdf) */
		chain_keyctl_dh(s);
		break;
	case 24:		/* PKEY_QUERY(key, reserved, info, query) */
		if (a[3])
			put_str(s, a[3], cap, 3, RN_REG_EXIT);
		if (!ret && a[4])
			put_mem(s, a[4], CHAIN_PKEY_QUERY, 4, RN_REG_EXIT);
		break;
	case 25: case 26: case 27: case 28:
		chain_keyctl_pkey(s);
		break;
	}
}

/* --- quotactl(cmd, special, id, addr), quotactl_fd(fd, cmd, id, addr):
 * addr by command; outputs once the call succeeded */
static __always_inline void chain_quota(struct rn_scratch *s, __u32 cmd)
{
	__u64 addr = s->ev.sc.args[3];
	bool ok = s->ev.sc.ret == 0;
	__u32 size = 0;

	if (!addr)
		return;
	switch (cmd >> 8) {
	case 0x800002:		/* Q_QUOTAON: the quota file */
		put_str(s, addr, rn_pathmax, 3, RN_REG_EXIT);
		return;
	case 0x800008:		/* Q_SETQUOTA: struct if_dqblk */
		size = 72;
		break;
	case 0x800007: case 0x800009:	/* Q_GETQUOTA, Q_GETNEXTQUOTA */
		size = ok ? 72 : 0;
		break;
	case 0x800006:		/* Q_SETINFO: struct if_dqinfo */
		size = 24;
		break;
	case 0x800005:		/* Q_GETINFO */
		size = ok ? 24 : 0;
		break;
	case 0x800004:		/* Q_GETFMT */
		size = ok ? 4 : 0;
		break;
	case 0x5801: case 0x5802:	/* Q_XQUOTAON, Q_XQUOTAOFF: flags */
		size = 4;
		break;
	}
	if (size)
		put_mem(s, addr, size, 3, RN_REG_EXIT);
}

/* --- msgsnd(id, msgp, msgsz, flags), msgrcv(id, msgp, msgsz, type, flags):
 * mtype and the first -s bytes of mtext (strace shows msgsz of them) */
static __always_inline void chain_msg(struct rn_scratch *s, bool out)
{
	__u64 sz = s->ev.sc.args[2], cap = rn_strsize;

	if (!s->ev.sc.args[1] || (out && s->ev.sc.ret < 0))
		return;
	put_mem(s, s->ev.sc.args[1], 8 + chain_min(sz, cap), 1,
		RN_REG_EXIT | (sz > cap ? RN_REG_TRUNC : 0));
}

/* --- mincore(addr, len, vec): a byte a page */
static __always_inline void chain_mincore(struct rn_scratch *s)
{
	__u64 pages = (s->ev.sc.args[1] + 4095) / 4096;

	if (s->ev.sc.ret || !s->ev.sc.args[2] || !pages)
		return;
	if (pages > CHAIN_MINCORE_MAX) {
		pages = CHAIN_MINCORE_MAX;
		s->ev.flags |= RN_F_TRUNCATED;
	}
	put_mem(s, s->ev.sc.args[2], pages, 2, RN_REG_EXIT);
}

/* --- ptrace: the structures behind data (FPREGS, regsets, PEEKSIGINFO) */
static __always_inline void chain_ptrace(struct rn_scratch *s)
{
	__u64 *a = s->ev.sc.args, iov[2];
	__s64 ret = s->ev.sc.ret;
	__u32 req = (__u32)a[0];

	switch (req) {
	case 14:		/* GETFPREGS: what the call wrote */
		if (!ret && a[3])
			put_mem(s, a[3], CHAIN_FPREGS_SIZE, 3, RN_REG_EXIT);
		return;
	case 15:		/* SETFPREGS: the input, failed or not */
		if (a[3])
			put_mem(s, a[3], CHAIN_FPREGS_SIZE, 3, RN_REG_EXIT);
		return;
	case CHAIN_PEEKSIGINFO:	/* {off, flags, nr}, then the siginfos read */
		if (a[2])
			put_mem(s, a[2], 16, 2, RN_REG_EXIT);
		if (ret > 0 && a[3])
			chain_put_cut(s, a[3], (__u64)ret * 128, CHAIN_SIGINFO_MAX * 128, 3,
				      RN_REG_EXIT);
		return;
	case CHAIN_GETREGSET: case CHAIN_SETREGSET:
		break;
	default:
		return;
	}
	/* GETREGSET: the iovec as the call left it (its entry value was kept
	 * by chain_entry()) and the registers; SETREGSET: the input */
	if (!a[3] || (req == CHAIN_GETREGSET && ret) ||
	    bpf_probe_read_user(iov, sizeof(iov), (void *)a[3]))
		return;
	put_mem(s, a[3], sizeof(iov), 3, RN_REG_EXIT);
	if (iov[0] && iov[1])
		chain_put_cut(s, iov[0], iov[1], CHAIN_REGSET_MAX, 3, RN_REG_EXIT);
}

/* --- seccomp(SET_MODE_FILTER, flags, fprog): the instructions of
 * {len, filter} (the table copied the pair) */
static __always_inline void chain_seccomp(struct rn_scratch *s)
{
	__u64 fp[2], n;

	if ((__u32)s->ev.sc.args[0] != 1 || !s->ev.sc.args[2] ||
	    bpf_probe_read_user(fp, sizeof(fp), (void *)s->ev.sc.args[2]))
		return;
	n = (__u16)fp[0];
	if (n > CHAIN_FILTER_MAX) {
		n = CHAIN_FILTER_MAX;
		s->ev.flags |= RN_F_TRUNCATED;
	}
	if (fp[1] && n)
		put_mem(s, fp[1], n * 8, 2, RN_REG_EXIT);
}

/* --- setsockopt(fd, level, name, val, len): the table copied -s bytes of
 * val, right for strings and ints; a structure decoded whole that is longer
 * (struct group_req and group_source_req: 136 and 264 bytes) whole */
static __always_inline void chain_sockopt(struct rn_scratch *s)
{
	__u64 len = (__u32)s->ev.sc.args[4];

	if (s->ev.sc.args[3] && len > rn_strsize)
		chain_put_cut(s, s->ev.sc.args[3], len, CHAIN_SOCKOPT_MAX, 3, RN_REG_EXIT);
}

/* --- ioctl(fd, request, arg): what a pointer inside arg's structure
 * points to (the table copied the structure) */
static __always_inline void chain_ioctl(struct rn_scratch *s)
{
	__u64 arg = s->ev.sc.args[2], w[2];

	if (!arg)
		return;
	switch ((__u32)s->ev.sc.args[1]) {
	case CHAIN_SIOCGIFCONF:	/* {ifc_len, ifc_buf}: the ifreqs the call filled */
		if (s->ev.sc.ret || bpf_probe_read_user(w, sizeof(w), (void *)arg))
			return;
		chain_put_cut(s, w[1], (__u32)w[0], CHAIN_IFCONF_MAX, 2, RN_REG_EXIT);
		break;
	case CHAIN_BLKPG:	/* {op, flags, datalen, data}: struct blkpg_partition */
		if (bpf_probe_read_user(w, sizeof(w), (void *)(arg + 8)))
			return;
		if (w[1])
			put_mem(s, w[1], CHAIN_BLKPG_PART, 2, RN_REG_EXIT);
		break;
	}
}

/* --- shmctl/msgctl(id, cmd, buf), semctl(id, num, cmd, arg): the table
 * copies buf once the call succeeded (an output for the *_STAT commands);
 * IPC_SET's is an input, shown however the call ended */
static __always_inline void chain_ipc_ctl(struct rn_scratch *s, int cmd_arg)
{
	__u64 buf = s->ev.sc.args[cmd_arg + 1];

	if (s->ev.sc.ret >= 0 || !buf || ((__u32)s->ev.sc.args[cmd_arg] & ~CHAIN_IPC_64) != 1)
		return;
	put_mem(s, buf, CHAIN_IPC_DS, cmd_arg + 1, RN_REG_EXIT);
}

/* --- bpf(cmd, attr, size): what the decoder prints behind the attr's
 * pointers, by command (word offsets into union bpf_attr) */
static __always_inline void chain_bpf(struct rn_scratch *s)
{
	__u64 attr = s->ev.sc.args[1], w[4], cap = rn_strsize;
	__s64 ret = s->ev.sc.ret;

	if (!attr || bpf_probe_read_user(w, sizeof(w), (void *)attr))
		return;
	switch ((__u32)s->ev.sc.args[0]) {
	case 5:		/* PROG_LOAD: license (word 2); not log_buf, which strace
			 * shows as it was before the call (an address here) */
		if (w[2])
			put_str(s, w[2], cap, 1, RN_REG_EXIT);
		break;
	case 6: case 7:	/* OBJ_PIN, OBJ_GET: pathname */
	case 17:	/* RAW_TRACEPOINT_OPEN: name */
		if (w[0])
			put_str(s, w[0], s->ev.sc.args[0] == 17 ? cap : rn_pathmax, 1, RN_REG_EXIT);
		break;
	case 16:	/* PROG_QUERY: prog_ids (word 2), as many as prog_cnt says */
		if (!ret)
			chain_put_array(s, w[2], (__u32)w[3], 4, 1, RN_REG_EXIT);
		break;
	case 18:	/* BTF_LOAD: btf (word 0), btf_size bytes */
		chain_put_cut(s, w[0], (__u32)w[2], cap, 1, RN_REG_EXIT);
		break;
	case 20:	/* TASK_FD_QUERY: buf (word 2), buf_len (high half of word 1):
			 * the kernel fills what fits, failed (ENOSPC) or not; the
			 * decoder reads buf_len bytes (up to -s) and stops at a NUL */
		chain_put_cut(s, w[2], (__u32)(w[1] >> 32), cap, 1, RN_REG_EXIT);
		break;
	}
}

/* --- sendmmsg(fd, vec, vlen, flags) / recvmmsg(fd, vec, vlen, flags, timeout):
 * the mmsghdrs the decoder shows (sendmmsg: vlen of them, recvmmsg: those
 * received), each message as sendmsg/recvmsg's. Past CHAIN_MMSG_MAX the
 * decoder prints where the rest is. */
struct mmsg_walk {
	struct rn_scratch *s;
	__u64 addr;
	__u64 n;
	bool out;
};

static long mmsg_step(__u32 i, void *data)
{
	struct mmsg_walk *w = data;
	__u64 a = w->addr + (__u64)i * CHAIN_MMSG_SIZE;
	__u32 len = 0x7fffffff;

	if (i >= w->n)
		return 1;
	if (w->out && bpf_probe_read_user(&len, sizeof(len), (void *)(a + 56)))
		return 1;
	sock_msghdr(w->s, a, false, len);
	return 0;
}

__noinline int rn_capture_mmsg(struct rn_scratch *s, bool out)
{
	struct mmsg_walk w = { .s = s, .out = out };
	__s64 ret;

	if (!s)
		return 0;
	ret = s->ev.sc.ret;
	w.addr = s->ev.sc.args[1];
	w.n = out ? (__u64)ret : (__u32)s->ev.sc.args[2];
	if (!w.addr || (out && ret <= 0) || !w.n)
		return 0;
	if (w.n > CHAIN_MMSG_MAX) {
		w.n = CHAIN_MMSG_MAX;
		s->ev.flags |= RN_F_TRUNCATED;
	}
	/* the array first: without it nothing of the messages shows */
	put_mem(s, w.addr, w.n * CHAIN_MMSG_SIZE, 1, RN_REG_EXIT);
	bpf_loop(CHAIN_MMSG_MAX, mmsg_step, &w, 0);
	return 0;
}

/* At sys_exit, after the table's captures, for a call whose row names a
 * chain. A global function: the verifier checks it once. */
__noinline int rn_capture_chain(struct rn_scratch *s, __u32 nr, __u32 chain)
{
	if (!s)
		return 0;
	switch (chain) {
	case RN_CHAIN_SOCK:
		return rn_capture_sock(s, nr);
	case RN_CHAIN_PARENT_TID:
		capture_parent_tid(s, nr);
		break;
	case RN_CHAIN_DIRENTS:
		capture_dirent_count(s);
		break;
	case RN_CHAIN_IOV_IN: case RN_CHAIN_IOV_OUT:
		chain_iov(s, chain == RN_CHAIN_IOV_OUT);
		break;
	case RN_CHAIN_AIO:
		chain_aio(s);
		break;
	case RN_CHAIN_SIGSETP:
		chain_sigsetp(s);
		break;
	case RN_CHAIN_URING_REG:
		chain_uring_reg(s);
		break;
	case RN_CHAIN_KEYCTL:
		chain_keyctl(s);
		break;
	case RN_CHAIN_QUOTA: case RN_CHAIN_QUOTA_FD:
		chain_quota(s, (__u32)s->ev.sc.args[chain == RN_CHAIN_QUOTA_FD]);
		break;
	case RN_CHAIN_MSG_IN: case RN_CHAIN_MSG_OUT:
		chain_msg(s, chain == RN_CHAIN_MSG_OUT);
		break;
	case RN_CHAIN_MINCORE:
		chain_mincore(s);
		break;
	case RN_CHAIN_PTRACE:
		chain_ptrace(s);
		break;
	case RN_CHAIN_SECCOMP:
		chain_seccomp(s);
		break;
	case RN_CHAIN_SOCKOPT:
		chain_sockopt(s);
		break;
	case RN_CHAIN_IOCTL:
		chain_ioctl(s);
		break;
	case RN_CHAIN_BPF:
		chain_bpf(s);
		break;
	case RN_CHAIN_IPC_CTL: case RN_CHAIN_IPC_CTL3:
		chain_ipc_ctl(s, chain == RN_CHAIN_IPC_CTL ? 1 : 2);
		break;
	case RN_CHAIN_MMSG_IN: case RN_CHAIN_MMSG_OUT:
		return rn_capture_mmsg(s, chain == RN_CHAIN_MMSG_OUT);
	}
	return 0;
}

/*
 * At sys_enter, for the chains that keep an input the call overwrites
 * (rn_chain_at_entry()): into p's entry slots, as save_entry_fixed() does
 * for the table's small inputs. Returns the slots used (a 16-byte input
 * takes both).
 */
static __always_inline __u32 chain_entry(struct rn_pend *p, long nr, __u32 chain)
{
	__u64 *a = p->args;

	switch (chain) {
	case RN_CHAIN_AIO:
		chain_aio_entry(p);
		return 0;
	case RN_CHAIN_SOCK:	/* recvmsg's msg_namelen: "msg_namelen=110 => 16" */
		p->in_val[0] = 0;
		if (nr != RN_NR_RECVMSG || !a[1] ||
		    bpf_probe_read_user(&p->in_val[0], 4, (void *)(a[1] + 8)))
			return 0;
		p->in_addr[0] = a[1] + 8;
		p->in_len[0] = 4;
		p->in_arg[0] = 1;
		return 1;
	case RN_CHAIN_MMSG_OUT:	/* recvmmsg's timeout as it went in */
		if (!a[4] || bpf_probe_read_user(p->in_val, 16, (void *)a[4]))
			return 0;
		p->in_addr[0] = a[4];
		p->in_len[0] = 16;
		p->in_arg[0] = 4;
		return 2;
	case RN_CHAIN_URING_REG:	/* IOWQ_MAX_WORKERS: the limits asked for */
		if ((__u32)a[1] != CHAIN_IOWQ_MAX || !a[2] || (__u32)a[3] != 2 ||
		    bpf_probe_read_user(&p->in_val[0], 8, (void *)a[2]))
			return 0;
		p->in_addr[0] = a[2];
		p->in_len[0] = 8;
		p->in_arg[0] = 2;
		return 1;
	case RN_CHAIN_IOCTL:	/* SIOCGIFCONF's struct ifconf: "ifc_len=640 => 80" */
		if ((__u32)a[1] != CHAIN_SIOCGIFCONF || !a[2] ||
		    bpf_probe_read_user(p->in_val, 16, (void *)a[2]))
			return 0;
		p->in_addr[0] = a[2];
		p->in_len[0] = 16;
		p->in_arg[0] = 2;
		return 2;
	case RN_CHAIN_PTRACE:	/* GET/SETREGSET's iovec: "iov_len=512 => 216" */
		if (((__u32)a[0] != CHAIN_GETREGSET && (__u32)a[0] != CHAIN_SETREGSET) || !a[3] ||
		    bpf_probe_read_user(p->in_val, 16, (void *)a[3]))
			return 0;
		p->in_addr[0] = a[3];
		p->in_len[0] = 16;
		p->in_arg[0] = 3;
		return 2;
	}
	return 0;
}

/*
 * The inputs a call may overwrite, kept at entry so decoders can show
 * "[128 => 16]" as under ptrace: the chain's (above), then the table's small
 * fixed inputs (accept's addrlen). Only the calls rn_entry_in marks.
 */
static __always_inline void save_entry_inputs(struct rn_pend *p, long nr)
{
	__u32 chain, n;

	p->in_len[0] = p->in_len[1] = 0;
	if (nr < 0 || nr >= RN_NR_MAX ||
	    !((rn_entry_in[(nr >> 6) & (RN_BITMAP_WORDS - 1)] >> (nr & 63)) & 1))
		return;
	chain = rn_caps[nr & (RN_NR_MAX - 1)].chain;
	n = chain ? chain_entry(p, nr, chain) : 0;
	save_entry_fixed(p, nr, n);
}

#endif /* RN_BPF_CHAIN_BPF_H */
