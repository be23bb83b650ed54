#!/usr/bin/env bash
# fcntl and prctl (syscalls/decode_fcntl.c, decode_prctl.c): every line of
# tests/tracees/fcntlprctl.c's trace, each command and option once with
# ordinary and once with odd arguments, as strace 6.1 prints it once what
# varies run to run is masked (addresses, the pid, the process group, pipe
# inodes); also under -v -y, and under -e inject=fcntl,prctl:retval=N for
# the values the F_GET* and PR_GET_* calls return that x86_64 cannot give
# ("= 0x3 (PR_FP_MODE_FR|PR_FP_MODE_FRE)"). Descriptor numbers are compared
# between the runs, never written here: the runner may hold more
# descriptors than a shell does. The eBPF backend prints the same lines:
# fcntl's structure and prctl's names, ints and seccomp program are
# captured (syscalls.def), only what is reached through a pointer inside
# captured memory is not (the filter's instructions, shown under -v only).
. "$(dirname "$0")/lib.sh"
need_cmd strace
T=$TRACEES/fcntlprctl
mask() {
	local pid pgrp
	pid=$(sed -nE 's/^getpid\(\) += ([0-9]+)$/\1/p' "$1" | head -1)
	pgrp=$(sed -nE 's/^getpgrp\(\) += ([0-9]+)$/\1/p' "$1" | head -1)
	# strace 6.1 prints a deleted file's -y path as </a>(deleted), renacer
	# (both backends, every call) as </a (deleted)>: not fcntl's business
	sed -n '/^getpid/,$p' "$1" | sed -E \
		-e "s/\\b${pid:-NOPID}\\b/PID/g" \
		-e "/getpgrp|OWN/s/\\b${pgrp:-NOPGRP}\\b/PGRP/g" \
		-e 's/0x[0-9a-f]{9,}/ADDR/g' -e 's/:\[[0-9]+\]/:[N]/g' \
		-e 's/>\(deleted\)/ (deleted)>/g' -e 's/\) += /) = /'
}
# run NAME OPTS [ARG]: the tracee under strace and renacer with OPTS
run() {
	local name=$1 opts=$2
	shift 2
	# shellcheck disable=SC2086
	strace $opts -o "$WORK/$name.s" "$T" "$@" || fail "strace $opts failed"
	# shellcheck disable=SC2086
	"$RENACER" --backend=ptrace $opts -o "$WORK/$name.r" "$T" "$@" ||
		fail "renacer $opts failed"
	mask "$WORK/$name.s" >"$WORK/$name.s.m"
	mask "$WORK/$name.r" >"$WORK/$name.r.m"
	diff "$WORK/$name.s.m" "$WORK/$name.r.m" || fail "ptrace $opts: lines differ from strace's"
}
# expect NAME LINE...: each LINE is part of a compared line
expect() {
	local name=$1 l
	shift
	for l in "$@"; do
		grep -qF -- "$l" "$WORK/$name.r.m" || fail "$name: no line with $l compared"
	done
}

