// SPDX-License-Identifier: MIT
/*
 * The -e expression parser and the small per-event predicates. -P path
 * tracking and --trace-fds are in filter_path.c; the seccomp program is built
 * by the ptrace backend (backends/ptrace/seccomp_prog.c).
 *
 * Grammar (as strace 6.1 accepts it, checked against it on this machine):
 *   expr  := [QUALIFIER "="] set
 *   set   := "!"* ( "none" | token ("," token)* )       empty tokens skipped
 *   token := "?"* ( "all" | "/" regex | "%" class | "%%" class | number | name )
 * Each leading "!" inverts the set; "none" is only valid as the whole set, and
 * for the non-syscall qualifiers so is "all". "?" makes an unknown token (no
 * such name, regex matching nothing, unknown class) silently match nothing;
 * it does not excuse a regex that does not compile.
 */
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "filter.h"
#include "filter_int.h"
#include "../syscalls/decode.h"
#include "../backends/ptrace/seccomp_prog.h"


/* --- error messages */

/*
 * Copy tok into out for quoting in a message: bytes outside printable ASCII
 * become \xNN so the message stays one line; long tokens are cut with "...".
 */
static void quote_token(char *out, size_t outlen, const char *tok)
{
	size_t o = 0;

	for (; *tok && o + 8 < outlen; tok++) {
		unsigned char c = (unsigned char)*tok;

		if (c >= 0x20 && c < 0x7f)
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, outlen - o, "\\x%02x", c);
	}
	if (*tok)
		o += (size_t)snprintf(out + o, outlen - o, "...");
	out[o] = '\0';
}

static int __attribute__((format(printf, 4, 5)))
fail(char *err, size_t errlen, int rc, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return rc;
}

/* --- small set helpers */

static void bits_set(__u64 *w, unsigned n)
{
	w[n / 64] |= 1ull << (n % 64);
}

static bool bits_test(const __u64 *w, unsigned n)
{
	return w[n / 64] >> (n % 64) & 1;
}

static void bits_fill(__u64 *w, size_t nwords, bool on)
{
	memset(w, on ? 0xff : 0, nwords * sizeof(*w));
}

static void bits_invert(__u64 *w, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		w[i] = ~w[i];
}

/* Decimal digits only ("00" is fine, "+1", "0x1" and " 1" are not, as in
 * strace). Returns the value, or -1 when not a number or above max. */
static long parse_uint(const char *s, long max)
{
	long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > max)
			return -1;
	}
	return v;
}

/* --- the syscall table, seen from here */

/* The highest number the table names: numbers up to it are accepted (holes
 * included, as strace accepts them). */
static long sys_max_nr(void)
{
	static long max = -1;

	if (max < 0) {
		for (long nr = RN_NR_MAX - 1; nr >= 0 && max < 0; nr--)
			if (rn_syscall(nr))
				max = nr;
	}
	return max;
}

static const struct sys_class {
	const char *name;	/* after the "%" */
	unsigned flag;
	bool bare;		/* also accepted without "%" (strace's old syntax) */
} sys_classes[] = {
	{ .name = "file", .flag = RN_TF, .bare = true },
	{ .name = "desc", .flag = RN_TD, .bare = true },
	{ .name = "network", .flag = RN_TN, .bare = true },
	{ .name = "net", .flag = RN_TN },
	{ .name = "process", .flag = RN_TP, .bare = true },
	{ .name = "memory", .flag = RN_TM, .bare = true },
	{ .name = "signal", .flag = RN_TS, .bare = true },
	{ .name = "ipc", .flag = RN_TI, .bare = true },
	{ .name = "creds", .flag = RN_TC },
	{ .name = "clock", .flag = RN_TCL },
	{ .name = "stat", .flag = RN_TST },
	{ .name = "lstat", .flag = RN_TLST },
	{ .name = "fstat", .flag = RN_TFST },
	{ .name = "%stat", .flag = RN_TSTA },
	{ .name = "statfs", .flag = RN_TSF },
	{ .name = "fstatfs", .flag = RN_TFSF },
	{ .name = "%statfs", .flag = RN_TSFA },
	{ .name = "pure", .flag = RN_TPU },
};

