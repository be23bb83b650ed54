// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_tail3.sh: the system-administration end of the long
 * tail (syscalls/decode_tail3.c and kind-only rows of syscalls.def), each
 * call once with ordinary and once with odd arguments, so their lines can be
 * compared with strace's. Run as root, so every call that could change the
 * machine is made to fail before it acts: reboot with a wrong magic number,
 * kexec with unknown flags and too many segments, seccomp's strict mode with
 * flags, iopl and ioperm only dropping rights. What the process itself
 * changes (personality, a key, an LDT read, a sealed page) is gone when it
 * exits. Constants are spelled as numbers where glibc's and the kernel's
 * headers cannot both be included. The ptrace child blocks SIGUSR1 and
 * SIGUSR2 (PEEKSIGINFO finds them pending) and carries a seccomp filter
 * that allows everything (PTRACE_SECCOMP_GET_*).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/quota.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/timex.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <asm/ldt.h>
#include <linux/filter.h>
#include <linux/keyctl.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>

#include "tail3_cert.h"

#define NR_map_shadow_stack 453	/* newer than some libcs' headers */
#define NR_mseal 462

/* linux/sched/types.h's, which clashes with glibc's struct sched_param */
struct t3_sched_attr {
	unsigned size, sched_policy;
	unsigned long long sched_flags;
	int sched_nice;
	unsigned sched_priority;
	unsigned long long sched_runtime, sched_deadline, sched_period;
	unsigned sched_util_min, sched_util_max;
};

static char buf[256] = "hello";

static void persona(void)
{
	struct stat st;
	char ubuf[64];

	syscall(SYS_personality, 0xffffffff);
	syscall(SYS_personality, 0x0040000 | 0x42);	/* ADDR_NO_RANDOMIZE, no such persona */
	syscall(SYS_personality, 0);			/* back to PER_LINUX */
	syscall(SYS_personality, 0x0400000 | 0x0008);	/* READ_IMPLIES_EXEC|PER_BSD */
	syscall(SYS_personality, 0);
	if (stat("/", &st) == 0)
		syscall(SYS_ustat, st.st_dev, ubuf);	/* its free counts vary: not in buf */
	syscall(SYS_ustat, makedev(0x123, 0x45678), NULL);
	syscall(SYS_sysfs, 1, "proc");
	syscall(SYS_sysfs, 2, 0, buf);
	syscall(SYS_sysfs, 3);
	syscall(SYS_sysfs, 99, 1, 2);
}

/* Has this process a ptrace tracer? (/proc/self/status: TracerPid) */
static int traced(void)
{
	char st[4096], *p;
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, st, sizeof(st) - 1);

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return 0;
	st[n] = '\0';
	p = strstr(st, "TracerPid:");
	return p && strtol(p + 10, NULL, 10) != 0;
}

/* the other requests with odd arguments, on pid -1: an unknown PEEKSIGINFO
 * flag, lengths a regset cannot have, a metadata size too small */
static void tracing_odd(void)
{
	static unsigned long long regs[128];
	unsigned long long peek[2] = { 1ull << 40, 0xffffffff80000002ull };
	struct iovec iov = { regs, 12 };

	regs[0] = 0x37f;
	syscall(SYS_ptrace, 14, -1, 0, buf);			/* PTRACE_GETFPREGS */
	syscall(SYS_ptrace, 15, -1, 0, regs);			/* PTRACE_SETFPREGS */
	syscall(SYS_ptrace, 15, -1, 0, NULL);
	syscall(SYS_ptrace, 0x4209, -1, peek, buf);		/* PTRACE_PEEKSIGINFO */
	syscall(SYS_ptrace, 0x4209, -1, NULL, NULL);
	syscall(SYS_ptrace, 0x4205, -1, 1, &iov);		/* SETREGSET, 12 bytes */
	iov.iov_len = 520;
	syscall(SYS_ptrace, 0x4205, -1, 2, &iov);		/* more than the registers */
	iov.iov_len = 16;
	syscall(SYS_ptrace, 0x4205, -1, 2, &iov);		/* fewer */
	syscall(SYS_ptrace, 0x420d, -1, 4, buf);		/* SECCOMP_GET_METADATA */
	syscall(SYS_ptrace, 0x420d, -1, 16, regs);
	syscall(SYS_ptrace, 0x420c, -1, 0, NULL);		/* SECCOMP_GET_FILTER */
	syscall(SYS_ptrace, 0x420f, -1, 64, buf);		/* GET_RSEQ_CONFIGURATION */
	syscall(SYS_ptrace, 33, -1, 0, SIGTRAP);		/* PTRACE_SINGLEBLOCK */
	syscall(SYS_ptrace, 21, -1, 0, 0x11);			/* PTRACE_OLDSETOPTIONS */
}

