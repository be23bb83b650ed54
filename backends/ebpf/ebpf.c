// SPDX-License-Identifier: MIT
/*
 * The eBPF backend: the libbpf skeleton lifecycle (open -> set rodata and map
 * sizes -> load -> fill maps -> attach) and the ops table. The ring buffer
 * consumer lives in ebpf_poll.c, the spawn handshake in ebpf_spawn.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/capability.h>
#include <linux/magic.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "ebpf.h"
#include "ebpf_stack.h"
#include "../capture.h"
#include "bpf/renacer.h"
#include "bpf/renacer.skel.h"
#include "../../syscalls/syscalls.h"
#include "../procfs.h"

#define VMLINUX_BTF "/sys/kernel/btf/vmlinux"
#define DEFAULT_RING RN_RING_DEFAULT
#define SUMMARY_RING (256u << 10)	/* -c: only exit records travel */

/*
 * The program is built from the same headers (backends/event.h,
 * bpf/renacer.h); check what its skeleton says it was built with, and the
 * kernel ABI values it spells out itself, against this side's.
 */
#define RODATA_SIZE(f) sizeof(((struct renacer_bpf__rodata *)0)->f)
_Static_assert(RODATA_SIZE(rn_syscalls) == sizeof(((struct rn_trace_config *)0)->syscalls),
	       "BPF syscall bitmap size (RN_NR_MAX)");
_Static_assert(RODATA_SIZE(rn_entry_in) == RN_BITMAP_WORDS * 8 &&
	       RODATA_SIZE(rn_has_cap) == RN_BITMAP_WORDS * 8, "BPF bitmaps (RN_BITMAP_WORDS)");
_Static_assert(RODATA_SIZE(rn_caps) == RN_NR_MAX * sizeof(struct rn_cap_desc),
	       "BPF capture table (RN_NR_MAX)");
_Static_assert(RN_NR_RT_SIGRETURN == SYS_rt_sigreturn && RN_NR_CLONE == SYS_clone &&
	       RN_NR_FORK == SYS_fork && RN_NR_VFORK == SYS_vfork && RN_NR_EXECVE == SYS_execve &&
	       RN_NR_EXECVEAT == SYS_execveat && RN_NR_CLONE3 == SYS_clone3 &&
	       RN_NR_GETDENTS64 == SYS_getdents64 && RN_NR_SENDTO == SYS_sendto &&
	       RN_NR_RECVFROM == SYS_recvfrom && RN_NR_SENDMSG == SYS_sendmsg &&
	       RN_NR_RECVMSG == SYS_recvmsg && RN_NR_BPF == SYS_bpf,
	       "syscall numbers in bpf/renacer.h");
_Static_assert(RN_CLONE_PARENT_SETTID == CLONE_PARENT_SETTID && RN_SIGKILL == SIGKILL &&
	       RN_EINTR == EINTR && RN_PATH_CAP == PATH_MAX - 1,
	       "kernel ABI values in bpf/renacer.h");

static int libbpf_verbose;

/* Why the last ebpf_open() failed: open returns NULL + errno only. */
static char ebpf_open_err[256];

void ebpf_set_error(struct ebpf_backend *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b->err, sizeof(b->err), fmt, ap);
	va_end(ap);
}

void ebpf_phase(struct ebpf_backend *b, const char *name)
{
	struct timespec now;
	double ms;
	int n;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - b->t_mark.tv_sec) * 1e3 + (now.tv_nsec - b->t_mark.tv_nsec) / 1e6;
	b->t_mark = now;
	if (b->timing_len >= sizeof(b->timing))
		return;
	n = snprintf(b->timing + b->timing_len, sizeof(b->timing) - b->timing_len, "%s%s %.2f ms",
		     b->timing_len ? ", " : "", name, ms);
	if (n > 0)
		b->timing_len += n;
}

/* libbpf explains load failures on stderr; only --debug wants that. */
static int ebpf_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (libbpf_verbose < 2 || (level == LIBBPF_DEBUG && libbpf_verbose < 3))
		return 0;
	return vfprintf(stderr, fmt, ap);
}

