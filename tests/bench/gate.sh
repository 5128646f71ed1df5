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

events=$WORK/gate-events-$population.jsonl
scores=$WORK/gate-scores-$population.jsonl
big=$WORK/gate-scores-$persons.jsonl
[ -s "$events" ] || gen-events events --linked --population "$population" --days 365 >"$events"
[ -s "$scores" ] || score --rules "$rules" "$events" >"$scores"
if [ ! -s "$big" ]; then
  # Copies of the population's score lines, person ids renumbered.
  awk -v n="$persons" -v pop="$(wc -l <"$scores")" '
    { line[NR] = $0 }
    END { for (i = 1; i <= n; i++) { l = line[(i - 1) % pop + 1];
            sub(/"person":"[^"]*"/, sprintf("\"person\":\"p%07d\"", i), l); print l } }' \
    "$scores" >"$big"
fi
ebytes=$(stat -c %s "$events") sbytes=$(stat -c %s "$scores") bbytes=$(stat -c %s "$big")
echo "gate: $(gate --version)"
echo "population $population: $(wc -l <"$events") events, $(wc -l <"$scores") score lines"

echo "-- stages on the same population (persons/s = $population / seconds)"
measure "gen-events events" "$ebytes" "gen-events events --linked --population $population --days 365"
gen=$LAST_SECONDS
measure "score (all cores)" "$ebytes" "score --rules $rules $events"
sc=$LAST_SECONDS
measure "gate (8 services)" "$sbytes" "gate --policy $policy --rules $rules $service_args $scores"
ga=$LAST_SECONDS
for stage in "gen-events:$gen" "score:$sc" "gate:$ga"; do
  awk -v n="${stage%%:*}" -v s="${stage#*:}" -v p="$population" \
    'BEGIN { printf "  %-12s %12.0f persons/s\n", n, (s > 0 ? p / s : 0) }'
done
echo "gate vs score: $(ratio "$ga" "$sc") faster per person; vs gen-events: $(ratio "$ga" "$gen")"

echo "-- $persons persons x 8 services"
measure "gate (8 services)" "$bbytes" "gate --policy $policy --rules $rules $service_args $big"
big_gate=$LAST_SECONDS
awk -v s="$big_gate" -v p="$persons" \
  'BEGIN { printf "  %.0f decisions/s, %.0f persons/s\n", (s > 0 ? 8 * p / s : 0), (s > 0 ? p / s : 0) }'
# The peer decides only the outcome of the same clauses, on a tenth.
tenth=$WORK/gate-scores-tenth.jsonl
head -n $((persons / 10)) "$big" >"$tenth"
tbytes=$(stat -c %s "$tenth")
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
measure "gate (8 services), a tenth" "$tbytes" "gate --policy $policy --rules $rules $service_args $tenth"
tenth_gate=$LAST_SECONDS
measure "jq (outcome only), a tenth" "$tbytes" "jq -c '$jq_program' $tenth"
tenth_jq=$LAST_SECONDS
# The two must agree on every outcome.
diff <(gate --policy "$policy" $service_args "$tenth" | jq -r '[.person, .service, .decision] | @tsv') \
  <(jq -r "$jq_program | [.person, .service, .decision] | @tsv" "$tenth") >/dev/null &&
  echo "outcomes: gate and jq agree on all $((8 * persons / 10)) decisions" ||
  echo "outcomes: gate and jq DIFFER"
echo "gate vs jq: $(ratio "$tenth_gate" "$tenth_jq") faster (gate also writes reasons, conditions, would_flip)"
