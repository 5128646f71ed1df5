#!/usr/bin/env bash
# The Big List of Naughty Strings in every data field report prints (group
# values, rule names, reason texts, sources): the text and Markdown outputs
# carry no control or bidirectional character raw, Markdown cannot be
# broken out of (no raw "<" outside code fences, no label ending a fence),
# and the HTML page has exactly the tags and attributes of a benign run
# with the same shape.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
blns=${SOCRED_SHARED_DATA:-../shared/data}/blns/blns.json
need_file "$blns"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
python3 - "$blns" <<'PY'
import json, sys
naughty = json.load(open(sys.argv[1], encoding="utf-8"))
def write(name, strings):
    with open(name + "-scores.jsonl", "w", encoding="utf-8") as s, \
         open(name + "-decisions.jsonl", "w", encoding="utf-8") as d:
        for i, x in enumerate(strings):
            person = "p%07d" % i
            city = x if x else "(empty)"
            s.write(json.dumps({"person": person, "score": 500 + i % 300, "events": 1,
                                "matched": 1, "flags": [x], "contributions": {x: -1 - i % 7},
                                "by_source": {x: -1 - i % 7}, "who": {"city": city}}) + "\n")
            for service in ("loan", "visa"):
                allow = (i + len(service)) % 3 == 0
                d.write(json.dumps({"person": person, "service": service,
                                    "decision": "allow" if allow else "not_permitted",
                                    "reasons": [] if allow else [
                                        {"kind": "gap", "text": x, "required": 700},
                                        {"kind": "penalty", "rule": x, "points": -1, "text": x},
                                        {"kind": "forbid", "text": x}],
                                    "without_cited": None if allow else "allow",
                                    "who": {"city": city}}) + "\n")
write("naughty", naughty)
write("benign", ["benign%d" % i for i in range(len(naughty))])
PY
run() {  # run NAME FORMAT: the score and decision reports of one input
  report --format "$2" --by who.city --cutoff 600 --top 0 --color always "$1-scores.jsonl"
  report --format "$2" --by who.city --top 0 --color always "$1-decisions.jsonl"
}
for format in text markdown html; do
  run naughty "$format" >"naughty.$format"
  run benign "$format" >"benign.$format"
done
python3 - <<'PY'
import re, sys
from html.parser import HTMLParser
bad = []
# Raw controls: C0 but tab and newline (ESC only as report's own colour
# codes, ESC [ digits m), DEL, C1, bidirectional marks and overrides.
danger = re.compile("[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f\x80-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
for fmt in ("text", "markdown"):
    text = open("naughty." + fmt, encoding="utf-8", errors="surrogateescape").read()
    stripped = re.sub("\x1b\\[[0-9;]*m", "", text)
    for m in list(danger.finditer(stripped))[:3] + (["ESC"] if "\x1b" in stripped else []):
        bad.append("%s: raw %r" % (fmt, m if isinstance(m, str) else m.group()))
md = open("naughty.markdown", encoding="utf-8", errors="surrogateescape").read()
md = re.sub("\x1b\\[[0-9;]*m", "", md)
fence = False
for n, line in enumerate(md.split("\n"), 1):
    if line == "```":
        fence = not fence
    elif fence and line.lstrip(" ").startswith("```"):
        bad.append("markdown:%d: a label ends the fence: %r" % (n, line[:60]))
    elif not fence and re.search(r"(?<!\\)<", line):
        bad.append("markdown:%d: raw '<' outside a fence: %r" % (n, line[:60]))
class Shape(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen = set()
    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        for name, _ in attrs:
            self.seen.add(tag + "@" + name)
def shape(name):
    p = Shape()
    p.feed(open(name, encoding="utf-8", errors="surrogateescape").read())
    return p.seen
a, b = shape("naughty.html"), shape("benign.html")
if a != b:
    bad.append("html: tags and attributes differ: only naughty %s, only benign %s"
               % (sorted(a - b), sorted(b - a)))
for line in bad[:20]:
    print(line)
if bad:
    sys.exit(1)
print("%d tags and attributes, as a benign run; text and Markdown escaped" % len(a))
PY
