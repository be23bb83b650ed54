// SPDX-License-Identifier: MIT
/*
 * The symbol side of -k and --source: ELF files loaded once, their functions
 * and DWARF line tables (libdwarf) kept sorted for binary search, and a small
 * direct-mapped cache of address results per object.
 */
#ifdef RN_HAVE_DWARF

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <dwarf.h>
#include <libdwarf.h>

#include "unwind.h"

static int sym_push_func(struct pt_obj *s, __u64 lo, __u64 hi, const char *name, __u32 rank)
{
	if (s->nfuncs == s->fcap) {
		size_t cap = s->fcap ? s->fcap * 2 : 64;
		struct pt_func *f = realloc(s->funcs, cap * sizeof(*f));

		if (!f)
			return -ENOMEM;
		s->funcs = f;
		s->fcap = cap;
	}
	s->funcs[s->nfuncs++] = (struct pt_func){ .lo = lo, .hi = hi, .name = name, .rank = rank };
	return 0;
}

static int sym_push_line(struct pt_obj *s, __u64 addr, __u32 line, __u32 file)
{
	if (s->nlines == s->lcap) {
		size_t cap = s->lcap ? s->lcap * 2 : 256;
		struct pt_line *l = realloc(s->lines, cap * sizeof(*l));

		if (!l)
			return -ENOMEM;
		s->lines = l;
		s->lcap = cap;
	}
	s->lines[s->nlines++] = (struct pt_line){ .addr = addr, .line = line, .file = file };
	return 0;
}

/* Index of file name in s->files, added when new. Line tables switch files
 * rarely, so the caller only asks when the file number changes. */
static long sym_intern_file(struct pt_obj *s, const char *name)
{
	for (size_t i = s->nfiles; i-- > 0;)
		if (!strcmp(s->files[i], name))
			return (long)i;
	if (s->nfiles == s->filecap) {
		size_t cap = s->filecap ? s->filecap * 2 : 16;
		char **f = realloc(s->files, cap * sizeof(*f));

		if (!f)
			return -ENOMEM;
		s->files = f;
		s->filecap = cap;
	}
	s->files[s->nfiles] = strdup(name);
	if (!s->files[s->nfiles])
		return -ENOMEM;
	return (long)s->nfiles++;
}

/* ---- ELF ---- */

static void sym_elf_loads(struct pt_obj *o, Elf *elf)
{
	size_t n = 0;

	if (elf_getphdrnum(elf, &n) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(elf, (int)i, &ph))
			continue;
		if (ph.p_type == PT_LOAD &&
		    o->nloads < (int)(sizeof(o->loads) / sizeof(o->loads[0])))
			o->loads[o->nloads++] = (struct pt_load){
				.vaddr = ph.p_vaddr, .off = ph.p_offset, .filesz = ph.p_filesz,
			};
		else if (ph.p_type == PT_GNU_EH_FRAME && ph.p_offset <= o->size &&
			 o->size - ph.p_offset >= 12) {	/* no wrap on a hostile offset */
			const unsigned char *h = o->image + ph.p_offset;

			/* The layout gcc and ld always produce: version 1,
			 * pcrel|sdata4 frame pointer, udata4 count, and a
			 * datarel|sdata4 table libunwind can search. */
			if (h[0] == 1 && h[1] == 0x1b && h[2] == 0x03 && h[3] == 0x3b) {
				memcpy(&o->fde_count, h + 8, 4);
				o->ehdr_vaddr = ph.p_vaddr;
			}
		}
	}
}

