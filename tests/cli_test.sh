#!/usr/bin/env bash
# Command-line contract of DESIGN.md section 9, through the real binary:
# exit 0 with output on success, exit 2 with one clear line on bad input.
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_exit CODE PATTERN -- command...: exit code and a pattern in stdout+stderr.
expect() {
  local code=$1 pattern=$2
  shift 3
  local out
  out=$("$@" 2>&1)
  local rc=$?
  if [ "$rc" -ne "$code" ]; then bad "exit $rc (wanted $code): $*"$'\n'"$out"; return; fi
  if ! grep -q -- "$pattern" <<<"$out"; then bad "no \"$pattern\" in output of: $*"$'\n'"$out"; return; fi
  if [ "$code" -eq 2 ] && [ "$(wc -l <<<"$out")" -ne 1 ]; then bad "more than one line on bad input: $*"$'\n'"$out"; return; fi
  ok
}

case_file=$src/examples/london-cyps/sam-example.json

expect 0 "london-cyps" -- "$bin" profiles
expect 0 "Practice Lead" -- "$bin" profile show london-cyps
expect 0 "timescale rules differ" -- "$bin" profile diff bolton london-cyps
expect 0 "ok (" -- "$bin" profile check "$src"/profiles/bolton.toml
expect 0 "overdue" -- "$bin" obligations --profile london-cyps --case "$case_file" --today 2025-06-01
expect 0 '"rule": "visit"' -- "$bin" obligations --profile london-cyps --case "$case_file" --today 2025-06-01 --json
expect 0 "Invitations must be sent out" -- "$bin" obligations --profile london-cyps --case "$case_file" --today 2025-06-01 --why
expect 0 "visit:" -- "$bin" events

# Bad input: one line, exit 2, naming what is wrong.
expect 2 "February 2025 has 28 days" -- "$bin" obligations --profile london-cyps --case "$case_file" --today 2025-02-30
echo '{"case_id": "C-1", "events": [{"type": "plan_decided", "date": "2025-03-03"}]}' >"$tmp/plain.json"
expect 2 "no profile \"nowhere\"" -- "$bin" obligations --profile nowhere --case "$tmp/plain.json" --today 2025-06-01
expect 2 "no such file" -- "$bin" obligations --profile bolton --case "$tmp/missing.json" --today 2025-06-01
echo '{"case_id": "C-1", "events": [{"type": "visited", "date": "2025-01-01"}]}' >"$tmp/unknown.json"
expect 2 '\(events\[0\]\|event 1\): unknown event type "visited"' -- "$bin" obligations --profile bolton --case "$tmp/unknown.json" --today 2025-06-01
echo '{"case_id": "C-1", "events": [{"type": "visit", "date": "2025-01-01", "child_seen": "yes"}]}' >"$tmp/field.json"
expect 2 "child_seen must be true or false" -- "$bin" obligations --profile bolton --case "$tmp/field.json" --today 2025-06-01
echo '{"case_id": "C-1", "events": [' >"$tmp/broken.json"
expect 2 "not valid JSON" -- "$bin" obligations --profile bolton --case "$tmp/broken.json" --today 2025-06-01
echo '{"case_id": "C-1", "events": [{"type": "supervision_order", "date": "2025-01-10", "end": "2026-01-09"}, {"type": "supervision_order_extended", "date": "2025-12-01", "end": "2028-02-01"}]}' >"$tmp/so.json"
expect 2 "three years" -- "$bin" obligations --profile cin-plans-and-reviews --case "$tmp/so.json" --today 2025-06-01
expect 2 "required" -- "$bin" obligations --profile bolton --today 2025-06-01
sed 's/^kind = "recurring"/kind = "sometimes"/' "$src/profiles/bolton.toml" >"$tmp/bolton.toml"
expect 2 'bolton.toml:[0-9]*: rule .*kind "sometimes"' -- "$bin" profile check "$tmp/bolton.toml"
mkdir "$tmp/profiles" && cp "$tmp/bolton.toml" "$tmp/profiles/"
expect 2 "bolton.toml" -- "$bin" --profiles-dir "$tmp/profiles" profiles

sed 's/Receiving local authorities should seek/Receiving councils should seek/' "$src/profiles/london-cyps.toml" >"$tmp/london-cyps.toml"
# The quote check needs the procedures beside the source folder; CI always
# has them, so their absence is a failure, not a reason to skip the check.
if [ -d "$src/../shared/procedures" ]; then
  expect 2 "quotes a sentence that is not in 004_" -- "$bin" profile check "$tmp/london-cyps.toml"
else
  bad "no $src/../shared/procedures: the check that every quote is in its procedure cannot run"
fi
expect 2 "it is a folder, not a file" -- "$bin" obligations --profile bolton --case "$tmp" --today 2025-06-01
: >"$tmp/empty.json"
expect 2 "the file is empty" -- "$bin" obligations --profile bolton --case "$tmp/empty.json" --today 2025-06-01
echo '{"case_id": 123, "events": []}' >"$tmp/id.json"
expect 2 '"case_id" must be non-empty text, not 123' -- "$bin" obligations --profile bolton --case "$tmp/id.json" --today 2025-06-01
expect 0 "overdue, .* due within 7 days" -- "$bin" obligations --profile london-cyps --case "$case_file" --today 2025-06-01

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
