#include "pages/meeting_form.h"

#include <gtest/gtest.h>

#include "pages/arrange_form.h"
#include "pages/case_network.h"
#include "pages/exclusion_form.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// A case as the forms see it: a mother, a father and a school, one review
// arranged for 10 December, and the profile's choices.
json a_case() {
  return json::parse(R"j({
    "case_id": "C-1", "version": 7, "child": {"name": "Kai"},
    "people": [
      {"person_id": "P1", "name": "Jo Example", "relationship": "mother", "contact": "07700 900123"},
      {"person_id": "P2", "name": "Sam Example", "relationship": "father"}],
    "professionals": [
      {"person_id": "N1", "name": "R. Patel", "agency": "school", "role": "safeguarding lead"}],
    "meetings": [{"date": "2026-09-01", "kind": "initial"}],
    "meetings_arranged": [
      {"date": "2026-08-01", "meeting_date": "2026-09-01", "kind": "initial"},
      {"date": "2026-11-01", "meeting_date": "2026-12-10", "kind": "review", "kind_words": "CIN review meeting"}],
    "exclusions": [],
    "choices": {
      "meeting_kinds": [{"value": "initial", "label": "Initial CIN meeting"},
                        {"value": "review", "label": "CIN review meeting"}],
      "chairs": [{"value": "social_worker", "label": "Allocated social worker"},
                 {"value": "first_line_manager", "label": "Practice Lead"}],
      "outcomes": [{"value": "continue", "label": "The child continues to be a CIN"}],
      "meeting_word": "CIN meeting",
      "invitations_rule": {"document": "London CYPS", "quote": "\"Invitations must be sent out 3 to 4 weeks before the meeting.\""},
      "pre_meeting_rule": null}})j");
}

TEST(CaseNetwork, ListsFamilyThenProfessionalsAndTheMeetingsStillToHold) {
  const auto network = network_of(a_case());
  ASSERT_EQ(network.size(), 3u);
  EXPECT_EQ(network[0].words(), "Jo Example (mother)");
  EXPECT_EQ(network[2].words(), "R. Patel (school, safeguarding lead)");
  EXPECT_FALSE(network[2].family);
  const json due = meetings_to_hold(a_case());
  ASSERT_EQ(due.size(), 1u);  // the initial meeting is held
  EXPECT_EQ(due[0]["meeting_date"], "2026-12-10");
  // A review held 3 December (a week early) holds the one of 10 December;
  // one held 15 November, after it was arranged but weeks before, does not.
  json early = a_case();
  early["meetings"].push_back({{"date", "2026-12-03"}, {"kind", "review"}});
  EXPECT_TRUE(meetings_to_hold(early).empty());
  json other = a_case();
  other["meetings"].push_back({{"date", "2026-11-15"}, {"kind", "review"}});
  EXPECT_EQ(meetings_to_hold(other).size(), 1u);
  // A panel arranged for a day is held only by a panel on or after it.
  json panel = a_case();
  panel["meetings_arranged"].push_back(
      {{"date", "2026-11-20"}, {"meeting_date", "2026-12-16"}, {"kind", "panel"}});
  panel["meetings"].push_back({{"date", "2026-12-09"}, {"kind", "panel"}});
  ASSERT_EQ(meetings_to_hold(panel).size(), 2u);
  EXPECT_EQ(meetings_to_hold(panel)[1]["meeting_date"], "2026-12-16");
}

TEST(ArrangeForm, NamesTheInviteesTickedFromTheNetwork) {
  const Form f = {{"kind", "review"},
                  {"meeting_date-day", "10"},
                  {"meeting_date-month", "12"},
                  {"meeting_date-year", "2026"},
                  {"invite-P1", "yes"},
                  {"invite-N1", "yes"},
                  {"other_invitees", "Sam Lee, youth worker\n"},
                  {"invitations_date-day", "12"},
                  {"invitations_date-month", "11"},
                  {"invitations_date-year", "2026"}};
  const FormReading r = read_arrange(f, a_case());
  ASSERT_TRUE(r.problems.empty()) << r.problems.front().message;
  EXPECT_EQ(r.body, json::parse(R"j({"kind": "review", "meeting_date": "2026-12-10",
      "invitees": ["Jo Example (mother)", "R. Patel (school, safeguarding lead)",
                   "Sam Lee, youth worker"], "invitations_date": "2026-11-12"
})j"));
}