run plain ""
cp "$WORK/plain.s.m" "$WORK/s.m"	# what ebpf_vs_strace compares with
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 350 ] || fail "only $n lines from strace"
expect plain 'F_DUPFD_CLOEXEC, 100) = ' 'F_SETFD, 0x6 /* FD_??? */) = 0' \
	'F_SETFD, FD_CLOEXEC|0x2) = 0' 'F_GETFD) = 0x1 (flags FD_CLOEXEC)' \
	'F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)' 'F_SETFL, O_RDONLY|O_DIRECT|FASYNC) = 0' \
	'F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=0, l_pid=0}) = 0' \
	'F_SETLK, {l_type=F_RDLCK, l_whence=SEEK_CUR, l_start=10, l_len=100}) = 0' \
	'F_SETLK, {l_type=0x63 /* F_??? */, l_whence=0x7 /* SEEK_??? */, l_start=-1, l_len=-1})' \
	'F_GETLK, ADDR) = -1 EINVAL' 'F_SETLKW, NULL) = -1 EFAULT' 'F_OFD_GETLK, NULL) = -1 EFAULT' \
	'F_SETLK, {l_type=F_EXLCK, l_whence=SEEK_DATA, l_start=0, l_len=1})' \
	'F_SETLKW, {l_type=0xffff /* F_??? */, l_whence=0xffff /* SEEK_??? */, l_start=0, l_len=1})' \
	'F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=0}) = 0' \
	'F_CANCELLK, 0x7) = -1 EINVAL' 'F_SETOWN, PID) = 0' 'F_GETOWN) = PID' \
	'F_GETOWN_EX, {type=F_OWNER_PID, pid=0}) = 0' \
	'F_GETOWN_EX, {type=F_OWNER_PGRP, pid=PGRP}) = 0' \
	'F_SETOWN_EX, {type=0x63 /* F_OWNER_??? */, pid=PGRP}) = -1 EINVAL' \
	'F_GETOWN_EX, NULL) = -1 EFAULT' 'F_SETOWN_EX, 0x1) = -1 EFAULT' \
	'F_GETSIG) = 29 (SIGIO)' 'F_GETSIG) = 36 (SIGRT_4)' 'F_SETSIG, SIGRT_32) = 0' \
	'F_SETSIG, -1) = -1 EINVAL' 'F_GETLEASE) = 0x2 (F_UNLCK)' 'F_SETLEASE, F_RDLCK) = ' \
	'F_SETLEASE, 0x63 /* F_??? */) = -1 EINVAL' \
	'F_NOTIFY, DN_MODIFY|DN_CREATE|DN_MULTISHOT) = ' 'F_NOTIFY, 0x7fff0040 /* DN_??? */) = ' \
	'F_NOTIFY, DN_ACCESS|ADDR) = ' 'F_SETPIPE_SZ, 8192) = 8192' \
	'F_ADD_SEALS, F_SEAL_SHRINK|F_SEAL_GROW) = 0' \
	'F_GET_SEALS) = 0x6 (seals F_SEAL_SHRINK|F_SEAL_GROW)' \
	'F_ADD_SEALS, 0x100 /* F_SEAL_??? */) = -1 EINVAL' 'F_GET_SEALS) = 0x1 (seals F_SEAL_SEAL)' \
	'0x40c /* F_??? */, ADDR) = 0' '0x7777 /* F_??? */, 0x1234) = -1 EINVAL' \
	'0xffffffff /* F_??? */, 0) = -1 EINVAL' \
	'prctl(PR_SET_PDEATHSIG, SIGTERM) = 0' 'prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0' \
	'prctl(PR_SET_PDEATHSIG, SIGRTMIN) = 0' 'prctl(PR_SET_PDEATHSIG, 18446744073709551615) = ' \
	'prctl(PR_GET_PDEATHSIG, NULL) = -1 EFAULT' 'prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)' \
	'prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */) = -1 EINVAL' \
	'prctl(PR_SET_NAME, "fcntlprctl") = 0' 'prctl(PR_SET_NAME, "a-much-longer-n"...) = 0' \
	'prctl(PR_GET_NAME, "a-much-longer-n") = 0' 'prctl(PR_SET_NAME, 0x1) = -1 EFAULT' \
	'prctl(PR_SET_SECCOMP, 0x63 /* SECCOMP_MODE_??? */, 0, 0, 0) = -1 EINVAL' \
	'prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL) = -1 EFAULT' \
	'prctl(PR_SET_SECUREBITS, 0xff00 /* SECBIT_??? */) = ' 'prctl(PR_SET_TIMERSLACK, -1) = 0' \
	'prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0' 'prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) = 1' \
	'prctl(PR_GET_CHILD_SUBREAPER, [0]) = 0' 'prctl(PR_GET_CHILD_SUBREAPER, [1]) = 0' \
	'prctl(PR_SET_CHILD_SUBREAPER, 3735928559) = 0' 'prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) = 0' \
	'prctl(PR_GET_TID_ADDRESS, [ADDR]) = 0' 'prctl(PR_GET_TID_ADDRESS, NULL) = -1 EFAULT' \
	'prctl(PR_SET_FP_MODE, PR_FP_MODE_FR|PR_FP_MODE_FRE) = ' \
	'prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = ' \
	'prctl(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0 /* PR_SPEC_??? */) = ' \
	'prctl(PR_SET_SPECULATION_CTRL, 0x63 /* PR_SPEC_??? */, 0x40) = -1 EINVAL' \
	'PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0xffff<<PR_MTE_TAG_SHIFT, 0, 0, 0) = ' \
	'prctl(PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_MASK|0x100000, 0, 0, 0)' \
	'prctl(PR_SET_IO_FLUSHER, 5, 0x1, 0x2, 0x3) = ' 'prctl(PR_GET_TSC, [PR_TSC_ENABLE]) = 0' \
	'prctl(PR_SET_TSC, 0x63 /* PR_TSC_??? */) = -1 EINVAL' 'prctl(PR_SET_FPEXC, 65667) = ' \
	'prctl(PR_SET_UNALIGN, PR_UNALIGN_NOPRINT|PR_UNALIGN_SIGBUS) = ' \
	'prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0xf90000|0) = ' \
	'prctl(PR_SME_SET_VL, PR_SME_VL_INHERIT|0x10) = ' \
	'prctl(PR_PAC_RESET_KEYS, 0x100 /* PR_PAC_??? */, 0x1, 0, 0) = ' \
	'prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APIAKEY|PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|0x10, PR_PAC_APIAKEY|PR_PAC_APIBKEY, 0, 0) = ' \
	'prctl(PR_TASK_PERF_EVENTS_ENABLE) = 0' 'prctl(PR_CAPBSET_READ, CAP_NET_RAW) = ' \
	'prctl(PR_CAPBSET_DROP, 0x63 /* CAP_??? */) = -1 EINVAL' \
	'prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0) = 0' \
	'prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0x1, 0x2, 0x3) = -1 EINVAL' \
	'prctl(PR_CAP_AMBIENT, 0x63 /* PR_CAP_AMBIENT_??? */, 0x1, 0x2, 0x3) = -1 EINVAL' \
	'prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0) = 0' \
	'prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 1 (PR_MCE_KILL_EARLY)' \
	'prctl(PR_MCE_KILL, 0x63 /* PR_MCE_KILL_??? */, 0x1, 0x2, 0x3) = -1 EINVAL' \
	'prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = ' 'prctl(PR_SET_PTRACER, -5) = ' \
	'prctl(PR_SET_MM, PR_SET_MM_START_CODE, 0x1, 0, 0) = -1 E' \
	'prctl(PR_SET_MM, PR_SET_MM_EXE_FILE, ADDR, 0, 0) = -1 E' \
	'prctl(PR_SET_MM, 0x63 /* PR_SET_MM_??? */, 0x1, 0x2, 0x3) = -1 EINVAL' \
	'prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, NULL) = ' \
	'prctl(PR_SET_SYSCALL_USER_DISPATCH, 0x63 /* PR_SYS_DISPATCH_??? */, 0, 0, NULL) = -1 EINVAL' \
	'prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, ADDR) = ' \
	'prctl(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, PID, 0x1 /* PIDTYPE_TGID */, NULL) = ' \
	'prctl(PR_SCHED_CORE, 0x63 /* PR_SCHED_CORE_??? */, 1, 0x2 /* PIDTYPE_PGID */, ADDR) = ' \
	'prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, ADDR, 8192, "renacer") = ' \
	'prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, NULL, 0, "x") = ' \
	'prctl(PR_SET_VMA, 0x63 /* PR_SET_VMA_??? */, 0x1, 0x2, 0x3) = -1 EINVAL' \
	'prctl(0x41 /* PR_??? */, 0, 0, 0, 0) = ' 'prctl(0xffffffff /* PR_??? */, 0, 0, 0, 0) = -1 EINVAL' \
	'prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=4, filter=ADDR}) = 0' \
	'prctl(PR_GET_SECCOMP) = 2' 'prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) = -1 E'

