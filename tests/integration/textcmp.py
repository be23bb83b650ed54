#!/usr/bin/env python3
"""Share of identical lines between two text traces of the same program.

    textcmp.py [--show N] REFERENCE REFERENCE2 OTHER

Both files are `-f -o FILE` text traces (strace's shape: "PID line"). Each
becomes, per task, the sequence of its lines:

- a call split by another task's line ("name(args <unfinished ...>" and later
  "<... name resumed>rest") is joined back into one line, since where a split
  falls depends on scheduling, not on the program;
- tasks are matched by content, not by pid (each task of the reference, in
  order, with the most similar task of the other trace not yet taken);
- what differs from run to run is masked: pids (every number that is a pid
  of the trace), addresses, times, random bytes, netlink sequence numbers (a clock), inode numbers of files the
  run creates, child's CPU times, and the lines whose presence depends on
  scheduling (futex, sched_yield, restart_syscall, EAGAIN/EINTR retries);
- what a process reads from /proc/PID/status: the file names its tracer's pid
  (TracerPid:), 0 when there is none (eBPF), so the bytes and the count of
  each read of it depend on the tracer, not on the program.

REFERENCE and REFERENCE2 are two runs of the reference tracer: a line of
REFERENCE that REFERENCE2 does not have is volatile (it reads something that
changes from run to run: /proc contents, the clock). Lines of a task are
aligned with difflib; where REFERENCE and OTHER differ only in volatile lines
(as many on each side) the lines count as matched. The identical share of a
program is matched lines / max(lines of either side). Prints "share N/M = S"
and, with --show, the first N differing pairs.
"""
import difflib
import re
import sys

LINE = re.compile(r"^(\d+) +(.*)$")
UNFIN = re.compile(r"^(.*?) ?<unfinished \.\.\.>$")
RESUMED = re.compile(r"^<\.\.\. ([a-z_0-9]+) resumed>(.*)$")
SCHED = re.compile(r"^(futex|sched_yield|restart_syscall|set_robust_list|rseq)\(|"
                   r"= -1 (EAGAIN|EINTR|ERESTART\w*) |= \? ERESTART")
MASKS = [
    (re.compile(r"0x[0-9a-f]{6,}"), "ADDR"),
    (re.compile(r"(tv_sec|tv_nsec|st_[amc]time(_nsec)?|ru_[us]time|si_[us]time)="
                r"[-0-9]+"), r"\1=T"),
    (re.compile(r"(st_[amc]time)=[0-9TZ:.+-]+"), r"\1=T"),
    (re.compile(r"\{tv_sec=T, tv_nsec=T\}"), "TIME"),
    (re.compile(r"(si_[us]time=T) /\* [0-9.]+ s \*/"), r"\1"),
    (re.compile(r"st_ino=\d+"), "st_ino=I"),
    (re.compile(r"(socket|pipe|anon_inode:\[\w+\]|net):\[\d+\]"), r"\1:[I]"),
    (re.compile(r"htons\(\d+\)"), "htons(P)"),
    (re.compile(r"u64=\d{9,}"), "u64=ADDR"),
    # netlink sequence numbers: iproute2 starts them at time(NULL)
    (re.compile(r"nlmsg_seq=\d{9,}"), "nlmsg_seq=S"),
    (re.compile(r'^(getrandom\()"[^"]*"(\.\.\.)?'), r'\1"R"'),
    (re.compile(r"^sysinfo\(\{.*\}\)"), "sysinfo({...})"),
    (re.compile(r"\) += "), ") = "),
]


