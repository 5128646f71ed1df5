#!/usr/bin/env bash
# Record linkage at scale (join-records --fuzzy / --dedupe): 1M accounts
# deduplicated, and 100k accounts linked to a 1M-person register, on two
# threads; wall time, comparisons per second, memory, and the quality
# against gen-events' truth. Peer: DuckDB doing the same blocking and
# comparisons as Splink has it do (no EM), when @duckdb/node-api is
# installed here (npm install in tests/bench).
# Usage: tests/bench/link.sh   (BIN=build/release/bin by default)
source "$(dirname "$0")/common.sh"
threads=${THREADS:-2}

accounts=$WORK/link-accounts-1m.jsonl people=$WORK/link-people-1m.jsonl left=$WORK/link-accounts-100k.jsonl
[ -s "$accounts" ] || gen-events accounts --population 300000 --truth > "$accounts"
[ -s "$people" ] || gen-events people --population 1000000 > "$people"
[ -s "$left" ] || gen-events accounts --population 1000000 --truth | head -n 100000 > "$left"
echo "data: $(wc -l < "$accounts") accounts ($(du -m "$accounts" | cut -f1) MB);" \
  "$(wc -l < "$people") people; $(wc -l < "$left") accounts to link"

# rate NAME: comparisons per second from the --stats line of the last run.
rate() {
  local pairs
  pairs=$(grep -o '[0-9]* candidate pairs' "$WORK/.stderr" | cut -d' ' -f1)
  awk -v n="$1" -v p="$pairs" -v s="$LAST_SECONDS" \
    'BEGIN { printf "  %s: %d candidate pairs, %.2f M pairs/s (each compared twice: EM, then links)\n", n, p, (s > 0 ? p / s / 1e6 : 0) }'
}

echo "== 1M accounts deduplicated ($threads threads)"
dedupe="join-records --dedupe --id account --compare name:name --compare 'phone:dl(1)' \
  --compare birth_year:year --compare city:exact --block phone --block name,birth_year \
  --threads $threads --stats"
measure "join-records --dedupe" "$(stat -c %s "$accounts")" "$dedupe --clusters $accounts"
ours=$LAST_SECONDS
rate "dedupe"
measure "  the same, --evaluate person" "$(stat -c %s "$accounts")" \
  "$dedupe --evaluate person $accounts | head -n 1 > $WORK/link-dedupe-eval.json"
echo "  quality: $(cat "$WORK/link-dedupe-eval.json")"
if [ -d "$here/node_modules/@duckdb/node-api" ]; then
  measure "DuckDB: same blocking + comparisons" "$(stat -c %s "$accounts")" \
    "node $here/link_duckdb.mjs $accounts $threads > $WORK/link-duckdb.out"
  echo "  DuckDB: $(cat "$WORK/link-duckdb.out"); join-records is $(ratio "$ours" "$LAST_SECONDS") as fast" \
    "(and also ran EM and wrote clusters)"
fi

echo "== 100k accounts linked to 1M people ($threads threads)"
link="join-records --fuzzy --right $people --id account=person --compare name:name \
  --compare birth_year=birthdate:year --compare city:exact \
  --block name,birth_year=birthdate:year --block name:words,city \
  --block birth_year=birthdate:year,city,name:first2 --best --threads $threads --stats"
measure "join-records --fuzzy --best" "$(( $(stat -c %s "$left") + $(stat -c %s "$people") ))" "$link $left"
rate "link"
measure "  the same, --evaluate person=person" 0 \
  "$link --evaluate person=person $left | head -n 1 > $WORK/link-eval.json"
echo "  quality: $(cat "$WORK/link-eval.json")"
