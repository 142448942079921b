#include "core/obligations/obligations.h"

#include <gtest/gtest.h>

#include "core/casefile/case_history.h"
#include "core/procedure/profile_loader.h"

namespace cinplan {
namespace {

// A small profile with one rule of each kind, so the engine's semantics are
// pinned here and the shipped procedures in the scenario tests.
const char* const kProfile = R"(id = "t"
name = "Test"
source = "t.txt"
bank_holidays = "england-and-wales"
due_soon_days = 7
[labels.roles]
first_line_manager = "Team Manager"
[[pathways]]
id = "disability"
label = "disabled children"
cite = [{ quote = "q" }]
[[pathways]]
id = "supervision_order"
label = "supervision order"
cite = [{ quote = "q" }]
[[outcomes]]
id = "continue"
label = "continues"
cite = [{ quote = "q" }]
[[rules]]
id = "initial_meeting"
title = "Initial meeting"
kind = "once"
after = "plan_decided"
due = "15 working_days"
met_by = { event = "meeting", kind = ["initial"] }
cite = [{ quote = "q" }]
[[rules]]
id = "review"
title = "Review"
kind = "recurring"
after = { event = "meeting", kind = ["initial"] }
due = "3 months"
met_by = { event = "meeting", kind = ["review"] }
cite = [{ quote = "q" }]
[[rules.overrides]]
pathways = ["disability"]
due = "6 months"
cite = [{ quote = "q" }]
[[rules]]
id = "midpoint_meeting"
title = "Mid point meeting"
kind = "recurring"
after = { event = "meeting", kind = ["initial", "review"] }
due = "6 weeks"
met_by = { event = "meeting", kind = ["midpoint", "review"] }
cite = [{ quote = "q" }]
[[rules]]
id = "visit"
title = "Visit"
kind = "recurring"
after = "plan_decided"
due = "6 weeks"
target = "4 weeks"
met_by = { event = "visit", child_seen = true }
cite = [{ quote = "q" }]
[[rules]]
id = "minutes_distributed"
title = "Minutes"
kind = "each"
after = { event = "meeting", kind = ["initial", "review"] }
due = "10 working_days"
met_by = "minutes_distributed"
cite = [{ quote = "q" }]
[[rules]]
id = "consent_withdrawn_discussion"
title = "Discussion"
kind = "each"
after = "consent_withdrawn"
met_by = { event = "manager_discussion_held", topic = ["consent_withdrawn"] }
cite = [{ quote = "q" }]
[[rules]]
id = "invitations_sent"
title = "Invitations"
kind = "before"
before_meeting = ["initial_meeting", "review"]
due = "3 weeks"
met_by = "invitations_sent"
cite = [{ quote = "q" }]
[[rules]]
id = "so_final_review"
title = "Final review"
kind = "before"
before_date = "supervision_order_end"
due = "3 months"
met_by = { event = "meeting", kind = ["supervision_order_final_review"] }
pathways = ["supervision_order"]
cite = [{ quote = "q" }]
)";

class Engine : public testing::Test {
 protected:
  void SetUp() override {
    auto p = load_profile(kProfile, "profiles/t.toml");
    ASSERT_TRUE(p) << p.error().message;
    profile_ = std::move(*p);
  }

  // "rule status due [target]" for each obligation of `rule`.
  std::vector<std::string> of(const std::string& rule, const std::string& events,
                              const char* today) {
    auto h = parse_case_history(R"({"case_id": "C", "events": [)" + events + "]}");
    EXPECT_TRUE(h) << h.error().describe();
    if (!h) return {};
    std::vector<std::string> out;
    for (const Obligation& o : obligations(profile_, fold(*h), parse_date(today).value())) {
      if (profile_.rules[o.rule].id != rule) continue;
      std::string s =
          std::string(to_string(o.status)) + " " + (o.has_due ? o.due.to_string() : "-");
      if (o.has_target) s += " " + o.target.to_string();
      out.push_back(s);
    }
    return out;
  }

