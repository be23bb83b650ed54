#!/usr/bin/env bash
# The command gets the signal dispositions and mask renacer was started with
# (an ignored SIGHUP, SIGINT or SIGPIPE stays ignored, as under strace), on
# both backends; renacer keeps ignoring them too. When the pipe renacer
# writes its trace to loses its reader, renacer ends the trace as on SIGPIPE
# and dies of it (141 in a shell), as strace does.
. "$(dirname "$0")/lib.sh"

backends=ptrace
have_ebpf && backends="ptrace ebpf"

# A shell loop that runs for a while and says when it got to its end.
cat >"$WORK/loop.sh" <<'LOOP'
i=0; while [ $i -lt 3000 ]; do i=$((i+1)); : >/dev/null; done; echo finished >"$1"
LOOP

for be in $backends; do
	# 1. An ignored signal stays ignored for the command.
	for sig in HUP INT PIPE; do
		out=$( (trap '' $sig; "$RENACER" --backend=$be -o /dev/null -- \
			sh -c "kill -$sig \$\$; echo survived") ) ||
			fail "$be: ignored SIG$sig: exit $? (the command died of it)"
		[ "$out" = survived ] || fail "$be: ignored SIG$sig: printed '$out'"
	done
	# The same sets, ignored and blocked, with renacer and without.
	mask='import os, signal, sys
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGWINCH])
signal.signal(signal.SIGHUP, signal.SIG_IGN)
signal.signal(signal.SIGPIPE, signal.SIG_IGN)
os.execvp(sys.argv[1], sys.argv[1:])'
	want=$(python3 -c "$mask" grep -E '^Sig(Ign|Blk)' /proc/self/status)
	got=$(python3 -c "$mask" "$RENACER" --backend=$be -o /dev/null -- \
		grep -E '^Sig(Ign|Blk)' /proc/self/status)
	[ "$got" = "$want" ] || fail "$be: the command's signal state: '$got', want '$want'"
	echo "$be: ignored HUP/INT/PIPE kept; SigIgn/SigBlk as without renacer"

	# 2. renacer itself keeps ignoring an ignored SIGHUP (nohup) ...
	(trap '' HUP; exec "$RENACER" --backend=$be -o /dev/null -- sleep 1.5) &
	r=$!
	sleep 0.5
	kill -HUP $r
	wait $r
	rc=$?
	[ $rc -eq 0 ] || fail "$be: renacer started with SIGHUP ignored exited $rc on SIGHUP"
	# ... and still ends the trace on one it was not told to ignore.
	"$RENACER" --backend=$be -o /dev/null -- sleep 5.5 &
	r=$!
	sleep 0.5
	kill -HUP $r
	wait $r
	rc=$?
	[ $rc -eq 129 ] || fail "$be: renacer exited $rc on SIGHUP, want 129"
	pgrep -f 'sleep 5.5' >/dev/null && fail "$be: the command outlived renacer's SIGHUP"

	# 3. The trace's pipe closes: killed by SIGPIPE, as strace (whose
	# command gets SIGPIPE too); nothing left stopped.
	for how in file stderr; do
		rm -f "$WORK/done"
		if [ $how = file ]; then
			"$RENACER" --backend=$be -o /dev/stdout -- sh "$WORK/loop.sh" "$WORK/done" \
				2>"$WORK/err" | head -1 >/dev/null
		else
			"$RENACER" --backend=$be -- sh "$WORK/loop.sh" "$WORK/done" 2>&1 |
				head -1 >/dev/null
		fi
		rc=${PIPESTATUS[0]}
		[ "$rc" -eq 141 ] || fail "$be: output pipe closed ($how): exit $rc, want 141"
		sleep 0.3
		[ -e "$WORK/done" ] && fail "$be: the command outlived renacer's SIGPIPE ($how)"
		pgrep -f "$WORK/loop.sh" >/dev/null && fail "$be: the command is left behind ($how)"
	done
	# With SIGPIPE ignored, a closed pipe is a write error: said, exit 1.
	(trap '' PIPE; "$RENACER" --backend=$be -o /dev/stdout -- sh "$WORK/loop.sh" "$WORK/done" \
		2>"$WORK/err" | head -1 >/dev/null; exit "${PIPESTATUS[0]}")
	rc=$?
	[ $rc -eq 1 ] || fail "$be: closed pipe with SIGPIPE ignored: exit $rc, want 1"
	grep -q 'cannot write to /dev/stdout: Broken pipe' "$WORK/err" ||
		fail "$be: no write error said: $(cat "$WORK/err")"
	echo "$be: closed output pipe: 141, command ended; with SIGPIPE ignored: exit 1"
done

# 4. -p: the target is let go, running, and renacer dies of SIGPIPE.
"$TRACEES/ticker" "$WORK/ticks" 30 0 &
tpid=$!
sleep 0.2
"$RENACER" --backend=ptrace -p $tpid -o /dev/stdout 2>/dev/null | head -1 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" -eq 141 ] || fail "-p: output pipe closed: exit $rc, want 141"
sleep 0.2
not_stopped $tpid
kill $tpid
echo "-p: closed output pipe: 141, target running"
