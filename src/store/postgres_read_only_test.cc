// A PostgreSQL store opened read-only (OpenOptions::read_only): nothing is
// created or migrated, a database without cinplan's tables is refused and
// stays without them, every connection of the store is in read-only
// transaction mode so the server itself refuses a write, and cinplan migrate
// upgrades only a cinplan database. Skipped unless CINPLAN_TEST_POSTGRES_URL
// is set (tests/with-postgres sets it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/event_store.h"
#include "store/postgres_store.h"
#include "store/postgres_test_support.h"
#include "store/schema.h"
#include "store/store_test_support.h"

namespace cinplan::store {
namespace {

using testing::FreshDatabase;
using ::testing::HasSubstr;
using testing::make_append;
using testing::query;

constexpr OpenOptions kReadOnly{.read_only = true};

class PostgresReadOnlyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto url = testing::postgres_test_url();
    if (!url) GTEST_SKIP() << "CINPLAN_TEST_POSTGRES_URL is not set (see tests/with-postgres)";
    url_ = *url;
  }
  std::string url_;
};

// The tables of the public schema.
std::vector<std::string> tables_of(const std::string& url) {
  return query(url,
               "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
               "ORDER BY 1");
}

TEST_F(PostgresReadOnlyTest, AMissingDatabaseIsNotCreated) {
  const std::string name = "cinplan_ro_missing_" + std::to_string(getpid());
  auto opened = open_store(testing::with_database(url_, name), kReadOnly);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(query(url_, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"),
            std::vector<std::string>{"0"});
}

TEST_F(PostgresReadOnlyTest, ADatabaseWithoutCinplanTablesIsRefusedAndLeftSo) {
  FreshDatabase db(url_);
  auto opened = open_store(db.url(), kReadOnly);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(opened.error().message, "the PostgreSQL database \"" + db.name() + "\" at " +
                                        redact_url(db.url()) +
                                        " holds no cinplan database (it has no cinplan tables); "
                                        "nothing was changed");
  EXPECT_TRUE(tables_of(db.url()).empty());
  auto upgraded = migrate_existing_store(db.url());
  ASSERT_FALSE(upgraded.has_value());
  EXPECT_EQ(upgraded.error().code, ErrorCode::kBadInput);
  EXPECT_TRUE(tables_of(db.url()).empty());
}

TEST_F(PostgresReadOnlyTest, AnOlderSchemaIsOpenedAsItIsAndMigrateUpgradesIt) {
  FreshDatabase db(url_);
  ASSERT_TRUE(open_store(db.url(), OpenOptions{.migrate_to = 1}).has_value());
  const auto v1 = tables_of(db.url());
  auto old = open_store(db.url(), kReadOnly);
  ASSERT_TRUE(old.has_value()) << old.error().message;
  EXPECT_EQ((*old)->schema_version().value_or(-1), 1);
  old->reset();
  EXPECT_EQ(tables_of(db.url()), v1);

  auto upgraded = migrate_existing_store(db.url());
  ASSERT_TRUE(upgraded.has_value()) << upgraded.error().message;
  EXPECT_EQ(upgraded->from, 1);
  EXPECT_EQ(upgraded->to, latest_schema_version());
  EXPECT_THAT(tables_of(db.url()), ::testing::Contains("projection_snapshots"));
}

TEST_F(PostgresReadOnlyTest, ANewerSchemaIsRefused) {
  FreshDatabase db(url_);
  ASSERT_TRUE(open_store(db.url()).has_value());
  ASSERT_EQ(testing::raw_exec(db.url(), "INSERT INTO schema_migrations VALUES (99, 'future', 'x')"),
            std::nullopt);
  auto opened = open_store(db.url(), kReadOnly);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(opened.error().message, HasSubstr("schema version 99, newer than this cinplan"));
}

// Every connection a read-only store makes is in read-only transaction mode:
// the main one, the scan's and the listener's. The server refuses a write on
// any of them, whatever the store's own checks.
TEST_F(PostgresReadOnlyTest, TheServerItselfRefusesWritesOnItsConnections) {
  postgres::ConnectionTarget target = postgres::parse_url(url_).value();
  target.read_only = true;
  auto conn = postgres::connect(target);
  ASSERT_TRUE(conn.has_value()) << conn.error().message;
  pqxx::nontransaction tx(**conn);
  EXPECT_EQ(std::string(tx.exec("SHOW default_transaction_read_only")[0][0].c_str()), "on");
  try {
    tx.exec("CREATE TABLE cinplan_ro_probe (x int)");
    ADD_FAILURE() << "a read-only session created a table";
  } catch (const pqxx::sql_error& e) {
    EXPECT_EQ(e.sqlstate(), "25006") << e.what();  // read_only_sql_transaction
  }
  // LISTEN, which wait_for_events needs, is allowed.
  EXPECT_NO_THROW(tx.exec("LISTEN cinplan_events"));
}

TEST_F(PostgresReadOnlyTest, AReadOnlyStoreReadsAcrossScanBatches) {
  FreshDatabase db(url_);
  {
    auto writer = open_store(db.url());
    ASSERT_TRUE(writer.has_value());
    for (int i = 0; i < 5; ++i)
      ASSERT_TRUE((*writer)->append(make_append("L-1", i * 10'000, 10'000)).has_value());
  }
  auto store = open_store(db.url(), kReadOnly);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  std::int64_t rows = 0;
  auto last = (*store)->scan(0, [&](const ScanRow&) { ++rows; });
  ASSERT_TRUE(last.has_value()) << last.error().message;
  EXPECT_EQ(rows, 50'000);
  EXPECT_EQ(*last, 50'000);
}

}  // namespace
}  // namespace cinplan::store
