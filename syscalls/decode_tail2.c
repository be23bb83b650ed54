// SPDX-License-Identifier: MIT
/*
 * More of the long tail, printed as strace 6.1 prints it: the id getters
 * (getresuid, getcpu), splice's vmsplice, the scheduler's policy calls,
 * ioprio, membarrier, syslog, mincore, SysV IPC, kcmp, capabilities, keys,
 * process_vm_readv/writev, get_robust_list. Each line was checked against
 * strace's for the same call (tests/tracees/tail2.c,
 * tests/integration/t_decode_tail2.sh). The calls argument kinds express
 * are rows of syscalls.def only.
 */
#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* The bits of val no entry of x names. */
static __u64 t2_unknown_bits(const struct rn_xlat *x, __u64 val)
{
	for (; x->str; x++)
		val &= ~x->val;
	return val;
}

/* flags(X,PFX_): "A|0x40", and "0x40 /\* PFX_??? *\/" when no bit has a name. */
void pr_flags_unk(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val, const char *pfx)
{
	rn_xlat_flags(sb, x, val);
	if (val && t2_unknown_bits(x, val) == val)
		rn_sb_printf(sb, " /* %s??? */", pfx);
}

void dc_flags_unk(struct dctx *c, int i, const struct rn_xlat *x, const char *pfx)
{
	pr_flags_unk(ARG(c, i), x, (__u32)RAW(c, i), pfx);
}

void dc_lflags_unk(struct dctx *c, int i, const struct rn_xlat *x, const char *pfx)
{
	pr_flags_unk(ARG(c, i), x, RAW(c, i), pfx);
}

/* An output argument i: true when its value can be shown, else its address
 * is printed (or nothing, for an unfinished call: check c->exiting). */
static bool t2_out(struct dctx *c, int i)
{
	if (!c->exiting)
		return false;
	if (!c->ok || !RAW(c, i)) {
		dc_ptr(c, i);
		return false;
	}
	return true;
}

/* "[value]" of an output unsigned int / u64, or the address */
static void t2_out_uint(struct dctx *c, int i, bool u64, bool hex)
{
	__u64 v = 0;

	if (!t2_out(c, i))
		return;
	if (dc_read(c, RAW(c, i), &v, u64 ? 8 : 4, true) < 0)
		dc_ptr(c, i);
	else
		rn_sb_printf(ARG(c, i), hex ? "[%#llx]" : "[%llu]", (unsigned long long)v);
}

/* getresuid(ruid, euid, suid), getresgid: "[0], [0], [0]" */
void dec_getresuid(struct dctx *c)
{
	if (dc_stop_unfinished(c, 0))
		return;
	for (int i = 0; i < 3; i++)
		t2_out_uint(c, i, false, false);
}

/* getcpu(cpu, node, tcache) */
void dec_getcpu(struct dctx *c)
{
	if (dc_stop_unfinished(c, 0))
		return;
	t2_out_uint(c, 0, false, false);
	t2_out_uint(c, 1, false, false);
	dc_ptr(c, 2);
}

/* get_robust_list(pid, head_ptr, len_ptr) */
void dec_get_robust_list(struct dctx *c)
{
	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	if (dc_stop_unfinished(c, 1))
		return;
	t2_out_uint(c, 1, true, true);
	t2_out_uint(c, 2, true, false);
}

/* --- vmsplice, process_vm_readv/writev: iovec arrays */

void dec_vmsplice(struct dctx *c)
{
	dc_fd(c, 0);
	pr_iov(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), false, 0);
	dc_ulong(c, 2);
	dc_flags_unk(c, 3, rn_xl_splice_flags, "SPLICE_F_");
}

