// SPDX-License-Identifier: MIT
/*
 * Remote unwinding of stopped tracees with libunwind, and the rn_memsrc.stack
 * the frontend calls for -k, --source and --function-time (only for calls it
 * is about to report, so filtered-out calls cost nothing).
 *
 * libunwind does the DWARF CFI work (dwarf_search_unwind_table on the
 * object's .eh_frame_hdr, then its CFI interpreter; frame-pointer fallback
 * when there is no CFI). Its stock ptrace accessors (_UPT_*) re-read
 * /proc/PID/maps, re-open the ELF file per frame and read memory a word per
 * PTRACE_PEEKDATA; ours keep per-process maps and per-file mmapped images,
 * so a frame in a known object costs no system call, and the stack costs one
 * process_vm_readv per page touched. _UPT_find_proc_info stays the fallback
 * for objects whose .eh_frame_hdr we do not understand.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "pt.h"
#include "unwind.h"
#include "../stack.h"

#ifdef RN_HAVE_DWARF

#include <inttypes.h>
#include <sys/ptrace.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <libunwind.h>
#include <libunwind-ptrace.h>

/*
 * Exported by libunwind (its own ptrace accessors call it) but not declared
 * in its public headers: search a remote .eh_frame_hdr table for ip.
 */
extern int _Ux86_64_dwarf_search_unwind_table(unw_addr_space_t as, unw_word_t ip,
					      unw_dyn_info_t *di, unw_proc_info_t *pi,
					      int need_unwind_info, void *arg);

struct uw_map {
	__u64 start, end, off;
	__s64 bias;		/* run-time address - link-time address */
	struct pt_obj *obj;	/* NULL: not a file we could load */
	bool writable;
	bool exec;
	const char *name;	/* obj->path, or "[vdso]" */
};

struct uw_proc {
	struct uw_proc *next;
	pid_t tgid;
	struct uw_map *maps;	/* sorted by start */
	size_t nmaps;
	bool stale;
	__u64 reread_ns;	/* last re-read after a miss */
	unw_addr_space_t as;
};

#define UW_PAGES 16		/* stack pages cached during one unwind */

/* The arg of every accessor during one unwind. */
struct uw_ctx {
	struct pt_unwind *uw;
	struct uw_proc *p;
	pid_t tid;
	bool have_regs;		/* regs read; else only pc and sp are known */
	__u64 pc, sp;
	struct user_regs_struct regs;
	void *upt;		/* _UPT_create(tid) on first fallback, or NULL */
	bool reread;		/* maps re-read once already in this unwind */
	unsigned npages;
	__u64 page_addr[UW_PAGES];
	unsigned char page[UW_PAGES][4096];
};

struct pt_unwind {
	struct pt_obj *objs;
	struct uw_proc *procs;
	struct uw_ctx ctx;
};

/* ---- /proc/PID/maps ---- */

static void uw_bias(struct uw_map *m)
{
	const struct pt_obj *o = m->obj;

	for (int i = 0; i < o->nloads; i++) {
		const struct pt_load *l = &o->loads[i];
		__u64 aligned = l->off & ~4095ull;

		if (m->off >= aligned && m->off < l->off + l->filesz) {
			m->bias = (__s64)(m->start - m->off + l->off - l->vaddr);
			return;
		}
	}
	m->obj = NULL;	/* past the file's contents (.bss): nothing to resolve */
}

static int uw_read_maps(struct pt_unwind *uw, struct uw_proc *p)
{
	char path[64], line[4096 + 128];
	size_t cap = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", p->tgid);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	p->nmaps = 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long start, end, off, ino;
		unsigned maj, min;
		char perms[8];
		int pos = 0;
		struct uw_map *m;
		char *name;

		if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms, &off,
			   &maj, &min, &ino, &pos) < 7)
			continue;
		name = line + pos;
		name[strcspn(name, "\n")] = '\0';
		if (name[0] != '/' && strcmp(name, "[vdso]"))
			continue;
		if (p->nmaps == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct uw_map *n = realloc(p->maps, ncap * sizeof(*n));

			if (!n)
				break;
			p->maps = n;
			cap = ncap;
		}
		m = &p->maps[p->nmaps];
		*m = (struct uw_map){
			.start = start, .end = end, .off = off, .name = "[vdso]",
			.writable = perms[1] == 'w', .exec = perms[2] == 'x',
		};
		if (name[0] == '/') {
			m->obj = pt_obj_get(&uw->objs, name, makedev(maj, min), (ino_t)ino);
			if (!m->obj)
				continue;	/* deleted, unreadable or not ELF */
			m->name = m->obj->path;
			uw_bias(m);
			if (!m->obj)
				continue;
		}
		p->nmaps++;
	}
	fclose(f);
	p->stale = false;
	return 0;
}

