// SPDX-License-Identifier: MIT
/*
 * perf_event_open, the new mount API's fsconfig and fsmount, and
 * landlock's ruleset calls, printed as strace 6.1 prints them: its tables
 * (flags, types, commands) stop where its own did, so a constant newer than
 * strace 6.1 prints as an unknown value, as there. Checked against strace's
 * lines for the same calls (tests/tracees/tail4.c,
 * tests/integration/t_decode_tail4.sh).
 */
#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* --- perf_event_open(attr, pid, cpu, group_fd, flags) */

static const struct rn_xlat t4_perf_types[] = {
	XLAT_PAIR(0, "PERF_TYPE_HARDWARE"), XLAT_PAIR(1, "PERF_TYPE_SOFTWARE"),
	XLAT_PAIR(2, "PERF_TYPE_TRACEPOINT"), XLAT_PAIR(3, "PERF_TYPE_HW_CACHE"),
	XLAT_PAIR(4, "PERF_TYPE_RAW"), XLAT_PAIR(5, "PERF_TYPE_BREAKPOINT"), XLAT_END,
};

static const struct rn_xlat t4_perf_sizes[] = {
	XLAT_PAIR(64, "PERF_ATTR_SIZE_VER0"), XLAT_PAIR(72, "PERF_ATTR_SIZE_VER1"),
	XLAT_PAIR(80, "PERF_ATTR_SIZE_VER2"), XLAT_PAIR(96, "PERF_ATTR_SIZE_VER3"),
	XLAT_PAIR(104, "PERF_ATTR_SIZE_VER4"), XLAT_PAIR(112, "PERF_ATTR_SIZE_VER5"),
	XLAT_PAIR(120, "PERF_ATTR_SIZE_VER6"), XLAT_PAIR(128, "PERF_ATTR_SIZE_VER7"), XLAT_END,
};

static const struct rn_xlat t4_perf_hw[] = {
	XLAT_PAIR(0, "PERF_COUNT_HW_CPU_CYCLES"), XLAT_PAIR(1, "PERF_COUNT_HW_INSTRUCTIONS"),
	XLAT_PAIR(2, "PERF_COUNT_HW_CACHE_REFERENCES"), XLAT_PAIR(3, "PERF_COUNT_HW_CACHE_MISSES"),
	XLAT_PAIR(4, "PERF_COUNT_HW_BRANCH_INSTRUCTIONS"),
	XLAT_PAIR(5, "PERF_COUNT_HW_BRANCH_MISSES"), XLAT_PAIR(6, "PERF_COUNT_HW_BUS_CYCLES"),
	XLAT_PAIR(7, "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND"),
	XLAT_PAIR(8, "PERF_COUNT_HW_STALLED_CYCLES_BACKEND"),
	XLAT_PAIR(9, "PERF_COUNT_HW_REF_CPU_CYCLES"), XLAT_END,
};

static const struct rn_xlat t4_perf_sw[] = {
	XLAT_PAIR(0, "PERF_COUNT_SW_CPU_CLOCK"), XLAT_PAIR(1, "PERF_COUNT_SW_TASK_CLOCK"),
	XLAT_PAIR(2, "PERF_COUNT_SW_PAGE_FAULTS"), XLAT_PAIR(3, "PERF_COUNT_SW_CONTEXT_SWITCHES"),
	XLAT_PAIR(4, "PERF_COUNT_SW_CPU_MIGRATIONS"),
	XLAT_PAIR(5, "PERF_COUNT_SW_PAGE_FAULTS_MIN"),
	XLAT_PAIR(6, "PERF_COUNT_SW_PAGE_FAULTS_MAJ"),
	XLAT_PAIR(7, "PERF_COUNT_SW_ALIGNMENT_FAULTS"),
	XLAT_PAIR(8, "PERF_COUNT_SW_EMULATION_FAULTS"), XLAT_PAIR(9, "PERF_COUNT_SW_DUMMY"),
	XLAT_PAIR(10, "PERF_COUNT_SW_BPF_OUTPUT"), XLAT_PAIR(11, "PERF_COUNT_SW_CGROUP_SWITCHES"),
	XLAT_END,
};

