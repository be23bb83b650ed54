/* SPDX-License-Identifier: MIT */
/* --backend=auto|ptrace|ebpf: which backend runs, and why. */
#ifndef RN_SELECT_H
#define RN_SELECT_H

#include "../backends/backend.h"
#include "options.h"

/*
 * Pick the backend for o and cfg. Returns it, or NULL with a one-line reason
 * in err (what is missing, and what to try). why always receives the reason
 * for the choice, for --debug.
 */
const struct rn_backend_ops *rn_select_backend(const struct rn_opts *o,
					       const struct rn_trace_config *cfg,
					       char *why, size_t whylen,
					       char *err, size_t errlen);

/*
 * Open the chosen backend. With --backend=auto, an eBPF backend that probed
 * fine but fails to load falls back to ptrace (said with --debug). Returns
 * the backend, or NULL + errno with a one-line message in err.
 */
struct rn_backend *rn_select_open(const struct rn_opts *o, const struct rn_trace_config *cfg,
				  const struct rn_backend_ops *ops, char *err, size_t errlen);

#endif /* RN_SELECT_H */
