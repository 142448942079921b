#!/usr/bin/env bash
# cinplan demo through the real binary, on SQLite: the demo authority is
# written into a new database and its sign-ins printed as a table; the
# caseload then shows its children; run again it adds nothing; a database
# holding a non-demo import, or the demo of another profile, is refused with
# exit 2 and one line, and nothing is written; bad options give exit 2 and
# create no database.
#
#   tests/demo_cli_test.sh path/to/cinplan SOURCE_DIR
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/cli_checks.sh"
export CINPLAN_USER=demo-cli-test
cd "$src" || exit 1
today=2026-03-16
db=sqlite:$tmp/demo.db

# What a database holds, to compare before and after.
counts() {
  sqlite3 "$1" "SELECT (SELECT count(*) FROM events) || ' events, ' ||
    (SELECT count(*) FROM streams) || ' streams, ' || (SELECT count(*) FROM accounts) ||
    ' accounts, ' || (SELECT count(*) FROM teams) || ' teams'"
}

# The demo runs and prints the sign-ins, a line each.
run "$bin" demo --db "$db" --profile london-cyps --children 40 --today "$today"
if [ "$rc" -eq 0 ] && grep -q "^wrote the demo authority into $db: 40 children ([0-9]* events) under london-cyps, as at $today$" <<<"$out"; then ok; else
  bad "demo: exit $rc"$'\n'"$out"$'\n'"$err"
fi
grep -q "^username  *password  *role  *team$" <<<"$out" && ok || bad "no table header:"$'\n'"$out"
grep -q "^tom.hughes  *demo-social-worker-1  *allocated social worker  *Assessment Team$" <<<"$out" && ok ||
  bad "no sign-in of tom.hughes:"$'\n'"$out"
grep -q "^mark.davies  *demo-first-line-manager-2  *Practice Lead  *Locality Team North$" <<<"$out" && ok ||
  bad "no sign-in of mark.davies:"$'\n'"$out"
grep -q "^rachel.patel  *demo-partner-professional-1  *partner professional  *Oakfield Academy$" <<<"$out" && ok ||
  bad "no sign-in of the school's partner professional:"$'\n'"$out"
[ "$(grep -c ' demo-[a-z-]*-[0-9]* ' <<<"$out")" -eq 23 ] && ok || bad "not 23 sign-ins:"$'\n'"$out"
[ "$(sqlite3 "$tmp/demo.db" "SELECT count(*) FROM accounts WHERE demo = 1")" -eq 23 ] && ok ||
  bad "the accounts are not all marked demo"
[ "$(sqlite3 "$tmp/demo.db" "SELECT count(*) FROM streams WHERE header LIKE '%\"demo\":true%'")" -eq 40 ] && ok ||
  bad "the cases are not all marked demo"

# The caseload shows the demo's open cases, with their workers.
run "$bin" caseload --db "$db" --today "$today"
open=$(sed -n 's/^\([0-9]*\) open cases:.*/\1/p' <<<"$out")
if [ "$rc" -eq 0 ] && [ "${open:-0}" -ge 25 ] && [ "$open" -le 40 ]; then ok; else
  bad "caseload of the demo: exit $rc, ${open:-no} open cases"$'\n'"$out"$'\n'"$err"
fi
grep -q "^NB-100[0-9][0-9]  " <<<"$out" && ok || bad "no demo case in the caseload:"$'\n'"$out"
expect "open case" "$bin" caseload --db "$db" --today "$today" --worker "Alex Morgan"
expect "^[1-9][0-9]* open cases" "$bin" caseload --db "$db" --today "$today" --team locality-north

# Run again: nothing is added, and the sign-ins are printed again.
before=$(counts "$tmp/demo.db")
grep -q "^[0-9]* events, 40 streams, 23 accounts, 4 teams$" <<<"$before" && ok || bad "the demo holds $before"
run "$bin" demo --db "$db" --profile london-cyps --children 40 --today "$today"
if [ "$rc" -eq 0 ] && grep -q "^the demo authority is already in $db (40 children); nothing was added$" <<<"$out" &&
  grep -q "^tom.hughes  *demo-social-worker-1 " <<<"$out"; then ok; else
  bad "demo again: exit $rc"$'\n'"$out"$'\n'"$err"
fi
[ "$(counts "$tmp/demo.db")" = "$before" ] && ok || bad "the second run wrote: $before, now $(counts "$tmp/demo.db")"

# The demo of another profile is refused.
expect_fail "already holds a demo of another kind" "$bin" demo --db "$db" --profile bolton --children 40 --today "$today"
[ "$(counts "$tmp/demo.db")" = "$before" ] && ok || bad "the refused demo wrote"

# A database with a non-demo import is refused, and nothing is written.
other=$tmp/other.db
run "$bin" import --db "sqlite:$other" examples/bolton/riley-example.json
[ "$rc" -eq 0 ] && ok || bad "import of an example: exit $rc $err"
before=$(counts "$other")
[ "$before" = "$(grep -c '"type":' examples/bolton/riley-example.json) events, 1 streams, 0 accounts, 0 teams" ] && ok ||
  bad "the import holds $before"
sum=$(sha256sum <"$other")
expect_fail "holds records the demo did not make" "$bin" demo --db "sqlite:$other" --profile bolton --today "$today"
[ "$(counts "$other")" = "$before" ] && [ "$(sha256sum <"$other")" = "$sum" ] && ok ||
  bad "the refused demo changed the database: $before, now $(counts "$other")"

# Bad options: exit 2, one line, no database created.
expect_fail "no profile \"nowhere\"" "$bin" demo --db "sqlite:$tmp/new.db" --profile nowhere --today "$today"
expect_fail "--children" "$bin" demo --db "sqlite:$tmp/new.db" --profile bolton --children 0 --today "$today"
expect_fail "1 to 10000 children" "$bin" demo --db "sqlite:$tmp/new.db" --profile bolton --children 10001 --today "$today"
expect_fail "February 2026 has 28 days" "$bin" demo --db "sqlite:$tmp/new.db" --profile bolton --today 2026-02-30
expect_fail "2000 to 2059" "$bin" demo --db "sqlite:$tmp/new.db" --profile bolton --today 1990-06-01
[ ! -e "$tmp/new.db" ] && ok || bad "a refused demo created a database"

echo "demo cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