/* Functions from .symtab, or .dynsym when the file is stripped. */
static int sym_elf_funcs(struct pt_obj *o, Elf *elf, struct pt_obj *s)
{
	Elf_Scn *scn = NULL, *best = NULL;
	GElf_Shdr sh, bsh = { 0 };

	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == SHT_SYMTAB || (sh.sh_type == SHT_DYNSYM && !best)) {
			best = scn;
			bsh = sh;
		}
	}
	if (!best || !bsh.sh_entsize)
		return 0;
	Elf_Data *d = elf_getdata(best, NULL);
	size_t n = bsh.sh_size / bsh.sh_entsize;

	for (size_t i = 0; d && i < n; i++) {
		GElf_Sym sym;
		const char *name;
		__u32 rank;

		if (!gelf_getsym(d, (int)i, &sym) || !sym.st_size || sym.st_shndx == SHN_UNDEF)
			continue;
		if (GELF_ST_TYPE(sym.st_info) != STT_FUNC &&
		    GELF_ST_TYPE(sym.st_info) != STT_GNU_IFUNC)
			continue;
		name = elf_strptr(elf, bsh.sh_link, sym.st_name);
		rank = GELF_ST_BIND(sym.st_info) == STB_GLOBAL ? 2 :
		       GELF_ST_BIND(sym.st_info) == STB_WEAK ? 1 : 0;
		if (name && *name && sym_push_func(s, sym.st_value, sym.st_value + sym.st_size,
						   name, rank) < 0)
			return -ENOMEM;
	}
	(void)o;
	return 0;
}

/* ---- DWARF ---- */

/* Copy a libdwarf string into storage that outlives its Dwarf_Debug. */
static const char *sym_keep(struct pt_obj *o, const char *str)
{
	size_t len = strlen(str) + 1;

	if (o->str_used + len > o->str_cap) {
		/* Names are referenced by pointer: chain blocks, never move. */
		size_t bcap = len > 65536 ? len + sizeof(char *) : 65536;
		char *blk = malloc(bcap);

		if (!blk)
			return NULL;
		memcpy(blk, &o->strings, sizeof(char *));
		o->strings = blk;
		o->str_used = sizeof(char *);
		o->str_cap = bcap;
	}
	memcpy(o->strings + o->str_used, str, len);
	o->str_used += len;
	return o->strings + o->str_used - len;
}

static void sym_dwarf_subprograms(struct pt_obj *o, Dwarf_Debug dbg, Dwarf_Die cu)
{
	Dwarf_Die die = NULL, next;
	Dwarf_Error err = NULL;

	if (dwarf_child(cu, &die, &err) != DW_DLV_OK)
		return;
	while (die) {
		Dwarf_Half tag = 0, form = 0;
		enum Dwarf_Form_Class cls = DW_FORM_CLASS_UNKNOWN;
		Dwarf_Addr lo = 0, hi = 0;
		char *name = NULL;

		if (dwarf_tag(die, &tag, &err) == DW_DLV_OK && tag == DW_TAG_subprogram &&
		    dwarf_lowpc(die, &lo, &err) == DW_DLV_OK &&
		    dwarf_highpc_b(die, &hi, &form, &cls, &err) == DW_DLV_OK &&
		    dwarf_diename(die, &name, &err) == DW_DLV_OK) {
			const char *kept;

			if (cls == DW_FORM_CLASS_CONSTANT)
				hi += lo;	/* DWARF 4+: an offset from low_pc */
			kept = sym_keep(o, name);
			if (kept && hi > lo)
				sym_push_func(o, lo, hi, kept, 3);
		}
		next = NULL;
		if (dwarf_siblingof_b(dbg, die, 1, &next, &err) != DW_DLV_OK)
			next = NULL;
		dwarf_dealloc_die(die);
		die = next;
	}
}

