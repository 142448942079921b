#!/usr/bin/env bash
# The administrators' commands through the real binary: cinplan user add,
# team-add, list, disable, enable, reset-password, grant and revoke, and
# cinplan audit showing every change. Passwords come only from standard input
# (there is no option for one) and must meet the policy; a bad role, team,
# password or case is refused with exit 2, one line, and nothing written.
#
#   tests/user_cli_test.sh path/to/cinplan SOURCE_DIR [sqlite|postgresql]
#
# The mode (default sqlite) says which backend's checks run: postgresql runs
# the same checks on a database of its own on the server of
# CINPLAN_TEST_POSTGRES_URL (tests/with-postgres), fails when that is not
# set, and says how many ran.
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
mode=${3:-sqlite}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/cli_checks.sh"
check_mode "$mode"
cd "$src" || exit 1

export CINPLAN_USER=admin.test
password="a long enough password"
psql=("${CINPLAN_PGBIN:-/usr/lib/postgresql/15/bin}/psql" -X -q -t -A)

# Raw SQL on the database at $db, beside cinplan: one value a line.
sql() {
  case $db in
  sqlite:*) sqlite3 "${db#sqlite:}" "$1" ;;
  *) "${psql[@]}" "$db" -c "$1" ;;
  esac
}
# Rows of the account tables, to show a refused command wrote nothing.
counts() { sql "SELECT (SELECT count(*) FROM accounts) || ' ' || (SELECT count(*) FROM teams) || ' ' || (SELECT count(*) FROM grants) || ' ' || (SELECT count(*) FROM access_log)"; }
# expect_fail, then the same rows as before.
refused() {
  local before
  before=$(counts)
  expect_fail "$@"
  [ "$(counts)" = "$before" ] && ok || bad "a refused command wrote something: $before -> $(counts): ${*:2}"
}
add() { printf '%s\n' "$password" | "$bin" user add --db "$db" "$@"; }

