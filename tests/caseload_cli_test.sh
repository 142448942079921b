#!/usr/bin/env bash
# cinplan caseload through the real binary: the example cases imported into a
# fresh SQLite database show as open cases, a line each, with their workers,
# overdue items, agreed dates missed and the most urgent item (with --why every
# item and the procedure's sentences), most urgent first, filtered by worker
# or team, as text or JSON; a large import leaves a snapshot that the caseload
# starts from with the same answer; bad input and a missing database give exit
# 2 with one line and create nothing.
#
#   tests/caseload_cli_test.sh path/to/cinplan SOURCE_DIR [sqlite|postgresql]
#
# The mode (default sqlite) says which backend's checks run: postgresql runs
# the same against fresh PostgreSQL databases on the server of
# CINPLAN_TEST_POSTGRES_URL (tests/with-postgres), fails when that is not
# set, and says how many PostgreSQL checks ran.
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
mode=${3:-sqlite}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/cli_checks.sh"
check_mode "$mode"
export CINPLAN_USER=caseload-cli-test
cd "$src" || exit 1


# The caseload of the examples in database $1.
examples_caseload() {
  local db=$1
  run "$bin" import --db "$db" examples/*/*.json
  [ "$rc" -eq 0 ] && ok || bad "import into $db: exit $rc $err"
  local at=(--db "$db" --today 2025-06-01)
  expect "^5 open cases: 3 with overdue items, 2 with an agreed date or aim missed, as at 2025-06-01$" "$bin" caseload "${at[@]}"
  # A line a case: the child, the worker, the counts and the most urgent item.
  expect "^C-1001   Sam Example     Alex Morgan            1             0          0         0  overdue (due 2025-05-22): Meeting invitations sent out$" \
    "$bin" caseload "${at[@]}"
  # --why: each item as the obligations command prints it, with the sentence under it.
  expect "^Case C-1001 (Sam Example): Alex Morgan, CIN Team 2; london-cyps$" "$bin" caseload "${at[@]}" --why
  expect "^  overdue              2025-05-22  2025-05-15  invitations_sent" "$bin" caseload "${at[@]}" --why
  expect '^      "Invitations must be sent out 3 to 4 weeks before the meeting." (Prior to the CIN Meeting)' \
    "$bin" caseload "${at[@]}" --why
  # Most urgent first: the case overdue longest leads, then those overdue
  # less long, then the agreed dates missed, the earliest first.
  run "$bin" caseload "${at[@]}"
  if [ "$(sed -n '2,6p' <<<"$out" | cut -d' ' -f1 | tr '\n' ' ')" = "K-5001 B-2001 C-1001 BH-4001 W-3001 " ]; then ok; else
    bad "order of cases:"$'\n'"$out"
  fi
  expect "^1 open case: 1 with overdue items" "$bin" caseload "${at[@]}" --worker "alex morgan"
  expect "^1 open case: 1 with overdue items" "$bin" caseload "${at[@]}" --team "CIN Team 2"
  expect "^0 open cases: 0 with overdue items" "$bin" caseload "${at[@]}" --team "Nowhere"
  # A closed case: open before its closure, gone from the day it closes.
  mkdir -p "$tmp/closed"
  echo '{"case_id": "Z-1", "events": [{"type": "plan_decided", "date": "2025-01-06"},
    {"type": "closed", "date": "2025-05-01", "reason": "close"}]}' >"$tmp/closed/z-1.json"
  run "$bin" import --db "$db" --profile bolton "$tmp/closed/z-1.json"
  [ "$rc" -eq 0 ] && ok || bad "import of a closed case into $db: exit $rc $err"
  expect "^5 open cases" "$bin" caseload --db "$db" --today 2025-05-01
  expect "^6 open cases" "$bin" caseload --db "$db" --today 2025-04-30
  expect "^Z-1  *(not allocated)" "$bin" caseload --db "$db" --today 2025-04-30
  expect '"case_id": "C-1001"' "$bin" caseload "${at[@]}" --json
  run "$bin" caseload "${at[@]}" --json
  if python3 -c 'import json,sys; a=json.load(sys.stdin); assert len(a)==5 and a[2]["worker"]=="Alex Morgan" and a[2]["overdue"][0]["rule"]=="invitations_sent" and a[2]["overdue"][0]["cite"]' <<<"$out"; then ok; else
    bad "caseload --json is not the array expected:"$'\n'"$out"
  fi
}

# A database with more than 10,000 events: 1,100 copies of a ten-event case.
many_caseload() {
  local db=$1 dir=$tmp/many-$2
  mkdir -p "$dir/london-cyps"
  for i in $(seq 1 1100); do
    sed "s/\"case_id\": \"C-1001\"/\"case_id\": \"M-$i\"/" examples/london-cyps/sam-example.json >"$dir/london-cyps/m-$i.json"
  done
  run "$bin" import --db "$db" "$dir"/london-cyps/*.json
  [ "$rc" -eq 0 ] && ok || bad "import of 1,100 cases into $db: exit $rc $err"
  run "$bin" caseload --db "$db" --today 2025-06-01
  local first=$out
  [ "$rc" -eq 0 ] && grep -q "^1100 open cases: 1100 with overdue items" <<<"$out" && ok ||
    bad "caseload of 1,100 cases: exit $rc"$'\n'"$(tail -n 1 <<<"$out")$err"
  # The import of 11,000 events left a snapshot: the caseload starts from it
  # with the same answer, and writes nothing.
  run "$bin" caseload --db "$db" --today 2025-06-01
  [ "$rc" -eq 0 ] && [ "$out" = "$first" ] && ok || bad "caseload from the snapshot differs"
}

if [ "$mode" = sqlite ]; then
examples_caseload "sqlite:$tmp/cases.db"
many_caseload "sqlite:$tmp/many.db" sqlite
if [ "$(sqlite3 "$tmp/many.db" "SELECT count(*) FROM projection_snapshots WHERE name = 'case_projection'")" -ge 1 ]; then ok; else
  bad "no snapshot saved by the import of 11,000 events"
fi
if [ "$(sqlite3 "$tmp/cases.db" "SELECT count(*) FROM projection_snapshots")" -eq 0 ]; then ok; else
  bad "a snapshot was saved after a short import"
fi

# Bad input: one line, exit 2, nothing created.
expect_fail "February 2025 has 28 days" "$bin" caseload --db "sqlite:$tmp/cases.db" --today 2025-02-30
expect_fail "no database at $tmp/missing.db" "$bin" caseload --db "sqlite:$tmp/missing.db" --today 2025-06-01
[ ! -e "$tmp/missing.db" ] && ok || bad "caseload created a database"
expect_fail "is not understood" "$bin" caseload --db "nowhere:x" --today 2025-06-01
# --today defaults to today.
expect "as at $(date +%F)" "$bin" caseload --db "sqlite:$tmp/cases.db"
fi # sqlite

if [ "$mode" = postgresql ]; then
  # Databases of their own: the server's test database holds other tests' events.
  psql=("${CINPLAN_PGBIN:-/usr/lib/postgresql/15/bin}/psql" -X -q "$CINPLAN_TEST_POSTGRES_URL")
  base=${CINPLAN_TEST_POSTGRES_URL%/*}
  for what in examples many; do
    name=caseload_cli_${what}_$$
    if "${psql[@]}" -c "CREATE DATABASE $name" >/dev/null; then
      if [ "$what" = examples ]; then
        examples_caseload "$base/$name"
      else
        many_caseload "$base/$name" pg
        if [ "$("${psql[0]}" -X -q -t -A "$base/$name" -c "SELECT count(*) FROM projection_snapshots WHERE name = 'case_projection'")" -ge 1 ]; then ok; else
          bad "no snapshot saved in PostgreSQL by the import of 11,000 events"
        fi
      fi
      "${psql[@]}" -c "DROP DATABASE $name WITH (FORCE)" >/dev/null
    else
      bad "cannot create a PostgreSQL database for the caseload test"
    fi
  done
fi

[ "$mode" = postgresql ] && postgres_ran postgres.caseload_cli
echo "caseload cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