/* Class flag for name, or 0. */
static unsigned sys_class_flag(const char *name, bool bare)
{
	for (size_t i = 0; i < sizeof(sys_classes) / sizeof(sys_classes[0]); i++)
		if ((!bare || sys_classes[i].bare) && !strcmp(name, sys_classes[i].name))
			return sys_classes[i].flag;
	return 0;
}

/* Returns how many syscalls carry flag (after adding them to w). */
static int sysset_add_class(__u64 *w, unsigned flag)
{
	int n = 0;

	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		if (sys_flags(nr) & flag) {
			bits_set(w, (unsigned)nr);
			n++;
		}
	}
	return n;
}

/* Edit distance, for "did you mean"; both strings short (callers check). */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[48];

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The closest syscall name to tok when it is a likely typo, else NULL. */
static const char *sys_suggest(const char *tok)
{
	const char *best = NULL;
	size_t best_d = 3, len = strlen(tok);

	if (len < 3 || len > 40)
		return NULL;
	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		const char *name = sys_name(nr);
		size_t d;

		if (!name || strlen(name) > 40)
			continue;
		/* the length difference is a lower bound of the distance */
		if (strlen(name) + 2 < len || len + 2 < strlen(name))
			continue;
		d = edit_distance(tok, name);
		if (d < best_d && d * 3 <= len) {
			best = name;
			best_d = d;
		}
	}
	return best;
}

/* --- syscall sets: trace, abbrev, verbose, raw */

static int sysset_bad(const char *tok, char *err, size_t errlen)
{
	char q[96];
	const char *hint = sys_suggest(tok);

	quote_token(q, sizeof(q), tok);
	if (hint)
		return fail(err, errlen, -EINVAL, "invalid system call '%s' (did you mean '%s'?)",
			    q, hint);
	return fail(err, errlen, -EINVAL,
		    "invalid system call '%s' (expected a system call name or number, %%class, "
		    "/regex, all or none)", q);
}

/*
 * /regex: add every syscall whose name matches (POSIX extended). Returns the
 * number matched, or -EINVAL when it does not compile. strace's regex is all
 * that follows the "/", so "/^open/" asks for a "/" in the name and matches
 * nothing; as a compatible extension we then retry without the final "/".
 */
static int sysset_add_regex(__u64 *w, const char *re, const char *tok, char *err, size_t errlen)
{
	const char *why = filter_regex_too_costly(re);
	regex_t rx;
	int rc, n = 0;

	if (why) {
		char q[96];

		quote_token(q, sizeof(q), tok);
		return fail(err, errlen, -EINVAL, "invalid regular expression '%s': %s", q, why);
	}
	rc = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char msg[128], q[96];

		regerror(rc, &rx, msg, sizeof(msg));
		quote_token(q, sizeof(q), tok);
		return fail(err, errlen, -EINVAL, "invalid regular expression '%s': %s", q, msg);
	}
	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		const char *name = sys_name(nr);

		if (name && regexec(&rx, name, 0, NULL, 0) == 0) {
			bits_set(w, (unsigned)nr);
			n++;
		}
	}
	regfree(&rx);
	if (n == 0) {
		size_t len = strlen(re);

		if (len > 1 && re[len - 1] == '/' && re[len - 2] != '\\') {
			char *cut = strndup(re, len - 1);

			if (!cut)
				return fail(err, errlen, -ENOMEM, "out of memory");
			n = sysset_add_regex(w, cut, tok, NULL, 0);
			free(cut);
			if (n < 0)
				n = 0;	/* "/(/" style: report the token as given */
		}
	}
	return n;
}