  Profile profile_;
};

using V = std::vector<std::string>;
const std::string kPlan = R"({"type": "plan_decided", "date": "2025-03-03"})";
const std::string kInitial = R"(, {"type": "meeting", "date": "2025-03-20", "kind": "initial"})";

TEST_F(Engine, OnceRuleCountsWorkingDaysAndIsMetByItsMeeting) {
  // 15 working days after Monday 3 March 2025 is Monday 24 March.
  EXPECT_EQ(of("initial_meeting", kPlan, "2025-03-05"), V{"upcoming 2025-03-24"});
  EXPECT_EQ(of("initial_meeting", kPlan, "2025-03-17"), V{"due_soon 2025-03-24"});
  EXPECT_EQ(of("initial_meeting", kPlan, "2025-03-25"), V{"overdue 2025-03-24"});
  EXPECT_EQ(of("initial_meeting", kPlan + kInitial, "2025-04-01"), V{"met 2025-03-24"});
  EXPECT_EQ(
      of("initial_meeting",
         kPlan + R"(, {"type": "meeting", "date": "2025-03-25", "kind": "initial"})", "2025-04-01"),
      V{"met_late 2025-03-24"});
  // Over Easter 2025 (Good Friday 18 April, Easter Monday 21 April).
  EXPECT_EQ(
      of("initial_meeting", R"({"type": "plan_decided", "date": "2025-04-14"})", "2025-04-14"),
      V{"upcoming 2025-05-08"});  // early May bank holiday 5 May skipped too
}

TEST_F(Engine, NothingHappensBeforeItsAnchorOrAfterToday) {
  EXPECT_EQ(of("initial_meeting", "", "2025-04-01"), V{});
  // Events dated after today have not happened yet.
  EXPECT_EQ(of("initial_meeting", kPlan + kInitial, "2025-03-19"), V{"due_soon 2025-03-24"});
}

TEST_F(Engine, RecurringReviewCountsFromTheLastMeetingWithTheAgreedDateAsTarget) {
  const std::string agreed =
      R"(, {"type": "meeting", "date": "2025-03-20", "kind": "initial", "next_meeting": "2025-06-12"})";
  EXPECT_EQ(of("review", kPlan + agreed, "2025-04-01"), V{"upcoming 2025-06-20 2025-06-12"});
  const std::string review = R"(, {"type": "meeting", "date": "2025-06-30", "kind": "review"})";
  EXPECT_EQ(of("review", kPlan + agreed + review, "2025-07-01"),
            (V{"met_late 2025-06-20 2025-06-12", "upcoming 2025-09-30"}));
  // Month ends clamp: 30 November + 3 months = 28 February.
  EXPECT_EQ(
      of("review", kPlan + R"(, {"type": "meeting", "date": "2025-11-30", "kind": "initial"})",
         "2025-12-01"),
      V{"upcoming 2026-02-28"});
}

TEST_F(Engine, PathwayOverrideSwitchesTheTimescale) {
  const std::string disability =
      R"(, {"type": "pathway", "date": "2025-03-03", "pathway": "disability"})";
  EXPECT_EQ(of("review", kPlan + kInitial + disability, "2025-04-01"), V{"upcoming 2025-09-20"});
  const std::string back = R"(, {"type": "pathway", "date": "2025-05-01", "pathway": "standard"})";
  EXPECT_EQ(of("review", kPlan + kInitial + disability + back, "2025-05-02"),
            V{"upcoming 2025-06-20"});
  // As at a day before the change, the disability timescale still holds.
  EXPECT_EQ(of("review", kPlan + kInitial + disability + back, "2025-04-30"),
            V{"upcoming 2025-09-20"});
}

TEST_F(Engine, UnseenVisitsDoNotResetTheClock) {
  const std::string seen = R"(, {"type": "visit", "date": "2025-03-10", "child_seen": true})";
  const std::string unseen = R"(, {"type": "visit", "date": "2025-04-14", "child_seen": false})";
  // The 4-week aim (7 April) has passed, the 6-week limit (21 April) not.
  EXPECT_EQ(of("visit", kPlan + seen + unseen, "2025-04-15"),
            (V{"met 2025-04-14 2025-03-31", "target_missed 2025-04-21 2025-04-07"}));
  // Due soon counts to the aim while it lies ahead: 7 days before 7 April.
  EXPECT_EQ(of("visit", kPlan + seen, "2025-03-31"),
            (V{"met 2025-04-14 2025-03-31", "due_soon 2025-04-21 2025-04-07"}));
  EXPECT_EQ(of("visit", kPlan + seen, "2025-03-30"),
            (V{"met 2025-04-14 2025-03-31", "upcoming 2025-04-21 2025-04-07"}));
}

TEST_F(Engine, EachMeetingHasItsOwnMinutesNamedByDate) {
  const std::string review = R"(, {"type": "meeting", "date": "2025-06-12", "kind": "review"})";
  const std::string minutes_of_review =
      R"(, {"type": "minutes_distributed", "date": "2025-06-13", "meeting_date": "2025-06-12"})";
  // Minutes of the review do not count for the initial meeting.
  EXPECT_EQ(of("minutes_distributed", kPlan + kInitial + review + minutes_of_review, "2025-06-20"),
            (V{"overdue 2025-04-03", "met 2025-06-26"}));
}

TEST_F(Engine, DutiesWithoutTimescaleAreOutstandingUntilMet) {
  const std::string withdrawn = R"(, {"type": "consent_withdrawn", "date": "2025-05-20"})";
  EXPECT_EQ(of("consent_withdrawn_discussion", kPlan + withdrawn, "2025-06-01"),
            V{"outstanding -"});
  const std::string discussed =
      R"(, {"type": "manager_discussion_held", "date": "2025-05-21", "topic": "consent_withdrawn"})";
  EXPECT_EQ(of("consent_withdrawn_discussion", kPlan + withdrawn + discussed, "2025-06-01"),
            V{"met -"});
}

TEST_F(Engine, BeforeRulesCountBackFromTheNextMeeting) {
  const std::string agreed =
      R"(, {"type": "meeting", "date": "2025-03-20", "kind": "initial", "next_meeting": "2025-06-12"})";
  // Initial meeting held with no invitations: missed. Three weeks before 20
  // March is 27 February, before the plan was decided (3 March): nothing is
  // due before the duty arises, so it was due on 3 March. Next meeting
  // agreed for 12 June: due 22 May.
  EXPECT_EQ(of("invitations_sent", kPlan + agreed, "2025-05-01"),
            (V{"missed 2025-03-03", "upcoming 2025-05-22"}));
  const std::string sent =
      R"(, {"type": "invitations_sent", "date": "2025-05-23", "meeting_date": "2025-06-12"})";
  EXPECT_EQ(of("invitations_sent", kPlan + agreed + sent, "2025-05-24"),
            (V{"missed 2025-03-03", "met_late 2025-05-22"}));
}

TEST_F(Engine, NothingIsDueBeforeTheDutyArisesAndAClashSaysSo) {
  auto h = parse_case_history(
      R"({"case_id": "C", "events": [{"type": "plan_decided", "date": "2025-03-03"},
          {"type": "invitations_sent", "date": "2025-03-03", "meeting_date": "2025-03-14"},
          {"type": "meeting", "date": "2025-03-14", "kind": "initial"}]})");
  ASSERT_TRUE(h) << h.error().describe();
  bool seen = false;
  for (const Obligation& o : obligations(profile_, fold(*h), parse_date("2025-03-20").value())) {
    if (profile_.rules[o.rule].id != "invitations_sent" || o.anchor.to_string() != "2025-03-14")
      continue;
    seen = true;
    EXPECT_TRUE(o.clash);
    EXPECT_EQ(o.due.to_string(), "2025-03-03");
    EXPECT_EQ(o.arose.to_string(), "2025-03-03");
    EXPECT_EQ(o.status, ObligationStatus::kMet);
  }
  EXPECT_TRUE(seen);
}

