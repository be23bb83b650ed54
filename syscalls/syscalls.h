/* SPDX-License-Identifier: MIT */
/* The x86_64 syscall table: names, classes, argument kinds and roles, capture, decoders. */
#ifndef RN_SYSCALLS_H
#define RN_SYSCALLS_H

#include <stdbool.h>

#include "../backends/backend.h"
#include "../backends/capture.h"

/* Class flags, as used by -e trace=%file and friends. */
#define RN_TF	 (1u << 0)	/* %file: takes a file name */
#define RN_TD	 (1u << 1)	/* %desc: takes or returns a file descriptor */
#define RN_TN	 (1u << 2)	/* %network */
#define RN_TP	 (1u << 3)	/* %process */
#define RN_TM	 (1u << 4)	/* %memory */
#define RN_TS	 (1u << 5)	/* %signal */
#define RN_TI	 (1u << 6)	/* %ipc */
#define RN_TC	 (1u << 7)	/* %creds */
#define RN_TCL	 (1u << 8)	/* %clock */
#define RN_TST	 (1u << 9)	/* %stat */
#define RN_TLST	 (1u << 10)	/* %lstat */
#define RN_TFST	 (1u << 11)	/* %fstat */
#define RN_TSTA	 (1u << 12)	/* %%stat: any stat variant */
#define RN_TSF	 (1u << 13)	/* %statfs */
#define RN_TFSF	 (1u << 14)	/* %fstatfs */
#define RN_TSFA	 (1u << 15)	/* %%statfs */
#define RN_TPU	 (1u << 16)	/* %pure: no arguments, always succeeds */

struct dctx;
struct rn_xlat;

/* How an argument prints (syscalls.def's args=; decode_args.c prints them). */
enum rn_arg_kind {
	RN_AK_NONE = 0,		/* ends a kind list */
	RN_AK_INT,		/* signed 32-bit decimal */
	RN_AK_UINT,		/* unsigned 32-bit decimal */
	RN_AK_LONG,		/* signed 64-bit decimal */
	RN_AK_ULONG,		/* unsigned 64-bit decimal */
	RN_AK_HEX,		/* 0x... */
	RN_AK_PTR,		/* 0x... or NULL */
	RN_AK_MODE,		/* 0644 */
	RN_AK_FD,		/* 3, or 3</path> under -y */
	RN_AK_DIRFD,		/* as RN_AK_FD, AT_FDCWD by name */
	RN_AK_PATH,		/* "/etc/passwd", cut at PATH_MAX only */
	RN_AK_STR,		/* "name", cut at -s */
	RN_AK_BUF,		/* input bytes, their count in the next argument */
	RN_AK_OUTBUF,		/* bytes the call filled, as many as it returned; exit */
	RN_AK_SIGNAL,		/* SIGTERM */
	RN_AK_TIMESPEC,		/* an input struct timespec */
	RN_AK_FLAGS,		/* A|B|0x40 from xl */
	RN_AK_ENUM,		/* a name from xl, else the value printed with fmt */
	RN_AK_PID,		/* a process or thread id: 1234<cat> under -Y */
	RN_AK_LOFFP,		/* a pointer to an input loff_t: [4096], or NULL */
	RN_AK_XINT,		/* an unsigned int in hex: 0xffffffff */
	RN_AK_COUNT,
};

struct rn_arg_desc {
	unsigned char kind;		/* enum rn_arg_kind */
	unsigned char wide;		/* RN_AK_FLAGS, RN_AK_ENUM: the C type is a long, all
					 * 64 bits print; else an int, its low 32 bits */
	const struct rn_xlat *xl;	/* RN_AK_FLAGS, RN_AK_ENUM */
	const char *fmt;		/* RN_AK_ENUM: printf format of an unknown value;
				 * RN_AK_FLAGS: the prefix of an unknown "0x40 PFX_???" */
};

/*
 * One syscall, generated from syscalls/syscalls.def by scripts/gen-syscalls.py
 * (build/gen/syscalls_tbl.h): every layer reads the same row.
 */
struct rn_syscall_info {
	const char *name;	/* NULL for a hole in the table */
	unsigned nargs;
	unsigned flags;		/* RN_T* */
	/*
	 * What each argument is to -P path tracking, one letter per argument
	 * (the string may be shorter than nargs): 'f' a file descriptor, 'p' a
	 * path, 'P' a struct pollfd array (count in the next argument), 'S'
	 * select's nfds followed by three fd_set pointers, '-' neither.
	 */
	const char *roles;
	bool returns_fd;	/* the result is a new fd for the file the arguments name */
	unsigned char ret;	/* how the result prints: enum ret_kind (decode_int.h) */
	const struct rn_arg_desc *args;	/* nargs kinds and RN_AK_NONE, or NULL */
	void (*decode)(struct dctx *c);	/* NULL: the raw arguments in hex */
	struct rn_cap_desc cap;	/* what the backends capture */
};

/* Table entry for nr, or NULL when nr is not a known syscall. */
const struct rn_syscall_info *rn_syscall(long nr);
/* Syscall number for name, or -1. */
long rn_syscall_by_name(const char *name);
/* Capture descriptor for nr (all RN_CAP_NONE for unknown numbers). */
const struct rn_cap_desc *rn_syscall_capture(long nr);
/* Which registers of nr hold file descriptors, as bpf/fdpath.h's RN_FDA_*
 * bits (syscalls/fdargs.c); 0 for unknown numbers. */
unsigned rn_syscall_fdargs(long nr);

/*
 * Memory reached through a captured argument that the decoder wants as the
 * call found it as well (bpf(BPF_OBJ_GET_INFO_BY_FD)'s info, whose counts
 * go in and come back changed: "nr_map_ids=0 => 7"). arg is argument i's
 * captured bytes (len of them). Returns the length to copy at *addr, at
 * most RN_BPF_INFO_MAX, or 0 (syscalls/decode_bpf.c).
 */
#define RN_BPF_INFO_MAX	256
size_t rn_syscall_entry_chain(long nr, const __u64 *args, int i, const void *arg, size_t len,
			      __u64 *addr);

#endif /* RN_SYSCALLS_H */
