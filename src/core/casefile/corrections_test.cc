#include "core/casefile/corrections.h"

#include <gtest/gtest.h>

#include "core/casefile/case_state.h"

namespace cinplan {
namespace {

std::string with_events(const std::string& events, const std::string& child = "") {
  return R"({"case_id": "C-1", )" + (child.empty() ? "" : R"("child": )" + child + ", ") +
         R"("events": [)" + events + "]}";
}

CaseHistory parsed(const std::string& text) {
  auto h = parse_case_history(text);
  EXPECT_TRUE(h) << h.error().describe();
  return h ? std::move(*h) : CaseHistory{};
}

void expect_error(const std::string& text, const std::string& fragment) {
  auto h = parse_case_history(text);
  ASSERT_FALSE(h) << "parsed, but should fail with: " << fragment;
  EXPECT_NE(h.error().describe().find(fragment), std::string::npos) << h.error().describe();
}

const std::string kPlan = R"({"type": "plan_decided", "date": "2025-03-03"})";
const std::string kVisit =
    R"({"type": "visit", "date": "2025-04-01", "child_seen": true, "location": "home"})";

std::vector<Fact> facts_of(const CaseHistory& h, std::string_view type) {
  const CaseState s = fold(h);
  auto span = s.facts(*find_event_type(type));
  return {span.begin(), span.end()};
}

TEST(Corrections, AReplacementTakesTheOriginalsPlaceInTheFold) {
  const CaseHistory h =
      parsed(with_events(kPlan + ", " + kVisit +
                         R"(, {"type": "event_corrected", "date": "2025-04-03", "corrects": 2,
            "reason": "the visit was on 2 April",
            "replacement": {"type": "visit", "date": "2025-04-02", "child_seen": true,
                            "location": "school"}})"));
  const auto visits = facts_of(h, "visit");
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(Date::from_days(visits[0].date).to_string(), "2025-04-02");
  EXPECT_EQ(visits[0].event, 1u);  // the original's place, for "why" and "met by"
  const EventTypeSpec& visit = event_type(*find_event_type("visit"));
  EXPECT_EQ(visits[0].subtype, enum_index(*find_field(visit, "location"), "school"));
  // The correction is no fact of its own; nothing else changed.
  EXPECT_EQ(fold(h).size(), 2u);
  EXPECT_TRUE(fold(h).facts(corrected_event_type()).empty());
  // The original stays in the record as written.
  EXPECT_EQ(h.events[1].date.to_string(), "2025-04-01");
  EXPECT_NE(to_canonical_json(h).find("\"date\": \"2025-04-01\""), std::string::npos);
}

TEST(Corrections, ACorrectionWithoutReplacementStrikesTheEventOut) {
  const CaseHistory h =
      parsed(with_events(kPlan + ", " + kVisit +
                         R"(, {"type": "event_corrected", "date": "2025-04-03", "corrects": 2,
            "reason": "recorded on the wrong child's file"})"));
  EXPECT_TRUE(facts_of(h, "visit").empty());
  EXPECT_EQ(fold(h).size(), 1u);
  auto record = CorrectedRecord::of(h);
  ASSERT_TRUE(record);
  ASSERT_EQ(record->entries().size(), 1u);
  EXPECT_EQ(record->entries()[0].index, 0u);
}

TEST(Corrections, TheLatestCorrectionOfAnEventWins) {
  const std::string strike =
      R"({"type": "event_corrected", "date": "2025-04-03", "corrects": 2, "reason": "wrong file"})";
  const std::string reinstate =
      R"({"type": "event_corrected", "date": "2025-04-05", "corrects": 2, "reason": "it was ours",
          "replacement": {"type": "visit", "date": "2025-04-01", "child_seen": false}})";
  const CaseHistory h =
      parsed(with_events(kPlan + ", " + kVisit + ", " + strike + ", " + reinstate));
  const auto visits = facts_of(h, "visit");
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].event, 1u);
  const EventTypeSpec& visit = event_type(*find_event_type("visit"));
  EXPECT_FALSE(visits[0].flags & (1u << flag_index(visit, "child_seen")));
  auto record = CorrectedRecord::of(h);
  ASSERT_TRUE(record);
  ASSERT_EQ(record->entries().size(), 2u);
  EXPECT_EQ(record->entries()[1].corrected_by, 3);
  EXPECT_EQ(CorrectedRecord::describe(h, record->entries()[1]),
            "event 2 as corrected by event 4 (visit, 2025-04-01)");

  // And the other way round: struck out last.
  const CaseHistory g = parsed(with_events(kPlan + ", " + kVisit + ", " + reinstate + ", " +
                                           R"({"type": "event_corrected", "date": "2025-04-06",
                                               "corrects": 2, "reason": "wrong file after all"})"));
  EXPECT_TRUE(facts_of(g, "visit").empty());
}

TEST(Corrections, AReplacementMayChangeTheType) {
  const CaseHistory h =
      parsed(with_events(kPlan + ", " + kVisit +
                         R"(, {"type": "event_corrected", "date": "2025-04-03", "corrects": 2,
            "reason": "a phone call, not a visit",
            "replacement": {"type": "case_note_added", "date": "2025-04-01",
                            "heading": "Phone call", "text": "Spoke to mother."}})"));
  EXPECT_TRUE(facts_of(h, "visit").empty());
  const auto notes = facts_of(h, "case_note_added");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].event, 1u);
}

