"""The server as a process: two of them on one database, a clean stop on
SIGTERM with requests in flight, and refusing to start on invalid data."""
import os
import signal
import subprocess
import tempfile
import threading
import time
import unittest

from context import ctx
from harness import CINPLAN, Server, wait_for


def start_refused(args, env_extra):
    env = dict(os.environ)
    env.update({"CINPLAN_PROFILE": "bolton"})
    env.update(env_extra)
    p = subprocess.run([CINPLAN, "serve", "--port", "0"] + args, capture_output=True, text=True,
                       env=env, timeout=60)
    return p


class Processes(unittest.TestCase):
    def test_a_write_through_one_server_is_seen_through_another_within_a_second(self):
        second = Server(ctx.db, "cin-plans-and-reviews")
        try:
            a = ctx.client_for("sw.north")
            b = second.client()
            self.assertEqual(b.sign_in("sw.north").status, 200)  # sessions are in the database
            case = ctx.cases["own"]
            r = a.command(case, "notes", {"heading": "Seen by the other server", "text": "x"})
            version = r.json["version"]
            t0 = time.monotonic()
            self.assertTrue(wait_for(lambda: b.get(f"/api/cases/{case}").json["version"] == version,
                                     timeout=1.0), "the second server did not see the write")
            print(f"seen by the second server after {time.monotonic() - t0:.3f} s")
            # The first server's session works on the second (one database).
            b.cookie, b.csrf = a.cookie, a.csrf
            self.assertEqual(b.get("/api/caseload").status, 200)
        finally:
            code, _ = second.stop()
            self.assertEqual(code, 0)

    def test_sigterm_finishes_requests_in_flight(self):
        server = Server(ctx.db, "cin-plans-and-reviews")
        c = server.client()
        self.assertEqual(c.sign_in("flm.north").status, 200)
        case = ctx.cases["own"]
        results = []

        def writer():
            for i in range(30):
                try:
                    v = c.version(case)
                except (AssertionError, OSError):
                    return  # the server stopped taking requests
                try:
                    r = c.post(f"/api/cases/{case}/notes", {"heading": f"note {i}", "text": "t"},
                               version=v)
                except OSError:
                    return
                results.append(r.status)
                if r.status != 200:
                    return

        t = threading.Thread(target=writer)
        t.start()
        time.sleep(0.3)
        server.proc.send_signal(signal.SIGTERM)
        t.join(30)
        code, log = server.stop()
        self.assertEqual(code, 0, log)
        self.assertIn("access log entries written", log)
        acknowledged = results.count(200)
        self.assertGreater(acknowledged, 0)
        # Every acknowledged write is in the log: read back through another server.
        check = ctx.client_for("flm.north")
        notes = [n["heading"] for n in check.get(f"/api/cases/{case}").json["notes"]]
        for i in range(acknowledged):
            self.assertIn(f"note {i}", notes)

    def test_refuses_to_start_on_invalid_data(self):
        folder = tempfile.mkdtemp()
        bad_permissions = os.path.join(folder, "permissions.toml")
        with open(bad_permissions, "w") as f:
            f.write('[actions."case.read"]\nsummary = "read"\non_case = true\nwrites = false\n'
                    'social_worker = "everything"\n')
        p = start_refused(["--db", ctx.db], {"CINPLAN_PERMISSIONS_FILE": bad_permissions})
        self.assertEqual(p.returncode, 2)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertIn("everything", p.stderr)
        p = start_refused(["--db", ctx.db], {"CINPLAN_PROFILE": "nowhere"})
        self.assertEqual(p.returncode, 2)
        self.assertIn("nowhere", p.stderr)
        p = start_refused(["--db", ctx.db], {"CINPLAN_PORT": "abc"})
        self.assertIn("CINPLAN_PORT", p.stderr)
        bad_profiles = os.path.join(folder, "profiles")
        os.mkdir(bad_profiles)
        with open(os.path.join(bad_profiles, "bolton.toml"), "w") as f:
            f.write('id = "bolton"\nname = 3\n')
        p = start_refused(["--db", ctx.db], {"CINPLAN_PROFILES": bad_profiles})
        self.assertEqual(p.returncode, 2)
        self.assertIn("bolton.toml", p.stderr)

    def test_refuses_a_database_newer_than_the_build(self):
        if not ctx.db.startswith("sqlite:"):
            self.skipTest("the newer-schema check is shown on SQLite")
        import sqlite3
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "newer.db")
        subprocess.run([CINPLAN, "user", "team-add", "--db", "sqlite:" + path, "t", "--name", "T"],
                       check=True, capture_output=True)
        db = sqlite3.connect(path)
        db.execute("INSERT INTO schema_migrations (version, description, applied_at) VALUES "
                   "(999, 'from the future', '2030-01-01T00:00:00.000Z')")
        db.commit()
        db.close()
        p = start_refused(["--db", "sqlite:" + path], {})
        self.assertEqual(p.returncode, 2)
        self.assertIn("newer", p.stderr)


if __name__ == "__main__":
    unittest.main()
