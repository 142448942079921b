// The SQLite event store: one database file in WAL mode with synchronous=FULL,
// so a commit is on disk when append() returns. Several store objects (in
// threads or processes) may share one file: writers take the write lock with
// BEGIN IMMEDIATE and wait for each other up to the busy timeout; readers never
// wait for writers. Within a process, writers to one file also queue on an
// in-process lock rather than SQLite's sleeping retry, which keeps many
// writer threads fast.
//
// One SqliteStore may be used from several threads: its calls are serialised.
// open_sqlite_store (event_store.h) is how it is made.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/event_store.h"
#include "store/sqlite_db.h"

namespace cinplan::store::sqlite {

// The database's schema version: the highest row of schema_migrations, 0 for a
// database without one. kBadInput when the file is a SQLite database of some
// other program (tables, but no schema_migrations).
Result<int> read_schema_version(Database& db);

// Applies the migrations after the database's version up to `target`, each in
// its own BEGIN IMMEDIATE transaction together with its schema_migrations row,
// so concurrent openers apply each migration once. A database newer than this
// build knows is refused (kUnavailable) whether or not `target` is reached.
// `writer_lock` is the in-process lock for the file (held per migration).
Result<void> migrate(Database& db, int target, std::mutex& writer_lock);

class SqliteStore final : public EventStore {
 public:
  SqliteStore(std::string url, Database db, std::shared_ptr<std::mutex> writer_lock);

  std::string_view backend() const override { return "sqlite"; }
  std::string describe() const override { return url_; }

  Result<AppendResult> append(const AppendRequest& request) override;
  Result<std::optional<StreamInfo>> find_stream(std::string_view id) override;
  Result<std::vector<StreamInfo>> list_streams() override;
  Result<std::vector<StoredEvent>> read_stream(std::string_view id) override;
  Result<std::int64_t> scan(std::int64_t after, const std::function<void(const ScanRow&)>& row,
                            std::size_t limit) override;
  Result<std::int64_t> head() override;
  Result<bool> wait_for_events(std::int64_t after, std::chrono::milliseconds timeout) override;
  Result<void> save_snapshot(std::string_view name, const Snapshot& snapshot) override;
  Result<std::optional<Snapshot>> load_snapshot(std::string_view name) override;
  Result<int> schema_version() override;

 private:
  // Statements of the hot paths, prepared on first use.
  Result<Statement*> statement(Statement& slot, std::string_view sql, Access access);
  Result<AppendResult> append_locked(const AppendRequest& request);

  std::string url_;
  Database db_;
  std::shared_ptr<std::mutex> writer_lock_;  // shared by the process's stores of this file
  std::recursive_mutex mutex_;               // serialises this object's use of db_

  Statement stream_version_;
  Statement insert_stream_;
  Statement max_sequence_;
  Statement insert_event_;
  Statement bump_version_;
};

// The in-process writer lock for a database file (by canonical path).
std::shared_ptr<std::mutex> writer_lock_for(const std::string& canonical_path);

}  // namespace cinplan::store::sqlite
