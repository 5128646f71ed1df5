#!/usr/bin/env bash
# Issue 18: the Slurm recipe of examples/scale/ (the very scripts, run in
# place) on a private cluster started here: munged with its own key and
# socket, slurmctld and two slurmd (n1, n2 on 127.0.0.1, their own ports),
# every path in a temporary folder, the configuration passed by SLURM_CONF,
# nothing in /etc touched. An array of 4 shard tasks and the dependent merge
# must give the bytes of one run, in both ways a task takes its shard (join
# --partition, gen-events --shard); with one task made to fail, the merge
# must be cancelled, not left pending, and the submitter must see it and
# name the task; that task run again alone, the merge gives the same bytes.
# Every daemon is stopped by its PID in a trap (SCALE_KEEP=DIR keeps their
# logs there).
set -euo pipefail
ms() { echo $(($(date +%s%N) / 1000000)); }
t0=$(ms)
lap() { local t=$(($(ms) - t0)); printf '[%d.%d s] %s\n' $((t / 1000)) $((t % 1000 / 100)) "$*"; }
. "$(dirname "$0")/helpers.bash"
. "$(dirname "$0")/slurm-cluster.bash"
need_slurm
need_tool gen-events
need_tool join-records
need_tool score
src=${SOCRED_SOURCE_DIR:?}
recipe=$src/examples/scale
tmp=$(mktemp -d)
cleanup() {
  stop_daemons
  [ -n "${SCALE_KEEP:-}" ] && cp -r "$tmp/log" "$SCALE_KEEP"
  rm -rf "$tmp"
}
trap cleanup EXIT
start_slurm_cluster "$tmp"
sinfo
lap "cluster up"

# The job's folder: a world, its files, the settings.
job=$tmp/job
mkdir -p "$job"
cd "$job"
world=(--seed 18 --population 300)
gen-events people "${world[@]}" >people.jsonl
gen-events accounts "${world[@]}" --truth >accounts.jsonl
gen-events events "${world[@]}" --days 30 >events.jsonl
cp "$src/examples/rules/sesame.rules" .
sed 's/^as_of=.*/as_of=2024-01-30T23:59:59Z/' "$recipe/job.env" >job.env
join-records --right accounts.jsonl --on account --right-fields person events.jsonl |
  score --rules sesame.rules --as-of 2024-01-30T23:59:59Z --people people.jsonl >one.jsonl
echo "one run: $(wc -l <one.jsonl) persons, from $(wc -l <events.jsonl) events"

failed=0
check() {  # WHAT: scores.jsonl against one run
  if cmp scores.jsonl one.jsonl; then
    echo "ok: $1: the bytes of one run"
  else
    echo "FAILED: $1: scores.jsonl differs from one run"
    failed=1
  fi
}

timeout 60 "$recipe/slurm-submit.sh" --wait 4
check "4 tasks of join-records --partition, merged"
lap "array of 4 + merge"

sed -i 's/^events=/# events=/; s/^# world=.*/world="--seed 18 --population 300 --days 30"/' job.env
timeout 60 "$recipe/slurm-submit.sh" --wait 4
check "4 tasks of gen-events --shard, merged"
lap "array of 4 + merge"

# One task fails: a score on PATH that fails for shard 3 (the tasks take
# the submitter's environment), nothing in the recipe changed.
mkdir -p "$tmp/bin"
cat >"$tmp/bin/score" <<SH
#!/bin/sh
[ "\${SLURM_ARRAY_TASK_ID:-}" = 3 ] && { echo "score: made to fail" >&2; exit 65; }
exec $(command -v score) "\$@"
SH
chmod +x "$tmp/bin/score"
if PATH=$tmp/bin:$PATH timeout 60 "$recipe/slurm-submit.sh" --wait 4 >submit.out; then
  echo "FAILED: the submitter said the run succeeded with a failed task"
  failed=1
fi
cat submit.out
merge=$(sed -n 's/.*merge: job \([0-9]*\).*/\1/p' submit.out)
shards=$(sed -n 's/^shards: job \([0-9]*\).*/\1/p' submit.out)
merge_state=$(scontrol show job -o "$merge" | grep -o 'JobState=[A-Z]* Reason=[A-Za-z]*')
task_state=$(scontrol show job -o "${shards}_3" | grep -o 'JobState=[A-Z]*')
echo "merge: $merge_state; task 3: $task_state"
if [ "$merge_state" != "JobState=CANCELLED Reason=DependencyNeverSatisfied" ] ||
  [ "$task_state" != JobState=FAILED ] || [ -e scores.jsonl ] || [ -e parts/partial.3.jsonl ]; then
  echo "FAILED: a failed task must cancel the merge and leave no part and no scores"
  failed=1
fi
grep -q '^task 3: FAILED (logs/shard-3.out)$' submit.out ||
  { echo "FAILED: the submitter did not name the failed task"; failed=1; }
lap "failure seen"

# The failed task alone again, then the merge: the other parts stand.
timeout 60 sbatch --wait --quiet --array=3 --output=logs/shard-%a.out "$recipe/slurm-shard.sbatch" 4
timeout 60 sbatch --wait --quiet --output=logs/merge.out "$recipe/slurm-merge.sbatch" 4
check "task 3 run again alone, merged"
lap "task run again"
exit $failed