# -v: the seccomp program's instructions; -y: the descriptors' paths
run verbose "-v -y"
expect verbose 'filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0xc000003e, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]}) = 0' \
	' (deleted)>, F_GETLK, {l_type=F_UNLCK' 'F_GET_SEALS) = 0x6 (seals F_SEAL_SHRINK|F_SEAL_GROW)'
run short "-s 8 -e verbose=none"
expect short 'prctl(PR_SET_NAME, "a-much-l"...) = 0' 'F_GETLK, ADDR) = 0' \
	'prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ADDR) = 0'

# what x86_64 never returns, with -e inject= (ptrace only): retval 3
# has bits of every table, 0 says "none" in each
total=$n
for rv in 0 1 3 16 99 131088 65536; do
	run "inj$rv" "-e inject=fcntl,prctl:retval=$rv" inject
	total=$((total + $(wc -l <"$WORK/inj$rv.s.m")))
done
expect inj0 'fcntl(0, F_GETFL) = 0 (flags O_RDONLY) (INJECTED)' \
	'fcntl(0, F_GETLEASE) = 0 (F_RDLCK) (INJECTED)' 'fcntl(0, F_GET_SEALS) = 0 (INJECTED)' \
	'prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0 (PR_SPEC_NOT_AFFECTED) (INJECTED)' \
	'prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0) = 0 (!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE) (INJECTED)' \
	'prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 0 (PR_MCE_KILL_LATE) (INJECTED)'
