// The event store's contract (event_store.h), run against every backend: a
// fresh SQLite file per test, and PostgreSQL when CINPLAN_TEST_POSTGRES_URL
// names a test server. The PostgreSQL database is shared by all tests, so each
// test uses its own stream ids and measures the log from its head().
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "store/event_store.h"
#include "store/schema.h"
#include "store/store_test_support.h"

namespace cinplan::store {
namespace {

using ::testing::HasSubstr;
using testing::make_append;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      dir_.emplace();
      url_ = dir_->sqlite_url();
    } else {
      url_ = *testing::postgres_test_url();
    }
    prefix_ = "T" + testing::unique_token() + "-";
    store_ = open();
  }

  // Another store object on the same database (like another process).
  std::unique_ptr<EventStore> open() {
    auto opened = open_store(url_, OpenOptions{.create = true});
    if (!opened) {
      ADD_FAILURE() << "cannot open " << url_ << ": " << opened.error().message;
      return nullptr;
    }
    return std::move(*opened);
  }

  std::string id(std::string_view name) const { return prefix_ + std::string(name); }

  std::int64_t head(EventStore& store) {
    auto h = store.head();
    EXPECT_TRUE(h.has_value()) << h.error().message;
    return h.value_or(-1);
  }

  std::vector<StoredEvent> events_of(const std::string& stream) {
    auto events = store_->read_stream(stream);
    EXPECT_TRUE(events.has_value()) << events.error().message;
    return events.value_or(std::vector<StoredEvent>{});
  }

  // A quoted SQL string literal.
  static std::string quoted(const std::string& text) { return "'" + text + "'"; }

  std::optional<testing::TempDir> dir_;
  std::string url_;
  std::string prefix_;
  std::unique_ptr<EventStore> store_;
};

TEST_P(StoreTest, CreatesAppendsAndReadsBack) {
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(store_->backend(), GetParam());
  const std::string c = id("C-1001");
  const std::int64_t before = head(*store_);

  auto created = store_->append(make_append(c, 0, 2));
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(created->version, 2);
  EXPECT_GT(created->first_sequence, before);
  EXPECT_EQ(created->last_sequence, created->first_sequence + 1);

  auto more = store_->append(make_append(c, 2, 3));
  ASSERT_TRUE(more.has_value()) << more.error().message;
  EXPECT_EQ(more->version, 5);
  EXPECT_GT(more->first_sequence, created->last_sequence);
  EXPECT_EQ(more->last_sequence, more->first_sequence + 2);

  const auto expected_create = make_append(c, 0, 2);
  const auto expected_more = make_append(c, 2, 3);
  auto events = events_of(c);
  ASSERT_EQ(events.size(), 5u);
  for (std::size_t i = 0; i < events.size(); ++i) {
    const NewEvent& written = i < 2 ? expected_create.events[i] : expected_more.events[i - 2];
    EXPECT_EQ(events[i].stream_id, c);
    EXPECT_EQ(events[i].version, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(events[i].type, written.type);
    EXPECT_EQ(events[i].date, written.date);
    EXPECT_EQ(events[i].payload, written.payload);
    EXPECT_EQ(events[i].recorded_by, "worker-1");
    EXPECT_EQ(events[i].recorded_at, "2026-11-22T10:15:30.123Z");
  }
  EXPECT_EQ(events[0].sequence, created->first_sequence);
  EXPECT_EQ(events[4].sequence, more->last_sequence);

  auto info = store_->find_stream(c);
  ASSERT_TRUE(info.has_value()) << info.error().message;
  ASSERT_TRUE(info->has_value());
  EXPECT_EQ((*info)->id, c);
  EXPECT_EQ((*info)->kind, kCaseStreamKind);
  EXPECT_EQ((*info)->version, 5);
  EXPECT_EQ((*info)->profile, "london-cyps");
  EXPECT_EQ((*info)->header, expected_create.create->header);
  EXPECT_EQ((*info)->created, "2026-11-22T10:15:30.123Z");
  EXPECT_EQ(head(*store_), more->last_sequence);

  // Another connection sees the same.
  auto other = open();
  ASSERT_NE(other, nullptr);
  auto again = other->read_stream(c);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->size(), 5u);
}

