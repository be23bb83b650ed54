// SPDX-License-Identifier: MIT
/* Cgroup ids to paths and containers (see cgroup.h). */
#include "cgroup.h"

#include "../backends/proc_ident.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif

#define CG_BUCKETS 1024

struct cg_node {
	struct cg_node *next;
	__u64 id;
	char *path;		/* NULL: looked for and not found */
	char *container;	/* NULL: names none */
};

static struct cg_node *cg_table[CG_BUCKETS];
static char cg_mount[PATH_MAX];
static int cg_handle_type = -1;	/* the mount's file handle type, or -1 */

const char *rn_cgroup_mount(void)
{
	const char *m = rn_proc_cgroup2_mount();

	if (m && !cg_mount[0])
		snprintf(cg_mount, sizeof(cg_mount), "%s", m);
	return m;
}

/* --- id -> path */

/* The cgroup's directory opened by its id: on cgroup v2 a file handle is
 * the 8-byte id itself. Needs CAP_DAC_READ_SEARCH; -1 where refused. */
static int open_by_id(__u64 id)
{
	struct { struct file_handle fh; __u64 id; } h = { .fh.handle_bytes = 8 };
	int mfd, fd;
	int mid;

	if (cg_handle_type < 0) {
		struct { struct file_handle fh; unsigned char b[64]; } probe = {
			.fh.handle_bytes = 64 };

		if (name_to_handle_at(AT_FDCWD, cg_mount, &probe.fh, &mid, 0) < 0 ||
		    probe.fh.handle_bytes != 8)
			return -1;
		cg_handle_type = probe.fh.handle_type;
	}
	h.fh.handle_type = cg_handle_type;
	memcpy(h.fh.f_handle, &id, sizeof(id));
	mfd = open(cg_mount, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (mfd < 0)
		return -1;
	fd = open_by_handle_at(mfd, &h.fh, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	close(mfd);
	return fd;
}

/* "/sys/fs/cgroup/a/b" -> "/a/b"; the mount point itself -> "/". */
static char *below_mount(const char *abs)
{
	size_t m = strlen(cg_mount);

	if (strncmp(abs, cg_mount, m) || (abs[m] && abs[m] != '/'))
		return NULL;
	return strdup(abs[m] ? abs + m : "/");
}

static char *path_by_handle(__u64 id)
{
	char link[64], abs[PATH_MAX];
	int fd = open_by_id(id);
	ssize_t n;

	if (fd < 0)
		return NULL;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, abs, sizeof(abs) - 1);
	close(fd);
	if (n <= 0)
		return NULL;
	abs[n] = 0;
	return below_mount(abs);
}

/* Without the handle: walk the tree for the directory with that inode. */
static __u64 walk_want;
static char *walk_found;

static int walk_id(const char *p, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	if (type != FTW_D || (__u64)st->st_ino != walk_want)
		return 0;
	walk_found = below_mount(p);
	return 1;
}

static char *path_by_walk(__u64 id)
{
	walk_want = id;
	walk_found = NULL;
	nftw(cg_mount, walk_id, 16, FTW_PHYS | FTW_MOUNT);
	return walk_found;
}

static struct cg_node **cg_bucket(__u64 id)
{
	return &cg_table[(id * 0x9e3779b97f4a7c15ull) >> 54 & (CG_BUCKETS - 1)];
}

static void cg_set_path(struct cg_node *n, char *path)
{
	char cont[RN_CONTAINER_MAX];

	free(n->path);
	free(n->container);
	n->path = path;
	n->container = NULL;
	if (n->path && rn_cgroup_container_of(n->path, cont, sizeof(cont)))
		n->container = strdup(cont);
}

static struct cg_node *cg_lookup(__u64 id)
{
	struct cg_node **b = cg_bucket(id);
	struct cg_node *n;

	for (n = *b; n; n = n->next)
		if (n->id == id)
			return n;
	n = calloc(1, sizeof(*n));
	if (!n)
		return NULL;
	n->id = id;
	if (rn_cgroup_mount()) {
		char *path = path_by_handle(id);

		cg_set_path(n, path ? path : path_by_walk(id));
	}
	n->next = *b;
	*b = n;
	return n;
}

void rn_cgroup_remember(__u64 id, const char *path)
{
	struct cg_node **b = cg_bucket(id), *n;

	for (n = *b; n; n = n->next)
		if (n->id == id)
			break;
	if (!n) {
		n = calloc(1, sizeof(*n));
		if (!n)
			return;
		n->id = id;
		n->next = *b;
		*b = n;
	}
	cg_set_path(n, strdup(path));
}

const char *rn_cgroup_path(__u64 id)
{
	struct cg_node *n = id ? cg_lookup(id) : NULL;

	return n ? n->path : NULL;
}

const char *rn_cgroup_container(__u64 id)
{
	struct cg_node *n = id ? cg_lookup(id) : NULL;

	return n ? n->container : NULL;
}

void rn_cgroup_release(void)
{
	for (size_t i = 0; i < CG_BUCKETS; i++) {
		while (cg_table[i]) {
			struct cg_node *n = cg_table[i];

			cg_table[i] = n->next;
			free(n->path);
			free(n->container);
			free(n);
		}
	}
}

/* --- path -> container */

static bool all_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* "PFXID.scope" or "PFXID" (sfx optional) with ID hex, at least 12 digits. */
static bool runtime_id(const char *c, size_t n, const char *pfx, const char **id, size_t *idn)
{
	size_t p = strlen(pfx);

	if (n <= p || strncmp(c, pfx, p))
		return false;
	c += p;
	n -= p;
	if (n > 6 && !memcmp(c + n - 6, ".scope", 6))
		n -= 6;
	if (n < 12 || !all_hex(c, n))
		return false;
	*id = c;
	*idn = n;
	return true;
}

static const struct { const char *pfx, *kind; } runtimes[] = {
	{ "docker-", "docker" },
	{ "cri-containerd-", "containerd" },
	{ "crio-", "crio" },
	{ "libpod-", "podman" },
};

/* The runtime kind of one path component (with its parent), or NULL. */
static const char *component_kind(const char *c, size_t n, const char *parent, size_t pn,
				  bool kube, const char **id, size_t *idn)
{
	for (size_t i = 0; i < sizeof(runtimes) / sizeof(runtimes[0]); i++)
		if (runtime_id(c, n, runtimes[i].pfx, id, idn))
			return runtimes[i].kind;
	if (n >= 12 && all_hex(c, n)) {
		*id = c;
		*idn = n;
		if (pn == 6 && !memcmp(parent, "docker", 6))
			return "docker";	/* cgroupfs driver: /docker/ID */
		if (kube && n == 64)
			return "kubepods";	/* /kubepods/.../pod.../ID */
	}
	return NULL;
}

static const char *put_id(char *out, size_t outlen, const char *id, size_t n, const char *kind)
{
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, id, n);
	out[n] = 0;
	return kind;
}

