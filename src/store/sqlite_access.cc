// Grants, sessions and the access log on SQLite, and opening the account
// store (sqlite_accounts.h).
#include "core/casefile/case_id.h"
#include "store/sqlite_accounts.h"

namespace cinplan::store::sqlite {
namespace {

constexpr Access kR = Access::kRead;
constexpr Access kW = Access::kWrite;

Error conflict(std::string message) {
  return Error{ErrorCode::kConflict, std::move(message), {}};
}

}  // namespace

Result<void> SqliteAccountStore::add_grant(const Grant& g) {
  if (auto valid = check_grant(g); !valid) return valid;
  return write("grant " + g.username + " case " + g.case_id, [&]() -> Result<void> {
    auto account = exists("SELECT 1 FROM accounts WHERE username = ?1", g.username);
    if (!account) return std::unexpected(account.error());
    if (!*account) return std::unexpected(Error::not_found("there is no account " + g.username));
    auto stream = exists("SELECT 1 FROM streams WHERE id = ?1", g.case_id);
    if (!stream) return std::unexpected(stream.error());
    if (!*stream) return std::unexpected(Error::not_found("case " + g.case_id + " does not exist"));
    auto held =
        exists("SELECT 1 FROM grants WHERE username = ?1 AND case_id = ?2 AND revoked_at IS NULL",
               g.username, g.case_id);
    if (!held) return std::unexpected(held.error());
    if (*held)
      return std::unexpected(
          conflict(g.username + " holds a grant to case " + g.case_id + " already"));
    auto s = db_.prepare(
        "INSERT INTO grants (username, case_id, granted_by, granted_at, reason) "
        "VALUES (?1, ?2, ?3, coalesce(nullif(?4, ''), " +
            std::string(kNowUtc) + "), ?5)",
        kW);
    if (!s) return std::unexpected(s.error());
    s->bind(1, g.username);
    s->bind(2, g.case_id);
    s->bind(3, g.granted_by);
    s->bind(4, g.granted_at);
    s->bind(5, g.reason);
    return db_.run(*s, kW);
  });
}

Result<void> SqliteAccountStore::revoke_grant(std::string_view username, std::string_view case_id,
                                              std::string_view revoked_by,
                                              std::string_view revoked_at) {
  if (auto valid = check_case_id(case_id); !valid) return valid;
  if (revoked_by.empty())
    return std::unexpected(Error::bad_input("revoking a grant needs who revokes it"));
  if (!revoked_at.empty())
    if (auto valid = check_timestamp(revoked_at, "revoked at"); !valid) return valid;
  const std::string what = std::string(username) + "'s grant to case " + std::string(case_id);
  return write("revoke " + what, [&]() -> Result<void> {
    auto s = db_.prepare(
        "UPDATE grants SET revoked_by = ?3, revoked_at = coalesce(nullif(?4, ''), " +
            std::string(kNowUtc) + ") WHERE username = ?1 AND case_id = ?2 AND revoked_at IS NULL",
        kW);
    if (!s) return std::unexpected(s.error());
    s->bind(1, username);
    s->bind(2, case_id);
    s->bind(3, revoked_by);
    s->bind(4, revoked_at);
    if (auto ran = db_.run(*s, kW); !ran) return std::unexpected(ran.error());
    if (sqlite3_changes64(db_.get()) == 0)
      return std::unexpected(Error::not_found(std::string(username) + " holds no grant to case " +
                                              std::string(case_id)));
    return {};
  });
}

Result<std::vector<Grant>> SqliteAccountStore::list_grants(std::string_view username,
                                                           std::string_view case_id) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT username, case_id, granted_by, granted_at, reason FROM grants "
      "WHERE revoked_at IS NULL AND (?1 = '' OR username = ?1) AND (?2 = '' OR case_id = ?2) "
      "ORDER BY username, case_id",
      kR);
  if (!s) return std::unexpected(s.error());
  s->bind(1, username);
  s->bind(2, case_id);
  std::vector<Grant> grants;
  int rc = SQLITE_OK;
  while ((rc = s->step()) == SQLITE_ROW)
    grants.push_back(Grant{std::string(s->text(0)), std::string(s->text(1)),
                           std::string(s->text(2)), std::string(s->text(3)),
                           std::string(s->text(4))});
  if (rc != SQLITE_DONE) return std::unexpected(db_.error(rc, kR));
  return grants;
}

