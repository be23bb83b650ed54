// SPDX-License-Identifier: MIT
/*
 * Names of errno values, signals and si_code values.
 *
 * The errno names 1..133 were extracted from the kernel's asm-generic/errno*.h
 * (awk over the "#define E... N" lines); 512..531 are the kernel-internal
 * codes a tracer can see, from include/linux/errno.h.
 */
#include "decode.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const errno_names[] = {
	[1] = "EPERM",
	[2] = "ENOENT",
	[3] = "ESRCH",
	[4] = "EINTR",
	[5] = "EIO",
	[6] = "ENXIO",
	[7] = "E2BIG",
	[8] = "ENOEXEC",
	[9] = "EBADF",
	[10] = "ECHILD",
	[11] = "EAGAIN",
	[12] = "ENOMEM",
	[13] = "EACCES",
	[14] = "EFAULT",
	[15] = "ENOTBLK",
	[16] = "EBUSY",
	[17] = "EEXIST",
	[18] = "EXDEV",
	[19] = "ENODEV",
	[20] = "ENOTDIR",
	[21] = "EISDIR",
	[22] = "EINVAL",
	[23] = "ENFILE",
	[24] = "EMFILE",
	[25] = "ENOTTY",
	[26] = "ETXTBSY",
	[27] = "EFBIG",
	[28] = "ENOSPC",
	[29] = "ESPIPE",
	[30] = "EROFS",
	[31] = "EMLINK",
	[32] = "EPIPE",
	[33] = "EDOM",
	[34] = "ERANGE",
	[35] = "EDEADLK",
	[36] = "ENAMETOOLONG",
	[37] = "ENOLCK",
	[38] = "ENOSYS",
	[39] = "ENOTEMPTY",
	[40] = "ELOOP",
	[42] = "ENOMSG",
	[43] = "EIDRM",
	[44] = "ECHRNG",
	[45] = "EL2NSYNC",
	[46] = "EL3HLT",
	[47] = "EL3RST",
	[48] = "ELNRNG",
	[49] = "EUNATCH",
	[50] = "ENOCSI",
	[51] = "EL2HLT",
	[52] = "EBADE",
	[53] = "EBADR",
	[54] = "EXFULL",
	[55] = "ENOANO",
	[56] = "EBADRQC",
	[57] = "EBADSLT",
	[59] = "EBFONT",
	[60] = "ENOSTR",
	[61] = "ENODATA",
	[62] = "ETIME",
	[63] = "ENOSR",
	[64] = "ENONET",
	[65] = "ENOPKG",
	[66] = "EREMOTE",
	[67] = "ENOLINK",
	[68] = "EADV",
	[69] = "ESRMNT",
	[70] = "ECOMM",
	[71] = "EPROTO",
	[72] = "EMULTIHOP",
	[73] = "EDOTDOT",
	[74] = "EBADMSG",
	[75] = "EOVERFLOW",
	[76] = "ENOTUNIQ",
	[77] = "EBADFD",
	[78] = "EREMCHG",
	[79] = "ELIBACC",
	[80] = "ELIBBAD",
	[81] = "ELIBSCN",
	[82] = "ELIBMAX",
	[83] = "ELIBEXEC",
	[84] = "EILSEQ",
	[85] = "ERESTART",
	[86] = "ESTRPIPE",
	[87] = "EUSERS",
	[88] = "ENOTSOCK",
	[89] = "EDESTADDRREQ",
	[90] = "EMSGSIZE",
	[91] = "EPROTOTYPE",
	[92] = "ENOPROTOOPT",
	[93] = "EPROTONOSUPPORT",
	[94] = "ESOCKTNOSUPPORT",
	[95] = "EOPNOTSUPP",
	[96] = "EPFNOSUPPORT",
	[97] = "EAFNOSUPPORT",
	[98] = "EADDRINUSE",
	[99] = "EADDRNOTAVAIL",
	[100] = "ENETDOWN",
	[101] = "ENETUNREACH",
	[102] = "ENETRESET",
	[103] = "ECONNABORTED",
	[104] = "ECONNRESET",
	[105] = "ENOBUFS",
	[106] = "EISCONN",
	[107] = "ENOTCONN",
	[108] = "ESHUTDOWN",
	[109] = "ETOOMANYREFS",
	[110] = "ETIMEDOUT",
	[111] = "ECONNREFUSED",
	[112] = "EHOSTDOWN",
	[113] = "EHOSTUNREACH",
	[114] = "EALREADY",
	[115] = "EINPROGRESS",
	[116] = "ESTALE",
	[117] = "EUCLEAN",
	[118] = "ENOTNAM",
	[119] = "ENAVAIL",
	[120] = "EISNAM",
	[121] = "EREMOTEIO",
	[122] = "EDQUOT",
	[123] = "ENOMEDIUM",
	[124] = "EMEDIUMTYPE",
	[125] = "ECANCELED",
	[126] = "ENOKEY",
	[127] = "EKEYEXPIRED",
	[128] = "EKEYREVOKED",
	[129] = "EKEYREJECTED",
	[130] = "EOWNERDEAD",
	[131] = "ENOTRECOVERABLE",
	[132] = "ERFKILL",
	[133] = "EHWPOISON",
	[512] = "ERESTARTSYS",
	[513] = "ERESTARTNOINTR",
	[514] = "ERESTARTNOHAND",
	[515] = "ENOIOCTLCMD",
	[516] = "ERESTART_RESTARTBLOCK",
	[517] = "EPROBE_DEFER",
	[518] = "EOPENSTALE",
	[519] = "ENOPARAM",
	[521] = "EBADHANDLE",
	[522] = "ENOTSYNC",
	[523] = "EBADCOOKIE",
	[524] = "ENOTSUPP",
	[525] = "ETOOSMALL",
	[526] = "ESERVERFAULT",
	[527] = "EBADTYPE",
	[528] = "EJUKEBOX",
	[529] = "EIOCBQUEUED",
	[530] = "ERECALLCONFLICT",
	[531] = "ENOGRACE",
};