const char *rn_cgroup_container_of(const char *path, char *out, size_t outlen)
{
	const char *comp[64], *kind, *id, *unit = NULL;
	size_t len[64], ncomp = 0, idn, unitn = 0;
	bool kube = strstr(path, "kubepods") != NULL;

	if (!outlen)
		return NULL;
	out[0] = 0;
	for (const char *s = path; *s && ncomp < 64;) {
		while (*s == '/')
			s++;
		if (!*s)
			break;
		comp[ncomp] = s;
		while (*s && *s != '/')
			s++;
		len[ncomp] = (size_t)(s - comp[ncomp]);
		ncomp++;
	}
	/* innermost first: a container's own sub-cgroups still name it */
	for (size_t i = ncomp; i-- > 0;) {
		kind = component_kind(comp[i], len[i], i ? comp[i - 1] : "", i ? len[i - 1] : 0,
				      kube, &id, &idn);
		if (kind)
			return put_id(out, outlen, id, idn, kind);
		if (!unit && i == ncomp - 1 &&
		    ((len[i] > 6 && !memcmp(comp[i] + len[i] - 6, ".scope", 6)) ||
		     (len[i] > 6 && !memcmp(comp[i] + len[i] - 6, ".slice", 6)))) {
			unit = comp[i];
			unitn = len[i];
		}
	}
	return unit ? put_id(out, outlen, unit, unitn, "systemd") : NULL;
}

/* --- --cgroup ARG */

static const char *find_want;
static char *find_found, *find_id;
static int find_matches;

static int walk_container(const char *p, const struct stat *st, int type, struct FTW *ftw)
{
	char cont[RN_CONTAINER_MAX];
	const char *kind;
	size_t n = strlen(find_want);

	(void)st;
	(void)ftw;
	if (type != FTW_D)
		return 0;
	kind = rn_cgroup_container_of(p + strlen(cg_mount), cont, sizeof(cont));
	if (!kind || (strcmp(kind, "systemd") ? strncmp(cont, find_want, n) : strcmp(cont, find_want)))
		return 0;
	/* nftw visits parents first: a container's sub-cgroups name the same id */
	if (find_id && !strcmp(find_id, cont))
		return 0;
	find_matches++;
	if (!find_found) {
		find_found = strdup(p);
		find_id = strdup(cont);
	}
	return 0;
}

static bool is_cgroup2_dir(const char *p)
{
	struct statfs sfs;
	struct stat st;

	return statfs(p, &sfs) == 0 && sfs.f_type == CGROUP2_SUPER_MAGIC &&
	       stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *by_container(const char *arg, const char *mnt, char *err, size_t errlen)
{
	char *ret;

	find_want = arg;
	find_found = find_id = NULL;
	find_matches = 0;
	nftw(mnt, walk_container, 16, FTW_PHYS | FTW_MOUNT);
	ret = find_found;
	if (find_matches > 1) {
		snprintf(err, errlen, "--cgroup '%s' names %d containers: give more of the id",
			 arg, find_matches);
		free(ret);
		ret = NULL;
	} else if (!ret) {
		snprintf(err, errlen, "--cgroup '%s': no such cgroup or container "
			 "(cgroup v2 is mounted at %s)", arg, mnt);
	}
	free(find_id);
	find_id = NULL;
	return ret;
}

char *rn_cgroup_resolve(const char *arg, char *err, size_t errlen)
{
	const char *mnt = rn_cgroup_mount();
	char below[PATH_MAX];
	int e;

	if (is_cgroup2_dir(arg))
		return strdup(arg);
	e = errno;
	if (!mnt) {
		snprintf(err, errlen, "--cgroup needs cgroup v2, and none is mounted");
		return NULL;
	}
	if (arg[0] == '/' && strncmp(arg, mnt, strlen(mnt))) {
		snprintf(below, sizeof(below), "%s%s", mnt, arg);
		if (is_cgroup2_dir(below))
			return strdup(below);
	}
	if (!strchr(arg, '/') && strlen(arg) >= 4)
		return by_container(arg, mnt, err, errlen);
	if (access(arg, F_OK) == 0)
		snprintf(err, errlen, "--cgroup needs a cgroup v2 directory: '%s' is not "
			 "(cgroup v2 is mounted at %s)", arg, mnt);
	else
		snprintf(err, errlen, "cannot use cgroup '%s': %s (cgroup v2 is mounted at %s)",
			 arg, strerror(e ? e : ENOENT), mnt);
	return NULL;
}