def parse(path):
    tasks, order, open_calls = {}, [], {}
    pids = set()
    with open(path, errors="replace") as f:
        raw = [l.rstrip("\n") for l in f]
    for l in raw:
        m = LINE.match(l)
        if m:
            pids.add(m.group(1))
    for l in raw:
        m = LINE.match(l)
        if not m:
            continue
        pid, rest = m.group(1), m.group(2)
        if pid not in tasks:
            tasks[pid] = []
            order.append(pid)
        u = UNFIN.match(rest)
        if u and not rest.startswith("<..."):
            open_calls[pid] = (len(tasks[pid]), u.group(1))
            tasks[pid].append(None)
            continue
        r = RESUMED.match(rest)
        if r and pid in open_calls:
            i, head = open_calls.pop(pid)
            tasks[pid][i] = head + r.group(2)
            continue
        tasks[pid].append(rest)
    pid_re = re.compile(r"(?<![\w.])(" + "|".join(sorted(pids, key=len, reverse=True)) +
                        r")(?![\w.])") if pids else None
    out = []
    for pid in order:
        seq = []
        status_fds = set()
        for line in tasks[pid]:
            if line is None:
                continue
            if SCHED.search(line):
                continue
            line = status_reads(line, status_fds)
            for rx, rep in MASKS:
                line = rx.sub(rep, line)
            if pid_re:
                line = pid_re.sub("PID", line)
            seq.append(line)
        out.append(seq)
    return out


STATUS_OPEN = re.compile(r'^open(?:at)?\(.*"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/status"'
                         r'.*\) += (\d+)$')
CLOSE = re.compile(r"^close\((\d+)\)")
READ = re.compile(r'^(read\((\d+), )(".*"(?:\.\.\.)?)(, \d+\) += )(\d+)$')


def status_reads(line, fds):
    """A read of an open /proc/PID/status with its bytes and count masked."""
    m = STATUS_OPEN.match(line)
    if m:
        fds.add(m.group(1))
        return line
    m = CLOSE.match(line)
    if m:
        fds.discard(m.group(1))
        return line
    m = READ.match(line)
    if m and m.group(2) in fds and m.group(5) != "0":
        return m.group(1) + "STATUS" + m.group(4) + "N"
    return line


def task(seqs, i):
    return seqs[i] if i < len(seqs) else []


def pair(a, b):
    """b reordered so that b[i] is the task most like a[i] (greedy)."""
    left = list(range(len(b)))
    out = []
    for x in a:
        if not left:
            break
        best = max(left, key=lambda j: difflib.SequenceMatcher(
            None, x[:200], b[j][:200], autojunk=False).ratio())
        left.remove(best)
        out.append(b[best])
    return out + [b[j] for j in left]


def volatile(a, a2):
    """Per task of a, the indexes of the lines a2 does not have."""
    out = []
    a2 = pair(a, a2)
    for i in range(len(a)):
        x, y = task(a, i), task(a2, i)
        sm = difflib.SequenceMatcher(None, x, y, autojunk=False)
        vol = set(range(len(x)))
        for blk in sm.get_matching_blocks():
            vol -= set(range(blk.a, blk.a + blk.size))
        out.append(vol)
    return out


def compare(a, a2, b):
    matched = total = 0
    diffs = []
    vol = volatile(a, a2)
    b = pair(a, b)
    for i in range(max(len(a), len(b))):
        x, y = task(a, i), task(b, i)
        v = vol[i] if i < len(vol) else set()
        sm = difflib.SequenceMatcher(None, x, y, autojunk=False)
        total += max(len(x), len(y))
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                matched += i2 - i1
            elif tag == "replace" and i2 - i1 == j2 - j1 and \
                    all(k in v for k in range(i1, i2)):
                matched += i2 - i1
            else:
                diffs.append((x[i1:i2], y[j1:j2]))
    return matched, total, diffs


def main():
    args = sys.argv[1:]
    show = 0
    if args and args[0] == "--show":
        show, args = int(args[1]), args[2:]
    matched, total, diffs = compare(parse(args[0]), parse(args[1]), parse(args[2]))
    share = matched / total if total else 1.0
    print("share %d/%d = %.4f" % (matched, total, share))
    for x, y in diffs[:show]:
        print("  - %s" % "\n  - ".join(x[:3]))
        print("  + %s" % "\n  + ".join(y[:3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
