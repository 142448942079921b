// What only the PostgreSQL store does: NOTIFY at commit and another store's
// wait_for_events waking on it, sequences handed out in commit order under
// concurrent writers, migrations racing from several openers at once,
// migrations from every earlier version giving the schema a new database
// gets, connection errors in plain words without the password, and what the
// database itself refuses. Skipped unless CINPLAN_TEST_POSTGRES_URL is set
// (tests/with-postgres sets it); each test that needs an empty database
// makes its own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <thread>

#include "store/event_store.h"
#include "store/postgres_test_support.h"
#include "store/schema.h"
#include "store/store_test_support.h"

namespace cinplan::store {
namespace {

using testing::FreshDatabase;
using ::testing::HasSubstr;
using testing::host_port;
using testing::make_append;
using ::testing::Not;
using testing::query;
using testing::unique_token;
using testing::with_database;

// Everything migrations make, as the catalog records it: tables and columns,
// constraints, indexes, triggers and functions.
std::vector<std::string> schema_of(const std::string& url) {
  std::vector<std::string> all;
  const auto add = [&](const std::string& sql) {
    for (auto& row : query(url, sql)) all.push_back(std::move(row));
  };
  add("SELECT 'column', table_name, column_name, data_type, is_nullable, "
      "coalesce(column_default, '') FROM information_schema.columns "
      "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
  add("SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
      "FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 2, 3");
  add("SELECT 'index', tablename, indexname, indexdef FROM pg_indexes "
      "WHERE schemaname = 'public' ORDER BY 2, 3");
  add("SELECT 'trigger', tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) "
      "FROM pg_trigger WHERE NOT tgisinternal ORDER BY 2, 3");
  add("SELECT 'function', proname, md5(prosrc) FROM pg_proc "
      "WHERE pronamespace = 'public'::regnamespace ORDER BY 2");
  return all;
}

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto url = testing::postgres_test_url();
    if (!url) GTEST_SKIP() << "CINPLAN_TEST_POSTGRES_URL is not set (see tests/with-postgres)";
    url_ = *url;
  }