// A meeting agreed a review for 27 November; on 1 December nothing was
// recorded: the agreed date is missed though the limit is in February.
TEST_F(Engine, AMissedAgreedDateShowsTheDayAfterIt) {
  const std::string initial =
      R"({"type": "plan_decided", "date": "2026-08-20"},
         {"type": "meeting", "date": "2026-09-01", "kind": "initial", "next_meeting": "2026-11-27"})";
  EXPECT_EQ(of("review", initial, "2026-11-27"), V{"due_soon 2026-12-01 2026-11-27"});
  EXPECT_EQ(of("review", initial, "2026-11-28"), V{"target_missed 2026-12-01 2026-11-27"});
  EXPECT_EQ(of("review", initial, "2026-12-02"), V{"overdue 2026-12-01 2026-11-27"});
}

// A review agreed for a date after its limit is still due by the limit, and
// says the agreed date is late.
TEST_F(Engine, AnAgreedDateAfterTheLimitIsNotATarget) {
  auto h = parse_case_history(
      R"({"case_id": "C", "events": [{"type": "plan_decided", "date": "2026-03-02"},
          {"type": "meeting", "date": "2026-03-25", "kind": "initial", "next_meeting": "2026-08-01"}]})");
  ASSERT_TRUE(h) << h.error().describe();
  bool seen = false;
  for (const Obligation& o : obligations(profile_, fold(*h), parse_date("2026-04-01").value())) {
    if (profile_.rules[o.rule].id != "review") continue;
    seen = true;
    EXPECT_EQ(o.due.to_string(), "2026-06-25");
    EXPECT_FALSE(o.has_target);
    EXPECT_TRUE(o.agreed_after_due);
    EXPECT_EQ(o.agreed.to_string(), "2026-08-01");
  }
  EXPECT_TRUE(seen);
}

