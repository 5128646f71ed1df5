#!/usr/bin/env bash
# report's numbers against an independent computation: sqlite3 (JSON1) for
# counts, sums, shares, group rates and histogram bins, jq for quantiles
# (type 7 on the sorted scores). First on generated score and decision lines
# (20,000 persons, decimal points, five cities and a missing one), then, when
# gen-events, score, join-records and gate are built, on a real run of the
# pipeline.
set -euo pipefail
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# --- the independent side -------------------------------------------------
load() {  # load FILE: a table t(j) with one row per JSON line
  sed '1s/^/[/; $!s/$/,/; $s/$/]/' "$1" >array.json
  rm -f db.sqlite
  sqlite3 db.sqlite "CREATE TABLE t(j TEXT); INSERT INTO t SELECT value FROM json_each(readfile('array.json'));"
}
q() { sqlite3 -separator ' ' db.sqlite "$1"; }

check_scores() {  # check_scores FILE CUTOFF: report vs sqlite3 and jq
  local file=$1 cutoff=$2
  report --format json --by who.city --cutoff "$cutoff" --top 0 "$file" >r.json
  load "$file"
  {
    jq -r '.total | "persons \(.persons)", "events \(.events)"' r.json
    jq -r '.total.score | "mean \(.mean * 1e6 | round)", "min \(.min)", "max \(.max)"' r.json
    jq -r '.total.score.quantiles | to_entries[] | "\(.key) \(.value * 1e6 | round)"' r.json
    jq -r '.total.rules[] | "rule \(.rule) \(.points * 1000 | round) \(.persons)"' r.json | sort
    jq -r '.total.public_private | "public_share \(.public_share * 1e6 | round)"' r.json
    jq -r '.groups[] | "group \(.group) \(.figures.persons) \(.figures.selected)"' r.json | sort
    jq -r '.disparity[0].groups[] | "below \(.group) \(.below_four_fifths)"' r.json | sort
    jq -r '.total.score.histogram[] | "bin \(.lo) \(.count)"' r.json
  } >report.txt
  {
    q "SELECT 'persons', count(*) FROM t;"
    q "SELECT 'events', sum(json_extract(j,'$.events')) FROM t;"
    q "SELECT 'mean', CAST(round(avg(json_extract(j,'$.score')) * 1e6) AS INTEGER) FROM t;"
    q "SELECT 'min', min(json_extract(j,'$.score')) FROM t;"
    q "SELECT 'max', max(json_extract(j,'$.score')) FROM t;"
    # Type 7 quantiles with jq, on the sorted scores.
    jq -s -r '[.[].score] | sort as $s | ($s | length) as $n
      | [[0.1, "p10"], [0.25, "p25"], [0.5, "median"], [0.75, "p75"], [0.9, "p90"]][]
      | (.[0] * ($n - 1)) as $h | ($h | floor) as $lo | ([$lo + 1, $n - 1] | min) as $hi
      | "\(.[1]) \(($s[$lo] + ($h - $lo) * ($s[$hi] - $s[$lo])) * 1e6 | round)"' "$file"
    q "SELECT 'rule', c.key, CAST(round(sum(c.value) * 1000) AS INTEGER),
              sum(CASE WHEN c.value != 0 THEN 1 ELSE 0 END)
       FROM t, json_each(json_extract(t.j,'$.contributions')) c GROUP BY c.key;" | sort
    q "SELECT 'public_share', CAST(round(
         sum(CASE WHEN s.key IN ('police','court') THEN abs(s.value) ELSE 0 END) * 1e6
         / sum(abs(s.value))) AS INTEGER)
       FROM t, json_each(json_extract(t.j,'$.by_source')) s;"
    q "SELECT 'group', coalesce(json_extract(j,'$.who.city'), '(missing)'), count(*),
              sum(json_extract(j,'$.score') >= $cutoff) FROM t GROUP BY 2;" | sort
    # Four fifths: a group's rate below 0.8 of the reference rate, the best
    # among groups of at least 30 persons (--min-group's default).
    q "WITH g AS (SELECT coalesce(json_extract(j,'$.who.city'), '(missing)') AS city,
                         count(*) AS n,
                         avg(json_extract(j,'$.score') >= $cutoff) AS rate FROM t GROUP BY 1)
       SELECT 'below', city, CASE WHEN rate < 0.8 * (SELECT max(rate) FROM g WHERE n >= 30)
                                  THEN 'true' ELSE 'false' END FROM g;" | sort
  } >independent.txt
  # Histogram counts: the bin edges come from report, the counts from sqlite.
  jq -r '.total.score.histogram[] | "\(.lo) \(.hi)"' r.json | while read -r lo hi; do
    q "SELECT 'bin', $lo, count(*) FROM t WHERE json_extract(j,'$.score') >= $lo
                                            AND json_extract(j,'$.score') < $hi;"
  done >>independent.txt
  if ! diff -u independent.txt report.txt; then
    echo "score figures differ for $file (- sqlite3/jq, + report)"
    return 1
  fi
  echo "$file: $(wc -l <report.txt) score figures agree with sqlite3 and jq"
}

