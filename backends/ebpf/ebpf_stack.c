// SPDX-License-Identifier: MIT
/*
 * -k, --source, --stack-format=folded on the eBPF backend: the user half.
 *
 * The kernel sends, with each call, the registers, the top of the stack and
 * the frame-pointer chain (bpf/stack.bpf.h, layout in backends/ustack.h),
 * plus a description of each mapping the first time a thread's stack uses
 * it. Here the addresses become files and offsets (per process, from
 * /proc/PID/maps when the process is first seen, and from those
 * descriptions, which still work once the process is gone), the frames are
 * stepped with the objects' CFI over the captured memory, and each frame is
 * named with the ptrace backend's symbolizer (backends/ptrace/sym.c: the
 * same ELF symbols and DWARF line tables, objects cached by file identity)
 * and its CFI reader (cfi.c).
 *
 * Stacks cut short (code without frame pointers whose frames lie beyond the
 * copied window, a mapping that cannot be found) are counted and reported
 * when the backend closes.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "ebpf.h"
#include "ebpf_stack.h"
#include "../stack.h"
#include "../ustack.h"
#include "../ptrace/unwind.h"

#ifdef RN_HAVE_DWARF

struct es_map {
	__u64 start, end, off;
	__s64 bias;		/* run-time address - link-time address */
	struct pt_obj *obj;	/* NULL: not a file we could load */
	const char *name;	/* obj->path, "[vdso]", or NULL */
};

struct es_proc {
	struct es_proc *next;
	__u32 tgid;
	struct es_map *maps;	/* sorted by start, not overlapping */
	size_t n, cap;
	__u64 reread_ns;	/* maps last read again after a miss */
};

/* A file's path by identity, from every maps file read. */
struct es_path {
	struct es_path *next;
	dev_t dev;
	ino_t ino;
	char path[];
};

#define ES_BUCKETS 256

struct ebpf_stack {
	struct pt_obj *objs;
	struct es_proc *procs[ES_BUCKETS];
	struct es_path *paths[ES_BUCKETS];
	char *const *argv;	/* the spawned command, a place to look for files */
	rn_ustack_map_fn hook;
	void *hook_ctx;
	int verbose;
	/* RENACER_STACK_NO_PROC=1 (tests): never read a traced process's
	 * /proc files, as when it exited before its first record was read */
	bool no_proc;
	/* stacks taken, cut short (cut_unmapped of them at a frame in no
	 * known mapping, the rest where the copied memory ran out) */
	__u64 stacks, cut, cut_unmapped, unmapped, vmas, maps_reads;
};

/* ---- files by identity ---- */

static unsigned es_hash(__u64 a, __u64 b)
{
	return (unsigned)((a * 0x9e3779b97f4a7c15ull ^ b) >> 32) % ES_BUCKETS;
}

static const char *es_path_get(struct ebpf_stack *st, dev_t dev, ino_t ino)
{
	for (struct es_path *p = st->paths[es_hash(dev, ino)]; p; p = p->next)
		if (p->dev == dev && p->ino == ino)
			return p->path;
	return NULL;
}

static const char *es_path_put(struct ebpf_stack *st, dev_t dev, ino_t ino, const char *path)
{
	const char *old = es_path_get(st, dev, ino);
	size_t len = strlen(path);
	struct es_path *p;
	unsigned h;

	/* "" records a file not found; a path found later goes in front */
	if (old && (*old || !len))
		return old;
	p = malloc(sizeof(*p) + len + 1);
	if (!p)
		return NULL;
	h = es_hash(dev, ino);
	p->dev = dev;
	p->ino = ino;
	memcpy(p->path, path, len + 1);
	p->next = st->paths[h];
	st->paths[h] = p;
	return p->path;
}

static bool es_same_file(const char *path, dev_t dev, ino_t ino)
{
	struct stat sb;

	return stat(path, &sb) == 0 && sb.st_ino == ino && sb.st_dev == dev;
}

/*
 * The path of a mapped file the kernel named by identity and last
 * component: the process's map_files link while it lives, else the
 * directories of every file seen mapped so far and the spawned command.
 */