/* ptrace: the tracee is traced already, and pid -1 exists nowhere */
static void tracing(void)
{
	struct iovec iov = { buf, 64 };
	siginfo_t si = { .si_signo = SIGUSR1, .si_code = SI_USER };
	long data;

	si.si_pid = 1;
	si.si_uid = 2;

	if (traced())	/* else (an eBPF tracer) it would succeed */
		syscall(SYS_ptrace, 0, 0, 0, 0);		/* PTRACE_TRACEME */
	syscall(SYS_ptrace, 2, -1, buf, &data);			/* PTRACE_PEEKDATA */
	syscall(SYS_ptrace, 3, -1, 8, &data);			/* PTRACE_PEEKUSER */
	syscall(SYS_ptrace, 5, -1, buf, 0x1234);		/* PTRACE_POKEDATA */
	syscall(SYS_ptrace, 7, -1, 0, SIGUSR1);			/* PTRACE_CONT */
	syscall(SYS_ptrace, 24, -1, 0, 0);			/* PTRACE_SYSCALL */
	syscall(SYS_ptrace, 16, -1, 0, 0);			/* PTRACE_ATTACH */
	syscall(SYS_ptrace, 17, -1, 0, SIGSTOP);		/* PTRACE_DETACH */
	syscall(SYS_ptrace, 0x4206, -1, 0, 0x1 | 0x10 | 0x100000 | 0x800000);	/* SEIZE */
	syscall(SYS_ptrace, 0x4200, -1, 0, 0x7f);		/* PTRACE_SETOPTIONS */
	syscall(SYS_ptrace, 0x4201, -1, 0, &data);		/* PTRACE_GETEVENTMSG */
	syscall(SYS_ptrace, 0x4202, -1, 0, buf);		/* PTRACE_GETSIGINFO */
	syscall(SYS_ptrace, 0x4204, -1, 1, &iov);		/* PTRACE_GETREGSET, NT_PRSTATUS */
	syscall(SYS_ptrace, 0x4207, -1, 0, 0);			/* PTRACE_INTERRUPT */
	syscall(SYS_ptrace, 8, -1, 0, 0);			/* PTRACE_KILL */
	syscall(SYS_ptrace, 12, -1, 0, buf);			/* PTRACE_GETREGS */
	syscall(SYS_ptrace, 3, -1, 8 * 16, &data);		/* 8*RIP */
	syscall(SYS_ptrace, 6, -1, 230, 0);			/* POKEUSER in i387 */
	syscall(SYS_ptrace, 6, -1, 912, 0);			/* sizeof(struct user) */
	syscall(SYS_ptrace, 3, -1, 913, 0);
	syscall(SYS_ptrace, 7, -1, 0, 99);
	syscall(SYS_ptrace, 13, -1, 0, buf);			/* PTRACE_SETREGS */
	syscall(SYS_ptrace, 0x4203, -1, 0, &si);		/* PTRACE_SETSIGINFO */
	syscall(SYS_ptrace, 0x420a, -1, 8, NULL);		/* PTRACE_GETSIGMASK */
	syscall(SYS_ptrace, 0x420e, -1, 88, buf);		/* PTRACE_GET_SYSCALL_INFO */
	syscall(SYS_ptrace, 0x4204, -1, 0x4711, NULL);
	syscall(SYS_ptrace, 0x4321, -1, 1, 2);
	tracing_odd();
}

/* The ptrace child: an allow-all seccomp filter (with a flag to show) and
 * SIGUSR1/SIGUSR2 blocked, so they stay pending */
static void child_setup(void)
{
	struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { 1, &allow };
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigaddset(&s, SIGUSR2);
	sigprocmask(SIG_BLOCK, &s, NULL);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_LOG, &prog);
}

