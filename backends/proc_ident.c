// SPDX-License-Identifier: MIT
#include "proc_ident.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char cg2_mount[PATH_MAX];
static int cg2_state;	/* 0 not looked for, 1 found, -1 none */

/* mountinfo: field 5 is the mount point; after " - " the fs type. */
static bool cgroup2_line(char *line)
{
	char *sep = strstr(line, " - "), *save = NULL, *tok;
	int i;

	if (!sep || strncmp(sep + 3, "cgroup2 ", 8))
		return false;
	tok = strtok_r(line, " ", &save);
	for (i = 1; tok && i < 5; i++)
		tok = strtok_r(NULL, " ", &save);
	if (!tok)
		return false;
	snprintf(cg2_mount, sizeof(cg2_mount), "%s", tok);
	return true;
}

const char *rn_proc_cgroup2_mount(void)
{
	char line[4096];
	FILE *f;

	if (cg2_state)
		return cg2_state > 0 ? cg2_mount : NULL;
	cg2_state = -1;
	f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		if (cgroup2_line(line)) {
			cg2_state = 1;
			break;
		}
	}
	fclose(f);
	return cg2_state > 0 ? cg2_mount : NULL;
}

/* "0::/PATH" of /proc/TID/cgroup: the cgroup v2 directory's inode. */
static __u64 proc_cgroup_id(int tid)
{
	const char *mnt = rn_proc_cgroup2_mount();
	char path[64], line[PATH_MAX], dir[2 * PATH_MAX + 8];
	__u64 id = 0;
	struct stat st;
	FILE *f;

	if (!mnt)
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/cgroup", tid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "0::", 3))
			continue;
		line[strcspn(line, "\n")] = 0;
		snprintf(dir, sizeof(dir), "%s%s", mnt, line + 3);
		if (stat(dir, &st) == 0)
			id = st.st_ino;
		break;
	}
	fclose(f);
	return id;
}

int rn_proc_ident(int tid, struct rn_proc_ident *id)
{
	char path[64], line[256];
	unsigned v;
	ssize_t n;
	FILE *f;
	int fd;

	memset(id, 0, sizeof(*id));
	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (!f)
		return -ESRCH;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "PPid: %u", &v) == 1)
			id->ppid = v;
		else if (sscanf(line, "Uid: %u", &v) == 1)
			id->uid = v;
		else if (sscanf(line, "Gid: %u", &v) == 1)
			id->gid = v;
	}
	fclose(f);
	/* the name from comm, not status' Name: (that one is escaped) */
	snprintf(path, sizeof(path), "/proc/%d/comm", tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, id->comm, sizeof(id->comm));
		close(fd);
		if (n > 0 && id->comm[n - 1] == '\n')
			id->comm[n - 1] = 0;
		if (n >= (ssize_t)sizeof(id->comm))
			id->comm[sizeof(id->comm) - 1] = 0;
	}
	id->cgroup_id = proc_cgroup_id(tid);
	return 0;
}