// A stream is created with its first events: otherwise a case at version 0
// could never be appended to (expected version 0 means "new").
TEST_P(StoreTest, RefusesANewCaseWithoutEvents) {
  const std::string c = id("C-empty");
  const std::int64_t before = head(*store_);
  auto created = store_->append(make_append(c, 0, 0));
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().code, ErrorCode::kBadInput);
  EXPECT_THAT(created.error().message, HasSubstr("at least one event"));
  auto info = store_->find_stream(c);
  ASSERT_TRUE(info.has_value());
  EXPECT_FALSE(info->has_value());
  EXPECT_EQ(head(*store_), before);
}

TEST_P(StoreTest, ListsStreamsInIdOrder) {
  for (const char* name : {"C-3", "C-1", "C-2"})
    ASSERT_TRUE(store_->append(make_append(id(name), 0, 1)).has_value());
  auto streams = store_->list_streams();
  ASSERT_TRUE(streams.has_value()) << streams.error().message;
  std::vector<std::string> mine;
  for (std::size_t i = 0; i < streams->size(); ++i) {
    if (i > 0) {
      EXPECT_LT((*streams)[i - 1].id, (*streams)[i].id);
    }
    if ((*streams)[i].id.starts_with(prefix_)) mine.push_back((*streams)[i].id);
  }
  EXPECT_EQ(mine, (std::vector<std::string>{id("C-1"), id("C-2"), id("C-3")}));
}

TEST_P(StoreTest, StaleVersionIsAConflictNamingBothVersions) {
  const std::string c = id("C-1001");
  ASSERT_TRUE(store_->append(make_append(c, 0, 3)).has_value());
  ASSERT_TRUE(store_->append(make_append(c, 3, 2)).has_value());
  const std::int64_t before = head(*store_);

  auto stale = store_->append(make_append(c, 3, 1, "stale"));
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_THAT(stale.error().message, HasSubstr("case " + c));
  EXPECT_THAT(stale.error().message, HasSubstr("version 3"));
  EXPECT_THAT(stale.error().message, HasSubstr("version 5"));
  EXPECT_THAT(stale.error().message, HasSubstr("nothing was written"));

  // A version ahead of the stream is as much a conflict as one behind it.
  auto ahead = store_->append(make_append(c, 9, 1, "ahead"));
  ASSERT_FALSE(ahead.has_value());
  EXPECT_EQ(ahead.error().code, ErrorCode::kConflict);

  auto events = events_of(c);
  ASSERT_EQ(events.size(), 5u);
  for (const auto& e : events) EXPECT_THAT(e.payload, ::testing::Not(HasSubstr("stale")));
  if (GetParam() == "sqlite") {
    EXPECT_EQ(head(*store_), before);
  }
  auto info = store_->find_stream(c);
  ASSERT_TRUE(info.has_value() && info->has_value());
  EXPECT_EQ((*info)->version, 5);
}

TEST_P(StoreTest, CreatingAnExistingCaseIsAConflict) {
  const std::string c = id("C-1001");
  ASSERT_TRUE(store_->append(make_append(c, 0, 2)).has_value());
  auto again = store_->append(make_append(c, 0, 1, "second"));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_THAT(again.error().message, HasSubstr("case " + c + " already exists (at version 2)"));
  EXPECT_EQ(events_of(c).size(), 2u);
}

TEST_P(StoreTest, AppendingToAMissingCaseIsNotFound) {
  const std::string c = id("C-missing");
  const std::int64_t before = head(*store_);
  auto appended = store_->append(make_append(c, 4, 1));
  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(appended.error().message, HasSubstr(c));
  auto info = store_->find_stream(c);
  ASSERT_TRUE(info.has_value());
  EXPECT_FALSE(info->has_value());
  if (GetParam() == "sqlite") {
    EXPECT_EQ(head(*store_), before);
  }
}

