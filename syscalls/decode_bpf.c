// SPDX-License-Identifier: MIT
/*
 * bpf(cmd, attr, size) as strace 6.1 prints it: each command's part of
 * union bpf_attr from a table of its fields. A field shows once the size
 * given reaches past its offset (some in groups, as the structure grew),
 * the memory past size reads as zeros, and a byte set past the fields
 * strace 6.1 knew prints as ", ..." (extra_data under -v). Outputs the
 * kernel writes into the attr print at exit ("next_id=0 => 42"), which is
 * why both backends keep the attr as the call found it and as it left it.
 * The commands strace 6.1 has no decoder for (BPF_ENABLE_STATS and later)
 * print the attr as an address, as there.
 *
 * Checked against strace's lines for the same calls: tests/tracees/bpfcmds.c
 * and tail4.c, tests/integration/t_decode_bpf.sh and t_decode_tail4.sh.
 */
#include <string.h>
#include <asm/unistd_64.h>

#include "bpf_int.h"
#include "gen/decoders.h"

static const struct rn_xlat bpf_cmds[] = {
	XLAT_PAIR(0, "BPF_MAP_CREATE"), XLAT_PAIR(1, "BPF_MAP_LOOKUP_ELEM"),
	XLAT_PAIR(2, "BPF_MAP_UPDATE_ELEM"), XLAT_PAIR(3, "BPF_MAP_DELETE_ELEM"),
	XLAT_PAIR(4, "BPF_MAP_GET_NEXT_KEY"), XLAT_PAIR(5, "BPF_PROG_LOAD"),
	XLAT_PAIR(6, "BPF_OBJ_PIN"), XLAT_PAIR(7, "BPF_OBJ_GET"), XLAT_PAIR(8, "BPF_PROG_ATTACH"),
	XLAT_PAIR(9, "BPF_PROG_DETACH"), XLAT_PAIR(10, "BPF_PROG_TEST_RUN"),
	XLAT_PAIR(11, "BPF_PROG_GET_NEXT_ID"), XLAT_PAIR(12, "BPF_MAP_GET_NEXT_ID"),
	XLAT_PAIR(13, "BPF_PROG_GET_FD_BY_ID"), XLAT_PAIR(14, "BPF_MAP_GET_FD_BY_ID"),
	XLAT_PAIR(15, "BPF_OBJ_GET_INFO_BY_FD"), XLAT_PAIR(16, "BPF_PROG_QUERY"),
	XLAT_PAIR(17, "BPF_RAW_TRACEPOINT_OPEN"), XLAT_PAIR(18, "BPF_BTF_LOAD"),
	XLAT_PAIR(19, "BPF_BTF_GET_FD_BY_ID"), XLAT_PAIR(20, "BPF_TASK_FD_QUERY"),
	XLAT_PAIR(21, "BPF_MAP_LOOKUP_AND_DELETE_ELEM"), XLAT_PAIR(22, "BPF_MAP_FREEZE"),
	XLAT_PAIR(23, "BPF_BTF_GET_NEXT_ID"), XLAT_PAIR(24, "BPF_MAP_LOOKUP_BATCH"),
	XLAT_PAIR(25, "BPF_MAP_LOOKUP_AND_DELETE_BATCH"), XLAT_PAIR(26, "BPF_MAP_UPDATE_BATCH"),
	XLAT_PAIR(27, "BPF_MAP_DELETE_BATCH"), XLAT_PAIR(28, "BPF_LINK_CREATE"),
	XLAT_PAIR(29, "BPF_LINK_UPDATE"), XLAT_PAIR(30, "BPF_LINK_GET_FD_BY_ID"),
	XLAT_PAIR(31, "BPF_LINK_GET_NEXT_ID"), XLAT_PAIR(32, "BPF_ENABLE_STATS"),
	XLAT_PAIR(33, "BPF_ITER_CREATE"), XLAT_PAIR(34, "BPF_LINK_DETACH"),
	XLAT_PAIR(35, "BPF_PROG_BIND_MAP"), XLAT_END,
};

