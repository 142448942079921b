#include "store/sqlite_db.h"

#include <limits>

namespace cinplan::store::sqlite {
namespace {

std::string nothing_written(Access access) {
  return access == Access::kWrite ? "; nothing was written" : "";
}

}  // namespace

Error to_error(int rc, std::string_view detail, std::string_view path, Access access) {
  const std::string at = "the database at " + std::string(path);
  const std::string tail = nothing_written(access);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::unavailable(at + " is busy: another program is writing to it; try again" +
                                tail);
    case SQLITE_FULL:
      return Error::unavailable(at +
                                " is full (the disk is full or the database reached its size "
                                "limit); free some space and try again" +
                                tail);
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      if (access == Access::kRead)
        return Error::unavailable(at +
                                  " cannot be read: the file or its folder is not accessible "
                                  "(check their permissions; a database in write-ahead-log mode "
                                  "also needs its -wal and -shm files, or a folder they can be "
                                  "made in)");
      return Error::unavailable(at +
                                " cannot be written: the file or its folder is read-only or not "
                                "accessible (check their permissions)" +
                                tail);
    case SQLITE_NOTADB:
      return Error::bad_input("the file " + std::string(path) +
                              " holds no cinplan database (it is not a SQLite database file)" +
                              (access == Access::kRead ? "; nothing was changed" : tail));
    case SQLITE_CORRUPT:
      return Error::unavailable(at + " is damaged (" + std::string(detail) +
                                "); restore it from a backup" + tail);
    case SQLITE_IOERR:
      return Error::unavailable(at + " could not be read or written (" + std::string(detail) +
                                "); check the disk" + tail);
    case SQLITE_NOMEM:
      return Error::unavailable("not enough memory to use " + at + tail);
    case SQLITE_TOOBIG:
      return Error::bad_input("a value is too large to store in " + at + tail);
    case SQLITE_CONSTRAINT:
      return Error{
          ErrorCode::kInternal, at + " refused the change: " + std::string(detail) + tail, {}};
    default:
      return Error{ErrorCode::kInternal,
                   at + " reported an unexpected error: " + std::string(detail) + tail,
                   {}};
  }
}

Result<Database> Database::open(const std::string& name, int flags, std::string path) {
  Database db;
  db.path_ = path.empty() ? name : std::move(path);
  const int rc = sqlite3_open_v2(name.c_str(), &db.db_, flags, nullptr);
  if (db.db_ != nullptr) sqlite3_extended_result_codes(db.db_, 1);
  if (rc != SQLITE_OK) {
    const std::string detail = db.db_ != nullptr ? sqlite3_errmsg(db.db_) : sqlite3_errstr(rc);
    const Access access = (flags & SQLITE_OPEN_READONLY) != 0 ? Access::kRead : Access::kWrite;
    return std::unexpected(to_error(rc, detail, db.path_, access));
  }
  return db;
}

Error Database::error(int rc, Access access) const {
  return to_error(rc, sqlite3_errmsg(db_), path_, access);
}

Result<void> Database::exec(std::string_view sql, Access access) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return std::unexpected(error(sqlite3_extended_errcode(db_), access));
  return {};
}

Result<Statement> Database::prepare(std::string_view sql, Access access) {
  sqlite3_stmt* stmt = nullptr;
  if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return std::unexpected(to_error(SQLITE_TOOBIG, "statement too long", path_, access));
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return std::unexpected(error(rc, access));
  }
  return Statement(stmt);
}

Result<std::int64_t> Database::query_int(std::string_view sql, Access access) {
  auto statement = prepare(sql, access);
  if (!statement) return std::unexpected(statement.error());
  const int rc = statement->step();
  if (rc == SQLITE_ROW) return statement->int64(0);
  if (rc == SQLITE_DONE) return 0;
  return std::unexpected(error(rc, access));
}

Result<std::string> Database::query_text(std::string_view sql, Access access) {
  auto statement = prepare(sql, access);
  if (!statement) return std::unexpected(statement.error());
  const int rc = statement->step();
  if (rc == SQLITE_ROW) return std::string(statement->text(0));
  if (rc == SQLITE_DONE) return std::string();
  return std::unexpected(error(rc, access));
}

Result<void> Database::run(Statement& statement, Access access) {
  const int rc = statement.step();
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
    statement.reset();
    return {};
  }
  Error e = error(rc, access);
  statement.reset();
  return std::unexpected(std::move(e));
}

Result<Transaction> Transaction::begin(Database& db, Access access) {
  auto begun = db.exec(access == Access::kWrite ? "BEGIN IMMEDIATE" : "BEGIN", access);
  if (!begun) return std::unexpected(begun.error());
  return Transaction(db, access);
}

Transaction::~Transaction() {
  // A failed COMMIT (or a full disk) may already have rolled back.
  if (db_ != nullptr && db_->in_transaction())
    sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Result<void> Transaction::commit() {
  Database* db = std::exchange(db_, nullptr);
  const int rc = sqlite3_exec(db->get(), "COMMIT", nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) return {};
  Error e = db->error(sqlite3_extended_errcode(db->get()), access_);
  if (db->in_transaction()) sqlite3_exec(db->get(), "ROLLBACK", nullptr, nullptr, nullptr);
  return std::unexpected(std::move(e));
}

}  // namespace cinplan::store::sqlite
