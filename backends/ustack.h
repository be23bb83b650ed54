/* SPDX-License-Identifier: MIT */
/*
 * The user stack of a call as the eBPF program takes it (bpf/stack.bpf.h)
 * and user space unwinds it (backends/ebpf/ebpf_stack.c), carried in the
 * record as RN_REG_STACK regions (backends/event.h). Included by both sides.
 *
 * The kernel does no unwinding it cannot do cheaply: it saves the registers
 * an unwinder starts from (ip, sp, bp), the top RN_USTACK_WINDOW bytes of
 * the stack, and follows the frame-pointer chain from bp for at most
 * RN_USTACK_DEPTH links. User space then steps frame by frame with the
 * objects' CFI (.eh_frame), reading the window and the chain as the stack:
 * the innermost frames of code built without frame pointers (libc's
 * syscall wrappers) come out of the window, the outer frames of code built
 * with them out of the chain. Code without frame pointers whose frames lie
 * beyond the window cuts the stack short (counted: RN_USTACK_CUT).
 */
#ifndef RN_USTACK_H
#define RN_USTACK_H

#ifndef __bpf__
#include <linux/types.h>
#include <stdbool.h>
#endif

#define RN_USTACK_DEPTH	 64	/* frame-pointer links followed at most */
#define RN_USTACK_WINDOW 1024	/* stack bytes copied from sp at most */
#define RN_USTACK_VMAS	 4	/* mappings described per record at most */
#define RN_USTACK_NAME	 48	/* bytes of a mapped file's name */

/* rn_region.arg of an RN_REG_STACK region */
enum rn_ustack_part {
	RN_USTACK_REGS = 0,	/* addr: sp; bytes: hdr, window, links */
	RN_USTACK_VMA = 1,	/* addr: vma start; bytes: struct rn_ustack_vma */
};

/* rn_ustack_hdr.flags */
#define RN_USTACK_CUT	(1u << 0) /* the chain ended at a bad link (a fault, a
				   * pointer not above the last): frame-pointer-
				   * less code, not the outermost frame */
#define RN_USTACK_CAP	(1u << 1) /* RN_USTACK_DEPTH links followed: more exist */

struct rn_ustack_hdr {
	__u64 ip, sp, bp;	/* user registers at the call */
	__u32 window;		/* stack bytes from sp that follow (multiple of 8) */
	__u32 nlinks;		/* struct rn_ustack_link after the window */
	__u32 flags;		/* RN_USTACK_* */
	__u32 _pad;
};

/* Link k of the chain: the two words at bp_k (bp_0 = hdr.bp, bp_k+1 = next_bp
 * of link k): the caller's frame pointer and the return address. */
struct rn_ustack_link {
	__u64 next_bp;
	__u64 ra;
};

/* A mapping the kernel found for one of the record's addresses the first
 * time the thread used it (bpf_find_vma): what user space needs when the
 * process is gone before its /proc/PID/maps can be read. */
struct rn_ustack_vma {
	__u64 start, end;
	__u64 pgoff;		/* file offset of start, in bytes */
	__u64 ino;		/* 0: anonymous memory */
	__u32 dev;		/* the superblock's s_dev (kernel encoding) */
	__u32 _pad;
	char name[RN_USTACK_NAME];	/* the file's last path component */
};

_Static_assert(sizeof(struct rn_ustack_hdr) == 40, "rn_ustack_hdr size");
_Static_assert(sizeof(struct rn_ustack_vma) == 88, "rn_ustack_vma size");

#ifndef __bpf__
struct rn_backend;

/* A file mapping of a traced process, as user space learnt it (from
 * /proc/PID/maps or from a RN_USTACK_VMA region). */
struct rn_ustack_mapping {
	__u64 start, end;
	__u64 off;		/* file offset of start */
	__u64 ino;
	__u32 dev_major, dev_minor;
	const char *path;	/* "[vdso]", or NULL: not found (a process gone, a
				 * deleted file) */
};

/* rn_memsrc.stack_rec's how for renacer record: unwind, name nothing; what
 * it is for is the mappings found on the way (an address in none re-reads
 * the process's maps, and the hook hears of them). */
#define RN_USTACK_WALK (-1)

typedef void (*rn_ustack_map_fn)(void *ctx, __u32 tgid, const struct rn_ustack_mapping *m);

/*
 * Call fn for every file mapping the eBPF backend learns while taking stacks
 * (what a recorded trace needs to symbolize its stacks later). Returns 0, or
 * -ENOTSUP when b is not the eBPF backend or takes no stacks.
 */
int rn_ebpf_stack_map_hook(struct rn_backend *b, rn_ustack_map_fn fn, void *ctx);

/*
 * renacer report: the same unwinder and symbolizer over the RN_REG_STACK
 * regions of recorded events, with the mappings the recording saved (never
 * this machine's /proc). rn_ustack_offline_new() returns NULL + errno
 * (ENOTSUP: built without libdwarf or eBPF).
 */
struct ebpf_stack;
struct rn_event;
struct rn_frame;
struct ebpf_stack *rn_ustack_offline_new(int verbose);
/* A recorded mapping of process tgid (m->path NULL: its file is not to be
 * used, its frames print as addresses). */
void rn_ustack_offline_map(struct ebpf_stack *st, __u32 tgid, const struct rn_ustack_mapping *m);
/* A batch of events must end after ev (a successful execve). */
bool rn_ustack_offline_ends(const struct rn_event *ev);
/* Before the frontend sees evs (the mappings the kernel described in them),
 * and after (forget what exec'd or exited). */
void rn_ustack_offline_seen(struct ebpf_stack *st, const struct rn_event *evs, size_t n);
void rn_ustack_offline_done(struct ebpf_stack *st, const struct rn_event *evs, size_t n);
/* rn_memsrc.stack_rec with ctx the struct ebpf_stack. */
long rn_ustack_offline_stack(void *ctx, const struct rn_event *ev, struct rn_frame *frames,
			     size_t max, int how);
/* The frames of a ptrace recording: their addresses, innermost first
 * (unwound at record time), named against the recorded mappings. */
long rn_ustack_offline_frames(struct ebpf_stack *st, __u32 tgid, const __u64 *ips, size_t nips,
			      struct rn_frame *frames, size_t max, int how);
/* Say how many stacks were cut short, and free. */
void rn_ustack_offline_free(struct ebpf_stack *st);
#endif

#endif /* RN_USTACK_H */
