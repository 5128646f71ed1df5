#!/usr/bin/env bash
# Issue 15: reasons are causes. For every denial, the cited penalties and
# friends' points are removed from the score line itself (contributions.RULE
# and spilled.RULE set to 0, the score recomputed as score does: base plus
# what remains, clamped to the rule set's range, rounded half away from
# zero) and gate decides the changed line: it must give without_cited.
. "$(dirname "$0")/gate-population.inc"

read -r low high < <(sed -n 's/^range \([-0-9.]*\) to \([-0-9.]*\)$/\1 \2/p' "$rules")
jq -c 'select(.decision != "allow")
       | {key: (.person + "/" + .service), person, service, without_cited,
          rules: [.reasons[] | select(.kind == "penalty") | .rule],
          spilled: [.reasons[] | select(.kind == "friends") | .rule]}' decisions.jsonl > cited.jsonl
jq -nc --slurpfile scores scores.jsonl --argjson low "$low" --argjson high "$high" '
  def milli: . * 1000 | round;
  def whole: if . >= 0 then (. + 500) / 1000 | floor else -((-. + 500) / 1000 | floor) end;
  ($scores | INDEX(.person)) as $by
  | inputs as $d
  | $by[$d.person]
  | .contributions |= with_entries(if (.key | IN($d.rules[])) then .value = 0 else . end)
  | .spilled |= with_entries(if (.key | IN($d.spilled[])) then .value = 0 else . end)
  | ((.base | milli) + ([.contributions[], .spilled[]] | map(milli) | add // 0)) as $sum
  | .score = ([[$sum, ($low | milli)] | max, ($high | milli)] | min | whole)
  | .person = $d.key' cited.jsonl > changed.jsonl
jq -c '{person: .key, service}' cited.jsonl > requests.jsonl
gate --policy "$policy" --rules "$rules" --requests requests.jsonl changed.jsonl > again.jsonl

denials=$(wc -l < cited.jsonl)
[ "$denials" -gt 1000 ] || { echo "too few denials to test: $denials"; exit 1; }
[ "$(wc -l < again.jsonl)" -eq "$denials" ] || { echo "gate did not decide every changed line"; exit 1; }
wrong=$(paste -d ' ' <(jq -r .without_cited cited.jsonl) <(jq -r '.person + " " + .decision' again.jsonl) |
  awk '$1 != $3 {print $2 ": without_cited " $1 ", the changed line is " $3}')
if [ -n "$wrong" ]; then
  echo "$wrong" | head -n 10
  echo "$(echo "$wrong" | wc -l) of $denials denials: without_cited is not what the changed line gets"
  exit 1
fi
echo "$denials denials: without_cited is the decision on the line without what is cited"
