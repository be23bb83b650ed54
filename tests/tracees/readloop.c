// SPDX-License-Identifier: MIT
/* N one-byte reads of /dev/zero (N = argv[1], default 100), then exit 0.
 * Also the syscall-heavy workload of bench/run. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100;
	int fd = open("/dev/zero", O_RDONLY);
	char c;

	if (fd < 0) {
		perror("readloop: /dev/zero");
		return 1;
	}
	for (long i = 0; i < n; i++) {
		if (read(fd, &c, 1) != 1) {
			perror("readloop: read");
			return 1;
		}
	}
	close(fd);
	return 0;
}