TEST_P(StoreTest, MalformedRequestsAreBadInputAndWriteNothing) {
  const std::string c = id("C-bad");
  std::vector<AppendRequest> bad;
  bad.push_back(make_append("", 0, 1));
  bad.push_back(make_append(c, 0, 1));
  bad.back().recorded_by.clear();
  bad.push_back(make_append(c, 0, 1));
  bad.back().recorded_at.clear();
  bad.push_back(make_append(c, 0, 1));
  bad.back().create.reset();  // a new case without its stream details
  bad.push_back(make_append(c, -1, 1));
  bad.push_back(make_append(c, 0, 2));
  bad.back().events[1].type.clear();
  for (std::size_t i = 0; i < bad.size(); ++i) {
    auto result = store_->append(bad[i]);
    ASSERT_FALSE(result.has_value()) << "request " << i;
    EXPECT_EQ(result.error().code, ErrorCode::kBadInput) << "request " << i;
  }
  auto info = store_->find_stream(c);
  ASSERT_TRUE(info.has_value());
  EXPECT_FALSE(info->has_value());

  ASSERT_TRUE(store_->append(make_append(c, 0, 1)).has_value());
  auto empty = store_->append(make_append(c, 1, 0));  // no events for an existing case
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, ErrorCode::kBadInput);
}

