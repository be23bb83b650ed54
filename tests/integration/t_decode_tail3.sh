#!/usr/bin/env bash
# The system end of the long tail (syscalls/decode_tail3.c,
# decode_tail3_ctl.c and kind-only rows of syscalls.def): personality,
# ustat, sysfs, ptrace, modify_ldt, iopl/ioperm, arch_prctl, the TLS calls,
# adjtimex/clock_adjtime, reboot, kexec_load/kexec_file_load, quotactl and
# quotactl_fd, keyctl, seccomp, sched_setattr/getattr, migrate_pages,
# move_pages, set_mempolicy_home_node, process_madvise, remap_file_pages,
# mseal and map_shadow_stack: every line of tests/tracees/tail3.c's trace,
# each call once with ordinary and once with odd arguments, as strace 6.1
# prints it once what varies run to run is masked (addresses, pids, key
# serials, the kernel clock's state, the registers of the ptrace child,
# PKEY_ENCRYPT's random output). The tracee makes every call that could
# change the machine fail before it acts (wrong reboot magic, unknown kexec
# flags, seccomp's strict mode with flags). strace 6.1 predates mseal and
# map_shadow_stack and prints them as syscall_0x1ce/syscall_0x1c5 with six
# raw arguments; renacer names them, with their three: that name and count
# are the one thing rewritten in strace's lines. The eBPF backend prints every
# line the same, keyctl's buffers and iovecs, quotactl's structures and
# PTRACE_GETREGSET's registers and iovec ("iov_len=512 => 216") included
# (bpf/chain.bpf.h).
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_root "reboot, kexec, quotactl and seccomp must fail for their arguments, not for EPERM"
T=$TRACEES/tail3
mask() {
	local pid cpid
	pid=$(sed -nE 's/^getpid\(\) += ([0-9]+)$/\1/p' "$1" | head -1)
	cpid=$(sed -nE 's/^wait4\(([0-9]+),.*/\1/p' "$1" | head -1)
	sed -n '/^personality/,$p' "$1" | sed -E \
		-e "s/\\b${pid:-NOPID}\\b/PID/g" \
		-e "s/\\b${cpid:-NOPID}\\b/CPID/g" \
		-e '/PTRACE_(GETREGS|SETREGSET)/s/([a-z0-9_]+)=(0x[0-9a-f]+|0)([,}])/\1=R\3/g' \
		-e 's/xmm_space=\[[^]]*\]/xmm_space=[X]/' \
		-e 's/si_([us]time)=[0-9]+/si_\1=T/g' \
		-e 's/0x[1-9a-f][0-9a-f]{8,}/ADDR/g' \
		-e '/^(keyctl|add_key)\(/s/\b[0-9]{5,}\b/KEY/g' \
		-e 's/(offset|freq|maxerror|esterror|ppsfreq|jitter|stabil|jitcnt|calcnt|errcnt|stbcnt)=-?[0-9]+/\1=N/g' \
		-e 's/time=\{tv_sec=[0-9]+, tv_usec=[0-9]+\}/time={tv_sec=S, tv_usec=U}/' \
		-e 's/^syscall_0x1ce\(([^,]*, [^,]*, [^,]*), .*\)( += )/mseal(\1)\2/' \
		-e 's/^syscall_0x1c5\(([^,]*, [^,]*, [^,]*), .*\)( += )/map_shadow_stack(\1)\2/' \
		-e 's/^(read\(.*"Name:.*\) += )[0-9]+$/\1N/' \
		-e 's/\) += /) = /' \
		-e '/KEYCTL_PKEY_ENCRYPT/s/, "([^"\\]|\\.)*"(\.\.\.)?\) = ([1-9][0-9]*)$/, OUT) = \3/'
}
strace -o "$WORK/s" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 150 ] || fail "only $n lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
for call in 'personality(0xffffffff) = 0 (PER_LINUX)' '0x42 /* PER_??? */|ADDR_NO_RANDOMIZE' \
	'(PER_LINUX32|READ_IMPLIES_EXEC)' 'ustat(makedev(' 'ustat(makedev(0x123, 0x45678), NULL)' \
	'sysfs(0x63, 0x1, 0x2)' 'ptrace(PTRACE_TRACEME) = -1 EPERM' 'ptrace(PTRACE_PEEKUSER, -1, 8*R14, ' \
	'8*RIP' 'offsetof(struct user, i387)+6' 'sizeof(struct user)' 'ptrace(PTRACE_CONT, -1, NULL, SIGUSR1)' \
	'PTRACE_O_TRACESYSGOOD|PTRACE_O_TRACEEXEC|PTRACE_O_EXITKILL|0x800000' 'ptrace(PTRACE_ATTACH, -1)' \
	'NT_PRSTATUS, {iov_base=' '0x4711 /* NT_??? */' 'ptrace(PTRACE_SETREGS, -1, {r15=' \
	'{si_signo=SIGUSR1, si_code=SI_USER' 'ptrace(PTRACE_GETSIGMASK, -1, 8, NULL)' \
	'ptrace(0x4321 /* PTRACE_??? */, -1, 0x1, 0x2)' 'ptrace(PTRACE_PEEKDATA, CPID, ADDR, [0x1234abcd]) = 0' \
	'ptrace(PTRACE_PEEKUSER, CPID, 8*RIP, [ADDR]) = 0' 'ptrace(PTRACE_GETEVENTMSG, CPID, NULL, [0]) = 0' \
	'{si_signo=SIGSTOP, si_code=SI_TKILL, si_pid=CPID' 'ptrace(PTRACE_GETREGS, CPID, {r15=R, ' \
	'NT_PRSTATUS, {iov_base={r15=R, ' 'iov_len=512 => 216}) = 0' \
	'ptrace(PTRACE_GETSIGMASK, CPID, 8, [USR1 USR2 CHLD]) = 0' \
	'ptrace(PTRACE_SETSIGMASK, CPID, 8, [USR1 USR2]) = 0' 'ptrace(PTRACE_GETFPREGS, CPID, {cwd=0x37f, ' \
	'ptrace(PTRACE_SETFPREGS, CPID, {cwd=0x37f, ' 'ptrace(PTRACE_SETFPREGS, -1, NULL)' \
	'ptrace(PTRACE_GETFPREGS, -1, ADDR) = -1 ESRCH' \
	'ptrace(PTRACE_PEEKSIGINFO, CPID, {off=0, flags=0, nr=4}, [{si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=PID, si_uid=0}]) = 1' \
	'{off=0, flags=PTRACE_PEEKSIGINFO_SHARED, nr=4}, [{si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID' \
	'{off=1, flags=0, nr=4}, []) = 0' 'flags=0x80000002 /* PTRACE_PEEKSIGINFO_??? */, nr=4294967295}' \
	'ptrace(PTRACE_PEEKSIGINFO, -1, NULL, NULL)' 'ptrace(PTRACE_GETREGSET, CPID, NT_FPREGSET, {iov_base={cwd=R, ' \
	'ptrace(PTRACE_SETREGSET, CPID, NT_PRSTATUS, {iov_base={r15=R, ' 'gs=R, ...}, iov_len=304 => 216}) = 0' \
	'rcx=R}, iov_len=96}) = 0' 'ptrace(PTRACE_SETREGSET, -1, NT_PRSTATUS, {iov_base=R, iov_len=12})' \
	'padding=[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], ...}, iov_len=520})' \
	'{iov_base={cwd=R, swd=R, ftw=R, fop=R, rip=R}, iov_len=16})' \
	'ptrace(PTRACE_SECCOMP_GET_METADATA, CPID, 16, {filter_off=0, flags=SECCOMP_FILTER_FLAG_LOG}) = 16' \
	'ptrace(PTRACE_SECCOMP_GET_METADATA, CPID, 12, {filter_off=0, ???}) = 12' \
	'ptrace(PTRACE_SECCOMP_GET_METADATA, -1, 4, ADDR)' 'ptrace(PTRACE_SECCOMP_GET_FILTER, CPID, 1, ADDR) = -1 ENOENT' \
	'ptrace(PTRACE_GET_SYSCALL_INFO, CPID, 4, {op=PTRACE_SYSCALL_INFO_NONE}) = 24' \
	'{op=PTRACE_SYSCALL_INFO_NONE, arch=AUDIT_ARCH_X86_64, instruction_pointer=ADDR, stack_pointer=ADDR}) = 24' \
	'entry={nr=__NR_close, args=[0xffffffff, 0x1, 0x2, 0x3, 0x4, 0x5]}}) = 80' \
	'entry={nr=__NR_close, args=[0xffffffff, 0x1]}}) = 80' 'exit={rval=-EBADF, is_error=1}}) = 33' \
	'exit={rval=-9}}) = 33' 'ptrace(PTRACE_GET_RSEQ_CONFIGURATION, -1, 0x40, ADDR)' \
	'ptrace(PTRACE_SINGLEBLOCK, -1, NULL, SIGTRAP)' \
	'ptrace(PTRACE_OLDSETOPTIONS, -1, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_TRACEEXEC)' 'modify_ldt(0, {entry_number=' \
	'= 4294967274 EINVAL' 'modify_ldt(17, {entry_number=-1, base_addr=0x001000, limit=0x000fff, seg_32bit=1' \
	'iopl(4)' 'ioperm(0x10000, 0x8, 1)' 'arch_prctl(ARCH_GET_FS, [ADDR])' '0x9999 /* ARCH_??? */' \
	'get_thread_area({entry_number=12, ...})' 'set_thread_area({entry_number=5,' 'set_thread_area(NULL)' \
	'adjtimex({modes=0, offset=N' 'adjtimex({modes=ADJ_OFFSET_SS_READ' 'adjtimex(NULL)' \
	'clock_adjtime(CLOCK_REALTIME, {modes=0' '0x63 /* CLOCK_??? */, NULL' \
	'reboot(LINUX_REBOOT_MAGIC1, 0x1234 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART)' \
	'LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_HALT' '0x7777 /* LINUX_REBOOT_CMD_??? */' \
	'kexec_load(0x1000, 17, NULL, KEXEC_ARCH_X86_64|0x80 /* KEXEC_??? */)' \
	'0xdead0000 /* KEXEC_ARCH_??? */' '[{buf=ADDR, bufsz=5, mem=0x100000, memsz=4096}, {buf=NULL' \
	'kexec_file_load(-1, -1, 5, "quiet", KEXEC_FILE_NO_INITRAMFS|0x80000000)' \
	'0x80000000 /* KEXEC_FILE_??? */' 'quotactl(QCMD(Q_GETFMT, USRQUOTA), "/nonexistent", ADDR)' \
	'QCMD(Q_GETQUOTA, GRPQUOTA), "/nonexistent", 1000, ' 'QFMT_VFS_V1, "/nonexistent")' \
	'quotactl(QCMD(Q_SYNC, USRQUOTA), "/nonexistent")' '{dqb_bhardlimit=' '{dqi_bgrace=' \
	'[FS_QUOTA_' 'Q_XGETQSTAT' '0x4d /* QFMT_VFS_??? */' '0x3 /* ???QUOTA */' \
	'QCMD(0x123 /* Q_??? */, 0x45 /* ???QUOTA */), NULL, 0, NULL' 'quotactl_fd(' \
	'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)' 'keyctl(KEYCTL_JOIN_SESSION_KEYRING, "tail3")' \
	'keyctl(KEYCTL_UPDATE, KEY, "v2", 2)' 'keyctl(KEYCTL_DESCRIBE, KEY, "user;' \
	'keyctl(KEYCTL_READ, KEY, "v2", 256) = 2' 'keyctl(KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, "user", "tail3", 0)' \
	'KEY_SPEC_THREAD_KEYRING) = -1 ENOKEY' 'KEY_USR_SETATTR|0x40)' 'keyctl(KEYCTL_INVALIDATE, 1234)' \
	'keyctl(KEYCTL_REVOKE, KEY)' 'keyctl(KEYCTL_CHOWN, KEY, -1, -1)' 'KEYCTL_SET_TIMEOUT, KEY, 1000' \
	'keyctl(KEYCTL_LINK, KEY, KEY_SPEC_SESSION_KEYRING)' 'KEYCTL_GET_SECURITY' 'keyctl(KEYCTL_CLEAR, 1234)' \
	'keyctl(0x3e7 /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4)' 'keyctl(KEYCTL_INSTANTIATE, 1234, "abc", 3, KEY_SPEC_SESSION_KEYRING)' \
	'[{iov_base="hel", iov_len=3}], 1, KEY_SPEC_SESSION_KEYRING)' 'keyctl(KEYCTL_NEGATE, 1234, 60, ' \
	'keyctl(KEYCTL_REJECT, 1234, 60, EACCES, ' 'KEY_REQKEY_DEFL_NO_CHANGE)' '99 /* KEY_REQKEY_DEFL_??? */' \
	'keyctl(KEYCTL_GET_PERSISTENT, -1, 1234)' '"asymmetric", "builtin_trusted")' \
	'KEY_SPEC_USER_KEYRING, KEYCTL_MOVE_EXCL|0x2)' 'keyctl(KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|' \
	'keyctl(KEYCTL_DESCRIBE, KEY, "ab\0", 4) = 24' 'keyctl(KEYCTL_DESCRIBE, KEY, "", 0) = 24' \
	'keyctl(KEYCTL_CAPABILITIES, [], 0) = 2' 'KEY_SPEC_USER_KEYRING, KEYCTL_MOVE_EXCL) = -1 ENOKEY' \
	'keyctl(KEYCTL_WATCH_KEY, 0x4d2, 0xffffffff, 0x1, 0)' 'keyctl(KEYCTL_PKEY_QUERY, 1234, 0x7, NULL, NULL)' \
	'keyctl(KEYCTL_PKEY_QUERY, ' 'in_len=4, out_len=1}, "enc=pkcs1", "data", ' 'keyctl(KEYCTL_PKEY_DECRYPT, {key_id=' \
	'keyctl(KEYCTL_PKEY_SIGN, {key_id=' 'in2_len=8}, "enc=pkcs1", "data", "sig\0more")' \
	'{key_id=KEY_SPEC_SESSION_KEYRING, in_len=4, out_len=8, __spare=[0, 0, 0x7, 0, 0, 0, 0]}, NULL, NULL, NULL)' \
	'keyctl(KEYCTL_PKEY_SIGN, 0x1, 0x2, 0x3, 0x4)' 'keyctl(KEYCTL_PKEY_VERIFY, NULL, NULL, NULL, NULL)' \
	'keyctl(KEYCTL_DH_COMPUTE, {private=1234, prime=KEY_SPEC_SESSION_KEYRING, base=5}, ADDR, 64, NULL)' \
	'{hashname="sha256", otherinfo="abc", otherinfolen=3})' \
	'{hashname=NULL, otherinfo=NULL, otherinfolen=0, __spare=[0, 0, 0, 0, 0, 0, 0, 0x1]})' \
	'keyctl(KEYCTL_DH_COMPUTE, NULL, NULL, 0, 0x1)' 'seccomp(SECCOMP_SET_MODE_STRICT, 0x1, NULL)' \
	'0x100 /* SECCOMP_FILTER_FLAG_??? */, {len=11, filter=ADDR})' \
	'SECCOMP_FILTER_FLAG_TSYNC|SECCOMP_FILTER_FLAG_LOG, {len=0' '[SECCOMP_RET_KILL_PROCESS]) = 0' \
	'[0x12340000 /* SECCOMP_RET_??? */]' '{seccomp_notif=' 'seccomp(0x63 /* SECCOMP_SET_MODE_??? */, 0, NULL)' \
	'sched_getattr(0, {size=56, sched_policy=SCHED_OTHER' 'sched_flags=SCHED_FLAG_KEEP_POLICY|0x100' \
	'{size=56, sched_flags=SCHED_FLAG_KEEP_PARAMS, sched_util_min=0' 'sched_policy=SCHED_DEADLINE' \
	'sched_getattr(0, {size=48, sched_policy=SCHED_OTHER' 'sched_setattr(-1, NULL, 0)' \
	'migrate_pages(0, 64, [0x00000000000001], [0x00000000000001]) = 0' \
	'[0x00000000000001, 0x00000000000002, ADDR]' 'migrate_pages(-1, 0, [], NULL)' \
	'move_pages(0, 2, [ADDR, ADDR], NULL, [' '-ENOENT]' 'MPOL_MF_MOVE) = 0' '0x8 /* MPOL_??? */' \
	'MPOL_MF_MOVE_ALL' 'ADDR, ...], NULL, ' 'set_mempolicy_home_node(ADDR, 8192, 0, 0)' \
	'set_mempolicy_home_node(NULL, 0, 7, 0x1)' 'process_madvise(' ', 1, MADV_COLD, 0)' \
	'0x63 /* MADV_??? */, 0x1' 'iov_len=4096}, ...], 40, MADV_PAGEOUT, 0)' \
	'remap_file_pages(ADDR, 4096, PROT_NONE, 0, MAP_FILE)' 'MAP_SHARED|MAP_NONBLOCK' \
	'PROT_SEM, 0, MAP_FILE|MAP_NONBLOCK|8<<MAP_HUGE_SHIFT' 'MAP_SHARED_VALIDATE|MAP_ANONYMOUS' \
	'mseal(ADDR, 0x1000, 0)' 'mseal(0, 0, 0x1)' 'map_shadow_stack(0, 0x1000, 0)' \
	'map_shadow_stack(0x1, 0, 0x80)'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no line with $call compared"