/* One token of a syscall set. Returns 0, or -errno with err set. */
static int sysset_token(struct rn_sysset *s, const char *tok, char *err, size_t errlen)
{
	const char *t = tok;
	bool ignore = false;
	long nr;
	int n = 0;

	while (*t == '?') {
		ignore = true;
		t++;
	}
	if (!strcmp(t, "all")) {
		bits_fill(s->words, RN_BITMAP_WORDS, true);
		s->rest = true;
		return 0;
	}
	if (*t == '/') {
		n = sysset_add_regex(s->words, t + 1, tok, err, errlen);
		if (n < 0)
			return n;
	} else if (*t == '%') {
		unsigned flag = sys_class_flag(t + 1, false);

		if (flag) {
			sysset_add_class(s->words, flag);
			n = 1;
		}
	} else if ((nr = parse_uint(t, sys_max_nr())) >= 0) {
		bits_set(s->words, (unsigned)nr);
		n = 1;
	} else if ((nr = rn_syscall_by_name(t)) >= 0 && nr < RN_NR_MAX) {
		bits_set(s->words, (unsigned)nr);
		n = 1;
	} else {
		unsigned flag = sys_class_flag(t, true);

		if (flag) {
			sysset_add_class(s->words, flag);
			n = 1;
		}
	}
	if (n == 0 && !ignore)
		return sysset_bad(tok, err, errlen);
	return 0;
}

/*
 * Call fn for each non-empty comma-separated token of list. Returns the first
 * error, or the number of tokens seen.
 */
static int for_each_token(const char *list, int (*fn)(void *ctx, const char *tok,
						      char *err, size_t errlen),
			  void *ctx, char *err, size_t errlen)
{
	int ntok = 0;

	while (*list) {
		size_t len = strcspn(list, ",");

		if (len) {
			char *tok = strndup(list, len);
			int rc;

			if (!tok)
				return fail(err, errlen, -ENOMEM, "out of memory");
			rc = fn(ctx, tok, err, errlen);
			free(tok);
			if (rc < 0)
				return rc;
			ntok++;
		}
		list += len;
		if (*list == ',')
			list++;
	}
	return ntok;
}

static int sysset_token_cb(void *ctx, const char *tok, char *err, size_t errlen)
{
	return sysset_token(ctx, tok, err, errlen);
}

/* Parse a whole syscall set into *out (untouched on failure). */
static int sysset_parse(struct rn_sysset *out, const char *str, char *err, size_t errlen)
{
	struct rn_sysset s = { .rest = false };
	const char *p = str;
	bool inv = false;

	while (*p == '!') {
		inv = !inv;
		p++;
	}
	if (strcmp(p, "none") != 0) {
		int rc = for_each_token(p, sysset_token_cb, &s, err, errlen);

		if (rc < 0)
			return rc;
		if (rc == 0)
			return sysset_bad(str, err, errlen);
	}
	if (inv) {
		bits_invert(s.words, RN_BITMAP_WORDS);
		s.rest = !s.rest;
	}
	*out = s;
	return 0;
}

int filter_sysset_parse(struct rn_sysset *out, const char *str, char *err, size_t errlen)
{
	return sysset_parse(out, str, err, errlen);
}

static bool sysset_has(const struct rn_sysset *s, long nr)
{
	if (nr < 0 || nr >= RN_NR_MAX)
		return s->rest;
	return bits_test(s->words, (unsigned)nr);
}

/* --- named sets: status, quiet, signal; and descriptor sets */

/*
 * The non-syscall sets share one shape: "!"* then "all", "none" or tokens.
 * add() puts one token into acc and returns 0 or -EINVAL (unknown token,
 * reported here) or -ENOMEM. *all is set for "all"; *inv for an odd number
 * of "!".
 */
struct named_set {
	const char *what;	/* "status", for "invalid status 'x'" */
	const char *expected;	/* what is accepted, for the same message */
	int (*add)(void *acc, const char *tok);
};

struct named_ctx {
	const struct named_set *ns;
	void *acc;
};

static int named_bad(const struct named_set *ns, const char *tok, char *err, size_t errlen)
{
	char q[96];

	quote_token(q, sizeof(q), tok);
	return fail(err, errlen, -EINVAL, "invalid %s '%s' (expected %s)", ns->what, q,
		    ns->expected);
}

static int named_token_cb(void *ctx, const char *tok, char *err, size_t errlen)
{
	const struct named_ctx *c = ctx;
	int rc = c->ns->add(c->acc, tok);

	if (rc == -ENOMEM)
		return fail(err, errlen, rc, "out of memory");
	if (rc < 0)
		return named_bad(c->ns, tok, err, errlen);
	return 0;
}

