/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * Argument capture: the regions of tracee memory the capture table
 * (backends/capture.h, rodata rn_caps) asks for, copied into the record's
 * payload; execve's argv; the small inputs a call overwrites, kept at entry.
 */
#ifndef RN_BPF_CAPTURE_H
#define RN_BPF_CAPTURE_H

#include "bpf/common.bpf.h"

/* Reserve room for a region header at the end of the payload; returns the
 * offset of the header, or -1 (and flags the record) when none is left. */
static __always_inline int region_start(struct rn_scratch *s, __u32 *room)
{
	__u32 off = s->ev.sc.payload_len;

	if (off + sizeof(struct rn_region) >= RN_PAYLOAD_MAX) {
		s->ev.flags |= RN_F_TRUNCATED;
		return -1;
	}
	*room = RN_PAYLOAD_MAX - off - sizeof(struct rn_region);
	return off;
}

static __always_inline void region_end(struct rn_scratch *s, __u32 off, __u64 addr,
				       __u32 len, __u32 flags, __u32 arg)
{
	struct rn_region *r = (void *)&s->ev.payload[off & (RN_PAYLOAD_MAX - 1)];

	r->addr = addr;
	r->len = len;
	r->flags = flags;
	r->arg = arg;
	s->ev.sc.payload_len = off + sizeof(*r) + RN_REGION_ALIGN(len);
}

/* Copy want bytes at addr (fewer when the payload is short of room). */
static __noinline int put_mem(struct rn_scratch *s, __u64 addr, __u32 want, __u32 arg,
			      __u32 flags)
{
	__u32 room = 0, len;
	int off = region_start(s, &room);
	void *dst;

	if (off < 0)
		return -1;
	len = want < room ? want : room;
	if (len < want) {
		flags |= RN_REG_TRUNC;
		s->ev.flags |= RN_F_TRUNCATED;
	}
	barrier_var(len);
	len &= RN_PAYLOAD_MAX - 1;	/* a no-op: len <= room; for the verifier */
	dst = &s->ev.payload[(off & (RN_PAYLOAD_MAX - 1)) + sizeof(struct rn_region)];
	if (bpf_probe_read_user(dst, len, (void *)addr) < 0) {
		len = 0;
		flags = RN_REG_FAULT;
	}
	region_end(s, off, addr, len, flags, arg);
	return 0;
}

/* Copy the C string at addr, at most max bytes of it. */
static __noinline int put_str(struct rn_scratch *s, __u64 addr, __u32 max, __u32 arg,
			      __u32 flags)
{
	__u32 room = 0, cap, len;
	int off = region_start(s, &room);
	long n;
	void *dst;

	if (off < 0)
		return -1;
	/* max + 2: room for one byte past max (to see that the string goes
	 * on) and the NUL. */
	cap = max + 2 < room ? max + 2 : room;
	barrier_var(cap);
	cap &= RN_PAYLOAD_MAX - 1;
	dst = &s->ev.payload[(off & (RN_PAYLOAD_MAX - 1)) + sizeof(struct rn_region)];
	n = bpf_probe_read_user_str(dst, cap, (void *)addr);
	flags |= RN_REG_STR;
	if (n <= 0) {
		region_end(s, off, addr, 0, RN_REG_FAULT, arg);
		return 0;
	}
	len = n - 1;
	if (len > max) {
		len = max;
		flags |= RN_REG_TRUNC;
	} else if (n == cap && cap < max + 2) {
		flags |= RN_REG_TRUNC;
		s->ev.flags |= RN_F_TRUNCATED;
	}
	region_end(s, off, addr, len, flags, arg);
	return 0;
}

struct argv_walk {
	struct rn_scratch *s;
	__u64 addr;		/* the user's argv */
	__u32 off;		/* payload offset of the pointer array's region */
	__u32 room;
	__u32 n;		/* pointers stored, NULL included */
	__u32 flags;
	__u32 arg;
};

static __always_inline __u64 *argv_slot(struct argv_walk *w, __u32 i)
{
	return (__u64 *)&w->s->ev.payload[(w->off & (RN_PAYLOAD_MAX - 1)) +
					  sizeof(struct rn_region) + (i & (RN_ARGV_MAX - 1)) * 8];
}

