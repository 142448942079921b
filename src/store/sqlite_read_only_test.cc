// A SQLite store opened read-only (OpenOptions::read_only): what is not a
// cinplan database is refused and left exactly as it was (no -wal or -shm
// either), nothing is migrated or switched, and a database the user may only
// read, in a folder they cannot write, is read. The reads and refusals every
// backend shares are in store_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "store/event_store.h"
#include "store/schema.h"
#include "store/store_test_support.h"

namespace cinplan::store {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::make_append;
using testing::TempDir;

constexpr OpenOptions kReadOnly{.read_only = true};

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The names in the folder, sorted.
std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A cinplan database at `url` with case C-1 of `events` events, closed.
void make_database(const std::string& url, int events = 2) {
  auto store = open_store(url, OpenOptions{.create = true});
  ASSERT_TRUE(store.has_value()) << store.error().message;
  ASSERT_TRUE((*store)->append(make_append("C-1", 0, events)).has_value());
}

// Opening `name` in `dir` read-only is refused with kBadInput naming the file
// and saying it holds no cinplan database (`why`); the folder's files and the
// file's bytes are as they were.
void expect_refused_untouched(const TempDir& dir, const std::string& name, const std::string& why) {
  const std::string before = contents(dir.file(name));
  const auto files = names_in(dir.path());
  auto opened = open_store(dir.sqlite_url(name), kReadOnly);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(opened.error().message, "the file " + dir.file(name) + " holds no cinplan database (" +
                                        why + "); nothing was changed");
  EXPECT_EQ(contents(dir.file(name)), before);
  EXPECT_EQ(names_in(dir.path()), files);
}

TEST(SqliteReadOnly, AnEmptyFileStaysEmpty) {
  TempDir dir;
  std::ofstream(dir.file("empty.db")).close();
  expect_refused_untouched(dir, "empty.db", "it is empty");
  EXPECT_EQ(fs::file_size(dir.file("empty.db")), 0u);
}

TEST(SqliteReadOnly, AFileThatIsNotADatabaseIsUntouched) {
  TempDir dir;
  std::ofstream(dir.file("notes.db"), std::ios::binary) << std::string(4096, 'x');
  expect_refused_untouched(dir, "notes.db", "it is not a SQLite database file");
}

// Makes a SQLite database (not in WAL mode) with `sql` run in it.
void make_sqlite_file(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(SqliteReadOnly, AnotherProgramsDatabaseIsUntouched) {
  TempDir dir;
  make_sqlite_file(dir.file("other.db"), "CREATE TABLE contacts (name TEXT)");
  expect_refused_untouched(dir, "other.db", "it is a SQLite database of some other program");
  make_sqlite_file(dir.file("blank.db"), "PRAGMA user_version = 1");
  expect_refused_untouched(dir, "blank.db", "it is a SQLite database with no tables");
  // In WAL mode a reader would make -wal and -shm files beside it.
  make_sqlite_file(dir.file("wal.db"), "PRAGMA journal_mode = WAL; CREATE TABLE t (x)");
  ASSERT_FALSE(fs::exists(dir.file("wal.db-wal")));
  expect_refused_untouched(dir, "wal.db", "it is a SQLite database of some other program");
}

TEST(SqliteReadOnly, AMissingFileIsNotFoundAndNotCreated) {
  TempDir dir;
  auto opened = open_store(dir.sqlite_url("absent.db"), kReadOnly);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(opened.error().message, "no database at " + dir.file("absent.db"));
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

// An older database opens as it is (the reading commands then refuse it and
// say how to upgrade); a newer one is refused.
TEST(SqliteReadOnly, NothingIsMigratedAndANewerSchemaIsRefused) {
  TempDir dir;
  {
    auto v1 = open_store(dir.sqlite_url(), OpenOptions{.create = true, .migrate_to = 1});
    ASSERT_TRUE(v1.has_value()) << v1.error().message;
  }
  auto old = open_store(dir.sqlite_url(), kReadOnly);
  ASSERT_TRUE(old.has_value()) << old.error().message;
  EXPECT_EQ((*old)->schema_version().value_or(-1), 1);
  old->reset();
  auto plain = open_store(dir.sqlite_url(), OpenOptions{.migrate = false});
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ((*plain)->schema_version().value_or(-1), 1);
  plain->reset();

  ASSERT_FALSE(testing::raw_exec(dir.sqlite_url(),
                                 "INSERT INTO schema_migrations VALUES (99, 'future', 'then')"));
  auto newer = open_store(dir.sqlite_url(), kReadOnly);
  ASSERT_FALSE(newer.has_value());
  EXPECT_EQ(newer.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(newer.error().message, HasSubstr("schema version 99, newer than this cinplan"));
}

TEST(SqliteReadOnly, TheJournalModeIsNeverSwitched) {
  TempDir dir;
  make_database(dir.sqlite_url());
  ASSERT_FALSE(testing::raw_exec(dir.sqlite_url(), "PRAGMA journal_mode = DELETE"));
  auto store = open_store(dir.sqlite_url(), kReadOnly);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ((*store)->read_stream("C-1").value_or(std::vector<StoredEvent>{}).size(), 2u);
  auto durability = (*store)->durability();
  ASSERT_TRUE(durability.has_value());
  EXPECT_EQ(durability->settings.at("journal_mode"), "delete");
  store->reset();
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"events.db"});
}

// A writer holding the database open keeps its commits in the -wal file
// until a checkpoint; a reader must see them.
TEST(SqliteReadOnly, ReadsWhatAnOpenWriterHasCommitted) {
  TempDir dir;
  auto writer = open_store(dir.sqlite_url(), OpenOptions{.create = true});
  ASSERT_TRUE(writer.has_value());
  ASSERT_TRUE((*writer)->append(make_append("C-1", 0, 3)).has_value());
  ASSERT_TRUE(fs::exists(dir.file() + "-wal"));
  auto reader = open_store(dir.sqlite_url(), kReadOnly);
  ASSERT_TRUE(reader.has_value()) << reader.error().message;
  EXPECT_EQ((*reader)->head().value_or(-1), 3);
  ASSERT_TRUE((*writer)->append(make_append("C-1", 3, 2)).has_value());
  EXPECT_EQ((*reader)->head().value_or(-1), 5);
}

// What a user who cannot write the database or its folder sees: the case,
// and no file made or changed.
std::string read_as_unprivileged(const std::string& url) {
  return testing::as_unprivileged([&] {
    auto store = open_store(url, kReadOnly);
    if (!store) return "cannot open: " + store.error().message;
    auto events = (*store)->read_stream("C-1");
    if (!events) return "cannot read: " + events.error().message;
    auto refused = (*store)->append(make_append("C-1", 2, 1));
    if (refused || refused.error().code != ErrorCode::kUnavailable) return std::string("wrote");
    return std::to_string(events->size()) + " events";
  });
}

TEST(SqliteReadOnly, ADatabaseInAFolderTheUserCannotWriteIsRead) {
  TempDir dir;
  make_database(dir.sqlite_url());
  ASSERT_EQ(names_in(dir.path()), std::vector<std::string>{"events.db"});
  const std::string before = contents(dir.file());
  testing::make_read_only(dir, dir.file());
  const std::string outcome = read_as_unprivileged(dir.sqlite_url());
  fs::permissions(dir.path(), fs::perms::owner_all, fs::perm_options::add);
  if (outcome == "cannot drop privileges") GTEST_SKIP() << outcome;
  EXPECT_EQ(outcome, "2 events");
  EXPECT_EQ(contents(dir.file()), before);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"events.db"});
}

