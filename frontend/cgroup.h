/* SPDX-License-Identifier: MIT */
/*
 * Cgroups by id: the cgroup v2 id a record carries (the inode number of the
 * cgroup's directory) turned into its path, and the container a path names
 * (docker, containerd/CRI, CRI-O, podman, systemd scopes and slices).
 * Paths are cached by id for the whole run: a record never costs a lookup
 * after the first of its cgroup.
 */
#ifndef RN_CGROUP_H
#define RN_CGROUP_H

#include <linux/types.h>
#include <stdbool.h>
#include <stddef.h>

/* Longest container id kept (a docker/containerd id is 64 hex digits; a
 * systemd unit name up to 255 bytes). */
#define RN_CONTAINER_MAX 256

/* Where cgroup v2 is mounted (from /proc/self/mountinfo), or NULL. */
const char *rn_cgroup_mount(void);

/*
 * The path of cgroup id below the cgroup v2 root ("/system.slice/x.service",
 * "/" for the root), or NULL when it cannot be found (gone before it was
 * first looked up, no cgroup v2). Owned by the cache: valid until
 * rn_cgroup_release().
 */
const char *rn_cgroup_path(__u64 id);

/* The container of cgroup id (rn_cgroup_container_of its path), cached;
 * NULL when the path names none. */
const char *rn_cgroup_container(__u64 id);

/*
 * The container a cgroup path names, written to out (at most outlen bytes,
 * NUL-terminated): the innermost component that is a container runtime's
 * ("docker-ID.scope", "/docker/ID", "cri-containerd-ID.scope", "crio-ID.scope",
 * "crio-ID", "libpod-ID.scope", a 64-hex-digit directory of kubepods) gives the
 * runtime's ID; else a systemd scope or slice ("session-3.scope",
 * "user-1000.slice") gives its unit name. Returns the kind ("docker",
 * "containerd", "crio", "podman", "kubepods", "systemd"), or NULL (out "")
 * when the path names none. Pure: no file system access.
 */
const char *rn_cgroup_container_of(const char *path, char *out, size_t outlen);

/*
 * --cgroup ARG to the absolute directory to trace, malloc'd: a path to a
 * cgroup v2 directory as given, a path below the cgroup v2 mount point
 * ("/system.slice/foo.service"), or a container id (or a unique prefix of
 * at least 4 characters). NULL with a one-line message in err otherwise,
 * naming where cgroup v2 is mounted.
 */
char *rn_cgroup_resolve(const char *arg, char *err, size_t errlen);

/* Drop the cache. */
void rn_cgroup_release(void);
/* Take path as id's, not asking this machine (renacer report: the cgroups of
 * the machine that recorded the trace). */
void rn_cgroup_remember(__u64 id, const char *path);

#endif /* RN_CGROUP_H */
