# assert.sh: the helpers every lesson sources. A lesson is also a
# test (ctest runs each one): it checks the number it teaches, so that a
# change in a tool that changes the lesson's point fails loudly instead of
# leaving a lesson that says one thing and shows another.

# need TOOL...: stop with a clear message when a tool is not on PATH.
need() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null || {
      printf '%s: %s not found on PATH (build socred and put build/release/bin first)\n' "${0##*/}" "$t" >&2
      exit 1
    }
  done
}

# expect WHAT ACTUAL EXPECTED: print the lesson's number, or fail on a
# different one, naming both.
expect() {
  if [ "$2" != "$3" ]; then
    printf '%s: FAILED: %s is %s, the lesson expects %s\n' "${0##*/}" "$1" "$2" "$3" >&2
    exit 1
  fi
  printf '  ok  %s = %s\n' "$1" "$2"
}

# scratch: the lesson's scratch folder, made if need be: under ctest
# $SOCRED_LESSON_TMP/NN (NN the lesson's number), by hand a new temporary
# one. Use as tmp=$(scratch).
scratch() {
  local lesson=${0##*/}
  local dir=${SOCRED_LESSON_TMP:-$(mktemp -d)}/${lesson%%-*}
  mkdir -p "$dir"
  printf '%s\n' "$dir"
}

# say TEXT: a heading between the steps of a lesson.
say() { printf '\n== %s\n' "$*"; }
