// SPDX-License-Identifier: MIT
/*
 * Getting tasks under ptrace and letting them go: spawning the command,
 * attaching to running processes (-p) and detaching on SIGINT/SIGTERM/SIGHUP.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "pt.h"
#include "../spawn.h"

/* In the child: become the -u user, stop until the parent has seized us,
 * then exec. A failure travels to the parent through the CLOEXEC pipe. */
static void __attribute__((noreturn))
spawn_child(const struct pt_backend *b, const char *path, int fd)
{
	const struct rn_trace_config *cfg = &b->cfg;
	int err;

	err = rn_spawn_become(cfg->uid, cfg->gid);
	if (err) {
		errno = -err;
		goto fail;
	}
	rn_spawn_restore_signals();
	kill(getpid(), SIGSTOP);
	/* Seized now: a stop at a filtered call can reach the tracer. A second
	 * SIGSTOP tells it the filter is not there. */
	if (b->seccomp && pt_seccomp_install(b) < 0)
		kill(getpid(), SIGSTOP);
	execv(path, cfg->argv);
fail:
	err = errno;
	if (write(fd, &err, sizeof(err)) < 0)
		_exit(127);
	_exit(127);
}

static int spawn_fail(struct pt_backend *b, const char *cmd, int err)
{
	snprintf(b->err, sizeof(b->err), "cannot execute '%s': %s", cmd, strerror(err));
	return -err;
}

/* Wait for the child's self-stop, then seize it. */
static int spawn_seize(struct pt_backend *b, pid_t pid)
{
	int status;

	while (waitpid(pid, &status, WSTOPPED) < 0) {
		if (errno != EINTR)
			return -errno;
	}
	if (!WIFSTOPPED(status)) {
		b->child_status = status;
		return -ECHILD;		/* died before exec: the pipe says why */
	}
	if (ptrace(PTRACE_SEIZE, pid, 0L, (long)(b->opts | PTRACE_O_EXITKILL)) < 0) {
		int err = errno;

		snprintf(b->err, sizeof(b->err), "cannot trace pid %d: %s", pid, strerror(err));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -err;
	}
	return 0;
}

/* Drive the seized child, silently, until it has exec'd (true) or died. */
static bool spawn_drive(struct pt_backend *b, pid_t pid)
{
	struct pt_task *t = pt_task_add(b, pid, pid);

	if (!t) {
		kill(pid, SIGKILL);
		return false;
	}
	t->flags |= PT_HIDDEN;
	kill(pid, SIGCONT);
	while ((t = pt_task_find(b, pid)) && (t->flags & PT_HIDDEN)) {
		int status;
		pid_t w = waitpid(pid, &status, __WALL);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		pt_handle(b, w, status, NULL, NULL);
	}
	if (t) {
		/* The frontend counts tasks (strace's "[pid N]" rule) from the
		 * start, even when the command's own calls are all filtered. */
		pt_simple_event(b, t, RN_EV_ATTACH);
		b->scratch.flags = RN_F_SILENT;
		pt_queue(b, &b->scratch);
	}
	return t != NULL;
}

/* Fork the child that will exec path; -errno when even that fails. */
static pid_t spawn_fork(struct pt_backend *b, const char *path, int pfd[2])
{
	pid_t pid;

	if (pt_seccomp_wanted(b) && pt_seccomp_build(b) == 0) {
		b->seccomp = true;
		b->opts |= PTRACE_O_TRACESECCOMP;
	}
	pt_inject_explain(b);
	if (pipe2(pfd, O_CLOEXEC) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		int err = errno;

		close(pfd[0]);
		close(pfd[1]);
		return -err;
	}
	if (pid == 0) {
		close(pfd[0]);
		spawn_child(b, path, pfd[1]);
	}
	close(pfd[1]);
	return pid;
}

/*
 * Start the command traced from its first execve. The child stops itself;
 * once seized we continue it (SIGCONT clears the group-stop it is in) and
 * drive it, silently, until PTRACE_EVENT_EXEC: its execve entry is recorded
 * on the way and reported as the first call. If exec fails, the child writes
 * errno into the CLOEXEC pipe and exits 127.
 */
