/* SPDX-License-Identifier: MIT */
/*
 * Per-syscall capture descriptors: which argument points at memory worth
 * copying into the event payload, how long it is and when to copy it.
 *
 * One table (syscalls/syscalls.c, rn_syscall_capture()) serves both
 * backends: the ptrace backend copies "entry" regions at syscall entry (the
 * memory may be gone or changed at exit: execve, a racing thread) and lets the
 * decoder read the rest live at exit; the eBPF backend loads the table into a
 * map and copies every region in the kernel. Included by BPF code.
 */
#ifndef RN_CAPTURE_H
#define RN_CAPTURE_H

#include "event.h"

enum rn_cap_kind {
	RN_CAP_NONE = 0,
	RN_CAP_STR,		/* NUL-terminated string (path, name) */
	RN_CAP_BUF_ARG,		/* buffer, length in argument len_arg (write) */
	RN_CAP_BUF_RET,		/* buffer filled by the call, length = return (read) */
	RN_CAP_FIXED,		/* structure of size bytes (struct stat, timespec) */
	RN_CAP_SOCKADDR_ARG,	/* sockaddr, length in argument len_arg (connect) */
	RN_CAP_SOCKADDR_PTR,	/* sockaddr, length in *(int *)argument len_arg (accept) */
	RN_CAP_ARGV,		/* NULL-terminated array of strings (execve argv) */
	RN_CAP_FIXED_ARGN,	/* array: size bytes per element, count in argument len_arg */
};

struct rn_cap_arg {
	__u8 kind;		/* enum rn_cap_kind */
	__u8 at_exit;		/* 1: copy at syscall exit, only when it succeeded */
	__u8 len_arg;		/* argument index holding the length, where used */
	__u8 _pad;
	__u32 size;		/* RN_CAP_FIXED: bytes; elsewhere 0 */
};

/*
 * What the argument descriptors cannot say: memory reached through a pointer
 * inside captured memory (io_submit's iocbs, writev's data), or whose size or
 * direction depends on a command argument (keyctl, quotactl). The eBPF
 * backend runs the chain's function (bpf/chain.bpf.h) at the call's exit,
 * after the argument captures, and for some (RN_CHAIN_AT_ENTRY) keeps an
 * input at entry as well. The ptrace backend ignores it: its decoders read
 * such memory live.
 */
enum rn_cap_chain {
	RN_CHAIN_NONE = 0,
	RN_CHAIN_SOCK,		/* sendto .. recvmsg: netlink protocol, msghdr (sockmsg.bpf.h) */
	RN_CHAIN_PARENT_TID,	/* clone, clone3: the new thread's id written via parent_tid */
	RN_CHAIN_DIRENTS,	/* getdents64: the record count */
	RN_CHAIN_IOV_IN,	/* writev, ...: the data of the iovecs in argument 1 */
	RN_CHAIN_IOV_OUT,	/* readv, ...: the same, as far as the call filled them */
	RN_CHAIN_AIO,		/* io_submit: the iocbs, a write's data, the iovecs */
	RN_CHAIN_SIGSETP,	/* {sigset pointer, size} in argument 5: the set */
	RN_CHAIN_URING_REG,	/* io_uring_register: by opcode */
	RN_CHAIN_KEYCTL,	/* keyctl: by command */
	RN_CHAIN_QUOTA,		/* quotactl: addr by command */
	RN_CHAIN_QUOTA_FD,	/* quotactl_fd: the same, the command in argument 1 */
	RN_CHAIN_MSG_IN,	/* msgsnd: struct msgbuf, mtext as long as msgsz */
	RN_CHAIN_MSG_OUT,	/* msgrcv: the same, once the call succeeded */
	RN_CHAIN_MINCORE,	/* mincore: the vector, one byte a page */
	RN_CHAIN_PTRACE,	/* ptrace: GETREGSET's iovec and the registers */
	RN_CHAIN_SECCOMP,	/* seccomp: SET_MODE_FILTER's instructions (shown under -v) */
	RN_CHAIN_SOCKOPT,	/* setsockopt: a structure longer than -s (group_req) */
	RN_CHAIN_IOCTL,		/* ioctl: structures behind pointers in the argument */
	RN_CHAIN_IPC_CTL,	/* shmctl, msgctl: IPC_SET's input on a failed call */
	RN_CHAIN_IPC_CTL3,	/* semctl: the same, command and buffer one further */
	RN_CHAIN_BPF,		/* bpf: strings and arrays behind the attr's pointers */
	RN_CHAIN_MMSG_IN,	/* sendmmsg: the mmsghdrs, their names, iovecs, data, control */
	RN_CHAIN_MMSG_OUT,	/* recvmmsg: the same for the messages received; the timeout */
	RN_CHAIN_MAX,
};

/* The chains that also keep inputs at entry (an iovec length, io_uring's
 * worker limits, io_submit's iocbs, SIOCGIFCONF's ifc_len, recvmmsg's
 * timeout: values the call overwrites). */
static inline int rn_chain_at_entry(__u32 chain)
{
	return chain == RN_CHAIN_SOCK || chain == RN_CHAIN_URING_REG || chain == RN_CHAIN_PTRACE ||
	       chain == RN_CHAIN_AIO || chain == RN_CHAIN_IOCTL || chain == RN_CHAIN_MMSG_OUT;
}

struct rn_cap_desc {
	struct rn_cap_arg arg[RN_MAX_ARGS];
	__u32 chain;		/* enum rn_cap_chain */
	__u32 _pad;
};

_Static_assert(sizeof(struct rn_cap_arg) == 8, "rn_cap_arg size");
_Static_assert(sizeof(struct rn_cap_desc) == 56, "rn_cap_desc size");

#endif /* RN_CAPTURE_H */
