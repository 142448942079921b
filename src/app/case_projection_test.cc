// The case projection against real stores (a temporary SQLite file, and the
// PostgreSQL server of CINPLAN_TEST_POSTGRES_URL when set): replayed, restored
// from a snapshot taken midway and caught up, it holds for every case exactly
// fold() of the case's history; corrections fold as fold() reads them; and a
// projection following one connection sees another's appends within a second.
#include "app/case_projection.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <thread>

#include "app/profile_catalog.h"
#include "app/projection_snapshot.h"
#include "core/casefile/case_history.h"
#include "store/store_test_support.h"

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using store::testing::TempDir;

const fs::path kScenarios = fs::path(CINPLAN_SOURCE_DIR) / "tests" / "scenarios";

struct Scenario {
  std::string profile;  // the folder's name
  std::string text;     // the case-history file
};

std::vector<Scenario> scenarios() {
  std::vector<Scenario> out;
  for (const auto& dir : fs::directory_iterator(kScenarios)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      const std::string name = f.path().filename().string();
      if (name.ends_with(".json") && !name.ends_with(".expected.json"))
        out.push_back({dir.path().filename().string(), read_file(f.path()).value()});
    }
  }
  return out;
}

// A case document split for the store: the header (without events), and
// each event's compact JSON.
struct Split {
  std::string id;
  std::string header;
  std::vector<store::NewEvent> events;
};

Split split(const std::string& text, const std::string& prefix) {
  json doc = json::parse(text);
  Split s;
  s.id = prefix + doc.at("case_id").get<std::string>();
  doc["case_id"] = s.id;
  for (const json& e : doc.at("events")) {
    s.events.push_back(
        {e.at("type").get<std::string>(), e.at("date").get<std::string>(), e.dump()});
  }
  doc["events"] = nullptr;
  s.header = doc.dump();
  return s;
}

store::AppendRequest request(const std::string& id, std::int64_t expected,
                             std::vector<store::NewEvent> events) {
  store::AppendRequest r;
  r.stream_id = id;
  r.expected_version = expected;
  r.events = std::move(events);
  r.recorded_by = "tester";
  r.recorded_at = "2026-11-22T10:15:30.123Z";
  return r;
}

// Creates the stream with events [0, upto) of `s`.
void create(store::EventStore& st, const Split& s, const std::string& profile, std::size_t upto) {
  auto r = request(s.id, 0, {s.events.begin(), s.events.begin() + static_cast<long>(upto)});
  r.create = store::NewStream{std::string(store::kCaseStreamKind), profile, s.header};
  auto ok = st.append(r);
  ASSERT_TRUE(ok) << s.id << ": " << ok.error().message;
}

void append_rest(store::EventStore& st, const Split& s, std::size_t from) {
  if (from >= s.events.size()) return;
  auto ok = st.append(request(s.id, static_cast<std::int64_t>(from),
                              {s.events.begin() + static_cast<long>(from), s.events.end()}));
  ASSERT_TRUE(ok) << s.id << ": " << ok.error().message;
}

std::string describe(const Fact& f) {
  return std::string(event_type(f.type).id) + " event " + std::to_string(f.event) + " date " +
         std::to_string(f.date) + " ref " + std::to_string(f.ref_date) + " subtype " +
         std::to_string(f.subtype) + " flags " + std::to_string(f.flags);
}

// Fact for fact, and the same type ranges.
testing::AssertionResult same_state(const CaseState& a, const CaseState& b) {
  if (a.size() != b.size())
    return testing::AssertionFailure() << a.size() << " facts against " << b.size();
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Fact& x = a.all_facts()[i];
    const Fact& y = b.all_facts()[i];
    if (x.date != y.date || x.ref_date != y.ref_date || x.event != y.event || x.type != y.type ||
        x.subtype != y.subtype || x.flags != y.flags) {
      return testing::AssertionFailure()
             << "fact " << i << ": " << describe(x) << " against " << describe(y);
    }
  }
  for (std::size_t t = 0; t < event_types().size(); ++t) {
    if (a.facts(static_cast<EventTypeId>(t)).size() != b.facts(static_cast<EventTypeId>(t)).size())
      return testing::AssertionFailure()
             << "type ranges differ at " << event_type(static_cast<EventTypeId>(t)).id;
  }
  return testing::AssertionSuccess();
}

