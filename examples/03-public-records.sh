#!/usr/bin/env bash
# Lesson 3: fusing public records, by exact joins.
#
# Police and court records name people by national id; the platforms name
# them by account. Fusing the two is a join. Here the private events get
# their person from each account's true owner (gen-events --truth), as if
# every platform handed over its real-name registration: Chinese platforms
# must register users under their real identity (Cybersecurity Law, 2017,
# art. 24: documented); that they hand the mapping to a scorer is this
# lesson's assumption (speculative). Public records are joined to the
# register on the national id, and court records that carry only a name and
# a birthdate on those two fields, exactly.
#
# What to see:
#  - Exact joins lose what is misspelled: 3 of the 14 court records keyed by
#    name and birthdate find nobody (a typo in the name) and are set aside by
#    score --on-error FILE, counted, not silently dropped. Lesson 4 links
#    them by fuzzy matching; lesson 5 shows what fuzzy matching gets wrong.
#  - Public records are 0.14% of the events and move 3.3% of all points,
#    yet per event they weigh 24 times a private one, and they make the
#    largest drops: 8 persons lose 100 points or more for an unpaid
#    judgment, and the blacklist flag follows them into every policy.
#  - Which of these rules are real: unpaid_judgment is documented (Sesame
#    Credit's 2015 memorandum with the Supreme People's Court on dishonest
#    judgment debtors); unpaid_fine and red_light are speculative (city pilot
#    schemes shamed jaywalkers, but no source ties them to a commercial
#    score). See examples/rules/sesame.rules.
set -euo pipefail
cd "$(dirname "$0")"
. ./assert.sh
need gen-events join-records score report jq
tmp=$(scratch)

# Names noisier than the default, so that a few court records misspell them.
world=(--seed 13 --population 300)
noise=(--noise-field name=0.3)  # the register has no noise: only accounts and events take it
gen-events people "${world[@]}" > "$tmp/people.jsonl"
gen-events accounts "${world[@]}" "${noise[@]}" --truth > "$tmp/accounts.jsonl"
gen-events events "${world[@]}" "${noise[@]}" --days 180 > "$tmp/events.jsonl"

say "three exact joins, each keeping what it cannot match (--how left)"
# account -> person, national id -> person, name + birthdate -> person.
join-records --how left --right "$tmp/accounts.jsonl" --on account --right-fields person \
    "$tmp/events.jsonl" |
  join-records --how left --right "$tmp/people.jsonl" --on national_id --right-fields person |
  join-records --how left --right "$tmp/people.jsonl" --on name,birthdate --right-fields person \
  > "$tmp/fused.jsonl"
jq -c -n 'limit(2; inputs | select(.source == "court"))' "$tmp/fused.jsonl"
# One pass to count what the joins did: events by kind of source, linked or not.
jq -n 'reduce inputs as $e ({};
  (if $e.source == "police" or $e.source == "court" then "public" else "private" end) as $kind
  | .[$kind] += 1
  | .[$kind + (if $e.person then " linked" else " unlinked" end)] += 1
  | if $e.source == "court" and $e.national_id == null then .["court named"] += 1 else . end)' \
  "$tmp/fused.jsonl" > "$tmp/counts.json"

say "score the fused stream; events that found no person are set aside"
score --rules rules/sesame.rules --on-error "$tmp/unlinked.jsonl" --stats \
  "$tmp/fused.jsonl" > "$tmp/fused-scores.jsonl"
cat "$tmp/unlinked.jsonl"
expect "court records keyed by name and birthdate" \
  "$(jq '.["court named"]' "$tmp/counts.json")" 14
expect "of them, found by nobody (exact join on a misspelled name)" \
  "$(wc -l < "$tmp/unlinked.jsonl")" 3

say "the same people scored on private data only, then compared"
jq -c 'select(.source != "police" and .source != "court")' "$tmp/fused.jsonl" |
  score --rules rules/sesame.rules > "$tmp/private-scores.jsonl"
report --top 5 --compare "$tmp/private-scores.jsonl" "$tmp/fused-scores.jsonl" |
  sed -n '/^Which rules caused them/,/^$/p; /^Who changed/,$p'
report --format json --top 1000 --compare "$tmp/private-scores.jsonl" "$tmp/fused-scores.jsonl" \
  > "$tmp/compare.json"
expect "persons whose score changed" "$(jq .compare.changed "$tmp/compare.json")" 91
expect "persons who lost 100 points or more" \
  "$(jq '[.compare.examples[] | select(.score_b - .score_a <= -100)] | length' "$tmp/compare.json")" 8

say "public vs private: share of points, and weight per event"
report "$tmp/fused-scores.jsonl" | sed -n '/^  public records moved/p; /^  Flags/,$p'
report --format json "$tmp/fused-scores.jsonl" > "$tmp/report.json"
expect "public records' share of all points (%)" \
  "$(jq '.total.public_private.public_share * 1000 | round / 10' "$tmp/report.json")" 3.3
expect "persons flagged blacklist" "$(jq .total.flags.blacklist "$tmp/report.json")" 8
# Points per event: |points| from each kind of source over its events used.
jq -n -r --slurpfile r "$tmp/report.json" '
  ($r[0].total.public_private) as $w | input | .["public linked"] as $pub | .["private linked"] as $priv
  | "public events: \($pub) of \($pub + $priv) (\($pub / ($pub + $priv) * 10000 | round / 100)%)",
    "weight of a public event over a private one: \(($w.public_weight / $pub) / ($w.private_weight / $priv) | round)"' \
  "$tmp/counts.json" | tee "$tmp/weights.txt"
expect "share of events that are public records (%)" \
  "$(sed -n 's/.*(\(.*\)%)$/\1/p' "$tmp/weights.txt")" 0.14
expect "weight of a public event over a private one" \
  "$(sed -n 's/^weight of a public event over a private one: //p' "$tmp/weights.txt")" 24
