#!/usr/bin/env bash
# Lesson 9: disparity, from noisy records to unequal denials.
#
# Nobody in this lesson is treated differently by a rule. The rules and the
# policy read no city, no name, no ethnicity. What differs is the data: in
# Urumqi, the sign-up forms of the platforms are filled in less
# consistently (gen-events --noise-for city=Urumqi:0.6: each field noisy
# with probability 0.6 instead of 0.1) - names transliterated between Uyghur
# Latin spelling and pinyin, nicknames, missing birth years, "moved" cities.
# Record linkage fails more often on such records, and a person whose
# accounts are not found has a thin file.
#
# The policy (examples/policies/lesson-09-thin-file.policy, this lesson's
# own) waives a rental deposit for anyone with a record of at least five
# scored events. It reads only the size of the record, never what is in it.
#
# What to see:
#  - Linkage misses 65 of Urumqi's 112 accounts (58%), against 547 of 8,336
#    (6.6%) elsewhere.
#  - The same pipeline with the true owners (gen-events --truth) allows 28
#    of Urumqi's 34 people (ratio 0.95 to the best city: no flag); with the
#    estimated owners it allows 12: report --by city flags Urumqi, and only
#    Urumqi, below four fifths (ratio 0.42). Behaviour did not change; the
#    join did.
#  - Every city with fewer than 30 people is left out of the comparison:
#    the four-fifths rule compares rates, and a city of four people has a
#    rate of 0%, 25%, 50%, 75% or 100% by chance alone.
#
# Evidence: that record linkage is less accurate for some groups, and that
# this biases what is built on it, is documented (systematic reviews of
# linkage error in health research, e.g. Bohensky et al., 2010); so is
# "credit invisibility" (CFPB, 2015). The noise rates and the five-event
# line are ours: speculative. The four-fifths rule is the US guideline
# for adverse impact in selection, 29 CFR 1607.4(D).
set -euo pipefail
cd "$(dirname "$0")"
. ./assert.sh
need gen-events join-records score gate report jq
tmp=$(scratch)

gate --policy policies/lesson-09-thin-file.policy --test policies/lesson-09-thin-file.cases.jsonl

world=(--seed 19 --population 2500)
noise=(--noise-for city=Urumqi:0.6)  # the register has no noise: only accounts and events take it
gen-events people "${world[@]}" > "$tmp/people.jsonl"
gen-events accounts "${world[@]}" "${noise[@]}" --truth > "$tmp/accounts.jsonl"

say "what the platforms know of one person in Urumqi (p0000177, Mihray Memet)"
jq -c 'select(.person == "p0000177")' "$tmp/people.jsonl"
jq -c 'select(.person == "p0000177") | {account, name, birth_year, city, noise}' "$tmp/accounts.jsonl"

say "linkage, then its misses by city (Urumqi against the rest)"
link=(--fuzzy --right "$tmp/people.jsonl" --id account=person
      --compare name:name --compare birth_year=birthdate:year --compare city:exact
      --block name:soundex --block birth_year=birthdate:year --best)
join-records "${link[@]}" "$tmp/accounts.jsonl" > "$tmp/map-estimated.jsonl"
join-records "${link[@]}" --evaluate person=person "$tmp/accounts.jsonl" > "$tmp/evaluation.jsonl"
jq -c -n 'input | {links, false_positives, false_negatives, f1}' "$tmp/evaluation.jsonl"
# Each account with its owner's city, and whether the linkage missed it.
jq -c 'select(.error == "miss") | {account: .left, missed: true}' "$tmp/evaluation.jsonl" \
  > "$tmp/misses.jsonl"
# (--as owner: an account has a city of its own, which noise may have moved.)
join-records --right "$tmp/people.jsonl" --on person --right-fields city --as owner \
    "$tmp/accounts.jsonl" |
  join-records --how left --right "$tmp/misses.jsonl" --on account --right-fields missed |
  jq -n -r '[inputs | {urumqi: (.owner.city == "Urumqi"), missed: (.missed == true)}]
            | group_by(.urumqi)[]
            | "\(if .[0].urumqi then "Urumqi" else "elsewhere" end): \(map(select(.missed)) | length) of \(length) accounts missed"' |
  tee "$tmp/misses.txt"
expect "Urumqi" "$(sed -n 's/^Urumqi: //p' "$tmp/misses.txt")" "65 of 112 accounts missed"
expect "elsewhere" "$(sed -n 's/^elsewhere: //p' "$tmp/misses.txt")" "547 of 8336 accounts missed"

say "the same pipeline with the true owners and with the estimated ones"
jq -c '{left: .account, right: .person}' "$tmp/accounts.jsonl" > "$tmp/map-true.jsonl"
# Everyone in the register gets a score line, linked or not: a registration
# event each (no rule scores it), so that a person whose accounts were all
# missed is decided on an empty record instead of vanishing from the count.
jq -c '{id: ("r" + .person[1:]), ts: "2024-01-01T00:00:00Z", source: "register",
        type: "registration", link: {right: .person}}' "$tmp/people.jsonl" > "$tmp/register.jsonl"
# Cities with 30 people or more: the groups the comparison can speak of.
jq -n -r '[inputs.city] | group_by(.) | map(select(length >= 30) | .[0]) | @json' \
  "$tmp/people.jsonl" > "$tmp/cities.json"
for run in true estimated; do
  gen-events events "${world[@]}" "${noise[@]}" --days 30 |
    join-records --right "$tmp/map-$run.jsonl" --on account=left --right-fields right --as link |
    score --rules rules/sesame.rules --by link.right - "$tmp/register.jsonl" |
    gate --policy policies/lesson-09-thin-file.policy --rules rules/sesame.rules |
    join-records --right "$tmp/people.jsonl" --on person --right-fields city --as who |
    jq -c --slurpfile cities "$tmp/cities.json" 'select(.who.city as $c | $cities[0] | index($c))' \
    > "$tmp/decisions-$run.jsonl"
  report --format json --by who.city "$tmp/decisions-$run.jsonl" > "$tmp/report-$run.json"
done

say "report --by who.city, estimated owners (four-fifths rule)"
report --by who.city "$tmp/decisions-estimated.jsonl" | sed -n '/^  Four-fifths rule/,/CFR/p'

urumqi() { jq -r '.disparity[0].groups[] | select(.group == "Urumqi")
  | "\(.selected) of \(.n) allowed, ratio \(.ratio * 100 | round / 100), \(if .below_four_fifths then "BELOW" else "ok" end)"' \
  "$tmp/report-$1.json"; }
flagged() { jq -r '[.disparity[0].groups[] | select(.below_four_fifths) | .group] | join(",")' \
  "$tmp/report-$1.json"; }
echo "true owners:      Urumqi $(urumqi true)"
echo "estimated owners: Urumqi $(urumqi estimated)"
expect "Urumqi with the true owners" "$(urumqi true)" "28 of 34 allowed, ratio 0.95, ok"
expect "Urumqi with the estimated owners" "$(urumqi estimated)" "12 of 34 allowed, ratio 0.42, BELOW"
expect "cities below four fifths with the true owners" "$(flagged true)" ""
expect "cities below four fifths with the estimated owners" "$(flagged estimated)" Urumqi