// A database of its own on the test server, dropped afterwards: the
// projection reads the whole log, and other tests share the server's test
// database with events of their own making.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(const std::string& server_url) : server_url_(server_url) {
    name_ = "cinplan_projection_" + store::testing::unique_token();
    std::replace(name_.begin(), name_.end(), '-', '_');
    run("CREATE DATABASE " + name_);
    const auto query = server_url.find('?');
    const auto slash = server_url.rfind('/', query);
    url_ = server_url.substr(0, slash + 1) + name_ +
           (query == std::string::npos ? "" : server_url.substr(query));
  }
  ~ScratchDatabase() { run("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)"); }
  const std::string& url() const { return url_; }

 private:
  void run(const std::string& sql) {
    pqxx::connection c(server_url_);
    pqxx::nontransaction w(c);
    w.exec(sql);
  }
  std::string server_url_, name_, url_;
};

class Projection : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      url_ = dir_.sqlite_url();
    } else {
      scratch_.emplace(*store::testing::postgres_test_url());
      url_ = scratch_->url();
    }
    store::OpenOptions create;
    create.create = true;
    store_ = store::open_store(url_, create).value();
    prefix_ = "PRJ-" + store::testing::unique_token() + "-";
  }

  std::unique_ptr<store::EventStore> open_again() { return store::open_store(url_).value(); }

  // Every scenario's case under this test's prefix: the first `part` of its
  // events (0.0 to 1.0) when created, the rest appended by finish().
  void start(double part) {
    for (const Scenario& sc : scenarios()) {
      cases_.push_back({split(sc.text, prefix_), sc.profile, sc.text});
      const auto n = cases_.back().split.events.size();
      created_.push_back(
          std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(n) * part)));
      create(*store_, cases_.back().split, sc.profile, std::min(n, created_.back()));
    }
  }
  void finish() {
    for (std::size_t i = 0; i < cases_.size(); ++i)
      append_rest(*store_, cases_[i].split, created_[i]);
  }

  // Every case of this test: in `p`, with its profile, child, version, and
  // fold() of its history.
  void expect_folds(const CaseProjection& p) {
    ASSERT_FALSE(cases_.empty());
    for (const Case& c : cases_) {
      const CaseEntry* e = p.find(c.split.id);
      ASSERT_NE(e, nullptr) << c.split.id;
      auto history = parse_case_history(c.text);
      ASSERT_TRUE(history) << history.error().message;
      EXPECT_TRUE(same_state(e->state, fold(*history))) << c.split.id;
      EXPECT_EQ(e->version, static_cast<std::int64_t>(history->events.size())) << c.split.id;
      EXPECT_EQ(p.profile(*e), c.profile) << c.split.id;
      EXPECT_EQ(e->child_name, history->child.name) << c.split.id;
    }
  }

  struct Case {
    Split split;
    std::string profile;
    std::string text;
  };
  TempDir dir_;
  std::optional<ScratchDatabase> scratch_;  // declared before the stores: dropped after them
  std::string url_;
  std::unique_ptr<store::EventStore> store_;
  std::string prefix_;
  std::vector<Case> cases_;
  std::vector<std::size_t> created_;
};

TEST_P(Projection, ReplayHoldsTheFoldOfEveryCase) {
  start(1.0);
  for (unsigned threads : {1u, 2u}) {
    CaseProjection p;
    CatchUpOptions options;
    options.threads = threads;
    auto caught = p.catch_up(*store_, options);
    ASSERT_TRUE(caught) << caught.error().message;
    EXPECT_EQ(caught->position, store_->head().value());
    EXPECT_EQ(p.position(), caught->position);
    expect_folds(p);
  }
}

