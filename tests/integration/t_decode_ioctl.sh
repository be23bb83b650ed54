#!/usr/bin/env bash
# ioctl(2) as strace 6.1 prints it (syscalls/decode_ioctl*.c): every line of
# tests/tracees/ioctls.c's trace, run live under strace and under renacer,
# the same once what varies run to run is masked (addresses, the pid, the
# pty, loop device and perf event numbers, inodes, the physical offsets of
# a scratch file). The tracee drives terminals, files, pipes, sockets and
# network interfaces, /dev/random, namespace files, perf events and (where
# /dev/loop-control exists) a loop device, each request with ordinary and
# with odd arguments, then every named request on a bad descriptor. Also
# under -v -y and -e verbose=none. Descriptor numbers are compared between
# the runs, never written here: the runner may hold more descriptors.
#
# eBPF copies the argument's first 304 bytes (size ioctl_arg) at the call's
# exit, and through its pointers what SIOCGIFCONF and BLKPG point to, with
# SIOCGIFCONF's struct ifconf kept at entry: every line is compared.
. "$(dirname "$0")/lib.sh"
need_cmd strace
T=$TRACEES/ioctls
mask() {
	local pid
	pid=$(sed -nE 's/^getpid\(\) += ([0-9]+)$/\1/p' "$1" | head -1)
	# glibc's mkstemp asks getrandom for its name only now and then
	sed -n '/^getpid/,$p' "$1" | sed -E \
		-e '/^getrandom\(/d' \
		-e "s/\\b${pid:-NOPID}\\b/PID/g" \
		-e 's/0x[0-9a-f]{9,}/ADDR/g' \
		-e 's/\) += /) = /' \
		-e 's/renacer-ioctls\.[A-Za-z0-9]{6}/TMP/g' \
		-e 's#/dev/(pts/|loop)[0-9]+#/dev/\1N#g' \
		-e 's/(TIOCGPTN|TIOCGDEV|BLKGETDISKSEQ|PERF_EVENT_IOC_ID), \[[0-9]+\]/\1, [N]/' \
		-e 's/(LOOP_CTL_GET_FREE\)) = [0-9]+/\1 = N/' \
		-e 's/(fe_physical|lo_inode)=[0-9]+/\1=N/g' \
		-e 's/(pipe|socket):\[[0-9]+\]/\1:[N]/g'
}
strace -o "$WORK/s" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 500 ] || fail "only $n lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
for call in ', FIOCLEX) = 0' 'ioctl(-1, FIOCLEX) = -1 EBADF' ', TCFLSH, TCIFLUSH) = 0' \
	', TCXONC, 0x63 /* TC??? */) = -1 EINVAL' ', TCSBRK, 1) = 0' ', TIOCNOTTY) = ' \
	', TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=' \
	', TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=1, ws_ypixel=2}) = 0' \
	', TIOCGWINSZ, NULL) = -1 EFAULT' ', TIOCSWINSZ, 0x8) = -1 EFAULT' \
	', TIOCSTI, "x")' ', TIOCSTI, "\33")' ', TIOCMSET, [TIOCM_DTR|TIOCM_RTS])' \
	', TIOCMBIC, [0x10000 /* TIOCM_??? */])' ', TIOCSPTLCK, [0]) = 0' ', TIOCGPTN, [N]) = 0' \
	', FIONBIO, [1]) = 0' ', FIONREAD, [3]) = 0' ', FIONREAD, 0x8) = -1 EFAULT' \
	'ioctl(-1, FS_IOC_SETFLAGS, [FS_NOATIME_FL|FS_CASEFOLD_FL]) = -1 EBADF' \
	'FS_IOC_SETFLAGS, [0x4000000 /* FS_???_FL */])' \
	'fm_length=18446744073709551615, fm_flags=0x100 /* FIEMAP_FLAG_??? */, fm_extent_count=0})' \
	'BTRFS_IOC_CLONE_RANGE or FICLONERANGE, {src_fd=' \
	'BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE, {src_offset=0, src_length=15, dest_count=3, info=[{dest_fd=' \
	'ioctl(-1, FITHAW) = -1 EBADF' 'FITRIM, {start=0, len=4096, minlen=512})' \
	', SIOCGIFINDEX, {ifr_name="lo", ifr_ifindex=1}) = 0' \
	', SIOCGIFNAME, {ifr_ifindex=1, ifr_name="lo"}) = 0' \
	', SIOCGIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK' \
	', SIOCGIFMTU, {ifr_name="lo", ifr_mtu=' \
	', SIOCGIFADDR, {ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}}) = 0' \
	', SIOCGIFHWADDR, {ifr_name="lo", ifr_hwaddr={sa_family=ARPHRD_LOOPBACK, sa_data=00:00:00:00:00:00}}) = 0' \
	', SIOCGIFMTU, {ifr_name="nosuch0"}) = -1 ENODEV' \
	', SIOCGIFINDEX, {ifr_name="a\nlong\"interfac"...}) = -1 ENODEV' \
	', SIOCSIFHWADDR, {ifr_name="nosuch0", ifr_hwaddr={sa_family=ARPHRD_ETHER, sa_data=02:00:00:00:00:01}}) = -1 ENODEV' \
	'ifr_addr={sa_family=AF_INET6, sa_data=' ', SIOCSIFFLAGS, {ifr_name="nosuch0", ifr_flags=0})' \
	', SIOCGIFCONF, {ifc_len=640 /* 16 * sizeof(struct ifreq) */ => ' \
	'ifc_buf=[{ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}}' \
	', SIOCGIFCONF, {ifc_len=41 => 40 /* 1 * sizeof(struct ifreq) */, ifc_buf=[{ifr_name="lo"' \
	'SIOCGIFCONF, {ifc_len=640 /* 16 * sizeof(struct ifreq) */, ifc_buf=0x8}) = -1 EFAULT' \
	'ioctl(-1, SIOCBRADDIF, {ifr_ifindex=if_nametoindex("lo")})' \
	'ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, {type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_CPU_CLOCK, sample_period=1000,' \
	'ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, NULL) = -1 EBADF' \
	', SIOCATMARK, [0]) = 0' ', FIOSETOWN, [PID]) = 0' ', SIOCETHTOOL, NULL) = ' \
	'LOOP_SET_STATUS64, {lo_offset=0, lo_number=0, lo_encrypt_type=LO_CRYPT_XOR, lo_encrypt_key_size=3, lo_flags=0, lo_file_name="", lo_crypt_name="", lo_encrypt_key="key", ...})' \
	'ioctl(-1, LOOP_SET_STATUS, {lo_number=0, lo_offset=0, lo_encrypt_type=0x63 /* LO_CRYPT_??? */' \
	'ioctl(-1, LOOP_CLR_FD) = -1 EBADF' ', RNDGETENTCNT, [' \
	'RNDADDENTROPY, {entropy_count=0, buf_size=4, buf="abcd"})' \
	', NS_GET_NSTYPE) = 268435456 (CLONE_NEWUSER)' ', NS_GET_OWNER_UID, [' \
	'PERF_EVENT_IOC_RESET, PERF_IOC_FLAG_GROUP|0x2)' 'PERF_EVENT_IOC_RESET, 0x2 /* PERF_IOC_FLAG_??? */)' \
	'PERF_EVENT_IOC_SET_FILTER, "abc")' \
	'ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0xfe, 0x12, 0x40), 0) = -1 EBADF' \
	'ioctl(-1, _IOC(_IOC_NONE, 0x89, 0x99, 0), 0x8) = -1 EBADF' \
	'ioctl(-1, SNDCTL_TMR_START or TCSETS, {c_iflag=IGNBRK|INLCR|IUCLC|IUTF8|0x44430000, c_oflag=NL0|CR3|TAB0|BS0|VT1|FF0|OPOST|ONLCR|OFILL|0x48470000, c_cflag=B1200|B2400<<IBSHIFT|CS5' \
	'ioctl(-1, SIOCSIFMTU, {ifr_name="ABCDEFGHIJKLMNO"..., ifr_mtu=1414746705})' \
	'ioctl(-1, BLKTRACESETUP, {act_mask=18503, ' 'ioctl(-1, LOOP_SET_FD, 268435456)'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no line with $call compared"
