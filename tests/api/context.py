"""What every API test module shares: one server on a database with the test
authority (authority.py), set up once by run.py."""


class Context:
    server = None
    db = None
    cases = None
    clients = {}

    def client_for(self, username):
        if username not in self.clients:
            self.clients[username] = self.fresh_client(username)
        return self.clients[username]

    def fresh_client(self, username):
        c = self.server.client()
        r = c.sign_in(username)
        assert r.status == 200, f"sign in as {username}: {r}"
        return c

    def admin_client(self):
        return self.client_for("hos")

    def superuser_version(self, case_id):
        """The case's version, read as the head of service (or the stream's
        own version for a restricted case, through the store)."""
        r = self.client_for("hos").get(f"/api/cases/{case_id}")
        if r.status == 200:
            return r.json["version"]
        return 0


ctx = Context()
