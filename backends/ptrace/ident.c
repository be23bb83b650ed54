// SPDX-License-Identifier: MIT
/*
 * The identity of each record for the ptrace backend: read from /proc once
 * per task and kept, read again when the task's own call changed it (exec
 * renames it and may change its ids, PR_SET_NAME renames it, the set*id
 * calls change its ids). A move to another cgroup by someone else, or a
 * reparenting, shows from the task's next exec on (the eBPF backend sees
 * both at once).
 */
#include "pt.h"

#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

/* Does this completed call change who the task is? */
static bool changes_ident(long nr, __u64 arg0, __s64 ret)
{
	if (ret < 0)
		return false;
	switch (nr) {
	case SYS_execve:
	case SYS_execveat:
	case SYS_setuid:
	case SYS_setgid:
	case SYS_setreuid:
	case SYS_setregid:
	case SYS_setresuid:
	case SYS_setresgid:
		return true;
	case SYS_prctl:
		return arg0 == PR_SET_NAME;
	}
	return false;
}

void pt_ident_call_done(struct pt_task *t, long nr, __u64 arg0, __s64 ret)
{
	/* reported or not, the task's next record shows it as the call left
	 * it (the call's own record included), as the kernel would */
	if (changes_ident(nr, arg0, ret))
		t->ident_valid = false;
}

void pt_ident_fill(struct pt_backend *b, struct rn_event *ev)
{
	struct pt_task *t;

	/* a pending call's record is emitted twice (entry notice, then the
	 * completed call): fill it each time */
	if (ev->type == RN_EV_LOST)
		return;
	t = pt_task_find(b, (pid_t)ev->tid);
	if (!t)
		return;
	if (!t->ident_valid)
		t->ident_valid = rn_proc_ident(t->tid, &t->ident) == 0;
	if (!t->ident_valid)
		return;
	ev->cgroup_id = t->ident.cgroup_id;
	ev->ppid = t->ident.ppid;
	ev->uid = t->ident.uid;
	ev->gid = t->ident.gid;
	memcpy(ev->comm, t->ident.comm, sizeof(ev->comm));
	ev->flags |= RN_F_IDENT;
}
