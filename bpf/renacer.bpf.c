// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * renacer's kernel half: pairs sys_enter/sys_exit per thread, decides in the
 * kernel who and what is traced, copies the argument memory the capture table
 * asks for and sends one completed struct rn_event per call through a ring
 * buffer (or, for -c, only aggregates). Signals and exits come from the
 * signal_* and sched_process_* tracepoints.
 *
 * Everything here is CO-RE: vmlinux.h types carry preserve_access_index, so
 * field offsets are relocated by libbpf against the running kernel's BTF.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "backends/event.h"
#include "backends/capture.h"
#include "backends/hist.h"
#include "bpf/renacer.h"

#define NR_EXECVE	59
#define NR_EXECVEAT	322
#define NR_CLONE	56
#define NR_FORK		57
#define NR_VFORK	58
#define NR_CLONE3	435
#define NR_RT_SIGRETURN	15

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* Set by user space between open and load. */
const volatile __u32 rn_mode = RN_MODE_PIDS;
const volatile __u32 rn_self_tgid;
const volatile __u32 rn_uid;
const volatile bool rn_follow_forks;
const volatile bool rn_summary;
/* per-call records without times: nothing reads them (cfg.no_timing), and
 * the two clock reads are a third of the per-call cost */
const volatile bool rn_no_time;
const volatile bool rn_exec_hook;	/* rn_prepare_exec is loaded */
const volatile __u32 rn_strsize = 32;		/* buffers and argv strings */
const volatile __u32 rn_pathmax = 4095;		/* RN_CAP_STR strings */
const volatile __u64 rn_wake_bytes = 256 * 1024; /* wake the reader past this backlog */
const volatile __u64 rn_ring_half = 4 << 20;	/* half the ring buffer */
const volatile __u32 rn_status_drop;	/* RN_DROP_OK | RN_DROP_FAILED */
const volatile __u64 rn_syscalls[RN_BITMAP_WORDS];
/* syscalls with a small (<= 8 bytes) fixed input: copied at entry as well */
const volatile __u64 rn_entry_in[RN_BITMAP_WORDS];
/* syscalls with any capture descriptor: the others skip the capture walk */
const volatile __u64 rn_has_cap[RN_BITMAP_WORDS];
const volatile struct rn_cap_desc rn_caps[RN_NR_MAX];

/* A record under construction. The slack lets the verifier see that any
 * masked offset plus any masked length stays inside the map value. */
struct rn_scratch {
	struct rn_event ev;
	__u8 slack[RN_PAYLOAD_MAX + 64];
};

/* What sys_enter leaves for sys_exit. */
struct rn_pend {
	__u64 ts;
	__u64 args[RN_MAX_ARGS];
	__s32 nr;
	__u16 live;		/* an entry is waiting for its exit */
	__u16 captured;		/* execve: argv and path are in execcap */
	struct rn_signal_rec sig; /* an ignored signal to report (signo != 0) */
	/* small inputs the call may overwrite (an addrlen), copied at entry */
	__u64 in_addr[2];
	__u64 in_val[2];
	__u8 in_len[2];
	__u8 in_arg[2];
	/* current_traced() said yes and its answer cannot change for this
	 * task (the pid modes): sys_enter skips the traced-map lookup */
	__u32 traced;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20);	/* resized from --buffer-size before load */
} rb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);	/* usually a handful: cheap to create */
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, struct rn_target);
} traced SEC(".maps");

/* Task-local: cheaper than a hash keyed by tid, follows a thread through
 * exec's pid change, and is freed with the task. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct rn_pend);
} pending SEC(".maps");

/* execve's argv and path, captured at entry: after a successful exec the old
 * memory is gone. Task-local, since an exec from a non-leader thread changes
 * the thread's id; allocated only while an exec is in flight. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct rn_scratch);
} execcap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rn_scratch);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

/* A fatal signal sent to a traced process, by tgid, until its delivery. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct rn_signal_rec);
} fatal_sig SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} cgroup SEC(".maps");

/* -c: per-syscall totals and the log-linear latency histogram. */
struct rn_agg {
	__u64 count;
	__u64 errors;
	__u64 total_ns;
	__u64 min_ns;
	__u64 max_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, RN_NR_MAX);
	__type(key, __u32);
	__type(value, struct rn_agg);
} agg SEC(".maps");

