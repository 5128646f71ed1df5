#!/usr/bin/env bash
# Submits the whole pipeline to Slurm from the job's folder (the one with
# job.env, on a file system every node sees): an array of N shard tasks
# (slurm-shard.sbatch) and the merge (slurm-merge.sbatch) after them.
#
#   slurm-submit.sh [--wait] N
#
# Prints the two job ids. With --wait, waits for the merge and exits 0 when
# it completed (scores.jsonl is then the bytes of one run), 1 when it did
# not: a failed shard cancels the merge (DependencyNeverSatisfied), and the
# tasks that failed are named, with their logs in logs/. Their parts alone
# can then run again, and the merge after them, without this script (which
# starts afresh): sbatch --array=3 slurm-shard.sbatch N; sbatch
# slurm-merge.sbatch N. Extra sbatch options (a partition, an account)
# go in SBATCH_* variables, which sbatch reads itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wait=no
if [ "${1:-}" = --wait ]; then
  wait=yes
  shift
fi
n=${1:?usage: slurm-submit.sh [--wait] N}
[ -f job.env ] || { echo "slurm-submit.sh: no job.env in $PWD" >&2; exit 2; }
rm -rf parts scores.jsonl
mkdir -p parts logs
shards=$(sbatch --parsable --array="1-$n" --chdir="$PWD" --output=logs/shard-%a.out \
  "$here/slurm-shard.sbatch" "$n")
shards=${shards%%;*}  # --parsable prints JOBID[;CLUSTER]
merge=$(sbatch --parsable --dependency="afterok:$shards" --kill-on-invalid-dep=yes \
  --chdir="$PWD" --output=logs/merge.out "$here/slurm-merge.sbatch" "$n")
merge=${merge%%;*}
echo "shards: job $shards (tasks 1-$n); merge: job $merge"
[ "$wait" = yes ] || exit 0
while :; do
  info=$(scontrol show job -o "$merge")
  state=$(sed -n 's/.* JobState=\([A-Z_]*\).*/\1/p' <<<"$info")
  # A cluster that ignores --kill-on-invalid-dep keeps such a merge pending.
  case $info in *Reason=DependencyNeverSatisfied*) [ "$state" = PENDING ] && break ;; esac
  case $state in
    PENDING | CONFIGURING | RUNNING | COMPLETING | "") sleep 0.5 ;;
    *) break ;;
  esac
done
echo "merge: $state"
[ "$state" != COMPLETED ] || exit 0
# Which tasks did not succeed, and where they said why.
scontrol show job -o "$shards" |
  sed -n 's/.* ArrayTaskId=\([0-9]*\) .* JobState=\([A-Z_]*\) .*/\1 \2/p' |
  while read -r task state; do
    [ "$state" = COMPLETED ] || echo "task $task: $state (logs/shard-$task.out)"
  done
exit 1
