"""cinplan behind nginx as deployed (deploy/nginx/cinplan-proxy.conf): the
access log records the client nginx names, never an address a client wrote
itself, and idle connections held open against nginx stop no one else."""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import unittest

from context import ctx
from harness import Client, Server, run

SOURCE = os.environ.get("CINPLAN_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def audit_of(case):
    return json.loads(run(["audit", "--db", ctx.db, "--case", case, "--json"]).stdout)


class BehindNginx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(ctx.db, "cin-plans-and-reviews",
                            {"CINPLAN_TRUSTED_PROXIES": "127.0.0.1"})
        cls.folder = tempfile.mkdtemp(prefix="cinplan-nginx-")
        cls.port = free_port()
        conf = subprocess.run([os.path.join(SOURCE, "bench", "server", "nginx-conf"), cls.folder,
                               str(cls.port), str(cls.server.port)],
                              capture_output=True, text=True, check=True).stdout.strip()
        cls.nginx = subprocess.Popen([NGINX, "-c", conf, "-p", cls.folder, "-g", "daemon off;"],
                                     stderr=subprocess.PIPE, text=True)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", cls.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        cls.nginx.kill()
        raise AssertionError("nginx did not start: " + cls.nginx.stderr.read())

    @classmethod
    def tearDownClass(cls):
        cls.nginx.terminate()
        cls.nginx.wait(10)
        cls.server.stop()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def via_nginx(self, username, source="127.0.0.2"):
        c = Client("127.0.0.1", self.port, source=source)
        r = c.sign_in(username)
        self.assertEqual(r.status, 200, r)
        return c

    def test_a_read_through_nginx_is_recorded_as_from_the_client_nginx_saw(self):
        case = ctx.cases["other"]
        c = self.via_nginx("sw.south")
        # A client's own X-Forwarded-For is kept by nginx but not believed.
        r = c.get(f"/api/cases/{case}", headers={"X-Forwarded-For": "203.0.113.9"})
        self.assertEqual(r.status, 200, r)
        reads = [e for e in audit_of(case) if e["username"] == "sw.south"]
        self.assertEqual(reads[-1]["address"], "127.0.0.2")
        self.assertFalse(any(e["address"] == "203.0.113.9" for e in audit_of(case)))

    def test_a_client_reaching_cinplan_directly_cannot_claim_another_address(self):
        case = ctx.cases["other"]
        c = Client("127.0.0.1", self.server.port, source="127.0.0.3")
        self.assertEqual(c.sign_in("sw.south").status, 200)
        r = c.get(f"/api/cases/{case}", headers={"X-Forwarded-For": "203.0.113.10"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(audit_of(case)[-1]["address"], "127.0.0.3")

    def test_idle_and_slow_connections_to_nginx_stop_no_one_else(self):
        held = []
        try:
            for i in range(300):
                s = socket.socket()
                s.bind(("127.0.0.4", 0))
                s.connect(("127.0.0.1", self.port))
                if i % 2:
                    s.send(b"GET /api/ping HTTP/1.1\r\n")  # a request never finished
                held.append(s)
            t0 = time.monotonic()
            c = self.via_nginx("sw.north")
            self.assertEqual(c.get("/api/caseload").status, 200)
            self.assertLess(time.monotonic() - t0, 5.0)
        finally:
            for s in held:
                s.close()

    def test_nginx_refuses_a_body_larger_than_cinplan_takes(self):
        c = Client("127.0.0.1", self.port)
        r = c.request("POST", "/api/session", raw=b"x" * (2 << 20))
        self.assertEqual(r.status, 413)


    def test_an_attachment_larger_than_a_request_body_passes_nginx_and_others_do_not(self):
        from test_attachments import PDF, form
        case = ctx.cases["own"]
        c = self.via_nginx("sw.north")
        body = PDF + b"x" * (3 << 19)  # 1.5 MiB: over nginx's 1 MiB for other requests
        r = c.request("POST", f"/api/cases/{case}/attachments",
                      raw=form({"kind": "assessment", "title": "Assessment, scanned"},
                               {"file": ("assessment.pdf", body)}),
                      headers={"If-Match": f'"{c.version(case)}"'})
        self.assertEqual(r.status, 200, r)
        # Any other request of that size is nginx's to refuse.
        r = c.request("POST", f"/api/cases/{case}/notes", raw=b'{"text": "' + b"x" * (3 << 19) + b'"}',
                      headers={"If-Match": f'"{c.version(case)}"'})
        self.assertEqual(r.status, 413, r)


if __name__ == "__main__":
    unittest.main()
