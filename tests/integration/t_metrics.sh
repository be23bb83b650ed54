#!/usr/bin/env bash
# --metrics against the real thing: the scrape passes `promtool check metrics`
# and the Python prometheus_client parser, a real Prometheus server scrapes
# renacer every second, and the openat count it stored equals the count
# renacer's own -c table printed for the same run; on both backends. Also:
# --metrics-file, a busy port, a bad address, a scraper that never reads.
. "$(dirname "$0")/lib.sh"
need_cmd curl
need_cmd promtool
need_cmd prometheus

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Wait (up to 15 s) until URL answers.
wait_http() {
	local i
	for i in $(seq 150); do
		curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# Start a Prometheus scraping 127.0.0.1:$1 every second; its port in PPORT.
start_prometheus() {
	PPORT=$(free_port)
	cat > "$WORK/prom.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 900ms
scrape_configs:
  - job_name: renacer
    static_configs:
      - targets: ['127.0.0.1:$1']
EOF
	promtool check config "$WORK/prom.yml" >/dev/null || fail "promtool rejects our config"
	prometheus --config.file="$WORK/prom.yml" --web.listen-address="127.0.0.1:$PPORT" \
		--storage.tsdb.path="$WORK/tsdb-$1" >"$WORK/prometheus.log" 2>&1 &
	PROM_PID=$!
	wait_http "http://127.0.0.1:$PPORT/-/ready" ||
		{ tail -5 "$WORK/prometheus.log"; fail "prometheus did not become ready"; }
	# Its discovery hands targets to the scraper up to 5 s after start.
	local i
	for i in $(seq 100); do
		curl -fsS "http://127.0.0.1:$PPORT/api/v1/targets" | grep -q "127.0.0.1:$1" && return 0
		sleep 0.1
	done
	fail "prometheus never took renacer as a target"
}

stop_prometheus() {
	kill "$PROM_PID" 2>/dev/null
	wait "$PROM_PID" 2>/dev/null
}
trap 'stop_prometheus; rm -rf "$WORK"' EXIT

# The largest value Prometheus stored for a PromQL selector, or "none".
prom_max() {
	curl -fsS "http://127.0.0.1:$PPORT/api/v1/query" \
		--data-urlencode "query=max_over_time($1[5m])" |
		python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "none")'
}

check_backend() {
	local backend=$1 port calls c_calls m
	port=$(free_port)
	start_prometheus "$port"
	"$RENACER" --backend="$backend" -f -c --metrics="127.0.0.1:$port" \
		--metrics-file="$WORK/renacer.prom" -o "$WORK/c-$backend.txt" \
		-- "$TRACEES/metrics_load" 300 4000 &
	local rpid=$!
	wait_http "http://127.0.0.1:$port/metrics" || fail "$backend: /metrics never answered"
	# the 300 opens are done in well under a second; then a snapshot
	sleep 2
	curl -fsS "http://127.0.0.1:$port/metrics" > "$WORK/scrape-$backend.txt" ||
		fail "$backend: scrape failed"
	promtool check metrics < "$WORK/scrape-$backend.txt" ||
		fail "$backend: promtool check metrics rejects the scrape"
	if python3 -c 'import prometheus_client' 2>/dev/null; then
		python3 - "$WORK/scrape-$backend.txt" <<'PY' || fail "$backend: prometheus_client cannot parse the scrape"
import sys
from prometheus_client.parser import text_string_to_metric_families
fams = {f.name: f for f in text_string_to_metric_families(open(sys.argv[1]).read())}
assert "renacer_syscalls" in fams, sorted(fams)
h = fams["renacer_syscall_duration_seconds"]
assert h.type == "histogram", h.type
for s in h.samples:
    assert s.value >= 0
PY
	fi
	grep -q '^renacer_syscall_duration_seconds_bucket{syscall="openat",le="+Inf"}' \
		"$WORK/scrape-$backend.txt" || fail "$backend: no openat histogram"
	wait "$rpid" || fail "$backend: renacer exited $?"
	# -c's table and Prometheus agree on the same run
	c_calls=$(awk '$NF == "openat" { print $4 }' "$WORK/c-$backend.txt")
	[ -n "$c_calls" ] || { cat "$WORK/c-$backend.txt"; fail "$backend: no openat row in -c"; }
	[ "$c_calls" -ge 300 ] || fail "$backend: -c counted $c_calls openat, expected >= 300"
	m=$(prom_max "renacer_syscalls_total{syscall=\"openat\"}")
	[ "$m" = "$c_calls" ] || fail "$backend: Prometheus stored $m openat calls, -c printed $c_calls"
	m=$(prom_max "renacer_syscall_errors_total{syscall=\"openat\",errno=\"ENOENT\"}")
	[ "$m" -ge 150 ] 2>/dev/null || fail "$backend: ENOENT errors in Prometheus: $m (>= 150 expected)"
	# the textfile has the final figures too, and no temporary file is left
	grep -q "^renacer_syscalls_total{syscall=\"openat\"} $c_calls\$" "$WORK/renacer.prom" ||
		fail "$backend: --metrics-file does not hold the final count"
	promtool check metrics < "$WORK/renacer.prom" || fail "$backend: the textfile fails promtool"
	ls "$WORK" | grep -q 'renacer.prom.tmp' && fail "$backend: a temporary textfile was left"
	stop_prometheus
	echo "$backend: openat $c_calls calls in -c and in Prometheus; promtool ok"
}

