#!/usr/bin/env bash
# Linux AIO, io_uring_setup/register, mq_timedreceive/mq_notify/mq_getsetattr,
# perf_event_open, bpf, fsconfig/fsmount, landlock_create_ruleset/add_rule
# and the calls newer than strace 6.1 (syscalls/decode_tail4.c and
# decode_tail4b.c): every line of tests/tracees/tail4.c's trace, each call
# once with ordinary and once with odd arguments, as strace 6.1 prints it
# once what varies run to run is masked (addresses, the pid). Descriptor
# numbers are compared between the runs, never written here: the runner may
# hold more descriptors than a shell does. The eBPF backend prints every line
# the same, the memory reached through pointers inside the arguments
# included: io_submit's iocbs (copied at entry: the kernel rewrites aio_key),
# their data and iovecs, io_pgetevents' mask, io_uring_register's structures
# and IOWQ_MAX_WORKERS' limits before and after (bpf/chain.bpf.h).
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_root "bpf, perf_event_open and fsopen need root"
T=$TRACEES/tail4
mask() {
	local pid
	pid=$(sed -nE 's/^getpid\(\) += ([0-9]+)$/\1/p' "$1" | head -1)
	# strace 6.1 predates cachestat .. mseal (451-462) and names them
	# syscall_0x1c3 .. with six registers; renacer names them, with as
	# many arguments as they take: strace's lines are renamed to compare
	sed -n '/^getpid/,$p' "$1" | python3 -c '
import re, sys
calls = {0x1c3: ("cachestat", 4), 0x1c6: ("futex_wake", 4), 0x1c7: ("futex_wait", 6),
         0x1c8: ("futex_requeue", 4), 0x1c9: ("statmount", 4), 0x1ca: ("listmount", 4),
         0x1cb: ("lsm_get_self_attr", 4), 0x1cc: ("lsm_set_self_attr", 4),
         0x1cd: ("lsm_list_modules", 3), 0x1ce: ("mseal", 3)}
def ren(m):
    name, n = calls.get(int(m.group(1), 16), (None, 0))
    if not name:
        return m.group(0)
    return "%s(%s)%s" % (name, ", ".join(m.group(2).split(", ")[:n]), m.group(3))
for l in sys.stdin:
    sys.stdout.write(re.sub(r"^syscall_0x([0-9a-f]+)\((.*)\)( += .*)$", ren, l))
' | sed -E \
		-e "s/\\b${pid:-NOPID}\\b/PID/g" \
		-e 's/0x[0-9a-f]{9,}/ADDR/g' \
		-e 's/\) += /) = /'
}
strace -o "$WORK/s" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 80 ] || fail "only $n lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
for call in 'io_setup(8, [ADDR]) = 0' 'io_setup(1, NULL)' \
	'[{aio_data=0x1234, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=' 'aio_buf=ADDR, aio_nbytes=4, aio_offset=0}]' \
	'[{data=0x1234, obj=ADDR, res=4, res2=0}], {tv_sec=0, tv_nsec=1000000}) = 1' \
	'aio_lio_opcode=99 /* IOCB_CMD_??? */, aio_reqprio=1, aio_fildes=-1}]' \
	'aio_reqprio=IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)' 'aio_buf="rooto", aio_nbytes=5' \
	'aio_flags=IOCB_FLAG_IOPRIO}' 'aio_lio_opcode=IOCB_CMD_PREADV' \
	'aio_buf=[{iov_base=ADDR, iov_len=2}, {iov_base=ADDR, iov_len=3}], aio_offset=0}]' \
	'{data=0x8, obj=ADDR, res=5, res2=0}' 'aio_key=3, aio_rw_flags=RWF_DSYNC|0x1000' \
	'io_submit(NULL, 4294967295, NULL)' 'io_getevents(NULL, 0, 1, NULL, NULL)' \
	'{sigmask=[], sigsetsize=8}) = 0' 'io_pgetevents(NULL, 1, 0, NULL, NULL, NULL)' \
	'io_cancel(ADDR, {aio_data=0x1234, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=' \
	'io_cancel(NULL, NULL, NULL)' 'io_destroy(ADDR) = 0' 'io_destroy(NULL)' \
	'io_uring_setup(4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0' \
	'{flags=IORING_SETUP_CLAMP|0x80000000, sq_thread_cpu=0, sq_thread_idle=10})' \
	'io_uring_setup(1, NULL)' 'IORING_REGISTER_EVENTFD, [-1], 1)' \
	'IORING_UNREGISTER_BUFFERS, NULL, 0)' 'IORING_REGISTER_FILES, [-1], 1)' \
	'IORING_REGISTER_FILES_UPDATE, {offset=0, fds=[-1]}, 1)' \
	'IORING_REGISTER_PROBE, NULL, 300)' '[[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=0]' \
	'io_uring_register(-1, 0x63 /* IORING_REGISTER_??? */, NULL, 0)' \
	'IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=IORING_REGISTER_BUFFERS}, {opcode=IORING_RESTRICTION_SQE_OP, sqe_op=IORING_OP_READV}, {opcode=IORING_RESTRICTION_SQE_FLAGS_ALLOWED, sqe_flags=IOSQE_FIXED_FILE|IOSQE_IO_LINK|0x80}], 3) = 0' \
	'[{opcode=0x63 /* IORING_RESTRICTION_??? */ /* op: 0 */, resv=0x5, resv2=[0, 0x7, 0]}, {opcode=IORING_RESTRICTION_SQE_OP' \
	'IORING_REGISTER_RESTRICTIONS, [], 0) = -1 EBUSY' 'IORING_REGISTER_ENABLE_RINGS, NULL, 0) = 0' \
	'IORING_REGISTER_ENABLE_RINGS, ADDR, 3) = -1' \
	'IORING_REGISTER_FILES2, {nr=2, flags=0, data=[-1, -1], tags=NULL}, 32) = 0' \
	'IORING_REGISTER_FILES_UPDATE2, {offset=1, data=[-1], tags=NULL, nr=1}, 32) = 1' \
	'{offset=1, resv=0x5, data=[-1], tags=[0x1], nr=1, /* bytes 32..39 */ "\x03\x00\x00\x00\x00\x00\x00\x00"}, 40)' \
	'{nr=2, flags=IORING_RSRC_REGISTER_SPARSE|0x2, resv2=0x7, data=[-1, -1], tags=NULL}, 32) = -1 EINVAL' \
	'IORING_REGISTER_FILES2, ADDR, 24) = -1 EINVAL' \
	'IORING_REGISTER_BUFFERS2, {nr=1, flags=0, data=[{iov_base=ADDR, iov_len=16}], tags=[0x1]}, 32) = 0' \
	'IORING_REGISTER_BUFFERS_UPDATE, {offset=0, data=[{iov_base=ADDR, iov_len=16}], tags=[0x1], nr=1}, 32) = 1' \
	'IORING_REGISTER_BUFFERS2, NULL, 32) = -1 EFAULT' 'IORING_REGISTER_IOWQ_AFF, [0], 8) = 0' \
	'IORING_REGISTER_IOWQ_AFF, [], 0) = -1 EINVAL' 'IORING_UNREGISTER_IOWQ_AFF, NULL, 0) = 0' \
	'IORING_UNREGISTER_IOWQ_AFF, ADDR, 5) = -1 EINVAL' 'IORING_REGISTER_PERSONALITY, NULL, 0) = ' \
	'IORING_UNREGISTER_PERSONALITY, NULL, ' 'IORING_REGISTER_PERSONALITY, ADDR, 7) = -1 EINVAL' \
	'IORING_REGISTER_RING_FDS, [{offset=0, data=' 'IORING_UNREGISTER_RING_FDS, [{offset=0}], 1) = 1' \
	'IORING_REGISTER_RING_FDS, [{offset=5, resv=0x2, data=0}], 1) = -1 EINVAL' \
	'IORING_UNREGISTER_RING_FDS, [{offset=0, data=0x' \
	'IORING_REGISTER_PBUF_RING, {ring_addr=ADDR, ring_entries=4, bgid=1}, 1) = 0' \
	'IORING_UNREGISTER_PBUF_RING, {ring_addr=ADDR, ring_entries=4, bgid=1}, 1) = 0' \
	'{ring_addr=ADDR, ring_entries=4, bgid=1, resv=[0, 0x9, 0]}, 1) = -1 EINVAL' \
	'[[IO_WQ_BOUND]=1, [IO_WQ_UNBOUND]=2, [2 /* IO_WQ_??? */]=3] => ADDR, 3) = -1 EINVAL' \
	'IORING_REGISTER_IOWQ_MAX_WORKERS, [], 0) = -1 EINVAL' '0x18 /* IORING_REGISTER_??? */, ADDR, 2)' \
	'0x19 /* IORING_REGISTER_??? */, ADDR, 1)' \
	', "abc", 16, [2], NULL) = 3' 'mq_timedreceive(-1, NULL, 0, NULL, NULL)' \
	'{sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}) = 0' 'mq_notify(-1, NULL)' \
	'{mq_flags=O_NONBLOCK, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}) = 0' \
	'mq_getsetattr(-1, NULL, NULL)' 'perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER' \
	'config=PERF_COUNT_SW_CPU_CLOCK, sample_period=0, sample_type=0, read_format=0, disabled=1' \
	'exclude_kernel=1, precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC)' \
	'perf_event_open(NULL, -1, -1, -1, 0x100 /* PERF_FLAG_??? */)' \
	'bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=2, map_flags=0' \
	'map_name="", map_ifindex=0, btf_fd=0' 'key=ADDR, value=ADDR, flags=BPF_EXIST}, 144)' \
	'flags=0x9 /* BPF_??? */}' 'bpf(BPF_MAP_GET_NEXT_KEY, {map_fd=' 'key=ADDR, ...}, 144)' \
	'bpf(BPF_MAP_FREEZE, {map_fd=' 'bpf(0x3e7 /* BPF_??? */, NULL, 0)' \
	'map_flags=BPF_F_NUMA_NODE|0x100000, inner_map_fd=0, numa_node=1, map_name="renacer_tail4_l"...' \
	'map_flags=BPF_F_NUMA_NODE|0x100000}, 20)' 'FSCONFIG_SET_STRING, "size", "1M", 0)' \
	'FSCONFIG_SET_FLAG, "nosuchflag", NULL, 0)' 'FSCONFIG_CMD_CREATE, NULL, NULL, 0)' \
	'fsconfig(-1, 0x63 /* FSCONFIG_??? */, NULL, NULL, 0)' \
	'fsmount(-1, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOSUID)' \
	'fsmount(-1, 0x2 /* FSMOUNT_??? */, 0x1000000 /* MOUNT_ATTR_??? */)' \
	'landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_WRITE_FILE|LANDLOCK_ACCESS_FS_READ_FILE}, 8, 0)' \
	'landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION)' \
	'0x2 /* LANDLOCK_CREATE_RULESET_??? */' \
	'LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_READ_FILE, parent_fd=' \
	'landlock_add_rule(-1, 0x63 /* LANDLOCK_RULE_??? */, NULL, 0x1)' \
	'futex_wake(0, 0, 0x1, 0x2)' 'futex_wait(0, 0, 0, 0x2, 0, 0x1)' \
	'futex_requeue(' 'cachestat(ADDR, 0, 0, 0)' 'statmount(' 'listmount(' \
	'lsm_get_self_attr(0x64, ' 'lsm_set_self_attr(0x64, ' 'lsm_list_modules(0, 0, 0x1)' \
	'mseal(0x1000, 0x1000, 0)'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no line with $call compared"