TEST(ArrangeForm, RefusesAMeetingNotOfferedAndInviteesWithoutADate) {
  const Form f = {{"kind", "looked_after_review"}, {"invite-P1", "yes"}};
  const FormReading r = read_arrange(f, a_case());
  std::vector<std::string> fields;
  for (const FieldProblem& p : r.problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"kind", "meeting_date-day", "invitations_date-day"}));
}

TEST(ArrangeForm, InvitesTheWholeNetworkOnAFreshFormAndQuotesTheNotice) {
  const json v = arrange_form_view(a_case(), {}, {}, "2026-11-12", 7);
  EXPECT_EQ(v["kind"]["items"][1]["checked"], true);  // a meeting was held: a review next
  for (const json& item : v["invitees"]["items"]) EXPECT_EQ(item["checked"], true);
  EXPECT_NE(v["invitations_date"]["hint"].get<std::string>().find("3 to 4 weeks"),
            std::string::npos);
  EXPECT_EQ(v["invitations_date"]["day"], "12");
  // Once typed, what was typed stands: an unticked invitee stays unticked.
  const json typed =
      arrange_form_view(a_case(), {{"version", "7"}, {"invite-P1", "yes"}}, {}, "2026-11-12", 7);
  EXPECT_EQ(typed["invitees"]["items"][1]["checked"], true);
  EXPECT_EQ(typed["invitees"]["items"][2]["checked"], false);
  // The child is invited first, with their parents and the professionals.
  EXPECT_EQ(v["invitees"]["items"][0]["value"], "child");
}

TEST(ArrangeForm, EachKindOfMeetingIsToldItsOwnNotice) {
  json c = a_case();
  c["choices"]["rules_by_kind"] = {
      {"initial", {{"invitations_rule", c["choices"]["invitations_rule"]}}},
      {"review", {{"invitations_rule", nullptr}}}};
  const std::string hint =
      arrange_form_view(c, {}, {}, "2026-11-12", 7)["invitations_date"]["hint"];
  EXPECT_EQ(hint,
            "For the Initial CIN meeting: London CYPS: \"Invitations must be sent out 3 to 4 weeks "
            "before the meeting.\" For the CIN review meeting, the procedure sets nothing here.");
  const FormReading none = read_arrange({{"kind", "review"}}, c);
  EXPECT_EQ(none.problems.back().field, "invite");
}

TEST(ArrangeForm, LeavesSomeoneExcludedFromTheMeetingUnticked) {
  json c = a_case();
  // The father is excluded from the next meeting; an exclusion from the
  // meeting held on 1 September no longer applies.
  c["exclusions"] = json::parse(R"j([
    {"date": "2026-08-20", "person": "Jo Example (mother)", "meeting_date": "2026-09-01",
     "reason": "old"},
    {"date": "2026-11-02", "person": "Sam Example (father)", "reason": "threats at the last meeting"}])j");
  const json v = arrange_form_view(c, {}, {}, "2026-11-12", 7);
  EXPECT_EQ(v["invitees"]["items"][1]["checked"], true);   // the mother
  EXPECT_EQ(v["invitees"]["items"][2]["checked"], false);  // the father
  ASSERT_EQ(v["exclusions"].size(), 1u);
  EXPECT_EQ(v["exclusions"][0]["meeting_words"], "the next meeting");
  EXPECT_EQ(v["exclusions"][0]["reason"], "threats at the last meeting");
  // The register of the meeting leaves him out too.
  EXPECT_EQ(exclusions_from(c, "2026-12-10").size(), 1u);
  EXPECT_EQ(exclusions_from(c, "2026-09-01").size(), 2u);
}

TEST(MeetingForm, ReadsTheRegisterScalingAndWhatTheMeetingFound) {
  const Form f = {{"kind", "review"},
                  {"date-day", "10"},
                  {"date-month", "12"},
                  {"date-year", "2026"},
                  {"chair_role", "first_line_manager"},
                  {"att-1-name", "Jo Example"},
                  {"att-1-who", "mother"},
                  {"att-1-family", "yes"},
                  {"att-1-contact", "07700 900123"},
                  {"att-1-came", "present"},
                  {"att-2-name", "Sam Example"},
                  {"att-2-who", "father"},
                  {"att-2-family", "yes"},
                  {"att-2-came", "absent"},
                  {"att-3-name", "R. Patel"},
                  {"att-3-who", "school"},
                  {"att-3-family", "no"},
                  {"att-3-came", "report"},
                  {"scale-1-by", "school"},
                  {"scale-1-score", "6"},
                  {"scale-1-rationale", "attendance is up"},
                  {"scale-2-by", ""},
                  {"scale-2-score", ""},
                  {"worries", "missed school\nlate collection"},
                  {"outcome", "continue"},
                  {"next_meeting-day", "10"},
                  {"next_meeting-month", "3"},
                  {"next_meeting-year", "2027"}};
  const FormReading r = read_meeting(f, a_case());
  ASSERT_TRUE(r.problems.empty()) << r.problems.front().message;
  EXPECT_EQ(r.body, json::parse(R"j({"kind": "review", "date": "2026-12-10",
      "chair_role": "first_line_manager",
      "attendance": {"present": [{"name": "Jo Example", "role": "mother", "contact": "07700 900123"}],
                     "apologies": [{"name": "R. Patel", "agency": "school", "written_update": true}],
                     "absent": [{"name": "Sam Example", "role": "father"}]},
      "scaling": [{"by": "school", "score": 6, "rationale": "attendance is up"}],
      "worries": ["missed school", "late collection"], "outcome": "continue",
      "next_meeting": "2027-03-10"})j"));
}

