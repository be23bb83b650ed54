// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_tail4.sh: Linux AIO, io_uring_setup/register, the
 * POSIX message queue calls, perf_event_open, bpf, fsconfig/fsmount,
 * landlock and the calls newer than strace 6.1, each once with ordinary
 * arguments and once with odd ones (unknown flag bits, a bad command, a bad
 * descriptor), so their lines can be compared with strace's. Run as root;
 * nothing it makes outlives it: the AIO context is destroyed, the queue
 * unlinked, the map, ring, ruleset and counter closed, and fsmount only ever
 * gets a bad descriptor. landlock_restrict_self is never called.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <linux/aio_abi.h>
#include <linux/bpf.h>
#include <linux/io_uring.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <linux/mqueue.h>
#include <linux/perf_event.h>

static char buf[64] = "hello";

/* a write with a priority and a vectored read, then their two events */
static void aio_batch(aio_context_t ctx, int fd)
{
	struct iovec iov[2] = { { buf + 8, 2 }, { buf + 16, 3 } };
	struct iocb cb[2], *cbp[2] = { &cb[0], &cb[1] };
	struct io_event ev[2];
	struct timespec ts = { 1, 0 };
	int null = open("/dev/null", O_WRONLY);

	memset(cb, 0, sizeof(cb));
	cb[0].aio_data = 7;
	cb[0].aio_lio_opcode = IOCB_CMD_PWRITE;
	cb[0].aio_fildes = null;
	cb[0].aio_buf = (__u64)(unsigned long)buf;
	cb[0].aio_nbytes = 5;
	cb[0].aio_flags = IOCB_FLAG_IOPRIO;
	cb[0].aio_reqprio = (2 << 13) | 4;	/* IOPRIO_CLASS_BE, 4 */
	cb[1].aio_data = 8;
	cb[1].aio_lio_opcode = IOCB_CMD_PREADV;
	cb[1].aio_fildes = fd;
	cb[1].aio_buf = (__u64)(unsigned long)iov;
	cb[1].aio_nbytes = 2;
	if (syscall(SYS_io_submit, ctx, 2, cbp) == 2)
		syscall(SYS_io_getevents, ctx, 2, 2, ev, &ts);
	cb[0].aio_rw_flags = RWF_DSYNC | 0x1000;
	cb[0].aio_key = 3;
	syscall(SYS_io_submit, ctx, 1, cbp);
	close(null);
}

static void aio(void)
{
	aio_context_t ctx = 0;
	struct iocb cb[2], *cbp[2] = { &cb[0], &cb[1] };
	struct io_event ev[2];
	struct timespec ts = { 0, 1000000 };
	struct { const void *mask; size_t size; } ss = { NULL, 8 };
	__u64 mask = 0;
	int fd = open("/etc/passwd", O_RDONLY);

	syscall(SYS_io_setup, 8, &ctx);
	syscall(SYS_io_setup, 1, NULL);
	memset(cb, 0, sizeof(cb));
	cb[0].aio_data = 0x1234;
	cb[0].aio_lio_opcode = IOCB_CMD_PREAD;
	cb[0].aio_fildes = fd;
	cb[0].aio_buf = (__u64)(unsigned long)buf;
	cb[0].aio_nbytes = 4;
	cb[0].aio_offset = 0;
	cb[1].aio_lio_opcode = 99;
	cb[1].aio_fildes = -1;
	cb[1].aio_reqprio = 1;
	cb[1].aio_flags = IOCB_FLAG_RESFD;
	cb[1].aio_resfd = -1;
	syscall(SYS_io_submit, ctx, 1, cbp);
	syscall(SYS_io_getevents, ctx, 1, 2, ev, &ts);
	syscall(SYS_io_submit, ctx, 1, &cbp[1]);
	aio_batch(ctx, fd);
	syscall(SYS_io_submit, 0, -1, NULL);
	syscall(SYS_io_getevents, 0, 0, 1, NULL, NULL);
	ss.mask = &mask;
	syscall(SYS_io_pgetevents, ctx, 0, 2, ev, &ts, &ss);
	syscall(SYS_io_pgetevents, 0, 1, 0, NULL, NULL, NULL);
	syscall(SYS_io_cancel, ctx, &cb[0], &ev[0]);
	syscall(SYS_io_cancel, 0, NULL, NULL);
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_destroy, 0);
	close(fd);
}