const struct rn_xlat bpf_map_types[] = {
	XLAT_PAIR(0, "BPF_MAP_TYPE_UNSPEC"), XLAT_PAIR(1, "BPF_MAP_TYPE_HASH"),
	XLAT_PAIR(2, "BPF_MAP_TYPE_ARRAY"), XLAT_PAIR(3, "BPF_MAP_TYPE_PROG_ARRAY"),
	XLAT_PAIR(4, "BPF_MAP_TYPE_PERF_EVENT_ARRAY"), XLAT_PAIR(5, "BPF_MAP_TYPE_PERCPU_HASH"),
	XLAT_PAIR(6, "BPF_MAP_TYPE_PERCPU_ARRAY"), XLAT_PAIR(7, "BPF_MAP_TYPE_STACK_TRACE"),
	XLAT_PAIR(8, "BPF_MAP_TYPE_CGROUP_ARRAY"), XLAT_PAIR(9, "BPF_MAP_TYPE_LRU_HASH"),
	XLAT_PAIR(10, "BPF_MAP_TYPE_LRU_PERCPU_HASH"), XLAT_PAIR(11, "BPF_MAP_TYPE_LPM_TRIE"),
	XLAT_PAIR(12, "BPF_MAP_TYPE_ARRAY_OF_MAPS"), XLAT_PAIR(13, "BPF_MAP_TYPE_HASH_OF_MAPS"),
	XLAT_PAIR(14, "BPF_MAP_TYPE_DEVMAP"), XLAT_PAIR(15, "BPF_MAP_TYPE_SOCKMAP"),
	XLAT_PAIR(16, "BPF_MAP_TYPE_CPUMAP"), XLAT_PAIR(17, "BPF_MAP_TYPE_XSKMAP"),
	XLAT_PAIR(18, "BPF_MAP_TYPE_SOCKHASH"), XLAT_PAIR(19, "BPF_MAP_TYPE_CGROUP_STORAGE"),
	XLAT_PAIR(20, "BPF_MAP_TYPE_REUSEPORT_SOCKARRAY"),
	XLAT_PAIR(21, "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE"), XLAT_PAIR(22, "BPF_MAP_TYPE_QUEUE"),
	XLAT_PAIR(23, "BPF_MAP_TYPE_STACK"), XLAT_PAIR(24, "BPF_MAP_TYPE_SK_STORAGE"),
	XLAT_PAIR(25, "BPF_MAP_TYPE_DEVMAP_HASH"), XLAT_PAIR(26, "BPF_MAP_TYPE_STRUCT_OPS"),
	XLAT_PAIR(27, "BPF_MAP_TYPE_RINGBUF"), XLAT_PAIR(28, "BPF_MAP_TYPE_INODE_STORAGE"),
	XLAT_PAIR(29, "BPF_MAP_TYPE_TASK_STORAGE"), XLAT_PAIR(30, "BPF_MAP_TYPE_BLOOM_FILTER"),
	XLAT_PAIR(31, "BPF_MAP_TYPE_USER_RINGBUF"), XLAT_END,
};

const struct rn_xlat bpf_map_flags[] = {
	XLAT_PAIR(1u << 0, "BPF_F_NO_PREALLOC"), XLAT_PAIR(1u << 1, "BPF_F_NO_COMMON_LRU"),
	XLAT_PAIR(1u << 2, "BPF_F_NUMA_NODE"), XLAT_PAIR(1u << 3, "BPF_F_RDONLY"),
	XLAT_PAIR(1u << 4, "BPF_F_WRONLY"), XLAT_PAIR(1u << 5, "BPF_F_STACK_BUILD_ID"),
	XLAT_PAIR(1u << 6, "BPF_F_ZERO_SEED"), XLAT_PAIR(1u << 7, "BPF_F_RDONLY_PROG"),
	XLAT_PAIR(1u << 8, "BPF_F_WRONLY_PROG"), XLAT_PAIR(1u << 9, "BPF_F_CLONE"),
	XLAT_PAIR(1u << 10, "BPF_F_MMAPABLE"), XLAT_PAIR(1u << 11, "BPF_F_PRESERVE_ELEMS"),
	XLAT_PAIR(1u << 12, "BPF_F_INNER_MAP"), XLAT_END,
};

const struct rn_xlat bpf_prog_types[] = {
	XLAT_PAIR(0, "BPF_PROG_TYPE_UNSPEC"), XLAT_PAIR(1, "BPF_PROG_TYPE_SOCKET_FILTER"),
	XLAT_PAIR(2, "BPF_PROG_TYPE_KPROBE"), XLAT_PAIR(3, "BPF_PROG_TYPE_SCHED_CLS"),
	XLAT_PAIR(4, "BPF_PROG_TYPE_SCHED_ACT"), XLAT_PAIR(5, "BPF_PROG_TYPE_TRACEPOINT"),
	XLAT_PAIR(6, "BPF_PROG_TYPE_XDP"), XLAT_PAIR(7, "BPF_PROG_TYPE_PERF_EVENT"),
	XLAT_PAIR(8, "BPF_PROG_TYPE_CGROUP_SKB"), XLAT_PAIR(9, "BPF_PROG_TYPE_CGROUP_SOCK"),
	XLAT_PAIR(10, "BPF_PROG_TYPE_LWT_IN"), XLAT_PAIR(11, "BPF_PROG_TYPE_LWT_OUT"),
	XLAT_PAIR(12, "BPF_PROG_TYPE_LWT_XMIT"), XLAT_PAIR(13, "BPF_PROG_TYPE_SOCK_OPS"),
	XLAT_PAIR(14, "BPF_PROG_TYPE_SK_SKB"), XLAT_PAIR(15, "BPF_PROG_TYPE_CGROUP_DEVICE"),
	XLAT_PAIR(16, "BPF_PROG_TYPE_SK_MSG"), XLAT_PAIR(17, "BPF_PROG_TYPE_RAW_TRACEPOINT"),
	XLAT_PAIR(18, "BPF_PROG_TYPE_CGROUP_SOCK_ADDR"),
	XLAT_PAIR(19, "BPF_PROG_TYPE_LWT_SEG6LOCAL"), XLAT_PAIR(20, "BPF_PROG_TYPE_LIRC_MODE2"),
	XLAT_PAIR(21, "BPF_PROG_TYPE_SK_REUSEPORT"), XLAT_PAIR(22, "BPF_PROG_TYPE_FLOW_DISSECTOR"),
	XLAT_PAIR(23, "BPF_PROG_TYPE_CGROUP_SYSCTL"),
	XLAT_PAIR(24, "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE"),
	XLAT_PAIR(25, "BPF_PROG_TYPE_CGROUP_SOCKOPT"), XLAT_PAIR(26, "BPF_PROG_TYPE_TRACING"),
	XLAT_PAIR(27, "BPF_PROG_TYPE_STRUCT_OPS"), XLAT_PAIR(28, "BPF_PROG_TYPE_EXT"),
	XLAT_PAIR(29, "BPF_PROG_TYPE_LSM"), XLAT_PAIR(30, "BPF_PROG_TYPE_SK_LOOKUP"),
	XLAT_PAIR(31, "BPF_PROG_TYPE_SYSCALL"), XLAT_END,
};

