# Sourced by the scale tests and tests/bench/scale.sh (after helpers.bash),
# not a test itself: a private Slurm cluster on this machine, the one way
# they start it.
#
# need_slurm: skips (77), naming the package, where Slurm or munge is absent.
# start_slurm_cluster DIR: munged with its own key and socket, slurmctld and
# two slurmd (n1, n2 on 127.0.0.1 with their own ports, 2 CPUs each), every
# path (state, spool, logs, pids) under DIR, nothing in /etc read or
# changed; exports SLURM_CONF; each daemon's PID goes to `daemons` for
# stop_daemons. Returns when both nodes are idle. Runs as root (as in CI)
# or as the daemons' only user.

need_slurm() {
  PATH=$PATH:/usr/sbin  # the daemons, for a user whose PATH lacks it
  local bin
  for bin in sbatch:slurm-wlm slurmctld:slurm-wlm slurmd:slurm-wlm munged:munge mungekey:munge \
    python3:python3; do
    command -v "${bin%%:*}" >/dev/null || skip "${bin%%:*} not installed (apt-get install ${bin#*:})"
  done
}

# NAME PIDFILE DIR: waits for a daemon's pid file and keeps the PID; shows
# DIR/log/NAME.log if it does not come.
slurm_started() {
  local dir=$3
  for _ in $(seq 100); do
    if [ -s "$2" ] && kill -0 "$(cat "$2")" 2>/dev/null; then
      daemons+=("$(cat "$2")")
      return
    fi
    sleep 0.1
  done
  echo "$1 did not start; its log:"
  cat "$dir/log/$1.log" 2>/dev/null || true
  exit 1
}

start_slurm_cluster() {
  local dir=$1 user host node
  # A Unix socket's path holds at most 107 bytes.
  [ ${#dir} -le 60 ] ||
    { echo "$dir: too long a path for munge's socket (try TMPDIR=/tmp)"; exit 1; }

  # munge: its own key, socket, pid, log and seed files.
  mkdir -p "$dir/munge" "$dir/log" "$dir/state" "$dir/spool"
  chmod 700 "$dir/munge"
  mungekey --create --keyfile="$dir/munge/munge.key"
  munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" \
    --seed-file="$dir/munge/munged.seed"
  slurm_started munged "$dir/munge/munged.pid" "$dir"

  user=$(id -un)
  host=$(hostname -s)
  cat >"$dir/slurm.conf" <<CONF
ClusterName=socred-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd-%n.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
# Jobs start as soon as they can (the defaults wait up to 3 s to batch them).
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
ReturnToService=2
MinJobAge=600
NodeName=n1 NodeHostname=$host NodeAddr=127.0.0.1 Port=$(free_port) CPUs=2 State=UNKNOWN
NodeName=n2 NodeHostname=$host NodeAddr=127.0.0.1 Port=$(free_port) CPUs=2 State=UNKNOWN
PartitionName=test Nodes=n[1-2] Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF=$dir/slurm.conf
  slurmctld -i
  slurm_started slurmctld "$dir/slurmctld.pid" "$dir"
  for node in n1 n2; do
    mkdir -p "$dir/spool/$node"
    slurmd -N "$node"
    slurm_started "slurmd-$node" "$dir/slurmd-$node.pid" "$dir"
  done
  for _ in $(seq 100); do
    [ "$(sinfo -h -o '%t' -n n1,n2 | sort -u | tr -d '\n')" = idle ] && return
    sleep 0.2
  done
  echo "the nodes did not come up:"
  sinfo
  cat "$dir/log/slurmctld.log"
  exit 1
}
