/* SPDX-License-Identifier: MIT */
/*
 * Internals of the ptrace backend, shared by its files only.
 *
 * One struct pt_task per traced thread, found by tid in a small chained hash.
 * Each task embeds the event record of its pending system call, so the hot
 * path (two stops per call) never allocates.
 */
#ifndef RN_PT_H
#define RN_PT_H

#include <stdbool.h>
#include <sys/types.h>

#include "../backend.h"
#include "../proc_ident.h"

/* pt_task.flags */
#define PT_IN_SYSCALL	(1u << 0)	/* ev holds a call whose exit is pending */
#define PT_REPORT	(1u << 1)	/* ... and that call is selected for output */
#define PT_HIDDEN	(1u << 2)	/* spawned command before its first execve */
#define PT_ANNOUNCE	(1u << 3)	/* attached by -p: RN_EV_ATTACH at first stop */
#define PT_LISTENING	(1u << 4)	/* in group-stop, restarted with PTRACE_LISTEN */
#define PT_GONE		(1u << 5)	/* detached or dead: drop at next chance */

/* pt_task.inj */
#define PT_INJ_RESULT	(1u << 0)	/* skipped: set the injected result at exit */
#define PT_INJ_SIG_EXIT	(1u << 1)	/* raise the signal at exit (entered by seccomp) */
#define PT_INJ_DELAY	(1u << 2)	/* delayed at entry: "(DELAYED)" */

struct pt_task {
	struct pt_task *next;		/* hash chain */
	pid_t tid;
	pid_t tgid;
	unsigned flags;			/* PT_* */
	__u64 pc, sp;			/* at the last syscall stop (0: unknown), for
					 * the unwinder: often all it needs */
	/* 1 + the number of the call a restart_syscall would resume (the
	 * last one cut short by ERESTART_RESTARTBLOCK, or the one it was
	 * blocked in when attached), 0 when unknown */
	int restart_nr;
	/* -e inject=: calls of each number made so far (RN_NR_MAX counters,
	 * allocated at the first injected number), and what the pending
	 * call still needs at its exit (PT_INJ_*) */
	__u32 *inj_count;
	unsigned inj;
	int inj_sig;			/* to deliver when the task resumes */
	const struct rn_inject_rule *inj_rule;
	/* who it is (ident.c): read from /proc when first needed and again
	 * after a call that changes it */
	struct rn_proc_ident ident;
	bool ident_valid;
	struct rn_event ev;		/* the pending system call */
};

#define PT_HASH 256			/* buckets, a power of two */

struct sock_filter;
struct pt_unwind;

/*
 * Reads of one stop's decoding. The first read of a stop goes to the task as
 * asked (the common case: one buffer); from the second one on, a window of
 * PT_MCACHE bytes is fetched so that walks over many small records (dirents,
 * iovecs, strings of an array) cost one process_vm_readv, not one each.
 * Dropped before the task can run again.
 */
#define PT_MCACHE 16384

struct pt_mcache {
	pid_t tid;
	unsigned reads;			/* reads since the stop began */
	__u64 base;
	size_t len;			/* valid bytes at base; 0 = empty */
	__u8 buf[PT_MCACHE];
};

/* The ptrace backend's instance: the base first (backends/backend.h). */
struct pt_backend {
	struct rn_backend base;
	struct rn_trace_config cfg;
	struct pt_task *hash[PT_HASH];
	struct pt_task *last;		/* the task of the previous stop */
	size_t ntasks;
	pid_t child;			/* spawned command, or 0 */
	int child_status;		/* its wait status, or -1 */
	unsigned opts;			/* PTRACE_O_* given to PTRACE_SEIZE */
	bool no_sysinfo;		/* PTRACE_GET_SYSCALL_INFO failed: GETREGS */
	bool detached;			/* detach() ran */
	bool seccomp;			/* the command runs under our seccomp filter */
	/* Calls that stop the task: cfg.syscalls plus the injected ones, less
	 * those the seccomp filter fails by itself (inj_errno) */
	__u64 stops[RN_BITMAP_WORDS];
	__u16 *inj_errno;		/* RN_NR_MAX errnos for SECCOMP_RET_ERRNO, or NULL */
	struct sock_filter *filter;	/* ... this one */
	unsigned short filter_len;
	int cb_err;			/* first error returned by the event callback */
	struct rn_memsrc mem;
	struct pt_mcache mc;
	struct rn_event *queue;		/* events waiting for the next poll() */
	size_t nqueue, qcap;
	struct rn_event scratch;	/* signal, exit and attach records */
	struct pt_unwind *unwind;	/* -k / --source state (unwind.c), or NULL */
	char err[512];
};

