"""Bad input on the routes: each answered with an RFC 9457 problem and a 4xx
status, and nothing written."""
import datetime
import unittest

from authority import days_ago
from context import ctx


class BadInput(unittest.TestCase):
    def setUp(self):
        self.c = ctx.client_for("flm.north")
        self.case = ctx.cases["own"]
        self.v = self.c.version(self.case)

    def tearDown(self):
        self.assertEqual(self.c.version(self.case), self.v, "a refused request wrote something")

    def problem(self, r, status):
        self.assertEqual(r.status, status, r)
        self.assertEqual(r.header("Content-Type"), "application/problem+json")
        for key in ("type", "title", "status", "detail"):
            self.assertIn(key, r.json)
        self.assertEqual(r.json["status"], status)
        return r.json

    def post(self, path, raw=None, body=None, version=None):
        h = {"If-Match": f'"{self.v if version is None else version}"'}
        if raw is not None:
            return self.c.request("POST", f"/api/cases/{self.case}/{path}", raw=raw, headers=h)
        return self.c.request("POST", f"/api/cases/{self.case}/{path}", body=body, headers=h)

    def test_malformed_json(self):
        for raw in ('{"date": ', '[1, 2]', '{"a": 1, "a": 2}', '"text"', '{"x": 1e400}'):
            self.problem(self.post("notes", raw=raw), 400)

    def test_wrong_types(self):
        p = self.problem(self.post("visits", body={"child_seen": "yes"}), 400)
        self.assertIn("child_seen", p["detail"])
        self.problem(self.post("scaling", body={"by": "school", "score": "six"}), 400)
        self.problem(self.post("scaling", body={"by": "school", "score": 11}), 400)

    def test_missing_and_unknown_fields(self):
        p = self.problem(self.post("notes", body={"text": "no heading"}), 400)
        self.assertIn("heading", p["detail"])
        p = self.problem(self.post("notes", body={"heading": "h", "text": "t", "colour": "red"}), 400)
        self.assertIn("colour", p["detail"])

    def test_control_characters_in_text_are_refused_naming_the_field(self):
        p = self.problem(self.post("notes", body={"heading": "h", "text": "before\u0000after"}), 400)
        self.assertIn("invisible control character (U+0000)", p["detail"])
        self.assertTrue(p["detail"].endswith("(text)."), p["detail"])
        p = self.problem(self.post("visits", body={"child_seen": False,
                                                   "reason_not_seen": "bell\u0007"}), 400)
        self.assertIn("control character (U+0007)", p["detail"])
        self.assertTrue(p["detail"].endswith("(reason_not_seen)."), p["detail"])
        # Line breaks and tabs are what people type.
        r = self.post("notes", body={"heading": "h", "text": "line one\n\tline two"})
        self.assertEqual(r.status, 200, r)
        self.v = r.json["version"]

    def test_impossible_and_future_dates(self):
        p = self.problem(self.post("notes", body={"date": "2025-02-30", "heading": "h", "text": "t"}), 400)
        self.assertIn("28 days", p["detail"])
        self.problem(self.post("notes", body={"date": "2999-01-01", "heading": "h", "text": "t"}), 400)

    def test_oversize_body(self):
        r = self.post("notes", raw='{"heading": "h", "text": "' + "x" * (2 << 20) + '"}')
        p = self.problem(r, 413)
        self.assertIn("at most 1", p["detail"])

    def test_unknown_case_and_unknown_route(self):
        r = self.c.post("/api/cases/C-999999/notes", {"heading": "h", "text": "t"}, version=1)
        self.problem(r, 404)
        self.problem(self.c.get("/api/cases/C-999999"), 404)
        self.problem(self.c.get("/api/no-such-thing"), 404)
        self.problem(self.c.request("PUT", f"/api/cases/{self.case}"), 405)

    def test_a_stale_version_is_409_naming_both(self):
        p = self.problem(self.post("notes", body={"heading": "h", "text": "t"}, version=self.v - 1), 409)
        self.assertIn(f"you read version {self.v - 1}", p["detail"])
        self.assertIn(f"now at version {self.v}", p["detail"])

    def test_a_write_without_a_version_is_refused(self):
        r = self.c.request("POST", f"/api/cases/{self.case}/notes", {"heading": "h", "text": "t"})
        p = self.problem(r, 400)
        self.assertIn("version", p["detail"])

    def test_wrong_media_type(self):
        r = self.c.request("POST", f"/api/cases/{self.case}/notes", raw="heading=h",
                           headers={"If-Match": f'"{self.v}"', "Content-Type": "text/plain"})
        self.problem(r, 415)

    def test_bad_query(self):
        self.problem(self.c.get("/api/caseload?today=2025-13-01"), 400)
        self.problem(self.c.get("/api/caseload?colour=red"), 400)
        self.problem(self.c.get("/api/search?q="), 400)
        # The search box sent empty says what it takes; the page opened
        # without one does not.
        empty = self.c.get("/search?q=")
        self.assertEqual(empty.status, 400, empty)
        self.assertIn("Give a name, a date of birth", empty.text)
        self.assertNotIn("govuk-error-summary", self.c.get("/search").text)
        self.problem(self.c.get("/api/oversight?months=7"), 400)
        self.problem(self.c.get("/api/cases/%ZZ"), 400)

    def test_an_address_too_long_is_answered_not_dropped(self):
        # A pasted page of text in the search box: answered 414, saying the
        # limit; the page is the GOV.UK error page.
        p = self.problem(self.c.get("/api/search?q=" + "a" * 9000), 414)
        self.assertIn("at most 8 KiB", p["detail"])
        page = self.c.get("/search?q=" + "a" * 9000)
        self.assertEqual(page.status, 414)
        self.assertIn("search with fewer words", page.text)


