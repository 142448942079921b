// The SQLite store's reads, waits, snapshots and schema version (appends are in
// sqlite_append.cc, opening in sqlite_open.cc).
#include "store/sqlite_store.h"

#include <thread>

#include "core/casefile/case_id.h"
#include "store/schema.h"

namespace cinplan::store::sqlite {
namespace {

constexpr std::string_view kStreamColumns = "id, kind, version, created, profile, header";

// How often wait_for_events looks at the head of the log.
constexpr std::chrono::milliseconds kPollInterval{50};

StreamInfo stream_from(const Statement& s) {
  return StreamInfo{std::string(s.text(0)), std::string(s.text(1)), s.int64(2),
                    std::string(s.text(3)), std::string(s.text(4)), std::string(s.text(5))};
}

}  // namespace

SqliteStore::SqliteStore(std::string url, Database db, std::shared_ptr<FileWriter> writer,
                         bool read_only)
    : url_(std::move(url)), db_(std::move(db)), writer_(std::move(writer)), read_only_(read_only) {}

Error SqliteStore::refused_write(std::string_view doing) const {
  return Error::unavailable("cannot " + std::string(doing) + ": the database at " + db_.path() +
                            " was opened for reading only; nothing was written");
}

Result<Statement*> SqliteStore::statement(Statement& slot, std::string_view sql, Access access) {
  if (slot.get() == nullptr) {
    auto prepared = db_.prepare(sql, access);
    if (!prepared) return std::unexpected(prepared.error());
    slot = std::move(*prepared);
  }
  return &slot;
}

Result<std::optional<StreamInfo>> SqliteStore::find_stream(std::string_view id) {
  if (auto valid = check_case_id(id); !valid) return std::unexpected(valid.error());
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT " + std::string(kStreamColumns) + " FROM streams WHERE id = ?1",
                       Access::kRead);
  if (!s) return std::unexpected(s.error());
  s->bind(1, id);
  const int rc = s->step();
  if (rc == SQLITE_ROW) return stream_from(*s);
  if (rc == SQLITE_DONE) return std::nullopt;
  return std::unexpected(db_.error(rc, Access::kRead));
}

Result<std::optional<StoredFile>> SqliteStore::read_file(std::string_view stream_id,
                                                         std::string_view sha256) {
  if (auto valid = check_case_id(stream_id); !valid) return std::unexpected(valid.error());
  if (!is_sha256_hex(sha256)) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT media_type, content, stored_at FROM attachments WHERE stream_id = ?1 AND sha256 = ?2",
      Access::kRead);
  if (!s) return std::unexpected(s.error());
  s->bind(1, stream_id);
  s->bind(2, sha256);
  const int rc = s->step();
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) return std::unexpected(db_.error(rc, Access::kRead));
  return StoredFile{std::string(sha256), std::string(s->text(0)), std::string(s->blob(1)),
                    std::string(s->text(2))};
}

Result<std::vector<StreamInfo>> SqliteStore::list_streams() {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT " + std::string(kStreamColumns) + " FROM streams ORDER BY id",
                       Access::kRead);
  if (!s) return std::unexpected(s.error());
  std::vector<StreamInfo> streams;
  int rc = SQLITE_OK;
  while ((rc = s->step()) == SQLITE_ROW) streams.push_back(stream_from(*s));
  if (rc != SQLITE_DONE) return std::unexpected(db_.error(rc, Access::kRead));
  return streams;
}

Result<std::vector<StoredEvent>> SqliteStore::read_stream(std::string_view id) {
  if (auto valid = check_case_id(id); !valid) return std::unexpected(valid.error());
  std::lock_guard lock(mutex_);
  // One read transaction: the stream and its events as of one moment.
  auto transaction = Transaction::begin(db_, Access::kRead);
  if (!transaction) return std::unexpected(transaction.error());
  auto exists = db_.prepare("SELECT 1 FROM streams WHERE id = ?1", Access::kRead);
  if (!exists) return std::unexpected(exists.error());
  exists->bind(1, id);
  const int found = exists->step();
  if (found == SQLITE_DONE)
    return std::unexpected(Error::not_found("case " + std::string(id) + " does not exist"));
  if (found != SQLITE_ROW) return std::unexpected(db_.error(found, Access::kRead));
  exists->reset();

  auto s = db_.prepare(
      "SELECT seq, version, type, event_date, payload, recorded_at, recorded_by "
      "FROM events WHERE stream_id = ?1 ORDER BY version",
      Access::kRead);
  if (!s) return std::unexpected(s.error());
  s->bind(1, id);
  std::vector<StoredEvent> events;
  int rc = SQLITE_OK;
  while ((rc = s->step()) == SQLITE_ROW) {
    events.push_back(StoredEvent{s->int64(0), std::string(id), s->int64(1), std::string(s->text(2)),
                                 std::string(s->text(3)), std::string(s->text(4)),
                                 std::string(s->text(5)), std::string(s->text(6))});
  }
  if (rc != SQLITE_DONE) return std::unexpected(db_.error(rc, Access::kRead));
  if (auto committed = transaction->commit(); !committed) return std::unexpected(committed.error());
  return events;
}

