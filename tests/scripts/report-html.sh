#!/usr/bin/env bash
# report's HTML page in a real browser: headless Chromium renders it, the
# bars in its DOM must number what `--format json` lists for the same input,
# and the screenshot must show something (>= 1 % of pixels differ from the
# background). The page must load nothing from elsewhere. Skips (77) where
# Chromium is absent; CI installs it (scripts/deps).
set -euo pipefail
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  echo "skipped: $chromium is absent (scripts/deps installs Debian's chromium)"
  exit 77
fi
data=${SOCRED_SOURCE_DIR:?}/tests/data/report
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

render() {  # render PAGE MODE OUT: MODE is --dump-dom or --screenshot=FILE
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-quic --disable-component-update --no-first-run --disable-sync \
    --user-data-dir="$profile" --window-size=1000,1000 "$2" "file://$1" >"$3" 2>"$work/chromium.log"
}

check() {  # check NAME REPORT-ARGS...
  local name=$1
  shift
  report --format html "$@" >"$work/$name.html"
  report --format json "$@" >"$work/$name.json"
  # Self-contained: no script, stylesheet link, import, url() or src.
  if grep -Eqi '<script|<link|@import|url\(|src=|<img|<iframe' "$work/$name.html"; then
    echo "$name: the page refers to something outside itself"
    return 1
  fi
  local expected in_dom
  expected=$(jq '[.charts[].bars | length] | add // 0' "$work/$name.json")
  render "$work/$name.html" --dump-dom "$work/$name.dom"
  in_dom=$(grep -o '<rect class="bar[ "]' "$work/$name.dom" | wc -l)
  if [ "$in_dom" -ne "$expected" ] || [ "$expected" -eq 0 ]; then
    echo "$name: $in_dom bars in the rendered DOM, $expected in --format json"
    return 1
  fi
  render "$work/$name.html" --screenshot="$work/$name.png" /dev/null
  python3 - "$work/$name.png" <<'PY'
# Decodes the PNG with zlib alone (no imaging package) and counts the pixels
# that differ from the background, taken as the most common colour.
import collections, struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
assert depth == 8 and interlace == 0 and ctype in (2, 6), (depth, ctype, interlace)
bpp = 3 if ctype == 2 else 4
stride = width * bpp
raw = zlib.decompress(idat)
prev = bytearray(stride)
counts = collections.Counter()
for y in range(height):
    f, i = raw[y * (stride + 1)], y * (stride + 1) + 1
    line = bytearray(raw[i:i + stride])
    if f == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, prev))
    elif f in (1, 3, 4):
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    counts.update(bytes(line[x:x + 3]) for x in range(0, stride, bpp))
    prev = line
background, n = counts.most_common(1)[0]
share = 1 - n / (width * height)
print(f"{sys.argv[1]}: {width}x{height}, {share:.1%} of pixels differ from the background")
sys.exit(0 if share >= 0.01 else 1)
PY
  echo "$name: $in_dom bars in the DOM = $expected in JSON"
}

check scores "$data/scores.jsonl" --by who.city --cutoff 600
# Every group of that fixture is too few (under 30 persons): the page says so.
grep -q '<td>too few</td>' "$work/scores.dom" || { echo "scores: no \"too few\" in the DOM"; exit 1; }

# Disparities with a reference, a flagged group and a small one: the
# rendered page shows each group's interval, the ratio's interval as a
# whisker, "too few", and what a flag does and does not mean.
cases=${SOCRED_SOURCE_DIR:?}/tests/cli/report
cat "$cases/0501-issue-15-significant-group-flagged/stdin" >"$work/groups.jsonl"
grep Lhasa "$cases/0500-issue-15-small-group-too-few/stdin" >>"$work/groups.jsonl"
check groups "$work/groups.jsonl" --by who.city
dom=$work/groups.dom
for want in '<td class="r">24.1–36.7%</td>' '<td class="r">0.40–0.63</td>' '<td>too few</td>' \
  '<td>BELOW</td>' '<td>reference</td>' 'What it does not mean' '<line class="interval"'; do
  if ! grep -qF "$want" "$dom"; then
    echo "groups: the rendered page lacks $want"
    exit 1
  fi
done
echo "groups: intervals, whiskers, too few, the flag and its meaning are in the DOM"
check decisions "$data/decisions.jsonl" --by who.sex
check compare --compare "$data/decisions.jsonl" "$data/decisions_b.jsonl"
