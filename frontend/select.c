// SPDX-License-Identifier: MIT
#include "select.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Features only the eBPF backend provides, or NULL. */
static const char *ebpf_only_feature(const struct rn_opts *o)
{
	if (o->all)
		return "--all";
	if (o->cgroup)
		return "--cgroup";
	if (o->sample_every > 1)	/* decided in the kernel, before any copy */
		return "--sample";
	if (o->rate_limit)
		return "--rate-limit";
	if (o->buffer_size)	/* the ring buffer: ptrace has none to size */
		return "--buffer-size";
	return NULL;
}

static const struct rn_backend_ops *pick_ptrace(const struct rn_opts *o, char *err,
						size_t errlen)
{
	const char *need = ebpf_only_feature(o);

	if (need) {
		snprintf(err, errlen, "%s needs the eBPF backend: use --backend=ebpf or auto",
			 need);
		return NULL;
	}
	return &rn_ptrace_backend;
}

static const struct rn_backend_ops *pick_ebpf(const struct rn_opts *o,
					      const struct rn_trace_config *cfg,
					      char *why, size_t whylen, char *err, size_t errlen)
{
	if (o->ptrace_only) {
		snprintf(err, errlen, "%s is only available with --backend=ptrace",
			 o->ptrace_only_why);
		return NULL;
	}
	if (rn_ebpf_backend.probe(cfg, why, whylen)) {
		/* "needs ..." reasons read as one sentence after the option. */
		if (!strncmp(why, "needs ", 6))
			snprintf(err, errlen, "--backend=ebpf %s: try --backend=ptrace", why);
		else
			snprintf(err, errlen, "%s", why);
		return NULL;
	}
	snprintf(why, whylen, "eBPF requested");
	return &rn_ebpf_backend;
}

const struct rn_backend_ops *rn_select_backend(const struct rn_opts *o,
					       const struct rn_trace_config *cfg,
					       char *why, size_t whylen,
					       char *err, size_t errlen)
{
	char probe_why[256];

	switch (o->backend) {
	case RN_BACKEND_PTRACE:
		snprintf(why, whylen, "ptrace requested");
		return pick_ptrace(o, err, errlen);
	case RN_BACKEND_EBPF:
		return pick_ebpf(o, cfg, why, whylen, err, errlen);
	case RN_BACKEND_AUTO:
		break;
	}
	if (o->ptrace_only) {
		snprintf(why, whylen, "ptrace: %s needs it", o->ptrace_only_why);
		return pick_ptrace(o, err, errlen);
	}
	if (o->ptrace_preferred && !ebpf_only_feature(o)) {
		snprintf(why, whylen, "ptrace: %s unwinds without frame pointers there "
			 "(--backend=ebpf takes stacks in the kernel)", o->ptrace_preferred_why);
		return &rn_ptrace_backend;
	}
	if (rn_ebpf_backend.probe(cfg, probe_why, sizeof(probe_why)) == 0) {
		snprintf(why, whylen, "ebpf: privileges, BTF and tracepoints are available");
		return &rn_ebpf_backend;
	}
	if (ebpf_only_feature(o)) {
		snprintf(err, errlen, "%s", probe_why);
		return NULL;
	}
	snprintf(why, whylen, "ptrace: eBPF unavailable (%s)", probe_why);
	return &rn_ptrace_backend;
}

/*
 * The probe may say yes and loading still fail (verifier, memlock, ...):
 * auto still owes the user a trace, unless only eBPF can do what was asked.
 */
static bool may_fall_back(const struct rn_opts *o, const struct rn_backend_ops *ops)
{
	return o->backend == RN_BACKEND_AUTO && ops == &rn_ebpf_backend && !ebpf_only_feature(o);
}

struct rn_backend *rn_select_open(const struct rn_opts *o, const struct rn_trace_config *cfg,
				  const struct rn_backend_ops *ops, char *err, size_t errlen)
{
	struct rn_backend *b = ops->open(cfg);
	const char *reason;
	int saved;

	if (!b && may_fall_back(o, ops)) {
		if (o->verbose)
			fprintf(stderr, "renacer: eBPF failed to load (%s): using ptrace\n",
				*ops->error(NULL) ? ops->error(NULL) : strerror(errno));
		ops = &rn_ptrace_backend;
		b = ops->open(cfg);
	}
	if (b)
		return b;
	saved = errno;
	reason = ops->error ? ops->error(NULL) : "";
	snprintf(err, errlen, "cannot start the %s backend: %s", ops->name,
		 *reason ? reason : strerror(saved));
	errno = saved;
	return NULL;
}