static const char *es_path_find(struct ebpf_stack *st, __u32 tgid,
				const struct rn_ustack_vma *v, dev_t dev)
{
	char buf[PATH_MAX], link[96];
	const char *name = v->name, *dirs[] = { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
						"/usr/lib", "/lib64", "/usr/bin", "/bin" };
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%u/map_files/%llx-%llx", tgid,
		 (unsigned long long)v->start, (unsigned long long)v->end);
	n = st->no_proc ? -1 : readlink(link, buf, sizeof(buf) - 1);
	if (n > 0) {
		buf[n] = '\0';
		if (es_same_file(buf, dev, (ino_t)v->ino))
			return es_path_put(st, dev, (ino_t)v->ino, buf);
	}
	if (!name[0] || strchr(name, '/'))
		return NULL;
	if (st->argv && st->argv[0] && strchr(st->argv[0], '/') &&
	    es_same_file(st->argv[0], dev, (ino_t)v->ino) && realpath(st->argv[0], buf))
		return es_path_put(st, dev, (ino_t)v->ino, buf);
	for (unsigned h = 0; h < ES_BUCKETS; h++) {
		for (struct es_path *p = st->paths[h]; p; p = p->next) {
			const char *slash = strrchr(p->path, '/');

			if (!slash)
				continue;
			snprintf(buf, sizeof(buf), "%.*s/%s", (int)(slash - p->path), p->path, name);
			if (es_same_file(buf, dev, (ino_t)v->ino))
				return es_path_put(st, dev, (ino_t)v->ino, buf);
		}
	}
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(buf, sizeof(buf), "%s/%s", dirs[i], name);
		if (es_same_file(buf, dev, (ino_t)v->ino))
			return es_path_put(st, dev, (ino_t)v->ino, buf);
	}
	return NULL;
}

/* ---- per-process mappings ---- */

static struct es_proc *es_proc_find(struct ebpf_stack *st, __u32 tgid)
{
	for (struct es_proc *p = st->procs[tgid % ES_BUCKETS]; p; p = p->next)
		if (p->tgid == tgid)
			return p;
	return NULL;
}

static void es_bias(struct es_map *m)
{
	const struct pt_obj *o = m->obj;

	for (int i = 0; i < o->nloads; i++) {
		const struct pt_load *l = &o->loads[i];

		if (m->off >= (l->off & ~4095ull) && m->off < l->off + l->filesz) {
			m->bias = (__s64)(m->start - m->off + l->off - l->vaddr);
			return;
		}
	}
	m->obj = NULL;	/* past the file's contents: nothing to resolve */
}

/* Add [start, end) (replacing what it overlaps: a new mapping, or a new
 * address space after exec), tell the hook, load the object. */
static void es_map_add(struct ebpf_stack *st, struct es_proc *p, __u64 start, __u64 end,
		       __u64 off, dev_t dev, ino_t ino, const char *path)
{
	struct es_map m = { .start = start, .end = end, .off = off, .name = path };
	size_t i = 0, j;

	if (start >= end)
		return;
	if (path && path[0] == '/') {
		m.obj = pt_obj_get(&st->objs, path, dev, ino);
		if (m.obj) {
			m.name = m.obj->path;
			es_bias(&m);
		}
	}
	if (st->hook)
		st->hook(st->hook_ctx, p->tgid, &(struct rn_ustack_mapping){
			.start = start, .end = end, .off = off, .ino = ino,
			.dev_major = major(dev), .dev_minor = minor(dev),
			.path = path && (path[0] == '/' || !strcmp(path, "[vdso]")) ? path : NULL });
	while (i < p->n && p->maps[i].end <= start)
		i++;
	for (j = i; j < p->n && p->maps[j].start < end; j++)
		;
	if (j == i && p->n == p->cap) {
		size_t ncap = p->cap ? p->cap * 2 : 32;
		struct es_map *nm = realloc(p->maps, ncap * sizeof(*nm));

		if (!nm)
			return;
		p->maps = nm;
		p->cap = ncap;
	}
	/* maps[i, j) overlap: one slot takes m, the rest close up */
	if (j == i) {
		memmove(&p->maps[i + 1], &p->maps[i], (p->n - i) * sizeof(m));
		p->n++;
	} else {
		memmove(&p->maps[i + 1], &p->maps[j], (p->n - j) * sizeof(m));
		p->n -= j - i - 1;
	}
	p->maps[i] = m;
}