  std::unique_ptr<EventStore> open(const std::string& url, OpenOptions options = {}) {
    auto store = open_store(url, options);
    EXPECT_TRUE(store.has_value()) << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

  std::string url_;
};

TEST_F(PostgresStoreTest, AnAppendIsAnnouncedWithItsLastSequenceAtCommit) {
  auto store = open(url_);
  ASSERT_TRUE(store);
  pqxx::connection listener(url_);
  std::vector<std::string> payloads;
  struct Receiver : pqxx::notification_receiver {
    Receiver(pqxx::connection_base& c, std::vector<std::string>& out)
        : pqxx::notification_receiver(c, "cinplan_events"), seen(out) {}
    void operator()(const std::string& payload, int) override { seen.push_back(payload); }
    std::vector<std::string>& seen;
  } receiver(listener, payloads);

  const auto appended = store->append(make_append("N-" + unique_token(), 0, 3));
  ASSERT_TRUE(appended.has_value()) << appended.error().message;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (payloads.empty() && std::chrono::steady_clock::now() < deadline)
    listener.await_notification(0, 100'000);
  ASSERT_FALSE(payloads.empty()) << "no NOTIFY on cinplan_events after an append";
  // Other tests may write to the shared database meanwhile: ours is among them.
  EXPECT_THAT(payloads, ::testing::Contains(std::to_string(appended->last_sequence)));
}

TEST_F(PostgresStoreTest, AWriteThroughOneStoreWakesAnothersWaitWithinASecond) {
  FreshDatabase db(url_);  // no other test's writes to wake the reader
  auto writer = open(db.url());
  auto reader = open(db.url());
  ASSERT_TRUE(writer && reader);
  const auto head = reader->head();
  ASSERT_TRUE(head.has_value()) << head.error().message;

  const auto started = std::chrono::steady_clock::now();
  auto woke = std::async(std::launch::async,
                         [&] { return reader->wait_for_events(*head, std::chrono::seconds(10)); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto written = std::chrono::steady_clock::now();
  ASSERT_TRUE(writer->append(make_append("W-" + unique_token(), 0, 1)).has_value());
  const auto result = woke.get();
  const auto finished = std::chrono::steady_clock::now();
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_TRUE(*result);
  EXPECT_LT(finished - written, std::chrono::seconds(1));
  EXPECT_GT(finished - started, std::chrono::milliseconds(250)) << "woke before the write";

  // Nothing new after the head: waits out its timeout and says so.
  const auto now = reader->head();
  ASSERT_TRUE(now.has_value());
  const auto quiet = reader->wait_for_events(*now + 1'000'000, std::chrono::milliseconds(300));
  ASSERT_TRUE(quiet.has_value()) << quiet.error().message;
  EXPECT_FALSE(*quiet);
}

TEST_F(PostgresStoreTest, ConcurrentWritersHandOutSequencesInCommitOrder) {
  // A reader tailing the log while writers commit must find every sequence
  // right after the one before it: were a later number committed first, the
  // reader would see a gap, and then the missing event appear behind it.
  FreshDatabase db(url_);
  auto reader = open(db.url());
  ASSERT_TRUE(reader);
  constexpr int kWriters = 6;
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto store = open_store(db.url());
      if (!store) return;
      const std::string id = "S-" + std::to_string(w);
      std::int64_t version = 0;
      while (!stop) {
        const auto done = (*store)->append(make_append(id, version, 1 + (w % 3)));
        if (!done) return;
        version = done->version;
        ++written;
      }
    });
  }
  std::int64_t last = 0;
  std::vector<std::string> gaps;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
  while (std::chrono::steady_clock::now() < until) {
    const auto scanned = reader->scan(last, [&](const ScanRow& row) {
      if (row.sequence != last + 1)
        gaps.push_back(std::to_string(last) + " -> " + std::to_string(row.sequence));
      last = row.sequence;
    });
    ASSERT_TRUE(scanned.has_value()) << scanned.error().message;
  }
  stop = true;
  for (auto& t : writers) t.join();
  EXPECT_THAT(gaps, ::testing::IsEmpty());
  EXPECT_GT(written.load(), kWriters);
  const auto head = reader->head();
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(query(db.url(), "SELECT count(*), coalesce(max(seq), 0) FROM events"),
            std::vector<std::string>{std::to_string(*head) + "|" + std::to_string(*head)});
}

TEST_F(PostgresStoreTest, OpenersRacingOnAnEmptyDatabaseMigrateItOnce) {
  FreshDatabase db(url_);
  constexpr int kOpeners = 6;
  std::vector<std::future<Result<std::unique_ptr<EventStore>>>> openers;
  for (int i = 0; i < kOpeners; ++i)
    openers.push_back(std::async(std::launch::async, [&] { return open_store(db.url()); }));
  for (auto& opener : openers) {
    auto store = opener.get();
    ASSERT_TRUE(store.has_value()) << store.error().message;
    EXPECT_EQ((*store)->schema_version().value_or(-1), latest_schema_version());
  }
  std::vector<std::string> expected;
  for (const Migration& m : postgres_migrations())
    expected.push_back(std::to_string(m.version) + "|" + std::string(m.description));
  EXPECT_EQ(query(db.url(), "SELECT version, description FROM schema_migrations ORDER BY 1"),
            expected);
}

TEST_F(PostgresStoreTest, EveryEarlierVersionMigratesToTheSchemaOfANewDatabase) {
  FreshDatabase fresh(url_);
  ASSERT_TRUE(open(fresh.url()));
  const auto expected = schema_of(fresh.url());
  ASSERT_THAT(expected, Not(::testing::IsEmpty()));

  for (int from = 1; from < latest_schema_version(); ++from) {
    SCOPED_TRACE("from version " + std::to_string(from));
    FreshDatabase db(url_);
    {
      auto old = open(db.url(), OpenOptions{.migrate_to = from});
      ASSERT_TRUE(old);
      EXPECT_EQ(old->schema_version().value_or(-1), from);
      const auto written = old->append(make_append("M-1", 0, 2));
      ASSERT_TRUE(written.has_value()) << written.error().message;
    }
    auto store = open(db.url());
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version().value_or(-1), latest_schema_version());
    EXPECT_EQ(schema_of(db.url()), expected);
    // What was written before the migration is still there, and the log goes on.
    const auto events = store->read_stream("M-1");
    ASSERT_TRUE(events.has_value()) << events.error().message;
    EXPECT_EQ(events->size(), 2u);
    EXPECT_TRUE(store->append(make_append("M-1", 2, 1)).has_value());
  }
}

TEST_F(PostgresStoreTest, ADatabaseNewerThanThisBuildIsRefused) {
  FreshDatabase db(url_);
  ASSERT_TRUE(open(db.url()));
  ASSERT_EQ(testing::raw_exec(db.url(), "INSERT INTO schema_migrations VALUES (99, 'future', 'x')"),
            std::nullopt);
  for (bool migrate : {true, false}) {
    const auto store = open_store(db.url(), OpenOptions{.migrate = migrate});
    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
    EXPECT_THAT(store.error().message, HasSubstr("schema version 99"));
  }
}

TEST_F(PostgresStoreTest, AWrongPasswordIsUnavailableAndNeverShown) {
  const char* role = std::getenv("CINPLAN_TEST_POSTGRES_PASSWORD_ROLE");
  if (role == nullptr) GTEST_SKIP() << "the server has no password role (see tests/with-postgres)";
  const std::string secret = "s3cret-Pa55";
  for (const std::string& url : {"postgresql://" + std::string(role) + ":" + secret + "@" +
                                     host_port(url_) + "/cinplan_test",
                                 "postgres://" + std::string(role) + "@" + host_port(url_) +
                                     "/cinplan_test?password=" + secret + "&sslmode=disable"}) {
    SCOPED_TRACE(redact_url(url));
    const auto store = open_store(url);
    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
    EXPECT_THAT(store.error().message, HasSubstr("cannot reach the database at"));
    EXPECT_THAT(store.error().message, HasSubstr("password authentication failed"));
    EXPECT_THAT(store.error().message, HasSubstr("***"));
    EXPECT_THAT(store.error().message, Not(HasSubstr(secret)));
  }
}

TEST_F(PostgresStoreTest, AServerThatDoesNotAnswerIsUnavailable) {
  // Port 1 on loopback: nothing listens there.
  const std::string url = "postgresql://cinplan:hunter2@127.0.0.1:1/cinplan_test";
  const auto store = open_store(url);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(store.error().message,
              HasSubstr("cannot reach the database at postgresql://cinplan:***@127.0.0.1:1/"));
  EXPECT_THAT(store.error().message, Not(HasSubstr("hunter2")));
}

TEST_F(PostgresStoreTest, AMissingDatabaseIsNotFoundUnlessCreating) {
  const std::string name = "cinplan_missing_" + std::to_string(getpid());
  const std::string url = with_database(url_, name);
  const auto missing = open_store(url);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(missing.error().message, HasSubstr("no database \"" + name + "\""));

  auto created = open_store(url, OpenOptions{.create = true});
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ((*created)->schema_version().value_or(-1), latest_schema_version());
  created->reset();
  pqxx::connection conn(url_);
  pqxx::nontransaction tx(conn);
  tx.exec("DROP DATABASE " + tx.quote_name(name) + " WITH (FORCE)");
}

TEST_F(PostgresStoreTest, AMalformedUrlIsBadInput) {
  const auto store = open_store("postgresql://cinplan:pw@127.0.0.1:notaport/x?nonsense=1");
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code, ErrorCode::kBadInput);
  EXPECT_THAT(store.error().message, Not(HasSubstr(":pw@")));
}

