#!/usr/bin/env bash
# What a worker reads, through the real binary: the defaults of the commands,
# the caseload a line a case, agreed dates missed, rule breaches reported
# where people look (import warnings, caseload), events counted from 1 in
# every message, text that cannot drive the terminal, and inputs that once
# crashed the program or destroyed a database.
#
#   tests/cli_words_test.sh path/to/cinplan SOURCE_DIR
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/cli_checks.sh"
export CINPLAN_USER=cli-words-test
cd "$src" || exit 1

# expect_not PATTERN CMD...: exit 0 and PATTERN nowhere in stdout.
expect_not() {
  local pattern=$1
  shift
  run "$@"
  if [ "$rc" -ne 0 ]; then bad "exit $rc: $*"$'\n'"$err"; return; fi
  if grep -q -- "$pattern" <<<"$out"; then bad "\"$pattern\" in output of: $*"$'\n'"$out"; return; fi
  ok
}

mkdir -p "$tmp/cases"
# A London case: the initial meeting chaired by the social worker (a "must"
# of the procedure), an agreed review date of 27 November missed by 1 December.
cat >"$tmp/cases/l-1.json" <<'EOF'
{"case_id": "L-1", "profile": "london-cyps",
 "child": {"id": "P-1", "name": "Robin Example"},
 "events": [
  {"type": "plan_decided", "date": "2026-09-01"},
  {"type": "worker_allocated", "date": "2026-09-01", "worker": "Alex Morgan", "team": "CIN Team 2"},
  {"type": "invitations_sent", "date": "2026-09-01", "meeting_date": "2026-09-15"},
  {"type": "visit", "date": "2026-09-14", "child_seen": true, "purpose": "prepare_for_meeting"},
  {"type": "meeting", "date": "2026-09-15", "kind": "initial", "chair_role": "social_worker",
   "outcome": "continue", "next_meeting": "2026-11-27"},
  {"type": "plan_updated", "date": "2026-09-16"},
  {"type": "plan_circulated", "date": "2026-09-17"},
  {"type": "meeting_recorded", "date": "2026-09-16", "meeting_date": "2026-09-15"},
  {"type": "plan_signed", "date": "2026-09-17", "by": "family"},
  {"type": "plan_signed", "date": "2026-09-17", "by": "first_line_manager"},
  {"type": "visit", "date": "2026-10-09", "child_seen": true},
  {"type": "invitations_sent", "date": "2026-10-30", "meeting_date": "2026-11-27"},
  {"type": "visit", "date": "2026-11-05", "child_seen": true},
  {"type": "visit", "date": "2026-11-26", "child_seen": true},
  {"type": "visit", "date": "2026-11-26", "child_seen": true}
 ]}
EOF
db="sqlite:$tmp/cases.db"

# --- import reports what the record shows, and imports it all the same -----
run "$bin" import --db "$db" "$tmp/cases/l-1.json"
[ "$rc" -eq 0 ] && ok || bad "import of a case with a breach: exit $rc"$'\n'"$err"
grep -q "warning: .*l-1.json: must: event 5 on 15 September 2026: the initial CIN meeting must be chaired by the practice lead; it was chaired by the allocated social worker" <<<"$err" &&
  ok || bad "no breach warning at import:"$'\n'"$err"
grep -q "warning: .*event 15 repeats event 14 exactly; the obligations count it once" <<<"$err" &&
  ok || bad "no repeat warning at import:"$'\n'"$err"
grep -q "^imported 1 case (15 events) into sqlite:.*; 1 case has warnings$" <<<"$out" &&
  ok || bad "import summary:"$'\n'"$out"

# --- the caseload: a line a case; the agreed date missed; breaches ---------
run "$bin" caseload --db "$db" --today 2026-12-01
[ "$rc" -eq 0 ] && ok || bad "caseload: exit $rc $err"
line=$(grep "^L-1 " <<<"$out")
grep -q "Robin Example  Alex Morgan  *0  *1  *[0-9]  *1  agreed date missed (agreed for 2026-11-27): CIN review meeting" <<<"$line" &&
  ok || bad "caseload line:"$'\n'"$out"
[ "$(grep -c . <<<"$out")" -eq 3 ] && ok || bad "caseload is not a header, a line a case and a total:"$'\n'"$out"
grep -q "^1 open case: 0 with overdue items, 1 with an agreed date or aim missed, as at 2026-12-01$" <<<"$out" &&
  ok || bad "caseload total:"$'\n'"$out"