// A folder the reader may write in is no reason to make -wal and -shm files
// there that the database's own writers could not then use.
TEST(SqliteReadOnly, AReadOnlyFileInAWritableFolderIsReadWithoutSideFiles) {
  TempDir dir;
  make_database(dir.sqlite_url());
  const std::string before = contents(dir.file());
  fs::permissions(dir.file(),
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir.path(), fs::perms::all);
  const std::string outcome = read_as_unprivileged(dir.sqlite_url());
  fs::permissions(dir.path(), fs::perms::owner_all);
  if (outcome == "cannot drop privileges") GTEST_SKIP() << outcome;
  EXPECT_EQ(outcome, "2 events");
  EXPECT_EQ(contents(dir.file()), before);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"events.db"});
}

TEST(SqliteReadOnly, DatabaseFilesAreTheFileAndItsJournals) {
  EXPECT_EQ(
      database_files("sqlite:/tmp/x.db?max_pages=5"),
      (std::vector<fs::path>{"/tmp/x.db", "/tmp/x.db-wal", "/tmp/x.db-shm", "/tmp/x.db-journal"}));
  EXPECT_TRUE(database_files("postgresql://u@h/db").empty());
  EXPECT_TRUE(database_files("sqlite:").empty());
}

}  // namespace
}  // namespace cinplan::store