/* Not preallocated: creating 32768 per-CPU elements up front costs tens of
 * milliseconds, and a summary fills only a few hundred. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 32768);
	__type(key, __u32);		/* nr << 16 | bucket */
	__type(value, __u64);
} hist SEC(".maps");

/*
 * In front of hist: a direct-mapped per-CPU table of (key, count) slots. A
 * hash update is the largest part of a -c call after the clock reads; a
 * slot is an array index. A key whose slot another key holds goes to hist,
 * so every count lands somewhere exactly; user space adds both up.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rn_hcache);
} hcache SEC(".maps");

static __always_inline bool is_exec(long nr)
{
	return nr == NR_EXECVE || nr == NR_EXECVEAT;
}

static __always_inline bool syscall_wanted(long nr)
{
	if (nr < 0 || nr >= RN_NR_MAX)
		return false;
	return (rn_syscalls[(nr >> 6) & (RN_BITMAP_WORDS - 1)] >> (nr & 63)) & 1;
}

static __always_inline void count_lost(void)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&lost, &zero);

	if (n)
		(*n)++;
}

/*
 * Set (through the skeleton's bss) while renacer spawns the command: until
 * its execve, what renacer's child does (wait for the go signal, drop
 * privileges) is renacer's business, not the command's, in every mode.
 */
__u32 rn_gate_active;

static __always_inline bool spawn_gated(struct task_struct *task)
{
	/* a probe read, not a BTF pointer walk: the verifier's check of a
	 * walked pointer's trust scans the kernel's BTF by name (~0.1 ms per
	 * program path, ~40% of all verification time) */
	return rn_gate_active && BPF_CORE_READ(task, real_parent, tgid) == rn_self_tgid;
}

/* Is the current task traced? At a syscall entry nr is the call. */
static __always_inline bool current_traced(__u64 pid_tgid, long nr, bool entry)
{
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid;
	struct rn_target *t;

	if (tgid == rn_self_tgid)
		return false;
	if (spawn_gated(bpf_get_current_task_btf())) {
		if (!entry || !is_exec(nr))
			return false;
		rn_gate_active = 0;
	}
	switch (rn_mode) {
	case RN_MODE_ALL:
		return true;
	case RN_MODE_CGROUP:
		return bpf_current_task_under_cgroup(&cgroup, 0) == 1;
	case RN_MODE_UID:
		return (__u32)bpf_get_current_uid_gid() == rn_uid;
	}
	t = bpf_map_lookup_elem(&traced, &tgid);
	if (!t)
		return false;
	return !t->only_tid || t->only_tid == tid;
}

/* The same question for a task that is not current (signal generation). */
static __always_inline bool task_traced(struct task_struct *task)
{
	__u32 tgid = BPF_CORE_READ(task, tgid), tid = BPF_CORE_READ(task, pid);
	struct rn_target *t;

	if (tgid == rn_self_tgid || spawn_gated(task))
		return false;
	switch (rn_mode) {
	case RN_MODE_ALL:
		return true;
	case RN_MODE_UID:
		return BPF_CORE_READ(task, real_cred, uid.val) == rn_uid;
	case RN_MODE_CGROUP:
		/* another task's cgroup is not checked here: its ignored and
		 * fatal signals go unreported in this mode */
		return false;
	}
	t = bpf_map_lookup_elem(&traced, &tgid);
	return t && (!t->only_tid || t->only_tid == tid);
}

static __always_inline struct rn_scratch *scratch_get(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&scratch, &zero);
}

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