static long argv_ptr_step(__u32 i, void *data)
{
	struct argv_walk *w = data;
	__u64 *slot;

	if ((i + 1) * 8 > w->room) {
		w->flags |= RN_REG_TRUNC;
		w->s->ev.flags |= RN_F_TRUNCATED;
		return 1;
	}
	slot = argv_slot(w, i);
	if (bpf_probe_read_user(slot, 8, (void *)(w->addr + i * 8)) < 0) {
		w->flags |= i ? RN_REG_TRUNC : RN_REG_FAULT;
		return 1;
	}
	w->n = i + 1;
	if (!*slot)
		return 1;
	if (i + 1 == RN_ARGV_MAX)
		w->flags |= RN_REG_TRUNC;
	return 0;
}

static long argv_str_step(__u32 i, void *data)
{
	struct argv_walk *w = data;
	__u64 p = *argv_slot(w, i);

	if (!p)
		return 1;
	return put_str(w->s, p, rn_strsize, w->arg, 0) < 0;
}

/* execve's argv: the pointer array (NULL included) as one region, then each
 * string as its own, so decoders read it like live memory. bpf_loop keeps
 * the verifier from walking every count of strings separately. */
static __noinline int put_argv(struct rn_scratch *s, __u64 addr, __u32 arg)
{
	struct argv_walk w = { .s = s, .addr = addr, .arg = arg };
	int off = region_start(s, &w.room);

	if (off < 0)
		return -1;
	w.off = off;
	bpf_loop(RN_ARGV_MAX, argv_ptr_step, &w, 0);
	region_end(s, off, addr, w.n * 8, w.flags, arg);
	if (w.flags & RN_REG_FAULT)
		return 0;
	bpf_loop(w.n, argv_str_step, &w, 0);
	return 0;
}

/* One argument's capture, by its descriptor. A global function: the
 * verifier checks it once, not once per argument and call site. */
__noinline int rn_capture_arg(struct rn_scratch *s, __u32 nr, __u32 i, __u32 at_entry)
{
	const volatile struct rn_cap_arg *c;
	__u64 addr, lenv = 0, want;
	__u32 kind, la, size, out;
	__s64 ret;
	int l;

	if (!s || i >= RN_MAX_ARGS || nr >= RN_NR_MAX)
		return 0;
	ret = s->ev.sc.ret;
	barrier_var(nr);
	nr &= RN_NR_MAX - 1;
	c = &rn_caps[nr].arg[i];
	addr = s->ev.sc.args[i];
	kind = c->kind;
	la = c->len_arg;
	size = c->size;
	if (kind == RN_CAP_NONE || !addr)
		return 0;
	if (c->at_exit && ret < 0)
		return 0;
	/* say when it was copied: decoders read outputs from RN_REG_EXIT
	 * regions only, inputs from entry regions first, then exit ones */
	out = at_entry ? 0 : RN_REG_EXIT;
	if (la < RN_MAX_ARGS)
		lenv = s->ev.sc.args[la];
	switch (kind) {
	case RN_CAP_STR:
		return put_str(s, addr, rn_pathmax, i, out);
	case RN_CAP_ARGV:
		return put_argv(s, addr, i);
	case RN_CAP_BUF_ARG:
		want = lenv < rn_strsize ? lenv : rn_strsize;
		return put_mem(s, addr, want, i, out | (lenv > want ? RN_REG_TRUNC : 0));
	case RN_CAP_BUF_RET:
		if (ret <= 0)
			return 0;
		want = (__u64)ret < rn_strsize ? (__u64)ret : rn_strsize;
		return put_mem(s, addr, want, i, out | ((__u64)ret > want ? RN_REG_TRUNC : 0));
	case RN_CAP_FIXED:
		return put_mem(s, addr, size < RN_PAYLOAD_MAX ? size : RN_PAYLOAD_MAX, i, out);
	case RN_CAP_FIXED_ARGN:
		want = (__u64)size * (lenv < RN_PAYLOAD_MAX ? lenv : RN_PAYLOAD_MAX);
		return put_mem(s, addr, want < RN_PAYLOAD_MAX ? want : RN_PAYLOAD_MAX, i,
			       out | (want > RN_PAYLOAD_MAX ? RN_REG_TRUNC : 0));
	case RN_CAP_SOCKADDR_ARG:
		want = lenv < RN_SOCKADDR_MAX ? lenv : RN_SOCKADDR_MAX;
		return put_mem(s, addr, want, i, out);
	case RN_CAP_SOCKADDR_PTR:
		if (!lenv || bpf_probe_read_user(&l, sizeof(l), (void *)lenv) < 0 || l <= 0)
			return 0;
		want = l < RN_SOCKADDR_MAX ? l : RN_SOCKADDR_MAX;
		return put_mem(s, addr, want, i, out);
	}
	return 0;
}

