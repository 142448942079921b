"""The census as it is recorded (issue 11): each child's census problems on
the case, census codes checked when they are recorded (a wrong code is
refused naming the field and writes nothing), the details put right after
the event as corrections, and the child protection process the census counts."""
import datetime
import unittest

from context import ctx


def day(start, n):
    return (start + datetime.timedelta(days=n)).isoformat()


def rules(client, case):
    r = client.get(f"/api/cases/{case}")
    assert r.status == 200, r
    return sorted(f["rule"] for f in r.json["census"]["findings"])


class Census(unittest.TestCase):
    def setUp(self):
        self.flm = ctx.fresh_client("flm.north")
        self.sw = ctx.fresh_client("sw.north")
        self.start = datetime.date.today() - datetime.timedelta(days=60)

    def child(self, name, referral):
        r = self.flm.post("/api/cases", {
            "profile": "cin-plans-and-reviews",
            "child": {"name": name, "date_of_birth": "2016-04-02", "sex": "female",
                      "ethnicity": "WBRI", "disabilities": [], "upn_unknown": "UN2"},
            "referral": dict({"date": day(self.start, 0), "source": "school"}, **referral)})
        self.assertEqual(r.status, 201, r)
        case = r.json["case_id"]
        self.flm.command(case, "allocation", {"date": day(self.start, 1), "username": "sw.north"})
        return case

    def test_a_referral_without_its_census_codes_shows_on_the_case_until_they_are_recorded(self):
        case = self.child("Census Missing", {})
        self.sw.command(case, "assessment", {"date": day(self.start, 10), "s17_need": True,
                                             "started": day(self.start, 1)})
        census = self.flm.get(f"/api/cases/{case}").json["census"]
        self.assertTrue(census["in_return"])
        self.assertEqual(rules(self.flm, case), ["8610", "8866", "8897Q"])
        finding = next(f for f in census["findings"] if f["rule"] == "8866")
        self.assertEqual(finding["type"], "ERROR")
        self.assertEqual(finding["message"], "Source of Referral is missing or an invalid code")
        self.assertIn("ReferralSource missing", finding["values"])
        # Put right after the event: corrections of the referral and the
        # assessment, the originals kept.
        r = self.sw.command(case, "census-details", {"referral_source": "2A", "primary_need": "N4",
                                                     "factors": ["3A", "4A"]})
        self.assertEqual(r.json["written"], ["event_corrected", "event_corrected"])
        self.assertEqual(rules(self.flm, case), [])

    def test_a_census_code_not_in_its_set_is_refused_naming_the_field_and_writes_nothing(self):
        case = self.child("Census Codes", {"referral_source": "2A", "primary_need": "N1"})
        v = self.sw.version(case)
        for path, body, words in [
                ("census-details", {"referral_source": "2Z"},
                 '"2Z" is not a census source of referral (referral_source)'),
                ("assessment", {"s17_need": True, "factors": ["3A", "99"]},
                 '"99" is not a census assessment factor (factors)'),
                ("protection-plan", {"category": "ABC"},
                 '"ABC" is not a census category of abuse (category)'),
                ("census-details", {"colour": "red"}, '"colour" is not a census detail')]:
            r = self.sw.post(f"/api/cases/{case}/{path}", body, version=v)
            self.assertEqual(r.status, 400, r)
            self.assertIn(words, r.json["detail"])
        self.assertEqual(self.sw.version(case), v, "a refused census code wrote something")
        r = self.flm.post("/api/cases", {"profile": "cin-plans-and-reviews",
                                         "child": {"name": "Census Bad", "ethnicity": "XXXX"},
                                         "referral": {"date": day(self.start, 0)}})
        self.assertEqual(r.status, 400, r)
        self.assertIn('"XXXX" is not a census ethnicity code (ethnicity)', r.json["detail"])

    def test_a_child_protection_plan_is_checked_against_its_conference(self):
        case = self.child("Census Protection", {"referral_source": "6", "primary_need": "N1"})
        self.sw.command(case, "assessment", {"date": day(self.start, 5), "s17_need": True,
                                             "started": day(self.start, 1), "factors": ["2A"]})
        self.sw.command(case, "section47", {"date": day(self.start, 6),
                                            "conference_target": day(self.start, 20)})
        self.sw.command(case, "section47/concluded", {"date": day(self.start, 12),
                                                      "conference_needed": True})
        self.sw.command(case, "initial-conference", {"date": day(self.start, 19),
                                                     "plan_needed": True})
        # A plan that starts on another day than the conference is what
        # rule 2885 finds.
        self.sw.command(case, "protection-plan", {"date": day(self.start, 21), "category": "NEG"})
        self.assertIn("2885", rules(self.flm, case))
        entries = self.flm.get(f"/api/cases/{case}").json["chronology"]
        self.assertIn("the start of a child protection plan", [e["what"] for e in entries])


if __name__ == "__main__":
    unittest.main()
