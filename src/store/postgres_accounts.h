// The account store on PostgreSQL (accounts.h): its own connection to the
// database, opened as the event store's is (postgres::open_connection:
// created, migrated, or read-only as OpenOptions say). Each call is one
// transaction on that connection; calls on one store are serialised. Access
// log entries take their sequence numbers from the one-row access_position
// table, whose row lock (held to commit) numbers them in commit order
// (postgres_schema.cc, v4). Text is compared and ordered bytewise
// (COLLATE "C"), as SQLite does, whatever the database's locale. Accounts and
// teams are in postgres_accounts.cc; grants, sessions, the access log and
// opening in postgres_access.cc.
#pragma once

#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>

#include "store/accounts.h"
#include "store/postgres_store.h"

namespace cinplan::store::postgres {

// "YYYY-MM-DDTHH:MM:SS.mmmZ", as recorded_at, computed by the server.
inline constexpr std::string_view kNowUtcSql =
    R"(to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))";

class PostgresAccountStore final : public AccountStore {
 public:
  PostgresAccountStore(ConnectionTarget target, std::unique_ptr<pqxx::connection> conn)
      : target_(std::move(target)), conn_(std::move(conn)) {}

  Result<void> add_team(const Team& team) override;
  Result<std::vector<Team>> list_teams() override;
  Result<void> add_account(const Account& account) override;
  Result<std::optional<Account>> find_account(std::string_view username) override;
  Result<std::vector<Account>> list_accounts() override;
  Result<void> set_password(std::string_view username, std::string_view hash) override;
  Result<void> set_disabled(std::string_view username, bool disabled) override;
  Result<void> record_failed_signin(std::string_view username,
                                    std::string_view locked_until) override;
  Result<void> record_signin(std::string_view username) override;
  Result<void> add_grant(const Grant& grant) override;
  Result<void> revoke_grant(std::string_view username, std::string_view case_id,
                            std::string_view revoked_by, std::string_view revoked_at) override;
  Result<std::vector<Grant>> list_grants(std::string_view username,
                                         std::string_view case_id) override;
  Result<void> add_session(const Session& session) override;
  Result<std::optional<Session>> find_session(std::string_view id_digest) override;
  Result<void> touch_session(std::string_view id_digest, std::string_view last_seen) override;
  Result<void> delete_session(std::string_view id_digest) override;
  Result<void> delete_sessions_of(std::string_view username) override;
  Result<std::size_t> expire_sessions(std::string_view idle_before,
                                      std::string_view created_before) override;
  Result<void> append_access(std::span<const AccessEntry> entries,
                             Durability durability = Durability::kSynced) override;
  Result<void> sync_access() override;
  Result<std::vector<AccessEntry>> read_access(const AccessQuery& query) override;
  Result<void> save_draft(const Draft& draft) override;
  Result<std::optional<Draft>> find_draft(std::string_view username,
                                          std::string_view form) override;
  Result<void> delete_draft(std::string_view username, std::string_view form) override;
  Result<bool> holds_non_demo_data() override;

 private:
  // Runs `body(tx)` in a transaction (a pqxx::work to write, a
  // pqxx::read_transaction to read), committed when it returns a value; an
  // exception becomes an Error saying what was being done (`doing`).
  template <typename Body>
  auto write(std::string_view doing, Body&& body) -> decltype(body(std::declval<pqxx::work&>())) {
    if (target_.read_only)
      return std::unexpected(Error::unavailable("cannot " + std::string(doing) +
                                                ": the database at " + target_.redacted +
                                                " was opened for reading only; nothing was "
                                                "written"));
    std::lock_guard lock(mutex_);
    try {
      pqxx::work tx(*conn_);
      auto result = body(tx);
      if (!result) return result;
      tx.commit();
      return result;
    } catch (...) {
      return std::unexpected(current_error(target_, doing));
    }
  }
  template <typename Body>
  auto read(std::string_view doing, Body&& body)
      -> decltype(body(std::declval<pqxx::read_transaction&>())) {
    std::lock_guard lock(mutex_);
    try {
      pqxx::read_transaction tx(*conn_);
      return body(tx);
    } catch (...) {
      return std::unexpected(current_error(target_, doing));
    }
  }
  // An UPDATE of one account (`sql`: $1 the username, then `values`) in a
  // transaction; kNotFound when there is no such account.
  template <typename... Values>
  Result<void> update_account(std::string_view doing, std::string_view username,
                              const std::string& sql, const Values&... values) {
    // A name that could not be one (a NUL would end it early) is no account.
    if (!check_username(username))
      return std::unexpected(Error::not_found("there is no account " + std::string(username)));
    return write(doing, [&](pqxx::work& tx) -> Result<void> {
      const auto r = tx.exec_params(sql, std::string(username), values...);
      if (r.affected_rows() == 0)
        return std::unexpected(Error::not_found("there is no account " + std::string(username)));
      return {};
    });
  }

  ConnectionTarget target_;
  std::recursive_mutex mutex_;  // serialises use of conn_
  std::unique_ptr<pqxx::connection> conn_;
};

// Whether a query with its parameters returns a row.
template <typename... Values>
bool exists(pqxx::transaction_base& tx, const std::string& sql, const Values&... values) {
  return !tx.exec_params(sql, values...).empty();
}

}  // namespace cinplan::store::postgres