expect '^  agreed date missed   2026-12-15  2026-11-27  review ' "$bin" caseload --db "$db" --today 2026-12-01 --why
expect 'The date agreed for it, 27 November 2026, has passed; the limit is 15 December 2026.' \
  "$bin" caseload --db "$db" --today 2026-12-01 --why
expect '^  rule breach: must: event 5 on 15 September 2026: the initial CIN meeting must be chaired by the practice lead' \
  "$bin" caseload --db "$db" --today 2026-12-01 --why
run "$bin" caseload --db "$db" --today 2026-12-01 --json
python3 -c '
import json, sys
a = json.load(sys.stdin)
assert a[0]["case_id"] == "L-1"
assert a[0]["target_missed"][0]["status"] == "target_missed"
assert a[0]["target_missed"][0]["status_words"] == "agreed date missed"
assert a[0]["target_missed"][0]["target_kind"] == "agreed"
assert a[0]["findings"][0]["constraint"] == "initial_meeting_chair" and a[0]["findings"][0]["event"] == 5
' <<<"$out" && ok || bad "caseload --json:"$'\n'"$out"

# --- defaults -------------------------------------------------------------
today=$(date +%F)
expect "as at $today" "$bin" obligations --case "$tmp/cases/l-1.json"
expect "as at $today" "$bin" caseload --db "$db"
# The profile comes from the file; export writes it, so export then import
# needs no flags, and a file that named its profile comes back unchanged.
expect "under london-cyps" "$bin" obligations --case "$tmp/cases/l-1.json" --today 2026-12-01
cp examples/bolton/riley-example.json "$tmp/riley.json"
sed -i '/"profile": "bolton",/d' "$tmp/riley.json"
expect_fail "which procedure profile does this case run under" "$bin" obligations --case "$tmp/riley.json"
expect "under bolton" "$bin" obligations --case "$tmp/riley.json" --profile bolton --today 2025-06-01
run "$bin" export --db "$db" --case L-1 --output "$tmp/exported.json"
[ "$rc" -eq 0 ] && ok || bad "export: exit $rc $err"
grep -q '"profile": "london-cyps"' "$tmp/exported.json" && ok || bad "export names no profile"
run "$bin" import --db "sqlite:$tmp/again.db" "$tmp/exported.json"
[ "$rc" -eq 0 ] && ok || bad "import of an export with no flags: exit $rc $err"
run "$bin" export --db "sqlite:$tmp/again.db" --case L-1
[ "$out" = "$(cat "$tmp/exported.json")" ] && ok || bad "export, import, export changed the file"
expect_fail 'names the profile london-cyps but --profile says bolton' \
  "$bin" obligations --case "$tmp/cases/l-1.json" --profile bolton

# --- words ----------------------------------------------------------------
expect 'within 15 working days of the decision that a Child in Need plan is needed' \
  "$bin" obligations --case "$tmp/cases/l-1.json" --today 2026-12-01 --why
expect '"The frequency of visits should be: at least once every 20 working days." (Practice)' \
  "$bin" obligations --case "$tmp/cases/l-1.json" --today 2026-12-01 --why
expect '^done late  ' "$bin" obligations --case examples/london-cyps/sam-example.json --today 2025-06-01
expect_not '^met_late\|^due_soon\|^target_missed' "$bin" obligations --case examples/london-cyps/sam-example.json --today 2025-06-01
# A pathway the procedure does not have is accepted and explained.
cat >"$tmp/cases/bh-1.json" <<'EOF'
{"case_id": "BH-1", "profile": "brighton-and-hove", "events": [
  {"type": "plan_decided", "date": "2025-03-03"},
  {"type": "pathway", "date": "2025-03-03", "pathway": "disability"}]}
EOF
expect "has no separate timescales for disabled children: its standard timescales apply" \
  "$bin" obligations --case "$tmp/cases/bh-1.json" --today 2025-03-10
# Brighton and Hove's direct payments pathway: "Visits to children under
# this procedure must be once every 3 months" - a must, where the standard
# visit is a should.
run "$bin" obligations --case examples/brighton-and-hove/alex-example.json --today 2025-06-01 --json
python3 -c '
import json, sys
a = json.load(sys.stdin)
v = [o for o in a if o["rule"] == "visit"]
assert v and all(o["strength"] == "must" for o in v), v
' <<<"$out" && ok || bad "direct payments visits are not a must:"$'\n'"$out"
expect "Readings (" "$bin" profile show london-cyps
expect "^  [0-9]*\. Meeting invitations sent out (invitations_sent): " "$bin" profile show london-cyps
expect "Timescales of the document that cannot both be met:" "$bin" profile show london-cyps
expect "3 timescale clashes" "$bin" profile check profiles/london-cyps.toml
expect "clash: Meeting invitations sent out (invitations_sent): the aim of 4 weeks before the initial CIN meeting falls" \
  "$bin" profile check profiles/london-cyps.toml