TEST(MeetingForm, SaysWhichRowIsWrong) {
  const Form f = {{"kind", "review"},         {"date-day", "10"},    {"date-month", "12"},
                  {"date-year", "2026"},      {"chair_role", "iro"}, {"att-1-name", ""},
                  {"att-1-came", "present"},  {"scale-1-by", ""},    {"scale-1-score", "11"},
                  {"outcome", "looked_after"}};
  const FormReading r = read_meeting(f, a_case());
  std::vector<std::string> fields;
  for (const FieldProblem& p : r.problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"chair_role", "att-1-name", "scale-1-by",
                                              "scale-1-score", "outcome"}));
  EXPECT_NE(r.problems[1].message.find("row 1 of the register"), std::string::npos);
}

TEST(MeetingForm, ListsTheNetworkAndRecordsTheArrangedMeeting) {
  const json v = meeting_form_view(a_case(), {}, {}, "2026-12-11", 7);
  // The child, the mother, the father, the school: the case has no worker.
  EXPECT_EQ(v["register_rows"].size(), 4u + kNewRegisterRows);
  EXPECT_EQ(v["register_rows"][0]["name"]["value"], "Kai");
  EXPECT_EQ(v["register_rows"][0]["who"]["value"], "the child");
  EXPECT_EQ(v["register_rows"][1]["name"]["value"], "Jo Example");
  EXPECT_EQ(v["register_rows"][3]["family"], "no");
  json allocated = a_case();
  allocated["worker"] = "Sam North";
  const json w = meeting_form_view(allocated, {}, {}, "2026-12-11", 7);
  EXPECT_EQ(w["register_rows"][4]["name"]["value"], "Sam North");
  EXPECT_EQ(w["register_rows"][4]["who"]["value"], "social worker");
  EXPECT_EQ(v["kind"]["items"][1]["checked"], true);  // the review arranged
  EXPECT_EQ(v["date"]["day"], "10");                  // on the day arranged
  // "Add more rows" adds rows and keeps what was typed.
  const json more =
      meeting_form_view(a_case(), {{"version", "7"}, {"att-1-name", "Jo"}, {"more_rows", "yes"}},
                        {}, "2026-12-11", 7);
  EXPECT_EQ(more["register_rows"].size(), 1u + 2 * kNewRegisterRows);
  EXPECT_EQ(more["register_rows"][0]["name"]["value"], "Jo");
}

TEST(ExclusionForm, NamesTheFamilyMemberAndTheMeeting) {
  const Form f = {{"meeting", "2026-12-10"},
                  {"person", "P2"},
                  {"reason", "risk to the mother"},
                  {"alternative", "seen separately"},
                  {"date-day", "1"},
                  {"date-month", "12"},
                  {"date-year", "2026"}};
  const FormReading r = read_exclusion(f, a_case());
  ASSERT_TRUE(r.problems.empty()) << r.problems.front().message;
  EXPECT_EQ(r.body, json::parse(R"j({"date": "2026-12-01", "meeting_date": "2026-12-10",
      "person": "Sam Example (father)", "reason": "risk to the mother",
      "alternative": "seen separately"
})j"));
  // A professional is no family member to exclude; a meeting not offered is refused.
  const FormReading bad = read_exclusion({{"meeting", "2026-01-01"},
                                          {"person", "N1"},
                                          {"date-day", "1"},
                                          {"date-month", "12"},
                                          {"date-year", "2026"}},
                                         a_case());
  std::vector<std::string> fields;
  for (const FieldProblem& p : bad.problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"meeting", "person", "reason"}));
}

}  // namespace
}  // namespace cinplan::pages
