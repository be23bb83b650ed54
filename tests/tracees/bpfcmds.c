// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_bpf.sh: every bpf(2) command but the map creation and
 * element ones (tail4.c has those), each once with ordinary arguments and
 * once with odd ones (a bad descriptor, unknown flags or types, a NULL or
 * short attr, a size past union bpf_attr), so that their lines can be
 * compared with strace 6.1's. Run as root. Nothing it makes outlives it:
 * programs, maps, links and BTF close with it, the pinned object and its
 * bpffs mount and the cgroup it attaches to are removed at the end (when
 * mounting or making the cgroup fails, the calls on them fail alike under
 * both tracers).
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/bpf.h>
#include <linux/btf.h>

#define U64(p)	((__u64)(unsigned long)(p))

static union bpf_attr ba;
static char logbuf[256];
static char pktbuf[64];

static long bpf(int cmd, unsigned size)
{
	return syscall(SYS_bpf, cmd, &ba, size);
}

static void reset(void)
{
	memset(&ba, 0, sizeof(ba));
}

/* r0 = ret; exit */
static const struct bpf_insn ret_insns[2][2] = {
	{ { .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
	  { .code = BPF_JMP | BPF_EXIT } },
	{ { .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 1 },
	  { .code = BPF_JMP | BPF_EXIT } },
};

static int prog_load(__u32 type, __u32 attach, int ret, const char *name)
{
	reset();
	ba.prog_type = type;
	ba.insn_cnt = 2;
	ba.insns = U64(ret_insns[ret]);
	ba.license = U64("GPL");
	ba.expected_attach_type = attach;
	strncpy(ba.prog_name, name, sizeof(ba.prog_name) - 1);
	return bpf(BPF_PROG_LOAD, offsetof(union bpf_attr, fd_array));
}

/* a bad program with a log, an unknown type and flags, a short attr */
static void prog_loads_odd(void)
{
	reset();
	ba.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	ba.insn_cnt = 1;
	ba.insns = U64(ret_insns[0]);
	ba.license = U64("GPL");
	ba.log_level = 1;
	ba.log_size = sizeof(logbuf);
	ba.log_buf = U64(logbuf);
	ba.kern_version = (5 << 16) | (10 << 8) | 3;
	strcpy(ba.prog_name, "renacer_bad");
	bpf(BPF_PROG_LOAD, sizeof(ba));
	ba.log_size = 5;
	bpf(BPF_PROG_LOAD, sizeof(ba));
	ba.log_size = 0;
	bpf(BPF_PROG_LOAD, sizeof(ba));
	ba.log_size = sizeof(logbuf);
	ba.prog_type = 999;
	ba.prog_flags = BPF_F_STRICT_ALIGNMENT | 0x8000;
	ba.expected_attach_type = 999;
	memset(ba.prog_name, 'x', sizeof(ba.prog_name));
	ba.func_info_rec_size = 8;
	ba.func_info = U64(pktbuf);
	ba.func_info_cnt = 1;
	ba.fd_array = U64(pktbuf);
	ba.core_relo_cnt = 3;
	bpf(BPF_PROG_LOAD, sizeof(ba));
	bpf(BPF_PROG_LOAD, 56);
	bpf(BPF_PROG_LOAD, 8);
	syscall(SYS_bpf, BPF_PROG_LOAD, NULL, sizeof(ba));
	syscall(SYS_bpf, BPF_PROG_LOAD, &ba, 0);
}

static void obj_pin_get(int prog, const char *dir)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/prog", dir);
	reset();
	ba.pathname = U64(path);
	ba.bpf_fd = prog;
	bpf(BPF_OBJ_PIN, sizeof(ba));
	reset();
	ba.pathname = U64(path);
	ba.file_flags = BPF_F_RDONLY;
	close(bpf(BPF_OBJ_GET, sizeof(ba)));
	unlink(path);
	reset();
	ba.pathname = U64("/nonexistent/renacer");
	ba.bpf_fd = -1;
	ba.file_flags = 0x40;
	bpf(BPF_OBJ_PIN, sizeof(ba));
	bpf(BPF_OBJ_GET, 12);
	ba.pathname = 0;
	bpf(BPF_OBJ_GET, sizeof(ba));
}