TEST_F(PostgresStoreTest, TheDatabaseRefusesTruncatingAndRewritingTheLog) {
  FreshDatabase db(url_);
  auto store = open(db.url());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->append(make_append("T-1", 0, 2)).has_value());
  const auto refused = [&](const std::string& sql) {
    const auto error = testing::raw_exec(db.url(), sql);
    EXPECT_TRUE(error.has_value()) << sql << " was allowed";
    return error.value_or("");
  };
  EXPECT_THAT(refused("TRUNCATE events"), HasSubstr("append-only"));
  EXPECT_THAT(refused("TRUNCATE streams CASCADE"),
              ::testing::AnyOf(HasSubstr("append-only"), HasSubstr("permanent")));
  EXPECT_THAT(refused("UPDATE streams SET header = '{}' WHERE id = 'T-1'"),
              HasSubstr("only a stream's version may change"));
  EXPECT_THAT(refused("UPDATE event_position SET seq = 0"), HasSubstr("only moves forward"));
  // A gap in the versions, even written by hand with the right sequence.
  EXPECT_THAT(refused("UPDATE event_position SET seq = 3; "
                      "INSERT INTO events VALUES (3, 'T-1', 4, 'note', '{}', '2025-01-01', "
                      "'2026-01-01T00:00:00.000Z', 'x')"),
              HasSubstr("gap-free"));
  // The version moving on is allowed; nothing else changed meanwhile.
  EXPECT_EQ(testing::raw_exec(db.url(), "UPDATE streams SET version = 2 WHERE id = 'T-1'"),
            std::nullopt);
  EXPECT_EQ(query(db.url(), "SELECT count(*) FROM events"), std::vector<std::string>{"2"});
}

