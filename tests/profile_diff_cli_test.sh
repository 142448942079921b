#!/usr/bin/env bash
# `cinplan profile diff A B [--json]` through the real binary: strengths shown
# beside timescales, pathway overrides, related duties with their meanings,
# constraints side by side, columns that stay aligned within 120 characters,
# JSON with every section, and one line with exit 2 for an unknown profile.
# Usage: profile_diff_cli_test.sh CINPLAN_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
export CINPLAN_PROFILES="$src/profiles"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { # check DESCRIPTION -- command...: passes when the command succeeds
  local what=$1
  shift 2
  if "$@"; then ok; else bad "$what"; fi
}

# rows.py FILE HEADING WIDTHS: the rows of the section under the heading that
# starts with HEADING, one a line: mark, then each column's text (TAB between),
# paragraphs of a cell joined by " | ", wrapped lines by a space.
cat >"$tmp/rows.py" <<'EOF'
import re, sys
path, heading, widths = sys.argv[1], sys.argv[2], [int(w) for w in sys.argv[3].split(",")]
lines = open(path, encoding="utf-8").read().split("\n")
start = next((i for i, l in enumerate(lines) if l.startswith(heading)), None)
if start is None:
    sys.exit("no section " + heading + " in " + path)
rows = []
for line in lines[start + 1:]:
    if line == "":
        break
    if re.match(r"^[* ][^ ]", line):
        rows.append([line[0]] + [[] for _ in widths])
    elif not rows or re.match(r"^  [^ ]", line):
        continue  # the heading's own lines, or a group's title
    at = 1
    for c, w in enumerate(widths):
        text = line[at:at + w]
        at += w + 2
        if text.strip() == "":
            continue
        cell = rows[-1][c + 1]
        if text.startswith("  ") and cell:
            cell[-1] += " " + text.strip()
        else:
            cell.append(text.strip())
for r in rows:
    print("\t".join([r[0]] + [" | ".join(c) for c in r[1:]]))
EOF
rows() { python3 "$tmp/rows.py" "$@"; }
# row FILE HEADING WIDTHS KEY: the one row whose first column starts with KEY.
row() { rows "$1" "$2" "$3" | awk -F'\t' -v k="$4" 'index($2, k) == 1'; }
has() { grep -qF -- "$2" <<<"$1"; } # has TEXT NEEDLE
field() { cut -f"$2" <<<"$1"; }     # field ROW N: 1 mark, 2 key, 3 A, 4 B

run_diff() { # run_diff A B OUT: exit 0 and nothing on stderr
  if "$bin" profile diff "$1" "$2" >"$3" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
    ok
  else
    bad "profile diff $1 $2 failed: $(head -3 "$tmp/err")"
  fi
}

table=24,45,45
related=32,41,41

# --- London CYPS beside Brighton and Hove --------------------------------------
run_diff london-cyps brighton-and-hove "$tmp/lb.txt"

# Different duties that look alike, side by side, each with its meaning.
related_rows=$(rows "$tmp/lb.txt" "Related duties" $related)
recorded=$(awk -F'\t' 'index($2, "meeting_recorded:") == 1' <<<"$related_rows")
minutes=$(awk -F'\t' 'index($2, "minutes_distributed:") == 1' <<<"$related_rows")
check "related: meeting_recorded says what it is" -- \
  has "$(field "$recorded" 2)" "meeting_recorded: The meeting written up on the child's case record"
check "related: London's meeting_recorded in its words" -- \
  has "$(field "$recorded" 3)" "CIN meeting recorded on Azeus Care | must: within 2 working days"
check "related: Brighton and Hove has no meeting_recorded" -- \
  has "$(field "$recorded" 4)" "(not in this procedure)"
check "related: minutes_distributed says what it is" -- \
  has "$(field "$minutes" 2)" "minutes_distributed: The minutes of the meeting sent to the people involved"