checks() {
  # --- teams and accounts --------------------------------------------------
  expect "^added team north (Locality Team North)$" "$bin" user team-add --db "$db" north --name "Locality Team North"
  run add sam.lee --name "Sam Lee" --role first_line_manager --team north
  [ "$rc" -eq 0 ] && [ "$out" = "added sam.lee (Sam Lee) as first_line_manager in team north" ] && ok ||
    bad "user add sam.lee: exit $rc $out $err"
  run add alex.morgan --name "Alex Morgan" --role social_worker --team north --line-manager sam.lee
  [ "$rc" -eq 0 ] && ok || bad "user add alex.morgan: exit $rc $err"
  run add pat.jones --name "Pat Jones" --role partner_professional --agency health
  [ "$rc" -eq 0 ] && ok || bad "user add pat.jones: exit $rc $err"
  expect "^alex\.morgan  *Alex Morgan  *social_worker  *north  *active$" "$bin" user list --db "$db"
  expect "^pat\.jones  *Pat Jones  *partner_professional  *health  *active$" "$bin" user list --db "$db"
  expect "^3 accounts$" "$bin" user list --db "$db"
  run "$bin" user list --db "$db" --json
  [ "$rc" -eq 0 ] && grep -q '"username": "alex.morgan"' <<<"$out" && grep -q '"line_manager": "sam.lee"' <<<"$out" &&
    ! grep -qi 'hash\|argon' <<<"$out" && ok || bad "user list --json: exit $rc"$'\n'"$out"
  # The hash is argon2id, and the password is nowhere in the database.
  [[ "$(sql "SELECT password_hash FROM accounts WHERE username = 'alex.morgan'")" == '$argon2id$'* ]] && ok ||
    bad "the stored password is not an argon2id hash"
  [ "$(sql "SELECT count(*) FROM accounts WHERE password_hash LIKE '%$password%'")" = 0 ] && ok ||
    bad "the password is stored as written"

  # --- a password is never an argument; it must meet the policy ------------
  refused "arguments were not expected: .*--password" \
    "$bin" user add --db "$db" casey --name Casey --role social_worker --password "$password"
  run "$bin" user add --help
  grep -q -- "--password" <<<"$out" && bad "user add --help offers --password" || ok
  grep -q "standard input" <<<"$out" && ok || bad "user add --help does not say where the password comes from"
  refused "the password is too short: it needs at least 12 characters (it has 5)" \
    sh -c "printf 'short\n' | \"\$0\" user add --db \"\$1\" casey --name Casey --role social_worker" "$bin" "$db"
  refused "no password on standard input" \
    sh -c "\"\$0\" user add --db \"\$1\" casey --name Casey --role social_worker </dev/null" "$bin" "$db"
  # --- a bad role, team, name or line manager: refused, nothing written ---
  refused "\"wizard\" is not a role (the roles are social_worker, " add casey --name Casey --role wizard
  refused "there is no team south (for the account casey)" add casey --name Casey --role social_worker --team south
  refused "there is no account nobody (the line manager of casey)" \
    add casey --name Casey --role social_worker --line-manager nobody
  refused "there is an account alex.morgan already" add alex.morgan --name Again --role social_worker
  refused "there is a team north already" "$bin" user team-add --db "$db" north --name Again
  refused "a partner professional needs an agency" add casey --name Casey --role partner_professional
  refused "the username \"Casey\" does not start with a lower-case letter" add Casey --name Casey --role social_worker
  [ "$(sql "SELECT count(*) FROM accounts WHERE username = 'casey'")" = 0 ] && ok || bad "casey was added"

  # --- disable signs out everywhere; enable; reset the password -----------
  sql "INSERT INTO sessions VALUES ('d1', 'alex.morgan', 'c', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'x'),
    ('d2', 'alex.morgan', 'c', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'y'),
    ('d3', 'sam.lee', 'c', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'z')" >/dev/null
  expect "^disabled alex.morgan and signed them out everywhere$" "$bin" user disable --db "$db" alex.morgan
  [ "$(sql "SELECT username FROM sessions")" = sam.lee ] && ok || bad "disable left alex.morgan's sessions"
  expect "^alex\.morgan .* disabled$" "$bin" user list --db "$db"
  expect "^enabled alex.morgan$" "$bin" user enable --db "$db" alex.morgan
  expect "^alex\.morgan .* active$" "$bin" user list --db "$db"
  refused "there is no account nobody" "$bin" user disable --db "$db" nobody
  local old_hash
  old_hash=$(sql "SELECT password_hash FROM accounts WHERE username = 'sam.lee'")
  run sh -c "printf 'another long password\n' | \"\$0\" user reset-password --db \"\$1\" sam.lee" "$bin" "$db"
  [ "$rc" -eq 0 ] && [ "$out" = "reset the password of sam.lee and signed them out everywhere" ] && ok ||
    bad "reset-password: exit $rc $out $err"
  [ "$(sql "SELECT password_hash FROM accounts WHERE username = 'sam.lee'")" != "$old_hash" ] && ok ||
    bad "reset-password did not change the hash"
  [ "$(sql "SELECT count(*) FROM sessions")" = 0 ] && ok || bad "reset-password left sam.lee signed in"
  refused "the password is too short" \
    sh -c "printf 'short\n' | \"\$0\" user reset-password --db \"\$1\" sam.lee" "$bin" "$db"
  refused "there is no account nobody" \
    sh -c "printf 'another long password\n' | \"\$0\" user reset-password --db \"\$1\" nobody" "$bin" "$db"

  # --- grants to a case ----------------------------------------------------
  "$bin" import --db "$db" examples/london-cyps/sam-example.json >/dev/null || bad "import into $db failed"
  expect "^granted alex.morgan case C-1001: covering for a colleague$" \
    "$bin" user grant --db "$db" alex.morgan --case C-1001 --reason "covering for a colleague"
  expect "^alex\.morgan .* active  *granted C-1001$" "$bin" user list --db "$db"
  refused "alex.morgan holds a grant to case C-1001 already" \
    "$bin" user grant --db "$db" alex.morgan --case C-1001 --reason again
  refused "case C-9999 does not exist" "$bin" user grant --db "$db" alex.morgan --case C-9999 --reason x
  refused "there is no account nobody" "$bin" user grant --db "$db" nobody --case C-1001 --reason x
  refused "the reason is empty" "$bin" user grant --db "$db" alex.morgan --case C-1001 --reason ""
  expect "^revoked alex.morgan's grant to case C-1001$" "$bin" user revoke --db "$db" alex.morgan --case C-1001
  refused "alex.morgan holds no grant to case C-1001" "$bin" user revoke --db "$db" alex.morgan --case C-1001
  # Revoked, not deleted: who and when are kept.
  [ "$(sql "SELECT revoked_by FROM grants WHERE username = 'alex.morgan'")" = admin.test ] && ok ||
    bad "the revoked grant does not say who revoked it"

  # --- cinplan audit shows every change ------------------------------------
  run "$bin" audit --db "$db" --user admin.test
  local action
  for action in team.add account.add account.disable account.enable account.password_reset grant.add grant.revoke; do
    grep -q "admin\.test (administrator)  *$action  .*allowed  *from command line" <<<"$out" && ok ||
      bad "audit --user admin.test has no $action line"$'\n'"$out"
  done
  [ "$(grep -c "account.add" <<<"$out")" = 3 ] && ok || bad "audit shows refused adds as changes:"$'\n'"$out"
  grep -q "^20[0-9-]*T[0-9:.]*Z  admin.test (administrator)  account.add  *-  *allowed  *from command line  added alex.morgan (Alex Morgan) as social_worker in team north, line manager sam.lee$" <<<"$out" &&
    ok || bad "audit line of adding alex.morgan:"$'\n'"$out"
  run "$bin" audit --db "$db" --case C-1001
  [ "$rc" -eq 0 ] && [ "$(wc -l <<<"$out")" = 2 ] && grep -q "grant.add  *case C-1001" <<<"$out" &&
    grep -q "grant.revoke  *case C-1001" <<<"$out" && ok || bad "audit --case C-1001:"$'\n'"$out"
  run "$bin" audit --db "$db" --user admin.test --json
  [ "$rc" -eq 0 ] && [ "$(grep -c '"action":' <<<"$out")" = 9 ] && ok || bad "audit --json:"$'\n'"$out"
  expect "^the access log holds no entries of admin.test since 2199-01-01$" \
    "$bin" audit --db "$db" --user admin.test --since 2199-01-01
  expect "account.add" "$bin" audit --db "$db" --user admin.test --since 2000-01-01
  expect_fail "cinplan audit needs --case ID or --user NAME" "$bin" audit --db "$db"
  expect_fail "--since: " "$bin" audit --db "$db" --user admin.test --since 2025-02-30
  expect_fail "is not a UTC timestamp" "$bin" audit --db "$db" --user admin.test --since yesterday
}

