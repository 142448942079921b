// The SQLite event store: one database file in WAL mode with synchronous=FULL,
// so a commit is on disk when append() returns. Several store objects (in
// threads or processes) may share one file: writers take the write lock with
// BEGIN IMMEDIATE and wait for each other up to the busy timeout; readers never
// wait for writers.
//
// Within a process, the appends of all stores of one file go through one
// FileWriter and are committed in groups: while one append is being written
// and synced, the appends that arrive queue up, and the next writer commits
// them all in one transaction (each in its own savepoint, so each is still all
// or nothing and checked against the versions the earlier ones left) with one
// sync. Many writer threads then cost little more than one; each append
// returns only after the commit that holds it is on disk.
//
// One SqliteStore may be used from several threads: its calls are serialised.
// open_sqlite_store (event_store.h) is how it is made; a read-only store
// (OpenOptions::read_only) is opened by open_read_only_file
// (sqlite_read_only.cc).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/event_store.h"
#include "store/sqlite_db.h"

namespace cinplan::store::sqlite {

// How long a writer waits for another to finish before giving up.
inline constexpr int kBusyTimeoutMs = 10'000;
// Page cache per connection, in KiB (a negative cache_size).
inline constexpr int kCacheKib = 32 * 1024;

// Checks the file system before SQLite sees the path, so that a missing
// database or folder is reported as such and nothing is created by accident:
// kNotFound when the file (or, with `create`, its folder) does not exist,
// kBadInput when it is a folder.
Result<void> check_path(const std::string& path, bool create);

// An append waiting for its group's commit.
struct PendingAppend {
  const AppendRequest* request = nullptr;
  std::optional<Result<AppendResult>> result;  // set (under queue_mutex) when done
};

// What the stores of one process share about one database file.
struct FileWriter {
  std::mutex write;  // held by whoever writes: a group's leader, a snapshot, a migration
  std::mutex queue_mutex;
  std::condition_variable finished;
  std::vector<PendingAppend*> queue;  // appends not yet taken by a leader
  bool leading = false;               // a leader is writing a group
};

// The FileWriter of a database file (by canonical path), shared while any
// store of the file is open.
std::shared_ptr<FileWriter> file_writer_for(const std::string& canonical_path);

// The database's schema version: the highest row of schema_migrations, 0 for a
// database without one. kBadInput when the file is a SQLite database of some
// other program (tables, but no schema_migrations).
Result<int> read_schema_version(Database& db);

// kUnavailable: the database is at `version`, newer than this build knows.
Error too_new(const Database& db, int version);

// Applies the migrations after the database's version up to `target`, each in
// its own BEGIN IMMEDIATE transaction together with its schema_migrations row,
// so concurrent openers apply each migration once. A database newer than this
// build knows is refused (kUnavailable) whether or not `target` is reached.
// `write` is the file's in-process write lock (held per migration).
Result<void> migrate(Database& db, int target, std::mutex& write);

// A connection to a database file, opened as a store of it needs it, with
// the file's FileWriter.
struct OpenedFile {
  Database db;
  std::shared_ptr<FileWriter> writer;
  bool read_only = false;
};

// Opens the file of a "sqlite:PATH[?max_pages=N]" URL as open_sqlite_store
// does: checked, configured (WAL, synchronous=FULL, foreign keys) and
// migrated as `options` say, or with OpenOptions::read_only as
// open_read_only_file does. The event store and the account store
// (sqlite_accounts.cc) each open their own connection this way.
Result<OpenedFile> open_file(std::string_view url, const OpenOptions& options);

// Opens the database file at `path` for reading only (OpenOptions::read_only
// in event_store.h, and sqlite_read_only.cc says how).
Result<OpenedFile> open_read_only_file(const std::string& path);

class SqliteStore final : public EventStore {
 public:
  SqliteStore(std::string url, Database db, std::shared_ptr<FileWriter> writer,
              bool read_only = false);

  std::string_view backend() const override { return "sqlite"; }
  std::string describe() const override { return url_; }

  Result<AppendResult> append(const AppendRequest& request) override;
  Result<std::optional<StreamInfo>> find_stream(std::string_view id) override;
  Result<std::vector<StreamInfo>> list_streams() override;
  Result<std::vector<StoredEvent>> read_stream(std::string_view id) override;
  Result<std::optional<StoredFile>> read_file(std::string_view stream_id,
                                              std::string_view sha256) override;
  Result<std::int64_t> scan(std::int64_t after, const std::function<void(const ScanRow&)>& row,
                            std::size_t limit) override;
  Result<std::int64_t> head() override;
  Result<bool> wait_for_events(std::int64_t after, std::chrono::milliseconds timeout) override;
  Result<void> save_snapshot(std::string_view name, const Snapshot& snapshot) override;
  Result<std::optional<Snapshot>> load_snapshot(std::string_view name) override;
  Result<int> schema_version() override;
  Result<Durability> durability() override;
  bool read_only() const override { return read_only_; }

 private:
  // kUnavailable for a write to a read-only store: `doing` is what was
  // refused ("record case C-1").
  Error refused_write(std::string_view doing) const;
  // Statements of the hot paths, prepared on first use.
  Result<Statement*> statement(Statement& slot, std::string_view sql, Access access);
  // Writes a group of appends in one transaction; one result each.
  std::vector<Result<AppendResult>> write_group(const std::vector<PendingAppend*>& group);
  // One append inside the group's transaction (no BEGIN or COMMIT).
  Result<AppendResult> write_one(const AppendRequest& request);

  std::string url_;
  Database db_;
  std::shared_ptr<FileWriter> writer_;  // shared by the process's stores of this file
  std::recursive_mutex mutex_;          // serialises this object's use of db_
  bool read_only_ = false;

  Statement stream_version_;
  Statement insert_stream_;
  Statement max_sequence_;
  Statement insert_event_;
  Statement bump_version_;
  Statement savepoint_;
  Statement release_;
  Statement rollback_to_;
};

}  // namespace cinplan::store::sqlite
