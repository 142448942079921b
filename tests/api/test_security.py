"""Sign-in, sessions, CSRF, lockout, headers and the access log."""
import time
import unittest

from context import ctx
from harness import PASSWORD, add_user, run


class Security(unittest.TestCase):
    def test_sign_in_sets_a_strict_http_only_cookie_and_a_new_session_each_time(self):
        a, b = ctx.server.client(), ctx.server.client()
        ra, rb = a.sign_in("sw.north"), b.sign_in("sw.north")
        self.assertEqual(ra.status, 200)
        cookie = ra.header("Set-Cookie")
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        self.assertNotIn("Secure", cookie)  # not served over TLS here
        self.assertNotEqual(a.cookie, b.cookie)
        self.assertNotEqual(ra.json["csrf_token"], rb.json["csrf_token"])
        self.assertEqual(a.get("/api/session").json["signed_in"]["role"], "social_worker")

    def test_without_a_session_every_route_but_sign_in_is_401(self):
        anonymous = ctx.server.client()
        for path in ("/api/caseload", f"/api/cases/{ctx.cases['own']}", "/api/search?q=ruby"):
            r = anonymous.get(path)
            self.assertEqual(r.status, 401, path)
            self.assertEqual(r.json["type"], "/problems/unauthenticated")
        anonymous.cookie = "forged-session-id"
        self.assertEqual(anonymous.get("/api/caseload").status, 401)

    def test_sign_out_ends_the_session(self):
        c = ctx.fresh_client("sw.north")
        self.assertEqual(c.request("DELETE", "/api/session").status, 200)
        self.assertEqual(c.get("/api/caseload").status, 401)

    def test_a_state_changing_request_needs_the_csrf_token(self):
        c = ctx.fresh_client("sw.north")
        case = ctx.cases["own"]
        v = c.version(case)
        r = c.request("POST", f"/api/cases/{case}/notes", {"heading": "h", "text": "t"},
                      headers={"If-Match": f'"{v}"'}, csrf=False)
        self.assertEqual(r.status, 403)
        self.assertIn("CSRF", r.json["detail"])
        r = c.request("POST", f"/api/cases/{case}/notes", {"heading": "h", "text": "t"},
                      headers={"If-Match": f'"{v}"', "X-CSRF-Token": "x" * 43}, csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(c.version(case), v, "a refused request wrote something")

    def test_unknown_user_and_wrong_password_get_the_same_answer(self):
        c = ctx.server.client()
        t0 = time.monotonic()
        unknown = c.sign_in("nobody.here", "whatever at all 1")
        t1 = time.monotonic()
        wrong = c.sign_in("asw.north", "not the password 1")
        t2 = time.monotonic()
        self.assertEqual(unknown.status, 401)
        self.assertEqual(wrong.status, 401)
        self.assertEqual(unknown.json, wrong.json)
        # Both do an argon2id verification: neither answers in a fraction of
        # the other's time.
        self.assertLess(abs((t1 - t0) - (t2 - t1)), max(t1 - t0, t2 - t1) * 0.8 + 0.05)

    def test_repeated_failures_lock_the_account_without_saying_so(self):
        add_user(ctx.db, "locked.out", "Lee Locked", "social_worker", team="north")
        c = ctx.server.client()
        for _ in range(5):
            self.assertEqual(c.sign_in("locked.out", "wrong password 123").status, 401)
        r = c.sign_in("locked.out", PASSWORD)
        self.assertEqual(r.status, 401, "the right password worked on a locked account")
        self.assertEqual(r.json["detail"], "The username or password is not right.")
        run(["user", "reset-password", "--db", ctx.db, "locked.out"], stdin=PASSWORD + "\n")
        self.assertEqual(c.sign_in("locked.out", PASSWORD).status, 200)

    def test_disabled_account_cannot_sign_in_and_is_signed_out(self):
        add_user(ctx.db, "leaver", "Lou Leaver", "social_worker", team="north")
        c = ctx.fresh_client("leaver")
        run(["user", "disable", "--db", ctx.db, "leaver"])
        time.sleep(5.2)  # sessions are re-read from the database within 5 seconds
        self.assertEqual(c.get("/api/caseload").status, 401)
        self.assertEqual(ctx.server.client().sign_in("leaver").status, 401)

    def test_security_headers_on_every_answer(self):
        c = ctx.client_for("sw.north")
        for r in (c.get("/api/caseload"), c.get("/api/nowhere"), c.get("/api/ping")):
            csp = r.header("Content-Security-Policy")
            self.assertIn("frame-ancestors 'none'", csp)
            self.assertNotIn("unsafe-inline", csp)
            self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
            self.assertEqual(r.header("Cache-Control"), "no-store")

    def test_every_read_and_write_of_a_case_is_on_the_access_log(self):
        case = ctx.cases["own"]
        sw = ctx.client_for("sw.north")
        sw.get(f"/api/cases/{case}")
        sw.command(case, "notes", {"heading": "Phone call", "text": "Mother called."})
        ctx.client_for("sw.south").get(f"/api/cases/{case}")
        entries = ctx.client_for("flm.north").get(f"/api/cases/{case}/audit").json["entries"]
        mine = [e for e in entries if e["username"] == "sw.north"]
        self.assertTrue(any(e["action"] == "case.read" and e["allowed"] for e in mine))
        self.assertTrue(any(e["action"] == "case.record" and "case_note_added" in e["detail"]
                            for e in mine))
        self.assertTrue(all(e["address"] == "127.0.0.1" for e in entries))
        # Another team's worker may read (the authority's practitioners read
        # its non-restricted cases), and that read is recorded as theirs.
        self.assertTrue(any(e["username"] == "sw.south" and e["action"] == "case.read"
                            for e in entries))
        cli = run(["audit", "--db", ctx.db, "--case", case])
        self.assertIn("sw.north", cli.stdout)
        self.assertIn("case.read", cli.stdout)

    def test_search_is_audited_and_never_lists_a_restricted_case(self):
        sw = ctx.client_for("sw.north")
        r = sw.get("/api/search?q=rhea")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json["cases"], [])
        r = sw.get("/api/search?q=RUBY")
        self.assertEqual([c["case_id"] for c in r.json["cases"]], [ctx.cases["own"]])
        audit = run(["audit", "--db", ctx.db, "--user", "sw.north"]).stdout
        self.assertIn("cases.search", audit)
        self.assertNotIn("ruby", audit.lower(), "the access log keeps the search terms")

    def test_a_grant_opens_a_restricted_case(self):
        case = ctx.cases["restricted"]
        sw = ctx.client_for("sw.north")
        self.assertEqual(sw.get(f"/api/cases/{case}").status, 403)
        run(["user", "grant", "--db", ctx.db, "sw.north", "--case", case, "--reason", "allocated"])
        self.assertEqual(sw.get(f"/api/cases/{case}").status, 200)
        run(["user", "revoke", "--db", ctx.db, "sw.north", "--case", case])
        self.assertEqual(sw.get(f"/api/cases/{case}").status, 403)

    def test_administrators_manage_accounts_and_read_no_case(self):
        admin = ctx.client_for("admin")
        self.assertEqual(admin.get(f"/api/cases/{ctx.cases['own']}").status, 403)
        self.assertEqual(admin.get("/api/search?q=ruby").status, 403)

    def test_a_partner_sees_only_the_shared_plan_and_dates(self):
        school = ctx.client_for("partner.school")
        shared = school.get("/api/shared").json["cases"]
        self.assertEqual([c["case_id"] for c in shared], [ctx.cases["own"]])
        view = school.get(f"/api/cases/{ctx.cases['own']}/shared").json
        self.assertEqual(set(view), {"case_id", "version", "child", "plan", "meetings"})
        self.assertEqual(school.get(f"/api/cases/{ctx.cases['other']}/shared").status, 403)
        self.assertEqual(ctx.client_for("partner.health").get("/api/shared").json["cases"], [])


if __name__ == "__main__":
    unittest.main()