static const struct rn_xlat bpf_attach_types[] = {
	XLAT_PAIR(0, "BPF_CGROUP_INET_INGRESS"), XLAT_PAIR(1, "BPF_CGROUP_INET_EGRESS"),
	XLAT_PAIR(2, "BPF_CGROUP_INET_SOCK_CREATE"), XLAT_PAIR(3, "BPF_CGROUP_SOCK_OPS"),
	XLAT_PAIR(4, "BPF_SK_SKB_STREAM_PARSER"), XLAT_PAIR(5, "BPF_SK_SKB_STREAM_VERDICT"),
	XLAT_PAIR(6, "BPF_CGROUP_DEVICE"), XLAT_PAIR(7, "BPF_SK_MSG_VERDICT"),
	XLAT_PAIR(8, "BPF_CGROUP_INET4_BIND"), XLAT_PAIR(9, "BPF_CGROUP_INET6_BIND"),
	XLAT_PAIR(10, "BPF_CGROUP_INET4_CONNECT"), XLAT_PAIR(11, "BPF_CGROUP_INET6_CONNECT"),
	XLAT_PAIR(12, "BPF_CGROUP_INET4_POST_BIND"), XLAT_PAIR(13, "BPF_CGROUP_INET6_POST_BIND"),
	XLAT_PAIR(14, "BPF_CGROUP_UDP4_SENDMSG"), XLAT_PAIR(15, "BPF_CGROUP_UDP6_SENDMSG"),
	XLAT_PAIR(16, "BPF_LIRC_MODE2"), XLAT_PAIR(17, "BPF_FLOW_DISSECTOR"),
	XLAT_PAIR(18, "BPF_CGROUP_SYSCTL"), XLAT_PAIR(19, "BPF_CGROUP_UDP4_RECVMSG"),
	XLAT_PAIR(20, "BPF_CGROUP_UDP6_RECVMSG"), XLAT_PAIR(21, "BPF_CGROUP_GETSOCKOPT"),
	XLAT_PAIR(22, "BPF_CGROUP_SETSOCKOPT"), XLAT_PAIR(23, "BPF_TRACE_RAW_TP"),
	XLAT_PAIR(24, "BPF_TRACE_FENTRY"), XLAT_PAIR(25, "BPF_TRACE_FEXIT"),
	XLAT_PAIR(26, "BPF_MODIFY_RETURN"), XLAT_PAIR(27, "BPF_LSM_MAC"),
	XLAT_PAIR(28, "BPF_TRACE_ITER"), XLAT_PAIR(29, "BPF_CGROUP_INET4_GETPEERNAME"),
	XLAT_PAIR(30, "BPF_CGROUP_INET6_GETPEERNAME"),
	XLAT_PAIR(31, "BPF_CGROUP_INET4_GETSOCKNAME"),
	XLAT_PAIR(32, "BPF_CGROUP_INET6_GETSOCKNAME"), XLAT_PAIR(33, "BPF_XDP_DEVMAP"),
	XLAT_PAIR(34, "BPF_CGROUP_INET_SOCK_RELEASE"), XLAT_PAIR(35, "BPF_XDP_CPUMAP"),
	XLAT_PAIR(36, "BPF_SK_LOOKUP"), XLAT_PAIR(37, "BPF_XDP"),
	XLAT_PAIR(38, "BPF_SK_SKB_VERDICT"),
	XLAT_PAIR(39, "BPF_SK_REUSEPORT_SELECT"),
	XLAT_PAIR(40, "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE"), XLAT_PAIR(41, "BPF_PERF_EVENT"),
	XLAT_PAIR(42, "BPF_TRACE_KPROBE_MULTI"), XLAT_PAIR(43, "BPF_LSM_CGROUP"), XLAT_END,
};

static const struct rn_xlat bpf_prog_flags[] = {
	XLAT_PAIR(1u << 0, "BPF_F_STRICT_ALIGNMENT"), XLAT_PAIR(1u << 1, "BPF_F_ANY_ALIGNMENT"),
	XLAT_PAIR(1u << 2, "BPF_F_TEST_RND_HI32"), XLAT_PAIR(1u << 3, "BPF_F_TEST_STATE_FREQ"),
	XLAT_PAIR(1u << 4, "BPF_F_SLEEPABLE"), XLAT_END,
};

