// Accounts and teams on SQLite (sqlite_accounts.h).
#include "store/sqlite_accounts.h"

namespace cinplan::store::sqlite {
namespace {

constexpr Access kR = Access::kRead;
constexpr Access kW = Access::kWrite;
constexpr std::string_view kAccountColumns =
    "username, display_name, role, coalesce(team, ''), agency, coalesce(line_manager, ''), "
    "password_hash, disabled, demo, failed_signins, locked_until, created";

Account account_from(const Statement& s) {
  Account a;
  a.username = s.text(0);
  a.display_name = s.text(1);
  a.role = s.text(2);
  a.team = s.text(3);
  a.agency = s.text(4);
  a.line_manager = s.text(5);
  a.password_hash = s.text(6);
  a.disabled = s.int64(7) != 0;
  a.demo = s.int64(8) != 0;
  a.failed_signins = static_cast<int>(s.int64(9));
  a.locked_until = s.text(10);
  a.created = s.text(11);
  return a;
}

}  // namespace

Result<std::int64_t> SqliteAccountStore::change(std::string_view sql, std::string_view first,
                                                std::string_view second) {
  auto s = db_.prepare(sql, kW);
  if (!s) return std::unexpected(s.error());
  s->bind(1, first);
  if (sql.find("?2") != std::string_view::npos) s->bind(2, second);
  if (auto ran = db_.run(*s, kW); !ran) return std::unexpected(ran.error());
  return sqlite3_changes64(db_.get());
}

Result<bool> SqliteAccountStore::exists(std::string_view sql, std::string_view first,
                                        std::string_view second) {
  auto s = db_.prepare(sql, kR);
  if (!s) return std::unexpected(s.error());
  s->bind(1, first);
  if (sql.find("?2") != std::string_view::npos) s->bind(2, second);
  const int rc = s->step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(db_.error(rc, kR));
}

Result<void> SqliteAccountStore::update_account(std::string_view doing, std::string_view username,
                                                std::string_view sql, std::string_view value) {
  if (!check_username(username))
    return std::unexpected(Error::not_found("there is no account " + std::string(username)));
  return write(doing, [&]() -> Result<void> {
    auto changed = change(sql, username, value);
    if (!changed) return std::unexpected(changed.error());
    if (*changed == 0)
      return std::unexpected(Error::not_found("there is no account " + std::string(username)));
    return {};
  });
}

Result<void> SqliteAccountStore::add_team(const Team& team) {
  if (auto valid = check_team(team); !valid) return valid;
  return write("add the team " + team.id, [&]() -> Result<void> {
    auto found = exists("SELECT 1 FROM teams WHERE id = ?1", team.id);
    if (!found) return std::unexpected(found.error());
    if (*found)
      return std::unexpected(
          Error{ErrorCode::kConflict, "there is a team " + team.id + " already", {}});
    auto s = db_.prepare("INSERT INTO teams (id, name, demo, created) VALUES (?1, ?2, ?3, " +
                             std::string(kNowUtc) + ")",
                         kW);
    if (!s) return std::unexpected(s.error());
    s->bind(1, team.id);
    s->bind(2, team.name);
    s->bind(3, std::int64_t{team.demo});
    return db_.run(*s, kW);
  });
}

Result<std::vector<Team>> SqliteAccountStore::list_teams() {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT id, name, demo FROM teams ORDER BY id", kR);
  if (!s) return std::unexpected(s.error());
  std::vector<Team> teams;
  int rc = SQLITE_OK;
  while ((rc = s->step()) == SQLITE_ROW)
    teams.push_back(Team{std::string(s->text(0)), std::string(s->text(1)), s->int64(2) != 0});
  if (rc != SQLITE_DONE) return std::unexpected(db_.error(rc, kR));
  return teams;
}

Result<void> SqliteAccountStore::add_account(const Account& a) {
  if (auto valid = check_account(a); !valid) return valid;
  return write("add the account " + a.username, [&]() -> Result<void> {
    auto found = exists("SELECT 1 FROM accounts WHERE username = ?1", a.username);
    if (!found) return std::unexpected(found.error());
    if (*found)
      return std::unexpected(
          Error{ErrorCode::kConflict, "there is an account " + a.username + " already", {}});
    if (!a.team.empty()) {
      auto there = exists("SELECT 1 FROM teams WHERE id = ?1", a.team);
      if (!there) return std::unexpected(there.error());
      if (!*there)
        return std::unexpected(Error::not_found("there is no team " + a.team +
                                                " (for the account " + a.username + ")"));
    }
    if (!a.line_manager.empty()) {
      auto manager = exists("SELECT 1 FROM accounts WHERE username = ?1", a.line_manager);
      if (!manager) return std::unexpected(manager.error());
      if (!*manager)
        return std::unexpected(Error::not_found("there is no account " + a.line_manager +
                                                " (the line manager of " + a.username + ")"));
    }
    auto s = db_.prepare(
        "INSERT INTO accounts (username, display_name, role, team, agency, line_manager, "
        "password_hash, disabled, demo, failed_signins, locked_until, created) VALUES "
        "(?1, ?2, ?3, nullif(?4, ''), ?5, nullif(?6, ''), ?7, ?8, ?9, ?10, ?11, "
        "coalesce(nullif(?12, ''), " +
            std::string(kNowUtc) + "))",
        kW);
    if (!s) return std::unexpected(s.error());
    s->bind(1, a.username);
    s->bind(2, a.display_name);
    s->bind(3, a.role);
    s->bind(4, a.team);
    s->bind(5, a.agency);
    s->bind(6, a.line_manager);
    s->bind(7, a.password_hash);
    s->bind(8, std::int64_t{a.disabled});
    s->bind(9, std::int64_t{a.demo});
    s->bind(10, std::int64_t{a.failed_signins});
    s->bind(11, a.locked_until);
    s->bind(12, a.created);
    return db_.run(*s, kW);
  });
}

Result<std::optional<Account>> SqliteAccountStore::find_account(std::string_view username) {
  if (!check_username(username)) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT " + std::string(kAccountColumns) + " FROM accounts WHERE username = ?1", kR);
  if (!s) return std::unexpected(s.error());
  s->bind(1, username);
  const int rc = s->step();
  if (rc == SQLITE_ROW) return account_from(*s);
  if (rc == SQLITE_DONE) return std::nullopt;
  return std::unexpected(db_.error(rc, kR));
}

Result<std::vector<Account>> SqliteAccountStore::list_accounts() {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT " + std::string(kAccountColumns) + " FROM accounts ORDER BY username", kR);
  if (!s) return std::unexpected(s.error());
  std::vector<Account> accounts;
  int rc = SQLITE_OK;
  while ((rc = s->step()) == SQLITE_ROW) accounts.push_back(account_from(*s));
  if (rc != SQLITE_DONE) return std::unexpected(db_.error(rc, kR));
  return accounts;
}

Result<void> SqliteAccountStore::set_password(std::string_view username, std::string_view hash) {
  if (!hash.starts_with("$argon2id$"))
    return std::unexpected(Error::bad_input("the password hash for " + std::string(username) +
                                            " is not an argon2id hash"));
  return update_account("set the password of " + std::string(username), username,
                        "UPDATE accounts SET password_hash = ?2, failed_signins = 0, "
                        "locked_until = '' WHERE username = ?1",
                        hash);
}

Result<void> SqliteAccountStore::set_disabled(std::string_view username, bool disabled) {
  return update_account(
      std::string(disabled ? "disable" : "enable") + " the account " + std::string(username),
      username,
      disabled ? "UPDATE accounts SET disabled = 1 WHERE username = ?1"
               : "UPDATE accounts SET disabled = 0 WHERE username = ?1");
}

Result<void> SqliteAccountStore::record_failed_signin(std::string_view username,
                                                      std::string_view locked_until) {
  if (!locked_until.empty())
    if (auto valid = check_timestamp(locked_until, "locked until"); !valid) return valid;
  return update_account("record a failed sign-in of " + std::string(username), username,
                        "UPDATE accounts SET failed_signins = failed_signins + 1, "
                        "locked_until = ?2 WHERE username = ?1",
                        locked_until);
}

Result<void> SqliteAccountStore::record_signin(std::string_view username) {
  return update_account("record a sign-in of " + std::string(username), username,
                        "UPDATE accounts SET failed_signins = 0, locked_until = '' "
                        "WHERE username = ?1");
}

}  // namespace cinplan::store::sqlite
