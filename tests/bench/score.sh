#!/usr/bin/env bash
# score benchmark. Events: generated lines for 100k persons, 1M and 10M by
# default. score runs examples/rules/sesame.rules (caps, fades, flags) with
# --explain off and on, on 1 and 2 threads; score and its peers (jq 1.6,
# Miller, sqlite3, DuckDB and Polars on 1 and 2 threads) compute the same per-person
# totals of tests/data/score/differential.rules (14 rules, per-unit points,
# no caps or fades, which SQL and jq can say plainly) and their outputs are
# checked equal. The floor is simdjson's parse_many streamed through a reused
# 1 MiB buffer (every line validated, nothing else); the whole-file load is
# printed beside it.
# Usage: tests/bench/score.sh [LINES...]
#        tests/bench/score.sh friends [PERSONS] [DEGREE]
source "$(dirname "$0")/common.sh"
source "$here/score_peers.sh"
# measure runs its command in a new bash: the peers go with it.
export here
export -f peer_jq peer_mlr peer_sqlite peer_duckdb peer_polars
sesame=$root/examples/rules/sesame.rules
plain=$root/tests/data/score/differential.rules

events_per_second() { awk -v l="$1" -v s="$2" 'BEGIN { printf "%.2fM events/s", (s > 0 ? l / s / 1e6 : 0) }'; }
check() {  # NAME FILE: a peer's totals against score's
  if cmp -s "$WORK/score-ours.tsv" "$2"; then echo "  $1: totals equal to score's"; else
    echo "  $1: totals DIFFER from score's"; diff "$WORK/score-ours.tsv" "$2" | head -n 4; fi
}

events_bench() {
  local lines=$1 data=$WORK/score-events-$1.jsonl
  [ -s "$data" ] || gen-events events --linked --population 100000 --days 365 --threads 2 |
    head -n "$lines" >"$data"
  local bytes; bytes=$(stat -c %s "$data")
  echo "== $lines lines, $((bytes / 1000000)) MB, $(score --version)"
  measure "simdjson parse, streamed (floor)" "$bytes" "bench-stream-parse $data"; local dom=$LAST_SECONDS
  measure "simdjson parse, whole file loaded" "$bytes" "bench-dom-parse $data"
  measure "score sesame, 1 thread" "$bytes" "score --rules $sesame --threads 1 $data"
  local s1=$LAST_SECONDS; echo "  $(events_per_second "$lines" "$s1")"
  measure "score sesame, 2 threads" "$bytes" "score --rules $sesame --threads 2 $data"
  local s2=$LAST_SECONDS; echo "  $(events_per_second "$lines" "$s2")"
  measure "score sesame --explain 3, 1 thread" "$bytes" "score --rules $sesame --explain 3 --threads 1 $data"
  measure "score sesame --explain 3, 2 threads" "$bytes" "score --rules $sesame --explain 3 --threads 2 $data"
  echo "-- the same totals (differential.rules), checked equal"
  measure "score, 1 thread" "$bytes" "score --rules $plain --threads 1 $data"; local p1=$LAST_SECONDS
  measure "score, 2 threads" "$bytes" \
    "score --rules $plain --threads 2 $data > $WORK/score-ours.jsonl"; local p2=$LAST_SECONDS
  score_totals "$WORK/score-ours.jsonl" >"$WORK/score-ours.tsv"
  measure "DuckDB, 1 thread" "$bytes" "peer_duckdb $data 1 > $WORK/score-duck1.tsv"; local d1=$LAST_SECONDS
  check "DuckDB, 1 thread" "$WORK/score-duck1.tsv"
  measure "DuckDB, 2 threads" "$bytes" "peer_duckdb $data 2 > $WORK/score-duck2.tsv"; local d2=$LAST_SECONDS
  check "DuckDB, 2 threads" "$WORK/score-duck2.tsv"
  measure "Polars, 2 threads" "$bytes" "peer_polars $data 2 > $WORK/score-polars2.tsv"; local po2=$LAST_SECONDS
  check "Polars, 2 threads" "$WORK/score-polars2.tsv"
  measure "sqlite3" "$bytes" "peer_sqlite $data > $WORK/score-sqlite.tsv"; local sq=$LAST_SECONDS
  check "sqlite3" "$WORK/score-sqlite.tsv"
  local jq_t="" mlr_t=""
  if [ "$lines" -le 1000000 ]; then
    measure "jq 1.6" "$bytes" "peer_jq $data > $WORK/score-jq.tsv"; jq_t=$LAST_SECONDS
    check "jq" "$WORK/score-jq.tsv"
    measure "Miller" "$bytes" "peer_mlr $data > $WORK/score-mlr.tsv"; mlr_t=$LAST_SECONDS
    check "Miller" "$WORK/score-mlr.tsv"
  else
    echo "  jq and Miller: skipped above 1M lines (minutes each; see the 1M run)"
  fi
  echo "-- ratios (one run)"
  echo "  score sesame 1 thread at $(awk -v a="$s1" -v b="$dom" 'BEGIN { printf "%.0f%%", 100 * b / a }') of the streamed parse rate (the floor)"
  echo "  score 2 threads vs DuckDB 2 threads: $(ratio "$p2" "$d2"); 1 vs 1: $(ratio "$p1" "$d1")"
  echo "  score 2 threads vs Polars 2 threads: $(ratio "$p2" "$po2")"
  echo "  score 2 threads vs sqlite3: $(ratio "$p2" "$sq")"
  [ -z "$jq_t" ] || echo "  score 2 threads vs jq 1.6: $(ratio "$p2" "$jq_t"); vs Miller: $(ratio "$p2" "$mlr_t")"
}

