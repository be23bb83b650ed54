// SPDX-License-Identifier: MIT
/*
 * The -e expression parser and the per-event filter predicates.
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
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>

#include "../syscalls/decode.h"
#include "filter.h"
#include "../syscalls/syscalls.h"

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

static const char *sys_name(long nr)
{
	const struct rn_syscall_info *s = rn_syscall(nr);

	return s ? s->name : NULL;
}

static unsigned sys_flags(long nr)
{
	const struct rn_syscall_info *s = rn_syscall(nr);

	return s ? s->flags : 0;
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
 * glibc's regcomp() expands "x+" into "xx*" and "x{m,n}" into n copies of x,
 * so stacked repetitions grow the compiled regex exponentially: "x" followed
 * by 30 "+" takes gigabytes, and "1????++++++++" 13 s of CPU (both found by
 * the fuzzer: each "?" or "*" doubles what a later "+" copies). Syscall names
 * are short, so refuse regexes whose repetition factors, every "?", "*" and
 * "+" counting 2, multiply past RN_REGEX_COST.
 */
#define RN_REGEX_COST 256

static bool regex_too_costly(const char *re)
{
	unsigned long cost = 1;

	for (const char *p = re; *p; p++) {
		unsigned long n = 0, m = 0;

		if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '[') {
			p += p[1] == '^' ? 2 : 1;
			if (*p == ']')
				p++;
			while (*p && *p != ']')
				p++;
			if (!*p)
				return false;	/* regcomp will refuse it */
		} else if (*p == '+' || *p == '?' || *p == '*') {
			cost *= 2;
		} else if (*p == '{') {
			while (*++p >= '0' && *p <= '9' && n < 100000)
				n = n * 10 + (unsigned long)(*p - '0');
			if (*p == ',')
				while (*++p >= '0' && *p <= '9' && m < 100000)
					m = m * 10 + (unsigned long)(*p - '0');
			cost *= (m > n ? m : n) + 1;
			if (!*p)
				break;
		}
		if (cost > RN_REGEX_COST)
			return true;
	}
	return false;
}

/*
 * /regex: add every syscall whose name matches (POSIX extended). Returns the
 * number matched, or -EINVAL when it does not compile. strace's regex is all
 * that follows the "/", so "/^open/" asks for a "/" in the name and matches
 * nothing; as a compatible extension we then retry without the final "/".
 */
