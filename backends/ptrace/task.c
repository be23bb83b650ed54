// SPDX-License-Identifier: MIT
/*
 * Per-thread state of the ptrace backend: a chained hash keyed by tid, with
 * a one-entry cache because consecutive stops usually come from one task.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pt.h"
#include "../procfs.h"

static unsigned task_bucket(pid_t tid)
{
	return (unsigned)tid & (PT_HASH - 1);
}

struct pt_task *pt_task_find(struct pt_backend *b, pid_t tid)
{
	struct pt_task *t = b->last;

	if (t && t->tid == tid)
		return t;
	for (t = b->hash[task_bucket(tid)]; t; t = t->next) {
		if (t->tid == tid) {
			b->last = t;
			return t;
		}
	}
	return NULL;
}

static void task_link(struct pt_backend *b, struct pt_task *t)
{
	unsigned h = task_bucket(t->tid);

	t->next = b->hash[h];
	b->hash[h] = t;
}

static void task_unlink(struct pt_backend *b, struct pt_task *t)
{
	struct pt_task **pp = &b->hash[task_bucket(t->tid)];

	while (*pp && *pp != t)
		pp = &(*pp)->next;
	if (*pp)
		*pp = t->next;
	if (b->last == t)
		b->last = NULL;
}

/* The event record is large (4 KiB of payload) but only its header needs
 * zeroing: payload bytes are always written before payload_len covers them. */
struct pt_task *pt_task_add(struct pt_backend *b, pid_t tid, pid_t tgid)
{
	struct pt_task *t = malloc(sizeof(*t));

	if (!t)
		return NULL;
	memset(t, 0, offsetof(struct pt_task, ev) + RN_EVENT_HDR_SIZE);
	t->tid = tid;
	t->tgid = tgid;
	task_link(b, t);
	b->ntasks++;
	return t;
}

void pt_task_del(struct pt_backend *b, struct pt_task *t)
{
	task_unlink(b, t);
	b->ntasks--;
	free(t->inj_count);
	free(t);
}

void pt_task_rename(struct pt_backend *b, struct pt_task *t, pid_t tid)
{
	task_unlink(b, t);
	t->tid = tid;
	task_link(b, t);
}

pid_t pt_proc_tgid(pid_t tid)
{
	int tgid = rn_proc_tgid(tid);

	return tgid > 0 ? tgid : tid;
}
