#!/usr/bin/env bash
# `cmake --install` puts the tools in bin and the pages in the man folders;
# an installed tool runs from there and `man -l` renders its page; CPack
# builds a .deb that holds them.
set -euo pipefail
build=$(dirname "$(dirname "$(command -v jsonl-echo)")")
build=$(dirname "$build")  # tests/bin -> build root
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
count=0
for tool in "$prefix"/bin/*; do
  "$tool" --version >/dev/null
  page=$prefix/share/man/man1/$(basename "$tool").1
  [ -f "$page" ] || { echo "no page installed for $(basename "$tool")"; exit 1; }
  if command -v man >/dev/null; then
    rendered=$(MANWIDTH=80 man -l "$page" 2>/dev/null)
    [ -n "$rendered" ] || { echo "man -l $page printed nothing"; exit 1; }
  fi
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "skipped: no tool built yet"; exit 77; }
(cd "$build" && cpack -G DEB -B "$prefix/deb" >/dev/null)
deb=$(ls "$prefix"/deb/*.deb)
# Listed into a variable first: `dpkg-deb -c | grep -q` lets grep close the
# pipe early, and dpkg-deb's tar then dies of SIGPIPE under pipefail.
contents=$(dpkg-deb -c "$deb")
grep -q 'usr/bin/' <<<"$contents" || { echo "the .deb holds no tool"; exit 1; }
grep -q 'share/man/man1/' <<<"$contents" || { echo "the .deb holds no page"; exit 1; }
grep -q 'share/doc/socred/examples/scale/slurm-submit.sh' <<<"$contents" ||
  { echo "the .deb holds no scale-out recipe"; exit 1; }
echo "$count tools installed and run; $(basename "$deb") built"