static const struct rn_xlat t4_perf_cache_ids[] = {
	XLAT_PAIR(0, "PERF_COUNT_HW_CACHE_L1D"), XLAT_PAIR(1, "PERF_COUNT_HW_CACHE_L1I"),
	XLAT_PAIR(2, "PERF_COUNT_HW_CACHE_LL"), XLAT_PAIR(3, "PERF_COUNT_HW_CACHE_DTLB"),
	XLAT_PAIR(4, "PERF_COUNT_HW_CACHE_ITLB"), XLAT_PAIR(5, "PERF_COUNT_HW_CACHE_BPU"),
	XLAT_PAIR(6, "PERF_COUNT_HW_CACHE_NODE"), XLAT_END,
};

static const struct rn_xlat t4_perf_cache_ops[] = {
	XLAT_PAIR(0, "PERF_COUNT_HW_CACHE_OP_READ"), XLAT_PAIR(1, "PERF_COUNT_HW_CACHE_OP_WRITE"),
	XLAT_PAIR(2, "PERF_COUNT_HW_CACHE_OP_PREFETCH"), XLAT_END,
};

static const struct rn_xlat t4_perf_cache_results[] = {
	XLAT_PAIR(0, "PERF_COUNT_HW_CACHE_RESULT_ACCESS"),
	XLAT_PAIR(1, "PERF_COUNT_HW_CACHE_RESULT_MISS"), XLAT_END,
};

static const struct rn_xlat t4_perf_sample_types[] = {
	XLAT_PAIR(1u << 0, "PERF_SAMPLE_IP"), XLAT_PAIR(1u << 1, "PERF_SAMPLE_TID"),
	XLAT_PAIR(1u << 2, "PERF_SAMPLE_TIME"), XLAT_PAIR(1u << 3, "PERF_SAMPLE_ADDR"),
	XLAT_PAIR(1u << 4, "PERF_SAMPLE_READ"), XLAT_PAIR(1u << 5, "PERF_SAMPLE_CALLCHAIN"),
	XLAT_PAIR(1u << 6, "PERF_SAMPLE_ID"), XLAT_PAIR(1u << 7, "PERF_SAMPLE_CPU"),
	XLAT_PAIR(1u << 8, "PERF_SAMPLE_PERIOD"), XLAT_PAIR(1u << 9, "PERF_SAMPLE_STREAM_ID"),
	XLAT_PAIR(1u << 10, "PERF_SAMPLE_RAW"), XLAT_PAIR(1u << 11, "PERF_SAMPLE_BRANCH_STACK"),
	XLAT_PAIR(1u << 12, "PERF_SAMPLE_REGS_USER"), XLAT_PAIR(1u << 13, "PERF_SAMPLE_STACK_USER"),
	XLAT_PAIR(1u << 14, "PERF_SAMPLE_WEIGHT"), XLAT_PAIR(1u << 15, "PERF_SAMPLE_DATA_SRC"),
	XLAT_PAIR(1u << 16, "PERF_SAMPLE_IDENTIFIER"), XLAT_PAIR(1u << 17, "PERF_SAMPLE_TRANSACTION"),
	XLAT_PAIR(1u << 18, "PERF_SAMPLE_REGS_INTR"), XLAT_PAIR(1u << 19, "PERF_SAMPLE_PHYS_ADDR"),
	XLAT_PAIR(1u << 20, "PERF_SAMPLE_AUX"), XLAT_PAIR(1u << 21, "PERF_SAMPLE_CGROUP"),
	XLAT_PAIR(1u << 22, "PERF_SAMPLE_DATA_PAGE_SIZE"),
	XLAT_PAIR(1u << 23, "PERF_SAMPLE_CODE_PAGE_SIZE"),
	XLAT_PAIR(1u << 24, "PERF_SAMPLE_WEIGHT_STRUCT"), XLAT_END,
};