# A review agreed for a date after its limit: due by the limit, and said so.
cat >"$tmp/late.json" <<'EOF2'
{"case_id": "L-9", "profile": "london-cyps", "events": [
 {"type": "plan_decided", "date": "2026-03-02"},
 {"type": "meeting", "date": "2026-03-25", "kind": "initial", "chair_role": "first_line_manager",
  "outcome": "continue", "next_meeting": "2026-08-01"}]}
EOF2
expect 'The date agreed for it, 1 August 2026, is after its limit, 25 June 2026: it will be late unless it is brought forward.' \
  "$bin" obligations --case "$tmp/late.json" --today 2026-04-01 --why
# Once the limit has passed it is late, not "will be".
expect 'The date agreed for it, 1 August 2026, is after its limit, 25 June 2026, which has passed: it is late now.' \
  "$bin" obligations --case "$tmp/late.json" --today 2026-07-01 --why
# A duty the procedure says to consider reads as one.
cat >"$tmp/midpoint.json" <<'EOF2'
{"case_id": "M-1", "profile": "cin-plans-and-reviews", "events": [
 {"type": "plan_decided", "date": "2026-03-02"},
 {"type": "meeting", "date": "2026-03-10", "kind": "initial", "chair_role": "first_line_manager",
  "outcome": "continue", "next_meeting": "2026-06-01"}]}
EOF2
expect 'CIN mid point meeting: should be considered at least every 6 weeks' \
  "$bin" obligations --case "$tmp/midpoint.json" --today 2026-05-15 --why
# Past its date it is still to consider, never "overdue".
expect '^to consider  *2026-04-21 .*midpoint_meeting' \
  "$bin" obligations --case "$tmp/midpoint.json" --today 2026-05-15

# --- one numbering, from 1, in every message ------------------------------
echo '{"case_id": "C-1", "events": [{"type": "visited", "date": "2025-01-01"}]}' >"$tmp/first.json"
expect_fail '^cinplan: .*first.json: event 1: unknown event type "visited"' \
  "$bin" obligations --profile bolton --case "$tmp/first.json"
echo '{"case_id": "C-1", "events": [{"type": "plan_decided", "date": "2025-01-01"},
  {"type": "visit", "date": "2025-01-02", "child_seen": true},
  {"type": "event_corrected", "date": "2025-01-01", "corrects": 2, "reason": "typo"}]}' >"$tmp/corr.json"
expect_fail 'event 3 (event_corrected, 2025-01-01): is dated before the event it corrects, event 2 (visit, 2025-01-02)' \
  "$bin" obligations --profile bolton --case "$tmp/corr.json"
run "$bin" obligations --case "$tmp/cases/l-1.json" --today 2026-12-01 --json
python3 -c '
import json, sys
a = json.load(sys.stdin)
m = [o for o in a if o["rule"] == "initial_meeting"][0]
assert m["met_by"]["event"] == 5, m["met_by"]
' <<<"$out" && ok || bad "met_by.event does not count from 1:"$'\n'"$out"

# --- the command line -----------------------------------------------------
expect_fail '^cinplan: there is no command "frobnicate"; the commands are profiles, profile, obligations, events, import, export, caseload' \
  "$bin" frobnicate

# --- terminal safety ------------------------------------------------------
printf '{"case_id": "T-1", "profile": "bolton", "child": {"name": "Sam\\u001b[2JX"}, "events": [{"type": "plan_decided", "date": "2025-01-06"}]}' >"$tmp/cases/t-1.json"
run "$bin" import --db "$db" "$tmp/cases/t-1.json"
run "$bin" caseload --db "$db" --today 2025-02-01
if grep -q $'\x1b' <<<"$out"; then bad "a raw ESC reached the terminal"; else ok; fi
grep -q 'Sam\\x1b\[2JX' <<<"$out" && ok || bad "the name is not shown escaped:"$'\n'"$out"

# --- inputs that crashed it or grew without bound -------------------------
printf '{"case_id":"Q","x":1e400}' >"$tmp/huge-number.json"
expect_fail 'huge-number.json: not valid JSON: a number is too large' \
  "$bin" obligations --profile bolton --case "$tmp/huge-number.json"
python3 -c 'print("{\"case_id\": \"Q\", \"events\": [], \"x\": " + "[" * 100000)' >"$tmp/deep.json"
expect_fail 'deep.json: the document is nested more than 32 levels deep' \
  "$bin" obligations --profile bolton --case "$tmp/deep.json"
