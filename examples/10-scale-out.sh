#!/usr/bin/env bash
# Lesson 10: scaling out, with the same bytes.
#
# A real log does not fit one run on one core. score splits into a map
# (`score --partial`: per-person state for the part of the events it saw)
# and a reduce (`score --merge`: the state of all parts combined into score
# lines). Points are kept as integers in thousandths and every event's
# points are rounded once, so sums are exact in any order: any split of the
# input, run anywhere, merges to the very bytes of a single run. That makes
# score a map and reduce for any engine that moves lines around:
#  - GNU parallel on the cores of one machine (or, with --sshlogin, on
#    several: examples/scale/parallel-hosts.sh): `parallel --pipepart` cuts
#    the file into blocks at line boundaries and feeds each to a mapper.
#  - Slurm: a job array of mappers and a dependent reducer
#    (examples/scale/slurm-submit.sh).
#  - Hadoop Streaming: mapper and reducer are commands reading stdin and
#    writing stdout; Hadoop sorts the map output by key between them. A
#    partial line begins {"person":"p0000042", so with "," as the key
#    separator the key is the person. The command line (not run here: no
#    Hadoop in CI) is in README.md; its local equivalent is
#    `mapper | sort | reducer`, run below on three splits of the file.
#
# What to see: the lesson checks every route with cmp(1), byte for byte,
# against one run on one thread: parallel --pipepart, split + mappers +
# sort + reducer (with a combiner too), and --explain citing the whole
# file's lines from its parts (--input-name, --first-line).
#
# Rules are the Sesame-like set (lesson 2 says how sure we are of each);
# nothing here is about evidence, only arithmetic. Fading rules need one
# --as-of for every part, or each part would fade from its own last event.
set -euo pipefail
cd "$(dirname "$0")"
. ./assert.sh
need gen-events score parallel jq
tmp=$(scratch)
rules=$PWD/rules/sesame.rules

gen-events events --seed 20 --population 400 --days 60 --linked > "$tmp/events.jsonl"
asof=$(tail -n 1 "$tmp/events.jsonl" | jq -r .ts)
cd "$tmp"   # so that explanations cite "events.jsonl:LINE"

say "the reference: one run on one thread"
score --rules "$rules" --as-of "$asof" --threads 1 events.jsonl > single.jsonl
score --rules "$rules" --as-of "$asof" --threads 1 --explain 3 events.jsonl > single-explained.jsonl
expect "events" "$(wc -l < events.jsonl)" 122414
expect "persons scored" "$(wc -l < single.jsonl)" 395
same() { cmp -s "$1" "$2" && echo identical || echo different; }

say "threads: the file cut into byte ranges inside one process"
score --rules "$rules" --as-of "$asof" --threads 3 events.jsonl > threads.jsonl
expect "3 threads against 1" "$(same threads.jsonl single.jsonl)" identical

say "GNU parallel: parallel --pipepart, 1 MiB blocks, mapper on each, one reducer"
parallel --will-cite --pipepart -a events.jsonl --block 1M \
  score --rules "$rules" --as-of "$asof" --partial > partial.jsonl
echo "$(wc -l < partial.jsonl) partial lines for $(wc -l < single.jsonl) persons"
jq -c -n 'input | .cells |= .[:2]' partial.jsonl
score --rules "$rules" --merge partial.jsonl > parallel.jsonl
expect "parallel --pipepart, merged, against one run" "$(same parallel.jsonl single.jsonl)" identical

say "the Hadoop Streaming line's local equivalent: split, map, sort, reduce"
# mapper:   score --rules sesame.rules --as-of T --partial
# shuffle:  sort by the key (the text before the first ","), in byte order
# reducer:  score --rules sesame.rules --merge
split -n l/3 -d events.jsonl part.
for part in part.0[0-2]; do
  score --rules "$rules" --as-of "$asof" --partial < "$part" > "$part.map"
done
cat part.0[0-2].map | LC_ALL=C sort -t, -k1,1 -s | score --rules "$rules" --merge > hadoop.jsonl
expect "split into 3, mapped, sorted, reduced, against one run" "$(same hadoop.jsonl single.jsonl)" identical

# The same with a combiner (--merge --partial: parts into a part) per mapper.
for part in part.0[0-2]; do
  score --rules "$rules" --as-of "$asof" --partial < "$part" |
    LC_ALL=C sort | score --rules "$rules" --merge --partial > "$part.combined"
done
cat part.0[0-2].combined | LC_ALL=C sort | score --rules "$rules" --merge > combined.jsonl
expect "with a combiner, against one run" "$(same combined.jsonl single.jsonl)" identical

say "explanations from parts cite the whole file's lines"
# Each mapper is told the file's name and the number of its first line, so
# the events it cites are events.jsonl:LINE, as in one run.
first=1
for part in part.0[0-2]; do
  score --rules "$rules" --as-of "$asof" --partial --explain 3 \
    --input-name events.jsonl --first-line "$first" < "$part" > "$part.explained"
  first=$((first + $(wc -l < "$part")))
done
cat part.0[0-2].explained | LC_ALL=C sort | score --rules "$rules" --merge --explain 3 \
  > hadoop-explained.jsonl
jq -c -n 'first(inputs | select(.explain != [])) | {person, score, explain: .explain[0]}' \
  hadoop-explained.jsonl
expect "explained, from 3 parts, against one run" \
  "$(same hadoop-explained.jsonl single-explained.jsonl)" identical