done
# -v (perf_event_attr's every field, bpf's extra_data) and -y (descriptors
# inside the structures); extra_data holds stack addresses
strace -v -y -o "$WORK/sv" "$T" || fail "strace -v -y failed"
"$RENACER" --backend=ptrace -v -y -o "$WORK/rv" "$T" || fail "renacer -v -y failed"
mask "$WORK/sv" | sed -E 's/extra_data="[^"]*"/extra_data=X/' >"$WORK/sv.m"
mask "$WORK/rv" | sed -E 's/extra_data="[^"]*"/extra_data=X/' >"$WORK/rv.m"
diff "$WORK/sv.m" "$WORK/rv.m" || fail "ptrace -v -y: lines differ from strace's"
for call in 'sigtrap=0, wakeup_events=0, config1=0, config2=0, sample_regs_user=0' \
	'aux_sample_size=0, sig_data=0}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC)' \
	'key=ADDR, extra_data=X /* bytes 16..143 */}, 144)' '</etc/passwd>, aio_buf=ADDR, aio_nbytes=4' \
	'map_extra=0}, 144) = ' '<anon_inode:bpf-map>, key=ADDR' '</tmp>}, 0) = '; do
	grep -qF -- "$call" "$WORK/rv.m" || fail "no -v -y line with $call compared"
done
# every line prints the same there (no line is skipped: '^$' matches none)
ebpf_vs_strace t_decode_tail4 "$T" -vE '^$' 80
echo "t_decode_tail4: ok ($n lines as strace prints them)"
