#!/usr/bin/env bash
# Platform accounts linked to the population register, both from gen-events
# with its defaults (population 1000, noise 0.1), unsupervised, at the
# default threshold: issue 7's goal is F1 >= 0.97 against gen-events' truth.
# Also checks that more noise lowers recall, not precision.
set -euo pipefail
command -v gen-events >/dev/null || { echo "skipped: gen-events not built"; exit 77; }
command -v jq >/dev/null || { echo "skipped: jq not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen-events people > "$tmp/people.jsonl"
link() {  # noise
  gen-events accounts --truth --noise "$1" > "$tmp/accounts.jsonl"
  join-records --fuzzy --right "$tmp/people.jsonl" --id account=person \
    --compare name:name --compare birth_year=birthdate:year --compare city:exact \
    --block name --block name:words --block birth_year=birthdate:year,city \
    --best --evaluate person=person "$tmp/accounts.jsonl" | head -n 1
}
failed=0
default=$(link 0.1)
echo "noise 0.1: $default"
jq -e '.f1 >= 0.97 and .precision >= 0.99' <<<"$default" >/dev/null || { echo "below the goal"; failed=1; }
noisy=$(link 0.3)
echo "noise 0.3: $noisy"
jq -e '.precision >= 0.99' <<<"$noisy" >/dev/null || { echo "precision fell with noise"; failed=1; }
jq -ne --argjson a "$default" --argjson b "$noisy" '$b.recall < $a.recall' >/dev/null ||
  { echo "recall did not fall with noise"; failed=1; }
exit "$failed"