expect inj3 'fcntl(0, F_GETSIG) = 3 (SIGQUIT) (INJECTED)' \
	'fcntl(0, F_GETLK, {l_type=F_EXLCK, l_whence=SEEK_HOLE, l_start=1, l_len=2, l_pid=42}) = 3 (INJECTED)' \
	'fcntl(0, F_GETOWN_EX, {type=F_OWNER_TID, pid=7}) = 3 (INJECTED)' \
	'prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0x3 (PR_SPEC_PRCTL|PR_SPEC_ENABLE) (INJECTED)' \
	'prctl(PR_GET_SPECULATION_CTRL, 0x63 /* PR_SPEC_??? */) = 3 (PR_SPEC_PRCTL|PR_SPEC_ENABLE) (INJECTED)' \
	'prctl(PR_GET_FP_MODE) = 0x3 (PR_FP_MODE_FR|PR_FP_MODE_FRE) (INJECTED)' \
	'prctl(PR_GET_UNALIGN, [PR_UNALIGN_NOPRINT|PR_UNALIGN_SIGBUS|0xfffffffc]) = 3 (INJECTED)' \
	'prctl(PR_GET_ENDIAN, [4294967295]) = 3 (INJECTED)' 'prctl(PR_GET_TSC, [PR_TSC_SIGSEGV]) = 3 (INJECTED)' \
	'prctl(PR_GET_TSC, [0 /* PR_TSC_??? */]) = 3 (INJECTED)' 'prctl(PR_GET_PDEATHSIG, [-1]) = 3 (INJECTED)' \
	'prctl(PR_GET_TID_ADDRESS, [NULL]) = 3 (INJECTED)' 'prctl(PR_GET_NAME, "injected") = 3 (INJECTED)' \
	'prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, [0xc00c1e]) = 3 (INJECTED)' \
	'prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0) = 0x3 (PR_PAC_APIAKEY|PR_PAC_APIBKEY) (INJECTED)' \
	'prctl(PR_GET_SECUREBITS) = 0x3 (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED) (INJECTED)' \
	'prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) = 3 (INJECTED)'
expect inj131088 'prctl(PR_SVE_GET_VL) = 0x20010 (PR_SVE_VL_INHERIT|0x10) (INJECTED)' \
	'fcntl(0, F_GET_SEALS) = 0x20010 (seals F_SEAL_FUTURE_WRITE|0x20000) (INJECTED)'
expect inj65536 'prctl(PR_SME_GET_VL) = 0x10000 (0x10000|0) (INJECTED)'

# eBPF: every line (the plain run; -e inject= is ptrace's only)
ebpf_vs_strace t_decode_fcntl_prctl "$T" -vE '^$' 350
echo "t_decode_fcntl_prctl: ok ($total lines as strace prints them, and $(wc -l <"$WORK/verbose.s.m") under -v -y)"
