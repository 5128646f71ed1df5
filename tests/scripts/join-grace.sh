#!/usr/bin/env bash
# The grace hash join: a right side of over 50 MB under --memory 1M goes
# through temporary partitions (--stats says how many) and gives the same
# bytes as the in-memory join, for a full join with unpaired records on both
# sides, keyless records and repeated keys. The temporary files are gone
# afterwards.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tmp"
# People-shaped right side: 250k records, some persons twice, some keyless.
awk 'BEGIN {
  for (i = 0; i < 250000; i++) {
    p = (i % 7 == 3) ? i - 1 : i
    if (i % 50000 == 17) { printf "{\"name\":\"nobody %d\",\"city\":\"Wuhan\"}\n", i; continue }
    printf "{\"person\":\"p%07d\",\"national_id\":\"1101011985%04d%04d\",\"name\":\"Wang Fang %d\",\"birthdate\":\"1985-03-07\",\"sex\":\"F\",\"city\":\"Hangzhou\",\"note\":\"%s\"}\n", p, i % 10000, i % 9973, i, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  }
}' >"$work/people.jsonl"
# Event-shaped left side: 150k events over a wider range of persons.
awk 'BEGIN {
  for (i = 0; i < 150000; i++) {
    p = (i * 7919) % 280000
    if (i % 10000 == 5) { printf "{\"id\":\"e%010d\",\"source\":\"shop\"}\n", i; continue }
    printf "{\"id\":\"e%010d\",\"ts\":\"2024-03-01T12:34:56Z\",\"source\":\"shop\",\"type\":\"purchase\",\"person\":\"p%07d\",\"amount\":%d.25}\n", i, p, i % 500
  }
}' >"$work/events.jsonl"
size=$(stat -c %s "$work/people.jsonl")
[ "$size" -ge 50000000 ] || { echo "right side only $size bytes"; exit 1; }

join-records --right "$work/people.jsonl" --on person --as who --how full \
  "$work/events.jsonl" >"$work/memory.jsonl"
join-records --right "$work/people.jsonl" --on person --as who --how full --memory 1M \
  --tmpdir "$work/tmp" --stats "$work/events.jsonl" >"$work/grace.jsonl" 2>"$work/stats"
cat "$work/stats"
grep -Eq '^join-records: grace join: [0-9]+ temporary partitions in ' "$work/stats" ||
  { echo "no grace join reported"; exit 1; }
parts=$(sed -nE 's/^join-records: grace join: ([0-9]+) temporary partitions.*/\1/p' "$work/stats")
[ "$parts" -ge 50 ] || { echo "only $parts partitions for a 1M limit"; exit 1; }
# Issue 16: "largest table" is a partition's, and over the limit exactly when
# "over the limit" counts one (it was the table that outgrew --memory).
read -r big limit over < <(sed -nE \
  's/.*largest table ([0-9]+) bytes \(limit ([0-9]+)\), over the limit: ([0-9]+)$/\1 \2 \3/p' \
  "$work/stats")
if [ "$big" -gt "$limit" ] && [ "$over" -eq 0 ]; then
  echo "largest table $big bytes is over the limit $limit, but none is counted over"; exit 1
fi
if [ "$big" -le "$limit" ] && [ "$over" -gt 0 ]; then
  echo "$over tables counted over the limit, but the largest ($big) is not"; exit 1
fi
cmp "$work/memory.jsonl" "$work/grace.jsonl" || { echo "grace join output differs"; exit 1; }
[ -z "$(ls -A "$work/tmp")" ] || { echo "temporary files left behind"; exit 1; }
lines=$(wc -l <"$work/grace.jsonl")
# 150k left lines (some with two partners) + the unpaired right records.
[ "$lines" -gt 150000 ] || { echo "only $lines lines"; exit 1; }
echo "grace join: $((size / 1000000)) MB right side, $parts partitions, $lines lines, identical"
