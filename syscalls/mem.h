/* SPDX-License-Identifier: MIT */
/* Decoder-internal memory helpers beyond the public rn_mem_read(). */
#ifndef RN_MEM_H
#define RN_MEM_H

#include "decode.h"

/*
 * Bytes of the captured region holding [addr, addr + len), or NULL.
 * want_exit: 1 = regions copied at syscall exit, 0 = at entry, -1 = either.
 * *reg (when non-NULL) receives the region header.
 */
/* The path of descriptor fd the backend recorded at the call's entry (-y on
 * close), or NULL; *len gets its length (not NUL-terminated). */
long rn_mem_count(const struct rn_event *ev, __u64 addr);
const char *rn_mem_fdpath(const struct rn_event *ev, int fd, size_t *len);
/* Descriptor paths ev marks as left out (too long for the backend's cap). */
unsigned rn_mem_pathcuts(const struct rn_event *ev);
/* The netlink protocol the backend recorded for socket fd, or -3. */
int rn_mem_nlproto(const struct rn_event *ev, int fd);

const __u8 *rn_mem_find(const struct rn_event *ev, __u64 addr, size_t len, int want_exit,
			const struct rn_region **reg);

/*
 * Like rn_mem_read() for a value the call wrote (an output): regions
 * captured at exit, then the live task, and only then other captured
 * regions (a backend may copy outputs at exit without RN_REG_EXIT).
 */
int rn_mem_read_out(const struct rn_mem *m, __u64 addr, void *buf, size_t len);

/* rn_mem_read_str() for a string the call wrote (PR_GET_NAME), same order. */
long rn_mem_read_str_out(const struct rn_mem *m, __u64 addr, char *buf, size_t max,
			 bool *truncated);

#endif /* RN_MEM_H */