static int named_parse(const struct named_set *ns, const char *str, void *acc, bool *all,
		       bool *inv, char *err, size_t errlen)
{
	struct named_ctx c = { .ns = ns, .acc = acc };
	const char *p = str;
	int rc;

	*all = false;
	*inv = false;
	while (*p == '!') {
		*inv = !*inv;
		p++;
	}
	if (!strcmp(p, "none"))
		return 0;
	if (!strcmp(p, "all")) {
		*all = true;
		return 0;
	}
	rc = for_each_token(p, named_token_cb, &c, err, errlen);
	if (rc == 0)
		return named_bad(ns, str, err, errlen);
	return rc < 0 ? rc : 0;
}

/* Index of tok in names (case-insensitive, as strace), or -1. */
static int name_index(const char *const *names, size_t n, const char *tok)
{
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(tok, names[i]))
			return (int)i;
	return -1;
}

static const char *const status_names[] = {
	"successful", "failed", "unfinished", "unavailable", "detached",
};

static int status_add(void *acc, const char *tok)
{
	int i = name_index(status_names, sizeof(status_names) / sizeof(status_names[0]), tok);

	if (i < 0)
		return -EINVAL;
	*(unsigned *)acc |= 1u << i;
	return 0;
}

static const struct named_set status_set = {
	.what = "status",
	.expected = "successful, failed, unfinished, unavailable, detached, all or none",
	.add = status_add,
};

/* Bit order as RN_QUIET_*; "exits" is strace's alias of "exit". */
static const char *const quiet_names[] = {
	"attach", "exit", "path-resolution", "personality", "thread-execve", "superseded",
	"exits",
};

static int quiet_add(void *acc, const char *tok)
{
	int i = name_index(quiet_names, sizeof(quiet_names) / sizeof(quiet_names[0]), tok);

	if (i < 0)
		return -EINVAL;
	*(unsigned *)acc |= i == 6 ? RN_QUIET_EXIT : 1u << i;
	return 0;
}

static const struct named_set quiet_set = {
	.what = "quiet",
	.expected = "attach, exit, path-resolution, personality, thread-execve, superseded, "
		    "all or none",
	.add = quiet_add,
};

/* x86_64 signal numbers 1..31 (the aliases IOT, POLL, CLD are not accepted
 * by strace either). */
static const char *const signal_names[32] = {
	[1] = "HUP", [2] = "INT", [3] = "QUIT", [4] = "ILL", [5] = "TRAP", [6] = "ABRT",
	[7] = "BUS", [8] = "FPE", [9] = "KILL", [10] = "USR1", [11] = "SEGV", [12] = "USR2",
	[13] = "PIPE", [14] = "ALRM", [15] = "TERM", [16] = "STKFLT", [17] = "CHLD",
	[18] = "CONT", [19] = "STOP", [20] = "TSTP", [21] = "TTIN", [22] = "TTOU", [23] = "URG",
	[24] = "XCPU", [25] = "XFSZ", [26] = "VTALRM", [27] = "PROF", [28] = "WINCH", [29] = "IO",
	[30] = "PWR", [31] = "SYS",
};

#define RN_SIGRTMIN 32		/* the kernel's, not glibc's */

/* Signal number for "SIGTERM", "term", "15", "SIGRTMIN", "SIGRT_3"; or -1. */
static int signal_lookup(const char *tok)
{
	long n = parse_uint(tok, RN_SIG_MAX - 1);

	if (n >= 0)
		return (int)n;
	if (!strncasecmp(tok, "SIG", 3))
		tok += 3;
	for (int i = 1; i < 32; i++)
		if (!strcasecmp(tok, signal_names[i]))
			return i;
	if (!strcasecmp(tok, "RTMIN"))
		return RN_SIGRTMIN;
	if (!strncasecmp(tok, "RT_", 3)) {
		n = parse_uint(tok + 3, 32);
		if (n >= 1)
			return RN_SIGRTMIN + (int)n;
	}
	return -1;
}

int filter_signal_lookup(const char *tok)
{
	return signal_lookup(tok);
}

static int signal_add(void *acc, const char *tok)
{
	int signo = signal_lookup(tok);

	if (signo < 0)
		return -EINVAL;
	bits_set(acc, (unsigned)signo);
	return 0;
}