check_backend ptrace
if have_ebpf; then
	check_backend ebpf
fi

# --summary-by=process: series labelled comm and pid (a hostile comm escaped),
# at most 100 labelled processes and the rest under comm="other".
cp "$TRACEES/metrics_load" "$WORK/q\"uo\\te"
"$RENACER" --backend=ptrace -f --summary-by=process --metrics-file="$WORK/by.prom" \
	-- "$WORK/q\"uo\\te" 10 0 || fail "--summary-by=process --metrics-file failed"
promtool check metrics < "$WORK/by.prom" || fail "labelled metrics fail promtool"
n=$(grep '^renacer_syscalls_total{comm="q\\"uo\\\\te",pid="[0-9]*",syscall="openat"} ' \
	"$WORK/by.prom" | awk '{print $2}')
[ "${n:-0}" -ge 10 ] || { grep openat "$WORK/by.prom"; fail "comm label not escaped, or $n opens"; }
"$RENACER" --backend=ptrace -f --summary-by=process --metrics-file="$WORK/cap.prom" \
	-- "$BENCHBIN/forkn" 120 2 || fail "forkn under --metrics-file failed"
pids=$(grep '^renacer_syscalls_total{' "$WORK/cap.prom" | grep -o 'pid="[0-9]*"' | sort -u | wc -l)
[ "$pids" -eq 100 ] || fail "expected 100 labelled processes, got $pids"
getppid_other=$(awk -F' ' '/^renacer_syscalls_total\{comm="other",syscall="getppid"\}/ {print $2}' \
	"$WORK/cap.prom")
[ "${getppid_other:-0}" -ge 40 ] || fail "processes past the cap are not under comm=\"other\""
promtool check metrics < "$WORK/cap.prom" || fail "capped metrics fail promtool"

# Bad input: a clear one-line error at start-up, non-zero exit, no trace.
port=$(free_port)
python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",int(sys.argv[1]))); s.listen(); open(sys.argv[2],"w").close(); time.sleep(20)' "$port" "$WORK/held" &
holder=$!
for i in $(seq 100); do [ -e "$WORK/held" ] && break; sleep 0.1; done
[ -e "$WORK/held" ] || fail "the port holder never listened"
err=$("$RENACER" --metrics="127.0.0.1:$port" -- true 2>&1) && fail "a busy port was accepted"
echo "$err" | grep -q "cannot serve metrics on 127.0.0.1:$port: Address already in use" ||
	fail "busy port message: $err"
[ "$(echo "$err" | wc -l)" -eq 1 ] || fail "busy port: more than one line: $err"
kill "$holder" 2>/dev/null
err=$("$RENACER" --metrics=999.1.1.1:80 -- true 2>&1) && fail "a bad address was accepted"
echo "$err" | grep -q 'expected \[ADDR:\]PORT' || fail "bad address message: $err"

# The wake-up timer never cuts a write of the trace short: a pipe whose
# reader is slow to start (the timer fires meanwhile) gets the whole trace.
for backend in ptrace $(have_ebpf 2>/dev/null && echo ebpf); do
	"$RENACER" --backend="$backend" --metrics=127.0.0.1:0 -C -e trace=write -- \
		sh -c 'i=0; while [ $i -lt 3000 ]; do echo $i; i=$((i+1)); done' 2>&1 >/dev/null |
		(sleep 2.5; cat) > "$WORK/piped"
	rc=${PIPESTATUS[0]}
	[ "$rc" -eq 0 ] || { tail -2 "$WORK/piped"; fail "$backend: a slow trace pipe ended the trace ($rc)"; }
	n=$(grep -c '^write(1, ' "$WORK/piped")
	[ "$n" -eq 3000 ] || fail "$backend: $n of 3000 write lines reached the slow pipe"
done

# A scraper that connects and never reads: tracing goes on at full speed and
# the command ends on time.
port=$(free_port)
"$RENACER" --backend=ptrace -c --metrics="127.0.0.1:$port" -o /dev/null \
	-- "$TRACEES/metrics_load" 20000 500 &
rpid=$!
wait_http "http://127.0.0.1:$port/metrics" || fail "/metrics never answered"
python3 - "$port" <<'PY' &
import socket, sys, time
socks = []
for _ in range(40):      # more than the connection limit, none reading
    s = socket.socket()
    s.connect(("127.0.0.1", int(sys.argv[1])))
    s.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
    socks.append(s)
time.sleep(8)
PY
stuck=$!
start=$(date +%s)
wait "$rpid" || fail "renacer with stuck scrapers exited $?"
[ $(( $(date +%s) - start )) -le 15 ] || fail "stuck scrapers held the trace up"
kill "$stuck" 2>/dev/null
echo "ok"
