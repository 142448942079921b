// The account store on SQLite (accounts.h): its own connection to the
// database file, opened as the event store's is (sqlite::open_file: WAL,
// synchronous=FULL, migrations). Writes take the file's in-process write lock
// (FileWriter) and BEGIN IMMEDIATE, so they queue behind the process's
// appends rather than meet them as "busy"; other processes are waited for up
// to the busy timeout. Calls on one store are serialised. Accounts and teams
// are in sqlite_accounts.cc; grants, sessions, the access log and opening in
// sqlite_access.cc.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "store/accounts.h"
#include "store/sqlite_store.h"

namespace cinplan::store::sqlite {

inline constexpr std::string_view kNowUtc = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

class SqliteAccountStore final : public AccountStore {
 public:
  SqliteAccountStore(std::string url, OpenedFile file)
      : url_(std::move(url)),
        db_(std::move(file.db)),
        writer_(std::move(file.writer)),
        read_only_(file.read_only) {}

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
  // Runs `body` in a write transaction, committed when it returns a value;
  // `doing` names the write for a read-only store's refusal. Not `synced`:
  // the commit does not wait for the disk (synchronous = NORMAL for this one
  // transaction: Durability::kCommitted in accounts.h), and the connection
  // is back to FULL before the locks are let go.
  template <typename Body>
  auto write(std::string_view doing, Body&& body, bool synced = true) -> decltype(body()) {
    if (read_only_)
      return std::unexpected(Error::unavailable("cannot " + std::string(doing) +
                                                ": the database at " + db_.path() +
                                                " was opened for reading only; nothing was "
                                                "written"));
    std::lock_guard lock(mutex_);
    std::lock_guard file(writer_->write);
    struct Relaxed {
      Database& db;
      bool on;
      ~Relaxed() {
        if (on) (void)db.exec("PRAGMA synchronous = FULL", Access::kWrite);
      }
    } relaxed{db_, !synced};
    if (relaxed.on) {
      if (auto set = db_.exec("PRAGMA synchronous = NORMAL", Access::kWrite); !set)
        return std::unexpected(set.error());
    }
    auto transaction = Transaction::begin(db_, Access::kWrite);
    if (!transaction) return std::unexpected(transaction.error());
    auto result = body();
    if (!result) return result;
    if (auto committed = transaction->commit(); !committed)
      return std::unexpected(committed.error());
    return result;
  }

  // Runs `sql` with ?1 and ?2 (if it has one) bound to `first` and
  // `second`: how many rows it changed, or whether it returned a row.
  Result<std::int64_t> change(std::string_view sql, std::string_view first,
                              std::string_view second = {});
  Result<bool> exists(std::string_view sql, std::string_view first, std::string_view second = {});
  // change() on one account in a write transaction; kNotFound when there is
  // no such account.
  Result<void> update_account(std::string_view doing, std::string_view username,
                              std::string_view sql, std::string_view value = {});

  std::string url_;
  Database db_;
  std::mutex sync_mutex_;
  std::optional<Database> sync_db_;  // sync_access's own connection, opened when first asked
  std::shared_ptr<FileWriter> writer_;
  bool read_only_ = false;
  std::recursive_mutex mutex_;
};

}  // namespace cinplan::store::sqlite