static const struct named_set signal_set = {
	.what = "signal",
	.expected = "signal names with or without SIG (SIGCHLD, chld, SIGRTMIN, SIGRT_1), "
		    "numbers 0..255, all or none",
	.add = signal_add,
};

static int fdset_add(void *acc, const char *tok)
{
	struct rn_fdset *s = acc;
	long fd = parse_uint(tok, INT_MAX);
	size_t i;
	int *v;

	if (fd < 0)
		return -EINVAL;
	for (i = 0; i < s->n && s->fds[i] < fd; i++)
		;
	if (i < s->n && s->fds[i] == fd)
		return 0;
	v = realloc(s->fds, (s->n + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	memmove(v + i + 1, v + i, (s->n - i) * sizeof(*v));
	v[i] = (int)fd;
	s->fds = v;
	s->n++;
	return 0;
}

static const struct named_set fd_set_desc = {
	.what = "descriptor",
	.expected = "descriptor numbers 0..2147483647, all or none",
	.add = fdset_add,
};

bool rn_filter_fd_in(const struct rn_fdset *s, long fd)
{
	size_t lo = 0, hi = s->n;

	if (fd < 0 || fd > INT_MAX)
		return false;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->fds[mid] == fd)
			return !s->inv;
		if (s->fds[mid] < fd)
			lo = mid + 1;
		else
			hi = mid;
	}
	return s->inv;
}

bool rn_filter_dump(const struct rn_filter *f, const struct rn_event *ev)
{
	int dir = rn_dump_dir(ev->sc.nr);
	long fd = (int)ev->sc.args[0];

	if (ev->type != RN_EV_SYSCALL || dir == RN_DUMP_NONE)
		return false;
	return rn_filter_fd_in(dir == RN_DUMP_READ ? &f->read_fds : &f->write_fds, fd);
}

/* --- qualifiers */

static int qual_sysset(struct rn_sysset *dst, const char *set, char *err, size_t errlen)
{
	return sysset_parse(dst, set, err, errlen);
}

static int qual_trace(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	struct rn_sysset s;
	int rc = sysset_parse(&s, set, err, errlen);

	if (rc)
		return rc;
	memcpy(f->syscalls, s.words, sizeof(f->syscalls));
	f->syscalls_rest = s.rest;
	return 0;
}

static int qual_abbrev(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	return qual_sysset(&f->abbrev, set, err, errlen);
}

static int qual_verbose(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	return qual_sysset(&f->verbose, set, err, errlen);
}

static int qual_raw(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	return qual_sysset(&f->raw, set, err, errlen);
}

static int qual_status(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	unsigned acc = 0;
	bool all, inv;
	int rc = named_parse(&status_set, set, &acc, &all, &inv, err, errlen);

	if (rc)
		return rc;
	if (all)
		acc = RN_STATUS_ALL;
	f->status = inv ? ~acc & RN_STATUS_ALL : acc;
	return 0;
}

static int qual_quiet(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	unsigned acc = 0;
	bool all, inv;
	int rc = named_parse(&quiet_set, set, &acc, &all, &inv, err, errlen);

	if (rc)
		return rc;
	if (all)
		acc = RN_QUIET_ALL;
	f->quiet = inv ? ~acc & RN_QUIET_ALL : acc;
	return 0;
}

static int qual_signal(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	__u64 acc[RN_SIG_WORDS] = { 0 };
	bool all, inv;
	int rc = named_parse(&signal_set, set, acc, &all, &inv, err, errlen);

	if (rc)
		return rc;
	if (all)
		bits_fill(acc, RN_SIG_WORDS, true);
	if (inv)
		bits_invert(acc, RN_SIG_WORDS);
	memcpy(f->signals, acc, sizeof(acc));
	f->signals_rest = all != inv;
	return 0;
}

static int fdset_parse(struct rn_fdset *dst, const char *set, char *err, size_t errlen)
{
	struct rn_fdset s = { .fds = NULL };
	bool all, inv;
	int rc = named_parse(&fd_set_desc, set, &s, &all, &inv, err, errlen);

	if (rc) {
		free(s.fds);
		return rc;
	}
	if (all) {
		free(s.fds);
		s = (struct rn_fdset){ .inv = true };
	}
	s.inv ^= inv;
	free(dst->fds);
	*dst = s;
	return 0;
}

