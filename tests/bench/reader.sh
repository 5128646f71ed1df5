#!/usr/bin/env bash
# Reader benchmark: validate every line of a 1M-line event file and write it
# back, against jq, Miller, and simdjson's own parse streamed through a reused
# buffer (the limit; the whole-file load is printed beside it).
# Usage: tests/bench/reader.sh [LINES]   (build the release preset first)
source "$(dirname "$0")/common.sh"
lines=${1:-1000000}
data=$WORK/events-$lines.jsonl
if [ ! -s "$data" ]; then
  if command -v gen-events >/dev/null; then
    gen-events events --linked --population 100000 --days 365 | head -n "$lines" >"$data"
  else
    python3 "$here/gen_events_plain.py" "$lines" >"$data"
  fi
fi
bytes=$(stat -c %s "$data")
echo "reader: $(wc -l <"$data") lines, $((bytes / 1000000)) MB, $(jsonl-echo --version)"
measure "simdjson parse, streamed (limit)" "$bytes" "bench-stream-parse $data"; dom=$LAST_SECONDS
measure "simdjson parse, whole file loaded" "$bytes" "bench-dom-parse $data"
measure "jsonl-echo (validate + copy)" "$bytes" "jsonl-echo $data"; ours=$LAST_SECONDS
measure "jsonl-echo --reemit" "$bytes" "jsonl-echo --reemit $data"; reemit=$LAST_SECONDS
measure "jq -c ." "$bytes" "jq -c . $data"; jq=$LAST_SECONDS
measure "mlr --ijsonl --ojsonl cat" "$bytes" "mlr --ijsonl --ojsonl cat $data"; mlr=$LAST_SECONDS
echo "validate+copy rate vs the streamed parse: $(awk -v a="$ours" -v b="$dom" 'BEGIN{printf "%.0f%%", 100*b/a}')"
echo "validate+copy vs jq: $(ratio "$ours" "$jq") faster; vs Miller: $(ratio "$ours" "$mlr") faster"
echo "re-emit vs jq: $(ratio "$reemit" "$jq") faster; vs Miller: $(ratio "$reemit" "$mlr") faster"