# Mid-batch: the good file is imported, the bad ones reported; no crash.
run "$bin" import --db "sqlite:$tmp/batch.db" --profile bolton "$tmp/huge-number.json" examples/bolton/riley-example.json "$tmp/deep.json"
[ "$rc" -eq 2 ] && ok || bad "mixed import: exit $rc (wanted 2)"$'\n'"$err"
grep -q "imported 1 case" <<<"$out" && ok || bad "mixed import did not import the good file:"$'\n'"$out"
# Every file bad: no database is created.
run "$bin" import --db "sqlite:$tmp/none.db" "$tmp/huge-number.json" "$tmp/deep.json"
[ "$rc" -eq 2 ] && [ ! -e "$tmp/none.db" ] && ok || bad "an import of bad files created a database"
truncate -s 300M "$tmp/big.json"
expect_fail 'big.json is 300 MiB; at most 32 MiB is read' "$bin" obligations --profile bolton --case "$tmp/big.json"
echo '{"case_id": "D", "case_id": "E", "events": []}' >"$tmp/dup.json"
expect_fail 'the key "case_id" appears twice in the same object' \
  "$bin" obligations --profile bolton --case "$tmp/dup.json"

# --- one bad case does not hide the others ---------------------------------
mkdir -p "$tmp/some-profiles"
cp profiles/london-cyps.toml "$tmp/some-profiles/"
run "$bin" --profiles-dir "$tmp/some-profiles" caseload --db "$db" --today 2026-12-01
[ "$rc" -eq 2 ] && ok || bad "caseload with an unknown profile: exit $rc (wanted 2)"
grep -q "^L-1 " <<<"$out" && ok || bad "the other cases are not listed:"$'\n'"$out"
grep -q "cinplan: case T-1 is not shown: .*bolton" <<<"$err" && ok || bad "the case not shown is not named:"$'\n'"$err"
grep -q "; 1 more not shown (named below)$" <<<"$out" && ok || bad "the total hides the case not shown:"$'\n'"$out"

# --- a worker or team with no open case is said so -----------------------
expect '^(no open case is allocated to a worker called "Alex Morgn" as at 2026-12-01)$' \
  "$bin" caseload --db "$db" --today 2026-12-01 --worker "Alex Morgn"

# --- columns line up whatever the names -----------------------------------
printf '{"case_id": "W-1", "profile": "bolton", "child": {"name": "李小龙"}, "events": [{"type": "plan_decided", "date": "2025-01-06"}, {"type": "worker_allocated", "date": "2025-01-06", "worker": "e\u0301mile", "team": "T"}]}' >"$tmp/cases/w-1.json"
run "$bin" import --db "sqlite:$tmp/wide.db" "$tmp/cases/w-1.json" "$tmp/cases/t-1.json"
run "$bin" caseload --db "sqlite:$tmp/wide.db" --today 2025-02-01
python3 -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = [l for l in sys.stdin.read().split("\n") if l.strip()][:3]
head = lines[0]
col = width(head[:head.index("OVERDUE") + len("OVERDUE")])
for l in lines[1:]:
    cells = l.split()
    # the OVERDUE count ends where the heading does
    i = l.index("  0  ") if "  0  " in l else -1
    end = width(l[:i + 3])
    assert end == col, (l, end, col)
' <<<"$out" && ok || bad "caseload columns do not line up with wide and combining characters:"$'\n'"$out"

# --- a profile quoting a sentence its document does not hold is refused --
mkdir -p "$tmp/made-up"
sed 's/Receiving local authorities should seek/Receiving councils should seek/' profiles/london-cyps.toml >"$tmp/made-up/london-cyps.toml"
expect_fail "quotes a sentence that is not in 004_" "$bin" --profiles-dir "$tmp/made-up" profiles

# --- another program's database is not touched ------------------------------
python3 -c 'import sqlite3; c = sqlite3.connect("'"$tmp"'/other.db"); c.execute("create table contacts(name)"); c.commit()'
cp "$tmp/other.db" "$tmp/other-before.db"
run "$bin" import --db "sqlite:$tmp/other.db" "$tmp/cases/l-1.json"
[ "$rc" -eq 2 ] && grep -q "holds no cinplan database" <<<"$err" && ok || bad "import into another program's database: exit $rc $err"
cmp -s "$tmp/other.db" "$tmp/other-before.db" && ok || bad "import changed another program's database"

# --- argument names a person can read -------------------------------------
expect_fail "SECOND_PROFILE is required" "$bin" profile diff bolton

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