done
# -v: the filter programs' instructions, quota blocks in full
strace -v -o "$WORK/sv" "$T" || fail "strace -v failed"
"$RENACER" -v --backend=ptrace -o "$WORK/rv" "$T" || fail "renacer -v failed"
mask "$WORK/sv" >"$WORK/sv.m"
mask "$WORK/rv" >"$WORK/rv.m"
diff "$WORK/sv.m" "$WORK/rv.m" || fail "ptrace -v: lines differ from strace -v's"
for call in 'filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0xc000003e, 0x1, 0)' \
	'BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x1)' 'BPF_STMT(BPF_MISC|0xf8 /* BPF_??? */|0xff00 /* BPF_??? */, 0x1)' \
	'0x12340000 /* SECCOMP_RET_??? */|0x5678' '{len=0, filter=[]}' 'dqb_btime=0, dqb_itime=0, dqb_valid=0}' \
	'ptrace(PTRACE_SECCOMP_GET_FILTER, CPID, 0, [BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]) = 1' \
	'xmm_space=[X], padding=[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}) = 0'; do
	grep -qF -- "$call" "$WORK/rv.m" || fail "no -v line with $call compared"
done
# every line prints the same there; the tracee calls PTRACE_TRACEME only
# when something ptraces it (else the call would succeed and stop it)
ebpf_vs_strace t_decode_tail3 "$T" -vE '^ptrace\(PTRACE_TRACEME\)' 150
echo "t_decode_tail3: ok ($n lines as strace prints them)"
