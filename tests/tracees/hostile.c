// SPDX-License-Identifier: MIT
/*
 * A tracee that hands the tracer hostile bytes: every byte value in a write
 * buffer, terminal escape sequences and invalid UTF-8 in paths, and pointers
 * that cannot be read. The tracer's output must stay valid and inert.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	unsigned char all[256];
	int fd = open("/dev/null", O_WRONLY);

	for (int i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	if (fd < 0)
		return 1;
	/* One write per 32-byte slice so -s 32 shows every byte once. */
	for (int i = 0; i < 256; i += 32)
		if (write(fd, all + i, 32) != 32)
			return 1;
	/* A path that would clear the screen and forge a line if printed raw. */
	open("/nonexistent/\033[2J\033[H\r\nforged line\x07", O_RDONLY);
	/* Invalid UTF-8 and a lone continuation byte. */
	open("/nonexistent/\xff\xfe\xc3(\x80", O_RDONLY);
	/* Unreadable pointers: the kernel returns EFAULT, the tracer prints raw. */
	syscall(SYS_openat, AT_FDCWD, (const char *)8, O_RDONLY);
	syscall(SYS_write, fd, (const void *)16, 10);
	close(fd);
	return 0;
}
