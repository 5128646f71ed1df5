#!/usr/bin/env bash
# Every long option a tool's --help lists (its subcommands' too) appears in
# man/TOOL.1, and every option the page documents exists: help and manual
# cannot drift apart.
set -euo pipefail
src=${SOCRED_SOURCE_DIR:?}
bin=$(dirname "$(command -v gen-events || command -v score || command -v jsonl-echo)")
failed=0 checked=0
for tool in gen-events join-records score gate report; do
  command -v "$tool" >/dev/null || continue
  page=$src/man/$tool.1
  if [ ! -f "$page" ]; then
    echo "$tool: no man page $page"
    failed=1
    continue
  fi
  help=$("$tool" --help)
  subs=$(printf '%s\n' "$help" | awk '/^(SUBCOMMANDS|Subcommands):/{on=1; next} on && /^  [a-z]/{print $1} on && /^[A-Z]/{on=0}')
  for sub in $subs; do help+=$'\n'$("$tool" "$sub" --help); done
  from_help=$(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
  from_page=$(grep -oE -- '\\-\\-[a-z][a-z0-9-]*' "$page" | sed 's/\\-/-/g' | sort -u)
  missing=$(comm -23 <(echo "$from_help") <(echo "$from_page"))
  extra=$(comm -13 <(echo "$from_help") <(echo "$from_page"))
  [ -z "$missing" ] || { echo "$tool: in --help, not in $tool.1:" $missing; failed=1; }
  [ -z "$extra" ] || { echo "$tool: in $tool.1, not in --help:" $extra; failed=1; }
  checked=$((checked + 1))
done
if [ "$checked" -eq 0 ]; then
  echo "skipped: no tool built yet in $bin"
  exit 77
fi
echo "$checked tools checked"
exit "$failed"
