#!/usr/bin/env bash
# Memory grows with persons, never with events: score reads a stream ten
# times larger than the address space it is allowed (prlimit --as) and
# still scores every event. Skipped under AddressSanitizer, where the cap
# cannot apply.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
src=${SOCRED_SOURCE_DIR:?}
command -v prlimit >/dev/null || skip "prlimit not installed"
skip_under_asan score
rules=$src/examples/rules/sesame.rules
cap_mib=40
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

gen-events events --linked --population 20000 --days 5 --seed 11 > events.jsonl
size=$(wc -c < events.jsonl)
lines=$(wc -l < events.jsonl)
copies=$(( (cap_mib * 10 * 1048576) / size + 1 ))
# Standard input, so nothing is spooled: --as-of is given although rules fade.
cap=(prlimit --as=$((cap_mib * 1048576)))
for _ in $(seq "$copies"); do cat events.jsonl; done |
  "${cap[@]}" score --rules "$rules" --as-of 2024-01-06 --explain 3 > scores.jsonl
events=$(grep -o '"events":[0-9]*' scores.jsonl | awk -F: '{ n += $2 } END { print n }')
streamed=$((copies * size / 1048576))
if [ "$events" -ne $((copies * lines)) ]; then
  echo "scored $events events of $((copies * lines))"
  exit 1
fi
echo "$streamed MiB ($events events, $(wc -l < scores.jsonl) persons) under a $cap_mib MiB address-space cap"
