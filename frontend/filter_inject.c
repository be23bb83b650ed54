// SPDX-License-Identifier: MIT
/*
 * -e inject=SET:OPT[:OPT...] and -e fault=SET[:error=E][:when=W], parsed as
 * strace 6.1 parses them:
 *
 *   error=E         fail with errno E (a name such as ENOENT, or 1..4095)
 *   retval=N        return N instead (error and retval exclude each other)
 *   signal=S        raise signal S as the call starts
 *   delay_enter=US  wait US microseconds before the call
 *   delay_exit=US   and after it
 *   when=FIRST[..LAST][+[STEP]]
 *                   the FIRST-th call (from 1), then every STEP-th up to
 *                   LAST; "+" alone is a step of 1, "FIRST..LAST" too;
 *                   FIRST alone injects that call only. Default: every call.
 *
 * fault= is inject= whose error defaults to ENOSYS. The rules land in
 * f->inject (allocated on first use) for the ptrace backend to carry out.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../syscalls/decode.h"
#include "filter_int.h"

static int __attribute__((format(printf, 3, 4)))
inj_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/* Decimal digits only; -1 when not a number or above max. */
static long long inj_uint(const char *s, size_t len, long long max)
{
	long long v = 0;

	if (!len)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
		if (v > max)
			return -1;
	}
	return v;
}

/* An errno name ("ENOENT") or number 1..4095; -1 when neither. */
static int inj_errno(const char *s)
{
	long long n = inj_uint(s, strlen(s), 4095);

	if (n >= 1)
		return (int)n;
	for (int e = 1; e < 4096; e++) {
		const char *name = rn_errno_name(e);

		if (name && !strcmp(name, s))
			return e;
	}
	return -1;
}

/* A signed decimal number; false when not one. */
static bool inj_long(const char *s, long long *out)
{
	char *end;

	if (!*s || (*s != '-' && (*s < '0' || *s > '9')))
		return false;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return !*end && !errno;
}

/* FIRST[..LAST][+[STEP]] */
static bool inj_when(const char *s, struct rn_inject_rule *r)
{
	size_t n = strcspn(s, ".+");
	long long v = inj_uint(s, n, RN_INJ_WHEN_MAX);

	if (v < 1)
		return false;
	r->first = (__u32)v;
	r->last = RN_INJ_LAST_INF;
	r->step = 0;
	s += n;
	if (!strncmp(s, "..", 2)) {
		s += 2;
		n = strcspn(s, "+");
		v = inj_uint(s, n, RN_INJ_WHEN_MAX);
		if (v < r->first)
			return false;
		r->last = (__u32)v;
		r->step = 1;
		s += n;
	}
	if (*s == '+') {
		s++;
		r->step = 1;
		if (*s) {
			v = inj_uint(s, strlen(s), RN_INJ_WHEN_MAX);
			if (v < 1)
				return false;
			r->step = (__u32)v;
		}
		return true;
	}
	return !*s;
}

/* One "key=value" option into r; false when it is not a valid one. */
static bool inj_option(char *opt, bool fault, struct rn_inject_rule *r)
{
	char *val = strchr(opt, '=');
	long long v;

	if (!val)
		return false;
	*val++ = '\0';
	if (!strcmp(opt, "when"))
		return inj_when(val, r);
	if (!strcmp(opt, "error")) {
		if (r->flags & (RN_INJ_ERROR | RN_INJ_RETVAL) || (r->error = inj_errno(val)) < 0)
			return false;
		r->flags |= RN_INJ_ERROR;
		return true;
	}
	if (fault)
		return false;
	if (!strcmp(opt, "retval")) {
		if (r->flags & (RN_INJ_ERROR | RN_INJ_RETVAL) || !inj_long(val, &v))
			return false;
		r->retval = v;
		r->flags |= RN_INJ_RETVAL;
		return true;
	}
	if (!strcmp(opt, "signal")) {
		r->signo = filter_signal_lookup(val);
		r->flags |= RN_INJ_SIGNAL;
		return r->signo >= 1 && r->signo < 65;
	}
	if (!strcmp(opt, "delay_enter") || !strcmp(opt, "delay_exit")) {
		bool enter = opt[6] == 'e' && opt[7] == 'n';

		v = inj_uint(val, strlen(val), 0xffffffffll);
		if (v < 0)
			return false;
		*(enter ? &r->delay_enter_us : &r->delay_exit_us) = (__u32)v;
		r->flags |= enter ? RN_INJ_DELAY_ENTER : RN_INJ_DELAY_EXIT;
		return true;
	}
	return false;
}

/* Split arg at ':' into the set and the options; r and *set filled. */
static int inj_parse(const char *arg, bool fault, struct rn_sysset *set,
		     struct rn_inject_rule *r, char *err, size_t errlen)
{
	const char *what = fault ? "fault" : "inject";
	char *copy = strdup(arg), *opt, *save = NULL;
	int rc;

	if (!copy)
		return -ENOMEM;
	*r = (struct rn_inject_rule){ .first = 1, .last = RN_INJ_LAST_INF, .step = 1 };
	opt = strchr(copy, ':');
	if (opt)
		*opt++ = '\0';
	rc = filter_sysset_parse(set, copy, err, errlen);
	for (opt = opt ? strtok_r(opt, ":", &save) : NULL; !rc && opt;
	     opt = strtok_r(NULL, ":", &save)) {
		if (!inj_option(opt, fault, r))
			rc = inj_fail(err, errlen, "invalid %s argument '%s' (%s)", what, arg,
				      fault ? "use error=ERRNO and when=FIRST[..LAST][+STEP]"
					    : "use error=, retval=, signal=, delay_enter=, "
					      "delay_exit= and when=FIRST[..LAST][+STEP]");
	}
	if (!rc && fault && !r->flags) {
		r->flags = RN_INJ_ERROR;
		r->error = ENOSYS;
	}
	if (!rc && !r->flags)
		rc = inj_fail(err, errlen, "invalid inject argument '%s': say what to do "
			      "(error=, retval=, signal=, delay_enter= or delay_exit=)", arg);
	free(copy);
	return rc;
}

static int inj_apply(struct rn_filter *f, const char *arg, bool fault, char *err, size_t errlen)
{
	struct rn_inject_rule r;
	struct rn_sysset set;
	int rc = inj_parse(arg, fault, &set, &r, err, errlen);

	if (rc)
		return rc;
	if (!f->inject) {
		f->inject = calloc(1, sizeof(*f->inject));
		if (!f->inject)
			return -ENOMEM;
	}
	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		if (!(set.words[nr / 64] >> (nr % 64) & 1) || !sys_name(nr))
			continue;
		f->inject->rule[nr] = r;
		f->inject->any[nr / 64] |= 1ull << (nr % 64);
	}
	return 0;
}

int filter_qual_inject(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	return inj_apply(f, set, false, err, errlen);
}

int filter_qual_fault(struct rn_filter *f, const char *set, char *err, size_t errlen)
{
	return inj_apply(f, set, true, err, errlen);
}