#define CLONE_PARENT_SETTID 0x00100000

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
	if (nr == NR_CLONE) {
		if ((s->ev.sc.args[0] & CLONE_PARENT_SETTID) && s->ev.sc.args[2])
			put_mem(s, s->ev.sc.args[2], 4, 2, RN_REG_EXIT);
		return;
	}
	if (nr == NR_CLONE3 && s->ev.sc.args[1] >= sizeof(ca) &&
	    !bpf_probe_read_user(ca, sizeof(ca), (void *)s->ev.sc.args[0]) &&
	    (ca[0] & CLONE_PARENT_SETTID) && ca[3])
		put_mem(s, ca[3], 4, 0, RN_REG_EXIT);
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

static __always_inline void emit(struct rn_scratch *s, bool force)
{
	__u32 size = RN_EVENT_HDR_SIZE + (s->ev.sc.payload_len & (2 * RN_PAYLOAD_MAX - 1));
	__u64 flags = BPF_RB_NO_WAKEUP, avail;

	if (size > sizeof(struct rn_event))
		size = sizeof(struct rn_event);
	/*
	 * Wake the reader when this record takes the backlog past the
	 * threshold; below it the reader's poll period picks records up. Past
	 * half the ring the reader is falling behind: wake it for every record
	 * then, which also slows the writer (an IPI each) instead of losing.
	 */
	avail = bpf_ringbuf_query(&rb, BPF_RB_AVAIL_DATA);
	if (force || avail >= rn_ring_half ||
	    (avail < rn_wake_bytes && avail + size + 8 >= rn_wake_bytes))
		flags = BPF_RB_FORCE_WAKEUP;
	if (bpf_ringbuf_output(&rb, s, size, flags) < 0)
		count_lost();
}

static __always_inline void fill_args(struct rn_pend *p, struct pt_regs *regs)
{
	/* regs is a trusted BTF pointer here: plain (relocated) loads, no
	 * probe-read helper calls */
	p->args[0] = regs->di;
	p->args[1] = regs->si;
	p->args[2] = regs->dx;
	p->args[3] = regs->r10;
	p->args[4] = regs->r8;
	p->args[5] = regs->r9;
}

static __always_inline void sc_header(struct rn_scratch *s, __u64 pid_tgid, __u64 ts)
{
	s->ev.ts_ns = ts;
	s->ev.dur_ns = 0;
	s->ev.type = RN_EV_SYSCALL;
	s->ev.flags = 0;
	s->ev.tid = (__u32)pid_tgid;
	s->ev.tgid = pid_tgid >> 32;
	s->ev.sc.payload_len = 0;
}

/*
 * A value-result argument (accept's addrlen) is both input and output: keep
 * its entry value so decoders can show "[128 => 16]" as under ptrace.
 */