/* BPF_OBJ_GET_INFO_BY_FD with room for the whole info, then too little */
static void info(int fd)
{
	static __u64 out[64];

	memset(out, 0, sizeof(out));
	reset();
	ba.info.bpf_fd = fd;
	ba.info.info_len = sizeof(out);
	ba.info.info = U64(out);
	bpf(BPF_OBJ_GET_INFO_BY_FD, sizeof(ba));
	ba.info.info_len = 8;
	bpf(BPF_OBJ_GET_INFO_BY_FD, 16);
}

static void infos_odd(void)
{
	reset();
	ba.info.bpf_fd = -1;
	ba.info.info_len = 8;
	ba.info.info = U64(pktbuf);
	bpf(BPF_OBJ_GET_INFO_BY_FD, sizeof(ba));
	ba.info.bpf_fd = 0;
	ba.info.info = 0;
	bpf(BPF_OBJ_GET_INFO_BY_FD, 12);
}

/* attach, query and detach a cgroup program, then a link on the cgroup */
static void cgroup_calls(int cg, int prog, int prog2)
{
	__u32 ids[4] = { 0 }, aflags[4] = { 0 };
	int link;

	reset();
	ba.target_fd = cg;
	ba.attach_bpf_fd = prog;
	ba.attach_type = BPF_CGROUP_INET_EGRESS;
	ba.attach_flags = BPF_F_ALLOW_MULTI;
	bpf(BPF_PROG_ATTACH, sizeof(ba));
	ba.attach_bpf_fd = prog2;
	bpf(BPF_PROG_ATTACH, 16);
	reset();
	ba.query.target_fd = cg;
	ba.query.attach_type = BPF_CGROUP_INET_EGRESS;
	ba.query.query_flags = BPF_F_QUERY_EFFECTIVE;
	ba.query.prog_ids = U64(ids);
	ba.query.prog_cnt = 1;
	bpf(BPF_PROG_QUERY, sizeof(ba));
	ba.query.prog_cnt = 4;
	bpf(BPF_PROG_QUERY, sizeof(ba));
	ba.query.query_flags = 0;
	ba.query.prog_cnt = 4;
	ba.query.prog_attach_flags = U64(aflags);
	bpf(BPF_PROG_QUERY, sizeof(ba));
	ba.query.prog_ids = 0;
	ba.query.prog_cnt = 0;
	bpf(BPF_PROG_QUERY, 40);
	ba.query.prog_ids = U64(ids);
	ba.query.prog_cnt = 0;
	bpf(BPF_PROG_QUERY, sizeof(ba));
	reset();
	ba.target_fd = cg;
	ba.attach_bpf_fd = prog;
	ba.attach_type = BPF_CGROUP_INET_EGRESS;
	bpf(BPF_PROG_DETACH, sizeof(ba));
	ba.attach_bpf_fd = prog2;
	bpf(BPF_PROG_DETACH, sizeof(ba));
	reset();
	ba.link_create.prog_fd = prog;
	ba.link_create.target_fd = cg;
	ba.link_create.attach_type = BPF_CGROUP_INET_EGRESS;
	link = bpf(BPF_LINK_CREATE, sizeof(ba));
	reset();
	ba.link_update.link_fd = link;
	ba.link_update.new_prog_fd = prog2;
	bpf(BPF_LINK_UPDATE, sizeof(ba));
	ba.link_update.flags = BPF_F_REPLACE;
	ba.link_update.old_prog_fd = prog;
	bpf(BPF_LINK_UPDATE, sizeof(ba));
	info(link);
	reset();
	ba.link_detach.link_fd = link;
	bpf(BPF_LINK_DETACH, sizeof(ba));
	close(link);
}

