#!/usr/bin/env python3
"""Runs the API tests over real HTTP on loopback against a fresh database:

    tests/api/run.py --backend sqlite|postgresql [unittest names...]

SQLite: a file in a temporary folder. PostgreSQL: a new database on the
server tests/with-postgres started (CINPLAN_TEST_POSTGRES_ADMIN_URL); the
run fails when that is not set. CINPLAN_BIN is the cinplan to test,
CINPLAN_SOURCE_DIR the source tree (for config/permissions.toml).
With CINPLAN_POSTGRES_TALLY set, adds "api N" (tests run) to that file."""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))

import authority  # noqa: E402
from context import ctx  # noqa: E402
from harness import Server  # noqa: E402


def fresh_postgres():
    admin = os.environ.get("CINPLAN_TEST_POSTGRES_ADMIN_URL")
    url = os.environ.get("CINPLAN_TEST_POSTGRES_URL")
    if not admin or not url:
        sys.exit("api tests on PostgreSQL: no server (run under tests/with-postgres)")
    name = "api_" + uuid.uuid4().hex[:12]
    psql = os.path.join(os.environ.get("CINPLAN_PGBIN", "/usr/lib/postgresql/15/bin"), "psql")
    subprocess.run([psql, admin, "-qc", f"CREATE DATABASE {name} OWNER cinplan"], check=True)
    base = url.rsplit("/", 1)[0]
    return base + "/" + name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], required=True)
    parser.add_argument("tests", nargs="*")
    args = parser.parse_args()
    if args.backend == "sqlite":
        folder = tempfile.mkdtemp(prefix="cinplan-api-db-")
        db = "sqlite:" + os.path.join(folder, "cases.db")
    else:
        db = fresh_postgres()
    os.environ["CINPLAN_TEST_DB"] = db
    os.environ["CINPLAN_TEST_BACKEND"] = args.backend

    authority.make_people(db)
    ctx.db = db
    # A small upload limit, so that the tests of it send little.
    ctx.server = Server(db, "cin-plans-and-reviews", {"CINPLAN_MAX_UPLOAD_BYTES": "1048576"})
    try:
        ctx.cases = authority.make_cases(ctx.server)
        names = args.tests or ["test_security", "test_bad_input", "test_matrix", "test_journey",
                               "test_processes", "test_proxy", "test_forms", "test_attachments",
                               "test_census"]
        suite = unittest.defaultTestLoader.loadTestsFromNames(names)
        result = unittest.TextTestRunner(verbosity=2).run(suite)
    finally:
        code, log = ctx.server.stop()
    if code != 0:
        print(f"cinplan serve exited {code} on SIGTERM:\n{log}")
        return 1
    for name in ("Ruby Own", "Otto Other", "Rhea Restricted"):
        if name in log:
            print(f"the server's log names a child ({name}):\n{log}")
            return 1
    tally = os.environ.get("CINPLAN_POSTGRES_TALLY")
    if tally and args.backend == "postgresql":
        with open(tally, "a") as f:
            f.write(f"api {result.testsRun}\n")
    print(f"api tests ({args.backend}): {result.testsRun} run")
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
