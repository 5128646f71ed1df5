#!/usr/bin/env bash
# The scale-out recipes (examples/scale/) on N shards against one run on the
# same machine: what the overhead is, in seconds, and what it is spent on,
# so that a user knows from what size scale-out pays. The engines are the
# ones the scale tests start (a private Slurm cluster of two slurmd,
# GNU parallel over two loopback sshd), started here the same way.
#
#   tests/bench/scale.sh [POPULATION [DAYS [SHARDS]]]   (default 3000 30 4)
#
# Slurm's time is split from slurmctld's log (millisecond stamps): submit to
# the first task started (scheduling), the tasks, the last task's end to the
# merge's start (the dependency), the merge, and the submitter's polling.
# parallel's is split by measuring its parts alone: splitting the events,
# rsync of every part over and its state back, the maps one after another
# here, the merge; the rest of its wall time is parallel and ssh.
# Runs as root or as the only user of the daemons, like the tests.
set -euo pipefail
. "$(dirname "$0")/common.sh"
. "$root/tests/scripts/helpers.bash"
. "$root/tests/scripts/slurm-cluster.bash"
. "$root/tests/scripts/ssh-hosts.bash"
need_slurm
need_ssh_hosts
population=${1:-3000}
days=${2:-30}
shards=${3:-4}
recipe=$root/examples/scale
tmp=$(mktemp -d)
cleanup() {
  stop_daemons
  rm -rf "$tmp"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
row() { printf '%-52s %8s s\n' "$1" "$2"; }

job=$WORK/scale
rm -rf "$job"
mkdir -p "$job"
cd "$job"
world=(--seed 18 --population "$population")
as_of=$(date -u -d "2024-01-01 + $days days - 1 second" +%Y-%m-%dT%H:%M:%SZ)
gen-events people "${world[@]}" >people.jsonl
gen-events accounts "${world[@]}" --truth >accounts.jsonl
gen-events events "${world[@]}" --days "$days" >events.jsonl
cp "$root/examples/rules/sesame.rules" .
sed "s/^as_of=.*/as_of=$as_of/" "$recipe/job.env" >job.env
events=$(wc -l <events.jsonl)
echo "$population persons, $days days: $events events, $(($(stat -c %s events.jsonl) / 1000000)) MB;" \
  "$shards shards; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"

one() {
  join-records --right accounts.jsonl --on account --right-fields person events.jsonl |
    score --rules sesame.rules --as-of "$as_of" --people people.jsonl "$@" >one.jsonl
}
t=$(now); one; one_run=$(secs "$t" "$(now)")
t=$(now); one --threads 1; one_run_1=$(secs "$t" "$(now)")
echo
row "one run (join | score --people, all cores)" "$one_run"
row "one run, score --threads 1" "$one_run_1"

echo
echo "Slurm: array of $shards join-records --partition tasks + merge"
t=$(now); start_slurm_cluster "$tmp/slurm"; row "cluster start (munged, slurmctld, 2 slurmd)" "$(secs "$t" "$(now)")"
for run in "first (cold)" "second"; do
  echo "  $run run:"
  t0=$(now)
  "$recipe/slurm-submit.sh" --wait "$shards" >"$tmp/submit.out"
  t1=$(now)
  cmp -s scores.jsonl one.jsonl || { echo "Slurm: scores differ from one run" >&2; exit 1; }
  row "  slurm-submit.sh --wait, wall" "$(secs "$t0" "$t1")"
  python3 - "$tmp/slurm/log/slurmctld.log" "$t0" "$t1" "$(cat "$tmp/submit.out")" <<'PY'
import re, sys, datetime
log, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
shards_id, merge_id = re.findall(r"job (\d+)", sys.argv[4])
def stamp(line):
    s = line[1:line.index(']')]
    return datetime.datetime.fromisoformat(s).timestamp()
submit, alloc, done = [], {}, {}
for line in open(log):
    m = re.search(r'_slurm_rpc_submit_batch_job: JobId=(\d+) ', line)
    if m and m.group(1) in (shards_id, merge_id):
        submit.append(stamp(line))
    m = re.search(r'sched: Allocate JobId=(\d+)(\S*)', line)
    if m and m.group(1) in (shards_id, merge_id): alloc[m.group(1) + m.group(2)] = stamp(line)
    m = re.search(r'_job_complete: JobId=(\d+)(\S*) done', line)
    if m and m.group(1) in (shards_id, merge_id): done[m.group(1) + m.group(2)] = stamp(line)
merge = merge_id
tasks = [j for j in alloc if j != merge]
row = lambda what, s: print(f"    {what:<48} {s:8.2f} s")
row("submitting (two sbatch)", submit[-1] - t0)
row("scheduling: last submit to first task started", min(alloc[j] for j in tasks) - submit[-1])
row("the tasks: first started to last done", max(done[j] for j in tasks) - min(alloc[j] for j in tasks))
row("  longest task", max(done[j] - alloc[j] for j in tasks))
row("dependency: last task done to merge started", alloc[merge] - max(done[j] for j in tasks))
row("the merge job", done[merge] - alloc[merge])
row("submitter's polling after the merge", t1 - done[merge])
PY
done

echo
echo "GNU parallel: $shards parts over 2 ssh hosts (--transferfile, --return, --cleanup)"
t=$(now); start_ssh_hosts "$tmp" 127.0.0.2 127.0.0.3; row "2 sshd start, 2 master connections" "$(secs "$t" "$(now)")"
export PARALLEL="--env PATH"
mkdir -p parts "$tmp/remote"
export SOCRED_REMOTE_DIR=$tmp/remote
t=$(now); split -n "l/$shards" -d --additional-suffix=.jsonl events.jsonl parts/part
row "split -n l/$shards (here)" "$(secs "$t" "$(now)")"
t0=$(now)
"$recipe/parallel-hosts.sh" "2/127.0.0.2,2/127.0.0.3" parts/part*[0-9].jsonl
t1=$(now)
cmp -s scores.jsonl one.jsonl || { echo "parallel: scores differ from one run" >&2; exit 1; }
row "parallel-hosts.sh, wall" "$(secs "$t0" "$t1")"
mkdir -p "$tmp/copy"
t=$(now)
for part in parts/part*[0-9].jsonl; do
  rsync -e "$PARALLEL_SSH" -q "$part" 127.0.0.2:"$tmp/copy/"
done
row "  rsync of each part over, one after another" "$(secs "$t" "$(now)")"
t=$(now)
for part in parts/part*.partial.jsonl; do
  rsync -e "$PARALLEL_SSH" -q "$part" 127.0.0.2:"$tmp/copy/"
done
row "  rsync of each part's state, one after another" "$(secs "$t" "$(now)")"
t=$(now)
for part in parts/part*[0-9].jsonl; do
  join-records --right accounts.jsonl --on account --right-fields person "$part" |
    score --rules sesame.rules --as-of "$as_of" --partial >"$tmp/map.jsonl"
done
row "  the maps here, one after another" "$(secs "$t" "$(now)")"
t=$(now)
score --rules sesame.rules --merge --people people.jsonl parts/part*.partial.jsonl >/dev/null
row "  the merge alone" "$(secs "$t" "$(now)")"
