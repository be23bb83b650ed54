/* SPDX-License-Identifier: MIT */
/*
 * Internals of the ioctl decoder. dec_ioctl() (decode_ioctl.c) prints the
 * descriptor and the request's name, then hands the third argument to the
 * decoder of the request's group: terminals (decode_ioctl.c), files, block
 * and loop devices, /dev/random, perf and nsfs (decode_ioctl_dev.c), sockets
 * and network interfaces (decode_ioctl_net.c). A group decoder prints into
 * k->sb and says what it did; a request it does not decode prints as strace
 * prints those, the raw value in hex.
 *
 * Decoders run at entry too (ptrace's entry notices, calls that never
 * return): there they print only what the call reads, and return IOC_EXIT
 * before anything the call writes.
 */
#ifndef RN_IOCTL_INT_H
#define RN_IOCTL_INT_H

#include "decode_int.h"

enum ioc_res {
	IOC_HEX = 0,	/* not decoded: the raw value in hex */
	IOC_DONE,	/* printed into k->sb */
	IOC_NOARG,	/* the request takes no argument: none is shown */
	IOC_EXIT,	/* an output, known only once the call returned */
	IOC_READ,	/* ioc_get(): the bytes are in the buffer */
};

/* One call: its request, its third argument and that argument's text. */
struct ioc {
	struct dctx *c;
	struct rn_strbuf *sb;
	__u32 req;
	__u64 arg;
};

/* The request's number within its group and its group (_IOC_NR, _IOC_TYPE). */
#define IOC_NR(req)	((req) & 0xff)
#define IOC_TYPE(req)	(((req) >> 8) & 0xff)

/*
 * len bytes at the argument, read as an input (out false) or as an output
 * of a call that succeeded. IOC_READ when buf holds them; else what to
 * return: IOC_EXIT (an output while the call is still running) or IOC_DONE
 * with NULL or the address printed (failed call, unreadable memory, a call
 * outside -e verbose=).
 */
int ioc_get(struct ioc *k, void *buf, size_t len, bool out);

/* "[42]": an integer of size 2, 4 or 8 bytes at the argument. */
int ioc_num(struct ioc *k, unsigned size, bool sign, bool out);
/* "[A|B]": a 32-bit flag word at the argument; bits without a name as hex,
 * and " /\* note *\/" after a value no bit of which has a name. */
int ioc_flags(struct ioc *k, const struct rn_xlat *x, const char *note, bool out);
/* The argument itself as an int ("%d"), an unsigned long ("%lu"), a
 * descriptor (-y: its path). */
int ioc_int(struct ioc *k);
int ioc_ulong(struct ioc *k);
int ioc_fd(struct ioc *k);

/* Flags as ioc_flags() prints them, into any buffer. */
void ioc_pr_flags(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 v, const char *note);
/* A NUL-terminated string in a char array of size bytes: strace shows at
 * most size - 1 of them, then "..." when no NUL ends them. */
void ioc_pr_cstr(struct rn_strbuf *sb, const void *p, size_t size);

/* The groups. Each returns an enum ioc_res. */
int ioc_tty(struct ioc *k);
int ioc_file(struct ioc *k);
int ioc_block(struct ioc *k);
int ioc_loop(struct ioc *k);
int ioc_misc(struct ioc *k);
int ioc_sock(struct ioc *k);

#endif /* RN_IOCTL_INT_H */
