#!/usr/bin/env python3
"""--metrics against -c on the eBPF backend, side by side (issue #16's goal:
--metrics costs no more than -c on the 1,000,000-read loop).

Runs are interleaved (the order rotates each round, after one warm-up round)
and each figure is the median of N runs with its range; ratios are taken
between medians of this one invocation. A Prometheus-style scraper fetches
/metrics every 100 ms during the --metrics runs, ten times more often than a
usual 1 s scrape interval, so the HTTP side is not idle.

    bench/metrics_bench.py [--runs 7] [--reads 1000000] [--backend ebpf]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
B = os.environ.get("B", "build")
RENACER = os.environ.get("RENACER", os.path.join(ROOT, B, "renacer"))
READLOOP = os.path.join(ROOT, B, "tracees", "readloop")
PORT = 19464


def scraper(stop, counts):
    url = "http://127.0.0.1:%d/metrics" % PORT
    while not stop.is_set():
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                r.read()
            counts[0] += 1
        except OSError:
            pass
        stop.wait(0.1)


def run_once(argv, scrape):
    stop, counts = threading.Event(), [0]
    th = threading.Thread(target=scraper, args=(stop, counts)) if scrape else None
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if th:
        th.start()
    _, err = p.communicate()
    dt = time.perf_counter() - t0
    if th:
        stop.set()
        th.join()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode:
        sys.exit("%s exited %d: %s" % (" ".join(argv), p.returncode, err.decode()[-300:]))
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    return dt, cpu, counts[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--reads", type=int, default=1000000)
    ap.add_argument("--backend", default="ebpf")
    a = ap.parse_args()
    r = [RENACER, "--backend=" + a.backend, "-f", "-o", "/dev/null"]
    load = [READLOOP, str(a.reads)]
    tools = [
        ("baseline", load, False),
        ("-c", r + ["-c", "--"] + load, False),
        ("--metrics", r + ["--metrics=127.0.0.1:%d" % PORT, "--"] + load, True),
        ("-c --metrics", r + ["-c", "--metrics=127.0.0.1:%d" % PORT, "--"] + load, True),
    ]
    times = {t[0]: [] for t in tools}
    scrapes = 0
    for rnd in range(a.runs + 1):
        order = tools[rnd % len(tools):] + tools[:rnd % len(tools)]
        for name, argv, scrape in order:
            dt, cpu, n = run_once(argv, scrape)
            if rnd:		# round 0 warms the caches up
                times[name].append(dt)
                scrapes += n
    base = statistics.median(times["baseline"])
    print("backend %s, readloop %s reads, %d runs each (interleaved), %d scrapes answered"
          % (a.backend, format(a.reads, ","), a.runs, scrapes))
    print("%-14s %10s %20s %10s" % ("tool", "median s", "range s", "x untraced"))
    for name, _, _ in tools:
        v = times[name]
        print("%-14s %10.4f %9.4f-%-10.4f %10.3f" % (name, statistics.median(v), min(v),
                                                   max(v), statistics.median(v) / base))
    c = statistics.median(times["-c"])
    for name in ("--metrics", "-c --metrics"):
        print("%s / -c: %.3f" % (name, statistics.median(times[name]) / c))


if __name__ == "__main__":
    main()
