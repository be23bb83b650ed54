// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * The floors of renacer's per-syscall cost: hooks that do nothing (or the
 * least a -c summary needs), to time against the untraced program.
 * floor.c picks which programs load (bpf_program__set_autoload).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual MIT/GPL";

const volatile __u32 target_tgid;

/* (i) the raw syscall tracepoints: setting them up flags every task on the
 * machine for the syscall slow path */
SEC("tp_btf/sys_enter")
int BPF_PROG(tp_enter, struct pt_regs *regs, long id)
{
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(tp_exit, struct pt_regs *regs, long ret)
{
	return 0;
}

/* (ii) one BPF trampoline on the x86-64 syscall dispatcher */
SEC("fentry/x64_sys_call")
int BPF_PROG(fe_enter, struct pt_regs *regs, unsigned int nr)
{
	return 0;
}

SEC("fexit/x64_sys_call")
int BPF_PROG(fe_exit, struct pt_regs *regs, unsigned int nr, long ret)
{
	return 0;
}

/* (iv) the least a correct -c summary does, on the tracepoints: who is it
 * (one compare instead of renacer's map lookup), the entry time kept in
 * task storage, one clock read at each end, and a per-CPU array slot for
 * the totals and one for the latency bucket. min_parts leaves pieces out
 * (MIN_*) to price each one. */
#define MIN_NO_CLOCK	1	/* no bpf_ktime_get_ns */
#define MIN_NO_STORAGE	2	/* entry time in a per-CPU slot, not task storage */
#define MIN_NO_ARRAY	4	/* no per-CPU array updates */
const volatile __u32 min_parts;

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} t0 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 512 * 64);
	__type(key, __u32);
	__type(value, __u64);
} cnt SEC(".maps");

static __always_inline __u64 *min_slot(bool create)
{
	__u32 k = 0;

	if (min_parts & MIN_NO_STORAGE)
		return bpf_map_lookup_elem(&cnt, &k);
	return bpf_task_storage_get(&t0, bpf_get_current_task_btf(), 0,
				    create ? BPF_LOCAL_STORAGE_GET_F_CREATE : 0);
}

static __always_inline __u64 min_clock(void)
{
	return min_parts & MIN_NO_CLOCK ? 1000 : bpf_ktime_get_ns();
}

SEC("tp_btf/sys_enter")
int BPF_PROG(min_enter, struct pt_regs *regs, long id)
{
	__u64 *t;

	if (bpf_get_current_pid_tgid() >> 32 != target_tgid)
		return 0;
	t = min_slot(true);
	if (t)
		*t = min_clock();
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(min_exit, struct pt_regs *regs, long ret)
{
	__u32 k = regs->orig_ax & 511;
	__u64 *t, *c, d;

	if (bpf_get_current_pid_tgid() >> 32 != target_tgid)
		return 0;
	t = min_slot(false);
	if (!t)
		return 0;
	d = min_clock() - *t;
	if (min_parts & MIN_NO_ARRAY)
		return 0;
	c = bpf_map_lookup_elem(&cnt, &k);
	if (c)
		*c += d;
	k = k * 64 + 32 + (d >> 10 & 31);
	c = bpf_map_lookup_elem(&cnt, &k);
	if (c)
		*c += 1;
	return 0;
}

/* (v) the least a per-call record costs: min's work, the six arguments
 * kept at entry, and at exit one 120-byte record (header, arguments, one
 * region with the first byte of read's buffer) copied into the ring buffer
 * without a wakeup until a backlog builds up, as renacer does. */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20);	/* floor.c sets the size */
} rb SEC(".maps");

const volatile __u64 wake_bytes = 512 << 10;
const volatile bool rec_no_clock;	/* rec_noclock: no times in the records */

struct rec_pend {
	__u64 ts;
	__u64 args[6];
};

struct rec {
	__u64 ts, dur;
	__u32 type, flags, tid, tgid;
	__u64 args[6];
	__s64 ret;
	__s32 nr;
	__u32 payload_len;
	__u64 raddr;
	__u32 rlen, rflags;
	__u8 data[8];
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct rec_pend);
} rp SEC(".maps");

SEC("tp_btf/sys_enter")
int BPF_PROG(rec_enter, struct pt_regs *regs, long id)
{
	struct rec_pend *p;

	if (bpf_get_current_pid_tgid() >> 32 != target_tgid)
		return 0;
	p = bpf_task_storage_get(&rp, bpf_get_current_task_btf(), 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!p)
		return 0;
	p->ts = rec_no_clock ? 0 : bpf_ktime_get_ns();
	p->args[0] = regs->di;
	p->args[1] = regs->si;
	p->args[2] = regs->dx;
	p->args[3] = regs->r10;
	p->args[4] = regs->r8;
	p->args[5] = regs->r9;
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(rec_exit, struct pt_regs *regs, long ret)
{
	__u64 id = bpf_get_current_pid_tgid(), avail, flags = BPF_RB_NO_WAKEUP;
	struct rec_pend *p;
	struct rec r;
	int i;

	if (id >> 32 != target_tgid)
		return 0;
	p = bpf_task_storage_get(&rp, bpf_get_current_task_btf(), 0, 0);
	if (!p)
		return 0;
	r.ts = p->ts;
	r.dur = rec_no_clock ? 0 : bpf_ktime_get_ns() - p->ts;
	r.type = 1;
	r.flags = 0;
	r.tid = id;
	r.tgid = id >> 32;
	for (i = 0; i < 6; i++)
		r.args[i] = p->args[i];
	r.ret = ret;
	r.nr = regs->orig_ax;
	r.payload_len = 24;
	r.raddr = p->args[1];
	r.rlen = 1;
	r.rflags = 0;
	r.data[0] = 0;
	bpf_probe_read_user(r.data, 1, (void *)p->args[1]);
	avail = bpf_ringbuf_query(&rb, BPF_RB_AVAIL_DATA);
	if (avail < wake_bytes && avail + sizeof(r) + 8 >= wake_bytes)
		flags = BPF_RB_FORCE_WAKEUP;
	bpf_ringbuf_output(&rb, &r, sizeof(r), flags);
	return 0;
}
