#include "core/casefile/fact_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/casefile/case_history.h"

namespace cinplan {
namespace {

namespace fs = std::filesystem;

std::string describe(const Fact& f) {
  return std::string(event_type(f.type).id) + " event " + std::to_string(f.event) + " date " +
         std::to_string(f.date) + " ref " + std::to_string(f.ref_date) + " subtype " +
         std::to_string(f.subtype) + " flags " + std::to_string(f.flags);
}

bool same(const Fact& a, const Fact& b) {
  return a.date == b.date && a.ref_date == b.ref_date && a.event == b.event && a.type == b.type &&
         a.subtype == b.subtype && a.flags == b.flags;
}

// Every event of `h` through the reader, as the store would hand them over.
std::vector<FactUpdate> read_all(const CaseHistory& h, int indent = -1) {
  FactReader reader;
  std::vector<FactUpdate> updates;
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const std::string payload = h.events[i].body.dump(indent);
    auto u = reader.read(h.events[i].type_id(), payload, static_cast<std::uint32_t>(i));
    EXPECT_TRUE(u) << h.describe_event(i) << ": " << u.error().message;
    if (u) updates.push_back(*u);
  }
  return updates;
}

void expect_same_state(const CaseState& got, const CaseState& want, const std::string& name) {
  const auto g = got.all_facts();
  const auto w = want.all_facts();
  ASSERT_EQ(g.size(), w.size()) << name;
  for (std::size_t i = 0; i < w.size(); ++i) {
    EXPECT_TRUE(same(g[i], w[i])) << name << " fact " << i << ": read " << describe(g[i])
                                  << ", fold " << describe(w[i]);
  }
}

// Replayed at once, one event at a time, and from pretty-printed payloads:
// always fold(h).
void expect_replay_is_fold(const CaseHistory& h, const std::string& name) {
  const CaseState want = fold(h);
  const auto updates = read_all(h);
  ASSERT_EQ(updates.size(), h.events.size()) << name;
  expect_same_state(apply_updates(CaseState{}, updates), want, name + " (at once)");
  CaseState step;
  for (const FactUpdate& u : updates) step = apply_updates(step, std::span(&u, 1));
  expect_same_state(step, want, name + " (one by one)");
  expect_same_state(apply_updates(CaseState{}, read_all(h, 2)), want, name + " (indented)");
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> out;
  for (const char* dir : {"tests/scenarios", "examples"}) {
    const fs::path root = fs::path(CINPLAN_SOURCE_DIR) / dir;
    for (const auto& f : fs::recursive_directory_iterator(root)) {
      const std::string name = f.path().filename().string();
      if (name.ends_with(".json") && !name.ends_with(".expected.json")) out.push_back(f.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FactReader, ReplayEqualsFoldForEveryScenarioAndExample) {
  const auto files = case_files();
  ASSERT_GT(files.size(), 100u);
  std::size_t corrected = 0;
  for (const fs::path& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto h = parse_case_history(text.str());
    ASSERT_TRUE(h) << file << ": " << h.error().describe();
    for (const Event& e : h->events) corrected += e.type == corrected_event_type();
    expect_replay_is_fold(*h, file.string());
  }
  EXPECT_GT(corrected, 0u) << "no scenario holds a correction";
}

TEST(FactReader, ReplayEqualsFoldForTheRegistryExamples) {
  // Every example, in registry order, makes one valid history: its correction
  // names the tenth event.
  std::string events;
  for (const EventTypeSpec& t : event_types()) {
    events += (events.empty() ? "" : ", ") + std::string(t.example);
  }
  auto h = parse_case_history(R"({"case_id": "C-1", "events": [)" + events + "]}");
  ASSERT_TRUE(h) << h.error().describe();
  expect_replay_is_fold(*h, "registry examples");
  // Each example alone, but the correction, which needs an earlier event.
  for (const EventTypeSpec& t : event_types()) {
    if (t.id == "event_corrected") continue;
    auto e = parse_event(nlohmann::ordered_json::parse(t.example));
    ASSERT_TRUE(e) << t.id << ": " << e.error().message;
    CaseHistory one;
    one.events.push_back(std::move(*e));
    expect_replay_is_fold(one, std::string(t.id));
  }
}

TEST(FactReader, ThePlansVisitingFrequencyIsKeptOnItsFactBesideItsFlags) {
  auto h = parse_case_history(R"({"case_id": "C-1", "events": [
    {"type": "plan_updated", "date": "2025-03-03", "visiting_frequency_days": 10,
     "significant": true},
    {"type": "plan_updated", "date": "2025-04-03", "summary": "no frequency"},
    {"type": "plan_updated", "date": "2025-05-03", "visiting_frequency_days": 366},
    {"type": "event_corrected", "date": "2025-05-04", "corrects": 2, "reason": "typed wrong",
     "replacement": {"type": "plan_updated", "date": "2025-04-03",
                     "visiting_frequency_days": 14}}]})");
  ASSERT_TRUE(h) << h.error().describe();
  expect_replay_is_fold(*h, "frequencies");
  const CaseState s = fold(*h);
  const auto plans = s.facts(*find_event_type("plan_updated"));
  ASSERT_EQ(plans.size(), 3u);
  EXPECT_EQ(fact_number(plans[0]), 10);
  EXPECT_EQ(plans[0].flags & 1u, 1u);    // significant
  EXPECT_EQ(fact_number(plans[1]), 14);  // as corrected
  EXPECT_EQ(fact_number(plans[2]), 366);
}

TEST(FactReader, ReplayEqualsFoldWithCorrectionsInAnyFieldOrder) {
  const std::string base = R"(
    {"type": "plan_decided", "date": "2025-03-03"},
    {"type": "visit", "date": "2025-04-01", "child_seen": true, "rooms_seen": ["kitchen"],
     "note": {"date": "1999-01-01", "child_seen": false, "type": "x"}},
    {"type": "meeting", "date": "2025-03-20", "kind": "initial", "next_meeting": "2025-06-12"},
    {"type": "visit", "date": "2025-05-01", "child_seen": false, "location": "school"})";
  const std::vector<std::string> corrections = {
      // A replacement before `corrects`, its type after its fields.
      R"({"replacement": {"child_seen": true, "location": "home", "rooms_seen": ["bedroom",
          "bathroom"], "date": "2025-04-02", "type": "visit"}, "corrects": 2,
          "reason": "wrong date", "type": "event_corrected", "date": "2025-04-03"})",
      // A strike, then a replacement of another type reinstating it.
      R"({"type": "event_corrected", "date": "2025-05-02", "corrects": 4, "reason": "wrong file"},
         {"type": "event_corrected", "date": "2025-05-03", "corrects": 4, "reason": "a note",
          "replacement": {"type": "case_note_added", "date": "2025-05-01", "heading": "Call",
                          "text": "Sp\u00f6ke to \"mum\""}})",
      // A replacement changing the meeting's kind and agreed date, with null fields.
      R"({"type": "event_corrected", "date": "2025-03-21", "corrects": 3, "reason": "a review",
          "replacement": {"type": "meeting", "date": "2025-03-20", "kind": "review",
                          "next_meeting": null, "outcome": "continue"}},
         {"type": "event_corrected", "date": "2025-03-22", "corrects": 3, "reason": "again",
          "replacement": {"type": "meeting", "date": "2025-03-19", "kind": "initial",
                          "next_meeting": "2025-07-01"}})",
      // Struck out with an explicit null replacement.
      R"({"type": "event_corrected", "date": "2025-04-03", "corrects": 2, "reason": "x",
          "replacement": null})",
  };
  for (const std::string& c : corrections) {
    auto h = parse_case_history(R"({"case_id": "C-1", "events": [)" + base + ", " + c + "]}");
    ASSERT_TRUE(h) << c << ": " << h.error().describe();
    expect_replay_is_fold(*h, c);
  }
}