static const struct rn_xlat t4_perf_read_formats[] = {
	XLAT_PAIR(1, "PERF_FORMAT_TOTAL_TIME_ENABLED"),
	XLAT_PAIR(2, "PERF_FORMAT_TOTAL_TIME_RUNNING"), XLAT_PAIR(4, "PERF_FORMAT_ID"),
	XLAT_PAIR(8, "PERF_FORMAT_GROUP"), XLAT_PAIR(16, "PERF_FORMAT_LOST"), XLAT_END,
};

static const struct rn_xlat t4_perf_flags[] = {
	XLAT_PAIR(1, "PERF_FLAG_FD_NO_GROUP"), XLAT_PAIR(2, "PERF_FLAG_FD_OUTPUT"),
	XLAT_PAIR(4, "PERF_FLAG_PID_CGROUP"), XLAT_PAIR(8, "PERF_FLAG_FD_CLOEXEC"), XLAT_END,
};

/* The one-bit fields of the flags word, by bit; bits 15-16 are precise_ip. */
static const char *const t4_perf_bits[38] = {
	"disabled", "inherit", "pinned", "exclusive", "exclude_user", "exclude_kernel",
	"exclude_hv", "exclude_idle", "mmap", "comm", "freq", "inherit_stat", "enable_on_exec",
	"task", "watermark", NULL, NULL, "mmap_data", "sample_id_all", "exclude_host",
	"exclude_guest", "exclude_callchain_kernel", "exclude_callchain_user", "mmap2",
	"comm_exec", "use_clockid", "context_switch", "write_backward", "namespaces", "ksymbol",
	"bpf_event", "aux_output", "cgroup", "text_poke", "build_id", "inherit_thread",
	"remove_on_exec", "sigtrap",
};

static const char *const t4_perf_skid[] = {
	"arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid",
};

/* config, as the type reads it */
static void pr_perf_config(struct rn_strbuf *sb, __u32 type, __u64 cfg)
{
	switch (type) {
	case 0:
		rn_xlat_enum_unk(sb, t4_perf_hw, cfg, "PERF_COUNT_HW_");
		break;
	case 1:
		rn_xlat_enum_unk(sb, t4_perf_sw, cfg, "PERF_COUNT_SW_");
		break;
	case 2:
		rn_sb_printf(sb, "%llu", (unsigned long long)cfg);
		break;
	case 3:
		rn_xlat_enum_unk(sb, t4_perf_cache_results, (cfg >> 16) & 0xff,
				 "PERF_COUNT_HW_CACHE_RESULT_");
		rn_sb_puts(sb, "<<16|");
		rn_xlat_enum_unk(sb, t4_perf_cache_ops, (cfg >> 8) & 0xff,
				 "PERF_COUNT_HW_CACHE_OP_");
		rn_sb_puts(sb, "<<8|");
		rn_xlat_enum_unk(sb, t4_perf_cache_ids, cfg & 0xff, "PERF_COUNT_HW_CACHE_");
		if (cfg >> 24)
			rn_sb_printf(sb, "|%#llx<<24", (unsigned long long)(cfg >> 24));
		break;
	default:
		rn_sb_printf(sb, "%#llx", (unsigned long long)cfg);
	}
}

/* Without -v strace shows the set bits only, precise_ip always; with -v
 * every bit. */
static void pr_perf_bits(struct rn_strbuf *sb, __u64 bits, bool all)
{
	for (int b = 0; b < 38; b++) {
		if (b == 15) {
			rn_sb_printf(sb, ", precise_ip=%u /* %s */", (unsigned)(bits >> 15) & 3,
				     t4_perf_skid[(bits >> 15) & 3]);
			b++;
		} else if (all || (bits & (1ull << b))) {
			rn_sb_printf(sb, ", %s=%u", t4_perf_bits[b], (unsigned)(bits >> b) & 1);
		}
	}
	if (bits >> 38)
		rn_sb_printf(sb, ", __reserved_1=%#llx /* Bits 63..38 */",
			     (unsigned long long)(bits >> 38));
}

