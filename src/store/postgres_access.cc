// Grants, sessions and the access log on PostgreSQL, and opening the account
// store (postgres_accounts.h).
#include "core/casefile/case_id.h"
#include "store/postgres_accounts.h"

namespace cinplan::store::postgres {
namespace {

Error conflict(std::string message) {
  return Error{ErrorCode::kConflict, std::move(message), {}};
}

Error no_account(std::string_view username) {
  return Error::not_found("there is no account " + std::string(username));
}

// A session id digest a NUL would cut short finds nothing.
bool usable_digest(std::string_view digest) {
  return !digest.empty() && digest.find('\0') == std::string_view::npos;
}

}  // namespace

Result<void> PostgresAccountStore::add_grant(const Grant& g) {
  if (auto valid = check_grant(g); !valid) return valid;
  return write("grant " + g.username + " case " + g.case_id, [&](pqxx::work& tx) -> Result<void> {
    if (!exists(tx, "SELECT 1 FROM accounts WHERE username = $1", g.username))
      return std::unexpected(no_account(g.username));
    if (!exists(tx, "SELECT 1 FROM streams WHERE id = $1", g.case_id))
      return std::unexpected(Error::not_found("case " + g.case_id + " does not exist"));
    if (exists(tx,
               "SELECT 1 FROM grants WHERE username = $1 AND case_id = $2 AND revoked_at IS NULL",
               g.username, g.case_id))
      return std::unexpected(
          conflict(g.username + " holds a grant to case " + g.case_id + " already"));
    tx.exec_params(
        "INSERT INTO grants (username, case_id, granted_by, granted_at, reason) "
        "VALUES ($1, $2, $3, coalesce(nullif($4, ''), " +
            std::string(kNowUtcSql) + "), $5)",
        g.username, g.case_id, g.granted_by, g.granted_at, g.reason);
    return {};
  });
}

Result<void> PostgresAccountStore::revoke_grant(std::string_view username, std::string_view case_id,
                                                std::string_view revoked_by,
                                                std::string_view revoked_at) {
  if (auto valid = check_case_id(case_id); !valid) return valid;
  if (revoked_by.empty() || revoked_by.find('\0') != std::string_view::npos)
    return std::unexpected(Error::bad_input("revoking a grant needs who revokes it"));
  if (!revoked_at.empty())
    if (auto valid = check_timestamp(revoked_at, "revoked at"); !valid) return valid;
  const std::string what = std::string(username) + "'s grant to case " + std::string(case_id);
  const auto none = [&] {
    return std::unexpected(Error::not_found(std::string(username) + " holds no grant to case " +
                                            std::string(case_id)));
  };
  if (!check_username(username)) return none();
  return write("revoke " + what, [&](pqxx::work& tx) -> Result<void> {
    const auto r =
        tx.exec_params("UPDATE grants SET revoked_by = $3, revoked_at = coalesce(nullif($4, ''), " +
                           std::string(kNowUtcSql) +
                           ") WHERE username = $1 AND case_id = $2 AND revoked_at IS NULL",
                       std::string(username), std::string(case_id), std::string(revoked_by),
                       std::string(revoked_at));
    if (r.affected_rows() == 0) return none();
    return {};
  });
}

Result<std::vector<Grant>> PostgresAccountStore::list_grants(std::string_view username,
                                                             std::string_view case_id) {
  if ((!username.empty() && !check_username(username)) || case_id.find('\0') != std::string::npos)
    return std::vector<Grant>{};
  return read("list the grants", [&](pqxx::read_transaction& tx) -> Result<std::vector<Grant>> {
    std::vector<Grant> grants;
    for (const auto& r :
         tx.exec_params("SELECT username, case_id, granted_by, granted_at, reason FROM grants "
                        "WHERE revoked_at IS NULL AND ($1 = '' OR username = $1) "
                        "AND ($2 = '' OR case_id = $2) "
                        "ORDER BY username COLLATE \"C\", case_id COLLATE \"C\"",
                        std::string(username), std::string(case_id)))
      grants.push_back(Grant{r[0].c_str(), r[1].c_str(), r[2].c_str(), r[3].c_str(), r[4].c_str()});
    return grants;
  });
}

Result<void> PostgresAccountStore::add_session(const Session& s) {
  if (auto valid = check_session(s); !valid) return valid;
  if (!usable_digest(s.id_digest) || s.csrf_token.find('\0') != std::string::npos ||
      s.address.find('\0') != std::string::npos)
    return std::unexpected(Error::bad_input("a session's values hold a NUL character"));
  return write("sign " + s.username + " in", [&](pqxx::work& tx) -> Result<void> {
    if (!exists(tx, "SELECT 1 FROM accounts WHERE username = $1", s.username))
      return std::unexpected(no_account(s.username));
    if (exists(tx, "SELECT 1 FROM sessions WHERE id_digest = $1", s.id_digest))
      return std::unexpected(conflict("there is a session with that id already"));
    tx.exec_params(
        "INSERT INTO sessions (id_digest, username, csrf_token, created, last_seen, address) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        s.id_digest, s.username, s.csrf_token, s.created, s.last_seen, s.address);
    return {};
  });
}

Result<std::optional<Session>> PostgresAccountStore::find_session(std::string_view id_digest) {
  if (!usable_digest(id_digest)) return std::nullopt;
  return read(
      "look up a session", [&](pqxx::read_transaction& tx) -> Result<std::optional<Session>> {
        const auto r = tx.exec_params(
            "SELECT id_digest, username, csrf_token, created, last_seen, address FROM sessions "
            "WHERE id_digest = $1",
            std::string(id_digest));
        if (r.empty()) return std::nullopt;
        return Session{r[0][0].c_str(), r[0][1].c_str(), r[0][2].c_str(),
                       r[0][3].c_str(), r[0][4].c_str(), r[0][5].c_str()};
      });
}

Result<void> PostgresAccountStore::touch_session(std::string_view id_digest,
                                                 std::string_view last_seen) {
  if (auto valid = check_timestamp(last_seen, "last seen"); !valid) return valid;
  if (!usable_digest(id_digest))
    return std::unexpected(Error::not_found("there is no such session"));
  return write("note a session's use", [&](pqxx::work& tx) -> Result<void> {
    // Need not wait for the disk: a crash that loses it ends the session a
    // little sooner, never later.
    tx.exec("SET LOCAL synchronous_commit TO off");
    const auto r = tx.exec_params("UPDATE sessions SET last_seen = $2 WHERE id_digest = $1",
                                  std::string(id_digest), std::string(last_seen));
    if (r.affected_rows() == 0)
      return std::unexpected(Error::not_found("there is no such session"));
    return {};
  });
}

Result<void> PostgresAccountStore::delete_session(std::string_view id_digest) {
  if (!usable_digest(id_digest))
    return std::unexpected(Error::not_found("there is no such session"));
  return write("end a session", [&](pqxx::work& tx) -> Result<void> {
    const auto r =
        tx.exec_params("DELETE FROM sessions WHERE id_digest = $1", std::string(id_digest));
    if (r.affected_rows() == 0)
      return std::unexpected(Error::not_found("there is no such session"));
    return {};
  });
}

Result<void> PostgresAccountStore::delete_sessions_of(std::string_view username) {
  if (!check_username(username)) return std::unexpected(no_account(username));
  return write("sign " + std::string(username) + " out", [&](pqxx::work& tx) -> Result<void> {
    if (!exists(tx, "SELECT 1 FROM accounts WHERE username = $1", std::string(username)))
      return std::unexpected(no_account(username));
    tx.exec_params("DELETE FROM sessions WHERE username = $1", std::string(username));
    return {};
  });
}

Result<std::size_t> PostgresAccountStore::expire_sessions(std::string_view idle_before,
                                                          std::string_view created_before) {
  if (idle_before.find('\0') != std::string_view::npos ||
      created_before.find('\0') != std::string_view::npos)
    return std::unexpected(Error::bad_input("a session expiry bound holds a NUL character"));
  return write("end expired sessions", [&](pqxx::work& tx) -> Result<std::size_t> {
    const auto r = tx.exec_params(
        "DELETE FROM sessions WHERE last_seen COLLATE \"C\" < $1 OR created COLLATE \"C\" < $2",
        std::string(idle_before), std::string(created_before));
    return static_cast<std::size_t>(r.affected_rows());
  });
}

Result<void> PostgresAccountStore::append_access(std::span<const AccessEntry> entries,
                                                 Durability durability) {
  for (const AccessEntry& e : entries)
    if (auto valid = check_access_entry(e); !valid) return valid;
  if (entries.empty()) return {};
  return write("write the access log", [&](pqxx::work& tx) -> Result<void> {
    // kCommitted: the commit does not wait for its WAL flush; PostgreSQL's
    // WAL writer flushes it within three wal_writer_delay (600 ms by default).
    if (durability == Durability::kCommitted) tx.exec("SET LOCAL synchronous_commit TO off");
    const auto n = static_cast<std::int64_t>(entries.size());
    // The row lock on access_position, held to commit, numbers the entries
    // in commit order.
    const auto base =
        tx.exec_params1("UPDATE access_position SET seq = seq + $1 RETURNING seq - $1", n)[0]
            .as<std::int64_t>();
    std::int64_t seq = base;
    for (const AccessEntry& e : entries) {
      tx.exec_params(
          "INSERT INTO access_log (seq, at, username, role, case_id, action, allowed, address, "
          "detail) VALUES ($1, coalesce(nullif($2, ''), " +
              std::string(kNowUtcSql) + "), $3, $4, $5, $6, $7, $8, $9)",
          ++seq, e.at, e.username, e.role, e.case_id, e.action, e.allowed, e.address, e.detail);
    }
    return {};
  });
}

Result<void> PostgresAccountStore::sync_access() {
  // Nothing to do: asynchronous commits reach the disk within a second by
  // themselves, and the next synchronous commit waits for every earlier one.
  return {};
}

Result<std::vector<AccessEntry>> PostgresAccountStore::read_access(const AccessQuery& q) {
  if (auto valid = check_access_query(q); !valid) return std::unexpected(valid.error());
  return read(
      "read the access log", [&](pqxx::read_transaction& tx) -> Result<std::vector<AccessEntry>> {
        std::vector<AccessEntry> entries;
        for (const auto& r :
             tx.exec_params("SELECT seq, at, username, role, case_id, action, allowed, address, "
                            "detail FROM access_log WHERE ($1 = '' OR case_id = $1) "
                            "AND ($2 = '' OR username = $2) AND at COLLATE \"C\" >= $3 "
                            "ORDER BY seq LIMIT nullif($4, 0)",
                            q.case_id, q.username, q.since, static_cast<std::int64_t>(q.limit)))
          entries.push_back(AccessEntry{r[0].as<std::int64_t>(), r[1].c_str(), r[2].c_str(),
                                        r[3].c_str(), r[4].c_str(), r[5].c_str(), r[6].as<bool>(),
                                        r[7].c_str(), r[8].c_str()});
        return entries;
      });
}

Result<bool> PostgresAccountStore::holds_non_demo_data() {
  return read("look for records not made by cinplan demo",
              [&](pqxx::read_transaction& tx) -> Result<bool> {
                return tx
                    .exec(
                        "SELECT EXISTS (SELECT 1 FROM accounts WHERE NOT demo) "
                        "OR EXISTS (SELECT 1 FROM teams WHERE NOT demo) "
                        "OR EXISTS (SELECT 1 FROM streams WHERE json_typeof(header -> 'demo') "
                        "IS DISTINCT FROM 'boolean' OR (header ->> 'demo') <> 'true')")[0][0]
                    .as<bool>();
              });
}

}  // namespace cinplan::store::postgres

namespace cinplan::store {

Result<std::unique_ptr<AccountStore>> open_postgres_account_store(std::string_view url,
                                                                  const OpenOptions& options) {
  auto opened = postgres::open_connection(url, options);
  if (!opened) return std::unexpected(opened.error());
  int version = 0;
  try {
    pqxx::nontransaction tx(*opened->conn);
    version = postgres::read_schema_version(tx);
  } catch (...) {
    return std::unexpected(postgres::current_error(opened->target, "read its schema version"));
  }
  if (version < kAccountsSchemaVersion)
    return std::unexpected(Error::unavailable(
        "the database at " + opened->target.redacted + " is at schema version " +
        std::to_string(version) + ", which has no accounts (they came in version " +
        std::to_string(kAccountsSchemaVersion) + "): upgrade it with cinplan migrate --db " +
        opened->target.redacted + "; nothing was changed"));
  return std::make_unique<postgres::PostgresAccountStore>(std::move(opened->target),
                                                          std::move(opened->conn));
}

}  // namespace cinplan::store
