"""A child carried from referral to closure through the API under each of
the five profiles; at each step the obligations the API gives equal what
the engine gives for the same events (`cinplan obligations --db`)."""
import datetime
import json
import unittest

from context import ctx
from harness import run

PROFILES = ["bolton", "brighton-and-hove", "cin-plans-and-reviews", "london-cyps",
            "worcestershire"]
# Where each profile wants a closure endorsed (its closure constraint).
ENDORSED_AT = {"bolton": "first_line_manager", "london-cyps": "service_manager"}


def day(start, n):
    return (start + datetime.timedelta(days=n)).isoformat()


class Journey(unittest.TestCase):
    def check_obligations(self, case, on):
        api = ctx.client_for("flm.north").get(f"/api/cases/{case}/obligations?today={on}")
        self.assertEqual(api.status, 200, api)
        cli = run(["obligations", "--db", ctx.db, "--case", case, "--today", on, "--json"])
        engine = json.loads(cli.stdout)
        brief = lambda os: [(o["rule"], o["status"], o.get("due"), o.get("target")) for o in os]
        self.assertEqual(brief(api.json["obligations"]), brief(engine), f"{case} on {on}")
        return api.json["obligations"]

    def journey(self, profile):
        start = datetime.date.today() - datetime.timedelta(days=200)
        flm, sw = ctx.client_for("flm.north"), ctx.client_for("sw.north")
        r = flm.post("/api/cases", {"profile": profile,
                                    "child": {"name": f"Journey {profile}", "date_of_birth": "2015-03-02",
                                              "sex": "male", "nhs_number": "9434765919"},
                                    "referral": {"date": day(start, 0), "source": "school"}})
        self.assertEqual(r.status, 201, r)
        case = r.json["case_id"]
        self.assertEqual(r.header("ETag"), '"2"')
        flm.command(case, "people", {"date": day(start, 0), "person_id": "P1", "name": "Jo Example",
                                     "relationship": "mother", "parental_responsibility": True})
        flm.command(case, "professionals", {"date": day(start, 0), "person_id": "N1",
                                            "name": "R. Patel", "agency": "school"})
        flm.command(case, "allocation", {"date": day(start, 1), "username": "sw.north"})
        sw.command(case, "assessment", {"date": day(start, 5), "s17_need": True})
        self.check_obligations(case, day(start, 5))
        flm.command(case, "plan-decision", {"date": day(start, 6)})
        sw.command(case, "consent", {"date": day(start, 6), "given": True, "scope": "plan"})
        sw.command(case, "consent", {"date": day(start, 6), "given": True,
                                     "scope": "information_sharing", "agency": "school"})
        before = self.check_obligations(case, day(start, 6))
        self.assertTrue(any(o["status"] in ("upcoming", "due_soon") for o in before))
        sw.command(case, "meetings", {"date": day(start, 7), "meeting_date": day(start, 14),
                                      "kind": "initial", "invitees": ["P1", "N1"],
                                      "invitations_date": day(start, 7)})
        sw.command(case, "visits", {"date": day(start, 12), "child_seen": True, "seen_alone": True,
                                    "location": "home", "announced": True,
                                    "purpose": "prepare_for_meeting",
                                    "rooms_seen": ["bathroom", "kitchen", "bedroom"]})
        flm.command(case, "meeting-records", {
            "date": day(start, 14), "kind": "initial", "chair_role": "first_line_manager",
            "outcome": "continue", "next_meeting": day(start, 60),
            "attendance": {"present": [{"name": "Jo Example", "role": "mother"}],
                           "apologies": [{"name": "R. Patel", "agency": "school",
                                          "written_update": True}]},
            "scaling": [{"by": "Jo Example", "score": 6, "rationale": "things are better"}],
            "worries": ["school attendance"], "working_well": ["mother engages"]})
        sw.command(case, "plan", {"date": day(start, 15), "meeting_date": day(start, 14),
                                  "summary": "the plan agreed at the initial meeting",
                                  "contingency": "a review meeting within a week",
                                  "lead_professional": "Sam North", "visiting_frequency_days": 10,
                                  "outcomes": [{"outcome_id": "O1", "text": "Attends school",
                                                "measure": "95% attendance each half term"}],
                                  "actions": [{"action_id": "A1", "outcome_id": "O1",
                                               "text": "Walk to school", "owner": "mother",
                                               "by_date": day(start, 45), "why": "a routine"}]})
        sw.command(case, "minutes", {"date": day(start, 16), "meeting_date": day(start, 14)})
        sw.command(case, "plan/circulated", {"date": day(start, 16), "meeting_date": day(start, 14)})
        sw.command(case, "plan/signatures", {"date": day(start, 16), "by": "family",
                                             "meeting_date": day(start, 14)})
        flm.command(case, "plan/signatures", {"date": day(start, 16), "by": "first_line_manager",
                                              "meeting_date": day(start, 14)})
        for n in range(22, 140, 10):
            sw.command(case, "visits", {"date": day(start, n), "child_seen": True,
                                        "seen_alone": True, "location": "home",
                                        "announced": n % 20 == 2, "purpose": "routine",
                                        "rooms_seen": ["bathroom", "kitchen", "bedroom"]})
        self.check_obligations(case, day(start, 50))
        school = ctx.client_for("partner.school")
        school.command(case, "written-updates", {"date": day(start, 58),
                                                 "meeting_date": day(start, 60),
                                                 "text": "Attendance 96%."})
        school.command(case, "scaling", {"date": day(start, 58), "meeting_date": day(start, 60),
                                         "score": 7, "rationale": "attending"})
        for n, outcome in ((60, "continue"), (120, "close")):
            sw.command(case, "meetings", {"date": day(start, n - 20), "meeting_date": day(start, n),
                                          "kind": "review", "invitees": ["P1", "N1"],
                                          "invitations_date": day(start, n - 20)})
            flm.command(case, "meeting-records", {"date": day(start, n), "kind": "review",
                                                  "chair_role": "first_line_manager",
                                                  "outcome": outcome,
                                                  "next_meeting": day(start, n + 56)})
            sw.command(case, "minutes", {"date": day(start, n + 2), "meeting_date": day(start, n)})
            self.check_obligations(case, day(start, n + 2))
        chronology = flm.get(f"/api/cases/{case}").json["chronology"]
        invited = [c for c in chronology if c["type"] == "invitations_sent"]
        self.assertEqual(invited[0]["date"], day(start, 7), "invitations dated on recording")
        recorded = [c for c in chronology if c["type"] == "meeting_recorded"]
        self.assertEqual(recorded[0]["date"], day(start, 14))
        # Each entry says who wrote it to the record and when: the manager
        # recorded the meeting, the worker the visits and the school its
        # scaling, each under their own account.
        held = [c for c in chronology if c["type"] == "meeting"]
        self.assertEqual((held[0]["recorded_by"], held[0]["recorded_by_name"]),
                         ("flm.north", "Fran North"))
        visits = [c for c in chronology if c["type"] == "visit"]
        self.assertEqual({c["recorded_by_name"] for c in visits}, {"Sam North"})
        scored = [c for c in chronology if c["type"] == "scaling_recorded"]
        self.assertEqual(scored[-1]["recorded_by"], "partner.school")
        self.assertRegex(held[0]["recorded_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        view = flm.get(f"/api/cases/{case}").json
        self.assertEqual({v["recorded_by_name"] for v in view["visits"]}, {"Sam North"})
        # Past its date and not marked done, the plan's action is overdue on
        # the worker's caseload; marked done, it is not.
        def late_actions(on):
            rows = [c for c in sw.get(f"/api/caseload?today={on}").json["cases"]
                    if c["case_id"] == case]
            self.assertEqual(len(rows), 1, f"{case} on the worker's caseload")
            return [a["action_id"] for a in rows[0]["actions_overdue"]]
        self.assertEqual(late_actions(day(start, 45)), [])
        self.assertEqual(late_actions(day(start, 46)), ["A1"])
        sw.command(case, "plan/actions-completed", {"date": day(start, 44), "action_id": "A1"})
        self.assertEqual(late_actions(day(start, 46)), [])
        plan = flm.get(f"/api/cases/{case}").json["plan"]
        self.assertTrue(plan["actions"][0]["completed"])
        # A done action is not agreed again under its id: that would undo the
        # record of it being done.
        at = flm.version(case)
        r = sw.post(f"/api/cases/{case}/plan", {
            "date": day(start, 45), "summary": "a new action",
            "actions": [{"action_id": "A1", "text": "Walk to school on Mondays", "owner": "nan",
                         "by_date": day(start, 60), "why": "mother works"}]}, version=at)
        self.assertEqual(r.status, 422, r)
        self.assertIn("Action A1 was done on", r.json["detail"])
        self.assertEqual(flm.version(case), at)
        # The family and the manager signed the plan in force; a new version,
        # even one of the day they signed, is not signed until they sign it.
        self.assertEqual([s["by"] for s in plan["signatures"]], ["family", "first_line_manager"])
        sw.command(case, "plan", {"date": day(start, 130), "summary": "a new action",
                                  "actions": [{"action_id": "A2", "outcome_id": "O1",
                                               "text": "Homework club", "owner": "school",
                                               "by_date": day(start, 160), "why": "a routine"}]})
        sw.command(case, "plan/signatures", {"date": day(start, 130), "by": "family"})
        self.assertEqual([s["by"] for s in flm.get(f"/api/cases/{case}").json["plan"]["signatures"]],
                         ["family"])
        team = flm.get("/api/caseload/team").json
        self.assertIn(case, [c["case_id"] for c in team["cases"]])
        self.assertEqual(flm.get(f"/api/search?q={case}").json["count"], 1)
        # A case id typed in small letters is the same case id.
        found = flm.get(f"/api/search?q={case.lower()}").json
        self.assertEqual((found["searched_by"], found["count"]), ("case id", 1))
        # The start of a case id finds the cases it begins.
        found = flm.get(f"/api/search?q={case[:-1]}").json
        self.assertIn(case, [c["case_id"] for c in found["cases"]])
        self.assertTrue(all(c["case_id"].startswith(case[:-1]) for c in found["cases"]))
        # The case's number alone, or its last digits, find it too.
        number = case.split("-")[-1]
        for part in (number, number[-3:], case.replace("-", "").lower()):
            found = flm.get(f"/api/search?q={part}").json
            self.assertIn(case, [c["case_id"] for c in found["cases"]], part)
        # A duty worker with only a parent's name finds the child, and is
        # told whose name it was.
        found = flm.get("/api/search?q=jo%20exam").json
        mine = [c for c in found["cases"] if c["case_id"] == case]
        self.assertEqual(len(mine), 1, found)
        self.assertEqual(mine[0]["found_by"], "Jo Example (mother)")
        shared = school.get(f"/api/cases/{case}/shared").json
        self.assertEqual(len([m for m in shared["meetings"] if m["held"]]), 3)
        flm.command(case, "closure", {"date": day(start, 140), "reason": "close",
                                      "endorsed_at": ENDORSED_AT.get(profile, "review"),
                                      "summary": "Attendance sustained; family support ends.",
                                      "views_child": "glad", "views_parents": "agree",
                                      "views_professionals": "agree"})
        after = self.check_obligations(case, day(start, 150))
        self.assertFalse(any(o["status"] in ("upcoming", "due_soon", "overdue") and
                             o.get("kind") == "recurring" for o in after),
                         "recurring duties continue after closure")
        view = ctx.client_for("flm.north").get(f"/api/cases/{case}").json
        self.assertEqual(view["closure"]["reason"], "close")
        late = sw.command(case, "notes", {"date": day(start, 150), "heading": "After", "text": "x"})
        self.assertIn("closed", " ".join(late.json["warnings"]))
        self.assertEqual(view["plan"]["outcomes"][0]["measure"], "95% attendance each half term")
        self.assertTrue(any(c["type"] == "closed" for c in view["chronology"]))
        return case

    def test_bolton(self):
        self.journey("bolton")

    def test_brighton_and_hove(self):
        self.journey("brighton-and-hove")

    def test_cin_plans_and_reviews(self):
        self.journey("cin-plans-and-reviews")

    def test_london_cyps(self):
        self.journey("london-cyps")

    def test_worcestershire(self):
        self.journey("worcestershire")


if __name__ == "__main__":
    unittest.main()
