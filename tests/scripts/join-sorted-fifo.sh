#!/usr/bin/env bash
# --sorted joins in constant memory: both sides stream through pipes (the
# right one a FIFO), 60 MB each, under a 32 MiB address-space cap (prlimit),
# and give the same bytes as the hash join, which under the same cap runs out
# of memory (the cap bites). Skipped under AddressSanitizer, where the cap
# cannot apply.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
command -v prlimit >/dev/null || skip "prlimit is absent (util-linux)"
skip_under_asan join-records
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
cap=(prlimit --as=$((32 << 20)))
people() {  # 300k persons in key order, about 200 bytes each
  awk 'BEGIN { for (i = 0; i < 300000; i++)
    printf "{\"person\":\"p%07d\",\"name\":\"Wang Fang %d\",\"birthdate\":\"1985-03-07\",\"city\":\"Hangzhou\",\"note\":\"%s\"}\n", i, i, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }'
}
events() {  # 500k events in key order, two or so per person, some beyond the register
  awk 'BEGIN { for (i = 0; i < 500000; i++)
    printf "{\"id\":\"e%010d\",\"ts\":\"2024-03-01T12:34:56Z\",\"source\":\"shop\",\"type\":\"purchase\",\"person\":\"p%07d\",\"amount\":12.5}\n", i, int(i * 0.65) }'
}
mkfifo "$work/people"
people >"$work/people" &
pids+=($!)
events | "${cap[@]}" join-records --sorted --how left --right "$work/people" --on person --as who \
  >"$work/sorted.jsonl"
wait "${pids[@]}"
pids=()
lines=$(wc -l <"$work/sorted.jsonl")
[ "$lines" -eq 500000 ] || { echo "expected 500000 lines, got $lines"; exit 1; }
paired=$(grep -c '"who":' "$work/sorted.jsonl")
[ "$paired" -eq 461539 ] || { echo "expected 461539 pairs, got $paired"; exit 1; }

people >"$work/people" &
pids+=($!)
events | join-records --how left --right "$work/people" --on person --as who >"$work/hash.jsonl"
wait "${pids[@]}"
pids=()
cmp "$work/sorted.jsonl" "$work/hash.jsonl" || { echo "merge and hash joins differ"; exit 1; }

people >"$work/people" &
pids+=($!)
status=0
events | "${cap[@]}" join-records --how left --right "$work/people" --on person --as who \
  >/dev/null 2>"$work/err" || status=$?
kill "${pids[@]}" 2>/dev/null || true
wait "${pids[@]}" 2>/dev/null || true
pids=()
[ "$status" -ne 0 ] || { echo "the hash join fit in the cap: the cap proves nothing"; exit 1; }
echo "merge join: 2 x 60 MB through pipes within ${cap[*]}, $lines lines, $paired pairs"
