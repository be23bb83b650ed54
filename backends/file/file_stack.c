// SPDX-License-Identifier: MIT
/*
 * renacer report -k, --source, --stack-format=folded, --function-time: the
 * raw user stacks an eBPF recording carries (RN_REG_STACK regions) are
 * unwound and named by the eBPF backend's own code (backends/ustack.h),
 * against the mappings the recording saved (RNB_FR_MAP frames), with the
 * files found under the same paths on this machine. A file whose build id
 * is not the recorded one is not used: its frames print as addresses, and
 * one line at the end names it. Never a symbol from another build.
 */
#include "file_stack.h"

#include "../ustack.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file checked against a recorded build id. */
struct fs_file {
	struct fs_file *next;
	bool same;
	__u8 len;
	__u8 id[RNB_BUILD_ID_MAX];
	char path[];
};

struct file_stacks {
	struct ebpf_stack *st;
	struct fs_file *files;
	unsigned changed;	/* files not used: another build id */
};

struct file_stacks *file_stack_new(int verbose)
{
	struct file_stacks *fs = calloc(1, sizeof(*fs));

	if (!fs)
		return NULL;
	fs->st = rn_ustack_offline_new(verbose);
	if (!fs->st) {
		free(fs);
		return NULL;
	}
	return fs;
}

/* Is the file at path the build the recording mapped? */
static bool same_build(struct file_stacks *fs, const char *path, const __u8 *id, unsigned len)
{
	struct fs_file *f;
	size_t plen = strlen(path);
	__u8 now[RNB_BUILD_ID_MAX];
	unsigned n;

	if (!len)
		return true;	/* none recorded: nothing to check against */
	for (f = fs->files; f; f = f->next)
		if (f->len == len && !memcmp(f->id, id, len) && !strcmp(f->path, path))
			return f->same;
	n = rnb_build_id(path, now);
	f = calloc(1, sizeof(*f) + plen + 1);
	if (!f)
		return n == len && !memcmp(now, id, len);
	f->same = n == len && !memcmp(now, id, len);
	f->len = (__u8)len;
	memcpy(f->id, id, len);
	memcpy(f->path, path, plen + 1);
	f->next = fs->files;
	fs->files = f;
	fs->changed += !f->same;
	return f->same;
}

int file_stack_map(struct file_stacks *fs, const struct rnb_item *it)
{
	struct rnb_map m;
	char path[4097];
	struct rn_ustack_mapping um;

	if (it->len < sizeof(m))
		return 0;
	memcpy(&m, it->body, sizeof(m));
	if (!m.path_len || m.path_len >= sizeof(path) || m.path_len > it->len - sizeof(m) ||
	    m.build_id_len > RNB_BUILD_ID_MAX)
		return 0;
	memcpy(path, (const char *)it->body + sizeof(m), m.path_len);
	path[m.path_len] = '\0';
	um = (struct rn_ustack_mapping){
		.start = m.start, .end = m.end, .off = m.off, .ino = m.ino,
		.dev_major = m.dev_major, .dev_minor = m.dev_minor, .path = path,
	};
	if (path[0] == '/' && !same_build(fs, path, m.build_id, m.build_id_len))
		um.path = NULL;
	rn_ustack_offline_map(fs->st, m.tgid, &um);
	return 0;
}

void file_stack_seen(struct file_stacks *fs, const struct rn_event *evs, size_t n)
{
	if (fs)
		rn_ustack_offline_seen(fs->st, evs, n);
}

void file_stack_done(struct file_stacks *fs, const struct rn_event *evs, size_t n)
{
	if (fs)
		rn_ustack_offline_done(fs->st, evs, n);
}

bool file_stack_ends(const struct file_stacks *fs, const struct rn_event *ev)
{
	return fs && rn_ustack_offline_ends(ev);
}

long file_stack_unwind(struct file_stacks *fs, const struct rn_event *ev, const __u64 *ips,
		       size_t nips, struct rn_frame *frames, size_t max, int how)
{
	if (ips)
		return rn_ustack_offline_frames(fs->st, ev->tgid, ips, nips, frames, max, how);
	return rn_ustack_offline_stack(fs->st, ev, frames, max, how);
}

/* A path from the file, as printable text (\xHH for other bytes). */
static void put_path(const char *p)
{
	fputc(' ', stderr);
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 0x20 && c < 0x7f && c != '\\')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
}

static void say_changed(const struct file_stacks *fs)
{
	unsigned shown = 0;

	if (!fs->changed)
		return;
	fprintf(stderr, "renacer: %u mapped file%s changed since the recording (another build "
		"id, or missing here), %s frames printed as addresses:", fs->changed,
		fs->changed == 1 ? "" : "s", fs->changed == 1 ? "its" : "their");
	for (const struct fs_file *f = fs->files; f && shown < 3; f = f->next) {
		if (f->same)
			continue;
		put_path(f->path);
		shown++;
	}
	fprintf(stderr, "%s\n", fs->changed > shown ? " ..." : "");
}

void file_stack_free(struct file_stacks *fs)
{
	if (!fs)
		return;
	say_changed(fs);
	rn_ustack_offline_free(fs->st);
	while (fs->files) {
		struct fs_file *f = fs->files;

		fs->files = f->next;
		free(f);
	}
	free(fs);
}