static int qual_read(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	return fdset_parse(&f->read_fds, set, err, errlen);
}

static int qual_write(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	return fdset_parse(&f->write_fds, set, err, errlen);
}

static int qual_trace_fds(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	return fdset_parse(&f->trace_fds, set, err, errlen);
}

static const struct qualifier {
	const char *names[4];
	unsigned given;		/* RN_QUAL_*, 0: not supported */
	int (*parse)(struct rn_filter *f, const char *set, char *err, size_t errlen);
} qualifiers[] = {
	{ .names = { "trace", "t" }, .given = RN_QUAL_TRACE, .parse = qual_trace },
	{ .names = { "abbrev", "a" }, .given = RN_QUAL_ABBREV, .parse = qual_abbrev },
	{ .names = { "verbose", "v" }, .given = RN_QUAL_VERBOSE, .parse = qual_verbose },
	{ .names = { "raw", "x" }, .given = RN_QUAL_RAW, .parse = qual_raw },
	{ .names = { "signal", "signals", "s" }, .given = RN_QUAL_SIGNAL, .parse = qual_signal },
	{ .names = { "status" }, .given = RN_QUAL_STATUS, .parse = qual_status },
	{ .names = { "quiet", "silent", "silence", "q" }, .given = RN_QUAL_QUIET,
	  .parse = qual_quiet },
	{ .names = { "read", "r" }, .given = RN_QUAL_READ, .parse = qual_read },
	{ .names = { "write", "w" }, .given = RN_QUAL_WRITE, .parse = qual_write },
	{ .names = { "trace-fds", "trace-fd" }, .given = RN_QUAL_TRACE_FDS,
	  .parse = qual_trace_fds },
	/* strace has these; renacer does not (yet): say so instead of guessing. */
	{ .names = { "inject" }, .given = RN_QUAL_INJECT, .parse = filter_qual_inject },
	{ .names = { "fault" }, .given = RN_QUAL_INJECT, .parse = filter_qual_fault },
	{ .names = { "kvm" } },
	{ .names = { "decode-fds", "decode-fd" } },
	{ .names = { "decode-pids", "decode-pid" } },
	{ .names = { "secontext" } },
};

#define N_QUALIFIERS (sizeof(qualifiers) / sizeof(qualifiers[0]))

static const struct qualifier *qualifier_find(const char *name, size_t len)
{
	for (size_t i = 0; i < N_QUALIFIERS; i++)
		for (size_t j = 0; j < 4 && qualifiers[i].names[j]; j++)
			if (strlen(qualifiers[i].names[j]) == len &&
			    !strncmp(qualifiers[i].names[j], name, len))
				return &qualifiers[i];
	return NULL;
}

static int qualifier_apply(struct rn_filter *f, const struct qualifier *q, const char *set,
			   char *err, size_t errlen)
{
	int rc;

	if (!q->parse)
		return fail(err, errlen, -ENOTSUP, "-e %s= is not supported", q->names[0]);
	rc = q->parse(f, set, err, errlen);
	if (rc == 0)
		f->given |= q->given;
	return rc;
}

int rn_filter_parse_qual(struct rn_filter *f, const char *qual, const char *set, char *err,
			 size_t errlen)
{
	const struct qualifier *q = qualifier_find(qual, strlen(qual));

	if (!q) {
		char qq[96];

		quote_token(qq, sizeof(qq), qual);
		return fail(err, errlen, -EINVAL, "invalid qualifier '%s'", qq);
	}
	return qualifier_apply(f, q, set, err, errlen);
}

int rn_filter_parse(struct rn_filter *f, const char *expr, char *err, size_t errlen)
{
	const char *eq = strchr(expr, '=');
	const struct qualifier *q = eq ? qualifier_find(expr, (size_t)(eq - expr)) : NULL;

	if (err && errlen)
		err[0] = '\0';
	if (q)
		return qualifier_apply(f, q, eq + 1, err, errlen);
	/* A bare set (strace reports "foo=bar" as an invalid system call too). */
	return qualifier_apply(f, &qualifiers[0], expr, err, errlen);
}