if [ "$mode" = sqlite ]; then
  db="sqlite:$tmp/cases.db"
  # A new database: an account naming a team is refused and nothing is
  # made; a team (or an account without one) makes it.
  expect_fail "there is no team north: the database at $db does not exist yet" \
    add alex.morgan --name "Alex Morgan" --role social_worker --team north
  [ ! -e "$tmp/cases.db" ] && ok || bad "a refused user add made the database"
  expect_fail "no database at $tmp/cases.db" "$bin" user list --db "$db"
  expect_fail "no database at $tmp/cases.db" "$bin" audit --db "$db" --case C-1001
  [ ! -e "$tmp/cases.db" ] && ok || bad "a reading command made the database"
  checks
  # The reading commands change nothing.
  before=$(cksum <"$tmp/cases.db")
  "$bin" user list --db "$db" >/dev/null && "$bin" audit --db "$db" --user admin.test >/dev/null
  [ "$(cksum <"$tmp/cases.db")" = "$before" ] && ok || bad "user list or audit changed the database"
else
  base=${CINPLAN_TEST_POSTGRES_URL%/*}
  name=user_cli_$$
  "${psql[@]}" "$CINPLAN_TEST_POSTGRES_URL" -c "CREATE DATABASE $name" >/dev/null
  db="$base/$name"
  checks
  "${psql[@]}" "$CINPLAN_TEST_POSTGRES_URL" -c "DROP DATABASE $name WITH (FORCE)" >/dev/null
  postgres_ran postgres.user_cli
fi

echo "user cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
