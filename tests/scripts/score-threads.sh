#!/usr/bin/env bash
# score with 1, 2 and 3 threads (each a byte range of the file) writes the
# same bytes: scores with --explain, --partial state, the bad lines copied by
# --on-error FILE (in file order), and the first bad line under stop; also
# with --friends, whose file is read in byte ranges too.
set -euo pipefail
source "$(dirname "$0")/helpers.bash"
src=${SOCRED_SOURCE_DIR:?}
rules=$src/examples/rules/sesame.rules
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# ~20 MB: every thread gets ranges of at least 1 MiB. Bad lines are spread
# through the file, so that each range has some.
gen-events events --linked --population 700 --days 30 --seed 3 |
  awk 'NR % 9973 == 0 { print "{\"person\":\"p1\",\"bad\":tru}" } NR % 15013 == 0 { print "{\"type\":\"post\"}" } { print }' \
  > events.jsonl
size=$(wc -c < events.jsonl)
[ "$size" -gt $((8 << 20)) ] || { echo "input too small to cut: $size bytes"; exit 1; }

failed=0
same_for_threads "scores" "score --rules $rules --explain 3 --on-error skip --threads THREADS events.jsonl"
same_for_threads "partial state" \
  "score --rules $rules --partial --as-of 2024-02-01 --explain 2 --on-error skip --threads THREADS events.jsonl"
same_for_threads "bad lines in file order" \
  "score --rules $rules --on-error bad.THREADS --threads THREADS events.jsonl >/dev/null && cat bad.THREADS"
same_for_threads "the first bad line stops" "score --rules $rules --threads THREADS events.jsonl; echo status \$?"
grep -q 'events.jsonl:9973:' err.1 || { echo "stop: not the first bad line: $(cat err.1)"; failed=1; }
# A friends file of several MiB with bad lines spread through it: its
# accounts are interned in file order whatever the thread count.
gen-events friends --population 20000 --seed 3 |
  awk 'NR % 7919 == 0 { print "{\"a\":\"social:x\"}" } { print }' > friends.jsonl
[ "$(wc -c < friends.jsonl)" -gt $((3 << 20)) ] || { echo "friends file too small to cut"; exit 1; }
same_for_threads "friends" \
  "score --rules $rules --friends friends.jsonl --explain 3 --on-error skip --threads THREADS events.jsonl"
same_for_threads "friends' bad lines in file order" \
  "score --rules $rules --friends friends.jsonl --on-error fbad.THREADS --threads THREADS events.jsonl >/dev/null && cat fbad.THREADS"
same_for_threads "the first bad friends line stops" \
  "score --rules $rules --friends friends.jsonl --threads THREADS events.jsonl; echo status \$?"
grep -q 'friends.jsonl:7919:' err.1 || { echo "stop: not the first bad friends line: $(cat err.1)"; failed=1; }
exit "$failed"