static void uring_more(int fd)
{
	struct io_uring_files_update up = { .offset = 0 };
	int fds[1] = { -1 };
	unsigned w[2] = { 0, 0 };
	struct {
		struct io_uring_probe p;
		struct io_uring_probe_op ops[4];
	} pr;

	up.fds = (__u64)(unsigned long)fds;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES_UPDATE, &up, 1);
	memset(&pr, 0, sizeof(pr));
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_PROBE, &pr, 4);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_IOWQ_MAX_WORKERS, w, 2);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_PROBE, NULL, 300);
}

/* RESTRICTIONS and ENABLE_RINGS need a ring made disabled */
static void uring_restrict(void)
{
	struct io_uring_restriction res[3];
	struct io_uring_params p;
	int fd;

	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_R_DISABLED;
	fd = syscall(SYS_io_uring_setup, 2, &p);
	memset(res, 0, sizeof(res));
	res[0].opcode = IORING_RESTRICTION_REGISTER_OP;
	res[0].register_op = IORING_REGISTER_BUFFERS;
	res[1].opcode = IORING_RESTRICTION_SQE_OP;
	res[1].sqe_op = IORING_OP_READV;
	res[2].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
	res[2].sqe_flags = IOSQE_FIXED_FILE | IOSQE_IO_LINK | 0x80;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_RESTRICTIONS, res, 3);
	res[0].opcode = 99;	/* no such restriction; and once is all: EBUSY */
	res[0].resv = 5;
	res[0].resv2[1] = 7;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_RESTRICTIONS, res, 2);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_RESTRICTIONS, res, 0);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_ENABLE_RINGS, NULL, 0);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_ENABLE_RINGS, buf, 3);
	close(fd);
}

/* FILES2/BUFFERS2 and their updates: an empty table of two, one buffer */
static void uring_rsrc(int fd)
{
	int fds[2] = { -1, -1 };
	__u64 tags[2] = { 1, 2 };
	struct iovec iov = { buf, 16 };
	struct io_uring_rsrc_register rr = { .nr = 2, .data = (__u64)(unsigned long)fds };
	struct { struct io_uring_rsrc_update2 u; __u64 more; } up = {
		.u = { .offset = 1, .data = (__u64)(unsigned long)fds, .nr = 1 }, .more = 3,
	};

	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES2, &rr, sizeof(rr));
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES_UPDATE2, &up.u, sizeof(up.u));
	up.u.resv = 5;
	up.u.tags = (__u64)(unsigned long)tags;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES_UPDATE2, &up, sizeof(up));
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_FILES, NULL, 0);
	rr.flags = IORING_RSRC_REGISTER_SPARSE | 0x2;
	rr.resv2 = 7;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES2, &rr, sizeof(rr));
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES2, &rr, 24);
	rr = (struct io_uring_rsrc_register){ .nr = 1, .data = (__u64)(unsigned long)&iov,
					      .tags = (__u64)(unsigned long)tags };
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_BUFFERS2, &rr, sizeof(rr));
	up.u = (struct io_uring_rsrc_update2){ .data = (__u64)(unsigned long)&iov,
					       .tags = (__u64)(unsigned long)tags, .nr = 1 };
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_BUFFERS_UPDATE, &up.u, sizeof(up.u));
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_BUFFERS, NULL, 0);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_BUFFERS2, NULL, sizeof(rr));
}

/* CPU affinity, personality, the ring's own descriptor, a buffer ring,
 * worker limits and the opcodes newer than strace 6.1 */