/* file_flags and open_flags: the access a descriptor to the object gets */
static const struct rn_xlat bpf_file_flags[] = {
	XLAT_PAIR(1u << 3, "BPF_F_RDONLY"), XLAT_PAIR(1u << 4, "BPF_F_WRONLY"), XLAT_END,
};

static const struct rn_xlat bpf_attach_flags[] = {
	XLAT_PAIR(1, "BPF_F_ALLOW_OVERRIDE"), XLAT_PAIR(2, "BPF_F_ALLOW_MULTI"),
	XLAT_PAIR(4, "BPF_F_REPLACE"), XLAT_END,
};

static const struct rn_xlat bpf_query_flags[] = {
	XLAT_PAIR(1, "BPF_F_QUERY_EFFECTIVE"), XLAT_END,
};

static const struct rn_xlat bpf_test_run_flags[] = {
	XLAT_PAIR(1, "BPF_F_TEST_RUN_ON_CPU"), XLAT_PAIR(2, "BPF_F_TEST_XDP_LIVE_FRAMES"),
	XLAT_END,
};

/* BPF_MAP_UPDATE_ELEM's flags: one of them */
static const struct rn_xlat bpf_update_flags[] = {
	XLAT_PAIR(0, "BPF_ANY"), XLAT_PAIR(1, "BPF_NOEXIST"), XLAT_PAIR(2, "BPF_EXIST"),
	XLAT_PAIR(4, "BPF_F_LOCK"), XLAT_END,
};

/* the lookups' and the batches' flags: bits, 0 as BPF_ANY */
static const struct rn_xlat bpf_lookup_flags[] = {
	XLAT_PAIR(0, "BPF_ANY"), XLAT_PAIR(4, "BPF_F_LOCK"), XLAT_END,
};

static const struct rn_xlat bpf_fd_types[] = {
	XLAT_PAIR(0, "BPF_FD_TYPE_RAW_TRACEPOINT"), XLAT_PAIR(1, "BPF_FD_TYPE_TRACEPOINT"),
	XLAT_PAIR(2, "BPF_FD_TYPE_KPROBE"), XLAT_PAIR(3, "BPF_FD_TYPE_KRETPROBE"),
	XLAT_PAIR(4, "BPF_FD_TYPE_UPROBE"), XLAT_PAIR(5, "BPF_FD_TYPE_URETPROBE"), XLAT_END,
};

/* Field rows: name, offset, width, kind, shown past this size; FA with the
 * offset of the length it goes with, FX with a table and its prefix */
#define F(n, o, w, k, a)	{ .name = n, .off = o, .len = w, .kind = k, .after = a }
#define FA(n, o, w, k, a, x_)	{ .name = n, .off = o, .len = w, .kind = k, .after = a, \
				  .aux = x_ }
#define FX(n, o, w, k, a, t, p)	{ .name = n, .off = o, .len = w, .kind = k, .after = a, \
				  .x = t, .pfx = p }

static const struct bpf_field f_map_create[] = {
	FX("map_type", 0, 4, BK_ENUM, 0, bpf_map_types, "BPF_MAP_TYPE_"),
	F("key_size", 4, 4, BK_U, 0), F("value_size", 8, 4, BK_U, 0),
	F("max_entries", 12, 4, BK_U, 0),
	FX("map_flags", 16, 4, BK_FLAGS, 16, bpf_map_flags, "BPF_F_"),
	F("inner_map_fd", 20, 4, BK_FD, 20),
	{ .name = "numa_node", .off = 24, .len = 4, .kind = BK_U, .after = 24,
	  .if_off = 16, .if_mask = 4 /* BPF_F_NUMA_NODE */ },
	F("map_name", 28, 16, BK_NAME, 28), F("map_ifindex", 44, 4, BK_U, 44),
	F("btf_fd", 48, 4, BK_FD, 48), F("btf_key_type_id", 52, 4, BK_U, 48),
	F("btf_value_type_id", 56, 4, BK_U, 48),
	F("btf_vmlinux_value_type_id", 60, 4, BK_U, 60), F("map_extra", 64, 8, BK_U, 64),
};

/* the element commands share the first fields; flags by command */
static const struct bpf_field f_elem_lookup[] = {
	F("map_fd", 0, 4, BK_FD, 0), F("key", 8, 8, BK_PTR, 0), F("value", 16, 8, BK_PTR, 0),
	FX("flags", 24, 8, BK_FLAGS, 24, bpf_lookup_flags, "BPF_"),
};

static const struct bpf_field f_elem_update[] = {
	F("map_fd", 0, 4, BK_FD, 0), F("key", 8, 8, BK_PTR, 0), F("value", 16, 8, BK_PTR, 0),
	FX("flags", 24, 8, BK_ENUM, 0, bpf_update_flags, "BPF_"),
};

static const struct bpf_field f_elem_next[] = {
	F("map_fd", 0, 4, BK_FD, 0), F("key", 8, 8, BK_PTR, 0), F("next_key", 16, 8, BK_PTR, 0),
};

