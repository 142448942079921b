#!/usr/bin/env bash
# The reading commands (export, obligations --db, caseload) through the real
# binary never write: a 0-byte file, a text file or another program's
# database is refused with one line and left byte for byte as it was (no
# -wal or -shm beside it either); a database the user may only read, in a
# folder they cannot write, is read; an older database is refused with how to
# upgrade it, and cinplan migrate upgrades it. export --output never replaces
# the database or one of its files, however it is named, and writes the whole
# file or nothing.
#
#   tests/reading_cli_test.sh path/to/cinplan SOURCE_DIR [sqlite|postgresql]
#
# postgresql runs the PostgreSQL checks (a database without cinplan's tables,
# an older schema) on the server of CINPLAN_TEST_POSTGRES_URL, fails when
# that is not set, and says how many ran.
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
mode=${3:-sqlite}
tmp=$(mktemp -d)
chmod 755 "$tmp" # the read-only checks run a second user through it
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/cli_checks.sh"
check_mode "$mode"
export CINPLAN_USER=reading-cli-test
cd "$src" || exit 1
today=2025-06-01

# A listing of folder $1 with every file's size, mode and checksum; with $2,
# without the -wal and -shm files SQLite keeps beside a cinplan database.
snapshot() {
  (cd "$1" && find . -printf '%p %s %m\n' | sort && find . -type f -exec md5sum {} + | sort) |
    if [ -n "${2:-}" ]; then grep -v -e '-wal' -e '-shm'; else cat; fi
}

# Each reading command on database URL $2 exits 2 with one line matching $3,
# and folder $1 is as it was (with $4, but for the -wal and -shm files of a
# cinplan database).
refused_untouched() {
  local folder=$1 db=$2 pattern=$3 own=${4:-} before
  before=$(snapshot "$folder" "$own")
  expect_fail "$pattern" "$bin" export --db "$db" --case C-1001
  expect_fail "$pattern" "$bin" obligations --db "$db" --case C-1001 --today "$today"
  expect_fail "$pattern" "$bin" caseload --db "$db" --today "$today"
  expect_fail "$pattern" "$bin" export --db "$db" --case C-1001 --output "$folder/out.json"
  [ "$(snapshot "$folder" "$own")" = "$before" ] && ok ||
    bad "reading $db changed $folder:"$'\n'"$(diff <(echo "$before") <(snapshot "$folder" "$own"))"
}

