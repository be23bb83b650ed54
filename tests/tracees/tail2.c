// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_tail2.sh: calls of the long tail decoded by
 * syscalls/decode_tail2.c or by argument kinds alone, each once with
 * ordinary arguments and once with odd ones (unknown flag bits, NULL, a bad
 * descriptor), so their lines can be compared with strace's. Run as root
 * (setns, syslog, capset); each call's result does not matter, only its line.
 * The IPC objects it makes are private and removed.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <linux/capability.h>

static char buf[64] = "hello";

static void ids(void)
{
	unsigned r[3];
	void *head;
	size_t len;

	syscall(SYS_getresuid, &r[0], &r[1], &r[2]);
	syscall(SYS_getresgid, &r[0], &r[1], &r[2]);
	syscall(SYS_getresuid, NULL, (void *)1, NULL);
	syscall(SYS_getresgid, NULL, NULL, NULL);
	syscall(SYS_getcpu, &r[0], &r[1], NULL);
	syscall(SYS_getcpu, NULL, NULL, NULL);
	syscall(SYS_get_robust_list, 0, &head, &len);
	syscall(SYS_get_robust_list, -1, NULL, NULL);
}

static void splices(void)
{
	struct iovec iov = { buf, 5 };
	long long off = 0;
	int p[2], q[2], fd;

	syscall(SYS_eventfd, 5);
	syscall(SYS_eventfd, -1);
	if (pipe(p) || pipe(q))
		return;
	syscall(SYS_vmsplice, p[1], &iov, 1, SPLICE_F_NONBLOCK);
	syscall(SYS_vmsplice, -1, NULL, 0, 0x40);
	syscall(SYS_tee, p[0], q[1], 5, SPLICE_F_NONBLOCK);
	syscall(SYS_tee, p[0], q[1], 5, 0x100);
	syscall(SYS_splice, p[0], NULL, q[1], NULL, 5, SPLICE_F_MOVE | SPLICE_F_MORE);
	syscall(SYS_splice, p[0], &off, q[1], NULL, 5, 0x40);
	fd = open("/etc/passwd", O_RDONLY);
	syscall(SYS_sync_file_range, fd, 0, 4096, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE);
	syscall(SYS_sync_file_range, -1, -1L, 0, 0x10);
	syscall(SYS_readahead, fd, 0, 4096);
	syscall(SYS_readahead, -1, 100, 1);
	syscall(SYS_inotify_rm_watch, -1, 3);
}

static void procs(void)
{
	int ns = open("/proc/self/ns/uts", O_RDONLY), pfd;
	struct iovec iov = { buf, 5 }, riov = { buf + 8, 5 };

	syscall(SYS_setns, ns, CLONE_NEWUTS);
	syscall(SYS_setns, -1, CLONE_NEWNET | CLONE_NEWPID | 1);
	syscall(SYS_setns, -1, 1);
	pfd = syscall(SYS_pidfd_open, getpid(), 0);
	syscall(SYS_pidfd_open, -1, 0x800 | 1);
	syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0);
	syscall(SYS_pidfd_send_signal, -1, SIGUSR1, NULL, 7);
	syscall(SYS_pidfd_getfd, pfd, 0, 0);
	syscall(SYS_pidfd_getfd, -1, -1, 1);
	syscall(SYS_process_mrelease, pfd, 0);
	syscall(SYS_process_mrelease, -1, 1);
	syscall(SYS_process_vm_readv, getpid(), &iov, 1, &riov, 1, 0);
	syscall(SYS_process_vm_writev, getpid(), &iov, 1, &riov, 1, 0);
	syscall(SYS_process_vm_readv, -1, NULL, 0, NULL, 0, 1);
	syscall(SYS_kcmp, getpid(), getpid(), 0, 1, 2);
	syscall(SYS_kcmp, getpid(), getpid(), 1, 1, 2);
	syscall(SYS_kcmp, -1, -1, 99, 1, 2);
}

static void mem(void)
{
	unsigned char vec[4];
	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int k;

	m[0] = 1;
	syscall(SYS_mincore, m, 8192, vec);
	syscall(SYS_mincore, 1, 4096, NULL);
	syscall(SYS_membarrier, 0, 0, 0);
	syscall(SYS_membarrier, 0x1000, 1, 2);
	syscall(SYS_mlock2, buf, 16, 1);
	syscall(SYS_mlock2, 0, 0, 6);
	k = syscall(SYS_pkey_alloc, 0, 1);
	syscall(SYS_pkey_free, k);
	syscall(SYS_pkey_alloc, 1, 7);
	syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	syscall(SYS_userfaultfd, 0x10);
	syscall(SYS_memfd_secret, O_CLOEXEC);
	syscall(SYS_memfd_secret, 0x10);
	syscall(SYS_futex_waitv, NULL, 0, 0, NULL, 0);
	syscall(SYS_futex_waitv, (void *)8, 1, 1, NULL, 99);
}