static const struct bpf_field f_prog_load[] = {
	FX("prog_type", 0, 4, BK_ENUM, 0, bpf_prog_types, "BPF_PROG_TYPE_"),
	F("insn_cnt", 4, 4, BK_U, 0), FA("insns", 8, 8, BK_INSNS, 0, 4),
	F("license", 16, 8, BK_STR, 0), F("log_level", 24, 4, BK_U, 24),
	F("log_size", 28, 4, BK_U, 24), FA("log_buf", 32, 8, BK_LOG, 24, 28),
	F("kern_version", 40, 4, BK_KVER, 40),
	FX("prog_flags", 44, 4, BK_FLAGS, 44, bpf_prog_flags, "BPF_F_"),
	F("prog_name", 48, 16, BK_NAME, 48), F("prog_ifindex", 64, 4, BK_U, 64),
	FX("expected_attach_type", 68, 4, BK_ENUM, 68, bpf_attach_types, "BPF_"),
	F("prog_btf_fd", 72, 4, BK_FD, 72), F("func_info_rec_size", 76, 4, BK_U, 72),
	F("func_info", 80, 8, BK_PTR, 72), F("func_info_cnt", 88, 4, BK_U, 72),
	F("line_info_rec_size", 92, 4, BK_U, 72), F("line_info", 96, 8, BK_PTR, 72),
	F("line_info_cnt", 104, 4, BK_U, 72), F("attach_btf_id", 108, 4, BK_U, 108),
	F("attach_prog_fd", 112, 4, BK_FD, 112), F("fd_array", 120, 8, BK_PTR, 120),
};

static const struct bpf_field f_obj[] = {
	F("pathname", 0, 8, BK_PATH, 0), F("bpf_fd", 8, 4, BK_FD, 0),
	FX("file_flags", 12, 4, BK_FLAGS, 12, bpf_file_flags, "BPF_F_"),
};

static const struct bpf_field f_prog_attach[] = {
	F("target_fd", 0, 4, BK_FD, 0), F("attach_bpf_fd", 4, 4, BK_FD, 0),
	FX("attach_type", 8, 4, BK_ENUM, 0, bpf_attach_types, "BPF_"),
	FX("attach_flags", 12, 4, BK_FLAGS, 0, bpf_attach_flags, "BPF_F_"),
	F("replace_bpf_fd", 16, 4, BK_FD, 16),
};

static const struct bpf_field f_prog_detach[] = {
	F("target_fd", 0, 4, BK_FD, 0),
	FX("attach_type", 8, 4, BK_ENUM, 0, bpf_attach_types, "BPF_"),
};

/* strace 6.1 shows what went in: retval and duration as they were */
static const struct bpf_field f_test_run[] = {
	F("prog_fd", 0, 4, BK_FD, 0), F("retval", 4, 4, BK_U, 0),
	F("data_size_in", 8, 4, BK_U, 0), F("data_size_out", 12, 4, BK_U, 0),
	F("data_in", 16, 8, BK_PTR, 0), F("data_out", 24, 8, BK_PTR, 0),
	F("repeat", 32, 4, BK_U, 0), F("duration", 36, 4, BK_U, 0),
	F("ctx_size_in", 40, 4, BK_U, 40), F("ctx_size_out", 44, 4, BK_U, 40),
	F("ctx_in", 48, 8, BK_PTR, 40), F("ctx_out", 56, 8, BK_PTR, 40),
	FX("flags", 64, 4, BK_FLAGS, 64, bpf_test_run_flags, "BPF_F_"),
	F("cpu", 68, 4, BK_U, 64), F("batch_size", 72, 4, BK_U, 72),
};

static const struct bpf_field f_next_id[] = {
	F("start_id", 0, 4, BK_U, 0), F("next_id", 4, 4, BK_INOUT, 0),
	FX("open_flags", 8, 4, BK_FLAGS, 8, bpf_file_flags, "BPF_F_"),
};

static const struct bpf_field f_prog_by_id[] = {
	F("prog_id", 0, 4, BK_U, 0), F("next_id", 4, 4, BK_U, 0),
	FX("open_flags", 8, 4, BK_FLAGS, 8, bpf_file_flags, "BPF_F_"),
};

static const struct bpf_field f_map_by_id[] = {
	F("map_id", 0, 4, BK_U, 0), F("next_id", 4, 4, BK_U, 0),
	FX("open_flags", 8, 4, BK_FLAGS, 8, bpf_file_flags, "BPF_F_"),
};

static const struct bpf_field f_btf_by_id[] = { F("btf_id", 0, 4, BK_U, 0) };
static const struct bpf_field f_link_by_id[] = { F("link_id", 0, 4, BK_U, 0) };

static const struct bpf_field f_info[] = {
	F("bpf_fd", 0, 4, BK_FD, 0), F("info_len", 4, 4, BK_INOUT, 0),
	F("info", 8, 8, BK_INFO, 0),
};

static const struct bpf_field f_query[] = {
	F("target_fd", 0, 4, BK_FD, 0),
	FX("attach_type", 4, 4, BK_ENUM, 0, bpf_attach_types, "BPF_"),
	FX("query_flags", 8, 4, BK_FLAGS, 0, bpf_query_flags, "BPF_F_QUERY_"),
	FX("attach_flags", 12, 4, BK_FLAGS, 0, bpf_attach_flags, "BPF_F_"),
	FA("prog_ids", 16, 8, BK_IDS, 0, 24), F("prog_cnt", 24, 4, BK_INOUT, 0),
};

