#!/bin/sh
# One prepared device run: the CO-RE object on another kernel, --metrics and
# --format=perfetto there, and the 16-thread storm as #17's starting point.
set -u
R=.dev/rn; T=.dev/bin
{
echo "== uname"; uname -r; nproc
echo "== ebpf -c (load + in-kernel errno counts)"
$R --backend=ebpf -f -c -o $OUT/c.txt -- $T/metrics_load 300 0; echo "rc=$?"; grep -E 'openat|total' $OUT/c.txt
echo "== ebpf --metrics-file"
$R --backend=ebpf -f --metrics-file=$OUT/m.prom -- $T/metrics_load 300 1500; echo "rc=$?"
grep -E '^renacer_syscalls_total\{syscall="openat"\}|errno="ENOENT"|ring_buffer' $OUT/m.prom | grep -v bucket
echo "== ebpf --debug timing"
$R --backend=ebpf --debug -c -o /dev/null -- true 2>&1 | grep -i 'timing\|backend'
echo "== perfetto on 16 threads"
$R --backend=ebpf -f --format=perfetto -o /tmp/p.json -- $T/storm -t 15 2000; echo "rc=$?"
python3 -c 'import json,sys; d=json.load(open("/tmp/p.json")); e=d["traceEvents"]; print("events", len(e), "X", sum(1 for x in e if x.get("ph")=="X"))' 2>&1
echo "== storm 16 threads x 200000 getppid, per-call JSON (issue #17 baseline)"
for i in 1 2 3; do /usr/bin/time -f "%e s %M KB" $R --backend=ebpf -f --format=json -o /tmp/s.json -- $T/storm -t 15 200000 2>&1 | tail -2; wc -l < /tmp/s.json; done
echo "== -c on the same storm"
/usr/bin/time -f "%e s" $R --backend=ebpf -f -c -o /tmp/c2.txt -- $T/storm -t 15 200000 2>&1 | tail -1; grep getppid /tmp/c2.txt
echo "== ptrace sanity"
$R --backend=ptrace -c -o /dev/null -- $T/metrics_load 10 0; echo "rc=$?"
} > $OUT/device.txt 2>&1
cat $OUT/device.txt