/* The other process's iovecs: addresses and lengths only. */
void pr_iov_addrs(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 cnt)
{
	__u64 v[2];

	if (!addr || (cnt && dc_read(c, addr, v, sizeof(v), false) < 0)) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 i = 0; i < cnt; i++) {
		/* as strace: an element is read before -s may cut there */
		if (i && dc_read(c, addr + i * 16, v, sizeof(v), false) < 0) {
			rn_sb_printf(sb, ", ... /* %#llx */", (unsigned long long)(addr + i * 16));
			break;
		}
		if (dc_array_cut(c, i) || i >= 1024) {	/* UIO_MAXIOV */
			rn_sb_puts(sb, i ? ", ..." : "...");
			break;
		}
		rn_sb_printf(sb, "%s{iov_base=", i ? ", " : "");
		pr_ptr(sb, v[0]);
		rn_sb_printf(sb, ", iov_len=%llu}", (unsigned long long)v[1]);
	}
	rn_sb_putc(sb, ']');
}

/* process_vm_readv(pid, local, n, remote, n, flags): readv's local buffers
 * are filled at exit. */
void dec_process_vm(struct dctx *c)
{
	bool rd = c->sc->nr == 310;

	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	if (rd && dc_stop_unfinished(c, 1))
		return;
	if (rd && !c->ok)
		dc_ptr(c, 1);
	else
		pr_iov(c, ARG(c, 1), RAW(c, 1), RAW(c, 2), rd, rd ? c->sc->ret : 0);
	dc_ulong(c, 2);
	pr_iov_addrs(c, ARG(c, 3), RAW(c, 3), RAW(c, 4));
	dc_ulong(c, 4);
	dc_ulong(c, 5);
}

/* --- the scheduler */

static void t2_sched_param(struct dctx *c, int i, bool out)
{
	int prio;

	if (out && !t2_out(c, i))
		return;
	if (!RAW(c, i))
		dc_ptr(c, i);
	else if (dc_read(c, RAW(c, i), &prio, sizeof(prio), out) < 0)
		dc_ptr(c, i);
	else
		rn_sb_printf(ARG(c, i), "[%d]", prio);
}

/* sched_getparam(pid, param) and sched_setparam */
void dec_sched_param(struct dctx *c)
{
	bool get = c->sc->nr == 143;

	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	if (get && dc_stop_unfinished(c, 1))
		return;
	t2_sched_param(c, 1, get);
}

void dec_sched_setscheduler(struct dctx *c)
{
	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	rn_xlat_enum_unk(ARG(c, 1), rn_xl_sched_policies, (__u32)RAW(c, 1), "SCHED_");
	t2_sched_param(c, 2, false);
}

static void sched_policy_ret(struct dctx *c)
{
	const char *n = rn_xlat_name(rn_xl_sched_policies, c->sc->ret);

	if (n)
		rn_sb_printf(&c->d->ret, " (%s)", n);
}

void dec_sched_getscheduler(struct dctx *c)
{
	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	if (c->ok)
		c->ret_extra = sched_policy_ret;
}

void dec_sched_rr_get_interval(struct dctx *c)
{
	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	if (dc_stop_unfinished(c, 1))
		return;
	if (t2_out(c, 1))
		pr_timespec_at(c, ARG(c, 1), RAW(c, 1), true);
}

/* --- ioprio_get(which, who), ioprio_set(which, who, prio) */

static const struct rn_xlat t2_ioprio_who[] = {
	XLAT_PAIR(1, "IOPRIO_WHO_PROCESS"), XLAT_PAIR(2, "IOPRIO_WHO_PGRP"),
	XLAT_PAIR(3, "IOPRIO_WHO_USER"), XLAT_END,
};

static const struct rn_xlat t2_ioprio_class[] = {
	XLAT_PAIR(0, "IOPRIO_CLASS_NONE"), XLAT_PAIR(1, "IOPRIO_CLASS_RT"),
	XLAT_PAIR(2, "IOPRIO_CLASS_BE"), XLAT_PAIR(3, "IOPRIO_CLASS_IDLE"), XLAT_END,
};

void pr_ioprio(struct rn_strbuf *sb, __u32 v)
{
	rn_sb_puts(sb, "IOPRIO_PRIO_VALUE(");
	rn_xlat_enum_unk(sb, t2_ioprio_class, v >> 13, "IOPRIO_CLASS_");
	rn_sb_printf(sb, ", %u)", v & 0x1fff);
}

