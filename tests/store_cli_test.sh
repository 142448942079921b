#!/usr/bin/env bash
# import, export and obligations --db through the real binary: the example
# cases go into a fresh SQLite database with one command and come back
# unchanged with the same obligations; bad files (an impossible case id
# among them), a missing, full or read-only database each give exit 2, a
# message naming what is wrong, and nothing written.
#
#   tests/store_cli_test.sh path/to/cinplan SOURCE_DIR [sqlite|postgresql]
#
# The mode (default sqlite) says which backend's checks run. postgresql runs
# the import/export/obligations round trip and the bad case ids against the
# server of CINPLAN_TEST_POSTGRES_URL (tests/with-postgres), fails when that
# is not set, and says how many PostgreSQL checks ran.
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
mode=${3:-sqlite}
tmp=$(mktemp -d)
chmod 755 "$tmp" # the read-only check runs a second user through it
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/cli_checks.sh"
check_mode "$mode"

export CINPLAN_USER=store-cli-test
today=2025-06-01
cd "$src" || exit 1
examples=(examples/*/*.json)

case_id() { sed -n 's/^ *"case_id": *"\([^"]*\)".*/\1/p' "$1" | head -n 1; }
profile_of() { basename "$(dirname "$1")"; }
# The JSON with all whitespace removed: the canonical form differs from a
# hand-written file only in layout.
squeeze() { tr -d ' \n\t' <"$1"; }

# Import, export and obligations of every example against database URL $1;
# the examples' files are under folder $2 (profile folders inside).
round_trip() {
  local db=$1 dir=$2
  local files=("$dir"/*/*.json)
  local events=0 f
  for f in "${files[@]}"; do events=$((events + $(grep -c '"type":' "$f"))); done
  run "$bin" import --db "$db" "${files[@]}"
  if [ "$rc" -eq 0 ] && [ "$out" = "imported ${#files[@]} cases ($events events) into $db" ] &&
    [ -z "$err" ]; then ok; else bad "import of the examples into $db: exit $rc"$'\n'"$out"$'\n'"$err"; fi

  local n=0
  for f in "${files[@]}"; do
    local id profile
    id=$(case_id "$f")
    profile=$(profile_of "$f")
    n=$((n + 1))
    run "$bin" export --db "$db" --case "$id"
    printf '%s\n' "$out" >"$tmp/export-$n.json"
    if [ "$rc" -ne 0 ]; then bad "export $id from $db: exit $rc $err"; continue; fi
    # The same JSON as the file, in canonical layout (two-space indent).
    if [ "$(squeeze "$tmp/export-$n.json")" = "$(squeeze "$f")" ] &&
      grep -q '^  "case_id": "' "$tmp/export-$n.json"; then ok; else
      bad "export of $id differs from $f:"$'\n'"$(diff <(squeeze "$f") <(squeeze "$tmp/export-$n.json"))"
    fi
    # --output writes the same bytes.
    "$bin" export --db "$db" --case "$id" --output "$tmp/output-$n.json" &&
      cmp -s "$tmp/output-$n.json" "$tmp/export-$n.json" && ok ||
      bad "export --output of $id differs from standard output"
    # Canonical: importing the export into another database exports it again
    # byte for byte.
    mkdir -p "$tmp/again-$n/$profile"
    cp "$tmp/export-$n.json" "$tmp/again-$n/$profile/case.json"
    "$bin" import --db "sqlite:$tmp/again-$n.db" "$tmp/again-$n/$profile/case.json" >/dev/null &&
      "$bin" export --db "sqlite:$tmp/again-$n.db" --case "$id" >"$tmp/again-$n.json" &&
      cmp -s "$tmp/again-$n.json" "$tmp/export-$n.json" && ok ||
      bad "export, import and export again of $id is not the same"

    # Obligations: the same output as the file form, for every output form.
    local form
    for form in "" --json --why; do
      run "$bin" obligations --db "$db" --case "$id" --today "$today" $form
      local from_db=$out db_rc=$rc
      run "$bin" obligations --profile "$profile" --case "$f" --today "$today" $form
      if [ "$db_rc" -eq 0 ] && [ "$rc" -eq 0 ] && [ "$from_db" = "$out" ] && [ -n "$out" ]; then ok; else
        bad "obligations $form of $id from $db differ from the file form"$'\n'"$(diff <(echo "$from_db") <(echo "$out"))"
      fi
    done
  done
  # --profile overrides the stored profile.
  f=${files[0]}
  run "$bin" obligations --db "$db" --case "$(case_id "$f")" --today "$today" --profile bolton
  local from_db=$out
  run "$bin" obligations --profile bolton --case "$f" --today "$today"
  [ "$from_db" = "$out" ] && grep -q "under bolton" <<<"$out" && ok ||
    bad "obligations --db --profile bolton differs from the file form"

  # A case already there: refused, naming the file and case; unchanged.
  local before
  before=$("$bin" export --db "$db" --case "$(case_id "$f")")
  expect_fail "$f: case $(case_id "$f") is already in" "$bin" import --db "$db" "$f"
  [ "$out" = "imported 0 cases (0 events) into $db; 1 file not imported" ] && ok ||
    bad "summary after a conflict: $out"
  [ "$("$bin" export --db "$db" --case "$(case_id "$f")")" = "$before" ] && ok ||
    bad "a refused import changed $(case_id "$f")"
}

# A case id that could not be one (a NUL, a megabyte of text) in a file:
# exit 2, one line naming the file and what is wrong, nothing written to the
# database at URL $1 (whose cases are listed by export of $2, which exists).
bad_ids() {
  local db=$1 known=$2 before
  before=$("$bin" export --db "$db" --case "$known")
  mkdir -p "$tmp/ids/bolton"
  printf '{"case_id": "%sA\\u0000B", "events": [{"type": "plan_decided", "date": "2025-03-03"}]}' \
    "${3:-}" >"$tmp/ids/bolton/nul.json"
  {
    printf '{"case_id": "%s' "${3:-}"
    head -c 1048576 /dev/zero | tr '\0' 'M'
    printf '", "events": [{"type": "plan_decided", "date": "2025-03-03"}]}'
  } >"$tmp/ids/bolton/megabyte.json"
  printf '{"case_id": "%sA\\u0007B", "events": [{"type": "plan_decided", "date": "2025-03-03"}]}' \
    "${3:-}" >"$tmp/ids/bolton/bell.json"
  expect_fail "^cinplan: $tmp/ids/bolton/nul.json: case id \"${3:-}A\\\\u0000B\" may hold only letters, digits, \"-\", \"_\" and \".\" (it holds a control character)" \
    "$bin" import --db "$db" "$tmp/ids/bolton/nul.json"
  expect_fail "^cinplan: $tmp/ids/bolton/megabyte.json: case id \"${3:-}M*\.\.\.\" (10[0-9]* characters) is too long: a case id has at most 64 characters" \
    "$bin" import --db "$db" "$tmp/ids/bolton/megabyte.json"
  expect_fail "it holds a control character" "$bin" import --db "$db" "$tmp/ids/bolton/bell.json"
  # Nothing was written: not under the id, not under the id cut at the NUL.
  expect_fail "no case ${3:-}A in " "$bin" export --db "$db" --case "${3:-}A"
  [ "$("$bin" export --db "$db" --case "$known")" = "$before" ] && ok ||
    bad "a refused import changed case $known"
}

if [ "$mode" = sqlite ]; then
# --- SQLite: the new user's command, from the source folder -----------------
db="sqlite:$tmp/cases.db"
round_trip "$db" examples
bad_ids "$db" C-1001
# A file with a bad id creates no database either.
run "$bin" import --db "sqlite:$tmp/ids.db" "$tmp/ids/bolton/nul.json"
[ "$rc" -eq 2 ] && [ ! -e "$tmp/ids.db" ] && ok || bad "an import refused for its case id created a database"

# --- bad files: exit 2 naming the file (and event); nothing written ----------
mkdir -p "$tmp/bad/bolton"
printf '{"case_id": "BAD-1", "events": [' >"$tmp/bad/bolton/broken.json"
printf '{"case_id": "BAD-2", "events": [{"type": "plan_decided", "date": "2025-03-03"}, {"type": "visited", "date": "2025-03-04"}]}' \
  >"$tmp/bad/bolton/unknown.json"
printf '{"case_id": "BAD-3", "events": [{"type": "plan_decided", "date": "2025-03-03"}, {"type": "visit", "date": "2025-02-30", "child_seen": true}]}' \
  >"$tmp/bad/bolton/date.json"
printf '{"case_id": "BAD-4", "events": [{"type": "plan_decided", "date": "2025-03-03"}]}' >"$tmp/bad/noprofile.json"
expect_fail "$tmp/bad/bolton/broken.json: not valid JSON" "$bin" import --db "$db" "$tmp/bad/bolton/broken.json"
expect_fail "$tmp/bad/bolton/unknown.json: \(events\[1\]\|event 2\): unknown event type \"visited\"" \
  "$bin" import --db "$db" "$tmp/bad/bolton/unknown.json"
expect_fail "$tmp/bad/bolton/date.json: \(events\[1\]\|event 2\).*February 2025 has 28 days" \
  "$bin" import --db "$db" "$tmp/bad/bolton/date.json"
expect_fail "$tmp/bad/noprofile.json: .*--profile" "$bin" import --db "$db" "$tmp/bad/noprofile.json"
expect_fail "no profile \"nowhere\"" "$bin" import --db "$db" --profile nowhere "$tmp/bad/noprofile.json"
for id in BAD-1 BAD-2 BAD-3 BAD-4; do
  expect_fail "no case $id in $db" "$bin" export --db "$db" --case "$id"
done
# Files are independent: the good one is imported, each bad one reported.
cp examples/bolton/riley-example.json "$tmp/bad/bolton/good.json"
sed -i 's/"case_id": "[^"]*"/"case_id": "GOOD-1"/' "$tmp/bad/bolton/good.json"
run "$bin" import --db "$db" "$tmp/bad/bolton/broken.json" "$tmp/bad/bolton/good.json" "$tmp/bad/bolton/date.json"
if [ "$rc" -eq 2 ] && [ "$(wc -l <<<"$err")" -eq 2 ] && grep -q "broken.json" <<<"$err" &&
  grep -q "date.json" <<<"$err" && grep -q "^imported 1 case (.* events) into $db; 2 files not imported$" <<<"$out"; then ok; else
  bad "mixed good and bad files: exit $rc"$'\n'"$out"$'\n'"$err"
fi
run "$bin" export --db "$db" --case GOOD-1
[ "$rc" -eq 0 ] && ok || bad "the good file of a mixed import was not imported: $err"
expect_fail "no case BAD-3 in $db" "$bin" export --db "$db" --case BAD-3
expect_fail "no case C-9 in $db" "$bin" obligations --db "$db" --case C-9 --today "$today"

# --- a missing database: reading commands say so and create nothing ---------
expect_fail "no database at $tmp/none.db" "$bin" export --db "sqlite:$tmp/none.db" --case B-2001
expect_fail "no database at $tmp/none.db" "$bin" obligations --db "sqlite:$tmp/none.db" --case B-2001 --today "$today"
[ ! -e "$tmp/none.db" ] && ok || bad "a reading command created $tmp/none.db"
expect_fail "not understood" "$bin" export --db "mysql://x" --case B-2001

# --- a full database --------------------------------------------------------
big="$tmp/big/bolton/big.json"
mkdir -p "$(dirname "$big")"
pad=$(printf 'x%.0s' $(seq 1 2000))
{
  printf '{"case_id": "BIG-1", "events": [{"type": "plan_decided", "date": "2025-03-03"}'
  for i in $(seq 1 400); do printf ', {"type": "plan_updated", "date": "2025-03-21", "pad": "%s"}' "$pad"; done
  printf ']}\n'
} >"$big"
full="sqlite:$tmp/full.db?max_pages=64"
run "$bin" import --db "$full" "$big"
if [ "$rc" -eq 2 ] && grep -qi "full" <<<"$err" && grep -q "big.json" <<<"$err"; then ok; else
  bad "import into a full database: exit $rc"$'\n'"$out"$'\n'"$err"
fi
expect_fail "no case BIG-1" "$bin" export --db "sqlite:$tmp/full.db" --case BIG-1

# --- a read-only database ---------------------------------------------------
mkdir -p "$tmp/ro"
"$bin" import --db "sqlite:$tmp/ro/cases.db" examples/bolton/riley-example.json >/dev/null
mkdir -p "$tmp/ro-in/london-cyps"
cp examples/london-cyps/sam-example.json "$tmp/ro-in/london-cyps/sam.json"
chmod -R a+rX "$tmp/ro-in" "$tmp/ro"
as_other=()
if [ "$(id -u)" -eq 0 ]; then
  # root writes anywhere: run as nobody, in a folder nobody cannot write.
  as_other=(runuser -u nobody --)
else
  chmod a-w "$tmp/ro" "$tmp/ro"/*
fi
sum_before=$(cat "$tmp/ro"/* | md5sum)
run "${as_other[@]}" "$bin" import --db "sqlite:$tmp/ro/cases.db" "$tmp/ro-in/london-cyps/sam.json"
if [ "$rc" -eq 2 ] && [ -n "$err" ]; then ok; else bad "import into a read-only database: exit $rc"$'\n'"$out"$'\n'"$err"; fi
[ "$(cat "$tmp/ro"/* | md5sum)" = "$sum_before" ] && ok || bad "a read-only database changed"
chmod -R u+w "$tmp/ro"
expect_fail "no case C-1001" "$bin" export --db "sqlite:$tmp/ro/cases.db" --case C-1001

# --- progress: on a terminal only -------------------------------------------
mkdir -p "$tmp/many/bolton"
for i in $(seq 1 500); do
  sed "s/\"case_id\": \"[^\"]*\"/\"case_id\": \"MANY-$i\"/" examples/bolton/riley-example.json \
    >"$tmp/many/bolton/$i.json"
done
run "$bin" import --db "sqlite:$tmp/many.db" "$tmp/many/bolton/"*.json
if [ "$rc" -eq 0 ] && [ -z "$err" ] &&
  [ "$out" = "imported 500 cases (4500 events) into sqlite:$tmp/many.db" ]; then ok; else
  bad "a long import with stderr not a terminal: exit $rc, stderr \"$err\""$'\n'"$out"
fi
if command -v script >/dev/null; then
  script -qec "$(printf '%q ' "$bin" import --db "sqlite:$tmp/many-tty.db" "$tmp/many/bolton/"*.json)" \
    /dev/null >"$tmp/tty.txt" 2>&1
  if grep -q "/500 files (.*%), .*/s, about .* left" "$tmp/tty.txt" &&
    grep -q "500/500 files in " "$tmp/tty.txt" &&
    grep -q "imported 500 cases" "$tmp/tty.txt"; then ok; else
    bad "no progress shown on a terminal:"$'\n'"$(cat -v "$tmp/tty.txt")"
  fi
fi

fi # sqlite

# --- PostgreSQL -------------------------------------------------------------
if [ "$mode" = postgresql ]; then
  prefix="CLI$$-$(date +%s%N | tail -c 8)-"
  for f in "${examples[@]}"; do
    mkdir -p "$tmp/pg/$(profile_of "$f")"
    sed "s/\"case_id\": \"/\"case_id\": \"$prefix/" "$f" >"$tmp/pg/$(profile_of "$f")/$(basename "$f")"
  done
  round_trip "$CINPLAN_TEST_POSTGRES_URL" "$tmp/pg"
  expect_fail "no case ${prefix}C-9 in " "$bin" export --db "$CINPLAN_TEST_POSTGRES_URL" --case "${prefix}C-9"
  bad_ids "$CINPLAN_TEST_POSTGRES_URL" "${prefix}C-1001" "$prefix"
  postgres_ran postgres.cli
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
