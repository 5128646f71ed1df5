#!/usr/bin/env bash
# report --kind event on a real log (Zeek weird lines from WRCCDC 2018):
# lines without id and type, some with a null source, are all counted, the
# missing ones as "(none)"; --top limits the Sources and Types tables.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
log=${SOCRED_SHARED_DATA:-../shared/data}/json-logs/zeek-wrccdc-2018/zeek-json/weird.json.gz
need_file "$log"
command -v jq >/dev/null || skip "jq not installed"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lines=$(gzip -dc "$log" | grep -c .)
nulls=$(gzip -dc "$log" | jq -s '[.[] | select(.source == null)] | length')
report --kind event --format json "$log" >"$tmp/r.json"
jq -e --argjson lines "$lines" --argjson nulls "$nulls" '
  .input.used == $lines and .input.rejected == 0 and .total.events == $lines
  and .total.sources["(none)"] == $nulls and $nulls > 0
  and ([.total.types | to_entries[] | select(.key | endswith("/(none)")) | .value] | add) == $lines
' "$tmp/r.json" >/dev/null || { echo "weird.json: counts differ"; jq -c .total "$tmp/r.json"; exit 1; }
report --kind event --top 2 --color never "$log" >"$tmp/r.txt"
grep -q 'the 2 largest of' "$tmp/r.txt" || { echo "--top 2 did not limit the Sources table"; exit 1; }
echo "weird.json: $lines lines used ($nulls with a null source), --top limits the tables"
