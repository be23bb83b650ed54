// SPDX-License-Identifier: MIT
/*
 * floor MODE -- CMD...: load the floor.bpf.c programs MODE names, attach
 * them, run CMD, detach. MODE: none, tp (sys_enter + sys_exit tracepoints),
 * tp_enter, tp_exit (one of them), fentry, fexit, fentryfexit (on
 * x64_sys_call), min (the least -c work, on the tracepoints), min:PARTS (min
 * without the pieces the MIN_* bits in PARTS name), rec (the least per-call
 * record, libbpf's consumer), rec_batch (rec, our own batching consumer),
 * rec_late (rec, consumed at the end only), rec_noclock (rec, no times). The load is done before CMD starts, so CMD's own
 * timing sees only the per-call cost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bpf/libbpf.h>
#include <linux/bpf.h>
#include <sys/epoll.h>
#include <sys/mman.h>

#include "floor.skel.h"

static unsigned long nrec;

static int rec_count(void *ctx, void *data, size_t size)
{
	(void)ctx, (void)data, (void)size;
	nrec++;
	return 0;
}

/*
 * The ring buffer read by hand: take every record up to the producer
 * position read once, then store the consumer position once. libbpf's
 * consumer stores it after every record, a cache line the producer on the
 * other CPU reads at every reservation.
 */
struct ring {
	unsigned long *cons, *prod;
	unsigned char *data;
	unsigned long mask;
};

static int ring_map(struct ring *r, int fd, unsigned long size)
{
	long pg = sysconf(_SC_PAGESIZE);

	r->cons = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	r->prod = mmap(NULL, pg + 2 * size, PROT_READ, MAP_SHARED, fd, pg);
	if (r->cons == MAP_FAILED || r->prod == MAP_FAILED)
		return -1;
	r->data = (unsigned char *)r->prod + pg;
	r->mask = size - 1;
	return 0;
}

static void ring_drain(struct ring *r)
{
	unsigned long cons = *r->cons, prod = __atomic_load_n(r->prod, __ATOMIC_ACQUIRE);
	unsigned int len;

	while (cons < prod) {
		len = __atomic_load_n((unsigned int *)&r->data[cons & r->mask], __ATOMIC_ACQUIRE);
		if (len & BPF_RINGBUF_BUSY_BIT)
			break;
		if (!(len & BPF_RINGBUF_DISCARD_BIT))
			nrec++;
		cons += (BPF_RINGBUF_HDR_SZ + (len & ~(BPF_RINGBUF_BUSY_BIT |
						       BPF_RINGBUF_DISCARD_BIT)) + 7) & ~7ul;
	}
	__atomic_store_n(r->cons, cons, __ATOMIC_RELEASE);
}

int main(int argc, char **argv)
{
	struct floor_bpf *skel;
	const char *mode;
	int status, err;
	pid_t pid;
	int go[2];
	char c;

	if (argc < 4 || strcmp(argv[2], "--")) {
		fprintf(stderr, "usage: floor MODE -- CMD...\n");
		return 2;
	}
	mode = argv[1];
	skel = floor_bpf__open();
	if (!skel)
		return 1;
	/* rec: libbpf's consumer; rec_batch: ring_drain(); rec_late: none
	 * until the end, in a ring that holds every record */
	bpf_program__set_autoload(skel->progs.rec_enter, !strncmp(mode, "rec", 3));
	bpf_program__set_autoload(skel->progs.rec_exit, !strncmp(mode, "rec", 3));
	skel->rodata->rec_no_clock = !strcmp(mode, "rec_noclock");
	if (!strcmp(mode, "rec_late"))
		bpf_map__set_max_entries(skel->maps.rb, 256u << 20);
	bpf_program__set_autoload(skel->progs.tp_enter,
				  !strcmp(mode, "tp") || !strcmp(mode, "tp_enter"));
	bpf_program__set_autoload(skel->progs.tp_exit,
				  !strcmp(mode, "tp") || !strcmp(mode, "tp_exit"));
	bpf_program__set_autoload(skel->progs.fe_enter,
				  !strcmp(mode, "fentry") || !strcmp(mode, "fentryfexit"));
	bpf_program__set_autoload(skel->progs.fe_exit,
				  !strcmp(mode, "fexit") || !strcmp(mode, "fentryfexit"));
	/* min:PARTS leaves out what the MIN_* bits of floor.bpf.c say */
	bpf_program__set_autoload(skel->progs.min_enter, !strncmp(mode, "min", 3));
	bpf_program__set_autoload(skel->progs.min_exit, !strncmp(mode, "min", 3));
	if (!strncmp(mode, "min:", 4))
		skel->rodata->min_parts = atoi(mode + 4);
	if (pipe(go) < 0)
		return 1;
	pid = fork();
	if (pid == 0) {
		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	skel->rodata->target_tgid = pid;
	err = floor_bpf__load(skel) ?: floor_bpf__attach(skel);
	if (err) {
		fprintf(stderr, "floor: %s: cannot load/attach: %s\n", mode, strerror(-err));
		kill(pid, 9);
		return 1;
	}
	if (write(go[1], "g", 1) != 1)
		return 1;
	if (!strcmp(mode, "rec") || !strcmp(mode, "rec_late") || !strcmp(mode, "rec_noclock")) {
		struct ring_buffer *rb = ring_buffer__new(bpf_map__fd(skel->maps.rb), rec_count,
							  NULL, NULL);

		while (waitpid(pid, &status, WNOHANG) == 0)
			if (strcmp(mode, "rec_late"))
				ring_buffer__poll(rb, 20);
			else
				usleep(20000);
		ring_buffer__consume(rb);
		fprintf(stderr, "floor: %lu records\n", nrec);
	} else if (!strcmp(mode, "rec_batch")) {
		struct ring r;
		struct epoll_event ev = { .events = EPOLLIN };
		int ep = epoll_create1(0), fd = bpf_map__fd(skel->maps.rb);

		if (ring_map(&r, fd, bpf_map__max_entries(skel->maps.rb)) < 0 ||
		    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
			return 1;
		while (waitpid(pid, &status, WNOHANG) == 0) {
			epoll_wait(ep, &ev, 1, 20);
			ring_drain(&r);
		}
		ring_drain(&r);
		fprintf(stderr, "floor: %lu records\n", nrec);
	} else {
		waitpid(pid, &status, 0);
	}
	floor_bpf__destroy(skel);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