static void uring_misc(int fd)
{
	struct io_uring_rsrc_update ru = { .offset = 0, .data = (__u32)fd }, drop = { .offset = 0 },
				    bad = { .offset = 5, .resv = 2 };
	struct io_uring_buf_reg br = { .ring_entries = 4, .bgid = 1 };
	void *ring = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned w[3] = { 1, 2, 3 };
	unsigned char cpus[8] = { 1 };
	long id;

	syscall(SYS_io_uring_register, fd, IORING_REGISTER_IOWQ_AFF, cpus, sizeof(cpus));
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_IOWQ_AFF, cpus, 0);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_IOWQ_AFF, NULL, 0);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_IOWQ_AFF, buf, 5);
	id = syscall(SYS_io_uring_register, fd, IORING_REGISTER_PERSONALITY, NULL, 0);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_PERSONALITY, NULL, id);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_PERSONALITY, buf, 7);
	/* an explicit offset: the kernel writes it back unchanged */
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_RING_FDS, &ru, 1);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_RING_FDS, &drop, 1);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_RING_FDS, &bad, 1);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_RING_FDS, &ru, 1);	/* data set */
	br.ring_addr = (__u64)(unsigned long)ring;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_PBUF_RING, &br, 1);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_PBUF_RING, &br, 1);
	br.resv[1] = 9;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_PBUF_RING, &br, 1);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_IOWQ_MAX_WORKERS, w, 3);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_IOWQ_MAX_WORKERS, w, 0);
	syscall(SYS_io_uring_register, fd, 24, buf, 2);		/* SYNC_CANCEL: wants 1 */
	syscall(SYS_io_uring_register, fd, 25, buf, 1);		/* FILE_ALLOC_RANGE: wants 0 */
	munmap(ring, 4096);
}

static void uring(void)
{
	struct io_uring_params p;
	int fd, efd = -1;

	memset(&p, 0, sizeof(p));
	fd = syscall(SYS_io_uring_setup, 4, &p);
	memset(&p, 0, sizeof(p));
	p.flags = 0x80000000u | IORING_SETUP_CLAMP;
	p.sq_thread_idle = 10;
	syscall(SYS_io_uring_setup, 0, &p);
	syscall(SYS_io_uring_setup, 1, NULL);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_EVENTFD, &efd, 1);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_BUFFERS, NULL, 0);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES, &efd, 1);
	uring_more(fd);
	syscall(SYS_io_uring_register, -1, 99, NULL, 0);
	close(fd);
	memset(&p, 0, sizeof(p));
	fd = syscall(SYS_io_uring_setup, 4, &p);
	uring_rsrc(fd);
	uring_misc(fd);
	close(fd);
	uring_restrict();
}

static void mqueue(void)
{
	struct mq_attr a = { .mq_maxmsg = 4, .mq_msgsize = 16 }, o;
	struct sigevent se;
	unsigned prio;
	int q;

	q = syscall(SYS_mq_open, "renacer-tail4", O_RDWR | O_CREAT | O_NONBLOCK, 0600, &a);
	syscall(SYS_mq_timedsend, q, "abc", 3, 2, NULL);
	syscall(SYS_mq_timedreceive, q, buf, 16, &prio, NULL);
	syscall(SYS_mq_timedreceive, q, buf, 16, &prio, NULL);
	syscall(SYS_mq_timedreceive, -1, NULL, 0, NULL, NULL);
	memset(&se, 0, sizeof(se));
	se.sigev_notify = SIGEV_SIGNAL;
	se.sigev_signo = SIGUSR1;
	syscall(SYS_mq_notify, q, &se);
	syscall(SYS_mq_notify, q, NULL);
	syscall(SYS_mq_notify, -1, NULL);
	a.mq_flags = 0;
	syscall(SYS_mq_getsetattr, q, &a, &o);
	syscall(SYS_mq_getsetattr, q, NULL, &o);
	syscall(SYS_mq_getsetattr, -1, NULL, NULL);
	close(q);
	syscall(SYS_mq_unlink, "renacer-tail4");
}

static void perf(void)
{
	struct perf_event_attr pa;
	int fd;

	memset(&pa, 0, sizeof(pa));
	pa.type = PERF_TYPE_SOFTWARE;
	pa.size = sizeof(pa);
	pa.config = PERF_COUNT_SW_CPU_CLOCK;
	pa.disabled = 1;
	pa.exclude_kernel = 1;
	fd = syscall(SYS_perf_event_open, &pa, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	close(fd);
	syscall(SYS_perf_event_open, NULL, -1, -1, -1, 0x100);
}

/* the element calls on the map: update, look up, next key, delete */
static void bpf_elems(int map)
{
	union bpf_attr ba;
	__u32 key = 0, next;
	__u64 val = 5;

	memset(&ba, 0, sizeof(ba));
	ba.map_fd = map;
	ba.key = (__u64)(unsigned long)&key;
	ba.value = (__u64)(unsigned long)&val;
	ba.flags = BPF_EXIST;
	syscall(SYS_bpf, BPF_MAP_UPDATE_ELEM, &ba, sizeof(ba));
	ba.flags = BPF_ANY;
	syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &ba, sizeof(ba));
	ba.flags = 9;
	syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &ba, sizeof(ba));
	ba.next_key = (__u64)(unsigned long)&next;
	syscall(SYS_bpf, BPF_MAP_GET_NEXT_KEY, &ba, 24);
	syscall(SYS_bpf, BPF_MAP_DELETE_ELEM, &ba, sizeof(ba));
	syscall(SYS_bpf, BPF_MAP_FREEZE, &ba, 4);
}

