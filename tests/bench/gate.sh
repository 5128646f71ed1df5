#!/usr/bin/env bash
# gate benchmark: decisions per second for PERSONS persons x 8 services, and
# whether gate is ever the slowest stage of the pipeline. The stages are
# compared in persons per second on one generated population (gen-events,
# score, gate); the 1M-person score file is that population's score lines
# repeated under new person ids, so its shape is real. jq deciding the same
# 8 services (outcome only: no reasons, conditions or would_flip) is the
# peer. Usage: tests/bench/gate.sh [PERSONS] [POPULATION]
source "$(dirname "$0")/common.sh"
persons=${1:-1000000}
population=${2:-2000}
policy=$root/examples/policies/state.policy
rules=$root/examples/rules/sesame.rules
services="job.civil_service daycare exit_visa flight train hotel loan discount"
service_args=$(for s in $services; do printf -- '--service %s ' "$s"; done)

# run NAME CMD: like measure, but the machine is shared and often loaded, so
# the figure compared is CPU seconds (user + system, all threads), which
# load does not inflate. Sets CPU.
run() {
  local name=$1 cmd=$2 t
  /usr/bin/time -o "$WORK/.time" -f '%e %U %S %M' bash -c "$cmd" >/dev/null 2>"$WORK/.stderr" ||
    { echo "$name: failed: $(head -c 300 "$WORK/.stderr")" >&2; }
  t=$(tail -n 1 "$WORK/.time")
  read -r wall user sys kib <<<"$t"
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  awk -v n="$name" -v w="$wall" -v c="$CPU" -v k="$kib" \
    'BEGIN { printf "%-34s %7.2f s wall %7.2f s CPU %7.1f MiB\n", n, w, c, k / 1024 }'
}

events=$WORK/gate-events-$population.jsonl
scores=$WORK/gate-scores-$population.jsonl
big=$WORK/gate-scores-$persons.jsonl
[ -s "$events" ] || gen-events events --linked --population "$population" --days 365 >"$events"
[ -s "$scores" ] || score --rules "$rules" "$events" >"$scores"
if [ ! -s "$big" ]; then
  # Copies of the population's score lines, person ids renumbered.
  python3 - "$scores" "$persons" >"$big" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
person = re.compile(r'"person":"[^"]*"')
out = sys.stdout
for i in range(int(sys.argv[2])):
    out.write(person.sub('"person":"p%07d"' % (i + 1), lines[i % len(lines)], count=1) + "\n")
PY
fi
bbytes=$(stat -c %s "$big")
echo "gate: $(gate --version)"
echo "population $population: $(wc -l <"$events") events, $(wc -l <"$scores") score lines"

echo "-- stages on the same population (persons per CPU second)"
run "gen-events events" "gen-events events --linked --population $population --days 365"
gen=$CPU
run "score (all cores)" "score --rules $rules $events"
sc=$CPU
# gate on the population's lines repeated 20 times: one run of 2000 lines
# is mostly start-up.
run "gate (8 services), 20 x population" "for i in \$(seq 20); do cat $scores; done | gate --policy $policy --rules $rules $service_args"
ga=$(awk -v c="$CPU" 'BEGIN { printf "%.4f", c / 20 }')
for stage in "gen-events:$gen" "score:$sc" "gate:$ga"; do
  awk -v n="${stage%%:*}" -v s="${stage#*:}" -v p="$population" \
    'BEGIN { printf "  %-12s %12.0f persons per CPU s\n", n, (s > 0 ? p / s : 0) }'
done
echo "gate vs score: $(ratio "$ga" "$sc") faster per person; vs gen-events: $(ratio "$ga" "$gen")"

echo "-- $persons persons x 8 services"
run "gate (8 services)" "gate --policy $policy --rules $rules $service_args $big"
big_gate=$CPU
awk -v s="$big_gate" -v p="$persons" -v b="$bbytes" \
  'BEGIN { printf "  %.0f decisions per CPU s, %.0f persons per CPU s, %.0f MB/s in\n", 8 * p / s, p / s, b / s / 1e6 }'
# The peer decides only the outcome of the same clauses, on a tenth.
tenth=$WORK/gate-scores-tenth.jsonl
head -n $((persons / 10)) "$big" >"$tenth"
jq_program='
  def has_flag($f): (.flags // []) | index([$f]) != null;
  def decide($s; forbid; allow):
    {person, service: $s, decision: (if forbid then "forbidden" elif allow then "allow" else "not_permitted" end)};
  decide("job.civil_service"; has_flag("blacklist") or ((.by_source.social // 0) < -20); .score >= 700),
  decide("daycare"; has_flag("blacklist"); .score >= 550),
  decide("exit_visa"; has_flag("blacklist"); .score >= 600),
  decide("flight"; has_flag("blacklist"); .score >= 500),
  decide("train"; has_flag("blacklist") and .score < 500; .score >= 400),
  decide("hotel"; has_flag("blacklist"); .score >= 450),
  decide("loan"; has_flag("blacklist") or ((.contributions.late_repayment // 0) <= -100); .score >= 650),
  decide("discount"; false; .score >= 800)'
run "gate (8 services), a tenth" "gate --policy $policy --rules $rules $service_args $tenth"
tenth_gate=$CPU
run "jq (outcome only), a tenth" "jq -c '$jq_program' $tenth"
tenth_jq=$CPU
# The two must agree on every outcome.
diff <(gate --policy "$policy" $service_args "$tenth" | jq -r '[.person, .service, .decision] | @tsv') \
  <(jq -r "$jq_program | [.person, .service, .decision] | @tsv" "$tenth") >/dev/null &&
  echo "outcomes: gate and jq agree on all $((8 * persons / 10)) decisions" ||
  echo "outcomes: gate and jq DIFFER"
echo "gate vs jq: $(ratio "$tenth_gate" "$tenth_jq") faster (gate also writes reasons, conditions, would_flip)"