static void ioprio_ret(struct dctx *c)
{
	rn_sb_puts(&c->d->ret, " (");
	pr_ioprio(&c->d->ret, (__u32)c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

void dec_ioprio(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 0), t2_ioprio_who, (__u32)RAW(c, 0), "IOPRIO_WHO_");
	dc_int(c, 1);
	if (c->sc->nr == 251)
		pr_ioprio(ARG(c, 2), (__u32)RAW(c, 2));
	else if (c->ok)
		c->ret_extra = ioprio_ret;
}

/* --- membarrier(cmd, flags, cpu_id): the query returns a command set */

static const struct rn_xlat t2_membarrier_cmds[] = {
	XLAT_PAIR(0, "MEMBARRIER_CMD_QUERY"), XLAT_PAIR(1, "MEMBARRIER_CMD_GLOBAL"),
	XLAT_PAIR(2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"),
	XLAT_PAIR(4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"),
	XLAT_PAIR(8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"),
	XLAT_PAIR(16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"),
	XLAT_PAIR(32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"),
	XLAT_PAIR(64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"),
	XLAT_PAIR(128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"),
	XLAT_PAIR(256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"), XLAT_END,
};

static const struct rn_xlat t2_membarrier_flags[] = {
	XLAT_PAIR(1, "MEMBARRIER_CMD_FLAG_CPU"), XLAT_END,
};

static void membarrier_ret(struct dctx *c)
{
	rn_sb_puts(&c->d->ret, " (");
	rn_xlat_flags(&c->d->ret, t2_membarrier_cmds, c->sc->ret);
	rn_sb_putc(&c->d->ret, ')');
}

void dec_membarrier(struct dctx *c)
{
	rn_xlat_enum_unk(ARG(c, 0), t2_membarrier_cmds, (__u32)RAW(c, 0), "MEMBARRIER_CMD_");
	pr_flags_unk(ARG(c, 1), t2_membarrier_flags, (__u32)RAW(c, 1), "MEMBARRIER_CMD_FLAG_");
	if (RAW(c, 1) & 1)
		dc_int(c, 2);
	else
		c->d->nargs = 2;
	if (c->ok && !(__u32)RAW(c, 0) && c->sc->ret) {
		c->rv = RV_HEX;
		c->ret_extra = membarrier_ret;
	}
}

/* --- syslog(type, buf, len): the type with its name in a comment, then only
 * the arguments that type reads */

static const struct rn_xlat t2_syslog_types[] = {
	XLAT_PAIR(0, "SYSLOG_ACTION_CLOSE"), XLAT_PAIR(1, "SYSLOG_ACTION_OPEN"),
	XLAT_PAIR(2, "SYSLOG_ACTION_READ"), XLAT_PAIR(3, "SYSLOG_ACTION_READ_ALL"),
	XLAT_PAIR(4, "SYSLOG_ACTION_READ_CLEAR"), XLAT_PAIR(5, "SYSLOG_ACTION_CLEAR"),
	XLAT_PAIR(6, "SYSLOG_ACTION_CONSOLE_OFF"), XLAT_PAIR(7, "SYSLOG_ACTION_CONSOLE_ON"),
	XLAT_PAIR(8, "SYSLOG_ACTION_CONSOLE_LEVEL"), XLAT_PAIR(9, "SYSLOG_ACTION_SIZE_UNREAD"),
	XLAT_PAIR(10, "SYSLOG_ACTION_SIZE_BUFFER"), XLAT_END,
};

void dec_syslog(struct dctx *c)
{
	int type = (int)RAW(c, 0);
	const char *n = rn_xlat_name(t2_syslog_types, (__u32)type);

	rn_sb_printf(ARG(c, 0), "%d /* %s */", type, n ? n : "SYSLOG_ACTION_???");
	if (n && type != 8 && (type < 2 || type > 4)) {
		c->d->nargs = 1;
		return;
	}
	if (type >= 2 && type <= 4) {
		if (dc_stop_unfinished(c, 1))
			return;
		dc_outbuf(c, 1, true);
	} else {
		dc_ptr(c, 1);
	}
	dc_int(c, 2);
}

/* mincore(addr, len, vec): one byte per page, shown as its resident bit */
void dec_mincore(struct dctx *c)
{
	__u64 pages = (RAW(c, 1) + 4095) / 4096;
	struct rn_strbuf *sb = ARG(c, 2);
	__u8 b;

	dc_ptr(c, 0);
	dc_ulong(c, 1);
	if (dc_stop_unfinished(c, 2) || !t2_out(c, 2))
		return;
	if (dc_read(c, RAW(c, 2), &b, 1, true) < 0) {
		dc_ptr(c, 2);
		return;
	}
	rn_sb_putc(sb, '[');
	for (__u64 i = 0; i < pages; i++) {
		/* -v: at most a page of the vector */
		if (i && (dc_array_cut(c, i) || i >= 4096)) {
			rn_sb_puts(sb, ", ...");
			break;
		}
		if (dc_read(c, RAW(c, 2) + i, &b, 1, true) < 0) {
			rn_sb_printf(sb, "%s... /* %#llx */", i ? ", " : "",
				     (unsigned long long)(RAW(c, 2) + i));
			break;
		}
		rn_sb_printf(sb, "%s%u", i ? ", " : "", b & 1);
	}
	rn_sb_putc(sb, ']');
}

/* --- SysV IPC */

static const struct rn_xlat t2_ipc_get_flags[] = {
	XLAT_PAIR(01000, "IPC_CREAT"), XLAT_PAIR(02000, "IPC_EXCL"), XLAT_PAIR(04000, "IPC_NOWAIT"),
	XLAT_END,
};

static const struct rn_xlat t2_shm_get_flags[] = {
	XLAT_PAIR(01000, "IPC_CREAT"), XLAT_PAIR(02000, "IPC_EXCL"),
	XLAT_PAIR(04000, "SHM_HUGETLB"), XLAT_PAIR(010000, "SHM_NORESERVE"), XLAT_END,
};

/* "IPC_CREAT|IPC_EXCL|0600": the flags (nothing for none), shmget's huge
 * page size as "21<<SHM_HUGE_SHIFT", then the mode */
static void pr_ipc_get_flags(struct rn_strbuf *sb, const struct rn_xlat *x, __u32 v, bool shm)
{
	__u32 huge = shm ? v >> 26 : 0;

	v &= shm ? ~(0x3fu << 26) : ~0u;
	if (v & ~0777u) {
		rn_xlat_flags(sb, x, v & ~0777u);
		rn_sb_putc(sb, '|');
	}
	if (huge)
		rn_sb_printf(sb, "%u<<SHM_HUGE_SHIFT|", huge);
	pr_mode(sb, v & 0777);
}

/* semget(key, nsems, flags), msgget(key, flags), shmget(key, size, flags) */
void dec_ipc_get(struct dctx *c)
{
	long nr = c->sc->nr;
	__u32 key = (__u32)RAW(c, 0);
	int fi = nr == 68 ? 1 : 2;

	if (key)
		rn_sb_printf(ARG(c, 0), "%#x", key);
	else
		rn_sb_puts(ARG(c, 0), "IPC_PRIVATE");
	if (nr == 64)
		dc_int(c, 1);
	else if (nr == 29)
		dc_ulong(c, 1);
	pr_ipc_get_flags(ARG(c, fi), nr == 29 ? t2_shm_get_flags : t2_ipc_get_flags,
			 (__u32)RAW(c, fi), nr == 29);
}

static const struct rn_xlat t2_sem_flags[] = {
	XLAT_PAIR(0x1000, "SEM_UNDO"), XLAT_PAIR(04000, "IPC_NOWAIT"), XLAT_END,
};

/* semop(id, sops, nsops), semtimedop(..., timeout) */
void dec_semop(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 1);
	__u64 addr = RAW(c, 1), n = RAW(c, 2);
	__s16 s[3];

	dc_int(c, 0);
	if (!addr || !n || n > 4096 || dc_read(c, addr, s, sizeof(s), false) < 0) {
		dc_ptr(c, 1);
	} else {
		rn_sb_putc(sb, '[');
		for (__u64 i = 0; i < n; i++) {
			if (i && (dc_array_cut(c, i) || dc_read(c, addr + i * 6, s, 6, false) < 0)) {
				rn_sb_puts(sb, ", ...");
				break;
			}
			rn_sb_printf(sb, "%s{sem_num=%u, sem_op=%d, sem_flg=", i ? ", " : "",
				     (__u16)s[0], s[1]);
			rn_xlat_flags(sb, t2_sem_flags, (__u16)s[2]);
			rn_sb_putc(sb, '}');
		}
		rn_sb_putc(sb, ']');
	}
	dc_uint(c, 2);
	if (c->sc->nr == 220)
		pr_timespec_at(c, ARG(c, 3), RAW(c, 3), false);
}

static const struct rn_xlat t2_msg_flags[] = {
	XLAT_PAIR(010000, "MSG_NOERROR"), XLAT_PAIR(020000, "MSG_EXCEPT"),
	XLAT_PAIR(040000, "MSG_COPY"), XLAT_PAIR(04000, "IPC_NOWAIT"), XLAT_END,
};

/* {mtype=1, mtext="abc\0"}: the type, then size bytes of text */
static void pr_msgbuf(struct dctx *c, int i, __u64 size, bool out)
{
	__s64 type;

	if (!RAW(c, i) || dc_read(c, RAW(c, i), &type, sizeof(type), out) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_printf(ARG(c, i), "{mtype=%lld, mtext=", (long long)type);
	pr_buf_at(c, ARG(c, i), RAW(c, i) + 8, size, out);
	rn_sb_putc(ARG(c, i), '}');
}

void dec_msgsnd(struct dctx *c)
{
	dc_int(c, 0);
	pr_msgbuf(c, 1, RAW(c, 2), false);
	dc_ulong(c, 2);
	pr_flags_unk(ARG(c, 3), t2_msg_flags, (__u32)RAW(c, 3), "MSG_");
}

void dec_msgrcv(struct dctx *c)
{
	dc_int(c, 0);
	if (dc_stop_unfinished(c, 1))
		return;
	if (c->ok)
		pr_msgbuf(c, 1, RAW(c, 2), true);
	else
		dc_ptr(c, 1);
	dc_ulong(c, 2);
	dc_long(c, 3);
	pr_flags_unk(ARG(c, 4), t2_msg_flags, (__u32)RAW(c, 4), "MSG_");
}

/* --- kcmp(pid1, pid2, type, idx1, idx2): the indexes only where the type
 * reads them */

static const struct rn_xlat t2_kcmp_types[] = {
	XLAT_PAIR(0, "KCMP_FILE"), XLAT_PAIR(1, "KCMP_VM"), XLAT_PAIR(2, "KCMP_FILES"),
	XLAT_PAIR(3, "KCMP_FS"), XLAT_PAIR(4, "KCMP_SIGHAND"), XLAT_PAIR(5, "KCMP_IO"),
	XLAT_PAIR(6, "KCMP_SYSVSEM"), XLAT_PAIR(7, "KCMP_EPOLL_TFD"), XLAT_END,
};

void dec_kcmp(struct dctx *c)
{
	__u32 type = (__u32)RAW(c, 2);

	pr_pid(c, ARG(c, 0), (int)RAW(c, 0));
	pr_pid(c, ARG(c, 1), (int)RAW(c, 1));
	rn_xlat_enum_unk(ARG(c, 2), t2_kcmp_types, type, "KCMP_");
	if (type == 0) {	/* the other processes' descriptors */
		dc_int(c, 3);
		dc_int(c, 4);
	} else if (type == 7) {
		dc_int(c, 3);
		dc_ptr(c, 4);
	} else if (type <= 6) {
		c->d->nargs = 3;
	} else {
		dc_hex(c, 3);
		dc_hex(c, 4);
	}
}

/* --- capget(hdr, data), capset: the two 32-bit halves of each set as one */

static const struct rn_xlat t2_cap_versions[] = {
	XLAT_PAIR(0x19980330, "_LINUX_CAPABILITY_VERSION_1"),
	XLAT_PAIR(0x20071026, "_LINUX_CAPABILITY_VERSION_2"),
	XLAT_PAIR(0x20080522, "_LINUX_CAPABILITY_VERSION_3"), XLAT_END,
};

/* "1<<CAP_CHOWN|1<<CAP_KILL", 0 for none */
static void pr_capset(struct rn_strbuf *sb, __u64 set)
{
	bool first = true;

	for (int b = 0; b < 64; b++) {
		const char *n;

		if (!(set & (1ull << b)))
			continue;
		n = rn_xlat_name(rn_xl_capabilities, b);
		if (!n)
			break;
		rn_sb_printf(sb, "%s1<<%s", first ? "" : "|", n);
		first = false;
		set &= ~(1ull << b);
	}
	if (set)
		rn_sb_printf(sb, "%s%#llx", first ? "" : "|", (unsigned long long)set);
	else if (first)
		rn_sb_putc(sb, '0');
}

static void pr_cap_data(struct dctx *c, int i, bool out, __u32 version)
{
	static const char *const names[] = { "effective", "permitted", "inheritable" };
	__u32 d[6] = { 0 };
	size_t len = version == 0x19980330 ? 12 : 24;

	if (!RAW(c, i) || dc_read(c, RAW(c, i), d, len, out) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_putc(ARG(c, i), '{');
	for (int k = 0; k < 3; k++) {
		rn_sb_printf(ARG(c, i), "%s%s=", k ? ", " : "", names[k]);
		pr_capset(ARG(c, i), d[k] | (__u64)d[k + 3] << 32);
	}
	rn_sb_putc(ARG(c, i), '}');
}

void dec_capget(struct dctx *c)
{
	__u32 h[2] = { 0 };
	bool get = c->sc->nr == 125;

	if (!RAW(c, 0) || dc_read(c, RAW(c, 0), h, sizeof(h), false) < 0) {
		dc_ptr(c, 0);
	} else {
		rn_sb_puts(ARG(c, 0), "{version=");
		rn_xlat_enum_unk(ARG(c, 0), t2_cap_versions, h[0], "_LINUX_CAPABILITY_VERSION_");
		rn_sb_printf(ARG(c, 0), ", pid=%d}", (int)h[1]);
	}
	if (get && dc_stop_unfinished(c, 1))
		return;
	if (get && !c->ok)
		dc_ptr(c, 1);
	else
		pr_cap_data(c, 1, get, h[0]);
}

/* --- add_key(type, desc, payload, plen, keyring), request_key(type, desc,
 * callout, keyring) */

static const struct rn_xlat t2_key_specs[] = {
	XLAT_PAIR(-1u, "KEY_SPEC_THREAD_KEYRING"), XLAT_PAIR(-2u, "KEY_SPEC_PROCESS_KEYRING"),
	XLAT_PAIR(-3u, "KEY_SPEC_SESSION_KEYRING"), XLAT_PAIR(-4u, "KEY_SPEC_USER_KEYRING"),
	XLAT_PAIR(-5u, "KEY_SPEC_USER_SESSION_KEYRING"), XLAT_PAIR(-6u, "KEY_SPEC_GROUP_KEYRING"),
	XLAT_PAIR(-7u, "KEY_SPEC_REQKEY_AUTH_KEY"), XLAT_PAIR(-8u, "KEY_SPEC_REQUESTOR_KEYRING"),
	XLAT_END,
};

void pr_key_serial(struct rn_strbuf *sb, __u32 id)
{
	const char *n = rn_xlat_name(t2_key_specs, id);

	if (n)
		rn_sb_puts(sb, n);
	else
		rn_sb_printf(sb, "%d", (int)id);
}

void dec_add_key(struct dctx *c)
{
	bool add = c->sc->nr == 248;
	int last = add ? 4 : 3;

	dc_str(c, 0);
	dc_str(c, 1);
	if (add) {
		pr_buf_at(c, ARG(c, 2), RAW(c, 2), RAW(c, 3), false);
		dc_ulong(c, 3);
	} else {
		dc_str(c, 2);
	}
	pr_key_serial(ARG(c, last), (__u32)RAW(c, last));
}