/*
 * clone and clone3 write the new thread's id through a pointer (parent_tid)
 * that no descriptor names: copy it after the call, as the ptrace backend's
 * decoders would read it live ("=> {parent_tid=[42]}").
 */
static __always_inline void capture_parent_tid(struct rn_scratch *s, __u32 nr)
{
	__u64 ca[4];	/* struct clone_args: flags, pidfd, child_tid, parent_tid */

	if (s->ev.sc.ret <= 0)
		return;
	if (nr == RN_NR_CLONE) {
		if ((s->ev.sc.args[0] & RN_CLONE_PARENT_SETTID) && s->ev.sc.args[2])
			put_mem(s, s->ev.sc.args[2], 4, 2, RN_REG_EXIT);
		return;
	}
	if (nr == RN_NR_CLONE3 && s->ev.sc.args[1] >= sizeof(ca) &&
	    !bpf_probe_read_user(ca, sizeof(ca), (void *)s->ev.sc.args[0]) &&
	    (ca[0] & RN_CLONE_PARENT_SETTID) && ca[3])
		put_mem(s, ca[3], 4, 0, RN_REG_EXIT);
}

/*
 * getdents64 fills a buffer far larger than any capture: count its records
 * in the kernel (one 2-byte read of d_reclen each) so "17 entries" prints
 * as under ptrace. No count when the walk does not end at the
 * returned length (never a guessed one).
 */
struct dirent_walk {
	__u64 addr;
	__s64 len;
	__s64 off;
	__u32 n;
};

static long dirent_step(__u32 i, void *data)
{
	struct dirent_walk *w = data;
	__u16 reclen = 0;

	(void)i;
	if (w->off >= w->len)
		return 1;
	if (bpf_probe_read_user(&reclen, sizeof(reclen), (void *)(w->addr + w->off + 16)) < 0 ||
	    reclen < 19) {
		w->off = -1;
		return 1;
	}
	w->off += reclen;
	w->n++;
	return 0;
}

static __always_inline void capture_dirent_count(struct rn_scratch *s)
{
	struct dirent_walk w = { .addr = s->ev.sc.args[1], .len = s->ev.sc.ret };
	__u32 room = 0, *cnt;
	int off;

	if (w.len <= 0 || !w.addr)
		return;
	bpf_loop(RN_DIRENT_MAX, dirent_step, &w, 0);
	if (w.off != w.len)
		return;
	off = region_start(s, &room);
	if (off < 0 || room < sizeof(*cnt))
		return;
	cnt = (void *)&s->ev.payload[(off & (RN_PAYLOAD_MAX - 1)) + sizeof(struct rn_region)];
	*cnt = w.n;
	region_end(s, off, w.addr, sizeof(*cnt), RN_REG_EXIT | RN_REG_COUNT, 1);
}

/* Capture every described argument; entry is true only for execve. */
static __always_inline void capture_all(struct rn_scratch *s, __u32 nr, __u32 at_entry)
{
	__u32 i;

	if (nr >= RN_NR_MAX || !((rn_has_cap[(nr >> 6) & (RN_BITMAP_WORDS - 1)] >> (nr & 63)) & 1))
		return;
	for (i = 0; i < RN_MAX_ARGS; i++) {
		/* most calls describe one or two arguments: skip the call for
		 * the others */
		if (rn_caps[nr & (RN_NR_MAX - 1)].arg[i].kind == RN_CAP_NONE)
			continue;
		if (rn_capture_arg(s, nr, i, at_entry) < 0)
			break;
	}
}

