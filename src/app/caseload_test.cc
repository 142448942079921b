// The caseload query over a projection of a real (SQLite) store: open cases
// only, as the engine reads closure; the worker and team allocated as at the
// day; the engine's overdue and next-due obligations; most urgent first; and
// the worker and team filters.
#include "app/caseload.h"
#include "app/app_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "app/case_import.h"
#include "core/casefile/case_history.h"
#include "core/obligations/obligations.h"
#include "store/store_test_support.h"

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;

std::string case_text(const std::string& id, const std::string& events) {
  return R"({"case_id": ")" + id + R"(", "child": {"id": "P-)" + id + R"(", "name": "Child )" + id +
         R"("}, "events": [)" + events + "]}";
}

const std::string kPlan =
    R"({"type": "assessment_completed", "date": "2025-01-06", "s17_need": true},
       {"type": "plan_decided", "date": "2025-01-06"})";
std::string allocated(const std::string& date, const std::string& worker, const std::string& team) {
  return R"(, {"type": "worker_allocated", "date": ")" + date + R"(", "worker": ")" + worker +
         R"(", "team": ")" + team + R"(", "role": "social_worker"})";
}
std::string closed(const std::string& date) {
  return R"(, {"type": "closed", "date": ")" + date + R"(", "reason": "close"})";
}

class CaseloadQuery : public testing::Test {
 protected:
  void SetUp() override {
    store::OpenOptions create;
    create.create = true;
    store_ = store::open_store(dir_.sqlite_url(), create).value();
  }

  void add(const std::string& id, const std::string& events, const std::string& profile) {
    const std::string text = case_text(id, events);
    auto ok =
        import_case(*store_, test_profiles(), text, id + ".json", {profile, "tester"}, clock_);
    ASSERT_TRUE(ok) << ok.error().message;
    texts_[id] = {text, profile};
  }

  CaseProjection project() {
    CaseProjection p;
    auto ok = p.catch_up(*store_);
    EXPECT_TRUE(ok) << ok.error().message;
    return p;
  }

  // What the engine gives the case directly.
  std::vector<Obligation> engine(const std::string& id, Date today) {
    const auto& [text, profile] = texts_.at(id);
    return obligations(*test_profiles().find(profile).value(),
                       fold(parse_case_history(text).value()), today);
  }

  store::testing::TempDir dir_;
  std::unique_ptr<store::EventStore> store_;
  const FixedClock clock_{TimePoint{} + std::chrono::milliseconds(1795342530123)};
  std::map<std::string, std::pair<std::string, std::string>> texts_;
};

const Date kToday = parse_date("2025-06-01").value();

TEST_F(CaseloadQuery, OpenCasesOnlyWithTheirAllocationAsAtTheDay) {
  add("A", kPlan + allocated("2025-01-07", "Alex Morgan", "North"), "london-cyps");
  add("B", kPlan + allocated("2025-01-07", "Alex Morgan", "North") + closed("2025-05-01"),
      "london-cyps");
  add("C", kPlan + closed("2025-06-02"), "bolton");  // closes tomorrow: open today
  add("D", kPlan + allocated("2025-01-07", "Sam Patel", "South"), "bolton");
  add("E",
      kPlan + allocated("2025-01-07", "Sam Patel", "South") +
          allocated("2025-06-05", "Alex Morgan", "North"),
      "worcestershire");
  add("F", kPlan + allocated("2025-06-05", "Sam Patel", "South"), "worcestershire");
  const CaseProjection p = project();

  const Caseload load = caseload(p, test_profiles(), kToday);
  ASSERT_TRUE(load.problems.empty());
  std::map<std::string, const CaseloadItem*> by_id;
  for (const CaseloadItem& item : load.cases) by_id[item.entry->id] = &item;
  EXPECT_EQ(by_id.size(), 5u);
  EXPECT_FALSE(by_id.contains("B"));  // closed a month before
  ASSERT_TRUE(by_id.contains("C"));
  EXPECT_EQ(by_id["A"]->worker, "Alex Morgan");
  EXPECT_EQ(by_id["A"]->team, "North");
  EXPECT_EQ(by_id["C"]->worker, "");
  EXPECT_EQ(by_id["E"]->worker, "Sam Patel");  // the reallocation is after the day
  EXPECT_EQ(by_id["F"]->worker, "");
  EXPECT_EQ(by_id["D"]->profile->id, "bolton");

  // The day after the later allocation.
  const Caseload later = caseload(p, test_profiles(), parse_date("2025-06-05").value());
  for (const CaseloadItem& item : later.cases) {
    if (item.entry->id == "E") {
      EXPECT_EQ(item.worker, "Alex Morgan");
    }
    if (item.entry->id == "F") {
      EXPECT_EQ(item.worker, "Sam Patel");
    }
    EXPECT_NE(item.entry->id, "C");  // closed on 2 June
  }
}

