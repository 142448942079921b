// Opening a SQLite event store: "sqlite:PATH[?max_pages=N]".
#include <charconv>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "store/schema.h"
#include "store/sqlite_store.h"

namespace cinplan::store {
namespace {

namespace fs = std::filesystem;
using sqlite::Access;
using sqlite::Database;
using sqlite::kBusyTimeoutMs;
using sqlite::kCacheKib;

struct SqliteUrl {
  std::string path;
  std::int64_t max_pages = 0;  // 0: no limit set
};

Result<SqliteUrl> parse_url(std::string_view url) {
  const auto bad = [&](std::string_view why) {
    return std::unexpected(Error::bad_input("database URL \"" + std::string(url) + "\" " +
                                            std::string(why) +
                                            ": use sqlite:PATH, for example sqlite:cases.db"));
  };
  if (!url.starts_with("sqlite:")) return bad("is not a SQLite URL");
  std::string_view rest = url.substr(7);
  SqliteUrl parsed;
  if (const auto q = rest.find('?'); q != std::string_view::npos) {
    std::string_view query = rest.substr(q + 1);
    rest = rest.substr(0, q);
    constexpr std::string_view kMaxPages = "max_pages=";
    if (!query.starts_with(kMaxPages)) return bad("has an unknown option (only max_pages=N)");
    query.remove_prefix(kMaxPages.size());
    const auto [end, ec] =
        std::from_chars(query.data(), query.data() + query.size(), parsed.max_pages);
    if (ec != std::errc() || end != query.data() + query.size() || parsed.max_pages <= 0)
      return bad("has a max_pages that is not a positive whole number");
  }
  if (rest.empty()) return bad("names no file");
  parsed.path = std::string(rest);
  return parsed;
}

}  // namespace

Result<void> sqlite::check_path(const std::string& path, bool create) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status))
      return std::unexpected(
          Error::bad_input(path + " is a folder, not a database file; nothing was written"));
    return {};
  }
  if (!create) return std::unexpected(Error::not_found("no database at " + path));
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  if (!fs::is_directory(parent, ec))
    return std::unexpected(Error::not_found("cannot create the database " + path + ": the folder " +
                                            parent.string() +
                                            " does not exist; nothing was written"));
  return {};
}

namespace {

// Sets WAL mode (kept in the file). Switching needs the file to itself; when
// several processes open a new file at once SQLite may report them busy at
// once rather than wait (each holds what the other needs), so this retries
// until the busy timeout.
Result<std::string> switch_to_wal(Database& db) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  while (true) {
    auto statement = db.prepare("PRAGMA journal_mode = WAL", Access::kWrite);
    if (!statement) return std::unexpected(statement.error());
    const int rc = statement->step();
    if (rc == SQLITE_ROW) return std::string(statement->text(0));
    if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
      return std::unexpected(db.error(rc, Access::kWrite));
    thread_local std::minstd_rand jitter(std::random_device{}());
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + jitter() % 20));
  }
}

Result<void> configure(Database& db, const SqliteUrl& url) {
  if (sqlite3_db_readonly(db.get(), "main") == 1)
    return std::unexpected(Error::unavailable(
        "the database at " + url.path +
        " cannot be written: the file or its folder is read-only (check their permissions); "
        "nothing was written"));
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  // The first read of the file: one that is not a database, or is another
  // program's, is refused here, before anything about it is changed (the
  // journal mode is kept in the file).
  if (auto version = sqlite::read_schema_version(db); !version)
    return std::unexpected(version.error());
  auto mode = switch_to_wal(db);
  if (!mode) return std::unexpected(mode.error());
  if (*mode != "wal")
    return std::unexpected(Error::unavailable("the database at " + url.path +
                                              " cannot use write-ahead logging (journal mode " +
                                              *mode + "); nothing was written"));
  auto pragmas = db.exec(
      "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
      "PRAGMA cache_size = -" +
          std::to_string(kCacheKib),
      Access::kWrite);
  if (!pragmas) return std::unexpected(pragmas.error());
  if (url.max_pages > 0) {
    auto limited =
        db.query_int("PRAGMA max_page_count = " + std::to_string(url.max_pages), Access::kWrite);
    if (!limited) return std::unexpected(limited.error());
  }
  return {};
}

}  // namespace

namespace sqlite {

std::shared_ptr<FileWriter> file_writer_for(const std::string& canonical_path) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<FileWriter>> registry;
  std::lock_guard lock(registry_mutex);
  std::erase_if(registry, [](const auto& entry) { return entry.second.expired(); });
  auto& slot = registry[canonical_path];
  auto existing = slot.lock();
  if (existing) return existing;
  auto created = std::make_shared<FileWriter>();
  slot = created;
  return created;
}

}  // namespace sqlite

Result<sqlite::OpenedFile> sqlite::open_file(std::string_view url, const OpenOptions& options) {
  auto parsed = parse_url(url);
  if (!parsed) return std::unexpected(parsed.error());
  if (options.read_only) return sqlite::open_read_only_file(parsed->path);
  const int latest = latest_schema_version();
  if (options.migrate_to < 0 || options.migrate_to > latest)
    return std::unexpected(Error::bad_input("schema version " + std::to_string(options.migrate_to) +
                                            " is not known (versions 1 to " +
                                            std::to_string(latest) + ")"));
  auto checked = sqlite::check_path(parsed->path, options.create);
  if (!checked) return std::unexpected(checked.error());

  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create) flags |= SQLITE_OPEN_CREATE;
  auto db = Database::open(parsed->path, flags);
  if (!db) return std::unexpected(db.error());
  auto configured = configure(*db, *parsed);
  if (!configured) return std::unexpected(configured.error());

  std::error_code ec;
  auto canonical = fs::weakly_canonical(parsed->path, ec);
  auto writer = sqlite::file_writer_for(ec ? parsed->path : canonical.string());

  // Without `migrate` the target is 0: nothing is applied, but a database
  // newer than this build is still refused.
  const int target = !options.migrate ? 0 : options.migrate_to == 0 ? latest : options.migrate_to;
  auto migrated = sqlite::migrate(*db, target, writer->write);
  if (!migrated) return std::unexpected(migrated.error());
  return sqlite::OpenedFile{std::move(*db), std::move(writer), /*read_only=*/false};
}

Result<std::unique_ptr<EventStore>> open_sqlite_store(std::string_view url,
                                                      const OpenOptions& options) {
  auto opened = sqlite::open_file(url, options);
  if (!opened) return std::unexpected(opened.error());
  return std::make_unique<sqlite::SqliteStore>(std::string(url), std::move(opened->db),
                                               std::move(opened->writer), opened->read_only);
}

}  // namespace cinplan::store
