/* SPDX-License-Identifier: MIT */
/*
 * --function-time: calls, errors and time per (function, syscall), where the
 * function is the frame --source picks (the traced program's own code).
 */
#ifndef RN_FTIME_H
#define RN_FTIME_H

#include <stdbool.h>
#include <stdio.h>
#include <linux/types.h>

struct rn_ftime;

/* NULL + errno on allocation failure. */
struct rn_ftime *rn_ftime_new(void);
void rn_ftime_free(struct rn_ftime *f);
/* One call of syscall nr made from function (NULL: unknown, shown "??").
 * The name is copied. Returns 0 or -ENOMEM. */
int rn_ftime_add(struct rn_ftime *f, const char *function, int nr, __u64 dur_ns, bool failed);
/* The table, sorted by total time (then calls, function, syscall); as one
 * JSON line {"type":"function_time","rows":[...]} when json. */
void rn_ftime_print(const struct rn_ftime *f, bool json, FILE *out);

#endif /* RN_FTIME_H */