TEST_F(CaseloadQuery, OverdueAndNextDueAreTheEnginesMostUrgentFirst) {
  add("A", kPlan, "london-cyps");
  add("D", kPlan, "bolton");
  add("G", R"({"type": "plan_decided", "date": "2025-05-28"})", "bolton");  // nothing late yet
  add("H", R"({"type": "plan_decided", "date": "2024-11-04"})", "worcestershire");
  const CaseProjection p = project();
  const Caseload load = caseload(p, test_profiles(), kToday);
  ASSERT_EQ(load.cases.size(), 4u);

  std::size_t with_overdue = 0;
  for (const CaseloadItem& item : load.cases) {
    std::vector<Obligation> overdue, missed_dates;
    std::optional<Obligation> next;
    for (const Obligation& o : engine(item.entry->id, kToday)) {
      if (o.status == ObligationStatus::kOverdue) overdue.push_back(o);
      if (o.status == ObligationStatus::kTargetMissed) missed_dates.push_back(o);
      if (o.has_due &&
          (o.status == ObligationStatus::kUpcoming || o.status == ObligationStatus::kDueSoon) &&
          (!next || o.next_date(kToday) < next->next_date(kToday)))
        next = o;
    }
    EXPECT_EQ(item.target_missed.size(), missed_dates.size()) << item.entry->id;
    with_overdue += !overdue.empty();
    ASSERT_EQ(item.overdue.size(), overdue.size()) << item.entry->id;
    for (std::size_t i = 0; i + 1 < item.overdue.size(); ++i)
      EXPECT_LE(item.overdue[i].due, item.overdue[i + 1].due) << item.entry->id;
    for (const Obligation& o : overdue) {
      EXPECT_TRUE(std::any_of(item.overdue.begin(), item.overdue.end(), [&](const Obligation& x) {
        return x.rule == o.rule && x.due == o.due;
      })) << item.entry->id;
    }
    ASSERT_EQ(item.next_due.has_value(), next.has_value()) << item.entry->id;
    if (next) {
      EXPECT_EQ(item.next_due->rule, next->rule) << item.entry->id;
      EXPECT_EQ(item.next_due->due, next->due) << item.entry->id;
    }
  }
  EXPECT_EQ(load.with_overdue, with_overdue);
  EXPECT_GE(with_overdue, 2u);
  // Overdue cases first, the longest overdue first; G, with nothing late, last.
  EXPECT_EQ(load.cases.back().entry->id, "G");
  for (std::size_t i = 0; i + 1 < load.cases.size(); ++i) {
    const CaseloadItem& a = load.cases[i];
    const CaseloadItem& b = load.cases[i + 1];
    EXPECT_FALSE(a.overdue.empty() && !b.overdue.empty());
    if (!a.overdue.empty() && !b.overdue.empty()) {
      EXPECT_LE(a.overdue.front().due, b.overdue.front().due);
    }
  }
}