TEST(FactReader, ACorrectionIsAnUpdateOfTheEventItNames) {
  FactReader reader;
  auto strike =
      reader.read("event_corrected",
                  R"({"type":"event_corrected","date":"2025-04-03","corrects":2,"reason":"x"})", 5);
  ASSERT_TRUE(strike) << strike.error().message;
  EXPECT_EQ(strike->kind, FactUpdate::Kind::kStrike);
  EXPECT_EQ(strike->target, 1u);
  auto replace =
      reader.read("event_corrected",
                  R"({"type":"event_corrected","date":"2025-04-03","corrects":1,"reason":"x",)"
                  R"("replacement":{"type":"visit","date":"2025-04-02","child_seen":true}})",
                  5);
  ASSERT_TRUE(replace) << replace.error().message;
  EXPECT_EQ(replace->kind, FactUpdate::Kind::kReplace);
  EXPECT_EQ(replace->target, 0u);
  EXPECT_EQ(replace->fact.event, 0u);
  EXPECT_EQ(replace->fact.type, *find_event_type("visit"));
  EXPECT_EQ(Date::from_days(replace->fact.date).to_string(), "2025-04-02");
  auto add = reader.read("plan_decided", R"({"type":"plan_decided","date":"2025-03-03"})", 7);
  ASSERT_TRUE(add);
  EXPECT_EQ(add->kind, FactUpdate::Kind::kAdd);
  EXPECT_EQ(add->target, 7u);
  EXPECT_EQ(add->fact.event, 7u);
}

