// SPDX-License-Identifier: MIT
/*
 * --stack-format=folded: the calls counted per distinct call stack, printed
 * at the end as `comm;outermost;...;innermost;syscall COUNT` lines, the
 * input flame-graph tools read (flamegraph.pl, inferno, speedscope).
 *
 * Memory grows with the number of distinct stacks, not with the calls.
 * Frame names come from the traced program's symbols: ';', spaces and any
 * byte that is not printable ASCII become '_', so a hostile name can neither
 * split a frame nor reach the terminal raw.
 */
#include "sink.h"

#include "../syscalls/syscalls.h"

#include <asm/unistd_64.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FOLD_BUCKETS 4096

struct fold {
	struct fold *next;
	__u64 count;
	char key[];		/* comm;frames...;syscall */
};

struct folded_sink {
	struct fold *bucket[FOLD_BUCKETS];
	size_t n;
	struct rn_tidmap comm;	/* tgid -> malloc'd comm */
	struct rn_strbuf key;
};

static void put_name(struct rn_strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		rn_sb_putc(sb, c > ' ' && c < 0x7f && c != ';' ? (char)c : '_');
	}
}

/* The process name, read once per process (again after an execve). */
static const char *comm_of(struct folded_sink *fs, const struct rn_event *ev)
{
	char path[64], buf[32] = "?";
	int is_new;
	void **slot = rn_tidmap_get(&fs->comm, ev->tgid, &is_new);
	bool exec = (ev->sc.nr == __NR_execve || ev->sc.nr == __NR_execveat) && ev->sc.ret == 0;
	FILE *f;

	/* a name not found before ("?": the process was gone) is taken from
	 * the first record that carries one */
	if (slot && *slot && !exec && (strcmp(*slot, "?") || !ev->comm[0]))
		return *slot;
	/* the name the backend took with the record (eBPF, in the kernel):
	 * the process may be gone already */
	if (ev->comm[0])
		snprintf(buf, sizeof(buf), "%.*s", (int)sizeof(ev->comm), ev->comm);
	snprintf(path, sizeof(path), "/proc/%u/comm", ev->tgid);
	f = ev->comm[0] ? NULL : fopen(path, "re");
	if (f) {
		if (fgets(buf, sizeof(buf), f))
			buf[strcspn(buf, "\n")] = '\0';
		fclose(f);
	}
	if (!slot)
		return "?";
	free(*slot);
	*slot = strdup(buf);
	return *slot ? *slot : "?";
}

static void frame_name(struct rn_strbuf *sb, const struct rn_frame *f)
{
	const char *obj;

	if (f->function) {
		put_name(sb, f->function);
		return;
	}
	/* no symbol: the object's base name, as perf script does */
	obj = f->object ? strrchr(f->object, '/') : NULL;
	rn_sb_putc(sb, '[');
	put_name(sb, obj ? obj + 1 : f->object ? f->object : "unknown");
	rn_sb_putc(sb, ']');
}

static unsigned long hash(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int fold_add(struct folded_sink *fs, const char *key)
{
	struct fold **b = &fs->bucket[hash(key) % FOLD_BUCKETS], *f;

	for (f = *b; f; f = f->next) {
		if (!strcmp(f->key, key)) {
			f->count++;
			return 0;
		}
	}
	f = malloc(sizeof(*f) + strlen(key) + 1);
	if (!f)
		return -ENOMEM;
	strcpy(f->key, key);
	f->count = 1;
	f->next = *b;
	*b = f;
	fs->n++;
	return 0;
}

static int folded_on_events(struct rn_sink *s, const struct rn_sink_batch *batch)
{
	struct folded_sink *fs = s->state;
	char nb[32];

	for (size_t i = 0; i < batch->n; i++) {
		const struct rn_sink_rec *r = &batch->recs[i];
		const struct rn_syscall_info *si;

		if (r->ev->type != RN_EV_SYSCALL || !r->show)
			continue;
		si = rn_syscall((long)r->ev->sc.nr);
		rn_sb_reset(&fs->key);
		put_name(&fs->key, comm_of(fs, r->ev));
		/* outermost first, as flame graphs stack them */
		for (int k = r->nframes - 1; k >= 0; k--) {
			rn_sb_putc(&fs->key, ';');
			frame_name(&fs->key, &r->frames[k]);
		}
		snprintf(nb, sizeof(nb), "syscall_%llu", (unsigned long long)r->ev->sc.nr);
		rn_sb_putc(&fs->key, ';');
		rn_sb_puts(&fs->key, si ? si->name : nb);
		if (fold_add(fs, fs->key.buf))
			return -ENOMEM;
	}
	return 0;
}

static int fold_cmp(const void *a, const void *b)
{
	return strcmp((*(struct fold *const *)a)->key, (*(struct fold *const *)b)->key);
}

/* Sorted, so two runs of the same program compare with diff. */
static int folded_end(struct rn_sink *s)
{
	struct folded_sink *fs = s->state;
	FILE *out = rn_output_summary(s->env->out);
	struct fold **all = calloc(fs->n ? fs->n : 1, sizeof(*all));
	size_t n = 0;

	if (!all)
		return -ENOMEM;
	for (size_t b = 0; b < FOLD_BUCKETS; b++)
		for (struct fold *f = fs->bucket[b]; f; f = f->next)
			all[n++] = f;
	qsort(all, n, sizeof(*all), fold_cmp);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s %llu\n", all[i]->key, (unsigned long long)all[i]->count);
	free(all);
	fflush(out);
	return ferror(out) ? -EIO : 0;
}

static void folded_release(struct rn_sink *s)
{
	struct folded_sink *fs = s->state;

	for (size_t b = 0; b < FOLD_BUCKETS; b++) {
		while (fs->bucket[b]) {
			struct fold *f = fs->bucket[b];

			fs->bucket[b] = f->next;
			free(f);
		}
	}
	for (size_t i = 0; i < fs->comm.cap; i++)
		if (fs->comm.keys[i])
			free(fs->comm.vals[i]);
	rn_tidmap_release(&fs->comm);
	rn_sb_release(&fs->key);
	free(fs);
	free(s);
}

static const struct rn_sink folded_tmpl = {
	.name = "folded",
	.wants = RN_SINK_STACK,
	.on_events = folded_on_events,
	.end = folded_end,
	.release = folded_release,
};

struct rn_sink *rn_sink_folded_new(const struct rn_sink_env *env)
{
	struct folded_sink *fs = calloc(1, sizeof(*fs));
	struct rn_sink *s = fs ? rn_sink_new(&folded_tmpl, env, fs) : NULL;

	if (!s) {
		free(fs);
		return NULL;
	}
	rn_tidmap_init(&fs->comm);
	rn_sb_init(&fs->key);
	return s;
}
