# Checks shared by the command-line test scripts (sourced, not run). The
# script sets $tmp (a scratch folder) before sourcing; these keep the counts
# in $pass and $fail.
#   ok / bad MESSAGE         count a check that passed / failed (and say why)
#   run CMD...               sets $out (stdout), $err (stderr) and $rc
#   expect PATTERN CMD...    exit 0 and PATTERN in stdout
#   expect_fail PATTERN CMD...  exit 2 and exactly one line on stderr matching PATTERN
#   check_mode MODE          sqlite or postgresql (which backend's checks run);
#                            postgresql without CINPLAN_TEST_POSTGRES_URL fails
#   postgres_ran NAME        after the PostgreSQL checks: says how many ran,
#                            fails when none did, and adds "NAME N" to the file
#                            $CINPLAN_POSTGRES_TALLY names (scripts/test)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
  fail=$((fail + 1))
  echo "FAIL: $*"
}
run() {
  out=$("$@" 2>"$tmp/stderr")
  rc=$?
  err=$(cat "$tmp/stderr")
}
expect() {
  local pattern=$1
  shift
  run "$@"
  if [ "$rc" -ne 0 ]; then bad "exit $rc: $*"$'\n'"$err"; return; fi
  if ! grep -q -- "$pattern" <<<"$out"; then bad "no \"$pattern\" in output of: $*"$'\n'"$out"; return; fi
  ok
}
expect_fail() {
  local pattern=$1
  shift
  run "$@"
  if [ "$rc" -ne 2 ]; then bad "exit $rc (wanted 2): $*"$'\n'"$out$err"; return; fi
  if ! grep -q -- "$pattern" <<<"$err"; then bad "no \"$pattern\" in stderr of: $*"$'\n'"$err"; return; fi
  if [ "$(wc -l <<<"$err")" -ne 1 ]; then bad "more than one line on stderr: $*"$'\n'"$err"; return; fi
  ok
}
check_mode() {
  case $1 in
  sqlite) ;;
  postgresql)
    if [ -z "${CINPLAN_TEST_POSTGRES_URL:-}" ]; then
      echo "FAIL: CINPLAN_TEST_POSTGRES_URL is not set, so no PostgreSQL check can run" \
        "(run this under tests/with-postgres)"
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 CINPLAN SOURCE_DIR [sqlite|postgresql]" >&2
    exit 2
    ;;
  esac
}
postgres_ran() {
  local ran=$((pass + fail))
  [ "$ran" -gt 0 ] || bad "no PostgreSQL check ran"
  echo "$ran PostgreSQL checks ran"
  if [ -n "${CINPLAN_POSTGRES_TALLY:-}" ]; then echo "$1 $ran" >>"$CINPLAN_POSTGRES_TALLY"; fi
}
