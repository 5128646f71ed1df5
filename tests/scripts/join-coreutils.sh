#!/usr/bin/env bash
# Conformance with GNU join: each of the 82 vectors of ../shared/data/
# coreutils-join is translated into JSON lines (one record per line, fields
# named f1, f2... by position), joined by join-records, and its output turned
# back into join(1)'s text to compare with the expected output. Vectors that
# do not apply are listed, each with its reason, in
# join-coreutils-not-applicable.txt; every other one must pass.
#
# Translation: -1/-2/-j N -> --on fN=fM; -a1 -> --how left, -a2 right, both
# full; -v1 -> anti, -v2 right-anti; -o's fields -> --left-fields and
# --right-fields (the script checks that no other field came out, then
# prints the -o list, -e filling what is missing, as join(1) does); -t, -z
# and blank-separated fields are the translation's framing. The right record
# is nested with --as r, and every left record carries a marker field "_" so
# the script tells a pair from an unpaired right record. Sorted inputs run
# with --sorted and must match join(1)'s output line for line (the merge
# join's order is join(1)'s); the hash join must give the same lines as a
# multiset. Unsorted inputs run the hash join. --check-order -> --sorted:
# where join(1) reports "FILE:LINE: is not sorted" (status 1), join-records
# must report the same FILE:LINE with status 65.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/helpers.bash"
data=${SOCRED_SHARED_DATA:-../shared/data}/coreutils-join
need_file "$data/join-cases.jsonl"
need_tool join-records
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
exec python3 - "$data/join-cases.jsonl" "$here/join-coreutils-not-applicable.txt" "$work" <<'PY'
import json, os, re, shlex, subprocess, sys
from collections import Counter

cases_path, skip_path, work = sys.argv[1:]
skip = {}
for line in open(skip_path):
    if line.strip() and not line.startswith("#"):
        name, reason = line.rstrip("\n").split("\t", 1)
        skip[name] = reason

def parse_flags(text):
    args = shlex.split(text)
    o = {"a": set(), "v": set(), "j1": 1, "j2": 1, "t": None, "z": False, "e": None,
         "o": None, "check": None}
    i = 0
    while i < len(args):
        a = args[i]
        def value():
            nonlocal i
            if len(a) > 2:
                return a[2:]
            i += 1
            return args[i]
        if a.startswith("-a"):
            o["a"].add(int(value()))
        elif a.startswith("-v"):
            o["v"].add(int(value()))
        elif a.startswith("-j"):
            o["j1"] = o["j2"] = int(value())
        elif a.startswith("-1"):
            o["j1"] = int(value())
        elif a.startswith("-2"):
            o["j2"] = int(value())
        elif a.startswith("-t"):
            t = value()
            o["t"] = "\0" if t == "\\0" else t
        elif a.startswith("-e"):
            o["e"] = value()
        elif a.startswith("-o"):
            spec = value()
            # join(1) also takes the list as several arguments.
            while i + 1 < len(args) and re.fullmatch(r"[0-2](\.\d+)?", args[i + 1]):
                i += 1
                spec += " " + args[i]
            o["o"] = spec
        elif a == "-z":
            o["z"] = True
        elif a == "--check-order":
            o["check"] = True
        elif a == "--nocheck-order":
            o["check"] = False
        else:
            raise SystemExit(f"untranslated flag {a!r} in {text!r}")
        i += 1
    return o

def split_lines(text, z):
    end = "\0" if z else "\n"
    lines = text.split(end)
    if lines and lines[-1] == "":
        lines.pop()
    return lines

def fields(line, o):
    if o["t"] is None:
        return [f for f in re.split(r"[ \t\n]+", line) if f]
    if line == "":
        return []
    if o["t"] == "":
        return [line]
    return line.split(o["t"])

def to_jsonl(text, o, marker):
    out = []
    for line in split_lines(text, o["z"]):
        rec = {"_": 1} if marker else {}
        for n, f in enumerate(fields(line, o), 1):
            rec[f"f{n}"] = f
        out.append(json.dumps(rec, ensure_ascii=False))
    return "".join(l + "\n" for l in out)

def keys_sorted(text, o, j):
    keys = [fs[j - 1] for fs in (fields(l, o) for l in split_lines(text, o["z"])) if len(fs) >= j]
    return all(a <= b for a, b in zip(keys, keys[1:]))

def out_list(o, file1, file2):
    if o["o"] is None:
        return None
    if o["o"] == "auto":
        n1 = len(fields((split_lines(file1, o["z"]) or [""])[0], o))
        n2 = len(fields((split_lines(file2, o["z"]) or [""])[0], o))
        return [(0, 0)] + [(1, k) for k in range(1, n1 + 1) if k != o["j1"]] + \
            [(2, k) for k in range(1, n2 + 1) if k != o["j2"]]
    spec = []
    for item in re.split(r"[ ,\t]+", o["o"].strip()):
        spec.append((0, 0) if item == "0" else tuple(int(x) for x in item.split(".")))
    return spec

def numbered(part):
    return sorted((int(k[1:]), v) for k, v in part.items() if re.fullmatch(r"f\d+", k))

