#!/usr/bin/env bash
# Lesson 5: wrong links, wrong decisions.
#
# The same 60 days of platform events for 600 people, scored with
# examples/rules/sesame.rules and decided with examples/policies/state.policy,
# twice: once with each account's true owner (gen-events --truth), once with
# the owner that fuzzy linkage estimates (lesson 4). Everything else is the
# same, so every decision that differs is the linkage's doing.
#
# What to see:
#  - Tuning linkage for F1 tunes in false links. Lowering the match
#    probability threshold from 0.9 to 0.05 raises F1 from 0.9742 to 0.9852,
#    and false links from 1 to 24: a better number on the dashboard, and 24
#    accounts whose life is now pinned on somebody else.
#  - report --compare shows 21 of 5,346 decisions changed. Most are missed
#    links (an account found nobody, so its owner lost its good record), but
#    three people are denied because of an account that is not theirs:
#    Zhang Yangwei, born 1987 in Qingdao, gets the 735 posts of "Leilei", a
#    critic born the same year in the same city whose nickname shares
#    nothing with his name. He loses 90 points for them and with them his
#    exit visa and his loan; the reasons he is given name posts he never
#    wrote. He has no way to know: the reasons are true of the data, and
#    false of him.
#  - Reasons are not causes. p0000416 is told the same reason (his own,
#    true, critical posts), but what changed is a missed link: his shop
#    account found nobody, and 60 points of shopping went with it.
#
# Which rules: critical_post is reported (the press said posts count; Ant
# said they do not), late_repayment documented, low_rating_received
# speculative; the thresholds in state.policy are speculative. Linking
# platform accounts to the register by name is this lesson's assumption.
set -euo pipefail
cd "$(dirname "$0")"
. ./assert.sh
need gen-events join-records score gate report jq
tmp=$(scratch)

world=(--seed 16 --population 600)
gen-events people "${world[@]}" > "$tmp/people.jsonl"
gen-events accounts "${world[@]}" --truth > "$tmp/accounts.jsonl"
# Platform events only: public records carry the national id, no linkage.
gen-events events "${world[@]}" --days 60 | jq -c 'select(.account)' > "$tmp/events.jsonl"

link=(--fuzzy --right "$tmp/people.jsonl" --id account=person
      --compare name:name --compare birth_year=birthdate:year --compare city:exact
      --block name:first1 --block birth_year=birthdate:year --best)

say "F1 and false links by threshold"
for t in 0.9 0.5 0.05; do
  join-records "${link[@]}" --threshold "$t" --evaluate person=person "$tmp/accounts.jsonl" \
    > "$tmp/evaluation-$t.jsonl"
  jq -c -n 'input | {threshold, links, false_positives, false_negatives, f1}' "$tmp/evaluation-$t.jsonl"
done
summary() { jq -n -r --arg k "$2" 'input | .[$k]' "$tmp/evaluation-$1.jsonl"; }
expect "F1 at 0.9" "$(summary 0.9 f1)" 0.9742
expect "false links at 0.9" "$(summary 0.9 false_positives)" 1
expect "F1 at 0.05" "$(summary 0.05 f1)" 0.9852
expect "false links at 0.05" "$(summary 0.05 false_positives)" 24

say "the same pipeline twice: true owners, then estimated owners (threshold 0.05)"
# Both maps in the link-map shape: left = account, right = person.
jq -c '{left: .account, right: .person}' "$tmp/accounts.jsonl" > "$tmp/map-true.jsonl"
join-records "${link[@]}" --threshold 0.05 "$tmp/accounts.jsonl" > "$tmp/map-estimated.jsonl"
for run in true estimated; do
  # --how left keeps the events of accounts that found nobody; score sets
  # them aside (no link.right) and counts them with --stats.
  join-records --how left --right "$tmp/map-$run.jsonl" --on account=left --right-fields right \
    --as link "$tmp/events.jsonl" > "$tmp/events-$run.jsonl"
  score --rules rules/sesame.rules --by link.right --on-error skip --stats \
    "$tmp/events-$run.jsonl" > "$tmp/scores-$run.jsonl"
  gate --policy policies/state.policy --rules rules/sesame.rules "$tmp/scores-$run.jsonl" \
    > "$tmp/decisions-$run.jsonl"