static void sched(void)
{
	struct sched_param sp = { 0 };
	struct timespec ts;

	syscall(SYS_ioprio_get, 1, 0);
	syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 4);
	syscall(SYS_ioprio_get, 9, 1);
	syscall(SYS_ioprio_set, 2, 1, (7 << 13) | 4);
	syscall(SYS_sched_getparam, 0, &sp);
	syscall(SYS_sched_setparam, 0, &sp);
	syscall(SYS_sched_getparam, -1, NULL);
	syscall(SYS_sched_setparam, 0, NULL);
	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_getscheduler, -1);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	syscall(SYS_sched_setscheduler, 0, 0x40000000 | SCHED_BATCH, &sp);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	syscall(SYS_sched_setscheduler, -1, 77, NULL);
	syscall(SYS_sched_get_priority_max, SCHED_FIFO);
	syscall(SYS_sched_get_priority_min, 77);
	syscall(SYS_sched_rr_get_interval, 0, &ts);
	syscall(SYS_sched_rr_get_interval, -1, NULL);
}

static void sysv(void)
{
	struct sembuf sb[2] = { { 0, 1, IPC_NOWAIT }, { 0, -1, SEM_UNDO | 0x10 } };
	struct { long t; char x[8]; } msg = { 1, "abc" };
	struct timespec ts = { 0, 1 };
	int sid, mid, qid;
	void *a;

	sid = syscall(SYS_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
	syscall(SYS_semop, sid, sb, 2);
	syscall(SYS_semtimedop, sid, sb, 1, &ts);
	syscall(SYS_semop, -1, NULL, 0);
	syscall(SYS_semctl, sid, 0, GETVAL, 0);
	syscall(SYS_semctl, sid, 0, IPC_RMID, 0);
	syscall(SYS_semctl, -1, 0, 99, 0);
	syscall(SYS_semget, 0x7e57a11, 1, IPC_EXCL | 0x10000 | 0644);
	mid = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	a = (void *)syscall(SYS_shmat, mid, NULL, SHM_RDONLY);
	syscall(SYS_shmdt, a);
	syscall(SYS_shmat, -1, NULL, 0x100);
	syscall(SYS_shmctl, mid, IPC_RMID, NULL);
	syscall(SYS_shmctl, -1, 99, NULL);
	syscall(SYS_shmget, 0x7e57a11, 4096, 0);
	qid = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	syscall(SYS_msgsnd, qid, &msg, 4, IPC_NOWAIT);
	syscall(SYS_msgrcv, qid, &msg, 8, 0, IPC_NOWAIT);
	syscall(SYS_msgrcv, qid, &msg, 8, 0, IPC_NOWAIT | MSG_NOERROR);
	syscall(SYS_msgsnd, -1, NULL, 4, 0x1);
	syscall(SYS_msgctl, qid, IPC_RMID, NULL);
	syscall(SYS_msgctl, -1, 99, NULL);
	syscall(SYS_msgget, 0x7e57a11, 0);
}

static void misc(void)
{
	struct __user_cap_header_struct ch = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct cd[2];

	syscall(SYS_capget, &ch, cd);
	syscall(SYS_capset, &ch, cd);
	syscall(SYS_capget, NULL, NULL);
	ch.version = 0x1234;
	syscall(SYS_capget, &ch, NULL);
	syscall(SYS_syslog, 10, NULL, 0);
	syscall(SYS_syslog, 3, NULL, -1);
	syscall(SYS_syslog, 3, buf, 8);
	syscall(SYS_syslog, 99, NULL, 0);
	syscall(SYS_add_key, "user", "tail2", "v", 1, -1);
	syscall(SYS_add_key, "nosuchtype", NULL, NULL, 0, 1234);
	syscall(SYS_request_key, "user", "tail2-none", NULL, -2);
	syscall(SYS_io_uring_enter, -1, 1, 0, 1, NULL, 8);
	syscall(SYS_io_uring_enter, -1, 0, 0, 0x100, NULL, 0);
	syscall(SYS_mq_timedsend, -1, "abc", 3, 1, NULL);
	syscall(SYS_sendmmsg, -1, NULL, 0, 0);
	syscall(SYS_sendmmsg, -1, NULL, 2, MSG_DONTWAIT);
	syscall(SYS_recvmmsg, -1, NULL, 0, 0, NULL);
	syscall(SYS_landlock_restrict_self, -1, 0);
}

int main(void)
{
	ids();
	splices();
	procs();
	mem();
	sched();
	sysv();
	misc();
	return 0;
}