/* The child's registers read and written back unchanged, whole and in part */
static void child_regs(pid_t c)
{
	unsigned long long regs[38], fp[64];
	struct iovec iov = { fp, sizeof(fp) };

	syscall(SYS_ptrace, 14, c, 0, fp);			/* PTRACE_GETFPREGS */
	syscall(SYS_ptrace, 15, c, 0, fp);			/* PTRACE_SETFPREGS */
	syscall(SYS_ptrace, 0x4204, c, 2, &iov);		/* GETREGSET, NT_FPREGSET */
	iov.iov_base = regs;
	iov.iov_len = sizeof(regs);
	syscall(SYS_ptrace, 0x4204, c, 1, &iov);		/* 304 => 216 */
	iov.iov_len = sizeof(regs);
	syscall(SYS_ptrace, 0x4205, c, 1, &iov);		/* SETREGSET */
	iov.iov_len = 96;
	syscall(SYS_ptrace, 0x4204, c, 1, &iov);		/* the first 12 */
}

/* PTRACE_GET_SYSCALL_INFO at each kind of stop, and with a short buffer */
static void child_syscall_info(pid_t c)
{
	unsigned char info[88];

	syscall(SYS_ptrace, 0x420e, c, sizeof(info), info);	/* PTRACE_SYSCALL_INFO_NONE */
	syscall(SYS_ptrace, 0x420e, c, 4, info);
	syscall(SYS_ptrace, 0x420e, c, 0, info);
	/* the syscall stops say which they are only with TRACESYSGOOD */
	syscall(SYS_ptrace, 0x4200, c, 0, 1);			/* PTRACE_SETOPTIONS */
	syscall(SYS_ptrace, 24, c, 0, 0);			/* PTRACE_SYSCALL: to close */
	waitpid(c, NULL, 0);
	syscall(SYS_ptrace, 0x420e, c, sizeof(info), info);	/* ..._ENTRY */
	syscall(SYS_ptrace, 0x420e, c, 48, info);
	syscall(SYS_ptrace, 24, c, 0, 0);
	waitpid(c, NULL, 0);
	syscall(SYS_ptrace, 0x420e, c, sizeof(info), info);	/* ..._EXIT */
	syscall(SYS_ptrace, 0x420e, c, 32, info);
}

static void tracing_child_more(pid_t c)
{
	struct ptrace_peeksiginfo_args peek = { 0, 0, 4 };
	unsigned long long md[2] = { 0, 0 };
	struct sock_filter insn[4];
	siginfo_t si[4];

	kill(c, SIGUSR1);				/* the shared queue */
	syscall(SYS_tgkill, c, c, SIGUSR2);		/* the thread's */
	syscall(SYS_ptrace, 0x4209, c, &peek, si);	/* PTRACE_PEEKSIGINFO */
	peek.flags = PTRACE_PEEKSIGINFO_SHARED;
	syscall(SYS_ptrace, 0x4209, c, &peek, si);
	peek.flags = 0;
	peek.off = 1;
	syscall(SYS_ptrace, 0x4209, c, &peek, si);	/* nothing past it */
	child_regs(c);
	syscall(SYS_ptrace, 0x420d, c, sizeof(md), md);	/* SECCOMP_GET_METADATA */
	syscall(SYS_ptrace, 0x420d, c, 12, md);
	syscall(SYS_ptrace, 0x420c, c, 0, insn);	/* SECCOMP_GET_FILTER */
	syscall(SYS_ptrace, 0x420c, c, 1, insn);
	child_syscall_info(c);
}

static long word = 0x1234abcd;

/* ptrace's outputs: a child that asks to be traced by this process (neither
 * strace nor renacer follows it: no -f) and stops; killed at the end */
