#!/usr/bin/env bash
# Issue 18: the GNU parallel recipe of examples/scale/ (the very script, run
# in place) over ssh to two hosts: two sshd started here on 127.0.0.2 and
# 127.0.0.3 (loopback only, their own port, host key and authorized_keys, no
# PAM), reached with a client key and ssh configuration of their own
# (PARALLEL_SSH="ssh -F CONFIG", one master connection per host). The parts
# go over by --transferfile, come back by --return; the merged scores must
# be the bytes of one run, nothing may be left in the hosts' folder, and a
# part that fails must fail the run before the merge. Both sshd and the ssh masters are stopped by their PID
# in a trap.
set -euo pipefail
. "$(dirname "$0")/helpers.bash"
. "$(dirname "$0")/ssh-hosts.bash"
need_ssh_hosts
need_tool gen-events
need_tool join-records
need_tool score
src=${SOCRED_SOURCE_DIR:?}
recipe=$src/examples/scale
tmp=$(mktemp -d)
cleanup() {
  stop_daemons
  rm -rf "$tmp"
}
trap cleanup EXIT
start_ssh_hosts "$tmp" 127.0.0.2 127.0.0.3
# The hosts are this machine: they find the tools where this shell does,
# and work in a folder of the test's, to see what is left there.
export PARALLEL="--env PATH --joblog $tmp/joblog"
export SOCRED_REMOTE_DIR=$tmp/remote

job=$tmp/job
mkdir -p "$job/parts" "$tmp/remote"
cd "$job"
world=(--seed 18 --population 300)
gen-events people "${world[@]}" >people.jsonl
gen-events accounts "${world[@]}" --truth >accounts.jsonl
gen-events events "${world[@]}" --days 30 >events.jsonl
cp "$src/examples/rules/sesame.rules" .
sed 's/^as_of=.*/as_of=2024-01-30T23:59:59Z/' "$recipe/job.env" >job.env
join-records --right accounts.jsonl --on account --right-fields person events.jsonl |
  score --rules sesame.rules --as-of 2024-01-30T23:59:59Z --people people.jsonl >one.jsonl
split -n l/4 -d --additional-suffix=.jsonl events.jsonl parts/day
echo "one run: $(wc -l <one.jsonl) persons, from $(wc -l <events.jsonl) events in 4 parts"

failed=0
timeout 60 "$recipe/parallel-hosts.sh" 2/127.0.0.2,2/127.0.0.3 parts/day0[0-3].jsonl
if cmp scores.jsonl one.jsonl; then
  echo "ok: 4 parts over 2 hosts, merged: the bytes of one run"
else
  echo "FAILED: scores.jsonl differs from one run"
  failed=1
fi
for host in 127.0.0.2 127.0.0.3; do
  awk -v h="$host" -F '\t' '$2 == h && $7 == 0 { n++ } END { exit !n }' "$tmp/joblog" ||
    { echo "FAILED: no part was mapped on $host"; failed=1; }
done
left=$(find "$tmp/remote" -type f 2>/dev/null || true)  # parallel removes the folder once empty
[ -z "$left" ] || { echo "FAILED: left on the hosts: $left"; failed=1; }

# A part that is not JSON lines: the run fails, and there is no merge.
rm -f scores.jsonl
echo 'not json' >parts/day01.jsonl
if timeout 60 "$recipe/parallel-hosts.sh" 2/127.0.0.2,2/127.0.0.3 parts/day0[0-3].jsonl; then
  echo "FAILED: the run succeeded with a bad part"
  failed=1
elif [ -e scores.jsonl ]; then
  echo "FAILED: a failed part was merged"
  failed=1
else
  echo "ok: a bad part fails the run before the merge"
fi
exit $failed
