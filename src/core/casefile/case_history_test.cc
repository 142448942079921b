#include "core/casefile/case_history.h"

#include <gtest/gtest.h>

#include "core/casefile/case_state.h"

namespace cinplan {
namespace {

std::string with_events(const std::string& events, const std::string& child = "") {
  return R"({"case_id": "C-1", )" + (child.empty() ? "" : R"("child": )" + child + ", ") +
         R"("events": [)" + events + "]}";
}

void expect_error(const std::string& text, const std::string& fragment) {
  auto h = parse_case_history(text);
  ASSERT_FALSE(h) << "parsed, but should fail with: " << fragment;
  EXPECT_NE(h.error().describe().find(fragment), std::string::npos) << h.error().describe();
}

TEST(EventRegistry, EveryExampleParsesAsItsOwnType) {
  for (const EventTypeSpec& t : event_types()) {
    auto e = parse_event(nlohmann::ordered_json::parse(t.example));
    ASSERT_TRUE(e) << t.id << ": " << e.error().message;
    EXPECT_EQ(e->type_id(), t.id);
  }
}

TEST(EventRegistry, FactShapesNameRealFields) {
  for (const EventTypeSpec& t : event_types()) {
    if (!t.fact.subtype_field.empty()) {
      const FieldSpec* f = find_field(t, t.fact.subtype_field);
      ASSERT_NE(f, nullptr) << t.id;
      EXPECT_EQ(f->kind, FieldKind::kEnum) << t.id;
      EXPECT_LE(f->values.size(), 64u) << t.id;
    }
    if (!t.fact.ref_date_field.empty()) {
      const FieldSpec* f = find_field(t, t.fact.ref_date_field);
      ASSERT_NE(f, nullptr) << t.id;
      EXPECT_EQ(f->kind, FieldKind::kDate) << t.id;
    }
    EXPECT_LE(t.fact.flags.size(), 16u) << t.id;
    if (!t.fact.number_field.empty()) {
      // The number lives in the flags' high bits: the two must not meet.
      const FieldSpec* f = find_field(t, t.fact.number_field);
      ASSERT_NE(f, nullptr) << t.id;
      EXPECT_EQ(f->kind, FieldKind::kInteger) << t.id;
      EXPECT_GE(f->min, 0) << t.id;
      EXPECT_LE(f->max, kFactNumberMax) << t.id;
      EXPECT_LE(t.fact.flags.size(), kFactNumberShift) << t.id;
    }
    for (std::string_view flag : t.fact.flags) {
      const auto eq = flag.find('=');
      const FieldSpec* f = find_field(t, flag.substr(0, eq));
      ASSERT_NE(f, nullptr) << t.id << " " << flag;
      if (eq == std::string_view::npos) {
        EXPECT_EQ(f->kind, FieldKind::kBool) << t.id << " " << flag;
      } else if (flag.substr(eq + 1) == kNotRecorded) {
        EXPECT_EQ(f->kind, FieldKind::kEnum) << t.id << " " << flag;
      } else {
        EXPECT_TRUE(f->kind == FieldKind::kEnum || f->kind == FieldKind::kEnums)
            << t.id << " " << flag;
        EXPECT_GE(enum_index(*f, flag.substr(eq + 1)), 0) << t.id << " " << flag;
      }
    }
  }
}

TEST(CaseHistory, ParsesTheDesignExampleAndKeepsUnknownFields) {
  auto h = parse_case_history(with_events(
      R"({"type": "plan_decided", "date": "2025-03-03", "worker_note": "kept"},
         {"type": "visit", "date": "2025-04-02", "child_seen": true, "location": "home",
          "rooms_seen": ["bathroom", "kitchen", "bedroom"]})",
      R"({"id": "P-1", "name": "Sam", "date_of_birth": "2016-05-14"})"));
  ASSERT_TRUE(h) << h.error().describe();
  EXPECT_EQ(h->case_id, "C-1");
  EXPECT_EQ(h->child.date_of_birth->to_string(), "2016-05-14");
  ASSERT_EQ(h->events.size(), 2u);
  EXPECT_EQ(h->events[0].string_field("worker_note"), "kept");
  EXPECT_NE(to_canonical_json(*h).find("\"worker_note\": \"kept\""), std::string::npos);
  // Canonical output parses back to the same canonical output.
  auto again = parse_case_history(to_canonical_json(*h));
  ASSERT_TRUE(again);
  EXPECT_EQ(to_canonical_json(*again), to_canonical_json(*h));
}

TEST(CaseHistory, NamesTheEventFieldAndReason) {
  expect_error(
      with_events(R"({"type": "visit", "date": "2025-02-30", "child_seen": true})"),
      "event 1: visit: date: \"2025-02-30\" is not a real date: February 2025 has 28 days");
  expect_error(
      with_events(
          R"({"type": "plan_decided", "date": "2025-01-01"}, {"type": "visit", "date": "2025-01-02"})"),
      "event 2: visit: missing required field child_seen");
  expect_error(with_events(R"({"type": "meeting", "date": "2025-01-02", "kind": "huddle"})"),
               "event 1: meeting: field kind must be one of initial, review");
  expect_error(
      with_events(
          R"({"type": "scaling_recorded", "date": "2025-01-02", "by": "school", "score": 11})"),
      "field score must be a whole number from 0 to 10, not 11");
  expect_error(with_events(R"({"type": "moved", "date": "2025-01-02"})"),
               "event 1: unknown event type \"moved\"");
  expect_error(with_events(R"({"date": "2025-01-02"})"), "event 1: missing \"type\"");
  expect_error(with_events(R"("visit")"), "event 1: an event must be a JSON object");
  expect_error(R"({"events": []})", "missing \"case_id\"");
  expect_error(R"({"case_id": "C-1"})", "missing \"events\"");
  expect_error(R"({"case_id": "C-1", "events": [)",
               "not valid JSON: parse error at line 1, column 31");
  expect_error("[]", "must be a JSON object");
}

TEST(CaseHistory, AppliesTheLegalLimitsOfSupervisionOrders) {
  const std::string order =
      R"({"type": "supervision_order", "date": "2025-01-10", "end": "2026-01-09"})";
  EXPECT_TRUE(parse_case_history(with_events(
      order +
      R"(, {"type": "supervision_order_extended", "date": "2025-12-01", "end": "2028-01-09"})")));
  expect_error(
      with_events(
          order +
          R"(, {"type": "supervision_order_extended", "date": "2025-12-01", "end": "2028-01-10"})"),
      "beyond three years from 2025-01-10 (the last possible day is 2028-01-09)");
  // A first order is for one year: its last day is the day before the
  // anniversary of the day it was made (Schedule 3, paragraph 6(1)).
  expect_error(
      with_events(R"({"type": "supervision_order", "date": "2025-01-10", "end": "2026-01-10"})"),
      "an order made on 2025-01-10 ends by 2026-01-09, one year from the day it was made");
  expect_error(
      with_events(R"({"type": "supervision_order", "date": "2024-02-29", "end": "2025-03-01"})"),
      "ends by 2025-02-28");
  EXPECT_TRUE(parse_case_history(
      with_events(R"({"type": "supervision_order", "date": "2024-02-29", "end": "2025-02-28"})")));
  expect_error(with_events(order, R"({"date_of_birth": "2008-01-10"})"), "reached seventeen");
  // The IRO's recommendations come after the review they are from.
  expect_error(with_events(R"({"type": "iro_recommendations_made", "date": "2026-09-01",
                               "meeting_date": "2026-09-10", "recommendations": "x"})"),
               "the recommendations are dated before the review they are from (2026-09-10)");
  EXPECT_TRUE(parse_case_history(with_events(R"({"type": "iro_recommendations_made",
      "date": "2026-09-10", "meeting_date": "2026-09-10", "recommendations": "x"})")));
  EXPECT_TRUE(parse_case_history(with_events(order, R"({"date_of_birth": "2008-01-11"})")));
  expect_error(
      with_events(R"({"type": "supervision_order", "date": "2025-01-10", "end": "2025-01-10"})"),
      "is not after the order was made");
  expect_error(
      with_events(
          R"({"type": "supervision_order_extended", "date": "2025-12-01", "end": "2026-07-09"})"),
      "extends no supervision order in force");
  expect_error(with_events(R"({"type": "visit", "date": "2015-01-01", "child_seen": true})",
                           R"({"date_of_birth": "2016-05-14"})"),
               "before the child's date of birth");
  expect_error(
      with_events(
          R"({"type": "meeting", "date": "2025-03-20", "kind": "initial", "next_meeting": "2025-03-20"})"),
      "next_meeting 2025-03-20 is not after the meeting");
}

TEST(CaseState, FoldsEventsIntoTypedSortedFacts) {
  auto h = parse_case_history(with_events(
      R"({"type": "visit", "date": "2025-04-02", "child_seen": true, "location": "school", "rooms_seen": ["kitchen"]},
         {"type": "visit", "date": "2025-03-02", "child_seen": false},
         {"type": "meeting", "date": "2025-03-20", "kind": "review", "next_meeting": "2025-06-12"})"));
  ASSERT_TRUE(h) << h.error().describe();
  const CaseState s = fold(*h);
  const auto visits = s.facts(*find_event_type("visit"));
  ASSERT_EQ(visits.size(), 2u);
  EXPECT_EQ(visits[0].event, 1u);  // sorted by date, not by recording order
  EXPECT_EQ(visits[1].event, 0u);
  const EventTypeSpec& visit = event_type(*find_event_type("visit"));
  EXPECT_TRUE(visits[1].flags & (1u << flag_index(visit, "child_seen")));
  EXPECT_TRUE(visits[1].flags & (1u << flag_index(visit, "rooms_seen=kitchen")));
  EXPECT_FALSE(visits[1].flags & (1u << flag_index(visit, "rooms_seen=bedroom")));
  EXPECT_EQ(visits[1].subtype, enum_index(*find_field(visit, "location"), "school"));
  const auto meetings = s.facts(*find_event_type("meeting"));
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(Date::from_days(meetings[0].ref_date).to_string(), "2025-06-12");
}

}  // namespace
}  // namespace cinplan

namespace cinplan {
namespace {

TEST(CaseHistory, AnEmptyFileSaysSo) {
  for (const char* text : {"", "  \n\t"}) {
    auto parsed = parse_case_history(text);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::kBadInput);
    EXPECT_NE(parsed.error().message.find("the file is empty"), std::string::npos);
  }
}

}  // namespace
}  // namespace cinplan
