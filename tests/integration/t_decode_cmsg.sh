#!/usr/bin/env bash
# Control messages of sendmsg/recvmsg (syscalls/decode_cmsg.c) and the
# message vectors of sendmmsg/recvmmsg: every line of tests/tracees/cmsgs.c's
# `-f -y` trace as strace 6.1 prints it, once what varies run to run is
# masked (tests/integration/cmsg_mask.py: pids, addresses, inodes, ports,
# timestamps, where a blocked call is split). The control buffers sit at a
# fixed address, so the "... /* 0x4000010 */" tails compare unmasked.
# The eBPF backend prints the same lines but where it copies less (bounds
# in bpf/sockmsg.bpf.h, bpf/chain.bpf.h), each printed as an address:
# control buffers over 512 bytes, messages past the 8th of an mmsg vector,
# an mmsg vector that runs into an unmapped page; and the descriptors inside
# SCM_RIGHTS print without their -y paths (the kernel resolves only those
# of the call's arguments).
. "$(dirname "$0")/lib.sh"
need_cmd strace
T=$TRACEES/cmsgs
M=$(dirname "$0")/cmsg_mask.py
# the lines name descriptors by number: the runner's own open descriptors
# (CI holds fd 3) are closed for every run, so the tracee's start at 3
CLOSE="3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-"
eval "strace -f -y -o \"\$WORK/s\" \"\$T\" </dev/null >/dev/null 2>&1 $CLOSE" || fail "strace failed"
eval "\"\$RENACER\" --backend=ptrace -f -y -o \"\$WORK/r\" \"\$T\" </dev/null >/dev/null 2>&1 $CLOSE" ||
	fail "renacer failed"
python3 "$M" "$WORK/s" >"$WORK/s.m"
python3 "$M" "$WORK/r" >"$WORK/r.m"
n=$(grep -c 'msg(' "$WORK/s.m")
[ "$n" -ge 9000 ] || fail "only $n lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
# a blocked recvmmsg prints its fd only at entry; whether the child is
# blocked before its parent sends depends on the machine's load: up to 3
# runs for one that shows it
unfin='^[0-9]+ recvmmsg\(6<socket:\[[0-9]+\]>,  <unfinished \.\.\.>$'
for _ in 1 2; do
	grep -qE "$unfin" "$WORK/r" && break
	eval "\"\$RENACER\" --backend=ptrace -f -y -o \"\$WORK/r\" \"\$T\" </dev/null >/dev/null 2>&1 $CLOSE"
done
# (in the full CI run the child has never been seen blocked in time, for a
# reason not found yet: said loudly there, and the entry part of a blocked
# recvmmsg is also checked by test_decode's test_cmsg)
if ! grep -qE "$unfin" "$WORK/r"; then
	echo "NOTE: t_decode_cmsg: the blocked recvmmsg was never split in 3 runs: its" \
		"unfinished line not compared here" >&2
