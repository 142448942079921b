// Appending: validation, group commit through the file's FileWriter
// (sqlite_store.h), and one append's checks and rows.
#include "store/sqlite_store.h"

#include <exception>

namespace cinplan::store::sqlite {
namespace {

constexpr Access kW = Access::kWrite;

}  // namespace

Result<AppendResult> SqliteStore::append(const AppendRequest& request) {
  if (auto valid = check_append_request(request); !valid) return std::unexpected(valid.error());
  if (read_only_) return std::unexpected(refused_write("record case " + request.stream_id));
  std::lock_guard lock(mutex_);
  PendingAppend mine{&request, std::nullopt};
  FileWriter& writer = *writer_;
  std::unique_lock queue(writer.queue_mutex);
  writer.queue.push_back(&mine);
  while (!mine.result) {
    if (writer.leading) {
      writer.finished.wait(queue);
      continue;
    }
    // Lead: write everything queued so far, this append included.
    writer.leading = true;
    std::vector<PendingAppend*> group;
    group.swap(writer.queue);
    queue.unlock();
    std::vector<Result<AppendResult>> results;
    try {
      std::lock_guard write(writer.write);
      results = write_group(group);
    } catch (const std::exception& e) {
      // The waiting appends must still get an answer (their transaction has
      // rolled back, so nothing of theirs was written).
      results.assign(group.size(), std::unexpected(Error{ErrorCode::kInternal,
                                                         "the database at " + db_.path() +
                                                             " could not be written (" + e.what() +
                                                             "); nothing was written",
                                                         {}}));
    }
    queue.lock();
    for (std::size_t i = 0; i < group.size(); ++i) group[i]->result = std::move(results[i]);
    writer.leading = false;
    writer.finished.notify_all();
  }
  return std::move(*mine.result);
}

std::vector<Result<AppendResult>> SqliteStore::write_group(
    const std::vector<PendingAppend*>& group) {
  std::vector<Result<AppendResult>> results;
  results.reserve(group.size());
  // When the transaction fails, every append of the group fails with it.
  const auto fail_all = [&](const Error& error) {
    results.assign(group.size(), std::unexpected(error));
    return results;
  };
  auto transaction = Transaction::begin(db_, kW);
  if (!transaction) return fail_all(transaction.error());

  auto savepoint = statement(savepoint_, "SAVEPOINT append", kW);
  if (!savepoint) return fail_all(savepoint.error());
  auto release = statement(release_, "RELEASE append", kW);
  if (!release) return fail_all(release.error());
  auto rollback_to = statement(rollback_to_, "ROLLBACK TO append", kW);
  if (!rollback_to) return fail_all(rollback_to.error());

  for (const PendingAppend* pending : group) {
    if (auto begun = db_.run(**savepoint, kW); !begun) return fail_all(begun.error());
    auto written = write_one(*pending->request);
    // SQLite may roll back the whole transaction on some errors (a full disk):
    // then the group's earlier appends are gone too.
    if (!written && !db_.in_transaction()) return fail_all(written.error());
    if (!written) {
      if (auto undone = db_.run(**rollback_to, kW); !undone) return fail_all(undone.error());
    }
    if (auto released = db_.run(**release, kW); !released) return fail_all(released.error());
    results.push_back(std::move(written));
  }
  if (auto committed = transaction->commit(); !committed) return fail_all(committed.error());
  return results;
}

Result<AppendResult> SqliteStore::write_one(const AppendRequest& request) {
  auto find = statement(stream_version_, "SELECT version FROM streams WHERE id = ?1", kW);
  if (!find) return std::unexpected(find.error());
  Statement& s = **find;
  std::optional<std::int64_t> current;
  {
    ResetOnExit reset(s);
    s.bind(1, request.stream_id);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
      current = s.int64(0);
    else if (rc != SQLITE_DONE)
      return std::unexpected(db_.error(rc, kW));
  }

  const std::string& id = request.stream_id;
  const std::int64_t expected = request.expected_version;
  if (expected == 0 && current)
    return std::unexpected(Error{ErrorCode::kConflict,
                                 "case " + id + " already exists (at version " +
                                     std::to_string(*current) + "); nothing was written",
                                 {}});
  if (expected > 0 && !current)
    return std::unexpected(Error::not_found("case " + id + " does not exist; nothing was written"));
  if (expected > 0 && *current != expected)
    return std::unexpected(Error{ErrorCode::kConflict,
                                 "case " + id + " was changed by someone else: you read version " +
                                     std::to_string(expected) + " but it is now at version " +
                                     std::to_string(*current) + "; nothing was written",
                                 {}});

  if (expected == 0) {
    auto insert = statement(insert_stream_,
                            "INSERT INTO streams (id, kind, version, created, profile, header) "
                            "VALUES (?1, ?2, 0, ?3, ?4, ?5)",
                            kW);
    if (!insert) return std::unexpected(insert.error());
    const NewStream& create = *request.create;
    (*insert)->bind(1, id);
    (*insert)->bind(2, create.kind);
    (*insert)->bind(3, request.recorded_at);
    (*insert)->bind(4, create.profile);
    (*insert)->bind(5, create.header);
    if (auto ran = db_.run(**insert, kW); !ran) return std::unexpected(ran.error());
  }

  AppendResult result{expected, 0, 0};
  if (request.events.empty()) return result;

  // Writers are serialised (the file's write lock, then SQLite's), so max + 1
  // hands out sequences in commit order.
  auto max = statement(max_sequence_, "SELECT coalesce(max(seq), 0) FROM events", kW);
  if (!max) return std::unexpected(max.error());
  std::int64_t sequence = 0;
  {
    ResetOnExit reset(**max);
    const int rc = (*max)->step();
    if (rc != SQLITE_ROW) return std::unexpected(db_.error(rc, kW));
    sequence = (*max)->int64(0);
  }

  auto insert = statement(insert_event_,
                          "INSERT INTO events (seq, stream_id, version, type, payload, "
                          "event_date, recorded_at, recorded_by) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          kW);
  if (!insert) return std::unexpected(insert.error());
  Statement& e = **insert;
  result.first_sequence = sequence + 1;
  std::int64_t version = expected;
  for (const NewEvent& event : request.events) {
    e.bind(1, ++sequence);
    e.bind(2, id);
    e.bind(3, ++version);
    e.bind(4, event.type);
    e.bind(5, event.payload);
    e.bind(6, event.date);
    e.bind(7, event.recorded_at.empty() ? request.recorded_at : event.recorded_at);
    e.bind(8, request.recorded_by);
    if (auto ran = db_.run(e, kW); !ran) {
      // A refused row is named; a full or busy database is about the whole write.
      if (ran.error().code != ErrorCode::kInternal) return std::unexpected(ran.error());
      return std::unexpected(
          ran.error().within("case " + id + " event " + std::to_string(version)));
    }
  }
  result.last_sequence = sequence;
  result.version = version;

  // Moves the version on only from the version read; anything else is a
  // broken invariant (the file's write lock is held), never a silent overwrite.
  auto bump = statement(bump_version_,
                        "UPDATE streams SET version = ?1 WHERE id = ?2 AND version = ?3", kW);
  if (!bump) return std::unexpected(bump.error());
  (*bump)->bind(1, version);
  (*bump)->bind(2, id);
  (*bump)->bind(3, expected);
  if (auto ran = db_.run(**bump, kW); !ran) return std::unexpected(ran.error());
  if (sqlite3_changes(db_.get()) != 1)
    return std::unexpected(Error{ErrorCode::kInternal,
                                 "case " + id + " moved from version " + std::to_string(expected) +
                                     " while it was being written; nothing was written",
                                 {}});

  for (const NewFile& file : request.files) {
    auto put = db_.prepare(
        "INSERT INTO attachments (stream_id, sha256, media_type, size, content, stored_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        kW);
    if (!put) return std::unexpected(put.error());
    put->bind(1, id);
    put->bind(2, file.sha256);
    put->bind(3, file.media_type);
    put->bind(4, static_cast<std::int64_t>(file.content.size()));
    put->bind_blob(5, file.content);
    put->bind(6, request.recorded_at);
    if (auto ran = db_.run(*put, kW); !ran)
      return std::unexpected(ran.error().within("case " + id + " file " + file.sha256));
  }
  return result;
}

}  // namespace cinplan::store::sqlite
