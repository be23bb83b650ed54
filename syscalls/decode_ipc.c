// SPDX-License-Identifier: MIT
/*
 * System V IPC control calls: shmctl, msgctl, semctl.
 *
 * The kernel's 64-bit layouts (x86_64 passes IPC_64 implicitly): IPC_SET
 * reads the permissions (and msgctl's queue size) at entry, the *_STAT and
 * *_INFO commands fill a structure that prints at exit when the call
 * succeeded; every other command prints the argument as an address.
 */
#include <stddef.h>
#include <string.h>

#include "decode_int.h"
#include "xlat.h"

#define IPC_64_FLAG	0x100

enum ipc_kind { IPC_K_SHM, IPC_K_MSG, IPC_K_SEM };

/* What a command does with its buffer argument. */
enum ipc_buf { IPC_BUF_ADDR, IPC_BUF_SET, IPC_BUF_STAT, IPC_BUF_INFO, IPC_BUF_SHM_INFO };

/* struct ipc64_perm */
struct ipc_perm64 {
	__s32 key;
	__u32 uid, gid, cuid, cgid;
	__u32 mode;
	__u16 seq, pad;
	__u64 unused[2];
};
_Static_assert(sizeof(struct ipc_perm64) == 48, "ipc64_perm");

/* struct shmid64_ds */
struct shmid64 {
	struct ipc_perm64 perm;
	__u64 segsz;
	__s64 atime, dtime, ctime;
	__s32 cpid, lpid;
	__u64 nattch;
	__u64 unused[2];
};
_Static_assert(sizeof(struct shmid64) == 112, "shmid64_ds");

/* struct msqid64_ds */
struct msqid64 {
	struct ipc_perm64 perm;
	__s64 stime, rtime, ctime;
	__u64 cbytes, qnum, qbytes;
	__s32 lspid, lrpid;
	__u64 unused[2];
};
_Static_assert(sizeof(struct msqid64) == 120, "msqid64_ds");

/* struct semid64_ds (x86_64: each time followed by an unused word) */
struct semid64 {
	struct ipc_perm64 perm;
	__s64 otime;
	__u64 unused1;
	__s64 ctime;
	__u64 unused2;
	__u64 nsems;
	__u64 unused[2];
};
_Static_assert(sizeof(struct semid64) == 104, "semid64_ds");

/* struct shminfo64: five unsigned longs, then reserved words */
struct shminfo64 {
	__u64 shmmax, shmmin, shmmni, shmseg, shmall;
};

/* struct shm_info */
struct shm_info64 {
	__s32 used_ids;
	__u32 pad;
	__u64 shm_tot, shm_rss, shm_swp, swap_attempts, swap_successes;
};
_Static_assert(sizeof(struct shm_info64) == 48, "shm_info");

/* struct msginfo: seven ints and a short */
struct msginfo32 {
	__s32 msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql;
	__u16 msgseg;
};

/* struct seminfo: ten ints */
struct seminfo32 {
	__s32 semmap, semmni, semmns, semmnu, semmsl, semopm, semume, semusz, semvmx, semaem;
};

static enum ipc_buf ipc_buf_kind(enum ipc_kind k, unsigned cmd)
{
	switch (cmd) {
	case 1:				/* IPC_SET */
		return IPC_BUF_SET;
	case 2:				/* IPC_STAT */
		return IPC_BUF_STAT;
	case 3:				/* IPC_INFO */
		return IPC_BUF_INFO;
	}
	switch (k) {
	case IPC_K_SHM:			/* SHM_STAT, SHM_INFO, SHM_STAT_ANY */
		return cmd == 13 || cmd == 15 ? IPC_BUF_STAT :
		       cmd == 14 ? IPC_BUF_SHM_INFO : IPC_BUF_ADDR;
	case IPC_K_MSG:			/* MSG_STAT, MSG_INFO, MSG_STAT_ANY */
		return cmd == 11 || cmd == 13 ? IPC_BUF_STAT :
		       cmd == 12 ? IPC_BUF_INFO : IPC_BUF_ADDR;
	case IPC_K_SEM:			/* SEM_STAT, SEM_INFO, SEM_STAT_ANY */
		return cmd == 18 || cmd == 20 ? IPC_BUF_STAT :
		       cmd == 19 ? IPC_BUF_INFO : IPC_BUF_ADDR;
	}
	return IPC_BUF_ADDR;
}