Result<void> SqliteAccountStore::add_session(const Session& session) {
  if (auto valid = check_session(session); !valid) return valid;
  return write("sign " + session.username + " in", [&]() -> Result<void> {
    auto account = exists("SELECT 1 FROM accounts WHERE username = ?1", session.username);
    if (!account) return std::unexpected(account.error());
    if (!*account)
      return std::unexpected(Error::not_found("there is no account " + session.username));
    auto taken = exists("SELECT 1 FROM sessions WHERE id_digest = ?1", session.id_digest);
    if (!taken) return std::unexpected(taken.error());
    if (*taken) return std::unexpected(conflict("there is a session with that id already"));
    auto s = db_.prepare(
        "INSERT INTO sessions (id_digest, username, csrf_token, created, last_seen, address) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        kW);
    if (!s) return std::unexpected(s.error());
    s->bind(1, session.id_digest);
    s->bind(2, session.username);
    s->bind(3, session.csrf_token);
    s->bind(4, session.created);
    s->bind(5, session.last_seen);
    s->bind(6, session.address);
    return db_.run(*s, kW);
  });
}

Result<std::optional<Session>> SqliteAccountStore::find_session(std::string_view id_digest) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT id_digest, username, csrf_token, created, last_seen, address FROM sessions "
      "WHERE id_digest = ?1",
      kR);
  if (!s) return std::unexpected(s.error());
  s->bind(1, id_digest);
  const int rc = s->step();
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) return std::unexpected(db_.error(rc, kR));
  return Session{std::string(s->text(0)), std::string(s->text(1)), std::string(s->text(2)),
                 std::string(s->text(3)), std::string(s->text(4)), std::string(s->text(5))};
}

Result<void> SqliteAccountStore::touch_session(std::string_view id_digest,
                                               std::string_view last_seen) {
  if (auto valid = check_timestamp(last_seen, "last seen"); !valid) return valid;
  // When a session was last used need not wait for the disk: a power cut
  // that loses it ends the session a little sooner, never later.
  return write(
      "note a session's use",
      [&]() -> Result<void> {
        auto changed =
            change("UPDATE sessions SET last_seen = ?2 WHERE id_digest = ?1", id_digest, last_seen);
        if (!changed) return std::unexpected(changed.error());
        if (*changed == 0) return std::unexpected(Error::not_found("there is no such session"));
        return {};
      },
      false);
}

Result<void> SqliteAccountStore::delete_session(std::string_view id_digest) {
  return write("end a session", [&]() -> Result<void> {
    auto changed = change("DELETE FROM sessions WHERE id_digest = ?1", id_digest);
    if (!changed) return std::unexpected(changed.error());
    if (*changed == 0) return std::unexpected(Error::not_found("there is no such session"));
    return {};
  });
}

Result<void> SqliteAccountStore::delete_sessions_of(std::string_view username) {
  return write("sign " + std::string(username) + " out", [&]() -> Result<void> {
    auto account = exists("SELECT 1 FROM accounts WHERE username = ?1", username);
    if (!account) return std::unexpected(account.error());
    if (!*account)
      return std::unexpected(Error::not_found("there is no account " + std::string(username)));
    auto changed = change("DELETE FROM sessions WHERE username = ?1", username);
    if (!changed) return std::unexpected(changed.error());
    return {};
  });
}

Result<std::size_t> SqliteAccountStore::expire_sessions(std::string_view idle_before,
                                                        std::string_view created_before) {
  return write("end expired sessions", [&]() -> Result<std::size_t> {
    auto changed = change("DELETE FROM sessions WHERE last_seen < ?1 OR created < ?2", idle_before,
                          created_before);
    if (!changed) return std::unexpected(changed.error());
    return static_cast<std::size_t>(*changed);
  });
}

