#!/usr/bin/env bash
# bpf(2), every command (syscalls/decode_bpf.c, decode_bpf_obj.c), against
# strace 6.1 run live:
#  1. tests/tracees/bpfcmds.c, each command once with ordinary and once with
#     odd arguments, plain and under -v -y (the program and map infos, the
#     instructions); then the eBPF backend, whose lines are the same but
#     where memory is reached through a pointer inside the attr (license,
#     pathname, name, btf, task_fd_query's buf, prog_ids): there it prints
#     the address;
#  2. a real program: renacer's own eBPF backend loading its BTF, maps and
#     programs and attaching them, traced with -f, plain and under -v.
# What varies run to run is masked: addresses, the pid, the kernel's ids of
# objects (id=, prog_id=, next_id => ..., prog_ids), load times, TEST_RUN's
# duration (strace shows what memory held on entry: the last run's), and
# -v's extra_data (stack addresses). Descriptor numbers are compared between
# the runs, never written here: the runner may hold more descriptors.
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_root "bpf, bpffs and cgroup attachment need root"
T=$TRACEES/bpfcmds
mask() {
	local pid
	pid=$(sed -nE 's/^getpid\(\) += ([0-9]+)$/\1/p' "$1" | head -1)
	sed -n '/^getpid/,$p' "$1" | sed -E \
		-e "s/\\b${pid:-NOPID}\\b/PID/g" \
		-e 's/0x[0-9a-f]{9,}/ADDR/g' \
		-e 's/\) += /) = /' \
		-e 's/\b(id|prog_id|map_id|btf_id|link_id|start_id)=[0-9]+/\1=N/g' \
		-e 's/ => [0-9]{3,}\b/ => N/g' \
		-e 's/(prog_ids|map_ids)=\[[0-9, ]+\]/\1=[IDS]/g' \
		-e 's/duration=[0-9]+/duration=D/g' \
		-e 's/load_time=[0-9]+ \/\* [^*]* \*\//load_time=T/g' \
		-e 's/extra_data="[^"]*"/extra_data=X/g'
}
strace -o "$WORK/s" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(grep -c '^bpf(' "$WORK/s.m")
[ "$n" -ge 90 ] || fail "only $n bpf lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
for call in 'bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=ADDR, license="GPL"' \
	'kern_version=KERNEL_VERSION(5, 10, 3)' 'log_size=5, log_buf="last "...' \
	'prog_type=0x3e7 /* BPF_PROG_TYPE_??? */' 'prog_flags=BPF_F_STRICT_ALIGNMENT|0x8000, prog_name="xxxxxxxxxxxxxxx"...' \
	'expected_attach_type=0x3e7 /* BPF_??? */' 'fd_array=ADDR, ...}, 144)' 'prog_name="xxxxxxx"...}, 56)' \
	'insn_cnt=1, insns=NULL, license=NULL}, 8)' 'bpf(BPF_PROG_LOAD, NULL, 144)' 'bpf(BPF_PROG_LOAD, ADDR, 0)' \
	'info_len=512 => N, info=ADDR}}, 144) = 0' 'pathname="/nonexistent/renacer", bpf_fd=-1, file_flags=0x40 /* BPF_F_??? */}' \
	'file_flags=BPF_F_RDONLY}, 144)' 'attach_type=0x3e7 /* BPF_??? */, attach_flags=0x80 /* BPF_F_??? */, replace_bpf_fd=-1}' \
	'query_flags=0x10 /* BPF_F_QUERY_??? */, attach_flags=0, prog_ids=NULL, prog_cnt=7}}' \
	'attach_type=0x3e7 /* BPF_??? */, flags=0x10}, ...}' 'new_prog_fd=0, flags=0x100 /* BPF_F_??? */}}' \
	'flags=0x10 /* BPF_F_??? */, cpu=1, batch_size=3}}' 'repeat=1, duration=D}}, 40)' \
	'open_flags=0x40 /* BPF_F_??? */}' 'bpf(BPF_BTF_GET_FD_BY_ID, {btf_id=N}, 4)' \
	'btf="\237\353\1\0\30\0' 'btf="", btf_log_buf=ADDR, btf_size=0, btf_log_size=0, btf_log_level=0}, 20)' 'raw_tracepoint={name="task_rename", prog_fd=' \
	'raw_tracepoint={name=NULL, prog_fd=-1}' 'buf_len=32 => 11, buf="task_rename"..., prog_id=N, fd_type=BPF_FD_TYPE_RAW_TRACEPOINT' \
	'fd=-1, flags=3, buf_len=0, buf=NULL, prog_id=N' 'elem_flags=0x10 /* BPF_??? */, flags=0x1}}' \
	'elem_flags=BPF_ANY, flags=0}} => {batch={count=3}}' 'bpf(BPF_MAP_UPDATE_BATCH, {batch={keys=NULL, values=NULL' \
	'key=NULL, value=NULL, flags=0x10 /* BPF_??? */}' 'key=NULL, value=NULL}, 24)' \
	'bpf(BPF_ENABLE_STATS, ADDR, 144)' 'bpf(BPF_ITER_CREATE, ADDR, 144)' 'bpf(BPF_PROG_BIND_MAP, ADDR, 144)' \
	'bpf(0x24 /* BPF_??? */, ADDR, 144)' 'bpf(0xffffffff /* BPF_??? */, NULL, 0)'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no line with $call compared"