static void tracing_child(void)
{
	char regs[512];
	struct iovec iov = { regs, sizeof(regs) };
	unsigned long long set;
	siginfo_t si;
	sigset_t chld;
	long data;
	pid_t c;

	/* no SIGCHLD to race the wait4 lines: it stays pending till exit */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	c = fork();
	if (c < 0)
		return;
	if (c == 0) {
		child_setup();
		syscall(SYS_ptrace, 0, 0, 0, 0);	/* PTRACE_TRACEME */
		syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGSTOP);
		syscall(SYS_close, -1, 1, 2, 3, 4, 5);	/* its syscall info */
		_exit(0);
	}
	if (waitpid(c, NULL, WUNTRACED) == c) {
		syscall(SYS_ptrace, 2, c, &word, &data);	/* PTRACE_PEEKDATA */
		syscall(SYS_ptrace, 3, c, 8 * 16, &data);	/* PTRACE_PEEKUSER, 8*RIP */
		syscall(SYS_ptrace, 0x4201, c, 0, &data);	/* PTRACE_GETEVENTMSG */
		syscall(SYS_ptrace, 0x4202, c, 0, &si);		/* PTRACE_GETSIGINFO */
		syscall(SYS_ptrace, 12, c, 0, regs);		/* PTRACE_GETREGS */
		syscall(SYS_ptrace, 0x4204, c, 1, &iov);	/* PTRACE_GETREGSET */
		syscall(SYS_ptrace, 0x420a, c, 8, &set);	/* PTRACE_GETSIGMASK */
		set = 1 << (SIGUSR1 - 1) | 1 << (SIGUSR2 - 1);
		syscall(SYS_ptrace, 0x420b, c, 8, &set);	/* PTRACE_SETSIGMASK */
		tracing_child_more(c);
	}
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);
}

static void cpu(void)
{
	struct user_desc ud = { .entry_number = 12 };
	unsigned long fs;

	syscall(SYS_modify_ldt, 0, buf, 16);
	memset(&ud, 0, sizeof(ud));
	ud.entry_number = 3;
	ud.base_addr = 0x1000;
	ud.limit = 0xfff;
	ud.seg_32bit = 1;
	ud.useable = 1;
	syscall(SYS_modify_ldt, 1, &ud, 1);		/* wrong size: EINVAL */
	syscall(SYS_modify_ldt, 0x11, &ud, 1);
	ud.entry_number = -1;				/* no such slot: EINVAL */
	syscall(SYS_modify_ldt, 0x11, &ud, sizeof(ud));
	syscall(SYS_modify_ldt, 99, NULL, 0);
	syscall(SYS_iopl, 0);
	syscall(SYS_iopl, 4);
	syscall(SYS_ioperm, 0x80, 1, 0);
	syscall(SYS_ioperm, 0x10000, 8, 1);
	syscall(SYS_arch_prctl, 0x1003, &fs);		/* ARCH_GET_FS */
	syscall(SYS_arch_prctl, 0x9999, 0);
	ud.entry_number = 12;
	syscall(SYS_get_thread_area, &ud);
	ud.entry_number = 5;				/* no TLS slot: EINVAL */
	syscall(SYS_set_thread_area, &ud);
	syscall(SYS_get_thread_area, NULL);
	syscall(SYS_set_thread_area, NULL);
}

static void clocks(void)
{
	struct timex tx = { .modes = 0 };

	syscall(SYS_adjtimex, &tx);
	tx.modes = ADJ_OFFSET_SS_READ;			/* reads only */
	syscall(SYS_adjtimex, &tx);
	memset(&tx, 0, sizeof(tx));
	tx.modes = ADJ_TICK | 0x10000;			/* a tick out of range: EINVAL */
	tx.tick = 1;
	syscall(SYS_adjtimex, &tx);
	syscall(SYS_adjtimex, NULL);
	memset(&tx, 0, sizeof(tx));
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	syscall(SYS_clock_adjtime, 99, NULL);
}

/* reboot and kexec: never both magic numbers right, never flags the kernel
 * accepts, so each fails before it acts */
static void boot(void)
{
	struct { void *buf; size_t bufsz; unsigned long mem, memsz; } seg[2] = {
		{ buf, 5, 0x100000, 4096 }, { NULL, 0, 0, 0 },
	};

	syscall(SYS_reboot, 0xfee1dead, 0x1234, 0x1234567, NULL);
	syscall(SYS_reboot, 0x1234, 672274793, 0xcdef0123, NULL);
	syscall(SYS_reboot, 0, 0, 0x7777, buf);
	syscall(SYS_kexec_load, 0x1000, 17, NULL, 62 << 16 | 0x80);
	syscall(SYS_kexec_load, 0, 17, buf, 0xdead0080);
	syscall(SYS_kexec_load, 0, 2, seg, 0x81);		/* unknown flag: EINVAL */
	syscall(SYS_kexec_load, 0, 0, seg, 62 << 16 | 0x80);
	syscall(SYS_kexec_file_load, -1, -1, 5, "quiet", 0x80000004);
	syscall(SYS_kexec_file_load, -1, -1, 0, NULL, 0x80000000);
}

