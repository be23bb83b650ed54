#!/usr/bin/env python3
"""Mask a `-f -o FILE` trace of tests/tracees/cmsgs for t_decode_cmsg.sh.

    cmsg_mask.py TRACE > MASKED

From the tracee's getpid() on; pids become P0, P1 ... in the order they
first lead a line; a call split by another task's line ("<unfinished ...>",
"<... name resumed>") is joined back, and each task's lines are printed
together, since where a split falls depends on scheduling; addresses,
inode numbers, ports and times (timestamps, the timeout left) are masked.
"""
import re
import sys

LINE = re.compile(r"^(\d+) +(.*)$")
UNFIN = re.compile(r"^(.*?) ?<unfinished \.\.\.>$")
RESUMED = re.compile(r"^<\.\.\. ([a-z_0-9]+) resumed>(.*)$")
MASKS = [
    (re.compile(r"0x[0-9a-f]{9,}"), "ADDR"),
    (re.compile(r"(socket|pipe):\[\d+\]"), r"\1:[INO]"),
    (re.compile(r"htons\(\d+\)"), "htons(PORT)"),
    (re.compile(r"tv_sec=-?\d+, tv_(n|u)sec=\d+"), r"tv_sec=S, tv_\1sec=N"),
    (re.compile(r"\) += "), ") = "),
]


def main(path):
    raw = [l.rstrip("\n") for l in open(path, errors="replace")]
    start = next((i for i, l in enumerate(raw) if " getpid() " in l), 0)
    pids, tasks, pending = {}, {}, {}
    for l in raw[start:]:
        m = LINE.match(l)
        if m and m.group(1) not in pids:
            pids[m.group(1)] = "P%d" % len(pids)
    pid_re = re.compile(r"\b(%s)\b" % "|".join(pids)) if pids else None
    for l in raw[start:]:
        m = LINE.match(l)
        if not m:
            continue
        pid, rest = m.group(1), m.group(2)
        lines = tasks.setdefault(pid, [])
        u = UNFIN.match(rest)
        r = RESUMED.match(rest)
        if u and not r:
            pending[pid] = len(lines)
            lines.append(u.group(1))
            continue
        if r and pid in pending:
            i = pending.pop(pid)
            lines[i] = lines[i] + (" " if lines[i].endswith(",") else "") + r.group(2)
            continue
        lines.append(rest)
    for pid, lines in tasks.items():
        for l in lines:
            for rx, rep in MASKS:
                l = rx.sub(rep, l)
            if pid_re:
                l = pid_re.sub(lambda m: pids[m.group(1)], l)
            print(pids[pid], l)


main(sys.argv[1])
