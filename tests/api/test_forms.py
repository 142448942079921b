"""The pages' forms over real HTTP (issue 9): record a visit and add a case
note as a browser sends them (application/x-www-form-urlencoded, the CSRF
token as a field), on the backend run.py was given. What a refusal, a
conflict or an ended session does with what was typed: nothing is written,
and nothing typed is lost."""
import datetime
import html
import os
import re
import sqlite3
import subprocess
import time
import unittest
import urllib.parse

from authority import register
from context import ctx

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def today():
    return datetime.date.today()


def post_form(client, path, fields, csrf=None):
    body = dict(fields)
    body["csrf_token"] = client.csrf if csrf is None else csrf
    return client.request("POST", path, raw=urllib.parse.urlencode(body), headers=dict(FORM),
                          csrf=False)


def hidden(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % name, page.text)
    assert m, f"no hidden {name} in {page}"
    return m.group(1)


def summary(page):
    """The GOV.UK error summary's links: [(href, text)]."""
    return [(h, html.unescape(t)) for h, t in
            re.findall(r'<li><a href="(#[^"]+)">([^<]+)</a></li>', page.text)]


def visit(version, **fields):
    d = today()
    out = {"version": str(version), "date-day": str(d.day), "date-month": str(d.month),
           "date-year": str(d.year)}
    out.update(fields)
    return out


def age_session(cookie):
    """Makes the session look idle for two hours, in the database itself."""
    import hashlib  # noqa: F401  (the digest is the server's; match on every row instead)
    old = (datetime.datetime.utcnow() - datetime.timedelta(hours=2)).strftime(
        "%Y-%m-%dT%H:%M:%S.000Z")
    if ctx.db.startswith("sqlite:"):
        con = sqlite3.connect(ctx.db[len("sqlite:"):], timeout=10)
        con.execute("UPDATE sessions SET last_seen = ? WHERE username = 'sw.north'", (old,))
        con.commit()
        con.close()
    else:
        psql = os.path.join(os.environ.get("CINPLAN_PGBIN", "/usr/lib/postgresql/15/bin"), "psql")
        subprocess.run([psql, ctx.db, "-qc",
                        f"UPDATE sessions SET last_seen = '{old}' WHERE username = 'sw.north'"],
                       check=True)
    time.sleep(5.5)  # past the server's few seconds of trusting a session it has seen