static struct uw_map *uw_find_map(struct uw_proc *p, __u64 addr)
{
	size_t lo = 0, hi = p->nmaps;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (addr < p->maps[mid].start)
			hi = mid;
		else if (addr >= p->maps[mid].end)
			lo = mid + 1;
		else
			return &p->maps[mid];
	}
	return NULL;
}

/* The mapping of addr; a miss re-reads the maps (a library dlopen'ed since
 * we last looked), at most once per unwind and once per ms per process:
 * frames in anonymous memory (JIT code) miss every time. */
static struct uw_map *uw_map_of(struct uw_ctx *c, __u64 addr)
{
	struct uw_map *m = uw_find_map(c->p, addr);
	__u64 now;

	if (!m && !c->reread && (now = pt_now()) - c->p->reread_ns > 1000000ull) {
		c->p->reread_ns = now;
		c->reread = true;
		if (uw_read_maps(c->uw, c->p) == 0)
			m = uw_find_map(c->p, addr);
	}
	return m;
}

/* ---- libunwind accessors ---- */

static int uw_read_page(struct uw_ctx *c, __u64 addr, const unsigned char **out)
{
	__u64 base = addr & ~4095ull;
	unsigned slot;
	struct iovec local, remote;

	for (unsigned i = 0; i < c->npages; i++) {
		if (c->page_addr[i] == base) {
			*out = c->page[i] + (addr - base);
			return 0;
		}
	}
	slot = c->npages < UW_PAGES ? c->npages++ : (unsigned)(base >> 12) % UW_PAGES;
	local = (struct iovec){ .iov_base = c->page[slot], .iov_len = 4096 };
	remote = (struct iovec){ .iov_base = (void *)(uintptr_t)base, .iov_len = 4096 };
	if (process_vm_readv(c->tid, &local, 1, &remote, 1, 0) != 4096) {
		if (slot == c->npages - 1)
			c->npages--;
		c->page_addr[slot] = 0;
		return -UNW_EINVAL;
	}
	c->page_addr[slot] = base;
	*out = c->page[slot] + (addr - base);
	return 0;
}

static int uw_access_mem(unw_addr_space_t as, unw_word_t addr, unw_word_t *val, int write,
			 void *arg)
{
	struct uw_ctx *c = arg;
	struct uw_map *m;
	const unsigned char *src;

	(void)as;
	if (write)
		return -UNW_EREADONLYREG;
	/* Text and unwind tables: from our copy of the file. */
	m = uw_find_map(c->p, addr);
	if (m && m->obj && !m->writable) {
		__u64 foff = addr - m->start + m->off;

		if (foff + sizeof(*val) <= m->obj->size) {
			memcpy(val, m->obj->image + foff, sizeof(*val));
			return 0;
		}
	}
	/* The stack and writable data: live, a page at a time. */
	if ((addr & 4095) > 4096 - sizeof(*val)) {
		unsigned char buf[8];
		const unsigned char *a, *b;

		if (uw_read_page(c, addr, &a) < 0)
			return -UNW_EINVAL;
		size_t first = 4096 - (addr & 4095);

		memcpy(buf, a, first);
		if (uw_read_page(c, addr + first, &b) < 0)
			return -UNW_EINVAL;
		memcpy(buf + first, b, sizeof(*val) - first);
		memcpy(val, buf, sizeof(*val));
		return 0;
	}
	if (uw_read_page(c, addr, &src) < 0)
		return -UNW_EINVAL;
	memcpy(val, src, sizeof(*val));
	return 0;
}