static inline struct pt_backend *pt_of(struct rn_backend *b)
{
	return (struct pt_backend *)b;
}

static inline const struct pt_backend *pt_of_const(const struct rn_backend *b)
{
	return (const struct pt_backend *)b;
}

/* task.c */
struct pt_task *pt_task_find(struct pt_backend *b, pid_t tid);
/* ident.c: the identity fields of ev (a record of task ev->tid), cached per
 * task and read again after exec, PR_SET_NAME and the set*id calls. */
void pt_ident_fill(struct pt_backend *b, struct rn_event *ev);
/* A call of t returned rval: forget its identity if the call changed it. */
void pt_ident_call_done(struct pt_task *t, long nr, __u64 arg0, __s64 rval);
struct pt_task *pt_task_add(struct pt_backend *b, pid_t tid, pid_t tgid);
void pt_task_del(struct pt_backend *b, struct pt_task *t);
/* Re-key t under a new tid (execve from a non-leader thread). */
void pt_task_rename(struct pt_backend *b, struct pt_task *t, pid_t tid);
/* Thread group id of tid from /proc, or tid when it cannot be read. */
pid_t pt_proc_tgid(pid_t tid);

/* mem.c */
void pt_mem_init(struct pt_backend *b);
/* Forget cached memory: the tasks are about to run. */
static inline void pt_mem_forget(struct pt_backend *b)
{
	b->mc.len = 0;
	b->mc.reads = 0;
}
/* Read up to len bytes of tid's memory at addr; bytes read or -errno. */
long pt_mem_read(pid_t tid, __u64 addr, void *buf, size_t len);
/* Copy the entry-time regions the capture table asks for into t->ev. */
void pt_capture_entry(struct pt_backend *b, struct pt_task *t);

/* seccomp.c */
bool pt_seccomp_wanted(const struct pt_backend *b);
int pt_seccomp_build(struct pt_backend *b);
int pt_seccomp_install(const struct pt_backend *b);

/* inject.c */
/* From cfg.inject: b->stops and b->inj_errno. 0 or -ENOMEM. */
int pt_inject_init(struct pt_backend *b);
/* Say with --debug how the injections are done, once the filter is chosen. */
void pt_inject_explain(const struct pt_backend *b);
/* At the entry of call nr (t->ev filled): skip it, raise a signal, wait,
 * as its rule asks for this call; by_seccomp: entered through the filter. */
void pt_inject_entry(struct pt_backend *b, struct pt_task *t, long nr, bool by_seccomp);
/* At its exit: the injected result (or rval) and the record's flags. */
__s64 pt_inject_exit(struct pt_backend *b, struct pt_task *t, __s64 rval);

/* spawn.c */
int pt_spawn(struct pt_backend *b);
int pt_attach(struct pt_backend *b);
void pt_detach_all(struct pt_backend *b, int sig);

/* ptrace.c */
/* Handle one waitpid() result; 0 or the callback's -errno. */
int pt_handle(struct pt_backend *b, pid_t tid, int status, rn_event_fn fn, void *ctx);
/* Queue a copy of ev for the next poll() (used where no callback is at hand). */
void pt_queue(struct pt_backend *b, const struct rn_event *ev);
__u64 pt_now(void);
/* b->scratch as a bare record of type for task t (header only, time now). */
void pt_simple_event(struct pt_backend *b, const struct pt_task *t, __u32 type);

#endif /* RN_PT_H */