// The date a meeting agreed names the next review: the mid point meeting,
// due in 6 weeks, is neither given that date as a target nor said to be
// arranged for after its limit.
TEST_F(Engine, TheReviewsAgreedDateIsNotTheMidPointMeetings) {
  for (const char* next : {"2026-04-20", "2026-06-20"}) {
    auto h = parse_case_history(
        std::string(R"({"case_id": "C", "events": [{"type": "plan_decided", "date": "2026-03-02"},
          {"type": "meeting", "date": "2026-03-25", "kind": "initial", "next_meeting": ")") +
        next + R"("}]})");
    ASSERT_TRUE(h) << h.error().describe();
    bool midpoint = false, review = false;
    for (const Obligation& o : obligations(profile_, fold(*h), parse_date("2026-04-01").value())) {
      const std::string& id = profile_.rules[o.rule].id;
      if (id == "midpoint_meeting") {
        midpoint = true;
        EXPECT_EQ(o.due.to_string(), "2026-05-06") << next;
        EXPECT_FALSE(o.has_target) << next;
        EXPECT_FALSE(o.agreed_after_due) << next;
      } else if (id == "review") {
        review = true;
        EXPECT_EQ(o.has_target ? o.target.to_string() : o.agreed.to_string(), next);
      }
    }
    EXPECT_TRUE(midpoint && review) << next;
  }
}

// A review arranged for 1 May and then cancelled is no longer the date
// agreed: the review is expected on the date the meeting agreed again.
TEST_F(Engine, ACancelledMeetingIsNotTheDateAgreed) {
  const std::string base =
      R"({"type": "plan_decided", "date": "2026-03-02"},
         {"type": "meeting", "date": "2026-03-25", "kind": "initial", "next_meeting": "2026-06-20"},
         {"type": "invitations_sent", "date": "2026-04-01", "meeting_date": "2026-05-01"})";
  const std::string cancel =
      R"(, {"type": "meeting_cancelled", "date": "2026-04-10", "kind": "review",
            "meeting_date": "2026-05-01", "reason": "the mother is in hospital"})";
  EXPECT_EQ(of("review", base, "2026-04-15"), V{"upcoming 2026-06-25 2026-05-01"});
  EXPECT_EQ(of("review", base + cancel, "2026-04-15"), V{"upcoming 2026-06-25 2026-06-20"});
  // Before the cancellation it was still the date agreed.
  EXPECT_EQ(of("review", base + cancel, "2026-04-05"), V{"upcoming 2026-06-25 2026-05-01"});
  // Arranged again for the same day, it is agreed again.
  const std::string again =
      R"(, {"type": "invitations_sent", "date": "2026-04-12", "meeting_date": "2026-05-01"})";
  EXPECT_EQ(of("review", base + cancel + again, "2026-04-15"), V{"upcoming 2026-06-25 2026-05-01"});
}