/* IPC_64|IPC_STAT: the flag, then the command by name */
static void pr_ipc_cmd(struct rn_strbuf *sb, const struct rn_xlat *x, unsigned cmd,
		       const char *pfx)
{
	if (cmd & IPC_64_FLAG)
		rn_sb_puts(sb, "IPC_64|");
	rn_xlat_enum_unk(sb, x, cmd & ~IPC_64_FLAG, pfx);
}

/* {uid=0, gid=0, mode=0600[, key=1, cuid=0, cgid=0]} */
static void pr_perm(struct rn_strbuf *sb, const char *name, const struct ipc_perm64 *p,
		    bool full)
{
	rn_sb_printf(sb, "%s={uid=%u, gid=%u, mode=%#o", name, p->uid, p->gid, p->mode);
	if (full)
		rn_sb_printf(sb, ", key=%u, cuid=%u, cgid=%u", (__u32)p->key, p->cuid, p->cgid);
	rn_sb_putc(sb, '}');
}

static void pr_shm(struct rn_strbuf *sb, const void *buf, enum ipc_buf kind)
{
	const struct shmid64 *d = buf;
	const struct shminfo64 *i = buf;
	const struct shm_info64 *s = buf;

	switch (kind) {
	case IPC_BUF_SET:
		rn_sb_putc(sb, '{');
		pr_perm(sb, "shm_perm", &d->perm, false);
		rn_sb_putc(sb, '}');
		return;
	case IPC_BUF_STAT:
		rn_sb_putc(sb, '{');
		pr_perm(sb, "shm_perm", &d->perm, true);
		rn_sb_printf(sb, ", shm_segsz=%llu, shm_cpid=%d, shm_lpid=%d, shm_nattch=%llu, "
			     "shm_atime=%lld, shm_dtime=%lld, shm_ctime=%lld}",
			     (unsigned long long)d->segsz, d->cpid, d->lpid,
			     (unsigned long long)d->nattch, (long long)d->atime,
			     (long long)d->dtime, (long long)d->ctime);
		return;
	case IPC_BUF_INFO:
		rn_sb_printf(sb, "{shmmax=%llu, shmmin=%llu, shmmni=%llu, shmseg=%llu, "
			     "shmall=%llu}", (unsigned long long)i->shmmax,
			     (unsigned long long)i->shmmin, (unsigned long long)i->shmmni,
			     (unsigned long long)i->shmseg, (unsigned long long)i->shmall);
		return;
	case IPC_BUF_SHM_INFO:
		rn_sb_printf(sb, "{used_ids=%d, shm_tot=%llu, shm_rss=%llu, shm_swp=%llu, "
			     "swap_attempts=%llu, swap_successes=%llu}", s->used_ids,
			     (unsigned long long)s->shm_tot, (unsigned long long)s->shm_rss,
			     (unsigned long long)s->shm_swp,
			     (unsigned long long)s->swap_attempts,
			     (unsigned long long)s->swap_successes);
		return;
	case IPC_BUF_ADDR:
		break;
	}
}

static void pr_msg(struct rn_strbuf *sb, const void *buf, enum ipc_buf kind)
{
	const struct msqid64 *d = buf;
	const struct msginfo32 *i = buf;

	switch (kind) {
	case IPC_BUF_SET:
		rn_sb_putc(sb, '{');
		pr_perm(sb, "msg_perm", &d->perm, false);
		rn_sb_printf(sb, ", msg_qbytes=%llu}", (unsigned long long)d->qbytes);
		return;
	case IPC_BUF_STAT:
		rn_sb_putc(sb, '{');
		pr_perm(sb, "msg_perm", &d->perm, true);
		rn_sb_printf(sb, ", msg_stime=%lld, msg_rtime=%lld, msg_ctime=%lld, "
			     "msg_qnum=%llu, msg_qbytes=%llu, msg_lspid=%d, msg_lrpid=%d}",
			     (long long)d->stime, (long long)d->rtime, (long long)d->ctime,
			     (unsigned long long)d->qnum, (unsigned long long)d->qbytes,
			     d->lspid, d->lrpid);
		return;
	case IPC_BUF_INFO:
		rn_sb_printf(sb, "{msgpool=%d, msgmap=%d, msgmax=%d, msgmnb=%d, msgmni=%d, "
			     "msgssz=%d, msgtql=%d, msgseg=%u}", i->msgpool, i->msgmap,
			     i->msgmax, i->msgmnb, i->msgmni, i->msgssz, i->msgtql, i->msgseg);
		return;
	case IPC_BUF_SHM_INFO:
	case IPC_BUF_ADDR:
		break;
	}
}

