// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the ELF/DWARF reader of --source and -k
 * (backends/ptrace/sym.c, cfi.c): each input is written to a file and opened
 * as an object, then looked up at addresses inside and around its code, with
 * and without DWARF, and asked for CFI rules. A crash, leak or hang there is
 * a finding; any answer, including "??", is fine.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "backends/ptrace/unwind.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const __u64 probes[] = { 0, 0x1000, 0x1130, 0x401000, 0x401136, ~0ull };
	char path[] = "/tmp/renacer-fuzz-elf-XXXXXX";
	struct pt_obj *list = NULL, *o;
	struct stat st;
	int fd = mkstemp(path);

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size || fstat(fd, &st) < 0) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	o = pt_obj_get(&list, path, st.st_dev, st.st_ino);
	for (size_t i = 0; o && i < sizeof(probes) / sizeof(probes[0]); i++) {
		const struct pt_func *fn;
		const struct pt_line *ln;
		struct pt_cfa_hit rule;
		__u64 a = probes[i];

		/* addresses from the input too, so lookups land in its tables */
		if (size >= 8 * (i + 1))
			memcpy(&a, data + size - 8 * (i + 1), 8);
		pt_obj_lookup(o, a, true, &fn, &ln);
		pt_obj_lookup(o, a, false, &fn, &ln);
		pt_cfi_rule(o, a, &rule);
	}
	pt_obj_free_all(&list);
	unlink(path);
	return 0;
}
