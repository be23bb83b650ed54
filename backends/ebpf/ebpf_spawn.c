// SPDX-License-Identifier: MIT
/*
 * Spawning the command under the eBPF backend. The child waits on a pipe
 * until the programs are attached and its pid is in the traced map, then
 * execs: everything from execve on is traced, nothing before (the kernel side
 * ignores renacer's children while the spawn gate is on). A second,
 * close-on-exec pipe tells the parent whether the exec worked.
 */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ebpf.h"
#include "../spawn.h"

static __attribute__((noreturn)) void spawn_child(struct ebpf_backend *b, const char *path,
						  int go, int report)
{
	char c = 0;
	int err;

	while (read(go, &c, 1) < 0 && errno == EINTR)
		;
	if (c != 'g')
		_exit(127);	/* the parent gave up */
	err = rn_spawn_become(b->uid, b->gid);
	if (!err) {
		rn_spawn_restore_signals();
		execv(path, b->argv);
		err = -errno;
	}
	err = -err;
	if (write(report, &err, sizeof(err)) < 0)
		_exit(127);
	_exit(127);
}

/* Wait for the exec verdict: EOF means the exec succeeded. */
static int spawn_verdict(struct ebpf_backend *b, int report, const char *path)
{
	ssize_t n;
	int err = 0;

	do
		n = read(report, &err, sizeof(err));
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return 0;
	while (waitpid(b->child, &b->status, 0) < 0 && errno == EINTR)
		;
	b->reaped = true;
	ebpf_set_error(b, "cannot execute '%s': %s", path, strerror(err));
	return -err;
}

int ebpf_spawn(struct ebpf_backend *b)
{
	int go[2], report[2], err;
	char path[PATH_MAX];

	err = rn_spawn_resolve(b->argv[0], path, sizeof(path));
	if (err) {
		ebpf_set_error(b, "cannot execute '%s': %s", b->argv[0], strerror(-err));
		return err;
	}
	if (pipe2(go, O_CLOEXEC) < 0)
		return -errno;
	if (pipe2(report, O_CLOEXEC) < 0) {
		err = -errno;
		goto close_go;
	}
	ebpf_gate(b, true);
	b->child = fork();
	if (b->child < 0) {
		err = -errno;
		b->child = 0;
		ebpf_gate(b, false);
		goto close_report;
	}
	if (b->child == 0) {
		close(go[1]);
		close(report[0]);
		spawn_child(b, path, go[0], report[1]);
	}
	close(go[0]);
	close(report[1]);
	go[0] = report[1] = -1;
	ebpf_watch_pid(b, b->child);
	/* single-threaded until it execs: tracing its tgid is tracing it; with
	 * no -f its later threads stay untraced, as under ptrace */
	err = ebpf_trace_tgid(b, b->child, b->follow_forks ? 0 : b->child);
	if (err) {
		ebpf_set_error(b, "cannot trace pid %d: %s", (int)b->child, strerror(-err));
		ebpf_gate(b, false);
		close(go[1]);	/* the child sees EOF and exits */
		waitpid(b->child, &b->status, 0);
		b->reaped = true;
		close(report[0]);
		return err;
	}
	if (write(go[1], "g", 1) != 1)
		err = -errno;
	close(go[1]);
	if (!err)
		err = spawn_verdict(b, report[0], path);
	close(report[0]);
	ebpf_gate(b, false);	/* an exec that failed never opened it */
	return err;
close_report:
	close(report[0]);
	close(report[1]);
close_go:
	close(go[0]);
	close(go[1]);
	return err;
}
