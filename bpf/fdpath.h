/* SPDX-License-Identifier: MIT */
/*
 * -y on the eBPF backend: what bpf/fdpath.bpf.h and user space share. The
 * kernel resolves the path of each descriptor a call names, as readlink of
 * /proc/PID/fd/N shows it, and puts it in the record as an RN_REG_FDPATH
 * region (addr: the descriptor), so the decoders print "3</etc/passwd>" as
 * they do with the ptrace backend's live lookup.
 */
#ifndef RN_BPF_FDPATH_H
#define RN_BPF_FDPATH_H

/*
 * Per syscall (rodata rn_fdargs[nr], from rn_syscall_fdargs()): which
 * registers hold a descriptor (bit i for argument i), whether the result is
 * one, and whether the call writes a pair of them (pipe's int[2]) at the
 * address in argument RN_FDA_PAIR_ARG().
 */
#define RN_FDA_ARGS	0x3fu		/* bits 0..5: argument i is an fd */
#define RN_FDA_RET	(1u << 6)	/* the result (>= 0) is an fd */
#define RN_FDA_PAIR	(1u << 7)	/* int[2] of fds at an argument, at exit */
#define RN_FDA_PAIR_ARG(m)	(((m) >> 8) & 7u)
#define RN_FDA_PAIR_AT(i)	(RN_FDA_PAIR | ((unsigned)(i) << 8))

/* Longest path put in a record (bytes, NUL not included) and most path
 * components walked; a longer or deeper path is left out (the bare fd
 * prints) and counted, never cut. */
#define RN_FDPATH_CAP	511
#define RN_FDPATH_DEPTH	64

/* Filesystem magics (linux/magic.h) of the pseudo files whose names the
 * kernel makes up instead of walking dentries. */
#define RN_SOCKFS_MAGIC		0x534F434Bu
#define RN_PIPEFS_MAGIC		0x50495045u
#define RN_ANON_INODE_FS_MAGIC	0x09041934u

#define RN_AT_FDCWD	(-100)

#endif /* RN_BPF_FDPATH_H */
