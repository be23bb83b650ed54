/* SPDX-License-Identifier: MIT */
/*
 * strace's -e expression language, parsed once into a syscall bitmap plus
 * small sets and predicates that the frontend and the backends consult.
 *
 *   struct rn_filter f;
 *   rn_filter_init(&f);                       everything traced, nothing quiet
 *   rn_filter_parse(&f, "trace=%file", err, sizeof(err));     one -e argument
 *   rn_filter_add_path(&f, "/etc/passwd");    one -P
 *   memcpy(cfg.syscalls, f.syscalls, sizeof(cfg.syscalls));
 *   ... per event: rn_filter_match(&f, ev, live) ...
 *   rn_filter_release(&f);
 *
 * Each qualifier given again replaces its previous value, as strace 6.1 does
 * (`-e trace=open -e trace=close` traces close only). A failed parse leaves
 * the filter unchanged. Error messages are one line without the "renacer: "
 * prefix (the caller adds it), naming the bad token and what is accepted.
 */
#ifndef RN_FILTER_H
#define RN_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/filter.h>

#include "../backends/backend.h"
#include "../backends/event.h"
#include "../backends/inject.h"

/* -e status= */
#define RN_STATUS_SUCCESSFUL	(1u << 0)
#define RN_STATUS_FAILED	(1u << 1)
#define RN_STATUS_UNFINISHED	(1u << 2)
#define RN_STATUS_UNAVAILABLE	(1u << 3)
#define RN_STATUS_DETACHED	(1u << 4)
#define RN_STATUS_ALL		((1u << 5) - 1)

/* -e quiet= (and -q, -qq, -qqq through rn_filter_quiet_level()) */
#define RN_QUIET_ATTACH		(1u << 0)	/* "Process N attached/detached" */
#define RN_QUIET_EXIT		(1u << 1)	/* "+++ exited with N +++" */
#define RN_QUIET_PATH_RESOLUTION (1u << 2)	/* "Requested path ... resolved into ..." */
#define RN_QUIET_PERSONALITY	(1u << 3)	/* "[ Process PID=N runs in ... mode. ]" */
#define RN_QUIET_THREAD_EXECVE	(1u << 4)	/* "+++ superseded by execve in pid N +++" */
#define RN_QUIET_SUPERSEDED	(1u << 5)	/* "... <unfinished ...> ... superseded" */
#define RN_QUIET_ALL		((1u << 6) - 1)

/* Which qualifiers were given explicitly (rn_filter.given), so the frontend
 * can apply strace's defaults only where the user said nothing. */
#define RN_QUAL_TRACE		(1u << 0)
#define RN_QUAL_ABBREV		(1u << 1)
#define RN_QUAL_VERBOSE		(1u << 2)
#define RN_QUAL_RAW		(1u << 3)
#define RN_QUAL_SIGNAL		(1u << 4)
#define RN_QUAL_STATUS		(1u << 5)
#define RN_QUAL_QUIET		(1u << 6)
#define RN_QUAL_READ		(1u << 7)
#define RN_QUAL_WRITE		(1u << 8)
#define RN_QUAL_TRACE_FDS	(1u << 9)
#define RN_QUAL_INJECT		(1u << 10)	/* -e inject= or -e fault= */

#define RN_SIG_MAX	256			/* -e signal= accepts 0..255 */
#define RN_SIG_WORDS	(RN_SIG_MAX / 64)

/* A set of syscall numbers. Numbers at or above RN_NR_MAX (x32, garbage)
 * are members exactly when rest is true (after "all" or a negation). */
struct rn_sysset {
	__u64 words[RN_BITMAP_WORDS];
	bool rest;
};

/* A set of file descriptors: the sorted numbers listed, inverted when inv. */
struct rn_fdset {
	int *fds;
	size_t n;
	bool inv;
};

/* One -P path and, when it differs, what realpath() made of it. */
struct rn_filter_path {
	char *path;
	char *resolved;		/* NULL when equal to path or unresolvable */
};

struct rn_fdtrack;

struct rn_filter {
	/* Bit nr of words[nr / 64]: copied into rn_trace_config.syscalls. */
	__u64 syscalls[RN_BITMAP_WORDS];
	bool syscalls_rest;		/* numbers >= RN_NR_MAX traced */
	struct rn_sysset abbrev;	/* default all */
	struct rn_sysset verbose;	/* default all */
	struct rn_sysset raw;		/* default none */
	unsigned status;		/* RN_STATUS_*, default all */
	unsigned quiet;			/* RN_QUIET_*, default none */
	__u64 signals[RN_SIG_WORDS];	/* signals printed, default all */
	bool signals_rest;		/* signo outside 0..255 */
	struct rn_fdset read_fds;	/* -e read=: dump data read, default none */
	struct rn_fdset write_fds;	/* -e write= */
	struct rn_fdset trace_fds;	/* --trace-fds / -e trace-fds=, default all */
	struct rn_filter_path *paths;	/* -P */
	size_t npaths;
	unsigned given;			/* RN_QUAL_* given explicitly */
	struct rn_fdtrack *track;	/* fds known to refer to a -P path */
	/* -e inject= / -e fault= rules (frontend/filter_inject.c), or NULL */
	struct rn_inject *inject;
};

/* Defaults: trace all, abbrev all, verbose all, raw none, status all,
 * signals all, quiet none, read/write none, trace-fds all, no -P. */