static void sym_dwarf_lines(Dwarf_Debug dbg, Dwarf_Die cu, struct pt_obj *s)
{
	Dwarf_Unsigned version = 0, lastno = (Dwarf_Unsigned)-1;
	Dwarf_Small count = 0;
	Dwarf_Line_Context ctx = NULL;
	Dwarf_Line *rows = NULL;
	Dwarf_Signed n = 0;
	Dwarf_Error err = NULL;
	long file = 0;

	if (dwarf_srclines_b(cu, &version, &count, &ctx, &err) != DW_DLV_OK)
		return;
	if (dwarf_srclines_from_linecontext(ctx, &rows, &n, &err) != DW_DLV_OK)
		n = 0;
	for (Dwarf_Signed i = 0; i < n; i++) {
		Dwarf_Addr addr = 0;
		Dwarf_Unsigned lineno = 0, fno = 0;
		Dwarf_Bool end = 0;
		char *src = NULL;

		if (dwarf_lineaddr(rows[i], &addr, &err) != DW_DLV_OK ||
		    dwarf_lineno(rows[i], &lineno, &err) != DW_DLV_OK)
			continue;
		dwarf_lineendsequence(rows[i], &end, &err);
		dwarf_line_srcfileno(rows[i], &fno, &err);
		if (fno != lastno && dwarf_linesrc(rows[i], &src, &err) == DW_DLV_OK) {
			file = sym_intern_file(s, src);
			dwarf_dealloc(dbg, src, DW_DLA_STRING);
			if (file < 0)
				break;
			lastno = fno;
		}
		sym_push_line(s, addr, end ? 0 : (__u32)lineno, (__u32)file);
	}
	dwarf_srclines_dealloc_b(ctx);
}

/* The debug file for o: /usr/lib/debug/.build-id/xx/yyyy.debug when it
 * exists, else the object itself (libdwarf follows .gnu_debuglink). The
 * environment variable RENACER_DEBUG_DIR replaces /usr/lib/debug (as gdb's
 * debug-file-directory does; the tests use it). */
static void sym_debug_path(Elf *elf, const char *path, char *out, size_t outlen)
{
	const char *root = getenv("RENACER_DEBUG_DIR");
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	if (!root || !*root)
		root = "/usr/lib/debug";
	snprintf(out, outlen, "%s", path);
	while ((scn = elf_nextscn(elf, scn))) {
		Elf_Data *d;
		GElf_Nhdr nh;
		size_t off = 0, noff, doff;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_NOTE)
			continue;
		d = elf_getdata(scn, NULL);
		while (d && (off = gelf_getnote(d, off, &nh, &noff, &doff)) > 0) {
			const unsigned char *id = (const unsigned char *)d->d_buf + doff;
			char cand[PATH_MAX];
			int len;

			if (nh.n_type != NT_GNU_BUILD_ID || nh.n_descsz < 2 || nh.n_descsz > 64)
				continue;
			len = snprintf(cand, sizeof(cand), "%s/.build-id/%02x/", root, id[0]);
			if (len < 0 || (size_t)len >= sizeof(cand) - 2 * nh.n_descsz - 8)
				return;
			for (size_t i = 1; i < nh.n_descsz; i++)
				len += snprintf(cand + len, sizeof(cand) - (size_t)len, "%02x",
						id[i]);
			snprintf(cand + len, sizeof(cand) - (size_t)len, ".debug");
			if (access(cand, R_OK) == 0)
				snprintf(out, outlen, "%s", cand);
			return;
		}
	}
}