static void quotas(void)
{
	int fmt, fd = open("/", O_RDONLY);

	syscall(SYS_quotactl, QCMD(Q_GETFMT, USRQUOTA), "/nonexistent", 0, &fmt);
	syscall(SYS_quotactl, QCMD(Q_GETQUOTA, GRPQUOTA), "/nonexistent", 1000, buf);
	syscall(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), "/nonexistent", QFMT_VFS_V1, "/nonexistent");
	syscall(SYS_quotactl, QCMD(Q_GETINFO, PRJQUOTA), "/nonexistent", 0, buf);
	syscall(SYS_quotactl, QCMD(Q_SYNC, USRQUOTA), "/nonexistent", 5, buf);
	syscall(SYS_quotactl, QCMD(Q_QUOTAOFF, GRPQUOTA), "/nonexistent", 5, buf);
	syscall(SYS_quotactl, QCMD(Q_SETQUOTA, GRPQUOTA), "/nonexistent", 5, buf);
	syscall(SYS_quotactl, QCMD(Q_SETINFO, USRQUOTA), "/nonexistent", 5, buf + 64);
	syscall(SYS_quotactl, QCMD(Q_GETNEXTQUOTA, GRPQUOTA), "/nonexistent", 5, buf);
	syscall(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), "/nonexistent", 77, NULL);
	syscall(SYS_quotactl, QCMD(0x5801, USRQUOTA), "/nonexistent", 0, buf);	/* Q_XQUOTAON */
	syscall(SYS_quotactl, QCMD(0x5803, PRJQUOTA), "/nonexistent", 5, buf);	/* Q_XGETQUOTA */
	syscall(SYS_quotactl, QCMD(0x5805, USRQUOTA), "/nonexistent", 5, buf);	/* Q_XGETQSTAT */
	syscall(SYS_quotactl, QCMD(Q_GETFMT, 3), NULL, 5, buf);
	syscall(SYS_quotactl, 0x12345, NULL, 0, NULL);
	syscall(SYS_quotactl_fd, fd, QCMD(Q_GETFMT, USRQUOTA), 0, &fmt);
	syscall(SYS_quotactl_fd, -1, 0x12345, 7, NULL);
	close(fd);
}

/* The text commands' buffers as strace shows them: the bytes the call
 * used, a last NUL left out; CAPABILITIES with no room; MOVE's flags an int */
static void keys_more(long key)
{
	char text[8] = "ab\0\0ab";
	unsigned char caps[2];

	syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, text, 4);	/* too small: not written */
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, text + 4, 0);
	syscall(SYS_keyctl, KEYCTL_CAPABILITIES, caps, 0);
	syscall(SYS_keyctl, KEYCTL_CAPABILITIES, 1, 2);
	syscall(SYS_keyctl, KEYCTL_MOVE, 1234, KEY_SPEC_SESSION_KEYRING, KEY_SPEC_USER_KEYRING,
		0x100000001ull);
	syscall(SYS_keyctl, KEYCTL_WATCH_KEY, 1234, -1, 1);	/* raw in strace 6.1 */
}

/* DH_COMPUTE (this kernel may lack it: EOPNOTSUPP) and the PKEY_ commands:
 * QUERY and ENCRYPT on tail3_cert.h's public key, the others without a
 * private key, a missing key or bad structures; all fail but QUERY and
 * ENCRYPT, whose output bytes are random (masked by the test) */
