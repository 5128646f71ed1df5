#!/usr/bin/env bash
# Issue 18: every data input of every tool reads gzip (also concatenated
# members) and zstd, told by the magic bytes, not the name: the same lines
# plain, .gz, multi-member .gz and .zst (named oddly on purpose, and through
# a pipe) give the same bytes out. A cut .gz or .zst is an error (65) at the
# line reached, after the lines before it; line numbers in errors and in
# score's `input` citations count decompressed lines.
set -euo pipefail
for tool in gzip zstd; do
  command -v $tool >/dev/null || { echo "skipped: $tool not installed (apt-get install $tool)"; exit 77; }
done
src=${SOCRED_SOURCE_DIR:?}
data=$src/tests/data
rules=$src/examples/rules/sesame.rules
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# FILE -> FILE.gzip, FILE.multi (two gzip members), FILE.zstd: no .gz names.
pack() {
  gzip -nc "$1" >"$1.gzip"
  local half=$(($(wc -l <"$1") / 2))
  { head -n "$half" "$1" | gzip -nc; tail -n +"$((half + 1))" "$1" | gzip -nc; } >"$1.multi"
  zstd -q -c "$1" >"$1.zstd"
}
failed=0
# NAME CMD...: CMD with {} as each form of the input gives the plain bytes
# (the input's name, where cited, aside).
norm() { sed "s|$plain[.a-z]*|INPUT|g; s|/dev/fd/[0-9]*|INPUT|g"; }
same() {
  local name=$1; shift
  local cmd="$*"
  bash -c "${cmd//\{\}/$plain}" 2>&1 | norm >want.out || true
  [ -s want.out ] || { echo "$name: no output from the plain input"; failed=1; return; }
  for form in gzip multi zstd; do
    bash -c "${cmd//\{\}/$plain.$form}" 2>&1 | norm >got.out || true
    if ! cmp -s want.out got.out; then
      echo "$name: .$form differs from plain"; diff want.out got.out | head -n 4; failed=1
    fi
  done
  # Through a pipe, the decompressor is told by the bytes alone.
  bash -c "${cmd//\{\}/<(cat $plain.multi)}" 2>&1 | norm >got.out || true
  cmp -s want.out got.out || { echo "$name: multi-member gzip through a pipe differs"; failed=1; }
  echo "$name: plain, gzip, multi-member gzip, zstd, pipe: identical"
}

gen-events events --linked --population 400 --days 30 --seed 5 >events.jsonl
plain=$PWD/events.jsonl; pack "$plain"
for t in 1 2; do
  same "score --threads $t --explain 3 (fades: two passes)" \
    "score --rules $rules --threads $t --explain 3 --stats {}"
  same "score --threads $t --as-of" "score --rules $rules --threads $t --as-of 2024-02-01 --explain 2 {}"
done
same "score --annotate" "score --rules $rules --annotate {}"
same "score from standard input" "cat {} | score --rules $rules --threads 2"
score --rules "$rules" --as-of 2024-02-01 --partial events.jsonl >part.jsonl
plain=$PWD/part.jsonl; pack "$plain"
same "score --merge" "score --rules $rules --merge {}"

plain=$data/link/people.jsonl
cp "$plain" people.jsonl; plain=$PWD/people.jsonl; pack "$plain"
same "join-records --right" "join-records --right {} --on person --as who --how left $work/events.jsonl"
plain=$work/events.jsonl
same "join-records left side" "join-records --right $work/people.jsonl --on person --as who {}"
plain=$data/link/accounts.jsonl
cp "$plain" accounts.jsonl; plain=$PWD/accounts.jsonl; pack "$plain"
same "join-records --fuzzy" "join-records --fuzzy --right $work/people.jsonl.zstd --id account=person --compare name:name --compare city:exact --block name:first1 --best {}"

for f in scores requests cases; do cp "$data/gate/$f.jsonl" .; pack "$PWD/$f.jsonl"; done
plain=$PWD/scores.jsonl
same "gate" "gate --policy $data/gate/test.policy --rules $data/gate/test.rules {}"
plain=$PWD/requests.jsonl
same "gate --requests" "gate --policy $data/gate/test.policy --rules $data/gate/test.rules --requests {} --on-error skip $work/scores.jsonl.gzip"
plain=$PWD/cases.jsonl
same "gate --test" "gate --policy $data/gate/test.policy --rules $data/gate/test.rules --test {}"

cp "$data/report/scores.jsonl" "$data/report/scores_b.jsonl" .
pack "$PWD/scores.jsonl"; pack "$PWD/scores_b.jsonl"
plain=$PWD/scores.jsonl
same "report" "report --by who.city {}"
plain=$PWD/scores_b.jsonl
same "report --compare" "report --compare $work/scores.jsonl.zstd {}"

cp "$data/score/spill-events.jsonl" "$data/score/spill-friends.jsonl" "$data/score/spill-links.jsonl" .
for f in spill-events spill-friends spill-links; do pack "$PWD/$f.jsonl"; done
plain=$PWD/spill-friends.jsonl
same "score --friends" "score --rules $data/score/spill.rules --friends {} $work/spill-events.jsonl.zstd"
plain=$PWD/spill-links.jsonl
same "score --links" "score --rules $data/score/spill.rules --friends $work/spill-friends.jsonl.gzip --links {} --explain 1 $work/spill-events.jsonl"

# Cut streams: the lines before the cut come out, then 65 at the line reached.
lines=$(wc -l <events.jsonl)
for form in gzip zstd; do
  size=$(stat -c %s "events.jsonl.$form")
  head -c $((size * 2 / 3)) "events.jsonl.$form" >cut
  for t in 1 2; do
    status=0
    score --rules "$rules" --as-of 2024-02-01 --annotate --threads $t cut >cut.out 2>cut.err || status=$?
    reached=$(sed -nE 's/^score: cut:([0-9]+): .*(cut short|truncated).*/\1/p' cut.err)
    if [ "$status" -ne 65 ] || [ -z "$reached" ]; then
      echo "cut .$form, $t thread(s): status $status, $(cat cut.err)"; failed=1; continue
    fi
    got=$(wc -l <cut.out)
    if [ "$got" -ne $((reached - 1)) ] || [ "$reached" -ge "$lines" ]; then
      echo "cut .$form: $got lines out, error at line $reached of $lines"; failed=1; continue
    fi
    # Fades without --as-of spool the stream: the same error, before output.
    status=0
    score --rules "$rules" --threads $t cut >/dev/null 2>cut2.err || status=$?
    grep -q "^score: cut:$reached: " cut2.err && [ "$status" -eq 65 ] ||
      { echo "cut .$form spooled: status $status, $(cat cut2.err)"; failed=1; continue; }
  done
  status=0
  join-records --right people.jsonl --on person cut >/dev/null 2>cut.err || status=$?
  grep -q "^join-records: cut:$reached: " cut.err && [ "$status" -eq 65 ] ||
    { echo "join-records, cut .$form: status $status, $(cat cut.err)"; failed=1; }
  echo "cut .$form: $((reached - 1)) lines out, then 65 at line $reached"
done
[ "$failed" -eq 0 ] || exit 1
echo "1 passed, 0 failed"
