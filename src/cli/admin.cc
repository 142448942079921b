#include "cli/admin.h"

#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app/clock.h"
#include "app/security.h"

namespace cinplan::cli {
namespace {

// Turns the terminal's echo off while it lives (and back on after).
class NoEcho {
 public:
  NoEcho() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;
  ~NoEcho() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }

 private:
  termios saved_{};
  bool active_ = false;
};

bool is_sqlite(std::string_view db) {
  return db.starts_with("sqlite:");
}

}  // namespace

std::string administrator() {
  if (const char* env = std::getenv("CINPLAN_USER"); env != nullptr && *env != '\0') return env;
  if (const passwd* pw = getpwuid(geteuid());
      pw != nullptr && pw->pw_name != nullptr && *pw->pw_name != '\0') {
    return pw->pw_name;
  }
  return "uid " + std::to_string(geteuid());
}

Result<std::string> read_password(std::string_view for_whom) {
  std::string line;
  bool read = false;
  if (isatty(STDIN_FILENO) == 1) {
    std::cerr << "password for " << for_whom << ": " << std::flush;
    NoEcho quiet;
    read = static_cast<bool>(std::getline(std::cin, line));
    std::cerr << "\n";
  } else {
    read = static_cast<bool>(std::getline(std::cin, line));
  }
  if (!read && line.empty())
    return std::unexpected(Error::bad_input(
        "no password on standard input: give it as the first line (it is never taken as an "
        "argument)"));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Result<std::unique_ptr<store::AccountStore>> open_accounts(const std::string& db, bool create,
                                                           const std::string& needs) {
  auto opened = store::open_account_store(db, store::OpenOptions{.create = false});
  if (opened || opened.error().code != ErrorCode::kNotFound || !create) return opened;
  // kNotFound: the database (or, for SQLite, its folder) is not there.
  if (!needs.empty())
    return std::unexpected(Error::not_found("there is no " + needs + ": the database at " +
                                            store::redact_url(db) +
                                            " does not exist yet (cinplan user team-add --db " +
                                            store::redact_url(db) + " makes it with a team)"));
  return store::open_account_store(db, store::OpenOptions{.create = true});
}

Result<std::unique_ptr<store::AccountStore>> open_accounts_to_read(const std::string& db) {
  auto opened = store::open_account_store(db, store::OpenOptions{.read_only = true});
  if (!opened && opened.error().code == ErrorCode::kNotFound && is_sqlite(db) &&
      opened.error().message.starts_with("no database at "))
    return std::unexpected(Error::not_found(opened.error().message +
                                            " (cinplan user team-add or user add creates one)"));
  return opened;
}

Result<void> log_change(store::AccountStore& accounts, std::string action, std::string case_id,
                        std::string detail) {
  store::AccessEntry entry;
  entry.at = app::utc_timestamp(app::SystemClock().now());
  entry.username = administrator();
  entry.role = std::string(kAdministratorRole);
  entry.case_id = std::move(case_id);
  entry.action = std::move(action);
  entry.allowed = true;
  entry.address = std::string(kCommandLine);
  entry.detail = std::move(detail);
  auto logged = accounts.append_access(std::span(&entry, 1));
  if (!logged)
    return std::unexpected(
        Error::unavailable("the change was made but could not be written to "
                           "the access log: " +
                           logged.error().message));
  return {};
}

}  // namespace cinplan::cli