TEST(FactReader, SaysWhichStoredEventItCannotRead) {
  FactReader reader;
  auto unknown = reader.read("moved", R"({"type":"moved","date":"2025-04-03"})", 0);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInternal);
  EXPECT_EQ(unknown.error().message, "stored event 1 (moved): unknown event type");
  auto broken = reader.read("visit", R"({"type":"visit","date":)", 2);
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("stored event 3 (visit)"), std::string::npos);
  auto no_date = reader.read("visit", R"({"type":"visit","child_seen":true})", 2);
  ASSERT_FALSE(no_date);
  EXPECT_EQ(no_date.error().message, "stored event 3 (visit): the payload has no date");
  auto bad_date = reader.read("visit", R"({"type":"visit","date":"2025-02-30"})", 2);
  EXPECT_FALSE(bad_date);
  EXPECT_FALSE(reader.read("visit", "[1, 2]", 2));
  auto later =
      reader.read("event_corrected",
                  R"({"type":"event_corrected","date":"2025-04-03","corrects":3,"reason":"x"})", 2);
  ASSERT_FALSE(later);
  EXPECT_EQ(later.error().message,
            "stored event 3 (event_corrected): it corrects no earlier event");
  EXPECT_FALSE(
      reader.read("event_corrected",
                  R"({"date":"2025-04-03","corrects":1,"replacement":{"date":"2025-04-01"}})", 2));
  // The reader is still usable after errors, with a payload longer than any before.
  const std::string long_text(5000, 'x');
  auto ok = reader.read("case_note_added",
                        R"({"type":"case_note_added","date":"2025-04-03","heading":"h","text":")" +
                            long_text + R"("})",
                        4);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(Date::from_days(ok->fact.date).to_string(), "2025-04-03");
}

TEST(FactApply, StrikeAndReplaceActOnTheTargetsFactOnly) {
  const auto visit = *find_event_type("visit");
  auto fact = [&](std::uint32_t event, std::int32_t date) {
    Fact f;
    f.type = visit;
    f.event = event;
    f.date = date;
    return f;
  };
  const std::vector<FactUpdate> adds = {{FactUpdate::Kind::kAdd, 0, fact(0, 30)},
                                        {FactUpdate::Kind::kAdd, 1, fact(1, 10)},
                                        {FactUpdate::Kind::kAdd, 2, fact(2, 20)}};
  const CaseState s = apply_updates(CaseState{}, adds);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.facts(visit)[0].event, 1u);  // sorted by date
  const std::vector<FactUpdate> fix = {{FactUpdate::Kind::kStrike, 1, {}},
                                       {FactUpdate::Kind::kReplace, 2, fact(2, 5)}};
  const CaseState t = apply_updates(s, fix);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.facts(visit)[0].event, 2u);
  EXPECT_EQ(t.facts(visit)[0].date, 5);
  EXPECT_EQ(t.facts(visit)[1].event, 0u);
  // Reinstating a struck event brings it back; striking it twice is harmless.
  const std::vector<FactUpdate> again = {{FactUpdate::Kind::kStrike, 1, {}},
                                         {FactUpdate::Kind::kReplace, 1, fact(1, 11)}};
  EXPECT_EQ(apply_updates(t, again).size(), 3u);
  EXPECT_EQ(s.size(), 3u);  // the input state is unchanged
}

}  // namespace
}  // namespace cinplan
