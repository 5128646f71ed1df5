#!/usr/bin/env bash
# score against sqlite3: on >= 100k generated events and a rule set of 14
# rules (every event type, per-unit points, a flag, a clamp), every person's
# events, matched, score, flags and points per rule must equal what sqlite3
# computes from the same lines with its JSON functions, exactly.
set -euo pipefail
src=${SOCRED_SOURCE_DIR:?}
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 not installed"; exit 77; }
command -v jq >/dev/null || { echo "skipped: jq not installed"; exit 77; }
rules=$src/tests/data/score/differential.rules
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

gen-events events --linked --population 700 --days 30 --seed 5 > events.jsonl
lines=$(wc -l < events.jsonl)
[ "$lines" -ge 100000 ] || { echo "only $lines events generated"; exit 1; }
for t in purchase game_session post rating loan_repayment red_light fine lawsuit judgment \
         unpaid_judgment; do
  grep -q "\"type\":\"$t\"" events.jsonl || { echo "no $t event in the data"; exit 1; }
done

score --rules "$rules" --threads 2 events.jsonl > scores.jsonl
# One line per person and rule, in thousandths: points print with at most
# three decimals, so *1000 | round is exact.
jq -r '.person as $p
       | "\($p)\t-\tevents\t\(.events)", "\($p)\t-\tmatched\t\(.matched)",
         "\($p)\t-\tscore\t\(.score)", "\($p)\t-\tflags\t\(.flags | join(","))",
         (.contributions | to_entries[] | "\($p)\trule\t\(.key)\t\(.value * 1000 | round)")' \
  scores.jsonl | LC_ALL=C sort > ours.tsv

# raw thousandths = points(in thousandths) x value / per, in double, rounded
# once half away from zero (sqlite's round() for n = 0).
sqlite3 :memory: >theirs.raw <<'SQL'
CREATE TABLE ev(line TEXT);
.mode ascii
.separator "\037" "\n"
.import events.jsonl ev
CREATE TABLE e AS SELECT
  json_extract(line, '$.person') AS person, json_extract(line, '$.type') AS type,
  json_extract(line, '$.origin') AS origin, json_extract(line, '$.category') AS category,
  json_extract(line, '$.amount') AS amount, json_extract(line, '$.hours') AS hours,
  json_extract(line, '$.topic') AS topic, json_extract(line, '$.stance') AS stance,
  json_extract(line, '$.direction') AS direction, json_extract(line, '$.stars') AS stars,
  json_extract(line, '$.status') AS status, json_extract(line, '$.days_late') AS days_late,
  json_extract(line, '$.paid') AS paid, json_extract(line, '$.role') AS role,
  rowid AS n
FROM ev;
CREATE TABLE m AS
  SELECT person, n, 'buy' AS rule, round(1000.0 * amount / 100) AS pts FROM e WHERE type = 'purchase'
  UNION ALL SELECT person, n, 'imported', -500 FROM e WHERE type = 'purchase' AND origin = 'imported'
  UNION ALL SELECT person, n, 'vice', -2000 FROM e WHERE type = 'purchase' AND category IN ('alcohol', 'games')
  UNION ALL SELECT person, n, 'gaming', -round(300.0 * hours / 1) FROM e WHERE type = 'game_session'
  UNION ALL SELECT person, n, 'critic', -5000 FROM e WHERE type = 'post' AND stance = 'critical' AND topic = 'government'
  UNION ALL SELECT person, n, 'praise', 1000 FROM e WHERE type = 'post' AND stance = 'supportive'
  UNION ALL SELECT person, n, 'stars', round(250.0 * stars / 1) FROM e WHERE type = 'rating' AND direction = 'received'
  UNION ALL SELECT person, n, 'late', -round(1500.0 * days_late / 1) FROM e WHERE type = 'loan_repayment' AND status = 'late'
  UNION ALL SELECT person, n, 'repaid', round(1000.0 * amount / 1000) FROM e WHERE type = 'loan_repayment' AND status = 'on_time'
  UNION ALL SELECT person, n, 'red_light', -3000 FROM e WHERE type = 'red_light'
  UNION ALL SELECT person, n, 'fine', -round(2000.0 * amount / 100) FROM e WHERE type = 'fine' AND paid = 0
  UNION ALL SELECT person, n, 'defendant', -4000 FROM e WHERE type = 'lawsuit' AND role = 'defendant'
  UNION ALL SELECT person, n, 'judgment', -round(1000.0 * amount / 1000) FROM e WHERE type = 'judgment'
  UNION ALL SELECT person, n, 'unpaid', -50000 FROM e WHERE type = 'unpaid_judgment';
.mode tabs
SELECT person, '-', 'events', count(*) FROM e GROUP BY person;
SELECT person, '-', 'matched', count(DISTINCT n) FROM m GROUP BY person
  UNION ALL SELECT person, '-', 'matched', 0 FROM e WHERE person NOT IN (SELECT person FROM m) GROUP BY person;
SELECT e.person, '-', 'score',
  CASE WHEN t >= 0 THEN (t + 500) / 1000 ELSE -((-t + 500) / 1000) END
FROM (SELECT person FROM e GROUP BY person) AS e
LEFT JOIN (SELECT person, max(350000, min(950000, 600000 + CAST(sum(pts) AS INTEGER))) AS t
           FROM m GROUP BY person) AS s ON s.person = e.person;
SELECT person, '-', 'flags', CASE WHEN sum(rule = 'unpaid') > 0 THEN 'blacklist' ELSE '' END
  FROM (SELECT person, '' AS rule FROM e UNION ALL SELECT person, rule FROM m) GROUP BY person;
SELECT person, 'rule', rule, CAST(sum(pts) AS INTEGER) FROM m GROUP BY person, rule;
SQL
# A person without matches has a NULL total: the base, 600.
sed 's/\tscore\t$/\tscore\t600/' theirs.raw | LC_ALL=C sort > theirs.tsv

persons=$(grep -c $'\tevents\t' ours.tsv)
if ! diff ours.tsv theirs.tsv > diff.txt; then
  echo "score and sqlite3 differ:"
  head -n 20 diff.txt
  exit 1
fi
echo "$lines events, $persons persons, $(grep -c $'\trule\t' ours.tsv) person-rule totals: equal"