Result<std::int64_t> SqliteStore::scan(std::int64_t after,
                                       const std::function<void(const ScanRow&)>& row,
                                       std::size_t limit) {
  std::lock_guard lock(mutex_);
  // Prepared per call (cheap next to a scan) so a callback may use the store.
  auto prepared = db_.prepare(
      "SELECT seq, stream_id, version, type, event_date, payload, recorded_at, recorded_by "
      "FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2",
      Access::kRead);
  if (!prepared) return std::unexpected(prepared.error());
  sqlite3_stmt* s = prepared->get();
  sqlite3_bind_int64(s, 1, after);
  sqlite3_bind_int64(s, 2, limit == 0 ? -1 : static_cast<std::int64_t>(limit));
  const auto text = [s](int column) {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
    return std::string_view(data == nullptr ? "" : data,
                            static_cast<std::size_t>(sqlite3_column_bytes(s, column)));
  };
  ScanRow current;
  std::int64_t last = after;
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    current.sequence = sqlite3_column_int64(s, 0);
    current.stream_id = text(1);
    current.version = sqlite3_column_int64(s, 2);
    current.type = text(3);
    current.date = text(4);
    current.payload = text(5);
    current.recorded_at = text(6);
    current.recorded_by = text(7);
    row(current);
    last = current.sequence;
  }
  if (rc != SQLITE_DONE) return std::unexpected(db_.error(rc, Access::kRead));
  return last;
}

Result<std::int64_t> SqliteStore::head() {
  std::lock_guard lock(mutex_);
  return db_.query_int("SELECT coalesce(max(seq), 0) FROM events", Access::kRead);
}

Result<bool> SqliteStore::wait_for_events(std::int64_t after, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto current = head();
    if (!current) return std::unexpected(current.error());
    if (*current > after) return true;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return false;
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(kPollInterval, deadline - now));
  }
}

Result<void> SqliteStore::save_snapshot(std::string_view name, const Snapshot& snapshot) {
  constexpr Access kW = Access::kWrite;
  if (name.empty()) return std::unexpected(Error::bad_input("a snapshot needs a projection name"));
  if (read_only_)
    return std::unexpected(refused_write("save the snapshot of " + std::string(name)));
  std::lock_guard lock(mutex_);
  std::lock_guard write(writer_->write);
  auto transaction = Transaction::begin(db_, kW);
  if (!transaction) return std::unexpected(transaction.error());
  auto remove = db_.prepare("DELETE FROM projection_snapshots WHERE name = ?1", kW);
  if (!remove) return std::unexpected(remove.error());
  remove->bind(1, name);
  if (auto ran = db_.run(*remove, kW); !ran) return std::unexpected(ran.error());

  auto insert =
      db_.prepare("INSERT INTO projection_snapshots (name, chunk, data) VALUES (?1, ?2, ?3)", kW);
  if (!insert) return std::unexpected(insert.error());
  for (std::size_t i = 0; i < snapshot.chunks.size(); ++i) {
    insert->bind(1, name);
    insert->bind(2, static_cast<std::int64_t>(i));
    insert->bind_blob(3, snapshot.chunks[i]);
    if (auto ran = db_.run(*insert, kW); !ran) return std::unexpected(ran.error());
  }

  auto progress = db_.prepare(
      "INSERT INTO projection_progress (name, position, updated_at) "
      "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
      "ON CONFLICT (name) DO UPDATE SET position = excluded.position, "
      "updated_at = excluded.updated_at",
      kW);
  if (!progress) return std::unexpected(progress.error());
  progress->bind(1, name);
  progress->bind(2, snapshot.position);
  if (auto ran = db_.run(*progress, kW); !ran) return std::unexpected(ran.error());
  return transaction->commit();
}

Result<std::optional<Snapshot>> SqliteStore::load_snapshot(std::string_view name) {
  constexpr Access kR = Access::kRead;
  std::lock_guard lock(mutex_);
  auto transaction = Transaction::begin(db_, kR);
  if (!transaction) return std::unexpected(transaction.error());
  auto position = db_.prepare("SELECT position FROM projection_progress WHERE name = ?1", kR);
  if (!position) return std::unexpected(position.error());
  position->bind(1, name);
  const int found = position->step();
  if (found == SQLITE_DONE) return std::nullopt;
  if (found != SQLITE_ROW) return std::unexpected(db_.error(found, kR));
  Snapshot snapshot;
  snapshot.position = position->int64(0);
  position->reset();

  auto chunks =
      db_.prepare("SELECT data FROM projection_snapshots WHERE name = ?1 ORDER BY chunk", kR);
  if (!chunks) return std::unexpected(chunks.error());
  chunks->bind(1, name);
  int rc = SQLITE_OK;
  while ((rc = chunks->step()) == SQLITE_ROW) snapshot.chunks.emplace_back(chunks->blob(0));
  if (rc != SQLITE_DONE) return std::unexpected(db_.error(rc, kR));
  if (auto committed = transaction->commit(); !committed) return std::unexpected(committed.error());
  return snapshot;
}

Result<int> SqliteStore::schema_version() {
  std::lock_guard lock(mutex_);
  return read_schema_version(db_);
}

Result<Durability> SqliteStore::durability() {
  std::lock_guard lock(mutex_);
  // Reading either PRAGMA changes nothing.
  auto journal = db_.query_text("PRAGMA journal_mode", Access::kRead);
  if (!journal) return std::unexpected(journal.error());
  auto synchronous = db_.query_int("PRAGMA synchronous", Access::kRead);
  if (!synchronous) return std::unexpected(synchronous.error());
  constexpr std::string_view kLevels[] = {"off", "normal", "full", "extra"};
  Durability d;
  d.settings["journal_mode"] = *journal;
  d.settings["synchronous"] = *synchronous >= 0 && *synchronous < 4
                                  ? std::string(kLevels[*synchronous])
                                  : std::to_string(*synchronous);
  return d;
}

}  // namespace cinplan::store::sqlite