int pt_spawn(struct pt_backend *b)
{
	const char *cmd = b->cfg.argv[0];
	char path[PATH_MAX];
	int rc, pfd[2], err = 0;
	pid_t pid;

	rc = rn_spawn_resolve(cmd, path, sizeof(path));
	if (rc < 0)
		return spawn_fail(b, cmd, -rc);
	pid = spawn_fork(b, path, pfd);
	if (pid < 0)
		return spawn_fail(b, cmd, -pid);
	rc = spawn_seize(b, pid);
	if (rc < 0 && rc != -ECHILD) {
		close(pfd[0]);
		return rc;
	}
	b->child = pid;
	if (rc == 0 && spawn_drive(b, pid)) {
		close(pfd[0]);
		return 0;
	}
	/* The child is gone before its exec: why is in the pipe. */
	if (read(pfd[0], &err, sizeof(err)) != sizeof(err) || err <= 0)
		err = ECHILD;
	close(pfd[0]);
	b->nqueue = 0;
	return spawn_fail(b, cmd, err);
}

/* ---- -p ---- */

/* The number of the call task tid is in (/proc/TID/syscall), or -1. */
static int pt_blocked_nr(pid_t tid)
{
	char path[64];
	FILE *f;
	int nr = -1;

	snprintf(path, sizeof(path), "/proc/%d/syscall", tid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (fscanf(f, "%d", &nr) != 1)
		nr = -1;
	fclose(f);
	return nr;
}

static int attach_task(struct pt_backend *b, pid_t tid, pid_t tgid)
{
	struct pt_task *t;

	if (ptrace(PTRACE_SEIZE, tid, 0L, (long)b->opts) < 0)
		return -errno;
	t = pt_task_add(b, tid, tgid);
	if (!t) {
		ptrace(PTRACE_DETACH, tid, 0L, 0L);
		return -ENOMEM;
	}
	t->flags |= PT_ANNOUNCE;
	/* The call it may be blocked in, which it resumes after our stop as
	 * restart_syscall (strace: "<... resuming interrupted NAME ...>"). */
	t->restart_nr = pt_blocked_nr(tid) + 1;
	/* Stop it once so that we can start stopping at system calls. */
	ptrace(PTRACE_INTERRUPT, tid, 0L, 0L);
	return 0;
}

/* Seize every thread of the process; threads may be created meanwhile, so
 * read /proc/PID/task again until a pass finds nothing new. */
static int attach_process(struct pt_backend *b, pid_t pid)
{
	pid_t tgid = pt_proc_tgid(pid);
	char dir[64];
	int rc, added;

	if (pid <= 0)
		return -ESRCH;
	if (!pt_task_find(b, pid)) {
		rc = attach_task(b, pid, tgid);
		if (rc < 0)
			return rc;
	}
	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	do {
		DIR *d = opendir(dir);
		struct dirent *de;

		added = 0;
		if (!d)
			break;
		while ((de = readdir(d))) {
			pid_t tid = (pid_t)atoi(de->d_name);

			if (tid > 0 && !pt_task_find(b, tid) && attach_task(b, tid, tgid) == 0)
				added++;
		}
		closedir(d);
	} while (added);
	return 0;
}

int pt_attach(struct pt_backend *b)
{
	size_t i;
	int rc;

	for (i = 0; i < b->cfg.npids; i++) {
		rc = attach_process(b, b->cfg.pids[i]);
		if (rc < 0) {
			snprintf(b->err, sizeof(b->err), "cannot attach to pid %d: %s",
				 b->cfg.pids[i], strerror(-rc));
			pt_detach_all(b, SIGTERM);
			b->nqueue = 0;
			return rc;
		}
	}
	return 0;
}

/* ---- detach ---- */

static void detach_one(struct pt_backend *b, struct pt_task *t, int sig)
{
	if (t->flags & PT_IN_SYSCALL) {
		t->flags &= ~PT_IN_SYSCALL;
		if ((t->flags & PT_REPORT) && !(t->flags & PT_HIDDEN)) {
			t->ev.flags |= RN_F_UNFINISHED | RN_F_DETACHED;
			t->ev.dur_ns = pt_now() - t->ev.ts_ns;
			pt_queue(b, &t->ev);
		}
	}
	ptrace(PTRACE_DETACH, t->tid, 0L, (long)sig);
	if (!(t->flags & (PT_HIDDEN | PT_ANNOUNCE))) {
		pt_simple_event(b, t, RN_EV_ATTACH);
		b->scratch.flags = RN_F_DETACHED;
		pt_queue(b, &b->scratch);
	}
	pt_task_del(b, t);
}

/* One stop of a task we are letting go: detach at once, passing on the
 * signal of a signal-delivery-stop. A task in group-stop stays stopped (it was
 * stopped before we let go). */
static void detach_stop(struct pt_backend *b, pid_t tid, int status)
{
	struct pt_task *t = pt_task_find(b, tid);
	int sig = WSTOPSIG(status), event = (unsigned)status >> 16, sendsig = 0;

	if (!t) {
		/* A new child whose parent's fork event we will never see. */
		ptrace(PTRACE_DETACH, tid, 0L, 0L);
		return;
	}
	if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
	    event == PTRACE_EVENT_CLONE) {
		unsigned long msg = 0;

		/* Wait for the new child too, then let it go. */
		if (ptrace(PTRACE_GETEVENTMSG, tid, 0L, &msg) == 0 && msg &&
		    !pt_task_find(b, (pid_t)msg))
			pt_task_add(b, (pid_t)msg, pt_proc_tgid((pid_t)msg));
	}
	if (!event && sig != (SIGTRAP | 0x80))
		sendsig = sig;
	detach_one(b, t, sendsig);
}