static void keys_pkey(void)
{
	struct keyctl_dh_params dh = { .private = 1234, .prime = KEY_SPEC_SESSION_KEYRING,
				       .base = 5 };
	struct keyctl_kdf_params kdf = { .hashname = "sha256", .otherinfo = "abc",
					 .otherinfolen = 3 };
	struct keyctl_pkey_params pp = { .in_len = 4, .out_len = 1 };
	struct keyctl_pkey_query q;
	char out[64];
	long key;

	key = syscall(SYS_add_key, "asymmetric", "", tail3_cert, sizeof(tail3_cert),
		      KEY_SPEC_SESSION_KEYRING);
	pp.key_id = (int)key;
	syscall(SYS_keyctl, KEYCTL_PKEY_QUERY, key, 0, "enc=pkcs1", &q);
	syscall(SYS_keyctl, KEYCTL_PKEY_QUERY, 1234, 7, NULL, NULL);
	syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, &pp, "enc=pkcs1", "data", out);
	syscall(SYS_keyctl, KEYCTL_PKEY_DECRYPT, &pp, "enc=pkcs1", "data", out);
	syscall(SYS_keyctl, KEYCTL_PKEY_SIGN, &pp, "enc=pkcs1 hash=sha256", "data", out);
	pp.out_len = 8;	/* in2_len */
	syscall(SYS_keyctl, KEYCTL_PKEY_VERIFY, &pp, "enc=pkcs1", "data", "sig\0more");
	pp.key_id = KEY_SPEC_SESSION_KEYRING;
	pp.__spare[2] = 7;
	syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, &pp, NULL, NULL, NULL);
	syscall(SYS_keyctl, KEYCTL_PKEY_SIGN, 1, 2, 3, 4);
	syscall(SYS_keyctl, KEYCTL_PKEY_VERIFY, NULL, NULL, NULL, NULL);
	syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, &dh, out, sizeof(out), NULL);
	syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, &dh, out, sizeof(out), &kdf);
	kdf.hashname = NULL;
	kdf.otherinfo = NULL;
	kdf.otherinfolen = 0;
	kdf.__spare[7] = 1;
	syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, &dh, NULL, 0, &kdf);
	syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, NULL, NULL, 0, 1);
}

static void keys(void)
{
	struct iovec kiov = { (void *)"hel", 3 };
	unsigned char caps[2];
	long key;

	syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0);
	syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, 1234, 1);
	syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, NULL);
	syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, "tail3");
	key = syscall(SYS_add_key, "user", "tail3", "v", 1, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_UPDATE, key, "v2", 2);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_READ, key, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_READ, key, NULL, 0);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, buf, 4);
	syscall(SYS_keyctl, KEYCTL_READ, key, buf, 1);
	syscall(SYS_keyctl, KEYCTL_GET_SECURITY, key, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_CHOWN, key, -1, -1);
	syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, key, 1000);
	syscall(SYS_keyctl, KEYCTL_LINK, key, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_UNLINK, key, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_CLEAR, 1234);
	syscall(SYS_keyctl, KEYCTL_INSTANTIATE, 1234, "abc", 3, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_INSTANTIATE_IOV, 1234, &kiov, 1, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_NEGATE, 1234, 60, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_REJECT, 1234, 60, EACCES, KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE);
	syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, 99);
	syscall(SYS_keyctl, KEYCTL_GET_PERSISTENT, -1, 1234);	/* no such keyring: nothing made */
	syscall(SYS_keyctl, KEYCTL_RESTRICT_KEYRING, 1234, "asymmetric", "builtin_trusted");
	syscall(SYS_keyctl, KEYCTL_MOVE, 1234, KEY_SPEC_SESSION_KEYRING, KEY_SPEC_USER_KEYRING, 3);
	syscall(SYS_keyctl, KEYCTL_CAPABILITIES, caps, sizeof(caps));
	syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, "user", "tail3", 0);
	syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, "user", "tail3-none",
		KEY_SPEC_THREAD_KEYRING);
	syscall(SYS_keyctl, KEYCTL_SETPERM, key, 0x3f3f0000);
	syscall(SYS_keyctl, KEYCTL_SETPERM, key, 0x3f3f0000 | 0x40);
	keys_more(key);
	syscall(SYS_keyctl, KEYCTL_INVALIDATE, 1234);
	syscall(SYS_keyctl, KEYCTL_REVOKE, key);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, -1, NULL, 0);
	syscall(SYS_keyctl, KEYCTL_UPDATE, -1, NULL, 0);
	syscall(SYS_keyctl, 999, 1, 2, 3, 4);
	keys_pkey();
}

static void filters(void)
{
	/* only ever passed with flags the kernel refuses: never installed */
	struct sock_filter insn[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 4),		/* seccomp_data.arch */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xc000003e, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),		/* seccomp_data.nr */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getpid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),
		BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xff),
		BPF_STMT(BPF_MISC | BPF_TAX, 0),
		BPF_STMT(0xffff, 1),
		BPF_STMT(BPF_RET | BPF_K, 0x12345678),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(insn) / sizeof(insn[0]), insn }, empty = { 0, insn };
	unsigned action = SECCOMP_RET_KILL_PROCESS;
	unsigned short sizes[3];

	syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL);	/* EINVAL: never strict */
	syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, buf);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x100, &prog);	/* unknown flag */
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
		SECCOMP_FILTER_FLAG_TSYNC | SECCOMP_FILTER_FLAG_LOG, &empty);	/* no code */
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, NULL);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
	action = 0x12340000;
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, NULL);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, sizes);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 1, NULL);
	syscall(SYS_seccomp, 99, 0, NULL);
}

