// The PostgreSQL event store's reads and writes (postgres_store.h).
#include "store/postgres_store.h"

#include <charconv>
#include <exception>
#include <optional>

#include "core/casefile/case_id.h"

namespace cinplan::store::postgres {
namespace {

// Statements, prepared on a connection's first use of each.
constexpr const char* kCreateWithEvents = "cinplan_create_with_events";
constexpr const char* kAppendEvents = "cinplan_append_events";
constexpr const char* kStreamVersion = "cinplan_stream_version";
constexpr const char* kFindStream = "cinplan_find_stream";
constexpr const char* kReadStream = "cinplan_read_stream";
constexpr const char* kHead = "cinplan_head";

// An append is one statement, run on its own (its own transaction, committed
// and flushed before the reply): one round trip to the server whatever the
// number of events, and no client round trip while the locks below are held.
// Its parts, in the order they run (each is read by the next):
//
//  stream    moves the stream's version on only from the version the writer
//            read (UPDATE ... WHERE version = expected), or creates the stream
//            (INSERT ... ON CONFLICT DO NOTHING: a racing creator makes it
//            insert nothing). The row lock makes a concurrent writer wait, then
//            find the new version and match nothing: a conflict, never a lost
//            update or a blind write-back. No row: nothing below runs.
//  pos       takes the next sequences from event_position; its row lock, held
//            to commit, hands sequences out in commit order (see
//            postgres_schema.cc). Always after a stream lock, so appends
//            cannot deadlock.
//  inserted  the events, their fields passed as three arrays.
//  result    the first and last sequence, announced with NOTIFY (delivered at
//            commit); no row when nothing was written.
//
// Parameters: $1 id, $2 expected version, $3 number of events, $4 types,
// $5 payloads, $6 dates, $7 recorded_at, $8 recorded_by; creating also
// $9 kind, $10 profile, $11 header; then, as $`times` (9 appending, 12
// creating), each event's own recorded_at ("" for $7's).
std::string append_statement(std::string_view stream, int times) {
  return "WITH stream AS (" + std::string(stream) +
         "), pos AS ("
         "  UPDATE event_position SET seq = seq + $3 WHERE EXISTS (SELECT 1 FROM stream)"
         "  RETURNING seq - $3 AS base"
         "), inserted AS ("
         "  INSERT INTO events (seq, stream_id, version, type, payload, event_date, "
         "                      recorded_at, recorded_by)"
         "  SELECT pos.base + e.n, $1, $2 + e.n, e.type, e.payload::json, e.date, "
         "         coalesce(nullif(e.at, ''), $7), $8"
         "  FROM pos, unnest($4::text[], $5::text[], $6::text[], $" +
         std::to_string(times) +
         "::text[]) "
         "       WITH ORDINALITY AS e(type, payload, date, at, n)"
         "  ORDER BY e.n"
         "  RETURNING seq"
         ") SELECT min(seq), max(seq), pg_notify('" +
         std::string(kEventsChannel) + "', max(seq)::text) FROM inserted HAVING count(*) > 0";
}

}  // namespace

void prepare_statements(pqxx::connection& conn) {
  conn.prepare(kCreateWithEvents,
               append_statement("INSERT INTO streams (id, kind, version, created, profile, header) "
                                "VALUES ($1, $9, $2::bigint + $3::bigint, $7, $10, $11) "
                                "ON CONFLICT (id) DO NOTHING RETURNING id",
                                12));
  conn.prepare(kAppendEvents, append_statement("UPDATE streams SET version = $2 + $3 "
                                               "WHERE id = $1 AND version = $2 RETURNING id",
                                               9));
  conn.prepare(kStreamVersion, "SELECT version FROM streams WHERE id = $1");
  conn.prepare(kFindStream,
               "SELECT id, kind, version, created, profile, header FROM streams WHERE id = $1");
  conn.prepare(kReadStream,
               "SELECT seq, version, type, event_date, payload, recorded_at, recorded_by "
               "FROM events WHERE stream_id = $1 ORDER BY version");
  conn.prepare(kScanStatement,
               "SELECT seq, stream_id, version, type, event_date, payload, recorded_at, "
               "recorded_by FROM events WHERE seq > $1 ORDER BY seq LIMIT $2");
  conn.prepare(kHead, "SELECT seq FROM event_position");
}

std::int64_t to_int64(const pqxx::field& f) {
  std::int64_t value = 0;
  const char* text = f.c_str();
  std::from_chars(text, text + f.size(), value);
  return value;
}

namespace {

// Adds `value` to a PostgreSQL array literal being built in `out`.
void add_array_element(std::string& out, std::string_view value) {
  out += out.size() == 1 ? "\"" : ",\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

StreamInfo stream_info(const pqxx::row& r) {
  return StreamInfo{r[0].c_str(), r[1].c_str(), to_int64(r[2]),
                    r[3].c_str(), r[4].c_str(), r[5].c_str()};
}

Error conflict(std::string message) {
  return Error{ErrorCode::kConflict, std::move(message), {}};
}

}  // namespace

Error PostgresStore::refused_write(std::string_view doing) const {
  return Error::unavailable("cannot " + std::string(doing) + ": the database at " +
                            target_.redacted + " was opened for reading only; nothing was written");
}

Result<AppendResult> PostgresStore::append(const AppendRequest& request) {
  if (auto valid = check_append_request(request); !valid) return std::unexpected(valid.error());
  if (target_.read_only) return std::unexpected(refused_write("record case " + request.stream_id));
  std::lock_guard lock(mutex_);
  try {
    return append_locked(request);
  } catch (const pqxx::broken_connection&) {
    // The statement commits on its own: it may have, just before the loss.
    return std::unexpected(Error::unavailable(
        "lost the connection to the database at " + target_.redacted + " while appending to case " +
        request.stream_id +
        ": whether it was written is unknown; read the case before trying again"));
  } catch (...) {
    return std::unexpected(current_error(target_, "append to case " + request.stream_id));
  }
}

Result<AppendResult> PostgresStore::append_locked(const AppendRequest& request) {
  // check_append_request has made sure there is at least one event.
  const std::string& id = request.stream_id;
  const std::int64_t expected = request.expected_version;
  const auto count = static_cast<std::int64_t>(request.events.size());

  std::string types = "{", payloads = "{", dates = "{", times = "{";
  std::size_t payload_bytes = 0;
  for (const NewEvent& event : request.events) payload_bytes += event.payload.size() + 8;
  payloads.reserve(payload_bytes + payload_bytes / 4);
  for (const NewEvent& event : request.events) {
    add_array_element(types, event.type);
    add_array_element(payloads, event.payload);
    add_array_element(dates, event.date);
    add_array_element(times, event.recorded_at);
  }
  types += '}';
  payloads += '}';
  dates += '}';
  times += '}';

  // Files go in with the events, in one transaction; events alone are one
  // statement that commits itself.
  std::optional<pqxx::work> work;
  std::optional<pqxx::nontransaction> single;
  pqxx::transaction_base& tx = request.files.empty()
                                   ? static_cast<pqxx::transaction_base&>(single.emplace(*conn_))
                                   : static_cast<pqxx::transaction_base&>(work.emplace(*conn_));
  const pqxx::result r =
      request.create
          ? tx.exec_prepared(kCreateWithEvents, id, expected, count, types, payloads, dates,
                             request.recorded_at, request.recorded_by, request.create->kind,
                             request.create->profile, request.create->header, times)
          : tx.exec_prepared(kAppendEvents, id, expected, count, types, payloads, dates,
                             request.recorded_at, request.recorded_by, times);
  if (!r.empty()) {
    const AppendResult result{expected + count, to_int64(r[0][0]), to_int64(r[0][1])};
    if (result.last_sequence - result.first_sequence + 1 != count)
      return std::unexpected(Error{
          ErrorCode::kInternal,
          "case " + id + ": " + std::to_string(count) + " events were given sequences " +
              std::to_string(result.first_sequence) + " to " + std::to_string(result.last_sequence),
          {}});
    for (const NewFile& file : request.files)
      tx.exec_params(
          "INSERT INTO attachments (stream_id, sha256, media_type, size, content, stored_at) "
          "VALUES ($1, $2, $3, $4, $5, $6)",
          id, file.sha256, file.media_type, static_cast<std::int64_t>(file.content.size()),
          pqxx::binarystring(file.content.data(), file.content.size()), request.recorded_at);
    if (work) work->commit();
    return result;
  }

  // Nothing was written: say why, from the stream as it is now.
  const auto current = tx.exec_prepared(kStreamVersion, id);
  if (current.empty())
    return std::unexpected(Error::not_found("case " + id + " does not exist; nothing was written"));
  const std::string now = current[0][0].c_str();
  if (expected == 0)
    return std::unexpected(
        conflict("case " + id + " already exists (at version " + now + "); nothing was written"));
  return std::unexpected(conflict("case " + id + " was changed by someone else: you read version " +
                                  std::to_string(expected) + " but it is now at version " + now +
                                  "; nothing was written"));
}

Result<std::optional<StreamInfo>> PostgresStore::find_stream(std::string_view id) {
  // A NUL would end the parameter early: "A\0B" would find case A.
  if (auto valid = check_case_id(id); !valid) return std::unexpected(valid.error());
  std::lock_guard lock(mutex_);
  try {
    pqxx::nontransaction tx(*conn_);
    const auto r = tx.exec_prepared(kFindStream, std::string(id));
    if (r.empty()) return std::nullopt;
    return stream_info(r[0]);
  } catch (...) {
    return std::unexpected(current_error(target_, "look up case " + std::string(id)));
  }
}

Result<std::vector<StreamInfo>> PostgresStore::list_streams() {
  std::lock_guard lock(mutex_);
  try {
    pqxx::nontransaction tx(*conn_);
    // Byte order, as SQLite sorts, whatever the database's collation.
    const auto r = tx.exec(
        "SELECT id, kind, version, created, profile, header FROM streams ORDER BY id COLLATE "
        "\"C\"");
    std::vector<StreamInfo> streams;
    streams.reserve(r.size());
    for (const auto& row : r) streams.push_back(stream_info(row));
    return streams;
  } catch (...) {
    return std::unexpected(current_error(target_, "list the cases"));
  }
}

Result<std::optional<StoredFile>> PostgresStore::read_file(std::string_view stream_id,
                                                           std::string_view sha256) {
  if (auto valid = check_case_id(stream_id); !valid) return std::unexpected(valid.error());
  if (!is_sha256_hex(sha256)) return std::nullopt;
  std::lock_guard lock(mutex_);
  try {
    pqxx::nontransaction tx(*conn_);
    const auto r = tx.exec_params(
        "SELECT media_type, content, stored_at FROM attachments "
        "WHERE stream_id = $1 AND sha256 = $2",
        std::string(stream_id), std::string(sha256));
    if (r.empty()) return std::nullopt;
    const pqxx::binarystring bytes(r[0][1]);
    return StoredFile{std::string(sha256), r[0][0].c_str(), bytes.str(), r[0][2].c_str()};
  } catch (...) {
    return std::unexpected(current_error(target_, "read a file of case " + std::string(stream_id)));
  }
}

Result<std::vector<StoredEvent>> PostgresStore::read_stream(std::string_view id) {
  if (auto valid = check_case_id(id); !valid) return std::unexpected(valid.error());
  std::lock_guard lock(mutex_);
  const std::string key(id);
  try {
    pqxx::nontransaction tx(*conn_);
    // One statement: the events as of one moment.
    const auto r = tx.exec_prepared(kReadStream, key);
    if (r.empty() && tx.exec_prepared(kStreamVersion, key).empty())
      return std::unexpected(Error::not_found("case " + key + " does not exist"));
    std::vector<StoredEvent> events;
    events.reserve(r.size());
    for (const auto& row : r)
      events.push_back(StoredEvent{to_int64(row[0]), key, to_int64(row[1]), row[2].c_str(),
                                   row[3].c_str(), row[4].c_str(), row[5].c_str(), row[6].c_str()});
    return events;
  } catch (...) {
    return std::unexpected(current_error(target_, "read case " + key));
  }
}

Result<std::int64_t> PostgresStore::head() {
  std::lock_guard lock(mutex_);
  try {
    pqxx::nontransaction tx(*conn_);
    return to_int64(tx.exec_prepared1(kHead)[0]);
  } catch (...) {
    return std::unexpected(current_error(target_, "read the log's position"));
  }
}

Result<void> PostgresStore::save_snapshot(std::string_view name, const Snapshot& snapshot) {
  if (name.empty()) return std::unexpected(Error::bad_input("a snapshot needs a projection name"));
  if (target_.read_only)
    return std::unexpected(refused_write("save the snapshot of " + std::string(name)));
  std::lock_guard lock(mutex_);
  const std::string key(name);
  try {
    pqxx::work tx(*conn_);
    tx.exec_params("DELETE FROM projection_snapshots WHERE name = $1", key);
    for (std::size_t i = 0; i < snapshot.chunks.size(); ++i) {
      const std::string& chunk = snapshot.chunks[i];
      tx.exec_params("INSERT INTO projection_snapshots (name, chunk, data) VALUES ($1, $2, $3)",
                     key, static_cast<int>(i), pqxx::binarystring(chunk.data(), chunk.size()));
    }
    tx.exec_params(
        "INSERT INTO projection_progress (name, position, updated_at) VALUES ($1, $2, "
        R"(to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) )"
        "ON CONFLICT (name) DO UPDATE SET position = excluded.position, "
        "updated_at = excluded.updated_at",
        key, snapshot.position);
    tx.commit();
    return {};
  } catch (...) {
    return std::unexpected(current_error(target_, "save the snapshot of " + key));
  }
}

Result<std::optional<Snapshot>> PostgresStore::load_snapshot(std::string_view name) {
  std::lock_guard lock(mutex_);
  const std::string key(name);
  try {
    // One snapshot of the database for the position and every chunk, read
    // one chunk at a time so no result holds the whole projection.
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(*conn_);
    const auto progress = tx.exec_params(
        "SELECT position, (SELECT count(*) FROM projection_snapshots WHERE name = $1) "
        "FROM projection_progress WHERE name = $1",
        key);
    if (progress.empty()) return std::nullopt;
    Snapshot snapshot;
    snapshot.position = to_int64(progress[0][0]);
    const auto chunks = to_int64(progress[0][1]);
    snapshot.chunks.reserve(static_cast<std::size_t>(chunks));
    for (std::int64_t i = 0; i < chunks; ++i) {
      const auto r = tx.exec_params(
          "SELECT data FROM projection_snapshots WHERE name = $1 AND chunk = $2", key, i);
      if (r.empty())
        return std::unexpected(Error{ErrorCode::kInternal,
                                     "the snapshot of " + key + " has no chunk " +
                                         std::to_string(i) + " of " + std::to_string(chunks),
                                     {}});
      snapshot.chunks.push_back(pqxx::binarystring(r[0][0]).str());
    }
    tx.commit();
    return snapshot;
  } catch (...) {
    return std::unexpected(current_error(target_, "load the snapshot of " + key));
  }
}

Result<Durability> PostgresStore::durability() {
  std::lock_guard lock(mutex_);
  try {
    pqxx::nontransaction tx(*conn_);
    Durability d;
    for (const char* name : {"synchronous_commit", "fsync"})
      d.settings[name] = tx.exec("SHOW " + std::string(name))[0][0].c_str();
    return d;
  } catch (...) {
    return std::unexpected(current_error(target_, "read its durability settings"));
  }
}

Result<int> PostgresStore::schema_version() {
  std::lock_guard lock(mutex_);
  try {
    pqxx::nontransaction tx(*conn_);
    return read_schema_version(tx);
  } catch (...) {
    return std::unexpected(current_error(target_, "read its schema version"));
  }
}

}  // namespace cinplan::store::postgres