static const struct bpf_field f_raw_tp[] = {
	F("name", 0, 8, BK_STR, 0), F("prog_fd", 8, 4, BK_FD, 0),
};

static const struct bpf_field f_btf_load[] = {
	FA("btf", 0, 8, BK_BUF, 0, 16), F("btf_log_buf", 8, 8, BK_PTR, 0),
	F("btf_size", 16, 4, BK_U, 0), F("btf_log_size", 20, 4, BK_U, 0),
	F("btf_log_level", 24, 4, BK_U, 0),
};

/* all of it at exit, as the call left it */
static const struct bpf_field f_task_fd_query[] = {
	F("pid", 0, 4, BK_U, 0), F("fd", 4, 4, BK_FD, 0), F("flags", 8, 4, BK_U, 0),
	F("buf_len", 12, 4, BK_INOUT, 0), FA("buf", 16, 8, BK_OUTSTR, 0, 12),
	F("prog_id", 24, 4, BK_U, 0),
	FX("fd_type", 28, 4, BK_ENUM, 0, bpf_fd_types, "BPF_FD_TYPE_"),
	F("probe_offset", 32, 8, BK_X, 0), F("probe_addr", 40, 8, BK_X, 0),
};

/* the batches: in_batch and out_batch for the lookups only */
static const struct bpf_field f_batch[] = {
	F("in_batch", 0, 8, BK_PTR, 0), F("out_batch", 8, 8, BK_PTR, 0),
	F("keys", 16, 8, BK_PTR, 0), F("values", 24, 8, BK_PTR, 0),
	F("count", 32, 4, BK_U, 0), F("map_fd", 36, 4, BK_FD, 0),
	FX("elem_flags", 40, 8, BK_FLAGS, 0, bpf_lookup_flags, "BPF_"),
	F("flags", 48, 8, BK_X, 0),
};

static const struct bpf_field f_delete_batch[] = {
	F("keys", 16, 8, BK_PTR, 0), F("count", 32, 4, BK_U, 0), F("map_fd", 36, 4, BK_FD, 0),
	FX("elem_flags", 40, 8, BK_FLAGS, 0, bpf_lookup_flags, "BPF_"),
	F("flags", 48, 8, BK_X, 0),
};

static const struct bpf_field f_link_create[] = {
	F("prog_fd", 0, 4, BK_FD, 0), F("target_fd", 4, 4, BK_FD, 0),
	FX("attach_type", 8, 4, BK_ENUM, 0, bpf_attach_types, "BPF_"),
	F("flags", 12, 4, BK_X, 0),
};

static const struct bpf_field f_link_update[] = {
	F("link_fd", 0, 4, BK_FD, 0), F("new_prog_fd", 4, 4, BK_FD, 0),
	FX("flags", 8, 4, BK_FLAGS, 0, bpf_attach_flags, "BPF_F_"),
	{ .name = "old_prog_fd", .off = 12, .len = 4, .kind = BK_FD,
	  .if_off = 8, .if_mask = 4 /* BPF_F_REPLACE */ },
};

/* How a command's attr prints. */
struct bpf_cmd_fmt {
	const char *wrap;		/* its fields inside "wrap={...}" */
	const struct bpf_field *f;
	__u8 first, nf;			/* the rows f[first..first+nf) */
	__u8 end;			/* where the fields strace 6.1 knew end */
	__u8 late;			/* printed from the attr as the call left it */
	__u8 outputs;			/* some of it is printed at exit */
	__u8 ret_fd;			/* returns a descriptor */
};

#define ROWS(t)		.f = t, .nf = sizeof(t) / sizeof((t)[0])