TEST_P(Projection, ASnapshotTakenMidwayThenCaughtUpEqualsAFullReplay) {
  start(0.5);  // every case is split across the snapshot
  const std::string name = "test-" + prefix_;
  {
    CaseProjection midway;
    ASSERT_TRUE(midway.catch_up(*store_));
    ASSERT_TRUE(save_snapshot(*store_, midway, name));
  }
  finish();

  CaseProjection restored;
  CatchUpOptions two;
  two.threads = 2;
  auto r = restore_projection(*store_, restored, two, name);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->snapshot.used) << r->snapshot.why_not;
  EXPECT_GT(r->snapshot_position, 0);
  EXPECT_GT(r->caught.events, 0);
  expect_folds(restored);

  CaseProjection replayed;
  CatchUpOptions one;
  one.threads = 1;
  ASSERT_TRUE(replayed.catch_up(*store_, one));
  expect_folds(replayed);
  ASSERT_EQ(replayed.position(), restored.position());
  for (const Case& c : cases_) {
    const CaseEntry* a = replayed.find(c.split.id);
    const CaseEntry* b = restored.find(c.split.id);
    ASSERT_TRUE(a && b);
    EXPECT_TRUE(same_state(a->state, b->state)) << c.split.id;
    EXPECT_EQ(a->version, b->version);
  }
}

TEST_P(Projection, CatchUpAppliesOnlyWhatIsNewAndLimitStopsEarly) {
  start(1.0);
  CaseProjection p;
  CatchUpOptions first;
  first.limit = 3;
  auto caught = p.catch_up(*store_, first);
  ASSERT_TRUE(caught) << caught.error().message;
  EXPECT_EQ(caught->events, 3);
  auto rest = p.catch_up(*store_);
  ASSERT_TRUE(rest) << rest.error().message;
  EXPECT_EQ(p.position(), store_->head().value());
  auto again = p.catch_up(*store_);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->events, 0);
  EXPECT_EQ(again->new_cases, 0u);
  expect_folds(p);
}

// A case with corrections: a visit's date and flags replaced, a visit struck
// out, the same visit reinstated by a later correction, and the allocation
// replaced by one naming another worker.
const char* const kCorrected = R"({
  "case_id": "X-1",
  "child": {"id": "P-X1", "name": "Robin Example"},
  "events": [
    {"type": "plan_decided", "date": "2025-03-03"},
    {"type": "worker_allocated", "date": "2025-03-03", "worker": "Alex Morgan", "team": "North", "role": "social_worker"},
    {"type": "visit", "date": "2025-03-10", "child_seen": false, "location": "home"},
    {"type": "visit", "date": "2025-03-20", "child_seen": true, "location": "school"},
    {"type": "visit", "date": "2025-04-01", "child_seen": true, "location": "home"},
    {"type": "event_corrected", "date": "2025-04-02", "corrects": 3, "reason": "the child was seen, on the 11th",
     "replacement": {"type": "visit", "date": "2025-03-11", "child_seen": true, "location": "home"}},
    {"type": "event_corrected", "date": "2025-04-02", "corrects": 4, "reason": "recorded on the wrong case"},
    {"type": "event_corrected", "date": "2025-04-03", "corrects": 2, "reason": "allocated to the other team",
     "replacement": {"type": "worker_allocated", "date": "2025-03-04", "worker": "Sam Patel", "team": "South", "role": "social_worker"}},
    {"type": "visit", "date": "2025-04-20", "child_seen": true, "location": "home"},
    {"type": "event_corrected", "date": "2025-04-21", "corrects": 4, "reason": "it was this case after all",
     "replacement": {"type": "visit", "date": "2025-03-20", "child_seen": true, "location": "school"}}
  ]
})";