class ProcedureRules(unittest.TestCase):
    """Each rule the API enforces refuses the bad command, citing it, and
    writes nothing."""

    def setUp(self):
        self.c = ctx.client_for("flm.north")
        self.case = ctx.cases["own"]
        self.v = self.c.version(self.case)

    def refused(self, path, body, status=422, words=None, client=None):
        c = client or self.c
        r = c.post(f"/api/cases/{self.case}/{path}", body, version=self.v)
        self.assertEqual(r.status, status, r)
        if words:
            self.assertIn(words, r.json["detail"] + r.json.get("rule", ""))
        self.assertEqual(self.c.version(self.case), self.v, "a refused command wrote something")
        return r.json

    def test_a_review_chaired_by_the_wrong_role_quotes_the_procedure(self):
        p = self.refused("meeting-records", {"kind": "review", "chair_role": "social_worker",
                                             "outcome": "continue"})
        self.assertIn("cin-plans-and-reviews", p["rule"])
        self.assertIn('"', p["rule"])  # the sentence is quoted
        # A sentence that names the field, so that the form puts it beside
        # the chair.
        self.assertTrue(p["detail"][0].isupper(), p["detail"])
        self.assertIn("(chair_role)", p["detail"])
        # Held so all the same: recorded as it happened when the reason is
        # given, and flagged.
        r = self.c.post(f"/api/cases/{self.case}/meeting-records",
                        {"kind": "review", "chair_role": "social_worker", "outcome": "continue",
                         "departure_reason": "The Team Manager was ill and it could not wait."},
                        version=self.v)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(any(w.startswith("Recorded as it happened, against the procedure")
                            for w in r.json["warnings"]), r.json)
        self.v = self.c.version(self.case)

    def test_the_next_meeting_is_after_this_one_and_within_the_year(self):
        today = datetime.date.today()
        meeting = {"kind": "initial", "chair_role": "first_line_manager", "outcome": "continue",
                   "date": today.isoformat()}
        for next_at, words in ((today, "is not after this one"),
                               (today + datetime.timedelta(days=800), "more than a year after")):
            p = self.refused("meeting-records", dict(meeting, next_meeting=next_at.isoformat()),
                             status=400, words=words)
            self.assertIn("(next_meeting)", p["detail"])

    def test_an_exclusion_needs_a_manager_and_an_alternative(self):
        self.refused("meeting-records", {"kind": "initial", "chair_role": "first_line_manager",
                                         "exclusions": [{"person": "father", "reason": "risk"}]},
                     words="endorsement")
        # Brighton and Hove: "An alternative forum to gain the views of an
        # excluded parent should be found." Refused there without one.
        r = self.c.post("/api/cases", {"profile": "brighton-and-hove", "child": {"name": "Bri Ton"}})
        self.assertEqual(r.status, 201, r)
        brighton, at = r.json["case_id"], r.json["version"]
        r = self.c.post(f"/api/cases/{brighton}/exclusions", {"person": "father", "reason": "risk"},
                        version=at)
        self.assertEqual(r.status, 422, r)
        self.assertIn("views", r.json["detail"])
        self.assertIn("exclude a family member", r.json["rule"])
        self.assertEqual(self.c.version(brighton), at)
        # Where the procedure does not say it, the exclusion is recorded and
        # the missing alternative flagged.
        r = self.c.post("/api/cases", {"profile": "london-cyps", "child": {"name": "Lon Don"}})
        london, at = r.json["case_id"], r.json["version"]
        r = self.c.post(f"/api/cases/{london}/exclusions", {"person": "father", "reason": "risk"},
                        version=at)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(any("views" in w for w in r.json["warnings"]), r.json)
        # Invited all the same to the next meeting: flagged, since the
        # distribution list would reach him.
        r = self.c.post(f"/api/cases/{london}/meetings",
                        {"kind": "initial",
                         "meeting_date": (datetime.date.today()
                                          + datetime.timedelta(days=48)).isoformat(),
                         "invitees": ["father", "school"]}, version=r.json["version"])
        self.assertEqual(r.status, 200, r)
        self.assertTrue(any("father is excluded from this meeting" in w
                            for w in r.json["warnings"]), r.json)
        # The endorsement is the caller's: a worker may not make it.
        worker = ctx.client_for("sw.north")
        r = worker.post(f"/api/cases/{self.case}/exclusions",
                        {"person": "father", "reason": "risk", "alternative": "seen alone"},
                        version=self.v)
        self.assertEqual(r.status, 403, r)

    def test_a_plan_action_needs_an_owner_a_date_and_a_reason(self):
        self.refused("plan", {"actions": [{"action_id": "A1", "text": "Walk to school",
                                           "owner": "mother", "by_date": "2026-12-31"}]},
                     words="why")
        self.refused("plan", {"actions": [{"action_id": "A1", "text": "Walk to school",
                                           "by_date": "2026-12-31", "why": "attendance"}]},
                     status=400, words="owner")

    def test_visits_less_often_than_the_procedure_allows_are_refused(self):
        p = self.refused("plan", {"visiting_frequency_days": 90}, words="less often")
        self.assertIn("visit", p["rule"])

    def test_a_closure_must_be_endorsed_with_the_closing_summary(self):
        self.refused("closure", {"reason": "close", "summary": "done", "views_child": "happy",
                                 "views_parents": "agree", "views_professionals": "agree"},
                     words="endorsed")
        self.refused("closure", {"reason": "close", "endorsed_at": "review"},
                     words="missing: summary, views_child, views_parents, views_professionals")

    def test_a_worker_may_not_strike_out_a_managers_decision(self):
        flm = ctx.client_for("flm.north")
        r = flm.command(self.case, "plan-decision", {})
        decided_at = r.json["version"]
        self.v = decided_at
        sw = ctx.client_for("sw.north")
        p = self.refused("corrections", {"corrects": decided_at, "reason": "testing"},
                         status=403, client=sw)
        self.assertIn("plan_decided", p["detail"])
        p = self.refused("corrections", {"corrects": 3, "reason": "testing"}, status=403,
                         client=sw)  # event 3 is the allocation
        self.assertIn("worker_allocated", p["detail"])

    def test_a_first_line_manager_allocates_within_their_team(self):
        self.refused("allocation", {"username": "sw.south"}, status=403, words="own team")

    def test_a_transfer_needs_consent_or_a_reason(self):
        self.refused("transfer-out", {"to_authority": "Another Council"}, words="consent")

    def test_supervision_order_limits(self):
        # A first order is for one year (Children Act 1989 Sch. 3 para 6(1)),
        # extended to three years in all at most.
        p = self.refused("supervision-order", {"date": "2024-01-10", "end": "2025-06-01"},
                         words="ends by 2025-01-09, one year from the day it was made")
        self.assertIn("Schedule 3, paragraph 6(1)", p["rule"])

    def test_a_worker_may_not_make_a_manager_decision(self):
        sw = ctx.client_for("sw.north")
        r = sw.post(f"/api/cases/{self.case}/plan-decision", {}, version=self.v)
        self.assertEqual(r.status, 403)
        self.assertIn("social worker", r.json["detail"])

    def test_the_escalation_chain_is_followed(self):
        self.refused("escalations", {"to_role": "head_of_service", "reason": "disagree"},
                     words="The next step of the escalation (to_role) is the team manager")

    def test_a_manager_who_disagrees_with_the_iro_says_why(self):
        p = self.refused("iro-response", {"meeting_date": days_ago(30), "agrees": False},
                         words="Say why you disagree with the IRO's recommendations (reason)")
        self.assertIn("Should there be a disagreement", p["rule"])

    def test_a_visit_says_why_the_child_was_not_seen_or_was_seen_away_from_home(self):
        p = self.refused("visits", {"child_seen": False}, status=400, words="reason_not_seen")
        self.assertIn("cin-plans-and-reviews", p["rule"])
        self.refused("visits", {"child_seen": True, "seen_alone": True, "location": "school"},
                     status=400, words="reason_outside_home")
        # Every problem found in a visit comes back together, each with its rule.
        p = self.refused("visits", {"child_seen": False, "seen_alone": True}, status=400,
                         words="reason_not_seen")
        self.assertEqual([q["detail"] for q in p["problems"]], [
            "Say why the child was not seen (reason_not_seen).",
            "The child was not seen, so they cannot have been seen alone (seen_alone)."])
        self.assertTrue(all(q["rule"] for q in p["problems"]))

    def test_a_date_typed_a_digit_wrong_is_refused_or_flagged_in_words(self):
        born = self.c.get(f"/api/cases/{self.case}").json["child"].get("date_of_birth")
        self.assertTrue(born)
        p = self.refused("visits", {"date": "1990-01-01", "child_seen": True, "seen_alone": True,
                                    "location": "home"}, status=400, words="before the child was born")
        self.assertIn("1 January 1990", p["detail"])
        # Before the record begins, but after the birth: recorded, and flagged.
        first = min(e["date"] for e in self.c.get(f"/api/cases/{self.case}").json["chronology"])
        day = max(born, "2000-01-01")
        self.assertLess(day, first)
        r = self.c.post(f"/api/cases/{self.case}/notes", {"date": day, "heading": "old call",
                                                          "text": "typed the year wrong"},
                        version=self.v)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(any("before this case's record begins" in w for w in r.json["warnings"]),
                        r.json)

    def test_sharing_consent_names_the_agency(self):
        self.refused("consent", {"given": True, "scope": "information_sharing"}, status=400,
                     words="agency")

    def test_an_invitation_carries_the_distribution_list(self):
        self.refused("invitations", {"meeting_date": "2026-12-20", "distribution_list": False},
                     status=400, words="distribution list")
        # Invitations dated after the meeting they invite to.
        self.refused("invitations", {"date": "2026-12-02", "meeting_date": "2026-11-01",
                                     "invitees": ["mother"]},
                     status=400, words="after the meeting on 1 November 2026")

    def test_only_a_manager_signs_as_the_manager(self):
        sw = ctx.client_for("sw.north")
        self.refused("plan/signatures", {"by": "first_line_manager"}, status=403,
                     words="manager", client=sw)

    def test_only_a_service_manager_records_their_review_decision(self):
        self.refused("service-manager-decision", {"decision": "continue"}, status=403,
                     words="service manager")

    def test_a_plan_action_is_not_due_before_the_plan_agrees_it(self):
        p = self.refused("plan", {"summary": "typed the year wrong",
                                  "actions": [{"action_id": "A7", "text": "Refer to family support",
                                               "owner": "social worker", "by_date": "2020-01-01",
                                               "why": "support at home"}]},
                         words="is to be done by 1 January 2020, before this version")
        self.assertIn("by_date", p["detail"])

    def test_an_outcome_goes_from_the_plan_only_with_the_actions_still_serving_it(self):
        r = self.c.post(f"/api/cases/{self.case}/plan", {
            "summary": "an outcome and its action",
            "outcomes": [{"outcome_id": "O5", "text": "Teeth checked", "measure": "seen"}],
            "actions": [{"action_id": "A5", "outcome_id": "O5", "text": "Book the dentist",
                         "owner": "mother", "by_date": datetime.date.today().isoformat(),
                         "why": "pain"}]}, version=self.v)
        self.assertEqual(r.status, 200, r)
        self.v = self.c.version(self.case)
        p = self.refused("plan", {"summary": "achieved",
                                  "outcomes_removed": [{"outcome_id": "O5"}]},
                         words="is served by action A5, still to do")
        self.assertIn("(outcomes_removed)", p["detail"])
        self.refused("plan", {"summary": "x", "actions_removed": [{"action_id": "A404"}]},
                     status=404, words="no action A404")
        r = self.c.post(f"/api/cases/{self.case}/plan", {
            "summary": "achieved", "outcomes_removed": [{"outcome_id": "O5"}],
            "actions_removed": [{"action_id": "A5", "reason": "done privately"}]},
            version=self.v)
        self.assertEqual(r.status, 200, r)
        plan = self.c.get(f"/api/cases/{self.case}").json["plan"]
        self.assertNotIn("O5", [o["outcome_id"] for o in plan["outcomes"]])
        self.assertNotIn("A5", [a["action_id"] for a in plan["actions"]])

    def test_a_new_plan_version_is_not_dated_before_the_one_in_force(self):
        today = datetime.date.today()
        r = self.c.post(f"/api/cases/{self.case}/plan",
                        {"date": today.isoformat(), "summary": "the version in force"},
                        version=self.v)
        self.assertEqual(r.status, 200, r)
        self.v = self.c.version(self.case)
        earlier = (today - datetime.timedelta(days=30)).isoformat()
        self.refused("plan", {"date": earlier, "summary": "an older version"},
                     words="cannot be dated before that")

    def test_nothing_but_notes_and_corrections_goes_on_a_case_after_its_closure(self):
        # A case of its own, closed at a review: a visit after the closure is
        # refused, one before it (recorded late) is not, a note still is.
        c = ctx.client_for("flm.north")
        r = c.post("/api/cases", {"child": {"name": "Nell Closer", "date_of_birth": "2015-05-05"},
                                  "referral": {"date": days_ago(40), "source": "school"}})
        self.assertEqual(r.status, 201, r)
        case = r.json["case_id"]
        c.command(case, "allocation", {"username": "sw.north", "date": days_ago(39)})
        c.command(case, "closure", {"date": days_ago(10), "reason": "close",
                                    "endorsed_at": "review", "summary": "No further action.",
                                    "views_child": "glad", "views_parents": "agree",
                                    "views_professionals": "agree"})
        at = c.version(case)
        r = c.post(f"/api/cases/{case}/visits", {"date": days_ago(2), "child_seen": True,
                                                 "seen_alone": True, "location": "home"},
                   version=at)
        self.assertEqual(r.status, 422, r)
        self.assertIn("This case was closed on", r.json["detail"])
        self.assertIn("refer them again", r.json["detail"])
        self.assertEqual(c.version(case), at)
        r = c.post(f"/api/cases/{case}/visits", {"date": days_ago(12), "child_seen": True,
                                                 "seen_alone": True, "location": "home"},
                   version=at)
        self.assertEqual(r.status, 200, r)
        r = c.post(f"/api/cases/{case}/notes", {"date": days_ago(1), "heading": "Call",
                                                "text": "Mother phoned to say thank you."},
                   version=c.version(case))
        self.assertEqual(r.status, 200, r)

    def test_an_action_completed_must_be_on_the_plan(self):
        self.refused("plan/actions-completed", {"action_id": "A99"}, status=404, words="A99")

    def test_a_partner_records_in_their_own_name(self):
        school = ctx.client_for("partner.school")
        self.refused("written-updates", {"by": "Someone Else", "text": "x"}, status=400,
                     words="leave it out", client=school)

    def test_an_outcome_not_in_the_profile(self):
        # London CYPS lists four outcomes; "looked after" is not one of them.
        r = self.c.post("/api/cases", {"profile": "london-cyps", "child": {"name": "Lon Don"}})
        self.assertEqual(r.status, 201, r)
        london = r.json["case_id"]
        r = self.c.post(f"/api/cases/{london}/meeting-records",
                        {"kind": "initial", "chair_role": "first_line_manager",
                         "outcome": "looked_after"}, version=r.json["version"])
        self.assertEqual(r.status, 422, r)
        self.assertIn("outcomes", r.json["detail"])
        self.assertEqual(self.c.version(london), 1)
        self.refused("meeting-records", {"kind": "initial", "chair_role": "first_line_manager",
                                         "outcome": "adopted"}, status=400, words="outcome")


if __name__ == "__main__":
    unittest.main()
