/* SPDX-License-Identifier: MIT */
/*
 * -yy: what a socket is connected to, as strace prints it
 * ("UNIX-STREAM:[38199->38200]", "TCP:[127.0.0.1:5000->127.0.0.1:41234]",
 * "NETLINK:[ROUTE:1234]"), read through the sock_diag netlink interface.
 */
#ifndef RN_SOCKDIAG_H
#define RN_SOCKDIAG_H

#include <stddef.h>
#include <linux/types.h>

/*
 * The -yy text of descriptor fd of process tgid whose path is path (the
 * rn_memsrc fddetail signature; ctx unused): a socket ("socket:[N]") as
 * rn_sockdiag_describe() says, a character or block device as
 * "/dev/null<char 1:3>". Returns its length, 0 for anything else, or -errno.
 */
long rn_fd_detail(void *ctx, __u32 tgid, int fd, const char *path, char *buf, size_t len);

/*
 * The description of socket inode, open as descriptor fd of process tgid
 * (its protocol name comes from the descriptor's system.sockprotoname), in
 * buf, NUL-terminated and already escaped for a terminal (the rn_memsrc
 * sockinfo signature; ctx unused). A connected socket's description is
 * cached by inode; others are asked again, as their state may change.
 * Returns the length, or -errno when the descriptor is no socket or gone.
 */
long rn_sockdiag_describe(void *ctx, __u32 tgid, int fd, unsigned long inode, char *buf,
			  size_t len);

#endif /* RN_SOCKDIAG_H */
