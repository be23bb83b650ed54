// SPDX-License-Identifier: MIT
/*
 * Which netlink protocol a descriptor speaks, for the netlink decoders: the
 * descriptor's path ("socket:[INODE]", from the backend's live view of the
 * task or the path it captured) names the socket's inode, and the task's
 * /proc/PID/net/netlink lists every netlink socket of its network namespace
 * with its protocol ("Eth") and inode. The same works for both backends,
 * since decoding runs in user space while the task lives; a socket that is
 * gone, or a trace read back from a file, prints its buffers as bytes. The
 * eBPF backend records the protocol with the call (RN_REG_NLPROTO), read
 * first.
 */
#include "netlink_int.h"
#include "mem.h"

#include <stdio.h>
#include <sys/xattr.h>
#include <stdlib.h>
#include <string.h>

#define NL_CACHE 16

struct nl_cached {
	unsigned long inode;
	int proto;
};

/* Inodes of sockets do not come back soon: an entry stays right while it lives. */
static __thread struct nl_cached nl_cache[NL_CACHE];
static __thread unsigned nl_cache_next;

/*
 * A netlink socket missing from the table (not bound yet: the kernel binds
 * it at its first send) still is one: strace then decodes its messages
 * without a protocol. The descriptor's protocol name says so.
 */
static int fd_is_netlink(struct dctx *c, int fd)
{
	char path[64], name[16];
	ssize_t n;

	if (!c->mem.live || !c->mem.live->fdpath)
		return -2;	/* no live task to ask */
	snprintf(path, sizeof(path), "/proc/%u/fd/%d", c->mem.ev->tgid, fd);
	n = getxattr(path, "system.sockprotoname", name, sizeof(name) - 1);
	if (n <= 0)
		return -2;
	name[n] = '\0';
	return strcmp(name, "NETLINK") == 0 ? -1 : -2;
}

/* The inode of descriptor fd when it is a socket, else 0. */
static unsigned long fd_socket_inode(struct dctx *c, int fd)
{
	const struct rn_memsrc *live = c->mem.live;
	char path[64];
	const char *p = NULL;
	size_t len = 0;
	long n;

	if (live && live->fdpath) {
		n = live->fdpath(live->ctx, c->mem.ev->tgid, fd, path, sizeof(path));
		if (n > 0 && (size_t)n < sizeof(path)) {
			path[n] = '\0';
			p = path;
		}
	}
	if (!p) {
		p = rn_mem_fdpath(c->mem.ev, fd, &len);
		if (!p || len >= sizeof(path))
			return 0;
		memcpy(path, p, len);
		path[len] = '\0';
		p = path;
	}
	if (strncmp(p, "socket:[", 8) != 0)
		return 0;
	return strtoul(p + 8, NULL, 10);
}

/* The protocol of netlink socket inode in tgid's namespace, or -2. */
static int proc_netlink_proto(__u32 tgid, unsigned long inode)
{
	char path[48], line[256];
	int proto = -2;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%u/net/netlink", tgid);
	f = fopen(path, "re");
	if (!f)
		return -2;
	while (fgets(line, sizeof(line), f)) {
		unsigned long sk, ino;
		int eth;

		/* sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode */
		if (sscanf(line, "%lx %d %*u %*x %*d %*d %*d %*d %*d %lu", &sk, &eth, &ino) == 3 &&
		    ino == inode) {
			proto = eth;
			break;
		}
	}
	fclose(f);
	return proto;
}

int nl_fd_protocol(struct dctx *c, int fd)
{
	int proto = rn_mem_nlproto(c->mem.ev, fd);	/* eBPF: the kernel said */
	unsigned long inode;
	unsigned i;

	if (proto != -3)
		return proto;
	inode = fd >= 0 ? fd_socket_inode(c, fd) : 0;
	if (!inode)
		return -2;
	for (i = 0; i < NL_CACHE; i++)
		if (nl_cache[i].inode == inode)
			return nl_cache[i].proto;
	proto = proc_netlink_proto(c->mem.ev->tgid, inode);
	if (proto == -2)
		return fd_is_netlink(c, fd);
	nl_cache[nl_cache_next % NL_CACHE] = (struct nl_cached){ inode, proto };
	nl_cache_next++;
	return proto;
}