class FormsTest(unittest.TestCase):
    def assertIn(self, member, container, msg=None):  # noqa: N802  (short messages)
        if isinstance(container, str) and member not in container:
            self.fail(msg or f"{member!r} is not in the page ({len(container)} characters)")
        super().assertIn(member, container, msg)

    def assertNotIn(self, member, container, msg=None):  # noqa: N802
        if isinstance(container, str) and member in container:
            self.fail(msg or f"{member!r} is in the page")
        super().assertNotIn(member, container, msg)

    @classmethod
    def setUpClass(cls):
        north = ctx.server.client()
        assert north.sign_in("flm.north").status == 200
        cls.case = register(north, "Fern Forms")
        north.command(cls.case, "allocation", {"username": "sw.north",
                                               "date": today().isoformat()})

    def worker(self):
        return ctx.fresh_client("sw.north")

    def version(self):
        return ctx.client_for("flm.north").version(self.case)

    def test_a_visit_is_recorded_from_the_form_and_shown_on_the_case(self):
        c = self.worker()
        form = c.get(f"/cases/{self.case}/visit")
        self.assertEqual(form.status, 200, form)
        self.assertIn("Record a visit", form.text)
        # The date is today's unless changed.
        self.assertIn(f'id="date-day" name="date-day" type="text" inputmode="numeric" '
                      f'value="{today().day}"', form.text)
        v = int(hidden(form, "version"))
        self.assertEqual(v, self.version())
        r = post_form(c, f"/cases/{self.case}/visit", visit(
            v, child_seen="yes", seen_alone="yes", location="home", announced="no",
            purpose="routine", **{"rooms_seen-bedroom": "yes", "rooms_seen-kitchen": "yes",
                                  "notes": "Fern showed me her room.\nShe said: \"I like "
                                           "my new school\"."}))
        self.assertEqual(r.status, 303, r)
        self.assertEqual(r.header("Location"), f"/cases/{self.case}?recorded=visit")
        self.assertEqual(self.version(), v + 1)
        page = c.get(r.header("Location"))
        self.assertIn("The visit is recorded.", page.text)
        self.assertIn("She said: &quot;I like my new school&quot;.", page.text)
        seen = ctx.client_for("flm.north").get(f"/api/cases/{self.case}").json["visits"][-1]
        self.assertEqual(seen["rooms_seen"], ["bedroom", "kitchen"])
        self.assertFalse(seen["announced"])
        self.assertEqual(seen["date"], today().isoformat())

    def test_a_meeting_is_arranged_checked_and_recorded_from_the_forms(self):
        c = self.worker()
        form = c.get(f"/cases/{self.case}/meeting/arrange")
        self.assertEqual(form.status, 200, form)
        # The profile's own name of the meeting.
        self.assertIn("Child in Need Planning Meeting", form.text)
        v = int(hidden(form, "version"))
        d = today()
        when = {"kind": "initial", "meeting_date-day": str(d.day),
                "meeting_date-month": str(d.month), "meeting_date-year": str(d.year),
                "other_invitees": "Sam Lee, youth worker", "invitations_date-day": str(d.day),
                "invitations_date-month": str(d.month), "invitations_date-year": str(d.year)}
        # The child is invited with the network.
        self.assertIn('name="invite-child"', form.text)
        # No one invited, a date gone or years ahead: refused, nothing written.
        nobody = dict(when, version=str(v), other_invitees="")
        r = post_form(c, f"/cases/{self.case}/meeting/arrange", nobody)
        self.assertEqual(r.status, 400, r)
        self.assertEqual(summary(r)[0][0], "#invite")
        self.assertIn("Choose who is invited", summary(r)[0][1])
        for year, words in ((d.year + 3, "more than a year after"), (d.year - 1, "before the day")):
            r = post_form(c, f"/cases/{self.case}/meeting/arrange",
                          dict(when, version=str(v), **{"meeting_date-year": str(year)}))
            self.assertEqual(r.status, 400, r)
            self.assertEqual(summary(r)[0][0], "#meeting_date-day")
            self.assertIn(words, summary(r)[0][1])
        self.assertEqual(self.version(), v)
        # The check, and more rows, write nothing.
        r = post_form(c, f"/cases/{self.case}/meeting/arrange", dict(when, version=str(v),
                                                                      check="yes"))
        self.assertEqual(r.status, 200, r)
        self.assertIn("Nothing is recorded yet.", r.text)
        self.assertEqual(self.version(), v)
        r = post_form(c, f"/cases/{self.case}/meeting/arrange", dict(when, version=str(v)))
        self.assertEqual(r.status, 303, r)
        self.assertTrue(r.header("Location").startswith(f"/cases/{self.case}?recorded=arranged"))
        record = c.get(f"/cases/{self.case}")
        self.assertIn("Arranged", record.text)
        v = self.version()
        meeting = {"version": str(v), "kind": "initial", "date-day": str(d.day),
                   "date-month": str(d.month), "date-year": str(d.year),
                   "chair_role": "first_line_manager",
                   "att-1-name": "Dana Forms", "att-1-who": "mother", "att-1-family": "yes",
                   "att-1-came": "present", "att-2-name": "R. Patel", "att-2-who": "school",
                   "att-2-came": "report", "scale-1-by": "school", "scale-1-score": "4",
                   "scale-1-rationale": "two missed weeks", "worries": "attendance\nsleep"}
        r = post_form(c, f"/cases/{self.case}/meeting", dict(meeting, more_rows="yes"))
        self.assertEqual(r.status, 200, r)
        self.assertIn('name="att-6-name"', r.text)
        self.assertEqual(self.version(), v)
        r = post_form(c, f"/cases/{self.case}/meeting", dict(meeting, **{"scale-1-score": "ten"}))
        self.assertEqual(r.status, 400, r)
        self.assertIn("two missed weeks", r.text)
        self.assertEqual(self.version(), v)
        r = post_form(c, f"/cases/{self.case}/meeting", meeting)
        self.assertEqual(r.status, 303, r)
        events = ctx.client_for("flm.north").get(f"/api/cases/{self.case}").json["chronology"]
        kinds = [e["type"] for e in events if e["event"] > v]
        self.assertEqual(kinds, ["meeting", "attendance_recorded", "scaling_recorded",
                                 "meeting_recorded"])
        # A worker may not endorse an exclusion; the form is a manager's.
        self.assertEqual(c.get(f"/cases/{self.case}/exclusion").status, 403)
        self.assertEqual(ctx.fresh_client("flm.north").get(f"/cases/{self.case}/exclusion").status,
                         200)

    def test_a_review_chaired_by_the_wrong_role_is_refused_beside_the_chair(self):
        c = self.worker()
        d = today()
        form = c.get(f"/cases/{self.case}/meeting")
        fields = {"version": hidden(form, "version"), "kind": "review", "date-day": str(d.day),
                  "date-month": str(d.month), "date-year": str(d.year),
                  "chair_role": "social_worker", "outcome": "continue"}
        r = post_form(c, f"/cases/{self.case}/meeting", fields)
        self.assertEqual(r.status, 422, r)
        (href, words), = summary(r)
        self.assertEqual(href, "#chair_role")
        self.assertTrue(words[0].isupper(), words)
        self.assertNotIn("(chair_role)", words)
        # The rule is cited by the document's name, not the profile's ids.
        why = html.unescape(re.search(r"Why this is asked: ([^<]+)<", r.text).group(1))
        self.assertTrue(why.startswith("Child in Need Plans and Reviews: \""), why)
        self.assertNotIn("review_chair", why)
        # The form then asks why, and with the reason it is recorded as held.
        self.assertIn('name="departure_reason"', r.text)
        r = post_form(c, f"/cases/{self.case}/meeting",
                      dict(fields, departure_reason="The Team Manager was ill; it could not wait"))
        self.assertEqual(r.status, 303, r)
        self.assertIn("flagged=1", r.header("Location"))
        # Afterwards the case still says so: who chaired, and why not as
        # the procedure asks, on the meeting and in the chronology.
        page = html.unescape(c.get(f"/cases/{self.case}").text)
        self.assertIn("Not as the procedure asks</strong>", page)
        self.assertIn("Why: The Team Manager was ill; it could not wait", page)
        self.assertIn("not as the procedure asks: The Team Manager was ill", page)
        self.assertRegex(page, r"chaired by the [a-z ]*social worker")

    def test_a_meeting_arranged_is_cancelled_from_its_form(self):
        flm = ctx.client_for("flm.north")
        on = (today() + datetime.timedelta(days=30)).isoformat()
        flm.command(self.case, "meetings", {"kind": "review", "meeting_date": on,
                                            "venue": "the family centre",
                                            "invitees": ["Dana Forms (mother)"]})
        c = self.worker()
        page = c.get(f"/cases/{self.case}")
        self.assertIn(f'href="/cases/{self.case}/meeting/cancel"', page.text)
        # The meeting arranged says who was invited.
        self.assertIn("Invited: Dana Forms (mother)", html.unescape(page.text))
        form = c.get(f"/cases/{self.case}/meeting/cancel")
        self.assertEqual(form.status, 200, form)
        self.assertIn(f'value="{on} review"', form.text)
        d = today()
        fields = {"version": hidden(form, "version"), "meeting": f"{on} review",
                  "date-day": str(d.day), "date-month": str(d.month), "date-year": str(d.year)}
        v = self.version()
        r = post_form(c, f"/cases/{self.case}/meeting/cancel", fields)
        self.assertEqual(r.status, 400, r)
        self.assertEqual(summary(r), [("#reason", "Say why it is not going ahead")])
        self.assertEqual(self.version(), v)
        r = post_form(c, f"/cases/{self.case}/meeting/cancel",
                      dict(fields, reason="The mother is in hospital that week"))
        self.assertEqual(r.status, 303, r)
        self.assertIn("recorded=cancelled", r.header("Location"))
        view = flm.get(f"/api/cases/{self.case}").json
        self.assertNotIn(on, [m["meeting_date"] for m in view["meetings_arranged"]])
        self.assertEqual(view["chronology"][-1]["type"], "meeting_cancelled")
        # Cancelled once, it is not cancelled again.
        r = flm.post(f"/api/cases/{self.case}/meetings-cancelled",
                     {"meeting_date": on, "kind": "review", "reason": "again"},
                     version=self.version())
        self.assertEqual(r.status, 404, r)
        self.assertIn("cancelled already", r.json["detail"])

    def test_a_refused_form_writes_nothing_and_keeps_every_word(self):
        c = self.worker()
        v = int(hidden(c.get(f"/cases/{self.case}/visit"), "version"))
        words = "Knocked twice; a neighbour said the family is away until Friday."
        fields = visit(v, child_seen="no", notes=words)
        fields.update({"date-day": "31", "date-month": "11"})
        r = post_form(c, f"/cases/{self.case}/visit", fields)
        self.assertEqual(r.status, 400, r)
        # The form's own problem and the procedure's come together, not in
        # rounds: say why the child was not seen, beside that input, in
        # words (no API field names).
        self.assertEqual(summary(r), [
            ("#date-day", f"The date of the visit: November {today().year} has 30 days, not 31"),
            ("#reason_not_seen", "Say why the child was not seen.")])
        self.assertIn('id="reason_not_seen-error"', r.text)
        self.assertIn(words, r.text)
        self.assertEqual(self.version(), v)
        # A question not answered holds back what depends on its answer.
        r = post_form(c, f"/cases/{self.case}/visit",
                      {k: x for k, x in fields.items() if k != "child_seen"})
        self.assertEqual([h for h, _ in summary(r)], ["#date-day", "#child_seen"])
        self.assertEqual(self.version(), v)
        # The date mended, the procedure's rule alone.
        fields["date-day"] = str(today().day)
        fields["date-month"] = str(today().month)
        r = post_form(c, f"/cases/{self.case}/visit", fields)
        self.assertEqual(r.status, 400, r)
        self.assertEqual(summary(r), [("#reason_not_seen", "Say why the child was not seen.")])
        self.assertIn('id="reason_not_seen-error"', r.text)
        self.assertIn(words, r.text)
        self.assertEqual(self.version(), v)
        # Every problem the procedure's check finds is listed at once.
        r = post_form(c, f"/cases/{self.case}/visit", dict(fields, seen_alone="yes"))
        self.assertEqual(r.status, 400, r)
        self.assertEqual(summary(r), [
            ("#reason_not_seen", "Say why the child was not seen."),
            ("#seen_alone", "The child was not seen, so they cannot have been seen alone.")])
        self.assertEqual(self.version(), v)
        # Coming back to the form later finds it as it was left.
        again = self.worker().get(f"/cases/{self.case}/visit")
        self.assertIn("What you typed was kept", again.text)
        self.assertIn(words, again.text)
        self.assertIn('value="no" checked', again.text)
        # Starting again lets it go.
        r = post_form(c, f"/cases/{self.case}/visit", {"discard_draft": "yes"})
        self.assertEqual(r.status, 303, r)
        self.assertNotIn(words, c.get(f"/cases/{self.case}/visit").text)

    def test_a_change_by_someone_else_shows_what_changed_and_keeps_the_entry(self):
        c = self.worker()
        v = int(hidden(c.get(f"/cases/{self.case}/visit"), "version"))
        ctx.client_for("flm.north").command(self.case, "notes", {
            "date": today().isoformat(), "heading": "Call from school",
            "text": "Attendance is up."})
        words = "Seen at home with her brother."
        r = post_form(c, f"/cases/{self.case}/visit", visit(v, child_seen="yes", notes=words))
        self.assertEqual(r.status, 409, r)
        self.assertIn("The case changed while you were typing.", r.text)
        self.assertIn("a case note", r.text[:20000])
        self.assertIn(", recorded by ", r.text)
        self.assertNotIn("recorded by you", r.text)
        self.assertIn(words, r.text)
        self.assertEqual(int(hidden(r, "version")), v + 1)
        self.assertEqual(self.version(), v + 1)
        # Sent again from that page, it is recorded.
        again = {k: v2 for k, v2 in visit(v + 1, child_seen="yes", notes=words).items()}
        r = post_form(c, f"/cases/{self.case}/visit", again)
        # Recorded; and since it says nothing of whether the child was seen
        # alone, that is flagged on the case page it goes to, once: reloading
        # that page sends nothing again.
        self.assertEqual(r.status, 303, r)
        self.assertEqual(r.header("Location"), f"/cases/{self.case}?recorded=visit&flagged=1")
        page = c.get(r.header("Location"))
        self.assertIn("Recorded, and flagged:", page.text)
        self.assertIn("whether the child was seen alone was not recorded", page.text)
        again = c.get(r.header("Location"))
        self.assertIn("The visit is recorded.", again.text)
        self.assertNotIn("Recorded, and flagged:", again.text)
        self.assertEqual(self.version(), v + 2)
        # The worker's own change in another tab is said to be theirs.
        v = self.version()
        ctx.client_for("sw.north").command(self.case, "notes", {
            "date": today().isoformat(), "heading": "Text from mum", "text": "Running late."})
        r = post_form(c, f"/cases/{self.case}/visit", visit(v, child_seen="yes", notes=words))
        self.assertEqual(r.status, 409, r)
        self.assertIn("in another tab or window of yours", r.text)
        self.assertIn("recorded by you", r.text)
        # The entry kept from that conflict is let go, for the tests after.
        self.assertEqual(post_form(c, f"/cases/{self.case}/visit",
                                   {"discard_draft": "yes"}).status, 303)

    def test_a_form_sent_after_the_session_ended_is_kept_for_after_sign_in(self):
        c = self.worker()
        v = int(hidden(c.get(f"/cases/{self.case}/note"), "version"))
        words = "Mum rang: the housing visit is moved to Tuesday."
        fields = {"version": str(v), "date-day": str(today().day),
                  "date-month": str(today().month), "date-year": str(today().year),
                  "heading": "Housing", "text": words}
        # Someone else's page cannot plant a draft: the token must be the session's.
        stranger = self.worker()
        age_session(c.cookie)
        r = post_form(stranger, f"/cases/{self.case}/note", fields, csrf="forged")
        self.assertEqual(r.status, 303, r)
        self.assertNotIn("kept=1", r.header("Location"))
        r = post_form(c, f"/cases/{self.case}/note", fields)
        self.assertEqual(r.status, 303, r)
        self.assertEqual(r.header("Location"),
                         f"/sign-in?next=/cases/{self.case}/note&ended=1&kept=1")
        self.assertEqual(self.version(), v)
        sign_in = c.get(r.header("Location"))
        self.assertIn("What you typed was kept", sign_in.text)
        c2 = self.worker()
        page = c2.get(f"/cases/{self.case}/note")
        self.assertIn("Your session ended before it was sent", page.text)
        self.assertIn(words, page.text)
        r = post_form(c2, f"/cases/{self.case}/note", pages_fields(page))
        self.assertEqual(r.status, 303, r)
        self.assertEqual(self.version(), v + 1)
        notes = ctx.client_for("flm.north").get(f"/api/cases/{self.case}").json["notes"]
        self.assertEqual(notes[-1]["text"], words)

    def test_the_plan_is_written_checked_and_signed_from_its_forms(self):
        c = self.worker()
        form = c.get(f"/cases/{self.case}/plan")
        self.assertEqual(form.status, 200, form)
        self.assertIn("Write the plan", form.text)
        fields = pages_fields(form)
        v = int(fields["version"])
        d = today() + datetime.timedelta(days=14)
        fields.update({"summary": "Agreed at the initial meeting",
                       "outcome-1-text": "Fern is at school every day",
                       "action-1-text": "Walk Fern to school", "action-1-owner": "Mum",
                       "action-1-by-day": str(d.day), "action-1-by-month": str(d.month),
                       "action-1-by-year": str(d.year)})
        # The SMART check: an action without a reason is refused beside it.
        r = post_form(c, f"/cases/{self.case}/plan", fields)
        self.assertEqual(r.status, 400, r)
        self.assertEqual(summary(r), [("#action-1-why", "Action 1: say why it will help")])
        fields["action-1-why"] = "So she is there on time"
        # An outcome with nothing to measure it by is flagged, nothing recorded...
        r = post_form(c, f"/cases/{self.case}/plan", dict(fields, check="yes"))
        self.assertEqual(r.status, 200, r)
        self.assertIn("has nothing to measure it by", r.text)
        self.assertEqual(self.version(), v)
        r = post_form(c, f"/cases/{self.case}/plan", fields)
        self.assertIn("Record it as it is", r.text)
        self.assertEqual(self.version(), v)
        # ... and mended, it passes the check and is recorded.
        fields["outcome-1-measure"] = "Attendance above 95% this term"
        r = post_form(c, f"/cases/{self.case}/plan", dict(fields, check="yes"))
        self.assertIn("The check found nothing to change", r.text)
        r = post_form(c, f"/cases/{self.case}/plan", fields)
        self.assertEqual(r.status, 303, r)
        plan = ctx.client_for("flm.north").get(f"/api/cases/{self.case}").json["plan"]
        self.assertEqual([o["measure"] for o in plan["outcomes"]],
                         ["Attendance above 95% this term"])
        self.assertEqual(plan["actions"][0]["by_date"], d.isoformat())
        # The next version shows what was agreed; sent back unchanged, it is
        # not agreed again.
        form = c.get(f"/cases/{self.case}/plan")
        self.assertIn("Change the plan", form.text)
        self.assertIn("Walk Fern to school", form.text)
        again = pages_fields(form)
        # Sent back as it was, it is no new version.
        r = post_form(c, f"/cases/{self.case}/plan", again)
        self.assertEqual(r.status, 400, r)
        self.assertIn("Nothing in the plan has changed", summary(r)[0][1])
        again["contingency"] = "A referral to early help if attendance falls"
        r = post_form(c, f"/cases/{self.case}/plan", again)
        self.assertEqual(r.status, 303, r)
        after = ctx.client_for("flm.north").get(f"/api/cases/{self.case}").json
        self.assertEqual(after["plan_versions"], 2)
        self.assertEqual(after["plan"]["settings"]["contingency"],
                         "A referral to early help if attendance falls")
        # Only the contingency changed: the outcome and action were not sent again.
        diff = ctx.client_for("flm.north").get(
            f"/api/cases/{self.case}/plan/versions?from=1&to=2").json
        self.assertEqual([d["setting"] for d in diff["changes"]["settings"]], ["contingency"])
        self.assertEqual(diff["changes"]["outcomes"]["changed"], [])
        self.assertEqual(diff["changes"]["actions"]["changed"], [])
        # Signed by the family; a worker may not sign as the manager.
        form = c.get(f"/cases/{self.case}/plan/signature")
        sig = {"version": hidden(form, "version"), "date-day": str(today().day),
               "date-month": str(today().month), "date-year": str(today().year)}
        self.assertIn('value="family"', form.text)
        self.assertNotIn('value="first_line_manager"', form.text, "offered to a worker")
        r = post_form(c, f"/cases/{self.case}/plan/signature", dict(sig, by="first_line_manager"))
        self.assertEqual(r.status, 400, r)
        self.assertEqual(summary(r), [("#by", "Only a manager may record the manager's "
                                              "signature: choose who signed")])
        manager_form = ctx.fresh_client("flm.north").get(f"/cases/{self.case}/plan/signature")
        self.assertIn('value="first_line_manager"', manager_form.text)
        # Nor may a signature be dated before the version it signs.
        early = dict(sig, by="family")
        yesterday = today() - datetime.timedelta(days=1)
        early.update({"date-day": str(yesterday.day), "date-month": str(yesterday.month),
                      "date-year": str(yesterday.year)})
        r = post_form(c, f"/cases/{self.case}/plan/signature", early)
        self.assertEqual(r.status, 400, r)
        self.assertEqual(summary(r)[0][0], "#date-day")
        self.assertIn("cannot be dated before that", summary(r)[0][1])
        r = post_form(c, f"/cases/{self.case}/plan/signature",
                      dict(sig, by="family", name="Sarah Hale"))
        self.assertEqual(r.status, 303, r)
        self.assertEqual(r.header("Location"), f"/cases/{self.case}?recorded=signature")
        # The plan says who signed by name, and the manager's signature is
        # the manager's own.
        manager = ctx.fresh_client("flm.north")
        form = manager.get(f"/cases/{self.case}/plan/signature")
        r = post_form(manager, f"/cases/{self.case}/plan/signature", dict(
            sig, version=hidden(form, "version"), by="first_line_manager"))
        self.assertEqual(r.status, 303, r)
        page = html.unescape(c.get(f"/cases/{self.case}").text)
        who = ctx.client_for("flm.north").get("/api/session").json["signed_in"]
        signatures = ctx.client_for("flm.north").get(f"/api/cases/{self.case}").json["plan"][
            "signatures"]
        self.assertEqual([(g["by"], g.get("name"), g["recorded_by"]) for g in signatures],
                         [("family", "Sarah Hale", "sw.north"),
                          ("first_line_manager", None, "flm.north")])
        self.assertTrue(all(g["recorded_at"].endswith("Z") for g in signatures), signatures)
        signed = re.search(r"Signed</dt><dd[^>]*>([^<]*)<", page)
        self.assertTrue(signed, "no signatures on the case page")
        self.assertIn("By the family (Sarah Hale) on ", signed.group(1))
        self.assertRegex(signed.group(1), r"; by the [A-Za-z ]*, %s, on " % re.escape(who["name"]))
        # Taken out of the plan from its form: the outcome and the action go
        # in one new version, which says why.
        form = c.get(f"/cases/{self.case}/plan")
        self.assertIn("Take outcome 1 out of the plan", form.text)
        fields = pages_fields(form)
        self.assertNotIn("outcome-1-remove", fields)
        fields.update({"summary": "Fern walks to school on her own now",
                       "outcome-1-remove": "yes", "action-1-remove": "yes", "significant": "yes"})
        r = post_form(c, f"/cases/{self.case}/plan", fields)
        self.assertEqual(r.status, 303, r)
        # The versions say which change was significant.
        versions = c.get(f"/cases/{self.case}/plan/versions").text
        self.assertEqual(versions.count("Significant change</strong>"), 1, versions)
        flm = ctx.client_for("flm.north")
        plan = flm.get(f"/api/cases/{self.case}").json["plan"]
        self.assertEqual((plan["outcomes"], plan["actions"]), ([], []))
        self.assertEqual([(x.get("outcome_id") or x.get("action_id"), x["reason"])
                          for x in plan["removed"]],
                         [("O1", "Fern walks to school on her own now"),
                          ("A1", "Fern walks to school on her own now")])
        diff = flm.get(f"/api/cases/{self.case}/plan/versions?from=2&to=3").json["changes"]
        self.assertEqual([o["outcome_id"] for o in diff["outcomes"]["removed"]], ["O1"])
        self.assertEqual([a["action_id"] for a in diff["actions"]["removed"]], ["A1"])
        # Taken out, an id is not agreed again.
        r = flm.post(f"/api/cases/{self.case}/plan", {
            "summary": "again", "outcomes": [{"outcome_id": "O1", "text": "Back again",
                                              "measure": "m"}]}, version=self.version())
        self.assertEqual(r.status, 422, r)
        self.assertIn("Outcome O1 was taken out of the plan on", r.json["detail"])

    def test_text_that_is_not_utf8_is_refused_and_writes_nothing(self):
        c = self.worker()
        v = self.version()
        raw = (f"csrf_token={c.csrf}&version={v}&date-day=2&date-month=12&date-year=2026"
               "&heading=bad%FFbytes&text=note")
        r = c.request("POST", f"/cases/{self.case}/note", raw=raw, headers=dict(FORM),
                      csrf=False)
        self.assertEqual(r.status, 400, r)
        self.assertIn("not UTF-8 text", r.text)
        self.assertEqual(self.version(), v)
        self.assertEqual(c.get(f"/cases/{self.case}%FF").status, 400)
        self.assertEqual(c.request("POST", "/sign-in", raw="username=a%FF&password=x",
                                   headers=dict(FORM), csrf=False).status, 400)

    def test_the_forms_are_refused_to_those_who_may_not_record(self):
        for who in ("partner.school", "sw.south"):
            c = ctx.fresh_client(who)
            self.assertIn(c.get(f"/cases/{self.case}/visit").status, (403, 404), who)
            r = post_form(c, f"/cases/{self.case}/visit", visit(1, child_seen="yes"))
            self.assertIn(r.status, (403, 404), who)
        # Without the session's token nothing is read or kept.
        c = self.worker()
        v = self.version()
        r = post_form(c, f"/cases/{self.case}/visit", visit(v, child_seen="yes"), csrf="")
        self.assertEqual(r.status, 403, r)
        self.assertEqual(self.version(), v)


def pages_fields(page):
    """The fields a browser would send from the page's form (inputs and
    textareas as filled in)."""
    fields = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text):
        if name not in ("csrf_token", "discard_draft", "q") and 'type="radio"' not in name:
            fields[name] = html.unescape(value)
    for tag in re.findall(r'<input[^>]*type="radio"[^>]*>', page.text):
        # Only the chosen radio is sent.
        name = re.search(r'name="([^"]+)"', tag).group(1)
        fields.pop(name, None)
    for tag in re.findall(r'<input[^>]*type="checkbox"[^>]*>', page.text):
        # A box not ticked is not sent.
        if " checked" not in tag:
            fields.pop(re.search(r'name="([^"]+)"', tag).group(1), None)
    for tag in re.findall(r'<input[^>]*type="radio"[^>]*checked[^>]*>', page.text):
        fields[re.search(r'name="([^"]+)"', tag).group(1)] = re.search(r'value="([^"]*)"',
                                                                       tag).group(1)
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>',
                                  page.text):
        fields[name] = html.unescape(value)
    return fields


if __name__ == "__main__":
    unittest.main()