/*
 * Let every task go. A task must be in a ptrace-stop to be detached, so each
 * one is interrupted and detached at its next stop, whatever stop that is
 * (syscall, signal-delivery, event). Tasks that never stop (stuck in the
 * kernel) are left to the kernel, which detaches them when we exit.
 *
 * The spawned command is handled as strace handles it when interrupted: it
 * gets SIGCONT and sig (the signal renacer received; 0 leaves it running),
 * then is detached like the rest. Attached processes (-p) just keep running. Under the seccomp
 * pre-filter every traced task is killed: untraced, each selected call would
 * fail with ENOSYS (strace --seccomp-bpf leaves them broken that way).
 */
void pt_detach_all(struct pt_backend *b, int sig)
{
	__u64 deadline = pt_now() + 3000000000ull;
	unsigned h;
	struct pt_task *t;

	if (sig && b->child && pt_task_find(b, b->child)) {
		kill(b->child, SIGCONT);
		kill(b->child, sig);
	}
	/* Under the seccomp pre-filter a descendant left running untraced
	 * would get ENOSYS from every selected call: end them all instead. */
	if (b->seccomp)
		for (h = 0; h < PT_HASH; h++)
			for (t = b->hash[h]; t; t = t->next)
				kill(t->tid, SIGKILL);
	for (h = 0; h < PT_HASH; h++)
		for (t = b->hash[h]; t; t = t->next)
			ptrace(PTRACE_INTERRUPT, t->tid, 0L, 0L);
	while (b->ntasks && pt_now() < deadline) {
		struct timespec nap = { .tv_nsec = 1000000 };
		int status;
		pid_t tid = waitpid(-1, &status, __WALL | WNOHANG);

		if (tid < 0 && errno != EINTR)
			break;
		if (tid <= 0) {
			nanosleep(&nap, NULL);
			continue;
		}
		t = pt_task_find(b, tid);
		if (WIFSTOPPED(status)) {
			detach_stop(b, tid, status);
		} else if (t && (WIFEXITED(status) || WIFSIGNALED(status))) {
			pt_handle(b, tid, status, NULL, NULL);
		}
	}
	/* Whatever is left (stuck, or gone without a report) is forgotten. */
	for (h = 0; h < PT_HASH; h++)
		while (b->hash[h])
			pt_task_del(b, b->hash[h]);
}
