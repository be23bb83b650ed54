/* SPDX-License-Identifier: MIT */
/* The eBPF backend's user stacks (ebpf_stack.c): internal hooks. */
#ifndef RN_EBPF_STACK_H
#define RN_EBPF_STACK_H

#include <stdbool.h>

#include "../backend.h"

struct ebpf_backend;

/* With cfg->stacks (and not -c): the symbolizer's state. 0 or -errno. */
int ebpf_stack_open(struct ebpf_backend *b, const struct rn_trace_config *cfg);
/* Give mem the stack_rec call when stacks are taken. */
void ebpf_stack_memsrc(struct ebpf_backend *b, struct rn_memsrc *mem);
/* Should the batch be handed over right after ev (a successful execve:
 * the records after it belong to a new address space)? */
bool ebpf_stack_batch_ends(const struct ebpf_backend *b, const struct rn_event *ev);
/* Before the frontend sees evs: take the mappings they describe. */
void ebpf_stack_batch_seen(struct ebpf_backend *b, const struct rn_event *evs, size_t n);
/* The frontend is done with evs: forget the mappings of the processes
 * that exited among them. */
void ebpf_stack_batch_done(struct ebpf_backend *b, const struct rn_event *evs, size_t n);
/* Say how many stacks were cut short, and free everything. */
void ebpf_stack_close(struct ebpf_backend *b);

#endif /* RN_EBPF_STACK_H */
