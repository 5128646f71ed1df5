#!/usr/bin/env bash
# Issue 15: a denial that cites no not_earned reason is explained by what it
# cites: without_cited is allow, unless a forbid stands that no removal of
# points lifts (a flag or forbid reason, never removed). not_earned is cited
# exactly when without_cited is not allow on the points' account, and
# would_flip's remove_rule is always among the cited penalties.
. "$(dirname "$0")/gate-population.inc"

jq -r 'select(.decision != "allow")
  | ([.reasons[].kind]) as $k
  | (($k | index("not_earned")) != null) as $ne
  | (.without_cited == "forbidden" and ($k | index("flag") != null or index("forbid") != null)) as $stands
  | (.would_flip.remove_rule // null) as $rr
  | if $ne == false and .without_cited != "allow" and ($stands | not) then
      "\(.person) \(.service): no not_earned, yet without_cited is \(.without_cited)"
    elif $ne and .without_cited == "allow" then
      "\(.person) \(.service): not_earned cited, yet without_cited is allow"
    elif $rr != null and ([.reasons[] | select(.kind == "penalty") | .rule] | index($rr)) == null then
      "\(.person) \(.service): would_flip removes \($rr), which is not cited"
    elif ($k | index("gap")) == null and .decision == "not_permitted" then
      "\(.person) \(.service): a denial without its gap"
    else empty end' decisions.jsonl > wrong.txt
denials=$(jq -c 'select(.decision != "allow")' decisions.jsonl | wc -l)
suffice=$(jq -c 'select(.decision != "allow" and .without_cited == "allow")' decisions.jsonl | wc -l)
[ "$suffice" -gt 100 ] || { echo "too few denials whose reasons suffice: $suffice"; exit 1; }
if [ -s wrong.txt ]; then
  head -n 10 wrong.txt
  echo "$(wc -l < wrong.txt) of $denials denials break the rule"
  exit 1
fi
echo "$denials denials: $suffice whose cited reasons suffice, the rest say what no removal covers"
