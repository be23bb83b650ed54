#!/usr/bin/env bash
# System V IPC control calls (syscalls/decode_ipc.c): every line of
# tests/tracees/sysvipc.c's trace as strace 6.1 prints it: shmctl, msgctl and
# semctl with the structures IPC_SET reads and IPC_STAT/SHM_STAT/IPC_INFO/
# SHM_INFO/MSG_INFO/SEM_INFO fill, SHM_DEST in a mode, a key above INT_MAX,
# bad ids, IPC_64 and unknown commands. Masked: the pid, the addresses, the
# ids the *get calls return (named in order of appearance), the times.
# The eBPF backend copies these structures at exit when the call succeeded,
# and IPC_SET's input however it ended (chain=ipc_ctl): every line equal.
. "$(dirname "$0")/lib.sh"
need_cmd strace
T=$TRACEES/sysvipc
mask() {
	sed -n '/^getpid/,$p' "$1" | python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
pid = re.match(r"getpid\(\) += (\d+)", lines[0]).group(1)
ids = {}
def name(kind, i):
    return ids.get((kind, i), i)
out = []
for l in lines:
    m = re.match(r"(shm|msg|sem)get\(.*\) += (\d+)$", l)
    if m:
        ids.setdefault((m.group(1), m.group(2)), "%s%d" % (m.group(1).upper(), len(ids)))
    l = re.sub(r"\b%s\b" % pid, "PID", l)
    l = re.sub(r"0x[0-9a-f]{9,}", "ADDR", l)
    l = re.sub(r"(_[a-z]?time)=[1-9]\d*", r"\1=T", l)
    l = re.sub(r"\) += ", ") = ", l)
    # the *_INFO commands return the highest index in use: other tests
    l = re.sub(r"(_INFO, .*\) = )\d+$", r"\1IDX", l)
    # and what MSG_INFO/SHM_INFO/SEM_INFO count is system-wide use, which
    # other processes change between runs (the limits IPC_INFO gives stay)
    if re.search(r"(MSG|SHM|SEM)_INFO, \{", l):
        l = re.sub(r"\b(msgpool|msgmap|msgtql|used_ids|shm_tot|shm_rss|shm_swp|swap_attempts|"
                   r"swap_successes|semusz|semaem)=\d+", r"\1=U", l)
    l = re.sub(r"^(shm|msg|sem)(ctl\()(\d+)", lambda m: m.group(1) + m.group(2) + name(m.group(1), m.group(3)), l)
    l = re.sub(r"^(shm|msg|sem)(get\(.*\) = )(\d+)$", lambda m: m.group(1) + m.group(2) + name(m.group(1), m.group(3)), l)
    l = re.sub(r"^(shmat\()(\d+)", lambda m: m.group(1) + name("shm", m.group(2)), l)
    l = re.sub(r"^(shm|msg|sem)(ctl\(.*(?:SHM|MSG|SEM)_STAT(?:_ANY)?, .*\) = )(\d+)$", lambda m: m.group(1) + m.group(2) + name(m.group(1), m.group(3)), l)
    out.append(l)
print("\n".join(out))
'
}
strace -o "$WORK/s" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(grep -c 'ctl(' "$WORK/s.m")
[ "$n" -ge 70 ] || fail "only $n control calls from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
for call in 'shmctl(SHM0, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0640, key=0, cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=PID, shm_lpid=PID, shm_nattch=1, shm_atime=T, shm_dtime=0, shm_ctime=T}) = 0' \
	'shmctl(SHM0, IPC_SET, {shm_perm={uid=0, gid=0, mode=0600}}) = 0' \
	'mode=01600, key=0' 'key=2655652865, cuid=0' \
	'shmctl(SHM0, SHM_INFO, {used_ids=' 'shmctl(SHM0, IPC_INFO, {shmmax=' \
	'shmctl(-1, IPC_SET, {shm_perm={uid=0, gid=0, mode=01600}}) = -1 EINVAL' \
	'shmctl(-1, IPC_STAT, ADDR) = -1 EINVAL' 'shmctl(0, IPC_STAT, NULL) = -1 EINVAL' \
	'shmctl(-1, 0x63 /* SHM_??? */, ADDR)' 'shmctl(-1, IPC_64|IPC_STAT, ADDR)' \
	'shmctl(-1, SHM_LOCK, NULL)' \
	'msg_stime=0, msg_rtime=0, msg_ctime=T, msg_qnum=0, msg_qbytes=' \
	'msgctl(MSG2, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=' \
	'msgctl(MSG2, MSG_INFO, {msgpool=' 'msgctl(-1, 0x63 /* MSG_??? */, ADDR)' \
	'semctl(SEM4, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, sem_otime=0, sem_ctime=T, sem_nsems=3}) = 0' \
	'semctl(SEM4, 0, SEM_INFO, {semmap=' 'semctl(SEM4, 0, GETPID, NULL) = PID' \
	'semctl(-1, 0, IPC_64|IPC_STAT, NULL)' 'semctl(-1, 0, 0x63 /* SEM_??? */, NULL)'; do
	grep -qF -- "$call" "$WORK/r.m" || fail "no line with: $call"
done
# -e verbose=none: the structures print as addresses, as strace's -e verbose=none
strace -e verbose=none -o "$WORK/sv" "$T" || fail "strace -e verbose=none failed"
"$RENACER" --backend=ptrace -e verbose=none -o "$WORK/rv" "$T" || fail "renacer -e verbose=none failed"
mask "$WORK/sv" >"$WORK/sv.m"
mask "$WORK/rv" >"$WORK/rv.m"
diff "$WORK/sv.m" "$WORK/rv.m" || fail "ptrace -e verbose=none: lines differ from strace's"
ebpf_vs_strace t_decode_ipc "$T" -vE '^$' 75
echo "t_decode_ipc: OK ($n control calls identical to strace)"
