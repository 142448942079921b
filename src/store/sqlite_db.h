// A thin layer over the SQLite C API for the SQLite event store: owning
// handles for a connection and a prepared statement, and the one place where
// SQLite's result codes become cinplan Errors with plain-words messages.
// Nothing here throws.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.h"

namespace cinplan::store::sqlite {

// Whether a failing operation was meant to change the database; a failed
// write says that nothing was written.
enum class Access { kRead, kWrite };

// Turns a SQLite result code (extended codes on) into an Error naming the
// database file. `detail` is SQLite's own message, kept for the cases where
// it is the only useful information (a constraint the database refused).
Error to_error(int rc, std::string_view detail, std::string_view path, Access access);

class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}
  Statement& operator=(Statement&& other) noexcept {
    std::swap(stmt_, other.stmt_);
    return *this;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  sqlite3_stmt* get() const { return stmt_; }

  // Binds parameter `index` (1-based). Text and blobs are bound without a
  // copy: they must stay alive until the statement is reset. The result is
  // remembered and reported by the next step().
  void bind(int index, std::int64_t value) { note(sqlite3_bind_int64(stmt_, index, value)); }
  void bind(int index, std::string_view text) {
    note(sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(),
                             SQLITE_STATIC, SQLITE_UTF8));
  }
  void bind_blob(int index, std::string_view bytes) {
    note(bytes.empty()
             ? sqlite3_bind_zeroblob(stmt_, index, 0)
             : sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC));
  }

  // SQLITE_ROW, SQLITE_DONE or an error code (a failed bind's, if any).
  int step() { return bind_rc_ != SQLITE_OK ? bind_rc_ : sqlite3_step(stmt_); }
  // Ready for new bindings; releases the statement's read snapshot.
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
  }

  std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
  // Valid until the next step() or reset().
  std::string_view text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return data == nullptr ? std::string_view() : std::string_view(data, size);
  }
  std::string_view blob(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return data == nullptr ? std::string_view() : std::string_view(data, size);
  }

 private:
  void note(int rc) {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }

  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = SQLITE_OK;
};

// Resets a statement when leaving a scope, however it is left.
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& statement) : statement_(statement) {}
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;
  ~ResetOnExit() { statement_.reset(); }

 private:
  Statement& statement_;
};

// An open connection to one database file.
class Database {
 public:
  Database() = default;
  Database(Database&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}
  Database& operator=(Database&& other) noexcept {
    std::swap(db_, other.db_);
    std::swap(path_, other.path_);
    return *this;
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() { sqlite3_close_v2(db_); }

  // Opens `name` (a path, or with SQLITE_OPEN_URI a file: URI) with
  // sqlite3_open_v2 `flags`; extended result codes on. Messages name the file
  // as `path` (empty: `name`).
  static Result<Database> open(const std::string& name, int flags, std::string path = {});

  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements that return no rows.
  Result<void> exec(std::string_view sql, Access access);
  Result<Statement> prepare(std::string_view sql, Access access);
  // Runs a single-row, single-integer query (e.g. a PRAGMA or a count).
  Result<std::int64_t> query_int(std::string_view sql, Access access);
  Result<std::string> query_text(std::string_view sql, Access access);

  // The Error for `rc` from the last call on this connection.
  Error error(int rc, Access access) const;
  // Runs a statement to completion (it returns no rows) and resets it.
  Result<void> run(Statement& statement, Access access);
  // Whether a transaction is open.
  bool in_transaction() const { return db_ != nullptr && sqlite3_get_autocommit(db_) == 0; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// An open transaction, rolled back unless committed. BEGIN IMMEDIATE for
// writers (the write lock is taken at once, waiting up to the busy timeout),
// plain BEGIN for consistent multi-statement reads.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db, Access access);
  Transaction(Transaction&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), access_(other.access_) {}
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Result<void> commit();

 private:
  Transaction(Database& db, Access access) : db_(&db), access_(access) {}
  Database* db_ = nullptr;
  Access access_ = Access::kRead;
};

}  // namespace cinplan::store::sqlite