void rn_filter_init(struct rn_filter *f);
/* Free what parsing and -P allocated; f may be initialised again. */
void rn_filter_release(struct rn_filter *f);

/*
 * Parse one -e argument: "QUALIFIER=SET" or a bare SET (= trace=SET).
 * Qualifiers: trace t, abbrev a, verbose v, raw x, signal signals s, status,
 * quiet silent silence q, read r, write w, trace-fds, inject, fault. Returns
 * 0, or -EINVAL (bad token), -ENOTSUP (a strace qualifier renacer does not
 * implement, such as kvm) or -ENOMEM, with one line in err (always terminated
 * when errlen > 0). On failure f is unchanged.
 */
int rn_filter_parse(struct rn_filter *f, const char *expr, char *err, size_t errlen);
/* expr, qual and set are never NULL; err may be NULL when errlen is 0. */

/* Parse a bare set for one qualifier, as given by the long options
 * (--trace-fds=SET is rn_filter_parse_qual(f, "trace-fds", "SET", ...)). */
int rn_filter_parse_qual(struct rn_filter *f, const char *qual, const char *set,
			 char *err, size_t errlen);

/*
 * One word of rn_opts.filters: "-P PATH" adds a path (rn_filter_add_path()),
 * anything else is an -e expression (rn_filter_parse()). Same returns.
 */
int rn_filter_apply(struct rn_filter *f, const char *word, char *err, size_t errlen);

/* -q (1: attach, personality), -qq (2: also exit), -qqq (3: everything).
 * Does not mark RN_QUAL_QUIET as given: strace refuses -q together with
 * -e quiet=, and the frontend can check f->given for that. */
void rn_filter_quiet_level(struct rn_filter *f, int level);

/*
 * Add a -P path. The path is matched as written and, when realpath() resolves
 * it to something else (a symlink, a relative path), as resolved too; the
 * frontend may print "Requested path '%s' resolved into '%s'" from
 * f->paths[f->npaths - 1] unless RN_QUIET_PATH_RESOLUTION. Returns 0,
 * -EINVAL for an empty path, or -ENOMEM.
 */
int rn_filter_add_path(struct rn_filter *f, const char *path);

/* Predicates. Membership for numbers outside the tables follows the
 * inversion of the set (so "!read" covers x32 and unknown numbers). */
bool rn_filter_syscall(const struct rn_filter *f, long nr);
/*
 * The bitmap to hand the backend (rn_trace_config.syscalls): f->syscalls plus,
 * with -P, the calls that create fds (open*, creat, dup*, fcntl), which
 * rn_filter_match() needs to see to resolve later calls on those fds but
 * which it does not pass on unless they are in f->syscalls themselves.
 */
void rn_filter_backend_syscalls(const struct rn_filter *f, __u64 *words);
/* Every syscall traced (then no seccomp filter or BPF bitmap check needed). */
bool rn_filter_all_syscalls(const struct rn_filter *f);
bool rn_filter_abbrev(const struct rn_filter *f, long nr);
bool rn_filter_verbose(const struct rn_filter *f, long nr);
bool rn_filter_raw(const struct rn_filter *f, long nr);
bool rn_filter_signal(const struct rn_filter *f, int signo);
bool rn_filter_quiet(const struct rn_filter *f, unsigned what);	/* RN_QUIET_* */
bool rn_filter_fd_in(const struct rn_fdset *s, long fd);
/* -e read= / -e write=: is the data this syscall event moved to be dumped
 * (a data call on a descriptor of the matching set)? */
bool rn_filter_dump(const struct rn_filter *f, const struct rn_event *ev);

/*
 * The RN_STATUS_* class of a syscall event: detached (RN_F_DETACHED),
 * unfinished (RN_F_UNFINISHED), failed (return value -4095..-1), otherwise
 * successful. "unavailable" is never produced by our backends.
 */
unsigned rn_filter_event_status(const struct rn_event *ev);
/* Whether a syscall event passes -e status= (non-syscall events: true). */
bool rn_filter_status(const struct rn_filter *f, const struct rn_event *ev);

/*
 * -P: does this syscall event touch one of the paths? Looks at the path
 * arguments (captured in the payload or read through live) and resolves fd
 * arguments through live->fdpath and through the fds this filter saw
 * returned by an open of the path (so read/close still match after the file
 * was unlinked or when no live access is left). Updates that fd tracking,
 * so call it once per syscall event, in order. True when no -P was given.
 */
bool rn_filter_path_match(struct rn_filter *f, const struct rn_event *ev,
			  const struct rn_memsrc *live);
/* --trace-fds: does the call use (or return) an fd in f->trace_fds? */
bool rn_filter_fds_match(const struct rn_filter *f, const struct rn_event *ev);

/*
 * Everything at once for one event: a syscall event passes when its number
 * is traced, its status selected, and it matches -P and --trace-fds; a
 * signal event when its signal is selected; other events always. Call it
 * for every syscall event (it keeps the -P fd tracking current).
 */
bool rn_filter_match(struct rn_filter *f, const struct rn_event *ev,
		     const struct rn_memsrc *live);

/* The ptrace backend's seccomp program (rn_seccomp_prog_bitmap(),
 * backends/ptrace/seccomp_prog.h) for f->syscalls. Returns 0 or -ENOMEM. */
int rn_filter_seccomp_prog(const struct rn_filter *f, struct sock_filter **prog, size_t *len);

#endif /* RN_FILTER_H */