TEST_P(StoreTest, VersionsAreGapFreeAndSequencesIncrease) {
  const std::string a = id("C-a");
  const std::string b = id("C-b");
  const std::int64_t before = head(*store_);
  ASSERT_TRUE(store_->append(make_append(a, 0, 1)).has_value());
  ASSERT_TRUE(store_->append(make_append(b, 0, 2)).has_value());
  ASSERT_TRUE(store_->append(make_append(a, 1, 3)).has_value());
  ASSERT_TRUE(store_->append(make_append(b, 2, 1)).has_value());
  ASSERT_TRUE(store_->append(make_append(a, 4, 2)).has_value());

  std::map<std::string, std::vector<std::int64_t>> versions;
  std::vector<std::int64_t> sequences;
  auto last = store_->scan(before, [&](const ScanRow& row) {
    if (!row.stream_id.starts_with(prefix_)) return;
    versions[std::string(row.stream_id)].push_back(row.version);
    sequences.push_back(row.sequence);
    // Who recorded each row, and when, come with it.
    EXPECT_EQ(row.recorded_by, "worker-1");
    EXPECT_EQ(row.recorded_at, "2026-11-22T10:15:30.123Z");
  });
  ASSERT_TRUE(last.has_value()) << last.error().message;
  EXPECT_EQ(versions[a], (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(versions[b], (std::vector<std::int64_t>{1, 2, 3}));
  ASSERT_EQ(sequences.size(), 9u);
  for (std::size_t i = 1; i < sequences.size(); ++i) EXPECT_LT(sequences[i - 1], sequences[i]);
  EXPECT_GT(sequences.front(), before);
  if (GetParam() == "sqlite") {
    // A single writer's sequences have no holes either.
    EXPECT_EQ(sequences.back(), before + 9);
  }
  for (const std::string& stream : {a, b}) {
    auto events = events_of(stream);
    for (std::size_t i = 0; i < events.size(); ++i) {
      EXPECT_EQ(events[i].version, static_cast<std::int64_t>(i + 1));
      if (i > 0) {
        EXPECT_LT(events[i - 1].sequence, events[i].sequence);
      }
    }
  }
}

TEST_P(StoreTest, AnEventMayCarryItsOwnRecordedTime) {
  const std::string c = id("C-times");
  AppendRequest request = make_append(c, 0, 3);
  request.events[1].recorded_at = "2025-03-02T16:20:00.000Z";
  ASSERT_TRUE(store_->append(request).has_value());
  AppendRequest more = make_append(c, 3, 2);
  more.events[0].recorded_at = "2025-04-01T09:00:00.000Z";
  ASSERT_TRUE(store_->append(more).has_value());
  const std::vector<std::string> want = {"2026-11-22T10:15:30.123Z", "2025-03-02T16:20:00.000Z",
                                         "2026-11-22T10:15:30.123Z", "2025-04-01T09:00:00.000Z",
                                         "2026-11-22T10:15:30.123Z"};
  auto events = events_of(c);
  ASSERT_EQ(events.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(events[i].recorded_at, want[i]) << i;
  std::vector<std::string> scanned;
  ASSERT_TRUE(store_->scan(events.front().sequence - 1, [&](const ScanRow& row) {
    if (row.stream_id == c) scanned.emplace_back(row.recorded_at);
  }));
  EXPECT_EQ(scanned, want);
  // The stream was created when the request says, whatever its events say.
  auto stream = store_->find_stream(c);
  ASSERT_TRUE(stream && *stream);
  EXPECT_EQ((*stream)->created, "2026-11-22T10:15:30.123Z");
}

TEST_P(StoreTest, ScanHonoursAfterAndLimit) {
  const std::string c = id("C-scan");
  const std::int64_t before = head(*store_);
  auto appended = store_->append(make_append(c, 0, 10));
  ASSERT_TRUE(appended.has_value());
  const std::int64_t first = appended->first_sequence;

  std::vector<std::int64_t> seen;
  std::vector<std::string> payloads;
  const auto collect = [&](const ScanRow& row) {
    if (!row.stream_id.starts_with(prefix_)) return;
    EXPECT_EQ(row.stream_id, c);
    EXPECT_EQ(row.type, "note");
    EXPECT_EQ(row.date.size(), 10u);
    seen.push_back(row.version);
    payloads.emplace_back(row.payload);
  };
  auto last = store_->scan(first - 1, collect, 3);
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(*last, first + 2);
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(payloads[0], make_append(c, 0, 10).events[0].payload);

  last = store_->scan(*last, collect, 0);
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(seen.size(), 10u);
  EXPECT_EQ(seen.back(), 10);
  EXPECT_GE(*last, appended->last_sequence);

  const std::int64_t now = head(*store_);
  int rows = 0;
  auto none = store_->scan(now, [&](const ScanRow&) { ++rows; });
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(*none, now);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(rows, 0);
    EXPECT_EQ(now, before + 10);
  }
}

TEST_P(StoreTest, ReadingAMissingStreamIsNotFound) {
  auto events = store_->read_stream(id("C-nobody"));
  ASSERT_FALSE(events.has_value());
  EXPECT_EQ(events.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(events.error().message, HasSubstr(id("C-nobody")));
}

TEST_P(StoreTest, TheDatabaseItselfRefusesChangesToEvents) {
  const std::string c = id("C-audit");
  ASSERT_TRUE(store_->append(make_append(c, 0, 3)).has_value());
  const auto original = events_of(c);
  const std::string where = " WHERE stream_id = " + quoted(c);

  auto update = testing::raw_exec(url_, "UPDATE events SET payload = '{}'" + where);
  ASSERT_TRUE(update.has_value()) << "UPDATE of events was accepted";
  EXPECT_THAT(*update, HasSubstr("append-only"));
  auto remove = testing::raw_exec(url_, "DELETE FROM events" + where);
  ASSERT_TRUE(remove.has_value()) << "DELETE of events was accepted";
  EXPECT_THAT(*remove, HasSubstr("append-only"));

  // Streams are never deleted and only their version changes.
  EXPECT_TRUE(testing::raw_exec(url_, "DELETE FROM streams WHERE id = " + quoted(c)));
  EXPECT_TRUE(testing::raw_exec(url_, "UPDATE streams SET header = '{}' WHERE id = " + quoted(c)));
  // A version out of sequence is refused even by a writer bypassing the store.
  EXPECT_TRUE(testing::raw_exec(
      url_,
      "INSERT INTO events (stream_id, version, type, payload, event_date, recorded_at, "
      "recorded_by) VALUES (" +
          quoted(c) + ", 5, 'note', '{}', '2025-01-01', 'now', 'x')"));

  const auto after = events_of(c);
  ASSERT_EQ(after.size(), original.size());
  for (std::size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].payload, original[i].payload);
  auto info = store_->find_stream(c);
  ASSERT_TRUE(info.has_value() && info->has_value());
  EXPECT_EQ((*info)->header, make_append(c, 0, 1).create->header);
}

TEST_P(StoreTest, SnapshotsAreSavedLoadedAndReplaced) {
  const std::string name = id("caseload");
  auto missing = store_->load_snapshot(name);
  ASSERT_TRUE(missing.has_value()) << missing.error().message;
  EXPECT_FALSE(missing->has_value());

  Snapshot first{42, {"first chunk", std::string("\0binary\xff\x01", 9), "", "last"}};
  ASSERT_TRUE(store_->save_snapshot(name, first).has_value());
  auto loaded = open()->load_snapshot(name);
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  EXPECT_EQ((*loaded)->position, 42);
  EXPECT_EQ((*loaded)->chunks, first.chunks);

  Snapshot second{99, {"only one"}};
  auto saved = store_->save_snapshot(name, second);
  ASSERT_TRUE(saved.has_value()) << saved.error().message;
  loaded = store_->load_snapshot(name);
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  EXPECT_EQ((*loaded)->position, 99);
  EXPECT_EQ((*loaded)->chunks, second.chunks);

  // Another projection's snapshot is separate.
  ASSERT_TRUE(store_->save_snapshot(id("other"), Snapshot{1, {"x"}}).has_value());
  loaded = store_->load_snapshot(name);
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  EXPECT_EQ((*loaded)->chunks, second.chunks);
}

TEST_P(StoreTest, WaitForEventsWakesOnAnotherWriterAndTimesOut) {
  const std::int64_t start = head(*store_);
  const auto t0 = std::chrono::steady_clock::now();
  auto idle = store_->wait_for_events(start, std::chrono::milliseconds(300));
  const auto waited = std::chrono::steady_clock::now() - t0;
  ASSERT_TRUE(idle.has_value()) << idle.error().message;
  // On a shared PostgreSQL database another test may have written meanwhile.
  EXPECT_EQ(*idle, head(*store_) > start);
  if (!*idle) {
    EXPECT_GE(waited, std::chrono::milliseconds(250));
  }

  const std::int64_t now = head(*store_);
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    auto other = open();
    ASSERT_NE(other, nullptr);
    EXPECT_TRUE(other->append(make_append(id("C-wake"), 0, 1)).has_value());
  });
  const auto t1 = std::chrono::steady_clock::now();
  auto woke = store_->wait_for_events(now, std::chrono::seconds(10));
  const auto took = std::chrono::steady_clock::now() - t1;
  writer.join();
  ASSERT_TRUE(woke.has_value()) << woke.error().message;
  EXPECT_TRUE(*woke);
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_GT(head(*store_), now);
}