static void pr_sem(struct rn_strbuf *sb, const void *buf, enum ipc_buf kind)
{
	const struct semid64 *d = buf;
	const struct seminfo32 *i = buf;

	switch (kind) {
	case IPC_BUF_SET:
		rn_sb_putc(sb, '{');
		pr_perm(sb, "sem_perm", &d->perm, false);
		rn_sb_putc(sb, '}');
		return;
	case IPC_BUF_STAT:
		rn_sb_putc(sb, '{');
		pr_perm(sb, "sem_perm", &d->perm, true);
		rn_sb_printf(sb, ", sem_otime=%lld, sem_ctime=%lld, sem_nsems=%llu}",
			     (long long)d->otime, (long long)d->ctime,
			     (unsigned long long)d->nsems);
		return;
	case IPC_BUF_INFO:
		rn_sb_printf(sb, "{semmap=%d, semmni=%d, semmns=%d, semmnu=%d, semmsl=%d, "
			     "semopm=%d, semume=%d, semusz=%d, semvmx=%d, semaem=%d}",
			     i->semmap, i->semmni, i->semmns, i->semmnu, i->semmsl, i->semopm,
			     i->semume, i->semusz, i->semvmx, i->semaem);
		return;
	case IPC_BUF_SHM_INFO:
	case IPC_BUF_ADDR:
		break;
	}
}

static size_t ipc_buf_size(enum ipc_kind k, enum ipc_buf kind)
{
	if (kind == IPC_BUF_SHM_INFO)
		return sizeof(struct shm_info64);
	if (kind == IPC_BUF_INFO)
		return k == IPC_K_SHM ? sizeof(struct shminfo64) :
		       k == IPC_K_MSG ? sizeof(struct msginfo32) : sizeof(struct seminfo32);
	return k == IPC_K_SHM ? sizeof(struct shmid64) :
	       k == IPC_K_MSG ? sizeof(struct msqid64) : sizeof(struct semid64);
}

/*
 * The buffer argument i of a control call with command cmd. Returns true
 * when the call stops here to be completed at exit.
 */
static bool pr_ipc_buf(struct dctx *c, int i, enum ipc_kind k, unsigned cmd)
{
	enum ipc_buf kind = ipc_buf_kind(k, cmd & ~IPC_64_FLAG);
	union {
		struct shmid64 shm;
		struct msqid64 msg;
		struct semid64 sem;
		struct shm_info64 shm_info;
	} u;
	size_t n = ipc_buf_size(k, kind);
	bool out = kind != IPC_BUF_SET;

	if (kind == IPC_BUF_ADDR) {
		dc_ptr(c, i);
		return false;
	}
	if (out && dc_stop_unfinished(c, i))
		return true;
	memset(&u, 0, sizeof(u));
	if ((out && !c->ok) || dc_read(c, RAW(c, i), &u, n, out) < 0) {
		dc_ptr(c, i);
		return false;
	}
	if (k == IPC_K_SHM)
		pr_shm(ARG(c, i), &u, kind);
	else if (k == IPC_K_MSG)
		pr_msg(ARG(c, i), &u, kind);
	else
		pr_sem(ARG(c, i), &u, kind);
	return false;
}

/* shmctl(id, cmd, buf) */
void dec_shmctl(struct dctx *c)
{
	unsigned cmd = (unsigned)RAW(c, 1);

	dc_int(c, 0);
	pr_ipc_cmd(ARG(c, 1), rn_xl_shmctl_cmds, cmd, "SHM_");
	pr_ipc_buf(c, 2, IPC_K_SHM, cmd);
}

/* msgctl(id, cmd, buf) */
void dec_msgctl(struct dctx *c)
{
	unsigned cmd = (unsigned)RAW(c, 1);

	dc_int(c, 0);
	pr_ipc_cmd(ARG(c, 1), rn_xl_msgctl_cmds, cmd, "MSG_");
	pr_ipc_buf(c, 2, IPC_K_MSG, cmd);
}

/* semctl(id, num, cmd, arg): arg is the union semun, a pointer for the
 * commands with a buffer */
void dec_semctl(struct dctx *c)
{
	unsigned cmd = (unsigned)RAW(c, 2);

	dc_int(c, 0);
	dc_int(c, 1);
	pr_ipc_cmd(ARG(c, 2), rn_xl_semctl_cmds, cmd, "SEM_");
	pr_ipc_buf(c, 3, IPC_K_SEM, cmd);
}
