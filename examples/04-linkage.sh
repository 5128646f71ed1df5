#!/usr/bin/env bash
# Lesson 4: linking platform accounts to the register by fuzzy matching.
#
# Lesson 3 took each account's owner from gen-events' ground truth. A real
# fusion has no such list: a shop knows "huangfagn, 1978, Beijing", the
# register knows "Huang Fang, 1978-04-02, Beijing, 110101...". join-records
# --fuzzy compares the two on name (Jaro-Winkler after normalising case and
# spaces), birth year and city, only within blocks (same first letter of the
# name, or same birth year) so as not to compare every pair, and weighs the
# agreement of each field the Fellegi-Sunter way: a field that agrees adds
# log2(m/u) to the match weight, one that disagrees subtracts, a missing one
# adds nothing; m and u are estimated by EM from the data, without labels.
#
# What to see:
#  - Blocking compares 42,948 pairs out of 301,800 (14%).
#  - One pair's weights, field by field, a waterfall: a typo in the name
#    costs little, because the birth year and the city agree.
#  - The same arithmetic links the wrong person. Wang Huiming, born 1967,
#    left his shop account's birth year at the sign-up form's default, 1990;
#    Wang Zhiyong, born 1990 in Shanghai like him, wins the account: birth
#    year and city outvote the names, which only half disagree (jw >= 0.88,
#    the shared "wang"). At the default threshold 2 of 941 links are false
#    (precision 0.9979) and 67 accounts find no one (recall 0.9334, F1
#    0.9646). Lesson 5 shows what a false link does to a person's access.
#  - What the probability after --best is: not the pair's own. Alone, a
#    pair's probability is its match weight (the prior included) read as
#    log2 odds, 2^w / (1 + 2^w): shop:b85f58e7 and p0000289 weigh +0.24,
#    probability 0.54. With --best it is the pair's odds over the sum of
#    the odds of every candidate of the account, of a partner outside the
#    blocks and of no partner at all: the share this candidate takes of the
#    belief among the alternatives, 0.9086 here, because the true owner,
#    p0000121, weighs -7.061 (his birth year disagrees). A lone good
#    candidate is not held back by the prior; a lone false one looks surer
#    too. The match weight stays the pair's own.
#  - Noise decides: the same linkage on noisier sign-up forms (--noise 0.3)
#    falls to F1 0.8523.
#
# Linkage is documented practice (Fellegi and Sunter, 1969; statistical
# offices link registers this way). That a credit system links platform
# accounts to the national register by name is this lesson's assumption:
# speculative. Real-name registration (lesson 3) would make it exact for the
# platforms; court records keyed by name would still need it.
set -euo pipefail
cd "$(dirname "$0")"
. ./assert.sh
need gen-events join-records jq
tmp=$(scratch)

world=(--seed 14 --population 300)
gen-events people "${world[@]}" > "$tmp/people.jsonl"
gen-events accounts "${world[@]}" --truth > "$tmp/accounts.jsonl"
gen-events accounts "${world[@]}" --truth --noise 0.3 > "$tmp/accounts-noisy.jsonl"

# The linkage, spelled once: compare three fields, block on two keys.
link=(--fuzzy --right "$tmp/people.jsonl" --id account=person
      --compare name:name --compare birth_year=birthdate:year --compare city:exact
      --block name:first1 --block birth_year=birthdate:year)

say "blocking: how many pairs each rule lets through (--preview)"
join-records "${link[@]}" --preview "$tmp/accounts.jsonl" | tee "$tmp/preview.jsonl"
expect "pairs compared" "$(jq -s '.[-1].total_pairs' "$tmp/preview.jsonl")" 42948
expect "pairs without blocking" "$(jq -s '.[-1].all_pairs' "$tmp/preview.jsonl")" 301800

say "each account's best partner, with the values compared (--best --values)"
join-records "${link[@]}" --best --values "$tmp/accounts.jsonl" > "$tmp/links.jsonl"
jq -c -n 'input' "$tmp/links.jsonl"

# waterfall: one pair's match weight, built up from the prior field by field.
waterfall() {
  jq -r 'def pad(n): tostring | if length < n then . + (" " * (n - length)) else . end;
         def signed: if . >= 0 then "+\(.)" else tostring end;
         "\(.left) -> \(.right)",
         "  \("prior" | pad(12)) \("" | pad(28)) \(.prior | signed)",
         (.fields | to_entries[]
          | "  \(.key | pad(12)) \("\(.value.left) / \(.value.right)" | pad(28)) \(.value.weight | signed)  \(.value.level)"),
         "  \("match weight" | pad(12)) \("" | pad(28)) \(.match_weight | signed)  (probability \(.match_probability))"'
}

