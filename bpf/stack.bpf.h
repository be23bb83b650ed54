/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * -k, --source, --stack-format=folded on eBPF: the caller's user stack,
 * taken at sys_exit of a call the filter selected (the user registers are
 * those of the syscall instruction, as at entry). The layout and why it is
 * split between the kernel and user space: backends/ustack.h.
 *
 * Cost: one copy of the window, one 16-byte read per frame-pointer link,
 * and, the first time a thread's stack shows an address in a mapping, one
 * bpf_find_vma (a per-thread cache of the mappings already described keeps
 * that off the common path).
 */
#ifndef RN_BPF_STACK_H
#define RN_BPF_STACK_H

#include "bpf/common.bpf.h"
#include "bpf/capture.bpf.h"
#include "backends/ustack.h"

#define USTK_CACHE 8		/* mappings a thread remembers having described */

struct ustk_cache {
	__u64 start[USTK_CACHE];
	__u64 end[USTK_CACHE];
	__u64 mm;		/* the address space they belong to (exec changes it) */
	__u32 next;		/* slot replaced next */
	__u32 _pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ustk_cache);
} ustk_vmas SEC(".maps");

/* payload offsets: the stack region is always the record's first */
#define USTK_HDR_OFF	sizeof(struct rn_region)
#define USTK_WIN_OFF	(USTK_HDR_OFF + sizeof(struct rn_ustack_hdr))

struct ustk_walk {
	struct rn_scratch *s;
	__u64 bp, sp;
	__u32 links_off;	/* payload offset of link 0 */
	__u32 n;
	__u32 flags;
	/* addresses not in the thread's cache, for bpf_find_vma */
	struct ustk_cache *c;
	__u64 miss[RN_USTACK_VMAS];
	__u32 nmiss;
};

static long ustk_link_step(__u32 i, void *data)
{
	struct ustk_walk *w = data;
	struct rn_ustack_link l;
	__u32 off;

	if (!w->bp)
		return 1;		/* the outermost frame: a clean end */
	if ((w->bp & 7) || w->bp < w->sp ||
	    bpf_probe_read_user(&l, sizeof(l), (void *)w->bp) < 0) {
		w->flags |= RN_USTACK_CUT;
		return 1;
	}
	off = (w->links_off + (i & (RN_USTACK_DEPTH - 1)) * sizeof(l)) & (RN_PAYLOAD_MAX - 1);
	__builtin_memcpy(&w->s->ev.payload[off], &l, sizeof(l));
	w->n = i + 1;
	if (!l.ra || !l.next_bp)
		return 1;
	if (l.next_bp <= w->bp) {
		w->flags |= RN_USTACK_CUT;
		return 1;
	}
	w->bp = l.next_bp;
	if (i + 1 == RN_USTACK_DEPTH)
		w->flags |= RN_USTACK_CAP;
	return 0;
}

/* Is addr in a mapping this thread already described? If not, remember
 * it for bpf_find_vma (at most RN_USTACK_VMAS per record). */
static __always_inline void ustk_check(struct ustk_walk *w, __u64 addr)
{
	struct ustk_cache *c = w->c;
	__u32 i;

	if (!addr || !c)
		return;
	for (i = 0; i < USTK_CACHE; i++)
		if (addr >= c->start[i] && addr < c->end[i])
			return;
	for (i = 0; i < RN_USTACK_VMAS; i++) {
		if (i == w->nmiss) {
			w->miss[i] = addr;
			w->nmiss++;
			return;
		}
		/* the same page as an earlier miss: one lookup does */
		if ((w->miss[i] ^ addr) < 4096)
			return;
	}
}

static long ustk_check_step(__u32 i, void *data)
{
	struct ustk_walk *w = data;
	__u32 off = (w->links_off + (i & (RN_USTACK_DEPTH - 1)) * sizeof(struct rn_ustack_link) +
		     8) & (RN_PAYLOAD_MAX - 1);

	if (i >= w->n || w->nmiss >= RN_USTACK_VMAS)
		return 1;
	ustk_check(w, *(__u64 *)&w->s->ev.payload[off]);
	return 0;
}

struct ustk_vma_ctx {
	struct rn_scratch *s;
	struct ustk_cache *c;
	__u32 off;		/* payload offset of the region's bytes */
	__u32 found;
};