static const struct rn_xlat t4_perf_branch_types[] = {
	XLAT_PAIR(1u << 0, "PERF_SAMPLE_BRANCH_USER"),
	XLAT_PAIR(1u << 1, "PERF_SAMPLE_BRANCH_KERNEL"),
	XLAT_PAIR(1u << 2, "PERF_SAMPLE_BRANCH_HV"), XLAT_PAIR(1u << 3, "PERF_SAMPLE_BRANCH_ANY"),
	XLAT_PAIR(1u << 4, "PERF_SAMPLE_BRANCH_ANY_CALL"),
	XLAT_PAIR(1u << 5, "PERF_SAMPLE_BRANCH_ANY_RETURN"),
	XLAT_PAIR(1u << 6, "PERF_SAMPLE_BRANCH_IND_CALL"),
	XLAT_PAIR(1u << 7, "PERF_SAMPLE_BRANCH_ABORT_TX"),
	XLAT_PAIR(1u << 8, "PERF_SAMPLE_BRANCH_IN_TX"),
	XLAT_PAIR(1u << 9, "PERF_SAMPLE_BRANCH_NO_TX"),
	XLAT_PAIR(1u << 10, "PERF_SAMPLE_BRANCH_COND"),
	XLAT_PAIR(1u << 11, "PERF_SAMPLE_BRANCH_CALL_STACK"),
	XLAT_PAIR(1u << 12, "PERF_SAMPLE_BRANCH_IND_JUMP"),
	XLAT_PAIR(1u << 13, "PERF_SAMPLE_BRANCH_CALL"),
	XLAT_PAIR(1u << 14, "PERF_SAMPLE_BRANCH_NO_FLAGS"),
	XLAT_PAIR(1u << 15, "PERF_SAMPLE_BRANCH_NO_CYCLES"),
	XLAT_PAIR(1u << 16, "PERF_SAMPLE_BRANCH_TYPE_SAVE"),
	XLAT_PAIR(1u << 17, "PERF_SAMPLE_BRANCH_HW_INDEX"),
	XLAT_PAIR(1u << 18, "PERF_SAMPLE_BRANCH_PRIV_SAVE"), XLAT_END,
};

static const struct rn_xlat t4_hw_breakpoint_types[] = {
	XLAT_PAIR(0, "HW_BREAKPOINT_EMPTY"), XLAT_PAIR(3, "HW_BREAKPOINT_RW"),
	XLAT_PAIR(1, "HW_BREAKPOINT_R"), XLAT_PAIR(2, "HW_BREAKPOINT_W"),
	XLAT_PAIR(4, "HW_BREAKPOINT_X"), XLAT_END,
};

/* struct perf_event_attr past the flags word, by byte offset */
static __u64 perf_u64(const __u8 *a, size_t off)
{
	__u64 v;

	memcpy(&v, a + off, sizeof(v));
	return v;
}

static __u32 perf_u32(const __u8 *a, size_t off)
{
	__u32 v;

	memcpy(&v, a + off, sizeof(v));
	return v;
}

/* -v: the wakeup count, the breakpoint or config1/2, then what each size
 * version added */
