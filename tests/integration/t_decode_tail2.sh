#!/usr/bin/env bash
# More of the long tail (syscalls/decode_tail2.c and kind-only rows of
# syscalls.def): getresuid/getcpu/get_robust_list, eventfd, the splice family,
# sync_file_range, readahead, setns, the pidfd calls, process_vm_readv/writev,
# kcmp, mincore, membarrier, mlock2, pkeys, userfaultfd, memfd_secret,
# futex_waitv, ioprio, the sched_* policy calls, SysV IPC, capget/capset,
# syslog, add_key/request_key, io_uring_enter, mq_timedsend, sendmmsg and
# recvmmsg: every line of tests/tracees/tail2.c's trace, each call once with
# ordinary and once with odd arguments, as strace 6.1 prints it once what
# varies run to run is masked (addresses, pids, IPC ids, key serials, the
# CPU, the kernel log). The eBPF backend prints every line the same, the
# memory behind the iovecs of vmsplice and process_vm_readv/writev, msgsnd/
# msgrcv's msgbuf and mincore's vector included (bpf/chain.bpf.h).
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_root "setns, capset and syslog need root"
T=$TRACEES/tail2
mask() {
	local pid
	pid=$(sed -nE 's/^getpid\(\) += ([0-9]+)$/\1/p' "$1" | head -1)
	sed -n '/^getresuid/,$p' "$1" | sed -E \
		-e "s/\\b${pid:-NOPID}\\b/PID/g" \
		-e 's/0x[0-9a-f]{9,}/ADDR/g' \
		-e 's/^((sem|shm|msg)get\(.*\) += )[0-9]+$/\1ID/' \
		-e 's/^((semop|semtimedop|semctl|shmat|shmctl|msgsnd|msgrcv|msgctl)\()[0-9]+,/\1ID,/' \
		-e 's/^(add_key\(.*\) += )[0-9]+$/\1KEY/' \
		-e 's/^getcpu\(\[[0-9]+\], \[[0-9]+\]/getcpu([CPU], [NODE]/' \
		-e 's/^(syslog\(3 .*, )".*"(, 8\) += )[0-9]+$/\1LOG\2N/' \
		-e 's/^(sched_rr_get_interval\(0, \{tv_sec=)[0-9]+, tv_nsec=[0-9]+\}/\1S, tv_nsec=N}/' \
		-e 's/\) += /) = /'
}
strace -o "$WORK/s" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 120 ] || fail "only $n lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
for call in 'getresuid([0]' 'getresgid(NULL' 'getcpu([CPU]' 'get_robust_list(0, [ADDR], [24])' \
	'eventfd(5)' ', [{iov_base="hello", iov_len=5}], 1, SPLICE_F_NONBLOCK)' '0x40 /* SPLICE_F_??? */' 'tee(' \
	', [0], ' 'SYNC_FILE_RANGE_WAIT_BEFORE|SYNC_FILE_RANGE_WRITE' 'readahead(' \
	'setns(-1, CLONE_NEWPID|CLONE_NEWNET|0x1)' '0x1 /* CLONE_NEW??? */' 'PIDFD_NONBLOCK|0x1' \
	'pidfd_send_signal(-1, SIGUSR1, NULL, 0x7)' 'pidfd_getfd(' 'process_mrelease(' \
	'process_vm_readv(PID, [{iov_base=' 'process_vm_writev(' 'KCMP_FILE, 1, 2)' \
	'kcmp(PID, PID, KCMP_VM)' '0x63 /* KCMP_??? */, 0x1, 0x2' 'mincore(ADDR, 8192, [1, 0])' \
	'(MEMBARRIER_CMD_GLOBAL|' 'MEMBARRIER_CMD_FLAG_CPU, 2)' 'MLOCK_ONFAULT' '0x6 /* MLOCK_??? */' \
	'PKEY_DISABLE_WRITE|PKEY_DISABLE_EXECUTE' 'pkey_free(' 'userfaultfd(O_NONBLOCK|O_CLOEXEC)' \
	'0x10 /* UFFD_??? */' 'memfd_secret(O_CLOEXEC)' 'futex_waitv(NULL, 0, 0, NULL, CLOCK_REALTIME)' \
	'0x63 /* CLOCK_??? */' '(IOPRIO_PRIO_VALUE(IOPRIO_CLASS_' 'IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)' \
	'0x7 /* IOPRIO_CLASS_??? */' 'sched_getparam(0, [0])' 'sched_setparam(0, NULL)' \
	'= 0 (SCHED_OTHER)' 'sched_setscheduler(0, 0x40000003 /* SCHED_??? */, [0])' \
	'sched_get_priority_max(SCHED_FIFO)' 'sched_get_priority_min(0x4d' 'sched_rr_get_interval(0, {' \
	'semget(IPC_PRIVATE, 1, IPC_CREAT|0600)' 'sem_flg=SEM_UNDO|0x10}' 'semtimedop(ID' \
	'semctl(ID, 0, GETVAL, NULL)' '0x63 /* SEM_??? */' 'IPC_EXCL|0x10000|0644' 'shmat(ID, NULL, SHM_RDONLY)' \
	'0x100 /* SHM_??? */' 'shmdt(' 'shmctl(ID, IPC_RMID' 'shmget(0x7e57a11, 4096, 000)' \
	'msgsnd(ID, {mtype=1, mtext="abc\0"}' 'msgrcv(ID, {mtype=1' 'MSG_NOERROR|IPC_NOWAIT' \
	'0x1 /* MSG_??? */' 'msgctl(ID, IPC_RMID' 'msgget(0x7e57a11, 000)' \
	'capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN' 'capset({' \
	'_LINUX_CAPABILITY_VERSION_??? */' 'syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */)' \
	'syslog(3 /* SYSLOG_ACTION_READ_ALL */, LOG, 8)' '99 /* SYSLOG_ACTION_??? */' \
	'add_key("user", "tail2", "v", 1, KEY_SPEC_THREAD_KEYRING)' 'NULL, 0, 1234)' \
	'request_key("user", "tail2-none", NULL, KEY_SPEC_PROCESS_KEYRING)' \
	'IORING_ENTER_GETEVENTS' '0x100 /* IORING_ENTER_??? */' 'mq_timedsend(-1, "abc", 3, 1, NULL)' \
	'sendmmsg(-1, NULL, 2, MSG_DONTWAIT)' 'recvmmsg(' 'landlock_restrict_self('; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no line with $call compared"
done
# every line prints the same there (no line is skipped: '^$' matches none)
ebpf_vs_strace t_decode_tail2 "$T" -vE '^$' 100
echo "t_decode_tail2: ok ($n lines as strace prints them)"