static long ustk_vma_cb(struct task_struct *task, struct vm_area_struct *vma, void *data)
{
	struct ustk_vma_ctx *x = data;
	struct rn_ustack_vma *v = (void *)&x->s->ev.payload[x->off & (RN_PAYLOAD_MAX - 1)];
	struct file *f = BPF_CORE_READ(vma, vm_file);
	struct ustk_cache *c = x->c;
	__u32 slot = c->next & (USTK_CACHE - 1);

	(void)task;
	v->start = BPF_CORE_READ(vma, vm_start);
	v->end = BPF_CORE_READ(vma, vm_end);
	v->pgoff = BPF_CORE_READ(vma, vm_pgoff) << 12;
	v->ino = 0;
	v->dev = 0;
	v->_pad = 0;
	v->name[0] = 0;
	if (f) {
		v->ino = BPF_CORE_READ(f, f_inode, i_ino);
		v->dev = BPF_CORE_READ(f, f_inode, i_sb, s_dev);
		bpf_probe_read_kernel_str(v->name, sizeof(v->name),
					  BPF_CORE_READ(f, f_path.dentry, d_name.name));
	}
	c->start[slot] = v->start;
	c->end[slot] = v->end;
	c->next++;
	x->found = 1;
	return 0;
}

/* Describe the mapping of addr in a region after the stack's. */
static __always_inline void ustk_put_vma(struct rn_scratch *s, struct ustk_cache *c, __u64 addr)
{
	struct ustk_vma_ctx x = { .s = s, .c = c };
	__u32 room = 0;
	int off = region_start(s, &room);

	if (off < 0 || off > 3072 || room < sizeof(struct rn_ustack_vma))
		return;
	x.off = off + sizeof(struct rn_region);
	bpf_find_vma(bpf_get_current_task_btf(), addr, ustk_vma_cb, &x, 0);
	if (x.found) {
		region_end(s, off, addr, sizeof(struct rn_ustack_vma), RN_REG_STACK,
			   RN_USTACK_VMA);
	} else {
		/* not mapped (a bad link) or the map lock was busy: its page is
		 * not looked up again by this thread for a while */
		__u32 slot = c->next & (USTK_CACHE - 1);

		c->start[slot] = addr & ~4095ull;
		c->end[slot] = (addr & ~4095ull) + 4096;
		c->next++;
	}
}

/* The caller's stack as the record's first region (call it before any other
 * capture: the payload is empty, so every offset here is a constant). A
 * global function: the verifier checks it once, not at each call site. */
__noinline int rn_capture_stack(struct rn_scratch *s, __u64 ip, __u64 sp, __u64 bp)
{
	struct rn_ustack_hdr *h;
	struct task_struct *task = bpf_get_current_task_btf();
	struct ustk_walk w = { .s = s };
	__u64 mm = (__u64)task->mm;
	__u32 win = RN_USTACK_WINDOW, i;

	if (!s || s->ev.sc.payload_len)
		return 0;
	h = (void *)&s->ev.payload[USTK_HDR_OFF];
	/* the name folded stacks start with: the process may be gone before
	 * user space could read it from /proc (the identity fields, when
	 * filled, set it too) */
	bpf_get_current_comm(s->ev.comm, sizeof(s->ev.comm));
	if (bpf_probe_read_user(&s->ev.payload[USTK_WIN_OFF], RN_USTACK_WINDOW, (void *)sp) < 0) {
		/* the stack ends inside the window: up to the end of sp's page */
		win = (4096 - (sp & 4095)) & ~7u;
		if (win > RN_USTACK_WINDOW)
			win = RN_USTACK_WINDOW;
		barrier_var(win);
		win &= 2047;
		if (bpf_probe_read_user(&s->ev.payload[USTK_WIN_OFF], win, (void *)sp) < 0)
			win = 0;
	}
	h->ip = ip;
	h->sp = sp;
	h->bp = bp;
	h->window = win;
	h->_pad = 0;
	w.bp = bp;
	w.sp = sp;
	w.links_off = USTK_WIN_OFF + win;
	bpf_loop(RN_USTACK_DEPTH, ustk_link_step, &w, 0);
	h->nlinks = w.n;
	h->flags = w.flags;
	region_end(s, 0, sp, sizeof(*h) + win + w.n * sizeof(struct rn_ustack_link),
		   RN_REG_STACK, RN_USTACK_REGS);

	/* the mappings of the pc and the return addresses, once per thread */
	w.c = bpf_task_storage_get(&ustk_vmas, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!w.c)
		return 0;
	if (w.c->mm != mm) {
		__builtin_memset(w.c, 0, sizeof(*w.c));
		w.c->mm = mm;
	}
	ustk_check(&w, ip);
	bpf_loop(RN_USTACK_DEPTH, ustk_check_step, &w, 0);
	/* and the program's own text: without frame pointers its return
	 * addresses come out of the window, where the kernel does not look,
	 * and a short-lived process is gone before its maps can be read */
	ustk_check(&w, BPF_CORE_READ(task, mm, start_code));
	for (i = 0; i < RN_USTACK_VMAS; i++)
		if (i < w.nmiss)
			ustk_put_vma(s, w.c, w.miss[i]);
	return 0;
}

static __always_inline void capture_stack(struct rn_scratch *s, struct pt_regs *regs)
{
	rn_capture_stack(s, regs->ip, regs->sp, regs->bp);
}

#endif /* RN_BPF_STACK_H */
