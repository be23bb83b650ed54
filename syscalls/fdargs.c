// SPDX-License-Identifier: MIT
/*
 * Which registers of a call hold file descriptors, for -y on the eBPF
 * backend (bpf/fdpath.h): the kernel resolves exactly those, so the record
 * carries the paths the decoders will ask for and nothing more. Taken from
 * the syscall table (fd and dirfd kinds; for a call with its own decoder,
 * -P's 'f' roles; an fd result); what the rows do not say is listed here.
 * A call without a decoder prints its fds as plain numbers: none.
 * tests/test_fdargs.c checks the result against what every decoder asks.
 */
#include "syscalls.h"

#include <asm/unistd_64.h>

#include "../bpf/fdpath.h"
#include "decode_int.h"

/* Calls whose decoder prints descriptors the table rows do not name; with
 * only, the mask replaces what the row says (mq_open's default -P role
 * calls its name an fd). */
static const struct {
	int nr;
	unsigned mask;
	bool only;
} fdargs_extra[] = {
	{ __NR_mq_open, RN_FDA_RET, true },
	{ __NR_socket, RN_FDA_RET },
	{ __NR_connect, 1 },
	{ __NR_accept, 1 | RN_FDA_RET },
	{ __NR_accept4, 1 | RN_FDA_RET },
	{ __NR_sendto, 1 },
	{ __NR_recvfrom, 1 },
	{ __NR_sendmsg, 1 },
	{ __NR_recvmsg, 1 },
	{ __NR_sendmmsg, 1 },
	{ __NR_recvmmsg, 1 },
	{ __NR_bind, 1 },
	{ __NR_getsockname, 1 },
	{ __NR_getpeername, 1 },
	{ __NR_setsockopt, 1 },
	{ __NR_getsockopt, 1 },
	{ __NR_signalfd, RN_FDA_RET },
	{ __NR_signalfd4, RN_FDA_RET },
	{ __NR_pipe, RN_FDA_PAIR_AT(0) },
	{ __NR_pipe2, RN_FDA_PAIR_AT(0) },
	{ __NR_socketpair, RN_FDA_PAIR_AT(3) },
};

unsigned rn_syscall_fdargs(long nr)
{
	const struct rn_syscall_info *si = rn_syscall(nr);
	unsigned mask = 0, i;

	if (!si)
		return 0;
	for (i = 0; si->args && i < si->nargs && si->args[i].kind != RN_AK_NONE; i++)
		if (si->args[i].kind == RN_AK_FD || si->args[i].kind == RN_AK_DIRFD)
			mask |= 1u << i;
	/* a call with its own decoder: -P's roles say where its fds are */
	for (i = 0; !si->args && si->decode && si->roles && si->roles[i] && i < RN_MAX_ARGS; i++)
		if (si->roles[i] == 'f')
			mask |= 1u << i;
	if (si->returns_fd || si->ret == RV_FD)
		mask |= RN_FDA_RET;
	for (i = 0; i < sizeof(fdargs_extra) / sizeof(fdargs_extra[0]); i++)
		if (fdargs_extra[i].nr == nr)
			mask = fdargs_extra[i].mask | (fdargs_extra[i].only ? 0 : mask);
	return mask;
}