check "related: Brighton and Hove's minutes in its words" -- \
  has "$(field "$minutes" 4)" "minutes of the Child in Need Network Meeting distributed | should: within 10 working days"
check "related: London has no minutes_distributed" -- has "$(field "$minutes" 3)" "(not in this procedure)"
order=" $(awk -F'\t' '{ sub(/:.*/, "", $2); print $2 }' <<<"$related_rows" | tr '\n' ' ')"
check "related: the two rows are next to each other" -- has "$order" " meeting_recorded minutes_distributed "

# Pathway overrides: London's disabled children, Brighton and Hove's direct payments.
review=$(row "$tmp/lb.txt" "Timescales" $table review)
check "override: review row marked as differing" -- test "$(field "$review" 1)" = "*"
check "override: pathway timescales named as a difference" -- has "$(field "$review" 2)" "pathway timescales"
check "override: London disabled children every 6 months" -- \
  has "$(field "$review" 3)" "on disability: every 6 months"
check "override: Brighton and Hove direct payments reviews every 6 months" -- \
  has "$(field "$review" 4)" "on direct_payments: every 6 months"
check "reading: London's review rests on a reading" -- has "$(field "$review" 3)" "(a reading)"
visit=$(row "$tmp/lb.txt" "Timescales" $table visit)
check "override: Brighton and Hove direct payments visits every 3 months" -- \
  has "$(field "$visit" 4)" "on direct_payments: every 3 months"
check "override: London visits the same on every pathway" -- \
  has "$(field "$visit" 3)" "the same timescale on every pathway"

# Columns stay aligned: the gaps between columns are blank on every line of the
# timescale table, however long its entries.
check "alignment: column gaps blank in the timescale table" -- python3 - "$tmp/lb.txt" <<'EOF'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = next((i for i, l in enumerate(lines) if l.startswith("Timescales")), None)
if start is None:
    sys.exit("no timescale table")
body = lines[start + 1:lines.index("", start)]
bad = [l for l in body if l[25:27].strip() or l[72:74].strip()]
for l in bad:
    print("misaligned:", l)
sys.exit(1 if bad or len(body) < 20 else 0)
EOF

# --- Bolton beside London CYPS ------------------------------------------------------
run_diff bolton london-cyps "$tmp/bl.txt"
review=$(row "$tmp/bl.txt" "Timescales" $table review)
check "strength: named as a difference beside the timescale" -- \
  has "$(field "$review" 2)" "differs: strength, timescale"
check "strength: Bolton's review should, every 6 weeks" -- \
  has "$(field "$review" 3)" "should: at least every 6 weeks"
check "strength: London's review must, every 3 months" -- \
  has "$(field "$review" 4)" "must: at least every 3 months"
check "count line" -- grep -qE '^[0-9]+ of [0-9]+ timescale rules differ; [0-9]+ of [0-9]+ constraints differ\.$' "$tmp/bl.txt"

# --- Constraints: London CYPS beside Bolton -----------------------------------------
run_diff london-cyps bolton "$tmp/lbo.txt"
chair=$(row "$tmp/lbo.txt" "Constraints" $table "initial meeting: chair")
check "constraint: initial meeting chair differs" -- test "$(field "$chair" 1)" = "*"
check "constraint: London's Practice Lead must chair" -- \
  has "$(field "$chair" 3)" "must be chaired by the practice lead"
check "constraint: Bolton's line manager should chair" -- \
  has "$(field "$chair" 4)" "should be chaired by the line manager (team manager)"
same=$(row "$tmp/lbo.txt" "Constraints" $table "review meeting: chair")
check "constraint: the same chairs in other words do not differ" -- test "$(field "$same" 1)" = " "

# --- Every pair: within 120 characters; a profile against itself differs nowhere -----
ids="bolton brighton-and-hove cin-plans-and-reviews london-cyps worcestershire"
for a in $ids; do
  for b in $ids; do
    run_diff "$a" "$b" "$tmp/pair.txt"
    check "$a $b: no line longer than 120 characters" -- python3 -c '
