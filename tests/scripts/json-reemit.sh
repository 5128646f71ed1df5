#!/usr/bin/env bash
# With raw passthrough off, every y_ document of JSONTestSuite is parsed and
# written again by our writer; python3's json module must read back an equal
# value. Skips (77) where ../shared/data is absent.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
suite=${SOCRED_SHARED_DATA:-../shared/data}/json-test-suite/test_parsing
need_file "$suite"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "$suite"/y_*.json; do
  printf '{"v":%s}\n' "$(tr '\r\n' '  ' <"$f")"
done >"$work/in.jsonl"
jsonl-echo --reemit "$work/in.jsonl" >"$work/out.jsonl"
python3 - "$work/in.jsonl" "$work/out.jsonl" <<'PY'
import json, sys
ins = open(sys.argv[1], encoding="utf-8", errors="surrogatepass").read().split("\n")[:-1]
outs = open(sys.argv[2], encoding="utf-8", errors="surrogatepass").read().split("\n")[:-1]
assert len(ins) == len(outs), (len(ins), len(outs))
bad = [i for i, (a, b) in enumerate(zip(ins, outs), 1) if json.loads(a) != json.loads(b)]
for i in bad:
    print(f"line {i}: {ins[i-1]!r} came back as {outs[i-1]!r}")
print(f"{len(ins) - len(bad)} passed, {len(bad)} failed")
sys.exit(1 if bad else 0)
PY
