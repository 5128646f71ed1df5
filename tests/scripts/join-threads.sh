#!/usr/bin/env bash
# join-records with 1, 2 and 3 threads (the left side probed in 1 MiB byte
# ranges) writes the same bytes: inner, left and full joins, nested and
# merged, the bad lines copied by --on-error FILE (in file order), --stats,
# the first bad line under stop (and every line before it), a left side
# read from a pipe, and the grace join past --memory.
set -euo pipefail
source "$(dirname "$0")/helpers.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# ~20 MB of events with bad lines spread through the file, so that every
# range has some; the register misses some persons and has extra ones, so
# every join has unpaired records on both sides.
gen-events events --linked --population 700 --days 30 --seed 5 |
  awk 'NR % 9973 == 0 { print "{\"person\":\"p1\",\"bad\":tru}" } NR % 15013 == 0 { print "{\"type\":\"post\"}" } { print }' \
  > events.jsonl
gen-events people --population 900 --seed 5 | awk 'NR % 7 != 0' > people.jsonl
size=$(wc -c < events.jsonl)
[ "$size" -gt $((12 << 20)) ] || { echo "input too small to cut: $size bytes"; exit 1; }

failed=0
j="join-records --right people.jsonl --on person --threads THREADS"
same_for_threads "inner, nested" "$j --as who --on-error skip --stats events.jsonl"
head -n 9972 events.jsonl | join-records --right people.jsonl --on person --as who > before-bad.jsonl
same_for_threads "left, merged" "$j --how left --prefix who_ --on-error skip events.jsonl"
same_for_threads "full" "$j --how full --as who --on-error skip --strict events.jsonl"
same_for_threads "anti" "$j --how anti --on-error skip events.jsonl"
same_for_threads "bad lines in file order" \
  "$j --as who --on-error bad.THREADS events.jsonl >/dev/null && cat bad.THREADS"
same_for_threads "the first bad line stops" "$j --as who events.jsonl; echo status \$?"
grep -q 'events.jsonl:9973:' err.1 || { echo "stop: not the first bad line: $(cat err.1)"; failed=1; }
head -n -1 out.1 | cmp -s - before-bad.jsonl ||
  { echo "stop: not exactly the lines before the bad one ($(wc -l < out.1) lines)"; failed=1; }
same_for_threads "a pipe" "cat events.jsonl | $j --as who --on-error skip -"
same_for_threads "grace join" "$j --how full --as who --memory 64K --on-error skip --stats events.jsonl"
exit "$failed"
