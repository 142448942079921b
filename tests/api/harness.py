"""A cinplan server on loopback for the API tests, and a client for it.

Server(db_url) runs `cinplan serve --port 0` against the database, reads the
address it prints, and stops it with SIGTERM. Client talks to it over real
HTTP (urllib), keeping the session cookie and the CSRF token.

People are made with `cinplan user` (passwords on standard input), as an
administrator would.
"""
import http.client
import json
import os
import signal
import subprocess
import tempfile
import time

CINPLAN = os.environ.get("CINPLAN_BIN", "cinplan")
PASSWORD = "correct horse battery"


def run(args, stdin=None, check=True, env=None):
    p = subprocess.run([CINPLAN] + args, input=stdin, capture_output=True, text=True, env=env)
    if check and p.returncode != 0:
        raise AssertionError(f"cinplan {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


def add_team(db, team_id, name):
    run(["user", "team-add", "--db", db, team_id, "--name", name])


def add_user(db, username, name, role, team=None, agency=None, password=PASSWORD):
    args = ["user", "add", "--db", db, username, "--name", name, "--role", role]
    if team:
        args += ["--team", team]
    if agency:
        args += ["--agency", agency]
    run(args, stdin=password + "\n")


class Server:
    def __init__(self, db, profile, extra_env=None):
        self.db = db
        self.dir = tempfile.mkdtemp(prefix="cinplan-api-")
        key = os.path.join(self.dir, "session.key")
        with open(key, "w") as f:
            f.write("k" * 48)
        os.chmod(key, 0o600)
        env = dict(os.environ)
        env.update({"CINPLAN_PROFILE": profile, "CINPLAN_SESSION_KEY_FILE": key,
                    "CINPLAN_WORKER_THREADS": "2"})
        env.pop("CINPLAN_SESSION_KEY", None)
        if extra_env:
            env.update(extra_env)
        self.log = open(os.path.join(self.dir, "stderr"), "w+")
        self.proc = subprocess.Popen([CINPLAN, "serve", "--db", db, "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True, env=env)
        line = self.proc.stdout.readline()
        if "serving" not in line:
            self.proc.wait(10)
            self.log.seek(0)
            raise AssertionError("cinplan serve did not start: " + line + self.log.read())
        address = line.split("http://", 1)[1].split("/", 1)[0]
        self.host, port = address.rsplit(":", 1)
        self.port = int(port)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                raise AssertionError("cinplan serve did not stop on SIGTERM")
        self.log.seek(0)
        return self.proc.returncode, self.log.read()

    def client(self):
        return Client(self.host, self.port)


class Response:
    def __init__(self, status, headers, body, raw=b""):
        self.status = status
        self.headers = headers
        self.text = body
        self.bytes = raw  # the body as sent (a download's file)
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def __repr__(self):
        return f"<{self.status} {self.text[:300]}>"


class Client:
    def __init__(self, host, port, source=None):
        """source: the local address to connect from (e.g. "127.0.0.2")."""
        self.host, self.port = host, port
        self.source = (source, 0) if source else None
        self.cookie = None
        self.csrf = None
        self.conn = None

    def request(self, method, path, body=None, headers=None, raw=None, csrf=True):
        h = {}
        if self.cookie:
            h["Cookie"] = "cinplan_session=" + self.cookie
        if csrf and self.csrf and method != "GET":
            h["X-CSRF-Token"] = self.csrf
        data = None
        if isinstance(raw, tuple):  # (content type, bytes): a form with a file
            h["Content-Type"], data = raw
        elif raw is not None:
            data = raw if isinstance(raw, bytes) else raw.encode()
            h["Content-Type"] = "application/json"
        elif body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if headers:
            h.update(headers)
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30,
                                                       source_address=self.source)
            try:
                self.conn.request(method, path, body=data, headers=h)
                r = self.conn.getresponse()
                raw_body = r.read()
                text = raw_body.decode(errors="replace")
                return Response(r.status, r.getheaders(), text, raw_body)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, version=None, **kw):
        headers = kw.pop("headers", {}) or {}
        if version is not None:
            headers["If-Match"] = f'"{version}"'
        return self.request("POST", path, body=body if body is not None else {}, headers=headers,
                            **kw)

    def sign_in(self, username, password=PASSWORD):
        r = self.request("POST", "/api/session", {"username": username, "password": password})
        if r.status == 200:
            cookie = r.header("Set-Cookie")
            self.cookie = cookie.split(";", 1)[0].split("=", 1)[1]
            self.csrf = r.json["csrf_token"]
        return r

    def version(self, case_id):
        r = self.get(f"/api/cases/{case_id}")
        if r.status == 403:  # a partner agency reads the shared view
            r = self.get(f"/api/cases/{case_id}/shared")
        assert r.status == 200, r
        return r.json["version"]

    def command(self, case_id, path, body, expect=200):
        """Posts a command on the case at the version it has now."""
        r = self.post(f"/api/cases/{case_id}/{path}", body, version=self.version(case_id))
        if expect is not None and r.status != expect:
            raise AssertionError(f"POST {path} {json.dumps(body)}: expected {expect}, got {r}")
        return r


def wait_for(predicate, timeout=5.0):
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
