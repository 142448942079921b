#include "app/wording.h"

#include <gtest/gtest.h>

#include "app/app_test_support.h"
#include "app/obligation_report.h"
#include "app/wording_tables.h"
#include "core/casefile/case_state.h"
#include "core/obligations/obligations.h"

namespace cinplan::app {
namespace {

const Profile& profile(const std::string& id) {
  return *test_profiles().find(id).value();
}

CaseHistory history(const std::string& events) {
  auto h = parse_case_history(R"({"case_id": "C-1", "events": [)" + events + "]}");
  EXPECT_TRUE(h) << h.error().describe();
  return h.value_or(CaseHistory{});
}

TEST(Wording, EveryEventTypeAndFlagHasWords) {
  for (const EventTypeSpec& t : event_types()) {
    EXPECT_FALSE(type_phrase(t.id).empty()) << t.id;
    for (std::string_view flag : t.fact.flags) {
      // Not the fallback, which spells out the flag's id.
      std::string id(flag);
      std::replace(id.begin(), id.end(), '_', ' ');
      EXPECT_NE(flag_phrase(t.id, flag, true), "with " + id) << t.id << " " << flag;
    }
  }
}

TEST(Wording, TimescalesInTheAuthoritysWords) {
  const Profile& london = profile("london-cyps");
  EXPECT_EQ(timescale_words(london, *london.find_rule("initial_meeting"), bit(Pathway::kStandard)),
            "within 15 working days of the decision that a Child in Need plan is needed");
  EXPECT_EQ(timescale_words(london, *london.find_rule("invitations_sent"), bit(Pathway::kStandard)),
            "3 weeks before the initial CIN meeting, the CIN review meeting or the Child in Need "
            "Meeting (receiving local authority) (aim: 4 weeks before)");
  const std::string visit =
      timescale_words(london, *london.find_rule("visit"), bit(Pathway::kStandard));
  EXPECT_EQ(visit,
            "at least every 20 working days, counted from the decision that a Child in Need plan "
            "is needed or the family becoming resident in the area and then from the last visit "
            "to the child where the child was seen");
  // Worcestershire calls the decision the Manager's Decision.
  const Profile& worcs = profile("worcestershire");
  EXPECT_EQ(timescale_words(worcs, *worcs.find_rule("initial_meeting"), bit(Pathway::kStandard)),
            "within 10 working days of the Manager's Decision");
}

TEST(Wording, StatusesAsPhrases) {
  Obligation o;
  o.status = ObligationStatus::kMetLate;
  EXPECT_EQ(status_words(o), "done late");
  o.status = ObligationStatus::kTargetMissed;
  o.target_agreed = true;
  EXPECT_EQ(status_words(o), "agreed date missed");
  o.target_agreed = false;
  EXPECT_EQ(status_words(o), "aim missed");
  o.status = ObligationStatus::kOutstanding;
  EXPECT_EQ(status_words(o), "to do (no timescale)");
}

// "the meeting must be chaired by the practice lead; it was chaired by the
// allocated social worker", not "chair_role is social_worker".
TEST(Wording, AFindingSaysWhatWasAskedAndWhatWasRecorded) {
  const Profile& london = profile("london-cyps");
  const CaseHistory h = history(
      R"({"type": "plan_decided", "date": "2025-03-03"},
         {"type": "meeting", "date": "2025-03-20", "kind": "initial", "chair_role": "social_worker",
          "outcome": "continue"})");
  const auto found = check_constraints(london, h);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(finding_words(london, h, found[0]),
            "the initial CIN meeting must be chaired by the practice lead; it was chaired by the "
            "allocated social worker");
  EXPECT_EQ(finding_line(london, h, found[0]),
            "must: event 2 on 20 March 2025: the initial CIN meeting must be chaired by the "
            "practice lead; it was chaired by the allocated social worker");
  const CaseHistory unrecorded = history(
      R"({"type": "meeting", "date": "2025-03-20", "kind": "initial", "outcome": "continue"})");
  const auto none = check_constraints(london, unrecorded);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_NE(finding_words(london, unrecorded, none[0]).find("who chaired it was not recorded"),
            std::string::npos);
}

TEST(Wording, AQuoteEndingInAColonIsQuotedWithItsItem) {
  const Profile& london = profile("london-cyps");
  const Rule& visit = *london.find_rule("visit");
  EXPECT_EQ(citation_words(visit.cite[0]),
            "\"The frequency of visits should be: at least once every 20 working days.\" "
            "(Practice)");
}

// Brighton and Hove's procedure has no separate timescales for disabled
// children: a disability pathway is accepted and the explanation says so.
TEST(Wording, APathwayTheProcedureLacksIsExplained) {
  const Profile& bh = profile("brighton-and-hove");
  auto note = pathway_note(bh, bit(Pathway::kDisability));
  ASSERT_TRUE(note);
  EXPECT_NE(note->find("no separate timescales for disabled children"), std::string::npos);
  EXPECT_NE(note->find("standard timescales apply"), std::string::npos);
  EXPECT_FALSE(pathway_note(profile("london-cyps"), bit(Pathway::kDisability)));
}

TEST(Wording, AnExplanationNamesItsReadingAndAnyClash) {
  const Profile& london = profile("london-cyps");
  const CaseHistory h = history(
      R"({"type": "plan_decided", "date": "2025-03-03"},
         {"type": "invitations_sent", "date": "2025-03-05", "meeting_date": "2025-03-14"})");
  const CaseState state = fold(h);
  const Date today = parse_date("2025-03-06").value();
  bool seen = false;
  for (const Obligation& o : obligations(london, state, today)) {
    if (london.rules[o.rule].id != "invitations_sent") continue;
    seen = true;
    EXPECT_TRUE(o.clash);
    const Explanation x = explain(london, &h, o, bit(Pathway::kStandard));
    std::string notes;
    for (const std::string& n : x.notes) notes += n + "\n";
    EXPECT_NE(notes.find("cannot both be met"), std::string::npos) << notes;
    EXPECT_NE(notes.find("3 March 2025"), std::string::npos) << notes;
    EXPECT_NE(notes.find("rests on a reading"), std::string::npos) << notes;
    const auto j = obligation_json(london, &h, o, bit(Pathway::kStandard));
    EXPECT_EQ(j["clash"], true);
    EXPECT_EQ(j["due"], "2025-03-03");
    EXPECT_TRUE(j.contains("reading"));
  }
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace cinplan::app
