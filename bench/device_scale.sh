#!/bin/sh
# Issue #17 on the 16-core machine, as one prepared run (not run on a
# device by its author; the 2-core figures are in bench/results/scale-2core.txt):
#   1. bench/scale_bench.sh: the cost per call of -c, per-call JSON and
#      --sample=100 with 1, 2, 4, 8 and 16 threads, beside the untraced storm;
#   2. bench/ebpf_startup.py: where eBPF start-up goes (open, load, attach,
#      destroy, the verifier per program), per-call and -c;
#   3. --sample and --rate-limit on the 16-thread storm (counts add up).
# Prepare here, then run there with carry [".dev"]:
#   ../shared/tools/device-bundle.sh bench/scale_storm.c tests/tracees/storm.c
#   sh bench/device_scale.sh            (writes $OUT/scale-16core.txt, startup-16core.txt)
# About 3-5 minutes there; keep_s below bounds each part.
set -u
D=${BUNDLE:-.dev}
R=${R:-$D/rn}
OUT=${OUT:-/tmp/device_scale}
mkdir -p "$OUT"
[ -x "$R" ] && [ -x $D/bin/scale_storm ] ||
	{ echo "device_scale: build the bundle first (see the header)" >&2; exit 1; }
{
	echo "== $(uname -r), $(nproc) CPUs"
	$R --backend=ebpf -c -o /dev/null -- true && echo "eBPF loads"
} >"$OUT/env.txt" 2>&1
cat "$OUT/env.txt"

# 1. cost per call against threads (N calls per thread: 3,200,000 at 16)
timeout 300 env RENACER=$R STORM=$D/bin/scale_storm N=${N:-200000} REPS=${REPS:-5} \
	bash bench/scale_bench.sh ${THREADS:-1 2 4 8 16} >"$OUT/scale-16core.txt" 2>&1
echo "scale rc=$?"; cat "$OUT/scale-16core.txt"

# 2. start-up phases (per-call and -c), 15 interleaved runs, verifier per program
timeout 120 python3 bench/ebpf_startup.py --runs ${STARTUP_RUNS:-15} --renacer "$R" \
	--out "$OUT/startup-16core.txt" >/dev/null 2>"$OUT/startup.err"
echo "startup rc=$?"; cat "$OUT/startup-16core.txt" "$OUT/startup.err"

# 3. back-pressure on the 16-thread storm: recorded + sampled out + lost = calls
if [ -x $D/bin/storm ]; then
	for opt in --sample=10 --rate-limit=100000; do
		timeout 60 $R --backend=ebpf -f --format=json $opt -e trace=getppid \
			-o /tmp/ds.json -- $D/bin/storm -t 15 ${SN:-200000} >/dev/null 2>/tmp/ds.err
		echo "== $opt: rc=$? $(grep -c '"getppid"' /tmp/ds.json) recorded of $((16 * ${SN:-200000}))"
		cat /tmp/ds.err
	done >"$OUT/sample-16core.txt" 2>&1
	cat "$OUT/sample-16core.txt"
fi
