# Sourced by the scale tests and tests/bench/scale.sh (after helpers.bash),
# not a test itself: ssh hosts on loopback addresses of this machine, the
# one way they start them.
#
# need_ssh_hosts: skips (77), naming the package, where sshd, ssh, rsync or
# GNU parallel is absent.
# start_ssh_hosts DIR ADDRESS...: one sshd per loopback ADDRESS (listening
# there only, one port for all), with its own host key, authorized_keys and
# no PAM, everything under DIR/ssh; a client key and an ssh configuration
# of their own, exported as PARALLEL_SSH="ssh -F DIR/ssh/config", with one
# master connection per host. Each sshd's and master's PID goes to
# `daemons` for stop_daemons. Returns when every host answers.

need_ssh_hosts() {
  [ -x /usr/sbin/sshd ] || skip "/usr/sbin/sshd not installed (apt-get install openssh-server)"
  local bin
  for bin in ssh:openssh-client ssh-keygen:openssh-client rsync:rsync parallel:parallel \
    python3:python3; do
    command -v "${bin%%:*}" >/dev/null || skip "${bin%%:*} not installed (apt-get install ${bin#*:})"
  done
}

start_ssh_hosts() {
  local dir=$1 port user host master
  # A Unix socket's path holds at most 107 bytes.
  [ ${#dir} -le 60 ] ||
    { echo "$dir: too long a path for ssh's master socket (try TMPDIR=/tmp)"; exit 1; }
  shift
  port=$(free_port "$1")
  user=$(id -un)

  # sshd, as root, needs its privilege separation folder (the package's
  # service would make it at boot; it holds nothing).
  [ "$(id -u)" -ne 0 ] || [ -d /run/sshd ] || mkdir -m 755 /run/sshd
  mkdir -p "$dir/ssh"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh/client_key"
  cp "$dir/ssh/client_key.pub" "$dir/ssh/authorized_keys"
  : >"$dir/ssh/known_hosts"
  for host in "$@"; do
    cat >"$dir/ssh/sshd-$host.conf" <<CONF
ListenAddress $host:$port
HostKey $dir/ssh/host_key
AuthorizedKeysFile $dir/ssh/authorized_keys
PidFile $dir/ssh/sshd-$host.pid
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowUsers $user
StrictModes no
# The client sends SHLVL=1: bash, run by sshd, then takes itself for a nested
# shell and skips ~/.bashrc, so the test neither depends on nor waits for
# this account's shell setup.
AcceptEnv SHLVL
CONF
    /usr/sbin/sshd -f "$dir/ssh/sshd-$host.conf" -D -E "$dir/ssh/sshd-$host.log" &
    daemons+=($!)
    echo "[$host]:$port $(cat "$dir/ssh/host_key.pub")" >>"$dir/ssh/known_hosts"
  done
  cat >"$dir/ssh/config" <<CONF
Host $*
  Port $port
  User $user
  IdentityFile $dir/ssh/client_key
  IdentitiesOnly yes
  UserKnownHostsFile $dir/ssh/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  BatchMode yes
  ConnectTimeout 5
  SetEnv SHLVL=1
  # One connection per host, shared by the recipe's many short sessions
  # (four per part: the part over, the command, the result back, cleanup).
  ControlMaster auto
  ControlPath $dir/ssh/master-%h
  ControlPersist 120
CONF
  export PARALLEL_SSH="ssh -F $dir/ssh/config"
  for host in "$@"; do
    for _ in $(seq 50); do
      $PARALLEL_SSH "$host" true 2>/dev/null && break
      sleep 0.1
    done
    $PARALLEL_SSH "$host" true || { cat "$dir/ssh/sshd-$host.log"; exit 1; }
    master=$($PARALLEL_SSH -O check "$host" 2>&1 | sed -n 's/.*(pid=\([0-9]*\)).*/\1/p')
    [ -n "$master" ] || { echo "no ssh master for $host"; exit 1; }
    daemons+=("$master")
  done
}