static const struct bpf_cmd_fmt bpf_fmts[] = {
	[0] = { ROWS(f_map_create), .end = 72, .ret_fd = 1 },
	[1] = { ROWS(f_elem_lookup), .end = 32 },
	[2] = { ROWS(f_elem_update), .end = 32 },
	[3] = { .f = f_elem_next, .nf = 2, .end = 16 },
	[4] = { ROWS(f_elem_next), .end = 24 },
	[5] = { ROWS(f_prog_load), .end = 128, .ret_fd = 1 },
	[6] = { ROWS(f_obj), .end = 16, .ret_fd = 1 },	/* strace's quirk */
	[7] = { ROWS(f_obj), .end = 16, .ret_fd = 1 },
	[8] = { ROWS(f_prog_attach), .end = 20 },
	[9] = { ROWS(f_prog_detach), .end = 12 },
	[10] = { .wrap = "test", ROWS(f_test_run), .end = 76 },
	[11] = { ROWS(f_next_id), .end = 12, .outputs = 1 },
	[12] = { ROWS(f_next_id), .end = 12, .outputs = 1 },
	[13] = { ROWS(f_prog_by_id), .end = 12, .ret_fd = 1 },
	[14] = { ROWS(f_map_by_id), .end = 12, .ret_fd = 1 },
	[15] = { .wrap = "info", ROWS(f_info), .end = 16, .outputs = 1 },
	[16] = { .wrap = "query", ROWS(f_query), .end = 28, .outputs = 1 },
	[17] = { .wrap = "raw_tracepoint", ROWS(f_raw_tp), .end = 12 },
	[18] = { ROWS(f_btf_load), .end = 28, .ret_fd = 1 },
	[19] = { ROWS(f_btf_by_id), .end = 4, .ret_fd = 1 },
	[20] = { .wrap = "task_fd_query", ROWS(f_task_fd_query), .end = 48, .late = 1,
		 .outputs = 1 },
	[21] = { ROWS(f_elem_lookup), .end = 32 },
	[22] = { .f = f_elem_next, .nf = 1, .end = 4 },
	[23] = { ROWS(f_next_id), .end = 12, .outputs = 1 },
	[24] = { .wrap = "batch", ROWS(f_batch), .end = 56, .outputs = 1 },
	[25] = { .wrap = "batch", ROWS(f_batch), .end = 56, .outputs = 1 },
	[26] = { .wrap = "batch", .f = f_batch, .first = 2, .nf = 6, .end = 56, .outputs = 1 },
	[27] = { .wrap = "batch", ROWS(f_delete_batch), .end = 56, .outputs = 1 },
	[28] = { .wrap = "link_create", ROWS(f_link_create), .ret_fd = 1 },
	[29] = { .wrap = "link_update", ROWS(f_link_update), .end = 16 },
	[30] = { ROWS(f_link_by_id), .end = 4, .ret_fd = 1 },
	[31] = { ROWS(f_next_id), .end = 12, .outputs = 1 },
};

__u64 bpf_get(const __u8 *a, size_t off, size_t len)
{
	__u64 v = 0;

	memcpy(&v, a + off, len);	/* little-endian: the low bytes */
	return v;
}

/* "name": a char[16] of which avail bytes are there; without a NUL in
 * them, all but the last and "..." */
static void pr_bpf_name(struct rn_strbuf *sb, const __u8 *name, size_t avail)
{
	const __u8 *nul = memchr(name, '\0', avail);

	pr_quoted(sb, name, nul ? (size_t)(nul - name) : avail - 1, !nul);
}

/* A string of at most len bytes at addr (log_buf, task_fd_query's buf):
 * up to its NUL, "..." when none came within len or -s. */