// A second decision restarts the visit clock, but the interval it closed,
// already overdue, stays on the record as missed.
TEST_F(Engine, ALaterDecisionDoesNotEraseAnEarlierFailure) {
  const std::string again = R"(, {"type": "plan_decided", "date": "2025-05-01"})";
  EXPECT_EQ(of("visit", kPlan + again, "2025-05-02"),
            (V{"missed 2025-04-14 2025-03-31", "upcoming 2025-06-12 2025-05-29"}));
  // Restarted before the limit: nothing failed, nothing is reported for it.
  const std::string early = R"(, {"type": "plan_decided", "date": "2025-04-01"})";
  EXPECT_EQ(of("visit", kPlan + early, "2025-04-02"), V{"upcoming 2025-05-13 2025-04-29"});
}

// Each rules keep every unmet duty, however many meetings came before.
TEST_F(Engine, EachRulesHaveNoCapOnAnchors) {
  std::string events = kPlan;
  Date d = parse_date("2000-01-03").value();
  for (int i = 0; i < 300; ++i) {
    events += R"(, {"type": "consent_withdrawn", "date": ")" + d.to_string() + R"("})";
    d = add_days(d, 7);
  }
  EXPECT_EQ(of("consent_withdrawn_discussion", events, "2025-06-01").size(), 300u);
}

// An event recorded twice is counted once: one meeting, one set of duties.
TEST_F(Engine, AnEventRepeatedExactlyIsCountedOnce) {
  const std::string twice = kPlan + kInitial + kInitial + kInitial;
  EXPECT_EQ(of("minutes_distributed", twice, "2025-03-21"), V{"upcoming 2025-04-03"});
  auto h = parse_case_history(R"({"case_id": "C", "events": [)" + twice + "]}");
  ASSERT_TRUE(h);
  EXPECT_EQ(fold(*h).repeated(), 2u);
  EXPECT_EQ(exact_repeats(*h).size(), 2u);
}

TEST_F(Engine, ClosureStopsRecurringRulesAndLeavesWhatWasLateAsMissed) {
  const std::string closed = R"(, {"type": "closed", "date": "2025-06-30", "reason": "close"})";
  // Visits: due 14 April (6 weeks after plan start), never met, closed later: missed.
  EXPECT_EQ(of("visit", kPlan + kInitial + closed, "2025-08-01"),
            V{"missed 2025-04-14 2025-03-31"});
  // Review due 20 June... closed 30 June: missed; nothing after closure.
  EXPECT_EQ(of("review", kPlan + kInitial + closed, "2025-12-01"), V{"missed 2025-06-20"});
  // A case closed before its review fell due owes no review.
  const std::string early = R"(, {"type": "closed", "date": "2025-05-01", "reason": "close"})";
  EXPECT_EQ(of("review", kPlan + kInitial + early, "2025-12-01"), V{});
}

TEST_F(Engine, SupervisionOrderFinalReviewMovesWithAnExtension) {
  const std::string order =
      R"({"type": "supervision_order", "date": "2025-01-10", "end": "2026-01-09"})";
  EXPECT_EQ(of("so_final_review", order, "2025-06-01"), V{"upcoming 2025-10-09"});
  const std::string extended =
      R"(, {"type": "supervision_order_extended", "date": "2025-09-01", "end": "2026-07-09"})";
  EXPECT_EQ(of("so_final_review", order + extended, "2025-09-02"), V{"upcoming 2026-04-09"});
  // Never held and the order expired: missed.
  EXPECT_EQ(of("so_final_review", order, "2026-02-01"), V{"missed 2025-10-09"});
  // Not on other cases.
  EXPECT_EQ(of("so_final_review", kPlan, "2025-06-01"), V{});
}

}  // namespace
}  // namespace cinplan
