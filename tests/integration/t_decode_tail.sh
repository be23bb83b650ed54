#!/usr/bin/env bash
# The long tail of decoders (syscalls/decode_tail.c and friends): POSIX
# timers and their sigevent, timerfd times, NUMA policies, epoll_ctl's DEL,
# the sigqueueinfo calls and rt_sigtimedwait, times, the utime family,
# settimeofday, mount, swapon, mq_open, preadv2/pwritev2, sethostname, the
# old getdents, the SI_TIMER siginfo: every line of tests/tracees/tail.c's
# trace as strace 6.1 prints it, once what varies run to run is masked
# (addresses, pids, timers' remaining time and overruns, times()).
. "$(dirname "$0")/lib.sh"
need_cmd strace
need_root "the tracee unshares a UTS namespace for sethostname"
T=$TRACEES/tail
mask() {
	sed -n '/^timer_create/,$p' "$1" | sed -E \
		-e 's/0x[0-9a-f]{6,}/ADDR/g' \
		-e 's/(it_value=\{tv_sec=)[0-9]+, tv_nsec=[0-9]+\}\}\) = 0$/\1S, tv_nsec=N}}) = 0/' \
		-e 's/(si_overrun=)[0-9]+/\1N/; s/^(timer_getoverrun\(0\) += )[0-9]+/\1N/' \
		-e 's/(tms_[a-z]+=)[0-9]+( \/\* [0-9.]+ s \*\/)?/\1N/g; s/^(times\(.*\) += )[0-9]+/\1N/' \
		-e 's/\b(getpid|gettid)\(\)( +)= [0-9]+/\1()\2= PID/' \
		-e 's/(si_pid=|sigev_notify_thread_id=|sigqueueinfo\()[0-9]+/\1PID/g' \
		-e 's/(rt_tgsigqueueinfo\(PID, )[0-9]+/\1PID/' \
		-e 's/"(\\x[0-9a-f]{2}){8}"/"RANDOM"/'
}
strace -o "$WORK/s" "$T" || fail "strace failed"
"$RENACER" --backend=ptrace -o "$WORK/r" "$T" || fail "renacer failed"
mask "$WORK/s" >"$WORK/s.m"
mask "$WORK/r" >"$WORK/r.m"
n=$(wc -l <"$WORK/s.m")
[ "$n" -ge 50 ] || fail "only $n lines from strace"
diff "$WORK/s.m" "$WORK/r.m" || fail "ptrace: lines differ from strace's"
for call in timer_create timer_settime timer_gettime timerfd_settime get_mempolicy \
	set_mempolicy mbind rt_sigtimedwait rt_sigqueueinfo \
	rt_tgsigqueueinfo 'times({' 'utime("' 'utimes(' futimesat 'mount("' 'swapon(' \
	'mq_open(' settimeofday pwritev2 preadv2 sethostname setdomainname 'getdents(' \
	si_timerid 'rt_sigqueueinfo(PID, SIGUSR2, {})' 'rseq(0, 0x20, 0x1, 0)' \
	'{si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=PID, si_uid=0}, NULL, 8) = 12 (SIGUSR2)'; do
	grep -qF "$call" "$WORK/r.m" || fail "no $call line compared"
done
# the descriptor numbers depend on what the test runner left open
grep -qE 'EPOLL_CTL_DEL, [0-9]+, ADDR\)' "$WORK/r.m" || fail "no EPOLL_CTL_DEL line with a pointer compared"
echo "t_decode_tail: ok ($n lines as strace prints them)"