static void cgroup_odd(void)
{
	reset();
	ba.target_fd = -1;
	ba.attach_bpf_fd = -1;
	ba.attach_type = 999;
	ba.attach_flags = 0x80;
	ba.replace_bpf_fd = -1;
	bpf(BPF_PROG_ATTACH, sizeof(ba));
	bpf(BPF_PROG_DETACH, 8);
	reset();
	ba.query.target_fd = -1;
	ba.query.attach_type = 999;
	ba.query.query_flags = 0x10;
	ba.query.prog_cnt = 7;
	bpf(BPF_PROG_QUERY, sizeof(ba));
	reset();
	ba.link_create.prog_fd = -1;
	ba.link_create.target_fd = -1;
	ba.link_create.attach_type = 999;
	ba.link_create.flags = 0x10;
	ba.link_create.target_btf_id = 7;
	bpf(BPF_LINK_CREATE, sizeof(ba));
	reset();
	ba.link_update.link_fd = -1;
	ba.link_update.flags = 0x100;
	bpf(BPF_LINK_UPDATE, sizeof(ba));
	reset();
	ba.link_detach.link_fd = -1;
	bpf(BPF_LINK_DETACH, sizeof(ba));
}

/* a socket filter on a packet; a bad descriptor and odd context sizes */
static void test_runs(int prog)
{
	reset();
	memset(pktbuf, 0xab, sizeof(pktbuf));
	ba.test.prog_fd = prog;
	ba.test.data_in = U64(pktbuf);
	ba.test.data_size_in = 20;
	ba.test.data_out = U64(logbuf);
	ba.test.data_size_out = sizeof(logbuf);
	ba.test.repeat = 1;
	bpf(BPF_PROG_TEST_RUN, sizeof(ba));
	ba.test.data_out = 0;
	ba.test.data_size_out = 0;
	bpf(BPF_PROG_TEST_RUN, 40);
	reset();
	ba.test.prog_fd = -1;
	ba.test.ctx_size_in = 4;
	ba.test.ctx_in = U64(pktbuf);
	ba.test.flags = 0x10;
	ba.test.cpu = 1;
	ba.test.batch_size = 3;
	bpf(BPF_PROG_TEST_RUN, sizeof(ba));
}

/* the first id of each kind, a descriptor for it; none after the last */
static void ids(void)
{
	static const int next[] = { BPF_PROG_GET_NEXT_ID, BPF_MAP_GET_NEXT_ID,
				    BPF_BTF_GET_NEXT_ID, BPF_LINK_GET_NEXT_ID };
	static const int get[] = { BPF_PROG_GET_FD_BY_ID, BPF_MAP_GET_FD_BY_ID,
				   BPF_BTF_GET_FD_BY_ID, BPF_LINK_GET_FD_BY_ID };

	for (int i = 0; i < 4; i++) {
		reset();
		if (bpf(next[i], sizeof(ba)) < 0)
			continue;
		ba.start_id = ba.next_id;
		ba.next_id = 0;
		close(bpf(get[i], sizeof(ba)));
		reset();
		ba.start_id = 0xffffffff;
		ba.open_flags = 0x40;
		bpf(next[i], sizeof(ba));
		bpf(get[i], sizeof(ba));
		bpf(get[i], 4);
	}
}

/* int, a 4-byte signed integer: the smallest BTF there is */
static void btf_loads(void)
{
	static struct {
		struct btf_header h;
		struct btf_type t;
		__u32 enc;
		char str[5];
	} __attribute__((packed)) b = {
		.h = { .magic = BTF_MAGIC, .version = BTF_VERSION, .hdr_len = sizeof(b.h),
		       .type_len = sizeof(b.t) + sizeof(b.enc),
		       .str_off = sizeof(b.t) + sizeof(b.enc), .str_len = sizeof(b.str) },
		.t = { .name_off = 1, .info = BTF_KIND_INT << 24, .size = 4 },
		.enc = BTF_INT_SIGNED << 24 | 32,
		.str = "\0int",
	};
	int fd;

	reset();
	ba.btf = U64(&b);
	ba.btf_size = sizeof(b);
	fd = bpf(BPF_BTF_LOAD, 28);
	info(fd);
	close(fd);
	b.h.magic = 0x1234;
	reset();
	ba.btf = U64(&b);
	ba.btf_size = sizeof(b);
	ba.btf_log_buf = U64(logbuf);
	ba.btf_log_size = sizeof(logbuf);
	ba.btf_log_level = 1;
	bpf(BPF_BTF_LOAD, sizeof(ba));
	b.h.magic = BTF_MAGIC;
	ba.btf_log_level = 9;
	ba.btf_size = 0;
	bpf(BPF_BTF_LOAD, 20);
}