if [ "$mode" = sqlite ]; then
  # --- what is not a cinplan database: refused, untouched -------------------
  mkdir "$tmp/zero"
  : >"$tmp/zero/cases.db"
  refused_untouched "$tmp/zero" "sqlite:$tmp/zero/cases.db" \
    "the file $tmp/zero/cases.db holds no cinplan database (it is empty); nothing was changed"
  [ "$(stat -c %s "$tmp/zero/cases.db")" = 0 ] && [ "$(ls -A "$tmp/zero")" = cases.db ] && ok ||
    bad "the 0-byte file did not stay 0 bytes and alone: $(ls -l "$tmp/zero")"
  expect_fail "holds no cinplan database (it is empty)" "$bin" migrate --db "sqlite:$tmp/zero/cases.db"
  [ "$(stat -c %s "$tmp/zero/cases.db")" = 0 ] && ok || bad "migrate wrote to a 0-byte file"

  mkdir "$tmp/text"
  head -c 8192 /dev/urandom | base64 >"$tmp/text/notes.db"
  refused_untouched "$tmp/text" "sqlite:$tmp/text/notes.db" \
    "holds no cinplan database (it is not a SQLite database file)"

  mkdir "$tmp/other"
  sqlite3 "$tmp/other/contacts.db" "PRAGMA journal_mode = WAL; CREATE TABLE contacts (name TEXT)" >/dev/null
  refused_untouched "$tmp/other" "sqlite:$tmp/other/contacts.db" \
    "holds no cinplan database (it is a SQLite database of some other program)"

  # --- a database the user may only read, in a folder they cannot write -----
  mkdir -p "$tmp/ro" "$tmp/ro-out"
  "$bin" import --db "sqlite:$tmp/ro/cases.db" examples/*/*.json >/dev/null
  expected_export=$("$bin" export --db "sqlite:$tmp/ro/cases.db" --case C-1001)
  expected_caseload=$("$bin" caseload --db "sqlite:$tmp/ro/cases.db" --today "$today")
  expected_obligations=$("$bin" obligations --db "sqlite:$tmp/ro/cases.db" --case C-1001 --today "$today")
  chmod 0444 "$tmp/ro/cases.db"
  chmod 0555 "$tmp/ro"
  chmod 0777 "$tmp/ro-out"
  as_other=()
  # root writes anywhere: run as nobody, who cannot write the file or folder.
  [ "$(id -u)" -eq 0 ] && as_other=(runuser -u nobody --)
  before=$(snapshot "$tmp/ro")
  ro=(--db "sqlite:$tmp/ro/cases.db")
  run "${as_other[@]}" "$bin" export "${ro[@]}" --case C-1001
  [ "$rc" -eq 0 ] && [ "$out" = "$expected_export" ] && ok || bad "export of a read-only database: exit $rc $err"
  run "${as_other[@]}" "$bin" obligations "${ro[@]}" --case C-1001 --today "$today"
  [ "$rc" -eq 0 ] && [ "$out" = "$expected_obligations" ] && ok ||
    bad "obligations --db of a read-only database: exit $rc $err"
  run "${as_other[@]}" "$bin" caseload "${ro[@]}" --today "$today"
  [ "$rc" -eq 0 ] && [ "$out" = "$expected_caseload" ] && [ -z "$err" ] && ok ||
    bad "caseload of a read-only database: exit $rc $err"
  run "${as_other[@]}" "$bin" export "${ro[@]}" --case C-1001 --output "$tmp/ro-out/c.json"
  [ "$rc" -eq 0 ] && [ "$(cat "$tmp/ro-out/c.json")" = "$expected_export" ] && ok ||
    bad "export --output from a read-only database: exit $rc $err"
  [ "$(snapshot "$tmp/ro")" = "$before" ] && ok || bad "reading a read-only database changed its folder"
  # Writing into that folder is refused: the old file stays, nothing is left.
  expect_fail "cannot write $tmp/ro/out.json: could not make a new file in the folder $tmp/ro" \
    "${as_other[@]}" "$bin" export "${ro[@]}" --case C-1001 --output "$tmp/ro/out.json"
  [ "$(snapshot "$tmp/ro")" = "$before" ] && ok || bad "a refused --output left something behind"
  chmod 0755 "$tmp/ro"
  chmod 0644 "$tmp/ro/cases.db"

  # --- an older schema: refused with how to upgrade; migrate upgrades ------
  mkdir "$tmp/old"
  "$bin" import --db "sqlite:$tmp/old/cases.db" examples/*/*.json >/dev/null
  # Version 2 is the latest without the attachments (6), the drafts (5), the
  # account tables (4), the gap-free trigger (3) and their rows.
  sqlite3 "$tmp/old/cases.db" "DROP TABLE attachments; DROP TABLE drafts; DROP TABLE access_log; DROP TABLE grants; DROP TABLE sessions;
    DROP TABLE accounts; DROP TABLE teams; DROP TRIGGER events_gap_free;
    DELETE FROM schema_migrations WHERE version >= 3"
  old="sqlite:$tmp/old/cases.db"
  refused_untouched "$tmp/old" "$old" \
    "the database at $old is at schema version 2, older than this cinplan's 6: upgrade it with cinplan migrate --db $old; nothing was changed" own
  expect "^brought the database at $old from schema version 2 to 6$" "$bin" migrate --db "$old"
  expect "^the database at $old is at schema version 6, the latest; nothing to do$" "$bin" migrate --db "$old"
  expect '"case_id": "C-1001"' "$bin" export --db "$old" --case C-1001
  expect_fail "no database at $tmp/none.db" "$bin" migrate --db "sqlite:$tmp/none.db"
  [ ! -e "$tmp/none.db" ] && ok || bad "migrate created a database"

  # --- export --output never replaces the database's own files -------------
  mkdir "$tmp/ow"
  cd "$tmp/ow" || exit 1
  "$bin" import --db sqlite:ow.db --profile bolton "$src/examples/bolton/riley-example.json" >/dev/null
  id=$(sed -n 's/^ *"case_id": *"\([^"]*\)".*/\1/p' "$src/examples/bolton/riley-example.json" | head -n 1)
  ln -s ow.db link.json
  ln ow.db hard.json
  mkdir sub
  before=$(snapshot .)
  expect_fail "^cinplan: --output: cannot write ow.db: it is ow.db, a file of the database sqlite:ow.db; nothing was written$" \
    "$bin" export --db sqlite:ow.db --case "$id" --output ow.db
  for name in ./ow.db sub/../ow.db link.json hard.json "$tmp/ow/ow.db"; do
    expect_fail "^cinplan: --output: cannot write $name: it is ow.db, a file of the database sqlite:ow.db; nothing was written$" \
      "$bin" export --db sqlite:ow.db --case "$id" --output "$name"
  done
  for name in ow.db-wal ow.db-shm ow.db-journal; do
    expect_fail "^cinplan: --output: cannot write $name: it is $name, a file of the database sqlite:ow.db; nothing was written$" \
      "$bin" export --db sqlite:ow.db --case "$id" --output "$name"
  done
  [ "$(snapshot .)" = "$before" ] && ok || bad "a refused --output changed the database's folder"
  expect "\"case_id\": \"$id\"" "$bin" export --db sqlite:ow.db --case "$id"
  # Another file is written whole, replacing what was there, with nothing
  # left beside it.
  printf 'old' >out.json
  chmod 0600 out.json
  "$bin" export --db sqlite:ow.db --case "$id" --output out.json && ok || bad "export --output out.json failed"
  [ "$(cat out.json)" = "$("$bin" export --db sqlite:ow.db --case "$id")" ] && [ "$(stat -c %a out.json)" = 600 ] &&
    ok || bad "export --output did not replace out.json whole, keeping its permissions"
  [ -z "$(find . -name '.*.tmp-*')" ] && ok || bad "a temporary file was left: $(find . -name '.*.tmp-*')"
  expect_fail "cannot write sub: it is a folder; nothing was written" \
    "$bin" export --db sqlite:ow.db --case "$id" --output sub
  cd "$src" || exit 1