TEST_F(PostgresStoreTest, PayloadsComeBackByteForByte) {
  auto store = open(url_);
  ASSERT_TRUE(store);
  const std::string id = "B-" + unique_token();
  auto request = make_append(id, 0, 0);
  // Spacing, key order, escapes and non-ASCII as written: json, not jsonb.
  const std::string payload =
      R"({"type":"note", "date":"2025-01-02","z":1,"a":"tab\there \"q\" \\ \u00e9 é","a":2})";
  request.events.push_back(NewEvent{"note", "2025-01-02", payload});
  request.create->header = R"({ "case_id" : ")" + id + R"(", "child":{} })";
  ASSERT_TRUE(store->append(request).has_value());
  const auto events = store->read_stream(id);
  ASSERT_TRUE(events.has_value()) << events.error().message;
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].payload, payload);
  std::string scanned;
  ASSERT_TRUE(store
                  ->scan((*events)[0].sequence - 1,
                         [&](const ScanRow& row) { scanned = std::string(row.payload); }, 1)
                  .has_value());
  EXPECT_EQ(scanned, payload);
  EXPECT_EQ(store->find_stream(id)->value().header, request.create->header);

  // Not JSON at all: the database refuses it and nothing is written.
  auto bad = make_append(id, 1, 0);
  bad.events.push_back(NewEvent{"note", "2025-01-03", "{not json"});
  const auto refused = store->append(bad);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kBadInput);
  EXPECT_THAT(refused.error().message, HasSubstr("case " + id));
  EXPECT_EQ(store->find_stream(id)->value().version, 1);
}

TEST_F(PostgresStoreTest, ASnapshotOfSeveralLargeBinaryChunksComesBackWhole) {
  auto store = open(url_);
  ASSERT_TRUE(store);
  Snapshot saved;
  saved.position = 42;
  std::string big(3 << 20, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 7919) % 256);
  saved.chunks = {big, std::string("\0\x01\xff'\\", 5), std::string(), big.substr(17)};
  const std::string name = "snapshot-" + unique_token();
  ASSERT_TRUE(store->save_snapshot(name, saved).has_value());
  const auto loaded = store->load_snapshot(name);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->position, 42);
  ASSERT_EQ((*loaded)->chunks.size(), saved.chunks.size());
  for (std::size_t i = 0; i < saved.chunks.size(); ++i)
    EXPECT_TRUE((*loaded)->chunks[i] == saved.chunks[i]) << "chunk " << i;

  // Replaced by a smaller one: no chunk of the old one is left behind.
  ASSERT_TRUE(store->save_snapshot(name, Snapshot{43, {"x"}}).has_value());
  const auto replaced = store->load_snapshot(name);
  ASSERT_TRUE(replaced.has_value() && replaced->has_value());
  EXPECT_EQ((*replaced)->position, 43);
  EXPECT_EQ((*replaced)->chunks, std::vector<std::string>{"x"});
}

