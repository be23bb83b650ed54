/* SPDX-License-Identifier: MIT */
/*
 * Internals shared by the decoder files (decode_*.c): the per-call context,
 * the argument printers and the per-syscall decoder lookup. The decoders the
 * table names (syscalls.def's dec=) are declared in the generated
 * gen/decoders.h.
 */
#ifndef RN_DECODE_INT_H
#define RN_DECODE_INT_H

#include "decode.h"
#include "mem.h"
#include "syscalls.h"
#include "xlat.h"

enum ret_kind {
	RV_DEC = 0,	/* signed decimal */
	RV_HEX,		/* address: 0x7f... */
	RV_FD,		/* file descriptor: "3</path>" under -y */
	RV_OCT,		/* umask */
	RV_NONE,	/* no return: exit, exit_group */
	RV_PID,		/* a process or thread id: "1234<cat>" under -Y */
};

struct dctx;
typedef void (*decode_fn)(struct dctx *c);

/* Everything a decoder needs about the call it is printing. */
struct dctx {
	const struct rn_syscall_rec *sc;
	const struct rn_syscall_info *si;	/* the table row of sc->nr */
	struct rn_mem mem;
	const struct rn_decode_opts *o;
	struct rn_decoded *d;
	bool failed;		/* returned -errno */
	bool exiting;		/* returned at all (not unfinished) */
	bool ok;		/* returned and succeeded: outputs are valid */
	enum ret_kind rv;
	decode_fn ret_extra;	/* appends " (Timeout)"-style text after ret */
};

/* The argument's text buffer and raw value. */
#define ARG(c, i)	(&(c)->d->arg[i])
#define RAW(c, i)	((c)->sc->args[i])

/* The decoder of syscall nr (its table row's), or NULL. */
decode_fn rn_decoder(long nr);

/* The generic decoder: prints the arguments as the row's kind list says. */
void dec_args(struct dctx *c);
/* Argument i as the kind a says (decode_args.c). */
void dc_arg(struct dctx *c, int i, const struct rn_arg_desc *a);

/*
 * Arguments decoded at exit: when the call never returned, stop printing
 * here, as strace shows "read(3, <unfinished ...>". Returns true to stop.
 */
bool dc_stop_unfinished(struct dctx *c, int first_exit_arg);

/* Arrays stop after -s elements ("...") unless -v, as strace's do. */
static inline bool dc_array_cut(const struct dctx *c, __u64 index)
{
	return !c->o->verbose && index >= c->o->strsize;
}

/* Plain values into argument i. */
void dc_int(struct dctx *c, int i);
void dc_uint(struct dctx *c, int i);
void dc_long(struct dctx *c, int i);
void dc_ulong(struct dctx *c, int i);
void dc_hex(struct dctx *c, int i);
void dc_ptr(struct dctx *c, int i);
/* A buffer the call filled: its first ret bytes as a string once the call
 * succeeded, else the pointer (also for NULL when null_ptr). */
void dc_outbuf(struct dctx *c, int i, bool null_ptr);
void dc_mode(struct dctx *c, int i);
void dc_fd(struct dctx *c, int i);
void dc_dirfd(struct dctx *c, int i);
void dc_path(struct dctx *c, int i);
void dc_str(struct dctx *c, int i);
/*
 * Flag sets and enums: dc_flags/dc_enum/dc_flags_unk for an argument whose C
 * type is an int, only its low 32 bits (the kernel's view, strace's
 * 0xffffffff for -1); the dc_l* forms for an unsigned long, all 64 bits.
 */
void dc_flags(struct dctx *c, int i, const struct rn_xlat *x);
void dc_lflags(struct dctx *c, int i, const struct rn_xlat *x);
void dc_enum(struct dctx *c, int i, const struct rn_xlat *x, const char *fmt);
void dc_lenum(struct dctx *c, int i, const struct rn_xlat *x, const char *fmt);
void dc_signal(struct dctx *c, int i);
void dc_generic(struct dctx *c, int from);

/* Printers into any buffer (for fields of structures). */
void pr_ptr(struct rn_strbuf *sb, __u64 addr);
void pr_fd(struct dctx *c, struct rn_strbuf *sb, int fd);
/* A pid, with "<comm>" after it under -Y when the command name is known. */
void pr_pid(struct dctx *c, struct rn_strbuf *sb, long long pid);
void pr_mode(struct rn_strbuf *sb, unsigned mode);
void pr_symbolic_mode(struct rn_strbuf *sb, unsigned mode);
void pr_path_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr);
void pr_str_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned limit);
void pr_str_out_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned limit);
/* len bytes at addr, escaped, at most strsize shown; out: an output buffer. */
void pr_buf_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out);
void pr_buf_hex_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out);
/* Quoted, escaped, with "..." after the quote when cut. */
void pr_quoted(struct rn_strbuf *sb, const void *p, size_t n, bool cut);
void pr_signal(struct rn_strbuf *sb, int signo);
void pr_sigset(struct rn_strbuf *sb, const __u64 *set, unsigned bytes);
bool pr_sigset_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned bytes, bool out);
void pr_timespec_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out);
void pr_timeval_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out);
void pr_time_comment(struct rn_strbuf *sb, long long sec, unsigned long nsec);
void pr_int_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out);

