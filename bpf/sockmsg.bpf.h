/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * What the socket calls' decoders need beyond the capture table's rules,
 * copied at their exit: for sendmsg/recvmsg the msghdr's name, its iovec
 * array and the data of its first iovecs (the ptrace backend reads these
 * live); and for a netlink socket its protocol (an RN_REG_NLPROTO region)
 * and the whole message buffer, up to what the payload holds, since strace
 * decodes netlink messages whole, not cut at -s.
 */
#ifndef RN_BPF_SOCKMSG_BPF_H
#define RN_BPF_SOCKMSG_BPF_H

#include "bpf/common.bpf.h"
#include "bpf/capture.bpf.h"

#define SOCK_IOVS 2		/* iovecs whose data is copied */
#define SOCK_IOV_ARRAY 8	/* iovec entries copied */
#define NL_DATA_MAX 3072	/* a netlink buffer's bytes, at most */
#define SOCK_CTL_MAX 512	/* a control buffer's bytes: a longer one is not
				 * copied at all, so that it prints as its address */

/* The netlink protocol of the current task's descriptor fd, or -1 when it
 * is no netlink socket. Plain loads from the trusted task to the fd array. */
static __always_inline int sock_nl_proto(int fd)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct files_struct *files;
	struct file *f = NULL, **arr;
	struct fdtable *fdt;
	struct socket *sock;
	struct sock *sk;
	__u16 mode;

	if (fd < 0)
		return -1;
	files = t->files;
	if (!files)
		return -1;
	fdt = files->fdt;
	if (!fdt || (__u32)fd >= fdt->max_fds)
		return -1;
	arr = fdt->fd;
	if (bpf_probe_read_kernel(&f, sizeof(f), &arr[fd]) || !f)
		return -1;
	mode = BPF_CORE_READ(f, f_inode, i_mode);
	if ((mode & 0170000) != 0140000)	/* S_IFSOCK */
		return -1;
	sock = BPF_CORE_READ(f, private_data);
	sk = BPF_CORE_READ(sock, sk);
	if (!sk || BPF_CORE_READ(sk, __sk_common.skc_family) != 16)	/* AF_NETLINK */
		return -1;
	return (int)BPF_CORE_READ_BITFIELD_PROBED(sk, sk_protocol);
}

static __always_inline void sock_put_proto(struct rn_scratch *s, int fd, int proto)
{
	__u32 room = 0;
	int off = region_start(s, &room);

	if (off < 0 || room < 8)
		return;
	*(__u32 *)&s->ev.payload[(off & (RN_PAYLOAD_MAX - 1)) + sizeof(struct rn_region)] =
		(__u32)proto;
	region_end(s, off, (__u64)(__s64)fd, 4, RN_REG_NLPROTO, 0);
}

/* sendmsg/recvmsg: name, control, iovec array, data (left: bytes the call
 * moved); also each message of sendmmsg/recvmmsg (chain.bpf.h). */
static __always_inline void sock_msghdr(struct rn_scratch *s, __u64 addr, bool nl, __s64 left)
{
	struct {
		__u64 name;
		__u32 namelen, pad;
		__u64 iov, iovlen, control, controllen;
	} m;
	__u64 iov[2], want, cap = nl ? NL_DATA_MAX : rn_strsize;
	__u32 i;

	if (bpf_probe_read_user(&m, sizeof(m), (void *)addr))
		return;
	if (m.name && m.namelen)
		put_mem(s, m.name, m.namelen < RN_SOCKADDR_MAX ? m.namelen : RN_SOCKADDR_MAX, 1,
			RN_REG_EXIT);
	/* the cmsgs, whole or not at all (recvmsg: as long as the kernel left it) */
	if (m.control && m.controllen && m.controllen <= SOCK_CTL_MAX)
		put_mem(s, m.control, m.controllen, 1, RN_REG_EXIT);
	if (!m.iov || !m.iovlen)
		return;
	put_mem(s, m.iov, (m.iovlen < SOCK_IOV_ARRAY ? m.iovlen : SOCK_IOV_ARRAY) * 16, 1,
		RN_REG_EXIT);
	for (i = 0; i < SOCK_IOVS && i < m.iovlen && left > 0; i++) {
		if (bpf_probe_read_user(iov, sizeof(iov), (void *)(m.iov + i * 16)) || !iov[0])
			return;
		want = iov[1] < (__u64)left ? iov[1] : (__u64)left;
		left -= want;
		put_mem(s, iov[0], want < cap ? want : cap, 1,
			RN_REG_EXIT | (want > cap ? RN_REG_TRUNC : 0));
	}
}

/* Called at the exit of the four socket calls, after the table's captures. */
__noinline int rn_capture_sock(struct rn_scratch *s, __u32 nr)
{
	__s64 ret, len;
	int proto;

	if (!s)
		return 0;
	ret = s->ev.sc.ret;
	proto = sock_nl_proto((int)s->ev.sc.args[0]);
	if (proto >= 0)
		sock_put_proto(s, (int)s->ev.sc.args[0], proto);
	if (nr == RN_NR_SENDMSG || nr == RN_NR_RECVMSG) {
		if (ret >= 0 || nr == RN_NR_SENDMSG)
			sock_msghdr(s, s->ev.sc.args[1], proto >= 0,
				    nr == RN_NR_RECVMSG ? ret : 0x7fffffff);
		return 0;
	}
	/* the table copied -s bytes of a sendto/recvfrom buffer: a netlink
	 * one is wanted whole */
	len = nr == RN_NR_SENDTO ? (__s64)s->ev.sc.args[2] : ret;
	if (proto >= 0 && len > rn_strsize && s->ev.sc.args[1])
		put_mem(s, s->ev.sc.args[1], len < NL_DATA_MAX ? len : NL_DATA_MAX, 1,
			RN_REG_EXIT | (len > NL_DATA_MAX ? RN_REG_TRUNC : 0));
	return 0;
}

#endif /* RN_BPF_SOCKMSG_BPF_H */