// Many writers, each with its own store object, append to one case by reading
// its version and appending at it, retrying on conflict; others keep writing
// at a version long gone. Afterwards the case's versions are exactly 1..N,
// every acknowledged append is there, and every refusal was a conflict.
TEST_P(StoreTest, ConcurrentWritersNeverLoseOrDuplicate) {
  const std::string c = id("C-busy");
  ASSERT_TRUE(store_->append(make_append(c, 0, 1, "creator")).has_value());
  constexpr int kWriters = 8;
  constexpr int kStale = 2;
  constexpr int kPerWriter = 15;

  struct Outcome {
    std::vector<std::pair<std::int64_t, std::string>> acknowledged;  // version, tag
    int conflicts = 0;
    std::vector<std::string> other_errors;
  };
  std::vector<Outcome> outcomes(kWriters + kStale);
  std::atomic<bool> writers_done{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kWriters + kStale; ++t) {
    threads.emplace_back([&, t] {
      Outcome& out = outcomes[t];
      auto store = open();
      if (!store) return;
      const auto attempt = [&](std::int64_t version, const std::string& tag) {
        auto result = store->append(make_append(c, version, 1, tag));
        if (result) {
          out.acknowledged.emplace_back(result->version, tag);
          return true;
        }
        if (result.error().code == ErrorCode::kConflict)
          ++out.conflicts;
        else
          out.other_errors.push_back(result.error().message);
        return false;
      };
      if (t >= kWriters) {  // a stale writer: always the version it read first
        while (!writers_done) {
          attempt(1, "stale-" + std::to_string(t) + "-" + std::to_string(out.conflicts));
          std::this_thread::yield();
        }
        return;
      }
      for (int i = 0; i < kPerWriter; ++i) {
        const std::string tag = "w" + std::to_string(t) + "-" + std::to_string(i);
        for (int tries = 0; tries < 10'000; ++tries) {
          auto info = store->find_stream(c);
          if (!info || !info->has_value()) {
            out.other_errors.push_back("cannot read the case");
            return;
          }
          if (attempt((*info)->version, tag)) break;
        }
      }
    });
  }
  for (int t = 0; t < kWriters; ++t) threads[t].join();
  writers_done = true;
  for (int t = kWriters; t < kWriters + kStale; ++t) threads[t].join();

  std::map<std::int64_t, std::string> acknowledged;
  int conflicts = 0;
  for (const Outcome& out : outcomes) {
    EXPECT_TRUE(out.other_errors.empty()) << out.other_errors.front();
    conflicts += out.conflicts;
    for (const auto& [version, tag] : out.acknowledged)
      EXPECT_TRUE(acknowledged.emplace(version, tag).second) << "version " << version << " twice";
  }
  for (int t = 0; t < kWriters; ++t)
    EXPECT_EQ(outcomes[t].acknowledged.size(), static_cast<std::size_t>(kPerWriter));
  EXPECT_GT(conflicts, 0);

  const auto events = events_of(c);
  ASSERT_EQ(events.size(), acknowledged.size() + 1);
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].version, static_cast<std::int64_t>(i + 1));
    if (i > 0) {
      EXPECT_LT(events[i - 1].sequence, events[i].sequence);
    }
  }
  for (const auto& [version, tag] : acknowledged) {
    ASSERT_LE(version, static_cast<std::int64_t>(events.size()));
    EXPECT_THAT(events[version - 1].payload, HasSubstr("\"tag\":\"" + tag + "\""));
  }
  auto info = store_->find_stream(c);
  ASSERT_TRUE(info.has_value() && info->has_value());
  EXPECT_EQ((*info)->version, static_cast<std::int64_t>(events.size()));
}

