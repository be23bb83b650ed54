#!/usr/bin/env bash
# Netlink bodies decoded as strace 6.1 decodes them, on real programs (the
# second round of netlink decoders): the nested link attributes of ip link
# and ip -6 addr (IFLA_PROTINFO as IFLA_INET6_*, IFLA_AF_SPEC, IFLA_XDP,
# IFLA_LINKINFO), routes' RTA_CACHEINFO/RTA_PREF, ip rule (fib_rule_hdr),
# ip netconf (netconfmsg), and the sock_diag requests and answers of ss -x
# (unix_diag_req/msg) and ss -0 (packet_diag_req/msg). Each program runs
# twice under strace and once under each backend; textcmp.py's share must be
# 1.0 (KNOWN_GAPS below lists the exceptions with a floor and a reason), and
# the lines holding the new structures must be among the compared ones.
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_cmd ip
need_cmd ss
D=$WORK/d
mkdir -p "$D"

# A listening AF_UNIX socket with a path, an abstract one and an AF_PACKET
# socket, so that ss -x and ss -0 have names and packet sockets to report.
# The packet socket listens to no protocol: one of ETH_P_ALL would receive
# the host's traffic, and its SK_MEMINFO would change from run to run.
python3 -c '
import socket, sys, time
a = socket.socket(socket.AF_UNIX); a.bind(sys.argv[1]); a.listen(1)
b = socket.socket(socket.AF_UNIX); b.bind("\0renacer-nl2"); b.listen(1)
try:
    p = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
except OSError:
    p = None
open(sys.argv[2], "w").close()
time.sleep(900)
' "$D/listen.sock" "$D/ready" &
helper=$!
trap 'kill $helper 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -e "$D/ready" ] && break; sleep 0.1; done

# name|tracer options|command. -s 4096 shows every attribute of a link (the
# default -s 32 cuts the list after 32 attributes, before IFLA_AF_SPEC).
PROGRAMS="ip-6-addr||ip -6 addr
ip-link|-s 4096|ip link
ip-6-link||ip -6 link
ip-d-link|-s 4096|ip -d link
ip-s-link|-s 4096|ip -s link
ip-4-addr||ip -4 addr
ip-route||ip route
ip-6-route|-s 4096|ip -6 route
ip-neigh||ip neigh
ip-rule||ip rule
ip-netconf||ip netconf
ss-xl||ss -xl
ss-xa||ss -xa
ss-tan||ss -tan
ss-uan||ss -uan
ss-0an||ss -0an
ss-tanei||ss -tanei"
command -v bridge >/dev/null 2>&1 && PROGRAMS="$PROGRAMS
bridge-link||bridge link"

# Counters move between the runs with the host's traffic (other programs
# use lo too), and textcmp.py only calls a line volatile when the two strace
# runs differ in it: the counters are masked in copies before comparing.
mask() {
	sed -E -e 's/\b((rx|tx)_[a-z_]+|multicast|collisions|reachable_time|tstamp)=[0-9]+/\1=N/g' \
		-e 's/\[(IPSTATS_MIB_|ICMP6_MIB_|SK_MEMINFO_)([A-Z0-9_]+)\]=[0-9]+/[\1\2]=N/g' \
		-e 's/\b(ndm_(confirmed|used|updated)|idiag_expires)=[0-9]+/\1=N/g' "$1" >"$1.m"
}

# name or name@backend: floor reason
KNOWN_GAPS="ss-xl: 0.98 the netns's AF_UNIX sockets come and go with other programs between runs
ss-xa: 0.98 the netns's AF_UNIX sockets come and go with other programs between runs
ss-tanei@ebpf: 0.99 name_to_handle_at's f_handle is not captured on eBPF (a cgroup lookup of ss, not a netlink line)"