static void es_read_maps(struct ebpf_stack *st, struct es_proc *p, pid_t pid)
{
	char path[64], line[4096 + 128];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	f = fopen(path, "re");
	if (!f)
		return;
	st->maps_reads++;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long start, end, off, ino;
		unsigned maj, min;
		char perms[8];
		int pos = 0;
		char *name;
		const char *kept;

		if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms, &off,
			   &maj, &min, &ino, &pos) < 7)
			continue;
		name = line + pos;
		name[strcspn(name, "\n")] = '\0';
		if (perms[2] != 'x' || (name[0] != '/' && strcmp(name, "[vdso]")))
			continue;
		kept = name[0] == '/' ? es_path_put(st, makedev(maj, min), (ino_t)ino, name) :
			"[vdso]";
		if (p)
			es_map_add(st, p, start, end, off, makedev(maj, min), (ino_t)ino, kept);
	}
	fclose(f);
}

/* The process of a record, its maps read when first seen (while it still
 * runs, most likely: the record is fresh). */
static struct es_proc *es_proc_get(struct ebpf_stack *st, __u32 tgid)
{
	struct es_proc *p = es_proc_find(st, tgid);

	if (p)
		return p;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->tgid = tgid;
	p->next = st->procs[tgid % ES_BUCKETS];
	st->procs[tgid % ES_BUCKETS] = p;
	if (!st->no_proc)
		es_read_maps(st, p, (pid_t)tgid);
	return p;
}

/* A successful execve (the old address space is gone), or the process
 * exited. */
static void es_proc_forget(struct ebpf_stack *st, __u32 tgid)
{
	for (struct es_proc **pp = &st->procs[tgid % ES_BUCKETS]; *pp; pp = &(*pp)->next) {
		if ((*pp)->tgid == tgid) {
			struct es_proc *p = *pp;

			*pp = p->next;
			free(p->maps);
			free(p);
			return;
		}
	}
}

static struct es_map *es_map_of(struct es_proc *p, __u64 addr)
{
	size_t lo = 0, hi = p->n;

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

/* A mapping the kernel described. */
static void es_vma(struct ebpf_stack *st, struct es_proc *p, const struct rn_ustack_vma *v)
{
	dev_t dev = makedev(v->dev >> 20, v->dev & 0xfffff);
	const char *path = NULL;

	st->vmas++;
	if (v->ino) {
		path = es_path_get(st, dev, (ino_t)v->ino);
		if (!path)
			path = es_path_find(st, p->tgid, v, dev);
		if (!path)	/* not searched for again: each search stats files */
			es_path_put(st, dev, (ino_t)v->ino, "");
		if (path && !*path)
			path = NULL;
	}
	es_map_add(st, p, v->start, v->end, v->pgoff, dev, (ino_t)v->ino, path);
}

/* ---- unwinding over the captured memory ---- */

struct es_mem {
	const struct rn_ustack_hdr *h;
	const __u8 *window;
	const struct rn_ustack_link *links;
	__u64 bps[RN_USTACK_DEPTH];	/* bp_k: the address of link k */
};

/* The word at addr, from the window or the chain; false when neither has it. */
static bool es_word(const struct es_mem *m, __u64 addr, __u64 *val)
{
	__u64 sp = m->h->sp;

	if (addr >= sp && addr - sp <= m->h->window && m->h->window - (addr - sp) >= 8) {
		memcpy(val, m->window + (addr - sp), 8);
		return true;
	}
	for (__u32 k = 0; k < m->h->nlinks; k++) {
		if (addr == m->bps[k]) {
			*val = m->links[k].next_bp;
			return true;
		}
		if (addr == m->bps[k] + 8) {
			*val = m->links[k].ra;
			return true;
		}
	}
	return false;
}

static bool es_is_link(const struct es_mem *m, __u64 bp)
{
	for (__u32 k = 0; k < m->h->nlinks; k++)
		if (m->bps[k] == bp)
			return true;
	return false;
}

/* Where the frame of f->ip is, and whether it is system code. An address
 * outside every known mapping (a library loaded since, one the kernel did
 * not describe) reads the maps again, at most once a millisecond per
 * process, if the process still runs. */
static struct es_map *es_place(struct ebpf_stack *st, struct es_proc *p, struct rn_frame *f)
{
	struct es_map *m = es_map_of(p, f->ip);
	struct timespec ts;
	__u64 now;

