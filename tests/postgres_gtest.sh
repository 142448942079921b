#!/usr/bin/env bash
# Runs a test program's PostgreSQL cases for the PostgreSQL pass (scripts/test
# runs `tests/with-postgres ctest -L postgres`) and fails unless they really
# ran on a server:
#
#   tests/postgres_gtest.sh NAME PROGRAM GTEST_FILTER
#
# Fails when CINPLAN_TEST_POSTGRES_URL is not set, when the filter selects no
# test, when any selected test was skipped, and when any failed. Says "N
# PostgreSQL cases ran"; when CINPLAN_POSTGRES_TALLY names a file, adds
# "NAME N" to it (scripts/test adds them up).
set -u
if (($# != 3)); then
  echo "usage: $0 NAME PROGRAM GTEST_FILTER" >&2
  exit 2
fi
name=$1
program=$2
filter=$3
if [ -z "${CINPLAN_TEST_POSTGRES_URL:-}" ]; then
  echo "FAIL: $name: CINPLAN_TEST_POSTGRES_URL is not set, so no PostgreSQL case can run" \
    "(run this under tests/with-postgres)"
  exit 1
fi
report=$(mktemp)
trap 'rm -f "$report"' EXIT
"$program" --gtest_filter="$filter" --gtest_output="json:$report"
status=$?
# gtest's JSON report has one "result" line for every test the filter
# selected: COMPLETED (passed or failed) or SKIPPED.
ran=$(grep -c '"result": "COMPLETED"' "$report")
skipped=$(grep -c '"result": "SKIPPED"' "$report")
echo "$ran PostgreSQL cases ran ($name: $program --gtest_filter=$filter)"
if [ -n "${CINPLAN_POSTGRES_TALLY:-}" ]; then echo "$name $ran" >>"$CINPLAN_POSTGRES_TALLY"; fi
if [ "$status" -ne 0 ]; then
  echo "FAIL: $name: the test program failed (exit $status)"
  exit 1
fi
if [ "$ran" -eq 0 ]; then
  echo "FAIL: $name: the filter $filter selected no test that ran"
  exit 1
fi
if [ "$skipped" -ne 0 ]; then
  echo "FAIL: $name: $skipped PostgreSQL cases were skipped:"
  grep -B4 '"result": "SKIPPED"' "$report" | sed -n 's/^ *"name": "\(.*\)",$/  \1/p'
  exit 1
fi
