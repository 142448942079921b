// Helpers for the store tests (header only: every .cc in src/store that is
// not a test goes into the library): fresh temporary databases, running as a
// user without write access, the backends to run against, unique ids for a
// shared PostgreSQL database, and raw SQL through a second connection, to
// show what the database itself refuses.
#pragma once

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/event_store.h"

namespace cinplan::store::testing {

// A new, empty temporary folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "cinplan-store-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error("cannot make a temporary folder");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }

  const std::filesystem::path& path() const { return path_; }
  std::string file(std::string_view name = "events.db") const { return (path_ / name).string(); }
  // "sqlite:<folder>/<name>".
  std::string sqlite_url(std::string_view name = "events.db") const {
    return "sqlite:" + file(name);
  }

 private:
  std::filesystem::path path_;
};

// Runs `body` as a user who cannot write what the test's user made read-only:
// this user, or nobody (uid 65534) when the test runs as root, who writes
// through any permission bits. Returns what `body` returned, or "cannot drop
// privileges".
inline std::string as_unprivileged(const std::function<std::string()>& body) {
  if (geteuid() != 0) return body();
  // In a child that has given up root, passing the outcome back through a
  // pipe.
  int fds[2];
  if (pipe(fds) != 0) return "pipe";
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    std::string report = "cannot drop privileges";
    if (setgid(65534) == 0 && setuid(65534) == 0) report = body();
    const auto written = write(fds[1], report.data(), report.size());
    _exit(written == static_cast<ssize_t>(report.size()) ? 0 : 1);
  }
  close(fds[1]);
  std::string report;
  char buffer[512];
  ssize_t n = 0;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) report.append(buffer, n);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  return report;
}

// Makes the file and its folder read-only for everyone.
inline void make_read_only(const TempDir& dir, const std::string& file) {
  namespace fs = std::filesystem;
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec |
                                  fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
}

// The PostgreSQL URL from CINPLAN_TEST_POSTGRES_URL, if set and non-empty.
inline std::optional<std::string> postgres_test_url() {
  const char* url = std::getenv("CINPLAN_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

// "sqlite", and "postgresql" when a test server is given.
inline std::vector<std::string> test_backends() {
  std::vector<std::string> backends = {"sqlite"};
  if (postgres_test_url()) backends.emplace_back("postgresql");
  return backends;
}

// A short token unique to this process and call, for stream ids on a database
// that other tests (and other test processes) share.
inline std::string unique_token() {
  static std::atomic<int> counter{0};
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::to_string(getpid()) + "-" +
         std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count() %
                        1'000'000'000) +
         "-" + std::to_string(counter++);
}

// The file of a "sqlite:PATH[?...]" URL.
inline std::string sqlite_path(const std::string& url) {
  std::string path = url.substr(std::string_view("sqlite:").size());
  return path.substr(0, path.find('?'));
}

// Runs `sql` on a separate connection to the database at `url` (the SQLite C
// API or libpqxx directly, not the store). Returns the database's error
// message, or nothing when the statements succeeded.
inline std::optional<std::string> raw_exec(const std::string& url, const std::string& sql) {
  if (url.starts_with("sqlite:")) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(sqlite_path(url).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
      std::string message = sqlite3_errmsg(db);
      sqlite3_close(db);
      return "cannot open: " + message;
    }
    sqlite3_busy_timeout(db, 10'000);
    char* error = nullptr;
    std::optional<std::string> result;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK)
      result = error != nullptr ? error : "error";
    sqlite3_free(error);
    sqlite3_close(db);
    return result;
  }
  try {
    pqxx::connection connection(url);
    pqxx::work work(connection);
    work.exec(sql);
    work.commit();
    return std::nullopt;
  } catch (const std::exception& e) {
    return std::string(e.what());
  }
}

// An append request that creates `id` with `count` events (expected 0), or
// appends `count` events to it. Each payload is {"type":"note","date":...,
// "n":k,"tag":tag} with k = expected + 1 ... expected + count.
inline AppendRequest make_append(const std::string& id, std::int64_t expected, int count,
                                 const std::string& tag = {}) {
  AppendRequest request;
  request.stream_id = id;
  request.expected_version = expected;
  if (expected == 0)
    request.create = NewStream{std::string(kCaseStreamKind), "london-cyps",
                               R"({"case_id":")" + id + R"(","child":{"id":"P-1"}})"};
  for (int i = 1; i <= count; ++i) {
    const std::int64_t n = expected + i;
    const std::string date =
        "2025-03-" + std::string(n % 28 + 1 < 10 ? "0" : "") + std::to_string(n % 28 + 1);
    request.events.push_back(NewEvent{"note", date,
                                      R"({"type":"note","date":")" + date + R"(","n":)" +
                                          std::to_string(n) + R"(,"tag":")" + tag + R"("})"});
  }
  request.recorded_by = "worker-1";
  request.recorded_at = "2026-11-22T10:15:30.123Z";
  return request;
}

}  // namespace cinplan::store::testing
