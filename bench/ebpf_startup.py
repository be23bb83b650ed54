#!/usr/bin/env python3
"""Where the eBPF backend's fixed cost goes, for a command that does nothing.

    bench/ebpf_startup.py [--runs N] [--renacer PATH] [--out FILE]

Runs `renacer --debug --backend=ebpf -o /dev/null -- /bin/true` (per-call
mode) and the same with -c, N times each, interleaved with the untraced
command, and prints the median of every phase renacer reports under --debug
(open, load, ring, maps, attach, spawn, run, destroy), the wall time added
over the untraced run, and (from one -dd run) the verifier's time per program.
Not a test: numbers, side by side, from one run on this machine.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

PHASE = re.compile(r"(\w+) ([\d.]+) ms")


def run(cmd):
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - t) * 1e3
    if p.returncode != 0:
        sys.exit("ebpf_startup: %s failed: %s" % (" ".join(cmd), p.stderr.strip()))
    return wall, p.stderr


def phases(stderr):
    for line in stderr.splitlines():
        if line.startswith("renacer: eBPF timing:"):
            return {k: float(v) for k, v in PHASE.findall(line)}
    return {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--renacer", default=os.environ.get("RENACER", "build/renacer"))
    ap.add_argument("--out")
    a = ap.parse_args()
    cmd = ["/bin/true"]
    modes = {"per-call": [], "-c": ["-c"]}
    walls = {"untraced": []}
    ph = {m: {} for m in modes}
    for _ in range(a.runs):
        walls["untraced"].append(run(cmd)[0])
        for m, extra in modes.items():
            w, err = run([a.renacer, "--debug", "--backend=ebpf", "-o", "/dev/null"] + extra +
                         ["--"] + cmd)
            walls.setdefault(m, []).append(w)
            for k, v in phases(err).items():
                ph[m].setdefault(k, []).append(v)
    base = statistics.median(walls["untraced"])
    out = ["# eBPF start-up and shutdown of `renacer --backend=ebpf -- /bin/true`", "",
           "Median of %d interleaved runs; untraced /bin/true %.2f ms." % (a.runs, base), "",
           "| phase (ms) | " + " | ".join(modes) + " |", "|---|" + "---:|" * len(modes)]
    names = []
    for m in modes:
        names += [k for k in ph[m] if k not in names]
    for k in names:
        out.append("| %s | %s |" % (k, " | ".join(
            "%.2f" % statistics.median(ph[m][k]) if k in ph[m] else "-" for m in modes)))
    out.append("| **wall added** | %s |" % " | ".join(
        "**%.2f**" % (statistics.median(walls[m]) - base) for m in modes))
    _, err = run([a.renacer, "-dd", "--backend=ebpf", "-o", "/dev/null", "--"] + cmd)
    out += ["", "Verifier, per program loaded (one `-dd` run):", "",
            "| program | verification (us) | insns processed |", "|---|---:|---:|"]
    for line in err.splitlines():
        m = re.match(r"renacer: eBPF program (\w+): verification time (\d+) usec.*"
                     r"processed (\d+) insns", line)
        if m:
            out.append("| %s | %s | %s |" % m.groups())
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