check_decisions() {  # check_decisions FILE
  local file=$1
  report --format json --by who.city "$file" >r.json
  load "$file"
  {
    jq -r '.total.services[] | "service \(.service) \(.allow) \(.forbidden) \(.not_permitted)"' r.json | sort
    jq -r '.disparity[] | .subject as $s | .groups[] | "below \($s) \(.group) \(.n) \(.selected) \(.below_four_fifths)"' r.json | sort
  } >report.txt
  {
    q "SELECT 'service', json_extract(j,'$.service'),
              sum(json_extract(j,'$.decision') = 'allow'),
              sum(json_extract(j,'$.decision') = 'forbidden'),
              sum(json_extract(j,'$.decision') = 'not_permitted') FROM t GROUP BY 2;" | sort
    q "WITH g AS (SELECT json_extract(j,'$.service') AS service,
                         coalesce(json_extract(j,'$.who.city'), '(missing)') AS city,
                         count(*) AS n, sum(json_extract(j,'$.decision') = 'allow') AS allowed
                  FROM t GROUP BY 1, 2)
       SELECT 'below', service, city, n, allowed,
              CASE WHEN (SELECT max(1.0 * allowed / n) FROM g b
                         WHERE b.service = g.service AND b.n >= 30) > 0
                        AND 1.0 * allowed / n < 0.8 * (SELECT max(1.0 * allowed / n) FROM g b
                                                      WHERE b.service = g.service AND b.n >= 30)
                   THEN 'true' ELSE 'false' END FROM g;" | sort
  } >independent.txt
  if ! diff -u independent.txt report.txt; then
    echo "decision figures differ for $file (- sqlite3, + report)"
    return 1
  fi
  echo "$file: $(wc -l <report.txt) decision figures agree with sqlite3"
}

# --- generated lines -------------------------------------------------------
python3 - <<'PY'
import json, random
rng = random.Random(20240301)
cities = ["Beijing", "Chengdu", "Shanghai", "Wuhan", "Xi'an"]
rules = [("on_time_repayment", "market"), ("late_repayment", "market"), ("imported_goods", "shop"),
         ("gaming_hours", "game"), ("critical_post", "social"), ("red_light", "police"),
         ("unpaid_judgment", "court"), ("low_rating", "ride")]
services = ["job.civil_service", "daycare", "exit_visa"]
with open("scores.jsonl", "w") as s, open("decisions.jsonl", "w") as d:
    for i in range(1, 20001):
        person = "p%07d" % i
        city = rng.choice(cities) if rng.random() > 0.02 else None
        bias = {"Wuhan": -25, "Xi'an": -10}.get(city, 0)
        contributions, by_source = {}, {}
        for rule, source in rules:
            pts = round(rng.gauss(bias / 4, 18), 3) if rng.random() < 0.6 else 0
            contributions[rule] = pts
            by_source[source] = round(by_source.get(source, 0) + pts, 3)
        score = max(350, min(950, round(600 + sum(contributions.values()))))
        flags = ["blacklist"] if contributions["unpaid_judgment"] < -30 else []
        line = {"person": person, "score": score, "base": 600, "events": rng.randint(0, 400),
                "matched": 0, "flags": flags, "contributions": contributions, "by_source": by_source}
        if city:
            line["who"] = {"city": city}
        s.write(json.dumps(line, separators=(",", ":")) + "\n")
        for k, service in enumerate(services):
            if flags and k != 1:
                decision = "forbidden"
            else:
                decision = "allow" if score >= (650, 560, 600)[k] else "not_permitted"
            out = {"person": person, "service": service, "decision": decision, "reasons": [],
                   "conditions": [], "would_flip": None, "score": score,
                   "decision_id": "%016x" % rng.getrandbits(64), "policy_hash": "0" * 16}
            if city:
                out["who"] = {"city": city}
            d.write(json.dumps(out, separators=(",", ":")) + "\n")
PY
check_scores scores.jsonl 600
check_decisions decisions.jsonl

# --- a real run of the pipeline, where the tools are built ----------------
src=${SOCRED_SOURCE_DIR:?}
for tool in gen-events score join-records gate; do
  if ! command -v "$tool" >/dev/null; then
    echo "pipeline part skipped: $tool is not built"
    exit 0
  fi
done
gen-events people --seed 9 --population 3000 >people.jsonl
gen-events events --seed 9 --population 3000 --days 60 --linked >events.jsonl
score --rules "$src/examples/rules/sesame.rules" events.jsonl >run-scores.jsonl
join-records --right people.jsonl --on person --as who <run-scores.jsonl >joined.jsonl
check_scores joined.jsonl 600
gate --policy "$src/examples/policies/state.policy" joined.jsonl >run-decisions.jsonl
check_decisions run-decisions.jsonl
