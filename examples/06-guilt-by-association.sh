#!/usr/bin/env bash
# Lesson 6: guilt by association.
#
# "Vous, ou vos amis, avez critiqué le gouvernement sur les réseaux
# sociaux ? Ça dégringole plus encore." The press said of Sesame Credit
# that what your friends post lowers your score too. Here the rule
# critical_post of examples/rules/sesame.rules costs a critic -5 points a
# post (at most -30 per 30 days), and with `score --friends` a fifth of
# what it costs them spills to each of their friends on the social
# platform (gen-events friends: edges between social accounts; score maps
# each account to its person through the events that carry both).
#
# What to see:
#  - A cap counts per calendar period, not over a window that slides with
#    the events: "at most -30 per 30 days" caps each period floor(days since
#    1970-01-01 / 30), so that it does not depend on the order of events.
#    These 20 days, 1 to 20 January 2024, straddle two periods: the one
#    begun on 19 December 2023 (1 to 17 January here, 198 of the loudest
#    critic's posts) and the one from 18 January (32 posts). So the critic
#    pays the cap twice: -60 in 20 days.
#  - One critic's posts lower the scores of people who posted nothing:
#    their lines show `spilled`, and --explain names the friend and the
#    friend's post by input file and line, so the penalty can be traced
#    to the sentence someone else wrote.
#  - Homophily concentrates it. In gen-events' graph critics mostly befriend
#    critics (--homophily 0.8, the default): critics are 8% of the people
#    and receive 20% of all spilled points, almost twice their share in a
#    graph of the same size drawn without homophily (--homophily 0). A
#    penalty on friendships falls hardest on the groups that already pay.
#  - How sure are we? critical_post and its spill are `reported`: the press
#    (2015) said posts and friends' posts count; Ant's spokesperson said
#    posts do not. The share (0.2) and the one hop are ours: speculative.
set -euo pipefail
cd "$(dirname "$0")"
. ./assert.sh
need gen-events score join-records report jq
tmp=$(scratch)

rules=$PWD/rules/sesame.rules
world=(--seed 6 --population 1000)
cd "$tmp"  # so that explanations cite events.jsonl:LINE
gen-events people "${world[@]}" --truth > people.jsonl
gen-events events "${world[@]}" --days 20 --linked > events.jsonl
gen-events friends "${world[@]}" > friends.jsonl
gen-events friends "${world[@]}" --homophily 0 > friends-random.jsonl

say "scores without and with friends (score counts what it could not use)"
score --rules "$rules" events.jsonl > alone.jsonl
score --rules "$rules" --friends friends.jsonl --explain 5 events.jsonl > with-friends.jsonl
expect "persons scored" "$(wc -l < with-friends.jsonl)" 980
expect "persons whose score friends lowered" \
  "$(jq -s '[.[] | select((.spilled.critical_post // 0) < 0)] | length' with-friends.jsonl)" 619

say "the loudest critic: 230 posts in 20 days, capped at -60 for themself (two periods of -30)"
critic=$(jq -r 'select(.type == "post" and .topic == "government" and .stance == "critical")
                | .person' events.jsonl | sort | uniq -c | sort -k1,1nr -k2,2 | awk 'NR == 1 { print $2 }')
expect "the critic" "$critic" p0000153
jq -c --arg p "$critic" 'select(.person == $p) | {person, score, contributions}' alone.jsonl
# The cap's periods: day numbers since 1970-01-01, divided by 30.
period() { echo $(($(date -u -d "$1" +%s) / 86400 / 30)); }
expect "the cap's period of 1 January 2024 begins" \
  "$(date -u -d "@$(($(period 2024-01-01) * 30 * 86400))" +%F)" 2023-12-19
expect "the next period begins" "$(date -u -d "@$(($(period 2024-01-01) * 30 * 86400 + 30 * 86400))" +%F)" \
  2024-01-18
posts() { jq -r --arg p "$critic" 'select(.person == $p and .type == "post" and .topic == "government"
                                           and .stance == "critical") | .ts[0:10]' events.jsonl |
  awk -v from="$1" -v to="$2" '$1 >= from && $1 < to { n++ } END { print n + 0 }'; }
expect "the critic's critical posts from 1 to 17 January" "$(posts 2024-01-01 2024-01-18)" 198
expect "the critic's critical posts from 18 to 20 January" "$(posts 2024-01-18 2024-01-21)" 32
expect "what they cost the critic: -30 in each period" \
  "$(jq --arg p "$critic" 'select(.person == $p) | .contributions.critical_post' alone.jsonl)" -60

say "what the critic's posts cost the people around them (their --explain)"
jq -r --arg p "$critic" 'select(any(.explain[]; .friend == $p))
                         | "\(.person): \(.explain[] | select(.friend == $p) | .text)"' \
  with-friends.jsonl
expect "friends whose explanation names the critic" \
  "$(jq --arg p "$critic" -s '[.[] | select(any(.explain[]; .friend == $p))] | length' \
     with-friends.jsonl)" 7

say "one of them never criticised anyone: before and after"
friend=$(jq -r --arg p "$critic" 'select(any(.explain[]; .friend == $p))
                                  | select((.contributions.critical_post // 0) == 0) | .person' \
         with-friends.jsonl | sed -n 1p)  # sed reads on: no SIGPIPE for jq
jq -c --arg p "$friend" 'select(.person == $p) | {person, score}' alone.jsonl
jq -c --arg p "$friend" 'select(.person == $p) | {person, score, spilled}' with-friends.jsonl
expect "their points lost to friends" \
  "$(jq --arg p "$friend" 'select(.person == $p) | .spilled.critical_post' with-friends.jsonl)" -23.957

say "homophily: scores by persona, with friends (report --by who.persona)"
join-records --right people.jsonl --on person --as who < with-friends.jsonl > scores-who.jsonl
report --by who.persona --color never scores-who.jsonl |
  sed -n -e '/Points spilled from friends/,/^$/p' -e '/^  who.persona/,/^$/p'
share() {  # the critics' share of all spilled points, in percent
  join-records --right people.jsonl --on person --as who < "$1" |
    jq -s '(map(.spilled.critical_post // 0) | add) as $all
           | (map(select(.who.persona == "critic") | .spilled.critical_post // 0) | add) as $c
           | $c / $all * 100 | round'
}
say "the same people and events, friendships drawn without homophily"
score --rules "$rules" --friends friends-random.jsonl events.jsonl > random.jsonl
join-records --right people.jsonl --on person --as who < random.jsonl |
  report --by who.persona --color never | sed -n '/^  who.persona/,/^$/p'
expect "critics among the people (percent)" \
  "$(jq -s 'map(select(.persona == "critic")) | length / 10 | round' people.jsonl)" 8
expect "critics' share of spilled points, homophily 0.8 (percent)" "$(share with-friends.jsonl)" 20
expect "critics' share of spilled points, no homophily (percent)" "$(share random.jsonl)" 11
