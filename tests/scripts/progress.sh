#!/usr/bin/env bash
# Progress goes to stderr when stderr is a terminal (here a pseudo-terminal
# made by script(1)) or with --progress, and nowhere otherwise.
set -euo pipefail
command -v script >/dev/null || { echo "skipped: script(1) not installed"; exit 77; }
feed="(seq 10000 | sed 's/.*/{}/'; sleep 0.6; seq 10000 | sed 's/.*/{}/')"
on_tty=$(script -qec "bash -c \"$feed | jsonl-echo >/dev/null\"" /dev/null)
case $on_tty in
  *"jsonl-echo: "*" lines, "*) ;;
  *) echo "no progress on a terminal: $(printf %q "$on_tty")"; exit 1 ;;
esac
quiet=$(bash -c "$feed | jsonl-echo 2>&1 >/dev/null")
[ -z "$quiet" ] || { echo "progress printed although stderr is not a terminal: $quiet"; exit 1; }
forced=$(bash -c "$feed | jsonl-echo --progress 2>&1 >/dev/null")
case $forced in
  *"lines, "*) ;;
  *) echo "--progress printed nothing"; exit 1 ;;
esac
# gen-events reads nothing: its meter counts the lines it writes.
if command -v gen-events >/dev/null; then
  # A slow reader holds it past the meter's first quarter second.
  made=$( { gen-events events --population 2000 --days 30 --progress |
    { sleep 0.6; cat >/dev/null; }; } 2>&1)
  case $made in
    *"gen-events: "*" lines, "*) ;;
    *) echo "gen-events --progress printed nothing"; exit 1 ;;
  esac
fi
echo "1 passed, 0 failed"