static int cmp_cu(const void *a, const void *b)
{
	const struct pt_cu *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* The compile units by address, from .debug_aranges; false when there is
 * no such section (then every unit is read at once). */
static bool sym_aranges(struct pt_obj *o, Dwarf_Debug dbg)
{
	Dwarf_Arange *ar = NULL;
	Dwarf_Signed n = 0;
	Dwarf_Error err = NULL;

	if (dwarf_get_aranges(dbg, &ar, &n, &err) != DW_DLV_OK || n <= 0)
		return false;
	o->cus = calloc((size_t)n, sizeof(*o->cus));
	for (Dwarf_Signed i = 0; i < n; i++) {
		Dwarf_Addr start = 0;
		Dwarf_Unsigned len = 0, seg = 0, segsz = 0;
		Dwarf_Off off = 0;

		if (o->cus && dwarf_get_arange_info_b(ar[i], &seg, &segsz, &start, &len, &off,
						      &err) == DW_DLV_OK && len)
			o->cus[o->ncus++] = (struct pt_cu){ .lo = start, .hi = start + len,
							    .off = off };
		dwarf_dealloc(dbg, ar[i], DW_DLA_ARANGE);
	}
	dwarf_dealloc(dbg, ar, DW_DLA_LIST);
	qsort(o->cus, o->ncus, sizeof(*o->cus), cmp_cu);
	return o->cus != NULL;
}

static void sym_load_cu_die(struct pt_obj *o, Dwarf_Debug dbg, Dwarf_Die cu)
{
	sym_dwarf_lines(dbg, cu, o);
	sym_dwarf_subprograms(o, dbg, cu);
}

static void sym_dwarf_all(struct pt_obj *o, Dwarf_Debug dbg)
{
	Dwarf_Error err = NULL;

	for (;;) {
		Dwarf_Unsigned next = 0;
		Dwarf_Half type = 0;
		Dwarf_Die cu = NULL;

		if (dwarf_next_cu_header_d(dbg, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
					   &next, &type, &err) != DW_DLV_OK)
			break;
		if (dwarf_siblingof_b(dbg, NULL, 1, &cu, &err) != DW_DLV_OK)
			continue;
		sym_load_cu_die(o, dbg, cu);
		dwarf_dealloc_die(cu);
	}
}

/* Open the DWARF of o (its own, build-id or .gnu_debuglink). With aranges
 * the handle stays open and units are read on demand (sym_need_cu). */
static void sym_sort(struct pt_obj *o);

/*
 * Does every section of the file at path lie inside it? libdwarf allocates a
 * section's sh_size before reading it, so a corrupt header can ask it for a
 * terabyte (fuzz_elf finding: an SHT_GROUP of 0x16b00000000 bytes in a 17 KB
 * file); such a file gets no DWARF.
 */
static bool elf_sections_fit(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	Elf_Scn *scn = NULL;
	struct stat st;
	Elf *elf = NULL;
	bool ok;

	if (fd < 0)
		return false;
	ok = !fstat(fd, &st) && (elf = elf_begin(fd, ELF_C_READ, NULL)) != NULL;
	while (ok && (scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			ok = false;
		else if (sh.sh_type != SHT_NOBITS)
			ok = sh.sh_offset <= (GElf_Off)st.st_size &&
			     sh.sh_size <= (GElf_Off)st.st_size - sh.sh_offset;
	}
	if (elf)
		elf_end(elf);
	close(fd);
	return ok;
}

static void sym_dwarf(struct pt_obj *o)
{
	char truepath[PATH_MAX];
	Dwarf_Debug dbg = NULL;
	Dwarf_Error err = NULL;

	o->dwarf_tried = true;
	if (!o->debug_path || !elf_sections_fit(o->debug_path))
		return;
	if (dwarf_init_path_dl(o->debug_path, truepath, sizeof(truepath), DW_DLC_READ,
			       DW_GROUPNUMBER_ANY, NULL, NULL, &dbg, NULL, 0, NULL, NULL, 0, NULL,
			       &err) != DW_DLV_OK) {
		/* An error made without a Dwarf_Debug is still ours to free
		 * (a leak per object without usable DWARF; fuzz_elf finding). */
		if (err)
			dwarf_dealloc(dbg, err, DW_DLA_ERROR);
		return;
	}
	if (sym_aranges(o, dbg)) {
		o->dbg = dbg;
		return;
	}
	sym_dwarf_all(o, dbg);
	dwarf_finish(dbg, &err);
	sym_sort(o);
}

/* ---- the object ---- */

/* By address, and at one address the preferred name last: the lookup
 * scans back from the last entry starting at or before the address. */
static int cmp_func(const void *a, const void *b)
{
	const struct pt_func *x = a, *y = b;

	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

/* Stable order by address: the end of one sequence (line 0) sorts before a
 * row starting at the same address. */
static int cmp_line(const void *a, const void *b)
{
	const struct pt_line *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return (x->line != 0) - (y->line != 0);
}

static bool sym_is_system_path(const char *p)
{
	static const char *const dirs[] = { "/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/",
					    "/usr/libexec/", "/lib32/", "/usr/lib32/" };

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (!strncmp(p, dirs[i], strlen(dirs[i])))
			return true;
	return false;
}

/* A system object's names from the .symtab of its build-id debug file
 * (dpath, when it is not the object itself): static functions included. */
static void sym_debug_symbols(struct pt_obj *o, const char *dpath)
{
	struct stat st;
	Elf *elf;
	int fd;

	if (!strcmp(dpath, o->path))
		return;
	fd = open(dpath, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	if (fstat(fd, &st) < 0 || st.st_size < 64) {
		close(fd);
		return;
	}
	o->dimage = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (o->dimage == MAP_FAILED) {
		o->dimage = NULL;
		return;
	}
	o->dsize = (size_t)st.st_size;
	elf = elf_memory((char *)o->dimage, o->dsize);
	if (elf && elf_kind(elf) == ELF_K_ELF)
		sym_elf_funcs(o, elf, o);
	if (elf)
		elf_end(elf);
}

static void sym_sort(struct pt_obj *o)
{
	if (o->nfuncs)
		qsort(o->funcs, o->nfuncs, sizeof(*o->funcs), cmp_func);
	if (o->nlines)
		qsort(o->lines, o->nlines, sizeof(*o->lines), cmp_line);
	/* Results point into the arrays just rearranged. */
	memset(o->cache, 0, sizeof(o->cache));
}

static int sym_load(struct pt_obj *o)
{
	struct stat st;
	Elf *elf;
	int fd = open(o->path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0 || st.st_size < 64) {
		close(fd);
		return -ENOEXEC;
	}
	o->size = (size_t)st.st_size;
	o->mtime = (__s64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	o->image = mmap(NULL, o->size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (o->image == MAP_FAILED) {
		o->image = NULL;
		return -errno;
	}
	elf = elf_memory((char *)o->image, o->size);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		if (elf)
			elf_end(elf);
		return -ENOEXEC;
	}
	char dpath[PATH_MAX];

	sym_elf_loads(o, elf);
	/* The program's own files count as its code even without debug info:
	 * a stripped program then shows "??", not a frame inside libc. */
	o->system = sym_is_system_path(o->path);
	sym_debug_path(elf, o->path, dpath, sizeof(dpath));
	if (o->system)
		sym_debug_symbols(o, dpath);
	else	/* DWARF waits for the first lookup */
		o->debug_path = strdup(dpath);
	if (sym_elf_funcs(o, elf, o) < 0)
		o->nfuncs = 0;
	elf_end(elf);
	sym_sort(o);
	return 0;
}

/* Read the compile unit holding vaddr if it is known and not read yet. */
static void sym_need_cu(struct pt_obj *o, __u64 vaddr)
{
	size_t lo = 0, hi = o->ncus;
	Dwarf_Error err = NULL;
	Dwarf_Die cu = NULL;
	__u64 off;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->cus[mid].lo <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || vaddr >= o->cus[lo - 1].hi || o->cus[lo - 1].loaded)
		return;
	off = o->cus[lo - 1].off;
	/* A unit may own several ranges: all of them are read now. */
	for (size_t i = 0; i < o->ncus; i++)
		if (o->cus[i].off == off)
			o->cus[i].loaded = true;
	if (dwarf_offdie_b(o->dbg, off, 1, &cu, &err) != DW_DLV_OK)
		return;
	sym_load_cu_die(o, o->dbg, cu);
	dwarf_dealloc_die(cu);
	sym_sort(o);
}

static void sym_obj_free(struct pt_obj *o)
{
	if (o->dbg) {
		Dwarf_Error err = NULL;

		dwarf_finish(o->dbg, &err);
	}
	free(o->cus);
	free(o->debug_path);
	while (o->strings) {
		char *next;

		memcpy(&next, o->strings, sizeof(next));
		free(o->strings);
		o->strings = next;
	}
	for (size_t i = 0; i < o->nfiles; i++)
		free(o->files[i]);
	free(o->files);
	free(o->funcs);
	free(o->lines);
	if (o->image)
		munmap((void *)o->image, o->size);
	if (o->dimage)
		munmap((void *)o->dimage, o->dsize);
	free(o->path);
	free(o);
}

struct pt_obj *pt_obj_get(struct pt_obj **list, const char *path, dev_t dev, ino_t ino)
{
	struct pt_obj *o;
	struct stat st;
	int rc;

	for (o = *list; o; o = o->next) {
		if (o->dev != dev || o->ino != ino || strcmp(o->path, path))
			continue;
		/* Same file unless it was rewritten in place (a rebuild). */
		if (stat(path, &st) == 0 && st.st_ino == ino &&
		    (__s64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec != o->mtime)
			continue;
		if (o->bad) {
			errno = ENOEXEC;
			return NULL;
		}
		return o;
	}
	if (elf_version(EV_CURRENT) == EV_NONE) {
		errno = ENOSYS;
		return NULL;
	}
	o = calloc(1, sizeof(*o));
	if (!o || !(o->path = strdup(path))) {
		free(o);
		errno = ENOMEM;
		return NULL;
	}
	o->dev = dev;
	o->ino = ino;
	rc = sym_load(o);
	o->next = *list;
	*list = o;
	if (rc < 0) {
		/* Remembered as unusable (locale-archive and other data files
		 * are mapped too) so that re-reading the maps does not retry. */
		if (o->image)
			munmap((void *)o->image, o->size);
		o->image = NULL;
		o->bad = true;
		errno = -rc;
		return NULL;
	}
	return o;
}

void pt_obj_free_all(struct pt_obj **list)
{
	while (*list) {
		struct pt_obj *o = *list;

		*list = o->next;
		sym_obj_free(o);
	}
}

/* The innermost function containing vaddr: DWARF and symbol-table entries
 * overlap (the same function twice), any covering one is right. */
static const struct pt_func *sym_find_func(const struct pt_obj *o, __u64 vaddr)
{
	size_t lo = 0, hi = o->nfuncs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->funcs[mid].lo <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* Scan back a little for a function whose range covers vaddr (a
	 * nested or smaller entry may start later without covering it). */
	for (size_t i = lo, k = 0; i-- > 0 && k < 8; k++)
		if (vaddr < o->funcs[i].hi)
			return &o->funcs[i];
	return NULL;
}

static const struct pt_line *sym_find_line(const struct pt_obj *o, __u64 vaddr)
{
	size_t lo = 0, hi = o->nlines;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->lines[mid].addr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || !o->lines[lo - 1].line)
		return NULL;
	return &o->lines[lo - 1];
}

void pt_obj_lookup(struct pt_obj *o, __u64 vaddr, bool dwarf, const struct pt_func **fn,
		   const struct pt_line **ln)
{
	struct pt_addr_hit *h = &o->cache[(vaddr ^ (vaddr >> 8)) % PT_OBJ_CACHE];

	if (!dwarf && !o->dwarf_tried) {
		/* Symbols only, uncached: DWARF may arrive later and be better. */
		*fn = sym_find_func(o, vaddr);
		*ln = NULL;
		return;
	}
	if (!o->dwarf_tried)
		sym_dwarf(o);
	if (h->vaddr != vaddr + 1) {
		if (o->dbg)
			sym_need_cu(o, vaddr);
		h->vaddr = vaddr + 1;
		h->fn = sym_find_func(o, vaddr);
		h->ln = sym_find_line(o, vaddr);
	}
	*fn = h->fn;
	*ln = h->ln;
}

#endif /* RN_HAVE_DWARF */
