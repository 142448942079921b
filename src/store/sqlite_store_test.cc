// What only the SQLite store does: its URL, its file on disk, and how a
// missing, read-only, full or foreign file is reported, always with nothing
// written. The backend-agnostic contract is in store_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "store/event_store.h"
#include "store/schema.h"
#include "store/store_test_support.h"

namespace cinplan::store {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::make_append;
using testing::TempDir;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(SqliteStoreTest, MissingFileWithoutCreateIsNotFoundAndCreatesNothing) {
  TempDir dir;
  auto opened = open_store(dir.sqlite_url("absent.db"), OpenOptions{.create = false});
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(opened.error().message, "no database at " + dir.file("absent.db"));
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(SqliteStoreTest, MissingFolderIsNotFound) {
  TempDir dir;
  const std::string path = (dir.path() / "no-such-folder" / "cases.db").string();
  auto opened = open_store("sqlite:" + path, OpenOptions{.create = true});
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(opened.error().message, HasSubstr("no-such-folder"));
  EXPECT_THAT(opened.error().message, HasSubstr("does not exist"));
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(SqliteStoreTest, BadUrlsAreBadInput) {
  TempDir dir;
  for (const std::string& url : {std::string("sqlite:"), dir.sqlite_url() + "?max_pages=0",
                                 dir.sqlite_url() + "?max_pages=ten",
                                 dir.sqlite_url() + "?journal=off", std::string("mysql://x")}) {
    auto opened = open_store(url, OpenOptions{.create = true});
    ASSERT_FALSE(opened.has_value()) << url;
    EXPECT_EQ(opened.error().code, ErrorCode::kBadInput) << url;
  }
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(SqliteStoreTest, OpensWithDurableSettings) {
  TempDir dir;
  auto store = open_store(dir.sqlite_url(), OpenOptions{.create = true});
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ((*store)->describe(), dir.sqlite_url());
  // WAL mode is recorded in the file; a second connection sees it.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.file().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(SqliteStoreTest, AFullDatabaseWritesNothing) {
  TempDir dir;
  {
    auto store = open_store(dir.sqlite_url(), OpenOptions{.create = true});
    ASSERT_TRUE(store.has_value()) << store.error().message;
    ASSERT_TRUE((*store)->append(make_append("C-1", 0, 2)).has_value());
  }
  // max_page_count cannot go below the current size, so 1 means "no growth".
  auto limited = open_store(dir.sqlite_url() + "?max_pages=1", OpenOptions{.create = false});
  ASSERT_TRUE(limited.has_value()) << limited.error().message;
  auto big = make_append("C-1", 2, 50);
  for (auto& event : big.events) event.payload += std::string(4000, ' ');
  auto appended = (*limited)->append(big);
  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(appended.error().message, HasSubstr(dir.file()));
  EXPECT_THAT(appended.error().message, HasSubstr("is full"));
  EXPECT_THAT(appended.error().message, HasSubstr("nothing was written"));
  limited->reset();

  auto store = open_store(dir.sqlite_url(), OpenOptions{.create = false});
  ASSERT_TRUE(store.has_value());
  EXPECT_EQ((*store)->head().value_or(-1), 2);
  auto events = (*store)->read_stream("C-1");
  ASSERT_TRUE(events.has_value());
  EXPECT_EQ(events->size(), 2u);
  // The store still works once there is room.
  EXPECT_TRUE((*store)->append(big).has_value());
}

// Opens `url` as a user who cannot write the file or its folder. Returns the
// error, or nothing if it opened.
std::optional<Error> open_as_unprivileged(const std::string& url) {
  const std::string report = testing::as_unprivileged([&] {
    auto opened = open_store(url, OpenOptions{.create = false});
    if (opened) return std::string("ok");
    return std::string(to_string(opened.error().code)) + "\n" + opened.error().message;
  });
  if (report == "ok") return std::nullopt;
  const auto newline = report.find('\n');
  if (newline == std::string::npos) return Error{ErrorCode::kInternal, report, {}};
  const std::string code = report.substr(0, newline);
  return Error{code == "unavailable" ? ErrorCode::kUnavailable : ErrorCode::kInternal,
               report.substr(newline + 1),
               {}};
}

TEST(SqliteStoreTest, AReadOnlyDatabaseIsUnavailableAndUntouched) {
  TempDir dir;
  {
    auto store = open_store(dir.sqlite_url(), OpenOptions{.create = true});
    ASSERT_TRUE(store.has_value());
    ASSERT_TRUE((*store)->append(make_append("C-1", 0, 1)).has_value());
  }
  const std::string before = read_file(dir.file());
  testing::make_read_only(dir, dir.file());
  auto error = open_as_unprivileged(dir.sqlite_url());
  fs::permissions(dir.path(), fs::perms::owner_all, fs::perm_options::add);
  ASSERT_TRUE(error.has_value()) << "a read-only database was opened for writing";
  if (error->message == "cannot drop privileges") GTEST_SKIP() << error->message;
  EXPECT_EQ(error->code, ErrorCode::kUnavailable) << error->message;
  EXPECT_THAT(error->message, HasSubstr(dir.file()));
  EXPECT_THAT(error->message, HasSubstr("read-only"));
  EXPECT_THAT(error->message, HasSubstr("nothing was written"));
  EXPECT_EQ(read_file(dir.file()), before);
}

TEST(SqliteStoreTest, AFileThatIsNotADatabaseIsRefusedUntouched) {
  TempDir dir;
  const std::string text(4096, 'x');
  std::ofstream(dir.file("notes.db"), std::ios::binary) << text;
  auto opened = open_store(dir.sqlite_url("notes.db"), OpenOptions{.create = true});
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kBadInput);
  EXPECT_THAT(opened.error().message, HasSubstr(dir.file("notes.db")));
  EXPECT_THAT(opened.error().message, HasSubstr("holds no cinplan database"));
  EXPECT_EQ(read_file(dir.file("notes.db")), text);
}

TEST(SqliteStoreTest, AnotherProgramsDatabaseIsRefusedUntouched) {
  TempDir dir;
  const std::string url = dir.sqlite_url("other.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(dir.file("other.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE contacts (name TEXT)", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto bytes = [&] {
    std::ifstream in(dir.file("other.db"), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string before = bytes();
  auto opened = open_store(url, OpenOptions{.create = true});
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kBadInput);
  EXPECT_THAT(opened.error().message, HasSubstr("some other program"));
  // Not a byte changed: no cinplan table, and its journal mode is its own
  // (switching it to write-ahead logging once changed its header).
  EXPECT_EQ(bytes(), before);
  EXPECT_TRUE(testing::raw_exec(url, "SELECT * FROM events").has_value());
}

// Several processes opening a new file at once: each waits for the others, and
// every migration is applied exactly once.
TEST(SqliteStoreTest, ProcessesRacingToCreateADatabaseMigrateItOnce) {
  TempDir dir;
  const std::string url = dir.sqlite_url();
  int gate[2];
  ASSERT_EQ(pipe(gate), 0);
  std::vector<pid_t> children;
  for (int i = 0; i < 6; ++i) {
    const pid_t child = fork();
    if (child == 0) {
      close(gate[1]);
      char byte;
      [[maybe_unused]] const auto ignored = read(gate[0], &byte, 1);  // until the gate closes
      auto opened = open_store(url, OpenOptions{.create = true});
      if (!opened) std::fprintf(stderr, "%s\n", opened.error().message.c_str());
      _exit(opened ? 0 : 1);
    }
    children.push_back(child);
  }
  close(gate[0]);
  close(gate[1]);
  for (const pid_t child : children) {
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  auto store = open_store(url);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ((*store)->schema_version().value_or(-1), latest_schema_version());
  EXPECT_FALSE(testing::raw_exec(
      url, "SELECT CASE WHEN count(*) = " + std::to_string(latest_schema_version()) +
               " THEN 1 ELSE abs(-9223372036854775807 - 1) END "
               "FROM schema_migrations"));
}

// Writers of one process are committed in groups; when the disk fills in the
// middle of a group, what was acknowledged is exactly what is stored.
TEST(SqliteStoreTest, WhenTheDiskFillsUnderManyWritersAcknowledgedMeansStored) {
  TempDir dir;
  constexpr int kWriters = 8;
  {
    auto store = open_store(dir.sqlite_url(), OpenOptions{.create = true});
    ASSERT_TRUE(store.has_value());
    for (int t = 0; t < kWriters; ++t)
      ASSERT_TRUE((*store)->append(make_append("C-" + std::to_string(t), 0, 1)).has_value());
  }
  std::vector<std::vector<std::string>> acknowledged(kWriters);
  std::vector<std::string> failures(kWriters);
  std::vector<std::thread> threads;
  for (int t = 0; t < kWriters; ++t) {
    threads.emplace_back([&, t] {
      auto store = open_store(dir.sqlite_url() + "?max_pages=1");
      if (!store) {
        failures[t] = store.error().message;
        return;
      }
      const std::string id = "C-" + std::to_string(t);
      for (int i = 0; i < 500; ++i) {
        const std::string tag = std::to_string(t) + "-" + std::to_string(i);
        auto request = make_append(id, static_cast<std::int64_t>(acknowledged[t].size()) + 1, 1,
                                   tag + std::string(t == 0 ? 3000 : 300, '.'));
        auto appended = (*store)->append(request);
        if (!appended) {
          failures[t] = appended.error().message;
          return;
        }
        acknowledged[t].push_back(tag);
      }
    });
  }
  for (auto& thread : threads) thread.join();

  auto store = open_store(dir.sqlite_url());
  ASSERT_TRUE(store.has_value());
  for (int t = 0; t < kWriters; ++t) {
    SCOPED_TRACE("writer " + std::to_string(t));
    EXPECT_THAT(failures[t], HasSubstr("is full"));
    auto events = (*store)->read_stream("C-" + std::to_string(t));
    ASSERT_TRUE(events.has_value());
    ASSERT_EQ(events->size(), acknowledged[t].size() + 1);
    for (std::size_t i = 0; i < acknowledged[t].size(); ++i)
      EXPECT_THAT((*events)[i + 1].payload, HasSubstr("\"tag\":\"" + acknowledged[t][i] + "."));
  }
}

}  // namespace
}  // namespace cinplan::store
