// SPDX-License-Identifier: MIT
/*
 * dlopen_call LIB: a call with a stack first (the process's maps are read
 * then: it waits 0.3 s), then LIB (build/tracees/src/libsrccall.so, no frame pointers) is
 * loaded and its f1 -> f2 -> f3 -> getpid called: f3's frame is found in
 * the copied stack only, in a mapping that did not exist at the first
 * call. It then sleeps 1 s, so that its maps can still be read again.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long (*f1)(int);
	void *h;

	if (argc < 2)
		return 2;
	if (getppid() < 0)
		return 1;
	usleep(300000);	/* renacer reads the maps, without LIB */
	h = dlopen(argv[1], RTLD_NOW);
	if (!h) {
		fprintf(stderr, "dlopen_call: %s\n", dlerror());
		return 1;
	}
	*(void **)&f1 = dlsym(h, "f1");
	if (!f1)
		return 1;
	f1(0);
	usleep(1000000);
	return 0;
}