done
# when this machine lets the tracee make a cgroup and a bpffs: the calls
# that succeed only there
if grep -q '^mount("bpf", .* = 0$' "$WORK/s.m" && grep -q '^openat(.*/renacer-bpfcmds.PID", .* = [0-9]' "$WORK/s.m"; then
	for call in 'pathname="/tmp/renacer-bpfcmds.PID/prog"' 'prog_ids=[IDS], prog_cnt=4 => 2}}' \
		'prog_ids=ADDR, prog_cnt=1 => 2}}, 144) = -1 ENOSPC' 'prog_ids=NULL, prog_cnt=0 => 2}, ...}, 40)' \
		'flags=BPF_F_REPLACE, old_prog_fd='; do
		grep -qF -- "$call" "$WORK/r.m" || fail "no line with $call compared"
	done
else
	echo "t_decode_bpf: no bpffs or cgroup v2 here: pinning and attaching compared as failures" >&2
fi
# -v (instructions, the program and map infos, extra_data) and -y
# (descriptors inside the attr)
strace -v -y -o "$WORK/sv" "$T" || fail "strace -v -y failed"
"$RENACER" --backend=ptrace -v -y -o "$WORK/rv" "$T" || fail "renacer -v -y failed"
mask "$WORK/sv" >"$WORK/sv.m"
mask "$WORK/rv" >"$WORK/rv.m"
diff "$WORK/sv.m" "$WORK/rv.m" || fail "ptrace -v -y: lines differ from strace's"
for call in 'insns=[{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0x1}, {code=BPF_JMP|BPF_K|BPF_EXIT' \
	'info={type=BPF_PROG_TYPE_SOCKET_FILTER, id=N, tag="' 'xlated_prog_len=0 => 16, xlated_prog_insns=NULL, load_time=T' \
	'info={type=BPF_MAP_TYPE_ARRAY, id=N, key_size=4, value_size=4, max_entries=1, map_flags=0, name=""' \
	'<anon_inode:bpf-prog>, info_len=8, info={type=' 'extra_data=X /* bytes 28..143 */' '<anon_inode:bpf-map>'; do
	grep -qF -- "$call" "$WORK/rv.m" || fail "no -v -y line with $call compared"
done
# the eBPF backend copies what the attr's pointers reach (chain=bpf): all
# lines but PROG_LOAD's with a log_buf, which strace shows as it was before
# the call (the eBPF backend prints its address)
ebpf_vs_strace t_decode_bpf "$T" -vE 'log_buf=[^N]' 100

# 2. renacer's own eBPF backend under both tracers. Its "lost" counter is
# read a number of times that depends on timing: runs of the same line
# count once. The kernel's ids, BTF ids and load times vary; descriptor
# numbers and everything else are compared as they are.
have_ebpf || { echo "t_decode_bpf: ok ($n bpf lines; SKIP part 2: no eBPF backend here)"; exit 0; }
mask_real() {
	# a call the child's exit interrupts prints in two parts, under both
	# tracers alike but only now and then: joined again, per pid (strace
	# pads pids to 5 columns: the resumed rest starts after any spaces)
	awk '/ <unfinished \.\.\.>$/ { p[$1] = substr($0, 1, length($0) - 17); next }
	     /<\.\.\. bpf resumed>/ { r = $0; sub(/^[0-9]+ +<\.\.\. bpf resumed> ?/, "", r); $0 = p[$1] r }
	     { print }' "$1" |
	sed -E -e 's/^[0-9]+ +//' -e 's/0x[0-9a-f]{9,}/ADDR/g' -e 's/\) += /) = /' \
		-e 's/\b(id|btf_id)=[0-9]+/\1=N/g' \
		-e 's/load_time=[0-9]+ \/\* [^*]* \*\//load_time=T/g' |
		grep '^bpf(' | uniq
}
for v in "" -v; do
	strace $v -f -e trace=bpf -o "$WORK/ps" "$RENACER" --backend=ebpf -o /dev/null -- true ||
		fail "strace $v of renacer --backend=ebpf failed"
	"$RENACER" --backend=ptrace $v -f -e trace=bpf -o "$WORK/pr" \
		"$RENACER" --backend=ebpf -o /dev/null -- true ||
		fail "renacer $v of renacer --backend=ebpf failed"
	mask_real "$WORK/ps" >"$WORK/ps.m"
	mask_real "$WORK/pr" >"$WORK/pr.m"
	m=$(wc -l <"$WORK/ps.m")
	[ "$m" -ge 40 ] || fail "only $m bpf lines from strace $v of the eBPF backend"
	diff "$WORK/ps.m" "$WORK/pr.m" || fail "renacer's eBPF backend $v: lines differ from strace's"
	for cmd in BPF_PROG_LOAD BPF_BTF_LOAD BPF_MAP_CREATE BPF_MAP_UPDATE_ELEM BPF_MAP_FREEZE \
		BPF_LINK_CREATE BPF_OBJ_GET_INFO_BY_FD BPF_PROG_BIND_MAP; do
		grep -q "^bpf($cmd, {\|^bpf($cmd, ADDR" "$WORK/pr.m" || fail "no $cmd from the eBPF backend $v"
	done
done
grep -qF 'info={type=BPF_PROG_TYPE_TRACING, id=N' "$WORK/pr.m" || fail "no program info under -v"
echo "t_decode_bpf: ok ($n bpf lines of the tracee, $m of renacer's eBPF backend, as strace prints them)"
