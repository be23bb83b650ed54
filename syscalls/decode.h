/* SPDX-License-Identifier: MIT */
/*
 * Shared decoders: turn a struct rn_event into the text strace would print.
 *
 * Both backends feed the same decoders. Memory is read through struct rn_mem:
 * first the regions the backend captured into the event payload, then (when
 * the backend offers one) the live task through struct rn_memsrc. A value
 * that cannot be read is printed as its raw address, never as a guess.
 */
#ifndef RN_DECODE_H
#define RN_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "../backends/backend.h"
#include "../backends/event.h"
#include "strbuf.h"

struct rn_decode_opts {
	unsigned strsize;	/* -s: max string/buffer bytes shown (default 32) */
	bool verbose;		/* -v: unabbreviated structures, envp shown */
	bool show_paths;	/* -y: fd<path> */
	bool sock_details;	/* -yy: sockets as "TCP:[a:p->b:q]" (rn_memsrc.sockinfo) */
	bool raw;		/* -e raw=all: every argument in hex */
	/*
	 * The call is outside -e verbose=SET (strace's "non-verbose"): what an
	 * argument points at (structures, arrays, integers) is not read and
	 * prints as the address; strings and data buffers still print.
	 */
	bool terse;
	/* -Y: the command name of a pid (escaped, without <>), or NULL when
	 * unknown; pid_comm NULL: pids print as plain numbers */
	const char *(*pid_comm)(void *ctx, int pid);
	void *pid_comm_ctx;
};

/* Memory of one event's task: captured payload first, then live. */
struct rn_mem {
	const struct rn_event *ev;
	const struct rn_memsrc *live;	/* may be NULL */
};

/*
 * Copy len bytes at addr. Returns 0 when all len bytes were available,
 * -EFAULT otherwise (buf contents then unspecified).
 */
int rn_mem_read(const struct rn_mem *m, __u64 addr, void *buf, size_t len);

/*
 * Read a NUL-terminated string at addr into buf (at most max bytes, not
 * counting the NUL that is always written; buf holds max + 1). Returns the
 * length read, with *truncated set when the string continues past max, or
 * -EFAULT.
 */
long rn_mem_read_str(const struct rn_mem *m, __u64 addr, char *buf, size_t max,
		     bool *truncated);

/* The decoded text of one syscall record. */
struct rn_decoded {
	const char *name;		/* "openat", or "syscall_0x1ff" */
	int nargs;			/* arguments shown */
	struct rn_strbuf arg[RN_MAX_ARGS];	/* text of each argument */
	struct rn_strbuf ret;		/* after "= ": "3", "-1 ENOENT (No such file or directory)", "?" */
	long long retval;		/* ret as a number (-1 on failure) */
	const char *err;		/* "ENOENT", or NULL when the call succeeded */
	bool unfinished;		/* no return value */
	/* Decoded without a return value (an RN_EV_ENTRY record or an
	 * unfinished call) and the decoder stopped at an argument known only
	 * at exit: nargs counts the input arguments shown so far. */
	bool partial;
	bool ret_hex;			/* retval is an address: JSON still a number */
	/* -e read=/write=: hex dump lines of the data moved (each ending in
	 * '\n'), filled by the caller through rn_decode_dump(); else empty. */
	struct rn_strbuf dump;
};

void rn_decoded_init(struct rn_decoded *d);
void rn_decoded_release(struct rn_decoded *d);

/* Decode a RN_EV_SYSCALL record into d (reusing its buffers). An
 * RN_EV_ENTRY record decodes as an unfinished call: its input arguments. */
void rn_decode_syscall(const struct rn_event *ev, const struct rn_memsrc *live,
		       const struct rn_decode_opts *o, struct rn_decoded *d);

/* Which way a call moves data for -e read= / -e write= (RN_DUMP_*). */
enum {
	RN_DUMP_NONE,
	RN_DUMP_READ,	/* read, pread64, readv, preadv, preadv2, recvfrom, recvmsg */
	RN_DUMP_WRITE,	/* write, pwrite64, writev, pwritev, pwritev2, sendto, sendmsg */
};
int rn_dump_dir(long nr);

/*
 * Append strace's hex and ASCII dump of the data a successful call moved
 * (the bytes its return value counts; write, pwrite64 and sendto: the count
 * asked for, as strace), one " | OFFSET  HEX  ASCII |" line per 16 bytes,
 * with " * N bytes in buffer I" before each buffer of a vector call. Bytes
 * neither captured nor readable live end the buffer's dump with
 * " | ... N of M bytes not captured". Nothing for other calls or failures.
 */
void rn_decode_dump(const struct rn_event *ev, const struct rn_memsrc *live,
		    struct rn_strbuf *out);

/* "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, ...}" for RN_EV_SIGNAL. */
void rn_decode_siginfo(const struct rn_event *ev, struct rn_strbuf *out);

/* Names: "SIGCHLD" / "SIG_33"-style fallbacks; "ENOENT"; strerror-like text. */
const char *rn_signal_name(int signo);		/* never NULL */
const char *rn_errno_name(int err);		/* NULL when unknown */
const char *rn_errno_text(int err);		/* never NULL */
const char *rn_sicode_name(int signo, int code); /* never NULL */

/*
 * Append src[0..n) as a C string literal body with strace's escaping: printable
 * ASCII as is except '"' and '\\'; \t \n \v \f \r; other bytes as octal
 * ("\33", "\0") or, with hex, "\x1b". Never emits a raw control byte.
 */
/*
 * len bytes of netlink messages of protocol proto (NETLINK_ROUTE, ...; -1 for
 * a netlink socket of unknown protocol) as strace prints a buffer sent on such
 * a socket, appended to sb (decode_netlink.c). For tests and fuzzing; the
 * decoders find the protocol of a descriptor themselves.
 */
void rn_netlink_text(struct rn_strbuf *sb, const void *p, size_t len, int proto,
		     const struct rn_decode_opts *o);
void rn_escape_c(struct rn_strbuf *out, const void *src, size_t n);

/*
 * strace's -x (level 1: a string holding any non-printable byte other than
 * \t \n \v \f \r is written all in \xNN) and -xx (level 2: every string in
 * hex). Process-wide: set once before decoding starts; 0 is the default.
 */
void rn_escape_set_hex(int level);

#endif /* RN_DECODE_H */