friends_bench() {
  local persons=${1:-1000000} degree=${2:-20}
  local events=$WORK/score-friends-events-$persons.jsonl friends=$WORK/score-friends-$persons-$degree.jsonl
  [ -s "$events" ] || gen-events events --linked --population "$persons" --days 1 --threads 2 >"$events"
  [ -s "$friends" ] || gen-events friends --population "$persons" --degree "$degree" >"$friends"
  local bytes; bytes=$(stat -c %s "$events")
  echo "== friends: $persons persons, $(wc -l <"$events") events, $(wc -l <"$friends") edges (degree $degree)"
  measure "score sesame" "$bytes" "score --rules $sesame $events > $WORK/score-friends-plain.jsonl"
  local plain_t=$LAST_SECONDS
  measure "score sesame --friends" "$bytes" \
    "score --rules $sesame --friends $friends $events > $WORK/score-friends-spill.jsonl"
  local spill_t=$LAST_SECONDS
  measure "score sesame --friends --explain 3" "$bytes" \
    "score --rules $sesame --friends $friends --explain 3 $events > /dev/null"
  # One more pass over the persons: validating their score lines.
  measure "one pass over the persons' lines" "$(stat -c %s "$WORK/score-friends-plain.jsonl")" \
    "jsonl-echo $WORK/score-friends-plain.jsonl"
  local pass_t=$LAST_SECONDS
  echo "  spill (friends file, graph, walk) added $(awk -v a="$spill_t" -v b="$plain_t" 'BEGIN { printf "%.2f s", a - b }');" \
    "one pass over the persons took ${pass_t} s"
  echo "  persons whose score spill changed: $(join -j1 <(jq -r '"\(.person) \(.score)"' "$WORK/score-friends-plain.jsonl") \
             <(jq -r '"\(.person) \(.score)"' "$WORK/score-friends-spill.jsonl") | awk '$2 != $3' | wc -l)"
}

if [ "${1:-}" = friends ]; then
  shift
  friends_bench "$@"
else
  [ $# -gt 0 ] || set -- 1000000 10000000
  for lines in "$@"; do events_bench "$lines"; done
fi