static int uw_access_reg(unw_addr_space_t as, unw_regnum_t reg, unw_word_t *val, int write,
			 void *arg)
{
	struct uw_ctx *c = arg;
	const struct user_regs_struct *r = &c->regs;
	const unsigned long long *v;

	(void)as;
	if (write)
		return -UNW_EREADONLYREG;
	if (!c->have_regs) {
		/* The syscall stop told us pc and sp; the rest costs a
		 * PTRACE_GETREGS, paid only by frames whose CFA or saved
		 * registers need another register (frame-pointer code). */
		if (reg == UNW_X86_64_RIP || reg == UNW_X86_64_RSP) {
			*val = reg == UNW_X86_64_RIP ? c->pc : c->sp;
			return 0;
		}
		if (ptrace(PTRACE_GETREGS, c->tid, 0L, &c->regs) < 0)
			return -UNW_EBADREG;
		c->have_regs = true;
	}
	switch (reg) {
	case UNW_X86_64_RAX: v = &r->rax; break;
	case UNW_X86_64_RDX: v = &r->rdx; break;
	case UNW_X86_64_RCX: v = &r->rcx; break;
	case UNW_X86_64_RBX: v = &r->rbx; break;
	case UNW_X86_64_RSI: v = &r->rsi; break;
	case UNW_X86_64_RDI: v = &r->rdi; break;
	case UNW_X86_64_RBP: v = &r->rbp; break;
	case UNW_X86_64_RSP: v = &r->rsp; break;
	case UNW_X86_64_R8: v = &r->r8; break;
	case UNW_X86_64_R9: v = &r->r9; break;
	case UNW_X86_64_R10: v = &r->r10; break;
	case UNW_X86_64_R11: v = &r->r11; break;
	case UNW_X86_64_R12: v = &r->r12; break;
	case UNW_X86_64_R13: v = &r->r13; break;
	case UNW_X86_64_R14: v = &r->r14; break;
	case UNW_X86_64_R15: v = &r->r15; break;
	case UNW_X86_64_RIP: v = &r->rip; break;
	default: return -UNW_EBADREG;
	}
	*val = *v;
	return 0;
}

static int uw_access_fpreg(unw_addr_space_t as, unw_regnum_t reg, unw_fpreg_t *val,
			   int write, void *arg)
{
	(void)as, (void)reg, (void)val, (void)write, (void)arg;
	return -UNW_EBADREG;
}

static int uw_find_proc_info(unw_addr_space_t as, unw_word_t ip, unw_proc_info_t *pi,
			     int need_unwind_info, void *arg)
{
	struct uw_ctx *c = arg;
	struct uw_map *m = uw_map_of(c, ip);
	unw_dyn_info_t di;

	if (!m || !m->obj)
		goto fallback;
	if (!m->obj->ehdr_vaddr)
		goto fallback;
	memset(&di, 0, sizeof(di));
	di.format = UNW_INFO_FORMAT_REMOTE_TABLE;
	di.start_ip = m->start;
	di.end_ip = m->end;
	di.u.rti.segbase = m->obj->ehdr_vaddr + (__u64)m->bias;
	di.u.rti.table_data = di.u.rti.segbase + 12;
	di.u.rti.table_len = m->obj->fde_count * 8 / sizeof(unw_word_t);
	return _Ux86_64_dwarf_search_unwind_table(as, ip, &di, pi, need_unwind_info, arg);
fallback:
	if (m && !m->obj)
		return -UNW_ENOINFO;	/* the vDSO: frame-pointer heuristics */
	if (!c->upt && !(c->upt = _UPT_create(c->tid)))
		return -UNW_ENOINFO;
	return _UPT_find_proc_info(as, ip, pi, need_unwind_info, c->upt);
}

static void uw_put_unwind_info(unw_addr_space_t as, unw_proc_info_t *pi, void *arg)
{
	(void)arg;
	_UPT_put_unwind_info(as, pi, NULL);
}

static int uw_get_dyn_info_list_addr(unw_addr_space_t as, unw_word_t *addr, void *arg)
{
	(void)as, (void)addr, (void)arg;
	return -UNW_ENOINFO;
}

static int uw_resume(unw_addr_space_t as, unw_cursor_t *cur, void *arg)
{
	(void)as, (void)cur, (void)arg;
	return -UNW_EINVAL;
}

static int uw_get_proc_name(unw_addr_space_t as, unw_word_t addr, char *buf, size_t len,
			    unw_word_t *off, void *arg)
{
	(void)as, (void)addr, (void)buf, (void)len, (void)off, (void)arg;
	return -UNW_ENOINFO;
}

static unw_accessors_t uw_accessors = {
	.find_proc_info = uw_find_proc_info,
	.put_unwind_info = uw_put_unwind_info,
	.get_dyn_info_list_addr = uw_get_dyn_info_list_addr,
	.access_mem = uw_access_mem,
	.access_reg = uw_access_reg,
	.access_fpreg = uw_access_fpreg,
	.resume = uw_resume,
	.get_proc_name = uw_get_proc_name,
};

