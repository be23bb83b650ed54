// SPDX-License-Identifier: MIT
/* -Y: command names per tid, read from /proc once and cached. */
#include "comm.h"
#include "../backends/event.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void rn_comm_init(struct rn_comm *c)
{
	rn_tidmap_init(&c->map);
}

void rn_comm_release(struct rn_comm *c)
{
	for (size_t i = 0; i < c->map.cap; i++)
		if (c->map.keys[i])
			free(c->map.vals[i]);
	rn_tidmap_release(&c->map);
}

/* The kernel keeps 15 bytes; a name may hold any byte but NUL. */
static void store(char *dst, const char *name, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	for (size_t i = 0; i < n && i < 15 && name[i]; i++) {
		unsigned char ch = (unsigned char)name[i];

		if (ch >= 0x20 && ch < 0x7f && ch != '\\' && ch != '<' && ch != '>') {
			dst[o++] = (char)ch;
		} else {
			dst[o++] = '\\';
			dst[o++] = 'x';
			dst[o++] = hex[ch >> 4];
			dst[o++] = hex[ch & 15];
		}
	}
	dst[o] = '\0';
}

/* /proc/TID/comm into dst, "" when it cannot be read. */
static void read_proc(char *dst, __u32 tid)
{
	char path[32], buf[32];
	ssize_t n = -1;
	int fd;

	snprintf(path, sizeof(path), "/proc/%u/comm", tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, buf, sizeof(buf));
		close(fd);
	}
	if (n > 0 && buf[n - 1] == '\n')
		n--;
	store(dst, buf, n > 0 ? (size_t)n : 0);
}

static char *slot(struct rn_comm *c, __u32 tid, int *is_new)
{
	void **v = rn_tidmap_get(&c->map, tid, is_new);

	if (!v)
		return NULL;
	if (!*v)
		*v = malloc(RN_COMM_MAX);
	if (!*v)
		rn_tidmap_remove(&c->map, tid);
	return *v;
}

const char *rn_comm_get(struct rn_comm *c, __u32 tid)
{
	int is_new;
	char *s = slot(c, tid, &is_new);

	if (!s)
		return NULL;
	if (is_new && c->lookup) {
		const char *name = c->lookup(c->lookup_ctx, tid);

		store(s, name ? name : "", name ? strnlen(name, 16) : 0);
	} else if (is_new) {
		read_proc(s, tid);
	}
	return *s ? s : NULL;
}

bool rn_comm_cached(struct rn_comm *c, __u32 tid)
{
	for (size_t i = 0; i < c->map.cap; i++)
		if (c->map.keys[i] == tid)
			return true;
	return false;
}

void rn_comm_offline(struct rn_comm *c, const char *(*fn)(void *ctx, __u32 tid), void *ctx)
{
	c->lookup = fn;
	c->lookup_ctx = ctx;
}

__u32 rn_comm_ppid(const struct rn_comm *c, const struct rn_event *ev)
{
	char path[40], line[128];
	unsigned ppid = 0;
	FILE *f;

	/* the parent the backend saw at the call: /proc may be gone by now
	 * (a short-lived child read after its exit) */
	if (ev->flags & RN_F_IDENT)
		return ev->ppid;
	if (c->lookup)
		return 0;
	snprintf(path, sizeof(path), "/proc/%u/status", ev->tid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "PPid: %u", &ppid) == 1)
			break;
	fclose(f);
	return ppid;
}

void rn_comm_set(struct rn_comm *c, __u32 tid, const char *name, size_t n)
{
	int is_new;
	char *s = slot(c, tid, &is_new);

	if (s)
		store(s, name, n);
}

void rn_comm_forget(struct rn_comm *c, __u32 tid)
{
	free(rn_tidmap_remove(&c->map, tid));
}