import sys
long = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if len(l) > 120]
print("\n".join(long)) if long else None
sys.exit(1 if long else 0)' "$tmp/pair.txt"
    if [ "$a" = "$b" ]; then
      check "$a against itself: nothing differs" -- \
        grep -qE '^0 of [0-9]+ timescale rules differ; 0 of [0-9]+ constraints differ\.$' "$tmp/pair.txt"
      check "$a against itself: no row marked" -- test "$(grep -c '^\*' "$tmp/pair.txt")" -eq 0
    fi
  done
done

# --- JSON ---------------------------------------------------------------------------
if "$bin" profile diff london-cyps brighton-and-hove --json >"$tmp/lb.json" 2>"$tmp/err"; then ok; else bad "--json failed"; fi
check "json: parses" -- python3 -m json.tool "$tmp/lb.json" /dev/null 2>/dev/null
check "json: every section, every row with both sides and differs" -- python3 - "$tmp/lb.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except ValueError as e:
    sys.exit("not JSON: %s" % e)
problems = []
for s in ["timescales", "related", "constraints", "pathways", "outcomes", "words"]:
    if not isinstance(d.get(s), list) or not d[s]:
        problems.append("no section " + s)
rows = [r for s in ["timescales", "constraints", "pathways", "outcomes", "words"] for r in d.get(s, [])]
rows += [r for g in d.get("related", []) for r in g.get("duties", [])]
problems += ["row without a, b or differs: %r" % r for r in rows if not {"a", "b", "differs"} <= r.keys()]
if d["a"]["id"] != "london-cyps" or d["b"]["id"] != "brighton-and-hove":
    problems.append("profiles not named")
review = next(r for r in d["timescales"] if r["rule"] == "review")
if review["a"]["overrides"][0]["pathways"] != ["disability"] or review["a"]["overrides"][0]["due"] != "6 months":
    problems.append("London's disability override missing")
if review["b"]["strength"] != "should" or "strength" not in review["differs_in"]:
    problems.append("strength difference missing")
after = [g for g in d["related"] if g["group"] == "after_meeting"]
duties = {r["rule"]: r for g in after for r in g["duties"]}
if not (duties.get("meeting_recorded", {}).get("meaning") and duties.get("minutes_distributed", {}).get("meaning")):
    problems.append("related duties without meanings")
elif duties["meeting_recorded"]["b"] is not None or duties["minutes_distributed"]["a"] is not None:
    problems.append("related duties on the wrong side")
if problems:
    print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
"$bin" profile diff london-cyps bolton --json >"$tmp/lbo.json" 2>/dev/null
check "json: constraint initial meeting chair with ids beside the words" -- python3 - "$tmp/lbo.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except ValueError as e:
    sys.exit("not JSON: %s" % e)
row = next(r for r in d["constraints"] if r["event"] == "meeting" and r["meeting_kind"] == "initial" and r["field"] == "chair_role")
a, b = row["a"][0], row["b"][0]
ok = (row["differs"] and a["constraint"] == "initial_meeting_chair" and a["strength"] == "must"
      and a["requires"] == ["first_line_manager"] and "practice lead" in a["asks"]
      and b["strength"] == "should" and "line manager (team manager)" in b["asks"])
sys.exit(0 if ok else 1)
EOF

# --- Bad input ------------------------------------------------------------------------
for args in "nowhere london-cyps" "london-cyps nowhere" "london-cyps nowhere --json"; do
  # shellcheck disable=SC2086
  out=$("$bin" profile diff $args 2>&1)
  rc=$?
  if [ "$rc" -eq 2 ] && [ "$(wc -l <<<"$out")" -eq 1 ] && has "$out" 'no profile "nowhere"'; then
    ok
  else
    bad "profile diff $args: exit $rc, wanted 2 and one line naming the profile: $out"
  fi
done

echo "profile diff: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