static void bpfs(void)
{
	union bpf_attr ba;
	int fd;

	memset(&ba, 0, sizeof(ba));
	ba.map_type = BPF_MAP_TYPE_ARRAY;
	ba.key_size = 4;
	ba.value_size = 8;
	ba.max_entries = 2;
	fd = syscall(SYS_bpf, BPF_MAP_CREATE, &ba, sizeof(ba));
	bpf_elems(fd);
	close(fd);
	syscall(SYS_bpf, 999, NULL, 0);
	memset(&ba, 0, sizeof(ba));
	ba.map_type = 999;
	ba.map_flags = BPF_F_NUMA_NODE | 0x100000;
	ba.numa_node = 1;
	strcpy(ba.map_name, "renacer_tail4_long");
	syscall(SYS_bpf, BPF_MAP_CREATE, &ba, 48);
	syscall(SYS_bpf, BPF_MAP_CREATE, &ba, 20);
}

static void mounts(void)
{
	int fd = syscall(SYS_fsopen, "tmpfs", FSOPEN_CLOEXEC);

	syscall(SYS_fsconfig, fd, FSCONFIG_SET_STRING, "size", "1M", 0);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_FLAG, "nosuchflag", NULL, 0);
	syscall(SYS_fsconfig, fd, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
	syscall(SYS_fsconfig, -1, 99, NULL, NULL, 0);
	close(fd);
	syscall(SYS_fsmount, -1, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID);
	syscall(SYS_fsmount, -1, 0x2, 0x1000000);
}

static void landlock(void)
{
	struct landlock_ruleset_attr ra = { .handled_access_fs = LANDLOCK_ACCESS_FS_READ_FILE |
					    LANDLOCK_ACCESS_FS_WRITE_FILE };
	struct landlock_path_beneath_attr pb = { .allowed_access = LANDLOCK_ACCESS_FS_READ_FILE };
	int rfd;

	rfd = syscall(SYS_landlock_create_ruleset, &ra, sizeof(ra), 0);
	syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	syscall(SYS_landlock_create_ruleset, NULL, 0, 0x2);
	pb.parent_fd = open("/tmp", O_PATH);
	syscall(SYS_landlock_add_rule, rfd, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	syscall(SYS_landlock_add_rule, -1, 99, NULL, 1);
	close(pb.parent_fd);
	close(rfd);
}

/* Newer than strace 6.1: all six registers set, as it prints them all. */
static void newer(void)
{
	syscall(454, NULL, 0, 1, 2, 0, 0);		/* futex_wake */
	syscall(455, NULL, 0, 0, 2, NULL, 1);		/* futex_wait */
	syscall(456, NULL, 0, 1, 0, 0, 0);		/* futex_requeue */
	syscall(451, -1L, NULL, NULL, 0, 0, 0);	/* cachestat */
	syscall(451, 0L, NULL, NULL, 1, 0, 0);
	syscall(457, NULL, NULL, 0, 0, 0, 0);		/* statmount */
	syscall(458, NULL, NULL, 0, 0, 0, 0);		/* listmount */
	syscall(459, 100, NULL, NULL, 0, 0, 0);		/* lsm_get_self_attr */
	syscall(460, 100, NULL, 0, 0, 0, 0);		/* lsm_set_self_attr */
	syscall(461, NULL, NULL, 0, 0, 0, 0);		/* lsm_list_modules */
	syscall(461, NULL, NULL, 1, 0, 0, 0);
	syscall(462, 0, 0, 1, 0, 0, 0);			/* mseal */
	syscall(462, 4096, 4096, 0, 0, 0, 0);
}

int main(void)
{
	syscall(SYS_getpid);
	aio();
	uring();
	mqueue();
	perf();
	bpfs();
	mounts();
	landlock();
	newer();
	return 0;
}