static void pr_perf_verbose(struct rn_strbuf *sb, const __u8 *a, __u32 size)
{
	__u64 sample = perf_u64(a, 24), bits = perf_u64(a, 40);
	__u16 max_stack;

	rn_sb_printf(sb, ", %s=%u", (bits & (1u << 14)) ? "wakeup_watermark" : "wakeup_events",
		     perf_u32(a, 48));
	if (perf_u32(a, 0) == 5) {
		rn_sb_puts(sb, ", bp_type=");
		rn_xlat_flags(sb, t4_hw_breakpoint_types, perf_u32(a, 52));
		rn_sb_printf(sb, ", bp_addr=%#llx", (unsigned long long)perf_u64(a, 56));
		if (size >= 72)
			rn_sb_printf(sb, ", bp_len=%llu", (unsigned long long)perf_u64(a, 64));
	} else {
		rn_sb_printf(sb, ", config1=%#llx", (unsigned long long)perf_u64(a, 56));
		if (size >= 72)
			rn_sb_printf(sb, ", config2=%#llx", (unsigned long long)perf_u64(a, 64));
	}
	if (size >= 80 && (sample & (1u << 11))) {
		rn_sb_puts(sb, ", branch_sample_type=");
		pr_flags_unk(sb, t4_perf_branch_types, perf_u64(a, 72), "PERF_SAMPLE_BRANCH_");
	}
	if (size >= 96) {
		rn_sb_printf(sb, ", sample_regs_user=%#llx", (unsigned long long)perf_u64(a, 80));
		if (sample & (1u << 13))
			rn_sb_printf(sb, ", sample_stack_user=%#x", perf_u32(a, 88));
		if (bits & (1u << 25)) {
			rn_sb_puts(sb, ", clockid=");
			rn_xlat_enum_unk(sb, rn_xl_clocks, perf_u32(a, 92), "CLOCK_");
		}
	}
	if (size >= 104)
		rn_sb_printf(sb, ", sample_regs_intr=%#llx", (unsigned long long)perf_u64(a, 96));
	if (size >= 112) {
		memcpy(&max_stack, a + 108, sizeof(max_stack));
		rn_sb_printf(sb, ", aux_watermark=%u, sample_max_stack=%u", perf_u32(a, 104),
			     max_stack);
		memcpy(&max_stack, a + 110, sizeof(max_stack));
		if (max_stack)
			rn_sb_printf(sb, " /* bytes 110..111: %#x */", max_stack);
	}
	if (size >= 120) {
		rn_sb_printf(sb, ", aux_sample_size=%u", perf_u32(a, 112));
		if (perf_u32(a, 116))
			rn_sb_printf(sb, " /* bytes 116..119: %#x */", perf_u32(a, 116));
	}
	if (size >= 128)
		rn_sb_printf(sb, ", sig_data=%#llx", (unsigned long long)perf_u64(a, 120));
}

static void pr_perf_size(struct rn_strbuf *sb, __u32 size)
{
	rn_xlat_enum_unk(sb, t4_perf_sizes, size, "PERF_ATTR_SIZE_");
}

/* struct perf_event_attr: type, size, config, period/freq, sample_type,
 * read_format, the flag bits; under -v the rest, as far as size reaches */
