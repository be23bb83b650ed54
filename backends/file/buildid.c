// SPDX-License-Identifier: MIT
/*
 * The GNU build id of an ELF file (the NT_GNU_BUILD_ID note of a PT_NOTE
 * segment): what a recording notes for each mapped file, and what report
 * checks before it names addresses with the file it finds under the same
 * path. Only the program headers and the note segments are read.
 */
#include "rnb.h"

#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define NOTE_MAX 4096	/* bytes of a note segment looked at */

static bool read_at(int fd, void *buf, size_t len, __u64 off)
{
	return pread(fd, buf, len, (off_t)off) == (ssize_t)len;
}

/* The build id among the notes in buf[0..len), or 0. */
static unsigned note_build_id(const __u8 *buf, size_t len, __u8 *id)
{
	size_t off = 0;

	while (off + sizeof(Elf64_Nhdr) <= len) {
		Elf64_Nhdr nh;
		size_t name, desc;

		memcpy(&nh, buf + off, sizeof(nh));
		name = off + sizeof(nh);
		desc = name + ((nh.n_namesz + 3u) & ~3u);
		if (nh.n_namesz > len || nh.n_descsz > len || desc + nh.n_descsz > len)
			return 0;
		if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
		    !memcmp(buf + name, "GNU", 4) && nh.n_descsz &&
		    nh.n_descsz <= RNB_BUILD_ID_MAX) {
			memcpy(id, buf + desc, nh.n_descsz);
			return nh.n_descsz;
		}
		off = desc + ((nh.n_descsz + 3u) & ~3u);
	}
	return 0;
}

static unsigned fd_build_id(int fd, __u8 *id)
{
	__u8 notes[NOTE_MAX];
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	unsigned n;

	if (!read_at(fd, &eh, sizeof(eh), 0) || memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_phentsize != sizeof(ph))
		return 0;
	for (unsigned i = 0; i < eh.e_phnum && i < 64; i++) {
		if (!read_at(fd, &ph, sizeof(ph), eh.e_phoff + (__u64)i * sizeof(ph)))
			return 0;
		if (ph.p_type != PT_NOTE || !ph.p_filesz)
			continue;
		if (ph.p_filesz > NOTE_MAX)
			ph.p_filesz = NOTE_MAX;
		if (!read_at(fd, notes, ph.p_filesz, ph.p_offset))
			continue;
		n = note_build_id(notes, ph.p_filesz, id);
		if (n)
			return n;
	}
	return 0;
}

unsigned rnb_build_id(const char *path, __u8 *id)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	unsigned n;

	if (fd < 0)
		return 0;
	n = fd_build_id(fd, id);
	close(fd);
	return n;
}
