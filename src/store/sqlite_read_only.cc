// Opening a SQLite event store for reading only (OpenOptions::read_only):
// nothing is migrated or switched, and a file that is not a cinplan database
// is left exactly as it was, with nothing made beside it.
//
// The one subtle part is a database in WAL mode (every cinplan database).
// Readers of a WAL database share an index of the log in the -shm file beside
// it, and SQLite makes the -wal and -shm files when they are missing, even
// for a read-only connection; a reader that cannot make them cannot read.
// The file is therefore opened in one of two ways:
//  - immutable (URI "file:PATH?mode=ro&immutable=1",
//    https://www.sqlite.org/uri.html): SQLite reads the file as it is, with no
//    locks and no -wal or -shm. That is only right when there is no -wal file:
//    then no writer has the database open and nothing is waiting to be
//    checkpointed, so the file is the whole database. Immutable also means
//    SQLite assumes the file does not change while it is open; a writer that
//    started meanwhile could give this reader a wrong answer.
//  - with SQLITE_OPEN_READONLY, sharing the -wal and -shm files with any
//    writer as every reader does (making them when missing; where they exist
//    but cannot be written, SQLite keeps the index in memory).
// Steps:
//  1. With no -wal file, a first look opens the file immutable and reads its
//     schema: an empty file, a text file or another program's database is
//     refused without a -wal or -shm ever being made for it.
//  2. When this process cannot write the file (and there is no -wal), that
//     immutable connection is the store's: a reader who cannot write the
//     database makes no files beside it, even in a folder it may write in,
//     since -wal and -shm files it made would be its own, with the
//     database's mode, and the database's writers could no longer use them.
//  3. Otherwise the file is opened with SQLITE_OPEN_READONLY and its schema
//     read again (it may have changed since the look), so that a writer
//     running at the same time is seen through the -wal as SQLite intends.
//     SQLite may leave an empty -wal and a -shm beside the database after;
//     they are the database's own.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "store/schema.h"
#include "store/sqlite_store.h"

namespace cinplan::store::sqlite {
namespace {

namespace fs = std::filesystem;

bool can_write(const fs::path& path) {
  return ::access(path.c_str(), W_OK) == 0;
}

// "file:/absolute/path?mode=ro&immutable=1", with the characters a URI path
// cannot hold as themselves percent-encoded.
std::string immutable_uri(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  std::string uri = "file:";
  for (const char c : absolute.lexically_normal().string()) {
    if (c == '%' || c == '?' || c == '#') {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
      uri += escaped;
    } else {
      uri += c;
    }
  }
  return uri + "?mode=ro&immutable=1";
}

Error holds_no_cinplan_database(const std::string& path, std::string_view why) {
  return Error::bad_input("the file " + path + " holds no cinplan database (" + std::string(why) +
                          "); nothing was changed");
}

// Opens the file read-only (immutable or not) with the per-connection
// settings, none of which writes to the file.
Result<Database> open_connection(const std::string& path, bool immutable) {
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0);
  auto db = Database::open(immutable ? immutable_uri(path) : path, flags, path);
  if (!db) return std::unexpected(db.error());
  sqlite3_busy_timeout(db->get(), kBusyTimeoutMs);
  auto cache = db->exec("PRAGMA cache_size = -" + std::to_string(kCacheKib), Access::kRead);
  if (!cache) return std::unexpected(cache.error());
  return db;
}

// Refuses a file that holds no cinplan database, or a newer one. The first
// read of the file: one that is not a database at all fails here.
Result<void> check_schema(Database& db, const std::string& path) {
  auto version = read_schema_version(db);
  if (!version) return std::unexpected(version.error());
  if (*version == 0) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return std::unexpected(holds_no_cinplan_database(
        path, !ec && size == 0 ? "it is empty" : "it is a SQLite database with no tables"));
  }
  if (*version > latest_schema_version()) return std::unexpected(too_new(db, *version));
  return {};
}

}  // namespace

Result<OpenedFile> open_read_only_file(const std::string& path) {
  auto checked = check_path(path, /*create=*/false);
  if (!checked) return std::unexpected(checked.error());
  std::error_code ec;
  std::optional<Database> db;
  if (!fs::exists(path + "-wal", ec)) {
    auto look = open_connection(path, /*immutable=*/true);
    if (!look) return std::unexpected(look.error());
    if (auto schema = check_schema(*look, path); !schema) return std::unexpected(schema.error());
    if (!can_write(path)) db = std::move(*look);
  }
  if (!db) {
    auto shared = open_connection(path, /*immutable=*/false);
    if (!shared) return std::unexpected(shared.error());
    if (auto schema = check_schema(*shared, path); !schema) return std::unexpected(schema.error());
    db = std::move(*shared);
  }
  const auto canonical = fs::weakly_canonical(path, ec);
  auto writer = file_writer_for(ec ? path : canonical.string());
  return OpenedFile{std::move(*db), std::move(writer), /*read_only=*/true};
}

}  // namespace cinplan::store::sqlite
