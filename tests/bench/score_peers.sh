# The peers of tests/bench/score.sh, each computing the per-person totals of
# tests/data/score/differential.rules in thousandths (each rule's points
# rounded once, half away from zero) as sorted "person<TAB>total" lines.
# Source it; each function takes the events file.

peer_jq() {
  # The linear reduce (PERF-NOTES: `.[$k] += $v` is quadratic in jq 1.6, and
  # so is `.[$k] = (.[$k] // 0) + $v`; null + $v is $v).
  jq -n -r '
    def pts:
      if .type == "purchase" then (1000 * .amount / 100 | round)
        + (if .origin == "imported" then -500 else 0 end)
        + (if .category == "alcohol" or .category == "games" then -2000 else 0 end)
      elif .type == "game_session" then (-300 * .hours / 1 | round)
      elif .type == "post" then
        (if .stance == "critical" and .topic == "government" then -5000 else 0 end)
        + (if .stance == "supportive" then 1000 else 0 end)
      elif .type == "rating" then (if .direction == "received" then (250 * .stars / 1 | round) else 0 end)
      elif .type == "loan_repayment" then
        (if .status == "late" then (-1500 * .days_late / 1 | round)
         elif .status == "on_time" then (1000 * .amount / 1000 | round) else 0 end)
      elif .type == "red_light" then -3000
      elif .type == "fine" then (if .paid == false then (-2000 * .amount / 100 | round) else 0 end)
      elif .type == "lawsuit" then (if .role == "defendant" then -4000 else 0 end)
      elif .type == "judgment" then (-1000 * .amount / 1000 | round)
      elif .type == "unpaid_judgment" then -50000
      else 0 end;
    reduce inputs as $e ({}; ($e.person) as $p | ($e | pts) as $x | .[$p] = .[$p] + $x)
    | to_entries[] | "\(.key)\t\(.value)"' "$1" | LC_ALL=C sort
}

peer_mlr() {
  mlr --ijsonl --otsv --headerless-csv-output put -q '
    p = 0;
    if ($type == "purchase") {
      p = round(1000 * $amount / 100);
      if ($origin == "imported") { p -= 500 }
      if ($category == "alcohol" || $category == "games") { p -= 2000 }
    } elif ($type == "game_session") {
      p = round(-300 * $hours / 1);
    } elif ($type == "post") {
      if ($stance == "critical" && $topic == "government") { p -= 5000 }
      if ($stance == "supportive") { p += 1000 }
    } elif ($type == "rating") {
      if ($direction == "received") { p = round(250 * $stars / 1) }
    } elif ($type == "loan_repayment") {
      if ($status == "late") { p = round(-1500 * $days_late / 1) }
      elif ($status == "on_time") { p = round(1000 * $amount / 1000) }
    } elif ($type == "red_light") {
      p = -3000;
    } elif ($type == "fine") {
      if ($paid == false) { p = round(-2000 * $amount / 100) }
    } elif ($type == "lawsuit") {
      if ($role == "defendant") { p = -4000 }
    } elif ($type == "judgment") {
      p = round(-1000 * $amount / 1000);
    } elif ($type == "unpaid_judgment") {
      p = -50000;
    }
    @sum[$person] += p;
    end { emit @sum, "person" }' "$1" |
    awk -F '\t' '{ printf "%s\t%d\n", $1, $2 }' | LC_ALL=C sort
}

peer_sqlite() {
  sqlite3 :memory: <<SQL | LC_ALL=C sort
CREATE TABLE ev(line TEXT);
.mode ascii
.separator "\037" "\n"
.import $1 ev
.mode tabs
SELECT person, CAST(sum(pts) AS INTEGER) FROM (
  SELECT json_extract(line, '\$.person') AS person,
    CASE json_extract(line, '\$.type')
      WHEN 'purchase' THEN round(1000.0 * json_extract(line, '\$.amount') / 100)
        + CASE WHEN json_extract(line, '\$.origin') = 'imported' THEN -500 ELSE 0 END
        + CASE WHEN json_extract(line, '\$.category') IN ('alcohol', 'games') THEN -2000 ELSE 0 END
      WHEN 'game_session' THEN -round(300.0 * json_extract(line, '\$.hours') / 1)
      WHEN 'post' THEN
        CASE WHEN json_extract(line, '\$.stance') = 'critical'
               AND json_extract(line, '\$.topic') = 'government' THEN -5000 ELSE 0 END
        + CASE WHEN json_extract(line, '\$.stance') = 'supportive' THEN 1000 ELSE 0 END
      WHEN 'rating' THEN CASE WHEN json_extract(line, '\$.direction') = 'received'
        THEN round(250.0 * json_extract(line, '\$.stars') / 1) ELSE 0 END
      WHEN 'loan_repayment' THEN CASE json_extract(line, '\$.status')
        WHEN 'late' THEN -round(1500.0 * json_extract(line, '\$.days_late') / 1)
        WHEN 'on_time' THEN round(1000.0 * json_extract(line, '\$.amount') / 1000) ELSE 0 END
      WHEN 'red_light' THEN -3000
      WHEN 'fine' THEN CASE WHEN json_extract(line, '\$.paid') = 0
        THEN -round(2000.0 * json_extract(line, '\$.amount') / 100) ELSE 0 END
      WHEN 'lawsuit' THEN CASE WHEN json_extract(line, '\$.role') = 'defendant' THEN -4000 ELSE 0 END
      WHEN 'judgment' THEN -round(1000.0 * json_extract(line, '\$.amount') / 1000)
      WHEN 'unpaid_judgment' THEN -50000
      ELSE 0 END AS pts
  FROM ev) GROUP BY person;
SQL
}

peer_duckdb() {  # FILE THREADS
  node "$here/score_duckdb.mjs" "$1" "$2" | LC_ALL=C sort
}

peer_polars() {  # FILE THREADS (Polars reads its thread count as it loads)
  POLARS_MAX_THREADS=$2 node "$here/score_polars.mjs" "$1" "$2" | LC_ALL=C sort
}

# score's own totals in the same shape (points print with at most three
# decimals, so * 1000 | round is exact).
score_totals() {
  jq -r '"\(.person)\t\([.contributions[]] | map(. * 1000 | round) | add // 0)"' "$1" |
    LC_ALL=C sort
}
