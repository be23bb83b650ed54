// SPDX-License-Identifier: MIT
/* fanotify and file handles, each call once with ordinary arguments and
 * once with odd ones (unknown bits, NULL, a too-small or too-large handle),
 * for tests/integration/t_decode_handles.sh to compare with strace. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <stdlib.h>
#include <sys/fanotify.h>
#include <sys/syscall.h>
#include <unistd.h>

static void handles(void)
{
	struct file_handle *h = malloc(sizeof(*h) + 256);
	int mnt, root;

	if (!h)
		exit(1);
	h->handle_bytes = 128;
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/etc/passwd", h, &mnt, 0);
	root = open("/", O_RDONLY);
	syscall(SYS_open_by_handle_at, root, h, O_RDONLY | O_CLOEXEC);
	syscall(SYS_open_by_handle_at, root, NULL, O_RDONLY);
	h->handle_bytes = 0;
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/etc/passwd", h, &mnt, AT_SYMLINK_FOLLOW);
	syscall(SYS_name_to_handle_at, -1, "/nonexistent", h, &mnt, AT_EMPTY_PATH);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/etc/passwd", NULL, &mnt, 0x200);
	h->handle_bytes = 200;
	syscall(SYS_open_by_handle_at, root, h, O_RDONLY);
}

static void fanotify(void)
{
	int fd = syscall(SYS_fanotify_init, FAN_CLASS_NOTIF | FAN_CLOEXEC, O_RDONLY);

	syscall(SYS_fanotify_mark, fd, FAN_MARK_ADD | FAN_MARK_MOUNT,
		FAN_OPEN | FAN_CLOSE_WRITE | FAN_EVENT_ON_CHILD, AT_FDCWD, "/tmp");
	syscall(SYS_fanotify_mark, fd, FAN_MARK_REMOVE, FAN_MODIFY | FAN_ONDIR, 0, NULL);
	syscall(SYS_fanotify_mark, fd, FAN_MARK_FLUSH, 0, AT_FDCWD, NULL);
	syscall(SYS_fanotify_mark, -1, 0x80000000u, 0x100000000ull, 5, "x");
	syscall(SYS_fanotify_mark, fd, FAN_MARK_ADD | 0x80000000u, FAN_ACCESS | 0x100000000ull,
		fd, NULL);
	syscall(SYS_fanotify_mark, fd, 0x7ec, 0x100fffdfull | 0x58000000ull, fd, NULL);
	syscall(SYS_fanotify_init, FAN_CLASS_CONTENT | FAN_NONBLOCK | FAN_REPORT_FID, O_RDWR);
	syscall(SYS_fanotify_init, FAN_CLASS_PRE_CONTENT | 0x80000000u, 0);
	syscall(SYS_fanotify_init, 0xc, 0);
	syscall(SYS_fanotify_init, 0x1f00, O_CLOEXEC);
}

int main(void)
{
	handles();
	fanotify();
	return 0;
}
