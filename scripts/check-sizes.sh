#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Size rules for the tree's C code (issue #13): no file in frontend/, backends/,
# stats/, bpf/ or syscalls/ over 1,000 lines, no top-level function body over
# 80 lines. make test runs it (tests/integration/t_check_sizes.sh) with the
# allow-list scripts/check-sizes.allow; --all lists every function.
#
#   bash scripts/check-sizes.sh [--all] [--allow FILE] [DIR...]   (DIRs from the repository root)
cd "$(dirname "$0")/.." || exit 1
allow=(--allow scripts/check-sizes.allow)
for a in "$@"; do [ "$a" = --allow ] && allow=(); done
exec python3 - "${allow[@]}" "$@" <<'PY'
"""No source file over MAX_FILE lines, no top-level function body over
MAX_FUNC lines (the body: the lines between its braces).

Kernel style makes functions easy to find without a parser: the opening
brace of a function body is alone on a line in column 0 and its closing
brace is the next line that starts with "}" in column 0; the function's
name is the identifier before the first "(" of the header above the brace.
Tables and struct definitions open their brace at the end of a line, so
they are not counted.

Prints one line per offender. Offenders named in the allow-list file
("path" for a file, "path:function" for a function) are reported as
allowed; an allow-list entry that is no longer an offender is an error,
so the list only shrinks. Exit status 1 on any other offender.
"""
import os
import re
import sys

MAX_FILE = 1000
MAX_FUNC = 80
DIRS = ["frontend", "backends", "stats", "bpf", "syscalls"]
NAME_RE = re.compile(r"([A-Za-z_][A-Za-z_0-9]*)\s*\($")


def func_name(header):
    """The name in a function header (the lines above the brace, joined)."""
    depth = 0
    # The name is followed by the first "(" at nesting depth 0 that is not
    # part of an attribute or a SEC("...") annotation: take the last "("
    # that closes at the end of the header.
    for i in range(len(header) - 1, -1, -1):
        c = header[i]
        if c == ")":
            depth += 1
        elif c == "(":
            depth -= 1
            if depth == 0:
                m = NAME_RE.search(header[: i + 1])
                if not m or m.group(1) in ("__attribute__", "SEC"):
                    continue
                # BPF_PROG(name, args...) and friends: the name is the first argument.
                if m.group(1).startswith("BPF_"):
                    return header[i + 1:].split(",")[0].split(")")[0].strip()
                return m.group(1)
    return None


def functions(lines):
    """Yield (name, first body line number, body length) for each function."""
    i = 0
    while i < len(lines):
        s = lines[i].rstrip()
        # "{" alone in column 0, or (other styles) a column-0 header ending "...) {"
        same_line = re.match(r"[A-Za-z_].*\)\s*\{$", s) and "=" not in s
        if s != "{" and not same_line:
            i += 1
            continue
        # The header: the lines above, back to a blank line, a comment end,
        # a preprocessor line or the end of the previous definition.
        j = i - 1
        head = [s[:-1].strip()] if same_line else []
        while j >= 0:
            s = lines[j].rstrip()
            if not s or s.endswith("*/") or s.startswith("#") or s.startswith("}") or \
                    s.endswith(";"):
                break
            head.insert(0, s.strip())
            j -= 1
        k = i + 1
        while k < len(lines) and not lines[k].startswith("}"):
            k += 1
        name = func_name(" ".join(head))
        if name:
            yield name, i + 1, k - i - 1
        i = k + 1


def sources(dirs):
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if f.endswith((".c", ".h")):
                    yield os.path.join(root, f)


def main(argv):
    allow_file = None
    show_all = False
    dirs = []
    args = iter(argv)
    for a in args:
        if a == "--allow":
            allow_file = next(args)
        elif a == "--all":
            show_all = True
        else:
            dirs.append(a.rstrip("/"))
    allow = set()
    if allow_file:
        with open(allow_file) as fh:
            for line in fh:
                line = line.split("#", 1)[0].strip()
                if line:
                    allow.add(line)
    found = set()
    bad = 0
    biggest_file = ("", 0)
    biggest_func = ("", 0)
    for path in sorted(sources(dirs or DIRS)):
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        n = len(lines)
        if n > biggest_file[1]:
            biggest_file = (path, n)
        if n > MAX_FILE:
            found.add(path)
            tag = "allowed" if path in allow else "TOO BIG"
            bad += path not in allow
            print(f"{tag}: {path}: {n} lines (limit {MAX_FILE})")
        for name, line, body in functions(lines):
            key = f"{path}:{name}"
            if body > biggest_func[1]:
                biggest_func = (key, body)
            if body > MAX_FUNC:
                found.add(key)
                tag = "allowed" if key in allow else "TOO LONG"
                bad += key not in allow
                print(f"{tag}: {path}:{line}: {name}(): {body} lines (limit {MAX_FUNC})")
            elif show_all:
                print(f"ok: {path}:{line}: {name}(): {body} lines")
    for stale in sorted(allow - found):
        print(f"STALE: {stale} is within the limits now: remove it from {allow_file}")
        bad += 1
    print(f"biggest file {biggest_file[0]} ({biggest_file[1]} lines), "
          f"longest function {biggest_func[0]} ({biggest_func[1]} lines)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
PY
