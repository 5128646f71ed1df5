#!/usr/bin/env bash
# Lesson 1: a population and its traces.
#
# gen-events makes up 300 people, the accounts they hold on five private
# platforms (shop, game, social, ride, market), and 30 days of what they do
# there, plus the few public records (police, court) that concern them. It
# is a pure function of its arguments: run this lesson twice, or on another
# machine, and every byte is the same, so the numbers below are facts about
# this population, not luck.
#
# What to see:
#  - The register knows people by national id; the platforms do not. Every
#    private event is keyed by an account ("shop:3f17fc9a"), and an account
#    carries a display name, a phone, a birth year and a city as the person
#    typed them, with typos, nicknames and gaps. Not one event names its
#    person: joining them up (lessons 3 and 4) is work, and it can go wrong.
#  - Public records are rare: 68 of 40,302 events. Rare is not light: in
#    lesson 3 a single court record outweighs months of shopping.
#  - Activity is heavy-tailed: the busiest person leaves dozens of times the
#    traces of the median one. A system that counts traces judges the
#    talkative most.
#
# Nothing here is a rule yet, so nothing is documented, reported or
# speculative: the rates behind this world are gen-events' model (see
# gen-events(1), Personas), made up to look plausible, not measured.
set -euo pipefail
cd "$(dirname "$0")"
. ./assert.sh
need gen-events report jq
tmp=$(scratch)

world=(--seed 11 --population 300)
gen-events people "${world[@]}" > "$tmp/people.jsonl"
gen-events accounts "${world[@]}" --truth > "$tmp/accounts.jsonl"
gen-events events "${world[@]}" --days 30 > "$tmp/events.jsonl"
gen-events manifest "${world[@]}" --days 30 > "$tmp/manifest.json"

say "the register, the accounts and the events (first lines)"
head -n 2 "$tmp/people.jsonl" "$tmp/accounts.jsonl" "$tmp/events.jsonl"

expect "people in the register" "$(wc -l < "$tmp/people.jsonl")" 300
expect "accounts on the platforms" "$(wc -l < "$tmp/accounts.jsonl")" 1003
expect "events in 30 days" "$(wc -l < "$tmp/events.jsonl")" 40302

say "what one person looks like to the platforms (--truth shows the noise)"
jq -c 'select(.person == "p0000001") | {account, name, phone, birth_year, city, noise}' \
  "$tmp/accounts.jsonl"
jq -c 'select(.person == "p0000001")' "$tmp/people.jsonl"
expect "accounts whose name differs from the register's" \
  "$(jq -s '[.[] | select(.noise.name)] | length' "$tmp/accounts.jsonl")" 94

say "no event names its person: what each one is keyed by"
jq -r 'if .account then "account" elif .national_id then "national_id"
       else "name+birthdate" end' "$tmp/events.jsonl" | sort | uniq -c
expect "events that carry a person" \
  "$(jq -s '[.[] | select(has("person"))] | length' "$tmp/events.jsonl")" 0

say "report: the same stream summarised (sources, types, keys)"
report "$tmp/events.jsonl" | sed -n '/^Sources/,/^$/p'
report --format json "$tmp/events.jsonl" > "$tmp/report.json"
# Two independent counts of the public records must agree: report's, and
# jq's over the raw lines.
public_jq=$(jq -s '[.[] | select(.source == "police" or .source == "court")] | length' \
  "$tmp/events.jsonl")
expect "public records (report)" "$(jq .total.public "$tmp/report.json")" "$public_jq"
expect "public records (jq)" "$public_jq" 68

say "activity is heavy-tailed (the events again, with --linked: the true person)"
gen-events events "${world[@]}" --days 30 --linked |
  jq -n -r '[inputs.person] | group_by(.) | map(length) | sort
            | "persons with events: \(length)",
              "median events: \(.[length / 2 | floor])",
              "busiest person: \(.[-1])"' | tee "$tmp/activity.txt"
expect "persons with at least one event" "$(sed -n 's/^persons with events: //p' "$tmp/activity.txt")" 291
expect "busiest person's events" "$(sed -n 's/^busiest person: //p' "$tmp/activity.txt")" 3062
expect "median person's events" "$(sed -n 's/^median events: //p' "$tmp/activity.txt")" 50
