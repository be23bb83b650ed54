/* SPDX-License-Identifier: MIT */
/* renacer report -k: the recorded stacks of the file backend (file_stack.c). */
#ifndef RN_FILE_STACK_H
#define RN_FILE_STACK_H

#include <stdbool.h>
#include <stddef.h>

#include "rnb.h"

struct rn_frame;
struct file_stacks;

/* NULL + errno when this renacer cannot unwind (no libdwarf, no eBPF). */
struct file_stacks *file_stack_new(int verbose);
/* An RNB_FR_MAP frame: the mapping, its file checked against the recorded
 * build id. 0 (a malformed frame is skipped). */
int file_stack_map(struct file_stacks *fs, const struct rnb_item *it);
/* Around the frontend's look at evs (fs may be NULL: nothing to do). */
void file_stack_seen(struct file_stacks *fs, const struct rn_event *evs, size_t n);
void file_stack_done(struct file_stacks *fs, const struct rn_event *evs, size_t n);
/* The batch must end after ev (a successful execve). */
bool file_stack_ends(const struct file_stacks *fs, const struct rn_event *ev);
/* rn_memsrc.stack_rec's work: ev's own stack regions (eBPF), or the frame
 * addresses a ptrace recording kept (ips, nips: NULL, 0 when none). */
long file_stack_unwind(struct file_stacks *fs, const struct rn_event *ev, const __u64 *ips,
		       size_t nips, struct rn_frame *frames, size_t max, int how);
/* Say what could not be named (changed files, stacks cut short), free. */
void file_stack_free(struct file_stacks *fs);

#endif /* RN_FILE_STACK_H */
