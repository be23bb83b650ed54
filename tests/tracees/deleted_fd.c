// SPDX-License-Identifier: MIT
/*
 * -y on descriptors whose file is gone (t_fdpaths.sh): a file unlinked while
 * open, a memfd, a directory removed while open, and (argv[2] == "named") a
 * file whose name itself ends in " (deleted)". argv[1]: a directory to work in.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char file[4096], dir[4096], named[4096];
	int fd, d, m;

	if (argc < 2)
		return 2;
	snprintf(file, sizeof(file), "%s/gone", argv[1]);
	snprintf(dir, sizeof(dir), "%s/gonedir", argv[1]);
	snprintf(named, sizeof(named), "%s/odd (deleted)", argv[1]);
	fd = open(file, O_CREAT | O_RDWR, 0600);
	unlink(file);
	write(fd, "x", 1);
	close(dup(fd));
	close(fd);
	m = memfd_create("renacer", 0);
	write(m, "a", 1);
	close(m);
	mkdir(dir, 0700);
	d = open(dir, O_RDONLY | O_DIRECTORY);
	rmdir(dir);
	fchdir(d);
	close(d);
	if (argc > 2 && !strcmp(argv[2], "named")) {
		fd = open(named, O_CREAT | O_RDWR, 0600);
		fsync(fd);
		unlink(named);
		fsync(fd);
		close(fd);
	}
	return 0;
}
