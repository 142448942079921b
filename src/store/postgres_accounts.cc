// Accounts and teams on PostgreSQL (postgres_accounts.h).
#include "store/postgres_accounts.h"

namespace cinplan::store::postgres {
namespace {

constexpr std::string_view kAccountColumns =
    "username, display_name, role, coalesce(team, ''), agency, coalesce(line_manager, ''), "
    "password_hash, disabled, demo, failed_signins, locked_until, created";

Account account_from(const pqxx::row& r) {
  Account a;
  a.username = r[0].c_str();
  a.display_name = r[1].c_str();
  a.role = r[2].c_str();
  a.team = r[3].c_str();
  a.agency = r[4].c_str();
  a.line_manager = r[5].c_str();
  a.password_hash = r[6].c_str();
  a.disabled = r[7].as<bool>();
  a.demo = r[8].as<bool>();
  a.failed_signins = r[9].as<int>();
  a.locked_until = r[10].c_str();
  a.created = r[11].c_str();
  return a;
}

Error conflict(std::string message) {
  return Error{ErrorCode::kConflict, std::move(message), {}};
}

}  // namespace

Result<void> PostgresAccountStore::add_team(const Team& team) {
  if (auto valid = check_team(team); !valid) return valid;
  return write("add the team " + team.id, [&](pqxx::work& tx) -> Result<void> {
    if (exists(tx, "SELECT 1 FROM teams WHERE id = $1", team.id))
      return std::unexpected(conflict("there is a team " + team.id + " already"));
    tx.exec_params("INSERT INTO teams (id, name, demo, created) VALUES ($1, $2, $3, " +
                       std::string(kNowUtcSql) + ")",
                   team.id, team.name, team.demo);
    return {};
  });
}

Result<std::vector<Team>> PostgresAccountStore::list_teams() {
  return read("list the teams", [&](pqxx::read_transaction& tx) -> Result<std::vector<Team>> {
    std::vector<Team> teams;
    for (const auto& r : tx.exec("SELECT id, name, demo FROM teams ORDER BY id COLLATE \"C\""))
      teams.push_back(Team{r[0].c_str(), r[1].c_str(), r[2].as<bool>()});
    return teams;
  });
}

Result<void> PostgresAccountStore::add_account(const Account& a) {
  if (auto valid = check_account(a); !valid) return valid;
  return write("add the account " + a.username, [&](pqxx::work& tx) -> Result<void> {
    if (exists(tx, "SELECT 1 FROM accounts WHERE username = $1", a.username))
      return std::unexpected(conflict("there is an account " + a.username + " already"));
    if (!a.team.empty() && !exists(tx, "SELECT 1 FROM teams WHERE id = $1", a.team))
      return std::unexpected(
          Error::not_found("there is no team " + a.team + " (for the account " + a.username + ")"));
    if (!a.line_manager.empty() &&
        !exists(tx, "SELECT 1 FROM accounts WHERE username = $1", a.line_manager))
      return std::unexpected(Error::not_found("there is no account " + a.line_manager +
                                              " (the line manager of " + a.username + ")"));
    tx.exec_params(
        "INSERT INTO accounts (username, display_name, role, team, agency, line_manager, "
        "password_hash, disabled, demo, failed_signins, locked_until, created) VALUES "
        "($1, $2, $3, nullif($4, ''), $5, nullif($6, ''), $7, $8, $9, $10, $11, "
        "coalesce(nullif($12, ''), " +
            std::string(kNowUtcSql) + "))",
        a.username, a.display_name, a.role, a.team, a.agency, a.line_manager, a.password_hash,
        a.disabled, a.demo, a.failed_signins, a.locked_until, a.created);
    return {};
  });
}

Result<std::optional<Account>> PostgresAccountStore::find_account(std::string_view username) {
  if (!check_username(username)) return std::nullopt;
  return read("look up the account " + std::string(username),
              [&](pqxx::read_transaction& tx) -> Result<std::optional<Account>> {
                const auto r = tx.exec_params(
                    "SELECT " + std::string(kAccountColumns) + " FROM accounts WHERE username = $1",
                    std::string(username));
                if (r.empty()) return std::nullopt;
                return account_from(r[0]);
              });
}

Result<std::vector<Account>> PostgresAccountStore::list_accounts() {
  return read("list the accounts", [&](pqxx::read_transaction& tx) -> Result<std::vector<Account>> {
    std::vector<Account> accounts;
    for (const auto& r : tx.exec("SELECT " + std::string(kAccountColumns) +
                                 " FROM accounts ORDER BY username COLLATE \"C\""))
      accounts.push_back(account_from(r));
    return accounts;
  });
}

Result<void> PostgresAccountStore::set_password(std::string_view username, std::string_view hash) {
  if (!hash.starts_with("$argon2id$"))
    return std::unexpected(Error::bad_input("the password hash for " + std::string(username) +
                                            " is not an argon2id hash"));
  return update_account("set the password of " + std::string(username), username,
                        "UPDATE accounts SET password_hash = $2, failed_signins = 0, "
                        "locked_until = '' WHERE username = $1",
                        std::string(hash));
}

Result<void> PostgresAccountStore::set_disabled(std::string_view username, bool disabled) {
  return update_account(
      std::string(disabled ? "disable" : "enable") + " the account " + std::string(username),
      username, "UPDATE accounts SET disabled = $2 WHERE username = $1", disabled);
}

Result<void> PostgresAccountStore::record_failed_signin(std::string_view username,
                                                        std::string_view locked_until) {
  if (!locked_until.empty())
    if (auto valid = check_timestamp(locked_until, "locked until"); !valid) return valid;
  return update_account("record a failed sign-in of " + std::string(username), username,
                        "UPDATE accounts SET failed_signins = failed_signins + 1, "
                        "locked_until = $2 WHERE username = $1",
                        std::string(locked_until));
}

Result<void> PostgresAccountStore::record_signin(std::string_view username) {
  return update_account("record a sign-in of " + std::string(username), username,
                        "UPDATE accounts SET failed_signins = 0, locked_until = '' "
                        "WHERE username = $1");
}

}  // namespace cinplan::store::postgres