// A case id is checked before the database sees it, in the same words on
// both backends. A NUL used to reach the database: PostgreSQL cut the id at
// it (storing "…A" for "…A\0B"), SQLite stored it whole where no lookup by
// text could find it.
TEST_P(StoreTest, BadCaseIdsAreRefusedInTheSameWordsAndWriteNothing) {
  using namespace std::string_literals;
  const std::int64_t before = head(*store_);
  const std::string nul = id("A") + "\0B"s;
  const std::string megabyte = id(std::string(1 << 20, 'M'));
  const std::string control =
      id("A\x01"
         "B");
  struct Case {
    std::string id;
    std::string message;
  };
  const std::vector<Case> cases = {
      {nul, "case id \"" + id("A") +
                "\\u0000B\" may hold only letters, digits, \"-\", \"_\" "
                "and \".\" (it holds a control character); nothing was written"},
      {megabyte, "case id \"" + megabyte.substr(0, 40) + "...\" (" +
                     std::to_string(megabyte.size()) +
                     " characters) is too long: a case id has at most 64 characters; nothing "
                     "was written"},
      {control, "case id \"" + id("A") +
                    "\\u0001B\" may hold only letters, digits, \"-\", "
                    "\"_\" and \".\" (it holds a control character); nothing "
                    "was written"},
      {"", "the case id is empty; nothing was written"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id.substr(0, 60));
    auto created = store_->append(make_append(c.id, 0, 2));
    ASSERT_FALSE(created.has_value());
    EXPECT_EQ(created.error().code, ErrorCode::kBadInput);
    EXPECT_EQ(created.error().message, c.message);
    // Lookups of such an id are refused the same way, never answered for
    // some other id.
    auto found = store_->find_stream(c.id);
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().code, ErrorCode::kBadInput);
    auto read = store_->read_stream(c.id);
    ASSERT_FALSE(read.has_value());
    EXPECT_EQ(read.error().code, ErrorCode::kBadInput);
  }
  // Nothing was written, under the id as given or cut short.
  auto cut = store_->find_stream(id("A"));
  ASSERT_TRUE(cut.has_value()) << cut.error().message;
  EXPECT_FALSE(cut->has_value());
  auto streams = store_->list_streams();
  ASSERT_TRUE(streams.has_value());
  for (const StreamInfo& s : *streams) EXPECT_FALSE(s.id.starts_with(prefix_)) << s.id;
  if (GetParam() == "sqlite") {
    EXPECT_EQ(head(*store_), before);
  }
  int mine = 0;
  ASSERT_TRUE(store_->scan(before, [&](const ScanRow& row) {
    if (row.stream_id.starts_with(prefix_)) ++mine;
  }));
  EXPECT_EQ(mine, 0);
}