static bool ebpf_has_caps(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2] = {};
	__u64 eff;

	if (syscall(SYS_capget, &hdr, data) < 0)
		return false;
	eff = (__u64)data[1].effective << 32 | data[0].effective;
	if (eff & (1ull << CAP_SYS_ADMIN))
		return true;
	return (eff & (1ull << CAP_BPF)) && (eff & (1ull << CAP_PERFMON));
}

/* The raw syscall tracepoints exist when the kernel's BTF names their probe
 * type; scanning the string section is cheaper than parsing the BTF. */
static int ebpf_has_syscall_tp(void)
{
	static const char needle[] = "btf_trace_sys_enter";
	struct stat st;
	void *map;
	int fd, ret;

	fd = open(VMLINUX_BTF, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0 || st.st_size == 0) {
		close(fd);
		return -ENOENT;
	}
	map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		return 0;	/* sysfs may refuse mmap: let the load decide */
	}
	ret = memmem(map, st.st_size, needle, sizeof(needle)) ? 0 : -ENOTSUP;
	munmap(map, st.st_size);
	return ret;
}

/* The running kernel is at least major.minor (unknown: the answer given) */
bool ebpf_kernel_at_least(int major, int minor, bool unknown)
{
	struct utsname u;
	int ma = 0, mi = 0;

	if (uname(&u) < 0 || sscanf(u.release, "%d.%d", &ma, &mi) != 2)
		return unknown;
	return ma > major || (ma == major && mi >= minor);
}

static int ebpf_probe(const struct rn_trace_config *cfg, char *why, size_t whylen)
{
	struct statfs sfs;

	if (!ebpf_has_caps()) {
		snprintf(why, whylen, "needs CAP_BPF and CAP_PERFMON (or root)");
		return -EPERM;
	}
	if (access(VMLINUX_BTF, R_OK) < 0) {
		snprintf(why, whylen, "needs a kernel with BTF (" VMLINUX_BTF " is missing)");
		return -ENOTSUP;
	}
	/* bpf_loop (5.17) is the newest kernel feature the programs cannot
	 * do without (unknown: let the load decide); sched_prepare_exec (6.10)
	 * is optional */
	if (!ebpf_kernel_at_least(5, 17, true)) {
		snprintf(why, whylen, "needs Linux 5.17 or later");
		return -ENOTSUP;
	}
	if (ebpf_has_syscall_tp() < 0) {
		snprintf(why, whylen, "needs the raw syscall tracepoints "
			 "(kernel built without CONFIG_FTRACE_SYSCALLS)");
		return -ENOTSUP;
	}
	if (cfg && cfg->cgroup) {
		if (statfs(cfg->cgroup, &sfs) < 0) {
			snprintf(why, whylen, "cannot use cgroup '%s': %s", cfg->cgroup,
				 strerror(errno));
			return -errno;
		}
		if (sfs.f_type != CGROUP2_SUPER_MAGIC) {
			snprintf(why, whylen, "--cgroup needs a cgroup v2 directory: '%s' is not",
				 cfg->cgroup);
			return -EINVAL;
		}
	}
	return 0;
}

__u32 ebpf_ring_size(const struct rn_trace_config *cfg)
{
	size_t want = cfg->buffer_size, size = 4096;

	if (!want)
		want = cfg->summary_only ? SUMMARY_RING : DEFAULT_RING;
	/* the kernel wants a power-of-two multiple of the page size */
	while (size < want && size < (1u << 30))
		size <<= 1;
	return size;
}