TEST(Corrections, NamesTheCorrectionAndWhyWhenItIsMalformed) {
  const std::string head = kPlan + ", " + kVisit + ", ";
  expect_error(with_events(head + R"({"type": "event_corrected", "date": "2025-04-03",
                                      "corrects": 3, "reason": "x"})"),
               "event 3 (event_corrected, 2025-04-03): corrects 3 does not name an earlier "
               "event (corrects counts from 1; this correction is event 3)");
  expect_error(with_events(head + R"({"type": "event_corrected", "date": "2025-04-03",
                                      "corrects": 0, "reason": "x"})"),
               "event 3: event_corrected: field corrects must be a whole number from 1");
  expect_error(with_events(head + R"({"type": "event_corrected", "date": "2025-04-03",
                                      "corrects": 2})"),
               "event 3: event_corrected: missing required field reason");
  expect_error(with_events(head + R"({"type": "event_corrected", "date": "2025-04-03",
                                      "corrects": 2, "reason": "x", "replacement": [1]})"),
               "event 3: event_corrected: field replacement must be an object, not [1]");
  expect_error(
      with_events(head + R"({"type": "event_corrected", "date": "2025-04-03", "corrects": 2,
                             "reason": "x", "replacement": {"type": "visit", "date": "2025-04-02"}})"),
      "event 3: event_corrected: field replacement: visit: missing required field child_seen");
  expect_error(
      with_events(head + R"({"type": "event_corrected", "date": "2025-04-03", "corrects": 2,
                             "reason": "x", "replacement": {"type": "event_corrected",
                             "date": "2025-04-02", "corrects": 1, "reason": "y"}})"),
      "field replacement cannot itself be a correction");
  expect_error(with_events(head + R"({"type": "event_corrected", "date": "2025-04-03",
                                      "corrects": 2, "reason": "x"},
                                     {"type": "event_corrected", "date": "2025-04-04",
                                      "corrects": 3, "reason": "y"})"),
               "event 4 (event_corrected, 2025-04-04): corrects 3, which is event 3 "
               "(event_corrected, 2025-04-03), itself a correction");
  expect_error(with_events(head + R"({"type": "event_corrected", "date": "2025-03-31",
                                      "corrects": 2, "reason": "x"})"),
               "event 3 (event_corrected, 2025-03-31): is dated before the event it corrects, "
               "event 2 (visit, 2025-04-01)");
  expect_error(
      with_events(head + R"({"type": "event_corrected", "date": "2025-04-03", "corrects": 2,
                             "reason": "x", "replacement": {"type": "visit", "date": "2025-04-04",
                             "child_seen": true}})"),
      "event 3 (event_corrected, 2025-04-03): replacement is dated 2025-04-04, after the "
      "correction was made");
  // On the same day as the event, and a replacement of the same day: accepted.
  EXPECT_TRUE(parse_case_history(
      with_events(head + R"({"type": "event_corrected", "date": "2025-04-01", "corrects": 2,
                             "reason": "x", "replacement": {"type": "visit", "date": "2025-04-01",
                             "child_seen": false}})")));
}

TEST(Corrections, TheLegalChecksReadTheRecordAsCorrected) {
  const std::string order =
      R"({"type": "supervision_order", "date": "2025-01-10", "end": "2026-01-09"})";
  const std::string too_long =
      R"({"type": "supervision_order_extended", "date": "2025-12-01", "end": "2028-01-10"})";
  // An extension beyond three years is refused as written ...
  expect_error(with_events(order + ", " + too_long), "beyond three years");
  // ... and accepted once a correction in the same history puts it right.
  EXPECT_TRUE(parse_case_history(
      with_events(order + ", " + too_long +
                  R"(, {"type": "event_corrected", "date": "2025-12-02", "corrects": 2,
            "reason": "end typed a day late",
            "replacement": {"type": "supervision_order_extended", "date": "2025-12-01",
                            "end": "2028-01-09"}})")));
  // A correction that makes the record break the law is refused, naming both.
  const std::string extension =
      R"({"type": "supervision_order_extended", "date": "2025-12-01", "end": "2027-01-09"})";
  expect_error(with_events(order + ", " + extension +
                           R"(, {"type": "event_corrected", "date": "2025-12-02", "corrects": 2,
                                 "reason": "x", "replacement": )" +
                           too_long + "}"),
               "event 2 as corrected by event 3 (supervision_order_extended, 2025-12-01): the "
               "extension would run beyond three years");
  // Striking out the order leaves its extension extending nothing.
  expect_error(with_events(order + ", " + extension +
                           R"(, {"type": "event_corrected", "date": "2025-12-02", "corrects": 1,
                                 "reason": "no order was made"})"),
               "event 2 (supervision_order_extended, 2025-12-01): extends no supervision order "
               "in force");
  // A replacement dated before the child's birth is refused; the correction's own
  // date is when the record was put right.
  expect_error(with_events(kVisit + R"(, {"type": "event_corrected", "date": "2025-04-03",
                                          "corrects": 1, "reason": "x", "replacement":
                                          {"type": "visit", "date": "2015-04-01",
                                           "child_seen": true}})",
                           R"({"date_of_birth": "2016-05-14"})"),
               "event 1 as corrected by event 2 (visit, 2015-04-01): is dated before the "
               "child's date of birth");
}

TEST(Corrections, CorrectedIndexCountsFromZero) {
  auto e = parse_event(nlohmann::ordered_json::parse(
      R"({"type": "event_corrected", "date": "2025-04-03", "corrects": 7, "reason": "x"})"));
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(corrected_index(*e), 6u);
}

}  // namespace
}  // namespace cinplan