fi

if [ "$mode" = postgresql ]; then
  psql=("${CINPLAN_PGBIN:-/usr/lib/postgresql/15/bin}/psql" -X -q -t -A)
  base=${CINPLAN_TEST_POSTGRES_URL%/*}
  # A database of its own, without cinplan's tables: refused, and still
  # without them.
  name=reading_cli_$$
  "${psql[@]}" "$CINPLAN_TEST_POSTGRES_URL" -c "CREATE DATABASE $name" >/dev/null
  pg="$base/$name"
  tables() { "${psql[@]}" "$pg" -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"; }
  for cmd in "export --case C-1001" "obligations --case C-1001 --today $today" "caseload --today $today"; do
    # shellcheck disable=SC2086 # the command and its options
    expect_fail "the PostgreSQL database \"$name\" at $pg holds no cinplan database (it has no cinplan tables)" \
      "$bin" $cmd --db "$pg"
  done
  expect_fail "holds no cinplan database" "$bin" migrate --db "$pg"
  [ "$(tables)" = 0 ] && ok || bad "reading a PostgreSQL database without cinplan's tables made $(tables) tables"
  # An older schema: refused with how to upgrade; migrate upgrades it.
  "$bin" import --db "$pg" examples/bolton/riley-example.json >/dev/null
  "${psql[@]}" "$pg" -c "DROP TABLE attachments, drafts, access_log, access_position, grants, sessions, accounts, teams;
    DROP FUNCTION cinplan_attachments_refuse_change();
    DROP FUNCTION cinplan_access_log_refuse_change(); DROP FUNCTION cinplan_grants_refuse_change();
    DROP TRIGGER events_gap_free ON events; DROP FUNCTION cinplan_events_gap_free();
    DELETE FROM schema_migrations WHERE version >= 3" >/dev/null
  expect_fail "the database at $pg is at schema version 2, older than this cinplan's 6: upgrade it with cinplan migrate --db $pg" \
    "$bin" caseload --db "$pg" --today "$today"
  expect "^brought the database at $pg from schema version 2 to 6$" "$bin" migrate --db "$pg"
  expect "^1 open case" "$bin" caseload --db "$pg" --today "$today"
  "${psql[@]}" "$CINPLAN_TEST_POSTGRES_URL" -c "DROP DATABASE $name WITH (FORCE)" >/dev/null
  postgres_ran postgres.reading_cli
fi

echo "reading cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
