#!/usr/bin/env bash
# join-records with 1, 2 and 3 threads (the left side probed in 1 MiB byte
# ranges) writes the same bytes: inner, left and full joins, nested and
# merged, the bad lines copied by --on-error FILE (in file order), --stats,
# the first bad line under stop (and every line before it), a left side
# read from a pipe, and the grace join past --memory.
set -euo pipefail
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
check() {  # name, then the command with THREADS in it
  local name=$1 first=""
  shift
  for t in 1 2 3; do
    local cmd=${*//THREADS/$t}
    bash -c "$cmd" > "out.$t" 2> "err.$t" || true
    if [ -z "$first" ]; then
      first=$t
      [ -s out.1 ] || { echo "$name: no output at all: $(head -c 300 err.1)"; failed=1; }
    elif ! cmp -s "out.$first" "out.$t" || ! cmp -s "err.$first" "err.$t"; then
      echo "$name: $t threads differ from 1"
      diff "out.$first" "out.$t" | head -n 5
      diff "err.$first" "err.$t" | head -n 5
      failed=1
    fi
  done
  echo "$name: $(wc -l < out.1) lines, identical for 1, 2 and 3 threads"
}
j="join-records --right people.jsonl --on person --threads THREADS"
check "inner, nested" "$j --as who --on-error skip --stats events.jsonl"
head -n 9972 events.jsonl | join-records --right people.jsonl --on person --as who > before-bad.jsonl
check "left, merged" "$j --how left --prefix who_ --on-error skip events.jsonl"
check "full" "$j --how full --as who --on-error skip --strict events.jsonl"
check "anti" "$j --how anti --on-error skip events.jsonl"
check "bad lines in file order" \
  "$j --as who --on-error bad.THREADS events.jsonl >/dev/null && cat bad.THREADS"
check "the first bad line stops" "$j --as who events.jsonl; echo status \$?"
grep -q 'events.jsonl:9973:' err.1 || { echo "stop: not the first bad line: $(cat err.1)"; failed=1; }
head -n -1 out.1 | cmp -s - before-bad.jsonl ||
  { echo "stop: not exactly the lines before the bad one ($(wc -l < out.1) lines)"; failed=1; }
check "a pipe" "cat events.jsonl | $j --as who --on-error skip -"
check "grace join" "$j --how full --as who --memory 64K --on-error skip --stats events.jsonl"
exit "$failed"