backends=ptrace
have_ebpf && backends="ptrace ebpf"
table=$WORK/table
: >"$table"
while IFS='|' read -r name opts cmd; do
	for run in 1 2; do
		# shellcheck disable=SC2086
		strace $opts -f -o "$D/$name.s$run" sh -c "$cmd" >/dev/null 2>&1 </dev/null
	done
	row=$name
	for be in $backends; do
		best=0
		for try in 1 2 3; do
			# shellcheck disable=SC2086
			"$RENACER" --backend=$be $opts -f -o "$D/$name.$be" -- sh -c "$cmd" \
				>/dev/null 2>&1 </dev/null
			[ -s "$D/$name.$be" ] || fail "$name: --backend=$be wrote no trace"
			no_control_bytes "$D/$name.$be" || fail "$name: control bytes on $be"
			for f in s1 s2 $be; do mask "$D/$name.$f"; done
			share=$(python3 "$TESTDIR/textcmp.py" "$D/$name.s1.m" "$D/$name.s2.m" "$D/$name.$be.m")
			share=${share##* }
			# counters (link statistics, reachable_time) move between runs:
			# a second measure is kept when better, as t_strace_text.sh does
			best=$(python3 -c 'import sys; print(max(sys.argv[1:], key=float))' "$best" "$share")
			[ "$best" = 1.0000 ] && break
			echo "$name $be: $share, measuring again" >&2
			python3 "$TESTDIR/textcmp.py" --show 1 "$D/$name.s1.m" "$D/$name.s2.m" \
				"$D/$name.$be.m" | cut -c1-300 >&2
		done
		row="$row $be=$best"
	done
	echo "$row" >>"$table"
done <<<"$PROGRAMS"

# The new decoders must have produced the compared lines (on both tracers).
want() {
	local f=$1 pat=$2
	grep -q -- "$pat" "$D/$f.s1" || fail "strace printed no $pat in $f"
	for be in $backends; do
		grep -q -- "$pat" "$D/$f.$be" || fail "$be printed no $pat in $f"
	done
}
want ip-6-addr 'nla_type=IFLA_INET6_CONF}, \[\[DEVCONF_FORWARDING\]='
want ip-6-addr 'nla_type=IFLA_INET6_CACHEINFO}, {max_reasm_len='
want ip-link 'nla_type=IFLA_INET_CONF}, \[\[IPV4_DEVCONF_FORWARDING-1\]='
want ip-link 'nla_type=IFLA_INET6_STATS}, \[\[IPSTATS_MIB_NUM\]='
want ip-link 'nla_type=IFLA_XDP_ATTACHED}, XDP_ATTACHED_NONE'
want ip-d-link 'nla_type=IFLA_INFO_KIND}, "'
want ip-6-route 'nla_type=RTA_CACHEINFO}, {rta_clntref='
want ip-rule '{family=AF_INET, dst_len=0, src_len=0, tos=0, table='
want ip-rule 'nla_type=FRA_TABLE}'
want ip-netconf '{ncm_family=AF_INET}, \[\[{nla_len=8, nla_type=NETCONFA_IFINDEX}'
want ss-xl 'udiag_states=1<<TCP_CLOSE|1<<TCP_LISTEN, udiag_ino=0, udiag_show='
want ss-xl 'nla_type=UNIX_DIAG_NAME}, "'
want ss-xa '{udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, udiag_state=TCP_LISTEN'
want ss-0an '{sdiag_family=AF_PACKET, sdiag_protocol=0, pdiag_ino=0, pdiag_show='
if grep -q pdiag_family "$D/ss-0an.s1"; then
	want ss-0an '{pdiag_family=AF_PACKET, pdiag_type=SOCK_RAW'
else
	# ss falls back to /proc/net/packet without af_packet_diag: the
	# answers are covered by test_netlink's vectors only
	echo "ss -0an: the kernel answered no packet_diag_msg (no af_packet_diag here)" >&2
fi

python3 - "$table" "$KNOWN_GAPS" <<'PY'
import sys
gaps = {}
for line in sys.argv[2].splitlines():
    name, rest = line.split(":", 1)
    floor, why = rest.strip().split(" ", 1)
    gaps[name] = (float(floor), why)
bad = []
for r in (l.split() for l in open(sys.argv[1])):
    print("  " + " ".join(r))
    for c in r[1:]:
        be, v = c.split("=")
        g = gaps.get(r[0] + "@" + be) or gaps.get(r[0])
        floor = g[0] if g else 1.0
        if float(v) < floor:
            bad.append("%s %s %s < %.4f" % (be, r[0], v, floor))
if bad:
    sys.exit("FAIL: " + "; ".join(bad))
print("t_decode_netlink2: every program at its floor")
PY