TEST_P(Projection, CorrectionsChangeTheStateExactlyAsTheFoldReadsThem) {
  const Split s = split(kCorrected, prefix_);
  auto history = parse_case_history(json::parse(kCorrected).dump());
  ASSERT_TRUE(history) << history.error().message;
  const CaseState folded = fold(*history);
  // As corrected: six facts (no correction is one), the first visit moved.
  ASSERT_EQ(folded.size(), 6u);
  const auto visits = folded.facts(*find_event_type("visit"));
  ASSERT_EQ(visits.size(), 4u);
  EXPECT_EQ(visits.front().event, 2u);
  EXPECT_EQ(visits.front().date, parse_date("2025-03-11")->days());

  // Corrections arriving in a later catch-up than the events they correct,
  // and in the same one, and one row at a time.
  for (std::size_t first : {std::size_t{5}, s.events.size()}) {
    const Split t = split(kCorrected, prefix_ + std::to_string(first) + "-");
    create(*store_, t, "london-cyps", first);
    CaseProjection p;
    ASSERT_TRUE(p.catch_up(*store_));
    append_rest(*store_, t, first);
    ASSERT_TRUE(p.catch_up(*store_));
    const CaseEntry* e = p.find(t.id);
    ASSERT_NE(e, nullptr);
    EXPECT_TRUE(same_state(e->state, folded));
    const Allocation* a = e->latest_allocation();
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(p.name(a->worker), "Sam Patel");
    EXPECT_EQ(p.name(a->team), "South");
    EXPECT_EQ(a->event, 1u);
    EXPECT_EQ(e->allocation_on(parse_date("2025-03-03")->days()), nullptr);
  }

  CaseProjection by_row;
  create(*store_, s, "london-cyps", s.events.size());
  auto scanned = store_->scan(0, [&](const store::ScanRow& row) {
    if (row.stream_id != s.id) return;
    store::ScanRow r = row;
    r.sequence = by_row.position() + 1;  // only this case's rows, in order
    ASSERT_TRUE(by_row.apply(r));
  });
  ASSERT_TRUE(scanned);
  ASSERT_NE(by_row.find(s.id), nullptr);
  EXPECT_TRUE(same_state(by_row.find(s.id)->state, folded));
}

TEST_P(Projection, AGapInAStreamIsAnErrorThatStopsBeforeIt) {
  CaseProjection p;
  const std::string id = prefix_ + "gap";
  const std::string visit = R"({"type":"visit","date":"2025-03-10","child_seen":true})";
  ASSERT_TRUE(p.apply({1, id, 1, "visit", "2025-03-10", visit}));
  auto gap = p.apply({2, id, 3, "visit", "2025-03-10", visit});
  ASSERT_FALSE(gap);
  EXPECT_EQ(gap.error().code, ErrorCode::kInternal);
  EXPECT_NE(gap.error().message.find("case " + id), std::string::npos) << gap.error().message;
  EXPECT_EQ(p.position(), 1);
  EXPECT_EQ(p.find(id)->version, 1);
  auto unreadable = p.apply({2, id, 2, "visit", "2025-03-10", "{not json"});
  ASSERT_FALSE(unreadable);
  EXPECT_EQ(p.position(), 1);
  auto behind = p.apply({1, id, 2, "visit", "2025-03-10", visit});
  ASSERT_FALSE(behind);
}

TEST_P(Projection, AFollowerOnAnotherConnectionSeesAnAppendWithinASecond) {
  const Split s = split(kCorrected, prefix_);
  create(*store_, s, "london-cyps", 2);
  auto other = open_again();
  CaseProjection p;
  ASSERT_TRUE(p.catch_up(*other));
  ASSERT_EQ(p.find(s.id)->version, 2);

  std::promise<std::chrono::steady_clock::time_point> seen;
  auto seen_at = seen.get_future();
  bool told = false;
  std::jthread follower([&](std::stop_token stop) {
    auto followed = p.follow(*other, stop, [&](const CaseProjection& q, const CatchUpResult&) {
      const CaseEntry* e = q.find(s.id);
      if (!told && e != nullptr && e->version == 3) {
        told = true;
        seen.set_value(std::chrono::steady_clock::now());
      }
    });
    if (!followed) ADD_FAILURE() << followed.error().message;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the follower is waiting
  const auto appended = std::chrono::steady_clock::now();
  auto ok = store_->append(request(s.id, 2, {s.events[2]}));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(seen_at.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  const auto latency = seen_at.get() - appended;
  EXPECT_LT(latency, std::chrono::seconds(1))
      << std::chrono::duration_cast<std::chrono::milliseconds>(latency).count() << " ms";
  follower.request_stop();
}

TEST_P(Projection, MemoryIsCountedPerCase) {
  start(1.0);
  CaseProjection p;
  ASSERT_TRUE(p.catch_up(*store_));
  std::size_t facts = 0;
  for (const CaseEntry& e : p.entries()) facts += e.state.size();
  const std::size_t bytes = p.memory_bytes();
  EXPECT_GE(bytes, facts * sizeof(Fact) + p.size() * sizeof(CaseEntry));
  EXPECT_LT(bytes, facts * sizeof(Fact) + p.size() * 1024 + (1u << 20));
}

INSTANTIATE_TEST_SUITE_P(Backends, Projection, testing::ValuesIn(store::testing::test_backends()),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace cinplan::app
