# Shared by the benchmark scripts: timing with /usr/bin/time and ratios.
# Source it; it sets BIN (built tools), TBIN (test drivers), WORK (data).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
BIN=${BIN:-$root/build/release/bin}
TBIN=${TBIN:-$root/build/release/tests/bin}
WORK=${WORK:-${TMPDIR:-/tmp}/socred-bench}
mkdir -p "$WORK"
export PATH=$BIN:$TBIN:$PATH

# measure NAME BYTES CMD...: runs CMD (a shell string) once, prints a row:
# name, seconds, MB/s over BYTES, peak RSS in MiB. Sets LAST_SECONDS.
measure() {
  local name=$1 bytes=$2 cmd=$3 t
  /usr/bin/time -o "$WORK/.time" -f '%e %M' bash -c "$cmd" >/dev/null 2>"$WORK/.stderr" ||
    { echo "$name: failed: $(head -c 300 "$WORK/.stderr")" >&2; }
  t=$(tail -n 1 "$WORK/.time")
  local secs=${t% *} kib=${t#* }
  LAST_SECONDS=$secs
  awk -v n="$name" -v s="$secs" -v b="$bytes" -v k="$kib" \
    'BEGIN { printf "%-34s %8.2f s %9.1f MB/s %8.1f MiB\n", n, s, (s > 0 ? b / s / 1e6 : 0), k / 1024 }'
}

# ratio A B: how many times faster A's time is than B's.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", (a > 0 ? b / a : 0) }'; }