TEST_F(CaseloadQuery, FiltersByWorkerAndTeamIgnoringCase) {
  add("A", kPlan + allocated("2025-01-07", "Alex Morgan", "North"), "london-cyps");
  add("D", kPlan + allocated("2025-01-07", "Sam Patel", "South"), "bolton");
  add("E", kPlan + allocated("2025-01-07", "Alex Morgan", "South"), "bolton");
  const CaseProjection p = project();
  auto ids = [&](const CaseloadFilter& f) {
    std::vector<std::string> out;
    const Caseload load = caseload(p, test_profiles(), kToday, f);
    for (const CaseloadItem& item : load.cases) out.push_back(item.entry->id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids({"alex morgan", "", ""}), (std::vector<std::string>{"A", "E"}));
  EXPECT_EQ(ids({"", "SOUTH", ""}), (std::vector<std::string>{"D", "E"}));
  EXPECT_EQ(ids({"Alex Morgan", "South", ""}), (std::vector<std::string>{"E"}));
  EXPECT_TRUE(ids({"Nobody", "", ""}).empty());
  EXPECT_EQ(ids({}).size(), 3u);
}

// A missed agreed date shows on the caseload the day after it, between the
// overdue cases and those only due: a meeting agreed a review for 27
// November; on 1 December nothing was recorded; its limit is in February.
TEST_F(CaseloadQuery, AMissedAgreedDateShowsBetweenOverdueAndDueSoon) {
  const std::string agreed = R"({"type": "plan_decided", "date": "2026-10-20"},
      {"type": "meeting", "date": "2026-10-29", "kind": "initial", "chair_role": "first_line_manager",
       "outcome": "continue", "next_meeting": "2026-11-27"})";
  add("M", agreed, "worcestershire");
  add("N", R"({"type": "plan_decided", "date": "2026-11-28"})", "worcestershire");
  add("O", R"({"type": "plan_decided", "date": "2026-10-01"})", "worcestershire");
  const CaseProjection p = project();
  const Caseload load = caseload(p, test_profiles(), parse_date("2026-12-01").value());
  ASSERT_EQ(load.cases.size(), 3u);
  EXPECT_EQ(load.cases[0].entry->id, "O");  // its initial meeting is overdue
  EXPECT_EQ(load.cases[1].entry->id, "M");
  ASSERT_EQ(load.cases[1].target_missed.size(), 1u);
  const Obligation& review = load.cases[1].target_missed[0];
  EXPECT_TRUE(review.target_agreed);
  EXPECT_EQ(review.target, parse_date("2026-11-27").value());
  EXPECT_EQ(review.due, parse_date("2026-12-10").value());  // within 6 weeks
  EXPECT_EQ(load.with_target_missed, 1u);
  EXPECT_EQ(load.cases[2].entry->id, "N");
}

TEST_F(CaseloadQuery, ADutyOnlyToConsiderIsNeverOverdueOnTheCaseload) {
  // "The social worker should consider holding a CIN mid point meeting at
  // intervals of 6 weeks": eight weeks on, the mid point meeting is past its
  // date, but only the duties that must or should be done are overdue.
  add("P", kPlan + R"(, {"type": "meeting", "date": "2025-01-20", "kind": "initial",
      "chair_role": "first_line_manager", "outcome": "continue"})",
      "cin-plans-and-reviews");
  const CaseProjection p = project();
  const Date today = parse_date("2025-03-20").value();
  bool engine_has_it = false;
  for (const Obligation& o : engine("P", today))
    engine_has_it =
        engine_has_it || (o.status == ObligationStatus::kOverdue &&
                          test_profiles().find("cin-plans-and-reviews").value()->rules[o.rule].id ==
                              "midpoint_meeting");
  EXPECT_TRUE(engine_has_it);  // the engine says its date has passed
  const Caseload load = caseload(p, test_profiles(), today);
  ASSERT_EQ(load.cases.size(), 1u);
  for (const Obligation& o : load.cases[0].overdue)
    EXPECT_NE(load.cases[0].profile->rules[o.rule].id, "midpoint_meeting");
}

TEST_F(CaseloadQuery, ACaseUnderAnUnknownProfileIsNamedAndTheOthersListed) {
  store::AppendRequest r;
  r.stream_id = "Z-9";
  r.create =
      store::NewStream{std::string(store::kCaseStreamKind), "nowhere", R"({"case_id":"Z-9"})"};
  r.events.push_back(
      {"plan_decided", "2025-01-06", R"({"type":"plan_decided","date":"2025-01-06"})"});
  r.recorded_by = "tester";
  r.recorded_at = "2026-11-22T10:15:30.123Z";
  ASSERT_TRUE(store_->append(r));
  add("A", kPlan, "london-cyps");
  const CaseProjection p = project();
  const Caseload load = caseload(p, test_profiles(), kToday);
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_EQ(load.problems[0].case_id, "Z-9");
  EXPECT_NE(load.problems[0].error.message.find("nowhere"), std::string::npos)
      << load.problems[0].error.message;
  ASSERT_EQ(load.cases.size(), 1u);
  EXPECT_EQ(load.cases[0].entry->id, "A");
}

TEST(ClosedAsAt, AClosureCountsFromItsOwnDay) {
  auto h = parse_case_history(case_text("A", kPlan + closed("2025-05-01"))).value();
  const CaseState s = fold(h);
  EXPECT_FALSE(closed_as_at(s, parse_date("2025-04-30").value()));
  EXPECT_TRUE(closed_as_at(s, parse_date("2025-05-01").value()));
  EXPECT_FALSE(closed_as_at(CaseState{}, kToday));
}

}  // namespace
}  // namespace cinplan::app