/* strace's wording for the restart codes; the rest of 512.. have none. */
static const char *const errno_kernel_text[] = {
	[512 - 512] = "To be restarted if SA_RESTART is set",
	[513 - 512] = "To be restarted",
	[514 - 512] = "To be restarted if no handler",
	[516 - 512] = "Interrupted by signal",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const char *rn_errno_name(int err)
{
	if (err <= 0 || (size_t)err >= NELEM(errno_names))
		return NULL;
	return errno_names[err];
}

const char *rn_errno_text(int err)
{
	const char *s = NULL;

	if (err >= 512 && (size_t)(err - 512) < NELEM(errno_kernel_text))
		s = errno_kernel_text[err - 512];
	else if (err > 0 && err < 512)
		s = strerrordesc_np(err);
	return s ? s : "Unknown error";
}

static const char *const signal_names[] = {
	[0] = "0",
	[1] = "SIGHUP",
	[2] = "SIGINT",
	[3] = "SIGQUIT",
	[4] = "SIGILL",
	[5] = "SIGTRAP",
	[6] = "SIGABRT",
	[7] = "SIGBUS",
	[8] = "SIGFPE",
	[9] = "SIGKILL",
	[10] = "SIGUSR1",
	[11] = "SIGSEGV",
	[12] = "SIGUSR2",
	[13] = "SIGPIPE",
	[14] = "SIGALRM",
	[15] = "SIGTERM",
	[16] = "SIGSTKFLT",
	[17] = "SIGCHLD",
	[18] = "SIGCONT",
	[19] = "SIGSTOP",
	[20] = "SIGTSTP",
	[21] = "SIGTTIN",
	[22] = "SIGTTOU",
	[23] = "SIGURG",
	[24] = "SIGXCPU",
	[25] = "SIGXFSZ",
	[26] = "SIGVTALRM",
	[27] = "SIGPROF",
	[28] = "SIGWINCH",
	[29] = "SIGIO",
	[30] = "SIGPWR",
	[31] = "SIGSYS",
	[32] = "SIGRTMIN",
	[33] = "SIGRT_1",
	[34] = "SIGRT_2",
	[35] = "SIGRT_3",
	[36] = "SIGRT_4",
	[37] = "SIGRT_5",
	[38] = "SIGRT_6",
	[39] = "SIGRT_7",
	[40] = "SIGRT_8",
	[41] = "SIGRT_9",
	[42] = "SIGRT_10",
	[43] = "SIGRT_11",
	[44] = "SIGRT_12",
	[45] = "SIGRT_13",
	[46] = "SIGRT_14",
	[47] = "SIGRT_15",
	[48] = "SIGRT_16",
	[49] = "SIGRT_17",
	[50] = "SIGRT_18",
	[51] = "SIGRT_19",
	[52] = "SIGRT_20",
	[53] = "SIGRT_21",
	[54] = "SIGRT_22",
	[55] = "SIGRT_23",
	[56] = "SIGRT_24",
	[57] = "SIGRT_25",
	[58] = "SIGRT_26",
	[59] = "SIGRT_27",
	[60] = "SIGRT_28",
	[61] = "SIGRT_29",
	[62] = "SIGRT_30",
	[63] = "SIGRT_31",
	[64] = "SIGRT_32",
};

const char *rn_signal_name(int signo)
{
	static __thread char buf[16];

	if (signo >= 0 && (size_t)signo < NELEM(signal_names) && signal_names[signo])
		return signal_names[signo];
	snprintf(buf, sizeof(buf), "%d", signo);
	return buf;
}

struct code_name {
	int code;
	const char *name;
};

static const struct code_name si_common[] = {
	{ SI_USER, "SI_USER" }, { SI_KERNEL, "SI_KERNEL" }, { SI_QUEUE, "SI_QUEUE" },
	{ SI_TIMER, "SI_TIMER" }, { SI_MESGQ, "SI_MESGQ" }, { SI_ASYNCIO, "SI_ASYNCIO" },
	{ SI_SIGIO, "SI_SIGIO" }, { SI_TKILL, "SI_TKILL" }, { SI_DETHREAD, "SI_DETHREAD" },
	{ -60, "SI_ASYNCNL" }, { 0, NULL },
};

static const struct code_name si_chld[] = {
	{ CLD_EXITED, "CLD_EXITED" }, { CLD_KILLED, "CLD_KILLED" }, { CLD_DUMPED, "CLD_DUMPED" },
	{ CLD_TRAPPED, "CLD_TRAPPED" }, { CLD_STOPPED, "CLD_STOPPED" },
	{ CLD_CONTINUED, "CLD_CONTINUED" }, { 0, NULL },
};

static const struct code_name si_segv[] = {
	{ SEGV_MAPERR, "SEGV_MAPERR" }, { SEGV_ACCERR, "SEGV_ACCERR" },
	{ 3, "SEGV_BNDERR" }, { 4, "SEGV_PKUERR" }, { 5, "SEGV_ACCADI" }, { 6, "SEGV_ADIDERR" },
	{ 7, "SEGV_ADIPERR" }, { 8, "SEGV_MTEAERR" }, { 9, "SEGV_MTESERR" },
	{ 10, "SEGV_CPERR" }, { 0, NULL },
};

static const struct code_name si_bus[] = {
	{ BUS_ADRALN, "BUS_ADRALN" }, { BUS_ADRERR, "BUS_ADRERR" }, { BUS_OBJERR, "BUS_OBJERR" },
	{ BUS_MCEERR_AR, "BUS_MCEERR_AR" }, { BUS_MCEERR_AO, "BUS_MCEERR_AO" }, { 0, NULL },
};

static const struct code_name si_ill[] = {
	{ ILL_ILLOPC, "ILL_ILLOPC" }, { ILL_ILLOPN, "ILL_ILLOPN" }, { ILL_ILLADR, "ILL_ILLADR" },
	{ ILL_ILLTRP, "ILL_ILLTRP" }, { ILL_PRVOPC, "ILL_PRVOPC" }, { ILL_PRVREG, "ILL_PRVREG" },
	{ ILL_COPROC, "ILL_COPROC" }, { ILL_BADSTK, "ILL_BADSTK" }, { 9, "ILL_BADIADDR" },
	{ 0, NULL },
};

static const struct code_name si_fpe[] = {
	{ FPE_INTDIV, "FPE_INTDIV" }, { FPE_INTOVF, "FPE_INTOVF" }, { FPE_FLTDIV, "FPE_FLTDIV" },
	{ FPE_FLTOVF, "FPE_FLTOVF" }, { FPE_FLTUND, "FPE_FLTUND" }, { FPE_FLTRES, "FPE_FLTRES" },
	{ FPE_FLTINV, "FPE_FLTINV" }, { FPE_FLTSUB, "FPE_FLTSUB" }, { 9, "FPE_FLTUNK" },
	{ 10, "FPE_CONDTRAP" }, { 0, NULL },
};

static const struct code_name si_trap[] = {
	{ TRAP_BRKPT, "TRAP_BRKPT" }, { TRAP_TRACE, "TRAP_TRACE" }, { 3, "TRAP_BRANCH" },
	{ 4, "TRAP_HWBKPT" }, { 5, "TRAP_UNK" }, { 6, "TRAP_PERF" }, { 0, NULL },
};

static const struct code_name si_poll[] = {
	{ POLL_IN, "POLL_IN" }, { POLL_OUT, "POLL_OUT" }, { POLL_MSG, "POLL_MSG" },
	{ POLL_ERR, "POLL_ERR" }, { POLL_PRI, "POLL_PRI" }, { POLL_HUP, "POLL_HUP" },
	{ 0, NULL },
};

static const struct code_name si_sys[] = { { 1, "SYS_SECCOMP" }, { 2, "SYS_USER_DISPATCH" },
					   { 0, NULL } };

static const char *code_lookup(const struct code_name *t, int code)
{
	for (; t->name; t++)
		if (t->code == code)
			return t->name;
	return NULL;
}

const char *rn_sicode_name(int signo, int code)
{
	static __thread char buf[16];
	const struct code_name *t = NULL;
	const char *s;

	if (code <= 0) {
		s = code_lookup(si_common, code);
	} else {
		switch (signo) {
		case SIGCHLD: t = si_chld; break;
		case SIGSEGV: t = si_segv; break;
		case SIGBUS: t = si_bus; break;
		case SIGILL: t = si_ill; break;
		case SIGFPE: t = si_fpe; break;
		case SIGTRAP: t = si_trap; break;
		case SIGIO: t = si_poll; break;
		case SIGSYS: t = si_sys; break;
		}
		s = t ? code_lookup(t, code) : NULL;
		if (!s)
			s = code_lookup(si_common, code);	/* SI_KERNEL is 0x80 */
	}
	if (s)
		return s;
	snprintf(buf, sizeof(buf), "%d", code);
	return buf;
}