/* Rodata: everything the programs decide on, fixed before the load. */
static void ebpf_set_rodata(struct renacer_bpf *skel, const struct rn_trace_config *cfg)
{
	struct renacer_bpf__rodata *ro = skel->rodata;
	long nr;

	if (cfg->attach_all && cfg->uid >= 0 && !cfg->argv)
		ro->rn_mode = RN_MODE_UID;
	else if (cfg->attach_all)
		ro->rn_mode = RN_MODE_ALL;
	else if (cfg->cgroup)
		ro->rn_mode = RN_MODE_CGROUP;
	else
		ro->rn_mode = RN_MODE_PIDS;
	ro->rn_uid = cfg->uid;
	ebpf_ident_rodata(skel, cfg);
	ro->rn_self_tgid = getpid();
	ro->rn_follow_forks = cfg->follow_forks;
	ro->rn_summary = cfg->summary_only;
	ro->rn_no_time = cfg->no_timing && !cfg->summary_only;
	ro->rn_status_drop = cfg->status_drop;
	ro->rn_stack = cfg->stacks && !cfg->summary_only;	/* bpf/stack.bpf.h */
	if (cfg->strsize)
		ro->rn_strsize = cfg->strsize < RN_PAYLOAD_MAX ? cfg->strsize : RN_PAYLOAD_MAX;
	ro->rn_wake_bytes = ebpf_ring_size(cfg) / 16;
	ro->rn_ring_half = ebpf_ring_size(cfg) / 2;
	memcpy((void *)ro->rn_syscalls, cfg->syscalls, sizeof(cfg->syscalls));
	ebpf_fdpath_rodata(skel, cfg);
	for (nr = 0; nr < RN_NR_MAX; nr++) {
		const struct rn_cap_desc *d = rn_syscall_capture(nr);
		int i;

		memcpy((void *)&ro->rn_caps[nr], d, sizeof(ro->rn_caps[nr]));
		/* a chain that keeps an input at entry (bpf/chain.bpf.h) */
		if (rn_chain_at_entry(d->chain))
			ro->rn_entry_in[nr / 64] |= 1ull << (nr % 64);
		for (i = 0; i < RN_MAX_ARGS; i++) {
			if (d->arg[i].kind != RN_CAP_NONE)
				ro->rn_has_cap[nr / 64] |= 1ull << (nr % 64);
			if (d->arg[i].kind == RN_CAP_FIXED && !d->arg[i].at_exit &&
			    d->arg[i].size <= 8)
				ro->rn_entry_in[nr / 64] |= 1ull << (nr % 64);
		}
	}
}

int ebpf_trace_tgid(struct ebpf_backend *b, __u32 tgid, __u32 only_tid)
{
	struct rn_target t = { .only_tid = only_tid };

	if (bpf_map__update_elem(b->skel->maps.traced, &tgid, sizeof(tgid), &t, sizeof(t),
				 BPF_ANY) < 0)
		return -errno;
	return 0;
}

int ebpf_watch_pid(struct ebpf_backend *b, pid_t pid)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT, .data.u32 = 1 };
	int fd, *tmp;

	tmp = realloc(b->pidfds, (b->npidfds + 1) * sizeof(*tmp));
	if (!tmp)
		return -ENOMEM;
	b->pidfds = tmp;
	fd = syscall(SYS_pidfd_open, pid, 0);
	if (fd < 0)
		return -errno;
	if (epoll_ctl(b->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		close(fd);
		return -errno;
	}
	b->pidfds[b->npidfds++] = fd;
	return 0;
}

void ebpf_gate(struct ebpf_backend *b, bool on)
{
	b->skel->bss->rn_gate_active = on;
}