Result<void> SqliteAccountStore::append_access(std::span<const AccessEntry> entries,
                                               Durability durability) {
  for (const AccessEntry& e : entries)
    if (auto valid = check_access_entry(e); !valid) return valid;
  if (entries.empty()) return {};
  return write(
      "write the access log",
      [&]() -> Result<void> {
        auto s = db_.prepare(
            "INSERT INTO access_log (at, username, role, case_id, action, allowed, address, "
            "detail) "
            "VALUES (coalesce(nullif(?1, ''), " +
                std::string(kNowUtc) + "), ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            kW);
        if (!s) return std::unexpected(s.error());
        for (const AccessEntry& e : entries) {
          s->bind(1, e.at);
          s->bind(2, e.username);
          s->bind(3, e.role);
          s->bind(4, e.case_id);
          s->bind(5, e.action);
          s->bind(6, std::int64_t{e.allowed});
          s->bind(7, e.address);
          s->bind(8, e.detail);
          if (auto ran = db_.run(*s, kW); !ran) return std::unexpected(ran.error());
        }
        return {};
      },
      durability == Durability::kSynced);
}

Result<void> SqliteAccountStore::sync_access() {
  // On a connection of its own, so that the writes of the access log go on
  // while the disk catches up: a passive checkpoint syncs the write-ahead log
  // before it copies it into the database, so every commit before it is then
  // on the disk, and it waits for no reader or writer. While writes go on
  // without a pause the log is never wholly copied, so it never starts again
  // from its beginning and would grow without end: past kRestartFrames a
  // restarting checkpoint holds new writers back while it copies the little
  // that is left, so the next write starts the log again.
  constexpr std::int64_t kRestartFrames = 4096;  // 16 MiB of 4 KiB pages
  std::lock_guard lock(sync_mutex_);
  if (!sync_db_) {
    auto opened = open_file(url_, OpenOptions{});
    if (!opened) return std::unexpected(opened.error());
    sync_db_.emplace(std::move(opened->db));
  }
  auto checkpoint = [&](std::string_view mode) -> Result<std::int64_t> {
    auto s = sync_db_->prepare("PRAGMA wal_checkpoint(" + std::string(mode) + ")", kW);
    if (!s) return std::unexpected(s.error());
    const int rc = s->step();
    if (rc != SQLITE_ROW) return std::unexpected(sync_db_->error(rc, kW));
    return s->int64(1);  // frames in the log
  };
  auto frames = checkpoint("PASSIVE");
  if (!frames) return std::unexpected(frames.error());
  if (*frames > kRestartFrames) {
    if (auto restarted = checkpoint("RESTART"); !restarted)
      return std::unexpected(restarted.error());
  }
  return {};
}

Result<std::vector<AccessEntry>> SqliteAccountStore::read_access(const AccessQuery& q) {
  if (auto valid = check_access_query(q); !valid) return std::unexpected(valid.error());
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT seq, at, username, role, case_id, action, allowed, address, detail FROM access_log "
      "WHERE (?1 = '' OR case_id = ?1) AND (?2 = '' OR username = ?2) AND at >= ?3 "
      "ORDER BY seq LIMIT ?4",
      kR);
  if (!s) return std::unexpected(s.error());
  s->bind(1, q.case_id);
  s->bind(2, q.username);
  s->bind(3, q.since);
  s->bind(4, q.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(q.limit));
  std::vector<AccessEntry> entries;
  int rc = SQLITE_OK;
  while ((rc = s->step()) == SQLITE_ROW) {
    entries.push_back(AccessEntry{s->int64(0), std::string(s->text(1)), std::string(s->text(2)),
                                  std::string(s->text(3)), std::string(s->text(4)),
                                  std::string(s->text(5)), s->int64(6) != 0,
                                  std::string(s->text(7)), std::string(s->text(8))});
  }
  if (rc != SQLITE_DONE) return std::unexpected(db_.error(rc, kR));
  return entries;
}

Result<bool> SqliteAccountStore::holds_non_demo_data() {
  std::lock_guard lock(mutex_);
  auto found = db_.query_int(
      "SELECT EXISTS (SELECT 1 FROM accounts WHERE demo = 0) "
      "OR EXISTS (SELECT 1 FROM teams WHERE demo = 0) "
      "OR EXISTS (SELECT 1 FROM streams WHERE CASE WHEN json_valid(header) "
      "THEN coalesce(json_type(header, '$.demo'), '') <> 'true' ELSE 1 END)",
      kR);
  if (!found) return std::unexpected(found.error());
  return *found != 0;
}

}  // namespace cinplan::store::sqlite

namespace cinplan::store {

Result<std::unique_ptr<AccountStore>> open_sqlite_account_store(std::string_view url,
                                                                const OpenOptions& options) {
  auto opened = sqlite::open_file(url, options);
  if (!opened) return std::unexpected(opened.error());
  auto version = sqlite::read_schema_version(opened->db);
  if (!version) return std::unexpected(version.error());
  if (*version < kAccountsSchemaVersion)
    return std::unexpected(Error::unavailable(
        "the database at " + std::string(url) + " is at schema version " +
        std::to_string(*version) + ", which has no accounts (they came in version " +
        std::to_string(kAccountsSchemaVersion) + "): upgrade it with cinplan migrate --db " +
        std::string(url) + "; nothing was changed"));
  // This connection writes the access log, a group at a time, and must not
  // stop to checkpoint the write-ahead log into the database (which waits
  // for the disk twice): sync_access() does that on a connection of its own.
  // The event store's connection checkpoints as SQLite does by default.
  if (!opened->read_only) {
    if (auto off = opened->db.exec("PRAGMA wal_autocheckpoint = 0", sqlite::Access::kWrite); !off)
      return std::unexpected(off.error());
  }
  return std::make_unique<sqlite::SqliteAccountStore>(std::string(url), std::move(*opened));
}

}  // namespace cinplan::store