int rn_filter_apply(struct rn_filter *f, const char *word, char *err, size_t errlen)
{
	int rc;

	if (strncmp(word, "-P ", 3))
		return rn_filter_parse(f, word, err, errlen);
	rc = rn_filter_add_path(f, word + 3);
	if (rc == -EINVAL)
		return fail(err, errlen, rc, "-P needs a non-empty path");
	if (rc)
		return fail(err, errlen, rc, "out of memory");
	return 0;
}

/* --- init, release, small predicates */

void rn_filter_init(struct rn_filter *f)
{
	*f = (struct rn_filter){
		.syscalls_rest = true,
		.abbrev = { .rest = true },
		.verbose = { .rest = true },
		.status = RN_STATUS_ALL,
		.signals_rest = true,
		.trace_fds = { .inv = true },
	};
	bits_fill(f->syscalls, RN_BITMAP_WORDS, true);
	bits_fill(f->abbrev.words, RN_BITMAP_WORDS, true);
	bits_fill(f->verbose.words, RN_BITMAP_WORDS, true);
	bits_fill(f->signals, RN_SIG_WORDS, true);
}

void rn_filter_release(struct rn_filter *f)
{
	free(f->read_fds.fds);
	free(f->write_fds.fds);
	free(f->trace_fds.fds);
	free(f->inject);
	filter_paths_release(f);
	memset(f, 0, sizeof(*f));
}

void rn_filter_quiet_level(struct rn_filter *f, int level)
{
	if (level >= 3)
		f->quiet = RN_QUIET_ALL;
	else if (level == 2)
		f->quiet = RN_QUIET_ATTACH | RN_QUIET_PERSONALITY | RN_QUIET_EXIT;
	else if (level == 1)
		f->quiet = RN_QUIET_ATTACH | RN_QUIET_PERSONALITY;
	else
		f->quiet = 0;
}

bool rn_filter_syscall(const struct rn_filter *f, long nr)
{
	if (nr < 0 || nr >= RN_NR_MAX)
		return f->syscalls_rest;
	return bits_test(f->syscalls, (unsigned)nr);
}

bool rn_filter_abbrev(const struct rn_filter *f, long nr)
{
	return sysset_has(&f->abbrev, nr);
}

bool rn_filter_verbose(const struct rn_filter *f, long nr)
{
	return sysset_has(&f->verbose, nr);
}

bool rn_filter_raw(const struct rn_filter *f, long nr)
{
	return sysset_has(&f->raw, nr);
}

bool rn_filter_signal(const struct rn_filter *f, int signo)
{
	if (signo < 0 || signo >= RN_SIG_MAX)
		return f->signals_rest;
	return bits_test(f->signals, (unsigned)signo);
}

bool rn_filter_quiet(const struct rn_filter *f, unsigned what)
{
	return (f->quiet & what) != 0;
}

unsigned rn_filter_event_status(const struct rn_event *ev)
{
	if (ev->flags & RN_F_DETACHED)
		return RN_STATUS_DETACHED;
	if (ev->flags & RN_F_UNFINISHED)
		return RN_STATUS_UNFINISHED;
	if (ev->sc.ret < 0 && ev->sc.ret >= -4095)
		return RN_STATUS_FAILED;
	return RN_STATUS_SUCCESSFUL;
}

bool rn_filter_status(const struct rn_filter *f, const struct rn_event *ev)
{
	if (ev->type != RN_EV_SYSCALL)
		return true;
	return (f->status & rn_filter_event_status(ev)) != 0;
}

bool rn_filter_all_syscalls(const struct rn_filter *f)
{
	for (size_t i = 0; i < RN_BITMAP_WORDS; i++)
		if (f->syscalls[i] != ~0ull)
			return false;
	return f->syscalls_rest;
}


/* --- seccomp */

int rn_filter_seccomp_prog(const struct rn_filter *f, struct sock_filter **prog, size_t *len)
{
	return rn_seccomp_prog_bitmap(f->syscalls, prog, len);
}
