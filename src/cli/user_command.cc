// cinplan user add | team-add | disable | enable | reset-password | list:
// staff accounts and teams, by an administrator at the command line.
// Passwords are read from standard input (admin.h), never taken as
// arguments, and checked against the policy before anything is opened.
// Everything a command can check alone is checked before the database is
// opened, so a refused command writes nothing; every change is written to
// the access log.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/clock.h"
#include "app/security.h"
#include "cli/admin.h"
#include "cli/columns.h"
#include "cli/commands.h"
#include "cli/terminal.h"

namespace cinplan::cli {
namespace {

using json = nlohmann::ordered_json;

// A placeholder that passes check_account's shape check, for checking the
// other fields before a password is read.
constexpr std::string_view kPlaceholderHash = "$argon2id$";

int done(const std::string& message) {
  print_line(std::cout, message);
  std::cout.flush();
  return std::cout ? 0 : fail("cannot write to standard output");
}

// Reads, checks and hashes the password for `username`.
Result<std::string> new_password_hash(const std::string& username) {
  auto password = read_password(username);
  if (!password) return std::unexpected(password.error());
  auto hash = app::hash_password(*password);
  app::wipe(*password);
  return hash;
}

std::string state_of(const store::Account& a, const std::string& now) {
  std::string state = a.disabled ? "disabled" : "active";
  if (!a.locked_until.empty() && a.locked_until > now) state += ", locked until " + a.locked_until;
  if (a.demo) state += ", demo";
  return state;
}

json or_null(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

}  // namespace

int run_user_add(const UserArgs& args) {
  store::Account account;
  account.username = args.username;
  account.display_name = args.name;
  account.role = args.role;
  account.team = args.team;
  account.agency = args.agency;
  account.line_manager = args.line_manager;
  account.password_hash = std::string(kPlaceholderHash);
  if (auto valid = store::check_account(account); !valid) return fail(valid.error().message);
  auto hash = new_password_hash(account.username);
  if (!hash) return fail(hash.error().message);
  account.password_hash = std::move(*hash);

  const std::string needs = !account.team.empty() ? "team " + account.team
                            : !account.line_manager.empty()
                                ? "account " + account.line_manager + " (the line manager)"
                                : "";
  auto accounts = open_accounts(args.db, /*create=*/true, needs);
  if (!accounts) return fail(accounts.error().describe());
  if (auto added = (*accounts)->add_account(account); !added) return fail(added.error().describe());
  std::string detail =
      "added " + account.username + " (" + account.display_name + ") as " + account.role;
  if (!account.team.empty()) detail += " in team " + account.team;
  if (!account.agency.empty()) detail += " of " + account.agency;
  if (!account.line_manager.empty()) detail += ", line manager " + account.line_manager;
  if (auto logged = log_change(**accounts, "account.add", "", detail); !logged)
    return fail(logged.error().message);
  return done(detail);
}

int run_team_add(const UserArgs& args) {
  const store::Team team{args.username, args.name, false};
  if (auto valid = store::check_team(team); !valid) return fail(valid.error().message);
  auto accounts = open_accounts(args.db, /*create=*/true);
  if (!accounts) return fail(accounts.error().describe());
  if (auto added = (*accounts)->add_team(team); !added) return fail(added.error().describe());
  const std::string detail = "added team " + team.id + " (" + team.name + ")";
  if (auto logged = log_change(**accounts, "team.add", "", detail); !logged)
    return fail(logged.error().message);
  return done(detail);
}

int run_user_disable(const UserArgs& args, bool disabled) {
  auto accounts = open_accounts(args.db, /*create=*/false);
  if (!accounts) return fail(accounts.error().describe());
  store::AccountStore& store = **accounts;
  if (auto set = store.set_disabled(args.username, disabled); !set)
    return fail(set.error().describe());
  std::string detail = std::string(disabled ? "disabled " : "enabled ") + args.username;
  if (disabled) {
    // Signed out everywhere: a session made before the change ends now.
    if (auto out = store.delete_sessions_of(args.username); !out)
      return fail("disabled " + args.username +
                  " but could not sign them out: " + out.error().describe());
    detail += " and signed them out everywhere";
  }
  if (auto logged = log_change(store, disabled ? "account.disable" : "account.enable", "", detail);
      !logged)
    return fail(logged.error().message);
  return done(detail);
}

int run_user_reset_password(const UserArgs& args) {
  if (auto valid = store::check_username(args.username); !valid) return fail(valid.error().message);
  auto hash = new_password_hash(args.username);
  if (!hash) return fail(hash.error().message);
  auto accounts = open_accounts(args.db, /*create=*/false);
  if (!accounts) return fail(accounts.error().describe());
  store::AccountStore& store = **accounts;
  if (auto set = store.set_password(args.username, *hash); !set)
    return fail(set.error().describe());
  if (auto out = store.delete_sessions_of(args.username); !out)
    return fail("reset the password of " + args.username +
                " but could not sign them out: " + out.error().describe());
  const std::string detail =
      "reset the password of " + args.username + " and signed them out everywhere";
  if (auto logged = log_change(store, "account.password_reset", "", detail); !logged)
    return fail(logged.error().message);
  return done(detail);
}

int run_user_list(const UserArgs& args) {
  auto accounts = open_accounts_to_read(args.db);
  if (!accounts) return fail(accounts.error().describe());
  auto listed = (*accounts)->list_accounts();
  if (!listed) return fail(listed.error().describe());
  auto grants = (*accounts)->list_grants();
  if (!grants) return fail(grants.error().describe());
  const std::string now = app::utc_timestamp(app::SystemClock().now());

  if (args.json) {
    json out = json::array();
    for (const store::Account& a : *listed) {
      json cases = json::array();
      for (const store::Grant& g : *grants)
        if (g.username == a.username) cases.push_back(g.case_id);
      out.push_back({{"username", a.username},
                     {"display_name", a.display_name},
                     {"role", a.role},
                     {"team", or_null(a.team)},
                     {"agency", or_null(a.agency)},
                     {"line_manager", or_null(a.line_manager)},
                     {"disabled", a.disabled},
                     {"locked_until", or_null(a.locked_until)},
                     {"failed_signins", a.failed_signins},
                     {"demo", a.demo},
                     {"created", a.created},
                     {"granted_cases", cases}});
    }
    std::cout << out.dump(2) << "\n";
    std::cout.flush();
    return std::cout ? 0 : fail("cannot write to standard output");
  }

  // username, name, role, team (or agency), state, granted cases
  std::vector<std::vector<std::string>> rows;
  for (const store::Account& a : *listed) {
    std::string cases;
    for (const store::Grant& g : *grants)
      if (g.username == a.username) cases += (cases.empty() ? "granted " : ", ") + g.case_id;
    rows.push_back({a.username, a.display_name, a.role,
                    !a.agency.empty() ? a.agency
                    : !a.team.empty() ? a.team
                                      : "-",
                    state_of(a, now), cases});
  }
  std::vector<std::size_t> widths(6, 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], text_width(printable(row[c])));
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c + 1 < row.size(); ++c)
      line += pad_width(printable(row[c]), widths[c]) + "  ";
    line += printable(row.back());
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  }
  const std::size_t n = listed->size();
  return done(fmt::format("{} account{}", n, n == 1 ? "" : "s"));
}

}  // namespace cinplan::cli
