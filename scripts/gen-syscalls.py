#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generate the C syscall table from syscalls/syscalls.def (the format is
described at the top of that file).

  gen-syscalls.py table DEF [UNISTD_64_H]   > build/gen/syscalls_tbl.h
  gen-syscalls.py decls DEF [UNISTD_64_H]   > build/gen/decoders.h

table: struct rn_syscall_info per number (name, classes, argument kinds,
return kind, decoder, capture descriptor, -P roles) and the by-name index.
decls: the prototype of every decoder the table names.

Checks the rows against the UAPI header first: every __NR_ the header defines
must be in the table with the same name, so a newer header that adds a
syscall fails loudly instead of leaving a hole (a missing header is only
warned about). Flag and enum kinds must name a table defined in
syscalls/xlat_tables.c; the table header declares the ones it uses, so a new
constant table needs no header edit.
"""
import os
import re
import sys

MAX_ARGS = 6
CLASSES = {"TF", "TD", "TN", "TP", "TM", "TS", "TI", "TC", "TCL", "TST", "TLST", "TFST",
           "TSTA", "TSF", "TFSF", "TSFA", "TPU"}
# kind -> (enum rn_arg_kind, capture rule it implies or None)
KINDS = {
    "int": ("RN_AK_INT", None), "uint": ("RN_AK_UINT", None),
    "long": ("RN_AK_LONG", None), "ulong": ("RN_AK_ULONG", None),
    "hex": ("RN_AK_HEX", None), "xint": ("RN_AK_XINT", None), "ptr": ("RN_AK_PTR", None),
    "mode": ("RN_AK_MODE", None), "fd": ("RN_AK_FD", None),
    "dirfd": ("RN_AK_DIRFD", None), "path": ("RN_AK_PATH", "str"),
    "str": ("RN_AK_STR", "str"), "buf": ("RN_AK_BUF", "buf(NEXT)"),
    "outbuf": ("RN_AK_OUTBUF", "bufret"), "signal": ("RN_AK_SIGNAL", None),
    "timespec": ("RN_AK_TIMESPEC", "in(timespec)"),
    "flags": ("RN_AK_FLAGS", None), "enum": ("RN_AK_ENUM", None),
    "lflags": ("RN_AK_FLAGS", None), "lenum": ("RN_AK_ENUM", None),
    "pid": ("RN_AK_PID", None), "loffp": ("RN_AK_LOFFP", "in(8)"),
}
# chain=NAME -> enum rn_cap_chain (backends/capture.h)
CHAINS = {"sock", "parent_tid", "dirents", "iov_in", "iov_out", "aio", "sigsetp", "uring_reg",
          "keyctl", "quota", "quota_fd", "msg_in", "msg_out", "mincore", "ptrace", "seccomp",
          "sockopt", "ioctl", "ipc_ctl", "ipc_ctl3", "bpf", "mmsg_in", "mmsg_out"}
RETS = {"dec": "RV_DEC", "fd": "RV_FD", "hex": "RV_HEX", "oct": "RV_OCT", "none": "RV_NONE",
        "pid": "RV_PID"}
ROLE_LETTERS = set("fpPS-")


class DefError(Exception):
    pass


def split_top(s):
    """Split at the commas outside parentheses."""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    out.append(cur)
    return out


def call(s):
    """'name(a,b)' -> ('name', ['a', 'b']); 'name' -> ('name', [])."""
    m = re.fullmatch(r"(\w+)(?:\((.*)\))?", s)
    if not m:
        raise DefError(f"bad item '{s}'")
    return m.group(1), (split_top(m.group(2)) if m.group(2) is not None else [])


def read_lines(path):
    """(line number, text) per row, continuation lines joined, comments gone."""
    rows = []
    for n, raw in enumerate(open(path), 1):
        text = raw.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if text[0] in " \t":
            if not rows:
                raise DefError(f"{path}:{n}: continuation line without a row")
            ln, prev = rows[-1]
            rows[-1] = (ln, prev + ("" if prev.endswith(",") else " ") + text.strip())
        else:
            rows.append((n, text.strip()))
    return rows


def size_of(expr, sizes):
    total = 1
    for f in expr.split("*"):
        f = f.strip()
        if f.isdigit():
            total *= int(f)
        elif f in sizes:
            total *= sizes[f]
        else:
            raise DefError(f"unknown size '{f}'")
    return total


def parse_cap(rule, nargs, sizes):
    """One capture rule -> dict of struct rn_cap_arg fields."""
    name, a = call(rule)

    def argn(x):
        if not x.isdigit() or int(x) >= max(nargs, 1):
            raise DefError(f"capture '{rule}': argument {x} out of range")
        return int(x)
    simple = {"str": ("RN_CAP_STR", 0), "bufret": ("RN_CAP_BUF_RET", 1),
              "argv": ("RN_CAP_ARGV", 0)}
    if name in simple and not a:
        return {"kind": simple[name][0], "at_exit": simple[name][1]}
    if name in ("buf", "sa", "saptr") and len(a) == 1:
        kind = {"buf": "RN_CAP_BUF_ARG", "sa": "RN_CAP_SOCKADDR_ARG",
                "saptr": "RN_CAP_SOCKADDR_PTR"}[name]
        return {"kind": kind, "at_exit": int(name == "saptr"), "len_arg": argn(a[0])}
    if name in ("in", "out") and len(a) == 1:
        return {"kind": "RN_CAP_FIXED", "at_exit": int(name == "out"),
                "size": size_of(a[0], sizes)}
    if name in ("array", "array_out") and len(a) == 2:
        return {"kind": "RN_CAP_FIXED_ARGN", "at_exit": int(name == "array_out"),
                "size": size_of(a[0], sizes), "len_arg": argn(a[1])}
    raise DefError(f"bad capture rule '{rule}'")


def parse_kind(k, xlats):
    """One argument kind -> (C initialiser fields, kind name)."""
    name, a = call(k)
    if name not in KINDS:
        raise DefError(f"unknown kind '{k}'")
    fields = [f".kind = {KINDS[name][0]}"]
    if name in ("flags", "enum", "lflags", "lenum"):
        if not a or len(a) > 2:
            raise DefError(f"'{k}': which xlat table?")
        if a[0] not in xlats:
            raise DefError(f"'{k}': no table rn_xl_{a[0]} defined in syscalls/xlat_tables.c")
        fields.append(f".xl = rn_xl_{a[0]}")
        if name.startswith("l"):
            fields.append(".wide = 1")
        if name.endswith("enum"):
            fmt = f"%#llx /* {a[1]}??? */" if len(a) == 2 else "%lld"
            fields.append(f'.fmt = "{fmt}"')
        elif len(a) == 2:
            fields.append(f'.fmt = "{a[1]}"')
    elif a:
        raise DefError(f"kind '{name}' takes no parameter")
    return fields, name


def parse_row(text, sizes, xlats):
    parts = text.split()
    if len(parts) < 4:
        raise DefError("a row is NR NAME NARGS CLASSES [FIELD ...]")
    nr, name, nargs, classes = int(parts[0]), parts[1], int(parts[2]), parts[3]
    if nargs > MAX_ARGS:
        raise DefError(f"{name}: more than {MAX_ARGS} arguments")
    cls = [] if classes == "-" else classes.split("|")
    for c in cls:
        if c not in CLASSES:
            raise DefError(f"{name}: unknown class {c}")
    row = {"nr": nr, "name": name, "nargs": nargs, "classes": cls, "args": None,
           "ret": None, "dec": None, "cap": {}, "roles": None, "returns_fd": False,
           "chain": None}
    implied = {}
    for field in parts[4:]:
        key, eq, val = field.partition("=")
        if key == "returns_fd" and not eq:
            row["returns_fd"] = True
        elif key == "args" and eq:
            kinds = [parse_kind(k, xlats) for k in split_top(val)]
            if len(kinds) != nargs:
                raise DefError(f"{name}: {len(kinds)} kinds for {nargs} arguments")
            row["args"] = [f for f, _ in kinds]
            for i, (_, k) in enumerate(kinds):
                rule = KINDS[k][1]
                if rule:
                    implied[i] = parse_cap(rule.replace("NEXT", str(i + 1)), nargs, sizes)
        elif key == "ret" and val in RETS:
            row["ret"] = RETS[val]
        elif key == "dec" and re.fullmatch(r"[a-z_][a-z0-9_]*", val):
            row["dec"] = val
        elif key == "cap" and eq:
            for item in split_top(val):
                i, _, rule = item.partition(":")
                if not i.isdigit() or int(i) >= MAX_ARGS or int(i) in row["cap"]:
                    raise DefError(f"{name}: bad or repeated capture index in '{item}'")
                row["cap"][int(i)] = parse_cap(rule, nargs, sizes)
        elif key == "chain" and val in CHAINS and row["chain"] is None:
            row["chain"] = "RN_CHAIN_" + val.upper()
        elif key == "roles" and eq:
            if set(val) - ROLE_LETTERS or len(val) > MAX_ARGS:
                raise DefError(f"{name}: roles '{val}': letters are f p P S -")
            row["roles"] = val
        else:
            raise DefError(f"{name}: bad field '{field}'")
    if row["args"] is not None and row["dec"]:
        raise DefError(f"{name}: args= and dec= together")
    if row["returns_fd"] and row["roles"] is None:
        raise DefError(f"{name}: returns_fd without roles=")
    row["cap"] = {**implied, **row["cap"]}
    return row


def derive_roles(row):
    """The -P roles: the row's own, else p for the str captures of a %file
    call, then f for argument 0 of a %desc call that is not a p."""
    if row["roles"] is not None:
        return row["roles"]
    r = ["p" if "TF" in row["classes"] and row["cap"].get(a, {}).get("kind") == "RN_CAP_STR"
         else "-" for a in range(MAX_ARGS)]
    if "TD" in row["classes"] and r[0] == "-":
        r[0] = "f"
    return "".join(r)


def load(path, hdr):
    tables = os.path.join(os.path.dirname(path) or ".", "xlat_tables.c")
    xlats = set(re.findall(r"^const struct rn_xlat rn_xl_(\w+)\[\]", open(tables).read(), re.M))
    sizes, rows = {}, {}
    for n, text in read_lines(path):
        try:
            if text.startswith("size "):
                _, name, val = text.split()
                sizes[name] = int(val)
                continue
            row = parse_row(text, sizes, xlats)
        except (DefError, ValueError) as e:
            sys.exit(f"{path}:{n}: {e}")
        if row["nr"] in rows:
            sys.exit(f"{path}:{n}: number {row['nr']} twice")
        rows[row["nr"]] = row
    names = [r["name"] for r in rows.values()]
    if len(set(names)) != len(names):
        sys.exit(f"{path}: duplicate names")
    if not os.path.exists(hdr):
        print(f"gen-syscalls.py: warning: no {hdr}, table not checked", file=sys.stderr)
        return rows
    for m in re.finditer(r"#define __NR_(\w+)\s+(\d+)", open(hdr).read()):
        name, nr = m.group(1), int(m.group(2))
        if nr not in rows or rows[nr]["name"] != name:
            sys.exit(f"{path}: {hdr} has {name} = {nr}, the table does not")
    return rows


def c_cap(cap, chain):
    if not cap and not chain:
        return None
    items = []
    for i in sorted(cap):
        f = [f".kind = {cap[i]['kind']}"]
        for k in ("at_exit", "len_arg", "size"):
            if cap[i].get(k):
                f.append(f".{k} = {cap[i][k]}")
        items.append(f"[{i}] = {{ {', '.join(f)} }}")
    fields = [".arg = { " + ", ".join(items) + " }"] if items else []
    if chain:
        fields.append(f".chain = {chain}")
    return "{ " + ", ".join(fields) + " }"


def emit_table(rows, src):
    out = ["/* SPDX-License-Identifier: MIT */",
           f"/* Generated by scripts/gen-syscalls.py from {src}: do not edit. */", ""]
    used = sorted({x for r in rows.values() for a in (r["args"] or []) for x in a
                   if x.startswith(".xl = ")})
    out += [f"extern const struct rn_xlat {x[6:]}[];" for x in used] + [""]
    kind_arrays = {}
    for nr in sorted(rows):
        args = rows[nr]["args"]
        if args is None or tuple(map(tuple, args)) in kind_arrays:
            continue
        ident = f"kinds_{len(kind_arrays)}"
        kind_arrays[tuple(map(tuple, args))] = ident
        out.append(f"static const struct rn_arg_desc {ident}[] = {{")
        out += [f"\t{{ {', '.join(a)} }}," for a in args]
        out.append("\t{ .kind = RN_AK_NONE },")
        out.append("};")
    out += ["", "static const struct rn_syscall_info syscall_tbl[] = {"]
    for nr in sorted(rows):
        r = rows[nr]
        flags = " | ".join("RN_" + c for c in r["classes"]) or "0"
        f = [f'.name = "{r["name"]}"', f".nargs = {r['nargs']}", f".flags = {flags}",
             f'.roles = "{derive_roles(r)}"']
        if r["returns_fd"]:
            f.append(".returns_fd = true")
        if r["ret"]:
            f.append(f".ret = {r['ret']}")
        if r["args"] is not None:
            f += [f".args = {kind_arrays[tuple(map(tuple, r['args']))]}", ".decode = dec_args"]
        elif r["dec"]:
            f.append(f".decode = dec_{r['dec']}")
        if c_cap(r["cap"], r["chain"]):
            f.append(f".cap = {c_cap(r['cap'], r['chain'])}")
        out.append(f"\t[{nr}] = {{")
        out += [f"\t\t{x}," for x in f]
        out.append("\t},")
    out += ["};", "", "/* Numbers sorted by name, for binary search in rn_syscall_by_name(). */",
            "static const short syscall_by_name[] = {"]
    for nr in sorted(rows, key=lambda n: rows[n]["name"]):
        out.append(f"\t{nr},\t/* {rows[nr]['name']} */")
    out.append("};")
    return out


def emit_decls(rows, src):
    out = ["/* SPDX-License-Identifier: MIT */",
           f"/* Generated by scripts/gen-syscalls.py from {src}: do not edit. */",
           "/* The decoders syscalls.def names (dec=), defined in syscalls/decode_*.c. */",
           "#ifndef RN_GEN_DECODERS_H", "#define RN_GEN_DECODERS_H", "",
           '#include "syscalls/decode_int.h"', ""]
    for dec in sorted({r["dec"] for r in rows.values() if r["dec"]}):
        out.append(f"void dec_{dec}(struct dctx *c);")
    out += ["", "#endif /* RN_GEN_DECODERS_H */"]
    return out


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("table", "decls"):
        sys.exit(__doc__)
    src = sys.argv[2]
    hdr = sys.argv[3] if len(sys.argv) > 3 else "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"
    rows = load(src, hdr)
    emit = emit_table if sys.argv[1] == "table" else emit_decls
    print("\n".join(emit(rows, src)))


if __name__ == "__main__":
    main()