static int map_create(__u32 type, __u32 key, __u32 value, __u32 max);

/* a raw tracepoint that rarely fires, the query of its descriptor */
static void raw_tp(void)
{
	char name[32];
	int prog, tp;

	prog = prog_load(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0, "renacer_rawtp");
	reset();
	ba.raw_tracepoint.name = U64("task_rename");
	ba.raw_tracepoint.prog_fd = prog;
	tp = bpf(BPF_RAW_TRACEPOINT_OPEN, sizeof(ba));
	reset();
	ba.task_fd_query.pid = getpid();
	ba.task_fd_query.fd = tp;
	ba.task_fd_query.buf = U64(name);
	ba.task_fd_query.buf_len = sizeof(name);
	bpf(BPF_TASK_FD_QUERY, sizeof(ba));
	ba.task_fd_query.buf_len = 4;
	bpf(BPF_TASK_FD_QUERY, sizeof(ba));
	ba.task_fd_query.buf = 0;
	ba.task_fd_query.buf_len = 0;
	bpf(BPF_TASK_FD_QUERY, sizeof(ba));
	info(prog);
	info(tp);
	ids();
	close(tp);
	close(prog);
	reset();
	ba.raw_tracepoint.name = 0;
	ba.raw_tracepoint.prog_fd = -1;
	bpf(BPF_RAW_TRACEPOINT_OPEN, sizeof(ba));
	ba.raw_tracepoint.name = U64("renacer_no_such_tp");
	bpf(BPF_RAW_TRACEPOINT_OPEN, 16);
	reset();
	ba.task_fd_query.pid = 0;
	ba.task_fd_query.fd = -1;
	ba.task_fd_query.flags = 3;
	bpf(BPF_TASK_FD_QUERY, sizeof(ba));
}

static int map_create(__u32 type, __u32 key, __u32 value, __u32 max)
{
	reset();
	ba.map_type = type;
	ba.key_size = key;
	ba.value_size = value;
	ba.max_entries = max;
	return bpf(BPF_MAP_CREATE, sizeof(ba));
}

/* three entries in, looked up from an array two at a time (a hash map's
 * buckets come in an order of its own), then out of a hash map whole */
static void batches(void)
{
	__u32 keys[8] = { 1, 2, 3 }, vals[8] = { 10, 20, 30 }, out_batch = 0;
	int arr = map_create(BPF_MAP_TYPE_ARRAY, 4, 4, 3);
	int map = map_create(BPF_MAP_TYPE_HASH, 4, 4, 8);

	reset();
	ba.batch.map_fd = map;
	ba.batch.keys = U64(keys);
	ba.batch.values = U64(vals);
	ba.batch.count = 3;
	bpf(BPF_MAP_UPDATE_BATCH, sizeof(ba));
	ba.batch.map_fd = arr;
	ba.batch.out_batch = U64(&out_batch);
	ba.batch.count = 2;
	bpf(BPF_MAP_LOOKUP_BATCH, sizeof(ba));
	ba.batch.in_batch = U64(&out_batch);
	ba.batch.count = 2;
	bpf(BPF_MAP_LOOKUP_BATCH, sizeof(ba));
	ba.batch.map_fd = map;
	ba.batch.in_batch = 0;
	ba.batch.count = 8;
	bpf(BPF_MAP_LOOKUP_AND_DELETE_BATCH, sizeof(ba));
	ba.batch.count = 2;
	ba.batch.elem_flags = BPF_F_LOCK;
	bpf(BPF_MAP_DELETE_BATCH, sizeof(ba));
	ba.batch.elem_flags = 0;
	bpf(BPF_MAP_DELETE_BATCH, sizeof(ba));
	close(map);
	close(arr);
	reset();
	ba.batch.map_fd = -1;
	ba.batch.count = 1;
	ba.batch.elem_flags = 0x10;
	ba.batch.flags = 1;
	bpf(BPF_MAP_LOOKUP_BATCH, sizeof(ba));
	bpf(BPF_MAP_UPDATE_BATCH, 40);
}