static __always_inline void save_entry_inputs(struct rn_pend *p, long nr)
{
	const volatile struct rn_cap_arg *c;
	__u32 i, n = 0;

	p->in_len[0] = p->in_len[1] = 0;
	if (nr < 0 || nr >= RN_NR_MAX ||
	    !((rn_entry_in[(nr >> 6) & (RN_BITMAP_WORDS - 1)] >> (nr & 63)) & 1))
		return;
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

static __always_inline void put_entry_inputs(struct rn_scratch *s, struct rn_pend *p)
{
	__u32 i, room = 0;
	int off;

	for (i = 0; i < 2; i++) {
		if (!p->in_len[i])
			continue;
		off = region_start(s, &room);
		if (off < 0 || room < 8)
			return;
		*(__u64 *)&s->ev.payload[(off & (RN_PAYLOAD_MAX - 1)) + sizeof(struct rn_region)] =
			p->in_val[i];
		region_end(s, off, p->in_addr[i], p->in_len[i], 0, p->in_arg[i]);
	}
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

static __always_inline void siginfo_fill(struct rn_signal_rec *r, int sig,
					 struct kernel_siginfo *info)
{
	__builtin_memset(r, 0, sizeof(*r));
	r->signo = sig;
	/* SEND_SIG_NOINFO (0) and SEND_SIG_PRIV (1) are not pointers */
	if ((unsigned long)info == 0) {
		r->code = 0;	/* SI_USER, from the current task */
		r->pid = bpf_get_current_pid_tgid() >> 32;
		r->uid = (__u32)bpf_get_current_uid_gid();
		return;
	}
	if ((unsigned long)info == 1) {
		r->code = 0x80;	/* SI_KERNEL */
		return;
	}
	r->code = BPF_CORE_READ(info, si_code);
	r->err = BPF_CORE_READ(info, si_errno);
	r->pid = BPF_CORE_READ(info, _sifields._kill._pid);
	r->uid = BPF_CORE_READ(info, _sifields._kill._uid);
	r->status = BPF_CORE_READ(info, _sifields._sigchld._status);
	r->utime = BPF_CORE_READ(info, _sifields._sigchld._utime);
	r->stime = BPF_CORE_READ(info, _sifields._sigchld._stime);
	r->addr = (__u64)BPF_CORE_READ(info, _sifields._sigfault._addr);
}

static __always_inline void signal_emit(__u32 tid, __u32 tgid, const struct rn_signal_rec *r)
{
	struct rn_scratch *s = scratch_get();

	if (!s)
		return;
	__builtin_memset(&s->ev, 0, RN_EVENT_HDR_SIZE);
	s->ev.ts_ns = bpf_ktime_get_ns();
	s->ev.type = RN_EV_SIGNAL;
	s->ev.tid = tid;
	s->ev.tgid = tgid;
	__builtin_memcpy(&s->ev.sig, r, sizeof(*r));
	emit(s, false);
}

/* An ignored signal saved at generation, reported once the task leaves the
 * kernel, where ptrace's signal-delivery stop would be. */
static __always_inline void flush_ignored(struct rn_pend *p, __u64 pid_tgid)
{
	if (!p->sig.signo)
		return;
	signal_emit((__u32)pid_tgid, pid_tgid >> 32, &p->sig);
	p->sig.signo = 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(rn_sys_enter, struct pt_regs *regs, long id)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct task_struct *task;
	struct rn_pend *p;

	/* execve is looked at even when filtered out: it opens the gate of
	 * a spawned command (current_traced()). */
	if (!syscall_wanted(id) && !is_exec(id))
		return 0;
	/*
	 * A task already found traced in a pid mode stays traced until it
	 * exits (its tgid leaves the map only when the whole group is gone),
	 * so its own storage answers without the hash lookup. In the cgroup
	 * and uid modes the answer can change (a move, a setuid): ask again.
	 */
	task = bpf_get_current_task_btf();
	p = bpf_task_storage_get(&pending, task, 0, 0);
	if (!p || !p->traced) {
		if (!current_traced(pid_tgid, id, true))
			return 0;
		p = bpf_task_storage_get(&pending, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (!p)
			return 0;
		p->traced = rn_mode == RN_MODE_PIDS || rn_mode == RN_MODE_ALL;
	}
	if (!syscall_wanted(id))
		return 0;
	p->ts = rn_no_time ? 0 : bpf_ktime_get_ns();
	p->nr = id;
	p->live = 1;
	p->captured = 0;
	if (!rn_summary) {
		fill_args(p, regs);
		/* its "argument" is the signal frame at the stack pointer,
		 * where the restored mask is read (RN_F_SP_ARG0) */
		if (id == NR_RT_SIGRETURN)
			p->args[0] = regs->sp;
		save_entry_inputs(p, id);
	}
	/* without the bprm hook, capture now: pages not yet touched (a path
	 * literal in the program's rodata) read as faults */
	if (is_exec(id) && !rn_summary && !rn_exec_hook) {
		exec_entry(pid_tgid, p);
		p->captured = 1;
	}
	return 0;
}

#define SIGKILL 9
#define SIGNAL_GROUP_EXIT 0x4	/* signal_struct.flags */

#define EINTR 4
#define ERESTART_MIN 512	/* ERESTARTSYS */
#define ERESTART_MAX 516	/* ERESTART_RESTARTBLOCK */

/* SIGKILL queued to the current thread: a group exit or kill -9 is taking it
 * down on its way back to user space. */
static __always_inline bool dying(void)
{
	struct task_struct *task = bpf_get_current_task_btf();

	return task->pending.signal.sig[0] & (1ul << (SIGKILL - 1));
}

static __always_inline void hist_add(__u32 key)
{
	__u32 zero = 0;
	struct rn_hcache *c = bpf_map_lookup_elem(&hcache, &zero);
	struct rn_hslot *sl;
	__u64 one = 1, *cnt;

	if (c) {
		sl = &c->slot[rn_hcache_slot(key)];
		if (sl->key1 == key + 1) {
			sl->count++;
			return;
		}
		if (!sl->key1) {
			sl->key1 = key + 1;
			sl->count = 1;
			return;
		}
	}
	cnt = bpf_map_lookup_elem(&hist, &key);
	if (!cnt && bpf_map_update_elem(&hist, &key, &one, BPF_NOEXIST) == 0)
		return;
	/* the bucket existed, or another CPU created it just now */
	if (!cnt)
		cnt = bpf_map_lookup_elem(&hist, &key);
	if (cnt)
		(*cnt)++;
}

/*
 * Plain read-modify-writes on per-CPU data: a raw tracepoint program runs
 * with preemption off, and never nests in itself on one CPU (the kernel
 * skips a program already active there), so nothing else writes these
 * slots meanwhile.
 */
static __always_inline void aggregate(__u32 nr, __s64 ret, __u64 dur)
{
	struct rn_agg *a = bpf_map_lookup_elem(&agg, &nr);

	if (!a)
		return;
	if (!a->count || dur < a->min_ns)
		a->min_ns = dur;
	if (dur > a->max_ns)
		a->max_ns = dur;
	a->count++;
	a->total_ns += dur;
	if (ret < 0 && ret >= -4095)
		a->errors++;
	hist_add(nr << 16 | rn_hist_bucket(dur));
}

/* An exit without its entry: tracing began mid-call (-p), or a fork child
 * returning from clone (never shown, as with ptrace). */
static __always_inline void exit_missed(__u64 pid_tgid, struct pt_regs *regs, long ret)
{
	long nr = regs->orig_ax;
	struct rn_scratch *s;
	struct rn_pend p = {};
	__u32 i;

	if (rn_summary || !syscall_wanted(nr))
		return;
	if (ret == 0 && (nr == NR_CLONE || nr == NR_FORK || nr == NR_VFORK || nr == NR_CLONE3))
		return;
	if (!current_traced(pid_tgid, nr, false))
		return;
	s = scratch_get();
	if (!s)
		return;
	fill_args(&p, regs);
	sc_header(s, pid_tgid, bpf_ktime_get_ns());
	s->ev.flags = RN_F_ENTRY_MISSED;
	s->ev.sc.nr = nr;
	s->ev.sc.ret = ret;
	for (i = 0; i < RN_MAX_ARGS; i++)
		s->ev.sc.args[i] = p.args[i];
	emit(s, false);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(rn_sys_exit, struct pt_regs *regs, long ret)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid(), now;
	__u32 tid = (__u32)pid_tgid, i, nr;
	struct rn_scratch *s;
	struct rn_pend *p;

	p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
	if (!p || !p->live) {
		exit_missed(pid_tgid, regs, ret);
		if (p)
			flush_ignored(p, pid_tgid);
		return 0;
	}
	/* Read the clock only for a traced call: every exit of every process
	 * on the machine runs this program. */
	now = rn_no_time ? 0 : bpf_ktime_get_ns();
	if ((ret == -EINTR || (ret >= -ERESTART_MAX && ret <= -ERESTART_MIN)) && dying()) {
		/* killed in the call: sched_process_exit reports it unfinished,
		 * as ptrace does ("= ?"), instead of with a restart code */
		return 0;
	}
	p->live = 0;
	nr = p->nr;
	if (rn_summary) {
		if (nr < RN_NR_MAX)
			aggregate(nr, ret, now - p->ts);
		return 0;
	}
	/* -z / -Z: a call the status filter drops costs no copy at all */
	if (rn_status_drop &&
	    (rn_status_drop & (ret < 0 && ret >= -4095 ? RN_DROP_FAILED : RN_DROP_OK)))
		return 0;
	s = is_exec(nr) && p->captured ?
		bpf_task_storage_get(&execcap, bpf_get_current_task_btf(), 0, 0) : NULL;
	if (s) {
		/* argv and path were captured at entry */
		s->ev.tid = tid;
		s->ev.tgid = pid_tgid >> 32;
		s->ev.sc.ret = ret;
		s->ev.dur_ns = now - p->ts;
		emit(s, true);
		bpf_task_storage_delete(&execcap, bpf_get_current_task_btf());
		flush_ignored(p, pid_tgid);
		return 0;
	}
	s = scratch_get();
	if (!s)
		return 0;
	sc_header(s, pid_tgid, p->ts);
	if (nr == NR_RT_SIGRETURN)
		s->ev.flags |= RN_F_SP_ARG0;
	s->ev.dur_ns = now - p->ts;
	s->ev.sc.nr = nr;
	s->ev.sc.ret = ret;
	for (i = 0; i < RN_MAX_ARGS; i++)
		s->ev.sc.args[i] = p->args[i];
	/* an exec that failed before the bprm hook still has its memory */
	if (!is_exec(nr) || ret < 0) {
		put_entry_inputs(s, p);
		capture_all(s, nr, 0);
		if (nr == NR_CLONE || nr == NR_CLONE3)
			capture_parent_tid(s, nr);
	}
	emit(s, false);
	flush_ignored(p, pid_tgid);
	return 0;
}

/*
 * execve's arguments are captured here, not at sys_enter: at exec's point of
 * no return the kernel has copied argv, envp and the path (faulting their
 * pages in) and the old memory is still mapped. A probe read at sys_enter
 * fails on a page never touched, like a path literal in read-only data.
 * (Linux 6.10+; older kernels capture at sys_enter.)
 */
SEC("tp_btf/sched_prepare_exec")
int BPF_PROG(rn_prepare_exec, struct task_struct *task, struct linux_binprm *bprm)
{
	struct rn_pend *p;

	if (rn_summary)
		return 0;
	p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
	if (!p || !p->live || !is_exec(p->nr) || p->captured)
		return 0;
	exec_entry(bpf_get_current_pid_tgid(), p);
	p->captured = 1;
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(rn_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = BPF_CORE_READ(parent, tgid), cpid = BPF_CORE_READ(child, pid);
	struct rn_target t = {};

	if (!rn_follow_forks || rn_mode != RN_MODE_PIDS)
		return 0;
	if (BPF_CORE_READ(child, tgid) != cpid)
		return 0;	/* a thread: its tgid is already traced */
	if (!bpf_map_lookup_elem(&traced, &ptgid))
		return 0;
	bpf_map_update_elem(&traced, &cpid, &t, BPF_ANY);
	return 0;
}

/* A call that never returned (exit_group, or killed while blocked). */
static __always_inline void emit_unfinished(__u64 pid_tgid, __u64 now)
{
	__u32 i;
	struct rn_pend *p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
	struct rn_scratch *s;

	if (!p || !p->live)
		return;
	p->live = 0;
	s = rn_summary ? NULL : scratch_get();
	if (s) {
		sc_header(s, pid_tgid, p->ts);
		s->ev.flags = RN_F_UNFINISHED;
		s->ev.dur_ns = rn_no_time ? 0 : now - p->ts;
		s->ev.sc.nr = p->nr;
		s->ev.sc.ret = 0;
		for (i = 0; i < RN_MAX_ARGS; i++)
			s->ev.sc.args[i] = p->args[i];
		emit(s, false);
	}
	bpf_task_storage_delete(&execcap, bpf_get_current_task_btf());
}

/* A thread killed because another thread of its process called execve:
 * ptrace shows no exit for it (the exec takes its place). */
static __always_inline bool replaced_by_exec(struct task_struct *task)
{
	struct task_struct *execer;

	if (!bpf_core_field_exists(task->signal->group_exec_task))
		return false;
	execer = BPF_CORE_READ(task, signal, group_exec_task);
	return execer && execer != task;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(rn_exit, struct task_struct *task)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid(), now = bpf_ktime_get_ns();
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid, code;
	bool group_dead = BPF_CORE_READ(task, signal, live.counter) == 0, execer;
	struct rn_scratch *s;
	struct rn_pend *p;

	if (current_traced(pid_tgid, -1, false)) {
		emit_unfinished(pid_tgid, now);
		p = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
		if (p)
			flush_ignored(p, pid_tgid);
		execer = replaced_by_exec(task);
		/* a thread killed by another's execve has no exit of its own
		 * (as with ptrace); the leader is "superseded" by the execer */
		s = !execer || tid == tgid ? scratch_get() : NULL;
		if (s) {
			__builtin_memset(&s->ev, 0, RN_EVENT_HDR_SIZE);
			s->ev.ts_ns = now;
			s->ev.type = RN_EV_EXIT;
			s->ev.tid = tid;
			s->ev.tgid = tgid;
		}
		if (s && execer) {
			s->ev.flags = RN_F_SUPERSEDED;
			s->ev.exit.code = BPF_CORE_READ(task, signal, group_exec_task, pid);
			emit(s, true);
		} else if (s) {
			code = BPF_CORE_READ(task, exit_code);
			s->ev.flags = tid != tgid ? RN_F_THREAD_EXIT : 0;
			s->ev.exit.signo = code & 0x7f;
			s->ev.exit.code = code & 0x7f ? 0 : (code >> 8) & 0xff;
			s->ev.exit.core_dumped = !!(code & 0x80);
			emit(s, true);
		}
	}
	if (group_dead) {
		bpf_map_delete_elem(&fatal_sig, &tgid);
		if (rn_mode == RN_MODE_PIDS)
			bpf_map_delete_elem(&traced, &tgid);
	}
	return 0;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(rn_signal_deliver, int sig, struct kernel_siginfo *info)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;
	struct rn_signal_rec r, *fatal;

	if (rn_summary || !current_traced(pid_tgid, -1, false))
		return 0;
	/* ptrace never reports SIGKILL itself; but a fatal signal is turned
	 * into a group exit when sent and arrives here as SIGKILL: report the
	 * signal that was sent, saved by rn_signal_generate */
	if (sig == SIGKILL) {
		fatal = bpf_map_lookup_elem(&fatal_sig, &tgid);
		if (fatal) {
			signal_emit((__u32)pid_tgid, tgid, fatal);
			bpf_map_delete_elem(&fatal_sig, &tgid);
		}
		return 0;
	}
	siginfo_fill(&r, sig, info);
	signal_emit((__u32)pid_tgid, tgid, &r);
	return 0;
}

/*
 * Two signals never reach signal_deliver as themselves, though a ptraced
 * task reports them: one whose action is to ignore it is dropped when sent
 * (strace shows "--- SIGCHLD"), and one that kills the process is turned
 * into a group exit at once. Save them here, at generation, and report them
 * where ptrace would: the ignored one when its target next leaves a syscall
 * (or exits), the fatal one at its SIGKILL delivery.
 */
SEC("tp_btf/signal_generate")
int BPF_PROG(rn_signal_generate, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	struct rn_signal_rec r;
	struct rn_pend *p;
	bool fatal;
	__u32 tgid;

	if (rn_summary || sig == SIGKILL)
		return 0;
	fatal = result == TRACE_SIGNAL_DELIVERED &&
		(BPF_CORE_READ(task, signal, flags) & SIGNAL_GROUP_EXIT) &&
		BPF_CORE_READ(task, signal, group_exit_code) == sig;
	if ((result != TRACE_SIGNAL_IGNORED && !fatal) || !task_traced(task))
		return 0;
	if (fatal) {
		tgid = BPF_CORE_READ(task, tgid);
		siginfo_fill(&r, sig, info);
		bpf_map_update_elem(&fatal_sig, &tgid, &r, BPF_ANY);
		return 0;
	}
	p = bpf_task_storage_get(&pending, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (p)
		siginfo_fill(&p->sig, sig, info);
	return 0;
}