/* The thread group of a -p target (which may name any of its threads). */
static int ebpf_fill_maps(struct ebpf_backend *b)
{
	__u32 zero = 0;
	size_t i;
	int tgid, err;

	if (b->cgroup) {
		b->cgroup_fd = open(b->cgroup, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (b->cgroup_fd < 0 ||
		    bpf_map__update_elem(b->skel->maps.cgroup, &zero, sizeof(zero),
					 &b->cgroup_fd, sizeof(b->cgroup_fd), BPF_ANY) < 0) {
			err = -errno;
			ebpf_set_error(b, "cannot use cgroup '%s': %s", b->cgroup,
				       strerror(-err));
			return err;
		}
	}
	for (i = 0; i < b->npids; i++) {
		tgid = rn_proc_tgid(b->pids[i]);
		/* as ptrace: a kernel thread makes no system calls to trace */
		if (tgid > 0 && rn_proc_is_kthread(b->pids[i]) == 1)
			tgid = -EPERM;
		if (tgid < 0) {
			ebpf_set_error(b, "cannot attach to pid %d: %s", (int)b->pids[i],
				       strerror(-tgid));
			return tgid;
		}
		/* strace without -f follows only the named thread */
		err = ebpf_trace_tgid(b, tgid, b->follow_forks ? 0 : b->pids[i]);
		if (!err)
			ebpf_watch_pid(b, tgid);
		if (err < 0) {
			ebpf_set_error(b, "cannot attach to pid %d: %s", (int)b->pids[i],
				       strerror(-err));
			return err;
		}
	}
	return 0;
}

/*
 * Load the programs; with --debug twice, ask the verifier for its statistics
 * and print one line per program (where the start-up time goes).
 */
static int ebpf_load_logged(struct renacer_bpf *skel, int verbose)
{
	enum { LOG_SIZE = 4096 };
	struct bpf_program *prog;
	char *logs = NULL, *line;
	int err, i = 0, n = 0;

	if (verbose >= 2) {
		bpf_object__for_each_program(prog, skel->obj)
			n++;
		logs = calloc(n, LOG_SIZE);
	}
	if (logs) {
		bpf_object__for_each_program(prog, skel->obj) {
			bpf_program__set_log_level(prog, 4);	/* statistics only */
			bpf_program__set_log_buf(prog, logs + i++ * LOG_SIZE, LOG_SIZE);
		}
	}
	err = renacer_bpf__load(skel);
	i = 0;
	if (logs && !err) {
		bpf_object__for_each_program(prog, skel->obj) {
			line = logs + i++ * LOG_SIZE;
			line[LOG_SIZE - 1] = 0;
			if (!bpf_program__autoload(prog))
				continue;
			for (char *nl; (nl = strchr(line, '\n')); )
				*nl = ' ';
			fprintf(stderr, "renacer: eBPF program %s: %s\n",
				bpf_program__name(prog), line);
		}
	}
	free(logs);
	return err;
}

/* Open, configure and load; exec_hook says whether to try the program on the
 * sched_prepare_exec tracepoint (Linux 6.10+). */
static int ebpf_load_once(struct ebpf_backend *b, const struct rn_trace_config *cfg,
			  bool exec_hook)
{
	int err;

	b->skel = renacer_bpf__open();
	if (!b->skel) {
		err = -errno;
		ebpf_set_error(b, "cannot open the eBPF object: %s", strerror(-err));
		return err;
	}
	ebpf_phase(b, "open");
	ebpf_set_rodata(b->skel, cfg);
	ebpf_sampling_setup(b, cfg);
	b->skel->rodata->rn_exec_hook = exec_hook;
	/* what a run does not need is neither verified nor attached (each
	 * program costs 0.3-1 ms of start-up): -c sends no per-call records,
	 * so no argv capture at exec and no signal records */
	bpf_program__set_autoload(b->skel->progs.rn_prepare_exec,
				  exec_hook && !cfg->summary_only && ebpf_traces_exec(cfg));
	bpf_program__set_autoload(b->skel->progs.rn_signal_deliver,
				  !cfg->summary_only && !cfg->no_signals);
	bpf_program__set_autoload(b->skel->progs.rn_signal_generate,
				  !cfg->summary_only && !cfg->no_signals);
	bpf_program__set_autoload(b->skel->progs.rn_fork,
				  cfg->follow_forks && !cfg->attach_all && !cfg->cgroup);
	ebpf_inflight_setup(b, cfg);
	err = ebpf_rings_prepare(b, cfg);
	/* the -c tables cost memory and creation time: not made when unused */
	if (!err)
		err = ebpf_lazy_maps(b, cfg);
	if (!err)
		err = ebpf_load_logged(b->skel, cfg->verbose);
	ebpf_phase(b, "load");
	if (err) {
		ebpf_set_error(b, "cannot load the eBPF programs: %s%s", strerror(-err),
			       cfg->verbose >= 2 ? "" : " (--debug shows the verifier log)");
		renacer_bpf__destroy(b->skel);
		b->skel = NULL;
	}
	return err;
}

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23	/* Linux 5.14 */
#endif
#define PREFAULT_BYTES (12u << 20)

/*
 * libbpf reads the kernel's BTF (5.5 MB here) into one fresh buffer and
 * copies it into another: some 2,700 page faults each, a quarter of the
 * start-up. Have the heap hold that much memory, populated by one madvise
 * (no fault per page), before loading; give it back afterwards. Kernels
 * without MADV_POPULATE_WRITE just fault as before.
 */
static void prefault_heap(bool on)
{
	char *p;

	if (!on) {
		mallopt(M_MMAP_THRESHOLD, 128 << 10);
		mallopt(M_TRIM_THRESHOLD, 128 << 10);
		malloc_trim(0);
		return;
	}
	/* big blocks from the heap (not mmap), and kept there when freed */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	p = malloc(PREFAULT_BYTES);
	if (!p)
		return;
	madvise((void *)(((uintptr_t)p + 4095) & ~(uintptr_t)4095), PREFAULT_BYTES - 4096,
		MADV_POPULATE_WRITE);
	free(p);
}

static int ebpf_load(struct ebpf_backend *b, const struct rn_trace_config *cfg)
{
	int err;

	libbpf_verbose = cfg->verbose;
	libbpf_set_print(ebpf_libbpf_print);
	prefault_heap(true);
	err = ebpf_load_once(b, cfg, true);
	prefault_heap(false);
	if (!err)
		return 0;
	/* without the exec hook argv is captured at sys_enter instead */
	if (cfg->verbose)
		fprintf(stderr, "renacer: eBPF exec hook unavailable (%s): "
			"capturing execve arguments at entry\n", strerror(-err));
	return ebpf_load_once(b, cfg, false);
}

static void ebpf_free(struct ebpf_backend *b)
{
	if (!b)
		return;
	ebpf_phase(b, "run");
	ebpf_stack_close(b);
	while (b->npidfds)
		close(b->pidfds[--b->npidfds]);
	free(b->pidfds);
	if (b->epfd >= 0)
		close(b->epfd);
	ebpf_readers_free(b);
	ebpf_inflight_free(b);
	ring_buffer__free(b->rb);
	ebpf_rings_free(b);
	renacer_bpf__destroy(b->skel);
	if (b->cgroup_fd >= 0)
		close(b->cgroup_fd);
	ebpf_phase(b, "destroy");
	if (b->verbose)
		fprintf(stderr, "renacer: eBPF timing: %s\n", b->timing);
	free(b->batch);
	free(b->pids);
	free(b->cgroup);
	free(b);
}

static void ebpf_close(struct rn_backend *b)
{
	ebpf_free(ebpf_of(b));
}

static struct rn_backend *ebpf_open(const struct rn_trace_config *cfg)
{
	struct ebpf_backend *b = calloc(1, sizeof(*b));
	int err = -ENOMEM;

	if (!b)
		return NULL;
	b->base.ops = &rn_ebpf_backend;
	clock_gettime(CLOCK_MONOTONIC, &b->t_mark);
	b->cgroup_fd = -1;
	b->epfd = -1;
	b->argv = cfg->argv;
	b->follow_forks = cfg->follow_forks;
	b->summary_only = cfg->summary_only;
	b->verbose = cfg->verbose;
	b->uid = cfg->uid;
	b->gid = cfg->gid;
	b->cgroup = cfg->cgroup && !cfg->attach_all ? strdup(cfg->cgroup) : NULL;
	b->ncpus = libbpf_num_possible_cpus();
	b->batch = malloc(EBPF_BATCH * sizeof(*b->batch));
	if (cfg->npids) {
		b->pids = calloc(cfg->npids, sizeof(*b->pids));
		if (!b->pids)
			goto fail;
		memcpy(b->pids, cfg->pids, cfg->npids * sizeof(*b->pids));
		b->npids = cfg->npids;
	}
	if (!b->batch || b->ncpus <= 0 || (cfg->cgroup && !cfg->attach_all && !b->cgroup))
		goto fail;
	err = ebpf_load(b, cfg);
	if (err)
		goto fail;
	err = ebpf_rings_create(b, cfg);
	if (err)
		goto fail;
	/* our own epoll set: the ring buffer's (one reader), plus pidfds
	 * (ebpf_watch_pid); several readers each wait on their own ring */
	b->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (b->epfd < 0) {
		err = -errno;
		goto fail;
	}
	b->stage = cfg->stage;
	if (b->stage) {
		err = ebpf_readers_create(b);
		if (err)
			goto fail;
	} else {
		b->rb = ring_buffer__new(b->rings[0].fd, ebpf_sample, b, NULL);
		if (!b->rb || epoll_ctl(b->epfd, EPOLL_CTL_ADD, ring_buffer__epoll_fd(b->rb),
					&(struct epoll_event){ .events = EPOLLIN }) < 0) {
			err = -errno;
			goto fail;
		}
	}
	ebpf_phase(b, "ring");
	err = ebpf_stack_open(b, cfg);
	if (err)
		goto fail;
	return &b->base;
fail:
	/* open has no error channel but errno: keep the reason for error(NULL) */
	snprintf(ebpf_open_err, sizeof(ebpf_open_err), "%s", b->err);
	ebpf_free(b);
	errno = -err;
	return NULL;
}

static int ebpf_start(struct rn_backend *rb)
{
	struct ebpf_backend *b = ebpf_of(rb);
	int err = ebpf_fill_maps(b);

	if (err)
		return err;
	ebpf_phase(b, "maps");
	if (b->stage && (err = ebpf_readers_start(b)))
		return err;
	err = renacer_bpf__attach(b->skel);
	ebpf_phase(b, "attach");
	if (err) {
		ebpf_set_error(b, "cannot attach the eBPF programs: %s", strerror(-err));
		return err;
	}
	b->attached = true;
	if (b->argv) {
		err = ebpf_spawn(b);
		ebpf_phase(b, "spawn");
	}
	/* the session's thread drains the ring (one reader) or merges: it
	 * runs as the readers do, the command spawned at its own priority */
	if (!err)
		ebpf_reader_nice(b);
	return err;
}

/*
 * Stop tracing. As with ptrace (and strace), a command renacer started gets
 * SIGCONT and the signal that interrupted renacer (sig; 0 leaves it
 * running); -p targets just keep running.
 */
static void ebpf_detach(struct rn_backend *rb, int sig)
{
	struct ebpf_backend *b = ebpf_of(rb);

	ebpf_phase(b, "run");
	if (b->attached) {
		renacer_bpf__detach(b->skel);
		b->detached = true;
	}
	b->attached = false;
	ebpf_phase(b, "detach");
	if (sig && b->child && !b->reaped) {
		kill(b->child, SIGCONT);
		kill(b->child, sig);
	}
}

static int ebpf_exit_status(const struct rn_backend *rb)
{
	const struct ebpf_backend *b = ebpf_of_const(rb);

	return b->child && b->reaped ? b->status : -1;
}

static __u64 ebpf_lost(const struct rn_backend *b)
{
	return ebpf_of_const(b)->lost_reported;
}

static const char *ebpf_error(const struct rn_backend *b)
{
	return b ? ebpf_of_const(b)->err : ebpf_open_err;
}

const struct rn_backend_ops rn_ebpf_backend = {
	.name = "ebpf",
	.probe = ebpf_probe,
	.open = ebpf_open,
	.start = ebpf_start,
	.poll = ebpf_poll,
	.detach = ebpf_detach,
	.exit_status = ebpf_exit_status,
	.lost = ebpf_lost,
	.aggregates = ebpf_aggregates,
	.errnos = ebpf_errnos,
	.ring_fill = ebpf_ring_fill,
	.error = ebpf_error,
	.close = ebpf_close,
};