def render(rec, o, spec, how, allowed):
    """One output record back into join(1)'s text; None if it breaks a rule."""
    if how == "right-anti":
        left, right = None, rec
    else:
        right = rec.get("r")
        left = {k: v for k, v in rec.items() if k != "r"} if "_" in rec else None
    for side, part in ((1, left), (2, right)):
        if part is not None and allowed[side] is not None:
            extra = {k for k in part if k != "_"} - allowed[side]
            if extra:
                return None  # --left-fields/--right-fields let through a field not asked for
    key1, key2 = f"f{o['j1']}", f"f{o['j2']}"
    join_value = (left or {}).get(key1, (right or {}).get(key2))
    sep = o["t"] if o["t"] not in (None, "") else " "
    empty = o["e"] if o["e"] is not None else ""
    if spec is None:
        parts = [join_value] if join_value is not None else []
        for part, key in ((left, key1), (right, key2)):
            if part is not None:
                parts += [v for n, v in numbered(part) if f"f{n}" != key]
        return sep.join(parts)
    parts = []
    for side, n in spec:
        if side == 0:
            value = join_value
        else:
            part = left if side == 1 else right
            value = None if part is None else part.get(f"f{n}")
        parts.append(empty if value is None else value)
    return sep.join(parts)

passed = failed = skipped = 0
names = []
for line in open(cases_path, encoding="utf-8"):
    case = json.loads(line)
    name = case["name"]
    names.append(name)
    if name in skip:
        skipped += 1
        continue
    o = parse_flags(case["flags"])
    # 8-bit-t: \u00a7 stands for the raw byte 0xA7 (SOURCE.md): latin-1 throughout.
    file1, file2 = case["file1"], case["file2"]
    expected = case["expected_stdout"]
    how = {frozenset(): "inner", frozenset({1}): "left", frozenset({2}): "right",
           frozenset({1, 2}): "full"}[frozenset(o["a"])]
    if o["v"] == {1}:
        how = "anti"
    elif o["v"] == {2}:
        how = "right-anti"
    spec = out_list(o, file1, file2)
    allowed = {1: None, 2: None}
    args = ["--on", f"f{o['j1']}=f{o['j2']}", "--how", how, "--as", "r"]
    if spec is not None and o["o"] != "auto":
        lf = sorted({f"f{n}" for s, n in spec if s == 1} | {"_"})
        rf = sorted({f"f{n}" for s, n in spec if s == 2})
        args += ["--left-fields", ",".join(lf)]
        allowed[1] = set(lf) | {f"f{o['j1']}"}
        if rf:
            args += ["--right-fields", ",".join(rf)]
            allowed[2] = set(rf) | {f"f{o['j2']}"}
    for n, text, marker in ((1, file1, True), (2, file2, False)):
        with open(os.path.join(work, f"{name}.{n}"), "w", encoding="latin-1", newline="") as f:
            f.write(to_jsonl(text, o, marker))
    base = ["join-records"] + args + ["--right", f"{name}.2", f"{name}.1"]
    end = "\0" if o["z"] else "\n"
    want = split_lines(expected, o["z"])

    def run(extra):
        p = subprocess.run(base + extra, cwd=work, capture_output=True)
        return p.returncode, p.stdout.decode("latin-1"), p.stderr.decode("latin-1")

    def lines_of(stdout):
        got = []
        for l in stdout.splitlines():
            text = render(json.loads(l), o, spec, how, allowed)
            got.append("<a field not asked for>" if text is None else text)
        return got

    problems = []
    if case["expected_exit"] != 0:
        m = re.match(r"join: ([^:]+:\d+): is not sorted", case.get("expected_stderr", ""))
        status, out, err = run(["--sorted"])
        if not m or status != 65 or not err.startswith(f"join-records: {m.group(1)}: not sorted:"):
            problems.append(f"expected a sort error at {m.group(1) if m else '?'}, got {status}: {err.strip()}")
    else:
        sorted_in = keys_sorted(file1, o, o["j1"]) and keys_sorted(file2, o, o["j2"])
        if sorted_in:
            status, out, err = run(["--sorted"])
            if status != 0 or lines_of(out) != want:
                problems.append(f"--sorted: status {status} {err.strip()}\n    got  {lines_of(out) if status == 0 else ''}\n    want {want}")
        elif o["check"]:
            problems.append("--check-order on unsorted input passed in join(1)")
        status, out, err = run([])
        if status != 0 or Counter(lines_of(out)) != Counter(want):
            problems.append(f"hash join: status {status} {err.strip()}\n    got  {lines_of(out) if status == 0 else ''}\n    want {want}")
    if problems:
        failed += 1
        print(f"FAIL {name} ({case['flags']}):")
        for p in problems:
            print("  " + p)
    else:
        passed += 1
unknown = set(skip) - set(names)
if unknown:
    print("not-applicable list names unknown vectors:", sorted(unknown))
    failed += 1
print(f"coreutils-join: {passed} passed, {failed} failed, {skipped} not applicable (listed with reasons)")
sys.exit(1 if failed else 0)
PY
