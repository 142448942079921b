# Checks shared by the command-line test scripts (sourced, not run). The
# script sets $tmp (a scratch folder) before sourcing; these keep the counts
# in $pass and $fail.
#   ok / bad MESSAGE         count a check that passed / failed (and say why)
#   run CMD...               sets $out (stdout), $err (stderr) and $rc
#   expect PATTERN CMD...    exit 0 and PATTERN in stdout
#   expect_fail PATTERN CMD...  exit 2 and exactly one line on stderr matching PATTERN
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
