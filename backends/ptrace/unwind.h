/* SPDX-License-Identifier: MIT */
/*
 * Call stacks for the ptrace backend (-k, --source, --function-time).
 *
 * sym.c: one struct pt_obj per mapped ELF file, loaded once (keyed by
 * device, inode, path and mtime): the file mmapped read-only, its PT_LOAD
 * segments and .eh_frame_hdr, its functions (DWARF subprograms via libdwarf,
 * else the ELF symbol table) and its DWARF line table (DWARF 2-5, separate
 * debug files through build-id or .gnu_debuglink), with a small cache of
 * address results. System objects (libc, ld.so, ...: see RN_FRAME_SYSTEM) get
 * their names from their symbol tables, and from the .symtab of their
 * build-id debug file when installed, but their DWARF is never read: it is
 * large and compressed, and -k names are what strace -k shows too.
 * With .debug_aranges, a compile unit's lines and functions
 * are read only when an address inside it is first looked up (a libc with
 * its debug info installed costs milliseconds, not a full parse).
 *
 * unwind.c: per process the file mappings from /proc/PID/maps (re-read after
 * execve, or when an address falls outside every known mapping) and a
 * libunwind remote address space whose accessors read registers with one
 * PTRACE_GETREGS, text and unwind tables from our mmapped copies of the
 * files, and the stack with process_vm_readv, a page at a time.
 *
 * Built without libdwarf/libunwind, rn_memsrc.stack stays NULL.
 */
#ifndef RN_PT_UNWIND_H
#define RN_PT_UNWIND_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <linux/types.h>

struct pt_backend;
struct rn_frame;

struct pt_load {
	__u64 vaddr, off, filesz;
};

struct pt_func {
	__u64 lo, hi;		/* [lo, hi) link-time addresses */
	const char *name;
	__u32 rank;		/* among entries at one address the highest wins:
				 * DWARF 3, global 2, weak 1, local symbol 0 */
};

struct pt_line {
	__u64 addr;
	__u32 line;		/* 0: no line from here on (end of sequence) */
	__u32 file;		/* index into pt_obj.files */
};

#define PT_OBJ_CACHE 256	/* direct-mapped address cache entries */

struct pt_addr_hit {
	__u64 vaddr;		/* key + 1 (0 = empty) */
	const struct pt_func *fn;
	const struct pt_line *ln;
};

/* A compile unit's address range from .debug_aranges: its lines and
 * functions are read the first time an address inside it is looked up. */
struct pt_cu {
	__u64 lo, hi;
	__u64 off;		/* CU DIE offset in .debug_info */
	bool loaded;
};

/* A frame's CFI at one address, as the fast path follows it. */
struct pt_cfa_hit {
	__u64 vaddr;		/* cache key + 1 (0 = empty) */
	__s32 cfa_off;		/* CFA = cfa_reg + cfa_off; RA at CFA - 8 */
	__s32 bp_off;		/* caller's rbp at CFA + bp_off; 0: rbp unchanged */
	__u8 cfa_reg;		/* 7 rsp or 6 rbp (DWARF numbers) */
	__s8 rc;		/* pt_cfi_rule()'s answer */
};

struct pt_obj {
	struct pt_obj *next;
	char *path;
	dev_t dev;
	ino_t ino;
	__s64 mtime;
	const unsigned char *image;	/* the whole file, read-only */
	size_t size;
	const unsigned char *dimage;	/* its build-id debug file (symbols), or NULL */
	size_t dsize;
	struct pt_load loads[16];
	int nloads;
	__u64 ehdr_vaddr;		/* .eh_frame_hdr, 0 if none */
	__u32 fde_count;
	bool system;			/* RN_FRAME_SYSTEM for its frames */
	bool bad;			/* not a loadable ELF file: never used */
	struct pt_func *funcs;		/* DWARF subprograms then ELF symbols, by lo */
	size_t nfuncs;
	struct pt_line *lines;		/* by addr */
	size_t nlines;
	char **files;
	size_t nfiles;
	size_t fcap, lcap, filecap;
	char *strings;			/* names copied out of libdwarf */
	size_t str_used, str_cap;
	char *debug_path;		/* where its DWARF is; opened at the first lookup */
	bool dwarf_tried;
	void *dbg;			/* Dwarf_Debug kept open for lazy CUs, or NULL */
	struct pt_cu *cus;		/* by lo */
	size_t ncus;
	struct pt_addr_hit cache[PT_OBJ_CACHE];
	struct pt_cfa_hit cfa_cache[PT_OBJ_CACHE];
};

/* sym.c */
/* The object for the file at path with this identity, loaded on first use;
 * NULL + errno when it cannot be opened or is not ELF. */
struct pt_obj *pt_obj_get(struct pt_obj **list, const char *path, dev_t dev, ino_t ino);
void pt_obj_free_all(struct pt_obj **list);
/* Function and line of the link-time address vaddr (either may be NULL).
 * Without dwarf, only the ELF symbol tables are asked (and DWARF is not
 * opened for this). */
void pt_obj_lookup(struct pt_obj *o, __u64 vaddr, bool dwarf, const struct pt_func **fn,
		   const struct pt_line **ln);

/* cfi.c */
/* The CFI of o at link-time address vaddr: 1 and *rule when the frame's
 * CFA is rsp or rbp plus a constant, the return address at CFA - 8 and rbp
 * unchanged or saved in the frame; -1 when the return address is undefined
 * or no FDE covers vaddr (taken as the outermost frame); 0 for anything
 * else (libunwind's job). */
int pt_cfi_rule(struct pt_obj *o, __u64 vaddr, struct pt_cfa_hit *rule);

/* unwind.c: the backend hooks. */
void pt_unwind_init(struct pt_backend *b);
/* tgid exec'd (its maps and cached unwind state are stale) or exited. */
void pt_unwind_forget(struct pt_backend *b, pid_t tgid);
void pt_unwind_free(struct pt_backend *b);

#endif /* RN_PT_UNWIND_H */
