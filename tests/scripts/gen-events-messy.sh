#!/usr/bin/env bash
# gen-events --noise-profile messy on 3,000 persons (about 10,000 accounts):
# each rate gen-events.1 states, measured from the truth, within four
# standard deviations of a binomial share (about 1.2 points at 10 %, 1.6 at
# 20 %: a rate off by a fifth fails); each kind checked against the
# register (a swapped name is the register's with its words swapped, ...);
# households of 2 to 5 in one city share one phone; and the layer is on top
# of the default noise, which stays the same account by account.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
need_tool gen-events
command -v jq >/dev/null || skip "jq not installed"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
w='--seed 7 --population 3000'
gen-events people $w > "$tmp/people.jsonl"
gen-events accounts $w --truth --noise-profile messy > "$tmp/messy.jsonl"
gen-events accounts $w --truth > "$tmp/default.jsonl"

jq -nc --slurpfile people "$tmp/people.jsonl" --slurpfile acc "$tmp/messy.jsonl" '
  ($people | map({key: .person, value: .}) | from_entries) as $reg
  | def share(rows; pred): (rows | length) as $n
      | {n: $n, share: ((rows | map(select(pred)) | length) / $n)};
    def within(s; rate): (s.share - rate | fabs) <= 4 * ((rate * (1 - rate) / s.n) | sqrt);
    def check(name; s; rate): {name: name, rate: rate, measured: (s.share * 10000 | round / 10000),
                               n: s.n, ok: within(s; rate)};
    ($acc | map(select(.noise.name == null))) as $names
  | ($acc | map(select(.noise.birth_year == null))) as $years
  | ($acc | map(select(.noise.city == null))) as $cities
  | ($acc | group_by(.person) | map(.[0])) as $persons
  | [check("name missing"; share($names; .messy.name == "missing"); 0.2),
     check("name swapped"; share($names; .messy.name == "swapped"); 0.1),
     check("name respelt"; share($names; .messy.name == "respelt"); 0.1),
     check("birth_year missing"; share($years; .messy.birth_year == "missing"); 0.2),
     check("city missing"; share($cities; .messy.city == "missing"); 0.2),
     check("city typo"; share($cities; .messy.city == "typo"); 0.1),
     check("persons in households"; share($persons; .household != null); 0.3),
     # Each kind as it claims, where the default noise left the field alone.
     {name: "kinds as the register says",
      ok: ($acc | all(
        ($reg[.person]) as $p
        | (if .messy.name == "missing" then has("name") | not else true end)
        and (if .messy.birth_year == "missing" then has("birth_year") | not else true end)
        and (if .messy.city == "missing" then has("city") | not else true end)
        and (if .messy.name == "swapped" and .noise.name == null
             then .name == ($p.name | split(" ") | .[1:] + .[:1] | join(" ")) else true end)
        and (if .messy.name == "respelt" and .noise.name == null
             then (.name | split(" ")) as $a | ($p.name | split(" ")) as $b
                  | ($a | length) == ($b | length)
                    and ([range($a | length) | select($a[.] != $b[.])] | length) == 1
             else true end)
        and (if .messy.city == "typo" and .noise.city == null then .city != $p.city else true end)
        and (if .messy == null and .noise.name == null and has("name") then .name == $p.name
             else true end)))},
     # Households: 2 to 5 persons of one city, one phone (where the phone
     # has no noise of its own), and no two households with one phone.
     ($acc | map(select(.household)) | group_by(.household)
      | map({persons: (map(.person) | unique), cities: (map($reg[.person].city) | unique),
             phones: (map(select(.noise.phone == null and has("phone")) | .phone) | unique)})) as $h
     | {name: "households", count: ($h | length),
        ok: (($h | all((.persons | length) <= 5 and (.cities | length) == 1 and (.phones | length) <= 1))
             and ($h | map(.phones[]) | (unique | length) == length))}
    ] | .[]' > "$tmp/checks"
cat "$tmp/checks"
failed=0
grep -q '"ok":false' "$tmp/checks" && failed=1

# On top of the default noise: the same accounts, the same default noise.
if ! cmp -s <(jq -c '[.account, .noise]' "$tmp/default.jsonl") \
            <(jq -c '[.account, .noise]' "$tmp/messy.jsonl"); then
  echo "the default noise differs under --noise-profile messy"
  failed=1
fi
# Apart from households, a phone is the one the default profile gives.
if ! jq -ne --slurpfile d "$tmp/default.jsonl" --slurpfile m "$tmp/messy.jsonl" \
     '[range($m | length)] | all($m[.].household != null or $m[.].phone == $d[.].phone)' >/dev/null; then
  echo "a phone outside the households differs under --noise-profile messy"
  failed=1
fi
exit "$failed"
