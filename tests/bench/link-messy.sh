#!/usr/bin/env bash
# Record linkage on gen-events --noise-profile messy (issue 19): accounts
# linked to the population register, and the accounts deduplicated.
#
# The configuration was fixed before any measurement, from join-records.1
# alone, and is never tuned on the truth measured here: for the register,
# the manual's example for linking accounts to people.jsonl (name:name,
# birth_year=birthdate:year, city:exact; blocks name, name:words, and
# birth_year with city; --best); for the deduplication, the manual's
# example (name:name, phone:dl(1); blocks phone and name). Both with the
# default threshold (0.9), EM and no labels, and the defaults of every
# other option. The messy rates are gen-events.1's.
# Usage: tests/bench/link-messy.sh [PERSONS]   (default 10000; BIN as in common.sh)
source "$(dirname "$0")/common.sh"
persons=${1:-10000}
w="--population $persons"
people=$WORK/messy-people-$persons.jsonl accounts=$WORK/messy-accounts-$persons.jsonl
[ -s "$people" ] || gen-events people $w > "$people"
[ -s "$accounts" ] || gen-events accounts $w --truth --noise-profile messy > "$accounts"
echo "data: $persons persons, $(wc -l < "$accounts") messy accounts"

figures='{compared: .pairs_compared, true_links, true_links_compared, links, precision, recall, f1}'
echo "== accounts linked to the register (--best)"
join-records --fuzzy --right "$people" --id account=person \
  --compare name:name --compare birth_year=birthdate:year --compare city:exact \
  --block name --block name:words --block birth_year=birthdate:year,city --best \
  --evaluate person=person "$accounts" 2>/dev/null > "$WORK/messy-link-$persons.jsonl"
head -n 1 "$WORK/messy-link-$persons.jsonl" | jq -c "$figures"
echo "  prior (log2 odds) $(sed -n 2p "$WORK/messy-link-$persons.jsonl" | jq .prior);" \
  "the truth: log2 1/$persons, every account has one partner"
# What limits recall: the misses by what the account lacks.
echo "  misses, by the fields the account lacks (of how many accounts):"
jq -nr --slurpfile out "$WORK/messy-link-$persons.jsonl" --slurpfile acc "$accounts" '
  ($out[1:] | map(select(.error == "miss") | {key: .left, value: 1}) | from_entries) as $missed
  | def lacks: [("name", "birth_year", "city") as $f | select(has($f) | not) | $f] | join("+")
              | if . == "" then "nothing" else . end;
  $acc | group_by(lacks) | .[]
  | "    \(.[0] | lacks): \(map(select($missed[.account])) | length) missed of \(length)"'

echo "== accounts deduplicated"
join-records --dedupe --id account --compare name:name --compare 'phone:dl(1)' \
  --block phone --block name --clusters --evaluate person "$accounts" 2>/dev/null |
  head -n 1 | jq -c "$figures + {closure_precision: .clusters.precision, closure_recall: .clusters.recall, closure_f1: .clusters.f1}"