/* ---- processes ---- */

static struct uw_proc *uw_proc_get(struct pt_unwind *uw, pid_t tgid)
{
	struct uw_proc *p;

	for (p = uw->procs; p; p = p->next)
		if (p->tgid == tgid)
			return p;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->as = unw_create_addr_space(&uw_accessors, 0);
	if (!p->as) {
		free(p);
		return NULL;
	}
	/* One address space per process: cached unwind rules are keyed by ip.
	 * (Debian's libunwind has no __thread, so per-thread caching would be
	 * global anyway, with its sigprocmask pair per step; no caching costs
	 * twice that, plus the CFI parse.) */
	unw_set_caching_policy(p->as, UNW_CACHE_GLOBAL);
	p->tgid = tgid;
	p->stale = true;
	p->next = uw->procs;
	uw->procs = p;
	return p;
}

static void uw_proc_free(struct uw_proc *p)
{
	unw_destroy_addr_space(p->as);
	free(p->maps);
	free(p);
}

void pt_unwind_forget(struct pt_backend *b, pid_t tgid)
{
	struct pt_unwind *uw = b->unwind;

	if (!uw)
		return;
	for (struct uw_proc **pp = &uw->procs; *pp; pp = &(*pp)->next) {
		if ((*pp)->tgid == tgid) {
			struct uw_proc *p = *pp;

			*pp = p->next;
			uw_proc_free(p);
			return;
		}
	}
}

void pt_unwind_free(struct pt_backend *b)
{
	struct pt_unwind *uw = b->unwind;

	if (!uw)
		return;
	while (uw->procs) {
		struct uw_proc *p = uw->procs;

		uw->procs = p->next;
		uw_proc_free(p);
	}
	pt_obj_free_all(&uw->objs);
	free(uw);
	b->unwind = NULL;
}

/* ---- the stack ---- */

/* The object of f->ip, and whether it is system code; no symbol lookup. */
static struct uw_map *uw_place(struct uw_ctx *c, struct rn_frame *f)
{
	struct uw_map *m = uw_map_of(c, f->ip);

	f->flags = RN_FRAME_SYSTEM;
	if (!m)
		return NULL;
	f->object = m->name;
	if (!m->obj) {
		f->offset = f->ip - m->start;
		return NULL;
	}
	f->offset = f->ip - (__u64)m->bias;
	if (!m->obj->system)
		f->flags = 0;
	return m;
}

/* Function, file and line of frame f (index i) in mapping m; without
 * dwarf, the function from the ELF symbols only. */
static void uw_symbolize(struct uw_map *m, int i, bool dwarf, struct rn_frame *f)
{
	const struct pt_func *fn = NULL;
	const struct pt_line *ln = NULL;
	__u64 vaddr = f->ip - (__u64)m->bias;

	/* A return address is just past its call: look up the call itself. */
	pt_obj_lookup(m->obj, i == 0 ? vaddr : vaddr - 1, dwarf, &fn, &ln);
	if (fn) {
		f->offset = vaddr - fn->lo;
		f->function = fn->name;
	}
	if (ln) {
		f->file = m->obj->files[ln->file];
		f->line = ln->line;
	}
}

/*
 * --source's fast path: from the pc and sp of the system-call stop, step
 * through system frames whose CFA is rsp or rbp plus a constant
 * (pt_cfi_rule) until the first frame of the program's own code: no
 * libunwind, a read or two per frame (served from the page cache), and the
 * registers only when a frame's CFA is rbp-based before any frame restored
 * rbp. Returns the frame count (all system frames when the CFI marks the
 * outermost frame first: the dynamic loader before the program's _start),
 * or 0 when libunwind must do it (other CFI, unknown code, too deep).
 */
