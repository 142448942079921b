// Schema migrations (schema.h) on SQLite: from an empty database to the
// latest version, from every earlier version to the same schema a new
// database gets, keeping the data, and refusing a database newer than this
// build.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "store/event_store.h"
#include "store/schema.h"
#include "store/store_test_support.h"

namespace cinplan::store {
namespace {

using ::testing::HasSubstr;
using testing::make_append;
using testing::TempDir;

// Rows of a query on a separate connection, columns joined by '|'.
std::vector<std::string> query(const std::string& path, const std::string& sql) {
  std::vector<std::string> rows;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      row += (c > 0 ? "|" : "") + std::string(text == nullptr ? "NULL" : text);
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

// The schema as SQLite records it: every table, index and trigger with its SQL.
std::vector<std::string> schema_of(const std::string& path) {
  return query(path, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
}

Result<std::unique_ptr<EventStore>> open_at(const TempDir& dir, std::string_view name,
                                            int migrate_to) {
  return open_store(dir.sqlite_url(name), OpenOptions{.create = true, .migrate_to = migrate_to});
}

TEST(MigrationTest, BothBackendsHaveTheSameVersionsAndDescriptions) {
  const auto sqlite = sqlite_migrations();
  const auto postgres = postgres_migrations();
  ASSERT_EQ(sqlite.size(), postgres.size());
  EXPECT_EQ(latest_schema_version(), static_cast<int>(sqlite.size()));
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i + 1));
    EXPECT_EQ(postgres[i].version, sqlite[i].version);
    EXPECT_EQ(postgres[i].description, sqlite[i].description);
  }
}

TEST(MigrationTest, AnEmptyDatabaseIsBroughtToTheLatestVersion) {
  TempDir dir;
  auto store = open_at(dir, "events.db", 0);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ((*store)->schema_version().value_or(-1), latest_schema_version());
  std::vector<std::string> expected;
  for (const Migration& m : sqlite_migrations())
    expected.push_back(std::to_string(m.version) + "|" + std::string(m.description));
  EXPECT_EQ(query(dir.file(), "SELECT version, description FROM schema_migrations ORDER BY 1"),
            expected);
  // Opening again applies nothing more.
  store->reset();
  store = open_at(dir, "events.db", 0);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ(query(dir.file(), "SELECT count(*) FROM schema_migrations"),
            std::vector<std::string>{std::to_string(latest_schema_version())});
}

TEST(MigrationTest, EveryEarlierVersionMigratesToTheSameSchema) {
  TempDir dir;
  ASSERT_TRUE(open_at(dir, "fresh.db", 0).has_value());
  const auto fresh = schema_of(dir.file("fresh.db"));
  ASSERT_FALSE(fresh.empty());

  for (int k = 1; k < latest_schema_version(); ++k) {
    SCOPED_TRACE("from version " + std::to_string(k));
    const std::string name = "v" + std::to_string(k) + ".db";
    {
      auto old = open_at(dir, name, k);
      ASSERT_TRUE(old.has_value()) << old.error().message;
      EXPECT_EQ((*old)->schema_version().value_or(-1), k);
    }
    EXPECT_NE(schema_of(dir.file(name)), fresh);
    // Opening without migrating leaves it where it is.
    {
      auto kept = open_store(dir.sqlite_url(name), OpenOptions{.migrate = false});
      ASSERT_TRUE(kept.has_value()) << kept.error().message;
      EXPECT_EQ((*kept)->schema_version().value_or(-1), k);
    }
    auto latest = open_store(dir.sqlite_url(name), OpenOptions{});
    ASSERT_TRUE(latest.has_value()) << latest.error().message;
    EXPECT_EQ((*latest)->schema_version().value_or(-1), latest_schema_version());
    EXPECT_EQ(schema_of(dir.file(name)), fresh);
  }
}

TEST(MigrationTest, DataWrittenAtTheFirstVersionSurvives) {
  TempDir dir;
  {
    auto v1 = open_at(dir, "events.db", 1);
    ASSERT_TRUE(v1.has_value()) << v1.error().message;
    ASSERT_TRUE((*v1)->append(make_append("C-1", 0, 3)).has_value());
    ASSERT_TRUE((*v1)->append(make_append("C-2", 0, 1)).has_value());
  }
  auto store = open_store(dir.sqlite_url(), OpenOptions{});
  ASSERT_TRUE(store.has_value()) << store.error().message;
  auto events = (*store)->read_stream("C-1");
  ASSERT_TRUE(events.has_value());
  ASSERT_EQ(events->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ((*events)[i].payload, make_append("C-1", 0, 3).events[i].payload);
  EXPECT_EQ((*store)->head().value_or(-1), 4);
  // The migrated database enforces what the latest schema does.
  EXPECT_TRUE(testing::raw_exec(dir.sqlite_url(),
                                "INSERT INTO events (stream_id, version, type, payload, "
                                "event_date, recorded_at, recorded_by) "
                                "VALUES ('C-1', 7, 'note', '{}', '2025-01-01', 'x', 'y')"));
  EXPECT_TRUE((*store)->append(make_append("C-1", 3, 2)).has_value());
  EXPECT_TRUE((*store)->save_snapshot("caseload", Snapshot{5, {"x"}}).has_value());
}

TEST(MigrationTest, ADatabaseNewerThanThisBuildIsRefused) {
  TempDir dir;
  ASSERT_TRUE(open_at(dir, "events.db", 0).has_value());
  const int newer = latest_schema_version() + 1;
  ASSERT_FALSE(testing::raw_exec(dir.sqlite_url(), "INSERT INTO schema_migrations VALUES (" +
                                                       std::to_string(newer) +
                                                       ", 'from the future', 'x')"));
  const auto schema = schema_of(dir.file());
  for (const bool migrate : {true, false}) {
    auto opened = open_store(dir.sqlite_url(), OpenOptions{.migrate = migrate});
    ASSERT_FALSE(opened.has_value());
    EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
    EXPECT_THAT(opened.error().message, HasSubstr("schema version " + std::to_string(newer)));
    EXPECT_THAT(opened.error().message, HasSubstr("newer"));
  }
  EXPECT_EQ(schema_of(dir.file()), schema);
}

TEST(MigrationTest, AnUnknownTargetVersionIsBadInput) {
  TempDir dir;
  for (const int target : {-1, latest_schema_version() + 1}) {
    auto opened = open_at(dir, "events.db", target);
    ASSERT_FALSE(opened.has_value());
    EXPECT_EQ(opened.error().code, ErrorCode::kBadInput);
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

// cinplan migrate: an existing cinplan database is brought up to date; what
// is not one is refused untouched.
TEST(MigrationTest, MigrateExistingStoreUpgradesOnlyACinplanDatabase) {
  TempDir dir;
  ASSERT_TRUE(open_at(dir, "old.db", 1).has_value());
  auto upgraded = migrate_existing_store(dir.sqlite_url("old.db"));
  ASSERT_TRUE(upgraded.has_value()) << upgraded.error().message;
  EXPECT_EQ(upgraded->from, 1);
  EXPECT_EQ(upgraded->to, latest_schema_version());
  ASSERT_TRUE(open_at(dir, "new.db", 0).has_value());
  EXPECT_EQ(schema_of(dir.file("old.db")), schema_of(dir.file("new.db")));
  auto again = migrate_existing_store(dir.sqlite_url("old.db"));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->from, latest_schema_version());
  EXPECT_EQ(again->to, latest_schema_version());

  std::ofstream(dir.file("empty.db")).close();
  auto empty = migrate_existing_store(dir.sqlite_url("empty.db"));
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, ErrorCode::kBadInput);
  EXPECT_THAT(empty.error().message, HasSubstr("holds no cinplan database (it is empty)"));
  EXPECT_EQ(std::filesystem::file_size(dir.file("empty.db")), 0u);

  auto missing = migrate_existing_store(dir.sqlite_url("absent.db"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));
  const std::vector<std::string> left = {"empty.db", "new.db", "old.db"};
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    // A reader leaves a WAL database's -wal and -shm files; they are its own.
    const std::string name = e.path().filename().string();
    if (!name.ends_with("-wal") && !name.ends_with("-shm")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, left);
}

}  // namespace
}  // namespace cinplan::store
