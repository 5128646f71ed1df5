#!/usr/bin/env bash
# Splitting the input in any way, scoring the parts with --partial and
# merging with --merge gives the bytes of one run: several splits, the
# Hadoop Streaming shape (mapper | sort | reducer), a combiner level, and
# GNU parallel over the cores.
set -euo pipefail
src=${SOCRED_SOURCE_DIR:?}
rules=$src/examples/rules/sesame.rules
asof=2024-02-01
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

gen-events events --linked --population 500 --days 30 --seed 7 > events.jsonl
total=$(wc -l < events.jsonl)
score --rules "$rules" --as-of $asof --explain 3 events.jsonl > one.jsonl
[ -s one.jsonl ] || { echo "no output"; exit 1; }

failed=0
same() {  # name, file
  if cmp -s one.jsonl "$2"; then
    echo "$1: identical"
  else
    echo "$1: differs from one run"
    diff one.jsonl "$2" | head -n 6
    failed=1
  fi
}
# Each part cites the whole file: --input-name and its first line.
map_parts() {  # the part files in order
  local first=1 part
  for part in "$@"; do
    score --rules "$rules" --as-of $asof --explain 3 --partial --input-name events.jsonl \
      --first-line $first "$part" > "$part.partial"
    first=$((first + $(wc -l < "$part")))
  done
}

for split_args in "-l 1000" "-l 33333" "-n l/2" "-n l/7" "-l $total"; do
  rm -f part-* ./*.partial
  split $split_args events.jsonl part-
  map_parts part-*
  # Parts in reverse order: the order of partial lines cannot matter.
  ls part-*.partial | sort -r | xargs cat | score --rules "$rules" --merge --explain 3 > merged.jsonl
  same "split $split_args ($(ls part-??  | wc -l) parts)" merged.jsonl
done

# A part can be empty, and merging may happen in two levels (a combiner).
rm -f part-* ./*.partial
split -n l/3 events.jsonl part-
: > part-zz
map_parts part-aa part-ab part-ac part-zz
score --rules "$rules" --merge --partial --explain 3 part-aa.partial part-ab.partial > left.partial
cat part-ac.partial part-zz.partial left.partial |
  score --rules "$rules" --merge --explain 3 > merged.jsonl
same "two-level merge with an empty part" merged.jsonl

# The Hadoop Streaming shape: a mapper on stdin, sort, a reducer on stdin.
score --rules "$rules" --as-of $asof --explain 3 --partial --input-name events.jsonl \
    < events.jsonl | LC_ALL=C sort | score --rules "$rules" --merge --explain 3 > merged.jsonl
same "mapper | sort | reducer" merged.jsonl

# With --friends: parts record each person's accounts and each spilling
# rule's top event; the merge builds the graph and spills once, after
# every part is in (a generated population and friend graph).
gen-events friends --population 500 --seed 7 > friends.jsonl
score --rules "$rules" --as-of $asof --explain 3 --friends friends.jsonl events.jsonl \
  2>/dev/null > one.jsonl
grep -q '"spilled":{"' one.jsonl || { echo "no spill happened: the test would prove nothing"; exit 1; }
rm -f part-* ./*.partial
split -n l/4 events.jsonl part-
first=1
for part in part-*; do
  score --rules "$rules" --as-of $asof --explain 3 --partial --friends friends.jsonl \
    --input-name events.jsonl --first-line $first "$part" 2>/dev/null > "$part.partial"
  first=$((first + $(wc -l < "$part")))
done
cat part-*.partial | LC_ALL=C sort |
  score --rules "$rules" --merge --explain 3 --friends friends.jsonl 2>/dev/null > merged.jsonl
same "--friends: 4 parts, sorted, merged" merged.jsonl

# GNU parallel over blocks; without line numbers per block, compare
# without --explain.
if command -v parallel >/dev/null; then
  score --rules "$rules" --as-of $asof events.jsonl > one.jsonl
  parallel --will-cite --pipepart -a events.jsonl --block 1M -k \
    score --rules "$rules" --as-of $asof --partial |
    score --rules "$rules" --merge > merged.jsonl
  same "GNU parallel --pipepart, 1 MB blocks" merged.jsonl
else
  echo "GNU parallel not installed: that part skipped"
fi
exit "$failed"