	if (!m && !st->no_proc) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		now = (__u64)ts.tv_sec * 1000000000ull + (__u64)ts.tv_nsec;
		if (now - p->reread_ns > 1000000ull) {
			p->reread_ns = now;
			es_read_maps(st, p, (pid_t)p->tgid);
			m = es_map_of(p, f->ip);
		}
	}

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

/* As the ptrace backend names a frame: a return address (i > 0) is looked
 * up one byte back, inside its call. */
static void es_symbolize(struct es_map *m, int i, bool dwarf, struct rn_frame *f)
{
	const struct pt_func *fn = NULL;
	const struct pt_line *ln = NULL;
	__u64 vaddr = f->ip - (__u64)m->bias;

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

/* One step from frame n (ip, sp, bp) to its caller: 1 stepped, 0 the
 * outermost frame, -1 the memory or the rules ran out (cut short). */
static int es_step(const struct es_mem *mem, struct es_map *m, int n, __u64 *ip, __u64 *sp,
		   __u64 *bp)
{
	struct pt_cfa_hit r;
	__u64 cfa, ra, nbp;
	int rc = m && m->obj ? pt_cfi_rule(m->obj, *ip - (__u64)m->bias - (n ? 1 : 0), &r) : 0;

	if (!m || !m->obj)
		return -1;	/* no CFI to follow, and a guess is worse than nothing */
	if (rc < 0)
		return 0;
	if (rc > 0) {
		cfa = (r.cfa_reg == 6 ? *bp : *sp) + (__u64)(__s64)r.cfa_off;
		if (!es_word(mem, cfa - 8, &ra))
			return -1;
		if (r.bp_off && !es_word(mem, cfa + (__u64)(__s64)r.bp_off, bp))
			return -1;
	} else {
		/* no rule we follow (a PLT stub, a signal frame): the frame
		 * pointer, when it is a link the kernel walked */
		if (!es_is_link(mem, *bp) || !es_word(mem, *bp + 8, &ra) ||
		    !es_word(mem, *bp, &nbp))
			return -1;
		cfa = *bp + 16;
		*bp = nbp;
	}
	*sp = cfa;
	*ip = ra;
	return ra ? 1 : 0;
}

/* The record's stack region (NULL when it has none or it is malformed);
 * with p, the mappings the kernel described in it are added to p. */
static const struct rn_ustack_hdr *es_regions(struct ebpf_stack *st, struct es_proc *p,
					      const struct rn_event *ev)
{
	const struct rn_ustack_hdr *h = NULL;
	size_t off = 0;

	while (off + sizeof(struct rn_region) <= ev->sc.payload_len &&
	       off + sizeof(struct rn_region) <= RN_PAYLOAD_MAX) {
		const struct rn_region *r = (const void *)&ev->payload[off];
		const __u8 *b = (const __u8 *)(r + 1);

		if (off + sizeof(*r) + r->len > RN_PAYLOAD_MAX || !(r->flags & RN_REG_STACK))
			break;	/* the stack's regions come first */
		if (r->arg == RN_USTACK_REGS && r->len >= sizeof(*h)) {
			h = (const void *)b;
			if (sizeof(*h) + h->window + (size_t)h->nlinks * sizeof(struct rn_ustack_link) >
			    r->len || h->nlinks > RN_USTACK_DEPTH)
				return NULL;
		} else if (p && r->arg == RN_USTACK_VMA && r->len >= sizeof(struct rn_ustack_vma)) {
			es_vma(st, p, (const void *)b);
		}
		off += sizeof(*r) + RN_REGION_ALIGN(r->len);
	}
	return h;
}

static long es_stack_rec(void *ctx, const struct rn_event *ev, struct rn_frame *frames,
			 size_t max, int how)
{
	struct ebpf_stack *st = ctx;
	struct es_mem mem = { 0 };
	struct es_proc *p;
	__u64 ip, sp, bp;
	struct es_map *m = NULL;
	long n = 0;
	int rc = 1;

	if (ev->type != RN_EV_SYSCALL)
		return 0;
	/* the mappings it describes were taken by ebpf_stack_batch_seen() */
	mem.h = es_regions(st, NULL, ev);
	if (!mem.h)
		return 0;
	p = es_proc_get(st, ev->tgid);
	if (!p)
		return -ENOMEM;
	st->stacks++;
	mem.window = (const __u8 *)mem.h + sizeof(*mem.h);
	mem.links = (const void *)(mem.window + mem.h->window);
	for (__u32 k = 0; k < mem.h->nlinks; k++)
		mem.bps[k] = k ? mem.links[k - 1].next_bp : mem.h->bp;
	ip = mem.h->ip;
	sp = mem.h->sp;
	bp = mem.h->bp;
	if (how == RN_STACK_INNERMOST)
		max = 1;
	while ((size_t)n < max && rc > 0) {
		struct rn_frame *f = &frames[n];

		*f = (struct rn_frame){ .ip = ip };
		m = es_place(st, p, f);
		n++;
		if (!m && !f->object)
			st->unmapped++;
		if (m && how != RN_USTACK_WALK &&
		    (how != RN_STACK_OWN || !(f->flags & RN_FRAME_SYSTEM)))
			es_symbolize(m, (int)n - 1, true, f);
		if (how == RN_STACK_OWN && !(f->flags & RN_FRAME_SYSTEM))
			return n;	/* the frame --source wants */
		if (how == RN_STACK_INNERMOST)
			break;
		rc = es_step(&mem, m, (int)n - 1, &ip, &sp, &bp);
	}
	if (rc < 0 || ((size_t)n == max && (how == RN_STACK_FULL || how == RN_USTACK_WALK)))
		st->cut++;
	if (rc < 0 && (!m || !m->obj))
		st->cut_unmapped++;
	/* --source without a frame of the program's own: the innermost, named
	 * from the symbol table, as the ptrace backend does */
	if (how == RN_STACK_OWN && n > 0) {
		m = es_map_of(p, frames[0].ip);
		if (m && m->obj)
			es_symbolize(m, 0, false, &frames[0]);
	}
	return n;
}

/* ---- the backend's hooks ---- */

int ebpf_stack_open(struct ebpf_backend *b, const struct rn_trace_config *cfg)
{
	struct ebpf_stack *st;

	if (!cfg->stacks || cfg->summary_only)
		return 0;
	st = calloc(1, sizeof(*st));
	if (!st)
		return -ENOMEM;
	st->argv = cfg->argv;
	st->verbose = cfg->verbose;
	st->no_proc = getenv("RENACER_STACK_NO_PROC") && !strcmp(getenv("RENACER_STACK_NO_PROC"), "1");
	/* the libraries renacer maps are most often the tracees' too: their
	 * paths help find a mapping the kernel names after its process exited */
	es_read_maps(st, NULL, getpid());
	b->stk = st;
	return 0;
}

void ebpf_stack_memsrc(struct ebpf_backend *b, struct rn_memsrc *mem)
{
	if (b->stk) {
		mem->stack_rec = es_stack_rec;
		mem->ctx = b->stk;
	}
}

static bool es_is_exec(const struct rn_event *ev)
{
	return ev->type == RN_EV_SYSCALL && ev->sc.ret == 0 &&
	       (ev->sc.nr == SYS_execve || ev->sc.nr == SYS_execveat);
}

bool ebpf_stack_batch_ends(const struct ebpf_backend *b, const struct rn_event *ev)
{
	return b->stk && es_is_exec(ev);
}

static void es_seen(struct ebpf_stack *st, const struct rn_event *evs, size_t n)
{
	/* every record's mappings, whether or not the frontend asks for its
	 * stack (a record the filter drops still told the kernel's cache) */
	for (size_t i = 0; i < n; i++) {
		struct es_proc *p;

		if (evs[i].type != RN_EV_SYSCALL || !evs[i].sc.payload_len ||
		    !es_regions(st, NULL, &evs[i]))
			continue;
		p = es_proc_get(st, evs[i].tgid);
		if (p)
			es_regions(st, p, &evs[i]);
	}
}

void ebpf_stack_batch_seen(struct ebpf_backend *b, const struct rn_event *evs, size_t n)
{
	if (b->stk)
		es_seen(b->stk, evs, n);
}

static void es_done(struct ebpf_stack *st, const struct rn_event *evs, size_t n)
{
	/* a batch ends at a successful execve (ebpf_stack_batch_ends): the
	 * records after it are another address space */
	for (size_t i = 0; i < n; i++)
		if (es_is_exec(&evs[i]) || (evs[i].type == RN_EV_EXIT &&
		    !(evs[i].flags & (RN_F_THREAD_EXIT | RN_F_SUPERSEDED))))
			es_proc_forget(st, evs[i].tgid);
}

void ebpf_stack_batch_done(struct ebpf_backend *b, const struct rn_event *evs, size_t n)
{
	if (b->stk)
		es_done(b->stk, evs, n);
}

/* Say how many stacks were cut short, and free everything. */
static void es_free(struct ebpf_stack *st)
{
	if (st->verbose)
		fprintf(stderr, "renacer: eBPF stacks: %llu taken, %llu cut short, %llu frames "
			"outside any known mapping, %llu mappings described by the kernel, "
			"%llu maps files read\n", (unsigned long long)st->stacks,
			(unsigned long long)st->cut, (unsigned long long)st->unmapped,
			(unsigned long long)st->vmas, (unsigned long long)st->maps_reads);
	if (st->cut)
		fprintf(stderr, "renacer: %llu of %llu stacks cut short (%llu at code without "
			"frame pointers beyond the copied stack, %llu at an address in no mapping "
			"renacer could find; see docs/stacks.md)\n",
			(unsigned long long)st->cut, (unsigned long long)st->stacks,
			(unsigned long long)(st->cut - st->cut_unmapped),
			(unsigned long long)st->cut_unmapped);
	for (unsigned h = 0; h < ES_BUCKETS; h++) {
		while (st->procs[h]) {
			struct es_proc *p = st->procs[h];

			st->procs[h] = p->next;
			free(p->maps);
			free(p);
		}
		while (st->paths[h]) {
			struct es_path *p = st->paths[h];

			st->paths[h] = p->next;
			free(p);
		}
	}
	pt_obj_free_all(&st->objs);
	free(st);
}

void ebpf_stack_close(struct ebpf_backend *b)
{
	if (b->stk)
		es_free(b->stk);
	b->stk = NULL;
}

int rn_ebpf_stack_map_hook(struct rn_backend *rb, rn_ustack_map_fn fn, void *ctx)
{
	struct ebpf_backend *b = ebpf_of(rb);

	if (!rb || rb->ops != &rn_ebpf_backend || !b->stk)
		return -ENOTSUP;
	b->stk->hook = fn;
	b->stk->hook_ctx = ctx;
	return 0;
}

/* ---- renacer report: recorded stacks, recorded mappings ---- */

struct ebpf_stack *rn_ustack_offline_new(int verbose)
{
	struct ebpf_stack *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->verbose = verbose;
	st->no_proc = true;	/* this machine's processes are not the recording's */
	return st;
}

void rn_ustack_offline_map(struct ebpf_stack *st, __u32 tgid, const struct rn_ustack_mapping *m)
{
	struct es_proc *p = es_proc_get(st, tgid);
	dev_t dev = makedev(m->dev_major, m->dev_minor);
	const char *path = m->path;

	if (!p)
		return;
	if (path && path[0] == '/')
		path = es_path_put(st, dev, (ino_t)m->ino, path);
	else if (m->ino)	/* not to be found by the kernel's description either */
		es_path_put(st, dev, (ino_t)m->ino, "");
	es_map_add(st, p, m->start, m->end, m->off, dev, (ino_t)m->ino, path);
}

bool rn_ustack_offline_ends(const struct rn_event *ev)
{
	return es_is_exec(ev);
}

void rn_ustack_offline_seen(struct ebpf_stack *st, const struct rn_event *evs, size_t n)
{
	es_seen(st, evs, n);
}

void rn_ustack_offline_done(struct ebpf_stack *st, const struct rn_event *evs, size_t n)
{
	es_done(st, evs, n);
}

long rn_ustack_offline_stack(void *ctx, const struct rn_event *ev, struct rn_frame *frames,
			     size_t max, int how)
{
	return es_stack_rec(ctx, ev, frames, max, how);
}

long rn_ustack_offline_frames(struct ebpf_stack *st, __u32 tgid, const __u64 *ips, size_t nips,
			      struct rn_frame *frames, size_t max, int how)
{
	struct es_proc *p = es_proc_get(st, tgid);
	struct es_map *m;
	bool unmapped = false;
	long n = 0;

	if (!p)
		return -ENOMEM;
	st->stacks++;
	if (how == RN_STACK_INNERMOST)
		max = 1;
	for (size_t i = 0; i < nips && (size_t)n < max; i++) {
		struct rn_frame *f = &frames[n];

		*f = (struct rn_frame){ .ip = ips[i] };
		m = es_place(st, p, f);
		n++;
		if (!m && !f->object)
			unmapped = true;
		if (m && (how != RN_STACK_OWN || !(f->flags & RN_FRAME_SYSTEM)))
			es_symbolize(m, (int)n - 1, true, f);
		if (how == RN_STACK_OWN && !(f->flags & RN_FRAME_SYSTEM))
			return n;
	}
	st->unmapped += unmapped;
	st->cut += unmapped;
	st->cut_unmapped += unmapped;
	if (how == RN_STACK_OWN && n > 0) {
		m = es_map_of(p, frames[0].ip);
		if (m && m->obj)
			es_symbolize(m, 0, false, &frames[0]);
	}
	return n;
}

void rn_ustack_offline_free(struct ebpf_stack *st)
{
	if (st)
		es_free(st);
}

#else /* !RN_HAVE_DWARF: -k and --source are refused by the options */

struct ebpf_stack *rn_ustack_offline_new(int verbose)
{
	(void)verbose;
	errno = ENOTSUP;
	return NULL;
}

void rn_ustack_offline_map(struct ebpf_stack *st, __u32 tgid, const struct rn_ustack_mapping *m)
{
	(void)st, (void)tgid, (void)m;
}

bool rn_ustack_offline_ends(const struct rn_event *ev)
{
	(void)ev;
	return false;
}

void rn_ustack_offline_seen(struct ebpf_stack *st, const struct rn_event *evs, size_t n)
{
	(void)st, (void)evs, (void)n;
}

void rn_ustack_offline_done(struct ebpf_stack *st, const struct rn_event *evs, size_t n)
{
	(void)st, (void)evs, (void)n;
}

long rn_ustack_offline_stack(void *ctx, const struct rn_event *ev, struct rn_frame *frames,
			     size_t max, int how)
{
	(void)ctx, (void)ev, (void)frames, (void)max, (void)how;
	return 0;
}

long rn_ustack_offline_frames(struct ebpf_stack *st, __u32 tgid, const __u64 *ips, size_t nips,
			      struct rn_frame *frames, size_t max, int how)
{
	(void)st, (void)tgid, (void)ips, (void)nips, (void)frames, (void)max, (void)how;
	return 0;
}

void rn_ustack_offline_free(struct ebpf_stack *st)
{
	(void)st;
}

bool ebpf_stack_batch_ends(const struct ebpf_backend *b, const struct rn_event *ev)
{
	(void)b, (void)ev;
	return false;
}

void ebpf_stack_batch_seen(struct ebpf_backend *b, const struct rn_event *evs, size_t n)
{
	(void)b, (void)evs, (void)n;
}

void ebpf_stack_batch_done(struct ebpf_backend *b, const struct rn_event *evs, size_t n)
{
	(void)b, (void)evs, (void)n;
}

int ebpf_stack_open(struct ebpf_backend *b, const struct rn_trace_config *cfg)
{
	(void)b, (void)cfg;
	return 0;
}

void ebpf_stack_memsrc(struct ebpf_backend *b, struct rn_memsrc *mem)
{
	(void)b, (void)mem;
}

void ebpf_stack_close(struct ebpf_backend *b)
{
	(void)b;
}

int rn_ebpf_stack_map_hook(struct rn_backend *rb, rn_ustack_map_fn fn, void *ctx)
{
	(void)rb, (void)fn, (void)ctx;
	return -ENOTSUP;
}

#endif /* RN_HAVE_DWARF */