fi
for call in 'cmsg_type=SCM_RIGHTS, cmsg_data=[5</dev/null>, 1</dev/null>, 3<socket:[INO]>, -1]}' \
	'cmsg_data={pid=P0, uid=0, gid=0}}, {cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[8</dev/null>, 9<socket:[INO]>]}], msg_controllen=56' \
	'msg_controllen=32, msg_flags=MSG_CTRUNC}, 0) = 5' 'msg_controllen=0, msg_flags=MSG_CTRUNC}, 0) = 5' \
	'recvmsg(6<socket:[INO]>, {msg_namelen=0}, MSG_DONTWAIT) = -1 EAGAIN' \
	'cmsg_data={ipi_ifindex=if_nametoindex("lo"), ipi_spec_dst=inet_addr("127.0.0.1"), ipi_addr=inet_addr("127.0.0.1")}}' \
	'IP_TTL, cmsg_data=[64]}' 'IP_TOS, cmsg_data=[0]}' 'IP_RECVOPTS, cmsg_data=[0x1, 0x1, 0x1, 0]}' \
	'{cmsg_len=16, cmsg_level=SOL_IP, cmsg_type=IP_RETOPTS}' \
	'IP_ORIGDSTADDR, cmsg_data={sa_family=AF_INET, sin_port=htons(PORT), sin_addr=inet_addr("127.0.0.1")}}' \
	'SO_TIMESTAMP_OLD, cmsg_data={tv_sec=S, tv_usec=N}}' 'SO_TIMESTAMPNS_OLD, cmsg_data={tv_sec=S, tv_nsec=N}}' \
	'SO_TIMESTAMPING_OLD, cmsg_data=[{tv_sec=S, tv_nsec=N}, {tv_sec=S, tv_nsec=N}, {tv_sec=S, tv_nsec=N}]}' \
	'{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPING_OLD, cmsg_data=???}], msg_controllen=60, msg_flags=MSG_CTRUNC}' \
	'cmsg_data={ee_errno=111, ee_origin=2, ee_type=3, ee_code=3, ee_info=0, ee_data=0, offender={sa_family=AF_INET, sin_port=htons(PORT), sin_addr=inet_addr("127.0.0.1")}}}' \
	'cmsg_type=SO_TIMESTAMPING_NEW, cmsg_data=[{tv_sec=S' 'cmsg_data={pid=-1, uid=4294967294, gid=4294967293}}' \
	'IP_TOS, cmsg_data=[0, 0xff, 0x80]}' 'cmsg_level=0x3e7 /* SOL_??? */, cmsg_type=0x46}' \
	'cmsg_level=SOL_SOCKET, cmsg_type=0x4 /* SCM_??? */}' 'cmsg_level=SOL_IP, cmsg_type=0 /* IP_??? */}' \
	'cmsg_level=SOL_IPV6, cmsg_type=0x1}' 'cmsg_type=SO_WIFI_STATUS}' 'cmsg_data=[0x1, 0x8, 0xf, 0x16, 0x1d, 0x24, 0x2b, 0x32, 0x39, 0x40, 0x47, 0x4e, 0x55, 0x5c, 0x63, 0x6a, 0x71, 0x78, 0x7f, 0x86, 0x8d, 0x94, 0x9b, 0xa2, 0xa9, 0xb0, 0xb7, 0xbe, 0xc5, 0xcc, 0xd3, 0xda, ...]}' \
	'{cmsg_len=0, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ... /* 0x4000010 */]' \
	'cmsg_data=[1, 2147418113, 5]}, ... /* 0x4000020 */]' 'msg_control=0x4000000, msg_controllen=15,' \
	'msg_control=NULL, msg_controllen=20,' 'msg_control=0x8, msg_controllen=20,' \
	'msg_control=0x4001ff8, msg_controllen=20,' 'cmsg_len=18446744073709551607,' \
	'cmsg_data=[299]}], msg_controllen=7200' 'cmsg_type=SCM_RIGHTS}], msg_controllen=1025,' \
	'msg_iov=0x8, msg_iovlen=2, msg_controllen=0, msg_flags=0}}], 3, 0) = 2' \
	'msg_flags=0}, msg_len=16}, ...], 40, 0) = 40' 'msg_len=4}, ...], 40, MSG_WAITFORONE, {tv_sec=S, tv_nsec=N}) = 40 (left {tv_sec=S, tv_nsec=N})' \
	'4, MSG_DONTWAIT, {tv_sec=S, tv_nsec=N}) = 1 (left {tv_sec=S, tv_nsec=N})' \
	'recvmmsg(6<socket:[INO]>, ADDR, 4, 0, 0x8) = -1 EFAULT' 'recvmmsg(6<socket:[INO]>, 0x8, 4, MSG_DONTWAIT, NULL) = -1 EFAULT' \
	'sendmmsg(-1, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="m0", iov_len=2}, {iov_base="hel", iov_len=3}], msg_iovlen=2, msg_controllen=0, msg_flags=0}}, {msg_hdr=' \
	'sendmmsg(5<socket:[INO]>, 0x8, 2, 0) = -1 EFAULT' 'sendmmsg(5<socket:[INO]>, NULL, 0, 0) = 0' \
	'sendmmsg(5<socket:[INO]>, [], 0, 0) = 0' 'msg_flags=0}}, ... /* 0x4002000 */], 2, 0) = -1 EBADF' \
	'msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5<socket:[INO]>]}], msg_controllen=24, msg_flags=0}, msg_len=16}' \
	'recvmmsg(6<socket:[INO]>, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="m0hel", iov_len=32}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_CTRUNC}, msg_len=5}], 2, MSG_WAITFORONE, NULL) = 1'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no line with $call compared"
done
echo "t_decode_cmsg: ptrace: $(wc -l <"$WORK/r.m") lines as strace prints them ($n message calls)"
if ! have_ebpf; then
	echo "t_decode_cmsg: SKIP eBPF part: the eBPF backend is unavailable here" >&2
	echo "t_decode_cmsg: ok"
	exit 0
fi
eval "\"\$RENACER\" --backend=ebpf -f -y -o \"\$WORK/e\" \"\$T\" </dev/null >/dev/null 2>&1 $CLOSE" ||
	fail "renacer --backend=ebpf failed"
python3 "$M" "$WORK/e" >"$WORK/e.m"
# line by line: equal, or one of the documented uncaptured cases
python3 - "$WORK/s.m" "$WORK/e.m" <<'PY' || fail "ebpf: lines differ from strace's"
import re, sys
s = open(sys.argv[1]).read().split("\n")
e = open(sys.argv[2]).read().split("\n")
if len(s) != len(e):
    sys.exit("ebpf: %d lines, strace %d" % (len(e), len(s)))
UNCAPTURED = re.compile(
    r"msg_control=0x4000000, msg_controllen=(1024|1025|4000|4096|7200),|"
    r"msg_len=\d+\}, \.\.\. /\* ADDR \*/\], 40, |"
    r"^P0 sendmmsg\(-1, 0x4001fc0, 2, 0\) = -1 EBADF")
FDPATH = re.compile(r"(\d)<(socket:\[INO\]|[^<>]*)>")
def nopaths(l):
    return FDPATH.sub(r"\1", l) if "cmsg_type=SCM_RIGHTS, cmsg_data=[" in l else l
same = differ = 0
for a, b in zip(s, e):
    if a == b:
        same += 1
    elif UNCAPTURED.search(b) or nopaths(a) == nopaths(b):
        differ += 1
        print("uncaptured:", b[:160], file=sys.stderr)
    else:
        print("strace: " + a + "\nebpf:   " + b, file=sys.stderr)
        sys.exit(1)
print("t_decode_cmsg: ebpf: %d lines as strace prints them, %d uncaptured" % (same, differ))
PY
echo "t_decode_cmsg: ok"