static void pr_bpf_cstr(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out)
{
	size_t n = len < c->o->strsize ? len : c->o->strsize, k;
	char *buf = dc_scratch(n + 1);

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (dc_read_data(c, addr, buf, n, out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	k = strnlen(buf, n);
	pr_quoted(sb, buf, k, k == n && len);
}

static void pr_bpf_u32(struct dctx *c, struct rn_strbuf *sb, const __u8 *e)
{
	(void)c;
	rn_sb_printf(sb, "%u", (unsigned)bpf_get(e, 0, 4));
}

static void pr_bpf_value(struct bpf_view *v, const struct bpf_field *f, const __u8 *a)
{
	struct dctx *c = v->c;
	struct rn_strbuf *sb = v->sb;
	__u64 val = f->len <= 8 ? bpf_get(a, f->off, f->len) : 0;
	__u64 aux = bpf_get(a, f->aux, 4), was, now;

	switch (f->kind) {
	case BK_U:
		rn_sb_printf(sb, "%llu", (unsigned long long)val);
		break;
	case BK_X:
		rn_sb_printf(sb, "%#llx", (unsigned long long)val);
		break;
	case BK_PTR:
		pr_ptr(sb, val);
		break;
	case BK_FD:
		pr_fd(c, sb, (int)val);
		break;
	case BK_ENUM:
		rn_xlat_enum_unk(sb, f->x, val, f->pfx);
		break;
	case BK_FLAGS:
		pr_flags_unk(sb, f->x, val, f->pfx);
		break;
	case BK_NAME:
		pr_bpf_name(sb, a + f->off, v->whole_names || v->size - f->off >= 16 ?
			    16 : v->size - f->off);
		break;
	case BK_STR:
		pr_str_at(c, sb, val, c->o->strsize);
		break;
	case BK_PATH:
		pr_path_at(c, sb, val);
		break;
	case BK_KVER:
		rn_sb_printf(sb, "KERNEL_VERSION(%u, %u, %u)", (unsigned)(val >> 16),
			     (unsigned)(val >> 8) & 0xff, (unsigned)val & 0xff);
		break;
	case BK_LOG:
		pr_bpf_cstr(c, sb, val, aux, false);
		break;
	case BK_BUF:
		pr_buf_at(c, sb, val, aux, false);
		break;
	case BK_INSNS:
		pr_bpf_insns(c, sb, val, aux, false);
		break;
	case BK_INOUT:
		was = bpf_get(v->in, f->off, f->len);
		now = bpf_get(v->out, f->off, f->len);
		rn_sb_printf(sb, "%llu", (unsigned long long)was);
		if (now != was)
			rn_sb_printf(sb, " => %llu", (unsigned long long)now);
		break;
	case BK_IDS:
		pr_bpf_array(c, sb, val, bpf_get(v->out, f->aux, 4), 4, pr_bpf_u32, true);
		break;
	case BK_OUTSTR:
		pr_bpf_cstr(c, sb, val, bpf_get(v->out, f->aux, 4), true);
		break;
	case BK_INFO:
		pr_bpf_info(v);
		break;
	default:	/* the info structs' own kinds: decode_bpf_obj.c */
		break;
	}
}

void bpf_fields(struct bpf_view *v, const struct bpf_field *f, size_t n)
{
	bool first = true;

	for (size_t i = 0; i < n; i++, f++) {
		const __u8 *a = v->late ? v->out : v->in;

		if (v->size <= f->after)
			continue;
		if (f->if_mask && !(bpf_get(a, f->if_off, 4) & f->if_mask))
			continue;
		rn_sb_printf(v->sb, "%s%s=", first ? "" : ", ", f->name);
		first = false;
		if (f->kind >= BK_TAG)
			pr_bpf_obj_value(v, f, a);
		else
			pr_bpf_value(v, f, a);
	}
}

void pr_bpf_tail(struct dctx *c, struct rn_strbuf *sb, const __u8 *a, size_t end, size_t n,
		 __u64 addr, __u64 size, bool out)
{
	size_t i, len;
	char *buf;

	for (i = end; i < n && !a[i]; i++)
		;
	if (i >= n)
		return;
	len = (size < 4096 ? size : 4096) - end;
	buf = dc_scratch(len);
	if (!c->o->verbose || dc_read(c, addr + end, buf, len, out) < 0) {
		rn_sb_puts(sb, ", ...");
		return;
	}
	rn_sb_puts(sb, ", extra_data=\"");
	rn_escape_hex(sb, buf, len);
	rn_sb_printf(sb, "\" /* bytes %zu..%zu */", end, end + len - 1);
}

/* The batches at exit: how many elements were done, when not as asked */
static void pr_bpf_batch_count(struct bpf_view *v)
{
	__u32 was = (__u32)bpf_get(v->in, 32, 4), now = (__u32)bpf_get(v->out, 32, 4);

	if (now != was)
		rn_sb_printf(v->sb, " => {batch={count=%u}}", now);
}

static void pr_bpf_attr(struct dctx *c, __u32 cmd, const __u8 *in, const __u8 *out, size_t n)
{
	const struct bpf_cmd_fmt *fmt = &bpf_fmts[cmd];
	struct bpf_view v = { .c = c, .sb = ARG(c, 1), .in = in, .out = out,
			      .size = (__u32)RAW(c, 2), .late = fmt->late };
	size_t end = fmt->end;

	rn_sb_putc(v.sb, '{');
	if (fmt->wrap)
		rn_sb_printf(v.sb, "%s={", fmt->wrap);
	bpf_fields(&v, fmt->f + fmt->first, fmt->nf);
	if (cmd == 28)
		end = pr_bpf_link_target(&v);
	if (fmt->wrap)
		rn_sb_putc(v.sb, '}');
	pr_bpf_tail(c, v.sb, fmt->late ? out : in, end, n, RAW(c, 1), v.size, false);
	rn_sb_putc(v.sb, '}');
	if (cmd >= 24 && cmd <= 27)
		pr_bpf_batch_count(&v);
}

void dec_bpf(struct dctx *c)
{
	__u32 cmd = (__u32)RAW(c, 0);
	__u64 size = (__u32)RAW(c, 2);
	__u8 in[BPF_ATTR_LEN] = { 0 }, out[BPF_ATTR_LEN] = { 0 };
	size_t n = size < sizeof(in) ? size : sizeof(in);
	const struct bpf_cmd_fmt *fmt = cmd < sizeof(bpf_fmts) / sizeof(bpf_fmts[0]) ?
		&bpf_fmts[cmd] : NULL;

	rn_xlat_enum_unk(ARG(c, 0), bpf_cmds, cmd, "BPF_");
	/* the row says fd, so that -y on eBPF records the new object's path */
	if (!fmt || !fmt->ret_fd)
		c->rv = RV_DEC;
	if (!fmt || !fmt->f || !RAW(c, 1) || !size || dc_read(c, RAW(c, 1), in, n, false) < 0) {
		dc_ptr(c, 1);
		dc_uint(c, 2);
		return;
	}
	/* what the call writes back shows at exit */
	if (fmt->outputs && dc_stop_unfinished(c, 1))
		return;
	if (!c->exiting || dc_read(c, RAW(c, 1), out, n, true) < 0)
		memcpy(out, in, n);
	pr_bpf_attr(c, cmd, in, out, n);
	dc_uint(c, 2);
}

size_t rn_syscall_entry_chain(long nr, const __u64 *args, int i, const void *arg, size_t len,
			      __u64 *addr)
{
	const __u8 *a = arg;
	__u32 info_len;

	/* bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd, info_len, info}}, size) */
	if (nr != __NR_bpf || i != 1 || args[0] != 15 || args[2] < 16 || len < 16)
		return 0;
	memcpy(&info_len, a + 4, sizeof(info_len));
	*addr = bpf_get(a, 8, 8);
	if (!*addr || !info_len)
		return 0;
	return info_len < RN_BPF_INFO_MAX ? info_len : RN_BPF_INFO_MAX;
}