void pr_perf_attr(struct dctx *c, struct rn_strbuf *sb, __u64 addr)
{
	__u8 a[128] = { 0 };
	__u32 type, size, nsize;

	if (!addr || dc_read(c, addr, a, 64, false) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	type = perf_u32(a, 0);
	size = perf_u32(a, 4);
	if (size && size < 64) {	/* smaller than the first version */
		pr_ptr(sb, addr);
		return;
	}
	if (size > 64 && dc_read(c, addr + 64, a + 64, (size < 128 ? size : 128) - 64, false) < 0)
		size = 64;
	rn_sb_puts(sb, "{type=");
	rn_xlat_enum_unk(sb, t4_perf_types, type, "PERF_TYPE_");
	rn_sb_puts(sb, ", size=");
	pr_perf_size(sb, size);
	/* E2BIG: the kernel wrote back the size it knows */
	if (c->failed && c->sc->ret == -7 && dc_read(c, addr + 4, &nsize, 4, true) == 0 &&
	    nsize != size) {
		rn_sb_puts(sb, " => ");
		pr_perf_size(sb, nsize);
	}
	rn_sb_puts(sb, ", config=");
	pr_perf_config(sb, type, perf_u64(a, 8));
	rn_sb_printf(sb, ", %s=%llu, sample_type=", (perf_u64(a, 40) & (1u << 10)) ?
		     "sample_freq" : "sample_period", (unsigned long long)perf_u64(a, 16));
	pr_flags_unk(sb, t4_perf_sample_types, perf_u64(a, 24), "PERF_SAMPLE_");
	rn_sb_puts(sb, ", read_format=");
	pr_flags_unk(sb, t4_perf_read_formats, perf_u64(a, 32), "PERF_FORMAT_");
	pr_perf_bits(sb, perf_u64(a, 40), c->o->verbose);
	if (!c->o->verbose)
		rn_sb_puts(sb, ", ...");
	else
		pr_perf_verbose(sb, a, size ? size : 64);
	if (c->o->verbose && size > 128)	/* past the version 7 strace 6.1 knows */
		rn_sb_puts(sb, ", ...");
	rn_sb_putc(sb, '}');
}

/* The whole call at exit: an E2BIG failure shows the size the kernel wrote
 * back inside the structure, which an entry part could not end with. */
void dec_perf_event_open(struct dctx *c)
{
	if (dc_stop_unfinished(c, 0))
		return;
	pr_perf_attr(c, ARG(c, 0), RAW(c, 0));
	dc_int(c, 1);
	dc_int(c, 2);
	dc_fd(c, 3);
	dc_lflags_unk(c, 4, t4_perf_flags, "PERF_FLAG_");
}

/* --- fsconfig(fd, cmd, key, value, aux), fsmount(fd, flags, attr_flags) */

static const struct rn_xlat t4_fsconfig_cmds[] = {
	XLAT_PAIR(0, "FSCONFIG_SET_FLAG"), XLAT_PAIR(1, "FSCONFIG_SET_STRING"),
	XLAT_PAIR(2, "FSCONFIG_SET_BINARY"), XLAT_PAIR(3, "FSCONFIG_SET_PATH"),
	XLAT_PAIR(4, "FSCONFIG_SET_PATH_EMPTY"), XLAT_PAIR(5, "FSCONFIG_SET_FD"),
	XLAT_PAIR(6, "FSCONFIG_CMD_CREATE"), XLAT_PAIR(7, "FSCONFIG_CMD_RECONFIGURE"), XLAT_END,
};

/* the key and value each command reads; the others' as addresses */
void dec_fsconfig(struct dctx *c)
{
	__u32 cmd = (__u32)RAW(c, 1);

	dc_fd(c, 0);
	rn_xlat_enum_unk(ARG(c, 1), t4_fsconfig_cmds, cmd, "FSCONFIG_");
	if (cmd <= 5)
		dc_str(c, 2);
	else
		dc_ptr(c, 2);
	if (cmd == 1)
		dc_str(c, 3);
	else if (cmd == 2)
		pr_buf_hex_at(c, ARG(c, 3), RAW(c, 3), (__u32)RAW(c, 4), false);
	else if (cmd == 3 || cmd == 4)
		dc_path(c, 3);
	else
		dc_ptr(c, 3);
	if (cmd == 3 || cmd == 4)
		dc_dirfd(c, 4);
	else if (cmd == 5)
		dc_fd(c, 4);
	else
		dc_int(c, 4);
}

static const struct rn_xlat t4_fsmount_flags[] = {
	XLAT_PAIR(1, "FSMOUNT_CLOEXEC"), XLAT_END,
};

static const struct rn_xlat t4_mount_attrs[] = {
	XLAT_PAIR(0x1, "MOUNT_ATTR_RDONLY"), XLAT_PAIR(0x2, "MOUNT_ATTR_NOSUID"),
	XLAT_PAIR(0x4, "MOUNT_ATTR_NODEV"), XLAT_PAIR(0x8, "MOUNT_ATTR_NOEXEC"),
	XLAT_PAIR(0x10, "MOUNT_ATTR_NOATIME"), XLAT_PAIR(0x20, "MOUNT_ATTR_STRICTATIME"),
	XLAT_PAIR(0x80, "MOUNT_ATTR_NODIRATIME"), XLAT_END,
};

void dec_fsmount(struct dctx *c)
{
	dc_fd(c, 0);
	dc_flags_unk(c, 1, t4_fsmount_flags, "FSMOUNT_");
	pr_flags_unk(ARG(c, 2), t4_mount_attrs, (__u32)RAW(c, 2), "MOUNT_ATTR_");
}

/* --- landlock_create_ruleset(attr, size, flags), landlock_add_rule(fd,
 * type, attr, flags) */

static const struct rn_xlat t4_landlock_fs[] = {
	XLAT_PAIR(1u << 0, "LANDLOCK_ACCESS_FS_EXECUTE"),
	XLAT_PAIR(1u << 1, "LANDLOCK_ACCESS_FS_WRITE_FILE"),
	XLAT_PAIR(1u << 2, "LANDLOCK_ACCESS_FS_READ_FILE"),
	XLAT_PAIR(1u << 3, "LANDLOCK_ACCESS_FS_READ_DIR"),
	XLAT_PAIR(1u << 4, "LANDLOCK_ACCESS_FS_REMOVE_DIR"),
	XLAT_PAIR(1u << 5, "LANDLOCK_ACCESS_FS_REMOVE_FILE"),
	XLAT_PAIR(1u << 6, "LANDLOCK_ACCESS_FS_MAKE_CHAR"),
	XLAT_PAIR(1u << 7, "LANDLOCK_ACCESS_FS_MAKE_DIR"),
	XLAT_PAIR(1u << 8, "LANDLOCK_ACCESS_FS_MAKE_REG"),
	XLAT_PAIR(1u << 9, "LANDLOCK_ACCESS_FS_MAKE_SOCK"),
	XLAT_PAIR(1u << 10, "LANDLOCK_ACCESS_FS_MAKE_FIFO"),
	XLAT_PAIR(1u << 11, "LANDLOCK_ACCESS_FS_MAKE_BLOCK"),
	XLAT_PAIR(1u << 12, "LANDLOCK_ACCESS_FS_MAKE_SYM"),
	XLAT_PAIR(1u << 13, "LANDLOCK_ACCESS_FS_REFER"), XLAT_END,
};

static const struct rn_xlat t4_landlock_ruleset_flags[] = {
	XLAT_PAIR(1, "LANDLOCK_CREATE_RULESET_VERSION"), XLAT_END,
};

static const struct rn_xlat t4_landlock_rules[] = {
	XLAT_PAIR(1, "LANDLOCK_RULE_PATH_BENEATH"), XLAT_END,
};

/* Any byte set past handled_access_fs (handled_access_net and later are
 * newer than strace 6.1): ", ..." */
static bool landlock_tail_set(struct dctx *c, __u64 addr, __u64 size)
{
	__u8 b[64];
	size_t n = size < sizeof(b) ? size : sizeof(b);

	if (n <= 8 || dc_read(c, addr, b, n, false) < 0)
		return false;
	for (size_t i = 8; i < n; i++)
		if (b[i])
			return true;
	return false;
}

void dec_landlock_create_ruleset(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 0);
	__u64 addr = RAW(c, 0), size = RAW(c, 1), fs;

	if (!addr || size < 8 || dc_read(c, addr, &fs, sizeof(fs), false) < 0) {
		dc_ptr(c, 0);
	} else {
		rn_sb_puts(sb, "{handled_access_fs=");
		pr_flags_unk(sb, t4_landlock_fs, fs, "LANDLOCK_ACCESS_FS_");
		/* handled_access_net and later: newer than strace 6.1 */
		if (landlock_tail_set(c, addr, size))
			rn_sb_puts(sb, ", ...");
		rn_sb_putc(sb, '}');
	}
	dc_ulong(c, 1);
	dc_flags_unk(c, 2, t4_landlock_ruleset_flags, "LANDLOCK_CREATE_RULESET_");
	if (RAW(c, 2) & 1)	/* the ABI version, not a ruleset */
		c->rv = RV_DEC;
}

void dec_landlock_add_rule(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 2);
	__u8 pb[12];	/* struct landlock_path_beneath_attr, packed */
	__u64 acc;
	__s32 fd;

	dc_fd(c, 0);
	rn_xlat_enum_unk(ARG(c, 1), t4_landlock_rules, (__u32)RAW(c, 1), "LANDLOCK_RULE_");
	if ((__u32)RAW(c, 1) != 1 || !RAW(c, 2) ||
	    dc_read(c, RAW(c, 2), pb, sizeof(pb), false) < 0) {
		dc_ptr(c, 2);
	} else {
		memcpy(&acc, pb, sizeof(acc));
		memcpy(&fd, pb + 8, sizeof(fd));
		rn_sb_puts(sb, "{allowed_access=");
		pr_flags_unk(sb, t4_landlock_fs, acc, "LANDLOCK_ACCESS_FS_");
		rn_sb_puts(sb, ", parent_fd=");
		pr_fd(c, sb, fd);
		rn_sb_putc(sb, '}');
	}
	rn_sb_put_hex(ARG(c, 3), (__u32)RAW(c, 3));	/* flags: a __u32 */
}
