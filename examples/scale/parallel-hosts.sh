#!/usr/bin/env bash
# The pipeline on several machines with GNU parallel over ssh: each part of
# the events (a day's log, or `split -n l/N`) is sent to a host, mapped
# there, and its partial state sent back; the merge runs here.
#
#   parallel-hosts.sh LOGINS PART...
#
# LOGINS is parallel's --sshlogin list of other machines, such as
# `4/alice@h1,4/h2` (N/ sets the jobs per host; without it parallel asks
# each host for its cores, one more ssh session). Run it from the job's
# folder, the one with job.env (rules, as_of, accounts, people; events and
# world are not read: the PARTs are the events). Writes scores.jsonl there, the bytes of one run over all parts.
#
# Per part, on its host: the part is copied over (--transferfile, by rsync,
# so rsync must be on both ends, and socred on the host's PATH), joined with
# the accounts (copied once per host, --basefile) and mapped by `score
# --partial`; the result is copied back (--return) as PART-without-its-
# extension.partial.jsonl, and every file copied is removed from the host
# (--cleanup). The first failed part stops the run (--halt), before the
# merge. parallel's own settings go in PARALLEL (extra options) and
# PARALLEL_SSH (the ssh command, such as `ssh -F my_config`); the hosts'
# working folder is SOCRED_REMOTE_DIR (default `...`: a new one per job,
# removed after it). Each part takes four short ssh sessions (the part
# over, the command, the result back, the cleanup): a ControlMaster in the
# ssh configuration saves a handshake each (tests/scripts/scale-parallel.sh
# uses one).
set -euo pipefail
logins=${1:?usage: parallel-hosts.sh LOGINS PART...}
shift
[ $# -gt 0 ] || { echo "usage: parallel-hosts.sh LOGINS PART..." >&2; exit 2; }
[ -f job.env ] || { echo "parallel-hosts.sh: no job.env in $PWD" >&2; exit 2; }
# shellcheck source=examples/scale/job.env
. ./job.env
# The command each host runs, in bash for pipefail (a failed join must not
# pass as a short part); parallel quotes it for the trip.
map="set -o pipefail; join-records --right ${accounts@Q} --on account --right-fields person {} |
  score --rules ${rules@Q} --as-of ${as_of@Q} --partial > {.}.partial.jsonl"
parallel --will-cite --sshlogin "$logins" --workdir "${SOCRED_REMOTE_DIR:-...}" \
  --basefile "$rules" --basefile "$accounts" \
  --transferfile '{}' --return '{.}.partial.jsonl' --cleanup --halt now,fail=1 \
  bash -c "${map@Q}" ::: "$@"
parts=()
for part in "$@"; do parts+=("${part%.*}.partial.jsonl"); done
score --rules "$rules" --merge --people "$people" "${parts[@]}" >scores.jsonl.tmp
mv scores.jsonl.tmp scores.jsonl