TEST_F(PostgresStoreTest, ScansAcrossBatchesHonourTheLimitAndMayUseTheStore) {
  FreshDatabase db(url_);
  auto store = open(db.url());
  ASSERT_TRUE(store);
  constexpr int kEach = 15'000;  // three appends: several of scan's batches
  for (int i = 0; i < 3; ++i) {
    const auto done = store->append(make_append("L-1", i * kEach, kEach));
    ASSERT_TRUE(done.has_value()) << done.error().message;
  }
  std::int64_t expected = 0;
  std::size_t nested = 0;
  const auto all = store->scan(0, [&](const ScanRow& row) {
    EXPECT_EQ(row.sequence, ++expected);
    EXPECT_EQ(row.version, row.sequence);
    if (row.sequence % 10'000 == 0) {
      // The store from inside the callback: a read, and a scan of its own.
      EXPECT_EQ(store->head().value_or(-1), 3 * kEach);
      std::int64_t seen = 0;
      const auto inner = store->scan(
          row.sequence - 1, [&](const ScanRow& r) { seen = r.sequence; }, 1);
      ASSERT_TRUE(inner.has_value()) << inner.error().message;
      EXPECT_EQ(seen, row.sequence);
      ++nested;
    }
  });
  ASSERT_TRUE(all.has_value()) << all.error().message;
  EXPECT_EQ(*all, 3 * kEach);
  EXPECT_EQ(expected, 3 * kEach);
  EXPECT_EQ(nested, 4u);

  std::int64_t first = 0, count = 0, last = 0;
  const auto limited = store->scan(
      100,
      [&](const ScanRow& row) {
        if (count++ == 0) first = row.sequence;
        last = row.sequence;
      },
      30'000);
  ASSERT_TRUE(limited.has_value()) << limited.error().message;
  EXPECT_EQ(first, 101);
  EXPECT_EQ(count, 30'000);
  EXPECT_EQ(*limited, 30'100);
  EXPECT_EQ(last, 30'100);
  EXPECT_EQ(store->scan(3 * kEach, [](const ScanRow&) { ADD_FAILURE(); }).value_or(-1), 3 * kEach);
}

TEST_F(PostgresStoreTest, RacingCreatorsOfOneCaseGetOneSuccessAndConflicts) {
  constexpr int kCreators = 6;
  const std::string id = "R-" + unique_token();
  std::vector<std::unique_ptr<EventStore>> stores;
  for (int i = 0; i < kCreators; ++i) {
    stores.push_back(open(url_));
    ASSERT_TRUE(stores.back());
  }
  std::vector<std::future<Result<AppendResult>>> creators;
  for (int i = 0; i < kCreators; ++i)
    creators.push_back(std::async(std::launch::async, [&, i] {
      return stores[i]->append(make_append(id, 0, 1 + i % 2, "creator " + std::to_string(i)));
    }));
  int created = 0;
  for (auto& creator : creators) {
    const auto result = creator.get();
    if (result) {
      ++created;
      continue;
    }
    EXPECT_EQ(result.error().code, ErrorCode::kConflict) << result.error().message;
    EXPECT_THAT(result.error().message, HasSubstr("case " + id + " already exists (at version "));
  }
  EXPECT_EQ(created, 1);
  const auto events = stores[0]->read_stream(id);
  ASSERT_TRUE(events.has_value()) << events.error().message;
  EXPECT_EQ(static_cast<std::int64_t>(events->size()), stores[0]->find_stream(id)->value().version);
}

TEST(RedactUrlTest, HidesEveryFormOfPassword) {
  EXPECT_EQ(redact_url("postgresql://ann:s3cret@db.example:5432/cases"),
            "postgresql://ann:***@db.example:5432/cases");
  EXPECT_EQ(redact_url("postgres://ann:p@ss/w?rd@db/cases"), "postgres://ann:***@db/cases");
  EXPECT_EQ(redact_url("postgresql://db/cases?user=ann&password=s3cret&sslmode=require"),
            "postgresql://db/cases?user=ann&password=***&sslmode=require");
  EXPECT_EQ(redact_url("postgresql://db/cases?password=s3cret"),
            "postgresql://db/cases?password=***");
  // Nothing to hide: unchanged.
  EXPECT_EQ(redact_url("postgresql://ann@127.0.0.1:5432/cases"),
            "postgresql://ann@127.0.0.1:5432/cases");
  EXPECT_EQ(redact_url("sqlite:/var/lib/cinplan/cases.db"), "sqlite:/var/lib/cinplan/cases.db");
}

}  // namespace
}  // namespace cinplan::store
