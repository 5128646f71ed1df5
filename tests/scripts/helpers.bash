# Sourced by tests/scripts/*.sh (not a test itself): the ways a script test
# says it cannot run here (exit 77, which ctest shows as skipped) or that
# what it needs is missing, written once.

# skip MESSAGE: the test cannot run on this machine or build.
skip() {
  echo "skipped: $*"
  exit 77
}

# need_file PATH: external material (../shared/data) the test reads in place.
need_file() {
  [ -e "$1" ] || skip "$1 is absent"
}

# need_tool NAME: a socred tool the test drives; absent is a failure.
need_tool() {
  command -v "$1" >/dev/null || {
    echo "$1 is not on PATH"
    exit 1
  }
}

# skip_under_asan TOOL: AddressSanitizer reserves terabytes of address space
# for its shadow memory, so a cap on address space (prlimit --as) cannot
# apply to TOOL built with it, and a test of bounded memory checks nothing.
skip_under_asan() {
  local libs
  libs=$(ldd "$(command -v "$1")")  # not `ldd | grep -q`: SIGPIPE under pipefail
  if grep -q asan <<<"$libs"; then
    skip "$1 is built with AddressSanitizer: an address-space cap cannot apply under it"
  fi
}

# Daemons a test starts (tests/scripts/scale-*.sh): `daemons+=(PID)` for
# each, and `stop_daemons` in the EXIT trap ends each by its PID (TERM, then
# KILL after 5 s), so nothing is left running when the test fails.
daemons=()
stop_daemons() {
  local pid
  for pid in "${daemons[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${daemons[@]}"; do
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
}

# free_port [ADDRESS]: a TCP port nothing listens on at ADDRESS (default
# 127.0.0.1) now, for a daemon the test starts.
free_port() {
  python3 -c 'import socket, sys; s = socket.socket(); s.bind((sys.argv[1], 0)); print(s.getsockname()[1])' \
    "${1:-127.0.0.1}"
}

# same_for_threads NAME CMD...: runs CMD (a shell string with THREADS in it)
# with 1, 2 and 3 threads, into out.N and err.N in the current folder, and
# sets failed=1 when any differs from one thread's, or when one thread's
# run printed nothing at all.
same_for_threads() {
  local name=$1 t cmd
  shift
  for t in 1 2 3; do
    cmd=${*//THREADS/$t}
    bash -c "$cmd" > "out.$t" 2> "err.$t" || true
    if [ "$t" = 1 ]; then
      [ -s out.1 ] || [ -s err.1 ] || { echo "$name: no output at all"; failed=1; }
    elif ! cmp -s out.1 "out.$t" || ! cmp -s err.1 "err.$t"; then
      echo "$name: $t threads differ from 1"
      diff out.1 "out.$t" | head -n 5
      diff err.1 "err.$t" | head -n 5
      failed=1
    fi
  done
  echo "$name: $(wc -l < out.1) lines, identical for 1, 2 and 3 threads"
}