say "a typo that costs little: ride:39ea3c86, huangfagn"
jq -c 'select(.left == "ride:39ea3c86")' "$tmp/links.jsonl" > "$tmp/pair.jsonl"
waterfall < "$tmp/pair.jsonl"
# The waterfall adds up: prior + field weights = match weight (each printed
# to 3 decimals, so they may differ in the last one).
expect "prior + field weights - match weight, within 0.002" \
  "$(jq '(.prior + ([.fields[].weight] | add) - .match_weight) | fabs <= 0.002' "$tmp/pair.jsonl")" true
expect "the account's person" "$(jq -r .right "$tmp/pair.jsonl")" p0000001

say "a false link: shop:b85f58e7 is p0000121's account, linked to p0000289"
jq -c 'select(.left == "shop:b85f58e7")' "$tmp/links.jsonl" | waterfall
jq -c 'select(.account == "shop:b85f58e7") | {account, name, birth_year, city, person, noise}' \
  "$tmp/accounts.jsonl"
jq -c 'select(.person == "p0000121" or .person == "p0000289")' "$tmp/people.jsonl"
expect "shop:b85f58e7 linked to" \
  "$(jq -r 'select(.left == "shop:b85f58e7") | .right' "$tmp/links.jsonl")" p0000289

say "what --best's probability is: the pair alone, then among the account's candidates"
# --threshold 0: every pair in the blocks, each with its own probability.
join-records "${link[@]}" --threshold 0 "$tmp/accounts.jsonl" > "$tmp/pairs.jsonl"
probability() { jq -r --arg a "$2" --arg p "$3" 'select(.left == $a and .right == $p)
  | "weight \(.match_weight), probability \(.match_probability)"' "$1"; }
for p in p0000289 p0000121; do
  echo "shop:b85f58e7 -> $p alone: $(probability "$tmp/pairs.jsonl" shop:b85f58e7 "$p")"
done
echo "shop:b85f58e7 -> p0000289 with --best: $(probability "$tmp/links.jsonl" shop:b85f58e7 p0000289)"
expect "the false link alone" "$(probability "$tmp/pairs.jsonl" shop:b85f58e7 p0000289)" \
  "weight 0.24, probability 0.541417"
expect "the false link, 2^w / (1 + 2^w)" \
  "$(jq -n '(pow(2; 0.24) / (1 + pow(2; 0.24))) * 100 | round / 100')" 0.54
expect "the true owner alone" "$(probability "$tmp/pairs.jsonl" shop:b85f58e7 p0000121)" \
  "weight -7.061, probability 0.007431"
expect "the false link with --best" "$(probability "$tmp/links.jsonl" shop:b85f58e7 p0000289)" \
  "weight 0.24, probability 0.908639"

say "how good is it? precision, recall and F1 against the truth (--evaluate)"
join-records "${link[@]}" --best --evaluate person=person "$tmp/accounts.jsonl" > "$tmp/evaluation.jsonl"
jq -c -n 'input' "$tmp/evaluation.jsonl"
jq -c 'select(.error == "false_match") | {left, right, match_weight}' "$tmp/evaluation.jsonl"
summary() { jq -n -r --arg k "$2" 'input | .[$k]' "$1"; }
expect "false links" "$(summary "$tmp/evaluation.jsonl" false_positives)" 2
expect "precision" "$(summary "$tmp/evaluation.jsonl" precision)" 0.9979
expect "recall" "$(summary "$tmp/evaluation.jsonl" recall)" 0.9334
expect "F1" "$(summary "$tmp/evaluation.jsonl" f1)" 0.9646

say "noisier sign-up forms (--noise 0.3): the same linkage"
join-records "${link[@]}" --best --evaluate person=person "$tmp/accounts-noisy.jsonl" \
  > "$tmp/evaluation-noisy.jsonl"
jq -c -n 'input | {links, false_positives, false_negatives, precision, recall, f1}' \
  "$tmp/evaluation-noisy.jsonl"
expect "F1 with noise 0.3" "$(summary "$tmp/evaluation-noisy.jsonl" f1)" 0.8523