/*
 * Read a fixed-size input (entry value) or output (exit value) at addr: a
 * structure, an array, an integer. Fails (-EPERM) for a call outside
 * -e verbose=SET, as strace then prints such an argument as its address.
 */
int dc_read(struct dctx *c, __u64 addr, void *buf, size_t len, bool out);
/* The same for string and buffer contents, which print whatever verbose= says. */
int dc_read_data(struct dctx *c, __u64 addr, void *buf, size_t len, bool out);

/* A scratch buffer of at least n bytes, per thread, grown as needed. */
char *dc_scratch(size_t n);

void rn_escape_hex(struct rn_strbuf *out, const void *src, size_t n);

/* Printers shared between decoder files. */
void pr_open_flags(struct rn_strbuf *sb, __u64 flags);
/* mmap's and remap_file_pages' flags: MAP_PRIVATE|MAP_ANONYMOUS|21<<MAP_HUGE_SHIFT
 * (decode_mem.c) */
void pr_mmap_flags(struct rn_strbuf *sb, __u64 flags);
void pr_fd_pair(struct dctx *c, int i);
int count_dirents(struct dctx *c, __u64 addr, __s64 len);
void pr_dirents(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __s64 len);
void pr_rusage_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr);
void pr_siginfo_raw(struct rn_strbuf *sb, const __u8 *si);
void pr_sockaddr(struct rn_strbuf *sb, const __u8 *p, size_t len);
/* [{iov_base="ab", iov_len=2}, ...]; out: only the first data bytes (decode_file.c) */
void pr_iov(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 cnt, bool out, __u64 data);
/* flags(X,PFX_): "A|0x40", "0x40 /\* PFX_??? *\/" when no bit has a name (decode_tail2.c) */
/* struct perf_event_attr at addr (perf_event_open, PERF_EVENT_IOC_MODIFY_ATTRIBUTES) */
void pr_perf_attr(struct dctx *c, struct rn_strbuf *sb, __u64 addr);
void pr_flags_unk(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val, const char *pfx);
void dc_flags_unk(struct dctx *c, int i, const struct rn_xlat *x, const char *pfx);
void dc_lflags_unk(struct dctx *c, int i, const struct rn_xlat *x, const char *pfx);
/* The other process's iovecs, addresses and lengths only; a key serial,
 * KEY_SPEC_* by name (decode_tail2.c) */
void pr_iov_addrs(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 cnt);
void pr_key_serial(struct rn_strbuf *sb, __u32 id);
/* An output argument: true when it can be shown, else prints its address
 * (nothing when unfinished); the NUL-terminated text a call wrote into len
 * bytes at addr, cut at -s (decode_tail3.c) */
bool dc_out_ok(struct dctx *c, int i);
void pr_out_text_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len);
void pr_sockaddr_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out);
/* struct msghdr at addr: name, iovecs (out: their data as far as data
 * bytes), control messages, flags (decode_net.c) */
void pr_msghdr_at(struct dctx *c, struct rn_strbuf *sb, int fd, __u64 addr, bool out,
		  __s64 data);
/* msg_control: len bytes at addr as cmsgs, else the address (decode_cmsg.c);
 * pr_cmsgs(): the same from len bytes read of the in_len the msghdr says */
void pr_cmsgs_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out);
void pr_cmsgs(struct dctx *c, struct rn_strbuf *sb, const __u8 *buf, __u64 len, __u64 in_len,
	      __u64 addr);
/* Shared with decode_tail4.c: the other process's iovecs, addresses only, and
 * IOPRIO_PRIO_VALUE(class, data) (decode_tail2.c); struct sigevent, NULL for 0
 * (decode_tail.c). */
void pr_iov_addrs(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 cnt);
void pr_ioprio(struct rn_strbuf *sb, __u32 v);
void pr_sigevent_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr);
/* Argument i, a struct sock_fprog: {len=2, filter=0x...}, the instructions
 * under -v (decode_tail3_ctl.c; seccomp and prctl) */
void pr_sock_fprog(struct dctx *c, int i);
/* classic BPF instruction fields (decode_tail3_ctl.c), for seccomp and socket filters */
extern const char *const rn_cbpf_class[8];
extern const struct rn_xlat rn_cbpf_size[], rn_cbpf_mode[], rn_cbpf_src[], rn_cbpf_alu[],
	rn_cbpf_jmp[], rn_cbpf_rval[], rn_cbpf_misc[];

#endif /* RN_DECODE_INT_H */