static long uw_fast_own(struct uw_ctx *c, struct rn_frame *frames, size_t max)
{
	__u64 ip = c->pc, sp = c->sp, bp = 0;
	bool have_bp = false;

	for (size_t n = 0; n < max; n++) {
		struct rn_frame *f = &frames[n];
		struct pt_cfa_hit r;
		struct uw_map *m;
		unw_word_t ra, word;
		__u64 cfa;
		int rc;

		*f = (struct rn_frame){ .ip = ip };
		m = uw_place(c, f);
		if (!m)
			return 0;
		if (!(f->flags & RN_FRAME_SYSTEM)) {
			uw_symbolize(m, (int)n, true, f);
			return (long)n + 1;
		}
		rc = pt_cfi_rule(m->obj, ip - (__u64)m->bias - (n ? 1 : 0), &r);
		if (rc < 0)
			return (long)n + 1;
		if (!rc)
			return 0;
		if (r.cfa_reg == 6 && !have_bp) {
			/* No frame so far saved rbp: the live register. */
			if (!c->have_regs && ptrace(PTRACE_GETREGS, c->tid, 0L, &c->regs) < 0)
				return 0;
			c->have_regs = true;
			bp = c->regs.rbp;
			have_bp = true;
		}
		cfa = (r.cfa_reg == 6 ? bp : sp) + (__u64)(__s64)r.cfa_off;
		if (uw_access_mem(NULL, cfa - 8, &ra, 0, c) < 0 || !ra)
			return 0;
		if (r.bp_off) {
			if (uw_access_mem(NULL, cfa + (__u64)(__s64)r.bp_off, &word, 0, c) < 0)
				return 0;
			bp = word;
			have_bp = true;
		}
		sp = cfa;
		ip = ra;
	}
	return 0;
}

static long uw_stack(void *ctx, __u32 tid, __u32 tgid, struct rn_frame *frames, size_t max,
		     int how)
{
	struct pt_backend *b = ctx;
	struct pt_unwind *uw = b->unwind;
	struct uw_ctx *c;
	struct pt_task *t;
	unw_cursor_t cur;
	long n = 0;

	if (!uw) {
		uw = b->unwind = calloc(1, sizeof(*uw));
		if (!uw)
			return -ENOMEM;
	}
	c = &uw->ctx;
	c->uw = uw;
	c->p = uw_proc_get(uw, (pid_t)tgid);
	if (!c->p)
		return -ENOMEM;
	c->tid = (pid_t)tid;
	c->npages = 0;
	c->upt = NULL;
	c->reread = false;
	t = pt_task_find(b, (pid_t)tid);
	c->have_regs = !t || !t->pc;
	if (c->have_regs) {
		if (ptrace(PTRACE_GETREGS, c->tid, 0L, &c->regs) < 0)
			return -errno;
		c->pc = c->regs.rip;
		c->sp = c->regs.rsp;
	} else {
		c->pc = t->pc;
		c->sp = t->sp;
	}
	if (c->p->stale) {
		c->reread = true;
		uw_read_maps(uw, c->p);
	}
	if (how == RN_STACK_INNERMOST)
		max = 1;
	if (how == RN_STACK_OWN && (n = uw_fast_own(c, frames, max)) > 0)
		max = 0;	/* done */
	if (max && unw_init_remote(&cur, c->p->as, c) == 0) {
		do {
			struct rn_frame *f = &frames[n];
			unw_word_t ip = 0;
			struct uw_map *m;

			if (unw_get_reg(&cur, UNW_REG_IP, &ip) < 0 || !ip)
				break;
			*f = (struct rn_frame){ .ip = ip };
			m = uw_place(c, f);
			n++;
			if (!m)
				continue;
			if (how != RN_STACK_OWN || !(f->flags & RN_FRAME_SYSTEM))
				uw_symbolize(m, (int)n - 1, true, f);
			if (how == RN_STACK_OWN && !(f->flags & RN_FRAME_SYSTEM))
				break;	/* the frame --source wants */
		} while ((size_t)n < max && unw_step(&cur) > 0);
	}
	/* --source without a frame of the program's own: the innermost, named
	 * from the symbol table (system DWARF is costly and not what
	 * --source is for). */
	if (how == RN_STACK_OWN && n > 0 && (frames[n - 1].flags & RN_FRAME_SYSTEM)) {
		struct uw_map *m = uw_find_map(c->p, frames[0].ip);

		if (m && m->obj)
			uw_symbolize(m, 0, false, &frames[0]);
	}
	if (c->upt)
		_UPT_destroy(c->upt);
	c->upt = NULL;
	return n;
}

void pt_unwind_init(struct pt_backend *b)
{
	b->mem.stack = uw_stack;
}

#else /* !RN_HAVE_DWARF */

void pt_unwind_init(struct pt_backend *b)
{
	(void)b;	/* mem.stack stays NULL: "built without libdwarf/libunwind" */
}

void pt_unwind_forget(struct pt_backend *b, pid_t tgid)
{
	(void)b, (void)tgid;
}

void pt_unwind_free(struct pt_backend *b)
{
	(void)b;
}

#endif /* RN_HAVE_DWARF */
