#!/usr/bin/env bash
# join-records benchmark: EVENTS events joined with PEOPLE register records
# on `person` (each event gets its person's record), against Miller's join,
# sqlite3 and DuckDB doing the same join with the same output, checked.
# join-records runs on every core (the default) and on one thread.
# Prints MB/s (events + people bytes over wall and over CPU time), peak
# memory, and the ratios, all from one run. Also the grace join (--memory an eighth of the
# right side) against the in-memory join, byte for byte.
# Usage: tests/bench/join-records.sh [EVENTS [PEOPLE]]   (default 1000000 100000)
# SKIP="mlr sqlite" leaves out slow peers (Miller takes minutes at 10M).
source "$(dirname "$0")/common.sh"

# run NAME CMD: like common.sh's measure, plus CPU seconds (user + sys, all
# threads), which stay meaningful when the shared machine is loaded. Sets
# LAST_SECONDS (wall) and LAST_CPU.
run() {
  local name=$1 cmd=$2 t
  /usr/bin/time -o "$WORK/.time" -f '%e %U %S %M' bash -c "$cmd" >/dev/null 2>"$WORK/.stderr" ||
    echo "$name: failed: $(head -c 300 "$WORK/.stderr")" >&2
  read -r LAST_SECONDS user sys kib < <(tail -n 1 "$WORK/.time")
  LAST_CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  awk -v n="$name" -v w="$LAST_SECONDS" -v c="$LAST_CPU" -v b="$bytes" -v k="$kib" 'BEGIN {
    printf "%-32s %7.2f s %7.2f CPU s %7.1f MB/s %7.1f MB/CPU s %8.1f MiB\n",
      n, w, c, (w > 0 ? b / w / 1e6 : 0), (c > 0 ? b / c / 1e6 : 0), k / 1024 }'
}
# both NAME OURS_WALL OURS_CPU PEER_WALL PEER_CPU: the ratios, wall and CPU.
both() {
  echo "$1: $(ratio "$2" "$4") faster (wall), $(ratio "$3" "$5") (CPU)"
}

events_n=${1:-1000000}
people_n=${2:-$((events_n / 10))}
skip=" ${SKIP:-} "
command -v gen-events >/dev/null || { echo "build gen-events first (release preset)"; exit 1; }
people=$WORK/join-people-$people_n.jsonl
events=$WORK/join-events-$people_n-$events_n.jsonl
[ -s "$people" ] || gen-events people --population "$people_n" >"$people"
if [ ! -s "$events" ]; then
  # About 10 events per person a year: enough days to reach EVENTS lines.
  days=$(( (events_n / people_n + 1) * 40 ))
  gen-events events --linked --population "$people_n" --days "$days" --threads 2 |
    head -n "$events_n" >"$events"
fi
pbytes=$(stat -c %s "$people") ebytes=$(stat -c %s "$events")
bytes=$((pbytes + ebytes))
out=$WORK/join-out
mkdir -p "$out"
echo "join-records: $events_n events ($((ebytes / 1000000)) MB) x $people_n people ($((pbytes / 1000000)) MB), $(join-records --version)"

# same A B: the two outputs hold the same records (every line parsed, keys
# sorted; line order ignored, as SQL engines choose their own).
same() {
  python3 - "$1" "$2" <<'PY'
import json, sys
from collections import Counter
def records(path):
    c = Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            c[json.dumps(json.loads(line), sort_keys=True)] += 1
    return c
a, b = records(sys.argv[1]), records(sys.argv[2])
print("same records" if a == b else f"DIFFERENT: {sum((a - b).values())} vs {sum((b - a).values())} lines differ")
sys.exit(0 if a == b else 1)
PY
}

echo "-- nested (--as who): join-records, sqlite3, DuckDB"
run "join-records --as who" \
  "join-records --right $people --on person --as who $events >$out/ours-nest.jsonl"
ours=$LAST_SECONDS ours_cpu=$LAST_CPU
run "join-records --as who, 1 thread" \
  "join-records --right $people --on person --as who --threads 1 $events >$out/ours-nest-1.jsonl"
