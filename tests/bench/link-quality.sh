#!/usr/bin/env bash
# Every small linkage-quality figure in one run, for before/after
# comparisons of a change to lib/link: FEBRL4 linked (with and without
# soc_sec_id), FEBRL1, FEBRL2 and FEBRL3 deduplicated without soc_sec_id
# (pairwise, and over the transitive closure), gen-events accounts linked
# to the register at noise 0.1 and 0.3 (1,000 persons). The configurations
# are those of tests/scripts/link-febrl.sh and link-gen-events.sh; default
# threshold, EM, no labels. FEBRL is read in place from ../shared/data.
# Usage: tests/bench/link-quality.sh   (BIN as in common.sh)
source "$(dirname "$0")/common.sh"
data=${SOCRED_SHARED_DATA:-$root/../shared/data}/record-linkage/febrl/jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
compare=(--compare given_name:name --compare surname:name --compare street_number:exact
         --compare address_1:text --compare address_2:text --compare suburb:text
         --compare 'postcode:dl(1)' --compare state:exact --compare date_of_birth:date)
block=(--block given_name --block surname --block date_of_birth --block postcode)
ssn=(--compare 'soc_sec_id:dl(1,2)' --block soc_sec_id)
pairs='{precision, recall, f1}'
febrl4() {
  join-records --fuzzy --right "$data/dataset4b.jsonl" --id rec_id "${compare[@]}" "${block[@]}" "$@" \
    --evaluate-pairs "$data/febrl4_true_links.jsonl" "$data/dataset4a.jsonl" 2>/dev/null |
    head -n 1 | jq -c "$pairs"
}
echo "FEBRL4 link, all fields: $(febrl4 "${ssn[@]}")"
echo "FEBRL4 link, without soc_sec_id: $(febrl4)"
for d in 1 2 3; do
  jq -c '. + {person: (.rec_id | capture("rec-(?<p>[0-9]+)").p)}' "$data/dataset$d.jsonl" > "$tmp/f$d.jsonl"
  echo "FEBRL$d dedupe, without soc_sec_id: $(join-records --dedupe --id rec_id "${compare[@]}" \
    "${block[@]}" --clusters --evaluate person "$tmp/f$d.jsonl" 2>/dev/null | head -n 1 |
    jq -c '{precision, recall, f1, true_links, true_links_compared, closure_f1: .clusters.f1}')"
done
gen-events people > "$tmp/people.jsonl"
for noise in 0.1 0.3; do
  gen-events accounts --truth --noise "$noise" > "$tmp/accounts.jsonl"
  echo "gen-events noise $noise, 1,000 persons, --best: $(join-records --fuzzy \
    --right "$tmp/people.jsonl" --id account=person --compare name:name \
    --compare birth_year=birthdate:year --compare city:exact --block name --block name:words \
    --block birth_year=birthdate:year,city --best --evaluate person=person \
    "$tmp/accounts.jsonl" 2>/dev/null | head -n 1 | jq -c "$pairs")"
done
