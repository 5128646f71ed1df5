#!/usr/bin/env bash
# gen-events benchmark: events/s and MB/s with one thread and with two,
# against a plain Python generator of the same shape (gen_events.py); peak
# memory for 1 and 8 days (it must not grow with the stream); the other
# kinds of output at the same population.
# Usage: tests/bench/gen-events.sh [POPULATION] [DAYS]  (build release first)
source "$(dirname "$0")/common.sh"
population=${1:-100000}
days=${2:-4}
py_population=$((population / 5))

# rate NAME CMD: runs CMD | wc -lc once; prints wall seconds, CPU seconds,
# lines per wall second and per CPU second (the machine is shared: the CPU
# rate is the steadier figure), MB/s and peak memory. Sets RATE (per CPU s).
rate() {
  local name=$1 cmd=$2 lines bytes wall kib user sys
  /usr/bin/time -o "$WORK/.time" -f '%e %M %U %S' bash -c "$cmd | wc -lc > $WORK/.count" \
    2>"$WORK/.stderr" || { echo "$name: failed: $(head -c 300 "$WORK/.stderr")" >&2; }
  read -r lines bytes <"$WORK/.count"
  read -r wall kib user sys < <(tail -n 1 "$WORK/.time")
  awk -v n="$name" -v w="$wall" -v u="$user" -v y="$sys" -v l="$lines" -v b="$bytes" \
      -v k="$kib" 'BEGIN { c = u + y; if (c <= 0) c = 0.01; if (w <= 0) w = 0.01
      printf "%-34s %6.2f s %6.2f cpu-s %6.2f M/s %6.2f M/cpu-s %6.1f MB/s %6.1f MiB\n",
             n, w, c, l / w / 1e6, l / c / 1e6, b / w / 1e6, k / 1024 }'
  RATE=$(awk -v u="$user" -v y="$sys" -v l="$lines" 'BEGIN { c = u + y; if (c <= 0) c = 0.01
         print l / c }')
  WALL=$(awk -v w="$wall" -v l="$lines" 'BEGIN { if (w <= 0) w = 0.01; print l / w }')
}

echo "gen-events: population $population, $days days, $(gen-events --version)"
rate "events (1 thread)" "gen-events events --population $population --days $days"
one=$RATE one_wall=$WALL
rate "events --threads 2" \
  "gen-events events --population $population --days $days --threads 2"
two_wall=$WALL
rate "events --linked" "gen-events events --linked --population $population --days $days"
rate "python3 gen_events.py ($py_population, 1 d)" \
  "python3 $here/gen_events.py $py_population 1"
py=$RATE
awk -v a="$one" -v p="$py" -v w1="$one_wall" -v w2="$two_wall" 'BEGIN {
  printf "events per CPU second: %.0fx the Python generator\n", a / p
  printf "wall-clock rate, 2 threads vs 1: %.2fx (needs two idle cores)\n", w2 / w1 }'

small=$((population / 10))
echo "memory does not grow with days (population $small):"
rate "  7 days" "gen-events events --population $small --days 7"
rate "  56 days" "gen-events events --population $small --days 56"

echo "other kinds of output:"
rate "people" "gen-events people --population $population"
rate "accounts --truth" "gen-events accounts --truth --population $population"
rate "friends" "gen-events friends --population $population"
rate "events --shard 4/4" \
  "gen-events events --population $population --days $days --shard 4/4"
