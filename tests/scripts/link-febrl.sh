#!/usr/bin/env bash
# Record linkage on FEBRL4 (dataset4a vs dataset4b, 5000 records each, true
# links known), unsupervised, with the default threshold and EM start (and
# FEBRL3 deduplicated, at the end): the quality goals of issue 7 (precision
# >= 0.99, F1 >= 0.95), with and without the soc_sec_id field, and output
# identical on one thread and on two.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
data=${SOCRED_SHARED_DATA:-../shared/data}/record-linkage/febrl/jsonl
need_file "$data/dataset4a.jsonl"
command -v jq >/dev/null || skip "jq not installed"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

compare=(--compare given_name:name --compare surname:name --compare street_number:exact
         --compare address_1:text --compare address_2:text --compare suburb:text
         --compare 'postcode:dl(1)' --compare state:exact --compare date_of_birth:date)
block=(--block given_name --block surname --block date_of_birth --block postcode)
ssn=(--compare 'soc_sec_id:dl(1,2)' --block soc_sec_id)
link() {
  join-records --fuzzy --right "$data/dataset4b.jsonl" --id rec_id "${compare[@]}" "${block[@]}" \
    "$@" "$data/dataset4a.jsonl"
}

failed=0
check() {  # name, summary line
  local name=$1 summary=$2
  echo "$name: $summary"
  if ! jq -e '.precision >= 0.99 and .f1 >= 0.95' <<<"$summary" >/dev/null; then
    echo "$name: below the goal (precision >= 0.99, F1 >= 0.95)"
    failed=1
  fi
}
check "all fields" "$(link "${ssn[@]}" --evaluate-pairs "$data/febrl4_true_links.jsonl" | head -n 1)"
check "without soc_sec_id" "$(link --evaluate-pairs "$data/febrl4_true_links.jsonl" | head -n 1)"

# The evaluation's own counting, checked against plain set arithmetic.
link "${ssn[@]}" --threads 1 > "$tmp/one.jsonl"
link "${ssn[@]}" --threads 2 > "$tmp/two.jsonl"
if ! cmp -s "$tmp/one.jsonl" "$tmp/two.jsonl"; then
  echo "output differs between --threads 1 and --threads 2"
  failed=1
fi
jq -r '[.left, .right] | @tsv' "$tmp/one.jsonl" | sort > "$tmp/found"
jq -r '[.a, .b] | @tsv' "$data/febrl4_true_links.jsonl" | sort > "$tmp/true"
found=$(wc -l < "$tmp/found") right=$(comm -12 "$tmp/found" "$tmp/true" | wc -l)
echo "links: $found, of which true: $right (of $(wc -l < "$tmp/true"))"
if [ "$right" -lt $((found * 99 / 100)) ]; then failed=1; fi

# FEBRL3 deduplicated (5000 records, duplicates of up to 5 records; the true
# identity is the number in rec_id), with the same comparisons and blocking:
# issue 19's goal for the clusters (pairwise F1 over the transitive closure
# >= 0.995), and the cluster figures checked against each other.
jq -c '. + {person: (.rec_id | capture("rec-(?<p>[0-9]+)").p)}' "$data/dataset3.jsonl" \
  > "$tmp/febrl3.jsonl"
summary=$(join-records --dedupe --id rec_id "${compare[@]}" "${block[@]}" --clusters \
  --evaluate person "$tmp/febrl3.jsonl" | head -n 1)
echo "FEBRL3 dedupe: $summary"
if ! jq -e '.clusters.f1 >= 0.995 and .clusters.precision >= 0.99 and
            .clusters.true_pairs == .true_links and .clusters.true_clusters == 2000 and
            .clusters.pairs >= .links and .clusters.bcubed_recall <= 1' <<<"$summary" >/dev/null; then
  echo "FEBRL3 dedupe: below the goal (clusters F1 >= 0.995, precision >= 0.99) or inconsistent"
  failed=1
fi
exit "$failed"