// What makes an acknowledged append durable, read back from the store's own
// connection: a change to the settings sqlite_open.cc or the PostgreSQL
// session make (or to the test server's) fails here.
TEST_P(StoreTest, AppendsAreDurableByTheSettingsInForce) {
  auto durability = store_->durability();
  ASSERT_TRUE(durability.has_value()) << durability.error().message;
  const std::map<std::string, std::string> expected =
      GetParam() == "sqlite"
          ? std::map<std::string, std::string>{{"journal_mode", "wal"}, {"synchronous", "full"}}
          : std::map<std::string, std::string>{{"fsync", "on"}, {"synchronous_commit", "on"}};
  EXPECT_EQ(durability->settings, expected) << durability->describe();
  EXPECT_FALSE(store_->read_only());
  // Another store object on the same database has them too.
  auto other = open();
  ASSERT_NE(other, nullptr);
  auto again = other->durability();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->settings, expected);
}

// A store opened read-only reads everything a writable one does, and
// refuses every write with a plain kUnavailable, writing nothing.
TEST_P(StoreTest, AReadOnlyStoreReadsAndRefusesWrites) {
  const std::string c = id("C-ro");
  ASSERT_TRUE(store_->append(make_append(c, 0, 3)).has_value());
  ASSERT_TRUE(store_->save_snapshot(id("proj"), Snapshot{7, {"abc"}}).has_value());
  const std::int64_t at = head(*store_);

  auto opened = open_store(url_, OpenOptions{.read_only = true});
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EventStore& ro = **opened;
  EXPECT_TRUE(ro.read_only());
  EXPECT_EQ(ro.backend(), GetParam());
  EXPECT_EQ(ro.schema_version().value_or(-1), latest_schema_version());
  auto events = ro.read_stream(c);
  ASSERT_TRUE(events.has_value()) << events.error().message;
  EXPECT_EQ(events->size(), 3u);
  auto info = ro.find_stream(c);
  ASSERT_TRUE(info.has_value() && info->has_value());
  EXPECT_EQ((*info)->version, 3);
  EXPECT_EQ(ro.head().value_or(-1), at);
  int rows = 0;
  ASSERT_TRUE(ro.scan(at - 3, [&](const ScanRow&) { ++rows; }).has_value());
  EXPECT_GE(rows, 3);
  auto snapshot = ro.load_snapshot(id("proj"));
  ASSERT_TRUE(snapshot.has_value() && snapshot->has_value());
  EXPECT_EQ((*snapshot)->chunks, std::vector<std::string>{"abc"});
  ASSERT_TRUE(ro.list_streams().has_value());
  ASSERT_TRUE(ro.durability().has_value());
  // Waiting needs no write either (on PostgreSQL: LISTEN in a read-only
  // session), and wakes on another store's append.
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_TRUE(open()->append(make_append(id("C-wakes"), 0, 1)).has_value());
  });
  auto woke = ro.wait_for_events(at, std::chrono::seconds(10));
  writer.join();
  ASSERT_TRUE(woke.has_value()) << woke.error().message;
  EXPECT_TRUE(*woke);

  const std::int64_t now = head(*store_);
  auto appended = ro.append(make_append(c, 3, 1, "refused"));
  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(appended.error().message, HasSubstr("cannot record case " + c));
  EXPECT_THAT(appended.error().message, HasSubstr("opened for reading only; nothing was written"));
  auto created = ro.append(make_append(id("C-new"), 0, 1));
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().code, ErrorCode::kUnavailable);
  auto saved = ro.save_snapshot(id("proj"), Snapshot{9, {"new"}});
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(saved.error().message, HasSubstr("opened for reading only; nothing was written"));

  EXPECT_EQ(events_of(c).size(), 3u);
  auto kept = store_->load_snapshot(id("proj"));
  ASSERT_TRUE(kept.has_value() && kept->has_value());
  EXPECT_EQ((*kept)->position, 7);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(head(*store_), now);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(testing::test_backends()),
                         [](const auto& param) { return param.param; });

}  // namespace
}  // namespace cinplan::store
