#!/usr/bin/env python3
"""Compare a strace text trace with a renacer JSON Lines trace of the same program.

    tracecmp.py STRACE_OUT RENACER_JSONL

Each side becomes, per task, the sequence of (syscall, outcome) where outcome is
"ok" or the errno name. Tasks are compared as a multiset of sequences, so the
comparison does not depend on process ids or on which task ran first.

Calls whose number or result depends on scheduling, not on the program, are
left out on both sides (futex, wait4, sched_yield, restart_syscall,
rt_sigreturn, rt_sigsuspend, and any call that failed with EINTR, EAGAIN or an
ERESTART* code); everything else must agree exactly. Exits a non-zero status
and prints the first difference when the traces disagree.
"""
import collections
import json
import re
import sys

TIMING = {"futex", "wait4", "waitid", "sched_yield", "restart_syscall", "rt_sigreturn",
          "rt_sigsuspend", "clock_nanosleep", "nanosleep", "poll", "ppoll", "pselect6",
          "select", "epoll_wait", "epoll_pwait"}
TIMING_ERRNO = {"EINTR", "EAGAIN", "ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND",
                "ERESTART_RESTARTBLOCK"}

LINE = re.compile(r"^(\d+)\s+(.*)$")
CALL = re.compile(r"^([a-z_0-9]+)\(")
RESUMED = re.compile(r"^<\.\.\. ([a-z_0-9]+) resumed>")
RESULT = re.compile(r"\)\s+= (-?\d+|0x[0-9a-f]+|\?)(?: ([A-Z_0-9]+))?")


def keep(name, err):
    return name not in TIMING and err not in TIMING_ERRNO


def parse_strace(path):
    seqs = collections.defaultdict(list)
    pending = {}
    with open(path, errors="replace") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if not m:
                continue
            pid, rest = int(m.group(1)), m.group(2)
            if rest.startswith(("---", "+++")):
                continue
            r = RESUMED.match(rest)
            if r:
                name = r.group(1)
            else:
                c = CALL.match(rest)
                if not c:
                    continue
                name = c.group(1)
                if rest.endswith("<unfinished ...>"):
                    pending[pid] = name
                    continue
            res = RESULT.search(rest)
            if not res:
                continue
            if res.group(1) == "?":
                outcome = "?"
            elif res.group(1) == "-1" and res.group(2):
                outcome = res.group(2)
            else:
                outcome = "ok"
            pending.pop(pid, None)
            if keep(name, outcome):
                seqs[pid].append((name, outcome))
    return seqs


def parse_renacer(path):
    seqs = collections.defaultdict(list)
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as e:
                sys.exit("tracecmp: %s:%d is not valid JSON: %s" % (path, n, e))
            if rec.get("type") != "syscall":
                continue
            if rec.get("unfinished"):
                outcome = "?"
            elif rec.get("errno"):
                outcome = rec["errno"]
            else:
                outcome = "ok"
            if keep(rec["syscall"], outcome):
                seqs[rec["pid"]].append((rec["syscall"], outcome))
    return seqs


def render(seq):
    return " ".join("%s=%s" % c for c in seq)


def main():
    s = parse_strace(sys.argv[1])
    r = parse_renacer(sys.argv[2])
    ss = sorted(render(v) for v in s.values())
    rs = sorted(render(v) for v in r.values())
    total_s = sum(len(v) for v in s.values())
    total_r = sum(len(v) for v in r.values())
    print("tracecmp: strace %d tasks %d calls, renacer %d tasks %d calls"
          % (len(ss), total_s, len(rs), total_r))
    if ss == rs:
        return 0
    only_s = collections.Counter(ss) - collections.Counter(rs)
    only_r = collections.Counter(rs) - collections.Counter(ss)
    for a, b in zip(sorted(only_s), sorted(only_r)):
        sa, sb = a.split(" "), b.split(" ")
        i = next((k for k, (x, y) in enumerate(zip(sa, sb)) if x != y), min(len(sa), len(sb)))
        print("first difference at call %d of a task:" % i)
        print("  strace : ...", " ".join(sa[max(0, i - 3):i + 3]))
        print("  renacer: ...", " ".join(sb[max(0, i - 3):i + 3]))
    if len(only_s) != len(only_r):
        print("task counts differ: strace-only %d, renacer-only %d" % (len(only_s), len(only_r)))
    return 1


if __name__ == "__main__":
    sys.exit(main())
