#!/usr/bin/env bash
# cinplan census validate through the real binary: the exit status says
# whether errors were found (0 none, 1 some, 2 the file could not be read);
# --json is JSON and --csv a CSV a spreadsheet cannot run; a file that is not
# a census file is refused with one line and leaves no CSV behind.
#
#   tests/census_cli_test.sh path/to/cinplan SOURCE_DIR
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/cli_checks.sh"
census=$src/../shared/census

# A clean return has queries at most: exit 0, the totals at the end.
expect "0 errors, 1 query" "$bin" census validate "$census/clean_minimal_2026.xml"
expect "QUERY 2887Q, the whole return" "$bin" census validate "$census/clean_minimal_2026.xml"

# Errors found: exit 1, each named with its child.
run "$bin" census validate "$census/CIN_Census_2024.xml"
[ "$rc" -eq 1 ] && ok || bad "exit $rc (wanted 1) for a return with errors"
grep -q "ERROR 100, the whole return: Header: ReferenceDate 2024-03-31" <<<"$out" && ok ||
  bad "rule 100 not reported: $out"

# --json is one JSON document with the counts; --csv is written whole.
run "$bin" census validate "$census/CIN_Census_2024.xml" --json --csv "$tmp/f.csv"
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["summary"]["counts"]["100"] == 1' \
  <<<"$out" && ok || bad "--json is not JSON with the counts: $out"
head -1 "$tmp/f.csv" | grep -q "^LAchildID,Line,Rule,Type,Module,Message,Fields,Where,Values" &&
  ok || bad "the CSV has no header"
[ -z "$(ls "$tmp" | grep partial)" ] && ok || bad "a partial CSV was left behind"

# A child ID that looks like a formula is text in the CSV.
sed 's|<LAchildID>DfEX0000001</LAchildID>|<LAchildID>=HYPERLINK("x")</LAchildID>|' \
  "$census/CIN_Census_2024.xml" >"$tmp/formula.xml"
run "$bin" census validate "$tmp/formula.xml" --csv "$tmp/formula.csv"
grep -q "^\"'=HYPERLINK" "$tmp/formula.csv" && ok || bad "a formula cell was not made inert"

# Not a census file: one line, exit 2, no CSV.
printf '<Message><Header>' >"$tmp/broken.xml"
expect_fail "is not well-formed XML" "$bin" census validate "$tmp/broken.xml" --csv "$tmp/b.csv"
[ ! -e "$tmp/b.csv" ] && [ -z "$(ls "$tmp" | grep partial)" ] && ok ||
  bad "a CSV was written for a file that could not be read"
printf '<Return/>' >"$tmp/root.xml"
expect_fail "the root element is Return" "$bin" census validate "$tmp/root.xml"
expect_fail "cannot open the census file" "$bin" census validate "$tmp/missing.xml"
expect_fail "is not a collection year" "$bin" census validate "$census/clean_minimal_2026.xml" --year 26
expect_fail "is the census file being checked" "$bin" census validate "$tmp/root.xml" --csv "$tmp/root.xml"
grep -q "<Return/>" "$tmp/root.xml" && ok || bad "the census file was overwritten"

# The demo authority's return: written from the log, valid against the DfE's
# schema, and no error found in it.
"$bin" demo --db "sqlite:$tmp/demo.db" --profile london-cyps --children 60 --today 2026-03-16 >/dev/null
run "$bin" census export --db "sqlite:$tmp/demo.db" --year 2026 --la 201 --output "$tmp/return.xml"
[ "$rc" -eq 0 ] && grep -q "children of 60 cases" <<<"$err" && ok || bad "export: exit $rc $err"
xmllint --noout --schema "$census/CIN_schema_2026.xsd" "$tmp/return.xml" 2>/dev/null && ok ||
  bad "the exported return is not valid against CIN_schema_2026.xsd"
expect "0 errors" "$bin" census validate "$tmp/return.xml"
run "$bin" census export --db "sqlite:$tmp/demo.db" --year 2026 --la 201
grep -q "<ReferenceDate>2026-03-31</ReferenceDate>" <<<"$out" && ok || bad "export to stdout"
expect_fail "is not a collection year" "$bin" census export --db "sqlite:$tmp/demo.db" --year 1 --la 201
expect_fail "is not an authority's three-digit number" "$bin" census export --db "sqlite:$tmp/demo.db" --year 2026 --la 20A
expect_fail "no database at" "$bin" census export --db "sqlite:$tmp/none.db" --year 2026 --la 201
expect_fail "output" "$bin" census export --db "sqlite:$tmp/demo.db" --year 2026 --la 201 --output "$tmp/demo.db"

echo "census cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