/*
 * A value-result argument (accept's addrlen) is both input and output: keep
 * its entry value in the free slots of p (from slot n) so decoders can show
 * "[128 => 16]" as under ptrace. Called by save_entry_inputs()
 * (bpf/chain.bpf.h) for the calls rn_entry_in marks.
 */
static __always_inline void save_entry_fixed(struct rn_pend *p, long nr, __u32 n)
{
	const volatile struct rn_cap_arg *c;
	__u32 i;

	for (i = 0; i < RN_MAX_ARGS && n < 2; i++) {
		c = &rn_caps[nr & (RN_NR_MAX - 1)].arg[i];
		if (c->kind != RN_CAP_FIXED || c->at_exit || c->size > 8 || !p->args[i])
			continue;
		p->in_val[n & 1] = 0;
		if (bpf_probe_read_user(&p->in_val[n & 1], c->size & 15, (void *)p->args[i]))
			continue;
		p->in_addr[n & 1] = p->args[i];
		p->in_len[n & 1] = c->size;
		p->in_arg[n & 1] = i;
		n++;
	}
}

/* The entry inputs as regions without RN_REG_EXIT: two of up to 8 bytes, or
 * one of 16 in both slots (in_len[0] 16). */
static __always_inline void put_entry_inputs(struct rn_scratch *s, struct rn_pend *p)
{
	__u32 i, len, room = 0;
	__u64 *dst;
	int off;

	for (i = 0; i < 2; i++) {
		len = p->in_len[i];
		if (!len)
			continue;
		off = region_start(s, &room);
		if (off < 0 || room < 16)
			return;
		dst = (__u64 *)&s->ev.payload[(off & (RN_PAYLOAD_MAX - 1)) + sizeof(struct rn_region)];
		dst[0] = p->in_val[i];
		if (len > 8)
			dst[1] = p->in_val[1];
		region_end(s, off, p->in_addr[i], len > 8 ? 16 : len, 0, p->in_arg[i]);
		if (len > 8)
			return;
	}
}

/* bpf(2) at entry: its attr, before the call writes into it */
static __always_inline void bpf_attr_enter(struct rn_pend *p, long nr)
{
	struct rn_bpf_in *in;

	if (nr != RN_NR_BPF || !p->args[1])
		return;
	in = bpf_task_storage_get(&bpfin, bpf_get_current_task_btf(), 0,
				  BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!in)
		return;
	in->addr = p->args[1];
	in->len = bpf_probe_read_user(in->attr, sizeof(in->attr), (void *)in->addr) ?
		0 : sizeof(in->attr);
}

/* ... and at exit, as an entry region ahead of the exit copy */
static __always_inline void put_bpf_attr(struct rn_scratch *s, struct rn_pend *p)
{
	struct rn_bpf_in *in;
	__u32 room = 0;
	int off;

	in = bpf_task_storage_get(&bpfin, bpf_get_current_task_btf(), 0, 0);
	if (!in || !in->len || in->addr != p->args[1])
		return;
	in->len = 0;
	off = region_start(s, &room);
	if (off < 0 || room < RN_BPF_ATTR_LEN)
		return;
	if (bpf_probe_read_kernel(&s->ev.payload[(off & (RN_PAYLOAD_MAX - 1)) +
						 sizeof(struct rn_region)],
				  RN_BPF_ATTR_LEN, in->attr))
		return;
	region_end(s, off, in->addr, RN_BPF_ATTR_LEN, 0, 1);
}

/* execve at entry: build the record with its argv and path regions now, in
 * the task's own storage. */
static __always_inline void exec_entry(__u64 pid_tgid, struct rn_pend *p)
{
	struct rn_scratch *s;
	__u32 i;

	s = bpf_task_storage_get(&execcap, bpf_get_current_task_btf(), 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!s)
		return;
	sc_header(s, pid_tgid, p->ts);
	s->ev.sc.nr = p->nr;
	s->ev.sc.ret = 0;
	for (i = 0; i < RN_MAX_ARGS; i++)
		s->ev.sc.args[i] = p->args[i];
	capture_all(s, p->nr, 1);
}

#endif /* RN_BPF_CAPTURE_H */