static int sysset_add_regex(__u64 *w, const char *re, const char *tok, char *err, size_t errlen)
{
	regex_t rx;
	int rc, n = 0;

	if (regex_too_costly(re)) {
		char q[96];

		quote_token(q, sizeof(q), tok);
		return fail(err, errlen, -EINVAL,
			    "invalid regular expression '%s': too many repetitions", q);
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
	{ .names = { "inject" } },
	{ .names = { "fault" } },
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

struct fdtrack_ent {
	__u32 tgid;
	int fd;
};

struct rn_fdtrack {
	struct fdtrack_ent *v;
	size_t n, cap;
};

void rn_filter_release(struct rn_filter *f)
{
	for (size_t i = 0; i < f->npaths; i++) {
		free(f->paths[i].path);
		free(f->paths[i].resolved);
	}
	free(f->paths);
	free(f->read_fds.fds);
	free(f->write_fds.fds);
	free(f->trace_fds.fds);
	if (f->track)
		free(f->track->v);
	free(f->track);
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

/* --- -P paths */

int rn_filter_add_path(struct rn_filter *f, const char *path)
{
	struct rn_filter_path *v, p = { .path = NULL };

	if (!path || !*path)
		return -EINVAL;
	p.path = strdup(path);
	if (!p.path)
		return -ENOMEM;
	p.resolved = realpath(path, NULL);
	if (p.resolved && !strcmp(p.resolved, path)) {
		free(p.resolved);
		p.resolved = NULL;
	}
	v = realloc(f->paths, (f->npaths + 1) * sizeof(*v));
	if (!v) {
		free(p.path);
		free(p.resolved);
		return -ENOMEM;
	}
	v[f->npaths++] = p;
	f->paths = v;
	return 0;
}

static bool path_is_selected(const struct rn_filter *f, const char *s)
{
	for (size_t i = 0; i < f->npaths; i++) {
		if (!strcmp(s, f->paths[i].path))
			return true;
		if (f->paths[i].resolved && !strcmp(s, f->paths[i].resolved))
			return true;
	}
	return false;
}

/*
 * What each argument of a syscall is, for -P and --trace-fds: 'f' a file
 * descriptor, 'p' a path, 'P' a struct pollfd array (count in the next
 * argument), 'S' select's nfds followed by three fd_set pointers, '-'
 * neither. Syscalls not listed get paths from the capture table (string
 * arguments of %file calls) and, for %desc calls, an fd in argument 0.
 */
static const struct arg_roles {
	const char *name;
	const char *roles;
	bool returns_fd;	/* the result refers to the same file as the args */
} arg_roles[] = {
	{ .name = "open", .roles = "p", .returns_fd = true },
	{ .name = "creat", .roles = "p", .returns_fd = true },
	{ .name = "openat", .roles = "fp", .returns_fd = true },
	{ .name = "openat2", .roles = "fp", .returns_fd = true },
	{ .name = "open_tree", .roles = "fp", .returns_fd = true },
	{ .name = "dup", .roles = "f", .returns_fd = true },
	{ .name = "dup2", .roles = "ff", .returns_fd = true },
	{ .name = "dup3", .roles = "ff", .returns_fd = true },
	{ .name = "fcntl", .roles = "f", .returns_fd = true },	/* F_DUPFD* only */
	{ .name = "mmap", .roles = "----f" },
	{ .name = "sendfile", .roles = "ff" },
	{ .name = "splice", .roles = "f-f" },
	{ .name = "tee", .roles = "ff" },
	{ .name = "copy_file_range", .roles = "f-f" },
	{ .name = "epoll_ctl", .roles = "f-f" },
	{ .name = "kexec_file_load", .roles = "ff" },
	{ .name = "fanotify_mark", .roles = "---fp" },
	{ .name = "inotify_add_watch", .roles = "-p" },
	{ .name = "quotactl", .roles = "-p" },
	{ .name = "rename", .roles = "pp" },
	{ .name = "link", .roles = "pp" },
	{ .name = "symlink", .roles = "-p" },	/* the target is only a string */
	{ .name = "symlinkat", .roles = "-fp" },
	{ .name = "renameat", .roles = "fpfp" },
	{ .name = "renameat2", .roles = "fpfp" },
	{ .name = "linkat", .roles = "fpfp" },
	{ .name = "move_mount", .roles = "fpfp" },
	{ .name = "mount", .roles = "pp" },
	{ .name = "pivot_root", .roles = "pp" },
	{ .name = "poll", .roles = "P" },
	{ .name = "ppoll", .roles = "P" },
	{ .name = "select", .roles = "S" },
	{ .name = "pselect6", .roles = "S" },
	/* %desc calls that only create descriptors: nothing to match. */
	{ .name = "pipe", .roles = "" },
	{ .name = "pipe2", .roles = "" },
	{ .name = "socket", .roles = "" },
	{ .name = "socketpair", .roles = "" },
	{ .name = "eventfd", .roles = "" },
	{ .name = "eventfd2", .roles = "" },
	{ .name = "epoll_create", .roles = "" },
	{ .name = "epoll_create1", .roles = "" },
	{ .name = "inotify_init", .roles = "" },
	{ .name = "inotify_init1", .roles = "" },
	{ .name = "fanotify_init", .roles = "" },
	{ .name = "memfd_create", .roles = "" },
	{ .name = "memfd_secret", .roles = "" },
	{ .name = "userfaultfd", .roles = "" },
	{ .name = "timerfd_create", .roles = "" },
	{ .name = "io_uring_setup", .roles = "" },
	{ .name = "pidfd_open", .roles = "" },
	{ .name = "fsopen", .roles = "" },
	{ .name = "perf_event_open", .roles = "---f" },
};

#define N_ARG_ROLES (sizeof(arg_roles) / sizeof(arg_roles[0]))

struct sys_roles {
	char roles[RN_MAX_ARGS + 1];
	bool returns_fd;
};

static const struct sys_roles *sys_roles(long nr)
{
	static struct sys_roles tab[RN_NR_MAX];
	static bool ready;

	if (nr < 0 || nr >= RN_NR_MAX)
		return NULL;
	if (!ready) {
		for (long i = 0; i < RN_NR_MAX; i++) {
			const char *name = sys_name(i);
			unsigned fl = sys_flags(i);
			const struct rn_cap_desc *cap = rn_syscall_capture(i);

			memset(tab[i].roles, 0, sizeof(tab[i].roles));
			for (int a = 0; name && a < RN_MAX_ARGS; a++)
				tab[i].roles[a] = (fl & RN_TF) && cap->arg[a].kind == RN_CAP_STR
						  ? 'p' : '-';
			if (name && (fl & RN_TD) && tab[i].roles[0] == '-')
				tab[i].roles[0] = 'f';
			for (size_t k = 0; name && k < N_ARG_ROLES; k++) {
				if (strcmp(name, arg_roles[k].name))
					continue;
				snprintf(tab[i].roles, sizeof(tab[i].roles), "%s",
					 arg_roles[k].roles);
				tab[i].returns_fd = arg_roles[k].returns_fd;
			}
		}
		ready = true;
	}
	return &tab[nr];
}

void rn_filter_backend_syscalls(const struct rn_filter *f, __u64 *words)
{
	memcpy(words, f->syscalls, sizeof(f->syscalls));
	if (!f->npaths)
		return;
	/* -P resolves fds through the calls that made them: a close at exit
	 * has no fd left to look up, so the opens must be seen too. */
	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		const struct sys_roles *r = sys_roles(nr);

		if (r && r->returns_fd)
			words[nr / 64] |= 1ull << (nr % 64);
	}
}

/* Does the call's return value name a new fd for the file of its args? */
static bool returns_same_file(const struct rn_event *ev, const struct sys_roles *r)
{
	const char *name = sys_name(ev->sc.nr);

	if (!r->returns_fd || ev->sc.ret < 0 || ev->sc.ret > INT_MAX ||
	    rn_filter_event_status(ev) != RN_STATUS_SUCCESSFUL)
		return false;
	if (name && !strcmp(name, "fcntl"))
		return ev->sc.args[1] == 0 /* F_DUPFD */ || ev->sc.args[1] == 1030 /* _CLOEXEC */;
	return true;
}

/* fds known to refer to a -P path, per process: needed when the fd is gone
 * by the time the event is looked at (close, an exited task, eBPF). */
static bool fdtrack_has(const struct rn_fdtrack *t, __u32 tgid, int fd)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (t->v[i].tgid == tgid && t->v[i].fd == fd)
			return true;
	return false;
}

static void fdtrack_del(struct rn_fdtrack *t, __u32 tgid, int fd)
{
	for (size_t i = 0; t && i < t->n; i++) {
		if ((t->v[i].tgid == tgid) && (fd < 0 || t->v[i].fd == fd))
			t->v[i--] = t->v[--t->n];
	}
}

static void fdtrack_add(struct rn_filter *f, __u32 tgid, int fd)
{
	struct rn_fdtrack *t = f->track;

	if (fdtrack_has(t, tgid, fd))
		return;
	if (!t) {
		t = calloc(1, sizeof(*t));
		if (!t)
			return;	/* tracking is best effort: live fdpath still works */
		f->track = t;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		struct fdtrack_ent *v = realloc(t->v, cap * sizeof(*v));

		if (!v)
			return;
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n++] = (struct fdtrack_ent){ .tgid = tgid, .fd = fd };
}

/*
 * Does fd of process tgid refer to a selected path? The live fd table is the
 * authority when it answers (an fd number may have been reused); otherwise
 * the fds seen opened from the path.
 */
static bool fd_selected(const struct rn_filter *f, __u32 tgid, long fd,
			const struct rn_memsrc *live)
{
	char buf[PATH_MAX + 16];
	long n;

	if (fd < 0 || fd > INT_MAX)
		return false;
	if (live && live->fdpath) {
		n = live->fdpath(live->ctx, tgid, (int)fd, buf, sizeof(buf));
		if (n >= 0 && (size_t)n < sizeof(buf)) {
			static const char deleted[] = " (deleted)";
			size_t dl = sizeof(deleted) - 1;

			buf[n] = '\0';
			if (path_is_selected(f, buf))
				return true;
			if ((size_t)n > dl && !strcmp(buf + n - dl, deleted)) {
				buf[n - dl] = '\0';
				return path_is_selected(f, buf);
			}
			return false;
		}
	}
	return fdtrack_has(f->track, tgid, (int)fd);
}

static bool path_arg_selected(const struct rn_filter *f, const struct rn_mem *m, __u64 addr)
{
	char buf[PATH_MAX + 1];
	bool trunc = false;
	long n = rn_mem_read_str(m, addr, buf, PATH_MAX, &trunc);

	return n >= 0 && !trunc && path_is_selected(f, buf);
}

#define RN_POLL_MAX 4096	/* pollfd entries / select fds looked at */

static bool poll_selected(const struct rn_filter *f, const struct rn_mem *m, __u64 addr,
			  __u64 nfds)
{
	for (__u64 i = 0; i < nfds && i < RN_POLL_MAX; i++) {
		__s32 fd;

		if (rn_mem_read(m, addr + i * 8, &fd, sizeof(fd)))
			return false;
		if (fd_selected(f, m->ev->tgid, fd, m->live))
			return true;
	}
	return false;
}

static bool select_selected(const struct rn_filter *f, const struct rn_mem *m)
{
	__u64 nfds = m->ev->sc.args[0];

	if (nfds > RN_POLL_MAX)
		nfds = RN_POLL_MAX;
	for (int set = 1; set <= 3; set++) {
		__u64 addr = m->ev->sc.args[set];

		for (__u64 w = 0; addr && w * 64 < nfds; w++) {
			__u64 bits;

			if (rn_mem_read(m, addr + w * 8, &bits, sizeof(bits)))
				break;
			for (int b = 0; b < 64 && w * 64 + b < nfds; b++)
				if ((bits >> b & 1) &&
				    fd_selected(f, m->ev->tgid, w * 64 + b, m->live))
					return true;
		}
	}
	return false;
}

static bool args_selected(const struct rn_filter *f, const struct rn_event *ev,
			  const struct sys_roles *r, const struct rn_memsrc *live)
{
	const struct rn_mem m = { .ev = ev, .live = live };

	for (int a = 0; a < RN_MAX_ARGS && r->roles[a]; a++) {
		__u64 v = ev->sc.args[a];
		bool hit = false;

		switch (r->roles[a]) {
		case 'f':
			hit = fd_selected(f, ev->tgid, (int)v, live);
			break;
		case 'p':
			hit = path_arg_selected(f, &m, v);
			break;
		case 'P':
			hit = poll_selected(f, &m, v, ev->sc.args[a + 1]);
			break;
		case 'S':
			hit = select_selected(f, &m);
			break;
		}
		if (hit)
			return true;
	}
	return false;
}

/* Keep the fd tracking in step with what the call did to the fd table. */
static void path_track(struct rn_filter *f, const struct rn_event *ev, const struct sys_roles *r,
		       bool matched, const struct rn_memsrc *live)
{
	const char *name = sys_name(ev->sc.nr);
	int fd0 = (int)ev->sc.args[0];

	if (!name)
		return;
	if (!strcmp(name, "close")) {
		fdtrack_del(f->track, ev->tgid, fd0);
	} else if (!strcmp(name, "dup2") || !strcmp(name, "dup3")) {
		if (rn_filter_event_status(ev) != RN_STATUS_SUCCESSFUL)
			return;
		if (fd_selected(f, ev->tgid, fd0, live))
			fdtrack_add(f, ev->tgid, (int)ev->sc.args[1]);
		else
			fdtrack_del(f->track, ev->tgid, (int)ev->sc.args[1]);
	} else if (matched && returns_same_file(ev, r)) {
		fdtrack_add(f, ev->tgid, (int)ev->sc.ret);
	}
}

bool rn_filter_path_match(struct rn_filter *f, const struct rn_event *ev,
			  const struct rn_memsrc *live)
{
	const struct sys_roles *r;
	bool matched;

	if (!f->npaths)
		return true;
	if (ev->type == RN_EV_EXIT && !(ev->flags & (RN_F_THREAD_EXIT | RN_F_SUPERSEDED)))
		fdtrack_del(f->track, ev->tgid, -1);
	if (ev->type != RN_EV_SYSCALL)
		return true;
	r = sys_roles(ev->sc.nr);
	if (!r || (ev->flags & RN_F_ENTRY_MISSED))
		return false;
	matched = args_selected(f, ev, r, live);
	path_track(f, ev, r, matched, live);
	return matched;
}

bool rn_filter_fds_match(const struct rn_filter *f, const struct rn_event *ev)
{
	const struct sys_roles *r;

	if (ev->type != RN_EV_SYSCALL || (f->trace_fds.inv && f->trace_fds.n == 0))
		return true;
	r = sys_roles(ev->sc.nr);
	if (!r || (ev->flags & RN_F_ENTRY_MISSED))
		return false;
	for (int a = 0; a < RN_MAX_ARGS && r->roles[a]; a++)
		if (r->roles[a] == 'f' && rn_filter_fd_in(&f->trace_fds, (int)ev->sc.args[a]))
			return true;
	return returns_same_file(ev, r) && rn_filter_fd_in(&f->trace_fds, ev->sc.ret);
}

bool rn_filter_match(struct rn_filter *f, const struct rn_event *ev,
		     const struct rn_memsrc *live)
{
	bool path;

	switch (ev->type) {
	case RN_EV_SYSCALL:
		/* -P runs first and always: it must see every call to track fds. */
		path = rn_filter_path_match(f, ev, live);
		return path && rn_filter_syscall(f, ev->sc.nr) && rn_filter_status(f, ev) &&
		       rn_filter_fds_match(f, ev);
	case RN_EV_SIGNAL:
		return rn_filter_signal(f, ev->sig.signo);
	case RN_EV_EXIT:
		rn_filter_path_match(f, ev, live);
		return true;
	default:
		return true;
	}
}

/* --- seccomp */

/*
 * The program is shaped for the kernel's seccomp action cache (since 5.11):
 * when a filter is installed the kernel emulates it for every syscall number
 * of each arch, and a number for which it can prove a constant
 * SECCOMP_RET_ALLOW never runs the filter again; that call then costs only
 * the seccomp entry path (measured by bench/seccomp_floor: about 9 ns here,
 * against 23 ns when the filter runs). The emulator follows only loads of
 * nr and arch, constant returns, ja, jeq/jge/jgt/jset with a constant and
 * "and" with a constant; any other instruction (tax, a shift, scratch
 * memory, a load of an argument or of the instruction pointer) makes every
 * number uncacheable, so the program uses nothing else:
 *
 *	ld [arch]; jeq AUDIT_ARCH_X86_64 ? +1 : 0; ret TRACE
 *	ld [nr]
 *	a balanced tree of "jge START" over the runs of equal numbers,
 *	with [RN_NR_MAX, 2^32) as one more traced run (x32, garbage),
 *	leaves "ret TRACE" or "ret ALLOW"
 *
 * A jump offset is 8 bits: a node whose smaller side is longer than 255
 * instructions jumps over it with "ja" (32 bits). Excluded calls never run
 * the program; a traced call walks at most log2(runs) + 1 nodes.
 */
#define RN_SECCOMP_RUNS (RN_NR_MAX + 1)
/* prologue 4, at most 2 instructions per node and 1 per leaf */
#define RN_SECCOMP_MAX (4 + 3 * RN_SECCOMP_RUNS)

static struct sock_filter bpf_insn(__u16 code, __u8 jt, __u8 jf, __u32 k)
{
	return (struct sock_filter){ .code = code, .jt = jt, .jf = jf, .k = k };
}

int rn_filter_seccomp_prog(const struct rn_filter *f, struct sock_filter **prog, size_t *len)
{
	return rn_seccomp_prog_bitmap(f->syscalls, prog, len);
}

/* Runs: run i covers [start[i], start[i + 1]) and returns act[i]. */
struct seccomp_runs {
	__u32 start[RN_SECCOMP_RUNS];
	__u32 act[RN_SECCOMP_RUNS];
};

static size_t seccomp_tree_len(const struct seccomp_runs *r, size_t lo, size_t hi)
{
	size_t mid = (lo + hi + 1) / 2, left;

	if (lo == hi)
		return 1;
	left = seccomp_tree_len(r, lo, mid - 1);
	return (left > 255 ? 2 : 1) + left + seccomp_tree_len(r, mid, hi);
}

/* The tree for runs lo..hi (inclusive) at p; returns its length. */
static size_t seccomp_tree(const struct seccomp_runs *r, size_t lo, size_t hi,
			   struct sock_filter *p)
{
	size_t mid = (lo + hi + 1) / 2, left, n = 0;

	if (lo == hi) {
		p[0] = bpf_insn(BPF_RET | BPF_K, 0, 0, r->act[lo]);
		return 1;
	}
	left = seccomp_tree_len(r, lo, mid - 1);
	if (left <= 255) {
		p[n++] = bpf_insn(BPF_JMP | BPF_JGE | BPF_K, (__u8)left, 0, r->start[mid]);
	} else {
		p[n++] = bpf_insn(BPF_JMP | BPF_JGE | BPF_K, 0, 1, r->start[mid]);
		p[n++] = bpf_insn(BPF_JMP | BPF_JA, 0, 0, (__u32)left);
	}
	n += seccomp_tree(r, lo, mid - 1, p + n);
	n += seccomp_tree(r, mid, hi, p + n);
	return n;
}

int rn_seccomp_prog_bitmap(const __u64 *syscalls, struct sock_filter **prog, size_t *len)
{
	struct seccomp_runs *r = malloc(sizeof(*r));
	struct sock_filter *p = malloc(RN_SECCOMP_MAX * sizeof(*p));
	size_t n = 0, nruns = 0;

	if (!r || !p) {
		free(r);
		free(p);
		return -ENOMEM;
	}
	for (__u32 nr = 0; nr <= RN_NR_MAX; nr++) {
		bool traced = nr == RN_NR_MAX || (syscalls[nr / 64] >> (nr % 64) & 1);
		__u32 act = traced ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;

		if (nruns && r->act[nruns - 1] == act)
			continue;
		r->start[nruns] = nr;
		r->act[nruns++] = act;
	}
	p[n++] = bpf_insn(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, arch));
	p[n++] = bpf_insn(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, AUDIT_ARCH_X86_64);
	p[n++] = bpf_insn(BPF_RET | BPF_K, 0, 0, SECCOMP_RET_TRACE);
	p[n++] = bpf_insn(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr));
	n += seccomp_tree(r, 0, nruns - 1, p + n);
	free(r);
	*prog = p;
	*len = n;
	return 0;
}
