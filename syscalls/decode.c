// SPDX-License-Identifier: MIT
/*
 * The decoder core: one call in, the text strace would print out. Finds the
 * syscall's decoder in its table row (the generic one for a kind list), lets
 * it fill the argument texts, then formats the return value (number, address,
 * fd, or errno with its text).
 */
#include "decode_int.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syscalls.h"

void rn_decoded_init(struct rn_decoded *d)
{
	int i;

	memset(d, 0, sizeof(*d));
	for (i = 0; i < RN_MAX_ARGS; i++)
		rn_sb_init(&d->arg[i]);
	rn_sb_init(&d->ret);
	rn_sb_init(&d->dump);
}

void rn_decoded_release(struct rn_decoded *d)
{
	int i;

	for (i = 0; i < RN_MAX_ARGS; i++)
		rn_sb_release(&d->arg[i]);
	rn_sb_release(&d->ret);
	rn_sb_release(&d->dump);
}

/* The scratch buffer is per thread (--readers decode in several); a thread
 * that ends frees its own through the key's destructor. */
static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_key_make(void)
{
	if (pthread_key_create(&scratch_key, free))
		abort();
}

char *dc_scratch(size_t n)
{
	static __thread char *buf;
	static __thread size_t cap;

	if (n > cap) {
		char *p = realloc(buf, n);

		if (!p)
			abort();	/* as strbuf does: a silently cut trace is worse */
		buf = p;
		cap = n;
		pthread_once(&scratch_once, scratch_key_make);
		pthread_setspecific(scratch_key, buf);
	}
	return buf;
}

decode_fn rn_decoder(long nr)
{
	const struct rn_syscall_info *si = rn_syscall(nr);

	return si ? si->decode : NULL;
}

bool dc_stop_unfinished(struct dctx *c, int first_exit_arg)
{
	if (c->exiting)
		return false;
	c->d->nargs = first_exit_arg;
	c->d->partial = true;
	return true;
}

/* The raw value of every argument from `from` on, as the generic printer. */
void dc_generic(struct dctx *c, int from)
{
	int i;

	for (i = from; i < c->d->nargs; i++)
		dc_hex(c, i);
}

static void format_error(struct dctx *c, int err)
{
	struct rn_decoded *d = c->d;
	const char *name = rn_errno_name(err);
	bool restart = err == 512 || err == 513 || err == 514 || err == 516;

	d->err = name;
	d->retval = -1;
	if (name)
		rn_sb_printf(&d->ret, "%s %s (%s)", restart ? "?" : "-1", name,
			     rn_errno_text(err));
	else
		rn_sb_printf(&d->ret, "-1 %d (Unknown error %d)", err, err);
}

static void format_ret(struct dctx *c)
{
	struct rn_decoded *d = c->d;
	__s64 ret = c->sc->ret;

	d->retval = ret;
	switch (c->rv) {
	case RV_NONE:
		rn_sb_putc(&d->ret, '?');
		return;
	case RV_HEX:
		d->ret_hex = true;
		rn_sb_put_hex(&d->ret, (unsigned long long)ret);
		break;
	case RV_OCT:
		rn_sb_printf(&d->ret, "%#03llo", (unsigned long long)ret);
		break;
	case RV_FD:
		pr_fd(c, &d->ret, (int)ret);
		break;
	case RV_PID:
		pr_pid(c, &d->ret, ret);
		break;
	default:
		rn_sb_put_dec(&d->ret, (long long)ret);
	}
	if (c->ret_extra)
		c->ret_extra(c);
}

static void decode_unknown(struct dctx *c, long nr)
{
	static __thread char name[32];

	snprintf(name, sizeof(name), "syscall_%#lx", (unsigned long)nr);
	c->d->name = name;
	c->d->nargs = RN_MAX_ARGS;
	dc_generic(c, 0);
}

static bool args_known(const struct rn_syscall_rec *sc)
{
	int i;

	for (i = 0; i < RN_MAX_ARGS; i++)
		if (sc->args[i])
			return true;
	return false;
}

static void decoded_reset(struct rn_decoded *d)
{
	int i;

	for (i = 0; i < RN_MAX_ARGS; i++)
		rn_sb_reset(&d->arg[i]);
	rn_sb_reset(&d->ret);
	rn_sb_reset(&d->dump);
	d->err = NULL;
	d->unfinished = false;
	d->partial = false;
	d->ret_hex = false;
	d->retval = 0;
}

void rn_decode_syscall(const struct rn_event *ev, const struct rn_memsrc *live,
		       const struct rn_decode_opts *o, struct rn_decoded *d)
{
	const struct rn_syscall_info *si = rn_syscall(ev->sc.nr);
	struct dctx c = {
		.sc = &ev->sc,
		.si = si,
		.mem = { .ev = ev, .live = live },
		.o = o,
		.d = d,
	};
	decode_fn fn;

	decoded_reset(d);
	d->unfinished = ev->type == RN_EV_ENTRY || (ev->flags & (RN_F_UNFINISHED | RN_F_DETACHED));
	c.exiting = !d->unfinished;
	/* an injected retval= is a result, never an error (strace) */
	c.failed = c.exiting && ev->sc.ret < 0 && ev->sc.ret >= -4095 &&
		   !(ev->flags & RN_F_INJ_RETVAL);
	c.ok = c.exiting && !c.failed;

	if (!si) {
		decode_unknown(&c, ev->sc.nr);
	} else {
		d->name = si->name;
		d->nargs = si->nargs;
		fn = o->raw || (ev->flags & RN_F_ENTRY_MISSED) ? NULL : rn_decoder(ev->sc.nr);
		/* -e raw=: the return value in hex too, as strace prints it */
		if (o->raw)
			c.rv = RV_HEX;
		if (fn) {
			c.rv = si->ret;	/* the row's; a decoder may change it */
			fn(&c);
		} else if ((ev->flags & RN_F_ENTRY_MISSED) && !args_known(&ev->sc)) {
			d->nargs = 0;	/* seen only at exit: no arguments to show */
		} else {
			/* no argument list: the row may still say how its
			 * result prints (getpid's ret=pid) */
			if (!o->raw)
				c.rv = si->ret;
			dc_generic(&c, 0);
		}
	}
	if (d->unfinished) {
		rn_sb_putc(&d->ret, '?');
		return;
	}
	if (c.failed && c.rv != RV_NONE)
		format_error(&c, (int)-ev->sc.ret);
	else
		format_ret(&c);
	/* -e inject=, as strace marks it */
	if (ev->flags & RN_F_INJECTED)
		rn_sb_puts(&d->ret, " (INJECTED)");
	if (ev->flags & RN_F_DELAYED)
		rn_sb_puts(&d->ret, " (DELAYED)");
}