static void sched(void)
{
	struct t3_sched_attr a = { .size = sizeof(a) };

	syscall(SYS_sched_getattr, 0, &a, sizeof(a), 0);
	syscall(SYS_sched_setattr, 0, &a, 0);
	a.sched_policy = 0x55;
	a.sched_flags = 0x100 | 0x8;
	syscall(SYS_sched_setattr, 0, &a, 1);
	a.sched_flags = 0x10;
	syscall(SYS_sched_setattr, -1, &a, 0);
	a.sched_flags = 0x60 | 1;
	a.sched_policy = 6;
	a.sched_nice = -5;
	syscall(SYS_sched_setattr, -1, &a, 0);
	a.size = 48;
	syscall(SYS_sched_setattr, -1, &a, 0);
	a.size = 0;
	syscall(SYS_sched_setattr, -1, &a, 0);
	syscall(SYS_sched_setattr, -1, NULL, 0);
	syscall(SYS_sched_getattr, -1, NULL, 0, 1);
	syscall(SYS_sched_getattr, 0, &a, 48, 0);
	syscall(SYS_sched_getattr, 0, &a, 20, 0);
}

static void numa(void)
{
	unsigned long from = 1, to = 1, mask[3] = { 1, 2, 0x8000000000000000ul };
	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *pages[2], *many[40];
	int status[2] = { 0 }, nodes[2] = { 0, 0 }, pfd;
	struct iovec iov = { m, 4096 }, iovs[40];

	m[0] = 1;
	for (int i = 0; i < 40; i++)
		iovs[i] = iov;
	pages[0] = m;
	pages[1] = m + 4096;
	for (int i = 0; i < 40; i++)
		many[i] = m + i;
	syscall(SYS_migrate_pages, 0, 8 * sizeof(long), &from, &to);
	syscall(SYS_migrate_pages, -1, 0, NULL, NULL);
	syscall(SYS_migrate_pages, -1, 130, mask, mask);
	syscall(SYS_migrate_pages, -1, 1, mask, mask);
	syscall(SYS_migrate_pages, -1, 0, mask, NULL);
	syscall(SYS_move_pages, 0, 2, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 1, pages, nodes, status, 2);	/* MPOL_MF_MOVE */
	syscall(SYS_move_pages, -1, 0, NULL, NULL, NULL, 0x8);
	syscall(SYS_move_pages, -1, 2, pages, nodes, status, 4);
	syscall(SYS_move_pages, -1, 40, many, NULL, status, 0);
	syscall(SYS_set_mempolicy_home_node, m, 8192, 0, 0);
	syscall(SYS_set_mempolicy_home_node, 0, 0, 7, 1);
	pfd = syscall(SYS_pidfd_open, getpid(), 0);
	syscall(SYS_process_madvise, pfd, &iov, 1, MADV_COLD, 0);
	syscall(SYS_process_madvise, -1, NULL, 0, 99, 1);
	syscall(SYS_process_madvise, -1, iovs, 40, MADV_PAGEOUT, 0);
	syscall(SYS_remap_file_pages, m, 4096, 0, 0, 0);
	syscall(SYS_remap_file_pages, m, 4096, PROT_READ, 1, 0x10000 | 0x1);
	syscall(SYS_remap_file_pages, m, 4096, 0x8, 0, 0x10000 | 8 << 26);
	syscall(SYS_remap_file_pages, m, 4096, 0, 0, 0x3 | 0x20);
	syscall(NR_mseal, m + 4096, 4096, 0);
	syscall(NR_mseal, 0, 0, 1);
	syscall(NR_map_shadow_stack, 0, 4096, 0);
	syscall(NR_map_shadow_stack, 1, 0, 0x80);
}

int main(void)
{
	persona();
	tracing();
	tracing_child();
	cpu();
	clocks();
	boot();
	quotas();
	keys();
	filters();
	sched();
	numa();
	return 0;
}