/* a queue: a value pushed, popped, and a pop from nothing */
static void queue_pop(void)
{
	__u32 val = 42;
	int map = map_create(BPF_MAP_TYPE_QUEUE, 0, 4, 2);

	reset();
	ba.map_fd = map;
	ba.value = U64(&val);
	bpf(BPF_MAP_UPDATE_ELEM, sizeof(ba));
	val = 0;
	bpf(BPF_MAP_LOOKUP_AND_DELETE_ELEM, sizeof(ba));
	bpf(BPF_MAP_LOOKUP_AND_DELETE_ELEM, sizeof(ba));
	close(map);
	reset();
	ba.map_fd = -1;
	ba.flags = 0x10;
	bpf(BPF_MAP_LOOKUP_AND_DELETE_ELEM, sizeof(ba));
	bpf(BPF_MAP_LOOKUP_AND_DELETE_ELEM, 24);
}

/* the commands strace 6.1 shows as an address */
static void undecoded(int prog)
{
	int map = map_create(BPF_MAP_TYPE_ARRAY, 4, 4, 1);

	reset();
	ba.enable_stats.type = BPF_STATS_RUN_TIME;
	close(bpf(BPF_ENABLE_STATS, sizeof(ba)));
	ba.enable_stats.type = 99;
	bpf(BPF_ENABLE_STATS, sizeof(ba));
	reset();
	ba.iter_create.link_fd = -1;
	bpf(BPF_ITER_CREATE, sizeof(ba));
	reset();
	ba.prog_bind_map.prog_fd = prog;
	ba.prog_bind_map.map_fd = map;
	bpf(BPF_PROG_BIND_MAP, sizeof(ba));
	ba.prog_bind_map.flags = 1;
	bpf(BPF_PROG_BIND_MAP, sizeof(ba));
	close(map);
	syscall(SYS_bpf, 36, &ba, sizeof(ba));
	syscall(SYS_bpf, -1, NULL, 0);
}

/* a bpffs in a directory of its own for the pinned program (no
 * mkdtemp: its getrandom is not always a system call) */
static void pins(int prog)
{
	char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/renacer-bpfcmds.%d", getpid());
	if (mkdir(dir, 0700))
		return;
	mount("bpf", dir, "bpf", 0, NULL);
	obj_pin_get(prog, dir);
	umount2(dir, MNT_DETACH);
	rmdir(dir);
}

/* a cgroup v2 directory of its own to attach to */
static void cgroups(int prog, int prog2)
{
	static const char *const roots[] = { "/sys/fs/cgroup/unified", "/sys/fs/cgroup" };
	char dir[128];
	int cg = -1;

	for (int i = 0; i < 2 && cg < 0; i++) {
		snprintf(dir, sizeof(dir), "%s/renacer-bpfcmds.%d", roots[i], getpid());
		if (mkdir(dir, 0755) == 0)
			cg = open(dir, O_RDONLY | O_DIRECTORY);
	}
	cgroup_calls(cg, prog, prog2);
	close(cg);
	rmdir(dir);
}

int main(void)
{
	int sf, cg1, cg2, map;

	syscall(SYS_getpid);
	sf = prog_load(BPF_PROG_TYPE_SOCKET_FILTER, 0, 1, "renacer_sf");
	cg1 = prog_load(BPF_PROG_TYPE_CGROUP_SKB, BPF_CGROUP_INET_EGRESS, 1, "renacer_cg1");
	cg2 = prog_load(BPF_PROG_TYPE_CGROUP_SKB, BPF_CGROUP_INET_EGRESS, 1, "renacer_cg2");
	prog_loads_odd();
	info(sf);
	infos_odd();
	pins(sf);
	cgroups(cg1, cg2);
	cgroup_odd();
	test_runs(sf);
	btf_loads();
	map = map_create(BPF_MAP_TYPE_ARRAY, 4, 4, 1);
	info(map);
	raw_tp();
	close(map);
	batches();
	queue_pop();
	undecoded(sf);
	close(cg2);
	close(cg1);
	close(sf);
	return 0;
}