done
if grep -q '^ioctl([0-9]*, LOOP_SET_FD, [0-9]*) = 0' "$WORK/r.m"; then
	for call in 'LOOP_GET_STATUS64, {lo_offset=0, lo_number=' 'lo_file_name="renacer-ioctls", ...}) = 0' \
		', BLKGETSIZE64, [1048576]) = 0' ', BLKDISCARD, [0, 4096]) = 0' \
		'BLKPG, {op=0x63 /* BLKPG_??? */, flags=0, datalen=152, data={start=0, length=4096, pno=1, devname="p", volname="v"}}) = -1 EINVAL' \
		', LOOP_CLR_FD) = 0'; do
		grep -qF -- "$call" "$WORK/r.m" || fail "no loop device line with $call compared"
	done
else
	echo "t_decode_ioctl: no loop device bound here (not root or no /dev/loop-control)" >&2
fi
# -e verbose=none (structures as their address), then -v (every termios,
# loop and fiemap field) with -y (descriptors in the structures)
for opts in "-e verbose=none" "-v -y"; do
	# shellcheck disable=SC2086
	strace $opts -o "$WORK/sv" "$T" || fail "strace $opts failed"
	# shellcheck disable=SC2086
	"$RENACER" --backend=ptrace $opts -o "$WORK/rv" "$T" || fail "renacer $opts failed"
	mask "$WORK/sv" >"$WORK/sv.m"
	mask "$WORK/rv" >"$WORK/rv.m"
	diff "$WORK/sv.m" "$WORK/rv.m" || fail "ptrace $opts: lines differ from strace's"
	if [ "$opts" = "-e verbose=none" ]; then
		set -- ', TCGETS, NULL) = -1 EFAULT' ', SIOCGIFINDEX, ADDR) = 0' \
			', FIONBIO, ADDR) = 0' ', TCFLSH, TCIFLUSH) = 0' \
			', SIOCGIFCONF, {ifc_len=640 /* 16 * sizeof(struct ifreq) */ => '
	else
		set -- 'c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c' ', c_ispeed=' \
			'LOOP_SET_STATUS64, {lo_device=makedev(0, 0), lo_inode=N, lo_rdevice=makedev(0, 0), lo_offset=0, lo_sizelimit=0' \
			'lo_encrypt_key="key", lo_init=[0, 0]})' '</dev/null>, dest_offset=0}, {dest_fd='
	fi
	for call; do
		grep -qF -- "$call" "$WORK/rv.m" || fail "no $opts line with $call compared"
	done
done
# every line the same there ('^$' skips none): SIOCGIFCONF's ifreqs and
# BLKPG's partition are copied through the pointers in the argument, and
# ifconf kept at entry (bpf/chain.bpf.h, chain_ioctl)
ebpf_vs_strace t_decode_ioctl "$T" -vE '^$' 600
echo "t_decode_ioctl: ok ($n lines as strace prints them)"