done

say "report --compare: what the estimated links changed"
report --top 5 --compare "$tmp/decisions-true.jsonl" "$tmp/decisions-estimated.jsonl" |
  sed -n '/^What changed/,/^$/p; /^Who changed decision/,$p'
report --format json --top 1000 --compare "$tmp/decisions-true.jsonl" \
  "$tmp/decisions-estimated.jsonl" > "$tmp/compare.json"
expect "decisions changed" "$(jq .compare.changed "$tmp/compare.json")" 21

say "denied because of a false link: an account that is not theirs"
jq -r 'select(.error == "false_match") | .right' "$tmp/evaluation-0.05.jsonl" | sort -u \
  > "$tmp/false-link-persons.txt"
jq -r --rawfile wrong "$tmp/false-link-persons.txt" '
  ($wrong | split("\n")) as $wrong
  | .compare.examples[]
  | select(.a == "allow" and .b != "allow" and (.person as $p | $wrong | index($p)))
  | "\(.person) \(.service) \(.a) -> \(.b) (\(.score_a) -> \(.score_b)): \(.cause)"' \
  "$tmp/compare.json" | tee "$tmp/denied-by-false-link.txt"
expect "decisions denied because of a false link" "$(wc -l < "$tmp/denied-by-false-link.txt")" 4
expect "persons denied because of a false link" \
  "$(cut -d' ' -f1 "$tmp/denied-by-false-link.txt" | sort -u | paste -sd, -)" \
  "p0000046,p0000097,p0000315"

say "reasons are not causes: the score lines say which rule moved"
# Decision lines carry reasons, not contributions, so report --compare on
# decisions names the new decision's first reason. On score lines it can
# name the rule whose points moved most.
report --format json --top 1000 --compare "$tmp/scores-true.jsonl" "$tmp/scores-estimated.jsonl" \
  > "$tmp/compare-scores.json"
jq -c '.compare.examples[] | select(.person == "p0000097" or .person == "p0000416")' \
  "$tmp/compare-scores.json"
cause() { jq -r --arg p "$1" '.compare.examples[] | select(.person == $p) | "\(.cause) \(.cause_points)"' \
  "$tmp/compare-scores.json"; }
expect "p0000416's loss (a missed link: his shop account found nobody)" "$(cause p0000416)" \
  "spending_power -60"
expect "p0000097's loss (a false link)" "$(cause p0000097)" "critical_post -90"

say "p0000097: whose posts are these?"
jq -c 'select(.person == "p0000097")' "$tmp/people.jsonl"
jq -c 'select(.person == "p0000097" and .service == "exit_visa") | {person, service, decision, reasons}' \
  "$tmp/decisions-estimated.jsonl"
# The critical posts now on his record, by the account that wrote them.
jq -r 'select(.link.right == "p0000097" and .type == "post" and .topic == "government"
              and .stance == "critical") | .account' "$tmp/events-estimated.jsonl" |
  sort | uniq -c | tee "$tmp/posts-by-account.txt"
account=$(awk '{print $2}' "$tmp/posts-by-account.txt")
jq -c --arg a "$account" 'select(.account == $a) | {account, name, birth_year, city, person, noise}' \
  "$tmp/accounts.jsonl"
jq -c --arg a "$account" 'select(.left == $a) | {left, right, match_weight, match_probability,
  fields: (.fields | map_values(.level))}' "$tmp/map-estimated.jsonl"
expect "account that wrote the posts on p0000097's record" "$account" social:fa842ee3
expect "its true owner" \
  "$(jq -r --arg a "$account" 'select(.account == $a) | .person' "$tmp/accounts.jsonl")" p0000543
expect "p0000097's critical_post points with the true links" \
  "$(jq 'select(.person == "p0000097") | .contributions.critical_post // 0' "$tmp/scores-true.jsonl")" 0
