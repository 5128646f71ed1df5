#!/usr/bin/env bash
# Conformance with Miller's join: the 148 cases of ../shared/data/miller-join
# that have JSON-lines expected output give the same records, compared as
# multisets of key/value sets (see that folder's SOURCE.md).
#
# Translation, Miller -> join-records: Miller's -f file is our --right and its
# main input our left side, so -l/-r become --on R=L; --np/--ul/--ur become
# --how (--ul: the -f file's unpaired records, our right-anti); --lk becomes
# --right-fields; -s becomes --sorted. Documented differences, adapted here:
# - Miller names the key of a paired record by -j; join-records keeps the left
#   record's own name (its line passes through byte for byte), so this script
#   renames it to the -j name in paired records before comparing.
# - Record order: Miller pairs in the same order as we do but puts the -f
#   file's fields first; -s mode emits in merge order. Compared as multisets.
# - -s on input that is not sorted: Miller pairs what it can and drops the
#   rest silently (its issue 1287); join-records stops with status 65. Such a
#   case passes when the input really is unsorted, the error says so, and
#   the unsorted join then gives the expected records.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
data=${SOCRED_SHARED_DATA:-../shared/data}/miller-join
need_file "$data/jsonl/cases.jsonl"
need_tool join-records
exec python3 - "$data" <<'PY'
import json, subprocess, sys
from collections import Counter

data = sys.argv[1]
HOW = {(True, False, False): "inner", (True, False, True): "left", (True, True, False): "right",
       (True, True, True): "full", (False, False, True): "anti", (False, True, False): "right-anti",
       (False, True, True): "unpaired"}

def records(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]

def multiset(recs):
    return Counter(json.dumps(sorted(r.items())) for r in recs)

def run(args):
    return subprocess.run(["join-records"] + args, capture_output=True, text=True)

def sorted_ok(path, fields):
    keys = [tuple(r[f] for f in fields) for r in records(open(path).read())
            if all(f in r and r[f] is not None for f in fields)]
    return all(a <= b for a, b in zip(keys, keys[1:]))

passed = failed = refused = 0
for line in open(f"{data}/jsonl/cases.jsonl"):
    case = json.loads(line)
    if case["expected_jsonl"] is None:
        continue
    o = case["options"]
    how = HOW[(o["emit_paired"], o["emit_left_unpaired"], o["emit_right_unpaired"])]
    on = ",".join(f"{r}={l}" for r, l in zip(o["r"], o["l"]))
    left = [f"{data}/{p}" for p in case["right"]]
    args = ["--right", f"{data}/{case['left']}", "--on", on, "--how", how] + left
    if o.get("left_keep"):
        args += ["--right-fields", ",".join(o["left_keep"])]
    sorted_mode = bool(o.get("sorted_input"))
    proc = run(args + (["--sorted"] if sorted_mode else []))
    if sorted_mode and proc.returncode == 65:
        unsorted = not sorted_ok(f"{data}/{case['left']}", o["l"]) or \
            not all(sorted_ok(p, o["r"]) for p in left)
        if "not sorted" not in proc.stderr or not unsorted:
            print(f"FAIL {case['case']}: refused sorted input: {proc.stderr.strip()}")
            failed += 1
            continue
        refused += 1
        proc = run(args)
    if proc.returncode != 0:
        print(f"FAIL {case['case']}: status {proc.returncode}: {proc.stderr.strip()}")
        failed += 1
        continue
    got = records(proc.stdout)
    renames = [(r, j) for r, j in zip(o["r"], o["j"]) if r != j]
    if renames and o["emit_paired"]:
        paired = multiset(records(run([a if a != how else "inner" for a in args]).stdout))
        renamed = []
        for rec in got:
            key = json.dumps(sorted(rec.items()))
            if paired[key] > 0:
                paired[key] -= 1
                for r, j in renames:
                    if r in rec:
                        rec = {(j if k == r else k): v for k, v in rec.items()}
            renamed.append(rec)
        got = renamed
    if multiset(got) != multiset(case["expected_jsonl"]):
        print(f"FAIL {case['case']}: {' '.join(args)}")
        print("  expected:", sorted(multiset(case["expected_jsonl"]).items())[:6])
        print("  got:     ", sorted(multiset(got).items())[:6])
        failed += 1
        continue
    passed += 1
print(f"miller-join: {passed} passed ({refused} of them -s cases on unsorted input, refused "
      f"with status 65), {failed} failed")
sys.exit(1 if failed or passed != 148 else 0)
PY
