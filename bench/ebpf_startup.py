#!/usr/bin/env python3
"""Where the eBPF backend's fixed cost goes, for a command that does nothing.

    bench/ebpf_startup.py [--runs N] [--renacer PATH] [--baseline PATH] [--out FILE]

Runs `renacer --debug --backend=ebpf -o /dev/null -- /bin/true` (per-call
mode) and the same with -c, N times each, interleaved with the untraced
command, and prints the median of every phase renacer reports under --debug
(open, load, ring, maps, attach, spawn, run, destroy), the wall time added
over the untraced run, and (from one -dd run) the verifier's time per program.
With --baseline OLD (another build of renacer), each mode runs under both,
interleaved, and every figure shows OLD / NEW side by side; a third mode,
-e trace=getppid -e signal=none, shows what options that need fewer programs
save. Not a test: numbers, side by side, from one run on this machine.
"""
import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time

PHASE = re.compile(r"(\w+) ([\d.]+) ms")


def cpu_children():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (ru.ru_utime + ru.ru_stime) * 1e3


CPU = {}


def run(cmd):
    c = cpu_children()
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - t) * 1e3
    CPU[tuple(cmd)] = cpu_children() - c
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
    ap.add_argument("--baseline", help="an older renacer to compare with, side by side")
    ap.add_argument("--out")
    a = ap.parse_args()
    cmd = ["/bin/true"]
    modes = {"per-call": [], "-c": ["-c"]}
    bins = {"": a.renacer}
    if a.baseline:
        modes["trace=getppid"] = ["-e", "trace=getppid", "-e", "signal=none"]
        bins = {"old ": a.baseline, "new ": a.renacer}
    cols = [(b, m) for m in modes for b in bins]
    walls = {"untraced": []}
    cpus = {}
    ph = {c: {} for c in cols}
    for _ in range(a.runs):
        walls["untraced"].append(run(cmd)[0])
        cpus.setdefault("untraced", []).append(CPU.popitem()[1])
        for b, m in cols:
            w, err = run([bins[b], "--debug", "--backend=ebpf", "-o", "/dev/null"] +
                         modes[m] + ["--"] + cmd)
            walls.setdefault((b, m), []).append(w)
            cpus.setdefault((b, m), []).append(CPU.popitem()[1])
            for k, v in phases(err).items():
                ph[(b, m)].setdefault(k, []).append(v)
    base = statistics.median(walls["untraced"])
    out = ["# eBPF start-up and shutdown of `renacer --backend=ebpf -- /bin/true`", "",
           "Median of %d interleaved runs; untraced /bin/true %.2f ms." % (a.runs, base), ""]
    if a.baseline:
        out += ["old: %s, new: %s" % (a.baseline, a.renacer), ""]
    out += ["| phase (ms) | " + " | ".join(b + m for b, m in cols) + " |",
            "|---|" + "---:|" * len(cols)]
    names = []
    for c in cols:
        names += [k for k in ph[c] if k not in names]
    for k in names:
        out.append("| %s | %s |" % (k, " | ".join(
            "%.2f" % statistics.median(ph[c][k]) if k in ph[c] else "-" for c in cols)))
    out.append("| **wall added** | %s |" % " | ".join(
        "**%.2f**" % (statistics.median(walls[c]) - base) for c in cols))
    cbase = statistics.median(cpus["untraced"])
    out.append("| **CPU added** (user+sys) | %s |" % " | ".join(
        "**%.2f**" % (statistics.median(cpus[c]) - cbase) for c in cols))
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
