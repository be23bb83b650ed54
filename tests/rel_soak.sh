#!/usr/bin/env bash
# make soak: renacer -f -c --summary-interval=10 over a busy program (rel_busy) for
# SOAK_SECONDS (default 600) on each backend in SOAK_BACKENDS, sampling
# renacer's resident memory (VmRSS) every SOAK_SAMPLE seconds. Passes when
# the RSS after the first minute never exceeds the RSS at one minute by more
# than SOAK_SLACK_KB (default 1024). Prints the curve as "seconds rss_kb".
set -u
: "${B:=build}" "${RENACER:=$PWD/$B/renacer}" "${TRACEES:=$PWD/$B/tracees}"
: "${SOAK_SECONDS:=600}" "${SOAK_SAMPLE:=5}" "${SOAK_SLACK_KB:=1024}"
: "${SOAK_BACKENDS:=ptrace ebpf}"
WARM=60
[ "$SOAK_SECONDS" -le 120 ] && WARM=$((SOAK_SECONDS / 3))
status=0

for be in $SOAK_BACKENDS; do
	if ! "$RENACER" --backend=$be -o /dev/null -- true 2>/dev/null; then
		echo "soak $be: SKIPPED: backend unavailable"
		continue
	fi
	log=$(mktemp)
	"$RENACER" --backend=$be -f -c --summary-interval=10 -o "$log" -- \
		"$TRACEES/rel_busy" "$SOAK_SECONDS" >"$log.out" &
	rpid=$!
	start=$(date +%s)
	curve=()
	while kill -0 $rpid 2>/dev/null; do
		rss=$(awk '/^VmRSS:/ {print $2}' /proc/$rpid/status 2>/dev/null)
		[ -n "$rss" ] && curve+=("$(($(date +%s) - start)) $rss")
		sleep "$SOAK_SAMPLE"
	done
	wait $rpid
	rc=$?
	echo "soak $be: $(cat "$log.out"), renacer exit $rc, $(grep -c 'summary at' "$log") interval summaries"
	printf '%s\n' "${curve[@]}" | awk -v be=$be -v warm=$WARM -v slack=$SOAK_SLACK_KB '
		{ t = $1; r = $2; print "  " be " " t " s " r " kB" }
		t <= warm { base = r }
		t > warm { if (r > max) max = r }
		END {
			if (base == "") { print "soak " be ": FAILED: no sample in the first " warm " s"; exit 1 }
			printf "soak %s: RSS at %d s %d kB, highest after %d kB (slack %d kB)\n", be, warm, base, max, slack
			if (max > base + slack) { print "soak " be ": FAILED: memory still growing"; exit 1 }
		}' || status=1
	[ $rc -eq 0 ] || { echo "soak $be: FAILED: renacer exited $rc"; status=1; }
	rm -f "$log" "$log.out"
done
exit $status
