#!/usr/bin/env bash
# A hostile tracee cannot break the output or renacer (t_hostile_output has
# the basics): a 1 MiB write of every byte value, a 4095-byte path of bytes
# 1..255, strings, structs and sockaddrs running into an unmapped page, an
# execve with 100,000 arguments (escape sequences and invalid UTF-8) and a
# hostile environment, and a path rewritten by another thread between entry
# and exit. On both backends, text and JSON, default -s and -s 1000000, with
# and without -v: the tracee gets the results the kernel gives it, renacer
# exits with its status, every JSON line parses (strict UTF-8) and text has no
# raw control byte.
. "$(dirname "$0")/lib.sh"
backends=ptrace
if "$RENACER" --backend=ebpf -o /dev/null -- true 2>/dev/null; then
	backends="ptrace ebpf"
else
	echo "NOTE: eBPF backend unavailable here: checking ptrace only"
fi
NARGS=${REL_EXEC_ARGS:-100000}

check() {	# $1 label, $2 file, $3 format
	if [ "$3" = json ]; then
		json_valid "$2" >/dev/null || fail "$1: invalid JSON"
	else
		no_control_bytes "$2" || fail "$1: raw control bytes in text"
	fi
}

n=0
for be in $backends; do
	for fmt in text json; do
		for opts in "" "-s 1000000" "-v" "-v -s 1000000"; do
			for run in big "exec $NARGS" "flip 3000"; do
				label="$be $fmt ${opts:-defaults} $run"
				out=$("$RENACER" --backend=$be -f --format=$fmt $opts -o "$WORK/t" \
					-- "$TRACEES/rel_hostile" $run 2>"$WORK/err")
				rc=$?
				[ $rc -eq 0 ] || fail "$label: exit $rc: $out $(tail -3 "$WORK/err")"
				case $run in
				exec*) [ -z "$out" ] || fail "$label: $out" ;;
				*) [ "$out" = "rel_hostile: ${run%% *} ok" ] || fail "$label: $out" ;;
				esac
				[ -s "$WORK/err" ] && fail "$label: renacer said: $(head -3 "$WORK/err")"
				check "$label" "$WORK/t" $fmt
				case $run in exec*)
					grep -q 'execve' "$WORK/t" || fail "$label: no execve in the trace" ;;
				esac
				if [ "$run" = big ] && [ $fmt = text ]; then
					# (the fd number depends on what renacer's caller left open)
					w=$(grep -E '^[0-9]+ +write\([0-9]+, ' "$WORK/t" | head -1)
					case $w in *', 1048576) = 1048576') ;;
					*) fail "$label: 1 MiB write shown as: ${w:0:200}" ;; esac
					# ptrace reads the whole -s; eBPF captures at most 4 KiB.
					if [ $be = ptrace ] && [ "$opts" != "${opts%1000000}" ]; then
						[ ${#w} -gt 1048576 ] ||
							fail "$label: -s 1000000 showed ${#w} bytes of the write"
					fi
				fi
				n=$((n + 1))
			done
		done
	done
done
echo "ok: $n runs, output valid"