one=$LAST_SECONDS
cmp -s "$out/ours-nest.jsonl" "$out/ours-nest-1.jsonl" && echo "1 thread: byte-identical output" ||
  echo "1 thread: OUTPUT DIFFERS"
run "join-records --as who (grace)" \
  "join-records --right $people --on person --as who --memory $((pbytes / 8)) --tmpdir $out $events >$out/ours-grace.jsonl"
grace=$LAST_SECONDS grace_cpu=$LAST_CPU
cmp -s "$out/ours-nest.jsonl" "$out/ours-grace.jsonl" && echo "grace join: byte-identical output" ||
  echo "grace join: OUTPUT DIFFERS"
if [[ $skip != *" sqlite "* ]] && command -v sqlite3 >/dev/null; then
  cat >"$out/join.sql" <<SQL
.mode ascii
.separator "\\037" "\\n"
CREATE TABLE p(j TEXT);
CREATE TABLE e(j TEXT);
.import $people p
.import $events e
CREATE TABLE pk AS SELECT json_extract(j, '\$.person') AS k, j FROM p;
CREATE INDEX pk_k ON pk(k);
.mode list
.output $out/sqlite.jsonl
SELECT json_set(e.j, '\$.who', json(pk.j)) FROM e JOIN pk ON pk.k = json_extract(e.j, '\$.person')
  ORDER BY e.rowid;
SQL
  run "sqlite3 (import, index, join)" "sqlite3 :memory: <$out/join.sql"
  sqlite=$LAST_SECONDS sqlite_cpu=$LAST_CPU
  echo "sqlite3 vs join-records: $(same "$out/sqlite.jsonl" "$out/ours-nest.jsonl")"
fi
if [[ $skip != *" duckdb "* ]] && command -v node >/dev/null; then
  [ -d "$here/node_modules/@duckdb/node-api" ] || (cd "$here" && npm install --no-save @duckdb/node-api >/dev/null 2>&1)
  run "DuckDB (2 threads)" \
    "node $here/join-duckdb.mjs $events $people $out/duckdb.jsonl 2"
  duck=$LAST_SECONDS duck_cpu=$LAST_CPU
  echo "DuckDB vs join-records: $(same "$out/duckdb.jsonl" "$out/ours-nest.jsonl")"
fi

echo "-- merged (--prefix who_): join-records, Miller"
run "join-records --prefix who_" \
  "join-records --right $people --on person --prefix who_ $events >$out/ours-prefix.jsonl"
ours_prefix=$LAST_SECONDS ours_prefix_cpu=$LAST_CPU
if [[ $skip != *" mlr "* ]] && command -v mlr >/dev/null; then
  run "mlr join --lp who_" \
    "mlr --ijsonl --ojsonl join --lp who_ -j person -f $people $events >$out/mlr.jsonl"
  mlr=$LAST_SECONDS mlr_cpu=$LAST_CPU
  echo "Miller vs join-records: $(same "$out/mlr.jsonl" "$out/ours-prefix.jsonl")"
fi

echo "-- ratios (how many times faster join-records is)"
[ -n "${duck:-}" ] && both "vs DuckDB" "$ours" "$ours_cpu" "$duck" "$duck_cpu"
[ -n "${sqlite:-}" ] && both "vs sqlite3" "$ours" "$ours_cpu" "$sqlite" "$sqlite_cpu"
[ -n "${mlr:-}" ] && both "vs Miller" "$ours_prefix" "$ours_prefix_cpu" "$mlr" "$mlr_cpu"
echo "all cores vs 1 thread: $(ratio "$ours" "$one") faster (wall)"
echo "grace join vs in-memory: $(awk -v a="$grace" -v b="$ours" -v c="$grace_cpu" -v d="$ours_cpu" \
  'BEGIN { printf "%.2fx the time, %.2fx the CPU", (b > 0 ? a / b : 0), (d > 0 ? c / d : 0) }')"
